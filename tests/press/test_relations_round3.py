"""Tables of Russian sentences (written for these tests) -> typed relations and relevance,
round 3: trade flows with named goods, words that refer back to a region, visits,
delegations, descriptions in relative clauses, and the link relevance needs."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor

FRAME = ("Псковская область и Республика Беларусь развивают промышленное сотрудничество. "
         "Товарооборот Псковской области с Витебской областью растёт. ")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _relations(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in extractor.extract(FRAME + text).relations}


FOUND = [
    # a region's export with the goods listed after "составляют" goes to the other country
    ("Экспорт Псковской области в республику, основу которого составляют льноволокно, "
     "пиломатериалы и кабели, вырос на 8%.",
     ("supply", "Псковская область", "Республика Беларусь")),
    # the sentence names no party: the text's region exports to the other country
    ("Основу экспорта составили электротехническая продукция, лён и молочные продукты.",
     ("supply", "Псковская область", "Республика Беларусь")),
    # "белорусского импорта": the country adjective is where the goods come from
    ("Основу белорусского импорта составляют тракторы, шины и мебель.",
     ("supply", "Республика Беларусь", "Псковская область")),
    # "в регион": the bare region noun refers back to the text's main region
    ("За два года Гомсельмаш поставил в регион 40 кормоуборочных комбайнов.",
     ("supply", "Гомсельмаш", "Псковская область")),
    # a legal form names a company even after a place noun
    ("На производственной площадке ООО «Великолукская машиностроительная компания» начата "
     "сборка погрузчиков «Амкодор».",
     ("joint_production", "Амкодор", "Великолукская машиностроительная компания")),
    # a delegation's visit to a region: the region is the counterpart, not only the place
    ("Делегация Псковской области находилась с рабочим визитом в Витебской области.",
     ("meeting", "Псковская область", "Витебская область")),
    # the delegation, not the official named in the relative clause that describes it
    ("Губернатор Псковской области Михаил Ведерников встретился с делегацией Витебской "
     "области, которую возглавил заместитель председателя Витебского облисполкома Иван "
     "Кольцов.",
     ("meeting", "Псковская область", "Витебская область")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[e[0] for _, e in FOUND])
def test_relation_found(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    found = _relations(extractor, text)
    typ, src, dst = expected
    symmetric = typ in ("meeting", "agreement", "joint_venture")
    assert expected in found or (symmetric and (typ, dst, src) in found), found


NOT_FOUND = [
    # trade with no goods named is a figure, not a supply
    ("Экспорт Псковской области в Беларусь вырос на 12%.", "supply"),
    # "на экспорт": abroad in general, no partner
    ("Великолукский льнозавод отправил на экспорт 300 тонн льноволокна.", "supply"),
    # the talks are the setting of the agreement signed after them
    ("По итогам переговоров подписано соглашение между Правительством Псковской области и "
     "Витебским облисполкомом.", "meeting"),
]


@pytest.mark.parametrize(("text", "typ"), NOT_FOUND, ids=[t for t, _ in NOT_FOUND])
def test_no_relation(extractor: Extractor, text: str, typ: str) -> None:
    sentence = _relations(extractor, text) - _relations(extractor, "")
    assert not {r for r in sentence if r[0] == typ}, sentence


def test_export_trigger_does_not_hide_a_delivery(extractor: Extractor) -> None:
    """A trade flow named in passing leaves the sentence's own delivery verb its trigger."""
    found = _relations(extractor, "Доля России в экспорте ОАО «Гомельский литейный завод» "
                                  "превышает 70%, а в 2024 году завод отгрузил ОАО "
                                  "«Псковэлектросвар» 900 тонн отливок.")
    assert ("supply", "Гомельский литейный завод", "Псковэлектросвар") in found, found


def test_relevance_needs_a_link_between_the_sides(extractor: Extractor) -> None:
    """Both sides named, economic words, but nothing links them: not relevant."""
    text = ("В Пскове открылась выставка работ мастеров из Гомельской и Брестской областей. "
            "На выставке представлены изделия из соломы и льна. Выставка организована при "
            "поддержке министерства культуры Псковской области. Выставка работает до мая, "
            "вход на выставку свободный.")
    assert not extractor.extract(text).relevant
    linked = text + " Товарооборот Псковской области с Беларусью вырос на 5%."
    assert extractor.extract(linked).relevant
