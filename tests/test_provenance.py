"""Provenance and audit: every write knows its source, every change is in the journal."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from soyuzprom.core.models import Document
from soyuzprom.core.provenance import write_context
from soyuzprom.db import session_scope
from soyuzprom.registry.models import Organization


def test_api_edit_is_audited_with_author_and_before_after(client: Any) -> None:
    org = client.post(
        "/api/v1/organizations",
        json={"name": "Гомсельмаш", "country": "BY"},
        headers={"X-Author": "sidorov"},
    ).json()
    client.patch(
        f"/api/v1/organizations/{org['id']}",
        json={"version": 1, "city": "Гомель"},
        headers={"X-Author": "kuznetsova"},
    )
    trail = client.get(f"/api/v1/audit/organizations/{org['id']}").json()
    assert [(e["action"], e["author"]) for e in trail] == [
        ("create", "sidorov"),
        ("update", "kuznetsova"),
    ]
    assert trail[1]["before"] == {"city": None} and trail[1]["after"] == {"city": "Гомель"}
    prov = client.get(f"/api/v1/provenance/organizations/{org['id']}").json()["fields"]
    assert prov["name"]["source"]["kind"] == "edit"
    assert prov["name"]["source"]["author"] == "sidorov"
    assert prov["city"]["source"]["author"] == "kuznetsova"
    client.delete(f"/api/v1/organizations/{org['id']}", headers={"X-Author": "admin"})
    trail = client.get(f"/api/v1/audit/organizations/{org['id']}").json()
    assert trail[-1]["action"] == "delete" and trail[-1]["before"]["name"] == "Гомсельмаш"


def test_document_source_with_evidence(engine: Any) -> None:
    with session_scope() as session:
        doc = Document(content_hash="h" * 64, title="Заметка", publisher="Газета")
        session.add(doc)
        session.flush()
        sentence = "Оршанский льнокомбинат получил сушильные машины."
        with write_context(session, kind="document", document_id=doc.id, evidence=sentence):
            org = Organization(name="Оршанский льнокомбинат", country="BY")
            session.add(org)
        org_id = org.id
    from soyuzprom.core.history import provenance_of

    with session_scope() as session:
        fields = provenance_of(session, "organizations", org_id)["fields"]
        assert fields["name"]["evidence"] == sentence
        assert fields["name"]["source"]["document"]["title"] == "Заметка"
        assert session.scalar(select(Organization.source_id).where(Organization.id == org_id))
