"""Persons: natasha PER spans, cleaned, put in the nominative as "Имя Фамилия", merged
(surname-only repeats join the full person) and given the role the text states.

Example::

    >>> [p.name for p in find_persons(analysis_of("Губернатор Василий Анохин ... Анохин"))]
    ['Василий Анохин']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from soyuzprom.press.extraction.morph import Morph, normal_word, recover_shape
from soyuzprom.press.extraction.nlp import Analysis, NerSpan, Token
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import Vocabulary

# what may follow a name on a byline: ", «Outlet»", ", Outlet", "/ Outlet", "(Outlet)"
_BYLINE_TAIL = re.compile(r"^[,/—–-]?\s*(?:«[^»]*»|\(?[A-ZА-ЯЁ][\w .\-]{0,30}\)?)\.?$")
_ROLE_INNER_POS = {"ADJ", "NOUN", "PROPN", "CCONJ", "ADP", "DET", "NUM", "PUNCT", "X"}


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str
    role: str
    role_first: int  # token range of the role (-1 when none)
    role_last: int
    first: int
    last: int
    sent: int


def _name_parts(tokens: list[Token], morph: Morph) -> tuple[str, str, list[str]] | None:
    """(first name, surname, tags) of a PER span in the nominative, patronymic dropped."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    if not words or not all(w.text[:1].isupper() for w in words):
        return None
    # initials ("А. Лукашенко", "В.Анохин") are not names: keep the surname
    words = [w for w in words if len(w.text) > 1] or words
    if len(words) == 2 and words[1].case in (None, "Nom") \
            and not any(_known_name(w.text, morph) for w in words):
        # "Аюр Бадмаев", "Залим Кумыков", "Аяс Монгуш": a first name the dictionary does not
        # know; a newspaper writes the first name first
        return words[0].text, words[1].text, []
    firsts: list[str] = []
    lasts: list[str] = []
    gender = None
    name_case = None
    for w in words:
        parses = morph.parse(normal_word(w.text))
        name_p = next((p for p in parses if "Name" in p.tag), None)
        patr_p = next((p for p in parses if "Patr" in p.tag), None)
        surn_p = next((p for p in parses if "Surn" in p.tag), None)
        if patr_p is not None and len(words) == 3 and w is words[1]:
            continue  # patronymic in "Имя Отчество Фамилия"
        if patr_p is not None and patr_p.is_known and len(words) == 2 and w is words[1] \
                and firsts and normal_word(w.text).endswith(("вна", "чна")):
            # "— Елена Викторовна, ...": the person addressed, named in full before (a man's
            # "-ович" may be a Belarusian surname: "Сергей Левкович")
            continue
        if name_p is not None and not firsts and (surn_p is None or (len(words) > 1
                                                 and w is words[0])):
            gender = name_p.tag.gender
            name_case = w.case
            nom = name_p.inflect({"nomn"})
            firsts.append(recover_shape(nom.word if nom else w.text, w.text))
            continue
        lasts.append(_surname_nominative(w, morph, gender, name_case))
    if not firsts and len(lasts) == 2:
        # "Анохин Василий": try the other order
        return None
    return (firsts[0] if firsts else "", " ".join(lasts), [])


def _known_name(word: str, morph: Morph) -> bool:
    """The dictionary (not a guess from the ending) reads the word as one person's first
    name ("Бадмаев" is also a plural genitive of a name, which is no first name here)."""
    return any("Name" in p.tag and "sing" in p.tag and p.is_known
               for p in morph.parse(normal_word(word)))


_CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def _is_patronymic(word: str, morph: Morph) -> bool:
    return any("Patr" in p.tag for p in morph.parse(normal_word(word)))


def _surname_nominative(w: Token, morph: Morph, gender: str | None,
                        name_case: str | None = None) -> str:
    if w.case in (None, "Nom"):
        want = _CASES.get(name_case or "")
        surnames = [p for p in _name_parses(w.text, morph) if "Surn" in p.tag]
        if want and surnames and not any("nomn" in p.tag for p in surnames) \
                and any(want in p.tag and p.tag.gender == gender for p in surnames):
            # the tagger says nominative, pymorphy cannot read it so ("Хасановой" after
            # "Ольгой Викторовной"): the surname takes the first name's case
            return _word_nominative(w.text, name_case, morph, gender)
        return w.text
    if "-" in w.text.strip("-"):
        # a double surname inflects in both parts: "Гордеева-Лесного" -> "Гордеев-Лесной"
        return "-".join(_word_nominative(part, w.case, morph, gender)
                        for part in w.text.split("-"))
    return _word_nominative(w.text, w.case, morph, gender)


def _name_parses(text: str, morph: Morph) -> list[Any]:
    """pymorphy's readings of a name word, with its "ё" when that gives a surname reading
    ("Шершнёвым" is the surname Шершнёв; "шершневым" only an adjective)."""
    kept = morph.parse(text.lower())
    if any("Surn" in p.tag for p in kept):
        return list(kept)
    return list(morph.parse(normal_word(text)))


