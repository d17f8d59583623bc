"""Parties of relations: organizations and regions mentioned in a sentence, and persons
standing for the body their role names (a minister for the ministry, a governor for the
region, a president for the country).

Example::

    >>> body_of_person(person_with_role("губернатор Смоленской области"), ...)
    ('Смоленская область', 'RU')
"""

from __future__ import annotations

from dataclasses import dataclass

from soyuzprom.press.extraction.dealers import DEALER_WORDS
from soyuzprom.press.extraction.nlp import Token
from soyuzprom.press.extraction.organizations import OrgMention
from soyuzprom.press.extraction.persons import PersonMention
from soyuzprom.press.extraction.regions import RegionMention
from soyuzprom.press.extraction.resources import COUNTRY_NAME, Region

_NATIONAL = {"президент", "премьер-министр", "премьер", "вице-премьер", "посол"}
_REGIONAL = {"губернатор", "вице-губернатор", "врио", "глава", "председатель", "мэр"}


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    country: str
    first: int  # token range of the mention in the sentence
    last: int
    is_country: bool
    is_org: bool = False
    via_person: bool = False  # stands in for a person (often the speaker of the news)
    via_city: bool = False  # a regional centre named as a place ("в Екатеринбурге")
    is_body: bool = False  # a state body (government, ministry, executive committee)
    region: str = ""  # for a state body: the region its name contains, if any


def body_of_person(p: PersonMention, orgs: list[OrgMention], regions: list[RegionMention],
                   tokens: list[Token]) -> tuple[str, str] | None:
    """The body a person stands for, from the mentions inside the role."""
    if p.role_first < 0:
        return None
    lo, hi = p.role_first, p.role_last
    inside_orgs = [o for o in orgs if lo <= o.first and o.last <= hi]
    if inside_orgs:
        return inside_orgs[0].name, inside_orgs[0].country
    inside_regions = [r for r in regions if lo <= r.first and r.last <= hi]
    head = tokens[lo].lemma if lo < len(tokens) else ""
    role_lemmas = {t.lemma for t in tokens[lo:hi + 1]}
    if inside_regions:
        subjects = [r for r in inside_regions if r.region.kind != "country"]
        if subjects and (role_lemmas & _REGIONAL or head in _REGIONAL):
            return subjects[0].region.name, subjects[0].region.country
        if role_lemmas & _NATIONAL or not subjects:
            c = inside_regions[0].region.country
            return COUNTRY_NAME[c], c
        return subjects[0].region.name, subjects[0].region.country
    return None


def body_regions(orgs: list[OrgMention], regions: list[RegionMention]) -> dict[str, str]:
    """State bodies of the text -> the region their name contains ("" when none):
    "Правительство Ярославской области" -> "Ярославская область"."""
    out: dict[str, str] = {}
    for o in orgs:
        if o.kind != "state":
            continue
        inside = [r.region.name for r in regions if r.sent == o.sent
                  and o.first <= r.first <= o.last and r.region.kind != "country"]
        if not inside and o.name.endswith(" областной исполнительный комитет"):
            # "Минский областной исполнительный комитет" -> "Минская область" when the text
            # names that region
            head = o.name.split()[0]
            oblast = (head[:-2] + "ая" if head.endswith("ий") else head) + " область"
            inside = [r.region.name for r in regions if r.region.name == oblast]
        if inside or o.name not in out:
            out[o.name] = inside[0] if inside else ""
    return out


def sentence_parties(sent: int, orgs: list[OrgMention], regions: list[RegionMention],
                     persons: list[PersonMention],
                     person_bodies: dict[str, tuple[str, str]]) -> list[Party]:
    out: list[Party] = []
    org_names = {o.name for o in orgs}
    org_ranges = [(o.first, o.last) for o in orgs if o.sent == sent]
    bodies = body_regions(orgs, regions)
    for o in orgs:
        if o.sent == sent:
            out.append(Party(o.name, o.country, o.first, o.last, False, True,
                             is_body=o.name in bodies, region=bodies.get(o.name, "")))
    for r in regions:
        if r.sent != sent or any(a <= r.first and r.last <= b for a, b in org_ranges):
            continue
        out.append(Party(r.region.name, r.region.country, r.first, r.last,
                         r.region.kind == "country"))
    for p in persons:
        if p.sent != sent or p.name not in person_bodies:
            continue
        # the role's own mentions are already parties when the role is in this sentence
        if p.role_first >= 0 and any(p.role_first <= x.first <= p.role_last for x in out):
            continue
        name, country = person_bodies[p.name]
        out.append(Party(name, country, p.first, p.last,
                         name in COUNTRY_NAME.values(), name in org_names, True,
                         is_body=name in bodies, region=bodies.get(name, "")))
    return sorted(out, key=lambda x: x.first)


