"""Localization through the real app on SQLite and PostgreSQL: rulebook CRUD, score, plan."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from soyuzprom.localization.yamlio import parse_yaml

FIXTURES = Path(__file__).parent / "fixtures"
RULEBOOK_YAML = (FIXTURES / "fixture_apron_bus_rulebook.yaml").read_text(encoding="utf-8")
PRODUCT_YAML = (FIXTURES / "apron_bus_smolensk.yaml").read_text(encoding="utf-8")
# The documents as JSON: our parser keeps dates as strings, as the format wants.
RULEBOOK = parse_yaml(RULEBOOK_YAML, "rulebook").data
PRODUCT = parse_yaml(PRODUCT_YAML, "product").data
BASE = "/api/v1/localization"


def test_rulebook_crud(client: Any) -> None:
    created = client.post(f"{BASE}/rulebooks", json={"yaml": RULEBOOK_YAML},
                          headers={"X-Author": "analyst"})
    assert created.status_code == 201, created.text
    row = created.json()
    assert (row["key"], row["status"], row["complete"], row["version"]) == (
        "fixture-apron-bus", "fixture", True, 1)
    assert row["source"]["author"] == "analyst"

    listed = client.get(f"{BASE}/rulebooks", params={"status": "fixture"}).json()
    assert [r["key"] for r in listed["items"]] == ["fixture-apron-bus"]

    changed = copy.deepcopy(RULEBOOK)
    changed["version"] = "fixture-2"
    changed["groups"][0]["thresholds"][0]["points"] = 1000
    updated = client.patch(f"{BASE}/rulebooks/{row['id']}",
                           json={"document": changed, "version": 1})
    assert updated.status_code == 200, updated.text
    assert updated.json()["rulebook_version"] == "fixture-2"
    assert updated.json()["version"] == 2
    assert updated.json()["document"]["groups"][0]["thresholds"][0]["points"] == 1000

    stale = client.patch(f"{BASE}/rulebooks/{row['id']}",
                         json={"document": changed, "version": 1})
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "stale_version"

    duplicate = client.post(f"{BASE}/rulebooks", json={"document": RULEBOOK})
    assert duplicate.status_code == 409
    assert duplicate.json()["error"]["field"] == "key"

    deleted = client.delete(f"{BASE}/rulebooks/{row['id']}", params={"version": 2})
    assert deleted.status_code == 204
    assert client.get(f"{BASE}/rulebooks/{row['id']}").status_code == 404


def test_invalid_rulebook_names_the_path(client: Any) -> None:
    broken = copy.deepcopy(RULEBOOK)
    broken["groups"][0]["operations"][3]["points"] = "сто"
    response = client.post(f"{BASE}/rulebooks", json={"document": broken})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "input_format_error"
    assert error["field"] == "groups[0].operations[3].points"
    assert "целое число" in error["message"]

    text = RULEBOOK_YAML.replace("alternative: frame-or-body}", "alternative: frame-or-hull}", 1)
    response = client.post(f"{BASE}/rulebooks", json={"yaml": text})
    error = response.json()["error"]
    assert response.status_code == 422
    assert error["field"] == "groups[0].operations[0].alternative"
    assert error["details"]["line"] == next(
        i for i, line in enumerate(text.splitlines(), 1) if "frame-or-hull" in line)

    both = client.post(f"{BASE}/rulebooks", json={"yaml": RULEBOOK_YAML, "document": RULEBOOK})
    assert both.status_code == 422


def test_score_and_plan_with_a_stored_rulebook(client: Any) -> None:
    row = client.post(f"{BASE}/rulebooks", json={"document": RULEBOOK}).json()
    scored = client.post(f"{BASE}/score", json={"rulebook_id": row["id"], "product": PRODUCT,
                                                "date": "2027-01-01"})
    assert scored.status_code == 200, scored.text
    data = scored.json()
    assert data["pp719"]["verdict"] == "does_not_qualify"
    assert data["pp719"]["total_points"] == 760
    assert data["eaeu"]["verdict"] == "qualifies"

    planned = client.post(f"{BASE}/plan", json={"rulebook_key": "fixture-apron-bus",
                                                "product": PRODUCT, "date": "2027-01-01",
                                                "budget": 40_000_000})
    assert planned.status_code == 200, planned.text
    plan = planned.json()
    assert plan["min_cost"]["status"] == "optimal"
    assert plan["min_cost"]["cost"] == 30_500_000
    assert plan["min_cost"]["verdict_after"] == "qualifies"
    assert plan["max_points"]["cost"] <= 40_000_000
    assert plan["max_points"]["points_after"] >= plan["min_cost"]["points_after"]
    assert plan["frontier"] is None


def test_score_with_inline_and_shipped_rulebooks(client: Any) -> None:
    inline = client.post(f"{BASE}/score", json={"rulebook": RULEBOOK, "product": PRODUCT,
                                                "date": "2027-07-01"})
    assert inline.json()["pp719"]["threshold"]["points"] == 1500

    shipped = client.post(f"{BASE}/score", json={"rulebook_key": "pp719-buses-draft",
                                                 "product": {**PRODUCT, "operations": [],
                                                             "components": [],
                                                             "candidate_actions": []},
                                                 "date": "2026-10-01"})
    assert shipped.status_code == 200, shipped.text
    data = shipped.json()
    assert data["rulebook"]["status"] == "draft"
    assert data["pp719"]["verdict"] == "indeterminate"
    assert data["pp719"]["threshold"]["points"] == 2900

    missing = client.post(f"{BASE}/score", json={"rulebook_key": "nope", "product": PRODUCT,
                                                 "date": "2027-01-01"})
    assert missing.status_code == 404


def test_bad_requests(client: Any) -> None:
    product = copy.deepcopy(PRODUCT)
    product["candidate_actions"][2]["cost"] = -1
    bad = client.post(f"{BASE}/score", json={"rulebook": RULEBOOK, "product": product,
                                             "date": "2027-01-01"})
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "candidate_actions[2].cost"

    two = client.post(f"{BASE}/score", json={"rulebook": RULEBOOK, "rulebook_key": "x",
                                             "product": PRODUCT, "date": "2027-01-01"})
    assert two.status_code == 422


def test_plan_checks_registry_suppliers(client: Any) -> None:
    maz = client.post("/api/v1/organizations", json={
        "name": "ОАО «МАЗ»", "country": "BY", "kind": "enterprise"})
    assert maz.status_code == 201, maz.text
    org_id = maz.json()["id"]

    def plan_with(supplier: dict[str, Any], country: str) -> Any:
        product = copy.deepcopy(PRODUCT)
        product["candidate_actions"][3]["supplier"] = supplier
        product["candidate_actions"][3]["country"] = country
        return client.post(f"{BASE}/plan", json={"rulebook": RULEBOOK, "product": product,
                                                 "date": "2027-01-01"})

    ok = plan_with({"organization_id": org_id}, "BY")
    assert ok.status_code == 200, ok.text
    # a Belarusian supplier for a Russia-only rule: excluded from the plan, with the reason
    assert "seats-ru" in {e["action"] for e in ok.json()["excluded_actions"]}

    wrong_country = plan_with({"organization_id": org_id}, "RU")
    assert wrong_country.status_code == 422
    assert wrong_country.json()["error"]["field"] == "candidate_actions[3].supplier"

    unknown = plan_with({"organization_id": org_id + 1000}, "RU")
    assert unknown.status_code == 404
    assert unknown.json()["error"]["field"] == "candidate_actions[3].supplier.organization_id"
