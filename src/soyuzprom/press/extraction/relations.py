"""Typed relations: triggers (``triggers.py``) and the parties of the trigger's sentence,
directed by ``direction.py``. Hypothetical or discussion-only triggers ("готовы рассмотреть
поставки"), relative clauses, witnesses and reporters give no relation.

Example::

    >>> [(r.type, r.source, r.target) for r in rels]  # "МТЗ поставит тракторы в Смоленскую область"
    [('supply', 'Минский тракторный завод', 'Смоленская область')]
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from soyuzprom.press.extraction.dealers import DEALER_WORDS
from soyuzprom.press.extraction.direction import (
    LIST_LINKS,
    choose_pair,
    compatible,
    conjoined,
    dealer_pair,
    listed_together,
    slot,
)
from soyuzprom.press.extraction.model import Relation
from soyuzprom.press.extraction.morph import Morph
from soyuzprom.press.extraction.nlp import Analysis, Token, children
from soyuzprom.press.extraction.organizations import OrgMention
from soyuzprom.press.extraction.parties import Party
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import COUNTRY_NAME
from soyuzprom.press.extraction.triggers import SYMMETRIC, TYPES, Trigger, TriggerIndex

__all__ = ["SYMMETRIC", "TYPES", "TriggerIndex", "fallback_parties", "find_relations",
           "refine_hosts", "sentence_pair"]


def _goods_after(j: int, sent: int, tokens: list[Token], party_tokens: set[int],
                 morph: Morph, stop: frozenset[str], limit: int) -> str:
    """The first noun phrase naming goods from token ``j`` on, within ``limit`` tokens of
    the same sentence and before a punctuation mark ("" when there is none)."""
    start = j
    while j < len(tokens) and tokens[j].sent == sent and j - start < limit:
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
            if k > j and (k >= len(tokens) or tokens[k].pos != "NOUN") \
                    and _dictionary_noun(tokens[k - 1].text, morph):
                k -= 1  # "партию электроинструмента": a rare noun the tagger took for an ADJ
            if k < len(tokens) and (tokens[k].pos == "NOUN" or (
                    tokens[k].pos == "ADJ" and _dictionary_noun(tokens[k].text, morph))) \
                    and k not in party_tokens:
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


def _dictionary_noun(word: str, morph: Morph) -> bool:
    """The dictionary's first reading of ``word`` is a noun."""
    parses = morph.parse(word.lower())
    return bool(parses) and parses[0].tag.POS == "NOUN"


def describe_object(typ: str, trig: Trigger, tokens: list[Token], parties: list[Party],
                    morph: Morph, stop: frozenset[str] = frozenset(),
                    cues: frozenset[str] = frozenset()) -> str:
    """A short Russian phrase for the relation's object.

    For a supply or production it is the goods named after the trigger; failing that, the
    goods a list cue introduces ("основу экспорта составляют металлопрокат и трубы"), or the
    goods before a verb or a participle.
    """
    party_tokens = {i for p in parties for i in range(p.first, p.last + 1)}
    if typ in ("supply", "joint_production"):
        sent = tokens[trig.first].sent
        found = _goods_after(trig.last + 1, sent, tokens, party_tokens, morph, stop, 8)
        if found:
            return found
        for k in range(trig.first - 8, len(tokens)):
            if k < 0 or tokens[k].sent != sent or tokens[k].lemma not in cues:
                continue
            # "основу которого составляют ...", "в структуре импорта преобладают ..."
            found = _goods_after(k + 1, sent, tokens, party_tokens, morph, stop, 6)
            if found:
                return found
        trig_tok = tokens[trig.first]
        if trig_tok.pos == "VERB" and trig_tok.feats.get("VerbForm") != "Part":
            # "Комплектующие будут поставлять предприятия ...": the goods come first
            for k in range(trig.first - 1, max(-1, trig.first - 5), -1):
                x = tokens[k]
                if x.sent != trig_tok.sent or x.text in (",", "—", ":"):
                    break
                if x.pos in ("NOUN", "ADJ") and x.feats.get("Case") in ("Nom", "Acc") \
                        and k not in party_tokens and x.lemma not in stop \
                        and (x.pos == "NOUN" or x.feats.get("Number") == "Plur"):
                    return morph.nominative([x]).lower()
        if trig_tok.feats.get("VerbForm") == "Part" and trig.first > 1 \
                and tokens[trig.first - 1].text == ",":
            # "линия, поставленная заводом": the participle describes the noun before it
            k = trig.first - 2
            if tokens[k].pos == "NOUN" and k not in party_tokens \
                    and tokens[k].lemma not in stop:
                j = k
                while j > 0 and tokens[j - 1].pos == "ADJ":
                    j -= 1
                return morph.nominative(tokens[j:k + 1]).lower()
        return ""
    words = tokens[trig.first:trig.last + 1]
    if typ == "service_center":
        return "сервисный центр"
    if typ == "joint_venture":
        return "совместное предприятие"
    return morph.nominative(words).lower()


