"""Load the press vocabularies from ``soyuzprom/data/press`` once per process.

Surface forms in the data files are turned into lemma keys here, so rules compare lemmas.

Example::

    >>> v = get_vocabulary()
    >>> v.regions_by_key[("смоленщина",)].name
    'Смоленская область'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml

from soyuzprom.press.extraction.morph import Morph, get_morph, normal_word

COUNTRY_GEN = {"RU": "Российской Федерации", "BY": "Республики Беларусь"}
COUNTRY_NAME = {"RU": "Российская Федерация", "BY": "Республика Беларусь"}


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    country: str  # RU | BY
    kind: str  # country | subject | oblast


@dataclass(frozen=True, slots=True)
class StateBody:
    pattern: str
    key: tuple[str, ...]
    base: str
    names: dict[str, str]  # country -> override
    default: str  # RU | BY | "" (needs a qualifier) | "=" (base as is)


@dataclass(frozen=True, slots=True)
class KnownOrg:
    name: str
    country: str
    kind: str


@dataclass(frozen=True)
class Vocabulary:
    regions_by_key: dict[tuple[str, ...], Region]
    region_adjectives: dict[str, Region]  # "смоленский" -> Смоленская область
    region_max_len: int
    country_stems: dict[str, str]
    orgs: dict[str, Any]
    legal_short: frozenset[str]
    legal_long: tuple[tuple[str, ...], ...]
    generic_heads: dict[tuple[str, ...], dict[str, str]]
    initialisms: dict[str, KnownOrg]
    known_orgs: dict[str, KnownOrg]  # lemma key "гомсельмаш" -> org
    state_bodies: dict[tuple[str, ...], StateBody]
    place_adjectives: dict[str, str]  # lemma -> country (towns' and regions' adjectives)
    centers: dict[tuple[str, ...], Region]  # lemma key of a regional centre -> its region
    relations: dict[str, Any]
    figures: dict[str, Any]
    roles: dict[str, Any]
    relevance: dict[str, Any]

    @cached_property
    def region_first(self) -> frozenset[str]:
        """First lemmas of region keys: most tokens start no region, so skip them fast."""
        return frozenset(k[0] for k in self.regions_by_key)

    @cached_property
    def body_first(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.state_bodies)

    @cached_property
    def generic_first(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.generic_heads)

    @cached_property
    def legal_first(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.legal_long)

    def lemma_set(self, section: dict[str, Any], key: str) -> frozenset[str]:
        return frozenset(normal_word(x) for x in section.get(key, []))


def _read_text(name: str) -> str:
    path = resources.files("soyuzprom").joinpath("data").joinpath("press").joinpath(name)
    return path.read_text(encoding="utf-8")


def _yaml(name: str) -> Any:
    return yaml.safe_load(_read_text(name))


def _csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_read_text(name).splitlines()))


def phrase_key(morph: Morph, phrase: str) -> tuple[str, ...]:
    """Lemma key of a phrase: "Смоленская область" -> ("смоленский", "область")."""
    words = [w for w in phrase.replace("«", " ").replace("»", " ").split() if w]
    out = []
    for k, w in enumerate(words):
        if not w[:1].isalpha():
            out.append(w)
            continue
        parses = morph.parse(normal_word(w.strip(".")))
        # a modifier is an adjective when it can be one ("Тверская" is also a street name)
        adj = next((p for p in parses if p.tag.POS == "ADJF"), None) if k < len(words) - 1 \
            else None
        out.append(normal_word(adj.normal_form) if adj else morph.plain_lemma(w.strip(".")))
    return tuple(out)


def build_vocabulary(morph: Morph) -> Vocabulary:
    regions: dict[tuple[str, ...], Region] = {}
    adjectives: dict[str, Region] = {}
    for row in _csv("regions.csv"):
        region = Region(row["code"], row["name"], row["country"], row["kind"])
        for form in row["forms"].split("|"):
            regions[phrase_key(morph, form)] = region
        first, *rest = row["name"].split()
        if rest and rest[0] in ("область", "край") and region.kind != "country":
            adjectives[morph.plain_lemma(first)] = region
    by_name = {r.name: r for r in regions.values()}
    for adj, name in _yaml("region_adjectives.yaml").items():
        if name is None:  # ambiguous with a city that is not a region: "минский"
            adjectives.pop(normal_word(adj), None)
        else:
            adjectives[normal_word(adj)] = by_name[name]
    orgs = _yaml("organizations.yaml")
    generic: dict[tuple[str, ...], dict[str, str]] = {}
    for head, spec in orgs["generic_heads"].items():
        generic[phrase_key(morph, head)] = dict(spec)
    initialisms = {
        r["form"]: KnownOrg(r["name"], r["country"], r["kind"]) for r in _csv("initialisms.csv")
    }
    known = {
        " ".join(phrase_key(morph, r["name"])): KnownOrg(r["name"], r["country"], r["kind"])
        for r in _csv("known_organizations.csv")
    }
    bodies: dict[tuple[str, ...], StateBody] = {}
    for r in _csv("state_bodies.csv"):
        key = phrase_key(morph, r["pattern"])
        names = {c: r[c.lower()] for c in ("RU", "BY") if r[c.lower()]}
        bodies[key] = StateBody(r["pattern"], key, r["base"], names, r["default"])
    places: dict[str, str] = {}
    for country, words in _yaml("place_adjectives.yaml").items():
        for w in words:
            places[normal_word(w)] = country
    for lemma, region in adjectives.items():
        places.setdefault(lemma, region.country)
    return Vocabulary(
        regions_by_key=regions,
        region_adjectives=adjectives,
        region_max_len=max(len(k) for k in regions),
        country_stems={"российск": "RU", "белорусск": "BY", "русск": "RU"},
        orgs=orgs,
        legal_short=frozenset(orgs["legal_forms_short"]),
        legal_long=tuple(phrase_key(morph, x) for x in orgs["legal_forms_long"]),
        generic_heads=generic,
        initialisms=initialisms,
        known_orgs=known,
        state_bodies=bodies,
        place_adjectives=places,
        centers={phrase_key(morph, city): by_name[name]
                 for city, name in _yaml("region_centers.yaml").items()},
        relations=_yaml("relations.yaml"),
        figures=_yaml("figures.yaml"),
        roles=_yaml("roles.yaml"),
        relevance=_yaml("relevance.yaml"),
    )


@lru_cache(maxsize=1)
def get_vocabulary() -> Vocabulary:
    return build_vocabulary(get_morph())
