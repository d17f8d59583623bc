"""Ingestion of documents with extraction into claims, one document or a whole batch.

One document: store it (:func:`~soyuzprom.press.ingest.store.store_document`), run the
extractor on new or changed text, resolve its names against the registry and store the new
claims, all in the caller's transaction (:func:`ingest_document`).

A batch (:func:`ingest_batch`) goes over input items (files, directories, URLs), commits each
document in its own transaction, records progress in an
:class:`~soyuzprom.core.models.ImportRun` (``importer="press"``; its checkpoint lists the
items done), never stops at a failing item (each failure is reported with its reason), and
on Ctrl-C marks the run ``interrupted`` and returns what was done. Resuming (``resume=True``)
continues the last unfinished run over the same inputs and skips its finished items without
reading them again; documents whose content is already stored are skipped by hash anyway.

Example:
    >>> report = ingest_batch(["news/"], extractor=get_extractor())
    >>> report.counts
    {'created': 41, 'unchanged': 2, 'failed': 1}
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from soyuzprom.core.models import Claim, Document, ImportRun
from soyuzprom.db import session_scope, utcnow
from soyuzprom.errors import SoyuzpromError
from soyuzprom.press.claims import Proposal, propose
from soyuzprom.press.ingest.fetch import Fetcher, HttpFetcher
from soyuzprom.press.ingest.model import Outcome, RawDocument
from soyuzprom.press.ingest.sources import InputItem, expand_inputs
from soyuzprom.press.ingest.store import store_document
from soyuzprom.press.resolution import RegistryIndex, registry_rows

log = logging.getLogger(__name__)
IMPORTER = "press"


class ExtractionLike(Protocol):
    def to_json(self) -> dict[str, Any]: ...


class Extractor(Protocol):
    """What the pipeline needs of the extractor (``soyuzprom.press.extraction``)."""

    def extract(self, text: str, published: date | None) -> ExtractionLike: ...


def default_extractor() -> Extractor:
    """The process-wide extractor of ``soyuzprom.press.extraction`` (models load once)."""
    module = importlib.import_module("soyuzprom.press.extraction")
    extractor: Extractor = module.get_extractor()
    return extractor


@dataclass(frozen=True, slots=True)
class Options:
    """``extract``: run the extractor (off stores documents only); ``reextract``: also on
    unchanged documents (after an extractor upgrade); ``published``: date for documents
    that carry none."""

    extract: bool = True
    reextract: bool = False
    published: date | None = None


def store_claims(session: Session, document: Document, proposals: Iterable[Proposal]) -> int:
    """Add the proposals whose fingerprint the document has not seen (in any status)."""
    known = set(session.scalars(select(Claim.fingerprint).where(
        Claim.document_id == document.id)))
    added = 0
    for p in proposals:
        if p.fingerprint in known:
            continue
        known.add(p.fingerprint)
        session.add(Claim(document_id=document.id, kind=p.kind, payload=p.payload,
                          fingerprint=p.fingerprint, evidence=p.evidence,
                          evidence_start=p.start, evidence_end=p.end, status="pending"))
        added += 1
    session.flush()
    return added


def extract_claims(session: Session, document: Document, extractor: Extractor,
                   index: RegistryIndex) -> int:
    """Run the extractor on a stored document and store its new claims; returns how many."""
    extraction = extractor.extract(document.text or "", document.published).to_json()
    proposals, summary = propose(extraction, document.text or "", index, document.id)
    document.meta = {**(document.meta or {}), **summary}
    return store_claims(session, document, proposals)


def refresh_evidence(session: Session, document: Document) -> int:
    """After the text of a document changed, point pending claims at their evidence in the
    new text (or clear the offsets, with a note, when it is gone). Returns claims moved."""
    text = document.text or ""
    moved = 0
    for claim in session.scalars(select(Claim).where(Claim.document_id == document.id,
                                                     Claim.status == "pending")):
        start, end, evidence = claim.evidence_start, claim.evidence_end, claim.evidence
        if evidence is None or (start is not None and text[start:end] == evidence):
            continue
        found = text.find(evidence)
        claim.evidence_start, claim.evidence_end = (
            (found, found + len(evidence)) if found >= 0 else (None, None))
        if found < 0:
            claim.review_note = "Фрагмент-основание отсутствует в новой редакции текста"
        moved += 1
    return moved


def ingest_document(session: Session, raw: RawDocument, *, extractor: Extractor | None,
                    index: RegistryIndex | None = None, options: Options = Options()) -> Outcome:
    """Store one document and its claims in the caller's transaction."""
    status, document = store_document(session, raw, default_published=options.published)
    if status == "updated":
        refresh_evidence(session, document)
    claims = 0
    if extractor is not None and options.extract and (status != "unchanged" or options.reextract):
        claims = extract_claims(session, document, extractor,
                                index or RegistryIndex.from_session(session))
    return Outcome(raw.origin, status, document.id, claims)


