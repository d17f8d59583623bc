"""load_demo on the real databases (SQLite file and PostgreSQL), checked through the app."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from soyuzprom.cooperation.models import Agreement, Commitment, Indicator, Link, Project
from soyuzprom.core.models import AuditEntry, Document, FieldProvenance, Source
from soyuzprom.db import session_scope
from soyuzprom.demo import load_demo
from soyuzprom.registry import service as registry
from soyuzprom.registry.models import Organization, Person

AUDITED = (Organization, Person, Link, Project, Agreement, Commitment, Indicator)
EXPECTED = {
    "documents": 1, "organizations": 8, "persons": 1, "links": 6, "projects": 1,
    "agreements": 1, "commitments": 3, "indicators": 6, "existing": 0,
}


def _table_counts() -> dict[str, int]:
    models = (*AUDITED, Document, Source, AuditEntry, FieldProvenance)
    with session_scope() as session:
        return {
            m.__tablename__: int(session.scalar(select(func.count()).select_from(m)) or 0)
            for m in models
        }


def _load() -> dict[str, int]:
    with session_scope() as session:
        return load_demo(session)


def test_loading_twice_changes_nothing(engine: Engine) -> None:
    assert _load() == EXPECTED
    after_first = _table_counts()
    assert after_first["sources"] == 1
    second = _load()
    assert second == {**dict.fromkeys(EXPECTED, 0), "existing": 26}
    assert _table_counts() == after_first  # not even a new source or audit row


def test_every_record_traces_to_the_report(engine: Engine) -> None:
    _load()
    with session_scope() as session:
        (document,) = session.scalars(select(Document)).all()
        assert document.publisher == "Смоленская народная газета"
        assert document.published is not None and document.published.isoformat() == "2025-10-21"
        assert document.kind == "report"
        (source,) = session.scalars(select(Source)).all()
        assert (source.kind, source.document_id, source.author) == ("demo", document.id, "demo")
        for model in AUDITED:
            rows: list[Any] = list(session.scalars(select(model)))
            assert rows, model.__tablename__
            assert {row.source_id for row in rows} == {source.id}, model.__tablename__
        grouped = select(AuditEntry.action, func.count()).group_by(AuditEntry.action)
        actions = {action: count for action, count in session.execute(grouped)}
        assert actions == {"create": 26}  # one per record, no spurious updates
        # field provenance: the turnover value is attributed to the demo source
        turnover = session.scalar(select(Indicator).where(Indicator.value == 294e9))
        assert turnover is not None
        prov = session.scalar(
            select(FieldProvenance).where(
                FieldProvenance.entity_type == "indicators",
                FieldProvenance.entity_id == turnover.id,
                FieldProvenance.field == "value",
            )
        )
        assert prov is not None and prov.source_id == source.id


def test_user_edits_survive_a_reload(engine: Engine) -> None:
    _load()
    with session_scope() as session:
        plant = registry.find_organization(session, "Вяземский машиностроительный завод")
        registry.organizations.update(
            session, plant.id, {"version": plant.version, "city": "г. Вязьма"}, author="ivanova"
        )
    assert _load()["organizations"] == 0
    with session_scope() as session:
        plant = registry.find_organization(session, "Вяземский машзавод")  # by alias
        assert plant.city == "г. Вязьма"


def test_an_existing_organization_is_reused(engine: Engine) -> None:
    with session_scope() as session:
        registry.organizations.create(
            session,
            {"name": "ОАО «Минский автомобильный завод»", "kind": "enterprise", "country": "BY"},
            author="petrov",
        )
    counts = _load()
    assert counts["organizations"] == 7 and counts["existing"] == 1
    with session_scope() as session:
        mazes = session.scalars(
            select(Organization).where(Organization.name_key == "минский автомобильный завод")
        ).all()
        assert len(mazes) == 1
        links = session.scalars(select(Link).where(Link.from_organization_id == mazes[0].id))
        assert len(links.all()) == 3


def test_done_when_through_the_api(client: Any) -> None:
    """The foundation's acceptance checks, on the demo data."""
    _load()
    found = client.get("/api/v1/organizations", params={"q": "Вяземский"}).json()
    assert found["total"] == 1
    plant = found["items"][0]
    assert plant["region"]["code"] == "RU-SMO"

    links = client.get("/api/v1/links", params={"organization_id": plant["id"]}).json()["items"]
    targets = {lk["to_organization_id"] for lk in links if lk["to_organization_id"]}
    names = {client.get(f"/api/v1/organizations/{i}").json()["name"] for i in targets}
    assert names == {"Оршанский льнокомбинат", "МотоВелоЗавод"}

    indicators = client.get(
        "/api/v1/indicators",
        params={"subject_region": "RU-SMO", "metric": "trade_turnover", "period": "2024"},
    ).json()["items"]
    (turnover,) = indicators
    assert (turnover["value"], turnover["unit"], turnover["qualifier"]) == (
        294_000_000_000, "RUB", "exact"
    )
    source = client.get(f"/api/v1/sources/{turnover['source_id']}").json()
    assert source["document"]["publisher"] == "Смоленская народная газета"
    assert source["document"]["published"] == "2025-10-21"
