"""Tables of Russian sentences (written for these tests) -> typed relations and relevance,
round 3: trade flows with named goods, words that refer back to a region, visits,
delegations, descriptions in relative clauses, and the link relevance needs."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor

from .facts import Fact, facts, has_fact

FRAME = ("Псковская область и Республика Беларусь развивают промышленное сотрудничество. "
         "Товарооборот Псковской области с Витебской областью растёт. ")


def _relations(extractor: Extractor, text: str) -> set[Fact]:
    return facts(extractor, FRAME + text)


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
    # a Belarusian oblast's delegation led by its executive committee is the committee
    # (round 5: most annotators list the committee once the text names it)
    ("Губернатор Псковской области Михаил Ведерников встретился с делегацией Витебской "
     "области, которую возглавил заместитель председателя Витебского облисполкома Иван "
     "Кольцов.",
     ("meeting", "Псковская область", "Витебский областной исполнительный комитет")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[e[0] for _, e in FOUND])
def test_relation_found(extractor: Extractor, text: str, expected: Fact) -> None:
    found = _relations(extractor, text)
    assert has_fact(found, expected), found


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


FOUND_MORE = [
    # a second supply verb after a clause break is a fact of its own
    ("Псковская область закупает белорусские тракторы: в 2024 году ООО «Псковкабель» "
     "поставило Минскому автомобильному заводу 300 км кабеля.",
     ("supply", "Псковкабель", "Минский автомобильный завод")),
    # the dealer noun after a delivery verb states the standing supply
    ("Технику им поставила компания «Псковагроснаб», которая с 2020 года является "
     "официальным дилером МТЗ в регионе.",
     ("supply", "Минский тракторный завод", "Псковагроснаб")),
    # a dealer contract between a Russian and a Belarusian company: the Belarusian maker
    ("Псковская компания «Севзаплестех» подписала дилерский договор с ОАО «Мозырский "
     "машиностроительный завод».",
     ("supply", "Мозырский машиностроительный завод", "Севзаплестех")),
    # a signed contract between enterprises is an agreement as well as a supply
    ("ОАО «Бабушкина крынка» подписало договор с псковской торговой сетью «Псковхлеб» на "
     "поставку сыров.",
     ("agreement", "Бабушкина крынка", "Псковхлеб")),
    # the two signatories of a contract for a supply, not the regions the goods are for
    ("Минский электротехнический завод и компания «Россети Северо-Запад» подписали контракт "
     "на поставку 200 трансформаторов для сетей Псковской и Новгородской областей.",
     ("supply", "Минский электротехнический завод", "Россети Северо-Запад")),
    # "комбинату": the enterprise whose name has that head noun
    ("Группа «Псковзерно» построит цех на площадке ОАО «Оршанский мелькомбинат». С 2022 года "
     "«Псковзерно» поставляет мелькомбинату продовольственную пшеницу.",
     ("supply", "Псковзерно", "Оршанский мелькомбинат")),
    # hosts named, visitors implied: the other side's main region meets them
    ("Гости посетили Великолукский машиностроительный завод и Псковский кабельный завод.",
     ("meeting", "Витебская область", "Великолукский машиностроительный завод")),
    # a business mission is a visit
    ("Делегация Витебской области провела бизнес-миссию в Псковской области.",
     ("meeting", "Витебская область", "Псковская область")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND_MORE, ids=[e[0] for _, e in FOUND_MORE])
def test_relation_found_more(extractor: Extractor, text: str,
                             expected: Fact) -> None:
    test_relation_found(extractor, text, expected)


def test_parties_listed_together_in_a_verbs_role_are_no_pair(extractor: Extractor) -> None:
    found = _relations(extractor, "Первые 18 тракторов МТЗ уже получили АО «Псковский "
                                  "агрокомплекс» и ООО «Племзавод Пушкиногорье».")
    assert ("supply", "Псковский агрокомплекс", "Племзавод Пушкиногорье") not in found, found


@pytest.mark.parametrize(("text", "name"), [
    # the tagger reads the rare plural as nominative; it can only be genitive
    ("Представители Бобруйского завода биотехнологий провели переговоры в Пскове.",
     "Бобруйский завод биотехнологий"),
    # a two-word repeat of a longer name is that name
    ("ООО «Великолукский завод светотехники» поставит светильники в Минск. Великолукский "
     "завод уже отгрузил первую партию.", "Великолукский завод светотехники"),
])
def test_organization_names(extractor: Extractor, text: str, name: str) -> None:
    names = extractor.extract(text).organizations
    assert name in names and not any(n != name and name.startswith(n) for n in names), names


def test_press_service_line_is_a_credit(extractor: Extractor) -> None:
    text = (FRAME + "Минский тракторный завод поставит в Псковскую область 40 тракторов.\n\n"
            "Пресс-служба Правительства Псковской области")
    assert "Правительство Псковской области" not in extractor.extract(text).organizations


def test_a_possible_market_links_nothing(extractor: Extractor) -> None:
    """Both sides in one sentence, but only as a possibility: not relevant."""
    text = ("Тульский завод «Тулатрубпром» запустил новую линию по выпуску труб. Инвестиции в "
            "проект составили 2 млрд рублей, на заводе создано 120 рабочих мест. Продукция "
            "предназначена для строительных компаний Тульской области. В перспективе "
            "В Тульской области Республику Беларусь рассматривают как возможный рынок сбыта.")
    assert not extractor.extract(text).relevant


def test_endpoint_kinds_a_type_never_joins(extractor: Extractor) -> None:
    """The data file's forbidden kinds: symmetric types in either order, directed ones not."""
    index = extractor.triggers
    assert index.forbidden("meeting", "org", "org")
    assert index.forbidden("agreement", "region", "org")  # listed as [org, region]
    assert index.forbidden("supply", "region", "org")
    assert not index.forbidden("supply", "org", "region")
    assert not index.forbidden("agreement", "body", "body")
    found = _relations(extractor, "Соглашение о сотрудничестве подписали ОАО «Псковский "
                                  "кабельный завод» и Витебская область.")
    assert not {r for r in found if r[0] == "agreement"
                and {r[1], r[2]} == {"Псковский кабельный завод", "Витебская область"}}, found
