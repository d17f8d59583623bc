"""Relevance: is the text about Russia–Belarus economic or industrial cooperation?

Both sides must be present (a Russian region, enterprise or the country, and a Belarusian
one), the vocabulary must be economic rather than sport or culture, and the two sides must be
linked: by a relation found, or by a sentence that names both with a word of cooperation or
trade ("товарооборот Смоленской области с Беларусью"). A Russian plant's news that names a
Belarusian specialist, or an exhibition of Belarusian crafts, names both sides but links them
by nothing economic.

Example::

    >>> is_relevant(sides={"RU", "BY"}, economic=5, non_economic=0, relations=1)
    True
    >>> is_relevant(sides={"RU", "BY"}, economic=5, non_economic=0, relations=0, linked=0)
    False
"""

from __future__ import annotations


def is_relevant(sides: set[str], economic: int, non_economic: int, relations: int,
                linked: int = 1) -> bool:
    """``linked``: sentences naming both sides with a cooperation or trade word."""
    if not {"RU", "BY"} <= sides:
        return False
    if relations == 0 and (economic < 2 or linked == 0):
        return False
    return non_economic <= economic
