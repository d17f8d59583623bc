"""Pagination of list pages: page numbers and URLs that keep the current filters.

Example:
    >>> pager = Pager(total=120, page=2, page_size=50, path="/organizations",
    ...               params={"q": "завод", "country": ""})
    >>> pager.pages, pager.url(3)
    (3, '/organizations?q=%D0%B7%D0%B0%D0%B2%D0%BE%D0%B4&page=3')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode


@dataclass(frozen=True)
class Pager:
    total: int
    page: int
    page_size: int
    path: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def first_item(self) -> int:
        return 0 if self.total == 0 else (self.page - 1) * self.page_size + 1

    @property
    def last_item(self) -> int:
        return min(self.total, self.page * self.page_size)

    def url(self, page: int) -> str:
        """The URL of ``page`` with the same non-empty filters."""
        query = {k: v for k, v in self.params.items() if v}
        if page > 1:
            query["page"] = str(page)
        return self.path + ("?" + urlencode(query) if query else "")

    def window(self, radius: int = 2) -> list[int | None]:
        """Page numbers around the current one, ``None`` marking a gap: [1, None, 4, 5, 6]."""
        shown = {1, self.pages} | set(
            range(max(1, self.page - radius), min(self.pages, self.page + radius) + 1)
        )
        out: list[int | None] = []
        for number in sorted(shown):
            if out and out[-1] is not None and number - int(out[-1]) > 1:
                out.append(None)
            out.append(number)
        return out
