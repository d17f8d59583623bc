"""pymorphy3 adapter: lemmas chosen by the tagger's grammemes, and nominative inflection.

Example::

    >>> m = get_morph()
    >>> m.lemma("Смоленской", "ADJ", {"Case": "Gen", "Gender": "Fem", "Number": "Sing"})
    'смоленский'
    >>> m.inflect_phrase("Смоленская область", "gent")
    'Смоленской области'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Protocol

import pymorphy3

# UD -> OpenCorpora grammemes for the features we compare or inflect to.
_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NUMBER = {"Sing": "sing", "Plur": "plur"}
_POS = {"NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "ADJS"}, "DET": {"ADJF", "NPRO"},
        "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"}, "NUM": {"NUMR", "ADJF"},
        "ADV": {"ADVB"}, "PRON": {"NPRO"}}
NOUNISH = {"NOUN", "PROPN"}


class TokenLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def pos(self) -> str: ...
    @property
    def feats(self) -> Mapping[str, str]: ...


def normal_word(word: str) -> str:
    return word.lower().replace("ё", "е")


def recover_shape(word: str, like: str) -> str:
    """Copy the capitalisation of ``like`` onto ``word`` (МАЗ stays upper, Завод title,
    each part of "Кабардино-Балкарской" as in "Кабардино-Балкарская")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, shapes = word.split("-"), like.split("-")
    if len(parts) == len(shapes) > 1:
        return "-".join(recover_shape(w, s) for w, s in zip(parts, shapes, strict=True))
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class Morph:
    """One pymorphy3 analyzer with cached parses; built once per process."""

    def __init__(self) -> None:
        self._analyzer = pymorphy3.MorphAnalyzer()
        self.parse = lru_cache(maxsize=50000)(self._safe_parse)
        self._lemmas: dict[tuple[str | None, ...], str] = {}

    def _safe_parse(self, word: str) -> list[Any]:
        try:
            return list(self._analyzer.parse(word))
        except (ValueError, KeyError):  # pymorphy fails on unassigned code points
            return []

    def best(self, word: str, pos: str, feats: Mapping[str, str]) -> Any:
        parses = self.parse(normal_word(word))
        want_pos = _POS.get(pos, set())
        best, best_score = None, -1.0
        for p in parses:
            tag = p.tag
            score = 3.0 if tag.POS in want_pos else 0.0
            if feats.get("Case") and _CASE.get(feats["Case"]) == tag.case:
                score += 1
            if feats.get("Number") and _NUMBER.get(feats["Number"]) == tag.number:
                score += 1
            if feats.get("Gender") and _GENDER.get(feats["Gender"]) == tag.gender:
                score += 1
            score += p.score  # tie-break by pymorphy's own probability
            if score > best_score:
                best, best_score = p, score
        return best

    def lemma(self, word: str, pos: str, feats: Mapping[str, str]) -> str:
        if pos not in _POS:
            return normal_word(word)
        key = (word, pos, feats.get("Case"), feats.get("Number"), feats.get("Gender"))
        hit = self._lemmas.get(key)
        if hit is None:
            p = self.best(word, pos, feats)
            hit = normal_word(p.normal_form) if p is not None else normal_word(word)
            if len(self._lemmas) > 200_000:  # bounded memory on long batch runs
                self._lemmas.clear()
            self._lemmas[key] = hit
        return hit

    def plain_lemma(self, word: str) -> str:
        parses = self.parse(normal_word(word))
        return normal_word(parses[0].normal_form) if parses else normal_word(word)

    def is_known(self, word: str) -> bool:
        """The word is in the dictionary ("горно-обогатительный"), not guessed from its
        ending (a rare place adjective such as "костомукшский")."""
        return any(p.is_known for p in self.parse(normal_word(word)))

    def has_grammeme(self, word: str, grammeme: str, min_score: float = 0.0) -> bool:
        parses = self.parse(normal_word(word))
        return any(grammeme in p.tag and p.score >= min_score for p in parses)

    def _inflect(self, parse: Any, grams: set[str]) -> str | None:
        if parse is None:
            return None
        try:
            form = parse.inflect(grams)
        except (ValueError, KeyError):  # pymorphy raises on impossible grammeme sets
            return None
        return form.word if form is not None else None

    def nominative(self, tokens: Sequence[TokenLike]) -> str:
        """The phrase in the nominative: head noun and the words agreeing with it.

        Words after the head (genitive complements, quoted names) keep their form.
        """
        head = next((i for i, t in enumerate(tokens) if t.pos in NOUNISH), None)
        if head is None:
            return _join(tokens, [t.text for t in tokens])
        words = [t.text for t in tokens]
        htok = tokens[head]
        if htok.feats.get("Case") in (None, "Nom") and htok.pos in NOUNISH:
            return _join(tokens, words)
        hparse = self.best(htok.text, htok.pos, htok.feats)
        number = "plur" if htok.feats.get("Number") == "Plur" else "sing"
        if hparse is not None and ("Pltm" in hparse.tag or "Sgtm" in hparse.tag):
            new = self._inflect(hparse, {"nomn"})
        else:
            new = self._inflect(hparse, {"nomn", number})
        gender = hparse.tag.gender if hparse is not None else None
        if new:
            words[head] = recover_shape(new, htok.text)
        for i in range(head):
            t = tokens[i]
            if t.pos not in ("ADJ", "DET", "VERB", "NUM") or t.feats.get("Case") in (None, "Nom"):
                continue
            p = self.best(t.text, t.pos, t.feats)
            grams = {"nomn", number}
            if number == "sing" and gender:
                grams.add(gender)
            w = self._inflect(p, grams)
            if w:
                words[i] = recover_shape(w, t.text)
        return _join(tokens, words)

    def agree_nominative(self, words: Sequence[str]) -> str:
        """Adjectives + head noun (the last word) in the nominative, from pymorphy alone.

        Used where the tagger is unreliable (rare words such as "льнокомбинату").
        """
        head = words[-1]
        nouns = [p for p in self.parse(normal_word(head)) if p.tag.POS == "NOUN"]
        adj_cases: set[str] = set()
        for w in words[:-1]:
            adj_cases |= {str(p.tag.case) for p in self._adjective_parses(w)}
        hp = next((p for p in nouns if str(p.tag.case) in adj_cases), nouns[0]) if nouns else None
        # an abbreviation head ("Мозырским НПЗ") does not decline: masculine singular
        number = (hp.tag.number if hp is not None else None) or "sing"
        gender = hp.tag.gender if hp is not None else "masc"
        if hp is None:
            out = [head]
        else:
            grams = {"nomn"} if ("Pltm" in hp.tag or "Sgtm" in hp.tag) else {"nomn", number}
            out = [recover_shape(self._inflect(hp, grams) or head, head)]
        for w in reversed(words[:-1]):
            cands = self._adjective_parses(w)
            ap = next((p for p in cands if hp is not None and p.tag.case == hp.tag.case
                       and (p.tag.number == "plur" or p.tag.gender == gender)), None)
            ap = ap or (cands[0] if cands else None)
            g = {"nomn", number}
            if number == "sing" and gender:
                g.add(gender)
            new = self._inflect(ap, g) if ap is not None else None
            out.append(recover_shape(new, w) if new else w)
        return " ".join(reversed(out))

    def _adjective_parses(self, word: str) -> list[Any]:
        """Adjective readings; surname readings of "-ский" words decline the same way
        ("Бежицкого" is read as a surname)."""
        parses = self.parse(normal_word(word))
        return [p for p in parses if p.tag.POS in ("ADJF", "PRTF")] or [
            p for p in parses if "Surn" in p.tag and normal_word(p.normal_form).endswith(
                ("ский", "цкий", "ской", "ный", "ий", "ый"))]

    def inflect_phrase(self, phrase: str, case: str) -> str:
        """Inflect a nominative name ("Смоленская область") to ``case`` up to its head noun."""
        out: list[str] = []
        done = False
        words = phrase.split(" ")
        for k, word in enumerate(words):
            if done or not word[:1].isalpha():
                out.append(word)
                continue
            parses = [p for p in self.parse(normal_word(word)) if "nomn" in p.tag]
            if not parses:
                out.append(word)
                continue
            # "Тверская" before "область" is the adjective, not the street
            adjectives = [p for p in parses if p.tag.POS == "ADJF"]
            p = adjectives[0] if adjectives and k < len(words) - 1 else parses[0]
            w = self._inflect(p, {case})
            out.append(recover_shape(w, word) if w else word)
            if p.tag.POS == "NOUN":
                done = True
        return " ".join(out)


def _join(tokens: Sequence[Any], words: list[str]) -> str:
    """Join words, keeping the original spacing when tokens carry offsets."""
    if not tokens or not hasattr(tokens[0], "start"):
        return " ".join(words)
    parts = [words[0]]
    for prev, tok, word in zip(tokens, tokens[1:], words[1:], strict=False):
        parts.append(" " * min(1, tok.start - prev.stop) + word)
    return "".join(parts)


@lru_cache(maxsize=1)
def get_morph() -> Morph:
    return Morph()
