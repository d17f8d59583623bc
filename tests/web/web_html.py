"""Reading rendered pages in tests: the text of elements found by id or XPath."""

from __future__ import annotations

from typing import Any

from lxml import html as lxml_html

from soyuzprom.web.format import plain


def page(response: Any) -> Any:
    """The parsed HTML document of a response."""
    return lxml_html.fromstring(response.text)


def text(node: Any) -> str:
    """The text of an element, pieces of neighbouring elements kept apart by one space,
    whitespace collapsed, no-break spaces as spaces."""
    return " ".join(plain(" ".join(node.itertext())).split())


def by_id(doc: Any, element_id: str) -> str:
    """The text of the element with ``element_id``; fails the test when there is none."""
    found = doc.get_element_by_id(element_id, None)
    assert found is not None, f"no element #{element_id}"
    return text(found)


def all_text(doc: Any, xpath: str) -> list[str]:
    """Texts of every element matching ``xpath``."""
    return [text(node) for node in doc.xpath(xpath)]
