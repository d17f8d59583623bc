"""The pages over the packaged demo region (Smolensk and Belarus), on both databases."""

from __future__ import annotations

from typing import Any

from web_html import all_text, page, text

from soyuzprom.db import session_scope
from soyuzprom.demo import load_demo


def test_demo_region_through_the_pages(client: Any) -> None:
    with session_scope() as session:
        load_demo(session)
    cards = all_text(page(client.get("/")), "//article[@class='indicator-card']")
    turnover = [c for c in cards if "294 млрд ₽" in c]
    assert len(turnover) == 1
    assert "Смоленская область — Республика Беларусь, 2024 г." in turnover[0]
    assert "Смоленская народная газета, 21.10.2025" in turnover[0]
    assert any("Место по товарообороту 3-е место" in c for c in cards)
    assert any("около 5000" in c for c in cards)
    assert any("более 100 млрд ₽" in c for c in cards)

    found = page(client.get("/organizations", params={"q": "Вяземский"}))
    link = found.xpath("//table[@class='list']//tbody//td[1]/a")
    assert [text(a) for a in link] == ["Вяземский машиностроительный завод"]
    card = page(client.get(link[0].get("href")))
    counterparts = all_text(card, "//section[@aria-labelledby='h-links']//tbody/tr/td[3]")
    assert "Оршанский льнокомбинат" in counterparts and "МотоВелоЗавод" in counterparts
    assert "Смоленская народная газета" in text(
        card.xpath("//section[@aria-labelledby='h-provenance']")[0])
