"""Registry CRUD through the real app, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from soyuzprom.db import session_scope
from soyuzprom.registry.models import Organization

KAMAZ = {
    "name": "КАМАЗ",
    "inn": "1650032058",
    "ogrn": "1021602013971",
    "kind": "enterprise",
    "country": "RU",
    "region_code": "RU-TA",
    "city": "Набережные Челны",
    "aliases": ["Камский автомобильный завод", "КАМАЗ"],
}


def _count_orgs() -> int:
    with session_scope() as session:
        return int(session.scalar(select(func.count()).select_from(Organization)) or 0)


def test_organization_crud(client: Any) -> None:
    created = client.post("/api/v1/organizations", json=KAMAZ, headers={"X-Author": "petrova"})
    assert created.status_code == 201, created.text
    org = created.json()
    assert org["version"] == 1
    assert org["region"]["code"] == "RU-TA"
    assert [a["alias"] for a in org["aliases"]] == ["Камский автомобильный завод"]

    got = client.get(f"/api/v1/organizations/{org['id']}").json()
    assert got["inn"] == "1650032058"

    listed = client.get("/api/v1/organizations", params={"q": "камский"}).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == org["id"]

    updated = client.patch(
        f"/api/v1/organizations/{org['id']}", json={"version": 1, "city": "Набережные Челны, РТ"}
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["version"] == 2

    deleted = client.delete(f"/api/v1/organizations/{org['id']}", params={"version": 2})
    assert deleted.status_code == 204
    missing = client.get(f"/api/v1/organizations/{org['id']}")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_list_filters_sorting_pagination(client: Any) -> None:
    for name, inn, country, region in (
        ("Сбербанк", "7707083893", "RU", "RU-MOW"),
        ("Газпром", "7736050003", "RU", "RU-SPE"),
        ("Минский автомобильный завод", None, "BY", "BY-HM"),
    ):
        body: dict[str, Any] = {"name": name, "country": country, "region_code": region}
        if inn:
            body["inn"] = inn
        assert client.post("/api/v1/organizations", json=body).status_code == 201
    by = client.get("/api/v1/organizations", params={"country": "BY"}).json()
    assert [o["name"] for o in by["items"]] == ["Минский автомобильный завод"]
    page = client.get(
        "/api/v1/organizations", params={"sort": "-name", "page": 1, "page_size": 2}
    ).json()
    assert page["total"] == 3 and page["page_size"] == 2
    assert [o["name"] for o in page["items"]] == ["Сбербанк", "Минский автомобильный завод"]
    second = client.get(
        "/api/v1/organizations", params={"sort": "-name", "page": 2, "page_size": 2}
    ).json()
    assert [o["name"] for o in second["items"]] == ["Газпром"]
    region = client.get("/api/v1/organizations", params={"region": "RU-SPE"}).json()
    assert [o["name"] for o in region["items"]] == ["Газпром"]
    bad_sort = client.get("/api/v1/organizations", params={"sort": "password"})
    assert bad_sort.status_code == 422 and bad_sort.json()["error"]["field"] == "sort"


def test_duplicate_inn_is_conflict_naming_field(client: Any) -> None:
    assert client.post("/api/v1/organizations", json=KAMAZ).status_code == 201
    again = client.post("/api/v1/organizations", json={**KAMAZ, "name": "КАМАЗ-2", "ogrn": None})
    assert again.status_code == 409
    error = again.json()["error"]
    assert error["code"] == "conflict" and error["field"] == "inn"
    assert _count_orgs() == 1


def test_invalid_inn_is_refused_and_nothing_written(client: Any) -> None:
    bad = client.post("/api/v1/organizations", json={**KAMAZ, "inn": "1650032059"})
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "inn"
    assert _count_orgs() == 0


def test_invalid_unp_and_ogrn_name_their_fields(client: Any) -> None:
    bad_unp = client.post(
        "/api/v1/organizations", json={"name": "Тест", "country": "BY", "unp": "600122611"}
    )
    assert bad_unp.status_code == 422 and bad_unp.json()["error"]["field"] == "unp"
    bad_ogrn = client.post("/api/v1/organizations", json={"name": "Тест", "ogrn": "1021602013972"})
    assert bad_ogrn.status_code == 422 and bad_ogrn.json()["error"]["field"] == "ogrn"
    assert _count_orgs() == 0


def test_shape_validation_names_field(client: Any) -> None:
    response = client.post("/api/v1/organizations", json={"name": "", "kind": "bank"})
    assert response.status_code == 422
    body = response.json()["error"]
    assert body["code"] == "validation_error"
    fields = {e["field"] for e in body["details"]["errors"]}
    assert {"name", "kind"} <= fields
    unknown = client.post("/api/v1/organizations", json={"name": "X", "colour": "red"})
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "colour"
    region = client.post("/api/v1/organizations", json={"name": "X", "region_code": "RU-XXX"})
    assert region.status_code == 422 and region.json()["error"]["field"] == "region_code"


def test_stale_update_is_refused(client: Any) -> None:
    org = client.post("/api/v1/organizations", json=KAMAZ).json()
    first = client.patch(f"/api/v1/organizations/{org['id']}", json={"version": 1, "city": "A"})
    assert first.status_code == 200
    stale = client.patch(f"/api/v1/organizations/{org['id']}", json={"version": 1, "city": "B"})
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "stale_version"
    assert client.get(f"/api/v1/organizations/{org['id']}").json()["city"] == "A"
    stale_delete = client.delete(f"/api/v1/organizations/{org['id']}", params={"version": 1})
    assert stale_delete.status_code == 409


def test_persons_ownership_products(client: Any) -> None:
    org = client.post("/api/v1/organizations", json=KAMAZ).json()
    person = client.post(
        "/api/v1/persons",
        json={
            "full_name": "Иван Петров",
            "roles": [
                {"role": "генеральный директор", "organization_id": org["id"]},
                {"role": "депутат", "region_code": "RU-TA"},
            ],
        },
    )
    assert person.status_code == 201, person.text
    p = person.json()
    assert p["last_name"] == "Петров" and len(p["roles"]) == 2
    by_org = client.get("/api/v1/persons", params={"organization_id": org["id"]}).json()
    assert by_org["total"] == 1

    share = client.post(
        "/api/v1/ownerships",
        json={
            "organization_id": org["id"],
            "owner_kind": "person",
            "owner_name": "Учредитель",
            "owner_country": "112",
            "share_percent": 33.33,
        },
    )
    assert share.status_code == 201, share.text
    assert client.get("/api/v1/ownerships", params={"owner_country": "112"}).json()["total"] == 1
    bad_share = client.post(
        "/api/v1/ownerships", json={"organization_id": org["id"], "share_percent": 140}
    )
    assert bad_share.status_code == 422 and bad_share.json()["error"]["field"] == "share_percent"
    bad_country = client.post(
        "/api/v1/ownerships", json={"organization_id": org["id"], "owner_country": "999"}
    )
    assert bad_country.status_code == 422
    assert bad_country.json()["error"]["field"] == "owner_country"

    product = client.post(
        "/api/v1/products", json={"name": "Автобус", "okpd2": "29.10.30", "maker_id": org["id"]}
    )
    assert product.status_code == 201
    assert client.get("/api/v1/products", params={"okpd2": "29.10"}).json()["total"] == 1
    orphan = client.post("/api/v1/products", json={"name": "Ничей", "maker_id": 999999})
    assert orphan.status_code == 422 and orphan.json()["error"]["field"] == "maker_id"


def test_reference_data_is_served(client: Any) -> None:
    smolensk = client.get("/api/v1/regions", params={"q": "RU-SMO"}).json()["items"]
    assert smolensk and smolensk[0]["fns_code"] == "67"
    by = client.get("/api/v1/regions", params={"country": "BY", "page_size": 100}).json()
    assert by["total"] >= 7


def test_openapi_is_published(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/v1/organizations",
        "/api/v1/links",
        "/api/v1/projects",
        "/api/v1/agreements",
        "/api/v1/commitments",
        "/api/v1/indicators",
    ):
        assert path in spec["paths"]
