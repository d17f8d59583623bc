"""Tables of Russian sentences (written for these tests) -> relations that depend on context:
idioms, agreements in force, reporters, dealers, the pair named by the previous sentence."""

from __future__ import annotations

import pytest

from soyuzprom.press.evaluation.scoring import SYMMETRIC_RELATIONS
from soyuzprom.press.extraction import Extractor

FRAME = "Тульская область и Республика Беларусь развивают промышленное сотрудничество. "


def _keys(result: object) -> set[tuple[str, object]]:
    return {(r.type, frozenset((r.source, r.target)) if r.type in SYMMETRIC_RELATIONS
             else (r.source, r.target)) for r in result.relations}  # type: ignore[attr-defined]


def _key(t: str, a: str, b: str) -> tuple[str, object]:
    return (t, frozenset((a, b)) if t in SYMMETRIC_RELATIONS else (a, b))


FOUND = [
    # the dealer is the company, not the region its adjective names
    ("Холдинг «Бобруйскагромаш» подписал дилерский договор с тульской компанией "
     "«Агроцентр-Ока».",
     ("supply", "Бобруйскагромаш", "Агроцентр-Ока")),
    # "Переговоры прошли ...": the pair the previous sentence named
    ("Документ подписали заместитель губернатора Тульской области Пётр Жуков и председатель "
     "Могилёвского облисполкома Игорь Сущенко. Переговоры прошли в Туле.",
     ("meeting", "Тульская область", "Могилёвский областной исполнительный комитет")),
    # "дилерский центр ОАО «X»" on the base of a local company: X supplies the company
    ("В Туле на базе ООО «Агроснаб-Тула» открыт дилерский центр ОАО «Лидсельмаш».",
     ("supply", "Лидсельмаш", "Агроснаб-Тула")),
    # "у российских гостей" names no party; "с хозяйствами области" are the buyers
    ("Стенд ОАО «Бобруйскагромаш» вызвал интерес у российских гостей: предприятие заключило "
     "с хозяйствами Тульской области контракты на поставку 40 косилок.",
     ("supply", "Бобруйскагромаш", "Тульская область")),
    # "мы" is the body of the speaker named after the quote
    ("«Мы поставляем в Беларусь удобрения и зерно», — сказал губернатор Тульской области "
     "Пётр Жуков.",
     ("supply", "Тульская область", "Республика Беларусь")),
    # a second clause with a verb of the other direction reverses the pair
    ("Тульская область поставляет в Могилёвскую область удобрения, а получает оттуда "
     "шины и стекло.",
     ("supply", "Могилёвская область", "Тульская область")),
    # a dealer named in a relative clause is a standing supply
    ("Центр открыт на базе компании «Тулагортех», которая является официальным дилером "
     "Белорусского автомобильного завода.",
     ("supply", "Белорусский автомобильный завод", "Тулагортех")),
    # a passive verb with the place "в ... районе ... области": the region hosts
    ("Белгородская компания «ЭФКО» инвестирует в проект. В Речицком районе Гомельской "
     "области будет построен завод компании «ЭФКО».",
     ("investment_project", "ЭФКО", "Гомельская область")),
    # every conjoined buyer of the same kind
    ("Минский тракторный завод поставит тракторы в ООО «Тулаагро» и ООО «Алексинагро».",
     ("supply", "Минский тракторный завод", "Тулаагро")),
    ("Минский тракторный завод поставит тракторы в ООО «Тулаагро» и ООО «Алексинагро».",
     ("supply", "Минский тракторный завод", "Алексинагро")),
    # a state body in a supply stands for the region its name contains
    ("Министерство сельского хозяйства Тульской области закупило у Минского тракторного "
     "завода 30 тракторов.",
     ("supply", "Минский тракторный завод", "Тульская область")),
    # the assembling plant named in the sentence, not the region of the place
    ("АО «Тулажелдормаш» и ОАО «Могилёвский вагоностроительный завод» подписали "
     "лицензионное соглашение о производстве в Могилёве путевых машин.",
     ("joint_production", "Тулажелдормаш", "Могилёвский вагоностроительный завод")),
    # "мы" of an executive committee's chairman is the trade of its oblast
    ("Могилёвская область и Тульская область дружат давно. «Мы поставляем в Тульскую "
     "область шины и молочную продукцию», — сказал председатель Могилёвского облисполкома "
     "Игорь Сущенко.",
     ("supply", "Могилёвская область", "Тульская область")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_context_relations(extractor: Extractor, text: str,
                           expected: tuple[str, str, str]) -> None:
    assert _key(*expected) in _keys(extractor.extract(FRAME + text))


NOT_FOUND = [
    # "поставили подписи" is an idiom, not a supply
    ("Подписи под документом поставили губернатор Тульской области Пётр Жуков и председатель "
     "Могилёвского облисполкома Игорь Сущенко.", "supply"),
    # an agreement in force is named, not signed again
    ("Правительство Тульской области и Могилёвский облисполком обсудят ход работ по "
     "реализации соглашения.", "agreement"),
    # a count of documents is a figure; a plenary session is part of a public event
    ("В рамках форума губернатор Тульской области и председатель Могилёвского облисполкома "
     "подписали 12 соглашений.", "agreement"),
    # a forecast of the volume is not a fact
    ("В Могилёвском облисполкоме рассчитывают, что поставки шин в Тульскую область вырастут.",
     "supply"),
    ("Пленарное заседание форума открыли губернатор Тульской области и председатель "
     "Могилёвского облисполкома.", "meeting"),
    # the reporter's ministry is not the buyer
    ("Как сообщил министр промышленности Тульской области Олег Карпов, Тула получит "
     "20 автобусов МАЗ.", "supply:Министерство"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_context_non_relations(extractor: Extractor, text: str, absent: str) -> None:
    typ, _, party = absent.partition(":")
    for r in extractor.extract(FRAME + text).relations:
        assert not (r.type == typ and (not party or party in r.source or party in r.target)), r
