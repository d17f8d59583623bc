"""YAML documents with positions: parse, validate against a JSON Schema, report paths.

Loading keeps dates as strings (the schema checks their pattern) and remembers the line
of every node, so an error can name the file, the line and the path inside the document
(``groups[0].items[3].points``). Messages are Russian because users read them.

Example::

    >>> doc = parse_yaml("a:\\n  - x: 1\\n", "f.yaml")
    >>> doc.data, doc.line_of(("a", 0, "x"))
    ({'a': [{'x': 1}]}, 2)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from soyuzprom.errors import InputFormatError

Path = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates stay strings until we parse them."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def format_path(path: Iterable[str | int]) -> str:
    """``("groups", 0, "items", 3, "points")`` -> ``groups[0].items[3].points``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(корень документа)"


@dataclass(frozen=True)
class Document:
    """Parsed YAML data with a map from paths to 1-based line numbers."""

    name: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int | None:
        # Fall back to the nearest enclosing node that has a known line.
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def error(self, path: Path, message: str, **details: Any) -> InputFormatError:
        """An InputFormatError for ``path`` in this document."""
        where = format_path(path)
        # str() of the error adds "(файл ..., строка ..., поле <path>)".
        return InputFormatError(
            message, file=self.name, line=self.line_of(path), field=where,
            details={"path": where, **details},
        )


def _index(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _index(value_node, (*path, str(key_node.value)), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _index(child, (*path, i), lines)


def parse_yaml(text: str, name: str) -> Document:
    """Parse one YAML document; syntax errors become InputFormatError with the line."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputFormatError(
            f"{name}:{line}: синтаксическая ошибка YAML: {problem}",
            file=name, line=line, details={"problem": str(problem)},
        ) from exc
    lines: dict[Path, int] = {}
    if node is not None:
        _index(node, (), lines)
    return Document(name=name, data=data, lines=lines)


@cache
def load_schema(filename: str) -> dict[str, Any]:
    """A JSON Schema shipped in ``soyuzprom/localization/schema/``."""
    text = (resources.files("soyuzprom.localization") / "schema" / filename).read_text(
        encoding="utf-8"
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


def _describe(error: ValidationError) -> tuple[Path, str]:
    """Russian message and path for one jsonschema error."""
    path: Path = tuple(error.absolute_path)
    v, value = error.validator, error.validator_value
    inst = error.instance
    if v == "required":
        missing = [k for k in value if isinstance(inst, dict) and k not in inst]
        return path, f"нет обязательного поля «{missing[0] if missing else value}»"
    if v == "additionalProperties":
        extra = sorted(set(inst) - set(error.schema.get("properties", {})))
        if extra:
            return (*path, extra[0]), f"неизвестное поле «{extra[0]}»"
        return path, "неизвестное поле"
    if v == "type":
        expected = value if isinstance(value, str) else " или ".join(value)
        names = {"integer": "целое число", "number": "число", "string": "строка",
                 "boolean": "true/false", "array": "список", "object": "словарь", "null": "null"}
        expected = " или ".join(names.get(t, t) for t in expected.split(" или "))
        return path, f"ожидается {expected}, получено {inst!r}"
    if v == "enum":
        return path, f"значение {inst!r} не из списка: {', '.join(map(str, value))}"
    if v == "const":
        return path, f"ожидается {value!r}, получено {inst!r}"
    if v == "pattern":
        return path, f"значение {inst!r} не соответствует формату {value}"
    if v in ("minimum", "exclusiveMinimum"):
        return path, f"значение {inst!r} меньше допустимого ({value})"
    if v in ("maximum", "exclusiveMaximum"):
        return path, f"значение {inst!r} больше допустимого ({value})"
    if v == "minItems":
        return path, f"список должен содержать не меньше {value} элементов"
    if v == "minLength":
        return path, "пустая строка недопустима"
    return path, f"нарушено правило схемы «{v}»: {error.message}"


def _walk(data: Any, path: Path, position: dict[Path, int]) -> None:
    position[path] = len(position)
    if isinstance(data, dict):
        for key, value in data.items():
            _walk(value, (*path, str(key)), position)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _walk(value, (*path, i), position)


def validate(doc: Document, schema_file: str) -> None:
    """Check ``doc`` against a shipped schema; raise on the first error in document order."""
    validator = Draft202012Validator(load_schema(schema_file))
    errors = list(validator.iter_errors(doc.data))
    if not errors:
        return
    # Report the error that comes first in the document, preferring the deepest one on a
    # line; a document without lines (a JSON body) is ordered by its keys.
    position: dict[Path, int] = {}
    _walk(doc.data, (), position)

    def order(e: ValidationError) -> tuple[int, int, int]:
        path = tuple(e.absolute_path)
        return (doc.line_of(path) or 0, position.get(path, 0), -len(path))

    first = min(errors, key=order)
    # For oneOf/anyOf, the most specific sub-error is the helpful one.
    if first.context:
        first = min(first.context, key=order)
    path, message = _describe(first)
    raise doc.error(path, message, errors=len(errors))
