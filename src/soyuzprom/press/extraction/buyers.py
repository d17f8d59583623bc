"""Buyers named by their role after a supply: the seller is the supplier told just before.

News on a supplier's results names the buyers in a sentence of their own, without a verb of
supply: "Основные получатели — МАЗ и БелАЗ", "Крупнейшим покупателем стал агрохолдинг
«Ирмень»", "главным заказчиком выступает «Минсккоммунтеплосеть»", "Среди покупателей — X и
Y". Each named organization there buys from the enterprise whose supply the text told last
(in the same sentence or one of the two before).

Example::

    "За год предприятие отгрузило белорусским машиностроителям 400 тысяч шин. Основные
    получатели — МАЗ и БелАЗ."  -> supply Нижнекамскшина -> МАЗ, Нижнекамскшина -> БелАЗ
"""

from __future__ import annotations

from dataclasses import dataclass

from soyuzprom.press.extraction.direction import conjoined
from soyuzprom.press.extraction.model import Relation
from soyuzprom.press.extraction.nlp import Analysis, Token
from soyuzprom.press.extraction.parties import Party

# how far back (in sentences) the supply may stand that the buyers belong to
WINDOW = 2


@dataclass(frozen=True)
class Sale:
    """The latest supply told by an enterprise: who sells on (the buyer when it is an
    enterprise: a dealer sells what the maker supplied), who supplied, in which sentence,
    what."""

    seller: Party
    supplier: Party
    sent: int
    goods: str


def _buyers_start(toks: list[Token], k: int, role_verbs: frozenset[str]) -> int | None:
    """Where the buyers' names start after the role noun at ``k`` (absolute), or None
    when the noun does not introduce them."""
    lo = toks[0].i
    noun = toks[k - lo]
    nxt = toks[k - lo + 1] if k - lo + 1 < len(toks) else None
    if nxt is not None and nxt.text in ("—", "–", ":"):
        return k + 2  # "Основные получатели — X и Y", "Среди покупателей — X"
    near = toks[max(0, k - lo - 2):k - lo + 3]
    if noun.case == "Ins" and any(t.lemma in role_verbs for t in near):
        return k + 1  # "Крупнейшим покупателем стал X", "заказчиком выступает X"
    return None


def buyer_relations(a: Analysis, s: int, parties: list[Party], sale: Sale | None,
                    buyer_nouns: frozenset[str], role_verbs: frozenset[str]) -> list[Relation]:
    """Supplies from the latest seller to the buyers sentence ``s`` names by their role."""
    if sale is None or s - sale.sent > WINDOW:
        return []
    toks = a.sent_tokens(s)
    start, stop, _, _ = a.sents[s]
    evidence = a.text[start:stop].strip()
    out: list[Relation] = []
    for t in toks:
        if t.lemma not in buyer_nouns:
            continue
        first = _buyers_start(toks, t.i, role_verbs)
        if first is None:
            continue
        named = [p for p in parties if p.first >= first and p.is_org and not p.is_body]
        # "отгрузила потребителям ..., среди покупателей — КАМАЗ и Ростсельмаш": the buyers
        # of the supply itself buy from its supplier
        seller = sale.supplier if any(p.name == sale.seller.name for p in named) \
            else sale.seller
        named = [p for p in named if p.name not in (sale.seller.name, sale.supplier.name)]
        if not named:
            continue
        # the first name after the noun, then every name listed with it
        head = min(named, key=lambda p: p.first)
        chain = [head, *conjoined(a.tokens, head, named, ())]
        out.extend(Relation("supply", seller.name, p.name, sale.goods, evidence, start, stop)
                   for p in chain)
        break
    return out
