"""Scoring of predicted against gold extraction JSON: tables of cases."""

from __future__ import annotations

from typing import Any

import pytest

from soyuzprom.press.evaluation.normalize import name_key, org_key
from soyuzprom.press.evaluation.scoring import (
    Counts,
    score_corpus,
    score_document,
)

# -- name normalisation ----------------------------------------------------------------------

SAME_ORGANIZATION = [
    ("ОАО «Гродно Азот»", "Гродно Азот"),
    ('ООО "Ромашка"', "Ромашка"),
    ("Минский тракторный завод ОАО", "минский тракторный завод"),
    ("  Вяземский   машиностроительный завод ", "Вяземский машиностроительный завод"),
    ("Белорусский автомобильный завод", "БЕЛОРУССКИЙ АВТОМОБИЛЬНЫЙ ЗАВОД"),
    ("Объединённая компания", "Объединенная компания"),
    ("Открытое акционерное общество «Белшина»", "Белшина"),
    ("РУП «Гомельэнерго»", "Гомельэнерго"),
    ("Могилевлифтмаш", "Могилёвлифтмаш"),
    ("Амкодор — управляющая компания", "Амкодор - управляющая компания"),
    ("«Гомсельмаш».", "Гомсельмаш"),
]

DIFFERENT_ORGANIZATION = [
    # abbreviations are expanded by convention, so they are errors, not spelling noise
    ("МАЗ", "Минский автомобильный завод"),
    ("Вяземский машзавод", "Вяземский машиностроительный завод"),
    ("Минпромторг России", "Министерство промышленности и торговли Российской Федерации"),
    # case endings are errors: names are in the nominative
    ("Минского тракторного завода", "Минский тракторный завод"),
    ("Белшина", "Белшины"),
    # a hyphen is not a space
    ("Гродно Азот", "Гродно-Азот"),
    ("Минский завод колёсных тягачей", "Минский завод"),
]


@pytest.mark.parametrize(("a", "b"), SAME_ORGANIZATION)
def test_org_key_tolerates_spelling_noise(a: str, b: str) -> None:
    assert org_key(a) == org_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_ORGANIZATION)
def test_org_key_keeps_real_differences(a: str, b: str) -> None:
    assert org_key(a) != org_key(b)


def test_legal_form_only_at_edges() -> None:
    # "АО" at the end of a name is removed, which is why this pair is equal
    assert org_key("Завод АО") == org_key("Завод")
    assert org_key("Белорусский ООО завод") != org_key("Белорусский завод")


SAME_NAME = [
    ("Пётр Иванов", "петр иванов"),
    ("Санкт – Петербург", "Санкт-Петербург"),
    ("Республика  Беларусь", "Республика Беларусь"),
]
DIFFERENT_NAME = [
    ("Беларусь", "Республика Беларусь"),
    ("Смоленщина", "Смоленская область"),
    ("Петра Иванова", "Пётр Иванов"),
    ("Иванов", "Пётр Иванов"),
]