def find_relations(a: Analysis, s: int, parties: list[Party], index: TriggerIndex,
                   morph: Morph, fallback: dict[str, Party],
                   previous: tuple[Party, Party] | None = None,
                   found_triggers: list[Trigger] | None = None,
                   context: tuple[Party, Party] | None = None,
                   region_fallback: dict[str, Party] | None = None,
                   region_names: frozenset[str] = frozenset(),
                   maker_fallback: dict[str, Party] | None = None) -> list[Relation]:
    """Relations of sentence ``s``; uses the dependency parse when the sentence was parsed.

    ``maker_fallback``: the text's most mentioned enterprise of each side, which "белорусская
    сторона" stands for when it supplies, produces, services or invests."""
    toks = a.sent_tokens(s)
    out: list[Relation] = []
    triggers = index.find(toks) if found_triggers is None else list(found_triggers)
    if not triggers:
        return out
    kids = children(a, s) if s in a.parsed else None
    types = {t.type for t in triggers}
    if "agreement" in types:
        # "договор подписан в ходе визита": the signing is the fact, the visit its setting
        triggers = [t for t in triggers if t.type != "meeting"
                    or a.tokens[t.first].lemma not in ("визит", "посетить", "побывать")]
    if types - {"meeting"}:
        # "главный результат визита — контракт на поставку", "в рамках визита ... поставки",
        # "по итогам переговоров подписано соглашение":
        # a meeting named as the setting of another fact is not a fact of its own
        triggers = [t for t in triggers if t.type != "meeting" or not any(
            a.tokens[k].lemma in ("результат", "рамка", "ход", "итог")
            for k in range(max(0, t.first - 2), t.first))]
    if "agreement" in types:
        # "соглашение о реализации инвестиционного проекта": the project is the agreement's
        # subject, the signing is the fact
        agreements = [t.last for t in triggers if t.type == "agreement"]
        triggers = [t for t in triggers if t.type != "investment_project" or not any(
            a_last < t.first and a.tokens[a_last + 1].lemma in ("о", "об")
            for a_last in agreements if a_last + 1 < len(a.tokens))]
    if "joint_venture" in types:
        # "учредят совместное предприятие по выпуску ...": the venture, not co-production
        triggers = [t for t in triggers if t.type != "joint_production"]
    start, stop, _, _ = a.sents[s]
    evidence = a.text[start:stop]
    for trig in triggers:
        if index.hypothetical(toks, trig):
            continue
        # "компания «X», которая является официальным дилером завода": a standing relation
        # stated in a relative clause is still a fact
        in_relative = index.in_relative_clause(toks, trig)
        relative_pair = _relative_supply(a.tokens, trig, parties) \
            if trig.type == "supply" and in_relative else None
        standing = a.tokens[trig.first].lemma in DEALER_WORDS or relative_pair is not None
        if (in_relative and not standing) or index.idiom(toks, trig) \
                or index.reference(toks, trig):
            continue
        cands = [p for p in _without_bodies(parties, trig.type) if not _witness(a.tokens, p)
                 and not _reporter(a.tokens, p, trig, index.speech_verbs)
                 and not (p.via_city and trig.type in SYMMETRIC)
                 and not (trig.type in ("agreement", "meeting") and _venue(a.tokens, p)
                          and not _visited(a.tokens, trig, p, index.visit_words))
                 and not _home_of(a.tokens, p, parties)]
        cands = _outside_descriptions(a.tokens, cands)
        lo, hi = index.clause_of(toks, trig, triggers)
        if trig.type == "meeting":
            # "посетила завод X, где обсуждались поставки для Y": Y belongs to the relative
            # clause, not to the visit
            relative = next((t.i for t in toks if t.i > trig.last and t.i > toks[0].i
                             and t.lemma in ("где", "который", "куда")
                             and a.tokens[t.i - 1].text == ","), None)
            if relative is not None:
                hi = min(hi, relative)
        cands = [p for p in cands if p.first < 0 or lo <= p.first < hi]
        if trig.type == "supply" and not standing:
            cands = _without_dealt_makers(a.tokens, cands)
        if trig.type not in SYMMETRIC and maker_fallback:
            cands = [_side_maker(a.tokens, p, maker_fallback) for p in cands]
        cands = [p for p in cands if not _in_apposition(a.tokens, p, cands)
                 and not _partner_adjective(a.tokens, p, cands)]
        if trig.type == "supply" and a.tokens[trig.first].lemma in index.supplier_nouns \
                and len(cands) > 1 and all(_in_list(a.tokens, cands, p) for p in cands[1:]):
            # "Среди постоянных поставщиков называют МТЗ, Туровский молочный комбинат и
            # «Белмедпрепараты»": the listed enterprises all supply; the list's head stands
            # for them, its fellows follow it along the list
            listed, cands = cands[1:], cands[:1]
        else:
            listed = []
        if not cands and trig.type in SYMMETRIC:
            # "Соглашение об этом подписали стороны": the parties of the previous fact;
            # "Отдельным пунктом встречи стало ...": the sides of the talks told before
            if trig.type == "meeting" and context is not None:
                cands = list(context)
            elif previous is not None:
                cands = list(previous)
            elif context is not None:
                cands = list(context)  # the pair the previous sentence named
            elif "RU" in fallback and "BY" in fallback:
                cands = [fallback["RU"], fallback["BY"]]
        elif len({p.name for p in cands}) == 1 and previous is not None:
            only = cands[0]
            others = [p for p in previous if p.country and p.country != only.country]
            if others:
                cands.append(others[0])
        if len({p.name for p in cands}) < 2 and cands and trig.type in (*SYMMETRIC, "supply"):
            only = cands[0]
            side = "BY" if only.country == "RU" else "RU"
            other = fallback.get(side) if only.country else None
            if only.is_org and maker_fallback and side in maker_fallback \
                    and _side_word(a.tokens, only):
                # "гидравлику поставляет белорусская сторона": enterprise to enterprise
                other = maker_fallback[side]
            if other is not None:
                cands.append(other)
        countries = {p.country for p in cands if p.country}
        # "Копейский завод посетила делегация Министерства промышленности Беларуси": the
        # visitor is named, and the plant whose country is not told is the host
        visitor_named = any(not p.country for p in cands) and any(
            p.country and ((p.is_body and slot(a.tokens, p, kids) in ("subj", "gen"))
                           or (p.first > 0 and a.tokens[p.first - 1].lemma == "делегация"))
            for p in cands)
        if trig.type == "meeting" and len(countries) == 1 and len({p.name for p in cands}) > 1 \
                and not visitor_named:
            # "Гости встретились с губернатором, посетили завод X и комбинат Y": the hosts
            # are named, the visitors are the text's main region of the other side
            side = "BY" if countries == {"RU"} else "RU"
            guest = (region_fallback or {}).get(side) or fallback.get(side)
            if guest is not None:
                cands.append(guest)
        pair: tuple[Party, Party] | None
        if relative_pair is not None:
            pair = relative_pair
        elif listed and len(cands) == 2:
            pair = (cands[0], cands[1])
        elif a.tokens[trig.first].lemma in index.trade_flows:
            pair = trade_flow_pair(trig, a.tokens, cands, fallback)
        elif trig.type == "supply" and (signed := _signatories(a.tokens, trig, cands, index)):
            pair = signed
        else:
            pair = dealer_pair(trig, a.tokens, cands) or choose_pair(
                trig.type, trig.reverse, a.tokens, cands, kids, trig.first)
        if pair is None:
            continue
        src, dst = pair
        if trig.type == "service_center" and slot(a.tokens, src, kids) == "maker":
            # "«X» открыл в Кирове сервисный центр для обслуживания тракторов МТЗ": the
            # maker's centre is hosted by the enterprise that opens it
            opener = next((p for p in cands if p.is_org and p.name != src.name
                           and slot(a.tokens, p, kids) == "subj"), None)
            if opener is not None:
                dst = opener
        if trig.type in ("joint_production", "service_center", "investment_project") \
                and not dst.is_org and dst.country:
            # "X и Гомельский вагоностроительный завод ... о производстве в Гомеле": the
            # assembling plant, not its region, is the most specific host
            plant = next((p for p in cands if p.is_org and p.first >= 0 and not p.is_body
                          and p.country in (dst.country, "") and p.name != src.name), None)
            if plant is not None:
                dst = plant
        if trig.type == "joint_venture" and (src.is_country or dst.is_country):
            continue
        if not (src.is_org or dst.is_org) and src.country and src.country == dst.country:
            continue  # "песок завозят из Ростовской области": trade inside one country
        if trig.type in SYMMETRIC and src.is_country and dst.is_country \
                and not (src.via_person or dst.via_person):
            continue  # "Форум регионов Беларуси и России": the countries frame the event
        if trig.type in ("joint_production", "service_center") and not src.is_org:
            continue  # the owner of a product or technology is an enterprise
        if trig.type != "supply" and trig.type not in SYMMETRIC and dst.is_country:
            continue  # a host is a region or an enterprise, not a whole country
        obj = describe_object(trig.type, trig, a.tokens, cands, morph, index.not_objects,
                               index.goods_list_cues)
        typ = trig.type
        if typ == "supply" and obj and any(morph.plain_lemma(w) in index.technology
                                           for w in obj.split()):
            typ = "joint_production"  # "передаст технологию производства"
        if trig.type == "supply":
            generic = not obj or all(morph.plain_lemma(w) in index.generic_objects
                                     for w in obj.split())
            if generic and not (src.is_org or dst.is_org):
                continue  # generic trade between regions is a figure, not a supply
            # "предприятие отгрузило российским заказчикам продукции на 38 млн": a named
            # enterprise's delivery is a supply, whatever the goods (ANNOTATION.md)
            delivered = toks[trig.first - toks[0].i].pos == "VERB" and obj and (
                (src.is_org and not src.is_body) or (dst.is_org and not dst.is_body))
            if generic and (src.is_country or dst.is_country) and not delivered:
                continue
            if not src.is_org and not src.is_country and dst.is_org:
                # "Владимирская область ... Бобруйскагромаш": a region does not sell to an
                # enterprise; the seller is one of its enterprises, which the sentence
                # does not name (a region's trade is with the other side's region or country)
                continue
            if not obj and toks[trig.first - toks[0].i].pos == "VERB":
                continue  # "поставили подписи": a verb of supply needs goods
            if src.is_org and dst.is_org \
                    and _names_goods(dst.name, obj, morph, index.generic_objects) \
                    and not _names_goods(src.name, obj, morph):
                # "Уралвагонзавод и Барановичский станкостроительный завод заключили
                # контракт на поставку станков": the plant whose name says the goods makes them
                src, dst = dst, src
        whole = (lo, hi) == (toks[0].i, toks[-1].i + 1)
        if typ not in SYMMETRIC and whole and any(r.type == typ and (r.source, r.target) == (
                dst.name, src.name) for r in out):
            continue  # ": её закупила компания «Y»": the same delivery told from the buyer
        out.append(Relation(typ, src.name, dst.name, obj, evidence.strip(), start, stop))
        if listed:
            out.extend(Relation(typ, p.name, dst.name, obj, evidence.strip(), start, stop)
                       for p in listed if p.name != dst.name)
        if typ != "agreement" and src.is_org and dst.is_org and not standing \
                and _signed_document(toks, index):
            # "X и Y подписали контракт на поставку": the signed contract is an agreement
            # between the two enterprises as well as the supply it provides for
            out.append(Relation("agreement", src.name, dst.name, "контракт", evidence.strip(),
                                start, stop))
        second = index.second_clause(toks, trig) if trig.type == "supply" else None
        if second is not None and typ == "joint_production" and second.reverse == trig.reverse:
            # "передаст заводу документацию и будет поставлять основные узлы": the licence,
            # then the parts, from the same side to the same partner
            obj2 = describe_object("supply", second, a.tokens, cands, morph, index.not_objects,
                                   index.goods_list_cues)
            if obj2:
                out.append(Relation("supply", src.name, dst.name, obj2, evidence.strip(), start,
                                    stop))
            second = None
        if second is not None and typ == "supply" and second.reverse != trig.reverse and not any(
                p.first > second.first and p.name not in (src.name, dst.name) for p in cands) \
                and not dst.first > second.first:
            # "..., а получает оттуда стекло": the same pair, the other way round (not ": её
            # закупила компания «Y»", where Y after the second verb is that verb's subject)
            obj2 = describe_object(typ, second, a.tokens, cands, morph, index.not_objects,
                               index.goods_list_cues)
            out.append(Relation(typ, dst.name, src.name, obj2, evidence.strip(), start, stop))
        if typ in ("supply", "joint_production", "investment_project", "service_center"):
            # "поставляет соду ОАО «X» и ОАО «Y»": every conjoined partner of the same kind,
            # along the whole list ("получают МАЗ, МоАЗ и холдинг «Амкодор»")
            out.extend(Relation(typ, src.name, p.name, obj, evidence.strip(), start, stop)
                       for p in conjoined(a.tokens, dst, cands, (src.name,),
                                          partial(_same_kind, dst)))
        if typ in ("supply", "service_center") and src.is_org:
            # "официального дилера Минского тракторного завода и Гомсельмаша": every
            # conjoined supplier of the same kind
            out.extend(Relation(typ, p.name, dst.name, obj, evidence.strip(), start, stop)
                       for p in conjoined(a.tokens, src, cands, (dst.name,),
                                          partial(_fellow_supplier, src)))
        if typ == "supply":
            # "более 300 лифтов «Могилевлифтмаша» и около 90 грузовиков МАЗ": every maker;
            # "поставляет в область ... удобрения ОАО «X»": when another party is the buyer,
            # a legal-form name after goods makes them too
            for p in cands:
                if p.name not in (src.name, dst.name) \
                        and slot(a.tokens, p, kids) in ("maker", "goods_org") \
                        and compatible(p, dst) and (p.country != dst.country or not p.country):
                    out.append(Relation(typ, p.name, dst.name, obj, evidence.strip(), start,
                                        stop))
    # a party from elsewhere in the text (fallback, previous sentence) may not say what it
    # is: its kind stays unknown unless the sentence names it too
    kinds = {p.name: party_kind(p) if p.first >= 0 or p.is_country or p.is_org
             else "region" if p.name in region_names else ""
             for p in [*fallback.values(), *(previous or ()), *(context or ()),
                       *(region_fallback or {}).values()]}
    kinds.update({p.region: "region" for p in parties if p.is_body and p.region})
    kinds.update({p.name: party_kind(p) for p in parties})
    return [r for r in out if not index.forbidden(r.type, kinds.get(r.source, ""),
                                                   kinds.get(r.target, ""))]


