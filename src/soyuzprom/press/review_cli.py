"""CLI of press ingestion and review: ``ingest``, ``claims list|show|accept|reject`` and
``documents list|show``; :func:`register` adds them to the ``soyuzprom press`` group.

Example:
    $ soyuzprom press ingest news/ https://example.org/rss.xml --published 2025-03-14
    $ soyuzprom press claims list --status pending --kind relation
    $ soyuzprom press claims accept 12 --set object="сушильные машины" --author petrova
    $ soyuzprom press claims reject 13 --reason "не поставка, а обсуждение"

``ingest`` exits 0 when every input was read, 5 when some failed (they are listed with the
reason), 130 when interrupted with Ctrl-C (rerun with ``--resume`` to continue).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import typer
from pydantic import BaseModel, ConfigDict
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from soyuzprom.core.cli_factory import (
    AuthorOpt,
    DataOpt,
    FileOpt,
    JsonOpt,
    SetOpt,
    cli_errors,
    console,
    dump_json,
    parse_payload,
    print_table,
)
from soyuzprom.core.schemas import ListQuery
from soyuzprom.db import session_scope
from soyuzprom.errors import DomainValidationError
from soyuzprom.press import service
from soyuzprom.press.ingest.fetch import HttpFetcher
from soyuzprom.press.ingest.model import Outcome
from soyuzprom.press.ingest.sources import expand_inputs
from soyuzprom.press.pipeline import Options, default_extractor, ingest_batch
from soyuzprom.press.schemas import AcceptRequest, ClaimRead, DocumentDetail, DocumentRead

app = typer.Typer(help="Пресса: загрузка новостей и проверка утверждений", no_args_is_help=True)
claims_app = typer.Typer(help="Утверждения, извлечённые из новостей", no_args_is_help=True)
documents_app = typer.Typer(help="Загруженные документы", no_args_is_help=True)

EXIT_FAILURES = 5
EXIT_INTERRUPTED = 130


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as exc:
        raise DomainValidationError(f"Дата «{value}»: ожидается ГГГГ-ММ-ДД",
                                    field="published") from exc


def ingest_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Файлы, каталоги, адреса страниц и лент")],
    published: Annotated[str | None, typer.Option(
        help="Дата публикации для документов без даты, ГГГГ-ММ-ДД")] = None,
    extract: Annotated[bool, typer.Option(
        "--extract/--no-extract", help="Извлекать утверждения")] = True,
    reextract: Annotated[bool, typer.Option(
        help="Извлечь заново и из уже загруженных документов")] = False,
    resume: Annotated[bool, typer.Option(help="Продолжить прерванную загрузку")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Загрузить тексты, HTML-страницы, RSS/Atom-ленты и каталоги; повторы пропускаются."""
    with cli_errors(as_json):
        options = Options(extract=extract, reextract=reextract, published=_parse_date(published))
        extractor = default_extractor() if extract else None
        fetcher = HttpFetcher()
        items = list(expand_inputs(inputs, fetcher))
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, disable=as_json) as bar:
            task = bar.add_task("Загрузка", total=len(items))
            seen: set[str] = set()

            def step(outcome: Outcome) -> None:
                item = outcome.origin.split("#", 1)[0]
                if item not in seen:
                    seen.add(item)
                    bar.update(task, completed=len(seen))
                bar.update(task, description=f"Загрузка: {outcome.status} "
                                            f"{outcome.origin.rsplit('/', 1)[-1][:40]}")

            try:
                report = ingest_batch(items=items, extractor=extractor, options=options,
                                      fetcher=fetcher, resume=resume, label=" ".join(inputs),
                                      progress=step)
            finally:
                fetcher.close()
            bar.update(task, completed=len(items))
    _print_report(report.to_json(), as_json)
    if report.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.failures:
        raise typer.Exit(EXIT_FAILURES)


