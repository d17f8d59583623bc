"""Scoring of extraction output against gold annotation (pure: dicts in, dataclasses out).

Both sides are JSON objects in the ANNOTATION.md schema. Each field is compared as a set of
comparison keys (see :mod:`soyuzprom.press.evaluation.normalize`); counts are summed over
documents and precision, recall and F1 are micro-averaged.

Fields and their keys:

- ``organizations``, ``enterprises``: organization name key.
- ``persons``: name key; ``persons_role``: (name, role) - the role metric.
- ``regions``: name key.
- ``relations_typed``: (type, from, to); for agreement, meeting and joint_venture the
  endpoints are an unordered pair, since direction carries no meaning there.
- ``relations_untyped``: the unordered endpoint pair only.
- ``figures``: value and unit, matched one to one, the value within a relative tolerance
  (0.5 % by default, so rounding in the text does not count as an error);
  ``figures_period``: the same plus an equal period.

``object``, ``evidence`` and ``what`` are not scored: they are free wording.

Example:
    >>> gold = {"relevant": True, "regions": ["Смоленская область"]}
    >>> pred = {"relevant": True, "regions": ["смоленская область", "Москва"]}
    >>> score = score_document(pred, gold)
    >>> score.counts["regions"]
    Counts(tp=1, fp=1, fn=0)
    >>> score_corpus([score]).counts["regions"].precision
    0.5
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from soyuzprom.press.evaluation.normalize import name_key, org_key

FIELDS: tuple[str, ...] = (
    "organizations",
    "enterprises",
    "persons",
    "persons_role",
    "regions",
    "relations_typed",
    "relations_untyped",
    "figures",
    "figures_period",
)
"""Scored fields in display order; ``persons_role`` and ``figures_period`` are extras."""

SYMMETRIC_RELATIONS = frozenset({"agreement", "meeting", "joint_venture"})
DEFAULT_VALUE_TOLERANCE = 0.005


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives of one field.

    A ratio with a zero denominator is 1.0 when there was nothing to find and nothing was
    found, else 0.0 (an empty prediction against a non-empty gold has precision 0).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, empty=self.fn == 0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, empty=self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class FieldDiff:
    """What one document got wrong in one field, for error analysis."""

    missing: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentScore:
    """Counts of one document; ``diffs`` lists the missed and spurious items per field."""

    counts: Mapping[str, Counts]
    relevant_gold: bool
    relevant_pred: bool
    diffs: Mapping[str, FieldDiff] = field(default_factory=dict)
    name: str = ""

    @property
    def relevance_correct(self) -> bool:
        return self.relevant_gold == self.relevant_pred


@dataclass(frozen=True)
class CorpusScore:
    """Micro-averaged scores over documents, plus relevance accuracy."""

    counts: Mapping[str, Counts]
    documents: int
    relevance_correct: int

    @property
    def relevance_accuracy(self) -> float:
        return self.relevance_correct / self.documents if self.documents else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "relevance_accuracy": round(self.relevance_accuracy, 4),
            "fields": {name: self.counts[name].to_json() for name in FIELDS},
        }


def score_document(
    pred: Mapping[str, Any],
    gold: Mapping[str, Any],
    *,
    value_tolerance: float = DEFAULT_VALUE_TOLERANCE,
    name: str = "",
) -> DocumentScore:
    """Compare one predicted JSON object with its gold object, field by field.

    Missing keys count as empty lists (schema checks belong to the loader).
    """
    counts: dict[str, Counts] = {}
    diffs: dict[str, FieldDiff] = {}
    set_fields = {
        "organizations": lambda d: _names(d, "organizations", org_key),
        "enterprises": lambda d: _names(d, "enterprises", org_key),
        "persons": _person_names,
        "persons_role": _person_roles,
        "regions": lambda d: _names(d, "regions", name_key),
        "relations_typed": _typed_relations,
        "relations_untyped": _untyped_relations,
    }
    for field_name, keys_of in set_fields.items():
        counts[field_name], diffs[field_name] = _compare_sets(keys_of(pred), keys_of(gold))
    for field_name, with_period in (("figures", False), ("figures_period", True)):
        counts[field_name], diffs[field_name] = _compare_figures(
            _figures(pred), _figures(gold), value_tolerance, with_period
        )
    return DocumentScore(
        counts=counts,
        relevant_gold=bool(gold.get("relevant", False)),
        relevant_pred=bool(pred.get("relevant", False)),
        diffs={k: v for k, v in diffs.items() if v.missing or v.spurious},
        name=name,
    )


def score_corpus(documents: Iterable[DocumentScore]) -> CorpusScore:
    """Sum the counts of all documents (micro-averaging) and count correct relevance."""
    totals = {name: Counts() for name in FIELDS}
    n_docs = correct = 0
    for doc in documents:
        n_docs += 1
        correct += doc.relevance_correct
        for name in FIELDS:
            totals[name] = totals[name] + doc.counts.get(name, Counts())
    return CorpusScore(counts=totals, documents=n_docs, relevance_correct=correct)


# -- keys per field -------------------------------------------------------------------------


def _items(doc: Mapping[str, Any], key: str) -> list[Any]:
    value = doc.get(key) or []
    return list(value) if isinstance(value, list | tuple) else []


def _names(doc: Mapping[str, Any], key: str, keyer: Any) -> dict[Any, str]:
    return {keyer(item): str(item) for item in _items(doc, key) if str(item).strip()}


def _person_names(doc: Mapping[str, Any]) -> dict[Any, str]:
    return {
        name_key(p.get("name", "")): str(p.get("name", ""))
        for p in _items(doc, "persons")
        if isinstance(p, Mapping) and str(p.get("name", "")).strip()
    }


def _person_roles(doc: Mapping[str, Any]) -> dict[Any, str]:
    out: dict[Any, str] = {}
    for p in _items(doc, "persons"):
        if isinstance(p, Mapping) and str(p.get("name", "")).strip():
            role = str(p.get("role") or "")
            out[(name_key(p["name"]), name_key(role))] = f"{p['name']} ({role})"
    return out


def _endpoints(rel: Mapping[str, Any]) -> tuple[str, str]:
    return org_key(str(rel.get("from", ""))), org_key(str(rel.get("to", "")))


def _typed_relations(doc: Mapping[str, Any]) -> dict[Any, str]:
    out: dict[Any, str] = {}
    for rel in _items(doc, "relations"):
        if not isinstance(rel, Mapping):
            continue
        rtype = str(rel.get("type", "")).strip().casefold()
        src, dst = _endpoints(rel)
        ends: Any = frozenset((src, dst)) if rtype in SYMMETRIC_RELATIONS else (src, dst)
        out[(rtype, ends)] = f"{rtype}: {rel.get('from', '')} -> {rel.get('to', '')}"
    return out


def _untyped_relations(doc: Mapping[str, Any]) -> dict[Any, str]:
    out: dict[Any, str] = {}
    for rel in _items(doc, "relations"):
        if isinstance(rel, Mapping):
            out[frozenset(_endpoints(rel))] = f"{rel.get('from', '')} - {rel.get('to', '')}"
    return out


def _compare_sets(pred: dict[Any, str], gold: dict[Any, str]) -> tuple[Counts, FieldDiff]:
    hit = pred.keys() & gold.keys()
    missing = tuple(sorted(gold[k] for k in gold.keys() - hit))
    spurious = tuple(sorted(pred[k] for k in pred.keys() - hit))
    return Counts(len(hit), len(spurious), len(missing)), FieldDiff(missing, spurious)


# -- figures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Figure:
    value: float | None
    unit: str
    period: str
    label: str


def _figures(doc: Mapping[str, Any]) -> list[_Figure]:
    out = []
    for fig in _items(doc, "figures"):
        if not isinstance(fig, Mapping):
            continue
        try:
            value: float | None = float(fig.get("value"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            value = None  # an unparsable value can only be a false positive
        unit = str(fig.get("unit", "")).strip()
        period = str(fig.get("period") or "").strip()
        label = f"{fig.get('value')} {unit} [{period}] {fig.get('what', '')}".strip()
        out.append(_Figure(value, unit.casefold(), period.casefold(), label))
    return out


def _value_close(a: float | None, b: float | None, tolerance: float) -> bool:
    if a is None or b is None:
        return False
    return a == b or abs(a - b) <= tolerance * max(abs(a), abs(b))


def _compare_figures(
    pred: list[_Figure], gold: list[_Figure], tolerance: float, with_period: bool
) -> tuple[Counts, FieldDiff]:
    """One-to-one matching; the closest candidate value is taken first.

    Figures are a multiset (the same 10 % can be stated for two things), so each predicted
    figure may match at most one gold figure.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p.unit != g.unit or (with_period and p.period != g.period):
                continue
            if _value_close(p.value, g.value, tolerance):
                gap = abs((p.value or 0.0) - (g.value or 0.0))
                candidates.append((gap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _gap, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    missing = tuple(g.label for i, g in enumerate(gold) if i not in used_g)
    spurious = tuple(p.label for i, p in enumerate(pred) if i not in used_p)
    return Counts(len(used_g), len(spurious), len(missing)), FieldDiff(missing, spurious)


def _ratio(part: int, whole: int, *, empty: bool) -> float:
    """``part / whole``; with ``whole == 0`` 1.0 if the other side is empty too, else 0.0."""
    if whole:
        return part / whole
    return 1.0 if empty else 0.0
