"""Direction of a relation: which party supplies, owns or invests, and which one buys or
hosts. Attachment ("slot") of each party comes from the dependency parse when the sentence
was parsed, else from prepositions and cases: "в/на/для X" buyer or host, "у/от/из X"
supplier, the maker of the goods ("автобусов МАЗ") supplier, the nominative subject actor.

Example::

    >>> src, dst = choose_pair("supply", False, tokens, parties)  # "МТЗ поставит ... в область"
    >>> (src.name, dst.name)
    ('Минский тракторный завод', 'Смоленская область')
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from soyuzprom.press.extraction.dealers import DEALER_WORDS, appositive_dealer
from soyuzprom.press.extraction.nlp import Token
from soyuzprom.press.extraction.parties import Party
from soyuzprom.press.extraction.triggers import SYMMETRIC, Trigger

_TO_PREP = {"в", "во", "на", "для"}
_LEGAL_HINT = {"ОАО", "ООО", "АО", "ЗАО", "ПАО", "РУП", "УП", "ОДО", "СООО", "ИООО"}
_FROM_PREP = {"у", "от", "из"}
_WITH_PREP = {"с", "со", "между"}


_DESCRIPTORS = {"компания", "предприятие", "завод", "холдинг", "концерн", "корпорация",
                "объединение", "фирма", "производитель", "дилер", "комбинат", "фабрика",
                "делегация", "сторона", "губернатор", "правительство", "министерство",
                "председатель", "директор", "глава", "руководитель", "министр",
                # collective nouns a region qualifies ("хозяйства Смоленщины")
                "хозяйство", "аграрий", "сельхозпредприятие", "сельхозпроизводитель"}
_MAKER_HEADS = {"центр", "техника", "продукция", "машина", "машинокомплект", "комплект",
                "лицензия", "технология", "модель", "трактор", "автобус", "комбайн", "самосвал",
                "двигатель", "мотор", "шина", "лифт", "станок", "узел", "документация",
                "шасси"}
# "покупателям / потребителям X": X buys
_BUYER_HEADS = {"покупатель", "потребитель", "получатель", "заказчик", "клиент"}
# "на мощностях / на площадке / для нужд X": X hosts or buys ("на шасси МАЗ": МАЗ makes)
_HOST_NOUNS = {"мощность", "площадка", "база", "территория", "служба", "нужда", "потребность",
               "хозяйство", "предприятие", "завод", "цех", "производство", "комбинат",
               # "в Речицком районе Гомельской области": the place inside the region
               "район", "округ", "город", "порт", "зона"}
_TRADERS = {"производитель", "поставщик", "предприятие", "завод", "компания", "экспортер",
            "партнер", "изготовитель",
            # people of an industry trade for their country: "белорусским нефтяникам"
            "нефтяник", "машиностроитель", "металлург", "аграрий", "энергетик", "переработчик",
            "химик", "железнодорожник", "потребитель", "покупатель", "заказчик"}
_DEALER_OUTLETS = {"центр", "сеть", "представительство", "салон", "пункт"}
_DESCRIPTOR_RELS = {"appos", "flat", "flat:name", "nmod", "amod", "flat:foreign"}


def _syntax_slot(tokens: list[Token], p: Party, kids: dict[int, list[int]]) -> str | None:
    """The party's attachment from the dependency parse (None when not parsed)."""
    inside = range(p.first, p.last + 1)
    heads = [i for i in inside if tokens[i].head not in inside]
    # a quote the parser hangs elsewhere is not the head of the name
    words = [i for i in heads if tokens[i].pos != "PUNCT"]
    heads = words or heads
    if not heads or tokens[heads[0]].rel == "":
        return None
    h = heads[0]
    seen = 0
    via_descriptor = False
    # "X и Y подписали": Y is a conjunct of the subject X; "компания «Y»": Y names the noun;
    # "хозяйствами Смоленской области": the region qualifies the noun before it
    while seen < 4 and tokens[h].head >= 0 and (
            tokens[h].rel == "conj" or (tokens[h].rel in _DESCRIPTOR_RELS
                                        and tokens[tokens[h].head].lemma in _DESCRIPTORS
                                        and tokens[h].head in (
                                            h - 1 - _quote_gap(tokens, h),
                                            p.first - 1 - _quote_gap(tokens, p.first))
                                        and tokens[h].head < p.first)):
        via_descriptor = via_descriptor or tokens[h].rel != "conj"
        h = tokens[h].head
        seen += 1
    for c in kids.get(h, []):
        if tokens[c].rel == "case":
            lem = tokens[c].lemma
            if lem in ("в", "во") and tokens[h].case == "Loc":
                return "in"
            if lem in _TO_PREP:
                return "to"
            if lem in _FROM_PREP:
                return "from"
            if lem in _WITH_PREP:
                return "with"
            if lem == "через":
                return "to"
    rel = tokens[h].rel
    head = tokens[h].head
    if rel == "nmod" and head >= 0:
        # "для коммунальных служб Витебской области", "на мощностях завода «X»": the party
        # inherits the preposition of the noun it depends on
        for c in kids.get(head, []):
            if tokens[c].rel == "case" and (tokens[c].lemma == "для" or (
                    tokens[c].lemma in ("в", "во", "на")
                    and tokens[head].lemma in _HOST_NOUNS)):
                return "to"
    if rel in ("nmod", "appos", "flat") and head >= 0 and tokens[head].lemma in _BUYER_HEADS:
        return "to"  # "отгрузки покупателям Краснодарского края": the region's buyers
    if via_descriptor and rel == "nmod" and head >= 0 and tokens[head].lemma == "центр":
        return "to"  # "сервисный центр компании «X»": the company runs the centre
    if rel in ("nmod", "appos", "flat") and head >= 0 and tokens[head].lemma in _MAKER_HEADS:
        return "maker"  # "сервисный центр БелАЗа", "на шасси МАЗ" (an indeclinable head)
    if rel in ("nmod", "appos", "flat", "flat:foreign") and head >= 0 \
            and tokens[head].pos == "NOUN" and tokens[head].lemma not in _DESCRIPTORS \
            and tokens[head].feats.get("Number") == "Plur":
        # "автобусов МАЗ", "комбайнов «Гомсельмаша»": a brand after goods makes them; a
        # legal-form name does not decline, so "отгрузки труб ОАО «X»" is rather the dative
        # buyer - unless the sentence names the destination (see relations.py)
        return "goods_org" if _legal_form(tokens, p) else "maker"
    if rel.startswith("nsubj"):
        return "subj"
    if rel == "iobj":
        return "dat"
    if rel == "nmod":
        return "gen"
    if rel == "obj":
        if tokens[h].case == "Nom" and head >= 0 and any(
                tokens[c].rel.startswith("nsubj") and tokens[c].case == "Acc"
                for c in kids.get(head, [])):
            # "Лист комбината получают МАЗ и БелАЗ": the parser took the object first for
            # the subject; the tagger's cases tell the roles of the inverted order
            return "subj"
        return "obj"
    if rel == "obl":
        return {"Dat": "dat", "Ins": "with"}.get(tokens[h].case or "", "other")
    return None


