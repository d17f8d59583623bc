"""Scoring: points, mandatory items, alternatives, areas, dated thresholds, foreign share."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from soyuzprom.errors import DomainValidationError
from soyuzprom.localization.catalog import open_rulebook
from soyuzprom.localization.loader import parse_rulebook
from soyuzprom.localization.product import CandidateAction, ComponentRecord, OperationRecord
from soyuzprom.localization.product_loader import parse_product
from soyuzprom.localization.scoring import LineStatus, Verdict, score

ON = date(2027, 1, 1)


def test_worked_example_apron_bus(rulebook, bus):
    result = score(rulebook, bus, ON)
    pp = result.pp719
    assert pp.verdict is Verdict.DOES_NOT_QUALIFY
    # painting 100 + assembly 200 + wiring 100 + testing 50 + drive axle 250 + glazing 60
    assert pp.total_points == 760 and pp.points_exact
    assert pp.threshold.points == 1200 and pp.points_needed == 440
    assert [(m.kind, m.id) for m in pp.missing_mandatory] == [("alternative", "frame-or-body")]
    status = {ln.item.id: ln.status for ln in pp.lines}
    # Welding in Belarus does not count for a Russia-only rule; the drive axle rule is EAEU.
    assert status["body-frame-welding"] is LineStatus.OUTSIDE_AREA
    assert status["seats"] is LineStatus.OUTSIDE_AREA
    assert status["drive-axle"] is LineStatus.COUNTED
    assert status["chassis-frame-welding"] is LineStatus.NOT_PERFORMED
    # body kit 9.0 + engine 4.2 + gearbox 2.6 + hvac 1.5 + seats 0.6 of 32.0 million
    assert pp.foreign_share_percent == pytest.approx(55.9375)
    assert pp.foreign_share_limit is None

    eaeu = result.eaeu
    assert eaeu.verdict is Verdict.QUALIFIES and eaeu.criterion_met == "points"
    assert eaeu.total_points == 1240  # Belarusian welding, priming and seats count here
    assert eaeu.foreign_share_percent == pytest.approx(25.9375)
    assert any("тестовый" in w for w in result.warnings)


def _with(bus, *actions: CandidateAction):
    return bus.apply(actions)


def test_thresholds_follow_the_date(rulebook, bus):
    done = _with(bus,
                 CandidateAction("a", "chassis-frame-welding", 0, 0),
                 CandidateAction("b", "cataphoresis", 0, 0),
                 CandidateAction("c", "seats", 0, 0),
                 CandidateAction("d", "hvac", 0, 0))
    assert score(rulebook, done, date(2027, 6, 30)).pp719.verdict is Verdict.QUALIFIES
    later = score(rulebook, done, date(2027, 7, 1)).pp719
    assert later.total_points == 1260
    assert later.verdict is Verdict.DOES_NOT_QUALIFY and later.points_needed == 240
    early = score(rulebook, done, date(2025, 12, 31))
    assert early.pp719.verdict is Verdict.INDETERMINATE
    assert any("не действует" in w for w in early.warnings)


def test_only_the_best_alternative_scores(rulebook, bus):
    both = _with(bus, CandidateAction("a", "chassis-frame-welding", 0, 0),
                 CandidateAction("b", "body-frame-welding", 0, 0))
    pp = score(rulebook, both, ON).pp719
    lines = {ln.item.id: ln for ln in pp.lines}
    assert lines["body-frame-welding"].counted_points == 250
    assert lines["chassis-frame-welding"].status is LineStatus.SUPERSEDED
    assert lines["chassis-frame-welding"].counted_points == 0
    assert pp.total_points == 760 + 250 and not pp.missing_mandatory


def test_belarusian_operation_counts_only_where_rule_allows_eaeu(rulebook, bus):
    group = rulebook.groups[0]
    eaeu_group = replace(group, items=tuple(
        replace(i, counts_in=i.counts_in.EAEU) if i.id == "seats" else i for i in group.items))
    eaeu_book = replace(rulebook, groups=(eaeu_group,))
    assert score(rulebook, bus, ON).pp719.total_points == 760
    assert score(eaeu_book, bus, ON).pp719.total_points == 760 + 80


def test_missing_mandatory_operation_disqualifies_whatever_the_points(rulebook, bus):
    no_testing = replace(bus, operations=tuple(o for o in bus.operations if o.item != "testing"))
    rich = no_testing.apply([CandidateAction(str(i), item, 0, 0) for i, item in enumerate(
        ["body-frame-welding", "cataphoresis", "engine", "gearbox", "seats", "hvac"])])
    pp = score(rulebook, rich, ON).pp719
    assert pp.total_points >= 1200
    assert pp.verdict is Verdict.DOES_NOT_QUALIFY
    assert [m.id for m in pp.missing_mandatory] == ["testing"]


SHARE_BOOK = """
format: soyuzprom.rulebook/1
id: share-fixture
title: Доля иностранных компонентов (тест)
version: 1
status: fixture
source: {title: тест}
groups:
  - id: pumps
    name: Насосы (тест)
    okpd2: ["28.13"]
    source: {title: тест}
    thresholds:
      - {effective_from: "2026-01-01", points: 100, source: {title: тест}}
    foreign_share:
      - {effective_from: "2026-01-01", max_percent: 40, source: {title: тест}}
    operations:
      - {id: casting, name: Литьё корпуса, points: 60, mandatory: true}
      - {id: motor, name: Электродвигатель, kind: component, points: 30}
