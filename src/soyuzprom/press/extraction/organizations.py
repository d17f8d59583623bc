"""Organization mentions: rules for state bodies, quoted names, generic heads and
initialisms first, then natasha's ORG spans for what the rules did not cover.

Every mention carries token offsets, its normalized name, a kind (enterprise | state |
other) and the country when the text tells it.

Example::

    >>> # analysis of "глава Минпромторга России"
    >>> [m.name for m in find_organizations(a, vocab, morph, regions)]
    ['Министерство промышленности и торговли Российской Федерации']
"""

from __future__ import annotations

from soyuzprom.press.extraction.morph import Morph, normal_word
from soyuzprom.press.extraction.nlp import Analysis, Token
from soyuzprom.press.extraction.orgbase import (
    OrgMention,
)
from soyuzprom.press.extraction.orgbodies import BodyRules
from soyuzprom.press.extraction.orgnames import (
    OPEN_QUOTES,
    QUOTES,
    legal_form_length,
    lookup_initialism,
    normalize_tokens,
    quoted_name,
    word_nominative,
)
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import Vocabulary

__all__ = ["OrgFinder", "OrgMention", "find_organizations"]

_REPORT_VERBS = frozenset({"сообщать", "сообщить", "писать", "передавать", "информировать",
                           "цитировать", "пояснять", "уточнять"})


