"""Batch ingestion on the real databases: directories, feeds over HTTP, re-ingestion,
failures that do not stop the batch, and resuming an interrupted run."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from soyuzprom.core.models import Claim, Document, ImportRun
from soyuzprom.db import session_scope
from soyuzprom.press.ingest.model import Outcome, RawDocument
from soyuzprom.press.ingest.store import store_document
from soyuzprom.press.pipeline import Options, ingest_batch
from soyuzprom.press.review_cli import app

from .conftest import FIXTURES

NEWS = FIXTURES / "news"


def count(engine: Engine, model: Any) -> int:
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_directory_then_reingestion_is_a_no_op(engine: Engine, extractor: Any) -> None:
    first = ingest_batch([NEWS], extractor=extractor)
    assert first.counts == {"created": 3, "failed": 1}
    assert [(f.origin.endswith("empty.txt"), f.reason) for f in first.failures] == [
        (True, "Пустой текст")]
    assert first.claims > 0
    claims = count(engine, Claim)
    assert claims == first.claims

    again = ingest_batch([NEWS], extractor=extractor)
    assert again.counts == {"unchanged": 3, "failed": 1}
    assert again.claims == 0
    assert count(engine, Document) == 3
    assert count(engine, Claim) == claims
    with session_scope(engine) as session:
        doc = session.scalar(select(Document).where(Document.title.like("Автобусы МАЗ%")))
        assert doc is not None and doc.meta["format"] == "text"
        assert doc.meta["relevant"] is True
        weather = session.scalar(select(Document).where(Document.title.like("%снег%")))
        assert weather is not None and weather.meta["relevant"] is False
        assert session.scalar(select(func.count()).select_from(Claim)
                              .where(Claim.document_id == weather.id)) == 0


def test_failures_are_reported_and_the_rest_goes_on(engine: Engine) -> None:
    inputs = [FIXTURES / "not_a_feed.xml", NEWS / "maz_bryansk.txt", FIXTURES / "nowhere.txt",
              FIXTURES / "page_gomselmash.html", FIXTURES / "atom_news.xml"]
    report = ingest_batch(inputs, extractor=None)
    assert report.counts == {"failed": 2, "created": 4}
    reasons = {o.origin.rsplit("/", 1)[-1]: o.reason or "" for o in report.failures}
    assert reasons["not_a_feed.xml"].startswith("Не удалось разобрать ленту")
    assert reasons["nowhere.txt"].startswith("Файл или каталог не найден")
    with session_scope(engine) as session:
        run = session.get(ImportRun, report.run_id)
        assert run is not None and run.status == "completed"
        assert len(run.errors) == 2
        page = session.scalar(select(Document).where(Document.publisher == "Деснянский вестник"))
        assert page is not None and page.published is not None
        assert page.url == "https://desna-vestnik.example/news/gomselmash-sborka"


def test_resume_after_interruption(engine: Engine) -> None:
    inputs = [NEWS / "maz_bryansk.txt", NEWS / "vyazma_orsha.txt", NEWS / "weather.txt",
              FIXTURES / "atom_news.xml"]
    seen: list[Outcome] = []

    def ctrl_c_after_two(outcome: Outcome) -> None:
        seen.append(outcome)
        if len(seen) == 2:
            raise KeyboardInterrupt

    stopped = ingest_batch(inputs, extractor=None, progress=ctrl_c_after_two)
    assert stopped.interrupted
    assert count(engine, Document) == 2  # both committed, nothing half-written
    with session_scope(engine) as session:
        run = session.get(ImportRun, stopped.run_id)
        assert run is not None and run.status == "interrupted"
        assert run.checkpoint["done"] == [str(NEWS / "maz_bryansk.txt")]

    resumed = ingest_batch(inputs, extractor=None, resume=True)
    assert resumed.run_id == stopped.run_id
    assert resumed.resumed_items == 1  # the finished item is not even read again
    # the second document was committed before the checkpoint: found again by its hash
    assert resumed.counts == {"unchanged": 1, "created": 3}
    assert count(engine, Document) == 5
    with session_scope(engine) as session:
        run = session.get(ImportRun, stopped.run_id)
        assert run is not None and run.status == "completed"


def test_feeds_and_pages_over_http(engine: Engine, http_base: str) -> None:
    urls = [f"{http_base}/lenta_cp1251.xml", f"{http_base}/page_gomselmash.html",
            f"{http_base}/missing.xml"]
    report = ingest_batch(urls, extractor=None)
    assert report.counts == {"created": 3, "failed": 1}
    assert "HTTP 404" in (report.failures[0].reason or "")
    with session_scope(engine) as session:
        docs = session.scalars(select(Document).where(Document.publisher == "Смоленские вести")
                               .order_by(Document.url)).all()
        assert [d.url for d in docs] == ["https://smol-vesti.example/news/1001",
                                         "https://smol-vesti.example/news/1002"]
        assert "Строммашина" in (docs[0].text or "")
    assert ingest_batch(urls[:2], extractor=None).counts == {"unchanged": 3}


def test_same_url_new_content_updates_the_document(engine: Engine) -> None:
    url = "https://smol-vesti.example/news/2001"
    with session_scope(engine) as session:
        status, doc = store_document(session, RawDocument("Первая редакция заметки.", url=url))
        first_id = doc.id
        assert status == "created"
    with session_scope(engine) as session:
        status, doc = store_document(session, RawDocument("Исправленная заметка.", url=url,
                                                          title="Заметка"))
        assert (status, doc.id, doc.title) == ("updated", first_id, "Заметка")
        status, _ = store_document(session, RawDocument("Исправленная  заметка.\n", url=url))
        assert status == "unchanged"
    assert count(engine, Document) == 1


def test_cli_ingest_reports_failures(sqlite_only: Engine) -> None:
    result = CliRunner().invoke(app, ["ingest", str(NEWS), "--no-extract", "--json",
                                      "--published", "2025-03-14"])
    assert result.exit_code == 5, result.output
    report = json.loads(result.output[result.output.index("{"):])
    assert report["counts"] == {"created": 3, "failed": 1}
    assert report["failures"][0]["origin"].endswith("empty.txt")
    listed = CliRunner().invoke(app, ["documents", "list", "--json"])
    items = json.loads(listed.output)["items"]
    assert {d["published"] for d in items} == {"2025-03-14"}


@pytest.mark.parametrize("bad", ["14.03.2025", "вчера"])
def test_cli_rejects_bad_dates(sqlite_only: Engine, bad: str) -> None:
    result = CliRunner().invoke(app, ["ingest", str(NEWS), "--no-extract", "--published", bad])
    assert result.exit_code == 2


def test_options_reextract_runs_only_when_asked(engine: Engine, extractor: Any) -> None:
    ingest_batch([NEWS / "maz_bryansk.txt"], extractor=None)
    assert count(engine, Claim) == 0
    assert ingest_batch([NEWS / "maz_bryansk.txt"], extractor=extractor).claims == 0
    again = ingest_batch([NEWS / "maz_bryansk.txt"], extractor=extractor,
                         options=Options(reextract=True))
    assert again.claims > 0
