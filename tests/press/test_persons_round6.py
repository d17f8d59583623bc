"""Russian sentences (written for these tests) -> persons, round 6: first names the
dictionary does not know (Buryat, Tuvan, Kabardian, English) keep their written order, and a
woman addressed by first name and patronymic is the person named in full before, while a
Belarusian surname in "-ович" stays a surname."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor

UNKNOWN_FIRST_NAMES = [
    ("Об этом сообщил министр промышленности Республики Бурятия Аюр Бадмаев.",
     "Аюр Бадмаев"),
    ("Председатель Правительства Кабардино-Балкарской Республики Залим Кумыков провёл "
     "видеоконференцию с Гродненским облисполкомом.", "Залим Кумыков"),
    ("Теперь сервис рядом, — рассказал директор компании «Тывауголь» Аяс Монгуш.",
     "Аяс Монгуш"),
]


@pytest.mark.parametrize(("text", "name"), UNKNOWN_FIRST_NAMES,
                         ids=[n for _, n in UNKNOWN_FIRST_NAMES])
def test_unknown_first_name_keeps_its_order(extractor: Extractor, text: str,
                                            name: str) -> None:
    names = [p.name for p in extractor.extract(text).persons]
    assert names == [name]


def test_addressed_by_first_name_and_patronymic(extractor: Extractor) -> None:
    names = [p.name for p in extractor.extract(
        "Директор Вологодского льнокомбината Елена Смирнова рассказала о планах. — Елена "
        "Викторовна, с какими результатами комбинат завершил год?").persons]
    assert names == ["Елена Смирнова"]


def test_belarusian_surname_in_ovich_is_kept(extractor: Extractor) -> None:
    names = [p.name for p in extractor.extract(
        "Переговоры провёл председатель Витебского облисполкома Сергей Левкович.").persons]
    assert names == ["Сергей Левкович"]
