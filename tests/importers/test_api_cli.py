"""The importers through the CLI (``soyuzprom import ...``) and the API (``/api/v1/imports``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from soyuzprom.cli import app
from soyuzprom.importers.fixtures_fns import belarus_sample, write_egrul_xml
from soyuzprom.importers.runner import run_import
from soyuzprom.registry.foreign_capital_cli import foreign_capital_command

runner = CliRunner()


def test_cli_import_json_and_summary(sqlite_only: Engine, data_dir: Path) -> None:
    path = data_dir / "fts_trade" / "moscow_2208509100.csv"
    result = runner.invoke(app, ["import", "fts-trade", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (run,) = json.loads(result.output)
    assert run["status"] == "completed" and run["counts"]["read"] == 6
    again = runner.invoke(app, ["import", "fts-trade", str(path)])
    assert again.exit_code == 0
    assert "без изменений: 18" in again.output and "прочитано: 6" in again.output
    listed = runner.invoke(app, ["import", "runs", "--json"])
    assert json.loads(listed.output)["total"] == 2


def test_cli_bad_file_exit_code_and_place(sqlite_only: Engine, tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    write_egrul_xml(path, belarus_sample())
    path.write_bytes(path.read_bytes()[:-1500])
    result = runner.invoke(app, ["import", "fns-egrul", str(path), "--json"])
    assert result.exit_code == 5
    error = json.loads(result.output)["error"]
    assert error["code"] == "input_format_error"
    assert error["details"]["file"] == "broken.xml" and error["details"]["line"] > 1


def test_foreign_capital_command(sqlite_only: Engine, tmp_path: Path) -> None:
    path = tmp_path / "egrul.xml"
    write_egrul_xml(path, belarus_sample())
    run_import(sqlite_only, "fns-egrul", path)
    group = typer.Typer()
    group.command("foreign-capital")(foreign_capital_command)
    group.command("noop")(lambda: None)  # a group of two keeps the sub-command name
    result = runner.invoke(group, ["foreign-capital", "--country", "BY", "--region", "RU-SMO",
                                   "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["count"] == 2 and report["country_oksm"] == "112"
    assert report["indicator_id"] is not None
    text = runner.invoke(group, ["foreign-capital", "--region", "RU-SMO", "--no-record"])
    assert "ОКСМ 112" in text.output and "СОЮЗ-1" in text.output
    unknown = runner.invoke(group, ["foreign-capital", "--region", "RU-XXX", "--json"])
    assert unknown.exit_code == 3


def test_api_lists_import_runs(client: Any, engine: Engine, data_dir: Path) -> None:
    summary = run_import(engine, "fns-rsmp", data_dir / "fns_rsmp" / "data-test-sme-2.zip")
    page = client.get("/api/v1/imports").json()
    assert page["total"] == 1
    (item,) = page["items"]
    assert item["id"] == summary.run_id and item["status"] == "completed"
    assert item["counts"]["inserted"] == 2700 and item["file_hash"]
    one = client.get(f"/api/v1/imports/{summary.run_id}")
    assert one.status_code == 200 and one.json()["checkpoint"]["done_units"]
    assert client.get("/api/v1/imports/999999").status_code == 404
    assert client.get("/api/v1/imports", params={"importer": "fts-trade"}).json()["total"] == 0
    names = {f["name"] for f in client.get("/api/v1/imports/formats").json()}
    assert names == {"fns-rsmp", "fns-egrul", "gisp-pp719", "fts-trade"}