def _after_goods(tokens: list[Token], p: Party) -> bool:
    """The mention follows goods: a genitive plural noun or a maker head ("тракторов МТЗ",
    "техники «Амкодор»"), with no legal form ("отгрузки труб ОАО «X»" is rather a buyer)."""
    k = p.first - 1
    while k >= 0 and tokens[k].text in ("«", '"', "„"):
        k -= 1
    if k < 0 or tokens[k].sent != tokens[p.first].sent or tokens[k].pos != "NOUN" \
            or tokens[k].lemma in _DESCRIPTORS or _legal_form(tokens, p):
        return False
    t = tokens[k]
    return t.lemma in _MAKER_HEADS or (t.case == "Gen" and t.feats.get("Number") == "Plur")


def _legal_form(tokens: list[Token], p: Party) -> bool:
    """The mention is written with its legal form ("ОАО «X»"), inside or just before it."""
    k = p.first
    while k > 0 and tokens[k].text in ("«", '"', "„"):
        k -= 1
    if tokens[k].text in _LEGAL_HINT:
        return True
    return k > 0 and tokens[k - 1].text in _LEGAL_HINT and tokens[k - 1].sent == tokens[k].sent


def _quote_gap(tokens: list[Token], h: int) -> int:
    k = 0
    while h - 1 - k >= 0 and tokens[h - 1 - k].text in ("«", '"', "„"):
        k += 1
    return k