def _relative_supply(tokens: list[Token], trig: Trigger,
                     parties: list[Party]) -> tuple[Party, Party] | None:
    """"АО «X», которое несколько лет поставляет кабель ОАО «Y»": a relative clause whose
    own subject is the enterprise before it and whose verb names the partner states a
    standing supply between the two (X -> Y; "которое закупает у Y": Y -> X)."""
    verb = tokens[trig.first]
    if verb.pos != "VERB" or verb.feats.get("VerbForm") != "Fin":
        return None
    which = next((k for k in range(trig.first - 1, max(-1, trig.first - 6), -1)
                  if tokens[k].lemma == "который"), None)
    # "которое"/"которые" read the same as subject and object: the tagger may say either
    if which is None or not (tokens[which].case == "Nom" or (
            tokens[which].case == "Acc" and tokens[which].text.lower() in ("которое", "которые"))):
        return None
    firms = [p for p in parties if p.is_org and not p.is_body and p.first >= 0]
    # the enterprise the clause is about stands right before it ("АО «X», которое")
    head = next((p for p in reversed(firms) if p.last < which and all(
        t.pos == "PUNCT" for t in tokens[p.last + 1:which])), None)
    partner = next((p for p in firms if p.first > trig.last
                    and tokens[p.first].sent == verb.sent), None)
    if head is None or partner is None or head.name == partner.name:
        return None
    return (partner, head) if trig.reverse else (head, partner)


