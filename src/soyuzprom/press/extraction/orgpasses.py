"""Passes over the organization mentions of one text, after the rules have found them:
abbreviations the text defines, case variants of one-word names, clubs.

Example::

    >>> _stem("Пинскдрева") == _stem("Пинскдрев")
    True
"""

from __future__ import annotations

import re
from dataclasses import replace

from soyuzprom.press.extraction.morph import normal_word
from soyuzprom.press.extraction.orgbase import OrgFinderBase, OrgMention
from soyuzprom.press.extraction.orgnames import QUOTES, strip_quotes

DASHES = ("—", "–", "-")
# Credit lines: "Фото: пресс-служба администрации ...", "Редакция «...»", "Анна Смирнова,
# «Молот»". An organization named only there is not a mention of the text.
_CREDIT = re.compile(r"^\s*(Фото|Фотографии|Текст|Видео|Источник|Автор|Редакция|Подготовил[аи]?"
                     r"|Пресс-служба|По материалам)"
                     r"\b", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё-]+\s*(,|—|–)\s*«[^»]+»\.?\s*$")


def _is_abbreviation(text: str, name: str) -> bool:
    """"КЗАК" can abbreviate "Костромской завод автокомпонентов": at least two capitals,
    letters only, and the same first letter as the name."""
    letters = text.replace("-", "")
    return 2 <= len(letters) <= 10 and letters.isalpha() \
        and sum(c.isupper() for c in letters) >= 2 \
        and normal_word(letters[0]) == normal_word(name[0])


def _abbreviation_base(text: str, defined: dict[str, OrgMention]) -> str:
    """"КЗАКа" -> "КЗАК" when "КЗАК" is defined; the text itself otherwise."""
    if text in defined:
        return text
    for ending in ("а", "у", "ом", "е", "ов"):
        if text.endswith(ending) and text[: -len(ending)] in defined:
            return text[: -len(ending)]
    return text


_CASE_ENDINGS = ("ами", "ом", "ем", "ой", "ей", "ам", "ах", "у", "ю", "а", "я", "ы", "и", "е",
                 "о", "й", "ь")


def _one_word_name(name: str) -> bool:
    return " " not in name and name[:1].isupper() and not name.isupper() \
        and name.replace("-", "").isalpha()


def _stem(name: str) -> str:
    word = normal_word(name)
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _ending_rank(name: str) -> int:
    """How likely the form is a nominative: a consonant (or -й, -ь) end first, then -а/-я,
    then -о/-е, then the oblique endings."""
    last = normal_word(name)[-1:]
    if last in "ая":
        return 1
    if last in "ое":
        return 2
    if last in "уюыи" or normal_word(name).endswith(("ом", "ем", "ой", "ей", "ам", "ах")):
        return 3
    return 0




