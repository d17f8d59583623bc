"""Typed relations from trigger vocabularies and the parties of the trigger's sentence.

Direction comes from the dependency parse of the sentence when available (subject of the
trigger verb = supplier / owner) and from prepositions and cases otherwise: "в/на/для X"
marks the buyer or host, "у/от/из X" the supplier, the nominative subject the actor.
Hypothetical or discussion-only triggers ("готовы рассмотреть поставки") are skipped.

Example::

    >>> [(r.type, r.source, r.target) for r in rels]  # "МТЗ поставит тракторы в Смоленскую область"
    [('supply', 'Минский тракторный завод', 'Смоленская область')]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from soyuzprom.press.extraction.model import Relation
from soyuzprom.press.extraction.morph import Morph, normal_word
from soyuzprom.press.extraction.nlp import Analysis, Token, children
from soyuzprom.press.extraction.organizations import OrgMention
from soyuzprom.press.extraction.parties import Party
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import COUNTRY_NAME, Vocabulary

TYPES = ("supply", "joint_production", "service_center", "joint_venture", "investment_project",
         "agreement", "meeting")
SYMMETRIC = {"agreement", "meeting", "joint_venture"}
_TO_PREP = {"в", "во", "на", "для"}
_FROM_PREP = {"у", "от", "из"}
_WITH_PREP = {"с", "со", "между"}


@dataclass(frozen=True, slots=True)
class Trigger:
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
        self.technology = frozenset(normal_word(x) for x in rel["technology_objects"])
        self.not_objects = frozenset(normal_word(x) for x in rel["not_objects"])
        self.generic_objects = frozenset(normal_word(x) for x in rel["generic_objects"])

    def find(self, toks: list[Token]) -> list[Trigger]:
        out: list[Trigger] = []
        seen: set[str] = set()
        for k, t in enumerate(toks):
            for typ, b in self.pairs.get(t.lemma, []):
                for j in range(k + 1, min(len(toks), k + 4)):
                    if toks[j].lemma == b and typ not in seen:
                        out.append(Trigger(typ, toks[k].i, toks[j].i, False))
                        seen.add(typ)
            key = t.text if t.text.isupper() and len(t.text) <= 3 else t.lemma
            for typ, rev in self.single.get(key, []):
                if typ not in seen:
                    out.append(Trigger(typ, t.i, t.i, rev))
                    seen.add(typ)
        return out

    def hypothetical(self, toks: list[Token], trig: Trigger) -> bool:
        """Readiness, interest, discussion ("готовы рассмотреть поставки") or an agreed
        intention ("договорились провести заседание"); a meeting is only held, so only the
        intention applies to it."""
        lo = toks[0].i
        for j in range(max(lo, trig.first - 8), trig.first):
            if toks[j - lo].lemma in self.modality and trig.type != "meeting":
                return True
        for k, t in enumerate(toks):
            if t.lemma in self.plan_verbs and any(
                    x.feats.get("VerbForm") == "Inf" for x in toks[k + 1:k + 3]):
                return True
        return False

    @staticmethod
    def in_relative_clause(toks: list[Token], trig: Trigger) -> bool:
        """"завод, который собирает автомобили": the clause describes, it reports no fact."""
        lo = toks[0].i
        for j in range(trig.first - 1, max(lo, trig.first - 6) - 1, -1):
            t = toks[j - lo]
            if t.text in (",", "—", "(", ";"):
                return False
            if t.lemma == "который":
                return True
        return False


_DESCRIPTORS = {"компания", "предприятие", "завод", "холдинг", "концерн", "корпорация",
                "объединение", "фирма", "производитель", "дилер", "комбинат", "фабрика",
                "делегация", "сторона", "губернатор", "правительство", "министерство",
                "председатель", "директор", "глава", "руководитель", "министр"}
_MAKER_HEADS = {"центр", "техника", "продукция", "машина", "машинокомплект", "комплект",
                "лицензия", "технология", "модель", "трактор", "автобус", "комбайн", "самосвал",
                "двигатель", "мотор", "шина", "лифт", "станок", "узел", "документация"}
_DESCRIPTOR_RELS = {"appos", "flat", "flat:name", "nmod", "amod", "flat:foreign"}


def _syntax_slot(tokens: list[Token], p: Party, kids: dict[int, list[int]]) -> str | None:
    """The party's attachment from the dependency parse (None when not parsed)."""
    inside = range(p.first, p.last + 1)
    heads = [i for i in inside if tokens[i].head not in inside]
    if not heads or tokens[heads[0]].rel == "":
        return None
    h = heads[0]
    seen = 0
    # "X и Y подписали": Y is a conjunct of the subject X; "компания «Y»": Y names the noun
    while seen < 4 and tokens[h].head >= 0 and (
            tokens[h].rel == "conj" or (tokens[h].rel in _DESCRIPTOR_RELS
                                        and tokens[tokens[h].head].lemma in _DESCRIPTORS
                                        and tokens[h].head == h - 1 - _quote_gap(tokens, h))):
        h = tokens[h].head
        seen += 1
    for c in kids.get(h, []):
        if tokens[c].rel == "case":
            lem = tokens[c].lemma
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
    if (rel in ("nmod", "appos", "flat", "flat:foreign") and head >= 0 \
            and tokens[head].pos == "NOUN" and tokens[head].lemma not in _DESCRIPTORS \
            and tokens[head].feats.get("Number") == "Plur") or (
            rel == "nmod" and head >= 0 and tokens[head].lemma in _MAKER_HEADS):
        return "maker"  # "автобусов МАЗ", "комбайнов «Гомсельмаша»", "сервисный центр БелАЗа"
    if rel == "nmod" and head >= 0:
        # "для коммунальных служб Витебской области": the region inherits "для"
        for c in kids.get(head, []):
            if tokens[c].rel == "case" and tokens[c].lemma in ("для", "в", "во", "на"):
                return "to"
    if rel.startswith("nsubj"):
        return "subj"
    if rel == "iobj":
        return "dat"
    if rel == "nmod":
        return "gen"
    if rel == "obj":
        return "obj"
    if rel == "obl":
        return {"Dat": "dat", "Ins": "with"}.get(tokens[h].case or "", "other")
    return None


