"""Relation triggers: lemmas and lemma pairs per relation type, from ``relations.yaml``,
and the cues that make a trigger hypothetical.

Example::

    >>> [t.type for t in TriggerIndex(vocab).find(tokens_of("МТЗ поставит тракторы"))]
    ['supply']
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from soyuzprom.press.extraction.dealers import DEALER_WORDS
from soyuzprom.press.extraction.morph import normal_word
from soyuzprom.press.extraction.nlp import Token
from soyuzprom.press.extraction.resources import Vocabulary

TYPES = ("supply", "joint_production", "service_center", "joint_venture", "investment_project",
         "agreement", "meeting")
SYMMETRIC = {"agreement", "meeting", "joint_venture"}
# Heads before "который" that continue the story rather than describe a noun ("по итогам
# которых", "в ходе которой", "после которого").
NARRATIVE_HEADS = frozenset({"итог", "ход", "результат", "рамка", "после", "время"})

# Prepositional phrases that name a meeting as the time of something else.
_SETTINGS = {("по", "итог"), ("в", "ход"), ("в", "рамка"), ("во", "время"), ("в", "время")}


def _contrast(toks: list[Token], j: int) -> bool:
    """``toks[j]`` opens a contrasting clause: ", а", ", но"."""
    return toks[j].lemma in ("а", "но") and toks[j - 1].text == ","


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger word (or pair) of a relation type at document token indices."""

    type: str
    first: int
    last: int
    reverse: bool


