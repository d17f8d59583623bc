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
    QUALIFIER_WORDS,
    OrgMention,
)
from soyuzprom.press.extraction.orgnames import (
    OPEN_QUOTES,
    QUOTES,
    legal_form_length,
    lookup_initialism,
    normalize_tokens,
    quoted_name,
    word_nominative,
)
from soyuzprom.press.extraction.orgpasses import DASHES, OrgPasses
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import COUNTRY_GEN, StateBody, Vocabulary

__all__ = ["OrgFinder", "OrgMention", "find_organizations"]

# "регионального министерства ...": the body of the text's main region
_REGIONAL_ADJECTIVES = frozenset({"региональный", "краевой", "областной"})
_REPORT_VERBS = frozenset({"сообщать", "сообщить", "писать", "передавать", "информировать",
                           "цитировать", "пояснять", "уточнять"})
# a minister's role names the ministry: "замминистра промышленности Беларуси"
_MINISTER = frozenset({"министр", "замминистра", "замминистр", "вице-министр"})


# case endings of a masculine noun ("Миноблисполкома", "Миноблисполкомом")
_BODY_ENDINGS = ("", "а", "у", "ом", "е")


class OrgFinder(OrgPasses):
    """Finds organization mentions in one analysed text."""

    def state_bodies(self) -> None:
        t, v = self.t, self.v
        n = len(t)
        for i in range(n):
            if t[i].lemma not in v.body_first:
                continue
            for length in (5, 4, 3, 2, 1):
                if i + length > n:
                    continue  # the text ends here
                key = tuple(x.lemma for x in t[i:i + length])
                body = v.state_bodies.get(key)
                if body is None or any(x.sent != t[i].sent for x in t[i:i + length]):
                    continue
                if body.pattern.isupper() and not t[i].text.isupper():
                    continue  # "МАРТ" is a ministry, "в марте" a month
                self._state_body(i, i + length - 1, body)
                break

    def bodies_with_region(self) -> None:
        """"Министерство экономического развития и промышленности Калужской области":
        a body head, its genitive complement, then a region (or country) in the genitive."""
        t = self.t
        for i, tok in enumerate(t):
            minister = tok.lemma in _MINISTER or normal_word(tok.text) in _MINISTER
            if (tok.lemma not in self.body_heads and not minister) or i in self.taken:
                continue
            j = i + 1
            while j < len(t) and t[j].sent == tok.sent and j - i <= 14:
                region = self.region_at.get(j)
                if region is not None:
                    break
                x = t[j]
                # a capitalised genitive inside the name is part of it: "развития Арктики"
                ok = (x.pos in ("ADJ", "NOUN") and x.case != "Nom" and not x.is_title) or (
                    x.is_title and x.case == "Gen" and x.pos in ("NOUN", "PROPN")
                    and j > i + 1) or x.text in (",", "и", "по", "-") or x.lemma == "город" or (
                    x.text in self._name_abbreviations) or (
                    x.feats.get("VerbForm") == "Part" and not x.is_title)
                if not ok:
                    region = None
                    break
                j += 1
            else:
                region = None
            if region is None or j == i + 1 or t[j - 1].text in (",", "и"):
                continue
            head = "министерство" if minister else self.m.nominative([tok])
            middle = " ".join(self._name_abbreviations.get(x.text, x.text) for x in t[i + 1:j]
                              ) if any(x.text in self._name_abbreviations for x in t[i + 1:j]
                                       ) else self.a.text[t[i + 1].start:t[j - 1].stop]
            after = region.last + 1
            body_last = region.last
            if after < len(t) and t[after].lemma == "облисполком":
                # "Комитет по ... Гродненского облисполкома": the body belongs to the
                # executive committee (itself a mention), not to the oblast
                adjective = self.m.agree_nominative([t[region.first].text, "комитет"]).split()[0]
                tail = f"{self.m.inflect_phrase(adjective, 'gent')} областного " \
                       "исполнительного комитета"
                self._add(f"{adjective} областной исполнительный комитет", "state", "BY",
                          region.first, after, "generic")
                body_last = region.first - 1
            elif region.region.kind == "country":
                tail = COUNTRY_GEN[region.region.country]
            elif " — " in region.region.name:
                # "Министерство угольной промышленности Кузбасса": a subject whose official
                # name carries its alias is named in the body's name as the text writes it
                last = region.last
                if last + 2 < len(t) and t[last + 1].text in DASHES and t[last + 2].is_title:
                    last += 2  # "... автономного округа — Югры"
                tail = self.a.text[region.start:t[last].stop]
                body_last = last
            else:
                tail = self._region_gen(region.region.name)
            second = self.region_at.get(body_last + 2)
            if body_last == region.last and second is not None and t[body_last + 1].text == "и" \
                    and t[second.first].case != "Nom" and (second.last + 1 >= len(t) or t[
                        second.last + 1].lemma not in ("облисполком", "областной")):
                # "Совет делового сотрудничества Челябинской области и Беларуси": both
                # sides belong to the name, as the text writes them
                tail = self.a.text[region.start:second.end]
                body_last = second.last
            first = i + 1 if minister else i  # the person's word is not the body
            prev = t[i - 1] if i > 0 else None
            if not minister and prev is not None and prev.pos == "ADJ" \
                    and (prev.is_title or prev.lemma == "главный") \
                    and prev.sent == tok.sent and not self._in_region(i - 1) \
                    and prev.lemma not in self.v.place_adjectives \
                    and prev.lemma not in self.common_adj:
                # "Главное управление ...": a capitalised adjective starts the name
                head = self.m.nominative([prev, tok])
                first = i - 1
            name = f"{head[:1].upper()}{head[1:]} {middle} {tail}"
            self._add(name, "state", region.region.country, first, body_last, "body")

    def regional_bodies(self) -> None:
        """"по данным регионального министерства промышленности и торговли": a body whose
        region is told by an adjective is the body of the text's main region (not the
        federal ministry of the same name)."""
        t = self.t
        region = self.main_ru_region
        if region is None:
            return
        for i, tok in enumerate(t[1:], start=1):
            adj = t[i - 1]
            if tok.lemma not in self.body_heads or tok.lemma == "совет" or i in self.taken \
                    or tok.is_title \
                    or adj.lemma not in _REGIONAL_ADJECTIVES or adj.sent != tok.sent:
                continue
            j = i + 1
            while j < len(t) and t[j].sent == tok.sent and j - i <= 10 and (
                    (t[j].pos in ("ADJ", "NOUN") and t[j].case == "Gen" and not t[j].is_title)
                    or (t[j].text in ("и", ",", "по") and j + 1 < len(t)
                        and t[j + 1].case in ("Gen", "Dat") and not t[j + 1].is_title)
                    or (t[j - 1].text == "по" and t[j].case == "Dat")):
                j += 1
            while j - 1 > i and t[j - 1].pos != "NOUN":
                j -= 1  # the name ends with a noun
            if j == i + 1 or j in self.region_at:
                continue  # no complement, or a named region follows (the other rules)
            head = self.m.nominative([tok])
            middle = self.a.text[t[i + 1].start:t[j - 1].stop]
            tail = self._region_gen(region.name)
            name = f"{head[:1].upper()}{head[1:]} {middle} {tail}"
            self._add(name, "state", region.country, i - 1, j - 1, "regional")

    def local_administrations(self) -> None:
        """"администрация Ярцевского района", "администрация города Вязьмы"."""
        t = self.t
        for i, tok in enumerate(t[:-2]):
            if tok.lemma != "администрация" or i in self.taken:
                continue
            nxt, after = t[i + 1], t[i + 2]
            district = nxt.pos == "ADJ" and after.lemma in ("район", "округ")
            city = nxt.lemma == "город" and after.is_title
            if not (((district and nxt.is_title) or city) and after.case == "Gen"):
                continue
            last = i + 2
            name = "Администрация " + self.a.text[nxt.start:t[last].stop]
            self._add(name, "state", "", i, last, "local")

    def compound_bodies(self) -> None:
        """"Миноблисполкома" -> "Минский областной исполнительный комитет"."""
        spec = self.v.orgs.get("compound_bodies") or {}
        stems: dict[str, str] = spec.get("stems", {})
        bodies: dict[str, str] = spec.get("bodies", {})
        for i, tok in enumerate(self.t):
            if len(tok.text) < 12 or i in self.taken or not tok.is_title:
                continue  # cheap test first: this runs on every token
            word = normal_word(tok.text)
            for body, long_form in bodies.items():
                at = word.find(body)
                stem = word[:at]
                if at > 0 and stem in stems and word[at + len(body):] in _BODY_ENDINGS:
                    self._add(f"{stems[stem]} {long_form}", "state", "BY", i, i, "compound")
                    break

    def _state_body(self, first: int, last: int, body: StateBody) -> None:
        t = self.t
        nxt = last + 1
        qualifier = self.region_at.get(nxt)
        country = self._country_before(first)
        end = last
        name = ""
        if qualifier is not None and qualifier.region.kind == "country":
            country = qualifier.region.country
            end = qualifier.last
        elif qualifier is not None:
            name = f"{body.base} {self._region_gen(qualifier.region.name)}"
            end = qualifier.last
            country = qualifier.region.country
        elif self.main_region is not None and (
                nxt < len(t) and t[nxt].lemma in QUALIFIER_WORDS and t[nxt].case == "Gen"
                and not t[nxt].is_title):
            # "Минпромторг края": the main region's body
            name = f"{body.base} {self._region_gen(self.main_region.name)}"
            country = self.main_region.country
            end = nxt
        elif first > 0 and t[first - 1].lemma in _REGIONAL_ADJECTIVES:
            # "региональный Минпромторг" is the main region's ministry, not the federal one;
            # "областное правительство", "региональный фонд развития промышленности" name
            # no body: they are left out
            if self.main_ru_region is None \
                    or normal_word(body.base.split()[0]) not in self.body_heads \
                    or body.base.startswith("Совет"):
                return
            name = f"{body.base} {self._region_gen(self.main_ru_region.name)}"
            country = "RU"
        if not name:
            if not country:
                country = body.default if body.default in ("RU", "BY") else ""
            if country:
                name = body.names.get(country) or f"{body.base} {COUNTRY_GEN[country]}"
            elif body.default == "=":
                name = body.base
        if name:
            self._add(name, "state", country, first, end, "state")

    def quoted(self) -> None:
        t = self.t
        for i, tok in enumerate(t):
            if tok.text not in OPEN_QUOTES or i in self.taken:
                continue
            close = self._quote_close(i)
            if close is None:
                close = self._unbalanced_close(i)  # ОАО «Гомельский завод «Гидропривод»
            elif any(x.text in ("«", "„") for x in t[i + 1:close]):
                continue  # «Управляющая компания холдинга «X»»: the inner name is the name
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
                    desc_kind = "skip"
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
                while j >= 0 and t[j].sent == tok.sent and i - j <= 3 and self._adjective(t[j]):
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
                            (t[k].pos in ("NOUN", "ADJ") and t[k].case == "Gen"
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
            country = known.country if known else self._country_before(sp.first)
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

    def _coined_name(self, inner: list[Token]) -> bool:
        """«Алтайвагону»: one capitalised word no dictionary knows (a coined company name,
        natasha often misses it or reads it as a surname)."""
        if len(inner) != 1 or not inner[0].is_title or not inner[0].text.isalpha():
            return False
        parses = self.m.parse(normal_word(inner[0].text))
        return bool(parses) and not any(p.is_known or "Surn" in p.tag or "Name" in p.tag
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
        self.quoted()
        self.generic_heads()
        self.initials = self._initials()
        self.initialisms()
        self.ner()
        self.coined_persons()
        self.defined_abbreviations()
        self._case_variants()
        self._same_kind()
        self.credits()
        return sorted(self.out, key=lambda m: m.start)


def find_organizations(analysis: Analysis, vocab: Vocabulary, morph: Morph,
                       regions: list[RegionMention]) -> list[OrgMention]:
    return OrgFinder(analysis, vocab, morph, regions).run()
