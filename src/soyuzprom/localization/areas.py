"""Which countries an :class:`~.model.Area` admits (EAEU members come from a data file).

Example::

    >>> sorted(countries(Area.EAEU))[:2], countries(Area.RUSSIA)
    (['AM', 'BY'], frozenset({'RU'}))
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from soyuzprom.localization.model import Area


@cache
def _states() -> dict[str, str]:
    text = resources.files("soyuzprom") / "data" / "localization" / "eaeu_states.yaml"
    data = yaml.safe_load(text.read_text(encoding="utf-8"))
    return {s["alpha2"]: s["name"] for s in data["states"]}


@cache
def countries(area: Area) -> frozenset[str]:
    """ISO alpha-2 codes of the states where an item of ``area`` counts."""
    if area is Area.RUSSIA:
        return frozenset({"RU"})
    return frozenset(_states())


def country_name(code: str) -> str:
    """Russian short name of an EAEU state, or the code itself."""
    return _states().get(code, code)
