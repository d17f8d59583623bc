"""Tables of Russian sentences (written for these tests) -> typed relations, round 2:
legal-form names after goods, destinations named in the same clause."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor

from .facts import Fact, facts

FRAME = "Тульская область и Республика Беларусь развивают промышленное сотрудничество. "


def _pairs(extractor: Extractor, text: str) -> set[Fact]:
    return facts(extractor, FRAME + text)


FOUND = [
    # a legal-form name after plural goods does not decline: it is the buyer
    ("Завод «Белтрубпром» начал отгрузки труб ОАО «Тулагаз».",
     ("supply", "Белтрубпром", "Тулагаз")),
    # with the destination named, the legal-form name after goods is their maker
    ("Гродненская область поставляет в Тульскую область мебель и удобрения ОАО «Гродно Азот».",
     ("supply", "Гродно Азот", "Тульская область")),
    # "на шасси МАЗ": the indeclinable chassis is made by the brand after it; the buyers
    # received them ("получили"), the region of the frame before the colon buys
    ("В Тульской области растёт спрос на белорусскую технику: в 2024 году коммунальные "
     "службы получили 36 машин на шасси МАЗ.",
     ("supply", "Минский автомобильный завод", "Тульская область")),
    # "контракт между X и <описание> Y на поставку": the conjunct shares "между", the
    # first named supplies
    ("Подписан контракт между ОАО «Керамин» и тульской строительной компанией "
     "«Тулстройинвест» на поставку керамогранита.",
     ("supply", "Керамин", "Тулстройинвест")),
    # "X и Y заключили контракт на поставку станков": the plant whose name says the goods
    ("АО «Тулмашзавод» и ОАО «Оршанский станкостроительный завод» заключили контракт на "
     "поставку токарных станков.",
     ("supply", "Оршанский станкостроительный завод", "Тулмашзавод")),
    # "у белорусских производителей": a country adjective of those who trade names the seller
    ("ООО «Тулмаш» в прошлом году закупило у белорусских производителей 200 тонн подшипников.",
     ("supply", "Республика Беларусь", "Тулмаш")),
    # a brand after goods is still their maker
    ("Тульская область закупила 40 самосвалов БЕЛАЗ.",
     ("supply", "Белорусский автомобильный завод", "Тульская область")),
]

ABSENT = [
    # "компания «X» из Тульской области": the enterprise's home, not the host of its project
    ("Группа компаний «Тулмаш» из Тульской области приступает к реализации крупного "
     "зарубежного инвестиционного проекта.",
     ("investment_project", "Тулмаш", "Тульская область")),
    # a quantity names no goods: trade between countries is a figure
    ("В 2024 году через российские порты было отгружено свыше 9 млн тонн белорусского калия.",
     ("supply", "Республика Беларусь", "Российская Федерация")),
    # a region does not meet its own ministry
    ("Делегация Тульской области провела встречу в министерстве промышленности и торговли "
     "Тульской области.",
     ("meeting", "Тульская область", "Министерство промышленности и торговли Тульской области")),
    ("Делегация Тульской области провела встречу в министерстве промышленности и торговли "
     "Тульской области.",
     ("meeting", "Министерство промышленности и торговли Тульской области", "Тульская область")),
    ("Завод «Белтрубпром» начал отгрузки труб ОАО «Тулагаз».",
     ("supply", "Тулагаз", "Белтрубпром")),
]


@pytest.mark.parametrize(("text", "fact"), FOUND)
def test_found(extractor: Extractor, text: str, fact: Fact) -> None:
    assert fact in _pairs(extractor, text)


@pytest.mark.parametrize(("text", "fact"), ABSENT)
def test_absent(extractor: Extractor, text: str, fact: Fact) -> None:
    assert fact not in _pairs(extractor, text)