def _quote_gap(tokens: list[Token], h: int) -> int:
    k = 0
    while h - 1 - k >= 0 and tokens[h - 1 - k].text in ("«", '"', "„"):
        k += 1
    return k


def _slot(tokens: list[Token], p: Party, kids: dict[int, list[int]] | None = None) -> str:
    """How the party is attached: to | from | with | subj | gen | dat | obj | other."""
    if p.first < 0:
        return "other"  # a party from elsewhere in the text
    if kids is not None:
        slot = _syntax_slot(tokens, p, kids)
        if slot is not None:
            return slot
    first = p.first
    while first < p.last and not tokens[first].text[:1].isalnum():
        first += 1  # the case is carried by the name, not by its opening quote
    t = tokens[first]
    prev = tokens[p.first - 1] if p.first > 0 else None
    if prev is not None and prev.sent == t.sent:
        # skip one adjective/descriptor word between preposition and name
        p2 = tokens[p.first - 2] if p.first > 1 else None
        for cand in (prev, p2):
            if cand is None or cand.sent != t.sent:
                continue
            if cand.lemma in _TO_PREP or cand.lemma == "через":
                return "to"
            if cand.lemma in _FROM_PREP:
                return "from"
            if cand.lemma in _WITH_PREP:
                return "with"
            if cand.pos != "ADJ" and cand.pos != "NOUN":
                break
    case = t.case
    if t.pos == "ADJ":
        case = tokens[p.last].case if tokens[p.last].pos != "ADJ" else case
    return {"Nom": "subj", "Gen": "gen", "Dat": "dat", "Ins": "with"}.get(case or "", "other")


def _pick(parties: list[Party], slots: list[str], order: tuple[str, ...],
          exclude: Party | None = None) -> Party | None:
    for want in order:
        for p, s in zip(parties, slots, strict=True):
            if s == want and p is not exclude and (exclude is None or p.name != exclude.name):
                return p
    return None


