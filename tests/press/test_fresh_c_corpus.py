"""Consistency of the fresh_c corpus: every gold file follows ANNOTATION.md.

The fresh_c texts (tests/press/fresh_c/) are written in the style of regional TV/radio news
sites and regional newspapers' economy sections, by an annotator who did not read the
extractor, its vocabularies or its output, and never ran it. This test only checks that the
gold is well-formed and grounded in its text (gold_checks.py), never the extractor.
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

FRESH_C = Path(__file__).parent / "fresh_c"
DOCS = {doc.stem: doc for doc in load_gold_dir(FRESH_C)}
STEMS = sorted(DOCS)
NEGATIVES = {
    "fc15_lida_foundry_results",
    "fc16_altai_cheese_plant",
    "fc17_elista_sambo_tournament",
    "fc18_mogilev_theatre_tula",
}


def test_corpus_size_and_negatives() -> None:
    golds = [d.gold for d in DOCS.values()]
    assert len(golds) == 18
    assert sum(not g["relevant"] for g in golds) == 4
    assert {stem for stem, d in DOCS.items() if not d.gold["relevant"]} == NEGATIVES
    types = {rel["type"] for g in golds for rel in g["relations"]}
    assert types == RELATION_TYPES


def test_relevant_texts_carry_facts() -> None:
    for stem, d in DOCS.items():
        if d.gold["relevant"]:
            assert d.gold["relations"], stem
            assert d.gold["figures"], stem


def test_published_dates_in_range() -> None:
    for stem, d in DOCS.items():
        assert d.published is not None and 2024 <= d.published.year <= 2026, stem


def test_one_relation_per_type_and_pair() -> None:
    for stem, d in DOCS.items():
        keys = [(r["type"], r["from"], r["to"]) for r in d.gold["relations"]]
        assert len(keys) == len(set(keys)), stem


@pytest.mark.parametrize("stem", STEMS)
def test_gold_schema(stem: str) -> None:
    check_schema(DOCS[stem], min_words=180, max_words=450)


@pytest.mark.parametrize("stem", STEMS)
def test_relations_are_grounded(stem: str) -> None:
    check_relations(DOCS[stem])


@pytest.mark.parametrize("stem", STEMS)
def test_figures_are_grounded(stem: str) -> None:
    check_figures(DOCS[stem])


@pytest.mark.parametrize("stem", STEMS)
def test_persons_are_in_the_text(stem: str) -> None:
    """Each person's surname occurs in the text."""
    check_persons(DOCS[stem])