def party_kind(p: Party) -> str:
    """What a party is, for the endpoint kinds a relation type allows: country | body |
    org | region."""
    if p.is_country:
        return "country"
    if p.is_body:
        return "body"
    return "org" if p.is_org else "region"


def trade_flow_pair(trig: Trigger, tokens: list[Token], cands: list[Party],
                    fallback: dict[str, Party]) -> tuple[Party, Party] | None:
    """A region's trade flow: "Основу экспорта составили трубы" (the text's region exports
    to the other country), "Основу белорусского импорта составляют тракторы" (Belarus
    supplies the region), "экспорт Челябинской области в республику".

    The home is the region (or enterprise) the sentence names, else the text's main party of
    the side opposite to a named country, else its main Russian party; the partner is the
    country named, else the other side's country. Exports go from the home, imports to it.
    """
    if trig.first > 0 and tokens[trig.first - 1].lemma == "на":
        return None  # "отправило на экспорт": abroad in general, no partner
    named = [p for p in cands if p.first >= 0 and p.country]
    country = next((p for p in named if p.is_country), None)
    home = next((p for p in named if not p.is_country
                 and (country is None or p.country != country.country)), None)
    if home is None:
        side = "RU" if country is None or country.country == "BY" else "BY"
        home = fallback.get(side)
    if home is None or not home.country or (home.is_country and country is None):
        return None
    # "основу брестского экспорта на Кубань": the destination the flow names
    destination = next((p for p in named if not p.is_country and p.country != home.country
                        and p.first > 0 and tokens[p.first - 1].lemma in ("в", "во", "на")),
                       None)
    if destination is not None:
        country = destination
    if country is None:
        side = "BY" if home.country == "RU" else "RU"
        country = Party(COUNTRY_NAME[side], side, -1, -1, True)
    if not compatible(home, country) or home.country == country.country:
        return None
    return (country, home) if trig.reverse else (home, country)


