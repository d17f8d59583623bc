"""Relevance: is the text about Russia–Belarus economic or industrial cooperation?

Both sides must be present (a Russian region, enterprise or the country, and a Belarusian
one) and the vocabulary must be economic rather than sport or culture.

Example::

    >>> is_relevant(sides={"RU", "BY"}, economic=5, non_economic=0, relations=1)
    True
"""

from __future__ import annotations


def is_relevant(sides: set[str], economic: int, non_economic: int, relations: int) -> bool:
    if not {"RU", "BY"} <= sides:
        return False
    if economic < 2 and relations == 0:
        return False
    return non_economic <= economic