class OrgPasses(OrgFinderBase):
    """Passes over ``self.out`` once every rule has run."""

    def defined_abbreviations(self) -> None:
        """An abbreviation the text defines stands for the full name everywhere:
        "Костромской завод автокомпонентов (КЗАК)", "КЗАК — Костромской завод ...",
        "(далее — КЗАК)"; a later "КЗАК" or "КЗАКа" is the plant, not a name of its own."""
        t = self.t
        defined: dict[str, OrgMention] = {}
        for o in self.out:
            if len(o.name.split()) < 2:
                continue
            for k in self._abbreviation_slots(o):
                if 0 <= k < len(t) and _is_abbreviation(t[k].text, o.name):
                    defined.setdefault(t[k].text, o)
        if not defined:
            return
        out: list[OrgMention] = []
        for o in self.out:
            surface = "".join(x.text for x in t[o.first:o.last + 1] if x.text not in QUOTES)
            full = defined.get(_abbreviation_base(surface, defined)) or defined.get(o.name)
            if full is not None and full is not o:
                o = replace(o, name=full.name, kind=full.kind, country=full.country)
            out.append(o)
        self.out = out
        for i, tok in enumerate(t):
            full = defined.get(_abbreviation_base(tok.text, defined))
            if full is not None and i not in self.taken:
                self._add(full.name, full.kind, full.country, i, i, "alias")

    def _case_variants(self) -> None:
        """One-word names the text writes in several cases are one name, in the form that
        can be nominative: "«Пинскдрев»" and "мебели «Пинскдрева»" -> "Пинскдрев"."""
        groups: dict[str, set[str]] = {}
        for o in self.out:
            if _one_word_name(o.name):
                groups.setdefault(_stem(o.name), set()).add(o.name)
        # "минской компании «Адани»": after a descriptor or a legal form a name keeps the
        # form it has, whatever its ending
        t = self.t
        written = {o.name for o in self.out if o.rule == "quoted" and o.first > 0 and (
            t[o.first].text in self.v.legal_short or t[o.first - 1].lemma in self.desc_enterprise
            or t[o.first - 1].lemma in self.desc_other)}
        rename = {}
        for names in groups.values():
            if len(names) > 1:
                anchored = names & written
                best = next(iter(anchored)) if len(anchored) == 1 else min(
                    names, key=lambda n: (_ending_rank(n), len(n), n))
                rename.update({n: best for n in names if n != best})
        if rename:
            self.out = [replace(o, name=rename[o.name]) if o.name in rename else o
                        for o in self.out]

    def _phrase_case_variants(self) -> None:
        """A quoted name of several words the text also writes in another case is one name,
        in the form it takes after a legal form: "АО «Карельский окатыш»" and "директор
        «Карельского окатыша»" (a quoted name without a legal form declines) -> "Карельский
        окатыш". (pymorphy's cases alone chose wrong forms: "агротехника" reads as the
        genitive of "агротехник".)"""
        groups: dict[tuple[str, ...], set[str]] = {}
        anchored: set[str] = set()
        for o in self.out:
            words = o.name.split()
            if o.rule == "quoted" and 2 <= len(words) <= 4 and all(w.isalpha() for w in words):
                groups.setdefault(tuple(self.m.plain_lemma(w) for w in words), set()).add(o.name)
                lead = self.a.text[o.start:o.end].split(maxsplit=1)[0]
                if lead in self.v.legal_short:
                    anchored.add(o.name)
        rename = {}
        for names in groups.values():
            forms = names & anchored
            if len(names) > 1 and len(forms) == 1:
                best = next(iter(forms))
                rename.update({n: best for n in names if n != best})
        if rename:
            self.out = [replace(o, name=rename[o.name]) if o.name in rename else o
                        for o in self.out]

    def _short_repeats(self) -> None:
        """"Шадринский завод" after "Шадринский автоагрегатный завод": a two-word repeat
        with the same first word and head noun as one longer name of the text is that name."""
        longer = [o for o in self.out if len(o.name.split()) >= 3]
        rename: dict[str, OrgMention] = {}
        for o in self.out:
            words = o.name.split()
            if len(words) != 2 or o.kind != "enterprise":
                continue
            fits = {x.name: x for x in longer if x.kind == "enterprise"
                    and x.name.split()[0] == words[0] and words[1] in x.name.split()[1:]}
            if len(fits) == 1:
                rename[o.name] = next(iter(fits.values()))
        self._adopt(rename)

    def _nested_short_names(self) -> None:
        """"директор «Лепсе»" after "АО «Электромашиностроительный завод «Лепсе»»": a quoted
        one-word name that the text also gives as the inner name of a longer one is that
        longer name (and keeps no case ending read into it: "Лепсе" is no form of "Лепёс")."""
        longer: dict[str, list[OrgMention]] = {}
        for o in self.out:
            words = o.name.split()
            if len(words) >= 2 and o.rule == "quoted":
                longer.setdefault(normal_word(words[-1]), []).append(o)
        rename: dict[str, OrgMention] = {}
        for o in self.out:
            if not _one_word_name(o.name) or o.rule != "quoted":
                continue
            written = strip_quotes(self.a.text[o.start:o.end]).split()[-1:]
            fits = {x.name: x for key in {normal_word(o.name), *map(normal_word, written)}
                    for x in longer.get(key, [])}
            if len(fits) == 1:
                rename[o.name] = next(iter(fits.values()))
        self._adopt(rename)

    def _adopt(self, rename: dict[str, OrgMention]) -> None:
        """Mentions named as a key of ``rename`` take that organization's name, kind and
        country (a repeat of the longer name it stands for)."""
        if rename:
            self.out = [replace(o, name=rename[o.name].name, kind=rename[o.name].kind,
                                country=rename[o.name].country)
                        if o.name in rename else o for o in self.out]

    def credits(self) -> None:
        """Drop names found only in credit lines (bylines, photo credits)."""
        credit = {o.sent for o in self.out if _CREDIT.match(self.a.sent_text(o.sent))
                  or _BYLINE.match(self.a.sent_text(o.sent))}
        if credit:
            body = {o.name for o in self.out if o.sent not in credit}
            self.out = [o for o in self.out if o.sent not in credit or o.name in body]

    def _same_kind(self) -> None:
        """A name the text once calls a club is not an enterprise elsewhere in the text
        either ("«Трактор» обыграл ..." after "ХК «Трактор»")."""
        self.out = [replace(o, kind="other") if o.name in self.clubs and o.kind == "enterprise"
                    else o for o in self.out]

    def _abbreviation_slots(self, o: OrgMention) -> list[int]:
        """Where an abbreviation of ``o`` is defined: "(КЗАК)", "(далее — КЗАК)" after it,
        "КЗАК —" or "КЗАК (" before it."""
        t = self.t
        slots: list[int] = []
        k = o.last + 1
        while k < len(t) and t[k].text in QUOTES:
            k += 1
        if k + 2 < len(t) and t[k].text == "(":
            if t[k + 2].text == ")":
                slots.append(k + 1)
            elif t[k + 1].lemma == "далее" and t[k + 2].text in DASHES and k + 4 < len(t) \
                    and t[k + 4].text == ")":
                slots.append(k + 3)
        if o.first >= 2 and t[o.first - 1].text in (*DASHES, "(") \
                and t[o.first - 2].sent == t[o.first].sent:
            slots.append(o.first - 2)
        return slots

