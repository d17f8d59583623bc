"""natasha adapter: one text -> our own tokens, sentences and NER spans.

The heavy models (navec embeddings, slovnet morph/NER/syntax) are loaded once per process
by :class:`NatashaModels`. The syntax parser is run only on the sentences a caller asks for
(those with relation triggers), which keeps the pipeline close to natasha's own speed.

Example::

    >>> a = analyze(get_models(), "Минский тракторный завод поставил тракторы.")
    >>> [t.text for t in a.tokens][:3]
    ['Минский', 'тракторный', 'завод']
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from soyuzprom.press.extraction.morph import Morph, get_morph, normal_word

_LEMMA_POS = {"NOUN", "PROPN", "ADJ", "VERB", "DET", "NUM", "ADV", "PRON", "AUX"}


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in the document
    sent: int  # sentence index
    text: str
    start: int
    stop: int
    pos: str
    feats: dict[str, str]
    lemma: str
    head: int = -1  # document index of the syntactic head, -1 for root / not parsed
    rel: str = ""

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class NerSpan:
    type: str  # PER | LOC | ORG
    start: int
    stop: int
    text: str
    first: int  # first token index
    last: int  # last token index (inclusive)


@dataclass(slots=True)
class Analysis:
    """A processed text. ``tokens`` is document-wide; sentences index into it."""

    text: str
    tokens: list[Token]
    sents: list[tuple[int, int, int, int]]  # (start char, stop char, first token, end token)
    spans: list[NerSpan]
    parsed: set[int] = field(default_factory=set)

    def sent_tokens(self, s: int) -> list[Token]:
        _, _, a, b = self.sents[s]
        return self.tokens[a:b]

    def sent_text(self, s: int) -> str:
        start, stop, _, _ = self.sents[s]
        return self.text[start:stop]


class NatashaModels:
    """natasha's segmenter and slovnet models, loaded once."""

    def __init__(self) -> None:
        from natasha import (
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        self.segmenter = Segmenter()
        emb = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(emb)
        self.ner_tagger = NewsNERTagger(emb)
        self.syntax_parser = NewsSyntaxParser(emb)
        self.morph: Morph = get_morph()
        # slovnet models keep state between calls; one text at a time per process.
        self.lock = threading.Lock()


@lru_cache(maxsize=1)
def get_models() -> NatashaModels:
    return NatashaModels()


def analyze(models: NatashaModels, text: str) -> Analysis:
    """Segment, tag morphology and NER (no syntax yet)."""
    seg = models.segmenter
    raw_tokens = list(seg.tokenize(text))
    raw_sents = list(_sentences(seg, text))
    # assign tokens to sentences by offsets
    sents: list[tuple[int, int, int, int]] = []
    words: list[list[str]] = []
    ti = 0
    for s_start, s_stop in raw_sents:
        while ti < len(raw_tokens) and raw_tokens[ti].start < s_start:
            ti += 1  # cannot happen with razdel, kept for safety
        first = ti
        while ti < len(raw_tokens) and raw_tokens[ti].start < s_stop:
            ti += 1
        if ti > first:
            sents.append((s_start, s_stop, first, ti))
            words.append([t.text for t in raw_tokens[first:ti]])
    if ti < len(raw_tokens):  # tokens after the last sentence (should not happen)
        sents.append((raw_tokens[ti].start, raw_tokens[-1].stop, ti, len(raw_tokens)))
        words.append([t.text for t in raw_tokens[ti:]])
    morph = models.morph
    tokens: list[Token] = []
    with models.lock:
        markups = list(models.morph_tagger.map(words)) if words else []
        ner = models.ner_tagger(text) if text.strip() else None
    for si, ((_, _, a, _b), markup) in enumerate(zip(sents, markups, strict=True)):
        for k, mt in enumerate(markup.tokens):
            rt = raw_tokens[a + k]
            pos, feats = mt.pos, dict(mt.feats)
            if pos in ("ADJ", "NOUN") and rt.text.islower() and _only_finite_verb(morph, rt.text):
                # "..., а АО «X» отгружает герконы": the tagger, thrown by the quotes, reads a
                # finite verb as an adjective; the dictionary knows it only as a verb
                pos, feats = "VERB", {"VerbForm": "Fin"}
            lemma = morph.lemma(rt.text, pos, feats) if pos in _LEMMA_POS else normal_word(rt.text)
            tokens.append(Token(a + k, si, rt.text, rt.start, rt.stop, pos, feats, lemma))
    spans: list[NerSpan] = []
    if ner is not None:
        starts = {t.start: t.i for t in tokens}
        stops = {t.stop: t.i for t in tokens}
        for sp in ner.spans:
            first_i, last_i = starts.get(sp.start), stops.get(sp.stop)
            if first_i is None or last_i is None or tokens[first_i].sent != tokens[last_i].sent:
                continue  # a span across a headline and the first line is an artefact
            spans.append(NerSpan(sp.type, sp.start, sp.stop, text[sp.start:sp.stop], first_i,
                                 last_i))
    return Analysis(text, tokens, sents, spans)


def _only_finite_verb(morph: Any, word: str) -> bool:
    """Every dictionary reading of ``word`` is a finite verb ("отгружает")."""
    parses = morph.parse(normal_word(word))
    return bool(parses) and all(p.is_known and p.tag.POS == "VERB" for p in parses)


def _sentences(seg: Any, text: str) -> Iterable[tuple[int, int]]:
    """Sentences that never cross a line break: a headline has no final full stop."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            for s in seg.sentenize(line):
                yield pos + s.start, pos + s.stop
        pos += len(line) + 1


def is_title(analysis: Analysis, s: int) -> bool:
    """The first line of a text when it has no final punctuation (a headline)."""
    start, stop, _, _ = analysis.sents[s]
    head = analysis.text[:start]
    return not head.strip() and analysis.text[stop - 1:stop] not in (".", "!", "?", "…") \
        and "\n" in analysis.text[stop:stop + 2]


def parse_sentences(models: NatashaModels, analysis: Analysis, indices: Iterable[int]) -> None:
    """Run the dependency parser on the given sentences, filling ``head`` and ``rel``."""
    todo = sorted(set(indices) - analysis.parsed)
    if not todo:
        return
    chunk = [[t.text for t in analysis.sent_tokens(s)] for s in todo]
    with models.lock:
        markups = list(models.syntax_parser.map(chunk))
    for s, markup in zip(todo, markups, strict=True):
        _, _, a, _ = analysis.sents[s]
        for k, mt in enumerate(markup.tokens):
            head = int(mt.head_id)
            tok = analysis.tokens[a + k]
            analysis.tokens[a + k] = replace(tok, head=(a + head - 1) if head > 0 else -1,
                                             rel=mt.rel)
        analysis.parsed.add(s)


def children(analysis: Analysis, s: int) -> dict[int, list[int]]:
    """Head -> dependents map of a parsed sentence."""
    out: dict[int, list[int]] = {}
    for t in analysis.sent_tokens(s):
        if t.head >= 0:
            out.setdefault(t.head, []).append(t.i)
    return out