def slot(tokens: list[Token], p: Party, kids: dict[int, list[int]] | None = None) -> str:
    """How the party is attached: to | in | from | with | maker | goods_org | subj | gen | dat
    | obj | other."""
    if p.first < 0:
        return "other"  # a party from elsewhere in the text
    if _licensor(tokens, p):
        return "maker"
    found = _syntax_slot(tokens, p, kids) if kids is not None else None
    found = found or _surface_slot(tokens, p)
    if found in ("subj", "obj", "other") and _after_goods(tokens, p):
        # "обслуживания тракторов МТЗ" that the parser hangs on the verb (or an indeclinable
        # name read as nominative): a brand right after goods in the genitive plural makes them
        return "maker"
    return found


_LICENCE_WORDS = {"лицензия", "документация", "технология"}


def _licensor(tokens: list[Token], p: Party) -> bool:
    """"по лицензии минской компании «Адани»", "по документации КАМАЗа": the owner of the
    licence makes the product, however the parser attaches the name."""
    k = p.first - 1
    while k >= 0 and tokens[k].sent == tokens[p.first].sent and (
            tokens[k].text in ("«", '"', "„") or tokens[k].pos == "ADJ"
            or tokens[k].lemma in _DESCRIPTORS):
        k -= 1
    if k < 0 or tokens[k].sent != tokens[p.first].sent:
        return False
    # "открылся сервисный центр МАЗ": the maker whose machines the centre serves
    service = tokens[k].lemma == "центр" and k > 0 and tokens[k - 1].lemma in (
        "сервисный", "технический", "дилерский") and tokens[k].i + 1 == p.first
    return tokens[k].lemma in _LICENCE_WORDS or service


def _surface_slot(tokens: list[Token], p: Party) -> str:
    """The attachment from prepositions and cases, for a sentence that was not parsed."""
    first = p.first
    while first < p.last and not tokens[first].text[:1].isalnum():
        first += 1  # the case is carried by the name, not by its opening quote
    t = tokens[first]
    prev = tokens[p.first - 1] if p.first > 0 else None
    if prev is not None and prev.sent == t.sent:
        # skip one adjective or host word between preposition and name ("на площадке X")
        p2 = tokens[p.first - 2] if p.first > 1 else None
        p3 = tokens[p.first - 3] if p.first > 2 else None
        for cand in (prev, p2, p3):
            if cand is None or cand.sent != t.sent:
                continue
            if cand is prev and cand.lemma in _BUYER_HEADS:
                return "to"
            if cand.lemma in _TO_PREP or cand.lemma == "через":
                if cand.lemma in ("в", "во") and t.case == "Loc":
                    return "in"  # "закупает в Беларуси": where, for a buyer the source
                return "to"
            if cand.lemma in _FROM_PREP:
                return "from"
            if cand.lemma in _WITH_PREP:
                return "with"
            if cand.pos != "ADJ" and not (cand.pos == "NOUN" and (
                    cand.lemma in _HOST_NOUNS or cand.lemma in _DESCRIPTORS)) \
                    and cand.text not in ("«", '"') and cand.text not in _LEGAL_HINT:
                break
    case = t.case
    if t.pos == "ADJ":
        case = tokens[p.last].case if tokens[p.last].pos != "ADJ" else case
    return {"Nom": "subj", "Gen": "gen", "Dat": "dat", "Ins": "with"}.get(case or "", "other")


_WEAK = {"subj", "other", "obj", "gen", "dat", "goods_org"}


def _against_word_order(src: Party, dst: Party, slot_of: dict[str, str],
                        trig_tok: Token | None, reverse: bool, passive: bool,
                        tokens: list[Token]) -> bool:
    """"АО «X» поставляет ОАО «Y» терминалы": when cases say little (legal forms do not
    decline), the actor of an active verb stands before it and the partner after."""
    if trig_tok is None or passive or trig_tok.pos != "VERB" or src.first < 0 or dst.first < 0:
        return False
    if slot_of.get(src.name) not in _WEAK or slot_of.get(dst.name) not in _WEAK:
        return False
    actor, partner = (dst, src) if reverse else (src, dst)
    if _nominative_noun(tokens, actor) and not _nominative_noun(tokens, partner):
        return False  # "лист комбината получают Минский автомобильный завод ...": inverted
    return actor.first > trig_tok.i > partner.first


