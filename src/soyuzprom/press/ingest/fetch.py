"""The one adapter to the network: fetching a URL with httpx.

Everything that reads a URL goes through a :class:`Fetcher`, so tests serve pages and feeds
from a local HTTP server and nothing else in the code knows about HTTP.

Example:
    >>> page = HttpFetcher().fetch("https://example.org/news.xml")
    >>> page.content[:5]
    b'<?xml'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx

from soyuzprom.errors import ExternalServiceError

USER_AGENT = "soyuzprom/0.1 (+press monitoring)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of a response, its final URL, content type and declared charset."""

    url: str
    content: bytes
    content_type: str = ""
    charset: str | None = None


class Fetcher(Protocol):
    def fetch(self, url: str) -> Fetched: ...


class HttpFetcher:
    """Fetches with one reused httpx client; HTTP and network errors become
    :class:`ExternalServiceError` naming the URL."""

    def __init__(self, timeout: float = 20.0, client: httpx.Client | None = None) -> None:
        self._client = client or httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        )

    def fetch(self, url: str) -> Fetched:
        try:
            response = self._client.get(url)
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            raise ExternalServiceError(
                f"Адрес {url} вернул ошибку HTTP {exc.response.status_code}",
                details={"url": url, "status": exc.response.status_code},
            ) from exc
        except httpx.HTTPError as exc:
            raise ExternalServiceError(
                f"Не удалось загрузить {url}: {exc}", details={"url": url}
            ) from exc
        content_type = response.headers.get("content-type", "")
        # Only a charset the server states counts; httpx's guess would hide the XML prolog.
        charset = response.charset_encoding if "charset" in content_type.lower() else None
        return Fetched(str(response.url), response.content, content_type, charset)

    def close(self) -> None:
        self._client.close()
