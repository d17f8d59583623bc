"""From an extraction (the ANNOTATION.md dict) to claims awaiting review.

Pure: takes the extractor's JSON, the document text and a :class:`RegistryIndex`, returns
:class:`Proposal` values. Kinds and payloads:

* ``organization`` - a *candidate*: an organization the registry does not know (or knows
  ambiguously). Payload: the proposed record (name, kind, country, identifiers found in the
  text) and the ambiguous candidates. Known organizations produce no claim.
* ``person`` - name, role, and the organization or region named in the role.
* ``relation`` - type, from, to, object, and the registry references of both ends
  (``from_ref``/``to_ref``: ``{"kind": "organization"|"region", "id", "name"}`` or null).
* ``figure`` - what, value, unit, period, plus the Indicator metric, qualifier and a guess
  of subject and counterpart regions (the first Russian / Belarusian region of the text).

Each proposal has a fingerprint: SHA-256 of document id, kind and the normalised identity
of the payload (names through ``name_key``; a relation's type and ends, not its object's
wording), so the same fact found again in the same
document - after re-extraction or an edit of the article - is recognised, and a rejected
claim is never proposed again.

Example:
    >>> props = propose(extraction, text, index, document_id=7)
    >>> [(p.kind, p.payload.get("type")) for p in props]
    [('relation', 'supply'), ('figure', None)]
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from razdel import sentenize

from soyuzprom.core.text import name_key
from soyuzprom.press.resolution import (
    AMBIGUOUS,
    MATCHED,
    Identifier,
    Match,
    RegistryIndex,
    identifiers_near,
    lemma,
)

CLAIM_KINDS = ("organization", "person", "relation", "figure")


@dataclass(frozen=True, slots=True)
class Proposal:
    """A claim to store: kind, payload, evidence with offsets in the document text."""

    kind: str
    payload: dict[str, Any]
    evidence: str | None
    start: int | None
    end: int | None
    fingerprint: str


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The packaged ``data/press/claims.yaml``."""
    text = resources.files("soyuzprom.data").joinpath("press/claims.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def fingerprint(document_id: int, kind: str, identity: Mapping[str, Any]) -> str:
    """SHA-256 of document, kind and the canonical JSON of the identity fields."""
    canonical = json.dumps(identity, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{document_id}|{kind}|{canonical}".encode()).hexdigest()


def identity(kind: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that say *which* fact a payload is, normalised (ignores refs, offsets)."""
    if kind == "organization":
        return {"name": name_key(payload["name"])}
    if kind == "person":
        return {"name": name_key(payload["name"]), "role": name_key(payload.get("role") or "")}
    if kind == "relation":
        # not the object: its wording follows the sentence the fact was found in ("две
        # сушильные машины", "оборудование"), and a fact rejected for this document stays
        # rejected however an edit words it
        return {k: name_key(str(payload.get(k) or "")) for k in ("type", "from", "to")}
    if kind == "figure":
        return {"what": name_key(str(payload.get("what") or "")),
                "value": float(payload["value"]), "unit": payload.get("unit"),
                "period": payload.get("period") or ""}
    raise ValueError(f"unknown claim kind {kind}")


# -- text positions --------------------------------------------------------------------------


class Sentences:
    """Sentence spans of a text, for turning any offset into its sentence.

    Lines are split first: a headline or a paragraph without a final full stop ends at
    its line break, where razdel alone would run it into the next sentence.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []
        offset = 0
        for line in text.split("\n"):
            self.spans += [(offset + s.start, offset + s.stop) for s in sentenize(line)]
            offset += len(line) + 1

    def around(self, start: int, end: int) -> tuple[int, int, str]:
        """The sentence(s) covering ``[start, end)``."""
        first = next((s for s, e in self.spans if s <= start < e), start)
        last = next((e for s, e in self.spans if s < end <= e), end)
        return first, last, self.text[first:last]


def locate(text: str, fragment: str, start: Any = None, end: Any = None) -> tuple[int, int] | None:
    """Offsets of ``fragment``: the given ones when they point at it, else its first place."""
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == fragment:
        return start, end
    found = text.find(fragment) if fragment else -1
    return (found, found + len(fragment)) if found >= 0 else None


def locate_names(text: str, name: str) -> list[tuple[int, int]]:
    """Every place a name occurs: the name itself, else the stem of its last word
    (nominative names are written inflected in running text).

    Example:
        >>> locate_names("Поставки Оршанскому льнокомбинату.", "Оршанский льнокомбинат")
        [(20, 33)]
    """
    words = name.split()
    if not words:
        return []
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    if spans:
        return spans
    stem = re.escape(words[-1][: max(4, len(words[-1]) - 2)])
    return [(m.start(), m.end()) for m in re.finditer(rf"\b{stem}\w*", text)]


def locate_name(text: str, name: str) -> tuple[int, int] | None:
    """The first place a name occurs (see :func:`locate_names`)."""
    spans = locate_names(text, name)
    return spans[0] if spans else None


# -- the proposals -------------------------------------------------------------------------


class _Builder:
    def __init__(self, extraction: Mapping[str, Any], text: str, index: RegistryIndex,
                 document_id: int) -> None:
        self.x = extraction
        self.text = text
        self.index = index
        self.document_id = document_id
        self.sentences = Sentences(text)
        self.mentions = [m for m in extraction.get("mentions") or [] if isinstance(m, dict)]
        self.orgs: dict[str, Match] = {}
        self.regions: dict[str, Match] = {}
        self.out: list[Proposal] = []
        self.seen: set[str] = set()

    def add(self, kind: str, payload: dict[str, Any], span: tuple[int, int] | None,
            evidence: str | None = None) -> None:
        fp = fingerprint(self.document_id, kind, identity(kind, payload))
        if fp in self.seen:
            return
        self.seen.add(fp)
        if span is not None:
            first, last, sentence = self.sentences.around(*span)
            payload.setdefault("sentence", sentence)
            if evidence is None:
                evidence, span = sentence, (first, last)
        self.out.append(Proposal(kind, payload, evidence, span[0] if span else None,
                                 span[1] if span else None, fp))

    def mention_spans(self, kind: str, name: str) -> list[tuple[int, int, str]]:
        """Every place the extractor saw ``name`` (else where its stem first occurs)."""
        spans = []
        for m in self.mentions:
            start, end = m.get("start"), m.get("end")
            if (m.get("kind") == kind and m.get("name") == name
                    and isinstance(start, int) and isinstance(end, int)):
                spans.append((start, end, str(m.get("text") or self.text[start:end])))
        if not spans:
            spans = [(a, b, self.text[a:b]) for a, b in locate_names(self.text, name)]
        return spans

    def mention_span(self, kind: str, name: str) -> tuple[int, int, str] | None:
        spans = self.mention_spans(kind, name)
        return spans[0] if spans else None

    def identifiers(self, name: str) -> list[Identifier]:
        """Identifiers written right after any mention of the organization."""
        found: dict[tuple[str, str], Identifier] = {}
        for start, end, _ in self.mention_spans("organization", name):
            for ident in identifiers_near(self.text, start, end):
                found.setdefault((ident.kind, ident.value), ident)
        return list(found.values())

    # -- resolution ---------------------------------------------------------------------

    def resolve(self) -> None:
        for name in self.x.get("organizations") or []:
            where = self.mention_span("organization", name)
            self.orgs[name] = self.index.organization(
                name, surface=where[2] if where else None, identifiers=self.identifiers(name)
            )
        for name in self.x.get("regions") or []:
            where = self.mention_span("region", name)
            self.regions[name] = self.index.region(name, surface=where[2] if where else None)

    def ref(self, name: str) -> dict[str, Any] | None:
        """Registry reference of a relation end named in organizations or regions."""
        match = self.orgs.get(name) or self.regions.get(name)
        if match is None:
            match = self.index.organization(name)
            if match.status != MATCHED:
                match = self.index.region(name)
        if match.status != MATCHED or match.entity_id is None:
            return None
        return {"kind": match.kind, "id": match.entity_id, "name": name}

    # -- kinds ----------------------------------------------------------------------------

    def organizations(self) -> None:
        enterprises = set(self.x.get("enterprises") or [])
        heads = set(vocabulary()["state_body_heads"])
        for name, match in self.orgs.items():
            if match.status == MATCHED:
                continue
            where = self.mention_span("organization", name)
            near = self.identifiers(name)
            first = name_key(name).split(" ", 1)[0] if name_key(name) else ""
            kind = ("enterprise" if name in enterprises
                    else "state_body" if first in heads else "other")
            payload: dict[str, Any] = {
                "name": name, "kind": kind, "resolution": match.status,
                "candidates": [
                    {"id": c, "name": self.index.organization_name(c)} for c in match.candidates
                ] if match.status == AMBIGUOUS else [],
                "identifiers": {i.kind: i.value for i in near},
            }
            self.add("organization", payload, where[:2] if where else None)

    def persons(self) -> None:
        for person in self.x.get("persons") or []:
            name, role = str(person.get("name") or ""), str(person.get("role") or "")
            if not name:
                continue
            payload: dict[str, Any] = {"name": name, "role": role, **self.role_body(role)}
            self.add("person", payload, locate_name(self.text, name))

    def role_body(self, role: str) -> dict[str, Any]:
        """The organization or region a role names ("губернатор Смоленской области")."""
        words = {lemma(w) for w in name_key(role).split()}
        for names, kind in ((self.orgs, "organization"), (self.regions, "region")):
            for name, match in names.items():
                own = {lemma(w) for w in name_key(name).split()}
                if own and own <= words and match.status == MATCHED:
                    return {kind: name, f"{kind}_ref": {"kind": kind, "id": match.entity_id,
                                                        "name": name}}
        return {}

    def relations(self) -> None:
        for rel in self.x.get("relations") or []:
            evidence = str(rel.get("evidence") or "")
            payload = {
                "type": rel.get("type"), "from": rel.get("from"), "to": rel.get("to"),
                "object": rel.get("object") or "",
                "from_ref": self.ref(str(rel.get("from") or "")),
                "to_ref": self.ref(str(rel.get("to") or "")),
            }
            span = locate(self.text, evidence, rel.get("start"), rel.get("end"))
            self.add("relation", payload, span, evidence or None)

    def figures(self) -> None:
        qualifiers: dict[str, str] = vocabulary()["qualifiers"]
        subject, counterpart = self.subject_regions()
        for fig in self.x.get("figures") or []:
            what = str(fig.get("what") or "")
            qualifier = next((q for marker, q in qualifiers.items() if marker in what), "exact")
            bare = what
            for marker in qualifiers:
                bare = bare.replace(marker, "")
            payload = {
                "what": what, "value": fig.get("value"), "unit": fig.get("unit"),
                "period": fig.get("period") or "", "qualifier": qualifier,
                "metric": metric_of(bare),
                "subject_region_code": subject, "counterpart_region_code": counterpart,
            }
            if payload["value"] is None:
                continue
            evidence = str(fig.get("evidence") or "")
            span = locate(self.text, evidence, fig.get("start"), fig.get("end"))
            self.add("figure", payload, span, evidence or None)

    def subject_regions(self) -> tuple[str | None, str | None]:
        codes = [self.index.region_code(m.entity_id) for m in self.regions.values()
                 if m.status == MATCHED and m.entity_id is not None]
        russian = [c for c in codes if c and c.startswith("RU-")] or [c for c in codes
                                                                    if c == "RU"]
        belarus = [c for c in codes if c and c.startswith("BY-")] or [c for c in codes
                                                                    if c == "BY"]
        return (russian[0] if russian else None), (belarus[0] if belarus else None)


def metric_of(what: str) -> str:
    """An Indicator metric from a figure's English ``what``: "trade turnover Smolensk -
    Belarus" -> ``trade_turnover_smolensk_belarus`` (at most 100 characters)."""
    slug = re.sub(r"[^0-9a-zа-яё]+", "_", what.lower()).strip("_")
    return slug[:100] or "figure"


def propose(extraction: Mapping[str, Any], text: str, index: RegistryIndex,
            document_id: int) -> tuple[list[Proposal], dict[str, Any]]:
    """Claims for one document and a summary of its resolution (stored in ``Document.meta``).

    A text the extractor finds not relevant proposes nothing (reviewers see cooperation news
    only); its resolved names are still summarised.
    """
    builder = _Builder(extraction, text, index, document_id)
    builder.resolve()
    if extraction.get("relevant"):
        builder.organizations()
        builder.persons()
        builder.relations()
        builder.figures()
    summary = {
        "relevant": bool(extraction.get("relevant")),
        "organizations": [m.to_json() for m in builder.orgs.values()],
        "regions": [m.to_json() for m in builder.regions.values()],
    }
    return builder.out, summary


def kinds_of(proposals: Sequence[Proposal]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in proposals:
        counts[p.kind] = counts.get(p.kind, 0) + 1
    return counts
