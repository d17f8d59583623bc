"""From form fields to service payloads, and typed errors back to fields (pure)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from soyuzprom.errors import ConflictError, DomainValidationError, StaleVersionError
from soyuzprom.registry.schemas import OrganizationCreate, OrganizationUpdate
from soyuzprom.web.deps import int_param
from soyuzprom.web.forms import OrganizationForm, errors_from
from soyuzprom.web.paging import Pager

KNOWN = frozenset({"name", "inn", "country"})


def test_create_payload_drops_blank_optional_fields_and_keeps_a_blank_name() -> None:
    form = OrganizationForm.from_fields(
        {"name": "  ", "country": "BY", "inn": "", "aliases": "МАЗ\n\n  Минский автозавод \n"}
    )
    payload = form.payload()
    assert payload["name"] == ""
    assert "inn" not in payload
    assert payload["aliases"] == ["МАЗ", "Минский автозавод"]
    with pytest.raises(ValidationError) as caught:
        OrganizationCreate.model_validate(payload)
    errors = errors_from(caught.value, KNOWN)
    assert errors.fields == {"name": "Заполните поле"}


def test_update_payload_clears_blank_fields_but_never_kind_or_country() -> None:
    form = OrganizationForm.from_fields(
        {"name": "Завод", "city": "", "kind": "", "country": "", "version": "4"}
    )
    payload = form.payload(for_update=True)
    assert payload["city"] is None
    assert "kind" not in payload and "country" not in payload
    assert payload["version"] == 4
    assert OrganizationUpdate.model_validate(payload).city is None


def test_a_missing_or_garbled_version_is_none() -> None:
    assert OrganizationForm.from_fields({"name": "x", "version": "abc"}).version is None


def test_domain_error_lands_on_its_field() -> None:
    error = DomainValidationError("Неверное контрольное число ИНН", field="inn")
    errors = errors_from(error, KNOWN)
    assert errors.fields == {"inn": "Неверное контрольное число ИНН"}
    assert not errors.general and not errors.stale


def test_error_about_a_field_the_form_lacks_is_general() -> None:
    errors = errors_from(ConflictError("Нарушено ограничение", field="ogrn"), KNOWN)
    assert errors.fields == {} and errors.general == ["Нарушено ограничение"]


def test_stale_version_is_flagged() -> None:
    errors = errors_from(StaleVersionError("изменена другим пользователем", field="version"), KNOWN)
    assert errors.stale and errors.general == ["изменена другим пользователем"]


def test_unexpected_exceptions_are_not_swallowed() -> None:
    with pytest.raises(RuntimeError):
        errors_from(RuntimeError("bug"), KNOWN)


def test_shape_errors_are_translated() -> None:
    with pytest.raises(ValidationError) as caught:
        OrganizationCreate.model_validate({"name": "Завод", "kind": "factory", "lat": "north"})
    errors = errors_from(caught.value)
    assert errors.fields["kind"] == "Выберите значение из списка"
    assert errors.fields["lat"] == "Введите число"


def test_pager_keeps_filters_and_marks_gaps() -> None:
    pager = Pager(total=260, page=6, page_size=25, path="/organizations",
                  params={"q": "завод", "country": "", "kind": "enterprise"})
    assert pager.pages == 11
    assert pager.url(1) == "/organizations?q=%D0%B7%D0%B0%D0%B2%D0%BE%D0%B4&kind=enterprise"
    assert pager.url(7).endswith("&kind=enterprise&page=7")
    assert pager.window() == [1, None, 4, 5, 6, 7, 8, None, 11]
    assert (pager.first_item, pager.last_item) == (126, 150)
    assert Pager(total=0, page=1, page_size=25, path="/x").window() == [1]


@pytest.mark.parametrize(("raw", "expected"), [("3", 3), ("0", 1), ("-2", 1), ("abc", 1),
                                               ("", 1), (None, 1)])
def test_int_param(raw: str | None, expected: int) -> None:
    assert int_param(raw) == expected
