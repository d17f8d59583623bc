"""Organization mentions: the mention type and the state and helpers the rules share
(see ``organizations.py`` for the rules).

Example::

    >>> OrgMention("Гомсельмаш", "enterprise", "BY", 3, 5, 20, 32, 0, "quoted").country
    'BY'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from soyuzprom.press.extraction.morph import Morph, normal_word
from soyuzprom.press.extraction.nlp import Analysis, Token
from soyuzprom.press.extraction.orgnames import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
)
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import Vocabulary

_ADJ_ENDINGS = {"кий", "кая", "кое", "кие", "кой", "ого", "ому", "ким", "ком", "кую", "ких",
                "ими", "ной", "ный", "ная", "ное", "ным", "ном", "ную", "ных"}
QUALIFIER_WORDS = {"область", "край", "регион", "республика"}


@dataclass(frozen=True, slots=True)
class OrgMention:
    """One organization mention: normalized name, kind, country and where it stands."""

    name: str
    kind: str  # enterprise | state | other
    country: str  # RU | BY | ""
    first: int
    last: int
    start: int
    end: int
    sent: int
    rule: str


_SETS: dict[int, dict[str, frozenset[str]]] = {}


def _word_sets(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """Lemma sets of ``organizations.yaml`` for the organization rules."""
    cached = _SETS.get(id(vocab))
    if cached is not None:
        return cached
    o = vocab.orgs
    sets: dict[str, frozenset[str]] = {}
    sets["desc_enterprise"] = vocab.lemma_set(o["descriptors"], "enterprise")
    sets["desc_other"] = vocab.lemma_set(o["descriptors"], "other")
    sets["media_heads"] = frozenset(normal_word(x) for x in o["media_heads"])
    sets["media_names"] = frozenset(normal_word(x) for x in o["media_names"])
    sets["event_heads"] = frozenset(normal_word(x) for x in o["event_heads"])
    sets["event_names"] = frozenset(normal_word(x) for x in o["event_names"])
    sets["union_names"] = frozenset(normal_word(x) for x in o["union_names"])
    sets["product_nouns"] = frozenset(normal_word(x) for x in o["product_nouns"])
    sets["state_heads"] = frozenset(normal_word(x) for x in o["state_heads"])
    sets["common_adj"] = frozenset(normal_word(x) for x in o["common_adjectives"])
    sets["attribution"] = frozenset(normal_word(x) for x in o["attribution_cues"])
    sets["place_nouns"] = frozenset(normal_word(x) for x in o["place_nouns"])
    sets["media_suffixes"] = frozenset(normal_word(x) for x in o["media_suffixes"])
    sets["sport_heads"] = frozenset(normal_word(x) for x in o["sport_heads"])
    sets["club_heads"] = frozenset(normal_word(x) for x in o["club_heads"])
    sets["unit_heads"] = frozenset(normal_word(x) for x in o["unit_heads"])
    sets["body_heads"] = frozenset(normal_word(x) for x in o["body_heads"])
    sets["people_heads"] = frozenset(normal_word(x) for x in o.get("people_heads", []))
    _SETS[id(vocab)] = sets
    return sets


_STEMS: dict[int, dict[str, str]] = {}


def place_stems(vocab: Vocabulary) -> dict[str, str]:
    """Stems of place adjectives (towns' and regions': ``place_adjectives`` holds both) ->
    country, for compound names built on a town's name ("Могилевтрансмаш", "Сарансккабель",
    "Борисовдрев"): "могилёвский" -> "могилев", "саранский" -> "саран". Stems shorter than
    five letters, or told for both countries, are left out."""
    cached = _STEMS.get(id(vocab))
    if cached is not None:
        return cached
    told: dict[str, set[str]] = {}
    for adjective, country in vocab.place_adjectives.items():
        word = normal_word(adjective)
        for ending in ("ский", "цкий", "ской"):
            if word.endswith(ending):
                stem = word[: -len(ending)]
                if len(stem) >= 5:
                    told.setdefault(stem, set()).add(country)
                break
    stems = {stem: next(iter(c)) for stem, c in told.items() if len(c) == 1}
    _STEMS[id(vocab)] = stems
    return stems


class OrgFinderBase:
    """State and helpers shared by the organization rules of one analysed text."""

    desc_enterprise: frozenset[str]
    desc_other: frozenset[str]
    media_heads: frozenset[str]
    media_names: frozenset[str]
    event_heads: frozenset[str]
    event_names: frozenset[str]
    union_names: frozenset[str]
    product_nouns: frozenset[str]
    state_heads: frozenset[str]
    common_adj: frozenset[str]
    attribution: frozenset[str]
    place_nouns: frozenset[str]
    media_suffixes: frozenset[str]
    sport_heads: frozenset[str]
    unit_heads: frozenset[str]
    club_heads: frozenset[str]
    body_heads: frozenset[str]
    people_heads: frozenset[str]

    def __init__(self, analysis: Analysis, vocab: Vocabulary, morph: Morph,
                 regions: list[RegionMention]) -> None:
        self.a = analysis
        self.t = analysis.tokens
        self.v = vocab
        self.m = morph
        self.regions = regions
        self.region_at = {r.first: r for r in regions}
        self.taken: set[int] = set()
        self.initials: dict[str, str] = {}
        self.clubs: set[str] = set()  # names the text calls a sports club
        self.blocked: set[int] = set()  # quoted places and events: no organization there
        self.quote_kinds: dict[int, str] = {}  # closing quote -> what its descriptor said
        self._name_abbreviations: dict[str, str] = vocab.orgs.get("name_abbreviations") or {}
        self.out: list[OrgMention] = []
        # the word sets are built once per vocabulary, not once per text
        self.__dict__.update(_word_sets(vocab))
        subjects = Counter(r.region.name for r in regions if r.region.kind != "country")
        self.main_region = None
        if subjects:
            top = subjects.most_common(1)[0][0]
            self.main_region = next(r.region for r in regions if r.region.name == top)
        # regional ministries exist in Russian subjects only: "региональный Минпромторг"
        russian = Counter(r.region.name for r in regions
                          if r.region.kind != "country" and r.region.country == "RU")
        self.main_ru_region = next((r.region for r in regions if russian and r.region.name
                                    == russian.most_common(1)[0][0]), None)

    # -- helpers -------------------------------------------------------------------------
    def _region_gen(self, name: str) -> str:
        """A region in the genitive inside a body's name, without the official suffix:
        "Кабинет Министров Чувашской Республики" (not "... Республики — Чувашия"). A
        republic named by an undeclined name keeps it: "Правительство Республики Северная
        Осетия — Алания"."""
        base, _, suffix = name.partition(" — ")
        gen = self.m.inflect_phrase(base, "gent")
        if suffix and base.startswith("Республика "):
            return f"{gen} — {suffix}"
        return gen

    def _add(self, name: str, kind: str, country: str, first: int, last: int, rule: str) -> None:
        if not name or any(i in self.taken for i in range(first, last + 1)):
            return
        if normal_word(name) in self.union_names or normal_word(name) in self.event_names:
            return
        t = self.t
        if not country:
            # a known maker tells its country; else the place adjective its name starts with
            known = self.v.known_orgs.get(" ".join(self.m.plain_lemma(w) for w in name.split()))
            if known is not None:
                country = known.country
            else:
                first_word = name.split()[0]
                parses = [p for p in self.m.parse(normal_word(first_word)) if p.tag.POS == "ADJF"]
                if parses:
                    country = self.v.place_adjectives.get(normal_word(parses[0].normal_form), "")
                elif " " not in name:
                    country = self._compound_country(name)
        self.taken.update(range(first, last + 1))
        self.out.append(OrgMention(name, kind, country, first, last, t[first].start,
                                   t[last].stop, t[first].sent, rule))

    def _compound_country(self, name: str) -> str:
        """"Могилевтрансмаш": a one-word name that starts with a town's stem and goes on."""
        word = normal_word(name)
        stems = place_stems(self.v)
        for n in range(min(len(word) - 3, 10), 4, -1):
            country = stems.get(word[:n])
            if country:
                return country
        return ""

    def _country_before(self, i: int) -> str:
        """Country told by an adjective just before: "белорусское предприятие «X»" - not
        the adjective of another phrase ("белорусская делегация посетила ОАО «X»")."""
        for j in range(i - 1, max(-1, i - 4), -1):
            tok = self.t[j]
            if tok.sent != self.t[i].sent or tok.pos in ("VERB", "AUX", "ADP", "CCONJ") \
                    or tok.text in (",", ".", ":", ";", "—"):
                break
            c = self.v.place_adjectives.get(tok.lemma)
            if c and tok.pos == "ADJ":
                return c
        return ""

    def _quote_close(self, i: int) -> int | None:
        """Index of the quote closing the one at ``i`` (nested quotes allowed)."""
        depth = 0
        for j in range(i, min(len(self.t), i + 25)):
            tok = self.t[j]
            if tok.sent != self.t[i].sent:
                return None
            if tok.text == '"':
                if j == i:
                    depth += 1
                    continue
                return j
            if tok.text in OPEN_QUOTES and tok.text not in CLOSE_QUOTES:
                depth += 1
            elif tok.text in CLOSE_QUOTES:
                depth -= 1
                if depth == 0:
                    return j
        return None

    def _unbalanced_close(self, i: int) -> int | None:
        """«Гомельский завод «Гидропривод»: a name with a nested quote and one closing quote
        after a legal form; the close of the nested quote ends the whole name."""
        t = self.t
        if i == 0 or t[i - 1].text not in self.v.legal_short or i + 1 >= len(t) \
                or t[i + 1].lemma in self.desc_enterprise or t[i + 1].lemma in self.desc_other:
            return None  # «Управляющая компания холдинга «X»: the inner name is the name
        for k in range(i + 2, min(len(t), i + 8)):
            if t[k].sent != t[i].sent:
                return None
            if t[k].text in ("«", "„"):
                close = self._quote_close(k)
                if close is not None and (close + 1 >= len(t) or t[close + 1].text != "»"):
                    return close
                return None
        return None

    # -- rules ---------------------------------------------------------------------------

    def _ner_org(self, i: int) -> bool:
        return any(s.type == "ORG" and s.first <= i <= s.last for s in self.a.spans)

    def _adjective(self, tok: Token) -> bool:
        if tok.pos == "ADJ":
            return True
        # the tagger misreads rare place adjectives ("Оршанскому" as PROPN)
        return tok.is_title and tok.text[-3:].lower() in _ADJ_ENDINGS and any(
            p.tag.POS == "ADJF" for p in self.m.parse(normal_word(tok.text)))

    def _club_before(self, first: int) -> bool:
        """"ХК «Динамо»", "команды «КАМАЗ-мастер»": a club head just before."""
        for j in range(max(0, first - 2), first):
            if self.t[j].sent == self.t[first].sent and (
                    normal_word(self.t[j].text) in self.club_heads
                    or self.t[j].lemma in self.club_heads):
                return True
        return False

    def _in_region(self, i: int) -> bool:
        return any(r.first <= i <= r.last for r in self.regions)
