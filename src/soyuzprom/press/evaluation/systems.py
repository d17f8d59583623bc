"""The two systems compared: our extractor and the natasha-only baseline.

Both are imported lazily so that scoring works without NLP models, and so the evaluation
can run (baseline only, with a clear message) in a branch where the extractor is absent.

Example:
    >>> ours = load_our_extractor()   # None when soyuzprom.press.extraction is missing
    ...                               # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

OURS = "ours"
BASELINE = "natasha"
EXTRACTION_MODULE = "soyuzprom.press.extraction"


def load_our_extractor() -> Any | None:
    """``get_extractor()`` from the extraction package, or None if the package is absent.

    A missing module is the only tolerated failure; an import error raised *inside* the
    extraction package is a bug and propagates.
    """
    try:
        from soyuzprom.press.extraction import get_extractor
    except ModuleNotFoundError as exc:
        if exc.name is not None and EXTRACTION_MODULE.startswith(exc.name):
            return None
        raise
    return get_extractor()


def load_baseline() -> Any:
    """The natasha-only baseline (models loaded once here)."""
    from soyuzprom.press.evaluation.baseline import NatashaBaseline

    return NatashaBaseline()
