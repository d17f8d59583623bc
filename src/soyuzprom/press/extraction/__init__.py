"""Press extraction: Russian news text -> cooperation facts (ANNOTATION.md schema).

``get_extractor()`` returns the process-wide extractor; models load on first use.

Example::

    >>> from soyuzprom.press.extraction import get_extractor
    >>> get_extractor().extract("МТЗ поставит тракторы в Смоленскую область.").to_json()["relevant"]
    True
"""

from __future__ import annotations

import threading

from soyuzprom.press.extraction.model import Extraction, Figure, Mention, Person, Relation
from soyuzprom.press.extraction.pipeline import Extractor

_lock = threading.Lock()
_extractor: Extractor | None = None


def get_extractor() -> Extractor:
    """The singleton extractor (natasha models and vocabularies loaded once, lazily)."""
    global _extractor
    if _extractor is None:
        with _lock:
            if _extractor is None:
                _extractor = Extractor()
    return _extractor


__all__ = ["Extraction", "Extractor", "Figure", "Mention", "Person", "Relation", "get_extractor"]