def _signatories(tokens: list[Token], trig: Trigger, cands: list[Party],
                 index: TriggerIndex) -> tuple[Party, Party] | None:
    """"X и компания «Y» подписали контракт на поставку трансформаторов для сетей двух
    областей": the two enterprises that sign a contract for a supply are its supplier and
    buyer (the first named supplies; see the goods check in find_relations), whatever
    regions the goods are for."""
    k = trig.first
    if tokens[k].pos != "NOUN" or k < 2 or tokens[k - 1].lemma not in ("на", "о", "об") \
            or tokens[k - 2].lemma not in index.documents:
        return None
    orgs = [p for p in cands if p.is_org and not p.is_body and 0 <= p.first < trig.first]
    for i, x in enumerate(orgs):
        for y in orgs[i + 1:]:
            between = tokens[x.last + 1:y.first]
            if (x.country or y.country) and not (x.country and x.country == y.country) \
                    and 0 < len(between) <= 6 and between[0].text == "и" \
                    and all(t.text in LIST_LINKS or t.pos == "ADJ" or t.lemma in index.signer_nouns
                            for t in between[1:]):
                return x, y
    return None


def _signed_document(toks: list[Token], index: TriggerIndex) -> bool:
    """The sentence reports a contract, agreement or memorandum signed (not one in force)."""
    lemmas = {t.lemma for t in toks}
    return bool(lemmas & index.documents) and bool(lemmas & index.signing_verbs)


