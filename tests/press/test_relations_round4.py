"""Tables of Russian sentences (written for these tests) -> typed relations, round 4: a
place inside a description of an enterprise, "белорусскому партнёру" referring back to a
named enterprise, "белорусская сторона" supplying parts, goods in use ("эксплуатирует",
"монтируются на шасси"), a visit after talks named as its time, inverted word order, and a
denied supply."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor

from .facts import Fact, facts, has_fact

FOUND = [
    # the country inside "одному из крупнейших ... в Беларуси" says where the buyer is
    ("Брянский завод «Кремний Эл» наращивает экспорт. Предприятие поставляет "
     "полупроводниковые приборы минскому ОАО «Интеграл», одному из крупнейших "
     "производителей микросхем в Беларуси; отгрузки белорусскому партнёру выросли на 12%.",
     ("supply", "Кремний Эл", "Интеграл")),
    # "белорусская сторона" of a licensed assembly is the Belarusian enterprise
    ("Курганское ОАО «Кургансельмаш» начало сборку погрузчиков «Амкодор». Кабины и "
     "гидравлику для машин поставляет белорусская сторона.",
     ("supply", "Амкодор", "Кургансельмаш")),
    # goods in use: the user of the Belarusian machines bought them
    ("Карельская компания «Сегежская лесная» эксплуатирует 30 форвардеров белорусского "
     "холдинга «Амкодор».",
     ("supply", "Амкодор", "Сегежская лесная")),
    ("Пожарные автоцистерны ярославского ООО «Спецавтотехника» монтируются на шасси МАЗ.",
     ("supply", "Минский автомобильный завод", "Спецавтотехника")),
    # inverted order: the buyers stand after the verb, the supplier is the genitive
    ("Крупнейшим экспортёром региона остаётся АО «Северсталь». Холоднокатаный прокат "
     "комбината получают Минский тракторный завод и Бобруйский завод тракторных деталей и "
     "агрегатов.",
     ("supply", "Северсталь", "Минский тракторный завод")),
    # a subject pronoun stands for the latest enterprise named before it
    ("Брянский завод «Кремний» провёл совещание с компанией «Агроснаб» из Брянской области. "
     "Она закупит у Минского тракторного завода 20 тракторов.",
     ("supply", "Минский тракторный завод", "Агроснаб")),
    # a shipment: "отправить"
    ("Смоленский завод «Кристалл» отправил белорусскому ОАО «Гомельстекло» партию кварцевого "
     "песка.",
     ("supply", "Кристалл", "Гомельстекло")),
    # a video conference is a meeting
    ("Глава Удмуртской Республики провёл видеоконференцию с председателем Гродненского "
     "облисполкома.",
     ("meeting", "Удмуртская Республика", "Гродненский областной исполнительный комитет")),
    # "строит завод" (the imperfective too) is an investment in the host region
    ("Мордовское АО «Оптикэнерго» строит в Брестской области завод по выпуску оптоволоконного "
     "кабеля. Проект поддержало правительство Республики Мордовия.",
     ("investment_project", "Оптикэнерго", "Брестская область")),
    # every buyer of the list, a descriptor noun before the last one
    ("Крупнейшим экспортёром региона остаётся АО «Северсталь». Холоднокатаный прокат "
     "комбината получают Минский тракторный завод, Бобруйский завод тракторных деталей и "
     "агрегатов и холдинг «Амкодор».",
     ("supply", "Северсталь", "Амкодор")),
    # people of an industry qualified by a country adjective buy for their country
    ("Экспорт Оренбургской области в Беларусь вырос. Орский машиностроительный завод "
     "поставляет белорусским нефтяникам бурильные трубы, а сельхозпредприятия области — "
     "семена подсолнечника.",
     ("supply", "Орский машиностроительный завод", "Республика Беларусь")),
    # after talks (the time), the delegation's visit to the plant is the fact
    ("Губернатор Тверской области провёл переговоры с делегацией Гродненской области. "
     "После переговоров белорусская делегация посетила ОАО «Тверской вагоностроительный "
     "завод».",
     ("meeting", "Гродненская область", "Тверской вагоностроительный завод")),
]

NOT_FOUND = [
    # the maker a dealer is named after does not sell what the dealer sells
    ("Официальный дилер ОАО «Гомсельмаш» в Пензенской области — компания «Пенза-Агромаркет» "
     "— с 2021 года продала аграриям региона 140 комбайнов.",
     ("supply", "Гомсельмаш", "Пензенская область")),
    # a denied supply is no fact
    ("Завод «Кавказстекло» в Назрани начал выпуск стеклотары. Основными покупателями станут "
     "производители соков Ставрополья. Директор завода отметил, что о поставках в Беларусь и "
     "другие страны речь пока не идёт: сначала предприятие займётся внутренним рынком.",
     ("supply", "Кавказстекло", "Республика Беларусь")),
    # the partner adjective does not make the whole country a buyer
    ("Брянский завод «Кремний Эл» наращивает экспорт. Предприятие поставляет "
     "полупроводниковые приборы минскому ОАО «Интеграл», одному из крупнейших "
     "производителей микросхем в Беларуси; отгрузки белорусскому партнёру выросли на 12%.",
     ("supply", "Кремний Эл", "Республика Беларусь")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[e[2] for _, e in FOUND])
def test_relation_found(extractor: Extractor, text: str, expected: Fact) -> None:
    found = facts(extractor, text)
    assert has_fact(found, expected), found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND, ids=[e[2] for _, e in NOT_FOUND])
def test_relation_not_found(extractor: Extractor, text: str, unexpected: Fact) -> None:
    assert unexpected not in facts(extractor, text)