@pytest.mark.parametrize(("a", "b"), SAME_NAME)
def test_name_key_equal(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_NAME)
def test_name_key_different(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


# -- per-field counts ------------------------------------------------------------------------


def doc(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "relevant": True,
        "organizations": [],
        "enterprises": [],
        "persons": [],
        "regions": [],
        "relations": [],
        "figures": [],
    }
    base.update(fields)
    return base


def rel(rtype: str, src: str, dst: str) -> dict[str, str]:
    return {"type": rtype, "from": src, "to": dst, "object": "", "evidence": ""}


def fig(value: float, unit: str, period: str = "") -> dict[str, Any]:
    return {"what": "x", "value": value, "unit": unit, "period": period, "evidence": ""}


def person(name: str, role: str = "") -> dict[str, str]:
    return {"name": name, "role": role}


CASES: list[tuple[str, dict[str, Any], dict[str, Any], str, Counts]] = [
    # (case id, prediction, gold, field, expected counts)
    (
        "org exact",
        doc(organizations=["Минский тракторный завод"]),
        doc(organizations=["Минский тракторный завод"]),
        "organizations",
        Counts(1, 0, 0),
    ),
    (
        "org legal form and quotes tolerated",
        doc(organizations=["ОАО «Белшина»"]),
        doc(organizations=["Белшина"]),
        "organizations",
        Counts(1, 0, 0),
    ),
    (
        "org unexpanded initialism is an error",
        doc(organizations=["МАЗ"]),
        doc(organizations=["Минский автомобильный завод"]),
        "organizations",
        Counts(0, 1, 1),
    ),
    (
        "org duplicates in prediction count once",
        doc(organizations=["Амкодор", "амкодор", "АМКОДОР"]),
        doc(organizations=["Амкодор", "Гомсельмаш"]),
        "organizations",
        Counts(1, 0, 1),
    ),
    (
        "enterprises scored separately",
        doc(organizations=["Амкодор"], enterprises=[]),
        doc(organizations=["Амкодор"], enterprises=["Амкодор"]),
        "enterprises",
        Counts(0, 0, 1),
    ),
    (
        "person by name, role ignored",
        doc(persons=[person("Василий Анохин", "губернатор")]),
        doc(persons=[person("Василий Анохин", "губернатор Смоленской области")]),
        "persons",
        Counts(1, 0, 0),
    ),
    (
        "person role metric catches wrong role",
        doc(persons=[person("Василий Анохин", "губернатор")]),
        doc(persons=[person("Василий Анохин", "губернатор Смоленской области")]),
        "persons_role",
        Counts(0, 1, 1),
    ),
    (
        "person role metric with empty role",
        doc(persons=[person("Иван Петров")]),
        doc(persons=[person("Иван Петров", "")]),
        "persons_role",
        Counts(1, 0, 0),
    ),
    (
        "surname-only person is a false positive",
        doc(persons=[person("Иван Петров"), person("Петров")]),
        doc(persons=[person("Иван Петров")]),
        "persons",
        Counts(1, 1, 0),
    ),
    (
        "regions: alias not resolved",
        doc(regions=["Смоленщина", "Республика Беларусь"]),
        doc(regions=["Смоленская область", "Республика Беларусь"]),
        "regions",
        Counts(1, 1, 1),
    ),
    (
        "typed relation exact",
        doc(relations=[rel("supply", "Минский тракторный завод", "Смоленская область")]),
        doc(relations=[rel("supply", "Минский тракторный завод", "Смоленская область")]),
        "relations_typed",
        Counts(1, 0, 0),
    ),
    (
        "typed supply reversed is wrong",
        doc(relations=[rel("supply", "Смоленская область", "Минский тракторный завод")]),
        doc(relations=[rel("supply", "Минский тракторный завод", "Смоленская область")]),
        "relations_typed",
        Counts(0, 1, 1),
    ),
    (
        "untyped supply reversed is right",
        doc(relations=[rel("supply", "Смоленская область", "Минский тракторный завод")]),
        doc(relations=[rel("supply", "Минский тракторный завод", "Смоленская область")]),
        "relations_untyped",
        Counts(1, 0, 0),
    ),
    (
        "agreement direction ignored",
        doc(relations=[rel("agreement", "Республика Беларусь", "Брянская область")]),
        doc(relations=[rel("agreement", "Брянская область", "Республика Беларусь")]),
        "relations_typed",
        Counts(1, 0, 0),
    ),
    (
        "meeting direction ignored",
        doc(relations=[rel("meeting", "Гомсельмаш", "Правительство Омской области")]),
        doc(relations=[rel("meeting", "Правительство Омской области", "Гомсельмаш")]),
        "relations_typed",
        Counts(1, 0, 0),
    ),
    (
        "joint_venture direction ignored",
        doc(relations=[rel("joint_venture", "КАМАЗ", "Минский автомобильный завод")]),
        doc(relations=[rel("joint_venture", "Минский автомобильный завод", "КАМАЗ")]),
        "relations_typed",
        Counts(1, 0, 0),
    ),
    (
        "wrong type, right pair",
        doc(relations=[rel("agreement", "Амкодор", "Псковская область")]),
        doc(relations=[rel("joint_production", "Амкодор", "Псковская область")]),
        "relations_typed",
        Counts(0, 1, 1),
    ),
    (
        "wrong type still counts untyped",
        doc(relations=[rel("agreement", "Амкодор", "Псковская область")]),
        doc(relations=[rel("joint_production", "Амкодор", "Псковская область")]),
        "relations_untyped",
        Counts(1, 0, 0),
    ),
    (
        "untyped pair counted once for two types",
        doc(relations=[rel("meeting", "A", "B"), rel("agreement", "B", "A")]),
        doc(relations=[rel("agreement", "A", "B")]),
        "relations_untyped",
        Counts(1, 0, 0),
    ),
    (
        "relation endpoints normalised like organizations",
        doc(relations=[rel("supply", "ОАО «Белшина»", "КАМАЗ")]),
        doc(relations=[rel("supply", "Белшина", "ПАО КАМАЗ")]),
        "relations_typed",
        Counts(1, 0, 0),
    ),
    (
        "figure exact",
        doc(figures=[fig(294_000_000_000, "RUB", "2024")]),
        doc(figures=[fig(294_000_000_000, "RUB", "2024")]),
        "figures",
        Counts(1, 0, 0),
    ),
    (
        "figure within tolerance",
        doc(figures=[fig(36.5, "%")]),
        doc(figures=[fig(36.4, "%")]),
        "figures",
        Counts(1, 0, 0),
    ),
    (
        "figure outside tolerance",
        doc(figures=[fig(37.0, "%")]),
        doc(figures=[fig(36.4, "%")]),
        "figures",
        Counts(0, 1, 1),
    ),
    (
        "figure wrong magnitude",
        doc(figures=[fig(294_000_000, "RUB")]),
        doc(figures=[fig(294_000_000_000, "RUB")]),
        "figures",
        Counts(0, 1, 1),
    ),
    (
        "figure wrong unit",
        doc(figures=[fig(120, "USD")]),
        doc(figures=[fig(120, "RUB")]),
        "figures",
        Counts(0, 1, 1),
    ),
    (
        "figure unit case tolerated, value as string",
        doc(figures=[fig("1500", "units")]),  # type: ignore[arg-type]
        doc(figures=[fig(1500, "UNITS")]),
        "figures",
        Counts(1, 0, 0),
    ),
    (
        "figure unparsable value is spurious",
        doc(figures=[fig("много", "units")]),  # type: ignore[arg-type]
        doc(figures=[]),
        "figures",
        Counts(0, 1, 0),
    ),
    (
        "figure multiset: same value twice in gold",
        doc(figures=[fig(10, "%")]),
        doc(figures=[fig(10, "%"), fig(10, "%")]),
        "figures",
        Counts(1, 0, 1),
    ),
    (
        "figure range: both ends",
        doc(figures=[fig(300, "units"), fig(350, "units")]),
        doc(figures=[fig(350, "units"), fig(300, "units")]),
        "figures",
        Counts(2, 0, 0),
    ),
    (
        "figure closest value wins",
        doc(figures=[fig(100.4, "%"), fig(100.0, "%")]),
        doc(figures=[fig(100.0, "%"), fig(100.3, "%")]),
        "figures",
        Counts(2, 0, 0),
    ),
    (
        "figure period ignored in figures",
        doc(figures=[fig(5, "rank", "2023")]),
        doc(figures=[fig(5, "rank", "2024")]),
        "figures",
        Counts(1, 0, 0),
    ),
    (
        "figure period checked in figures_period",
        doc(figures=[fig(5, "rank", "2023")]),
        doc(figures=[fig(5, "rank", "2024")]),
        "figures_period",
        Counts(0, 1, 1),
    ),
    (
        "missing keys count as empty",
        {"relevant": False},
        doc(organizations=["Белшина"]),
        "organizations",
        Counts(0, 0, 1),
    ),
]


@pytest.mark.parametrize(
    ("pred", "gold", "field_name", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_field_counts(
    pred: dict[str, Any], gold: dict[str, Any], field_name: str, expected: Counts
) -> None:
    assert score_document(pred, gold).counts[field_name] == expected


def test_diffs_name_the_errors() -> None:
    score = score_document(
        doc(organizations=["МАЗ", "Белшина"]),
        doc(organizations=["Минский автомобильный завод", "Белшина"]),
    )
    assert score.diffs["organizations"].missing == ("Минский автомобильный завод",)
    assert score.diffs["organizations"].spurious == ("МАЗ",)
    assert "regions" not in score.diffs


# -- ratios and corpus averaging -------------------------------------------------------------

RATIOS = [
    # counts, precision, recall, f1
    (Counts(1, 1, 0), 0.5, 1.0, 2 / 3),
    (Counts(3, 1, 2), 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
    (Counts(0, 0, 0), 1.0, 1.0, 1.0),
    (Counts(0, 0, 4), 0.0, 0.0, 0.0),
    (Counts(0, 2, 0), 0.0, 0.0, 0.0),
]


@pytest.mark.parametrize(("counts", "p", "r", "f1"), RATIOS)
def test_ratios(counts: Counts, p: float, r: float, f1: float) -> None:
    assert counts.precision == pytest.approx(p)
    assert counts.recall == pytest.approx(r)
    assert counts.f1 == pytest.approx(f1)


def test_corpus_is_micro_averaged() -> None:
    # doc 1: 1 of 1 right; doc 2: 0 of 3 found. Macro recall would be 0.5, micro is 0.25.
    d1 = score_document(doc(regions=["Москва"]), doc(regions=["Москва"]))
    d2 = score_document(
        doc(relevant=False), doc(regions=["Брянская область", "Калужская область", "Москва"])
    )
    total = score_corpus([d1, d2])
    assert total.counts["regions"] == Counts(1, 0, 3)
    assert total.counts["regions"].recall == pytest.approx(0.25)
    assert total.documents == 2
    assert total.relevance_correct == 1
    assert total.relevance_accuracy == pytest.approx(0.5)


def test_corpus_json_shape() -> None:
    total = score_corpus([score_document(doc(), doc())])
    data = total.to_json()
    assert data["documents"] == 1
    assert data["relevance_accuracy"] == 1.0
    assert set(data["fields"]) >= {"organizations", "relations_typed", "figures"}
    assert data["fields"]["figures"]["f1"] == 1.0


def test_empty_corpus() -> None:
    total = score_corpus([])
    assert total.documents == 0
    assert total.relevance_accuracy == 0.0