def _word_nominative(text: str, case_ud: str | None, morph: Morph, gender: str | None) -> str:
    if not text:
        return text
    parses = _name_parses(text, morph)
    case = _CASES.get(case_ud or "", "")
    named = [p for p in parses if "Surn" in p.tag]
    common = [p for p in parses if p.tag.POS in ("NOUN", "ADJF") and "nomn" not in p.tag]
    # prefer a surname reading in the tagged case, then any reading in that case, then any
    in_case = [p for p in named if case in p.tag] + [p for p in common if case in p.tag] \
        if case else []
    cands = in_case + named + common
    for p in cands:
        if gender and p.tag.gender and p.tag.gender != gender \
                and ("Surn" in p.tag or p.tag.POS == "ADJF"):
            continue
        grams = {"nomn", "sing"}
        if gender and ("Surn" in p.tag or p.tag.POS == "ADJF"):
            grams.add(gender)
        try:
            nom = p.inflect(grams)
        except (ValueError, KeyError):
            nom = None
        if nom is not None:
            return recover_shape(nom.word, text)
    return text


class PersonFinder:
    def __init__(self, analysis: Analysis, vocab: Vocabulary, morph: Morph,
                 regions: list[RegionMention]) -> None:
        self.a, self.v, self.m = analysis, vocab, morph
        self.t = analysis.tokens
        self.role_heads = frozenset(normal_word(x) for x in vocab.roles["heads"])
        self.byline = frozenset(normal_word(x) for x in vocab.roles["byline_cues"])
        self.region_tokens = {i for r in regions for i in range(r.first, r.last + 1)}
        self.per_tokens = {i for s in analysis.spans if s.type == "PER" and not self._is_place(s)
                           for i in range(s.first, s.last + 1)}

    def _is_place(self, span: NerSpan) -> bool:
        toks = self.t[span.first:span.last + 1]
        if all(t.i in self.region_tokens for t in toks):
            return True
        words = [t for t in toks if t.text[:1].isalpha()]
        if len(words) == 1:
            parses = self.m.parse(normal_word(words[0].text))
            if not parses:
                return False
            top = parses[0]
            if "Geox" in top.tag or "Orgn" in top.tag:
                return True
            if not any(("Surn" in p.tag or "Name" in p.tag) for p in parses) \
                    and top.tag.POS in ("ADJF", "PRTF") and top.score > 0.3:
                return True  # "Чрезвычайным" taken for a person
        return False

    def _byline(self, span: NerSpan) -> bool:
        """"Фото: Иван Петров", or a name standing on its own line ("Марина Козлова",
        "Алексей Гречко, «Молот»"): the author of the text, not a person in it."""
        for j in range(max(0, span.first - 3), span.first):
            # the lemma ("фото") or the word as written ("Подготовила", whose lemma is the
            # verb's infinitive)
            if self.t[j].lemma in self.byline or normal_word(self.t[j].text) in self.byline:
                return True
        text = self.a.text
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.stop)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:span.start].strip()
        after = text[span.stop:line_end].strip()
        if before:
            return False
        return not after or bool(_BYLINE_TAIL.match(after))

    def role_before(self, first: int) -> tuple[str, int, int]:
        t = self.t
        j = first - 1
        sent = t[first].sent
        start = -1
        while j >= 0 and t[j].sent == sent and first - j <= 12:
            tok = t[j]
            if j in self.per_tokens:
                break  # "губернатор X и председатель Y": X's role is not Y's
            participle = tok.pos == "VERB" and tok.feats.get("VerbForm") == "Part"
            enumeration = tok.text == "," and j + 1 < first and t[j + 1].case == "Gen" \
                and t[j + 1].pos == "NOUN" and not t[j + 1].is_title
            if ((tok.pos not in _ROLE_INNER_POS and not participle and tok.lemma != "временно")
                    or tok.text in (",", ".", ":", ";", "—", "–", "(")) and not enumeration:
                break
            if tok.pos == "ADP" and tok.lemma not in ("в", "по", "при"):
                break
            if tok.lemma in self.role_heads and tok.pos in ("NOUN", "PROPN", "ADJ", "ADV"):
                start = j
            j -= 1
        if start < 0:
            return "", -1, -1
        # the role may begin with adjectives agreeing with the head ("генеральный директор")
        # or with "временно исполняющий обязанности"
        while start > 0 and t[start - 1].sent == sent and (
                t[start - 1].pos == "ADJ" or t[start - 1].lemma in ("обязанность", "временно")
                or t[start - 1].feats.get("VerbForm") == "Part"):
            start -= 1
        toks = t[start:first]
        while toks and toks[-1].pos == "PUNCT" and toks[-1].text not in ("»",):
            toks = toks[:-1]
        if not toks:
            return "", -1, -1
        role = self._role_nominative(toks)
        if start == self.a.sents[sent][2] and role[:1].isupper() and not toks[0].text.isupper():
            role = role[:1].lower() + role[1:]
        return role, start, first - 1

    def role_after(self, last: int) -> tuple[str, int, int]:
        t = self.t
        k = last + 1
        if k + 1 >= len(t) or t[k].text != "," or t[k + 1].sent != t[last].sent:
            return "", -1, -1
        k += 1
        if t[k].lemma not in self.role_heads and not (t[k].pos == "ADJ" and k + 1 < len(t)
                                                      and t[k + 1].lemma in self.role_heads):
            return "", -1, -1
        end = k
        while end + 1 < len(t) and t[end + 1].sent == t[k].sent and end - k < 12:
            nxt = t[end + 1]
            if nxt.text in (",", ".", ";", ":", "—", "–") or nxt.pos not in _ROLE_INNER_POS:
                break
            if nxt.pos == "ADP" and nxt.lemma not in ("в", "по", "при"):
                break
            end += 1
        toks = t[k:end + 1]
        return self._role_nominative(toks), k, end

    def _role_nominative(self, toks: list[Token]) -> str:
        """"временно исполняющего обязанности губернатора" keeps its genitive tail; other
        roles put their head noun and its adjectives in the nominative."""
        duty = next((k for k, x in enumerate(toks) if x.lemma == "обязанность"), None)
        if duty is None:
            return self.m.nominative(toks)
        words = []
        for x in toks[:duty]:
            p = self.m.best(x.text, x.pos, x.feats) if x.feats.get("Case") else None
            form = None
            if p is not None:
                try:
                    form = p.inflect({"nomn", "sing", "masc"})
                except (ValueError, KeyError):
                    form = None
            words.append(form.word if form is not None else x.text)
        return " ".join([*words, *(x.text for x in toks[duty:])])

    def _with_surname(self, sp: NerSpan) -> NerSpan:
        """"Александра Михайловича | Субботы": natasha may stop before a surname that is
        also a common noun; a capitalised word right after a patronymic is the surname."""
        t = self.t
        nxt = sp.last + 1
        if sp.last - sp.first != 1 or nxt >= len(t) or not t[nxt].is_title \
                or not t[nxt].text.isalpha() or t[nxt].sent != t[sp.last].sent:
            return sp
        if not _is_patronymic(t[sp.last].text, self.m) or _is_patronymic(t[nxt].text, self.m):
            return sp
        return NerSpan("PER", sp.start, t[nxt].stop, self.a.text[sp.start:t[nxt].stop],
                       sp.first, nxt)

    def run(self) -> list[PersonMention]:
        raw: list[PersonMention] = []
        for sp in _joined_person_spans(self.a):
            if self._is_place(sp) or self._byline(sp):
                continue
            sp = self._with_surname(sp)
            toks = self.t[sp.first:sp.last + 1]
            parts = _name_parts(toks, self.m)
            if parts is None:
                continue
            first, last, _ = parts
            name = f"{first} {last}".strip()
            if not name:
                continue
            role, rf, rl = self.role_before(sp.first)
            if not role:
                role, rf, rl = self.role_after(sp.last)
            raw.append(PersonMention(name, role, rf, rl, sp.first, sp.last, self.t[sp.first].sent))
        return [p for p in merge_persons(raw) if " " in p.name or self._could_be_name(p.name)]

    def _could_be_name(self, word: str) -> bool:
        """A lone word with no name reading in pymorphy, known or guessed, is not a person
        ("Алтайвагон поставит ...": natasha reads an unknown company as a surname)."""
        return any(("Surn" in p.tag or "Name" in p.tag or "Patr" in p.tag)
                   for p in self.m.parse(normal_word(word)))


