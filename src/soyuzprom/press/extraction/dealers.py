"""Which organization a text names as a dealer, and when "дилер" only refers back to it.

A dealer is named in apposition to the word: before it ("«Агидель-Техника» — официального
дилера МТЗ") or after it ("через дилера «Агротехмаш-Казань»", "его дилер в Севастополе
компания «X»"). A genitive after the word names the maker instead ("дилер Минского
тракторного завода", "дилером холдинга «Амкодор»"). A bare "дилер" ("дилер открыл сервисный
центр", "вложения дилера") states no dealership; it refers back to the dealer named before.

Example::

    "через дилера «Агротехмаш-Казань»" -> Агротехмаш-Казань is the dealer
    "дилером холдинга «Амкодор»"       -> Амкодор is the maker, no dealer named here
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from soyuzprom.press.extraction.nlp import Token

Span = tuple[int, int]  # first and last token of a mention

DEALER_WORDS = frozenset({"дилер", "дистрибьютор"})
# nouns that rename the dealer in apposition: "дилер — компания «X»"
_RENAMING = frozenset({"компания", "предприятие", "фирма", "общество", "организация"})
_GLUE = frozenset({"—", "–", "-", ",", "(", ":"})
_QUOTES = frozenset({"«", '"', "„"})


def appositive_dealer(tokens: Sequence[Token], k: int, spans: Sequence[Span],
                      legal_forms: Collection[str] = ()) -> Span | None:
    """The mention (first, last) that the dealer word at ``k`` renames, if any."""
    sent = tokens[k].sent
    before = [s for s in spans if tokens[s[0]].sent == sent and s[1] < k]
    if before:
        first, last = max(before, key=lambda s: s[1])
        gap = [t for t in tokens[last + 1:k] if t.text not in _QUOTES]
        # "«X» — официального дилера", "ООО «X», официальный дилер"
        if gap and gap[0].text in _GLUE and all(t.text in _GLUE or t.pos == "ADJ" for t in gap):
            return first, last
    after = [s for s in spans if tokens[s[0]].sent == sent and k < s[0] <= k + 6]
    if not after:
        return None
    span = min(after)
    raw_gap = [t for t in tokens[k + 1:span[0]] if t.text not in _QUOTES]
    # "дилер в регионе ООО «X»": a place phrase may stand between the word and the name
    gap = [t for t in raw_gap
           if not (t.pos == "ADP" and t.lemma in ("в", "на")) and t.case != "Loc"]
    renaming = [t for t in gap if t.lemma in _RENAMING]
    if renaming:
        # "дилер в Севастополе компания «X»" (same case), "дилер — компания «X»": the
        # dealer's name; "дилер компании «X»" (genitive): the maker's
        glued = any(t.text in _GLUE for t in gap[:gap.index(renaming[0])])
        return span if renaming[0].case == tokens[k].case or glued else None
    name = next((t for t in tokens[span[0]:span[1] + 1] if t.text not in _QUOTES
                 and t.text not in legal_forms and not t.text.isupper()), tokens[span[0]])
    if name.case == "Gen" and tokens[k].case != "Gen":
        return None  # "дилер «Гомсельмаша»": the maker, in the genitive
    head = tokens[span[0]]
    # a legal form: listed, or capitals before a quote ("ООО «X»")
    introduced = head.text in _QUOTES or head.text in legal_forms \
        or tokens[span[0] - 1].text in _QUOTES or (
            head.text.isupper() and span[0] + 1 < len(tokens)
            and tokens[span[0] + 1].text in _QUOTES)
    if not raw_gap and tokens[span[0]].text not in _QUOTES:
        return None  # "дилер ОАО «Гомсельмаш»": a legal form right after is the genitive
    if all(t.text in _GLUE or t.text in legal_forms for t in gap) and (gap or introduced):
        return span  # "дилера «X»", "дилер — ООО «X»"
    return None


def is_bare(tokens: Sequence[Token], k: int, spans: Sequence[Span]) -> bool:
    """"дилер открыл центр": no maker governed by the dealer word at ``k`` (ask only for a
    word that renames no dealer, see ``named_dealers``)."""
    sent = tokens[k].sent
    nxt = next((t for t in tokens[k + 1:k + 4] if t.pos != "ADJ"), None)
    if nxt is not None and nxt.sent == sent and nxt.pos in ("NOUN", "PROPN") \
            and nxt.case == "Gen":
        return False  # "дилером белорусского завода": the maker, named by a descriptor
    # "дилер МТЗ", "дилером холдинга «Амкодор»": a maker governed by the word
    return not any(tokens[s[0]].sent == sent and k < s[0] <= k + 4 and all(
        t.text in _QUOTES or t.case == "Gen" for t in tokens[k + 1:s[0]]) for s in spans)


def named_dealers(tokens: Sequence[Token], spans: Sequence[Span],
                  legal_forms: Collection[str]) -> list[tuple[int, Span]]:
    """(position of the dealer word, the dealer's mention) for every dealer the text names."""
    out = []
    for t in tokens:
        if t.lemma in DEALER_WORDS:
            span = appositive_dealer(tokens, t.i, spans, legal_forms)
            if span is not None:
                out.append((t.i, span))
    return out
