"""Streaming access to FNS XML files: plain ``.xml`` or every XML member of a ``.zip``.

Memory stays constant whatever the file size: zip members are streamed (never extracted),
``lxml.etree.iterparse`` reports only the record tag, and every record element is cleared
after use together with the already-processed siblings that lxml would otherwise keep
attached to the root.

Example:
    >>> for part in xml_parts(Path("data-test-sme-1.zip")):          # doctest: +SKIP
    ...     with part.open() as stream:
    ...         for element in iter_records(stream, part.name, "Документ"):
    ...             print(element.get("ИдДок"))
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from lxml import etree

from soyuzprom.errors import InputFormatError
from soyuzprom.importers.records import BadRecord, Place

ProgressFn = Callable[[int], None]


@dataclass(frozen=True)
class XmlPart:
    """One XML document to parse: a file, or a member of a zip archive."""

    name: str  # shown in messages: "dump.zip/VO_RRMSPSV_....xml" or "file.xml"
    size: int  # uncompressed bytes
    opener: Callable[[], IO[bytes]]

    @contextmanager
    def open(self, progress: ProgressFn | None = None) -> Iterator[IO[bytes]]:
        """The part as a binary stream; ``progress(n)`` hears of every ``n`` bytes read."""
        stream = self.opener()
        try:
            yield _Counting(stream, progress) if progress is not None else stream  # type: ignore[misc]
        finally:
            stream.close()


class _Counting:
    """A read-only stream wrapper that reports the bytes read (for progress bars)."""

    def __init__(self, stream: IO[bytes], progress: ProgressFn) -> None:
        self._stream = stream
        self._progress = progress

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._progress(len(data))
        return data


@contextmanager
def open_xml_parts(path: Path) -> Iterator[list[XmlPart]]:
    """The XML documents inside ``path`` (a zip is opened once, members in name order).

    Raises InputFormatError when the path is neither XML nor a zip with XML members.
    """
    if zipfile.is_zipfile(path):
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputFormatError(f"Архив не читается: {exc}", file=path.name) from exc
        with archive:
            infos = sorted(
                (i for i in archive.infolist() if i.filename.lower().endswith(".xml")),
                key=lambda i: i.filename,
            )
            if not infos:
                raise InputFormatError("В архиве нет файлов XML", file=path.name)
            yield [
                XmlPart(f"{path.name}/{i.filename}", i.file_size, _member_opener(archive, i))
                for i in infos
            ]
        return
    if not path.is_file():
        raise InputFormatError("Файл не найден", file=str(path))
    yield [XmlPart(path.name, path.stat().st_size, lambda: path.open("rb"))]


def _member_opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], IO[bytes]]:
    return lambda: archive.open(info)


def syntax_error(exc: Exception, name: str) -> InputFormatError:
    """Turn an lxml/zip failure into an InputFormatError naming the file and line."""
    text = str(exc)
    lowered = text.lower()
    if "encoding" in lowered or "utf-8" in lowered or "bytes:" in lowered:
        message = "Неверная кодировка файла XML"
    elif "premature end" in lowered or "end of data" in lowered or "not closed" in lowered:
        message = "Файл XML обрезан (неожиданный конец данных)"
    elif isinstance(exc, (zipfile.BadZipFile, EOFError)):
        message = "Архив повреждён или обрезан"
    else:
        message = "Файл XML повреждён"
    line = getattr(exc, "lineno", None)
    return InputFormatError(message, file=name, line=line, details={"parser": text[:300]})


def iter_records(
    stream: IO[bytes], name: str, tag: str, root_info: dict[str, Any] | None = None
) -> Iterator[Any]:
    """Yield each ``tag`` element of an XML stream; clear it once the caller moves on.

    When ``root_info`` is given it receives the root's tag and attributes (``"tag"``,
    ``"attrib"``) as soon as the first record (or the end of the file) is reached, so the
    caller can check the file's type and declared record count.
    Raises InputFormatError on malformed, truncated or wrongly encoded input.
    """
    context = etree.iterparse(
        stream, events=("end",), tag=tag, huge_tree=True, resolve_entities=False
    )
    try:
        for _event, element in context:
            if root_info is not None and "tag" not in root_info:
                parent = element.getparent()
                root = parent if parent is not None else element
                root_info["tag"] = root.tag
                root_info["attrib"] = dict(root.attrib)
            yield element
            # Free the record and every sibling before it: lxml keeps parsed siblings
            # attached to the root, which would grow with the file.
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
        if root_info is not None and "tag" not in root_info:
            root = context.root
            root_info["tag"] = root.tag if root is not None else None
            root_info["attrib"] = dict(root.attrib) if root is not None else {}
    except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError) as exc:
        raise syntax_error(exc, name) from exc


def parse_counted_documents(
    part: XmlPart,
    progress: ProgressFn | None,
    *,
    tag: str,
    check_root: Callable[[dict[str, Any], str], None],
    parse_document: Callable[[Any, Place], Any],
) -> Iterator[Any]:
    """Every ``tag`` record of one FNS XML file, parsed, or a :class:`BadRecord`.

    The root is checked (``check_root``) before the first record and for an empty file;
    at the end the record count must equal the root's ``КолДок`` (a truncated dump is a
    file error, not a quiet short read).
    """
    root: dict[str, Any] = {}
    count = 0
    with part.open(progress) as stream:
        for element in iter_records(stream, part.name, tag, root):
            if count == 0:
                check_root(root, part.name)
            count += 1
            place = Place(part.name, element.sourceline, tag, element.get("ИдДок"))
            try:
                yield parse_document(element, place)
            except InputFormatError as exc:
                yield BadRecord(exc, place)
    if count == 0:
        check_root(root, part.name)
    # FNS pads КолДок with spaces ("       200").
    declared = ((root.get("attrib") or {}).get("КолДок") or "").strip()
    if declared.isdigit() and int(declared) != count:
        raise InputFormatError(
            f"В файле {count} документов, а в заголовке КолДок={declared}: файл неполный",
            file=part.name, element="Файл", field="КолДок",
        )
