"""The CLI on the worked example: tables in Russian, JSON, and exit codes for bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from soyuzprom.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
RULEBOOK = str(FIXTURES / "fixture_apron_bus_rulebook.yaml")
PRODUCT = str(FIXTURES / "apron_bus_smolensk.yaml")
runner = CliRunner()


def invoke(*args: str) -> Any:
    return runner.invoke(app, ["localization", *args], catch_exceptions=False)


def test_score_json():
    result = invoke("score", RULEBOOK, PRODUCT, "--date", "2027-01-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["pp719"]["verdict"] == "does_not_qualify"
    assert data["pp719"]["total_points"] == 760
    assert data["pp719"]["points_needed"] == 440
    assert data["pp719"]["missing_mandatory"] == [
        {"kind": "alternative", "id": "frame-or-body",
         "name": "Сварка рамы шасси или каркаса кузова"}]
    assert data["eaeu"]["verdict"] == "qualifies"
    lines = {ln["item"]: ln for ln in data["pp719"]["lines"]}
    assert lines["body-frame-welding"]["status"] == "outside_area"
    assert lines["drive-axle"]["counted_points"] == 250


def test_score_table_in_russian():
    result = invoke("score", RULEBOOK, PRODUCT, "--date", "2027-01-01")
    assert result.exit_code == 0, result.output
    for text in ("Построчная оценка по ПП 719", "не соответствует", "не хватает 440",
                 "Режим ЕАЭС", "тестовый"):
        assert text in result.output


def test_plan_json_with_budget():
    result = invoke("plan", RULEBOOK, PRODUCT, "--date", "2027-01-01", "--budget", "10000000",
                    "--frontier", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["min_cost"]["status"] == "infeasible"
    assert data["min_cost"]["reasons"][0]["code"] == "budget"
    assert data["max_points"]["cost"] == 10_000_000
    assert data["max_points"]["points_after"] == 1030
    assert data["frontier"][0] == {"cost": 0, "points": 760, "qualifies": False, "actions": []}
    assert {e["action"]: e["reason"] for e in data["excluded_actions"]} == {
        "seats-by": "area", "engine-ru": "late"}


def test_plan_table():
    result = invoke("plan", RULEBOOK, PRODUCT, "--date", "2027-01-01")
    assert result.exit_code == 0, result.output
    assert "оптимальный план найден" in result.output
    assert "30 500 000 руб." in result.output
    assert "Неприменимые действия" in result.output


def test_plan_with_shipped_incomplete_rulebook_says_so():
    result = invoke("plan", "pp719-passenger-cars", PRODUCT, "--date", "2027-01-01", "--json")
    assert result.exit_code == 2  # the product is a bus: no group for its OKPD2
    assert json.loads(result.output)["error"]["field"] == "okpd2"


def test_broken_rulebook_exit_code_and_path(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(Path(RULEBOOK).read_text(encoding="utf-8").replace(
        "name: Окраска кузова, points: 100", "name: Окраска кузова, points: много"),
        encoding="utf-8")
    result = invoke("score", str(broken), PRODUCT, "--date", "2027-01-01", "--json")
    assert result.exit_code == 5
    error = json.loads(result.output)["error"]
    assert error["field"] == "groups[0].operations[3].points"
    assert error["details"]["file"] == str(broken)
    assert error["details"]["line"] > 1


def test_bad_date():
    result = invoke("score", RULEBOOK, PRODUCT, "--date", "01.01.2027", "--json")
    assert result.exit_code == 2
    assert json.loads(result.output)["error"]["field"] == "date"


def test_rulebooks_lists_shipped():
    result = invoke("rulebooks", "--json")
    assert {r["id"] for r in json.loads(result.output)} == {
        "pp719-passenger-cars", "pp719-buses-draft"}
