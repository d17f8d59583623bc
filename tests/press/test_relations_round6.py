"""Tables of Russian sentences (written for these tests) -> typed relations, round 6: a
relative clause that goes on with the story ("по итогам которых подписали") reports a fact;
"получить" with a loan, a subsidy or a name transfers no goods; a region in parentheses after
a town is a place; "автогигант", "фабрика" and other heads refer back to the enterprise named
before, unless the genitive after them names the owner; a quoted subject after ", а" opens a
clause; a relative clause that names the partner states a standing supply; the region after
"покупателям" buys."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor

from .facts import Fact, facts, has_fact

FOUND = [
    # "по итогам которых": the signing follows the talks, it describes nothing
    ("Губернатор Курганской области Сергей Петров и председатель Витебского облисполкома "
     "Иван Соколов провели переговоры, по итогам которых подписали дорожную карту "
     "сотрудничества на 2026–2028 годы.",
     ("agreement", "Курганская область", "Витебский областной исполнительный комитет")),
    ("Глава Удмуртии Олег Макаров провёл встречу с председателем Гродненского облисполкома "
     "Виктором Лебедевым, в ходе которой стороны подписали план мероприятий на 2026 год.",
     ("agreement", "Удмуртская Республика", "Гродненский областной исполнительный комитет")),
    # "в Борисове (Минская область)": the region placing the town is where, not a signatory
    ("Курганский завод «Шадринский автоагрегатный завод» и ОАО «Борисовский завод "
     "автотракторного электрооборудования» создали совместное предприятие по выпуску "
     "стартеров. Учредительные документы стороны подписали в Борисове (Минская область).",
     ("agreement", "Шадринский автоагрегатный завод",
      "Борисовский завод автотракторного электрооборудования")),
    # "белорусскому автогиганту", "фабрика": the enterprise named before
    ("Губернатор Владимирской области провёл переговоры с генеральным директором "
     "Белорусского автомобильного завода. Муромское АО «Муромтепловоз» до конца года "
     "поставит белорусскому автогиганту два маневровых тепловоза.",
     ("supply", "Муромтепловоз", "Белорусский автомобильный завод")),
    ("Рогачёвская кондитерская фабрика «Сладкий край» наращивает продажи в России. В этом "
     "году фабрика отгрузит омской торговой сети «Сибирский дом» 300 тонн пастилы.",
     ("supply", "Сладкий край", "Сибирский дом")),
    # ", а АО «X» отгружает": a quoted subject opens a clause of its own, though the tagger
    # reads the verb after the closing quote as an adjective
    ("Так, ОАО «Кричевцементношифер» поставляет в Рязанскую область шифер и трубы, а АО "
     "«Рязанский завод металлокерамических приборов» отгружает герконы и датчики на "
     "предприятия Могилёвской области.",
     ("supply", "Рязанский завод металлокерамических приборов", "Могилёвская область")),
    # a relative clause that names the partner states a standing supply
    ("Брестская делегация работает в Республике Мордовия. Гости также побывали на АО "
     "«Сарансккабель», которое несколько лет поставляет кабельную продукцию ОАО «Брестский "
     "электромеханический завод».",
     ("supply", "Сарансккабель", "Брестский электромеханический завод")),
    # "покупателям Краснодарского края": the region's buyers receive the goods
    ("Могилёвская область наращивает торговлю с Россией. ОАО «ФанДОК» нарастило отгрузки "
     "фанеры покупателям Краснодарского края и Ростовской области.",
     ("supply", "ФанДОК", "Ростовская область")),
]

NOT_FOUND = [
    # the clause's verb supplies the enterprise before it, not the other way round
    ("Брестская делегация работает в Республике Мордовия. Гости также побывали на АО "
     "«Сарансккабель», которое несколько лет поставляет кабельную продукцию ОАО «Брестский "
     "электромеханический завод».",
     ("supply", "Брестский электромеханический завод", "Сарансккабель")),
    # a clause about goods ("оборудование, которое поставляет X") does not make the
    # enterprise named earlier a party of the clause
    ("ОАО «Гомельский литейный завод «Центролит»» модернизирует цех: оборудование, которое "
     "поставляет ООО «Уралмаш-Сервис», смонтируют к осени.",
     ("supply", "Гомельский литейный завод Центролит", "Уралмаш-Сервис")),
    # "фабрики ивановской компании «X»": X's new plant, not the enterprise named before
    ("Губернатор Ивановской области встретился с председателем Витебского облисполкома. "
     "Важным совместным проектом губернатор назвал строительство швейной фабрики ивановской "
     "компании «Текстильград» в свободной экономической зоне «Витебск».",
     ("investment_project", "Текстильград", "Витебский областной исполнительный комитет")),
    # a relative clause that describes a noun still tells no fact
    ("Курганская делегация посетила Минский тракторный завод, который поставляет тракторы в "
     "сорок стран.",
     ("supply", "Минский тракторный завод", "Курганская область")),
    # a loan, a subsidy, a name are no goods
    ("Министр промышленности Новосибирской области Андрей Лавров напомнил, что в прошлом году "
     "гомельский завод «Гидропривод» получил льготный заём на обновление оборудования.",
     ("supply", "Гидропривод", "Новосибирская область")),
    ("Ростовский «Донагрегат» и Гомельский завод «Центролит» учредили совместное "
     "предприятие. Новая компания получит название «Дон-Литьё».",
     ("supply", "Дон-Литьё", "Центролит")),
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