def _joined_person_spans(a: Analysis) -> list[NerSpan]:
    """PER spans, with adjacent ones joined: natasha may split "Александром Васильевичем" |
    "Богдановым" into two people."""
    out: list[NerSpan] = []
    for sp in a.spans:
        if sp.type != "PER":
            continue
        prev = out[-1] if out else None
        gap = a.text[prev.stop:sp.start] if prev is not None else ""
        if prev is not None and sp.first == prev.last + 1 and not gap.strip() \
                and "\n" not in gap:
            out[-1] = NerSpan("PER", prev.start, sp.stop, a.text[prev.start:sp.stop], prev.first,
                              sp.last)
            continue
        out.append(sp)
    return out


def merge_persons(raw: list[PersonMention]) -> list[PersonMention]:
    """Attach surname-only (or first-name-only) mentions to the full person they repeat."""
    full = [p for p in raw if " " in p.name]
    out: list[PersonMention] = []
    for p in raw:
        target = p
        if " " not in p.name:
            key = normal_word(p.name)
            match = next((f for f in full if normal_word(f.name.split()[-1]) == key
                          or (normal_word(f.name.split()[-1])[:5] == key[:5]
                          and len(key) > 5)), None)
            if match is None:
                match = next((f for f in full if normal_word(f.name.split()[0]) == key), None)
            if match is not None:
                target = PersonMention(match.name, p.role, p.role_first, p.role_last,
                                       p.first, p.last, p.sent)
        out.append(target)
    return out
