"""Normalised keys of names, shared by registry matching and press entity resolution.

Example:
    >>> name_key('ОАО «Оршанский льнокомбинат»')
    'оршанский льнокомбинат'
"""

from __future__ import annotations

import re

# Legal forms dropped from names when matching (the registry keeps them in full_name).
LEGAL_FORMS = (
    "ооо",
    "оао",
    "зао",
    "пао",
    "ао",
    "нао",
    "ип",
    "фгуп",
    "гуп",
    "муп",
    "ано",
    "нко",
    "руп",
    "уп",
    "чуп",
    "чтуп",
    "одо",
    "сооо",
    "иооо",
    "ип",
    "ооо нпп",
    "нпо",
    "нпп",
    "фгбу",
    "гбу",
    "гку",
    "оау",
    "гау",
    "мбу",
    "тоо",
)
_QUOTES = re.compile(r"[«»\"“”„'`]")
_SPACES = re.compile(r"\s+")
_FORM_ALTERNATIVES = "|".join(sorted(set(LEGAL_FORMS), key=len, reverse=True))
_FORMS = re.compile(rf"^(?:(?:{_FORM_ALTERNATIVES})\s+)+")
_PUNCT = re.compile(r"[^\w\s-]")


def name_key(name: str) -> str:
    """Lower case, ё→е, quotes and a leading legal form removed, spaces collapsed."""
    key = name.lower().replace("ё", "е")
    key = _QUOTES.sub(" ", key)
    key = _PUNCT.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    key = _FORMS.sub("", key)
    return key.strip()
