"""Running extractors over a gold corpus and scoring them side by side.

Any object with ``extract(text, published)`` is an extractor; its result is either a
mapping in the ANNOTATION.md schema or an object with ``to_json()`` returning one (our
``Extraction``). All systems see the same documents in the same run. A system that raises
on a text is scored as if it returned nothing for that text, and the failure is reported:
one crashing text must not hide the scores of the other forty.

Example:
    >>> report = evaluate(load_gold_dir(path), {"ours": extractor, "natasha": baseline})
    ...                                                               # doctest: +SKIP
    >>> report.systems[0].score.counts["regions"].f1                  # doctest: +SKIP
    0.93
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from soyuzprom.press.evaluation.corpus import GoldDocument
from soyuzprom.press.evaluation.scoring import (
    CorpusScore,
    DocumentScore,
    score_corpus,
    score_document,
)

log = logging.getLogger(__name__)

EMPTY_PREDICTION: Mapping[str, Any] = {"relevant": False}


class Extractor(Protocol):
    """What the runner needs from an extractor."""

    def extract(self, text: str, published: date | None) -> Any: ...


@dataclass(frozen=True)
class Failure:
    stem: str
    error: str


@dataclass(frozen=True)
class SystemResult:
    """Scores of one system over the corpus."""

    name: str
    score: CorpusScore
    documents: tuple[DocumentScore, ...]
    failures: tuple[Failure, ...]
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {
            **self.score.to_json(),
            "failures": [{"stem": f.stem, "error": f.error} for f in self.failures],
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class EvaluationReport:
    """All systems' results for one gold corpus."""

    documents: int
    systems: tuple[SystemResult, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "systems": {s.name: s.to_json() for s in self.systems},
        }


def prediction_json(result: Any) -> Mapping[str, Any]:
    """The JSON object of an extraction result (``to_json()`` or already a mapping)."""
    if hasattr(result, "to_json"):
        result = result.to_json()
    if not isinstance(result, Mapping):
        raise TypeError(f"extractor returned {type(result).__name__}, not a JSON object")
    return result


def evaluate(
    documents: Sequence[GoldDocument],
    systems: Mapping[str, Extractor],
    *,
    on_document: Callable[[str, str], None] | None = None,
) -> EvaluationReport:
    """Run every system on every document and score it against the gold.

    ``on_document(system, stem)`` is called after each text (for progress display).
    """
    results = []
    for name, extractor in systems.items():
        scores: list[DocumentScore] = []
        failures: list[Failure] = []
        elapsed = 0.0
        for doc in documents:
            started = time.perf_counter()
            try:
                pred = prediction_json(extractor.extract(doc.text, doc.published))
            except Exception as exc:  # an extractor bug on one text: score it as empty
                log.warning("%s failed on %s: %s", name, doc.stem, exc, exc_info=True)
                failures.append(Failure(doc.stem, f"{type(exc).__name__}: {exc}"))
                pred = EMPTY_PREDICTION
            elapsed += time.perf_counter() - started
            scores.append(score_document(pred, doc.gold, name=doc.stem))
            if on_document is not None:
                on_document(name, doc.stem)
        results.append(
            SystemResult(
                name=name,
                score=score_corpus(scores),
                documents=tuple(scores),
                failures=tuple(failures),
                seconds=elapsed,
            )
        )
    return EvaluationReport(documents=len(documents), systems=tuple(results))
