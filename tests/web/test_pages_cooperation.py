"""Links, projects, agreements with commitments, and indicators pages, on both databases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from web_html import all_text, by_id, page, text
from web_story import Seeded

from soyuzprom.cooperation.models import Commitment
from soyuzprom.core.history import audit_of
from soyuzprom.db import session_scope


def test_links_by_type_with_russian_labels(web: Any) -> None:
    doc = page(web.get("/links"))
    tabs = all_text(doc, "//nav[@class='tabs']/a")
    assert tabs == ["Все 4", "поставка 2", "совместное производство 1", "сервисный центр 1",
                    "совместное предприятие 0", "инвестиционный проект 0"]
    assert len(doc.xpath("//tbody/tr")) == 4
    service = page(web.get("/links", params={"type": "service_center"}))
    rows = all_text(service, "//tbody/tr")
    assert rows == ["сервисный центр Минский автомобильный завод "
                    "Смоленский автобусный сборочный центр сервис автобусов действует —"]
    current = all_text(service, "//nav[@class='tabs']/a[@aria-current='page']")
    assert current == ["сервисный центр 1"]
    # A supply to a region names the region at the receiving end.
    supply = all_text(page(web.get("/links", params={"type": "supply"})), "//tbody/tr")
    assert any("Вяземский машиностроительный завод Республика Беларусь прачечное" in r
               for r in supply)
    # An unknown type is no filter at all rather than an error.
    assert len(page(web.get("/links", params={"type": "teleport"})).xpath("//tbody/tr")) == 4


def test_projects_with_stage_history(web: Any, seeded: Seeded) -> None:
    doc = page(web.get("/projects"))
    project = by_id(doc, f"project-{seeded.project}")
    assert "Сборка автобусов в Смоленске строительство" in project
    assert "Объём 1,5 млрд ₽" in project and "Рабочие места 120" in project
    assert "Минский автомобильный завод (технологический партнёр)" in project
    history = all_text(doc, f"//article[@id='project-{seeded.project}']//ol[@class='timeline']/li")
    assert [h.split(" ", 1)[1] for h in history] == [
        "планируется", "строительство — начато строительство цеха",
    ]
    assert page(web.get("/projects", params={"stage": "operating"})).xpath("//article") == []


def test_agreements_mark_overdue_commitments(web: Any, seeded: Seeded) -> None:
    doc = page(web.get("/agreements"))
    overdue = doc.get_element_by_id(f"commitment-{seeded.overdue_commitment}")
    done = doc.get_element_by_id(f"commitment-{seeded.done_commitment}")
    assert "overdue" in overdue.get("class") and "просрочено" in text(overdue)
    assert "overdue" not in (done.get("class") or "")   # past its date but done
    assert "Вяземский машиностроительный завод 31.12.2025" in text(overdue)
    assert text(done).startswith("Открыть сервисный центр в Смоленске Минский автомобильный завод")
    assert "Смоленская область" in text(doc)     # a region as the owner
    header = text(doc.xpath("//article[@class='panel agreement']/header")[0])
    assert "встреча, 20.10.2025, Минск" in header
    only = page(web.get("/agreements", params={"overdue": "1"}))
    assert [r.get("id") for r in only.xpath("//tbody/tr")] == [
        f"commitment-{seeded.overdue_commitment}"
    ]


def _version(commitment_id: int) -> int:
    with session_scope() as s:
        return int(s.scalar(select(Commitment.version).where(Commitment.id == commitment_id)) or 0)


def test_change_commitment_status(web: Any, seeded: Seeded) -> None:
    cid = seeded.overdue_commitment
    version = _version(cid)
    response = web.post(f"/commitments/{cid}/status",
                        data={"status": "done", "version": str(version)}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/agreements?changed={cid}#agreement-")
    doc = page(web.get(response.headers["location"]))
    assert "Статус поручения изменён" in text(doc.xpath("//div[@role='status']")[0])
    row = doc.get_element_by_id(f"commitment-{cid}")
    assert row.xpath(".//option[@selected]/@value") == ["done"]
    assert "overdue" not in row.get("class")
    with session_scope() as s:
        trail = audit_of(s, "commitments", cid)
    assert trail[-1]["author"] == "web" and trail[-1]["after"] == {"status": "done"}
    # The dashboard no longer lists it.
    assert "Подготовить план поставок сушилок" not in web.get("/").text


def test_stale_or_invalid_status_change_is_refused_by_the_commitment(web: Any,
                                                                     seeded: Seeded) -> None:
    cid = seeded.overdue_commitment
    old = _version(cid)
    assert web.post(f"/commitments/{cid}/status", data={"status": "in_progress",
                                                          "version": str(old)},
                    follow_redirects=False).status_code == 303
    stale = web.post(f"/commitments/{cid}/status", data={"status": "cancelled",
                                                          "version": str(old)})
    assert stale.status_code == 409
    assert "изменена другим пользователем" in by_id(page(stale), f"err-status-{cid}")
    invalid = web.post(f"/commitments/{cid}/status", data={"status": "forgotten",
                                                            "version": str(old + 1)})
    assert invalid.status_code == 422
    assert by_id(page(invalid), f"err-status-{cid}") == "Выберите значение из списка"
    assert _version(cid) == old + 1
    assert web.post("/commitments/999999/status", data={"status": "done"}).status_code == 404


def test_indicators_table(web: Any) -> None:
    doc = page(web.get("/indicators"))
    rows = all_text(doc, "//table[@class='indicators']/tbody/tr")
    assert len(rows) == 3
    turnover = [r for r in rows if "294 млрд ₽" in r]
    assert turnover == ["Товарооборот Смоленская область Республика Беларусь 2024 г. 294 млрд ₽ "
                        "294 000 000 000 российские рубли RUB Смоленщина и Беларусь: итоги года "
                        "в цифрах, Тестовая областная газета, 21.10.2025"]
    assert any("более 50 млрд $ 50 000 000 000 доллары США USD" in r for r in rows)
    # The exact figure is not repeated when the shown value already is exact.
    assert any("около 5000 единицы count" in r for r in rows)
    chosen = page(web.get("/indicators", params={"metric": "enterprises_with_belarusian_capital"}))
    assert all_text(chosen, "//table[@class='indicators']/tbody/tr/td[1]") == [
        "Предприятия с белорусским капиталом"
    ]
