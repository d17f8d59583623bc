"""The Russian labels file covers every stored vocabulary; navigation merges area files."""

from __future__ import annotations

from pathlib import Path

import pytest

from soyuzprom.cooperation import models as coop
from soyuzprom.registry import models as registry
from soyuzprom.web import labels as labels_module
from soyuzprom.web.labels import labels, navigation


@pytest.mark.parametrize(
    ("vocabulary", "codes"),
    [
        ("link_types", coop.LINK_TYPES),
        ("link_statuses", coop.LINK_STATUSES),
        ("project_stages", coop.PROJECT_STAGES),
        ("agreement_kinds", coop.AGREEMENT_KINDS),
        ("commitment_statuses", coop.COMMITMENT_STATUSES),
        ("qualifiers", coop.QUALIFIERS),
        ("organization_kinds", registry.ORGANIZATION_KINDS),
    ],
)
def test_every_code_the_database_allows_has_a_label(
    vocabulary: str, codes: tuple[str, ...]
) -> None:
    known = dict(labels().options(vocabulary))
    assert set(codes) <= set(known), f"{vocabulary}: no label for {set(codes) - set(known)}"


def test_link_type_labels_in_russian() -> None:
    book = labels()
    assert [book.label("link_types", c) for c in coop.LINK_TYPES] == [
        "поставка",
        "совместное производство",
        "сервисный центр",
        "совместное предприятие",
        "инвестиционный проект",
    ]
    assert book.label("qualifiers", "approx") == "около"
    assert book.label("qualifiers", "over") == "более"
    assert book.label("link_types", "teleport") == "teleport"
    assert book.label("link_types", None) == ""


def test_navigation_of_the_web_area() -> None:
    items = navigation()
    assert [i.label for i in items][:6] == [
        "Обзор", "Организации", "Связи", "Проекты", "Соглашения и поручения", "Показатели",
    ]
    overview, organizations = items[0], items[1]
    assert overview.is_current("/") and not overview.is_current("/organizations")
    assert organizations.is_current("/organizations/7/edit")
    assert not organizations.is_current("/organizations-archive")


def test_another_area_adds_navigation_by_a_file(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "navigation.yaml").write_text(
        "items:\n  - {label: Обзор, href: /, order: 10, match: /}\n"
        "  - {label: Организации, href: /organizations, order: 20}\n",
        encoding="utf-8",
    )
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "navigation.yaml").write_text(
        "items:\n  - {label: Обзор прессы, href: /press, order: 15}\n", encoding="utf-8"
    )
    (tmp_path / "classifiers").mkdir()  # a data folder without navigation is ignored
    monkeypatch.setattr(labels_module, "_data_dir", lambda: tmp_path)
    navigation.cache_clear()
    try:
        assert [(i.label, i.href) for i in navigation()] == [
            ("Обзор", "/"), ("Обзор прессы", "/press"), ("Организации", "/organizations"),
        ]
        assert navigation()[1].is_current("/press/claims/3")
    finally:
        navigation.cache_clear()
