"""The press routes through the real app, and the review CLI, on the real databases."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from soyuzprom.press.review_cli import app as cli_app

from .conftest import FIXTURES, seed_registry

API = "/api/v1/press"
TEXT = (FIXTURES / "news" / "maz_bryansk.txt").read_text("utf-8")


def test_ingest_list_accept_reject_over_http(client: Any, engine: Engine,
                                             extractor: Any) -> None:
    ids = seed_registry(engine)
    created = client.post(f"{API}/ingest", json={
        "text": TEXT, "publisher": "Брянские известия", "published": "2025-04-10",
        "url": "https://bryansk-izvestia.example/maz"})
    assert created.status_code == 201, created.text
    outcome, = created.json()["outcomes"]
    assert outcome["status"] == "created" and outcome["claims"] > 0
    document_id = outcome["document_id"]
    again = client.post(f"{API}/ingest", json={"text": TEXT})
    assert again.json()["outcomes"][0]["status"] == "unchanged"

    documents = client.get(f"{API}/documents").json()
    assert documents["total"] == 1
    assert documents["items"][0]["claims"] == {"pending": outcome["claims"]}
    card = client.get(f"{API}/documents/{document_id}").json()
    assert (card["publisher"], card["published"]) == ("Брянские известия", "2025-04-10")
    assert card["title"] == "Автобусы МАЗ выйдут на маршруты Брянска"
    assert card["meta"]["relevant"] is True

    relations = client.get(f"{API}/claims", params={"kind": "relation", "status": "pending",
                                                     "document_id": document_id}).json()
    supply, = [c for c in relations["items"] if c["payload"]["type"] == "supply"]
    assert supply["payload"]["from_ref"]["id"] == ids["Минский автомобильный завод"]
    assert supply["payload"]["to_ref"]["kind"] == "region"

    accepted = client.post(f"{API}/claims/{supply['id']}/accept",
                           headers={"X-Author": "sidorov"},
                           json={"payload": {"object": "городские автобусы МАЗ"}})
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert (body["status"], body["reviewed_by"], body["result_type"]) == (
        "accepted", "sidorov", "links")
    link = client.get(f"/api/v1/links/{body['result_id']}").json()
    assert link["object"] == "городские автобусы МАЗ"
    assert link["to_region_id"] is not None and link["to_organization_id"] is None

    twice = client.post(f"{API}/claims/{supply['id']}/accept", json={})
    assert twice.status_code == 409
    assert twice.json()["error"]["field"] == "status"

    figure = client.get(f"{API}/claims", params={"kind": "figure"}).json()["items"][0]
    rejected = client.post(f"{API}/claims/{figure['id']}/reject",
                           headers={"X-Author": "sidorov"},
                           json={"reason": "число машин, а не показатель региона"})
    assert rejected.status_code == 200
    assert (rejected.json()["status"], rejected.json()["review_note"]) == (
        "rejected", "число машин, а не показатель региона")
    assert client.get(f"{API}/claims", params={"status": "rejected"}).json()["total"] == 1

    assert client.post(f"{API}/claims/999999/accept").status_code == 404
    assert client.post(f"{API}/ingest", json={"title": "без текста"}).status_code == 422
    assert client.get(f"{API}/claims", params={"status": "нет"}).json()["total"] == 0


def test_ingest_feed_url_over_http(client: Any, http_base: str, extractor: Any) -> None:
    created = client.post(f"{API}/ingest", json={"url": f"{http_base}/atom_news.xml"})
    assert created.status_code == 201, created.text
    assert [o["status"] for o in created.json()["outcomes"]] == ["created", "created"]
    missing = client.post(f"{API}/ingest", json={"url": f"{http_base}/nothing.xml"})
    assert missing.status_code == 502
    assert "404" in missing.json()["error"]["message"]


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli_app, list(args))
    return result


def test_review_cli(sqlite_only: Engine, extractor: Any) -> None:
    seed_registry(sqlite_only)
    ingested = run("ingest", str(FIXTURES / "news" / "vyazma_orsha.txt"), "--json",
                   "--published", "2025-03-14")
    assert ingested.exit_code == 0, ingested.output
    listed = run("claims", "list", "--kind", "relation", "--json")
    items = json.loads(listed.output)["items"]
    supply, = [c for c in items if c["payload"]["type"] == "supply"]
    agreement, = [c for c in items if c["payload"]["type"] == "agreement"]

    accepted = run("claims", "accept", str(supply["id"]), "--set", "status=planned",
                   "--author", "petrova", "--json")
    assert accepted.exit_code == 0, accepted.output
    out = json.loads(accepted.output)
    assert (out["status"], out["result_type"], out["payload"]["status"]) == (
        "accepted", "links", "planned")

    rejected = run("claims", "reject", str(agreement["id"]), "--reason", "дубль",
                   "--author", "petrova", "--json")
    assert json.loads(rejected.output)["review_note"] == "дубль"
    again = run("claims", "reject", str(agreement["id"]), "--json")
    assert again.exit_code == 4

    table = run("claims", "list", "--status", "pending")
    assert table.exit_code == 0 and "Утверждения" in table.output
    docs = json.loads(run("documents", "list", "--json").output)
    assert docs["items"][0]["claims"]["accepted"] == 1
    shown = json.loads(run("documents", "show", str(docs["items"][0]["id"]), "--json").output)
    assert shown["text"].startswith("Вяземский машзавод отправит оборудование")