class TriggerIndex:
    def __init__(self, vocab: Vocabulary) -> None:
        rel = vocab.relations
        self.single: dict[str, list[tuple[str, bool]]] = {}
        self.pairs: dict[str, list[tuple[str, str]]] = {}
        for t in TYPES:
            spec = rel[t]
            reverse = {normal_word(x) for x in spec.get("reverse", [])}
            for w in spec.get("single", []):
                lw = w if w.isupper() else normal_word(w)
                self.single.setdefault(lw, []).append((t, lw in reverse))
            for a, b in spec.get("pairs", []):
                self.pairs.setdefault(normal_word(a), []).append((t, normal_word(b)))
        self.modality = frozenset(normal_word(x) for x in rel["modality"])
        self.plan_verbs = frozenset(normal_word(x) for x in rel["plan_verbs"])
        self.plan_deeds = frozenset(normal_word(x) for x in rel["plan_deeds"])
        self.technology = frozenset(normal_word(x) for x in rel["technology_objects"])
        self.not_objects = frozenset(normal_word(x) for x in rel["not_objects"])
        self.generic_objects = frozenset(normal_word(x) for x in rel["generic_objects"])
        self.buyer_nouns = frozenset(normal_word(x) for x in rel["buyer_nouns"])
        self.supplier_nouns = frozenset(normal_word(x) for x in rel.get("supplier_nouns", []))
        self.role_verbs = frozenset(normal_word(x) for x in rel["role_verbs"])
        self.trade_flows = frozenset(normal_word(x) for x in rel.get("trade_flows", []))
        self.documents = frozenset(normal_word(x) for x in rel.get("signed_documents", []))
        self.signing_verbs = frozenset(normal_word(x) for x in rel.get("signing_verbs", []))
        self.signer_nouns = frozenset(normal_word(x) for x in rel.get("signer_nouns", []))
        self.visit_words = frozenset(normal_word(x) for x in rel.get("visit_words", []))
        self._forbidden = {(typ, a, b) for typ, pairs in rel.get("forbidden_kinds", {}).items()
                           for a, b in pairs}
        self.goods_list_cues = frozenset(normal_word(x) for x in rel.get("goods_list_cues", []))
        self.idioms = {normal_word(v): frozenset(normal_word(x) for x in objs)
                       for v, objs in rel.get("idioms", {}).items()}
        self.agreement_references = frozenset(
            normal_word(x) for x in rel.get("agreement_references", []))
        self.speech_verbs = frozenset(normal_word(x) for x in rel.get("speech_verbs", []))
        self.expectation = frozenset(normal_word(x) for x in rel.get("expectation_verbs", []))
        self.event_qualifiers = frozenset(
            normal_word(x) for x in rel.get("event_qualifiers", []))

    def find(self, toks: list[Token], skip: Collection[int] = ()) -> list[Trigger]:
        """Triggers of one sentence; ``skip``: token positions that are no trigger here
        (a bare "дилер" refers back to a dealer and states nothing)."""
        out: list[Trigger] = []
        seen: set[str] = set()
        for k, t in enumerate(toks):
            if t.i in skip:
                continue
            for typ, b in self.pairs.get(t.lemma, []):
                for j in range(k + 1, min(len(toks), k + 4)):
                    if toks[j].lemma == b and typ not in seen:
                        out.append(Trigger(typ, toks[k].i, toks[j].i, False))
                        seen.add(typ)
            key = t.text if t.text.isupper() and len(t.text) <= 3 else t.lemma
            if key == "СП" and k + 1 < len(toks) and toks[k + 1].text in ("«", '"'):
                continue  # "витебское СП «Белвест»": the company's form, not a new venture
            if key == "везти" and t.feats.get("VerbForm") != "Fin":
                continue  # "выгоднее, чем везти готовые машины": no delivery told
            for typ, rev in self.single.get(key, []):
                if typ not in seen:
                    out.append(Trigger(typ, t.i, t.i, rev))
                    seen.add(typ)
                elif typ == "meeting" and self._setting_only(toks, out):
                    # "После переговоров делегация посетила завод": the talks set the time,
                    # the visit is the fact of the sentence
                    out = [x for x in out if x.type != typ]
                    out.append(Trigger(typ, t.i, t.i, rev))
                elif self._new_clause(toks, out, typ, k, key):
                    # "покупает технику ...: в прошлом году завод отгрузил ...", "поставила
                    # компания «X», которая является дилером МТЗ": another fact of the type
                    out.append(Trigger(typ, t.i, t.i, rev))
                elif key not in self.trade_flows and t.pos == "VERB" and any(
                        x.type == typ and toks[x.first - toks[0].i].lemma in self.trade_flows
                        for x in out):
                    # "доля России в экспорте ..., а завод отгрузил ...": the verb of a
                    # concrete delivery, not the trade flow named in passing
                    out = [x for x in out if x.type != typ]
                    out.append(Trigger(typ, t.i, t.i, rev))
        return out

    @staticmethod
    def _setting_only(toks: list[Token], out: list[Trigger]) -> bool:
        """The meeting found so far is named as the time of another event ("после
        переговоров", "по итогам встречи", "в ходе визита")."""
        base = toks[0].i
        for x in out:
            if x.type == "meeting":
                before = [toks[j].lemma for j in range(max(0, x.first - base - 2),
                                                       x.first - base)]
                return bool(before) and (before[-1] == "после" or (
                    len(before) == 2 and (before[0], before[1]) in _SETTINGS))
        return False

    def forbidden(self, typ: str, source: str, target: str) -> bool:
        """The relation type never joins these endpoint kinds (``forbidden_kinds``); the
        order counts only for directed types."""
        if (typ, source, target) in self._forbidden:
            return True
        return typ in SYMMETRIC and (typ, target, source) in self._forbidden

    def _new_clause(self, toks: list[Token], out: list[Trigger], typ: str, k: int,
                    key: str) -> bool:
        """A second trigger of a type starts a fact of its own when it is a dealer noun or a
        finite verb after a clause break (":", ";", "—") from the previous one."""
        lo = toks[0].i
        last = max(x.last for x in out if x.type == typ) - lo
        if key in self.trade_flows or toks[last].lemma in self.trade_flows:
            return False
        if key in DEALER_WORDS:
            return toks[last].lemma not in DEALER_WORDS | {"дилерский"}
        t = toks[k]
        if t.pos != "VERB" or t.feats.get("VerbForm") != "Fin":
            return False
        between = toks[last + 1:k]
        if any(x.text in (":", ";", "—") for x in between):
            return True
        # "из Беларуси завозят мебель, а якутские компании отправляют пушнину": a clause
        # with a subject of its own
        conj = next((j for j, x in enumerate(between) if j > 0 and _contrast(between, j)),
                    None)
        if conj is None:
            return False
        # the subject stands right before the verb ("а мосты и шины закупает у ..." has
        # its objects in front and shares the subject)
        clause = between[conj + 1:]
        subject = next((x for x in reversed(clause) if x.pos != "ADV"), None)
        if subject is not None and subject.text in ("»", '"') and clause:
            # ", а АО «Рязанский завод приборов» отгружает": a quoted name, whose inner
            # words keep their own case; its first word tells the subject
            subject = clause[0]
        return subject is not None and subject.case == "Nom" \
            and subject.pos in ("NOUN", "PROPN")

    @staticmethod
    def clause_of(toks: list[Token], trig: Trigger, triggers: list[Trigger]) -> tuple[int, int]:
        """Token range (absolute, end exclusive) of the clause a trigger speaks for, when
        the sentence has another trigger of its type after ", а" or ";"; the whole sentence
        otherwise (a dash more often sets off an apposition than a clause)."""
        lo, hi = toks[0].i, toks[-1].i + 1
        for other in triggers:
            if other.type != trig.type or other.first == trig.first:
                continue
            a, b = sorted((other.last, trig.first)) if other.first < trig.first \
                else sorted((trig.last, other.first))
            cut = next((x.i for j, x in enumerate(toks) if a < x.i < b and (
                x.text == ";" or (j > 0 and _contrast(toks, j)))), None)
            if cut is None:
                continue
            if other.first < trig.first:
                lo = max(lo, cut)
            else:
                hi = min(hi, cut)
        return lo, hi

    def hypothetical(self, toks: list[Token], trig: Trigger) -> bool:
        """Readiness, interest, discussion ("готовы рассмотреть поставки") or an agreed
        intention ("договорились провести заседание"); a meeting is only held, so only the
        intention applies to it."""
        lo = toks[0].i
        for j in range(max(lo, trig.first - 8), trig.first):
            if toks[j - lo].lemma in self.modality and trig.type != "meeting":
                return True
            if toks[j - lo].lemma in self.expectation and any(
                    t.lemma == "что" for t in toks[j - lo + 1:j - lo + 3]):
                return True  # "рассчитывают, что поставки вырастут": a forecast
        for k, t in enumerate(toks):
            infinitive = next((x for x in toks[k + 1:k + 3] if x.feats.get("VerbForm") == "Inf"),
                              None)
            if t.lemma in self.plan_verbs and infinitive is not None \
                    and infinitive.lemma not in self.plan_deeds:
                return True
        return self.negated(toks, trig)

    @staticmethod
    def negated(toks: list[Token], trig: Trigger) -> bool:
        """"о поставках в Беларусь речь пока не идёт", "поставки не ведутся": the clause of
        the trigger denies it ("не только ..., но и" denies nothing)."""
        lo = toks[0].i
        start = max(0, trig.first - lo - 3)
        for k in range(start, min(len(toks), trig.last - lo + 12)):
            t = toks[k]
            if k > trig.last - lo and t.text in (":", ";", "—", "(") :
                break
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if t.lemma == "не" and nxt is not None and nxt.lemma != "только" and (
                    nxt.pos in ("VERB", "AUX") or (nxt.pos == "ADV" and k + 2 < len(toks)
                                                   and toks[k + 2].pos in ("VERB", "AUX"))):
                return True
        return False

    def second_clause(self, toks: list[Token], trig: Trigger) -> Trigger | None:
        """"X поставляет в Y шины, а получает оттуда стекло": a later verb of the same type
        after "а" / "и" shares the subject; its own reverse flag tells the direction."""
        lo = toks[0].i
        for k in range(trig.last - lo + 1, len(toks)):
            t = toks[k]
            if t.pos != "VERB" or not any(x.lemma in ("а", "и") and x.pos == "CCONJ"
                                          for x in toks[max(0, k - 3):k]):
                continue
            for typ, rev in self.single.get(t.lemma, []):
                if typ == trig.type:
                    return Trigger(typ, t.i, t.i, rev)
        return None

    def idiom(self, toks: list[Token], trig: Trigger) -> bool:
        """"Подписи под документом поставили ...", "поставить задачу": the trigger verb with
        an idiomatic object reports no transfer of goods."""
        lo = toks[0].i
        objs = self.idioms.get(toks[trig.first - lo].lemma)
        if not objs:
            return False
        near = toks[max(0, trig.first - lo - 4):trig.last - lo + 4]
        return any(t.lemma in objs for t in near)

    def reference(self, toks: list[Token], trig: Trigger) -> bool:
        """"по реализации соглашения": an agreement in force is named, not a new one;
        "пленарное заседание": a session of a public event, not an official meeting;
        "подписано 97 соглашений": a count, which is a figure."""
        lo = toks[0].i
        if trig.type == "meeting" and trig.first - lo >= 1:
            return toks[trig.first - lo - 1].lemma in self.event_qualifiers
        if trig.type != "agreement" or trig.first - lo < 1:
            return False
        if toks[trig.first - lo].feats.get("Number") == "Plur" and any(
                t.pos == "NUM" for t in toks[max(0, trig.first - lo - 2):trig.first - lo]):
            return True  # "подписано 97 соглашений": a count of documents is a figure
        return toks[trig.first - lo - 1].lemma in self.agreement_references

    @staticmethod
    def in_relative_clause(toks: list[Token], trig: Trigger) -> bool:
        """"завод, который собирает автомобили": the clause describes, it reports no fact."""
        lo = toks[0].i
        for j in range(trig.first - 1, max(lo, trig.first - 6) - 1, -1):
            t = toks[j - lo]
            if t.text in (",", "—", "(", ";"):
                return False
            if t.lemma == "который":
                # "провели переговоры, по итогам которых подписали карту": a clause that
                # goes on with the story (after, as a result of the fact before) narrates
                prev = toks[j - lo - 1].lemma if j - 1 >= lo else ""
                return prev not in NARRATIVE_HEADS
        return False
