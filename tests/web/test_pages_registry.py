"""Dashboard and organization pages through the real app, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from web_html import by_id, page, text
from web_story import INN_BUS, INN_SPARE, INN_VYAZMA, Seeded

from soyuzprom.db import session_scope
from soyuzprom.registry.models import Organization

SOURCE = "Смоленщина и Беларусь: итоги года в цифрах, Тестовая областная газета, 21.10.2025"


def _count_organizations() -> int:
    with session_scope() as s:
        return int(s.scalar(select(func.count()).select_from(Organization)) or 0)


def test_dashboard(web: Any) -> None:
    response = web.get("/")
    assert response.status_code == 200
    doc = page(response)
    assert text(doc.xpath("//h1")[0]) == "Обзор"
    stats = text(doc.xpath("//ul[@class='stats']")[0])
    assert "35 организаций" in stats and "4 связи" in stats and "1 проект" in stats
    assert "2 открытых поручения" in stats and "1 просрочено" in stats
    countries = text(doc.xpath("//section[@aria-labelledby='h-countries']")[0])
    assert "Россия 32" in countries and "Беларусь 3" in countries
    kinds = text(doc.xpath("//section[@aria-labelledby='h-links']")[0])
    assert "поставка 2" in kinds and "совместное производство 1" in kinds
    assert "сервисный центр 1" in kinds
    cards = [text(c) for c in doc.xpath("//article[@class='indicator-card']")]
    assert cards[0].startswith("Товарооборот 294 млрд ₽ Смоленская область")
    assert f"Источник: {SOURCE}" in cards[0]
    assert any("более 50 млрд $" in c for c in cards)
    assert any("около 5000" in c for c in cards)
    overdue = text(doc.xpath("//section[@aria-labelledby='h-overdue']")[0])
    assert "Подготовить план поставок сушилок" in overdue
    assert "Вяземский машиностроительный завод" in overdue and "31.12.2025" in overdue
    assert "Открыть сервисный центр" not in overdue   # done, though past its date
    assert "Согласовать локализацию" not in overdue    # due later


def test_navigation_marks_the_current_section(web: Any) -> None:
    doc = page(web.get("/organizations"))
    nav = doc.xpath("//nav[@aria-label='Основные разделы']//a")
    assert [text(a) for a in nav][:6] == [
        "Обзор", "Организации", "Связи", "Проекты", "Соглашения и поручения", "Показатели",
    ]
    assert [text(a) for a in nav if a.get("aria-current") == "page"] == ["Организации"]
    assert doc.xpath("//html/@lang") == ["ru"]


def _names(response: Any) -> list[str]:
    return [text(a) for a in page(response).xpath("//table[@class='list']//tbody//td[1]/a")]


def test_organization_search_and_filters(web: Any) -> None:
    assert _names(web.get("/organizations", params={"q": "вяземский"})) == [
        "Вяземский машиностроительный завод"
    ]
    # An alias and an INN find the organization too.
    assert _names(web.get("/organizations", params={"q": "МАЗ"})) == ["Минский автомобильный завод"]
    assert _names(web.get("/organizations", params={"q": INN_BUS})) == [
        "Смоленский автобусный сборочный центр"
    ]
    assert _names(web.get("/organizations", params={"country": "BY"})) == [
        "Минский автомобильный завод", "МотоВелоЗавод", "Оршанский льнокомбинат",
    ]
    by_region = _names(web.get("/organizations", params={"region": "BY-VI"}))
    assert by_region == ["Оршанский льнокомбинат"]
    assert _names(web.get("/organizations", params={"country": "BY", "region": "RU-SMO"})) == []
    empty = page(web.get("/organizations", params={"q": "несуществующее"}))
    assert text(empty.xpath("//p[@class='result-count']")[0]) == "Ничего не найдено"


def test_organization_pagination(web: Any) -> None:
    first = web.get("/organizations")
    second = web.get("/organizations", params={"page": "2"})
    assert len(_names(first)) == 25 and len(_names(second)) == 10
    assert not set(_names(first)) & set(_names(second))
    doc = page(first)
    assert "Найдено: 35 (показаны 1–25)" in text(doc.xpath("//p[@class='result-count']")[0])
    next_page = doc.xpath("//nav[@class='pagination']//a[@rel='next']/@href")
    assert next_page == ["/organizations?page=2"]
    filtered = page(web.get("/organizations", params={"country": "RU", "page": "2"}))
    assert filtered.xpath("//nav[@class='pagination']//a[@rel='prev']/@href") == [
        "/organizations?country=RU"
    ]
    assert web.get("/organizations", params={"page": "abc"}).status_code == 200


def test_organization_card(web: Any, seeded: Seeded) -> None:
    doc = page(web.get(f"/organizations/{seeded.vyazma}"))
    assert text(doc.xpath("//h1")[0]) == "Вяземский машиностроительный завод"
    details = text(doc.xpath("//dl[@class='details']")[0])
    assert f"ИНН {INN_VYAZMA}" in details and "Смоленская область RU-SMO" in details
    rows = [text(r) for r in doc.xpath("//section[@aria-labelledby='h-links']//tbody/tr")]
    assert "→ исходящая поставка Оршанский льнокомбинат сушилки для льна действует —" in rows
    assert "← входящая совместное производство МотоВелоЗавод мотоциклы действует —" in rows
    assert any("Республика Беларусь прачечное оборудование" in r for r in rows)
    products = text(doc.xpath("//section[@aria-labelledby='h-owners']")[0])
    assert "Сушильное оборудование для льна ОКПД2 28.93" in products
    assert "Иван Петрович Сидоров — генеральный директор" in products
    sources = text(doc.xpath("//section[@aria-labelledby='h-provenance']")[0])
    assert SOURCE in sources
    assert "ИНН" in sources and "Ключ названия" not in sources
    audit = text(doc.xpath("//section[@aria-labelledby='h-audit']")[0])
    assert "создание · редактор" in audit
    agreements = text(doc.xpath("//section[@aria-labelledby='h-agreements']")[0])
    assert "Встреча на выставке «ИННОПРОМ. Беларусь» 20.10.2025" in agreements


def test_belarusian_capital_is_recognised_by_oksm_code(web: Any, seeded: Seeded) -> None:
    doc = page(web.get(f"/organizations/{seeded.bus}"))
    assert "Белорусский капитал" in text(doc.xpath("//p[@class='tags']")[0])
    owners = doc.xpath("//ul[@class='owners']/li")
    assert [o.get("class") for o in owners] == ["foreign-by", ""]
    assert "Минский автомобильный завод 51 % Беларусь · ОКСМ 112" in text(owners[0])
    assert "Инвестор из Москвы 49 % Россия · ОКСМ 643" in text(owners[1])
    plain_card = page(web.get(f"/organizations/{seeded.vyazma}"))
    assert "Белорусский капитал" not in text(plain_card.xpath("//p[@class='tags']")[0])


def test_missing_organization_is_a_russian_404_page(web: Any) -> None:
    response = web.get("/organizations/999999")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "Организация: запись 999999 не найдена" in text(page(response).xpath("//main")[0])
    assert web.get("/nowhere").status_code == 404
    assert "Страница не найдена" in web.get("/nowhere").text
    api = web.get("/api/v1/organizations/999999")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"


def _form(**values: str) -> dict[str, str]:
    base = {"name": "", "short_name": "", "full_name": "", "kind": "enterprise",
            "legal_form": "", "country": "RU", "region_code": "", "city": "", "address": "",
            "inn": "", "kpp": "", "ogrn": "", "unp": "", "okved_main": "", "website": "",
            "description": "", "aliases": ""}
    return {**base, **values}


def test_create_organization(web: Any) -> None:
    response = web.post("/organizations/new", data=_form(
        name="Ярцевский литейный завод", region_code="RU-SMO", inn=INN_SPARE,
        aliases="ЯЛЗ\nЛитейный завод Ярцево"), follow_redirects=False)
    assert response.status_code == 303
    card = page(web.get(response.headers["location"]))
    assert text(card.xpath("//h1")[0]) == "Ярцевский литейный завод"
    assert "Изменения сохранены" in text(card.xpath("//div[@role='status']")[0])
    assert "ЯЛЗ, Литейный завод Ярцево" in text(card.xpath("//dl[@class='details']")[0])
    assert "создание · web" in text(card.xpath("//section[@aria-labelledby='h-audit']")[0])


def test_invalid_inn_is_shown_next_to_the_field_and_nothing_is_written(web: Any) -> None:
    before = _count_organizations()
    response = web.post("/organizations/new", data=_form(name="Новый завод", inn="6722000121"))
    assert response.status_code == 422
    doc = page(response)
    assert "контрольн" in by_id(doc, "err-inn").lower()
    field = doc.get_element_by_id("f-inn")
    assert field.get("aria-invalid") == "true" and field.get("value") == "6722000121"
    assert "err-inn" in field.get("aria-describedby")
    assert doc.get_element_by_id("f-name").get("value") == "Новый завод"   # input kept
    assert "ИНН" in by_id(doc, "form-errors")
    assert _count_organizations() == before


def test_duplicate_inn_and_blank_name(web: Any) -> None:
    duplicate = web.post("/organizations/new", data=_form(name="Двойник", inn=INN_VYAZMA))
    assert duplicate.status_code == 409
    assert INN_VYAZMA in by_id(page(duplicate), "err-inn")
    blank = web.post("/organizations/new", data=_form(name="   "))
    assert blank.status_code == 422
    assert by_id(page(blank), "err-name") == "Заполните поле"


def test_edit_organization(web: Any, seeded: Seeded) -> None:
    form_page = page(web.get(f"/organizations/{seeded.orsha}/edit"))
    version = form_page.xpath("//input[@name='version']/@value")[0]
    assert form_page.get_element_by_id("f-unp").get("value") == "600122610"
    region = form_page.xpath("//select[@name='region_code']/optgroup/option[@selected]/@value")
    assert region == ["BY-VI"]
    response = web.post(f"/organizations/{seeded.orsha}/edit", data=_form(
        name="Оршанский льнокомбинат", country="BY", region_code="", unp="600122610",
        city="Орша", aliases="Оршанский льнозавод", version=version), follow_redirects=False)
    assert response.status_code == 303
    card = page(web.get(f"/organizations/{seeded.orsha}"))
    details = text(card.xpath("//dl[@class='details']")[0])
    assert "Город Орша" in details and "Регион —" in details   # the region was cleared
    audit = text(card.xpath("//section[@aria-labelledby='h-audit']")[0])
    assert "изменение · web" in audit and "Город: — → Орша" in audit


def test_stale_edit_is_refused_with_a_clear_message(web: Any, seeded: Seeded) -> None:
    version = page(web.get(f"/organizations/{seeded.moto}/edit")).xpath(
        "//input[@name='version']/@value")[0]
    first = web.post(f"/organizations/{seeded.moto}/edit", data=_form(
        name="МотоВелоЗавод", country="BY", region_code="BY-HM", unp="100217336",
        city="Минск", version=version), follow_redirects=False)
    assert first.status_code == 303
    stale = web.post(f"/organizations/{seeded.moto}/edit", data=_form(
        name="МотоВелоЗавод", country="BY", region_code="BY-HM", unp="100217336",
        city="Гомель", version=version))
    assert stale.status_code == 409
    doc = page(stale)
    notice = by_id(doc, "stale-notice")
    assert "Запись уже изменил другой пользователь — ваши изменения не сохранены" in notice
    assert f"версия {int(version) + 1}" in notice
    assert doc.get_element_by_id("f-city").get("value") == "Гомель"   # what the user typed
    assert "Город Минск" in text(page(web.get(f"/organizations/{seeded.moto}")).xpath(
        "//dl[@class='details']")[0])
