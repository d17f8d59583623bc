"""Entity resolution: tables of Russian mentions -> the registry record they name."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from soyuzprom.db import session_scope
from soyuzprom.press.resolution import (
    AMBIGUOUS,
    MATCHED,
    UNKNOWN,
    Identifier,
    RegistryIndex,
    find_identifiers,
    identifiers_near,
    initials,
    load_region_aliases,
    normal_key,
)
from soyuzprom.registry.reference import read_regions

from .conftest import ORSHA_UNP, REGISTRY, VYAZMA_INN, inn10

# Registry ids in these tables are positions in conftest.REGISTRY (1-based).
IDS = {name: i + 1 for i, (name, *_rest) in enumerate(REGISTRY) if name != "Агромаш"}
REGIONS = [(i + 1, r.code, r.name) for i, r in enumerate(read_regions())]
CODE_OF = {i: code for i, code, _ in REGIONS}

ORGANIZATIONS = [
    # (mention as written, expected name or status, tier)
    ("МАЗ", "Минский автомобильный завод", "alias"),
    ("МТЗ", "Минский тракторный завод", "alias"),
    ("Минский автомобильный завод", "Минский автомобильный завод", "exact"),
    ("ОАО «Минский автомобильный завод»", "Минский автомобильный завод", "exact"),
    ("Минского автомобильного завода", "Минский автомобильный завод", "normalised"),
    ("Минский автозавод", "Минский автомобильный завод", "normalised"),
    ("Пинского автозавода", "Пинский автомобильный завод", "normalised"),
    ("Вяземский машзавод", "Вяземский машиностроительный завод", "normalised"),
    ("Вяземского машзавода", "Вяземский машиностроительный завод", "normalised"),
    ("Оршанскому льнокомбинату", "Оршанский льнокомбинат", "normalised"),
    ("Амкодором", "Амкодор", None),  # inflected one-word name: normalised or fuzzy
    ("БМЗ", "Белорусский металлургический завод", "initialism"),
    ("Оршанский льнокомбенат", "Оршанский льнокомбинат", "fuzzy"),
    ("Агромаш", AMBIGUOUS, "exact"),
    ("Гомсельмаш", UNKNOWN, ""),
    ("Рославльский вагоноремонтный завод", UNKNOWN, ""),
    ("Смоленский завод", UNKNOWN, ""),  # two Smolensk plants, neither close enough
    ("Минский моторный завод", UNKNOWN, ""),  # same town and head, another plant
]

REGION_TABLE = [
    ("Смоленщина", "RU-SMO"),
    ("Смоленской области", "RU-SMO"),
    ("Смоленская область", "RU-SMO"),
    ("Республикой Беларусь", "BY"),
    ("Беларуси", "BY"),
    ("белорусских", "BY"),
    ("Российской Федерации", "RU"),
    ("Кубани", "RU-KDA"),
    ("Татарстана", "RU-TA"),
    ("Якутии", "RU-SA"),
    ("Кузбасс", "RU-KEM"),
    ("Москвы", "RU-MOW"),
    ("Витебщины", "BY-VI"),
    ("Минская область", "BY-MI"),
    ("Могилёвской области", "BY-MA"),
    ("ЦФО", None),
    ("Клинцы", None),
]


def _rows() -> tuple[list[tuple[Any, ...]], list[tuple[int, str]]]:
    orgs, aliases = [], []
    for i, (name, _country, _region, inn, unp, names) in enumerate(REGISTRY, start=1):
        orgs.append((i, name, None, inn, None, unp))
        aliases += [(i, a) for a in names]
    return orgs, aliases


@pytest.fixture(scope="module")
def index() -> RegistryIndex:
    orgs, aliases = _rows()
    return RegistryIndex.from_rows(orgs, aliases, REGIONS)


def _expected(mention: str, expected: str, tier: str | None, found: Any) -> None:
    if expected in (AMBIGUOUS, UNKNOWN):
        assert found.status == expected, (mention, found)
    else:
        assert (found.status, found.entity_id) == (MATCHED, IDS[expected]), (mention, found)
    if tier is not None:
        assert found.method == tier, (mention, found)


@pytest.mark.parametrize(("mention", "expected", "tier"), ORGANIZATIONS)
def test_organization_table(index: RegistryIndex, mention: str, expected: str,
                            tier: str | None) -> None:
    _expected(mention, expected, tier, index.organization(mention))


@pytest.mark.parametrize(("mention", "code"), REGION_TABLE)
def test_region_table(index: RegistryIndex, mention: str, code: str | None) -> None:
    found = index.region(mention)
    if code is None:
        assert found.status == UNKNOWN, found
    else:
        assert found.status == MATCHED and CODE_OF[found.entity_id or 0] == code, found


def test_ambiguous_lists_candidates(index: RegistryIndex) -> None:
    found = index.organization("Агромаш")
    assert found.entity_id is None
    assert len(found.candidates) == 2


def test_identifier_in_text_wins_over_the_name(index: RegistryIndex) -> None:
    text = f"ООО «Вязьма-Маш» (ИНН {VYAZMA_INN}) и РУП «Льнокомбинат» (УНП {ORSHA_UNP})"
    found = find_identifiers(text)
    assert [(i.kind, i.value) for i in found] == [("inn", VYAZMA_INN), ("unp", ORSHA_UNP)]
    by_inn = index.organization("Вязьма-Маш", identifiers=found[:1])
    assert (by_inn.status, by_inn.entity_id, by_inn.method) == (
        MATCHED, IDS["Вяземский машиностроительный завод"], "identifier")
    by_unp = index.organization("Льнокомбинат", identifiers=found[1:])
    assert by_unp.entity_id == IDS["Оршанский льнокомбинат"]
    unknown = index.organization("Вязьма-Маш", identifiers=[Identifier("inn", inn10("123456789"),
                                                                       0, 0)])
    assert unknown.status == UNKNOWN


def test_identifiers_near_belong_to_the_mention_before_them() -> None:
    text = (f"ООО «Вязьма-Маш» (ИНН {VYAZMA_INN}, ОГРН 1027700132195) поставит "
            f"РУП «Оршанский льнокомбинат» (УНП {ORSHA_UNP}) станки.")
    first = text.index("Вязьма-Маш")
    assert [i.kind for i in identifiers_near(text, first, first + len("Вязьма-Маш"))] == [
        "inn", "ogrn"]
    second = text.index("Оршанский льнокомбинат")
    end = second + len("Оршанский льнокомбинат")
    assert [i.value for i in identifiers_near(text, second, end)] == [ORSHA_UNP]
    plain = "Завод «Пример» поставит станки Оршанскому льнокомбинату (УНП 100582333)."
    assert identifiers_near(plain, 0, len("Завод «Пример»")) == []


@pytest.mark.parametrize(("text", "kind", "value"), [
    (f"ООО «Вязьма-Маш», ИНН/КПП {VYAZMA_INN}/672201001", "inn", VYAZMA_INN),
    ("ПАО «Сбер» (огрн: 1027700132195)", "ogrn", "1027700132195"),
    (f"УНП {ORSHA_UNP}.", "unp", ORSHA_UNP),
])
def test_identifier_forms(text: str, kind: str, value: str) -> None:
    assert [(i.kind, i.value) for i in find_identifiers(text)] == [(kind, value)]


@pytest.mark.parametrize("text", [
    "ИНН 7707083894",  # wrong check digit
    "телефон 8 4812 7707083893",  # digits without a label
    "ИНН 12345",
])
def test_identifiers_need_label_and_check_digit(text: str) -> None:
    assert find_identifiers(text) == []


def test_keys() -> None:
    assert normal_key("Вяземского машзавода") == "вяземский машиностроительный завод"
    assert normal_key("Минского завода колёсных тягачей") == "минский завод колесный тягач"
    assert initials("Минский завод колёсных тягачей") == "МЗКТ"


def test_region_alias_codes_exist() -> None:
    codes = {r.code for r in read_regions()}
    assert {code for _alias, code in load_region_aliases()} <= codes


def test_index_loads_once_and_lazily() -> None:
    calls: list[int] = []
    orgs, aliases = _rows()

    def loader() -> dict[str, Any]:
        calls.append(1)
        return {"organizations": orgs, "aliases": aliases, "regions": REGIONS}

    lazy = RegistryIndex(loader)
    assert calls == []
    for _ in range(3):
        lazy.organization("Вяземского машзавода")
        lazy.region("Смоленщина")
    assert calls == [1]
    assert lazy._orgs is not None and set(lazy._orgs._normal) == {"вязе"}


def test_same_answers_from_the_database(engine: Engine, registry: dict[str, int]) -> None:
    """The index read from the real registry tables resolves the tables alike."""
    with session_scope(engine) as session:
        index = RegistryIndex.from_session(session)
        wrong: list[tuple[str, Any, Any]] = []
        for mention, expected, _tier in ORGANIZATIONS:
            found = index.organization(mention)
            want = registry.get(expected, expected)
            got = found.entity_id if found.status == MATCHED else found.status
            if got != want:
                wrong.append((mention, want, found))
        for mention, code in REGION_TABLE:
            found = index.region(mention)
            got_code = index.region_code(found.entity_id) if found.entity_id else None
            if got_code != code:
                wrong.append((mention, code, found))
        assert wrong == []