# "комплекс" refers back only to an enterprise named with it ("Новоенисейский
# лесохимический комплекс"); as a common noun it names much else
_HEADED_ONLY = {"комплекс"}
_COREF = {"комплекс", "производитель", "холдинг", "компания", "предприятие", "завод", "дилер",
          "поставщик",
          "концерн", "корпорация", "комбинат", "покупатель", "заказчик", "изготовитель",
          "автозавод", "машзавод", "тракторостроитель", "автопроизводитель", "автогигант",
          "фабрика", "верфь", "станкостроитель", "машиностроитель", "агрохолдинг",
          "льнокомбинат", "мясокомбинат", "молокозавод", "птицефабрика", "лесозавод"}


_ZONES = {"зона", "сэз", "оэз"}


def center_parties(sent_tokens: list[Token], tokens: list[Token],
                   centers: dict[tuple[str, ...], Region], taken: set[int]) -> list[Party]:
    """"в Екатеринбурге", "в Гомель": a regional centre after "в" hosts for its region; so
    does the centre a free economic zone is named after ("в СЭЗ «Витебск»")."""
    out: list[Party] = []
    for t in sent_tokens:
        zone = t.i >= 2 and tokens[t.i - 1].text == "«" and tokens[t.i - 2].lemma in _ZONES
        if t.i in taken or not t.is_title or t.i == 0 or (
                tokens[t.i - 1].lemma not in ("в", "во") and not zone):
            continue
        for length in (3, 2, 1):
            span = tokens[t.i:t.i + length]
            region = centers.get(tuple(x.lemma for x in span)) or (
                centers.get((t.text.lower(),)) if length == 1 else None)
            if region is not None and all(x.sent == t.sent for x in span):
                out.append(Party(region.name, region.country, t.i, t.i + length - 1, False,
                                 via_city=True))
                break
    return out


def descriptor_parties(sent_tokens: list[Token], tokens: list[Token], orgs: list[OrgMention],
                       place_adjectives: dict[str, str], taken: set[int],
                       dealers: dict[int, str] | None = None) -> list[Party]:
    """"белорусский производитель", "дилер": the latest fitting organization named before.

    ``dealers``: position of a dealer word -> the organization named as the dealer there; a
    bare "дилер" refers back to the latest of them."""
    out: list[Party] = []
    by_name = {o.name: o for o in orgs}
    for t in sent_tokens:
        if t.lemma not in _COREF or t.i in taken or t.feats.get("Number") == "Plur":
            continue
        if t.lemma in DEALER_WORDS and dealers and t.i not in dealers:
            named = [name for k, name in sorted(dealers.items()) if k < t.i]
            if named:
                o = by_name[named[-1]]
                out.append(Party(o.name, o.country, t.i, t.i, False, True))
                continue
        nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
        if nxt is not None and (nxt.text in ("«", '"') or nxt.is_title):
            continue  # a descriptor of a name given right here
        if any(o.sent == t.sent and t.i + 1 < o.first <= t.i + 4 and all(
                x.case == "Gen" or x.text in ("«", '"') for x in tokens[t.i + 1:o.first])
               for o in orgs):
            continue  # "строительство фабрики ивановской компании «X»": X's new plant
        if t.case == "Nom" and any(
                o.sent == t.sent and t.i < o.first <= t.i + 4
                and any(x.text in (",", "—") for x in tokens[t.i + 1:o.first]) for o in orgs):
            continue  # "ещё одно предприятие республики, Майкопский редукторный завод,"
        country = ""
        for j in range(t.i - 1, max(-1, t.i - 3), -1):
            c = place_adjectives.get(tokens[j].lemma)
            if c and tokens[j].pos == "ADJ":
                country = c
                break
        # "компания и холдинг «Амкодор» подписали": not the partner named later on;
        # "компании «X», которая является дилером завода": not the one the clause is about
        later = {o.name for o in orgs if o.sent == t.sent and o.first > t.i} | {
            o.name for o in orgs if o.sent == t.sent and o.last < t.i and any(
                x.lemma == "который" for x in tokens[o.last + 1:t.i])}
        before = [o for o in orgs if o.last < t.i and o.kind == "enterprise"
                  and (not country or o.country == country) and o.name not in later]
        if country and not any(o.country == country for o in orgs if o.last < t.i):
            # "осетинское предприятие" after "Бесланский маисовый комбинат": an enterprise
            # named after a town the vocabulary does not know
            before = [o for o in orgs if o.last < t.i and o.kind == "enterprise"
                      and not o.country and o.name not in later
                      and o.name.split()[0].endswith(("ий", "ый", "ой", "ая", "ое"))]
        # "поставляет комбинату": the latest enterprise whose name has that head noun
        # ("Гомельский жировой комбинат"), else the latest enterprise named before
        headed = [o for o in before if t.lemma in o.name.lower().split()]
        if t.lemma in _HEADED_ONLY:
            before = []
        if headed or before:
            o = (headed or before)[-1]
            out.append(Party(o.name, o.country, t.i, t.i, False, True))
    return out


