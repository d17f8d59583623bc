"""Reading an HTML page: main text without boilerplate, title, date and publisher from meta.

Boilerplate (menus, footers, "read also" blocks) is removed with jusText and its Russian
stop list; when jusText keeps nothing (very short pages) the text of ``<article>`` or
``<body>`` is used instead. Title: ``og:title``, else ``<title>``, else the first ``<h1>``.
Date: ``article:published_time`` and similar meta tags, else the first ``<time datetime>``.

Example:
    >>> doc = read_html(b"<html><head><title>T</title></head><body><p>...</p></body></html>")
    >>> doc.title
    'T'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import justext
import lxml.html
from lxml import etree

from soyuzprom.errors import InputFormatError
from soyuzprom.press.ingest.decode import decode_bytes, parse_date
from soyuzprom.press.ingest.model import RawDocument

_DATE_META = (
    "article:published_time", "og:published_time", "pubdate", "publishdate", "date",
    "dc.date", "dc.date.issued", "datepublished", "mediator_published_time",
)
_TITLE_META = ("og:title", "twitter:title")
_PUBLISHER_META = ("og:site_name", "publisher", "application-name")


@lru_cache(maxsize=1)
def _stoplist() -> frozenset[str]:
    return frozenset(justext.get_stoplist("Russian"))


def _meta(tree: Any) -> dict[str, str]:
    """Meta tags by lower-cased ``property``/``name``/``itemprop``; the first one wins."""
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        value = node.get("content")
        if key and value and key.lower() not in found:
            found[key.lower()] = value.strip()
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def strip_site_name(title: str, publisher: str | None) -> str:
    """Drop a trailing " | Site" (or " — Site", " - Site") naming the publisher.

    Example:
        >>> strip_site_name("Гомсельмаш открыл центр | Деснянский вестник", "Деснянский вестник")
        'Гомсельмаш открыл центр'
    """
    if not publisher:
        return title
    for sep in (" | ", " — ", " - ", " :: "):
        if title.endswith(sep + publisher):
            return title[: -len(sep + publisher)].strip()
    return title


def _fallback_text(tree: Any) -> str:
    for bad in tree.xpath("//script|//style|//nav|//header|//footer|//noscript"):
        bad.drop_tree()
    nodes = tree.xpath("//article") or tree.xpath("//body") or [tree]
    blocks = [p.text_content().strip() for p in nodes[0].iter("p", "h1", "h2", "li")]
    text = "\n\n".join(b for b in blocks if b)
    return text or str(nodes[0].text_content()).strip()


def main_text(html: str) -> str:
    """The article text of a page, paragraphs separated by empty lines."""
    paragraphs = justext.justext(html, _stoplist(), encoding="utf-8")
    good = [p.text.strip() for p in paragraphs if not p.is_boilerplate and p.text.strip()]
    if good:
        return "\n\n".join(good)
    return _fallback_text(lxml.html.document_fromstring(html))


def read_html(data: bytes | str, *, url: str | None = None, origin: str = "",
              charset: str | None = None) -> RawDocument:
    """Parse a page into a :class:`RawDocument`; :class:`InputFormatError` if it has no text."""
    html = data if isinstance(data, str) else decode_bytes(data, charset)
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputFormatError(f"Не удалось разобрать HTML: {exc}", file=origin or url) from exc
    meta = _meta(tree)
    title = _first(meta, _TITLE_META)
    if not title:
        node = tree.find(".//title")
        h1 = tree.find(".//h1")
        title = (node.text_content() if node is not None else None) or (
            h1.text_content() if h1 is not None else None
        )
    publisher = _first(meta, _PUBLISHER_META)
    if title:
        title = strip_site_name(title.strip(), publisher)
    published = parse_date(_first(meta, _DATE_META))
    if published is None:
        times = tree.xpath("//time/@datetime")
        published = parse_date(str(times[0])) if times else None
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    text = main_text(html)
    if not text.strip():
        raise InputFormatError("В HTML-странице нет текста статьи", file=origin or url)
    return RawDocument(
        text=text,
        title=title.strip() if title else None,
        url=url or meta.get("og:url") or (str(canonical[0]) if canonical else None),
        publisher=publisher,
        published=published,
        origin=origin or url or "",
        meta={"format": "html"},
    )
