"""Entity resolution: linking organization and region mentions to registry records.

A pure core over an in-memory :class:`RegistryIndex` built once per run. A mention is tried
against the registry in this order, and the first tier that answers wins:

1. ``identifier`` - an INN, OGRN or UNP found in the text next to the mention;
2. ``exact`` - :func:`soyuzprom.core.text.name_key` of the mention equals a record's name key;
3. ``alias`` - the key equals an alias key (``OrganizationAlias.alias_key``: МАЗ, short names);
4. ``normalised`` - the lemmatised key with colloquial words expanded ("Вяземского машзавода"
   -> "вяземский машиностроительный завод") equals a record's;
5. ``initialism`` - a short upper-case mention equals the initials of a record's name
   (БМЗ -> Белорусский металлургический завод) when no alias says so;
6. ``fuzzy`` - rapidfuzz ``ratio`` of lemmatised keys against the records whose first word
   starts with the same letters, at least ``fuzzy_threshold`` (see data/press/resolution.yaml).

Two different records answering the same tier (or fuzzy scores within ``tie_margin``) make
the result ``ambiguous`` with the candidates listed; no tier answering makes it ``unknown``.
Unknown organizations become candidate claims for review, never new records.

The index is lazy: loading reads names, aliases and identifiers with three narrow queries;
the lemmatised keys and initials are computed only for the first-word buckets and
initialisms a run actually asks about, so a large registry costs little per document.

Example:
    >>> index = RegistryIndex.from_session(session)
    >>> index.organization("Вяземского машзавода").status
    'matched'
    >>> index.region("Смоленщина").method
    'alias'
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import pymorphy3
import yaml
from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from soyuzprom.core.text import name_key
from soyuzprom.registry import identifiers as ids

MATCHED, AMBIGUOUS, UNKNOWN = "matched", "ambiguous", "unknown"
_WORD = re.compile(r"[\w]+(?:-[\w]+)*")
_INITIALISM = re.compile(r"^[А-ЯЁA-Z][А-ЯЁA-Zа-яё]{1,7}$")


@dataclass(frozen=True, slots=True)
class Match:
    """How one mention resolved: ``status`` matched/ambiguous/unknown, the record id when
    matched, the candidate ids when ambiguous, the tier (``method``) and its score."""

    kind: str
    mention: str
    status: str
    entity_id: int | None = None
    candidates: tuple[int, ...] = ()
    method: str = ""
    score: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "mention": self.mention, "status": self.status,
                "id": self.entity_id, "candidates": list(self.candidates),
                "method": self.method, "score": self.score}


@dataclass(frozen=True, slots=True)
class Settings:
    fuzzy_threshold: float
    tie_margin: float
    bucket_prefix: int
    colloquial: Mapping[str, str]


@lru_cache(maxsize=1)
def load_settings() -> Settings:
    """The packaged ``data/press/resolution.yaml``."""
    text = resources.files("soyuzprom.data").joinpath("press/resolution.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    return Settings(
        fuzzy_threshold=float(raw["fuzzy_threshold"]),
        tie_margin=float(raw["tie_margin"]),
        bucket_prefix=int(raw["bucket_prefix"]),
        colloquial={name_key(k): name_key(v) for k, v in raw["colloquial"].items()},
    )


@lru_cache(maxsize=1)
def load_region_aliases() -> tuple[tuple[str, str], ...]:
    """(alias, ISO code) pairs of ``data/press/region_aliases.csv``."""
    text = resources.files("soyuzprom.data").joinpath("press/region_aliases.csv").read_text(
        "utf-8"
    )
    return tuple((row["alias"], row["code"]) for row in csv.DictReader(text.splitlines()))


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of one lower-case word (ё folded), e.g. оршанского -> оршанский."""
    if not word.isalpha():
        return word
    return str(_morph().parse(word)[0].normal_form).replace("ё", "е")


def normal_key(name: str, colloquial: Mapping[str, str] | None = None) -> str:
    """Lemmatised :func:`name_key` with colloquial words expanded.

    Example:
        >>> normal_key("Вяземского машзавода")
        'вяземский машиностроительный завод'
    """
    vocab = load_settings().colloquial if colloquial is None else colloquial
    words = [lemma(w) for w in name_key(name).split()]
    return " ".join(vocab.get(w, w) for w in words)