_ENVOYS = {"посол": "Посольство", "консул": "консульство", "генконсул": "консульство",
           "облисполком": "областной исполнительный комитет",
           "горисполком": "городской исполнительный комитет"}


def envoy_parties(sent_tokens: list[Token], orgs: list[OrgMention],
                  taken: set[int]) -> list[Party]:
    """"посол побывал на заводе", "переговоры в облисполкоме": an ambassador, a consul or
    an executive committee named by the word alone stands for the embassy, consulate or
    committee the text named before."""
    out: list[Party] = []
    for t in sent_tokens:
        mission = _ENVOYS.get(t.lemma)
        if mission is None or t.i in taken:
            continue
        before = [o for o in orgs if o.last < t.i and mission in o.name]
        if before:
            o = before[-1]
            out.append(Party(o.name, o.country, t.i, t.i, False, True, is_body=True))
    return out


_PRONOUNS = {"он", "она", "оно", "они"}
_POSSESSIVES = {"его", "её", "ее", "их"}


def pronoun_parties(sent_tokens: list[Token], orgs: list[OrgMention],
                    taken: set[int]) -> list[Party]:
    """"Он приобрёл 11 машин", "её сыры поставляются в сеть": a subject pronoun or a
    possessive stands for the latest enterprise named before it, in this sentence or the
    one before (a person, the other usual antecedent, is no party of these facts)."""
    out: list[Party] = []
    for t in sent_tokens:
        if t.i in taken:
            continue
        subject = t.lemma in _PRONOUNS and t.case == "Nom"
        possessive = t.text.lower() in _POSSESSIVES and t.pos in ("DET", "PRON") \
            and t.case != "Nom" and t.i < sent_tokens[-1].i and t.feats.get("Poss") == "Yes"
        if not (subject or possessive):
            continue
        before = [o for o in orgs if o.last < t.i and o.kind == "enterprise"
                  and o.sent >= t.sent - 1]
        if before:
            o = max(before, key=lambda m: m.last)
            out.append(Party(o.name, o.country, t.i, t.i, False, True))
    return out


_COLLECTIVE = {"предприятие", "завод", "компания", "хозяйство", "аграрий", "производитель",
               "сельхозпредприятие", "фермер", "сельхозпроизводитель", "машиностроитель",
               "промышленник", "экспортер", "организация", "партнер", "перевозчик",
               "станкостроитель", "агрохолдинг", "комбинат", "фабрика", "делегация"}


_FLOWS = {"экспорт", "импорт", "поставка", "ввоз", "вывоз", "товарооборот"}


def collective_parties(sent_tokens: list[Token], tokens: list[Token],
                       region_adjectives: dict[str, Region], main_region: Region | None,
                       taken: set[int]) -> list[Party]:
    """"ярославские предприятия", "кубанские хозяйства", "аграрии области", "чувашская
    делегация" stand for the region."""
    out: list[Party] = []
    for t in sent_tokens:
        prev = tokens[t.i - 1] if t.i > 0 else None
        if t.lemma in _FLOWS and prev is not None and prev.i not in taken \
                and prev.pos == "ADJ" and prev.lemma in region_adjectives:
            # "основу брестского экспорта": the region whose trade it is
            home = region_adjectives[prev.lemma]
            out.append(Party(home.name, home.country, prev.i, prev.i, False, False))
            continue
        if t.i in taken or t.lemma not in _COLLECTIVE or (
                t.feats.get("Number") != "Plur" and t.lemma != "делегация"):
            continue  # "чувашская делегация" is the region's too
        if t.lemma == "делегация" and any(x.lemma in ("визит", "ход", "рамка", "присутствие")
                                          for x in tokens[max(0, t.i - 3):t.i]):
            continue  # "в ходе визита челябинской делегации": the setting of another fact
        nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
        region: Region | None = None
        if prev is not None and prev.pos == "ADJ" and prev.lemma in region_adjectives:
            region = region_adjectives[prev.lemma]
        elif nxt is not None and nxt.lemma in ("область", "регион", "край") \
                and nxt.case == "Gen" and main_region is not None:
            region = main_region
        if region is not None:
            out.append(Party(region.name, region.country, t.i, t.i, False, False))
    return out


