"""The evaluation runner and command on a small gold directory with injected extractors."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from soyuzprom.errors import InputFormatError, NotFoundError
from soyuzprom.press.evaluation.command import run_evaluation
from soyuzprom.press.evaluation.corpus import load_gold_dir
from soyuzprom.press.evaluation.runner import evaluate

TEXT_A = "Минский тракторный завод поставит Брянской области 300 тракторов."
TEXT_B = "В Смоленске прошёл снегопад."

GOLD_A = {
    "published": "2025-03-14",
    "relevant": True,
    "organizations": ["Минский тракторный завод"],
    "enterprises": ["Минский тракторный завод"],
    "persons": [],
    "regions": ["Брянская область"],
    "relations": [
        {
            "type": "supply",
            "from": "Минский тракторный завод",
            "to": "Брянская область",
            "object": "тракторы",
            "evidence": TEXT_A[:-1],
        }
    ],
    "figures": [
        {"what": "tractors", "value": 300, "unit": "units", "period": "", "evidence": "300"}
    ],
}
GOLD_B = {
    "relevant": False,
    "organizations": [],
    "enterprises": [],
    "persons": [],
    "regions": [],
    "relations": [],
    "figures": [],
}


def write_gold(directory: Path, stem: str, text: str, gold: dict[str, Any]) -> None:
    (directory / f"{stem}.txt").write_text(text, encoding="utf-8")
    (directory / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    write_gold(tmp_path, "a", TEXT_A, GOLD_A)
    write_gold(tmp_path, "b", TEXT_B, GOLD_B)
    return tmp_path


class Extraction:
    """Stands in for the extractor's result type: it has ``to_json()``."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_json(self) -> dict[str, Any]:
        return self.data


class FakeExtractor:
    """Returns prepared answers by text and records the publication dates it was given."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.seen: list[date | None] = []

    def extract(self, text: str, published: date | None) -> Any:
        self.seen.append(published)
        answer = self.answers[text]
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_load_gold_dir_reads_pairs_and_dates(gold_dir: Path) -> None:
    docs = load_gold_dir(gold_dir)
    assert [d.stem for d in docs] == ["a", "b"]
    assert docs[0].published == date(2025, 3, 14)
    assert docs[1].published is None
    assert docs[0].text == TEXT_A


def test_perfect_extractor_scores_one(gold_dir: Path) -> None:
    fake = FakeExtractor({TEXT_A: Extraction(dict(GOLD_A)), TEXT_B: dict(GOLD_B)})
    report = evaluate(load_gold_dir(gold_dir), {"ours": fake})
    score = report.systems[0].score
    assert fake.seen == [date(2025, 3, 14), None]
    assert score.relevance_accuracy == 1.0
    for field_name in ("organizations", "regions", "relations_typed", "figures"):
        assert score.counts[field_name].f1 == 1.0, field_name


def test_systems_scored_side_by_side_and_crash_counts_as_empty(gold_dir: Path) -> None:
    perfect = FakeExtractor({TEXT_A: Extraction(dict(GOLD_A)), TEXT_B: dict(GOLD_B)})
    crashing = FakeExtractor({TEXT_A: RuntimeError("boom"), TEXT_B: dict(GOLD_B)})
    report = evaluate(load_gold_dir(gold_dir), {"ours": perfect, "other": crashing})
    assert [s.name for s in report.systems] == ["ours", "other"]
    other = report.systems[1]
    assert [f.stem for f in other.failures] == ["a"]
    assert "boom" in other.failures[0].error
    assert other.score.counts["organizations"].fn == 1
    assert other.score.counts["organizations"].tp == 0
    assert other.score.relevance_accuracy == 0.5


def test_non_json_result_is_a_failure(gold_dir: Path) -> None:
    odd = FakeExtractor({TEXT_A: "not a dict", TEXT_B: dict(GOLD_B)})
    report = evaluate(load_gold_dir(gold_dir), {"odd": odd})
    assert [f.stem for f in report.systems[0].failures] == ["a"]


def test_run_evaluation_prints_table_and_json_line(gold_dir: Path) -> None:
    out = io.StringIO()
    console = Console(file=out, width=200)
    spurious = dict(GOLD_A, regions=["Брянская область", "Брянск"])
    systems = {
        "ours": FakeExtractor({TEXT_A: Extraction(dict(GOLD_A)), TEXT_B: dict(GOLD_B)}),
        "natasha": FakeExtractor({TEXT_A: spurious, TEXT_B: dict(GOLD_B, relevant=True)}),
    }
    run_evaluation(load_gold_dir(gold_dir), systems, console, json_out=True)
    lines = out.getvalue().strip().splitlines()
    data = json.loads(lines[-1])
    assert data["documents"] == 2
    assert data["systems"]["ours"]["fields"]["regions"]["f1"] == 1.0
    assert data["systems"]["natasha"]["fields"]["regions"]["precision"] == 0.5
    assert data["systems"]["natasha"]["relevance_accuracy"] == 0.5
    table = "\n".join(lines[:-1])
    assert "Регионы / regions" in table
    assert "ours F1" in table and "natasha F1" in table


def test_run_evaluation_details_list_errors(gold_dir: Path) -> None:
    out = io.StringIO()
    wrong = dict(GOLD_A, organizations=["МТЗ"])
    systems = {"ours": FakeExtractor({TEXT_A: wrong, TEXT_B: dict(GOLD_B)})}
    run_evaluation(load_gold_dir(gold_dir), systems, Console(file=out, width=200), details=True)
    text = out.getvalue()
    assert "- organizations Минский тракторный завод" in text
    assert "+ organizations МТЗ" in text


# -- malformed gold directories --------------------------------------------------------------


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        load_gold_dir(tmp_path / "nope")


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError):
        load_gold_dir(tmp_path)


BROKEN = [
    ("text without gold", None, "a.json"),
    ("bad json", "{", "a.json"),
    (
        "relevant missing",
        json.dumps({k: v for k, v in GOLD_B.items() if k != "relevant"}),
        "relevant",
    ),
    ("list field wrong type", json.dumps(dict(GOLD_B, regions="Москва")), "regions"),
    (
        "relation without to",
        json.dumps(dict(GOLD_B, relations=[{"type": "supply", "from": "x"}])),
        "relations",
    ),
    ("bad date", json.dumps(dict(GOLD_B, published="14.03.2025")), "published"),
]


@pytest.mark.parametrize(
    ("gold_text", "where"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN]
)
def test_broken_gold_names_the_problem(tmp_path: Path, gold_text: str | None, where: str) -> None:
    (tmp_path / "a.txt").write_text(TEXT_B, encoding="utf-8")
    if gold_text is not None:
        (tmp_path / "a.json").write_text(gold_text, encoding="utf-8")
    with pytest.raises(InputFormatError) as info:
        load_gold_dir(tmp_path)
    assert where in str(info.value.field) or where in str(info.value.file)


def test_gold_without_text(tmp_path: Path) -> None:
    write_gold(tmp_path, "a", TEXT_B, GOLD_B)
    (tmp_path / "orphan.json").write_text(json.dumps(GOLD_B), encoding="utf-8")
    with pytest.raises(InputFormatError, match=r"orphan\.json"):
        load_gold_dir(tmp_path)