def _in_list(tokens: list[Token], cands: list[Party], p: Party) -> bool:
    """``p`` follows another candidate in one list ("X, Y и Z")."""
    return any(q is not p and q.first < p.first and listed_together(tokens, q, p)
               for q in cands)


def _home_of(tokens: list[Token], p: Party, parties: list[Party]) -> bool:
    """"Группа компаний «X» из Белгородской области приступает ...": the region after "из"
    right behind an enterprise is where it comes from, no party of its own; so is the region
    of a district it comes from ("ОАО «X» из Оршанского района Витебской области")."""
    if p.first < 2 or p.is_org:
        return False
    start = p.first
    if tokens[start - 1].lemma in ("район", "округ") and start >= 3 \
            and tokens[start - 3].lemma == "из" and tokens[start - 2].pos == "ADJ":
        start -= 2  # "из Оршанского района | Витебской области"
    if tokens[start - 1].lemma != "из":
        return False
    return any(o.is_org and o.first >= 0 and o.last in (start - 2, start - 3)
               and all(t.text in ("»", '"') for t in tokens[o.last + 1:start - 1])
               for o in parties)


def _names_goods(name: str, obj: str, morph: Morph,
                 generic: frozenset[str] = frozenset()) -> bool:
    """The enterprise's name says what it makes: "станкостроительный" - "станки". Generic
    goods ("продукция") name nothing ("Туймаада-Продукт" is a trader)."""
    # the word and its lemma: a fleeting vowel ("станки" - "станок") hides the stem
    stems = {x[:5] for w in obj.lower().split() if len(w) >= 5
             and morph.plain_lemma(w) not in generic for x in (w, morph.plain_lemma(w))}
    words = [w.lower().strip("«»\"") for w in name.replace("-", " ").split()]
    return any(w.startswith(st) for st in stems for w in words)


def _without_bodies(parties: list[Party], typ: str) -> list[Party]:
    """Goods, production, service and investment are between enterprises and regions: a
    state body stands for the region its name contains, or is no party of such a fact."""
    if typ in SYMMETRIC:
        return parties
    return [replace(p, name=p.region, is_org=False, is_body=False, region="") if p.is_body
            else p for p in parties if not p.is_body or p.region]


