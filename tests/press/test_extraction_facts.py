"""Tables of Russian sentences (written for these tests) -> figures, relations, relevance."""

from __future__ import annotations

import datetime as dt

import pytest

from soyuzprom.press.extraction import Extractor

# A cooperation frame makes a text relevant, so its figures and relations are extracted.
FRAME = "Смоленская область и Республика Беларусь развивают промышленное сотрудничество. "
PUBLISHED = dt.date(2025, 11, 10)

FIGURES = [
    ("Товарооборот составил 294 млрд рублей.", [(294e9, "RUB", "")]),
    ("Экспорт вырос на 36,4%.", [(36.4, "%", "")]),
    ("Область заняла третье место по объёму поставок.", [(3, "rank", "")]),
    ("На долю Беларуси приходится треть поставок.", [(33.3, "%", "")]),
    ("Объём инвестиций составит от 5 до 7 млрд рублей.", [(5e9, "RUB", ""), (7e9, "RUB", "")]),
    ("Завод поставит четыре сушильные машины.", [(4, "units", "")]),
    ("На предприятии работают 1 200 человек.", [(1200, "persons", "")]),
    ("Экспорт превысил 150 млн долларов в 2024 году.", [(150e6, "USD", "(over)")]),
    ("Контракт стоимостью около 2,5 млн евро подписан.", [(2.5e6, "EUR", "(approx.)")]),
    ("Будет создано не менее 300 рабочих мест.", [(300, "persons", "(at least)")]),
    ("Выручка составила 40 млн белорусских рублей.", [(40e6, "BYN", "")]),
    ("Область входит в десятку крупнейших партнёров республики.", [(10, "rank", "")]),
    ("Отгружено продукции на 620 млн российских рублей.", [(620e6, "RUB", "")]),
    ("Получено 12 машин модели 75306 грузоподъёмностью 220 тонн.", [(12, "units", "")]),
    # not figures: dates, years, model numbers, specifications
    ("Соглашение подписано 15 марта 2024 года.", []),
    ("Модель МАЗ-5440 оснащена двигателем мощностью 400 лошадиных сил.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURES)
def test_figures(extractor: Extractor, sentence: str,
                 expected: list[tuple[float, str, str]]) -> None:
    result = extractor.extract(FRAME + sentence)
    got = [(f.value, f.unit, f.what) for f in result.figures]
    assert len(got) == len(expected), got
    for (value, unit, what), (ev, eu, qual) in zip(got, expected, strict=True):
        assert value == pytest.approx(ev)
        assert unit == eu
        assert what.endswith(qual)


PERIODS = [
    ("В 2024 году товарооборот составил 2 млрд долларов.", "2024"),
    ("В прошлом году товарооборот составил 2 млрд долларов.", "2024"),
    ("По итогам девяти месяцев экспорт составил 2 млрд долларов.", "2025-01..2025-09"),
    ("В январе-июне 2023 года экспорт составил 2 млрд долларов.", "2023-01..2023-06"),
    ("В 2022–2024 годах экспорт составил 2 млрд долларов.", "2022-2024"),
    ("К 2030 году экспорт планируется довести до 3 млрд долларов.", "target"),
]


@pytest.mark.parametrize(("sentence", "period"), PERIODS)
def test_periods(extractor: Extractor, sentence: str, period: str) -> None:
    result = extractor.extract(FRAME + sentence, published=PUBLISHED)
    assert [f.period for f in result.figures] == [period]


RELATIONS = [
    ("ОАО «Вяземский машиностроительный завод» поставит Оршанскому льнокомбинату четыре "
     "сушильные машины.",
     ("supply", "Вяземский машиностроительный завод", "Оршанский льнокомбинат")),
    ("Брянское предприятие «Десна-Агромаш» начнёт сборку тракторов из машинокомплектов "
     "Минского тракторного завода.",
     ("joint_production", "Минский тракторный завод", "Десна-Агромаш")),
    ("Холдинг «Гомсельмаш» открыл в Новосибирской области сервисный центр.",
     ("service_center", "Гомсельмаш", "Новосибирская область")),
    ("Правительство Смоленской области и Витебский облисполком подписали соглашение о "
     "сотрудничестве.",
     ("agreement", "Правительство Смоленской области",
      "Витебский областной исполнительный комитет")),
    ("Губернатор Брянской области провёл переговоры с председателем Гомельского облисполкома.",
     ("meeting", "Брянская область", "Гомельский областной исполнительный комитет")),
    ("Компания «Ярагромаш» и Минский тракторный завод создадут совместное предприятие.",
     ("joint_venture", "Ярагромаш", "Минский тракторный завод")),
    ("Государственное предприятие «Мосгортранс» закупит 100 автобусов МАЗ.",
     ("supply", "Минский автомобильный завод", "Мосгортранс")),
    ("Холдинг «Гомсельмаш» открыл дилерский центр в Курской области.",
     ("supply", "Гомсельмаш", "Курская область")),
    ("Смоленский завод «Кристалл» закупит у Минского тракторного завода 20 тракторов.",
     ("supply", "Минский тракторный завод", "Кристалл")),
    ("На мощностях ОАО «Брянский машиностроительный завод» наладят выпуск тракторов по "
     "лицензии МТЗ.",
     ("joint_production", "Минский тракторный завод", "Брянский машиностроительный завод")),
    ("Линия, поставленная белорусским «Станкозаводом», смонтирована в Екатеринбурге.",
     ("supply", "Станкозавод", "Свердловская область")),
    ("Смоленское АО «Радиоприбор» поставляет ОАО «Гомсельмаш» навигационные блоки.",
     ("supply", "Радиоприбор", "Гомсельмаш")),
    ("Брянская компания «Агрострой» закупает в Беларуси строительные смеси.",
     ("supply", "Республика Беларусь", "Агрострой")),
    ("В Коломне на площадке ООО «Коломенский завод спецтехники» начата сборка машин на "
     "шасси Минского автомобильного завода.",
     ("joint_production", "Минский автомобильный завод", "Коломенский завод спецтехники")),
]

SYMMETRIC = {"agreement", "meeting", "joint_venture"}


def _key(t: str, a: str, b: str) -> tuple[str, object]:
    return (t, frozenset((a, b)) if t in SYMMETRIC else (a, b))


@pytest.mark.parametrize(("sentence", "expected"), RELATIONS)
def test_relations(extractor: Extractor, sentence: str, expected: tuple[str, str, str]) -> None:
    result = extractor.extract(FRAME + sentence)
    got = {_key(r.type, r.source, r.target) for r in result.relations}
    assert _key(*expected) in got
    names = set(result.organizations) | set(result.regions)
    for r in result.relations:
        assert (FRAME + sentence)[r.start:r.end].strip() == r.evidence
        assert {r.source, r.target} <= names


NOT_RELATIONS = [
    "Стороны готовы рассмотреть поставки белорусских тракторов в Смоленскую область.",
    "Участники обсудили вопросы поставок продукции Минского тракторного завода.",
]


@pytest.mark.parametrize("sentence", NOT_RELATIONS)
def test_no_relation_for_readiness_or_discussion(extractor: Extractor, sentence: str) -> None:
    result = extractor.extract(FRAME + sentence)
    assert [r for r in result.relations if r.type == "supply"] == []


RELEVANCE = [
    ("Минский тракторный завод поставит 50 тракторов аграриям Смоленской области.", True),
    ("Витебский облисполком и правительство Псковской области подписали соглашение о "
     "сотрудничестве в промышленности.", True),
    ("Минский автомобильный завод увеличил выпуск грузовиков на 5%.", False),
    ("В Смоленской области выпал первый снег, температура опустилась до минус пяти.", False),
    ("Хоккеисты из Гомеля обыграли команду из Брянска в финале турнира.", False),
    ("", False),
    ("Курские предприятия нарастили производство и экспорт продукции на 12%. По урожайности "
     "область опередила даже Беларусь.", False),
    ("Хозяйства Курской области закупили 40 белорусских тракторов.", True),
]


@pytest.mark.parametrize(("text", "relevant"), RELEVANCE)
def test_relevance(extractor: Extractor, text: str, relevant: bool) -> None:
    result = extractor.extract(text)
    assert result.relevant is relevant
    if not relevant:
        assert result.relations == () and result.figures == ()


def test_json_has_the_annotation_schema(extractor: Extractor) -> None:
    data = extractor.extract(FRAME + "Товарооборот вырос на 10%.").to_json()
    assert {"relevant", "organizations", "enterprises", "persons", "regions", "relations",
            "figures"} <= data.keys()
    fig = data["figures"][0]
    assert {"what", "value", "unit", "period", "evidence"} <= fig.keys()
    assert (FRAME + "Товарооборот вырос на 10%.")[fig["start"]:fig["end"]] == fig["evidence"]
    for m in data["mentions"]:
        assert {"kind", "name", "text", "start", "end"} <= m.keys()
