"""Consistency of the blind corpus: every gold file follows ANNOTATION.md.

The blind texts (tests/press/blind/) were written and annotated without reading the
extractor, its vocabularies or its output, and use Russian regions and enterprises that
occur in neither the development nor the held-out corpus. The checks are those of the
held-out corpus (gold_checks.py); this test never runs the extractor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from soyuzprom.press.evaluation.corpus import load_gold_dir

from .gold_checks import (
    RELATION_TYPES,
    check_figures,
    check_persons,
    check_relations,
    check_schema,
)

HERE = Path(__file__).parent
BLIND = HERE / "blind"
DOCS = {doc.stem: doc for doc in load_gold_dir(BLIND)}
STEMS = sorted(DOCS)
BELARUS_AND_COUNTRIES = {
    "Российская Федерация",
    "Республика Беларусь",
    "Брестская область",
    "Витебская область",
    "Гомельская область",
    "Гродненская область",
    "Минская область",
    "Могилёвская область",
}
# named only in passing elsewhere: Москва (n18 here), Приморье (a quote in heldout h09)
PASSING_OVERLAP = {"Москва", "Приморский край"}


def test_corpus_size_and_negatives() -> None:
    golds = [d.gold for d in DOCS.values()]
    assert len(golds) == 20
    assert sum(not g["relevant"] for g in golds) == 6
    types = {rel["type"] for g in golds for rel in g["relations"]}
    assert types == RELATION_TYPES
    # negatives are named n.., relevant texts b..
    assert all(d.gold["relevant"] == stem.startswith("b") for stem, d in DOCS.items())


def test_no_overlap_with_development_and_heldout() -> None:
    """Russian regions and enterprises of the blind set are new to the other two corpora."""
    seen_regions: set[str] = set()
    seen_enterprises: set[str] = set()
    for other in ("corpus", "heldout"):
        for d in load_gold_dir(HERE / other):
            seen_regions |= set(d.gold["regions"])
            seen_enterprises |= set(d.gold["enterprises"])
    blind_regions = {r for d in DOCS.values() for r in d.gold["regions"]}
    blind_enterprises = {e for d in DOCS.values() for e in d.gold["enterprises"]}
    assert (blind_regions - BELARUS_AND_COUNTRIES - PASSING_OVERLAP) & seen_regions == set()
    assert blind_enterprises & seen_enterprises == set()


@pytest.mark.parametrize("stem", STEMS)
def test_gold_schema(stem: str) -> None:
    check_schema(DOCS[stem], min_words=200, max_words=600)


@pytest.mark.parametrize("stem", STEMS)
def test_relations_are_grounded(stem: str) -> None:
    check_relations(DOCS[stem])


@pytest.mark.parametrize("stem", STEMS)
def test_figures_are_grounded(stem: str) -> None:
    check_figures(DOCS[stem])


@pytest.mark.parametrize("stem", STEMS)
def test_persons_are_in_the_text(stem: str) -> None:
    """Each person's surname occurs in the text; bylines at the end are not persons."""
    check_persons(DOCS[stem])