def _compatible(a: Party, b: Party) -> bool:
    if a.name == b.name:
        return False
    # a region is not a partner of its own country ("Смоленская область" / "Россия")
    return not ((a.is_country or b.is_country) and a.country == b.country)


def choose_pair(typ: str, reverse: bool, tokens: list[Token], parties: list[Party],
                kids: dict[int, list[int]] | None = None,
                anchor: int = -1) -> tuple[Party, Party] | None:
    if len(parties) < 2:
        return None
    slots = [_slot(tokens, p, kids) for p in parties]
    if typ in SYMMETRIC:
        best = None
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                if not _compatible(a, b):
                    continue
                cross = a.country and b.country and a.country != b.country
                score = (2 if cross else 0) - (a.is_country + b.is_country) * 0.5 \
                    + (a.is_org + b.is_org) * 0.3
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
            "to", "dat", "obj", "other", "subj")
    elif reverse:
        src_order, dst_order = ("maker", "from", "gen", "with", "other", "obj", "subj"), (
            "subj", "to", "dat")
    else:
        src_order, dst_order = ("maker", "subj", "from", "gen", "other", "with"), (
            "to", "dat", "obj", "other", "gen", "subj")
    slot_of = {p.name: s for p, s in zip(parties, slots, strict=True)}
    for src in _ordered(parties, slots, src_order, anchor):
        for dst in _ordered(parties, slots, dst_order, anchor):
            if _compatible(src, dst) and (not src.country or not dst.country
                                          or src.country != dst.country):
                if typ == "joint_production" and slot_of[src.name] == slot_of[dst.name] \
                        and src.country == "RU" and dst.country == "BY":
                    # "X и Y наладят совместный выпуск": nothing tells the owner; in this
                    # domain the Belarusian maker licenses its product to the Russian side
                    return dst, src
                return src, dst
    if typ != "supply":
        return None  # production, service and investment are cooperation across the border
    for src in _ordered(parties, slots, src_order, anchor):
        for dst in _ordered(parties, slots, dst_order, anchor):
            if _compatible(src, dst) and not src.is_country and not dst.is_country:
                return src, dst
    return None


def _ordered(parties: list[Party], slots: list[str], order: tuple[str, ...],
             anchor: int = -1) -> list[Party]:
    """Parties by how well their attachment fits; then mentions before people standing for
    a body (often the speaker), named organizations before regions before countries, and
    the nearest to the trigger."""
    rank = {s: k for k, s in enumerate(order)}

    def key(ps: tuple[Party, str]) -> tuple[int, int, int, int]:
        p, s = ps
        distance = abs(p.first - anchor) if anchor >= 0 and p.first >= 0 else 99
        return (rank.get(s, len(order)), int(p.via_person),
                0 if p.is_org else 2 if p.is_country else 1, distance)

    pairs = sorted(zip(parties, slots, strict=True), key=key)
    return [p for p, _ in pairs]


def describe_object(typ: str, trig: Trigger, tokens: list[Token], parties: list[Party],
                    morph: Morph, stop: frozenset[str] = frozenset()) -> str:
    """A short Russian phrase for the relation's object."""
    party_tokens = {i for p in parties for i in range(p.first, p.last + 1)}
    if typ in ("supply", "joint_production"):
        j = trig.last + 1
        while j < len(tokens) and tokens[j].sent == tokens[trig.first].sent and j - trig.last < 9:
            t = tokens[j]
            if t.pos == "PUNCT" and t.text not in ("«", "»"):
                break
            if j in party_tokens or t.pos in ("NUM", "ADP", "ADV", "CCONJ", "VERB", "AUX") \
                    or t.pos == "PUNCT":
                j += 1
                continue
            if t.pos in ("ADJ", "NOUN"):
                k = j
                while k < len(tokens) and tokens[k].pos == "ADJ":
                    k += 1
                if k < len(tokens) and tokens[k].pos == "NOUN" and k not in party_tokens:
                    if tokens[k].lemma in stop:
                        j = k + 1
                        continue
                    end = k
                    if k + 1 < len(tokens) and tokens[k + 1].pos == "NOUN" \
                            and tokens[k + 1].case == "Gen" and k + 1 not in party_tokens:
                        end = k + 1  # "продукция нефтепереработки"
                    return morph.nominative(tokens[j:end + 1]).lower()
            j += 1
        return ""
    words = tokens[trig.first:trig.last + 1]
    if typ == "service_center":
        return "сервисный центр"
    if typ == "joint_venture":
        return "совместное предприятие"
    return morph.nominative(words).lower()