def initials(name: str) -> str:
    """Upper-case initials of the words of a name: "Минский завод колёсных тягачей" -> МЗКТ."""
    return "".join(w[0] for w in _WORD.findall(name_key(name).replace("-", " "))).upper()


def looks_like_initialism(text: str) -> bool:
    """МАЗ, БелАЗ, МЗКТ: a short word that is upper case or mixes in upper-case letters."""
    text = text.strip()
    return bool(_INITIALISM.match(text)) and sum(c.isupper() for c in text) >= 2


# -- identifiers in text ---------------------------------------------------------------------

# "ИНН 6722000314", "ИНН/КПП 6722000314/672201001", "ОГРН: 1026700000000", "УНП 100582333"
_IDENT = re.compile(
    r"\b(ИНН|ОГРНИП|ОГРН|УНП)(?:\s*/\s*КПП)?\s*[:№]?\s*(\d{9,15})(?:\s*/\s*\d{9})?\b",
    re.IGNORECASE,
)
_LABELS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "инн": ("inn", ids.is_valid_inn),
    "огрн": ("ogrn", ids.is_valid_ogrn),
    "огрнип": ("ogrn", ids.is_valid_ogrnip),  # the registry keeps OGRNIP in ``ogrn``
    "унп": ("unp", ids.is_valid_unp),
}


@dataclass(frozen=True, slots=True)
class Identifier:
    """An identifier written in the text with its label, e.g. ``ИНН 6722000099`` -> inn."""

    kind: str  # inn | ogrn | unp
    value: str
    start: int
    end: int


def find_identifiers(text: str) -> list[Identifier]:
    """INN, OGRN(IP) and UNP with their label and a valid check digit.

    Example:
        >>> [i.kind for i in find_identifiers("ООО «Ромашка» (ИНН 7707083893)")]
        ['inn']
    """
    found = []
    for m in _IDENT.finditer(text):
        kind, valid = _LABELS[m.group(1).lower()]
        if valid(m.group(2)):
            found.append(Identifier(kind, m.group(2), m.start(), m.end()))
    return found


_GAP = re.compile(r"[\s»\"”',:;()\-–—]*(?:и\s+)?", re.IGNORECASE)


def identifiers_near(text: str, start: int, end: int, window: int = 120) -> list[Identifier]:
    """Identifiers written right after a mention, as in "ОАО «Оршанский льнокомбинат»
    (УНП 100582333)" or "(ИНН ..., ОГРН ...)": only quotes, brackets, commas and spaces may
    stand between the mention and the first one, and between one and the next, so an
    identifier of the next organization in the sentence is never taken."""
    tail = text[end:end + window].split("\n", 1)[0]
    found, position = [], 0
    for ident in find_identifiers(tail):
        if _GAP.fullmatch(tail[position:ident.start]) is None:
            break
        found.append(Identifier(ident.kind, ident.value, ident.start + end, ident.end + end))
        position = ident.end
    return found


# -- the index -------------------------------------------------------------------------------


@dataclass
class _Table:
    """Names of one kind of record (organizations or regions) and lazily built lookups."""

    names: dict[int, str]
    keys: dict[str, set[int]]
    alias_keys: dict[str, set[int]]
    settings: Settings
    _buckets: dict[str, list[tuple[int, str]]] | None = None
    _normal: dict[str, dict[str, set[int]]] = field(default_factory=dict)
    _initials: dict[str, set[int]] | None = None

    def _prefix(self, key: str) -> str:
        first = key.split(" ", 1)[0]
        return first[: self.settings.bucket_prefix]

    def bucket(self, key: str) -> list[tuple[int, str]]:
        """(id, raw name or alias) whose key starts like ``key``; built on first use."""
        if self._buckets is None:
            self._buckets = defaultdict(list)
            for source in (self.keys, self.alias_keys):
                for k, owners in source.items():
                    for owner in owners:
                        self._buckets[self._prefix(k)].append((owner, k))
        return self._buckets.get(self._prefix(key), [])

    def normal(self, key: str) -> dict[str, set[int]]:
        """Normalised key -> ids for the bucket of ``key`` (computed once per bucket)."""
        prefix = self._prefix(key)
        if prefix not in self._normal:
            table: dict[str, set[int]] = defaultdict(set)
            for owner, raw in self.bucket(key):
                table[normal_key(raw, self.settings.colloquial)].add(owner)
            self._normal[prefix] = table
        return self._normal[prefix]

    def initials(self) -> dict[str, set[int]]:
        if self._initials is None:
            self._initials = defaultdict(set)
            for owner, name in self.names.items():
                if len(name.split()) >= 2:
                    self._initials[initials(name)].add(owner)
        return self._initials


