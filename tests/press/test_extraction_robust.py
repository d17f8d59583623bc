"""Any text, however odd, gives a valid result whose offsets point into the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soyuzprom.press.extraction import Extractor

_SAMPLE = (
    "Минский тракторный завод ОАО «Гомсельмаш» поставит Смоленской области 12,5% 294 млрд "
    "рублей около трети третье место в 2024 году от 5 до 7 « » „ “ \" — – - ( ) . , : ; ! ? "
    "МАЗ-5440 Анохин Василий губернатор Беларусь России РФ Кубань 1 000 тыс. руб. $ € abc Ёё "
    "ООО соглашение подписали встреча сервисный центр совместное предприятие сборка "
    "январе-сентябре прошлом к 2030 две трети пятая часть"
)
WORDS = (*_SAMPLE.split(), "\n", "\r\n")

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(max_size=200),
)


@pytest.mark.parametrize("text", [
    "Минский тракторный завод", "Оршанский льнокомбинат", "Правительство", "глава Минпромторга",
    "ОАО «", "«Гомсельмаш", "294 млрд", "третье", "в январе-", "Смоленская", "МАЗ-",
])
def test_texts_that_end_abruptly(extractor: Extractor, text: str) -> None:
    assert isinstance(extractor.extract(text).to_json()["organizations"], list)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_gives_a_valid_result(extractor: Extractor, text: str) -> None:
    data = extractor.extract(text).to_json()
    assert isinstance(data["relevant"], bool)
    for fig in data["figures"]:
        assert text[fig["start"]:fig["end"]] == fig["evidence"]
        assert fig["unit"] in {"RUB", "USD", "EUR", "BYN", "%", "units", "persons", "rank"}
    for rel in data["relations"]:
        assert text[rel["start"]:rel["end"]].strip() == rel["evidence"]
        assert rel["from"] != rel["to"]
        assert {rel["from"], rel["to"]} <= set(data["organizations"]) | set(data["regions"])
    for m in data["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    if not data["relevant"]:
        assert data["relations"] == [] and data["figures"] == []
