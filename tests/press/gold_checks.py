"""Well-formedness checks for a gold directory written by ANNOTATION.md.

Shared by the held-out and the blind corpus tests, which parametrise them over their own
directory. They check the gold against its own text, never the extractor. Example::

    docs = {d.stem: d for d in load_gold_dir(Path("tests/press/blind"))}
    check_schema(docs["b01_krasnoyarsk_gomel_agreement"], min_words=200, max_words=600)
"""

from __future__ import annotations

import re

from soyuzprom.press.evaluation.corpus import GoldDocument
from soyuzprom.registry.reference import read_regions

KEYS = {
    "published",
    "relevant",
    "organizations",
    "enterprises",
    "persons",
    "regions",
    "relations",
    "figures",
}
RELATION_TYPES = {
    "supply",
    "joint_production",
    "service_center",
    "joint_venture",
    "investment_project",
    "agreement",
    "meeting",
}
UNITS = {"RUB", "USD", "EUR", "BYN", "%", "units", "persons", "rank"}
PERIOD = re.compile(r"^(|target|\d{4}|\d{4}-\d{4}|\d{4}-\d{2}\.\.\d{4}-\d{2})$")
LEGAL_FORM = re.compile(r"^(ОАО|ООО|АО|ПАО|ЗАО|РУП|УП|ЧУП|СООО|ИООО)\b|[«»\"]")
# colloquial or short forms that ANNOTATION.md normalises; none may survive in a gold name
UNNORMALISED = re.compile(
    r"^(МАЗ|МТЗ|БелАЗ|МЗКТ|ММЗ|МПЗ|МоАЗ|БМЗ|КЗАК)$|машзавод|облисполком|Миноблисполком|Минпромторг|ЦБК$|ЦКК$"
)
# first-level units in their official names, as the project's region classifier has them;
# aliases (Кузбасс, Югра, Прикамье) are resolved, and subjects whose official name carries
# the alias keep it ("Кемеровская область — Кузбасс")
REGION_NAMES = frozenset(r.name for r in read_regions())


QUALIFIERS = [
    (re.compile(r"\b(около|порядка|почти|примерно)\b", re.I), "(approx.)"),
    (re.compile(r"\b(более|свыше|превы[сш]\w*)\b", re.I), "(over)"),
    (re.compile(r"\bне менее\b", re.I), "(at least)"),
]


def check_schema(d: GoldDocument, *, min_words: int, max_words: int) -> None:
    """Keys, text length, name normalisation, persons' shape; negatives carry no facts."""
    gold = d.gold
    assert set(gold) >= KEYS
    assert d.published is not None
    assert min_words <= len(d.text.split()) <= max_words
    assert set(gold["enterprises"]) <= set(gold["organizations"])
    for field in ("organizations", "regions"):
        assert len(set(gold[field])) == len(gold[field]), f"duplicate in {field}"
    for name in gold["organizations"]:
        assert not LEGAL_FORM.search(name), name
        assert not UNNORMALISED.search(name), name
    for region in gold["regions"]:
        assert region in REGION_NAMES, region
    for person in gold["persons"]:
        assert set(person) == {"name", "role"}
        assert len(person["name"].split()) == 2, person  # "Имя Фамилия", no patronymic
    if not gold["relevant"]:
        assert gold["relations"] == [] and gold["figures"] == []


def check_relations(d: GoldDocument) -> None:
    """Typed relations between listed names, with evidence copied from the text."""
    endpoints = set(d.gold["organizations"]) | set(d.gold["regions"])
    for rel in d.gold["relations"]:
        assert rel["type"] in RELATION_TYPES
        assert rel["from"] in endpoints, rel["from"]
        assert rel["to"] in endpoints, rel["to"]
        assert rel["from"] != rel["to"]
        assert rel["object"].strip()
        assert rel["evidence"] in d.text, rel["evidence"]


def check_figures(d: GoldDocument) -> None:
    """Evidence in the text, allowed units and periods, qualifiers marked in `what`."""
    for fig in d.gold["figures"]:
        assert fig["evidence"] in d.text, fig["evidence"]
        assert fig["unit"] in UNITS
        assert isinstance(fig["value"], int | float) and not isinstance(fig["value"], bool)
        assert PERIOD.match(fig["period"]), fig["period"]
        for pattern, marker in QUALIFIERS:
            has_word = bool(pattern.search(fig["evidence"]))
            assert has_word == (marker in fig["what"]), (fig["what"], fig["evidence"])


def check_persons(d: GoldDocument) -> None:
    """Each person's surname occurs in the text (allowing case endings)."""
    for person in d.gold["persons"]:
        for part in person["name"].split()[1].split("-"):
            stem = part[: max(3, len(part) - 2)]  # case endings: Крутой / Крутого
            assert stem in d.text, person["name"]


def check_unique_relations(d: GoldDocument) -> None:
    """ANNOTATION.md: one relation per distinct (type, from, to)."""
    keys = [(r["type"], r["from"], r["to"]) for r in d.gold["relations"]]
    assert len(keys) == len(set(keys)), d.stem
