"""Organization rules for state bodies: official long forms, bodies followed by their
region, regional bodies told by an adjective, one-word executive committees, local
administrations (see ``organizations.py`` for the other rules).

Example::

    >>> # analysis of "Министерство развития Арктики и экономики Мурманской области"
    >>> [m.name for m in find_organizations(a, vocab, morph, regions)]
    ['Министерство развития Арктики и экономики Мурманской области']
"""

from __future__ import annotations

from soyuzprom.press.extraction.morph import normal_word
from soyuzprom.press.extraction.orgbase import QUALIFIER_WORDS
from soyuzprom.press.extraction.orgpasses import DASHES, OrgPasses
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import COUNTRY_GEN, StateBody

# "регионального министерства ...": the body of the text's main region
_REGIONAL_ADJECTIVES = frozenset({"региональный", "краевой", "областной"})
# a minister's role names the ministry: "замминистра промышленности Беларуси"
_MINISTER = frozenset({"министр", "замминистра", "замминистр", "вице-министр"})
# case endings of a masculine noun ("Миноблисполкома", "Миноблисполкомом")
_BODY_ENDINGS = ("", "а", "у", "ом", "е")


class BodyRules(OrgPasses):
    """The state-body rules of the organization finder."""

    def ambassadors(self) -> None:
        """"Чрезвычайный и Полномочный Посол Республики Беларусь в Российской Федерации",
        "посол Беларуси в России": the ambassador stands for the embassy, which the text
        need not name (``embassies`` in organizations.yaml); the mention is the word
        "посол", so the countries stay regions of the text."""
        names = self.v.orgs.get("embassies", {})
        countries = [r for r in self.regions if r.region.kind == "country"]
        for i, tok in enumerate(self.t):
            if tok.lemma != "посол":
                continue
            after = sorted((r for r in countries if r.sent == tok.sent and i < r.first <= i + 7),
                           key=lambda r: r.first)
            if len(after) < 2 or self.t[after[1].first - 1].lemma not in ("в", "во"):
                continue
            sender, host = after[0].region.country, after[1].region.country
            name = names.get(sender, {}).get(host)
            if name:
                self._add(name, "state", sender, i, i, "embassy")
        self._consuls(countries)

    def _consuls(self, countries: list[RegionMention]) -> None:
        """"генеральный консул Республики Беларусь в Екатеринбурге": the consul stands for
        "Генеральное консульство Республики Беларусь в Екатеринбурге" (the city as the text
        writes it after "в")."""
        t = self.t
        for i, tok in enumerate(t):
            if tok.lemma != "консул" or i == 0 or t[i - 1].lemma != "генеральный":
                continue
            sender = next((r for r in countries if r.sent == tok.sent and r.first == i + 1),
                          None)
            k = sender.last + 1 if sender is not None else -1
            if sender is None or k + 1 >= len(t) or t[k].lemma not in ("в", "во") \
                    or not t[k + 1].is_title:
                continue
            end = k + 1  # one word ("Казани"), two with an adjective ("Нижнем Новгороде")
            if t[end].pos == "ADJ" and end + 1 < len(t) and t[end + 1].is_title:
                end += 1
            city = self.a.text[t[k + 1].start:t[end].stop]
            name = f"Генеральное консульство {COUNTRY_GEN[sender.region.country]} в {city}"
            self._add(name, "state", sender.region.country, i, i, "consulate")

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