class OrgFinder(BodyRules):
    """Finds organization mentions in one analysed text."""

    def quoted(self) -> None:
        t = self.t
        for i, tok in enumerate(t):
            if tok.text not in OPEN_QUOTES or i in self.taken:
                continue
            close = self._quote_close(i)
            if close is None:
                close = self._unbalanced_close(i)  # ОАО «Гомельский завод «Гидропривод»
            elif any(x.text in ("«", "„") for x in t[i + 1:close]) and (
                    t[i + 1].lemma in self.desc_enterprise or t[i + 1].lemma in self.desc_other):
                continue  # «Управляющая компания холдинга «X»»: the inner name is the name
            # «Бумажная фабрика «Красная звезда»»: the whole name, as with one closing quote
            if close is None or close == i + 1:
                continue
            inner = [x for x in t[i + 1:close] if x.text not in QUOTES]
            if not inner or len(inner) > 8:
                continue
            # what stands before the quote decides what it is
            j = i - 1
            legal = False
            desc_kind = ""
            start = i
            while j >= 0 and t[j].sent == tok.sent and i - j <= 4:
                lf = 0
                for k in range(max(0, j - 5), j + 1):
                    n = legal_form_length(t, k, self.v)
                    if n and k + n - 1 == j:
                        lf = n
                        break
                if lf:
                    legal = True
                    start = j - lf + 1
                    j -= lf
                    continue
                if t[j].text in ("и", ",") and j - 1 in self.quote_kinds:
                    # "парков «Новоселки» и «Ярославль»": the same descriptor for both
                    desc_kind = self.quote_kinds[j - 1]
                    break
                lem = t[j].lemma
                if lem in self.club_heads or normal_word(t[j].text) in self.club_heads:
                    desc_kind = desc_kind or "club"
                    j -= 1
                    continue
                if lem in self.product_nouns or lem in self.event_heads or lem in self.media_heads \
                        or lem in self.place_nouns or lem in self.sport_heads \
                        or normal_word(t[j].text) in self.sport_heads:
                    # "на площадке ООО «X»": a legal form names a company whatever the
                    # place or product noun before it
                    # "на площадке компании «X»": a nearer descriptor has said what it is
                    desc_kind = desc_kind if legal or desc_kind else "skip"
                    break
                if lem in self.desc_enterprise:
                    desc_kind = desc_kind or "enterprise"
                    j -= 1
                    continue
                if lem in self.desc_other:
                    desc_kind = desc_kind or "other"
                    j -= 1
                    continue
                if t[j].pos == "ADJ" and desc_kind:
                    j -= 1
                    continue
                break
            if inner[0].lemma in self.place_nouns and not legal:
                desc_kind = "skip"  # «Арена Трактор»: a venue
            if not legal and not desc_kind and self._attributed(i):
                desc_kind = "skip"  # "сообщает «Красноярский рабочий»": a media source
            self.quote_kinds[close] = desc_kind
            name = quoted_name(inner, self.m, self.v, inflect=not (legal or desc_kind))
            spec = self.v.generic_heads.get((inner[-1].lemma,)) if len(inner) > 1 else None
            if spec and spec.get("expand") and inner[-1].text.isupper() \
                    and all(x.pos == "ADJ" for x in inner[:-1]):
                # «Марийский ЦБК» -> "Марийский целлюлозно-бумажный комбинат"
                name = self._expand_head(inner, 1, spec["expand"])
                name = name[:1].upper() + name[1:]
            known = lookup_initialism(inner[0].text, self.v) if len(inner) == 1 else None
            maker = self.v.known_orgs.get(" ".join(x.lemma for x in inner)) \
                or self.v.known_orgs.get(" ".join(self.m.plain_lemma(x.text) for x in inner))
            if known is None and maker is not None and maker.kind == "enterprise" \
                    and self._after_product(i):
                known = maker  # "техники «Амкодор»": a known maker named as the brand
            if desc_kind == "skip" and known is None:
                self.blocked.update(range(i, close + 1))  # not natasha's ORG either
                continue
            if not legal and not desc_kind and known is None and not self._ner_org(i + 1) \
                    and not self._coined_name(inner):
                continue
            if normal_word(name) in self.media_names:
                continue
            kind = "other" if desc_kind in ("other", "club") else "enterprise"
            if desc_kind == "club":
                self.clubs.add(name)
            country = known.country if known else self._country_before(start)
            known2 = self.v.known_orgs.get(" ".join(x.lemma for x in inner))
            if known2 is not None:
                name, country = known2.name, known2.country
            self._add(name, kind, country, start, close, "quoted")

    def generic_heads(self) -> None:
        t, v = self.t, self.v
        for i, tok in enumerate(t):
            if tok.lemma not in v.generic_first:
                continue
            for length in (2, 1):
                if i + length > len(t):
                    continue  # the text ends here
                key = tuple(x.lemma for x in t[i:i + length])
                spec = v.generic_heads.get(key)
                if spec is None or i in self.taken:
                    continue
                j = i - 1
                # "в Берёзовском завода": an adjective in another case than the head is a
                # place of its own, not the start of the name
                while j >= 0 and t[j].sent == tok.sent and i - j <= 3 and self._adjective(t[j]) \
                        and not _place_before(t[j], tok):
                    j -= 1
                first = j + 1
                while first < i - 1 and t[first].lemma in self.common_adj \
                        and t[first + 1].is_title:
                    first += 1  # "Новая Березовская ГРЭС": the name starts after "Новая"
                if first == i:
                    break
                lead = t[first]
                sent_start = first == self.a.sents[lead.sent][2]
                if not lead.is_title or (sent_start and lead.lemma in self.common_adj):
                    break
                if sent_start and self._common_adjective(lead):
                    # "Горно-обогатительный комбинат в Костомукше ...": a capital letter
                    # the sentence gives, on a dictionary word that names no place
                    break
                if lead.lemma in self.common_adj and not lead.is_title:
                    break
                end = i + length - 1
                if end + 1 < len(t) and (t[end + 1].text in OPEN_QUOTES
                                         or t[end + 1].text in self.v.legal_short):
                    break  # a descriptor before a quoted name: "белорусский холдинг «X»"
                words = t[first:i + length]
                tail = ""
                if first == i - 1 and spec.get("kind") == "enterprise":
                    k = end + 1
                    while k < len(t) and k - end <= 4 and t[k].sent == tok.sent and (
                            (t[k].pos in ("NOUN", "ADJ") and self._genitive(t[k])
                             and not t[k].is_title and k not in self.region_at
                             and t[k].text != "имени")
                            or (t[k].text == "и" and k + 1 < len(t) and t[k + 1].case == "Gen")):
                        k += 1
                    while k - 1 > end and t[k - 1].text == "и":
                        k -= 1  # "завод электроприводов и ОАО ...": the "и" joins two names
                    if k - 1 > end and t[k - 1].pos == "NOUN":
                        tail = " " + self.a.text[t[end + 1].start:t[k - 1].stop]
                        end = k - 1
                named_after = self._named_after(end)
                if named_after:
                    tail += " " + self.a.text[t[end + 1].start:t[named_after].stop]
                    end = named_after
                # pymorphy agreement, not the tagger: rare place adjectives are often mistagged
                name = self.m.agree_nominative([x.text for x in words])
                if spec.get("expand"):
                    name = self._expand_head(words, length, spec["expand"])
                country = v.place_adjectives.get(lead.lemma, "")
                for r in self.regions:
                    if r.first == first:
                        country = r.region.country
                self._add(name[:1].upper() + name[1:] + tail, spec.get("kind", "enterprise"),
                          country, first, end, "generic")
                break

    def _genitive(self, tok: Token) -> bool:
        """Genitive by the tagger, or a word that can only be genitive ("завода
        биотехнологий": the tagger reads a rare plural as nominative)."""
        return tok.case == "Gen" or (tok.pos == "NOUN" and self.m.has_grammeme(tok.text, "gent")
                                     and not self.m.has_grammeme(tok.text, "nomn"))

    def _named_after(self, end: int) -> int:
        """Last token of "имени С. М. Кирпиченко" / "имени Ленина" right after ``end``
        (0 when there is none)."""
        t = self.t
        k = end + 1
        if k >= len(t) or t[k].text.lower() != "имени":
            return 0
        last = 0
        j = k + 1
        while j < len(t) and j - k <= 8 and t[j].sent == t[k].sent:
            if t[j].is_title and len(t[j].text) > 1:
                last = j  # a surname or a full first name
            elif last and t[j].pos == "NOUN" and t[j].case == "Gen" and t[last].pos == "ADJ":
                last = j  # "имени Октябрьской революции": the noun the adjective qualifies
                break
            elif not (t[j].text == "." or (len(t[j].text) == 1 and t[j].text.isupper())):
                break
            j += 1
        return last

    def _expand_head(self, words: list[Token], length: int, expansion: str) -> str:
        """"Березовской ГРЭС" -> "Березовская государственная районная электростанция":
        the adjectives agree with the noun of the expansion, not with the abbreviation."""
        adjectives = [x.text for x in words[: len(words) - length]]
        noun = next((w for w in expansion.split() if any(
            p.tag.POS == "NOUN" and "nomn" in p.tag for p in self.m.parse(normal_word(w)))),
            expansion.split()[-1])
        agreed = self.m.agree_nominative([*adjectives, noun]).split()[: len(adjectives)]
        return " ".join([*agreed, expansion])

    def initialisms(self) -> None:
        for i, tok in enumerate(self.t):
            if i in self.taken or not tok.text[:1].isupper():
                continue
            hit = lookup_initialism(tok.text, self.v)
            if hit is None:
                known = self.v.known_orgs.get(tok.lemma)
                if known is None or not tok.is_title:
                    continue
                hit = known
            if hit.kind == "state" and not hit.country:
                continue  # needs a qualifier; the state-body rule handles it
            if hit.name == "Министерство иностранных дел":
                continue
            self._add(hit.name, hit.kind, hit.country, i, i, "initialism")

    def _common_phrase_at_start(self, toks: list[Token]) -> bool:
        """"Горно-обогатительный комбинат в Костомукше ...": dictionary words whose only
        capital is the sentence's, the first an adjective that names no place."""
        lead = toks[0]
        if lead.i != self.a.sents[lead.sent][2] or lead.pos != "ADJ" \
                or not self._common_adjective(lead):
            return False
        return all(x.text[:1].islower() for x in toks[1:]) \
            and all(self.m.is_known(x.text) for x in toks)

    def _common_adjective(self, tok: Token) -> bool:
        """An adjective that names no place: not one of ours, no region starts there, and
        not shaped like one ("Выксунский", "Орский": -ский/-цкий, but not "технический")."""
        word = tok.text.lower()
        placelike = word.endswith(("ский", "цкий", "ской", "цкой", "ская", "цкая", "ское",
                                   "цкое")) and "ческ" not in word[-7:]
        return tok.lemma not in self.v.place_adjectives and not placelike \
            and not any(r.first == tok.i for r in self.regions) and self.m.is_known(tok.text)

    def ner(self) -> None:
        t = self.t
        for sp in self.a.spans:
            if sp.type != "ORG":
                continue
            idx = range(sp.first, sp.last + 1)
            if any(i in self.taken or i in self.blocked for i in idx):
                continue
            toks = t[sp.first:sp.last + 1]
            first_tok = sp.first
            unit = next((k for k, x in enumerate(toks) if x.lemma in self.unit_heads), None)
            if unit is not None and unit + 1 < len(toks):
                # "Гомельскому отделению Белорусской железной дороги": the parent is the org
                toks = toks[unit + 1:]
                first_tok = toks[0].i
            if not any(x.text[:1].isupper() for x in toks):
                continue
            if len(toks) == 2 and toks[0].pos == "ADJ" and toks[1].pos in ("NOUN", "PROPN") \
                    and toks[1].is_title and not toks[1].text.isupper() \
                    and self.v.place_adjectives.get(toks[0].lemma) \
                    and (toks[1].lemma,) not in self.v.generic_heads \
                    and toks[1].lemma not in self.desc_enterprise \
                    and toks[1].lemma not in self.desc_other \
                    and toks[1].lemma not in self.state_heads:
                # "Пермский Соликамскбумпром": the place adjective says where the company
                # is; the name is the one word
                toks = toks[1:]
                first_tok = toks[0].i
            if len(toks) >= 2 and _place_before(toks[0], toks[-1]):
                continue  # "в Берёзовском завода": a town and a noun, not one name
            if self._common_phrase_at_start(toks):
                continue
            if sp.last + 1 < len(t) and t[sp.last + 1].text in OPEN_QUOTES \
                    and (toks[-1].lemma,) in self.v.generic_heads \
                    and all(x.pos == "ADJ" or x is toks[-1] for x in toks):
                continue  # "судостроительным заводом «Красные Баррикады»": a descriptor
            club = self._club_before(first_tok)
            if not club and self._excluded(first_tok, sp.last, toks):
                continue
            if len(toks) == 1 and toks[0].text.isupper() and toks[0].text in self.initials:
                self._add(self.initials[toks[0].text], "enterprise", "", sp.first, sp.last,
                          "alias")
                continue
            if len(toks) == 1 and sp.first > 0 and t[sp.first - 1].text == "(" \
                    and toks[0].text.isupper():
                continue  # "(ЧКПЗ)": an alias of the name just before
            name = normalize_tokens(toks, self.m, self.v)
            if not name or normal_word(name) in self.media_names:
                continue
            known = self.v.known_orgs.get(" ".join(x.lemma for x in toks if x.text not in QUOTES))
            country = known.country if known else self._country_before(first_tok)
            head = next((x for x in toks if x.pos in ("NOUN", "PROPN")
                         and x.text not in self.v.legal_short), toks[0])
            kind = "enterprise"
            if head.lemma in self.desc_other:
                kind = "other"
            elif head.lemma in self.state_heads:
                kind = "state" if head.lemma not in ("банк", "фонд", "центр", "университет",
                                                     "институт", "академия") else "other"
            if known is not None:
                kind = known.kind
                name = known.name
            if club:
                kind = "other"
                self.clubs.add(name)
            if all(self._in_region(i) for i in idx):
                continue
            self._add(name, kind, country, first_tok, sp.last, "ner")

    def coined_persons(self) -> None:
        """"Алтайвагону поставили ...": natasha reads a coined company name as a person; a
        lone PER word no dictionary knows (and no surname of a person in the text) is the
        company, in the nominative."""
        t = self.t
        surnames = {normal_word(t[sp.last].text)[:5] for sp in self.a.spans
                    if sp.type == "PER" and sp.last > sp.first}
        for sp in self.a.spans:
            if sp.type != "PER" or sp.first != sp.last or sp.first in self.taken \
                    or self._in_region(sp.first):
                continue  # "Гомельщина" read as a person is a region
            tok = t[sp.first]
            if len(tok.text) < 6 or normal_word(tok.text)[:5] in surnames \
                    or not self._coined_name([tok]):
                continue
            self._add(word_nominative(tok, self.m), "enterprise", "", sp.first, sp.first,
                      "coined")

    def dictionary_names(self) -> None:
        """"Пермский Соликамскбумпром", "поставки Тулачермета": a capitalised word the
        dictionary itself knows as an organization (OpenCorpora's ``Orgn``), when no other
        rule took it. Common compounds written with a capital at a sentence start
        ("Стеклозавод «Неман»") and ministries' shortenings ("Минпром"), which the state
        body rules own, are not names."""
        t = self.t
        for i, tok in enumerate(t):
            if i in self.taken or i in self.blocked or not tok.is_title or tok.text.isupper() \
                    or len(tok.text) < 5 or not tok.text.replace("-", "").isalpha() \
                    or self._in_region(i):
                continue
            word = normal_word(tok.text)
            parses = self.m.parse(word)
            if not parses or "Orgn" not in parses[0].tag or not parses[0].is_known:
                continue
            lemma = parses[0].normal_form
            if lemma.startswith("мин") or lemma in self.desc_enterprise \
                    or (lemma,) in self.v.generic_heads \
                    or (i > 0 and (t[i - 1].text.lower() == "имени"
                                   or t[i - 1].lemma in self.place_nouns)):
                # "улица Коминтерна", "завод имени Коминтерна": a name inside another name
                continue
            if i + 1 < len(t) and t[i + 1].text in OPEN_QUOTES:
                continue  # a descriptor before a quoted name
            self._add(word_nominative(tok, self.m), "enterprise", self._country_before(i), i, i,
                      "coined")

    def _coined_name(self, inner: list[Token]) -> bool:
        """«Алтайвагону»: one capitalised word no dictionary knows (a coined company name,
        natasha often misses it or reads it as a surname)."""
        if len(inner) != 1 or not inner[0].is_title or not inner[0].text.isalpha():
            return False
        parses = self.m.parse(normal_word(inner[0].text))
        # "Нижнекамскшина": a long compound no dictionary knows may still be guessed a
        # surname from its ending; surnames that long are rare and come with a first name
        long_compound = len(inner[0].text) >= 12
        return bool(parses) and not any(
            p.is_known or ("Surn" in p.tag and not long_compound) or "Name" in p.tag
            or "Geox" in p.tag for p in parses)

    def _attributed(self, i: int) -> bool:
        """The quote at ``i`` is the source of a report: "сообщает «X»", "по данным «X»"."""
        t = self.t
        if i == 0 or t[i - 1].sent != t[i].sent:
            return False
        prev = t[i - 1]
        return prev.lemma in _REPORT_VERBS or (
            prev.lemma in ("данные", "информация") and i >= 2 and t[i - 2].text.lower() == "по")

    def _after_product(self, i: int) -> bool:
        """The quote at ``i`` follows a product noun ("техники «Амкодор»")."""
        return any(self.t[j].lemma in self.product_nouns and self.t[j].sent == self.t[i].sent
                   for j in range(max(0, i - 2), i))

    def _excluded(self, first: int, last: int, toks: list[Token]) -> bool:
        lemmas = {x.lemma for x in toks}
        if len(toks) == 1 and (toks[0].lemma,) in self.v.generic_heads:
            return True  # a bare "НПЗ" or "комбинат" names no organization
        if toks[0].text in ("СП",) or lemmas & self.unit_heads:
            return True
        if lemmas & self.people_heads:
            return True  # "Тамбовская делегация", "белорусская сторона": people, not a body
        if len(toks) == 1 and toks[0].text in self._name_abbreviations:
            return True  # "АПК", "ЖКХ": a sector of the economy
        if len(toks) > 1 and normal_word(toks[-1].text) in self.media_suffixes:
            return True  # "Башкирия 24", "Удмуртия сегодня": a media outlet
        if len(toks) == 1 and toks[0].is_title and (
                (toks[0].lemma,) in self.v.centers or any(
                    "Geox" in p.tag for p in self.m.parse(normal_word(toks[0].text))[:1])):
            return True  # a city taken for an organization ("Витебск" as a sports team)
        for j in range(max(0, first - 2), first):
            if normal_word(self.t[j].text) in self.sport_heads \
                    or self.t[j].lemma in self.sport_heads:
                return True  # "ХК «Динамо»": a sports club
        if toks[0].text in self.sport_heads or normal_word(toks[0].text) in self.sport_heads:
            return True
        words = [x for x in toks if x.text[:1].isalpha() and x.text not in self.v.legal_short]
        if words and all(x.pos in ("NOUN", "ADJ", "VERB") and (
                x.lemma in self.desc_enterprise or x.lemma in self.desc_other) for x in words):
            return True  # "Управляющая компания холдинга": descriptors without a name
        if toks[0].lemma in self.common_adj and len(toks) > 1 \
                and not any(x.is_title for x in toks[1:]):
            return True  # "Белорусский молочный холдинг": a description, not a name
        if len(toks) == 1 and first == self.a.sents[toks[0].sent][2]:
            parses = self.m.parse(normal_word(toks[0].text))
            top = parses[0] if parses else None
            if top is not None and top.tag.POS == "NOUN" and top.is_known and top.score > 0.5 \
                    and "Orgn" not in top.tag and "Abbr" not in top.tag:
                return True  # a common noun at the start of a sentence: "Делегация ..."
        if first in self.region_at and toks[0].pos != "ADJ" and len(toks) > 1 \
                and not any(x.is_title for x in toks[1:]):
            return True  # "Кубань мебель"
        text = normal_word(" ".join(x.text for x in toks if x.text not in QUOTES))
        if text in self.media_names or text in self.event_names or text in self.union_names:
            return True
        if lemmas & self.event_heads or lemmas & self.media_heads:
            return True
        key = " ".join(x.lemma for x in toks)
        if any(key == " ".join(self.m.plain_lemma(w) for w in u.split())
               for u in self.union_names if " " in u):
            return True
        t = self.t
        # "сообщает БелТА", "по данным Интерфакса", "газета «...»"
        for j in range(max(0, first - 3), first):
            if t[j].sent != toks[0].sent:
                continue
            if t[j].lemma in self.attribution or t[j].lemma in self.media_heads \
                    or t[j].lemma in self.event_heads:
                return True
            prev = first - 1
            while prev > 0 and t[prev].text in QUOTES:
                prev -= 1
            if j == prev and t[j].lemma in self.product_nouns \
                    and lookup_initialism(toks[0].text, self.v) is None:
                return True
        return False

    def _initials(self) -> dict[str, str]:
        """"МПЗ" -> "Минский подшипниковый завод" for names already found in the text."""
        out: dict[str, str] = {}
        for o in self.out:
            words = [w for w in o.name.replace("-", " ").split() if w not in ("и",)]
            if len(words) >= 2:
                out["".join(w[0] for w in words).upper()] = o.name
        return out

    def run(self) -> list[OrgMention]:
        self.bodies_with_region()
        self.regional_bodies()
        self.local_administrations()
        self.compound_bodies()
        self.state_bodies()
        self.ambassadors()
        self.quoted()
        self.generic_heads()
        self.initials = self._initials()
        self.initialisms()
        self.ner()
        self.coined_persons()
        self.dictionary_names()
        self.defined_abbreviations()
        self._case_variants()
        self._phrase_case_variants()
        self._short_repeats()
        self._nested_short_names()
        self._same_kind()
        self.credits()
        return sorted(self.out, key=lambda m: m.start)


def _place_before(adjective: Token, head: Token) -> bool:
    """"в Берёзовском завода": an adjective in the locative (by tag and ending) before a
    head in another case names a place of its own, not the start of a name."""
    return adjective.case == "Loc" and head.case not in (None, "Loc") \
        and adjective.text.endswith(("ом", "ем"))


def find_organizations(analysis: Analysis, vocab: Vocabulary, morph: Morph,
                       regions: list[RegionMention]) -> list[OrgMention]:
    return OrgFinder(analysis, vocab, morph, regions).run()
