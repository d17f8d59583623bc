"""Turning bytes of a web page or file into text, honouring the declared encoding.

Russian sites still serve windows-1251; the declared charset (HTTP header, XML prolog or
``<meta charset>``) wins, then UTF-8, then windows-1251 as the regional default.

Example:
    >>> decode_bytes("Привет".encode("cp1251"), declared="windows-1251")
    'Привет'
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']""", re.I)
_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def sniff_charset(data: bytes) -> str | None:
    """The charset declared inside the document itself, if any and known to Python."""
    head = data[:4096]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode with the declared or sniffed charset, else UTF-8, else windows-1251."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", "replace")
    for name in (declared, sniff_charset(data)):
        if not name:
            continue
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", "replace")


def parse_date(value: str | None) -> date | None:
    """A date from ISO (``2025-03-14T10:00:00+03:00``) or Russian (``14.03.2025``) forms."""
    if not value:
        return None
    value = value.strip()
    found = _YMD.search(value)
    try:
        if found:
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        found = _DMY.search(value)
        if found:
            return date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None
    return None


def date_from_struct(value: object) -> date | None:
    """A date from feedparser's ``time.struct_time`` (or None)."""
    if value is None:
        return None
    try:
        return datetime(*value[:6]).date()  # type: ignore[index]
    except (TypeError, ValueError):
        return None
