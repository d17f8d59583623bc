"""Cooperation CRUD through the real app: links, projects, agreements, commitments, indicators."""

from __future__ import annotations

from typing import Any


def _org(client: Any, name: str, country: str, region: str) -> int:
    response = client.post(
        "/api/v1/organizations", json={"name": name, "country": country, "region_code": region}
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_links_crud_and_rules(client: Any) -> None:
    vmz = _org(client, "Вяземский машиностроительный завод", "RU", "RU-SMO")
    orsha = _org(client, "Оршанский льнокомбинат", "BY", "BY-VI")
    link = client.post(
        "/api/v1/links",
        json={
            "type": "supply",
            "from_organization_id": vmz,
            "to_organization_id": orsha,
            "object": "сушильные машины",
            "period_start": "2024-01-01",
        },
    )
    assert link.status_code == 201, link.text
    hotels = client.post(
        "/api/v1/links",
        json={
            "type": "supply",
            "from_organization_id": vmz,
            "to_region_code": "BY",
            "object": "прачечное оборудование для гостиниц",
        },
    )
    assert hotels.status_code == 201, hotels.text
    mine = client.get("/api/v1/links", params={"organization_id": orsha}).json()
    assert [x["object"] for x in mine["items"]] == ["сушильные машины"]
    both = client.get("/api/v1/links", params={"type": "supply,joint_production"}).json()
    assert both["total"] == 2
    nowhere = client.post("/api/v1/links", json={"type": "supply", "from_organization_id": vmz})
    assert nowhere.status_code == 422
    assert nowhere.json()["error"]["field"] == "to_organization_id"
    bad_type = client.post(
        "/api/v1/links",
        json={"type": "friendship", "from_organization_id": vmz, "to_organization_id": orsha},
    )
    assert bad_type.status_code == 422 and bad_type.json()["error"]["field"] == "type"
    backwards = client.post(
        "/api/v1/links",
        json={
            "type": "supply",
            "from_organization_id": vmz,
            "to_organization_id": orsha,
            "period_start": "2025-01-01",
            "period_end": "2024-01-01",
        },
    )
    assert backwards.status_code == 422 and backwards.json()["error"]["field"] == "period_end"
    lid = link.json()["id"]
    done = client.patch(f"/api/v1/links/{lid}", json={"version": 1, "status": "completed"})
    assert done.status_code == 200 and done.json()["status"] == "completed"
    assert client.delete(f"/api/v1/links/{lid}").status_code == 204


def test_project_stage_history(client: Any) -> None:
    maz = _org(client, "Минский автомобильный завод", "BY", "BY-HM")
    created = client.post(
        "/api/v1/projects",
        json={
            "name": "Сервисный центр МАЗ",
            "host_region_code": "RU-SMO",
            "stage": "planned",
            "participants": [{"organization_id": maz, "role": "производитель"}],
        },
    )
    assert created.status_code == 201, created.text
    project = created.json()
    assert [s["stage"] for s in project["stages"]] == ["planned"]
    moved = client.patch(
        f"/api/v1/projects/{project['id']}",
        json={"version": project["version"], "stage": "construction", "stage_note": "стройка"},
    ).json()
    assert [s["stage"] for s in moved["stages"]] == ["planned", "construction"]
    assert moved["stages"][-1]["note"] == "стройка"
    assert moved["participants"][0]["organization_id"] == maz
    listed = client.get("/api/v1/projects", params={"host_region": "RU-SMO"}).json()
    assert listed["total"] == 1
    assert client.get("/api/v1/projects", params={"organization_id": maz}).json()["total"] == 1


def test_agreement_with_commitments(client: Any) -> None:
    gov = _org(client, "Правительство Смоленской области", "RU", "RU-SMO")
    meeting = client.post(
        "/api/v1/agreements",
        json={
            "kind": "meeting",
            "title": "Встреча на выставке",
            "date": "2025-06-05",
            "event": "ИННОПРОМ. Беларусь",
            "parties": [{"organization_id": gov}, {"region_code": "BY"}],
        },
    )
    assert meeting.status_code == 201, meeting.text
    aid = meeting.json()["id"]
    assert len(meeting.json()["parties"]) == 2
    ids = []
    for text, due in (("Создать сервисный центр", "2025-12-31"), ("Построить дорогу", None)):
        c = client.post(
            "/api/v1/commitments",
            json={"agreement_id": aid, "text": text, "owner_organization_id": gov, "due_date": due},
        )
        assert c.status_code == 201, c.text
        ids.append(c.json()["id"])
    overdue = client.get("/api/v1/commitments", params={"overdue_on": "2026-01-15"}).json()
    assert [c["text"] for c in overdue["items"]] == ["Создать сервисный центр"]
    done = client.patch(f"/api/v1/commitments/{ids[0]}", json={"version": 1, "status": "done"})
    assert done.status_code == 200
    assert (
        client.get("/api/v1/commitments", params={"overdue_on": "2026-01-15"}).json()["total"] == 0
    )
    orphan = client.post("/api/v1/commitments", json={"agreement_id": 999999, "text": "x"})
    assert orphan.status_code == 422 and orphan.json()["error"]["field"] == "agreement_id"
    bad_party = client.post("/api/v1/agreements", json={"title": "x", "parties": [{}]})
    assert bad_party.status_code == 422 and bad_party.json()["error"]["field"] == "parties[0]"


def test_indicators(client: Any) -> None:
    created = client.post(
        "/api/v1/indicators",
        json={
            "metric": "trade_turnover",
            "subject_region_code": "RU-SMO",
            "counterpart_region_code": "BY",
            "period": "2024",
            "value": 294e9,
            "unit": "RUB",
        },
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["period_start"] == "2024-01-01" and body["qualifier"] == "exact"
    assert body["source"]["kind"] == "edit" and body["source"]["author"] == "api"
    found = client.get(
        "/api/v1/indicators", params={"subject_region": "RU-SMO", "metric": "trade_turnover"}
    ).json()
    assert found["items"][0]["value"] == 294000000000
    bad_period = client.post(
        "/api/v1/indicators",
        json={
            "metric": "x",
            "subject_region_code": "RU-SMO",
            "period": "прошлый год",
            "value": 1,
            "unit": "RUB",
        },
    )
    assert bad_period.status_code == 422 and bad_period.json()["error"]["field"] == "period"
    bad_unit = client.post(
        "/api/v1/indicators",
        json={"metric": "x", "subject_region_code": "RU-SMO", "value": 1, "unit": "parrots"},
    )
    assert bad_unit.status_code == 422 and bad_unit.json()["error"]["field"] == "unit"
    no_subject = client.post("/api/v1/indicators", json={"metric": "x", "value": 1, "unit": "RUB"})
    assert no_subject.status_code == 422
