"""Consistency of the fresh_d corpus: every gold file follows ANNOTATION.md.

The fresh_d texts (tests/press/fresh_d/) are written in the style of Belarusian regional
media and BelTA-like wires (the Belarusian side) and of Russian municipal and regional
portals. They were written and annotated without reading the extractor, its vocabularies
or its output. The checks are those of the held-out corpus (gold_checks.py); this test
never runs the extractor.
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

FRESH_D = Path(__file__).parent / "fresh_d"
DOCS = {doc.stem: doc for doc in load_gold_dir(FRESH_D)}
STEMS = sorted(DOCS)
SHORT_WIRE = 180  # texts below this many words are short wires (120-179 words)
MAX_SHORT_WIRES = 5


def test_corpus_size_and_negatives() -> None:
    golds = [d.gold for d in DOCS.values()]
    assert len(golds) == 18
    assert sum(not g["relevant"] for g in golds) == 4
    types = {rel["type"] for g in golds for rel in g["relations"]}
    assert types == RELATION_TYPES


def test_short_wires_are_few() -> None:
    short = [s for s, d in DOCS.items() if len(d.text.split()) < SHORT_WIRE]
    assert len(short) <= MAX_SHORT_WIRES, short


def test_relations_are_unique_per_type_and_parties() -> None:
    for stem, doc in DOCS.items():
        keys = [(r["type"], r["from"], r["to"]) for r in doc.gold["relations"]]
        assert len(keys) == len(set(keys)), stem


@pytest.mark.parametrize("stem", STEMS)
def test_gold_schema(stem: str) -> None:
    check_schema(DOCS[stem], min_words=120, max_words=450)


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