def registry_rows(session: Session) -> dict[str, Any]:
    """The rows an index is built from: organizations (id, name, short name, INN, OGRN,
    UNP), aliases (organization id, alias) and regions (id, code, name)."""
    from soyuzprom.registry.models import Organization, OrganizationAlias, Region

    return {
        "organizations": session.execute(
            select(Organization.id, Organization.name, Organization.short_name,
                   Organization.inn, Organization.ogrn, Organization.unp)
        ).all(),
        "aliases": session.execute(
            select(OrganizationAlias.organization_id, OrganizationAlias.alias)
        ).all(),
        "regions": session.execute(select(Region.id, Region.code, Region.name)).all(),
    }


def _decide(kind: str, mention: str, owners: Iterable[int], method: str,
            score: float = 100.0) -> Match | None:
    found = tuple(sorted(set(owners)))
    if not found:
        return None
    if len(found) == 1:
        return Match(kind, mention, MATCHED, found[0], found, method, score)
    return Match(kind, mention, AMBIGUOUS, None, found, method, score)


class RegistryIndex:
    """Organizations and regions of the registry, in memory, for one resolution run.

    Build with :meth:`from_session` (loads on first use) or :meth:`from_rows` (tests,
    benchmarks). Not thread-safe; build one per run.
    """

    def __init__(self, loader: Callable[[], dict[str, Any]],
                 settings: Settings | None = None) -> None:
        self._loader = loader
        self._settings = settings or load_settings()
        self._orgs: _Table | None = None
        self._regions: _Table | None = None
        self._by_ident: dict[tuple[str, str], int] = {}
        self._region_codes: dict[int, str] = {}

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def from_session(cls, session: Session) -> RegistryIndex:
        """An index that reads the registry through ``session`` on first use."""
        return cls(lambda: registry_rows(session))

    @classmethod
    def from_rows(cls, organizations: Iterable[tuple[Any, ...]],
                  aliases: Iterable[tuple[int, str]] = (),
                  regions: Iterable[tuple[int, str, str]] = ()) -> RegistryIndex:
        """Organizations as (id, name, short_name, inn, ogrn, unp) rows."""
        data = {"organizations": list(organizations), "aliases": list(aliases),
                "regions": list(regions)}
        return cls(lambda: data)

    def _load(self) -> None:
        if self._orgs is not None:
            return
        data = self._loader()
        names: dict[int, str] = {}
        keys: dict[str, set[int]] = defaultdict(set)
        alias_keys: dict[str, set[int]] = defaultdict(set)
        for org_id, name, short_name, inn, ogrn, unp in data["organizations"]:
            names[org_id] = name
            keys[name_key(name)].add(org_id)
            if short_name:
                alias_keys[name_key(short_name)].add(org_id)
            for kind, value in (("inn", inn), ("ogrn", ogrn), ("unp", unp)):
                if value:
                    self._by_ident[(kind, value)] = org_id
        for org_id, alias in data["aliases"]:
            alias_keys[name_key(alias)].add(org_id)
        self._orgs = _Table(names, keys, alias_keys, self._settings)
        self._regions = self._region_table(data["regions"])

    def _region_table(self, rows: Iterable[tuple[int, str, str]]) -> _Table:
        names: dict[int, str] = {}
        keys: dict[str, set[int]] = defaultdict(set)
        alias_keys: dict[str, set[int]] = defaultdict(set)
        by_code: dict[str, int] = {}
        for region_id, code, name in rows:
            names[region_id] = name
            by_code[code] = region_id
            self._region_codes[region_id] = code
            keys[name_key(name)].add(region_id)
            # Official names carry a second form ("Кемеровская область — Кузбасс") or a
            # bracketed one ("Республика Саха (Якутия)"); each part is an alias.
            for part in re.split(r"\s+—\s+|\s*[()]\s*", name):
                if part and part != name:
                    alias_keys[name_key(part)].add(region_id)
            if name.startswith("Республика "):
                alias_keys[name_key(name.removeprefix("Республика "))].add(region_id)
        for alias, code in load_region_aliases():
            if code in by_code:
                alias_keys[name_key(alias)].add(by_code[code])
        return _Table(names, keys, alias_keys, self._settings)

    # -- reading ----------------------------------------------------------------------------

    def organization_name(self, org_id: int) -> str | None:
        self._load()
        assert self._orgs is not None
        return self._orgs.names.get(org_id)

    def region_code(self, region_id: int) -> str | None:
        self._load()
        return self._region_codes.get(region_id)

    def by_identifier(self, kind: str, value: str) -> int | None:
        self._load()
        return self._by_ident.get((kind, value))

    def organization(self, mention: str, *, surface: str | None = None,
                     identifiers: Iterable[Identifier] = ()) -> Match:
        """Resolve an organization mention (its normalised name, optionally the surface
        text as written, and identifiers written next to it)."""
        self._load()
        assert self._orgs is not None
        for ident in identifiers:
            owner = self._by_ident.get((ident.kind, ident.value))
            if owner is not None:
                return Match("organization", mention, MATCHED, owner, (owner,), "identifier",
                             100.0)
        for text in dict.fromkeys(t for t in (mention, surface) if t):
            found = self._resolve(self._orgs, "organization", text, mention)
            if found.status != UNKNOWN:
                return found
        return Match("organization", mention, UNKNOWN)

    def region(self, mention: str, *, surface: str | None = None) -> Match:
        """Resolve a region mention: official name, alias ("Смоленщина", "белорусский"),
        inflected form ("Смоленской области")."""
        self._load()
        assert self._regions is not None
        for text in dict.fromkeys(t for t in (mention, surface) if t):
            found = self._resolve(self._regions, "region", text, mention, fuzzy=False)
            if found.status != UNKNOWN:
                return found
        return Match("region", mention, UNKNOWN)

    def _resolve(self, table: _Table, kind: str, text: str, mention: str,
                 fuzzy: bool = True) -> Match:
        key = name_key(text)
        if not key:
            return Match(kind, mention, UNKNOWN)
        for method, owners in (("exact", table.keys.get(key)),
                               ("alias", table.alias_keys.get(key))):
            found = _decide(kind, mention, owners or (), method)
            if found is not None:
                return found
        normal = normal_key(text, self._settings.colloquial)
        found = _decide(kind, mention, table.normal(key).get(normal, ()), "normalised")
        if found is not None:
            return found
        if kind == "organization" and looks_like_initialism(text):
            found = _decide(kind, mention, table.initials().get(text.upper(), ()), "initialism")
            if found is not None:
                return found
        if fuzzy:
            return self._fuzzy(table, kind, mention, key, normal)
        return Match(kind, mention, UNKNOWN)

    def _fuzzy(self, table: _Table, kind: str, mention: str, key: str, normal: str) -> Match:
        best: dict[int, float] = {}
        for candidate, owners in table.normal(key).items():
            score = float(fuzz.ratio(normal, candidate))
            if score >= self._settings.fuzzy_threshold:
                for owner in owners:
                    best[owner] = max(best.get(owner, 0.0), score)
        if not best:
            return Match(kind, mention, UNKNOWN)
        top = max(best.values())
        tied = [o for o, s in best.items() if top - s <= self._settings.tie_margin]
        found = _decide(kind, mention, tied, "fuzzy", round(top, 1))
        assert found is not None
        return found
