"""Figures: quantitative economic facts with value, unit, period and qualifier.

Only numbers with an economic unit are figures: money (RUB, USD, EUR, BYN), percent,
counted things (units), people (persons) or a rank. Dates, years, model numbers and
technical specifications have no such unit and are skipped.

Example::

    >>> [(f.value, f.unit) for f in find_figures(a, vocab, morph, None)]  # "294 млрд рублей"
    [(294000000000.0, 'RUB')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from soyuzprom.press.extraction.model import Figure
from soyuzprom.press.extraction.morph import Morph, normal_word
from soyuzprom.press.extraction.nlp import Analysis, Token
from soyuzprom.press.extraction.periods import find_periods, is_year_token, nearest_period
from soyuzprom.press.extraction.resources import Vocabulary

_NUM = re.compile(r"^\d+(?:[.,]\d+)?$")
_RANGE = re.compile(r"^(\d+(?:[.,]\d+)?)[-–—](\d+(?:[.,]\d+)?)$")
_ORDINAL_DIGIT = re.compile(r"^(\d+)-?(?:е|м|ое|ом|ем|го|й|ое)$")
_DASHES = {"-", "–", "—"}
_Found = tuple[tuple[float, ...], str, int, int]  # values, unit, first token, last token


@dataclass(frozen=True, slots=True)
class _Number:
    values: tuple[float, ...]
    first: int
    last: int


class FigureFinder:
    def __init__(self, vocab: Vocabulary, morph: Morph) -> None:
        f = vocab.figures
        self.v, self.m = vocab, morph
        self._last_currency = ""  # the currency of the previous figure in the sentence
        self.mult = {normal_word(k): float(v) for k, v in f["multipliers"].items()}
        self.curr = {normal_word(k): v for k, v in f["currencies"].items()}
        self.byn = frozenset(normal_word(x) for x in f["byn_markers"])
        self.percent = frozenset(normal_word(x) for x in f["percent"])
        self.words = {normal_word(k): float(v) for k, v in f["number_words"].items()}
        self.ordinals = {normal_word(k): v for k, v in f["ordinals"].items()}
        self.fractions = {normal_word(k): float(v) for k, v in f["fractions"].items()}
        self.person_nouns = frozenset(normal_word(x) for x in f["person_nouns"])
        self.not_counted = frozenset(normal_word(x) for x in f["not_counted"]) | frozenset(
            normal_word(x) for x in f["month_names"])
        self.metrics = {tuple(k.split()): v for k, v in f["metrics"].items()}
        self.groups = {normal_word(k): float(v) for k, v in f["rank_groups"].items()}
        self.model_words = frozenset(normal_word(x) for x in f["model_words"])
        self.number_like = frozenset(
            [*self.groups, *self.words, *self.ordinals, *self.fractions])
        self.target_cues = frozenset(normal_word(x) for x in f["target_cues"])
        self.qualifiers: list[tuple[tuple[str, ...], str]] = []
        for label, cues in f["qualifiers"].items():
            for cue in cues:
                if not cue.endswith("_"):
                    self.qualifiers.append((tuple(normal_word(cue).split()), label))

    # -- numbers -------------------------------------------------------------------------
    def _number(self, toks: list[Token], i: int) -> _Number | None:
        t = toks[i]
        m = _RANGE.match(t.text)
        if m and not is_year_token(t):
            return _Number((_f(m.group(1)), _f(m.group(2))), i, i)
        if _NUM.match(t.text):
            value, last = _f(t.text), i
            # "294 000" written with a space between digit groups
            while last + 1 < len(toks) and re.fullmatch(r"\d{3}", toks[last + 1].text) \
                    and toks[last + 1].start == toks[last].stop + 1 and "," not in t.text:
                value = value * 1000 + float(toks[last + 1].text)
                last += 1
            return _Number((value,), i, last)
        if t.lemma in self.words and t.pos in ("NUM", "NOUN", "ADJ", "DET"):
            value, last = self.words[t.lemma], i
            while last + 1 < len(toks) and toks[last + 1].lemma in self.words \
                    and self.words[toks[last + 1].lemma] < value:
                value += self.words[toks[last + 1].lemma]
                last += 1
            if value < 0 or value == 1:
                return None  # "несколько", "одного трактора": not a quantity worth a figure
            return _Number((value,), i, last)
        return None

    def _unit(self, toks: list[Token], k: int) -> tuple[str, float, int] | None:
        """Multiplier and unit after a number: (unit, multiplier, last token)."""
        mult = 1.0
        n = len(toks)
        while k < n and (toks[k].lemma in self.mult or toks[k].text.lower() in self.mult):
            mult *= self.mult.get(toks[k].lemma, self.mult.get(toks[k].text.lower(), 1.0))
            k += 1
            if k < n and toks[k].text == ".":
                k += 1
        if k >= n:
            return None
        t = toks[k]
        low = t.text.lower()
        if low in self.percent or t.lemma in self.percent:
            return "%", mult, k
        byn = False
        j = k
        # "млн российских рублей", "млн белорусских рублей", "бел. руб."
        while j < n and j - k < 3 and (toks[j].lemma in self.byn or toks[j].text == "."
                                       or toks[j].pos == "ADJ"):
            byn = byn or toks[j].lemma in self.byn
            j += 1
        if j < n:
            cur = self.curr.get(toks[j].lemma) or self.curr.get(toks[j].text.lower())
            if cur:
                if byn and cur == "RUB":
                    cur = "BYN"
                abbrev = toks[j].text.lower() in ("руб", "долл", "р", "бел")
                last = j + 1 if abbrev and j + 1 < n and toks[j + 1].text == "." else j
                return cur, mult, last
        # counted things: "120 тракторов", "четыре сушильные машины", "300 единиц техники"
        j = k
        while j < n and j - k < 3 and toks[j].pos in ("ADJ", "DET"):
            j += 1
        if j < n and j > k and toks[j].lemma == "место" and toks[j - 1].lemma == "рабочий":
            return "persons", mult, j  # jobs are counted in people
        if j < n and toks[j].pos == "NOUN" and toks[j].lemma not in self.not_counted \
                and toks[j].text.lower() not in self.not_counted and toks[j].text[:1].islower():
            if toks[j].lemma in self.person_nouns:
                return "persons", mult, j
            return "units", mult, j
        if mult > 1 and toks[k - 1].lemma in self.mult:
            return None
        return None

    def _qualifier(self, toks: list[Token], first: int) -> str:
        for length in (2, 1):
            for j in range(max(0, first - 3), first):
                key = tuple(x.lemma for x in toks[j:j + length])
                for cue, label in self.qualifiers:
                    if key == cue or (length == 2 and tuple(
                            x.text.lower() for x in toks[j:j + length]) == cue):
                        return label
        return ""

    def _what(self, toks: list[Token], first: int, last: int, unit: str) -> str:
        if unit == "rank":
            return "ranking"
        for j in range(first - 1, -1, -1):
            key2 = tuple(x.lemma for x in toks[j:j + 2])
            if key2 in self.metrics:
                return self.metrics[key2]
            if (toks[j].lemma,) in self.metrics:
                return self.metrics[(toks[j].lemma,)]
        for j in range(last + 1, min(len(toks), last + 6)):
            if (toks[j].lemma,) in self.metrics:
                return self.metrics[(toks[j].lemma,)]
        return {"%": "share", "persons": "people", "units": "quantity"}.get(unit, "amount")

    # -- main ----------------------------------------------------------------------------
    def sentence(self, a: Analysis, s: int, published: dt.date | None) -> list[Figure]:
        toks = a.sent_tokens(s)
        self._last_currency = ""
        periods = None
        out: list[Figure] = []
        # plans and future facts ("будет создано", "поставит", "планирует") are targets
        target = any(t.lemma in self.target_cues or t.feats.get("Tense") == "Fut"
                     for t in toks)
        i = 0
        while i < len(toks):
            t = toks[i]
            if not t.text[:1].isdigit() and t.text not in ("$", "€") \
                    and t.lemma not in self.number_like:
                i += 1  # most tokens are not numbers: skip them cheaply
                continue
            found = self._rank(toks, i) or self._fraction(toks, i) or self._numeric(toks, i)
            if found is None:
                i += 1
                continue
            values, unit, first, last = found
            if periods is None:
                periods = find_periods(toks, self.v, self.m, published)
            period = nearest_period(periods, first)
            if target and not _is_range(period):
                period = "target"
            qual = self._qualifier(toks, first)
            what = self._what(toks, first, last, unit)
            if qual:
                what = f"{what} {qual}"
            start, end = toks[first].start, toks[last].stop
            for value in values:
                out.append(Figure(what, value, unit, period, a.text[start:end], start, end))
            i = last + 1
        return out

    def _rank(self, toks: list[Token], i: int) -> _Found | None:
        t = toks[i]
        if t.lemma in self.groups and i > 0 and toks[i - 1].lemma in ("в", "во"):
            return (float(self.groups[t.lemma]),), "rank", i - 1, i  # "входит в десятку"
        value = self.ordinals.get(t.lemma) if t.pos in ("ADJ", "NUM", "DET") else None
        m = _ORDINAL_DIGIT.match(t.text)
        if m:
            value = int(m.group(1))
        if value and i + 1 < len(toks) and toks[i + 1].lemma == "место":
            return (float(value),), "rank", i, i + 1
        return None

    def _fraction(self, toks: list[Token], i: int) -> _Found | None:
        t = toks[i]
        if t.lemma in self.ordinals and i + 1 < len(toks) and toks[i + 1].lemma == "часть":
            return (round(100 / self.ordinals[t.lemma], 1),), "%", i, i + 1  # "пятая часть"
        if t.lemma in self.fractions and t.pos == "NOUN":
            value = self.fractions[t.lemma]
            first = i
            count = self.words.get(toks[i - 1].lemma) if i > 0 else None
            if count and 1 < count < 5:  # "две трети", "три четверти"
                value, first = round(value * count, 1), i - 1
                if t.lemma == "треть":
                    value = round(100 * count / 3, 1)
            return (value,), "%", first, i
        return None

    def _numeric(self, toks: list[Token], i: int) -> _Found | None:
        if i > 0 and (toks[i - 1].lemma in self.model_words or toks[i - 1].text == "№"):
            return None  # "модели 75306", "№ 12": an identifier, not a quantity
        num = self._number(toks, i)
        if num is None:
            return None
        values = list(num.values)
        last = num.last
        first = num.first
        # ranges "от 5 до 7 млрд", "5 – 7 млрд"
        if last + 2 < len(toks) and (toks[last + 1].text in _DASHES or (
                toks[last + 1].lemma == "до" and first > 0 and toks[first - 1].lemma == "от")):
            second = self._number(toks, last + 2)
            if second is not None:
                values.extend(second.values)
                last = second.last
        prefix_cur = None
        if first > 0 and toks[first - 1].text in ("$", "€"):
            prefix_cur = self.curr[toks[first - 1].text]
        unit = self._unit(toks, last + 1)
        if unit is None and prefix_cur is None and last + 1 < len(toks) \
                and toks[last + 1].lemma in self.mult and self._last_currency \
                and self.mult[toks[last + 1].lemma] >= 1e6:
            mult_tok = toks[last + 1]
            unit = (self._last_currency, self.mult[mult_tok.lemma], last + 1)
        if unit is None and prefix_cur is None:
            return None
        if unit is None:
            name, mult, end = prefix_cur or "", 1.0, last
            if last + 1 < len(toks) and toks[last + 1].lemma in self.mult:
                mult, end = self.mult[toks[last + 1].lemma], last + 1
        else:
            name, mult, end = unit
        if name in ("RUB", "USD", "EUR", "BYN"):
            self._last_currency = name
        if len(values) == 1 and is_year_token(toks[i]) and name in ("units", "persons"):
            return None
        return tuple(v * mult for v in values), name, (first - 1 if prefix_cur else first), end


def _is_range(period: str) -> bool:
    return "-" in period and period != "target"


def _f(text: str) -> float:
    return float(text.replace(",", "."))


def find_figures(a: Analysis, vocab: Vocabulary, morph: Morph,
                 published: dt.date | None) -> list[Figure]:
    finder = FigureFinder(vocab, morph)
    out: list[Figure] = []
    for s in range(len(a.sents)):
        out.extend(finder.sentence(a, s, published))
    return out
