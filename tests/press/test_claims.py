"""Extraction dict -> claim proposals, without a database: candidates, refs, fingerprints."""

from __future__ import annotations

from typing import Any

from soyuzprom.press.claims import Sentences, fingerprint, identity, metric_of, propose
from soyuzprom.press.resolution import RegistryIndex
from soyuzprom.registry.reference import read_regions

from .conftest import ORSHA_UNP

REGIONS = [(i + 1, r.code, r.name) for i, r in enumerate(read_regions())]
TEXT = ("Гомсельмаш и Оршанский льнокомбинат\n"
        "ОАО «Гомсельмаш» (УНП 400051902) поставит РУП «Оршанский льнокомбинат» "
        f"(УНП {ORSHA_UNP}) 12 комбайнов. Товарооборот Витебской области со Смоленщиной "
        "превысил 1,2 млрд долларов.")
EXTRACTION: dict[str, Any] = {
    "relevant": True,
    "organizations": ["Гомсельмаш", "Оршанский льнокомбинат"],
    "enterprises": ["Гомсельмаш", "Оршанский льнокомбинат"],
    "persons": [],
    "regions": ["Витебская область", "Смоленская область"],
    "relations": [{"type": "supply", "from": "Гомсельмаш", "to": "Оршанский льнокомбинат",
                   "object": "комбайны",
                   "evidence": "ОАО «Гомсельмаш» (УНП 400051902) поставит"}],
    "figures": [{"what": "trade turnover Vitebsk region - Smolensk region (over)",
                 "value": 1_200_000_000, "unit": "USD", "period": "",
                 "evidence": "превысил 1,2 млрд долларов"}],
}


def index() -> RegistryIndex:
    # The registry knows the Orsha mill only by its UNP, under another name.
    return RegistryIndex.from_rows([(7, "Льнокомбинат Орша", None, None, None, ORSHA_UNP)],
                                   regions=REGIONS)


def test_unknown_organization_becomes_a_candidate_and_known_ones_refs() -> None:
    proposals, summary = propose(EXTRACTION, TEXT, index(), document_id=1)
    by_kind: dict[str, list[Any]] = {}
    for p in proposals:
        by_kind.setdefault(p.kind, []).append(p)
    candidate, = by_kind["organization"]
    assert candidate.payload["name"] == "Гомсельмаш"
    assert candidate.payload["resolution"] == "unknown"
    assert candidate.payload["kind"] == "enterprise"
    assert candidate.evidence is not None and candidate.evidence.startswith("Гомсельмаш и")
    relation, = by_kind["relation"]
    assert relation.payload["from_ref"] is None
    assert relation.payload["to_ref"] == {"kind": "organization", "id": 7,
                                          "name": "Оршанский льнокомбинат"}
    assert TEXT[relation.start:relation.end] == relation.evidence
    assert relation.payload["sentence"].startswith("ОАО «Гомсельмаш»")
    figure, = by_kind["figure"]
    assert (figure.payload["qualifier"], figure.payload["metric"]) == (
        "over", "trade_turnover_vitebsk_region_smolensk_region")
    assert (figure.payload["subject_region_code"],
            figure.payload["counterpart_region_code"]) == ("RU-SMO", "BY-VI")
    methods = {m["mention"]: m["method"] for m in summary["organizations"]}
    assert methods == {"Гомсельмаш": "", "Оршанский льнокомбинат": "identifier"}


def test_not_relevant_text_proposes_nothing() -> None:
    proposals, summary = propose({**EXTRACTION, "relevant": False}, TEXT, index(), 1)
    assert proposals == []
    assert summary["relevant"] is False and len(summary["regions"]) == 2


def test_fingerprint_ignores_form_but_not_facts() -> None:
    base = {"type": "supply", "from": "ОАО «Гомсельмаш»", "to": "Оршанский льнокомбинат",
            "object": "комбайны", "from_ref": None}
    same = {**base, "from": "Гомсельмаш", "from_ref": {"id": 3}, "sentence": "другое"}
    # the object's wording follows the sentence: the same supply told again in an edited
    # article ("поставит оборудование") is the fact a reviewer already judged
    reworded = {**base, "object": "оборудование"}
    other = {**base, "type": "service_center"}
    reversed_ = {**base, "from": base["to"], "to": base["from"]}

    def fp(payload: dict[str, Any], document: int = 1) -> str:
        return fingerprint(document, "relation", identity("relation", payload))

    assert fp(base) == fp(same) == fp(reworded)
    assert fp(base) != fp(other)
    assert fp(base) != fp(reversed_)
    assert fp(base) != fp(base, document=2)


def test_sentences_and_metric() -> None:
    sentences = Sentences("Заголовок без точки\nПервое предложение. Второе.")
    assert sentences.around(22, 25)[2] == "Первое предложение."
    assert sentences.around(0, 3)[2] == "Заголовок без точки"
    assert metric_of("exports of Belarus to Smolensk region (approx.)".replace(
        "(approx.)", "")) == "exports_of_belarus_to_smolensk_region"