def _nominative_noun(tokens: list[Token], p: Party) -> bool:
    """The mention's own common noun is in the nominative ("Минский автомобильный завод"):
    its case, unlike a legal form's or a brand's, says it is the subject."""
    return any(t.pos == "NOUN" and t.case == "Nom" and t.text not in _LEGAL_HINT
               for t in tokens[p.first:p.last + 1])


def compatible(a: Party, b: Party) -> bool:
    if a.name == b.name:
        return False
    # a region is not a partner of its own country ("Смоленская область" / "Россия"), nor
    # of its own government or ministry
    if (a.region and a.region in (b.name, b.region)) or (b.region and b.region == a.name):
        return False
    return not ((a.is_country or b.is_country) and a.country == b.country)


def choose_pair(typ: str, reverse: bool, tokens: list[Token], parties: list[Party],
                kids: dict[int, list[int]] | None = None,
                anchor: int = -1) -> tuple[Party, Party] | None:
    if len(parties) < 2:
        return None
    slots = _conjunct_slots(tokens, parties, [slot(tokens, p, kids) for p in parties])
    # "подписан с фабрикой «X»: она будет получать молоко": a party named twice acts where
    # it is the subject
    subjects = {p.name for p, s in zip(parties, slots, strict=True) if s == "subj"}
    keep = [k for k, p in enumerate(parties) if p.name not in subjects or slots[k] == "subj"]
    if len(keep) < len(parties) and len({parties[k].name for k in keep}) >= 2:
        parties, slots = [parties[k] for k in keep], [slots[k] for k in keep]
    if typ in SYMMETRIC:
        best = None
        # "провёл переговоры с министром ...": the counterpart the preposition names
        with_slot = {p.name for p, s in zip(parties, slots, strict=True) if s == "with"}
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                if not compatible(a, b):
                    continue
                cross = a.country and b.country and a.country != b.country
                score = (2 if cross else 0) - (a.is_country + b.is_country) * 0.5 \
                    + (a.is_org + b.is_org) * 0.3 \
                    + ((a.name in with_slot) + (b.name in with_slot)) * 0.2
                if best is None or score > best[0]:
                    best = (score, a, b)
        return (best[1], best[2]) if best else None
    src_order: tuple[str, ...]
    dst_order: tuple[str, ...]
    trig_tok = tokens[anchor] if anchor >= 0 else None
    passive = trig_tok is not None and trig_tok.pos == "VERB" and (
        trig_tok.feats.get("Voice") == "Pass" or trig_tok.lemma.endswith("ся"))
    if passive and not reverse:
        # "линия, поставленная белорусским «Станкозаводом»": the agent is the supplier
        src_order, dst_order = ("maker", "with", "from", "gen", "other", "subj"), (
            "to", "in", "dat", "goods_org", "obj", "other", "subj")
    elif reverse:
        src_order, dst_order = ("maker", "from", "in", "gen", "with", "other", "obj", "subj"), (
            "subj", "to", "dat", "goods_org")
    else:
        src_order, dst_order = ("maker", "subj", "from", "gen", "other", "with"), (
            "to", "dat", "goods_org", "obj", "in", "other", "gen", "subj")
    slot_of = {p.name: s for p, s in zip(parties, slots, strict=True)}
    # the subjects or objects of a verb listed together share its role; the parties listed
    # before a noun ("X и Y заключили контракт на поставку") are its two sides
    verb_trigger = trig_tok is not None and trig_tok.pos == "VERB"
    for src in _ordered(parties, slots, src_order, anchor, True, tokens):
        for dst in _ordered(parties, slots, dst_order, anchor, tokens=tokens):
            if verb_trigger and listed_together(tokens, src, dst):
                continue  # "получили ОАО «X» и ООО «Y»": two parties in one role
            if compatible(src, dst) and (not src.country or not dst.country
                                          or src.country != dst.country):
                if typ == "joint_production" and src.country == "RU" and dst.country == "BY" \
                        and (slot_of[src.name] == slot_of[dst.name]
                             or listed_together(tokens, src, dst)):
                    # "X и Y наладят совместный выпуск": nothing tells the owner; in this
                    # domain the Belarusian maker licenses its product to the Russian side
                    return dst, src
                if _against_word_order(src, dst, slot_of, trig_tok, reverse, passive, tokens):
                    return dst, src
                return src, dst
    if typ != "supply":
        return None  # production, service and investment are cooperation across the border
    for src in _ordered(parties, slots, src_order, anchor, True, tokens):
        for dst in _ordered(parties, slots, dst_order, anchor, tokens=tokens):
            if compatible(src, dst) and not src.is_country and not dst.is_country \
                    and not (verb_trigger and listed_together(tokens, src, dst)):
                return src, dst
    return None