"""

PUMP = """
format: soyuzprom.product/1
id: pump
name: Насос
okpd2: "28.13.14.110"
price: 1000
operations: [{operation: casting, country: RU}]
components:
  - {id: motor, item: motor, origin: CN, price: 300}
  - {id: seal, origin: DE, price: 100}
"""


def test_foreign_share_is_an_alternative_to_points():
    book = parse_rulebook(SHARE_BOOK)
    pump = parse_product(PUMP)
    pp = score(book, pump, ON).pp719
    assert pp.total_points == 60
    assert pp.foreign_share_percent == pytest.approx(40.0)
    assert pp.verdict is Verdict.QUALIFIES and pp.criterion_met == "foreign_share"
    dearer = replace(pump, components=(*pump.components, ComponentRecord("bolt", "TR", 1)))
    pp = score(book, dearer, ON).pp719
    assert pp.verdict is Verdict.DOES_NOT_QUALIFY
    assert any("доля иностранных компонентов" in r for r in pp.reasons)
    local = dearer.apply([CandidateAction("m", "motor", 0, 0)])
    pp = score(book, local, ON).pp719
    assert pp.foreign_share_percent == pytest.approx(10.1)
    assert pp.total_points == 90 and pp.criterion_met == "foreign_share"
    assert score(book, pump, ON).eaeu.verdict is Verdict.NOT_DEFINED


def test_incomplete_shipped_rulebook_is_indeterminate():
    cars = open_rulebook("pp719-passenger-cars")
    car = parse_product("format: soyuzprom.product/1\nid: car\nname: Легковой\nokpd2: '29.10.22'\n")
    result = score(cars, car, date(2026, 12, 1))
    assert result.pp719.verdict is Verdict.INDETERMINATE
    assert result.pp719.threshold.points == 3200 and result.pp719.points_needed == 3200
    assert any("неполная" in w for w in result.warnings)
    assert score(cars, car, date(2027, 1, 1)).pp719.threshold.points == 3500


def test_group_resolution_errors(rulebook, bus):
    with pytest.raises(DomainValidationError) as caught:
        score(rulebook, replace(bus, okpd2="28.13.14"), ON)
    assert caught.value.field == "okpd2"
    with pytest.raises(DomainValidationError) as caught:
        score(rulebook, replace(bus, group="trams"), ON)
    assert caught.value.field == "group"
    bad = replace(bus, operations=(*bus.operations, OperationRecord("welding", "RU")))
    with pytest.raises(DomainValidationError) as caught:
        score(rulebook, bad, ON)
    assert caught.value.field == "operations[6].operation"