def sentence_pair(parties: list[Party]) -> tuple[Party, Party] | None:
    """The cross-border pair a sentence names without a fact of its own ("Подписи под
    документом поставили губернатор X и председатель Y."), for "Переговоры прошли ..." next."""
    named = [p for p in parties if p.first >= 0 and p.country and not p.is_country]
    for i, x in enumerate(named):
        for y in named[i + 1:]:
            if x.country != y.country and (x.is_org or y.is_org):
                return x, y
    return None


def _reporter(tokens: list[Token], p: Party, trig: Trigger,
              speech_verbs: frozenset[str] = frozenset()) -> bool:
    """A person who reports the fact: "По словам министра, ...", "Как сообщил министр X,
    ...", "Министр добавил, что ... поставляют" - the body behind the speaker is not a party
    of what is reported."""
    if p.first < 0:
        return False
    before = []
    for t in reversed(tokens[max(0, p.first - 4):p.first]):
        if t.sent != tokens[p.first].sent or t.text == ",":
            break  # "По его словам, Витебщина закупает ...": the speaker is elsewhere
        before.append(t.lemma)
    if "слово" in before and "по" in before and p.first < trig.first:
        return True  # "По словам директора «X», компания рассчитывает ..."
    if p.first < trig.first:
        # "Как сообщил министр промышленности области, ...": the speaker's body (also when
        # the role itself names it) reports the fact
        for j in range(p.first - 1, max(0, p.first - 5), -1):
            if tokens[j].sent != tokens[p.first].sent or tokens[j].text in (",", "—", "."):
                break
            if tokens[j].lemma in speech_verbs and tokens[j - 1].lemma == "как":
                return True
    if p.last < trig.first and any(
            t.lemma in speech_verbs and t.pos == "VERB" and k + 1 < trig.first
            and tokens[k + 1].lemma in ("о", "об", "что")
            for k, t in enumerate(tokens[p.last + 1:trig.first], start=p.last + 1)):
        return True  # "Департамент X сообщает о подписании соглашения между A и B"
    if not p.via_person:
        return False
    before = [t.lemma for t in tokens[max(0, p.first - 4):p.first]]
    if "слово" in before and "по" in before:
        return True
    lo, hi = sorted((p.last, trig.first))
    return any(t.lemma == "что" or t.text == ":" for t in tokens[lo:hi]) and p.first < trig.first


def _venue(tokens: list[Token], p: Party) -> bool:
    """"подписано в Москве": a region in the locative after "в" is where, not who; so is
    the region a town is placed in ("подписали в Борисове (Минская область)")."""
    if p.first < 1 or p.is_org:
        return False
    if p.first >= 3 and tokens[p.first - 1].text == "(" and tokens[p.first - 2].case == "Loc" \
            and tokens[p.first - 3].lemma in ("в", "во"):
        return True
    return tokens[p.first - 1].lemma in ("в", "во") and tokens[p.last].case == "Loc"


def _visited(tokens: list[Token], trig: Trigger, p: Party,
             visits: frozenset[str]) -> bool:
    """"находилась с рабочим визитом в Гомельской области": the region a delegation visits
    is its counterpart, not only the place of the meeting."""
    return trig.type == "meeting" and not p.is_country and not p.via_city \
        and any(t.lemma in visits for t in tokens[trig.first:trig.last + 1]) \
        and 0 < p.first - trig.last <= 3


def _outside_descriptions(tokens: list[Token], cands: list[Party]) -> list[Party]:
    """"встретился с делегацией Витебской области, которую возглавила заместитель
    председателя облисполкома": a party named only in a relative clause describes another
    party of its side, which stays the party of the fact."""
    def described(p: Party) -> bool:
        for j in range(p.first - 1, max(-1, p.first - 8), -1):
            t = tokens[j]
            if t.sent != tokens[p.first].sent or t.text in (",", "—", "(", ";", "."):
                return False
            if t.lemma == "который":
                return True
        return False

    inside = [p for p in cands if p.first >= 0 and described(p)]
    return [p for p in cands if p not in inside or not any(
        o not in inside and o.country == p.country and o.name != p.name for o in cands)]


def _same_kind(head: Party, p: Party) -> bool:
    """A partner listed with ``head`` of its kind: an organization or not, of its country."""
    return p.is_org == head.is_org and p.country == head.country


