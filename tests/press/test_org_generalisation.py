"""Organization rules that must generalise beyond the development corpus: tables of Russian
sentences (written for these tests) -> organizations present / absent, enterprises."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor

ORGANIZATIONS = [
    # an abbreviation defined in the text stands for the full name everywhere
    ("Тамбовский завод подшипников (ТЗП) отгрузил партию в Гомель. Позже ТЗП нарастил выпуск.",
     {"Тамбовский завод подшипников"}, {"ТЗП"}),
    ("ТЗП — Тамбовский завод подшипников — поставит детали в Брест. Сейчас ТЗПа мощности "
     "загружены.", {"Тамбовский завод подшипников"}, {"ТЗП", "ТЗПа"}),
    # abbreviated generic heads are expanded, adjectives agree with the expansion
    ("Соликамский ЦБК отправил бумагу в Минск.",
     {"Соликамский целлюлозно-бумажный комбинат"}, {"Соликамский ЦБК"}),
    ("Оборудование купила Рязанская ГРЭС.",
     {"Рязанская государственная районная электростанция"}, set()),
    ("Договор подписан с Волжским ЦКК.", {"Волжский целлюлозно-картонный комбинат"}, set()),
    ("Новая Рязанская ГРЭС закупила турбины.",
     {"Рязанская государственная районная электростанция"}, set()),
    # one-word bodies of a place stem and a body
    ("Делегация Гомоблисполкома прибыла в Тулу.",
     {"Гомельский областной исполнительный комитет"}, set()),
    ("Мингорисполком утвердил план закупок.",
     {"Минский городской исполнительный комитет"}, set()),
    # long official names up to the region, capitalised words inside included
    ("Министерство развития Севера и экономики Тюменской области подписало протокол.",
     {"Министерство развития Севера и экономики Тюменской области"}, {"Министерство развития"}),
    # a body of the region told only by an adjective, not the federal ministry
    ("По данным областного министерства экономического развития, Тульская область нарастила "
     "экспорт в Беларусь.", {"Министерство экономического развития Тульской области"},
     {"Министерство экономического развития Российской Федерации"}),
    ("Как сообщили в краевом министерстве природных ресурсов и лесного комплекса, Красноярский "
     "край продаёт лес.", {"Министерство природных ресурсов и лесного комплекса Красноярского "
                          "края"}, set()),
    ("В региональном Минэкономразвития рассказали, что Тульская область нарастила экспорт.",
     {"Министерство экономического развития Тульской области"},
     {"Министерство экономического развития Российской Федерации"}),
    ("Замминистра экономики Беларуси посетил Тулу.", {"Министерство экономики Республики "
                                                     "Беларусь"}, set()),
    # a subject whose official name carries its alias keeps the text's wording in a body name
    ("Соглашение подписало Министерство промышленности Кузбасса.",
     {"Министерство промышленности Кузбасса"}, set()),
    # "имени ..." is part of the name
    ("Курский завод имени В. И. Иванова поставит насосы в Могилёв.",
     {"Курский завод имени В. И. Иванова"}, {"Курский завод"}),
    # a hyphenated name that starts with a known initialism is a name of its own
    ("Контракт заключило ООО «МАЗ-ТРАНС».", {"МАЗ-ТРАНС"}, {"Минский автомобильный завод"}),
    ("Перевозчик купил автобусы МАЗ-203.", set(), {"МАЗ-203"}),
    # case forms of one-word names: the nominative the text also gives
    ("ОАО «Лидагропроммаш» расширяет сбыт. Продукция «Лидагропроммаша» известна в Орле.",
     {"Лидагропроммаш"}, {"Лидагропроммаша"}),
    ("Сделку с «Ивсельмашем» одобрили.", {"Ивсельмаш"}, {"Ивсельмашем"}),
    # a name with a nested quote and one closing quote
    ("ОАО «Бобруйский завод «Ремдеталь» подписало договор.",
     {"Бобруйский завод Ремдеталь"}, {"Ремдеталь"}),
    ("ОАО «Управляющая компания холдинга «Горизонт» подписало договор.", {"Горизонт"},
     {"Управляющая компания холдинга Горизонт"}),
    # places, venues and credits are not organizations
    ("Резиденты технопарков «Заречье» и «Сосновка» получат льготы.", set(),
     {"Заречье", "Сосновка"}),
    ("Форум прошёл в конгресс-холле «Олимп». Финал сыграют на «Арене Сура».", set(),
     {"Олимп", "Арена Сура"}),
    ("Завод «Тамбовмаш» открыл цех.\nФото: пресс-служба администрации Тамбовской области",
     {"Тамбовмаш"}, {"Администрация Тамбовской области"}),
    ("Завод «Тамбовмаш» открыл цех.\nИрина Козлова, «Тамбовская жизнь»", {"Тамбовмаш"},
     {"Тамбовская жизнь"}),
    # abbreviations inside a body's name are written out
    ("Слово взял председатель комитета АПК Тамбовской области Олег Котов.",
     {"Комитет агропромышленного комплекса Тамбовской области"}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), ORGANIZATIONS)
def test_organizations(extractor: Extractor, text: str, present: set[str],
                       absent: set[str]) -> None:
    orgs = set(extractor.extract(text).organizations)
    assert present <= orgs
    assert not (absent & orgs)


def test_clubs_are_organizations_not_enterprises(extractor: Extractor) -> None:
    result = extractor.extract("ХК «Сокол» обыграл соперника. Игроки «Сокола» ликовали.")
    assert "Сокол" in result.organizations
    assert "Сокол" not in result.enterprises


def test_known_maker_named_as_a_brand(extractor: Extractor) -> None:
    result = extractor.extract("Город получил 12 единиц коммунальной техники «Амкодор».")
    assert "Амкодор" in result.organizations


def test_bare_abbreviated_head_is_no_name(extractor: Extractor) -> None:
    assert extractor.extract("НПЗ нарастил переработку нефти.").organizations == ()


PERSONS = [
    # the surname takes the first name's case when the tagger misreads it
    ("Делегацию возглавила вице-губернатор Ольгой Сергеевной Карповой.", "Ольга Карпова"),
    # a surname that is also a common noun, after a patronymic natasha stopped at
    ("Документ подписан в присутствии мэра Николая Петровича Мороза.", "Николай Мороз"),
    # a nominative surname stays as written
    ("Инженер Виталий Шарков рассказал о проекте.", "Виталий Шарков"),
]


@pytest.mark.parametrize(("text", "name"), PERSONS)
def test_person_names(extractor: Extractor, text: str, name: str) -> None:
    assert name in {p.name for p in extractor.extract(text).persons}


MORE_ORGANIZATIONS = [
    # a council named after both sides
    ("Прошло заседание Совета делового сотрудничества Омской области и Беларуси.",
     {"Совет делового сотрудничества Омской области и Беларуси"}, set()),
    ("Протокол подписали Министерство промышленности Брянской области и Гомельский "
     "облисполком.", {"Министерство промышленности Брянской области",
                     "Гомельский областной исполнительный комитет"}, set()),
    # a media outlet quoted as the source of the report
    ("Об этом сообщает «Тамбовский курьер».", set(), {"Тамбовский курьер"}),
    ("По данным «Орловского вестника», поставки выросли.", set(), {"Орловский вестник"}),
    # a coined one-word name in quotes, in the nominative
    ("Поставки «Курганвагону» начнутся весной.", {"Курганвагон"}, {"Курганвагону"}),
]


@pytest.mark.parametrize(("text", "present", "absent"), MORE_ORGANIZATIONS)
def test_more_organizations(extractor: Extractor, text: str, present: set[str],
                            absent: set[str]) -> None:
    orgs = set(extractor.extract(text).organizations)
    assert present <= orgs
    assert not (absent & orgs)


def test_unknown_word_is_no_person(extractor: Extractor) -> None:
    result = extractor.extract("Курганвагон поставит в Беларусь 200 вагонов.")
    assert "Курганвагон" not in {p.name for p in result.persons}


def test_body_of_an_executive_committee(extractor: Extractor) -> None:
    result = extractor.extract("Выступил начальник главного управления торговли и услуг "
                               "Гомельского облисполкома Пётр Ковалёв.")
    assert "Главное управление торговли и услуг Гомельского областного исполнительного " \
           "комитета" in result.organizations
    assert "Гомельский областной исполнительный комитет" in result.organizations
    assert "Гомельская область" in result.regions


REGIONS = [
    # an oblast executive committee names its oblast (not its city)
    ("Могилёвский облисполком утвердил план.", {"Могилёвская область"}),
    ("Брестский горисполком утвердил план.", set()),
    # a Russian regional adjective before a quoted name gives the region
    ("Омский «Авангард» выиграл матч.", {"Омская область"}),
]


@pytest.mark.parametrize(("text", "expected"), REGIONS)
def test_regions(extractor: Extractor, text: str, expected: set[str]) -> None:
    assert {r.replace("ё", "е") for r in extractor.extract(text).regions} == {
        r.replace("ё", "е") for r in expected}


def test_coined_company_read_as_a_person(extractor: Extractor) -> None:
    result = extractor.extract("Курганвагону поставили колёсные пары из Беларуси. "
                               "Делегация Гомельщины посетила Курган.")
    assert "Курганвагон" in result.organizations
    assert "Гомельщина" not in result.organizations
    assert not result.persons
