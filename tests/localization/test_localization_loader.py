"""Rulebook and product loading: valid files load, broken ones name file, line and path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from soyuzprom.errors import InputFormatError
from soyuzprom.localization.catalog import open_rulebook, shipped_rulebooks
from soyuzprom.localization.loader import load_rulebook, parse_rulebook, rulebook_from_data
from soyuzprom.localization.model import Area, ItemKind, RulebookStatus
from soyuzprom.localization.product_loader import load_product, parse_product

FIXTURES = Path(__file__).parent / "fixtures"
RULEBOOK = FIXTURES / "fixture_apron_bus_rulebook.yaml"
PRODUCT = FIXTURES / "apron_bus_smolensk.yaml"


def test_fixture_rulebook_loads(rulebook):
    assert rulebook.status is RulebookStatus.FIXTURE
    group = rulebook.group("fixture-apron-buses")
    assert group is not None and group.complete
    assert group.item("drive-axle").counts_in is Area.EAEU
    assert group.item("painting").counts_in is Area.RUSSIA
    assert group.item("engine").kind is ItemKind.COMPONENT
    assert [m.id for m in group.members("frame-or-body")] == [
        "chassis-frame-welding", "body-frame-welding"]
    # items without their own citation inherit the group's
    assert group.item("wiring").source == group.source
    assert group.threshold_on(date(2026, 12, 31)).points == 1200
    assert group.threshold_on(date(2027, 7, 1)).points == 1500
    assert group.threshold_on(date(2025, 12, 31)) is None


def test_product_loads(bus):
    assert bus.okpd2 == "29.10.30.111"
    assert bus.as_of == date(2026, 6, 1)
    assert bus.countries_of("body-frame-welding") == ("BY",)
    assert {a.id for a in bus.actions} >= {"seats-by", "engine-ru"}
    assert bus.maker.inn == "6730123454"


def _broken(tmp_path: Path, old: str, new: str, source: Path = RULEBOOK) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize(("old", "new", "field", "needle", "words"), [
    ("name: Окраска кузова, points: 100", "name: Окраска кузова, points: сто",
     "groups[0].operations[3].points", "points: сто", "целое число"),
    ("name: Окраска кузова, points: 100", "name: Окраска кузова, points: -5",
     "groups[0].operations[3].points", "points: -5", "меньше допустимого"),
    ("{id: wiring, name: Монтаж электрооборудования и жгутов, points: 100}",
     "{id: wiring, points: 100}", "groups[0].operations[5]", "id: wiring",
     "нет обязательного поля «name»"),
    ("kind: component, points: 400}", "kind: part, points: 400}",
     "groups[0].operations[7].kind", "kind: part", "не из списка"),
    ("points: 250, alternative: frame-or-body}", "points: 250, alternative: frame-or-hull}",
     "groups[0].operations[1].alternative", "frame-or-hull", "не объявлена"),
    ("points: 150, alternative: frame-or-body}",
     "points: 150, alternative: frame-or-body, mandatory: true}",
     "groups[0].operations[0].mandatory", "mandatory: true}", "задаётся у группы"),
    ("name: Окраска кузова, points: 100", "name: Окраска кузова, points: null",
     "groups[0].operations[3].points", "points: null", "complete: false"),
    ("{id: glazing,", "{id: seats,", "groups[0].operations[12].id", "{id: seats, name: Остекление",
     "повторный идентификатор"),
    ('effective_from: "2027-07-01"', 'effective_from: "2027-02-30"',
     "groups[0].thresholds[1].effective_from", "2027-02-30", "несуществующая дата"),
    ('effective_from: "2027-07-01"', 'effective_from: "01.07.2027"',
     "groups[0].thresholds[1].effective_from", "01.07.2027", "не соответствует формату"),
    ("    counts_in: russia\n", "    counts_in: russia\n    colour: red\n",
     "groups[0].colour", "colour: red", "неизвестное поле «colour»"),
    ("      - effective_from: \"2027-07-01\"\n        points: 1500\n",
     "      - effective_from: \"2026-01-01\"\n        points: 1500\n",
     "groups[0].thresholds[1].effective_from", "points: 1500", "одной датой"),
])
def test_rulebook_errors_name_file_line_and_path(tmp_path, old, new, field, needle, words):
    path = _broken(tmp_path, old, new)
    with pytest.raises(InputFormatError) as caught:
        load_rulebook(path)
    err = caught.value
    assert err.file == str(path)
    assert err.field == field
    assert words in err.message
    line = _line_of(path, needle)
    assert err.line in (line, line - 1)  # a threshold's line is its list entry's first line
    assert field in str(err) and str(path) in str(err)


def test_yaml_syntax_error_has_line(tmp_path):
    path = _broken(tmp_path, "points: 100, mandatory: true}", "points: [100, mandatory: true}")
    with pytest.raises(InputFormatError) as caught:
        load_rulebook(path)
    assert "синтаксическая ошибка YAML" in caught.value.message
    assert caught.value.line == _line_of(path, "points: [100,")


def test_mapping_without_lines_still_names_path():
    with pytest.raises(InputFormatError) as caught:
        rulebook_from_data({"format": "soyuzprom.rulebook/1", "id": "x", "title": "x",
                            "version": "1", "status": "law", "source": {"title": "s"},
                            "groups": []}, "body")
    assert caught.value.field == "status"  # the first of two errors in key order
    assert caught.value.line is None


def test_alternative_group_without_members(tmp_path):
    path = _broken(tmp_path, "    operations:\n",
                   "      - {id: spare, name: Запасная}\n    operations:\n")
    with pytest.raises(InputFormatError) as caught:
        load_rulebook(path)
    assert caught.value.field == "groups[0].alternatives[1]"
    assert "нет ни одной операции" in caught.value.message


def test_product_errors(tmp_path):
    path = _broken(tmp_path, "cost: 2500000", "cost: 2.5e6", PRODUCT)
    with pytest.raises(InputFormatError) as caught:
        load_product(path)
    assert caught.value.field == "candidate_actions[3].cost"
    path = _broken(tmp_path, "country: BY}", "country: Belarus}", PRODUCT)
    with pytest.raises(InputFormatError) as caught:
        load_product(path)
    assert caught.value.field == "candidate_actions[4].country"
    with pytest.raises(InputFormatError) as caught:
        parse_product("format: soyuzprom.product/1\nid: p\nname: P\nokpd2: '29.10.30'\n"
                      "as_of: '2026-13-01'\n", "p.yaml")
    assert caught.value.field == "as_of" and caught.value.line == 5


def test_shipped_rulebooks_hold_no_invented_points():
    books = shipped_rulebooks()
    assert {rb.id for rb in books} == {"pp719-passenger-cars", "pp719-buses-draft"}
    for rb in books:
        assert rb.status is not RulebookStatus.FIXTURE
        for group in rb.groups:
            # Point tables are unknown to the project: groups say so and carry none.
            assert not group.complete
            assert all(item.points is None for item in group.items)
            assert all(t.source.title for t in group.thresholds)
    cars = open_rulebook("pp719-passenger-cars").group("passenger-cars")
    assert cars.threshold_on(date(2026, 11, 27)).points == 3200
    assert cars.threshold_on(date(2027, 1, 1)).points == 3500
    buses = open_rulebook("pp719-buses-draft")
    assert buses.status is RulebookStatus.DRAFT
    assert buses.group_for_okpd2("29.10.30.111").threshold_on(date(2026, 6, 1)).points == 2900


def test_parse_rulebook_roundtrip_of_minimal_document():
    rb = parse_rulebook(
        "format: soyuzprom.rulebook/1\nid: mini\ntitle: Мини\nversion: 1\nstatus: fixture\n"
        "source: {title: тест}\ngroups:\n"
        "  - {id: g, name: G, okpd2: ['28.11'], source: {title: t}}\n"
    )
    assert rb.version == "1" and rb.groups[0].okpd2 == ("28.11",)
