"""Name normalisation helpers for organizations: legal forms, quotes, initialisms.

Example::

    >>> strip_quotes("«Гомсельмаш»")
    'Гомсельмаш'
"""

from __future__ import annotations

import re
from itertools import pairwise

from soyuzprom.press.extraction.morph import Morph, normal_word, recover_shape
from soyuzprom.press.extraction.nlp import Token
from soyuzprom.press.extraction.resources import KnownOrg, Vocabulary

OPEN_QUOTES = {"«", "„", "“", '"'}
CLOSE_QUOTES = {"»", "“", "”", '"'}
QUOTES = OPEN_QUOTES | CLOSE_QUOTES
# "МАЗа", "БелАЗом": an all-caps base with a Russian case ending.
_INFLECTED_INITIALISM = re.compile(r"^([А-ЯЁ][А-ЯЁа-яё]*?[А-ЯЁ])(а|у|ом|е|ов|ам|ами|ах)?$")


# endings that are never a nominative singular of a company name
_OBLIQUE_ONLY = ("у", "ю", "ом", "ем", "ами", "ями")


def strip_quotes(text: str) -> str:
    return text.strip("«»„“”\"' ")


def lookup_initialism(text: str, vocab: Vocabulary) -> KnownOrg | None:
    """Expand a maker's initialism, also when inflected or followed by a model number."""
    base, _, suffix = text.partition("-")
    if suffix and not suffix[:1].isdigit():
        base = text  # "БЕЛАЗ-ХОЛДИНГ", "ОДК-УМПО" are names of their own, not "МАЗ-5340"
    hit = vocab.initialisms.get(base)
    if hit is not None:
        return hit
    m = _INFLECTED_INITIALISM.match(base)
    if m:
        return vocab.initialisms.get(m.group(1))
    return None


def legal_form_length(tokens: list[Token], i: int, vocab: Vocabulary) -> int:
    """Number of tokens of a legal form starting at ``i`` (0 when there is none)."""
    if i >= len(tokens):
        return 0
    if tokens[i].text in vocab.legal_short:
        return 1
    if tokens[i].lemma not in vocab.legal_first:
        return 0
    for key in vocab.legal_long:
        n = len(key)
        if tuple(t.lemma for t in tokens[i:i + n]) == key:
            return n
    return 0


def normalize_tokens(tokens: list[Token], morph: Morph, vocab: Vocabulary) -> str:
    """Organization name from its tokens: no legal form, no quotes, nominative head."""
    toks = list(tokens)
    # drop leading legal forms (possibly several: "ОАО «Управляющая компания»")
    changed = True
    while changed and toks:
        changed = False
        n = legal_form_length(toks, 0, vocab)
        if n:
            toks = toks[n:]
            changed = True
        while toks and toks[0].text in QUOTES:
            toks = toks[1:]
            changed = True
    while toks and toks[-1].text in QUOTES:
        toks = toks[:-1]
    if not toks:
        return ""
    # a quoted part is a fixed name: "холдинг «Амкодор»" -> "Амкодор"
    quote_at = next((k for k, t in enumerate(toks) if t.text in OPEN_QUOTES), None)
    if quote_at is not None:
        inner = [t for t in toks[quote_at + 1:] if t.text not in QUOTES]
        if inner:
            return quoted_name(inner, morph, vocab)
    if len(toks) == 1:
        hit = lookup_initialism(toks[0].text, vocab)
        if hit is not None:
            return hit.name
        t = toks[0]
        if t.text.isupper() or not t.text.replace("-", "").isalpha():
            return t.text
        return word_nominative(t, morph)
    name = morph.nominative([t for t in toks if t.text not in QUOTES])
    return _tidy(name)


def quoted_name(inner: list[Token], morph: Morph, vocab: Vocabulary,
                inflect: bool = False) -> str:
    """The content of quotes: kept as written after a descriptor ("компании «Сибирская
    нива»"), put in the nominative when the name itself carries the case ("у «Сибирской
    нивы»", "«Минского тракторного завода»")."""
    if len(inner) == 1:
        hit = lookup_initialism(inner[0].text, vocab)
        if hit is not None:
            return hit.name
        return word_nominative(inner[0], morph) if inflect else inner[0].text
    if inflect:
        head = next((t for t in inner if t.pos in ("NOUN", "PROPN")), None)
        if head is not None and head.case not in (None, "Nom"):
            return _tidy(morph.nominative(inner))
    head = next((t for t in inner if t.pos in ("NOUN", "PROPN")), None)
    has_generic = any((t.lemma,) in vocab.generic_heads for t in inner)
    if head is not None and has_generic and head.case not in (None, "Nom"):
        return _tidy(morph.nominative(inner))
    return _tidy(" ".join(_texts_with_spacing(inner)))


def word_nominative(tok: Token, morph: Morph) -> str:
    """A one-word name in the nominative ("Амкодора" -> "Амкодор", "Черноземье-Техники" ->
    "Черноземье-Техника"); only the last part of a hyphenated name is inflected."""
    if tok.text.isupper():
        return tok.text
    want = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}.get(
        tok.case or "")
    if want is None:
        # tagged nominative: trust it unless the ending can only be oblique ("«Алтайвагону»")
        if not normal_word(tok.text).endswith(_OBLIQUE_ONLY):
            return tok.text
        want = ""
    parts = tok.text.split("-")
    # "Черноземье-Техники": the last part carries the case; "Светотехники-Ногинск": the first
    for k in (len(parts) - 1, 0) if len(parts) > 1 else (0,):
        word = parts[k]
        parses = [p for p in morph.parse(normal_word(word)) if p.tag.POS == "NOUN"]
        if parses and not any(want and want in p.tag for p in parses) and all(
                "nomn" not in p.tag for p in parses):
            # the tagger's case is not among pymorphy's readings ("«Нефтянику»" read as
            # accusative); a word that cannot be nominative takes pymorphy's own case
            want = str(parses[0].tag.case)
        for p in parses:
            if want and want in p.tag and "plur" not in p.tag and "nomn" not in p.tag:
                try:
                    form = p.inflect({"nomn", "sing"})
                except (ValueError, KeyError):
                    form = None
                if form is not None and normal_word(form.word) != normal_word(word):
                    return "-".join([*parts[:k], recover_shape(form.word, word), *parts[k + 1:]])
    return tok.text


def _texts_with_spacing(tokens: list[Token]) -> list[str]:
    out = [tokens[0].text]
    for prev, tok in pairwise(tokens):
        if tok.start == prev.stop:
            out[-1] += tok.text
        else:
            out.append(tok.text)
    return out


def _tidy(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.-–—")
    return name[:1].upper() + name[1:] if name[:1].islower() else name
