"""Consistency of the fresh corpora: every gold file follows ANNOTATION.md.

``tests/press/fresh_a`` … ``fresh_o`` were written by annotators who did not read the
extractor, its vocabularies or its output (each directory's README gives its style and the
annotator's decisions). These tests only check that the gold is well formed and grounded in
its text (``gold_checks.py``), never the extractor. One table row per corpus: what differs
between them is the word limits and the annotator's own extra checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from soyuzprom.press.evaluation.corpus import GoldDocument, load_gold_dir

from .gold_checks import (
    RELATION_TYPES,
    check_figures,
    check_persons,
    check_relations,
    check_schema,
    check_unique_relations,
)

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Corpus:
    name: str
    min_words: int = 180
    max_words: int = 450
    negatives: frozenset[str] = frozenset()  # when the annotator listed them
    max_short: int | None = None  # texts under 180 words allowed (short wires)
    facts_in_relevant: bool = False  # every relevant text has a relation and a figure
    published_years: tuple[int, int] | None = None


CORPORA = [
    Corpus("fresh_a"),
    Corpus("fresh_b"),
    Corpus("fresh_c",
           negatives=frozenset({"fc15_lida_foundry_results", "fc16_altai_cheese_plant",
                                "fc17_elista_sambo_tournament",
                                "fc18_mogilev_theatre_tula"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_d", min_words=120, max_short=5),
    Corpus("fresh_e",
           negatives=frozenset({"fe15_slutsk_cheese_plant_results", "fe16_tomsk_judo_tournament",
                                "fe17_grodno_russian_tourists",
                                "fe18_ingushetia_glass_container_plant"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_g",
           negatives=frozenset({"fg15_bryansk_ensemble_slavianski_bazaar",
                                "fg16_lepel_electromechanical_results",
                                "fg17_pskov_vitebsk_rowing_regatta",
                                "fg18_smolensk_vitebsk_memorial_meeting"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_h",
           negatives=frozenset({"fh15_smorgon_aggregate_plant_results",
                                "fh16_kazan_akbars_dinamo_minsk",
                                "fh17_cheboksary_mogilev_culture_days",
                                "fh18_ulyanovsk_students_minsk_olympiad"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_f",
           negatives=frozenset({"ff15_vitebsk_monolit_results", "ff16_nalchik_judo_cup",
                                "ff17_grodno_puppets_sevastopol",
                                "ff18_karachay_students_gorki_academy"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_i",
           negatives=frozenset({"fi15_volgograd_budget_first_reading",
                                "fi16_krasnodar_lokomotiv_tsmoki", "fi17_mogilev_puppets_barnaul",
                                "fi18_novosibirsk_elsib_turbogenerators"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_j",
           negatives=frozenset({"fj15_kursk_regional_budget",
                                "fj16_vologda_optical_plant_workshop",
                                "fj17_lenoblast_toksovo_ski_cup",
                                "fj18_kaluga_museum_minsk_exhibition"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_k",
           negatives=frozenset({"fk15_kirov_regional_budget",
                                "fk16_penza_dizel_preseason_tournament",
                                "fk17_petrozavodsk_vitebsk_art_exhibition",
                                "fk18_samara_machine_tool_plant_cnc_line"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_l",
           negatives=frozenset({"fl15_tyumen_budget_amendments",
                                "fl16_kingisepp_fosforit_fertilizer_line",
                                "fl17_khabarovsk_chess_rapid_festival",
                                "fl18_izhevsk_opera_minsk_tour"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_m", max_words=400,
           negatives=frozenset({"fm15_novosibirsk_budget_first_reading",
                                "fm16_ulan_ude_freestyle_wrestling_cup",
                                "fm17_khabarovsk_brest_drama_theatre_tour",
                                "fm18_chelyabinsk_crane_plant_paint_line"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_n", max_words=400,
           negatives=frozenset({"fn15_pinsk_mechanical_plant_results",
                                "fn16_maykop_handball_gorodnichanka",
                                "fn17_kursk_gomel_folk_festival",
                                "fn18_astrakhan_regional_budget"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
    Corpus("fresh_o", max_words=400,
           negatives=frozenset({"fo15_borisov_plastics_plant_results",
                                "fo16_kazan_volleyball_preseason_cup",
                                "fo17_yaroslavl_volkov_theatre_mogilev_tour",
                                "fo18_vladimir_regional_budget_2026"}),
           facts_in_relevant=True, published_years=(2024, 2026)),
]
DOCS = {c.name: {d.stem: d for d in load_gold_dir(HERE / c.name)} for c in CORPORA}
ALL = [(c, d) for c in CORPORA for d in DOCS[c.name].values()]
IDS = [d.stem for _, d in ALL]


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_corpus_size_and_negatives(corpus: Corpus) -> None:
    docs = DOCS[corpus.name]
    assert len(docs) == 18
    negatives = {stem for stem, d in docs.items() if not d.gold["relevant"]}
    assert len(negatives) == 4
    if corpus.negatives:
        assert negatives == corpus.negatives
    assert {rel["type"] for d in docs.values() for rel in d.gold["relations"]} \
        == RELATION_TYPES
    if corpus.max_short is not None:
        short = [s for s, d in docs.items() if len(d.text.split()) < 180]
        assert len(short) <= corpus.max_short, short


@pytest.mark.parametrize(("corpus", "doc"), ALL, ids=IDS)
def test_gold_schema(corpus: Corpus, doc: GoldDocument) -> None:
    check_schema(doc, min_words=corpus.min_words, max_words=corpus.max_words)
    check_unique_relations(doc)
    if corpus.facts_in_relevant and doc.gold["relevant"]:
        assert doc.gold["relations"] and doc.gold["figures"], doc.stem
    if corpus.published_years is not None:
        first, last = corpus.published_years
        assert doc.published is not None and first <= doc.published.year <= last, doc.stem


@pytest.mark.parametrize(("corpus", "doc"), ALL, ids=IDS)
def test_relations_are_grounded(corpus: Corpus, doc: GoldDocument) -> None:
    check_relations(doc)


@pytest.mark.parametrize(("corpus", "doc"), ALL, ids=IDS)
def test_figures_are_grounded(corpus: Corpus, doc: GoldDocument) -> None:
    check_figures(doc)


@pytest.mark.parametrize(("corpus", "doc"), ALL, ids=IDS)
def test_persons_are_in_the_text(corpus: Corpus, doc: GoldDocument) -> None:
    """Each person's surname occurs in the text; bylines at the end are not persons."""
    check_persons(doc)