def _print_report(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        dump_json(report)
        return
    counts = ", ".join(f"{k}: {v}" for k, v in sorted(report["counts"].items())) or "ничего"
    console.print(f"Документы — {counts}; новых утверждений: {report['claims']}")
    if report["resumed_items"]:
        console.print(f"Пропущено как уже загруженные в прерванном запуске: "
                      f"{report['resumed_items']}")
    if report["failures"]:
        print_table(report["failures"], ["origin", "reason"], "Ошибки")
    if report["interrupted"]:
        console.print("[yellow]Прервано. Продолжить: ту же команду с --resume[/yellow]")


# -- claims ----------------------------------------------------------------------------------

class _Edit(BaseModel):
    """Any payload fields the reviewer corrects (free-form, checked when written)."""

    model_config = ConfigDict(extra="allow")


CLAIM_COLUMNS = ["id", "document_id", "kind", "status", "summary", "evidence"]


def _claim_row(claim: Any) -> dict[str, Any]:
    out = ClaimRead.model_validate(claim).model_dump(mode="json")
    p = out["payload"]
    if out["kind"] == "relation":
        out["summary"] = f"{p.get('type')}: {p.get('from')} → {p.get('to')} ({p.get('object')})"
    elif out["kind"] == "figure":
        out["summary"] = f"{p.get('what')} = {p.get('value')} {p.get('unit')} {p.get('period')}"
    elif out["kind"] == "person":
        out["summary"] = f"{p.get('name')}, {p.get('role')}"
    else:
        out["summary"] = f"{p.get('name')} ({p.get('resolution')})"
    if out["evidence"] and len(out["evidence"]) > 80:
        out["evidence"] = out["evidence"][:77] + "..."
    return out


@claims_app.command("list")
def claims_list(
    status: Annotated[str | None, typer.Option(help="pending, accepted, rejected")] = None,
    kind: Annotated[str | None, typer.Option(help="organization, person, relation, figure")]
    = None,
    document_id: Annotated[int | None, typer.Option(help="Документ")] = None,
    page: int = 1,
    page_size: int = 50,
    as_json: JsonOpt = False,
) -> None:
    """Список утверждений с фильтрами."""
    with cli_errors(as_json), session_scope() as session:
        filters = {"status": status, "kind": kind, "document_id": document_id}
        result = service.list_claims(session, ListQuery(page=page, page_size=page_size),
                                     filters)
        rows = [_claim_row(c) for c in result.items]
    if as_json:
        dump_json({"items": rows, "total": result.total, "page": result.page,
                   "page_size": result.page_size})
    else:
        print_table(rows, CLAIM_COLUMNS, f"Утверждения: {result.total}")


@claims_app.command("show")
def claims_show(claim_id: int, as_json: JsonOpt = False) -> None:
    """Утверждение целиком."""
    with cli_errors(as_json), session_scope() as session:
        out = _claim_row(service.get_claim(session, claim_id))
    if as_json:
        dump_json(out)
    else:
        for key, value in out.items():
            console.print(f"[bold]{key}[/bold]: {value}")


@claims_app.command("accept")
def claims_accept(
    claim_id: int,
    data: DataOpt = None,
    file: FileOpt = None,
    set_: SetOpt = None,
    accept_candidates: Annotated[bool, typer.Option(
        help="Сначала принять кандидатов-организаций, на которых ссылается связь")] = False,
    author: AuthorOpt = "cli",
    as_json: JsonOpt = False,
) -> None:
    """Принять утверждение; --data/--set исправляют поля перед принятием."""
    with cli_errors(as_json), session_scope() as session:
        edited = None
        if data or file or set_:
            edited = parse_payload(_Edit, data, file, set_).model_dump(exclude_unset=True)
        request = AcceptRequest(payload=edited, accept_candidates=accept_candidates)
        claim = service.accept_claim(session, claim_id, reviewer=author,
                                     payload=request.payload,
                                     accept_candidates=request.accept_candidates)
        out = _claim_row(claim)
    if as_json:
        dump_json(out)
    else:
        console.print(f"[green]Принято:[/green] {out['summary']} → "
                      f"{out['result_type']} {out['result_id']}")


@claims_app.command("reject")
def claims_reject(
    claim_id: int,
    reason: Annotated[str | None, typer.Option(help="Причина")] = None,
    author: AuthorOpt = "cli",
    as_json: JsonOpt = False,
) -> None:
    """Отклонить утверждение; оно не будет предложено снова."""
    with cli_errors(as_json), session_scope() as session:
        out = _claim_row(service.reject_claim(session, claim_id, reviewer=author, reason=reason))
    if as_json:
        dump_json(out)
    else:
        console.print(f"[yellow]Отклонено:[/yellow] {out['summary']}")


# -- documents -------------------------------------------------------------------------------


@documents_app.command("list")
def documents_list(
    q: Annotated[str | None, typer.Option(help="Поиск по заголовку и адресу")] = None,
    publisher: Annotated[str | None, typer.Option(help="Издание")] = None,
    page: int = 1,
    page_size: int = 50,
    as_json: JsonOpt = False,
) -> None:
    """Загруженные документы с числом утверждений."""
    with cli_errors(as_json), session_scope() as session:
        result = service.list_documents(session, ListQuery(q=q, page=page, page_size=page_size),
                                        {"publisher": publisher})
        counts = service.claim_counts(session, [d.id for d in result.items])
        rows = [DocumentRead.model_validate(d).model_copy(update={"claims": counts[d.id]})
                .model_dump(mode="json") for d in result.items]
    if as_json:
        dump_json({"items": rows, "total": result.total, "page": result.page,
                   "page_size": result.page_size})
    else:
        print_table(rows, ["id", "published", "publisher", "title", "claims"],
                    f"Документы: {result.total}")


@documents_app.command("show")
def documents_show(document_id: int, as_json: JsonOpt = False) -> None:
    """Документ: метаданные, текст и разбор."""
    with cli_errors(as_json), session_scope() as session:
        doc = service.get_document(session, document_id)
        counts = service.claim_counts(session, [doc.id])[doc.id]
        out = DocumentDetail.model_validate(doc).model_copy(update={"claims": counts})
    if as_json:
        dump_json(out.model_dump(mode="json"))
    else:
        console.print(f"[bold]{out.title or '(без заголовка)'}[/bold] — {out.publisher or ''} "
                      f"{out.published or ''}\n{out.url or ''}\n\n{out.text}")


def register(press_app: typer.Typer) -> None:
    """Add ``ingest``, ``claims`` and ``documents`` to the ``press`` command group."""
    press_app.command("ingest")(ingest_cmd)
    press_app.add_typer(claims_app, name="claims")
    press_app.add_typer(documents_app, name="documents")


register(app)
