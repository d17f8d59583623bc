"""Russian sentences (written for these tests) -> organizations, round 5: a name the
dictionary knows as an organization, a place adjective before such a name, a long coined
name taken for a surname, an abbreviated head inside quotes, nested quotes, and a quoted name
after "на площадке компании"."""

from __future__ import annotations

from soyuzprom.press.extraction import Extractor

LEAD = "Смоленская область наращивает торговлю с Республикой Беларусь. "


def test_dictionary_organization_with_place_adjective(extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "Пермский Соликамскбумпром отгрузил картон в Гомель. Позже Соликамскбумпром "
        "отправил ещё одну партию.").organizations
    assert "Соликамскбумпром" in found
    assert "Пермский Соликамскбумпром" not in found


def test_dictionary_organization_is_not_taken_inside_a_street_name(
        extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "Сервисный центр МАЗ откроется в депо на улице Коминтерна.").organizations
    assert "Коминтерн" not in found and "Коминтерна" not in found


def test_long_coined_name_is_no_person(extractor: Extractor) -> None:
    result = extractor.extract(
        "Товарооборот Татарстана с Беларусью растёт. Крупнейшим отправителем остаётся "
        "Нижнекамскшина. За год предприятие отгрузило белорусским машиностроителям 400 "
        "тысяч шин.")
    assert "Нижнекамскшина" in result.organizations
    assert not result.persons


def test_abbreviated_head_inside_quotes_is_expanded(extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "ОАО «Сыктывкарский ЦБК» поставляет бумагу в Минск.").organizations
    assert "Сыктывкарский целлюлозно-бумажный комбинат" in found


def test_nested_quotes_keep_the_whole_name(extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "ОАО «Картонная фабрика «Северная заря»» закупает макулатуру в Смоленске."
    ).organizations
    assert "Картонная фабрика Северная заря" in found


def test_management_company_in_nested_quotes_gives_the_holding(extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "ОАО «Управляющая компания холдинга «Бобруйскагромаш»» поставит косилки в "
        "Смоленскую область.").organizations
    assert "Бобруйскагромаш" in found


def test_quoted_name_on_a_company_site_is_an_organization(extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "На площадке компании «Десна-Спецтех» в Рославле началась сборка тракторов "
        "Минского тракторного завода.").organizations
    assert "Десна-Спецтех" in found


def test_republic_with_an_undeclined_name_keeps_its_suffix_in_a_body(
        extractor: Extractor) -> None:
    found = extractor.extract(
        "Гродненский облисполком и Правительство Республики Северная Осетия — Алания "
        "подписали план сотрудничества.").organizations
    assert "Правительство Республики Северная Осетия — Алания" in found


def test_name_after_a_descriptor_keeps_its_written_form(extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "Смоленская компания начала сборку приборов по лицензии минской компании "
        "«Адани». Площадку посетил генеральный директор «Адани» Леонид Гурин.").organizations
    assert "Адани" in found and "Адань" not in found


def test_a_column_title_is_no_organization(extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "МАЗ поставит автобусы в Смоленск.\n\nРубрика «Коротко»").organizations
    assert "Коротко" not in found


def test_a_town_in_the_locative_before_a_head_is_no_name(extractor: Extractor) -> None:
    found = extractor.extract(
        "Холдинг «Амкодор» и правительство Свердловской области подписали соглашение о "
        "строительстве в Берёзовском завода по сборке погрузчиков.").organizations
    assert not any(name.startswith("Березовск") or name.startswith("Берёзовск")
                   for name in found)


def test_hyphenated_region_keeps_its_capitals_in_a_body(extractor: Extractor) -> None:
    found = extractor.extract(
        "Председатель Правительства Кабардино-Балкарской Республики и председатель "
        "Гродненского облисполкома провели видеоконференцию.").organizations
    assert "Правительство Кабардино-Балкарской Республики" in found


def test_a_denied_export_makes_no_cooperation_text(extractor: Extractor) -> None:
    result = extractor.extract(
        "В Республике Ингушетия начал работу завод ООО «Ингушстекло». Генеральный директор "
        "«Ингушстекло» Заур Албаков отметил, что о поставках в Беларусь речь пока не идёт: "
        "сначала завод займётся внутренним рынком. Стоимость проекта составила 6,8 млрд "
        "рублей, создано 420 рабочих мест.")
    assert result.relevant is False


def test_named_after_an_event_keeps_its_noun(extractor: Extractor) -> None:
    found = extractor.extract(
        LEAD + "Калужская область и Минский станкостроительный завод имени Октябрьской "
        "революции подписали соглашение.").organizations
    assert "Минский станкостроительный завод имени Октябрьской революции" in found


def test_inner_name_repeated_alone_is_the_longer_name(extractor: Extractor) -> None:
    # round 6: "директор «Лепсе»" repeats the inner name of "«Электромашиностроительный
    # завод «Лепсе»»"; no case ending is read into it ("Лепёс")
    found = extractor.extract(
        "Кировское АО «Электромашиностроительный завод «Лепсе» и ОАО «Гомельский опытный завод "
        "«Ветразь» подписали лицензионное соглашение. — Рынок растёт, — пояснил генеральный "
        "директор «Лепсе» Павел Ухов.").organizations
    assert found == ("Электромашиностроительный завод Лепсе", "Гомельский опытный завод Ветразь")


def test_glassworks_keeps_its_registered_name(extractor: Extractor) -> None:
    # round 6: "стеклозавод" is part of registered names ("Гродненский стеклозавод")
    found = extractor.extract(
        LEAD + "Гродненский стеклозавод в прошлом году отгрузил в Краснодарский край "
        "бутылки.").organizations
    assert "Гродненский стеклозавод" in found
