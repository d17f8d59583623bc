from __future__ import annotations

from pathlib import Path

import pytest

from soyuzprom.localization.loader import load_rulebook
from soyuzprom.localization.model import Rulebook
from soyuzprom.localization.product import ProductConfig
from soyuzprom.localization.product_loader import load_product

FIXTURES = Path(__file__).parent / "fixtures"
RULEBOOK = FIXTURES / "fixture_apron_bus_rulebook.yaml"
PRODUCT = FIXTURES / "apron_bus_smolensk.yaml"


@pytest.fixture
def rulebook() -> Rulebook:
    return load_rulebook(RULEBOOK)


@pytest.fixture
def bus() -> ProductConfig:
    return load_product(PRODUCT)
