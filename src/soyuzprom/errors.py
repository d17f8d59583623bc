"""Typed domain errors, mapped to HTTP statuses and CLI exit codes in one place.

Every error carries a machine-readable ``code``, a human message (Russian, shown to users),
an optional ``field`` it is about and free-form ``details``. The web layer turns any of them
into the one JSON error shape::

    {"error": {"code": "conflict", "message": "...", "field": "inn", "details": {...}}}

and the CLI exits with :attr:`SoyuzpromError.exit_code`.

Example:
    >>> raise ConflictError("Организация с таким ИНН уже есть", field="inn")
"""

from __future__ import annotations

from typing import Any


class SoyuzpromError(Exception):
    """Base of every expected failure; anything else is a bug (HTTP 500)."""

    code = "error"
    http_status = 400
    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.details: dict[str, Any] = dict(details or {})

    def to_dict(self) -> dict[str, Any]:
        """The error as the body of the JSON error shape."""
        return {
            "code": self.code,
            "message": self.message,
            "field": self.field,
            "details": self.details,
        }


class DomainValidationError(SoyuzpromError):
    """Input breaks a domain rule (bad check digit, unknown code...)."""

    code = "validation_error"
    http_status = 422
    exit_code = 2


class NotFoundError(SoyuzpromError):
    """The addressed record does not exist."""

    code = "not_found"
    http_status = 404
    exit_code = 3


class ConflictError(SoyuzpromError):
    """The change collides with existing data (a duplicate INN...)."""

    code = "conflict"
    http_status = 409
    exit_code = 4


class StaleVersionError(ConflictError):
    """Optimistic concurrency: the record changed since the client read it."""

    code = "stale_version"


class InputFormatError(SoyuzpromError):
    """A file or feed is malformed; names the place (file, line, element, field).

    Example:
        >>> InputFormatError("нет ИНН", file="a.xml", line=12, element="ОргВклМСП", field="ИННЮЛ")
    """

    code = "input_format_error"
    http_status = 422
    exit_code = 5

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        details: dict[str, Any] | None = None,
        file: str | None = None,
        line: int | None = None,
        element: str | None = None,
    ) -> None:
        super().__init__(message, field=field, details=details)
        self.file = file
        self.line = line
        self.element = element
        for key, value in (("file", file), ("line", line), ("element", element)):
            if value is not None:
                self.details.setdefault(key, value)

    def __str__(self) -> str:
        where = ", ".join(
            f"{label} {value}"
            for label, value in (
                ("файл", self.file),
                ("строка", self.line),
                ("элемент", self.element),
                ("поле", self.field),
            )
            if value is not None
        )
        return f"{self.message} ({where})" if where else self.message


class ExternalServiceError(SoyuzpromError):
    """A service outside the process (a feed URL, the database server) failed."""

    code = "external_service_error"
    http_status = 502
    exit_code = 6
