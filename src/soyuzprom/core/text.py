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
_FORM_ALTERNATIVES = "|".join(sorted(set(LEGAL_FORMS), key=len, reverse=True))
_FORMS = re.compile(rf"^(?:(?:{_FORM_ALTERNATIVES})\s+)+")
# Every run of characters that are neither word characters nor hyphens (quotes, other
# punctuation, white space) becomes one space: one pass instead of one per kind (a bulk
# import computes this for every record).
_GAPS = re.compile(r"[^\w-]+")


def name_key(name: str) -> str:
    """Lower case, ё→е, quotes and a leading legal form removed, spaces collapsed."""
    key = _GAPS.sub(" ", name.lower().replace("ё", "е")).strip()
    key = _FORMS.sub("", key)
    return key.strip()
