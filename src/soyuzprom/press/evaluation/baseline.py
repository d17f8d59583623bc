"""The natasha-only baseline: what the off-the-shelf library gives without our domain layer.

Mapping to the ANNOTATION.md schema, deliberately naive:

- NER ``ORG`` spans, normalised by natasha -> ``organizations`` and ``enterprises`` (natasha
  has no notion of which organizations are companies);
- ``PER`` spans, normalised; when natasha's NamesExtractor finds a first and a last name the
  person is "Имя Фамилия", otherwise the normalised span as is; role always ``""``;
- ``LOC`` spans, normalised -> ``regions`` (cities and countries alike);
- ``MoneyExtractor`` matches -> ``figures`` (value = amount, unit = currency, period ``""``);
- ``relevant`` is always ``true``: natasha has no relevance model, and "everything is
  relevant" is the trivial rule that keeps the baseline's names and figures in every text;
- no relations.

Models are loaded once, when the object is built; build it once per process.

Example:
    >>> baseline = NatashaBaseline()                                  # doctest: +SKIP
    >>> baseline.extract("Минский тракторный завод ...", None)["relevant"]  # doctest: +SKIP
    True
"""

from __future__ import annotations

from datetime import date
from typing import Any

from natasha import (
    Doc,
    MoneyExtractor,
    MorphVocab,
    NamesExtractor,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    Segmenter,
)


class NatashaBaseline:
    """natasha NER + MoneyExtractor mapped to the extraction JSON schema."""

    name = "natasha"

    def __init__(self) -> None:
        self._segmenter = Segmenter()
        self._morph_vocab = MorphVocab()
        embedding = NewsEmbedding()
        # The morph tagger is needed: span normalisation uses token morphology.
        self._morph_tagger = NewsMorphTagger(embedding)
        self._ner_tagger = NewsNERTagger(embedding)
        self._names = NamesExtractor(self._morph_vocab)
        self._money = MoneyExtractor(self._morph_vocab)

    def extract(self, text: str, published: date | None = None) -> dict[str, Any]:
        """One text -> a JSON object in the ANNOTATION.md schema (``published`` unused)."""
        doc = Doc(text)
        doc.segment(self._segmenter)
        doc.tag_morph(self._morph_tagger)
        doc.tag_ner(self._ner_tagger)
        orgs: list[str] = []
        persons: list[str] = []
        regions: list[str] = []
        for span in doc.spans:
            span.normalize(self._morph_vocab)
            normal = (span.normal or span.text).strip()
            if span.type == "ORG":
                _add(orgs, normal)
            elif span.type == "LOC":
                _add(regions, normal)
            elif span.type == "PER":
                _add(persons, self._person_name(span.text, normal))
        return {
            "relevant": True,
            "organizations": orgs,
            "enterprises": list(orgs),
            "persons": [{"name": name, "role": ""} for name in persons],
            "regions": regions,
            "relations": [],
            "figures": self._figures(text),
        }

    def _person_name(self, span_text: str, normal: str) -> str:
        match = self._names.find(span_text)
        fact = match.fact if match else None
        if fact is not None and fact.first and fact.last:
            return f"{fact.first.capitalize()} {fact.last.capitalize()}"
        return normal

    def _figures(self, text: str) -> list[dict[str, Any]]:
        figures = []
        for match in self._money(text):
            figures.append(
                {
                    "what": "money",
                    "value": match.fact.amount,
                    "unit": match.fact.currency,
                    "period": "",
                    "evidence": text[match.start : match.stop],
                }
            )
        return figures


def _add(items: list[str], value: str) -> None:
    if value and value not in items:
        items.append(value)
