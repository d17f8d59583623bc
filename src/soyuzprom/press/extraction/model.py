"""Frozen result types of press extraction (the ANNOTATION.md schema).

Example::

    >>> Extraction(relevant=False).to_json()["relations"]
    []
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an organization or region in the text (for the resolver)."""

    kind: str  # "organization" | "region"
    name: str  # normalized name, as listed in the Extraction
    text: str  # surface text
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "text": self.text,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    source: str  # "from" in JSON
    target: str  # "to" in JSON
    object: str
    evidence: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "from": self.source, "to": self.target,
                "object": self.object, "evidence": self.evidence,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Figure:
    what: str
    value: float
    unit: str
    period: str
    evidence: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        value: float | int = self.value
        if float(value).is_integer():
            value = int(value)
        return {"what": self.what, "value": value, "unit": self.unit,
                "period": self.period, "evidence": self.evidence,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one text; ``to_json`` gives the ANNOTATION.md object."""

    relevant: bool
    organizations: tuple[str, ...] = ()
    enterprises: tuple[str, ...] = ()
    persons: tuple[Person, ...] = ()
    regions: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    figures: tuple[Figure, ...] = ()
    mentions: tuple[Mention, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "relevant": self.relevant,
            "organizations": list(self.organizations),
            "enterprises": list(self.enterprises),
            "persons": [p.to_json() for p in self.persons],
            "regions": list(self.regions),
            "relations": [r.to_json() for r in self.relations],
            "figures": [f.to_json() for f in self.figures],
            "mentions": [m.to_json() for m in self.mentions],
        }
