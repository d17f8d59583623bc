"""Region mentions: countries, Russian federal subjects and Belarusian oblasts.

Matching is by lemma sequence against ``data/press/regions.csv`` (official names, aliases
such as Смоленщина or Кубань, country adjectives), so any case form matches. Cities,
districts and federal districts are not in the gazetteer and are never returned.

Example::

    >>> [m.name for m in find_regions(analysis_of("Губернатор Смоленщины посетил Гомель."))]
    ['Смоленская область']
"""

from __future__ import annotations

from dataclasses import dataclass

from soyuzprom.press.extraction.morph import Morph
from soyuzprom.press.extraction.nlp import Analysis, Token
from soyuzprom.press.extraction.resources import Region, Vocabulary

_PLURAL_HEADS = {"область", "край"}


@dataclass(frozen=True, slots=True)
class RegionMention:
    region: Region
    first: int  # token index
    last: int  # inclusive
    start: int
    end: int
    sent: int

    @property
    def name(self) -> str:
        return self.region.name


def _acceptable(tokens: list[Token], key: tuple[str, ...], region: Region) -> bool:
    first = tokens[0]
    if region.kind == "country" and len(key) == 1 and first.pos == "ADJ":
        return True  # "белорусский партнёр", any capitalisation
    if not first.is_title:
        return False
    if len(key) == 1 and first.text.isupper() and len(first.text) <= 3:
        return first.text in ("РФ", "РБ", "ДНР", "ЛНР", "ХМАО", "ЯНАО", "ЕАО")
    return True


def find_regions(analysis: Analysis, vocab: Vocabulary,
                 morph: Morph | None = None) -> list[RegionMention]:
    out: list[RegionMention] = []
    toks = analysis.tokens
    n = len(toks)
    i = 0
    while i < n:
        match = None
        first_keys = (toks[i].lemma, toks[i].text.lower())
        if morph is not None and toks[i].is_title and first_keys[0] not in vocab.region_first \
                and first_keys[1] not in vocab.region_first:
            # the tagger may pick an odd lemma for a rare name ("Брестчины" -> "брестчин")
            plain = morph.plain_lemma(toks[i].text)
            rare = vocab.regions_by_key.get((plain,))
            if rare is not None and _acceptable([toks[i]], (plain,), rare):
                out.append(RegionMention(rare, i, i, toks[i].start, toks[i].stop,
                                         toks[i].sent))
                i += 1
                continue
        lengths = range(min(vocab.region_max_len, n - i), 0, -1) \
            if first_keys[0] in vocab.region_first or first_keys[1] in vocab.region_first \
            else range(0)
        for length in lengths:
            span = toks[i:i + length]
            if any(t.sent != toks[i].sent for t in span):
                continue
            key = tuple(t.lemma for t in span)
            region = vocab.regions_by_key.get(key)
            if region is None and length == 1:
                region = vocab.regions_by_key.get((span[0].text.lower(),))
            if region is not None and _acceptable(span, key, region):
                match = (region, length)
                break
        if match is not None:
            region, length = match
            out.append(RegionMention(region, i, i + length - 1, toks[i].start,
                                     toks[i + length - 1].stop, toks[i].sent))
            i += length
            continue
        extra = _compound_or_adjective(toks, i, vocab)
        out.extend(extra)
        i += 1
    return out


def _compound_or_adjective(toks: list[Token], i: int, vocab: Vocabulary) -> list[RegionMention]:
    """Compound adjectives (российско-белорусский), "Смоленский регион", "Смоленская и
    Брянская области"."""
    t = toks[i]
    found: list[RegionMention] = []
    if "-" in t.text and t.pos == "ADJ":
        low = t.lemma
        for stem, country in vocab.country_stems.items():
            if stem in low:
                side = vocab.regions_by_key[("российский",)] if country == "RU" \
                    else vocab.regions_by_key[("белорусский",)]
                found.append(RegionMention(side, i, i, t.start, t.stop, t.sent))
        return found
    oblast = _executive_committee_oblast(toks, i, vocab)
    if oblast is not None:
        # "Брестский облисполком", "Витебского облисполкома": the oblast's own body
        return [RegionMention(oblast, i, i, t.start, t.stop, t.sent)]
    region = vocab.region_adjectives.get(t.lemma)
    if region is None or t.pos != "ADJ":
        return found
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if t.is_title and region.country == "RU" and nxt is not None and nxt.text in ("«", "„"):
        # "Челябинский «Трактор»": a Russian regional adjective before a quoted name
        # (a Belarusian oblast centre's adjective names the city: "брестское «...»")
        return [RegionMention(region, i, i, t.start, t.stop, t.sent)]
    if not t.is_title:
        # "смоленские предприятия", "калужские и тульские карьеры": a lowercase region
        # adjective before a plural noun speaks of the region (a capitalised one starts a
        # name: "Смоленский автоагрегатный завод")
        j = i + 1
        while j < len(toks) and j <= i + 4 and (toks[j].pos == "ADJ" or toks[j].text in (
                ",", "и")):
            j += 1
        if j < len(toks) and toks[j].pos == "NOUN" and toks[j].feats.get("Number") == "Plur":
            found.append(RegionMention(region, i, i, t.start, t.stop, t.sent))
        return found
    j = i + 1
    while j < len(toks) and j <= i + 6 and toks[j].sent == t.sent:
        nxt = toks[j]
        if nxt.lemma == "регион" or (nxt.lemma in _PLURAL_HEADS
                                     and nxt.feats.get("Number") == "Plur"):
            found.append(RegionMention(region, i, i, t.start, t.stop, t.sent))
            break
        if nxt.pos == "ADJ" or nxt.text in (",", "и"):
            j += 1
            continue
        break
    return found


def _executive_committee_oblast(toks: list[Token], i: int, vocab: Vocabulary) -> Region | None:
    """The oblast of "<Брестский> облисполком" / "<Брестский> областной исполнительный
    комитет" at ``i``, or None."""
    t = toks[i]
    if not t.is_title or i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    if nxt.lemma != "облисполком" and not (nxt.lemma == "областной" and i + 2 < len(toks)
                                          and toks[i + 2].lemma == "исполнительный"):
        return None
    region = vocab.regions_by_key.get((t.lemma, "область"))
    return region if region is not None and region.country == "BY" else None
