"""The demo-region YAML: the packaged Smolensk file and the parser's error reporting."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from soyuzprom.demo_data import DemoData, default_demo_path, load_demo_data
from soyuzprom.errors import InputFormatError
from soyuzprom.registry import identifiers


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return load_demo_data()


def by_key(items: Any) -> dict[str, Any]:
    return {item.key: item for item in items}


# --- the packaged Smolensk data --------------------------------------------------------------

def test_source(demo: DemoData) -> None:
    assert demo.source.publisher == "Смоленская народная газета"
    assert demo.source.published == date(2025, 10, 21)
    assert demo.source.kind == "report"


def test_organizations(demo: DemoData) -> None:
    orgs = by_key(demo.organizations)
    assert orgs["vmz"].name == "Вяземский машиностроительный завод"
    assert (orgs["vmz"].region, orgs["vmz"].city) == ("RU-SMO", "Вязьма")
    assert (orgs["orsha_flax"].region, orgs["orsha_flax"].country) == ("BY-VI", "BY")
    assert "Минский мотовелозавод" in orgs["motovelo"].aliases
    assert orgs["maz"].short_name == "МАЗ"
    assert orgs["minpromtorg_ru"].short_name == "Минпромторг России"
    kinds = {o.kind for o in demo.organizations}
    assert kinds == {"enterprise", "state_body"}
    assert len(demo.organizations) == 8


def test_identifiers_present_only_when_valid(demo: DemoData) -> None:
    for org in demo.organizations:
        assert org.inn is None or identifiers.is_valid_inn(org.inn)
        assert org.ogrn is None or identifiers.is_valid_ogrn(org.ogrn)
        assert org.unp is None or identifiers.is_valid_unp(org.unp)


def test_governor(demo: DemoData) -> None:
    (person,) = demo.persons
    assert person.full_name == "Василий Анохин"
    (role,) = person.roles
    assert (role.role, role.organization, role.region) == (
        "губернатор Смоленской области", "smo_gov", "RU-SMO"
    )


def test_links(demo: DemoData) -> None:
    links = by_key(demo.links)
    from_vmz = {(lk.type, lk.to_org or lk.to_region) for lk in demo.links if lk.from_org == "vmz"}
    assert from_vmz == {
        ("supply", "orsha_flax"), ("supply", "BY"), ("joint_production", "motovelo")
    }
    assert links["vmz_orsha_dryers"].object == "сушильные машины"
    assert links["vmz_orsha_dryers"].status == "active"
    maz_links = [lk for lk in demo.links if lk.from_org == "maz"]
    from_maz = sorted((lk.type, lk.to_region, lk.status) for lk in maz_links)
    assert from_maz == [
        ("joint_production", "RU-SMO", "planned"),
        ("joint_production", "RU-SMO", "planned"),
        ("service_center", "RU-SMO", "planned"),
    ]
    assert "719" in (links["maz_smolensk_apron_buses"].description or "")


def test_project(demo: DemoData) -> None:
    (project,) = demo.projects
    assert (project.host_region, project.stage) == ("RU-SMO", "planned")
    assert {p.organization for p in project.participants} == {"maz", "smo_gov"}


def test_meeting_and_commitments(demo: DemoData) -> None:
    (meeting,) = demo.agreements
    assert meeting.kind == "meeting"
    assert meeting.event == "ИННОПРОМ. Беларусь"
    assert meeting.place == "Минск"
    assert len(meeting.commitments) == 3
    for c in meeting.commitments:
        assert (c.owner_organization, c.status, c.due_date) == ("smo_gov", "open", None)
    assert {p.person for p in meeting.parties if p.person} == {"anokhin"}


@pytest.mark.parametrize(
    ("key", "subject", "counterpart", "period", "value", "unit", "qualifier"),
    [
        ("ru_by_turnover_2024", "RU", "BY", "2024", 50e9, "USD", "over"),
        ("smo_by_turnover_2024", "RU-SMO", "BY", "2024", 294_000_000_000, "RUB", "exact"),
        ("smo_by_turnover_rank_2024", "RU-SMO", "BY", "2024", 3, "rank", "exact"),
        ("smo_by_capital_enterprises", "RU-SMO", "BY", "2025", 5000, "units", "approx"),
        ("smo_by_investment_projects", "RU-SMO", "BY", "2025", 100, "units", "over"),
        ("smo_by_investment_projects_value", "RU-SMO", "BY", "2025", 100e9, "RUB", "over"),
    ],
)
def test_indicators(
    demo: DemoData,
    key: str,
    subject: str,
    counterpart: str,
    period: str,
    value: float,
    unit: str,
    qualifier: str,
) -> None:
    ind = by_key(demo.indicators)[key]
    assert (ind.subject_region, ind.counterpart_region, ind.period) == (
        subject, counterpart, period
    )
    assert (ind.value, ind.unit, ind.qualifier) == (value, unit, qualifier)
    assert ind.subject_organization is None


def test_frozen(demo: DemoData) -> None:
    with pytest.raises(AttributeError):
        demo.source.title = "x"  # type: ignore[misc]


# --- errors name the file and the path ------------------------------------------------------

@pytest.fixture()
def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(default_demo_path().read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: Any) -> Path:
    # Dates must reach the parser as text, like a hand-written file.
    path = tmp_path / "demo.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, default_style=None), "utf-8")
    text = path.read_text("utf-8")
    assert "published: 2025-10-21" in text or "published: '2025-10-21'" in text
    return path


def expect_error(tmp_path: Path, data: Any, element: str, words: str) -> InputFormatError:
    path = write(tmp_path, data)
    with pytest.raises(InputFormatError) as info:
        load_demo_data(path)
    assert info.value.element == element
    assert info.value.file == str(path)
    assert words in info.value.message
    return info.value


def test_written_copy_loads(tmp_path: Path, raw: dict[str, Any]) -> None:
    assert load_demo_data(write(tmp_path, raw)) == load_demo_data()


def test_unknown_organization_reference(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["links"][0]["to"] = "orsha"
    expect_error(tmp_path, raw, "links[0].to", "'orsha'")


def test_unknown_region_code(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["organizations"][1]["region"] = "BY-XX"
    expect_error(tmp_path, raw, "organizations[1].region", "BY-XX")


def test_region_of_another_country(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["organizations"][0]["region"] = "BY-VI"  # the Vyazma plant is in Russia
    expect_error(tmp_path, raw, "organizations[0].region", "не в стране RU")


def test_duplicate_key(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["links"][1]["key"] = raw["links"][0]["key"]
    expect_error(tmp_path, raw, "links[1].key", "повторяется")


def test_bad_enumeration(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["links"][2]["status"] = "done"
    error = expect_error(tmp_path, raw, "links[2].status", "'done'")
    assert error.field == "status"


def test_link_with_two_targets(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["links"][0]["to_region"] = "BY"
    expect_error(tmp_path, raw, "links[0]", "links[0]")


def test_invalid_inn_is_refused(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["organizations"][0]["inn"] = "6722000001"
    error = expect_error(tmp_path, raw, "organizations[0].inn", "контрольное число ИНН")
    assert error.field == "inn"


def test_valid_inn_is_kept(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["organizations"][0]["inn"] = " 7707083893 "  # a real INN, only to exercise the path
    data = load_demo_data(write(tmp_path, raw))
    assert data.organizations[0].inn == "7707083893"


def test_bad_date(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["agreements"][0]["date"] = "2025-13-01"
    expect_error(tmp_path, raw, "agreements[0].date", "agreements[0].date")


def test_indicator_subject_must_resolve(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["indicators"][0]["subject"] = "Смоленская область"
    expect_error(tmp_path, raw, "indicators[0].subject", "не код региона")


def test_missing_required_field(tmp_path: Path, raw: dict[str, Any]) -> None:
    del raw["source"]["publisher"]
    expect_error(tmp_path, raw, "source", "publisher")


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("source:\n  key: a\n  title: [unclosed\n", "utf-8")
    with pytest.raises(InputFormatError) as info:
        load_demo_data(path)
    assert info.value.file == str(path)
    assert info.value.line is not None and info.value.line >= 3


def test_schema_enumerations_match_the_models() -> None:
    """The YAML schema repeats the models' vocabularies; they must not drift apart."""
    import json
    from importlib import resources

    from soyuzprom.cooperation import models as coop
    from soyuzprom.registry.models import ORGANIZATION_KINDS

    schema = json.loads(
        (resources.files("soyuzprom") / "data" / "demo" / "schema.json").read_text("utf-8")
    )
    props = schema["properties"]

    def enum(section: str, field: str) -> tuple[str, ...]:
        return tuple(props[section]["items"]["properties"][field]["enum"])

    assert enum("links", "type") == coop.LINK_TYPES
    assert enum("links", "status") == coop.LINK_STATUSES
    assert enum("projects", "stage") == coop.PROJECT_STAGES
    assert enum("agreements", "kind") == coop.AGREEMENT_KINDS
    assert enum("indicators", "qualifier") == coop.QUALIFIERS
    assert enum("organizations", "kind") == ORGANIZATION_KINDS
    commitment = props["agreements"]["items"]["properties"]["commitments"]["items"]
    assert tuple(commitment["properties"]["status"]["enum"]) == coop.COMMITMENT_STATUSES
