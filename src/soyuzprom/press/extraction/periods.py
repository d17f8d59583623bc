"""Periods of figures: YYYY, YYYY-YYYY, YYYY-MM..YYYY-MM, "target" or "".

Relative expressions ("в прошлом году", "по итогам девяти месяцев") are resolved against
the publication date when it is known.

Example::

    >>> find_periods(tokens_of("в январе-сентябре 2024 года"), vocab, None)[0].value
    '2024-01..2024-09'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from soyuzprom.press.extraction.morph import Morph
from soyuzprom.press.extraction.nlp import Token
from soyuzprom.press.extraction.resources import Vocabulary

_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_YEAR_RANGE = re.compile(r"^(19[5-9]\d|20\d\d)[-–—](19[5-9]\d|20\d\d)$")
_DASHES = {"-", "–", "—"}
_RELATIVE = {"прошлый": -1, "минувший": -1, "прошедший": -1, "позапрошлый": -2, "текущий": 0,
             "этот": 0, "нынешний": 0, "следующий": 1, "будущий": 1, "предыдущий": -1}


@dataclass(frozen=True, slots=True)
class Period:
    value: str
    first: int  # token range
    last: int
    year_given: bool


def is_year_token(tok: Token) -> bool:
    return bool(_YEAR.match(tok.text))


def _year_of(tokens: list[Token], k: int) -> tuple[int | None, int]:
    """A year written right after position k ("2024 года") and the last token used."""
    for j in range(k, min(len(tokens), k + 2)):
        if is_year_token(tokens[j]):
            last = j + 1 if j + 1 < len(tokens) and tokens[j + 1].lemma in ("год", "г") else j
            return int(tokens[j].text), last
    return None, k - 1


def find_periods(tokens: list[Token], vocab: Vocabulary, morph: Morph,
                 published: dt.date | None) -> list[Period]:
    """All period expressions of one sentence, in text order."""
    fig = vocab.figures
    months = {k.replace("ё", "е"): v for k, v in fig["month_names"].items()}
    spans = fig["month_spans"]
    numbers = fig["number_words"]
    ordinals = fig["ordinals"]
    out: list[Period] = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        # month ranges: "январе-сентябре 2024", "январь – сентябрь 2024 года"
        parts = re.split(r"[-–—]", t.text.lower()) if re.search(r"\w[-–—]\w", t.text) else None
        m1 = m2 = None
        end = i
        if parts and len(parts) == 2:
            m1 = months.get(morph.plain_lemma(parts[0]))
            m2 = months.get(morph.plain_lemma(parts[1]))
        elif t.lemma in months and i + 2 < n and tokens[i + 1].text in _DASHES \
                and tokens[i + 2].lemma in months:
            m1, m2, end = months[t.lemma], months[tokens[i + 2].lemma], i + 2
        if m1 and m2:
            year, end = _year_of(tokens, end + 1)
            if year is None and published is not None:
                year = published.year if published.month > m2 else published.year - 1
            value = f"{year}-{m1:02d}..{year}-{m2:02d}" if year else ""
            out.append(Period(value, i, end, year is not None))
            i = end + 1
            continue
        # "девяти месяцев", "первом полугодии", "втором квартале"
        if t.lemma in spans and i > 0:
            prev = tokens[i - 1]
            count = numbers.get(prev.lemma)
            if prev.text.isdigit():
                count = int(prev.text)
            order = ordinals.get(prev.lemma)
            first_m, last_m = None, None
            if count and count > 0 and t.lemma == "месяц" and count <= 12:
                first_m, last_m = 1, int(count)
            elif order and t.lemma != "месяц":
                size = spans[t.lemma]
                first_m, last_m = (order - 1) * size + 1, order * size
            elif t.lemma == "полугодие" and prev.lemma in ("первый",):
                first_m, last_m = 1, 6
            if first_m and last_m and last_m <= 12:
                year, end = _year_of(tokens, i + 1)
                if year is None and published is not None:
                    year = published.year if published.month > last_m else published.year - 1
                value = f"{year}-{first_m:02d}..{year}-{last_m:02d}" if year else ""
                out.append(Period(value, i - 1, end, year is not None))
                i = end + 1
                continue
        # year ranges: "2022-2024", "2022 – 2024 годах", "с 2022 по 2024 год"
        m = _YEAR_RANGE.match(t.text)
        if m:
            out.append(Period(f"{m.group(1)}-{m.group(2)}", i, i, True))
            i += 1
            continue
        if is_year_token(t):
            if i + 2 < n and tokens[i + 1].text in _DASHES and is_year_token(tokens[i + 2]):
                out.append(Period(f"{t.text}-{tokens[i + 2].text}", i, i + 2, True))
                i += 3
                continue
            if i + 2 < n and tokens[i + 1].lemma == "по" and is_year_token(tokens[i + 2]) \
                    and i > 0 and tokens[i - 1].lemma == "с":
                out.append(Period(f"{t.text}-{tokens[i + 2].text}", i - 1, i + 2, True))
                i += 3
                continue
            nxt = tokens[i + 1].lemma if i + 1 < n else ""
            before = tokens[i - 1].lemma if i > 0 else ""
            if nxt in ("год", "г", "гг") or before in ("в", "за", "к", "до", "с", "итог"):
                value = t.text
                if before in ("к", "до"):
                    value = "target"
                out.append(Period(value, i, i, True))
            i += 1
            continue
        # relative: "в прошлом году", "по итогам прошлого года", "в текущем году"
        if t.lemma in _RELATIVE and i + 1 < n and tokens[i + 1].lemma == "год":
            value = ""
            if published is not None:
                value = str(published.year + _RELATIVE[t.lemma])
            out.append(Period(value, i, i + 1, False))
            i += 2
            continue
        i += 1
    return out


def nearest_period(periods: list[Period], pos: int) -> str:
    if not periods:
        return ""
    best = min(periods, key=lambda p: min(abs(p.first - pos), abs(p.last - pos)))
    return best.value