_SPEAKER_PRONOUNS = {"он", "она"}
_SPEAKER_ROLES = {"губернатор", "вице-губернатор", "глава"}


def speaker_parties(s: int, sent_tokens: list[Token], parties: list[Party],
                    persons: list[PersonMention], person_bodies: dict[str, tuple[str, str]],
                    main_region: Region | None) -> list[Party]:
    """"«Мы поставляем в Беларусь древесину», — сказал губернатор.": "мы" is the body the
    speaker stands for (a named speaker, "он" for the last person named before, a bare
    "губернатор" for the text's main region); the speaker after the quote is no party."""
    we = next((t for t in sent_tokens if t.lemma == "мы" and t.case == "Nom"), None)
    if we is None:
        return parties
    # the attribution after the closing quote: "», — сказал X"
    close = next((k for k, t in enumerate(sent_tokens) if t.text == "»" and t.i > we.i), -1)
    if close < 0 or not any(t.text == "—" for t in sent_tokens[close + 1:close + 3]):
        return parties
    after = sent_tokens[close + 1:close + 6]
    verb = next((t for t in after if t.pos == "VERB"), None)
    if verb is None:
        return parties
    speaker = next((p for p in parties if p.first > verb.i), None)
    body: tuple[str, str, bool, bool] | None = None
    if speaker is not None:
        if speaker.is_body:
            # "мы поставляем" in a body's mouth is the trade of its region
            body = (speaker.region, speaker.country, False, False) if speaker.region else None
        else:
            body = (speaker.name, speaker.country, speaker.is_country, speaker.is_org)
    else:
        nxt = [t for t in sent_tokens if t.i > verb.i][:1]
        word = nxt[0].lemma if nxt else ""
        if word in _SPEAKER_PRONOUNS:
            earlier = [p for p in persons if p.sent < s and p.name in person_bodies]
            if earlier:
                name, country = person_bodies[earlier[-1].name]
                body = (name, country, name in COUNTRY_NAME.values(), False)
        elif word in _SPEAKER_ROLES and main_region is not None:
            body = (main_region.name, main_region.country, False, False)
    if body is None:
        return parties
    rest = [p for p in parties if speaker is None or p.first != speaker.first]
    name, country, is_country, is_org = body
    return sorted([*rest, Party(name, country, we.i, we.i, is_country, is_org)],
                  key=lambda p: p.first)


def republic_parties(sent_tokens: list[Token], taken: set[int],
                     russian_republic_named: bool) -> list[Party]:
    """"экспорт области в республику", "поставки в республику": a bare lower-case
    "республика" refers back to Belarus in a text about Russian–Belarusian trade - unless the
    text names a Russian republic, which the word might mean just as well."""
    if russian_republic_named:
        return []
    return [Party(COUNTRY_NAME["BY"], "BY", t.i, t.i, True) for t in sent_tokens
            if t.lemma == "республика" and t.text[:1].islower() and t.i not in taken]


_REGION_NOUNS = {"регион", "округ", "край", "область"}
_PLACE_PREPS = {"в", "во", "на", "из", "для"}


def region_noun_parties(sent_tokens: list[Token], tokens: list[Token], taken: set[int],
                        main_region: Region | None) -> list[Party]:
    """"в регион поставлено 190 машин", "в округ ввезено": a bare lower-case region noun
    after a preposition refers back to the text's main region (its most mentioned one)."""
    if main_region is None:
        return []
    out: list[Party] = []
    for t in sent_tokens:
        if t.lemma not in _REGION_NOUNS or not t.text[:1].islower() or t.i in taken \
                or t.i == 0 or tokens[t.i - 1].lemma not in _PLACE_PREPS:
            continue
        nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
        if nxt is not None and nxt.sent == t.sent and (nxt.is_title or nxt.case == "Gen"):
            continue  # "в регионы России", "в округ Москвы": another place, named
        out.append(Party(main_region.name, main_region.country, t.i, t.i, False))
    return out
