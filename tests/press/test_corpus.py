"""Consistency of the development corpus: every gold file follows ANNOTATION.md."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .gold_checks import (
    KEYS,
    LEGAL_FORM,
    PERIOD,
    QUALIFIERS,
    RELATION_TYPES,
    UNITS,
)

CORPUS = Path(__file__).parent / "corpus"
STEMS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def load(stem: str) -> tuple[str, dict[str, Any]]:
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    return text, gold


def test_corpus_size_and_negatives() -> None:
    golds = [load(stem)[1] for stem in STEMS]
    assert len(golds) >= 45
    assert sum(not g["relevant"] for g in golds) >= 8
    assert {p.stem for p in CORPUS.glob("*.json")} == set(STEMS)


@pytest.mark.parametrize("stem", STEMS)
def test_gold_schema(stem: str) -> None:
    text, gold = load(stem)
    assert set(gold) >= KEYS
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["published"])
    assert 150 <= len(text.split()) <= 450
    assert set(gold["enterprises"]) <= set(gold["organizations"])
    for name in gold["organizations"]:
        assert not LEGAL_FORM.search(name), name
    for person in gold["persons"]:
        assert set(person) == {"name", "role"}
        assert len(person["name"].split()) == 2, person  # "Имя Фамилия"
    if not gold["relevant"]:
        assert gold["relations"] == [] and gold["figures"] == []


@pytest.mark.parametrize("stem", STEMS)
def test_relations_are_grounded(stem: str) -> None:
    text, gold = load(stem)
    endpoints = set(gold["organizations"]) | set(gold["regions"])
    for rel in gold["relations"]:
        assert rel["type"] in RELATION_TYPES
        assert rel["from"] in endpoints, rel["from"]
        assert rel["to"] in endpoints, rel["to"]
        assert rel["from"] != rel["to"]
        assert rel["object"].strip()
        assert rel["evidence"] in text, rel["evidence"]


@pytest.mark.parametrize("stem", STEMS)
def test_figures_are_grounded(stem: str) -> None:
    text, gold = load(stem)
    for fig in gold["figures"]:
        assert fig["evidence"] in text, fig["evidence"]
        assert fig["unit"] in UNITS
        assert isinstance(fig["value"], int | float) and not isinstance(fig["value"], bool)
        assert PERIOD.match(fig["period"]), fig["period"]
        for pattern, marker in QUALIFIERS:
            has_word = bool(pattern.search(fig["evidence"]))
            assert has_word == (marker in fig["what"]), (fig["what"], fig["evidence"])
