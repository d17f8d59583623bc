"""The extractor: natasha analysis + our domain rules -> :class:`Extraction`.

Example::

    >>> ex = Extractor()
    >>> ex.extract("Минский тракторный завод открыл сервисный центр в Смоленской области.",
    ...            published=None).to_json()["regions"]
    ['Смоленская область']
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from soyuzprom.press.extraction.buyers import Sale, buyer_relations
from soyuzprom.press.extraction.dealers import DEALER_WORDS, is_bare, named_dealers
from soyuzprom.press.extraction.figures import FigureFinder
from soyuzprom.press.extraction.model import Extraction, Figure, Mention, Person, Relation
from soyuzprom.press.extraction.morph import normal_word
from soyuzprom.press.extraction.nlp import (
    Analysis,
    NatashaModels,
    Token,
    analyze,
    get_models,
    is_title,
    parse_sentences,
)
from soyuzprom.press.extraction.organizations import OrgMention, find_organizations
from soyuzprom.press.extraction.parties import (
    Party,
    body_of_person,
    body_regions,
    center_parties,
    collective_parties,
    descriptor_parties,
    envoy_parties,
    pronoun_parties,
    region_noun_parties,
    republic_parties,
    sentence_parties,
    speaker_parties,
)
from soyuzprom.press.extraction.persons import PersonFinder, PersonMention
from soyuzprom.press.extraction.regions import RegionMention, find_regions
from soyuzprom.press.extraction.relations import (
    SYMMETRIC,
    TriggerIndex,
    fallback_parties,
    find_relations,
    refine_hosts,
    sentence_pair,
)
from soyuzprom.press.extraction.relevance import is_relevant
from soyuzprom.press.extraction.resources import (
    COUNTRY_NAME,
    Region,
    Vocabulary,
    get_vocabulary,
)

_SECTION_TITLE = "relations"


class Extractor:
    """Thread-compatible extractor; build once (see ``get_extractor``)."""

    def __init__(self, models: NatashaModels | None = None,
                 vocab: Vocabulary | None = None) -> None:
        self.models = models or get_models()
        self.vocab = vocab or get_vocabulary()
        self.morph = self.models.morph
        self.triggers = TriggerIndex(self.vocab)
        self.figures = FigureFinder(self.vocab, self.morph)
        rel = self.vocab.relevance
        self.region_names = frozenset(r.name for r in self.vocab.regions_by_key.values())
        self.economic = frozenset(normal_word(x) for x in rel["economic"])
        self.non_economic = frozenset(normal_word(x) for x in rel["non_economic"])
        self.cross_border = frozenset(normal_word(x) for x in rel["cross_border"])

    def extract(self, text: str, published: dt.date | None = None) -> Extraction:
        if not text or not text.strip():
            return Extraction(relevant=False)
        a = analyze(self.models, text)
        regions = find_regions(a, self.vocab, self.morph)
        orgs = find_organizations(a, self.vocab, self.morph, regions)
        persons = PersonFinder(a, self.vocab, self.morph, regions).run()
        # drop persons that are organizations or regions in disguise
        org_tokens = {i for o in orgs for i in range(o.first, o.last + 1)}
        one_word_orgs = {normal_word(o.name)[:5] for o in orgs if " " not in o.name}
        # "от хозяйств Слуцкого и Копыльского районов" with "Слуцкий сыродельный комбинат"
        # in the text: the lone word is the place the enterprise is named after
        one_word_orgs |= {normal_word(w)[:5] for o in orgs if " " in o.name
                          for w in o.name.split()[:1] if w.endswith(("ий", "ый", "ой"))}
        persons = [p for p in persons if p.first not in org_tokens and not (
            " " not in p.name and normal_word(p.name)[:5] in one_word_orgs)]
        bodies = self._person_bodies(a, persons, orgs, regions)
        spans = [(o.first, o.last) for o in orgs]
        names = {(o.first, o.last): o.name for o in orgs}
        dealers = {k: names[span] for k, span in named_dealers(
            a.tokens, spans, self.vocab.legal_short)}
        # "дилер открыл сервисный центр": a bare dealer word refers back, it states no
        # dealership of its own
        bare = {t.i for t in a.tokens if t.lemma in DEALER_WORDS and t.i not in dealers
                and is_bare(a.tokens, t.i, spans)}
        sent_triggers = [self.triggers.find(a.sent_tokens(s), bare)
                         for s in range(len(a.sents))]
        economic_sents = {t.sent for t in a.tokens if t.lemma in self.economic} | {
            s for s, found in enumerate(sent_triggers) if found}
        sides = _sides(regions, orgs, bodies, economic_sents)
        # the oblast read from its executive committee ("Брестский облисполком" -> Брестская
        # область) is listed, but the committee, not the oblast, is the party
        all_regions = regions
        committees = {o.first for o in orgs if o.name.endswith("исполнительный комитет")}
        regions = [r for r in regions if r.first not in committees]
        relations: list[Relation] = []
        if {"RU", "BY"} <= sides:
            fallback = fallback_parties(orgs, regions)
            region_fallback = fallback_parties([], regions)
            maker_fallback = {side: replace(p, is_org=True) for side, p in fallback_parties(
                [o for o in orgs if o.kind == "enterprise"], []).items()}

            # The parser runs once per text, only on sentences where direction matters: a
            # directional trigger (supply, production, service, investment) and two mentions.
            counts = Counter([o.sent for o in orgs] + [r.sent for r in regions]
                             + [p.sent for p in persons])
            parse_sentences(self.models, a, [
                s for s, n in counts.items() if n >= 2 and not is_title(a, s)
                and any(t.type not in SYMMETRIC for t in sent_triggers[s])])
            org_tokens_all = {i for o in orgs for i in range(o.first, o.last + 1)}
            main_region = _main_region(regions)
            russian_republic = any(r.region.country == "RU" and "еспублик" in r.region.name
                                   for r in regions)
            sale: Sale | None = None
            previous: tuple[Party, Party] | None = None
            previous_sent = -1
            context: tuple[Party, Party] | None = None
            last_symmetric: tuple[Party, Party] | None = None
            for s in range(len(a.sents)):
                if is_title(a, s):
                    continue  # a headline repeats the facts of the text
                parties = sentence_parties(s, orgs, regions, persons, bodies)
                if not a.sent_text(s).lstrip().startswith(("«", "—", "-", "\"")):
                    parties += descriptor_parties(a.sent_tokens(s), a.tokens, orgs,
                                                  self.vocab.place_adjectives, org_tokens_all,
                                                  dealers)
                    parties += pronoun_parties(a.sent_tokens(s), orgs, org_tokens_all)
                    parties += envoy_parties(a.sent_tokens(s), orgs, org_tokens_all)
                parties = [_side(p, a.tokens, fallback, region_fallback) for p in parties]
                taken = org_tokens_all | {p.first for p in parties}
                parties += collective_parties(a.sent_tokens(s), a.tokens,
                                              self.vocab.region_adjectives, main_region, taken)
                parties += center_parties(a.sent_tokens(s), a.tokens, self.vocab.centers, taken)
                parties += republic_parties(a.sent_tokens(s), taken, russian_republic)
                parties += region_noun_parties(a.sent_tokens(s), a.tokens, taken, main_region)
                parties.sort(key=lambda p: p.first)
                parties = speaker_parties(s, a.sent_tokens(s), parties, persons, bodies,
                                          main_region)
                if previous is not None and s - previous_sent > 1:
                    previous = None  # "стороны" refers back one sentence, not further
                found = find_relations(a, s, parties, self.triggers, self.morph, fallback,
                                       previous, sent_triggers[s], context, region_fallback,
                                       self.region_names, maker_fallback)
                by_name = {p.name: p for p in parties} | {p.name: p for p in fallback.values()}
                # buyers named next buy from the last enterprise down the chain: the
                # dealer a maker supplies ("МТЗ ... через дилера «X»", "дилер X продал"),
                # else the supplier itself
                named = {p.name: p for p in parties if p.is_org and not p.is_body}
                main = next((r for r in found if r.type == "supply" and r.source in named),
                            None)
                if main is not None:
                    supplier = named[main.source]
                    sale = Sale(named.get(main.target, supplier), supplier, s, main.object)
                found += buyer_relations(a, s, parties, sale, self.triggers.buyer_nouns,
                                         self.triggers.role_verbs)
                relations.extend(found)
                if found:
                    last = found[-1]
                    if last.source in by_name and last.target in by_name:
                        previous = (by_name[last.source], by_name[last.target])
                        previous_sent = s
                for r in found:
                    if r.type in SYMMETRIC and r.source in by_name and r.target in by_name:
                        last_symmetric = (by_name[r.source], by_name[r.target])
                context = (sentence_pair(parties) if not found else None) or last_symmetric
        relations = refine_hosts(relations, a, orgs, {r.name for r in regions})
        relations = _committee_sides(relations, orgs, all_regions)
        lemmas = [t.lemma for t in a.tokens]
        economic = sum(1 for x in lemmas if x in self.economic)
        non_economic = sum(1 for x in lemmas if x in self.non_economic)
        relevant = is_relevant(sides, economic, non_economic, len(relations),
                               _linked_sentences(a, regions, orgs, persons, bodies,
                                                 self.cross_border, sent_triggers,
                                                 self.triggers.modality))
        figures: list[Figure] = []
        if relevant:
            for s in range(len(a.sents)):
                figures.extend(self.figures.sentence(a, s, published))
        else:
            relations = []
        org_names = {o.name for o in orgs}
        return Extraction(
            relevant=relevant,
            organizations=tuple(_unique(o.name for o in orgs)),
            enterprises=tuple(_unique(o.name for o in orgs if o.kind == "enterprise")),
            persons=tuple(_persons(persons)),
            # a relation's end is always listed: a host named by its centre ("в Екатеринбурге")
            regions=tuple(_unique([*(r.name for r in all_regions), *(
                end for rel in relations for end in (rel.source, rel.target)
                if end in self.region_names and end not in org_names)])),
            relations=tuple(_unique_relations(relations)),
            figures=tuple(_unique_figures(figures)),
            mentions=tuple(_mentions(a, orgs, all_regions)),
        )

    def _person_bodies(self, a: Analysis, persons: list[PersonMention], orgs: list[OrgMention],
                       regions: list[RegionMention]) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for p in persons:
            if p.name in out:
                continue
            body = body_of_person(p, orgs, regions, a.tokens)
            if body is not None:
                out[p.name] = body
        return out


def _committee_sides(relations: list[Relation], orgs: list[OrgMention],
                     regions: list[RegionMention]) -> list[Relation]:
    """"Делегация Витебской области ... переговоры с председателем Витебского
    облисполкома": a Belarusian oblast that meets or signs is its executive committee when
    the text names the committee (most annotators list the committee; a Russian region
    stays itself, its governor stands for it)."""
    committees = {region: body for body, region in body_regions(orgs, regions).items()
                  if region and body.endswith("областной исполнительный комитет")}
    if not committees:
        return relations
    belarusian = {body for region, body in committees.items()
                  if any(r.region.name == region and r.region.country == "BY" for r in regions)}
    if len(belarusian) == 1:
        # "Белорусские гости провели переговоры в областном правительстве": in a text about
        # one oblast's executive committee, the Belarusian side of talks is that committee
        committees = {**committees, COUNTRY_NAME["BY"]: next(iter(belarusian))}
    out = [replace(r, source=committees.get(r.source, r.source),
                   target=committees.get(r.target, r.target))
           if r.type in ("meeting", "agreement") else r for r in relations]
    return [r for r in out if r.source != r.target]


def _sides(regions: list[RegionMention], orgs: list[OrgMention],
           bodies: dict[str, tuple[str, str]], economic_sents: set[int]) -> set[str]:
    """Countries the text is about: one with an organization or a region of its own, named
    in an economic sentence, or named twice. A single passing "опередила даже Беларусь" does
    not make a side."""
    weight: dict[str, int] = {}
    for r in regions:
        strong = r.region.kind != "country" or r.sent in economic_sents
        weight[r.region.country] = weight.get(r.region.country, 0) + (2 if strong else 1)
    for o in orgs:
        if o.country:
            weight[o.country] = weight.get(o.country, 0) + 2
    for _, c in bodies.values():
        if c:
            weight[c] = weight.get(c, 0) + 2
    return {c for c, w in weight.items() if w >= 2}


def _linked_sentences(a: Analysis, regions: list[RegionMention], orgs: list[OrgMention],
                      persons: list[PersonMention], bodies: dict[str, tuple[str, str]],
                      words: frozenset[str], sent_triggers: list[list[Any]],
                      modality: frozenset[str]) -> int:
    """Sentences that name a Russian and a Belarusian party with a cooperation or trade
    word or a relation trigger, and no word of readiness or possibility."""
    countries: dict[int, set[str]] = {}
    for r in regions:
        countries.setdefault(r.sent, set()).add(r.region.country)
    for o in orgs:
        if o.country:
            countries.setdefault(o.sent, set()).add(o.country)
    for p in persons:
        if p.name in bodies and bodies[p.name][1]:
            countries.setdefault(p.sent, set()).add(bodies[p.name][1])
    linked = [s for s, c in countries.items() if {"RU", "BY"} <= c]
    # "Беларусь рассматривается как возможный рынок": a possibility links nothing;
    # "о поставках в Беларусь речь пока не идёт": nor does a denial
    return sum(1 for s in linked if not any(t.lemma in modality for t in a.sent_tokens(s))
               and not any(TriggerIndex.negated(a.sent_tokens(s), t) for t in sent_triggers[s])
               and (sent_triggers[s] or any(t.lemma in words for t in a.sent_tokens(s))))


def _side(p: Party, tokens: list[Token], fallback: dict[str, Party],
          region_fallback: dict[str, Party]) -> Party:
    """"белорусская сторона", "белорусская делегация" stand for the text's main Belarusian
    region, or the country when the text names no region of that side (a side of talks or
    a delegation is a region's or a country's, see ``region_fallback``)."""
    nxt = tokens[p.last + 1] if 0 <= p.last + 1 < len(tokens) else None
    if not p.is_country or nxt is None:
        return p
    chosen = region_fallback if nxt.lemma in ("сторона", "делегация") else {}
    if p.country in chosen:
        main = chosen[p.country]
        return replace(main, first=p.first, last=p.last)
    return p


def _main_region(regions: list[RegionMention]) -> Region | None:
    """The most mentioned Russian subject or Belarusian oblast (for "аграрии области")."""
    counts: dict[str, int] = {}
    for r in regions:
        if r.region.kind != "country":
            counts[r.region.name] = counts.get(r.region.name, 0) + 1
    if not counts:
        return None
    top = max(counts, key=lambda k: counts[k])
    return next(r.region for r in regions if r.region.name == top)


def _unique(names: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for n in names:
        if n and n not in seen:
            seen.add(n)
            yield n


def _persons(persons: list[PersonMention]) -> list[Person]:
    roles: dict[str, str] = {}
    order: list[str] = []
    for p in persons:
        if p.name not in roles:
            order.append(p.name)
            roles[p.name] = p.role
        elif not roles[p.name] and p.role:
            roles[p.name] = p.role
    return [Person(n, roles[n]) for n in order]


def _unique_relations(rels: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for r in rels:
        key = (r.type, *sorted((r.source, r.target))) if r.type in (
            "agreement", "meeting", "joint_venture") else (r.type, r.source, r.target)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _unique_figures(figs: list[Figure]) -> list[Figure]:
    """One figure per value and unit: a headline repeats the body's numbers; the mention
    with a period wins."""
    out: dict[tuple[float, str], Figure] = {}
    for f in figs:
        key = (f.value, f.unit)
        if key not in out or (not out[key].period and f.period):
            out[key] = f
    return sorted(out.values(), key=lambda f: f.start)


def _mentions(a: Analysis, orgs: list[OrgMention],
              regions: list[RegionMention]) -> list[Mention]:
    out = [Mention("organization", o.name, a.text[o.start:o.end], o.start, o.end) for o in orgs]
    out += [Mention("region", r.name, a.text[r.start:r.end], r.start, r.end) for r in regions]
    return sorted(out, key=lambda m: m.start)


__all__ = ["COUNTRY_NAME", "Extractor"]
