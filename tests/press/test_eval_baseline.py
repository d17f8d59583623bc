"""The natasha-only baseline and the eval command end to end (loads natasha models)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from soyuzprom.press.evaluation.baseline import NatashaBaseline
from soyuzprom.press.evaluation.command import eval_command

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def baseline() -> NatashaBaseline:
    return NatashaBaseline()


CASES = [
    # text, field, expected item in that field
    (
        "Генеральный директор Сергей Волков подписал договор с ООО «Ромашка» в Москве.",
        "persons",
        {"name": "Сергей Волков", "role": ""},
    ),
    (
        "Товарооборот превысил 2,1 млрд долларов.",
        "figures",
        {
            "what": "money",
            "value": 2_100_000_000,
            "unit": "USD",
            "period": "",
            "evidence": "2,1 млрд долларов",
        },
    ),
    (
        "Контракт стоимостью 180 млн рублей подписан в Смоленской области.",
        "regions",
        "Смоленская область",
    ),
]


@pytest.mark.parametrize(("text", "field_name", "expected"), CASES)
def test_baseline_maps_natasha_output(
    baseline: NatashaBaseline, text: str, field_name: str, expected: object
) -> None:
    result = baseline.extract(text, None)
    assert expected in result[field_name]


def test_baseline_shape(baseline: NatashaBaseline) -> None:
    result = baseline.extract("Минский тракторный завод открыл центр в Брянске.", None)
    assert result["relevant"] is True  # the documented trivial rule
    assert result["relations"] == []
    assert result["enterprises"] == result["organizations"]


def test_eval_command_end_to_end(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "corpus"
    for stem in ("01_smolensk_vyazma_orsha_dryers", "40_neg_smolensk_snowfall"):
        for suffix in (".txt", ".json"):
            (tmp_path / f"{stem}{suffix}").write_bytes((corpus / f"{stem}{suffix}").read_bytes())
    app = typer.Typer()
    app.command()(eval_command)
    result = CliRunner().invoke(app, [str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["documents"] == 2
    assert "natasha" in data["systems"]
    assert 0.0 <= data["systems"]["natasha"]["fields"]["regions"]["f1"] <= 1.0
    assert data["systems"]["natasha"]["relevance_accuracy"] == 0.5  # always relevant


def test_eval_command_pools_several_dirs(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "corpus"
    for part, stem in (("a", "01_smolensk_vyazma_orsha_dryers"),
                       ("b", "40_neg_smolensk_snowfall")):
        (tmp_path / part).mkdir()
        for suffix in (".txt", ".json"):
            (tmp_path / part / f"{stem}{suffix}").write_bytes(
                (corpus / f"{stem}{suffix}").read_bytes())
    app = typer.Typer()
    app.command()(eval_command)
    result = CliRunner().invoke(app, [str(tmp_path / "a"), str(tmp_path / "b"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["documents"] == 2
    assert data["systems"]["natasha"]["relevance_accuracy"] == 0.5


def test_eval_command_missing_dir(tmp_path: Path) -> None:
    app = typer.Typer()
    app.command()(eval_command)
    result = CliRunner().invoke(app, [str(tmp_path / "nope")])
    assert result.exit_code == 3
    assert "не найден" in result.output
