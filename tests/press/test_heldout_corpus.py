"""Consistency of the held-out corpus: every gold file follows ANNOTATION.md.

The held-out texts (tests/press/heldout/) are written in the style of regional news sites
and government press releases and were never shown to the extractor's authors; this test
only checks that the gold is well-formed and grounded in its text, never the extractor.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from soyuzprom.press.evaluation.corpus import GoldDocument, load_gold_dir

HELDOUT = Path(__file__).parent / "heldout"
DOCS = {doc.stem: doc for doc in load_gold_dir(HELDOUT)}
STEMS = sorted(DOCS)

KEYS = {
    "published",
    "relevant",
    "organizations",
    "enterprises",
    "persons",
    "regions",
    "relations",
    "figures",
}
RELATION_TYPES = {
    "supply",
    "joint_production",
    "service_center",
    "joint_venture",
    "investment_project",
    "agreement",
    "meeting",
}
UNITS = {"RUB", "USD", "EUR", "BYN", "%", "units", "persons", "rank"}
PERIOD = re.compile(r"^(|target|\d{4}|\d{4}-\d{4}|\d{4}-\d{2}\.\.\d{4}-\d{2})$")
LEGAL_FORM = re.compile(r"^(ОАО|ООО|АО|ПАО|ЗАО|РУП|УП|ЧУП|СООО|ИООО)\b|[«»\"]")
# colloquial or short forms that ANNOTATION.md normalises; none may survive in a gold name
UNNORMALISED = re.compile(r"^(МАЗ|МТЗ|БелАЗ|МЗКТ|ММЗ|МПЗ)$|машзавод|облисполком|Минпромторг")
# first-level units in their official names; aliases (Кузбасс, Югра, Прикамье) are resolved,
# and subjects whose official name carries the alias keep it ("Кемеровская область — Кузбасс")
REGION = re.compile(
    r"^(Российская Федерация|Республика Беларусь|Москва|Санкт-Петербург"
    r"|\w+ская область|\w+ский край|Республика \w+|\w+ская Республика"
    r"|\w+-\w+кий автономный округ)( — \w+)?$"
)
QUALIFIERS = [
    (re.compile(r"\b(около|порядка|почти|примерно)\b", re.I), "(approx.)"),
    (re.compile(r"\b(более|свыше|превы[сш]\w*)\b", re.I), "(over)"),
    (re.compile(r"\bне менее\b", re.I), "(at least)"),
]


def doc(stem: str) -> GoldDocument:
    return DOCS[stem]


def test_corpus_size_and_negatives() -> None:
    golds = [d.gold for d in DOCS.values()]
    assert len(golds) == 30
    assert sum(not g["relevant"] for g in golds) == 8
    types = {rel["type"] for g in golds for rel in g["relations"]}
    assert types == RELATION_TYPES


@pytest.mark.parametrize("stem", STEMS)
def test_gold_schema(stem: str) -> None:
    d = doc(stem)
    gold = d.gold
    assert set(gold) >= KEYS
    assert d.published is not None
    assert 250 <= len(d.text.split()) <= 700
    assert set(gold["enterprises"]) <= set(gold["organizations"])
    for field in ("organizations", "regions"):
        assert len(set(gold[field])) == len(gold[field]), f"duplicate in {field}"
    for name in gold["organizations"]:
        assert not LEGAL_FORM.search(name), name
        assert not UNNORMALISED.search(name), name
    for region in gold["regions"]:
        assert REGION.match(region), region
    for person in gold["persons"]:
        assert set(person) == {"name", "role"}
        assert len(person["name"].split()) == 2, person  # "Имя Фамилия", no patronymic
    if not gold["relevant"]:
        assert gold["relations"] == [] and gold["figures"] == []


@pytest.mark.parametrize("stem", STEMS)
def test_relations_are_grounded(stem: str) -> None:
    d = doc(stem)
    endpoints = set(d.gold["organizations"]) | set(d.gold["regions"])
    for rel in d.gold["relations"]:
        assert rel["type"] in RELATION_TYPES
        assert rel["from"] in endpoints, rel["from"]
        assert rel["to"] in endpoints, rel["to"]
        assert rel["from"] != rel["to"]
        assert rel["object"].strip()
        assert rel["evidence"] in d.text, rel["evidence"]


@pytest.mark.parametrize("stem", STEMS)
def test_figures_are_grounded(stem: str) -> None:
    d = doc(stem)
    for fig in d.gold["figures"]:
        assert fig["evidence"] in d.text, fig["evidence"]
        assert fig["unit"] in UNITS
        assert isinstance(fig["value"], int | float) and not isinstance(fig["value"], bool)
        assert PERIOD.match(fig["period"]), fig["period"]
        for pattern, marker in QUALIFIERS:
            has_word = bool(pattern.search(fig["evidence"]))
            assert has_word == (marker in fig["what"]), (fig["what"], fig["evidence"])


@pytest.mark.parametrize("stem", STEMS)
def test_persons_are_in_the_text(stem: str) -> None:
    """Each person's surname occurs in the text; bylines at the end are not persons."""
    d = doc(stem)
    for person in d.gold["persons"]:
        for part in person["name"].split()[1].split("-"):
            stem = part[: max(3, len(part) - 2)]  # case endings: Крутой / Крутого
            assert stem in d.text, person["name"]