# -- batches ---------------------------------------------------------------------------------


@dataclass
class BatchReport:
    """Outcomes of a batch; ``interrupted`` when Ctrl-C stopped it."""

    run_id: int | None
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False
    resumed_items: int = 0

    @property
    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for o in self.outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
        return counts

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def claims(self) -> int:
        return sum(o.claims for o in self.outcomes)

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "counts": self.counts, "claims": self.claims,
            "interrupted": self.interrupted, "resumed_items": self.resumed_items,
            "failures": [{"origin": o.origin, "reason": o.reason} for o in self.failures],
        }


SessionFactory = Callable[[], AbstractContextManager[Session]]


def _reason(exc: Exception) -> str:
    """The user-facing reason; the origin (file or URL) is reported beside it."""
    if isinstance(exc, SoyuzpromError):
        return exc.message
    log.exception("press ingestion failed")
    return f"{type(exc).__name__}: {exc}"


def _start_run(sessions: SessionFactory, label: str, resume: bool) -> tuple[int, set[str]]:
    with sessions() as session:
        run = None
        if resume:
            run = session.scalar(
                select(ImportRun).where(ImportRun.importer == IMPORTER,
                                        ImportRun.file_name == label,
                                        ImportRun.status != "completed")
                .order_by(ImportRun.id.desc()))
        if run is None:
            run = ImportRun(importer=IMPORTER, file_name=label, status="running",
                            checkpoint={"done": []}, counts={}, errors=[])
            session.add(run)
        run.status = "running"
        session.flush()
        return run.id, set(run.checkpoint.get("done", []))


def _record(sessions: SessionFactory, run_id: int, origin: str, report: BatchReport,
            status: str = "running") -> None:
    with sessions() as session:
        run = session.get(ImportRun, run_id)
        if run is None:
            return
        done = list(run.checkpoint.get("done", []))
        if origin and origin not in done:
            done.append(origin)
        # New dict objects: JSON columns only notice reassignment, not mutation.
        run.checkpoint = {**run.checkpoint, "done": done}
        run.counts = report.counts
        run.errors = [{"origin": o.origin, "reason": o.reason} for o in report.failures]
        run.status = status
        if status != "running":
            run.finished_at = utcnow()


def _documents(item: InputItem) -> Iterator[RawDocument | Outcome]:
    try:
        yield from item.load()
    except Exception as exc:  # one bad input must not stop the batch
        yield Outcome(item.origin, "failed", reason=_reason(exc))


def ingest_batch(
    inputs: Iterable[str | Path] | None = None,
    *,
    items: Iterable[InputItem] | None = None,
    extractor: Extractor | None,
    options: Options = Options(),
    fetcher: Fetcher | None = None,
    sessions: SessionFactory = session_scope,
    resume: bool = False,
    label: str | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> BatchReport:
    """Ingest every document of ``inputs`` (paths, directories, URLs) or of ``items``.

    ``progress`` is called after each document (the CLI draws a progress bar with it).
    """
    names = [str(i) for i in inputs or []]
    own_fetcher = fetcher is None and any(n.startswith(("http://", "https://")) for n in names)
    fetch = fetcher or HttpFetcher()
    work = list(items if items is not None else expand_inputs(names, fetch))
    run_label = (label or " ".join(names) or "press")[:1000]
    run_id, done = _start_run(sessions, run_label, resume)
    report = BatchReport(run_id)

    def index_rows() -> dict[str, Any]:
        with sessions() as session:
            return registry_rows(session)

    index = RegistryIndex(index_rows)
    try:
        for item in work:
            if item.origin in done:
                report.resumed_items += 1
                continue
            for found in _documents(item):
                outcome = found if isinstance(found, Outcome) else _one(
                    sessions, found, extractor, index, options)
                report.outcomes.append(outcome)
                if progress is not None:
                    progress(outcome)
            _record(sessions, run_id, item.origin, report)
    except KeyboardInterrupt:
        report.interrupted = True
        _record(sessions, run_id, "", report, status="interrupted")
        return report
    finally:
        if own_fetcher and isinstance(fetch, HttpFetcher):
            fetch.close()
    _record(sessions, run_id, "", report, status="completed")
    return report


def _one(sessions: SessionFactory, raw: RawDocument, extractor: Extractor | None,
         index: RegistryIndex, options: Options) -> Outcome:
    try:
        with sessions() as session:
            return ingest_document(session, raw, extractor=extractor, index=index,
                                   options=options)
    except Exception as exc:  # reported per document; the batch goes on
        return Outcome(raw.origin or "?", "failed", reason=_reason(exc))
