"""Russian sentences (written for these tests) -> organizations and persons, round 4: a
sentence-initial capital on a dictionary adjective, a quoted name in two cases, a byline
with "Подготовила", a place adjective that natasha takes for a surname, and a surname
whose "ё" decides its reading."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor


def test_sentence_initial_common_adjective_names_no_organization(extractor: Extractor) -> None:
    found = extractor.extract(
        "Горно-обогатительный комбинат в Костомукше выпускает окатыши для металлургов. "
        "Оршанский льнокомбинат поставляет ткани в Смоленскую область.").organizations
    assert "Горно-обогатительный комбинат" not in found
    assert "Оршанский льнокомбинат" in found


def test_quoted_name_in_two_cases_is_one_organization(extractor: Extractor) -> None:
    found = extractor.extract(
        "АО «Уральский бетон» открыло склад в Гомеле. Директор «Уральского бетона» Иван "
        "Петров рассказал о планах поставок в Беларусь.").organizations
    assert "Уральский бетон" in found and "Уральского бетона" not in found


def test_byline_with_a_verb_is_no_person(extractor: Extractor) -> None:
    persons = extractor.extract(
        "Губернатор Смоленской области Василий Анохин встретился с белорусской делегацией."
        "\n\nПодготовила Мария Лебедева").persons
    assert [p.name for p in persons] == ["Василий Анохин"]


def test_place_adjective_of_an_enterprise_name_is_no_person(extractor: Extractor) -> None:
    persons = extractor.extract(
        "ОАО «Слуцкий сахарорафинадный комбинат» закупает свёклу у хозяйств Слуцкого и "
        "Копыльского районов. Директор комбината Павел Орлов доволен урожаем.").persons
    assert [p.name for p in persons] == ["Павел Орлов"]


def test_surname_with_yo_keeps_its_surname_reading(extractor: Extractor) -> None:
    persons = extractor.extract(
        "Делегация Самарской области провела переговоры с заместителем председателя "
        "Витебского облисполкома Анатолием Шершнёвым.").persons
    assert [p.name for p in persons] == ["Анатолий Шершнёв"]


def test_case_variant_takes_the_form_after_the_legal_form(extractor: Extractor) -> None:
    # pymorphy reads "агротехника" also as the genitive of "агротехник"
    found = extractor.extract(
        "Дилером МТЗ в регионе стало ООО «Смоленская агротехника». Склад «Смоленской "
        "агротехники» открылся в Ярцеве.").organizations
    assert "Смоленская агротехника" in found and "Смоленский агротехник" not in found


@pytest.mark.parametrize(("text", "body"), [
    ("Глава Удмуртии встретился с Чрезвычайным и Полномочным Послом Республики Беларусь в "
     "Российской Федерации Дмитрием Кругловым.",
     "Посольство Республики Беларусь в Российской Федерации"),
    ("Губернатор Гродненской области принял посла России в Беларуси Олега Смирнова.",
     "Посольство Российской Федерации в Республике Беларусь"),
    ("Генеральный консул Республики Беларусь в Нижнем Новгороде Анна Белова открыла выставку "
     "белорусских товаров.",
     "Генеральное консульство Республики Беларусь в Нижнем Новгороде"),
])
def test_a_diplomat_stands_for_the_mission_named_or_not(extractor: Extractor, text: str,
                                                        body: str) -> None:
    found = extractor.extract(text)
    assert body in found.organizations
    assert "Республика Беларусь" in found.regions  # the countries stay regions of the text
    assert len(found.persons) == 1


def test_a_meeting_with_an_ambassador_is_with_the_embassy(extractor: Extractor) -> None:
    found = extractor.extract(
        "Глава Удмуртской Республики встретился с Чрезвычайным и Полномочным Послом Республики "
        "Беларусь в Российской Федерации Дмитрием Кругловым.")
    pairs = {(r.type, frozenset((r.source, r.target))) for r in found.relations}
    assert ("meeting", frozenset(("Удмуртская Республика",
                                  "Посольство Республики Беларусь в Российской Федерации"))) \
        in pairs


def test_shipping_company_and_descriptor_before_a_quoted_name(extractor: Extractor) -> None:
    found = extractor.extract(
        "Соглашение подписали Астраханским судостроительным заводом «Красные Баррикады» и "
        "Белорусским речным пароходством.").organizations
    assert "Белорусское речное пароходство" in found and "Красные Баррикады" in found
    assert "Астраханский судостроительный завод" not in found
