"""load_reference on the real databases (SQLite file and PostgreSQL).

The shared test databases keep the reference tables between tests (conftest KEEP_TABLES), so
these tests state the end state and the second-run behaviour rather than assume an empty
table; they put back whatever they break.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine

from soyuzprom.db import session_scope
from soyuzprom.registry.models import ClassifierEntry, Region
from soyuzprom.registry.reference import SCHEMES, load_reference, read_classifier, read_regions


def _count(engine: Engine, model: type, **where: str) -> int:
    with session_scope(engine) as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return int(session.scalar(query) or 0)


def test_full_load_facts_and_nothing_to_do_twice(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = load_reference(session)
    assert first["regions"] == len(read_regions())
    assert first["classifier_entries"] == sum(len(list(read_classifier(s))) for s in SCHEMES)
    for scheme in SCHEMES:
        assert _count(engine, ClassifierEntry, scheme=scheme) == len(list(read_classifier(scheme)))
    assert _count(engine, Region) == len(read_regions())
    with session_scope(engine) as session:
        smo = session.scalar(select(Region).where(Region.code == "RU-SMO"))
        assert smo is not None
        assert (smo.name, smo.fns_code, smo.kind, smo.country) == (
            "Смоленская область", "67", "subject", "RU"
        )
        assert smo.okato == "66000000000"
        minsk = session.scalar(select(Region).where(Region.code == "BY-HM"))
        assert minsk is not None and minsk.kind == "city" and minsk.lat is not None
        entry = session.scalar(
            select(ClassifierEntry).where(
                ClassifierEntry.scheme == "okpd2", ClassifierEntry.code == "10.51.11.111"
            )
        )
        assert entry is not None and entry.parent_code == "10.51.11.110"

    with session_scope(engine) as session:
        second = load_reference(session)
    assert second["regions_inserted"] == second["regions_updated"] == 0
    assert second["classifier_entries_inserted"] == second["classifier_entries_updated"] == 0


def test_repairs_changed_and_missing_rows(engine: Engine) -> None:
    with session_scope(engine) as session:
        load_reference(session)
    with session_scope(engine) as session:
        # A code retired from the packaged files must stay: products may still refer to it.
        session.add(ClassifierEntry(scheme="okved2", code="99.99.99", name="тестовый код"))
        session.execute(update(Region).where(Region.code == "BY-VI").values(name="Витебщина"))
        session.execute(
            update(ClassifierEntry)
            .where(ClassifierEntry.scheme == "okved2", ClassifierEntry.code == "28.94")
            .values(parent_code=None)
        )
        session.execute(
            delete(ClassifierEntry).where(
                ClassifierEntry.scheme == "tnved", ClassifierEntry.code.like("8702%")
            )
        )
    removed = sum(1 for e in read_classifier("tnved") if e.code.startswith("8702"))
    assert removed > 10

    with session_scope(engine) as session:
        counts = load_reference(session)
    assert counts["regions_updated"] == 1
    assert counts["classifier_entries_updated"] == 1
    assert counts["classifier_entries_inserted"] == removed
    with session_scope(engine) as session:
        region = session.scalar(select(Region).where(Region.code == "BY-VI"))
        assert region is not None and region.name == "Витебская область"
        entry = session.scalar(
            select(ClassifierEntry).where(
                ClassifierEntry.scheme == "okved2", ClassifierEntry.code == "28.94"
            )
        )
        assert entry is not None and entry.parent_code == "28.9"
        kept = session.scalar(
            select(ClassifierEntry).where(
                ClassifierEntry.scheme == "okved2", ClassifierEntry.code == "99.99.99"
            )
        )
        assert kept is not None
        session.delete(kept)
