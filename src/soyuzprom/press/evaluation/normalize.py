"""Comparison keys for names in extraction output.

Two names are the same when they differ only in spelling noise that carries no meaning for
the annotation contract (ANNOTATION.md): letter case, ё/е, quote characters, dash variants,
whitespace, surrounding punctuation, and a legal form at the start or end of an
organization name. Everything else is a real difference and stays one: word order, case
endings, abbreviations versus expansions ("МАЗ" versus "Минский автомобильный завод"),
"Беларусь" versus "Республика Беларусь". Those are exactly the conventions the annotation
fixes, so tolerating them would hide extractor errors.

Example:
    >>> org_key('ОАО «Гродно Азот»') == org_key("гродно азот")
    True
    >>> name_key("Пётр  Иванов") == name_key("петр иванов")
    True
    >>> org_key("МАЗ") == org_key("Минский автомобильный завод")
    False
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_QUOTES = "«»\"“”„‟'‘’‚‹›`´"
_DASHES = "‐‑‒–—―−"
_QUOTE_TABLE = str.maketrans({**{q: " " for q in _QUOTES}, **{d: "-" for d in _DASHES}})
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " .,;:!?()[]"


def name_key(name: str) -> str:
    """Key of a person, region or other name: case, ё, quotes, dashes, spaces folded."""
    text = str(name).translate(_QUOTE_TABLE).casefold().replace("ё", "е")
    # Hyphens keep their meaning but not the spaces a typist put around them.
    text = re.sub(r"\s*-\s*", "-", text)
    return _SPACES.sub(" ", text).strip(_EDGE_PUNCT)


def org_key(name: str) -> str:
    """Key of an organization name: :func:`name_key` plus legal forms at either edge removed."""
    key = name_key(name)
    for form in _legal_forms():
        if key.startswith(form + " "):
            key = key[len(form) + 1 :].strip(_EDGE_PUNCT)
        if key.endswith(" " + form):
            key = key[: -len(form) - 1].strip(_EDGE_PUNCT)
    return key


@cache
def _legal_forms() -> tuple[str, ...]:
    # Longest first so "открытое акционерное общество" wins over "акционерное общество".
    text = (
        resources.files("soyuzprom")
        .joinpath("data", "press", "evaluation", "legal_forms.txt")
        .read_text(encoding="utf-8")
    )
    forms = {
        name_key(line)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    }
    return tuple(sorted(forms, key=len, reverse=True))
