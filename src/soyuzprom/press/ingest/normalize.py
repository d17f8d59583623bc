"""Normalised text and its content hash: the identity of a document.

Two texts that differ only in whitespace, line endings, Unicode composition, non-breaking
spaces or soft hyphens get the same hash, so re-ingesting them is a no-op.

Example:
    >>> normalize_text("Оршанский\\u00a0льнокомбинат \\r\\n\\r\\n\\r\\n поставил") \
    ... == "Оршанский льнокомбинат\\n\\nпоставил"
    True
    >>> len(content_hash("текст"))
    64
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_MANY_BREAKS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC, one kind of line break and space, trimmed lines, at most one empty line in a row."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    lines = [_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    """SHA-256 hex digest of :func:`normalize_text` of ``text``."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
