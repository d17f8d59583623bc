"""``soyuzprom press eval GOLD_DIR...``: score our extractor and the natasha baseline.

Several gold directories are scored as one corpus: counts are summed over all their
documents (micro average), which is how figures pooled over several annotators' sets are
reported.

The lead registers :func:`eval_command` in the press CLI. The rendering lives in
:func:`render_report` so it can be reused and tested without models.

Example:
    $ soyuzprom press eval tests/press/corpus
    $ soyuzprom press eval tests/press/corpus --json --details
    $ soyuzprom press eval tests/press/fresh_m tests/press/fresh_n tests/press/fresh_o
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from soyuzprom.core.cli_factory import cli_errors
from soyuzprom.press.evaluation.corpus import GoldDocument, load_gold_dir
from soyuzprom.press.evaluation.runner import EvaluationReport, Extractor, evaluate
from soyuzprom.press.evaluation.scoring import FIELDS
from soyuzprom.press.evaluation.systems import BASELINE, OURS, load_baseline, load_our_extractor

FIELD_LABELS = {
    "organizations": "Организации / organizations",
    "enterprises": "Предприятия / enterprises",
    "persons": "Персоны / persons",
    "persons_role": "  с должностью / with role",
    "regions": "Регионы / regions",
    "relations_typed": "Связи с типом / relations typed",
    "relations_untyped": "Связи без типа / relations untyped",
    "figures": "Показатели / figures",
    "figures_period": "  с периодом / with period",
}


def eval_command(
    gold_dirs: Annotated[list[Path], typer.Argument(
        help="Каталоги с текстами *.txt и разметкой *.json (несколько — считаются вместе)")],
    json_out: Annotated[
        bool, typer.Option("--json", help="Дополнительно вывести итог одной строкой JSON")
    ] = False,
    details: Annotated[
        bool, typer.Option("--details", help="Показать ошибки нашего экстрактора по текстам")
    ] = False,
) -> None:
    """Оценить извлечение фактов на размеченном корпусе: наш экстрактор и natasha рядом."""
    # Piped output would otherwise wrap the table at 80 columns.
    console = Console() if sys.stdout.isatty() else Console(width=140)
    with cli_errors(json_out):
        documents = [doc for gold_dir in gold_dirs for doc in load_gold_dir(gold_dir)]
        systems: dict[str, Extractor] = {}
        ours = load_our_extractor()
        if ours is None:
            Console(stderr=True).print(
                "[yellow]Экстрактор soyuzprom.press.extraction не найден — "
                "оценивается только базовый уровень natasha.[/yellow]"
            )
        else:
            systems[OURS] = ours
        systems[BASELINE] = load_baseline()
        run_evaluation(documents, systems, console, json_out=json_out, details=details)


def run_evaluation(
    documents: Sequence[GoldDocument],
    systems: Mapping[str, Extractor],
    console: Console,
    *,
    json_out: bool = False,
    details: bool = False,
) -> EvaluationReport:
    """Evaluate the given systems, print the table (and details, JSON line); return the report.

    The first system is the one whose errors ``details`` lists.
    """
    report = run_with_progress(documents, systems, console)
    render_report(report, console)
    if details and report.systems:
        render_details(report, report.systems[0].name, console)
    if json_out:
        console.file.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
        console.file.flush()
    return report


def run_with_progress(
    documents: Sequence[GoldDocument], systems: Mapping[str, Extractor], console: Console
) -> EvaluationReport:
    """:func:`evaluate` with a rich progress bar over all (system, text) pairs."""
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Извлечение", total=len(documents) * len(systems))

        def advance(system: str, stem: str) -> None:
            progress.update(task, advance=1, description=f"{system}: {stem}")

        return evaluate(documents, systems, on_document=advance)


def render_report(report: EvaluationReport, console: Console) -> None:
    """P/R/F1 per field, one column group per system, plus relevance accuracy."""
    table = Table(title=f"Оценка извлечения / extraction scores ({report.documents} текстов)")
    table.add_column("Поле / field")
    for system in report.systems:
        for metric in ("P", "R", "F1"):
            table.add_column(f"{system.name} {metric}", justify="right")
    for field_name in FIELDS:
        cells = []
        for system in report.systems:
            counts = system.score.counts[field_name]
            cells += [f"{counts.precision:.2f}", f"{counts.recall:.2f}", f"[b]{counts.f1:.2f}[/b]"]
        table.add_row(FIELD_LABELS[field_name], *cells)
    relevance = []
    for system in report.systems:
        relevance += ["", "", f"[b]{system.score.relevance_accuracy:.2f}[/b]"]
    table.add_row("Релевантность (точность) / relevance accuracy", *relevance)
    console.print(table)
    for system in report.systems:
        if system.failures:
            console.print(
                f"[red]{system.name}: сбой на {len(system.failures)} текстах:[/red] "
                + ", ".join(f.stem for f in system.failures)
            )


def render_details(report: EvaluationReport, system_name: str, console: Console) -> None:
    """Missed and spurious items of one system, text by text (for error analysis)."""
    system = next(s for s in report.systems if s.name == system_name)
    for doc in system.documents:
        if not doc.diffs and doc.relevance_correct:
            continue
        console.rule(doc.name)
        if not doc.relevance_correct:
            console.print(f"релевантность: эталон {doc.relevant_gold}, ответ {doc.relevant_pred}")
        for field_name, diff in doc.diffs.items():
            for item in diff.missing:
                console.print(f"  [red]- {field_name}[/red] {escape(item)}", highlight=False)
            for item in diff.spurious:
                console.print(f"  [yellow]+ {field_name}[/yellow] {escape(item)}", highlight=False)