def find_relations(a: Analysis, s: int, parties: list[Party], index: TriggerIndex,
                   morph: Morph, fallback: dict[str, Party],
                   previous: tuple[Party, Party] | None = None) -> list[Relation]:
    """Relations of sentence ``s``; uses the dependency parse when the sentence was parsed."""
    toks = a.sent_tokens(s)
    out: list[Relation] = []
    triggers = index.find(toks)
    if not triggers:
        return out
    kids = children(a, s) if s in a.parsed else None
    types = {t.type for t in triggers}
    if "agreement" in types:
        # "договор подписан в ходе визита": the signing is the fact, the visit its setting
        triggers = [t for t in triggers if t.type != "meeting"
                    or a.tokens[t.first].lemma not in ("визит", "посетить", "побывать")]
    if "joint_venture" in types:
        # "учредят совместное предприятие по выпуску ...": the venture, not co-production
        triggers = [t for t in triggers if t.type != "joint_production"]
    start, stop, _, _ = a.sents[s]
    evidence = a.text[start:stop]
    for trig in triggers:
        if index.hypothetical(toks, trig):
            continue
        if index.in_relative_clause(toks, trig):
            continue
        cands = [p for p in parties if not _witness(a.tokens, p)
                 and not _reporter(a.tokens, p, trig)
                 and not (p.via_city and trig.type in SYMMETRIC)
                 and not (trig.type in ("supply", "agreement", "meeting") and _venue(a.tokens, p))]
        if not cands and trig.type in SYMMETRIC:
            # "Соглашение об этом подписали стороны": the parties of the previous fact
            if previous is not None:
                cands = list(previous)
            elif "RU" in fallback and "BY" in fallback:
                cands = [fallback["RU"], fallback["BY"]]
        elif len({p.name for p in cands}) == 1 and previous is not None:
            only = cands[0]
            others = [p for p in previous if p.country and p.country != only.country]
            if others:
                cands.append(others[0])
        if len({p.name for p in cands}) < 2 and cands and trig.type in (*SYMMETRIC, "supply"):
            only = cands[0]
            other = fallback.get("BY" if only.country == "RU" else "RU") if only.country else None
            if other is not None:
                cands.append(other)
        pair = _dealer_pair(trig, a.tokens, cands) or choose_pair(
            trig.type, trig.reverse, a.tokens, cands, kids, trig.first)
        if pair is None:
            continue
        src, dst = pair
        if trig.type == "joint_venture" and (src.is_country or dst.is_country):
            continue
        if trig.type in ("joint_production", "service_center") and not src.is_org:
            continue  # the owner of a product or technology is an enterprise
        if trig.type != "supply" and trig.type not in SYMMETRIC and dst.is_country:
            continue  # a host is a region or an enterprise, not a whole country
        obj = describe_object(trig.type, trig, a.tokens, cands, morph, index.not_objects)
        typ = trig.type
        if typ == "supply" and obj and any(morph.plain_lemma(w) in index.technology
                                           for w in obj.split()):
            typ = "joint_production"  # "передаст технологию производства"
        if trig.type == "supply":
            generic = not obj or (len(obj.split()) == 1
                                  and morph.plain_lemma(obj) in index.generic_objects)
            if generic and not (src.is_org or dst.is_org):
                continue  # generic trade between regions is a figure, not a supply
            if generic and (src.is_country or dst.is_country):
                continue
            if not obj and toks[trig.first - toks[0].i].pos == "VERB":
                continue  # "поставили подписи": a verb of supply needs goods
        out.append(Relation(typ, src.name, dst.name, obj, evidence.strip(), start, stop))
        if typ == "supply":
            # "более 300 лифтов «Могилевлифтмаша» и около 90 грузовиков МАЗ": every maker
            for p in cands:
                if p.name not in (src.name, dst.name) and _slot(a.tokens, p, kids) == "maker" \
                        and _compatible(p, dst) and (p.country != dst.country or not p.country):
                    out.append(Relation(typ, p.name, dst.name, obj, evidence.strip(), start,
                                        stop))
    return out


