"""Parties of relations: organizations and regions mentioned in a sentence, and persons
standing for the body their role names (a minister for the ministry, a governor for the
region, a president for the country).

Example::

    >>> body_of_person(person_with_role("губернатор Смоленской области"), ...)
    ('Смоленская область', 'RU')
"""

from __future__ import annotations

from dataclasses import dataclass

from soyuzprom.press.extraction.nlp import Token
from soyuzprom.press.extraction.organizations import OrgMention
from soyuzprom.press.extraction.persons import PersonMention
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import COUNTRY_NAME

_NATIONAL = {"президент", "премьер-министр", "премьер", "вице-премьер", "посол"}
_REGIONAL = {"губернатор", "вице-губернатор", "врио", "глава", "председатель", "мэр"}


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    country: str
    first: int  # token range of the mention in the sentence
    last: int
    is_country: bool


def body_of_person(p: PersonMention, orgs: list[OrgMention], regions: list[RegionMention],
                   tokens: list[Token]) -> tuple[str, str] | None:
    """The body a person stands for, from the mentions inside the role."""
    if p.role_first < 0:
        return None
    lo, hi = p.role_first, p.role_last
    inside_orgs = [o for o in orgs if lo <= o.first and o.last <= hi]
    if inside_orgs:
        return inside_orgs[0].name, inside_orgs[0].country
    inside_regions = [r for r in regions if lo <= r.first and r.last <= hi]
    head = tokens[lo].lemma if lo < len(tokens) else ""
    role_lemmas = {t.lemma for t in tokens[lo:hi + 1]}
    if inside_regions:
        subjects = [r for r in inside_regions if r.region.kind != "country"]
        if subjects and (role_lemmas & _REGIONAL or head in _REGIONAL):
            return subjects[0].region.name, subjects[0].region.country
        if role_lemmas & _NATIONAL or not subjects:
            c = inside_regions[0].region.country
            return COUNTRY_NAME[c], c
        return subjects[0].region.name, subjects[0].region.country
    return None


def sentence_parties(sent: int, orgs: list[OrgMention], regions: list[RegionMention],
                     persons: list[PersonMention],
                     person_bodies: dict[str, tuple[str, str]]) -> list[Party]:
    out: list[Party] = []
    org_ranges = [(o.first, o.last) for o in orgs if o.sent == sent]
    for o in orgs:
        if o.sent == sent:
            out.append(Party(o.name, o.country, o.first, o.last, False))
    for r in regions:
        if r.sent != sent or any(a <= r.first and r.last <= b for a, b in org_ranges):
            continue
        out.append(Party(r.region.name, r.region.country, r.first, r.last,
                         r.region.kind == "country"))
    for p in persons:
        if p.sent != sent or p.name not in person_bodies:
            continue
        # the role's own mentions are already parties when the role is in this sentence
        if p.role_first >= 0 and any(p.role_first <= x.first <= p.role_last for x in out):
            continue
        name, country = person_bodies[p.name]
        out.append(Party(name, country, p.first, p.last,
                         name in COUNTRY_NAME.values()))
    return sorted(out, key=lambda x: x.first)
