"""Reference data packaged under ``soyuzprom/data/classifiers``: regions and classifiers.

Pure readers: they open the packaged CSV files (see the README there for origin and licence)
and yield frozen dataclasses. The one database entry point, :func:`load_reference`, is a thin
door to :mod:`soyuzprom.registry.reference_loader`, so this module imports no ORM code.

Regions (:func:`read_regions`)
    * the countries Russia and Belarus (kind ``country``, code ``RU`` / ``BY``, names from
      ОКСМ);
    * the Russian federal subjects (kind ``subject``) from the HFLabs list, whose FNS region
      code is ``kladr_id[:2]`` (67 for Smolensk; *not* the OKATO prefix, 66), plus the four
      subjects that list lacks (``ru_regions_supplement.csv``): ДНР (FNS 93), ЛНР (94),
      Запорожская (90) and Херсонская (95) области. ISO 3166-2 lists no ``RU-`` code for
      them; like the HFLabs list does for Crimea (UA-43) and Sevastopol (UA-40), they carry
      the ISO 3166-2 codes that exist (UA-14, UA-09, UA-23, UA-65) with ``country = "RU"``.
      Baikonur (a leased city, not a federal subject) is left out;
    * the six Belarusian oblasts (kind ``oblast``) and Minsk city (kind ``city``).

Classifiers (:func:`read_classifier`), one :class:`ClassifierRecord` per code:
    ``okved2`` and ``okpd2``
        sections are the letters ``A``..``U``; a code's parent is the nearest existing code
        with one character less (``01.11.11`` -> ``01.11.1`` -> ``01.11`` -> ``01.1`` ->
        ``01``), except in the last, three-digit OKPD2 group, which pads with zeros
        (``01.11.11.111`` -> ``01.11.11.110`` -> ``01.11.11``); a division's parent is its
        section. OKPD2 has no division-to-section column;
        both classifiers share the NACE Rev. 2 / CPA 2008 divisions, so the mapping is taken
        from OKVED2.
    ``oksm``
        the numeric country code (``112`` Belarus, ``643`` Russia), the short official name,
        ``extra`` = ``"BY BLR"`` (alpha-2, alpha-3). No hierarchy.
    ``tnved``
        sections ``I``..``XXI`` and chapters ``01``..``97`` of the 2022 edition in force;
        headings and subheadings (4/6/8/10 digits) from the FTS 2016 edition, the only full
        tree available offline (``extra`` = ``"2016"``). The parent of a code is its nearest
        existing shorter prefix (10 -> 8 -> 6 -> 4 -> 2 digits), of a chapter its section.
        The FTS confidential pseudo-codes ``SS``..``SSSSSSSSSS`` are dropped.

Example:
    >>> smo = next(r for r in read_regions() if r.code == "RU-SMO")
    >>> smo.name, smo.fns_code, smo.okato_prefix
    ('Смоленская область', '67', '66')
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from soyuzprom.errors import DomainValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SCHEMES = ("okved2", "okpd2", "oksm", "tnved")
# The two countries of the Union State: the regions table holds them as regions of kind country.
COUNTRIES = ("RU", "BY")
TNVED_DETAIL_EDITION = "2016"

_ROMAN = (
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


@dataclass(frozen=True, slots=True)
class RegionRecord:
    """A country, a Russian federal subject, a Belarusian oblast or Minsk city.

    ``code`` is ISO 3166-2 (``RU-SMO``, ``BY-VI``) or ISO 3166-1 alpha-2 for a country;
    ``fns_code`` the two-digit FNS/KLADR region code (Russian subjects only); ``okato`` the
    11-digit OKATO code of the subject.
    """

    code: str
    name: str
    kind: str
    country: str
    type_name: str | None = None
    fns_code: str | None = None
    okato: str | None = None
    federal_district: str | None = None
    name_en: str | None = None
    capital: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def okato_prefix(self) -> str | None:
        """The two-digit OKATO region prefix (``66`` for Smolensk oblast)."""
        return self.okato[:2] if self.okato else None


@dataclass(frozen=True, slots=True)
class ClassifierRecord:
    """One code of a classifier; ``parent_code`` is None at the top of the hierarchy."""

    scheme: str
    code: str
    name: str
    parent_code: str | None = None
    extra: str | None = None


def _rows(filename: str) -> Iterator[dict[str, str]]:
    path = resources.files("soyuzprom") / "data" / "classifiers" / filename
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


# --- regions -----------------------------------------------------------------------------


def read_regions() -> list[RegionRecord]:
    """All regions: the two countries, the Russian subjects, the Belarusian regions."""
    return [*_countries(), *_russian_subjects(), *_belarusian_regions()]


def _countries() -> Iterator[RegionRecord]:
    names = {row["alpha2"]: row["full_name"] or row["short_name"] for row in _rows("oksm.csv")}
    for alpha2 in COUNTRIES:
        yield RegionRecord(code=alpha2, name=names[alpha2], kind="country", country=alpha2)


def _russian_name(name_with_type: str, abbreviation: str, type_name: str) -> str:
    """``"Респ Адыгея"`` -> ``"Республика Адыгея"``; ``"г Москва"`` -> ``"Москва"``."""
    replacement = "" if abbreviation == "г" else type_name
    words = [replacement if w == abbreviation else w for w in name_with_type.split(" ")]
    return " ".join(w for w in words if w).replace(" - ", " — ")


def _russian_subjects() -> Iterator[RegionRecord]:
    types = {row["abbreviation"]: row["type_name"] for row in _rows("ru_region_types.csv")}
    overrides = {row["iso_code"]: row["name"] for row in _rows("ru_region_names.csv")}
    for row in _rows("ru_regions_hflabs.csv"):
        if not row["federal_district"]:  # Baikonur: leased, not a federal subject
            continue
        yield _subject(row, row["kladr_id"][:2], types, overrides)
    for row in _rows("ru_regions_supplement.csv"):
        yield _subject(row, row["fns_code"], types, overrides)


def _subject(
    row: dict[str, str], fns_code: str, types: dict[str, str], overrides: dict[str, str]
) -> RegionRecord:
    type_name = types[row["type"]]
    code = row["iso_code"]
    name = overrides.get(code) or _russian_name(row["name_with_type"], row["type"], type_name)
    return RegionRecord(
        code=code,
        name=name,
        kind="subject",
        country="RU",
        type_name=type_name,
        fns_code=fns_code,
        okato=row.get("okato") or None,
        federal_district=row["federal_district"] or None,
        name_en=row.get("geoname_name") or None,
    )


def _belarusian_regions() -> Iterator[RegionRecord]:
    for row in _rows("by_regions.csv"):
        yield RegionRecord(
            code=row["iso_3166_2"],
            name=row["name_ru"],
            kind="city" if row["type"] == "city" else "oblast",
            country="BY",
            type_name="город" if row["type"] == "city" else "область",
            name_en=row["name_iso"],
            capital=row["center_ru"],
            lat=float(row["center_lat"]),
            lon=float(row["center_lon"]),
        )


# --- classifiers -------------------------------------------------------------------------


def read_classifiers() -> Iterator[ClassifierRecord]:
    """Every entry of every scheme in :data:`SCHEMES`, parents before children."""
    for scheme in SCHEMES:
        yield from read_classifier(scheme)


def read_classifier(scheme: str) -> Iterator[ClassifierRecord]:
    """The entries of one scheme (``okved2``, ``okpd2``, ``oksm`` or ``tnved``).

    Parents come before their children, so a loader may insert in order.

    >>> [e.code for e in read_classifier("okved2")][:3]
    ['A', '01', '01.1']
    """
    readers = {"okved2": _okved2, "okpd2": _okpd2, "oksm": _oksm, "tnved": _tnved}
    if scheme not in readers:
        raise DomainValidationError(
            f"Неизвестный классификатор: {scheme}", field="scheme", details={"known": SCHEMES}
        )
    return readers[scheme]()


def _dotted_parent(code: str, known: set[str]) -> str | None:
    """Nearest existing ancestor of a dotted OKVED2/OKPD2 code.

    Up to ``XX.XX.XX`` every character is a level: drop one at a time (``01.11.11`` ->
    ``01.11.1`` -> ``01.11``). The last OKPD2 group of three digits pads with zeros: a
    sub-type ``01.11.11.111`` sits under the type ``01.11.11.110``, which sits under
    ``01.11.11``.
    """
    last_group = code.rsplit(".", 1)[-1]
    for k in range(len(code) - 1, 1, -1):
        prefix = code[:k]
        if len(last_group) == 3 and "." not in code[k - 1 :]:
            padded = prefix + "0" * (len(code) - k)
            if padded != code and padded in known:
                return padded
        if prefix.rstrip(".") in known and prefix.rstrip(".") != code:
            return prefix.rstrip(".")
    return None


def _division_sections() -> dict[str, str]:
    """OKVED2 division (``01``) -> section letter (``A``); shared with OKPD2."""
    return {row["code"]: row["section"] for row in _rows("okved2.csv") if len(row["code"]) == 2}


def _okved2() -> Iterator[ClassifierRecord]:
    rows = list(_rows("okved2.csv"))
    known = {row["code"] for row in rows if row["code"]}
    for row in rows:
        code = row["code"] or row["section"]
        if not row["code"]:
            parent = None
        elif len(code) == 2:
            parent = row["section"]
        else:
            parent = _dotted_parent(code, known)
        yield ClassifierRecord("okved2", code, row["name"], parent)


def _okpd2() -> Iterator[ClassifierRecord]:
    rows = list(_rows("okpd2.csv"))
    sections = _division_sections()
    known = {row["code"] for row in rows}
    # The file lists the section letters last; yield them first so parents precede children.
    for row in sorted(rows, key=lambda r: not r["code"].isalpha()):
        code = row["code"]
        if code.isalpha():
            parent = None
        elif len(code) == 2:
            parent = sections.get(code)
        else:
            parent = _dotted_parent(code, known)
        yield ClassifierRecord("okpd2", code, row["name"], parent)


def _oksm() -> Iterator[ClassifierRecord]:
    for row in _rows("oksm.csv"):
        yield ClassifierRecord(
            "oksm", row["code"], row["short_name"], None, f"{row['alpha2']} {row['alpha3']}"
        )


def to_roman(number: int) -> str:
    """Roman numeral of a TN VED section number (1..39): ``16`` -> ``"XVI"``."""
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _tnved() -> Iterator[ClassifierRecord]:
    chapters = list(_rows("tnved2022_chapters.csv"))
    used_sections = {row["section"] for row in chapters}
    for row in _rows("tnved2022_sections.csv"):
        # Section 22 ("FIFA2018") is a technical section of the FTS file without chapters.
        if row["section"] in used_sections:
            yield ClassifierRecord("tnved", to_roman(int(row["section"])), row["name"], None)
    for row in chapters:
        yield ClassifierRecord(
            "tnved", row["chapter"], row["name"], to_roman(int(row["section"]))
        )
    chapter_codes = {row["chapter"] for row in chapters}
    detail = [
        row for row in _rows("tnved_fts_2016.csv")
        if len(row["code"]) > 2 and re.fullmatch(r"[0-9]+", row["code"])
    ]
    known = chapter_codes | {row["code"] for row in detail}
    for row in sorted(detail, key=lambda r: (len(r["code"]), r["code"])):
        code = row["code"]
        parent = next(
            (code[:n] for n in range(len(code) - 2, 0, -2) if code[:n] in known), None
        )
        yield ClassifierRecord("tnved", code, row["name"], parent, TNVED_DETAIL_EDITION)


def load_reference(session: Session) -> dict[str, int]:
    """Upsert all of the above into the database; see :mod:`.reference_loader`."""
    from soyuzprom.registry.reference_loader import load_reference as load

    return load(session)