def _conjunct_slots(tokens: list[Token], parties: list[Party], slots: list[str]) -> list[str]:
    """"между ОАО «X» и тульской компанией «Y»": a conjunct shares the preposition of the
    first mention even when the parser hangs it elsewhere."""
    out = list(slots)
    for i, a in enumerate(parties):
        if out[i] not in ("with", "from", "to") or a.first < 0:
            continue
        for j, b in enumerate(parties):
            if b.first <= a.last or out[j] == out[i]:
                continue
            between = tokens[a.last + 1:b.first]
            if 0 < len(between) <= 5 and between[0].text == "и" and all(
                    t.pos == "ADJ" or t.text in ("«", '"') or t.text in _LEGAL_HINT
                    or t.lemma in _DESCRIPTORS for t in between[1:]):
                out[j] = out[i]
    return out


_FLOW_NOUNS = {"поставка", "экспорт", "импорт", "продукция", "товар", "продукт", "техника",
               "отгрузка", "продажа", "ввоз", "вывоз"}


def _qualifies_goods(tokens: list[Token], p: Party) -> bool:
    """"поставки белорусских молочных продуктов", "основу брестского экспорта": a country or
    region adjective on goods or on a trade flow names where they come from."""
    k = p.last + 1
    while k < len(tokens) and tokens[k].pos == "ADJ":
        k += 1
    return k < len(tokens) and tokens[k].lemma in _FLOW_NOUNS


def _ordered(parties: list[Party], slots: list[str], order: tuple[str, ...],
             anchor: int = -1, first_named: bool = False,
             tokens: list[Token] | None = None) -> list[Party]:
    """Parties by how well their attachment fits; then mentions before people standing for
    a body (often the speaker), named organizations before regions before countries, and
    the nearest to the trigger - or, for the source, the first named: "контракт между X и Y
    на поставку" names the supplier first."""
    rank = {s: k for k, s in enumerate(order)}

    def key(ps: tuple[Party, str]) -> tuple[int, int, int, int, int, int]:
        p, s = ps
        distance = abs(p.first - anchor) if anchor >= 0 and p.first >= 0 else 99
        if first_named and p.first >= 0:
            distance = p.first
        # "у российских гостей": a country adjective qualifies people, it names no party
        # - unless it qualifies those who trade ("у белорусских производителей")
        adjective = int(tokens is not None and p.is_country and p.first >= 0
                        and tokens[p.first].pos == "ADJ" and not (
                            p.last + 1 < len(tokens)
                            and tokens[p.last + 1].lemma in _TRADERS)
                        and not _qualifies_goods(tokens, p))
        # "область покупает технику: завод отгрузил шины": the subject of the trigger's
        # own verb before the subject of another clause
        governed = 0 if tokens is None or anchor < 0 else int(not _governed_by(tokens, p, anchor))
        return (adjective, rank.get(s, len(order)), governed, int(p.via_person),
                0 if p.is_org else 2 if p.is_country else 1, distance)

    pairs = sorted(zip(parties, slots, strict=True), key=key)
    return [p for p, _ in pairs]




LIST_LINKS = {"и", ",", "«", "»", '"'} | _LEGAL_HINT
_LIST_DESCRIPTORS = {"холдинг", "компания", "завод", "предприятие", "концерн", "корпорация",
                     "комбинат", "фабрика", "объединение", "агрохолдинг", "агрофирма"}


def conjoined(tokens: list[Token], head: Party, cands: list[Party], exclude: Collection[str],
              fits: Callable[[Party], bool] = lambda p: True) -> list[Party]:
    """The parties listed together with ``head`` along a list ("МАЗ, МоАЗ и холдинг
    «Амкодор»"), nearest first, that ``fits`` accepts and whose names are not excluded
    (the relation's other end)."""
    chain = [head]
    for p in sorted(cands, key=lambda c: abs(c.first - head.first)):
        if p.name not in (*exclude, *(c.name for c in chain)) and fits(p) \
                and any(listed_together(tokens, p, c) for c in chain):
            chain.append(p)
    return chain[1:]


