"""Reading RSS and Atom feeds into documents, one per entry.

Real Russian regional feeds are untidy, and each quirk below is handled on purpose:

* windows-1251 bodies declared in the XML prolog (feedparser decodes them);
* the RSS namespace declared as the default namespace (feedparser still reads it);
* the full article in ``yandex:full-text`` (preferred over ``content:encoded``, which is
  preferred over ``description``);
* no ``guid``: the entry is identified by its link, else by its content hash;
* HTML escaped twice in ``description`` (``&amp;lt;p&amp;gt;``): unescaped until stable,
  then stripped of tags.

Example:
    >>> docs = read_feed(open("lenta.xml", "rb").read(), origin="lenta.xml")
    >>> docs[0].publisher, docs[0].published
    ('Смоленские вести', datetime.date(2025, 3, 14))
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from soyuzprom.errors import InputFormatError
from soyuzprom.press.ingest.decode import date_from_struct, parse_date
from soyuzprom.press.ingest.model import RawDocument

_FULL_TEXT_KEYS = ("yandex_full-text", "yandex_fulltext", "full-text", "fulltext")
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_ESCAPED = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);", re.I)
_BLOCK_TAGS = re.compile(r"(?i)<(?:/p|br\s*/?|/div|/li|/h\d)>")


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes start like an RSS, RDF or Atom document."""
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def clean_fragment(fragment: str) -> str:
    """Plain text of an HTML fragment that may be escaped once or twice.

    Example:
        >>> clean_fragment("&lt;p&gt;Завод &amp;amp; партнёры&lt;/p&gt;")
        'Завод & партнёры'
    """
    text = fragment
    for _ in range(3):  # escaped at most twice in practice; bounded to stay linear
        if _TAG.search(text) or not _ESCAPED.search(text):
            break
        text = html_lib.unescape(text)
    if _TAG.search(text):
        text = _BLOCK_TAGS.sub("\n\n", text)
        try:
            text = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
        except (etree.ParserError, ValueError):
            text = _TAG.sub(" ", text)
    return html_lib.unescape(text).strip()


def _entry_text(entry: Any) -> str:
    for key in _FULL_TEXT_KEYS:
        value = entry.get(key)
        if value:
            return clean_fragment(str(value))
    for content in entry.get("content") or []:
        if content.get("value"):
            return clean_fragment(str(content["value"]))
    return clean_fragment(str(entry.get("summary") or entry.get("description") or ""))


def read_feed(data: bytes, *, url: str | None = None, origin: str = "") -> list[RawDocument]:
    """Every entry with text as a :class:`RawDocument`; entries without text are skipped.

    Raises :class:`InputFormatError` when the bytes are not a feed at all.
    """
    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception") or "не RSS/Atom"
        raise InputFormatError(f"Не удалось разобрать ленту: {reason}", file=origin or url)
    feed = parsed.get("feed", {})
    publisher = clean_fragment(str(feed.get("title") or "")) or None
    documents: list[RawDocument] = []
    for index, entry in enumerate(parsed.entries):
        text = _entry_text(entry)
        if not text:
            continue
        title = clean_fragment(str(entry.get("title") or "")) or None
        published = date_from_struct(
            entry.get("published_parsed") or entry.get("updated_parsed")
        ) or parse_date(entry.get("published") or entry.get("updated"))
        link = entry.get("link") or None
        documents.append(
            RawDocument(
                text=text,
                title=title,
                url=link,
                publisher=publisher,
                published=published,
                origin=f"{origin or url or 'feed'}#{index + 1}",
                meta={"format": "feed", "feed": url or origin, "guid": entry.get("id")},
            )
        )
    return documents
