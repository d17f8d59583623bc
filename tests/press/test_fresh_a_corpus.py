"""Consistency of the fresh_a corpus: every gold file follows ANNOTATION.md.

The fresh_a texts (tests/press/fresh_a/) are written in the style of regional government
portals, ministry press releases and agency wires by an annotator who did not read the
extractor, its vocabularies or its output. This test only checks that the gold is well
formed and grounded in its text, never the extractor.
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

FRESH_A = Path(__file__).parent / "fresh_a"
DOCS = {doc.stem: doc for doc in load_gold_dir(FRESH_A)}
STEMS = sorted(DOCS)


def test_corpus_size_and_negatives() -> None:
    golds = [d.gold for d in DOCS.values()]
    assert len(golds) == 18
    assert sum(not g["relevant"] for g in golds) == 4
    types = {rel["type"] for g in golds for rel in g["relations"]}
    assert types == RELATION_TYPES


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
    """Each person's surname occurs in the text; bylines at the end are not persons."""
    check_persons(DOCS[stem])