def listed_together(tokens: list[Token], a: Party, b: Party) -> bool:
    """"АО «X» и ООО «Y»": two mentions joined by "и" or a comma and nothing else share one
    role in the sentence; neither supplies the other."""
    if a.first < 0 or b.first < 0:
        return False
    lo, hi = (a, b) if a.first < b.first else (b, a)
    between = tokens[lo.last + 1:hi.first]
    # "МАЗ, МоАЗ и холдинг «Амкодор»": a descriptor noun may name the next one's kind
    if 0 < len(between) <= 6 and all(
            t.text in LIST_LINKS or t.lemma in _LIST_DESCRIPTORS for t in between) \
            and any(t.text in ("и", ",") for t in between) \
            and sum(t.lemma in _LIST_DESCRIPTORS for t in between) <= 1:
        return True
    # "Восемь получила агрофирма «X», ещё шесть — СПК «Y»": a clause that goes on with
    # "ещё" repeats the verb for the next party in the same role
    return any(t.text == "," and k + 1 < len(between) and between[k + 1].lemma in ("ещё", "еще")
               for k, t in enumerate(between)) and not any(
        t.pos == "VERB" and t.feats.get("VerbForm") == "Fin" for t in between)


def _governed_by(tokens: list[Token], p: Party, anchor: int) -> bool:
    """The mention hangs on the trigger in the dependency parse (directly, or through a
    conjunct or a descriptor noun); true when the sentence was not parsed."""
    if p.first < 0:
        return False
    inside = range(p.first, p.last + 1)
    heads = [i for i in inside if tokens[i].head not in inside and tokens[i].pos != "PUNCT"]
    if not heads or tokens[heads[0]].rel == "":
        return True
    h = heads[0]
    for _ in range(4):
        head = tokens[h].head
        if head < 0:
            return False
        if head == anchor:
            return True
        if tokens[h].rel not in ("conj", "appos", "flat", "flat:name", "nmod") \
                and tokens[head].pos != "NOUN":
            return False
        h = head
    return False


def dealer_pair(trig: Trigger, tokens: list[Token],
                 parties: list[Party]) -> tuple[Party, Party] | None:
    """"X стал дилером холдинга «Y»" (Y supplies X); "дилерское предприятие «X»" (X buys)."""
    lemma = tokens[trig.first].lemma
    if lemma not in DEALER_WORDS | {"дилерский"} or len(parties) < 2:
        return None
    after = [p for p in parties if trig.last < p.first <= trig.last + 5]
    if not after:
        return None
    # "дилерский договор с курской компанией «X»": the company, not the region of its adjective
    named = next((p for p in after if p.is_org), after[0])
    others = [p for p in parties if p.name != named.name
              and (not p.country or not named.country or p.country != named.country)]
    if not others:
        return None
    others.sort(key=lambda p: (not p.is_org, p.is_country))
    spans = [(p.first, p.last) for p in parties if p.is_org and p.first >= 0]
    if lemma != "дилерский" and appositive_dealer(tokens, trig.first, spans) == (
            named.first, named.last):
        # "через дилера «Агротехмаш-Казань»", "его дилер компания «X»": the name after the
        # word is the dealer's own; the maker sells to it
        maker = next((p for p in others if p.is_org), others[0])
        return maker, named
    nxt = tokens[trig.first + 1] if trig.first + 1 < len(tokens) else None
    if lemma == "дилерский" and named.is_org and nxt is not None \
            and nxt.lemma in _DEALER_OUTLETS:
        return named, others[0]  # "дилерский центр ОАО «X»": X's outlet, X supplies
    if lemma == "дилерский":
        if named.country == "BY" and others[0].country == "RU":
            # "Ижевская компания подписала с холдингом «X» дилерский договор": nothing in
            # the words tells the dealer; in this domain the Belarusian maker sells through
            # the Russian dealer (as for licensed production, see choose_pair)
            return named, others[0]
        return others[0], named
    return named, others[0]
