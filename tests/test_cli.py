"""The CLI over a real SQLite file: JSON output and exit codes mapped from typed errors."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from soyuzprom.cli import app

runner = CliRunner()


def invoke(*args: str) -> Any:
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_organization_commands(sqlite_only: Any) -> None:
    created = invoke(
        "organizations",
        "create",
        "--json",
        "--data",
        '{"name": "Белшина", "country": "BY", "region_code": "BY-MA"}',
    )
    assert created.exit_code == 0, created.output
    org = json.loads(created.output)
    listed = invoke("organizations", "list", "--q", "белшина", "--json")
    assert json.loads(listed.output)["total"] == 1
    updated = invoke(
        "organizations",
        "update",
        str(org["id"]),
        "--json",
        "--set",
        "version=1",
        "--set",
        "city=Бобруйск",
    )
    assert updated.exit_code == 0, updated.output
    assert json.loads(updated.output)["city"] == "Бобруйск"
    shown = invoke("organizations", "show", str(org["id"]), "--history", "--json")
    card = json.loads(shown.output)
    assert [e["action"] for e in card["_audit"]] == ["create", "update"]
    assert card["_provenance"]["city"]["source"]["author"] == "cli"


def test_exit_codes(sqlite_only: Any) -> None:
    bad_inn = invoke(
        "organizations", "create", "--json", "--data", '{"name": "X", "inn": "7707083894"}'
    )
    assert bad_inn.exit_code == 2
    assert json.loads(bad_inn.output)["error"]["field"] == "inn"
    missing = invoke("organizations", "show", "424242")
    assert missing.exit_code == 3
    first = invoke("organizations", "create", "--data", '{"name": "A", "inn": "7707083893"}')
    assert first.exit_code == 0
    duplicate = invoke("organizations", "create", "--data", '{"name": "B", "inn": "7707083893"}')
    assert duplicate.exit_code == 4
    bad_json = invoke("links", "create", "--data", "{not json")
    assert bad_json.exit_code == 2
    shape = invoke("indicators", "create", "--json", "--data", '{"metric": "x"}')
    assert shape.exit_code == 2
    assert json.loads(shape.output)["error"]["field"] in {"value", "unit"}
