"""Tables of Russian sentences (written for these tests) -> typed relations, round 5: who a
dealer is. A name in apposition to "дилер" is the dealer's own ("через дилера «X»", "его
дилер в регионе компания «X»"); a genitive after the word names the maker; a bare "дилер"
states no dealership and refers back to the dealer named before."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor

from .facts import Fact, facts, has_fact

FOUND = [
    # the maker sells through the dealer named in apposition
    ("Минский тракторный завод продал в Тверской области через дилера «Тверьагротехника» 140 "
     "тракторов.",
     ("supply", "Минский тракторный завод", "Тверьагротехника")),
    ("Белорусский холдинг «Амкодор» и его официальный дилер в Калужской области компания "
     "«Калугаспецмаш» открыли сервисный центр для погрузчиков.",
     ("supply", "Амкодор", "Калугаспецмаш")),
    ("Холдинг «Гомсельмаш» и его дилер в Орловской области ООО «Орёлагросервис» подписали "
     "контракт на поставку 20 комбайнов.",
     ("supply", "Гомсельмаш", "Орёлагросервис")),
    # a name before the word, then the maker in the genitive
    ("В Вологодской области открылся склад компании «Северагротех» — официального дилера Минского "
     "тракторного завода и Гомсельмаша в области.",
     ("supply", "Гомсельмаш", "Северагротех")),
    # a bare "дилер" refers back to the dealer named before
    ("ООО «Волгаспецтехника» — официальный дилер Белорусского автомобильного завода в "
     "Самарской области. В этом году дилер поставил АО «Самарский карьер» шесть самосвалов.",
     ("supply", "Волгаспецтехника", "Самарский карьер")),

    # generic goods ("продукция") say nothing about which side makes them
    ("Делегация Республики Саха (Якутия) побывала на Слуцком сахарорафинадном комбинате. В "
     "прошлом году комбинат отгрузил якутской торговой компании «Ленаторг-Продукт» продукции "
     "на 4 млн долларов.",
     ("supply", "Слуцкий сахарорафинадный комбинат", "Ленаторг-Продукт")),
    # "осетинское предприятие": the enterprise named after a town the vocabulary lacks
    ("Делегация Северной Осетии посетила Бобруйск. Ардонский крахмальный комбинат заключил "
     "договор с бобруйской фабрикой «Красный пищевик»: в 2026 году осетинское предприятие "
     "поставит ей патоку.",
     ("supply", "Ардонский крахмальный комбинат", "Красный пищевик")),
    # two clauses of trade, each with its own direction
    ("Делегация Бурятии провела переговоры в Гомельском облисполкоме. Из Беларуси в "
     "республику завозят молочные продукты и мебель, а бурятские компании отправляют "
     "белорусским партнёрам лес и облепиху.",
     ("supply", "Республика Беларусь", "Республика Бурятия")),
    ("Делегация Бурятии провела переговоры в Гомельском облисполкоме. Из Беларуси в "
     "республику завозят молочные продукты и мебель, а бурятские компании отправляют "
     "белорусским партнёрам лес и облепиху.",
     ("supply", "Республика Бурятия", "Республика Беларусь")),
]

NOT_FOUND = [
    # the contract is the dealer's with farms; the standing dealership is no agreement
    ("Контракты на поставку комбайнов заключены с компанией «Амурагроснаб», которая является "
     "официальным дилером Гомсельмаша в Амурской области.",
     ("agreement", "Гомсельмаш", "Амурагроснаб")),
    # goods brought from one Russian region to another are no cross-border supply
    ("Белорусский холдинг «Белгорхимпром» строит в Калмыкии стекольный завод. Песок для "
     "производства будут завозить из Астраханской области.",
     ("supply", "Астраханская область", "Республика Калмыкия")),
    # "дилер вложил": the bare word is the dealer, not a new dealership with the last maker
    ("ООО «Курскагромаш» — официальный дилер Минского тракторного завода и Гомсельмаша. В "
     "создание склада дилер вложил 50 млн рублей.",
     ("supply", "Гомсельмаш", "Курская область")),
    # the name after "через дилера" is the dealer, not the maker
    ("Минский тракторный завод продал в Тверской области через дилера «Тверьагротехника» 140 "
     "тракторов.",
     ("supply", "Тверьагротехника", "Минский тракторный завод")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[e[2] for _, e in FOUND])
def test_relation_found(extractor: Extractor, text: str, expected: Fact) -> None:
    found = facts(extractor, text)
    assert has_fact(found, expected), found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND,
                         ids=[f"{e[1]}-{e[2]}" for _, e in NOT_FOUND])
def test_relation_not_found(extractor: Extractor, text: str, unexpected: Fact) -> None:
    found = facts(extractor, text)
    assert not has_fact(found, unexpected), found