def _fellow_supplier(head: Party, p: Party) -> bool:
    """An enterprise (no state body) of the supplier's country listed with it."""
    return p.is_org and p.country == head.country and not p.is_body


def _without_dealt_makers(tokens: list[Token], cands: list[Party]) -> list[Party]:
    """"Официальный дилер ОАО «Гомсельмаш» в области — компания «X» — продала 140
    комбайнов": the maker a dealer is named after sells through it; the sale is the
    dealer's (the maker's supply to the dealer comes from "дилер" itself)."""
    def dealt(p: Party) -> bool:
        k = p.first - 1
        while k >= 0 and (tokens[k].text in ("«", '"') or tokens[k].text in LIST_LINKS):
            k -= 1
        return p.first >= 0 and p.is_org and k >= 0 \
            and tokens[k].lemma in DEALER_WORDS and p.first - k <= 3

    makers = [p for p in cands if dealt(p)]
    if not makers:
        return cands
    others = [p for p in cands if p not in makers and p.is_org]
    return [p for p in cands if p not in makers] if others else cands


def _side_maker(tokens: list[Token], p: Party, makers: dict[str, Party]) -> Party:
    """"гидравлику и редукторы поставляет белорусская сторона": the side of goods,
    production, service or investment is the text's main enterprise of that country (a side
    of talks is its main region: see ``pipeline._side``)."""
    if p.is_org or not _side_word(tokens, p) or p.country not in makers:
        return p
    return replace(makers[p.country], first=p.first, last=p.last)


def _side_word(tokens: list[Token], p: Party) -> bool:
    """The mention is a country adjective before "сторона" or "партнёр" (singular: "the
    Russian partner" of a licence is its enterprise, "белорусские партнёры" are many)."""
    if p.first < 0 or tokens[p.first].pos != "ADJ" or p.last + 1 >= len(tokens):
        return False
    nxt = tokens[p.last + 1]
    return nxt.lemma == "сторона" or (nxt.lemma in ("партнёр", "партнер")
                                      and nxt.feats.get("Number") != "Plur")


def _in_apposition(tokens: list[Token], p: Party, cands: list[Party]) -> bool:
    """"лидскому ОАО «Лакокраска», одному из крупнейших производителей красок в Беларуси":
    a region or country inside a description of the enterprise named just before says where
    that enterprise is, no party of its own."""
    if p.first < 0 or p.is_org:
        return False
    for j in range(p.first - 1, max(-1, p.first - 10), -1):
        t = tokens[j]
        if t.sent != tokens[p.first].sent or t.text in ("(", ";", ".", ":", "—"):
            return False
        if t.lemma == "один" and j + 1 < len(tokens) and tokens[j + 1].lemma == "из":
            comma = j - 1
            return comma >= 0 and tokens[comma].text == "," and any(
                o.is_org and o.first >= 0 and 0 <= comma - o.last <= 1 for o in cands)
        if t.text == ",":
            return False
    return False


def _partner_adjective(tokens: list[Token], p: Party, cands: list[Party]) -> bool:
    """"отгрузки белорусскому партнёру": a country adjective on a word for a partner refers
    back to an enterprise the sentence names (of that country, or of none known), not to the
    whole country."""
    if p.first < 0 or not p.is_country or tokens[p.first].pos != "ADJ":
        return False
    nxt = p.last + 1
    if nxt >= len(tokens) or tokens[nxt].lemma not in ("партнер", "предприятие", "компания",
                                                       "завод", "комбинат", "покупатель",
                                                       "заказчик", "потребитель"):
        return False
    return any(o.is_org and o.first >= 0 and o.country in (p.country, "") for o in cands)


def _witness(tokens: list[Token], p: Party) -> bool:
    """"в присутствии губернатора", "при участии министра": present, not a party."""
    if p.first < 2:
        return False
    # walk back through the witness list ("... председателя X и заместителя губернатора Y")
    j = p.first - 1
    sent = tokens[p.first].sent
    while j >= 0 and tokens[j].sent == sent and p.first - j <= 16:
        t = tokens[j]
        if t.lemma == "присутствие":
            return True
        if t.pos in ("VERB", "AUX") or t.text in (".", ";", ":"):
            return False
        if t.case == "Nom" and t.pos in ("NOUN", "PRON"):
            # "в присутствии членов делегации холдинг и его дилер подписали": the subject
            # starts after the witnesses
            return False
        j -= 1
    return False


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
