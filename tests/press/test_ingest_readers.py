"""Readers without a database: text normalisation, HTML, RSS (windows-1251) and Atom."""

from __future__ import annotations

from datetime import date

import pytest

from soyuzprom.errors import InputFormatError
from soyuzprom.press.ingest.decode import decode_bytes, parse_date
from soyuzprom.press.ingest.feeds import clean_fragment, read_feed
from soyuzprom.press.ingest.html import read_html
from soyuzprom.press.ingest.normalize import content_hash, normalize_text
from soyuzprom.press.ingest.sources import parse_bytes, read_text_document

from .conftest import FIXTURES


@pytest.mark.parametrize(("left", "right"), [
    ("Гомсельмаш поставил комбайны.", "Гомсельмаш  поставил\u00a0комбайны.  "),
    ("Абзац один.\n\nАбзац два.", "Абзац один.\r\n\r\n\r\n\r\nАбзац два."),
    ("Льнокомбинат", "Льно\u00adкомбинат"),
    ("ёлка", "е\u0308лка"),  # decomposed ё (NFD) hashes like the composed one
])
def test_equivalent_texts_hash_alike(left: str, right: str) -> None:
    assert normalize_text(left) == normalize_text(right)
    assert content_hash(left) == content_hash(right)


def test_different_texts_hash_apart() -> None:
    assert content_hash("МАЗ поставит 40 автобусов") != content_hash("МАЗ поставит 45 автобусов")


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-04-02T09:30:00+03:00", date(2025, 4, 2)),
    ("14.03.2025", date(2025, 3, 14)),
    ("вчера", None),
    ("2025-13-40", None),
])
def test_parse_date(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_decode_prefers_declared_then_sniffed_charset() -> None:
    data = '<?xml version="1.0" encoding="windows-1251"?><a>Смоленск</a>'.encode("cp1251")
    assert "Смоленск" in decode_bytes(data)
    assert decode_bytes("Орша".encode("cp1251")) == "Орша"  # not UTF-8: regional default
    assert decode_bytes("Орша".encode()) == "Орша"


def test_html_page_without_boilerplate() -> None:
    doc = read_html((FIXTURES / "page_gomselmash.html").read_bytes(), origin="page")
    assert doc.title == "Гомсельмаш и Брянская область договорились о сборке комбайнов"
    assert doc.publisher == "Деснянский вестник"
    assert doc.published == date(2025, 4, 2)
    assert doc.url == "https://desna-vestnik.example/news/gomselmash-sborka"
    assert "совместном производстве зерноуборочных комбайнов" in doc.text
    assert "около 300 рабочих мест" in doc.text
    for boilerplate in ("Подписывайтесь", "Политика конфиденциальности", "Погода на неделю",
                        "Контакты"):
        assert boilerplate not in doc.text


def test_html_title_and_date_fallbacks() -> None:
    page = ("<html><head><title>Новость дня</title></head><body><h1>Заголовок</h1>"
            "<time datetime='2025-02-11'>11 февраля</time><p>Короткий текст.</p></body></html>")
    doc = read_html(page)
    assert doc.title == "Новость дня"
    assert doc.published == date(2025, 2, 11)
    assert "Короткий текст." in doc.text


def test_html_title_loses_the_site_name() -> None:
    page = ("<html><head><title>МТЗ открыл дилерский центр | Брянские известия</title>"
            "<meta property='og:site_name' content='Брянские известия'></head>"
            "<body><p>Минский тракторный завод открыл дилерский центр в Брянске.</p></body></html>")
    assert read_html(page).title == "МТЗ открыл дилерский центр"


def test_html_without_text_is_an_input_error() -> None:
    with pytest.raises(InputFormatError) as err:
        read_html("<html><body><script>var a=1;</script></body></html>", origin="blank.html")
    assert err.value.file == "blank.html"


def test_rss_in_windows_1251_with_default_namespace_and_yandex_full_text() -> None:
    docs = read_feed((FIXTURES / "lenta_cp1251.xml").read_bytes(), origin="lenta")
    assert len(docs) == 2
    first, second = docs
    assert first.publisher == "Смоленские вести"
    assert first.published == date(2025, 3, 14)
    assert first.url == "https://smol-vesti.example/news/1001"  # no guid: the link identifies
    assert first.meta["guid"] is None
    # yandex:full-text wins over the short description
    assert first.text.startswith("Рославльский вагоноремонтный завод отправит Могилёвскому")
    assert "Смоленском промышленном форуме" in first.text
    # description escaped twice: no tags or entities left, paragraphs kept apart
    assert second.text == ("Смоленская область и Витебская область & их льнозаводы обсудили "
                           "совместные проекты.\n\nВстреча прошла в Демидове.")
    assert second.title == "Смоленские льноводы & белорусские партнёры"


def test_atom_feed() -> None:
    docs = read_feed((FIXTURES / "atom_news.xml").read_bytes(), origin="atom")
    assert [d.url for d in docs] == ["https://vitebsk-vedomosti.example/101",
                                     "https://vitebsk-vedomosti.example/102"]
    assert docs[0].publisher == "Витебские ведомости"
    assert docs[0].published == date(2025, 5, 19)
    assert docs[0].text.startswith("Витебский станкостроительный завод откроет сервисный центр")
    assert "<p>" not in docs[0].text


@pytest.mark.parametrize(("fragment", "expected"), [
    ("&lt;p&gt;Завод &amp;amp; партнёры&lt;/p&gt;", "Завод & партнёры"),
    ("&amp;lt;b&amp;gt;МТЗ&amp;lt;/b&amp;gt;", "МТЗ"),
    ("<p>Уже <b>HTML</b></p>", "Уже HTML"),
    ("Просто текст", "Просто текст"),
])
def test_clean_fragment(fragment: str, expected: str) -> None:
    assert clean_fragment(fragment) == expected


def test_not_a_feed_is_an_input_error() -> None:
    with pytest.raises(InputFormatError):
        read_feed((FIXTURES / "not_a_feed.xml").read_bytes(), origin="not_a_feed.xml")


def test_plain_text_title_and_sniffing() -> None:
    doc = read_text_document((FIXTURES / "news" / "maz_bryansk.txt").read_text("utf-8"))
    assert doc.title == "Автобусы МАЗ выйдут на маршруты Брянска"
    sniffed = parse_bytes((FIXTURES / "atom_news.xml").read_bytes(), origin="x", suffix="")
    assert len(sniffed) == 2
    with pytest.raises(InputFormatError):
        read_text_document("  \n ", origin="empty.txt")
