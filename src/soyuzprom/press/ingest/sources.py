"""Turning what the user names (files, directories, URLs, a pasted text) into input items.

An :class:`InputItem` is one file or URL; loading it gives one document (text, HTML) or
many (a feed). Loading is deferred so the batch loop can skip items done in an interrupted
run (the checkpoint) without reading or fetching them again, and can report a failure of
one item without stopping the others.

Example:
    >>> [i.origin for i in expand_inputs(["news/"], fetcher)]
    ['news/a.txt', 'news/b.html', 'news/lenta.xml']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from soyuzprom.errors import InputFormatError
from soyuzprom.press.ingest.decode import decode_bytes
from soyuzprom.press.ingest.feeds import looks_like_feed, read_feed
from soyuzprom.press.ingest.fetch import Fetcher
from soyuzprom.press.ingest.html import read_html
from soyuzprom.press.ingest.model import RawDocument

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
# A first line this short and without a final full stop is taken as the title of a text file.
_TITLE_MAX = 200


@dataclass(frozen=True, slots=True)
class InputItem:
    """One file or URL; ``load()`` reads (or fetches) and parses it."""

    origin: str
    load: Callable[[], list[RawDocument]]


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def read_text_document(text: str, *, origin: str = "", url: str | None = None,
                       title: str | None = None) -> RawDocument:
    """A plain text; its first line is the title when it looks like one.

    Example:
        >>> read_text_document("Заголовок\\n\\nТекст новости.").title
        'Заголовок'
    """
    if not text.strip():
        raise InputFormatError("Пустой текст", file=origin or None)
    if title is None:
        first = text.strip().split("\n", 1)[0].strip()
        if len(first) <= _TITLE_MAX and not first.endswith(".") and "\n" in text.strip():
            title = first
    return RawDocument(text=text, title=title, url=url, origin=origin, meta={"format": "text"})


def parse_bytes(data: bytes, *, origin: str, url: str | None = None, suffix: str = "",
                content_type: str = "", charset: str | None = None) -> list[RawDocument]:
    """Pick the reader by suffix, then content type, then by sniffing the bytes."""
    kind = content_type.split(";")[0].strip().lower()
    if suffix in FEED_SUFFIXES or "rss" in kind or "atom" in kind or (
        suffix not in SUPPORTED_SUFFIXES and looks_like_feed(data)
    ):
        return read_feed(data, url=url, origin=origin)
    if suffix in HTML_SUFFIXES or "html" in kind or (
        suffix not in TEXT_SUFFIXES and b"<html" in data[:4096].lower()
    ):
        return [read_html(data, url=url, origin=origin, charset=charset)]
    return [read_text_document(decode_bytes(data, charset), origin=origin, url=url)]


def file_item(path: Path) -> InputItem:
    def load() -> list[RawDocument]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputFormatError(f"Не удалось прочитать файл: {exc.strerror}",
                                   file=str(path)) from exc
        return parse_bytes(data, origin=str(path), suffix=path.suffix.lower())

    return InputItem(str(path), load)


def url_item(url: str, fetcher: Fetcher) -> InputItem:
    def load() -> list[RawDocument]:
        page = fetcher.fetch(url)
        suffix = Path(url.split("?", 1)[0]).suffix.lower()
        return parse_bytes(page.content, origin=url, url=page.url, suffix=suffix,
                           content_type=page.content_type, charset=page.charset)

    return InputItem(url, load)


def missing_item(name: str) -> InputItem:
    def load() -> list[RawDocument]:
        raise InputFormatError("Файл или каталог не найден", file=name)

    return InputItem(name, load)


def expand_inputs(inputs: Iterable[str | Path], fetcher: Fetcher) -> Iterator[InputItem]:
    """Items for paths (directories walked recursively, sorted) and URLs, in order given."""
    for raw in inputs:
        name = str(raw)
        if is_url(name):
            yield url_item(name, fetcher)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield file_item(child)
        elif path.is_file():
            yield file_item(path)
        else:
            yield missing_item(name)