def _reporter(tokens: list[Token], p: Party, trig: Trigger) -> bool:
    """A person who reports the fact: "По словам министра, ...", "Министр добавил, что ...
    поставляют" - the body behind the speaker is not a party of what is reported."""
    if not p.via_person or p.first < 0:
        return False
    before = [t.lemma for t in tokens[max(0, p.first - 4):p.first]]
    if "слово" in before and "по" in before:
        return True
    lo, hi = sorted((p.last, trig.first))
    return any(t.lemma == "что" or t.text == ":" for t in tokens[lo:hi]) and p.first < trig.first


def _venue(tokens: list[Token], p: Party) -> bool:
    """"подписано в Москве": a region in the locative after "в" is where, not who."""
    if p.first < 1 or p.is_org:
        return False
    return tokens[p.first - 1].lemma in ("в", "во") and tokens[p.last].case == "Loc"


def _dealer_pair(trig: Trigger, tokens: list[Token],
                 parties: list[Party]) -> tuple[Party, Party] | None:
    """"X стал дилером холдинга «Y»" (Y supplies X); "дилерское предприятие «X»" (X buys)."""
    lemma = tokens[trig.first].lemma
    if lemma not in ("дилер", "дилерский", "дистрибьютор") or len(parties) < 2:
        return None
    after = [p for p in parties if trig.last < p.first <= trig.last + 4]
    if not after:
        return None
    named = after[0]
    others = [p for p in parties if p.name != named.name
              and (not p.country or not named.country or p.country != named.country)]
    if not others:
        return None
    if lemma == "дилерский":
        return others[0], named
    return named, others[0]


def _witness(tokens: list[Token], p: Party) -> bool:
    """"в присутствии губернатора", "при участии министра": present, not a party."""
    if p.first < 2:
        return False
    before = {tokens[p.first - 1].lemma, tokens[p.first - 2].lemma}
    if p.first >= 3:
        before.add(tokens[p.first - 3].lemma)
    return bool(before & {"присутствие", "участие"})


def fallback_parties(orgs: list[OrgMention], regions: list[RegionMention]) -> dict[str, Party]:
    """The most mentioned non-country party of each side, or the country itself."""
    counts: dict[str, dict[str, int]] = {"RU": {}, "BY": {}}
    for o in orgs:
        if o.country in counts:
            counts[o.country][o.name] = counts[o.country].get(o.name, 0) + 1
    for r in regions:
        if r.region.kind != "country":
            c = counts[r.region.country]
            c[r.region.name] = c.get(r.region.name, 0) + 1
    out: dict[str, Party] = {}
    for country, c in counts.items():
        if c:
            name = max(c, key=lambda k: c[k])
            out[country] = Party(name, country, -1, -1, False)
        elif any(r.region.country == country for r in regions):
            out[country] = Party(COUNTRY_NAME[country], country, -1, -1, True)
    return out


_HOST_CUES = {"база", "совместно", "площадка", "партнер", "дилерский", "дилер"}


def refine_hosts(relations: list[Relation], a: Analysis, orgs: list[OrgMention],
                 region_names: set[str]) -> list[Relation]:
    """A service centre "в Краснодарском крае" that the same or the next sentence places
    "на базе дилерского предприятия «X»" or "совместно с компанией «X»" is hosted by X."""
    out: list[Relation] = []
    for r in relations:
        if r.type != "service_center" or r.target not in region_names:
            out.append(r)
            continue
        sent = next((k for k, (st, sp, _, _) in enumerate(a.sents) if st <= r.start < sp), -1)
        host = None
        for o in orgs:
            if o.sent not in (sent, sent + 1) or o.name == r.source:
                continue
            before = {t.lemma for t in a.tokens[max(0, o.first - 4):o.first]}
            if before & _HOST_CUES:
                host = o
                break
        out.append(replace(r, target=host.name) if host is not None else r)
    return out
