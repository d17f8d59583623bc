"""`soyuzprom press extract`: real files in, one JSON per file out, failures isolated."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from soyuzprom.press.cli import NAME, app

runner = CliRunner()


def _write(tmp_path: Path) -> list[Path]:
    good = tmp_path / "mtz.txt"
    good.write_text("Минский тракторный завод в прошлом году поставил в Смоленскую область "
                    "120 тракторов на 1,5 млрд рублей.\n", encoding="utf-8")
    sport = tmp_path / "sport.txt"
    sport.write_text("Хоккеисты Гомеля обыграли брянскую команду со счётом 3:1.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    odd = tmp_path / "odd.txt"
    odd.write_text("«»—… 123 %%% ¶ \n\n\t   ОАО «» МАЗ-5440 2024–2025 гг. …", encoding="utf-8")
    return [good, sport, empty, odd]


def test_extract_writes_one_json_per_file(tmp_path: Path) -> None:
    files = _write(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", *map(str, files), "--out", str(out),
                                 "--published", "2025-03-01"])
    assert NAME == "press"
    assert result.exit_code == 0, result.output
    for f in files:
        data = json.loads((out / f"{f.stem}.json").read_text(encoding="utf-8"))
        assert {"relevant", "organizations", "enterprises", "persons", "regions",
                "relations", "figures"} <= data.keys()
    mtz = json.loads((out / "mtz.json").read_text(encoding="utf-8"))
    assert mtz["relevant"] is True
    assert "Минский тракторный завод" in mtz["organizations"]
    assert any(f["value"] == 1.5e9 and f["unit"] == "RUB" and f["period"] == "2024"
               for f in mtz["figures"])
    raw = (out / "mtz.json").read_text(encoding="utf-8")
    assert "Минский" in raw  # ensure_ascii=False
    sport = json.loads((out / "sport.json").read_text(encoding="utf-8"))
    assert sport["relevant"] is False and sport["relations"] == [] and sport["figures"] == []


def test_a_bad_file_is_reported_and_the_others_continue(tmp_path: Path) -> None:
    good, *_ = _write(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00 not utf-8 \xc3")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(bad), str(missing), str(good), "--out", str(out)])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "missing.txt" in result.output
    assert (out / "mtz.json").exists()
    assert not (out / "bad.json").exists()


def test_bad_published_date_is_refused(tmp_path: Path) -> None:
    good, *_ = _write(tmp_path)
    result = runner.invoke(app, ["extract", str(good), "--out", str(tmp_path / "o"),
                                 "--published", "10.03.2025"])
    assert result.exit_code != 0
    assert "ГГГГ-ММ-ДД" in result.output
