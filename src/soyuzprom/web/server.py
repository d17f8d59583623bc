"""Serving the app with uvicorn, tolerant of raw UTF-8 in request targets.

People type ``curl 'http://127.0.0.1:8000/api/v1/organizations?q=Вяземский'``; curl sends the
Cyrillic as raw UTF-8 bytes, which RFC 9112 does not allow and h11 (uvicorn's parser) rejects
with 400 before the app sees anything. Browsers and HTTP libraries percent-encode, so only
hand-typed requests are affected, but those are exactly the first ones a user makes. We widen
h11's request-target patterns to admit bytes 0x80-0xFF and percent-encode such bytes in the
parsed request event, so uvicorn and the app always see a standard, encoded target.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import h11
import h11._events
import h11._readers
from uvicorn.protocols.http.h11_impl import H11Protocol

from soyuzprom.settings import get_settings

_LENIENT_LINE = re.compile(
    rb"(?P<method>[-!#$%&'*+.^_`|~0-9a-zA-Z]+) (?P<target>[\x21-\x7e\x80-\xff]+) "
    rb"HTTP/(?P<http_version>[0-9]\.[0-9])"
)
_LENIENT_TARGET = re.compile(rb"[\x21-\x7e\x80-\xff]+")
# Everything that may stand in a URL as it is; other bytes are percent-encoded.
_SAFE = "/?&=+%:;,@!$'()*~#[]"


def encode_target(target: bytes) -> bytes:
    """Percent-encode the non-ASCII bytes of a request target; ASCII stays as it is.

    >>> encode_target("/x?q=Вязьма".encode())
    b'/x?q=%D0%92%D1%8F%D0%B7%D1%8C%D0%BC%D0%B0'
    """
    if all(b < 0x80 for b in target):
        return target
    return quote(target, safe=_SAFE).encode("ascii")


class Utf8TargetH11Protocol(H11Protocol):
    """uvicorn's h11 protocol whose request events carry percent-encoded targets."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        read = self.conn.next_event

        def next_event() -> Any:
            event = read()
            if isinstance(event, h11.Request) and any(b > 0x7F for b in event.target):
                event = h11.Request(
                    method=event.method,
                    target=encode_target(event.target),
                    headers=event.headers,
                    http_version=event.http_version,
                )
            return event

        self.conn.next_event = next_event  # type: ignore[method-assign]


def allow_utf8_targets() -> None:
    """Let h11 parse request lines whose target holds raw non-ASCII bytes (idempotent)."""
    h11._readers.request_line_re = _LENIENT_LINE
    h11._events.request_target_re = _LENIENT_TARGET


def serve(host: str | None = None, port: int | None = None) -> None:
    """Run the application on ``host:port`` (settings by default) until interrupted."""
    import uvicorn

    from soyuzprom.web.app import create_app

    settings = get_settings()
    allow_utf8_targets()
    uvicorn.run(
        create_app(),
        host=host or settings.host,
        port=port or settings.port,
        http=Utf8TargetH11Protocol,
    )
