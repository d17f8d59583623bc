"""Code lists the parsers check against, read once from the packaged reference data.

* FNS region codes (``КодРегион``) and the OKATO prefixes of FTS statistics, both mapped to
  ISO 3166-2 codes (``RU-SMO``); the FNS code is not the OKATO prefix (Smolensk: 67 vs 66).
* ОКСМ country codes (``112`` Belarus) and their alpha-2 letters (FTS ``STRANA``).
* OKEI units of FTS ``EDIZM``, by code and short name.

Example:
    >>> fns_region_iso("67"), okato_region("66000")[0], oksm_by_alpha2("BY")
    ('RU-SMO', 'RU-SMO', '112')
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import NamedTuple

from soyuzprom.registry import reference

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "importers"
CLASSIFIERS_DIR = DATA_DIR.parent / "classifiers"


def data_rows(name: str, folder: Path = DATA_DIR) -> list[dict[str, str]]:
    """The rows of a CSV file of the importers' data folder (``data/importers``)."""
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Region(NamedTuple):
    fns_code: str
    okato5: str
    iso_code: str
    name: str


@cache
def _regions() -> dict[str, Region]:
    found = {
        r.fns_code: Region(r.fns_code, (r.okato or "")[:5], r.code, r.name)
        for r in reference.read_regions()
        if r.fns_code
    }
    for row in data_rows("fns_extra_regions.csv"):
        found.setdefault(row["fns_code"], Region(**row))
    return found


@cache
def _okato() -> dict[str, Region]:
    return {r.okato5: r for r in _regions().values() if r.okato5}


@cache
def _successors() -> dict[str, str]:
    return {r["okato5"]: r["successor_okato5"] for r in data_rows("okato_successors.csv")}


def fns_region_iso(code: str) -> str | None:
    """ISO 3166-2 code for an FNS region code (``"67"`` -> ``"RU-SMO"``), None if unknown."""
    region = _regions().get(code.zfill(2))
    return region.iso_code if region else None


def okato_region(okato5: str) -> tuple[str, str] | None:
    """(ISO code, name) for a 5-digit OKATO region code of FTS statistics.

    Abolished autonomous okrugs map to the subject they merged into; None if unknown.
    """
    code = _successors().get(okato5, okato5)
    region = _okato().get(code)
    return (region.iso_code, region.name) if region else None


@cache
def _oksm() -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in data_rows("oksm.csv", CLASSIFIERS_DIR)}


@cache
def _alpha2() -> dict[str, str]:
    table = {r["alpha2"]: r["code"] for r in _oksm().values() if r["alpha2"]}
    for r in data_rows("fts_country_specials.csv"):
        table[r["code"]] = r["oksm"]  # "" for NNN/EU: known, but no country
    return table


def is_known_oksm(code: str) -> bool:
    """True for a code of the ОКСМ classifier (``"112"``)."""
    return code in _oksm()


def oksm_name(code: str) -> str | None:
    """Short name of an ОКСМ country (``"112"`` -> ``"БЕЛАРУСЬ"``)."""
    row = _oksm().get(code)
    return row["short_name"] if row else None


def oksm_by_alpha2(alpha2: str) -> str | None:
    """ОКСМ code for an ISO alpha-2 / FTS country code; ``""`` for known non-countries
    (``NNN`` undisclosed, ``EU``); None when the code is unknown."""
    return _alpha2().get(alpha2.upper())


def alpha2_by_oksm(code: str) -> str | None:
    """ISO alpha-2 for an ОКСМ code (``"112"`` -> ``"BY"``)."""
    row = _oksm().get(code)
    return row["alpha2"] if row and row["alpha2"] else None


@cache
def _units() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    by_code: dict[str, tuple[str, str]] = {}
    by_name: dict[str, tuple[str, str]] = {}
    for r in data_rows("fts_units.csv", CLASSIFIERS_DIR):
        by_code[r["KOD"]] = (r["KOD"], r["SHORT_NAME"])
        by_name[r["SHORT_NAME"].upper()] = (r["KOD"], r["SHORT_NAME"])
        by_name[r["NAME"].upper()] = (r["KOD"], r["SHORT_NAME"])
    return by_code, by_name


def fts_unit(value: str) -> tuple[str, str] | None:
    """(OKEI code, short name) for an EDIZM value given by code or name; None if unknown.

    Example: ``fts_unit("Л 100% СПИРТА") == ("831", "Л 100% СПИРТА")``.
    """
    by_code, by_name = _units()
    text = " ".join(value.split()).upper()
    return by_code.get(text.zfill(3)) if text.isdigit() else by_name.get(text)
