"""The facts of the sentence tables (tests written for the relation rules): ``(type, source,
target)``, compared as the scorer compares them.

Example:
    >>> has_fact({("meeting", "A", "B")}, ("meeting", "B", "A"))
    True
"""

from __future__ import annotations

from soyuzprom.press.evaluation.scoring import SYMMETRIC_RELATIONS
from soyuzprom.press.extraction import Extractor

Fact = tuple[str, str, str]


def facts(extractor: Extractor, text: str) -> set[Fact]:
    """The relations the extractor finds in ``text``."""
    return {(r.type, r.source, r.target) for r in extractor.extract(text).relations}


def has_fact(found: set[Fact], fact: Fact) -> bool:
    """``fact`` is among ``found``; the ends of an agreement, a meeting or a joint venture
    in either order (direction carries no meaning there)."""
    typ, src, dst = fact
    return fact in found or (typ in SYMMETRIC_RELATIONS and (typ, dst, src) in found)
