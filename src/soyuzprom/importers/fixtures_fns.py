"""Generated FNS files in the real structures, for tests and the benchmark.

Everything here is invented by the project: identifiers are built from counters with correct
check digits, names are synthetic. The structure (element and attribute names, order,
encodings, one-line UTF-8 for the SME registry, windows-1251 with a space-padded ``КолДок``
for ЕГРЮЛ) follows the real files described in ``../shared/data/samples/README.md``.

Example:
    >>> write_rsmp_zip(Path("/tmp/sme.zip"), 10_000)                 # doctest: +SKIP
    10000
"""

from __future__ import annotations

import random
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from soyuzprom.importers import classifiers
from soyuzprom.importers._checks import inn_check_digits, ogrn_check_digit
from soyuzprom.registry.reference import read_classifier

REGIONS = ("67", "50", "77", "32", "40", "69", "66", "54", "94", "99")
OKVED = (
    ("25.62", "Обработка металлических изделий механическая"),
    ("28.29", "Производство прочих машин и оборудования общего назначения"),
    ("29.32", "Производство прочих комплектующих и принадлежностей для автотранспортных средств"),
    ("46.69", "Торговля оптовая прочими машинами и оборудованием"),
    ("47.11", "Торговля розничная преимущественно пищевыми продуктами"),
    ("49.41", "Деятельность автомобильного грузового транспорта"),
    ("16.23", "Производство прочих деревянных строительных конструкций"),
    ("10.51", "Производство молока (кроме сырого) и молочной продукции"),
)


def legal_inn(region: str, number: int) -> str:
    """A valid 10-digit INN: region code, a 7-digit counter, the check digit."""
    body = f"{region}{number % 10_000_000:07d}"
    return body + inn_check_digits(body)


def person_inn(region: str, number: int) -> str:
    """A valid 12-digit INN of a person."""
    body = f"{region}{number % 100_000_000:08d}"
    return body + inn_check_digits(body)


def legal_ogrn(region: str, number: int) -> str:
    """A valid 13-digit OGRN registered in 2019 in ``region``."""
    body = f"119{region}{number % 10_000_000:07d}"
    return body + ogrn_check_digit(body)


def ogrnip(region: str, number: int) -> str:
    """A valid 15-digit OGRNIP."""
    body = f"319{region}{number % 1_000_000_000:09d}"
    return body + ogrn_check_digit(body)


# --- SME registry (РЕЕСТРМСП) ---------------------------------------------------------------


# The shapes of generated SME documents: "light" (0..4 additional OKVED codes from a short
# list, every optional part on a fixed rhythm: the tests' shape) and "dump", whose
# additional OKVED codes follow the real dump (see _dump_okved).
SHAPES = ("light", "dump")


@cache
def _okved_titles() -> tuple[tuple[str, str], ...]:
    """Every OKVED2 code of group level or deeper (``43.29``, ``43.29.1``) with its title,
    from the project's classifier file."""
    return tuple((entry.code, escape(entry.name, {'"': "&quot;"}))
                 for entry in read_classifier("okved2") if len(entry.code) >= 5)


@cache
def _dump_okved_counts() -> dict[bool, tuple[int, ...]]:
    """Per kind (legal entity or not), the number of additional OKVED codes of each
    document of the real dump sample, in a fixed shuffled order.

    ``data/importers/rsmp_okved_counts.csv`` holds the histogram measured on
    ``data-test-sme-1.zip`` (2,700 documents of a monthly dump: a legal entity has 17.5
    additional codes on average, a sole trader 7.3, with long tails): these lists make
    the bulk of a real document, and of the time spent on it.
    """
    counts: dict[bool, list[int]] = {True: [], False: []}
    for row in classifiers.data_rows("rsmp_okved_counts.csv"):
        counts[row["kind"] == "legal"].extend(
            [int(row["additional_okved"])] * int(row["documents"]))
    return {legal: tuple(random.Random(7).sample(values, len(values)))
            for legal, values in counts.items()}


def _okved_list(i: int, legal: bool, shape: str) -> list[tuple[str, str]]:
    """The OKVED codes (main first) of generated document ``i`` in ``shape``."""
    if shape == "light":
        return [OKVED[(i + k) % len(OKVED)] for k in range(1 + i % 5)]
    titles = _okved_titles()
    counts = _dump_okved_counts()[legal]
    extra = min(counts[(i // 4 if legal else i) % len(counts)], len(titles) - 1)
    first = (i * 37) % len(titles)
    return [titles[(first + k) % len(titles)] for k in range(1 + extra)]


def rsmp_document(i: int, version: str = "4.04", shape: str = "light") -> str:
    """The ``Документ`` element of generated record ``i`` (one line, like the real dump).

    One record in four is a legal entity; the others are sole traders. Optional parts
    appear on a fixed rhythm so every one is exercised: ``НаимОргСокр`` (mostly),
    ``Отчество`` (mostly), ``Район``/``Город``/``НаселПункт``, ``СвЛиценз`` (1 in 17),
    ``СвПрод`` (1 in 11), ``СвПрогПарт``/``СвКонтр``/``СвДог`` (1 in 29, 31, 37). The
    OKVED list is 1..5 codes of a short list in the "light" shape, and as long as in the
    real dump in the "dump" shape (real codes and titles; see :data:`SHAPES`).
    """
    region = REGIONS[i % len(REGIONS)]
    legal = i % 4 == 0
    social = ' СведСоцПред="2"' if version >= "4.04" else ""
    parts = [
        f'<Документ ИдДок="{uuid.UUID(int=i + 1)}" ДатаСост="10.05.2023" '
        f'ДатаВклМСП="10.{1 + i % 12:02d}.2020" ВидСубМСП="{1 if legal else 2}" '
        f'КатСубМСП="{1 + i % 3}" ПризНовМСП="{1 + i % 2}"{social}>'
    ]
    if legal:
        name = f"ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ &quot;ПРОМТЕХ-{i}&quot;"
        short = f' НаимОргСокр="ООО &quot;ПРОМТЕХ-{i}&quot;"' if i % 10 else ""
        parts.append(f'<ОргВклМСП НаимОрг="{name}"{short} ИННЮЛ="{legal_inn(region, i)}"/>')
    else:
        ogrn = f' ОГРНИП="{ogrnip(region, i)}"' if version >= "4.04" else ""
        middle = f' Отчество="ОТЧЕСТВО{i % 97}"' if i % 13 else ""
        parts.append(
            f'<ИПВклМСП ИННФЛ="{person_inn(region, i)}"{ogrn}>'
            f'<ФИОИП Фамилия="ФАМИЛИЯ{i % 1009}" Имя="ИМЯ{i % 89}"{middle}/></ИПВклМСП>'
        )
    parts.append(f'<СведМН КодРегион="{region}"><Регион Тип="ОБЛАСТЬ" Наим="РЕГИОН{region}"/>')
    if i % 3:
        parts.append(f'<Район Тип="РАЙОН" Наим="РАЙОН{i % 41}"/>')
    if i % 2:
        parts.append(f'<Город Тип="ГОРОД" Наим="ГОРОД{i % 53}"/>')
    if i % 5 == 1:
        parts.append(f'<НаселПункт Тип="ДЕРЕВНЯ" Наим="ДЕРЕВНЯ{i % 71}"/>')
    parts.append("</СведМН><СвОКВЭД>")
    for k, (code, title) in enumerate(_okved_list(i, legal, shape)):
        tag = "СвОКВЭДОсн" if k == 0 else "СвОКВЭДДоп"
        parts.append(f'<{tag} КодОКВЭД="{code}" НаимОКВЭД="{title}" ВерсОКВЭД="2014"/>')
    parts.append("</СвОКВЭД>")
    if i % 17 == 3:
        parts.append(
            f'<СвЛиценз НомЛиценз="Л{i:08d}" ДатаЛиценз="15.10.2018" ДатаНачЛиценз="15.10.2018">'
            "<НаимЛицВД>Деятельность по сбору и транспортированию отходов</НаимЛицВД>"
            f"<СведАдрЛицВД>214000, г. Смоленск, ул. Заводская, д. {i % 90}</СведАдрЛицВД>"
            "</СвЛиценз>"
        )
    if i % 11 == 5:
        parts.append(
            '<СвПрод КодПрод="25.62" НаимПрод="Услуги по механической обработке '
            'металлических изделий" ПрОтнПрод="2"/>'
        )
    partner = f'ИННЮЛ_ПП="{legal_inn("77", 7_000_000 + i % 1000)}"'
    if i % 29 == 7:
        parts.append(f'<СвПрогПарт НаимЮЛ_ПП="ПАО &quot;ЗАКАЗЧИК&quot;" {partner} '
                     f'НомДог="ПП-{i}" ДатаДог="01.03.2021"/>')
    if i % 31 == 9:
        parts.append(f'<СвКонтр НаимЮЛ_ЗК="ГКУ &quot;ЗАКАЗЧИК&quot;" '
                     f'ИННЮЛ_ЗК="{legal_inn("67", 5_000_000 + i % 1000)}" '
                     f'ПредмКонтр="Поставка оборудования" НомКонтрРеестр="1{i:018d}" '
                     f'ДатаКонтр="12.04.2022"/>')
    if i % 37 == 11:
        parts.append(f'<СвДог НаимЮЛ_ЗД="АО &quot;ЗАКАЗЧИК&quot;" '
                     f'ИННЮЛ_ЗД="{legal_inn("50", 6_000_000 + i % 1000)}" '
                     f'ПредмДог="Ремонт оборудования" НомДогРеестр="3{i:010d}" '
                     f'ДатаДог="20.06.2022"/>')
    parts.append("</Документ>")
    return "".join(parts)


def rsmp_xml(
    documents: Iterable[str], count: int, file_id: str, version: str = "4.04"
) -> Iterator[str]:
    """The pieces of one SME registry XML file (one line, like the real dump)."""
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<Файл ИдФайл="{file_id}" ВерсФорм="{version}" ТипИнф="РЕЕСТРМСП" КолДок="{count}">'
        '<ИдОтпр><ФИООтв Фамилия="-" Имя="-"/></ИдОтпр>'
    )
    yield from documents
    yield "</Файл>"


def write_rsmp_zip(
    path: Path, records: int, *, per_file: int = 900, start: int = 0, version: str = "4.04",
    compresslevel: int = 1, shape: str = "light",
) -> int:
    """Write a zip of SME registry XML files holding ``records`` documents; return the count.

    Streams straight into the archive (memory does not depend on ``records``). Members are
    named like the real ones: ``VO_RRMSPSV_0000_9965_20230511_<uuid>.xml``.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        for first in range(start, start + records, per_file):
            count = min(per_file, start + records - first)
            file_id = f"VO_RRMSPSV_0000_9965_20230511_{uuid.UUID(int=first + 7)}"
            with zf.open(f"{file_id}.xml", "w", force_zip64=True) as member:
                buffer: list[str] = []
                docs = (rsmp_document(i, version, shape) for i in range(first, first + count))
                for piece in rsmp_xml(docs, count, file_id, version):
                    buffer.append(piece)
                    if len(buffer) >= 256:
                        member.write("".join(buffer).encode("utf-8"))
                        buffer.clear()
                member.write("".join(buffer).encode("utf-8"))
    return records


def write_broken_copy(source: Path, target: Path, member: int, cut: int = 300) -> str:
    """Copy the zip ``source`` to ``target`` (which may be ``source``) with its ``member``-th
    file cut short by ``cut`` bytes: truncated XML, for the bad-input tests. Returns that
    member's name."""
    with zipfile.ZipFile(source) as archive:
        members = [(i.filename, archive.read(i)) for i in archive.infolist()]
    with zipfile.ZipFile(target, "w") as archive:
        for index, (name, data) in enumerate(members):
            archive.writestr(name, data[:-cut] if index == member else data)
    return members[member][0]


# --- ЕГРЮЛ ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FakeFounder:
    """A founder to put into a generated ЕГРЮЛ record.

    ``kind``: ``person`` / ``foreign_legal`` / ``ru_legal``; ``oksm`` the country ("112"
    Belarus); ``share``: ``("percent", "50")``, ``("fraction", "1/3")`` or ``("nominal",
    "")`` (no РазмерДоли: the share follows from НоминСтоим and СумКап).
    """

    kind: str
    name: str
    oksm: str = "643"
    share: tuple[str, str] = ("percent", "100")
    nominal: int = 10000
    number: int = 0


@dataclass(frozen=True)
class FakeCompany:
    """A legal entity for a generated ЕГРЮЛ file."""

    number: int
    region: str = "67"
    name: str = ""
    capital: int | None = 10000
    founders: tuple[FakeFounder, ...] = ()
    okved: tuple[str, ...] = ("25.62", "46.69")
    status: str = "active"  # active | winding_up | terminated
    fias_address: bool = True
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def ogrn(self) -> str:
        return legal_ogrn(self.region, self.number)

    @property
    def inn(self) -> str:
        return legal_inn(self.region, self.number)


def _grn(date: str = "2019-03-14") -> str:
    return f'<ГРНДата ГРН="2196733000001" ДатаЗаписи="{date}"/>'


def _share(founder: FakeFounder) -> str:
    kind, value = founder.share
    if kind == "percent":
        size = f"<РазмерДоли><Процент>{value}</Процент></РазмерДоли>"
    elif kind == "fraction":
        num, den = value.split("/")
        size = f'<РазмерДоли><ДробПрост Числит="{num}" Знаменат="{den}"/></РазмерДоли>'
    elif kind == "decimal":
        size = f"<РазмерДоли><ДесятичДробь>{value}</ДесятичДробь></РазмерДоли>"
    else:
        size = ""
    return f'<ДоляУстКап НоминСтоим="{founder.nominal}">{size}{_grn()}</ДоляУстКап>'


def _founder_xml(company: FakeCompany, founder: FakeFounder) -> str:
    if founder.kind == "person":
        citizen = (
            '<СвГраждФЛ КодГражд="1">' + _grn() + "</СвГраждФЛ>"
            if founder.oksm == "643"
            else f'<СвГраждФЛ КодГражд="2" ОКСМ="{founder.oksm}" НаимСтран="СТРАНА{founder.oksm}">'
            + _grn() + "</СвГраждФЛ>"
        )
        last, first = [*founder.name.split(), "Имя"][:2]
        return (
            "\n    <УчрФЛ>" + '<ГРНДатаПерв ГРН="2196733000001" ДатаЗаписи="2019-03-14"/>'
            f'<СвФЛ Фамилия={quoteattr(last)} Имя={quoteattr(first)} '
            f'ИННФЛ="{person_inn("67", 40_000_000 + founder.number)}">{_grn()}</СвФЛ>'
            f"{citizen}{_share(founder)}</УчрФЛ>"
        )
    if founder.kind == "foreign_legal":
        return (
            f"\n    <УчрЮЛИн><НаимИННЮЛ НаимЮЛПолн={quoteattr(founder.name)}>{_grn()}</НаимИННЮЛ>"
            f'<СвРегИн ОКСМ="{founder.oksm}" НаимСтран="СТРАНА{founder.oksm}" '
            f'РегНомер="{100000 + founder.number}">{_grn()}</СвРегИн>{_share(founder)}</УчрЮЛИн>'
        )
    region = company.region
    return (
        f'\n    <УчрЮЛРос><НаимИННЮЛ ОГРН="{legal_ogrn(region, 8_000_000 + founder.number)}" '
        f'ИНН="{legal_inn(region, 8_000_000 + founder.number)}" '
        f"НаимЮЛПолн={quoteattr(founder.name)}>{_grn()}</НаимИННЮЛ>{_share(founder)}</УчрЮЛРос>"
    )


def egrul_document(company: FakeCompany) -> str:
    """One ``Документ`` with ``СвЮЛ`` (pretty-printed, LF, as in the real extracts)."""
    name = company.name or f'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "СОЮЗ-{company.number}"'
    region = company.region
    address = (
        f'\n  <СвАдресЮЛ><СвАдрЮЛФИАС ИдНом="{uuid.UUID(int=company.number)}" Индекс="214000">'
        f"<Регион>{region}</Регион><НаимРегион>РЕГИОН {region}</НаимРегион>"
        '<МуниципРайон ВидКод="2" Наим="СМОЛЕНСКИЙ"/><НаселенПункт Вид="Г" Наим="СМОЛЕНСК"/>'
        '<ЭлУлДорСети Тип="УЛ" Наим="ЗАВОДСКАЯ"/><Здание Тип="Д." Номер="5"/>'
        f"{_grn()}</СвАдрЮЛФИАС>"
        if company.fias_address
        else f'\n  <СвАдресЮЛ><АдресРФ Индекс="214000" КодРегион="{region}" Дом="Д. 5">'
        f'<Регион ТипРегион="ОБЛ" НаимРегион="РЕГИОН {region}"/>'
        f'<Город ТипГород="Г" НаимГород="СМОЛЕНСК"/><Улица ТипУлица="УЛ" НаимУлица="ЗАВОДСКАЯ"/>'
        f"{_grn()}</АдресРФ>"
    ) + "</СвАдресЮЛ>"
    status = ""
    if company.status == "winding_up":
        status = ('\n  <СвСтатус><СвСтатус КодСтатусЮЛ="101" НаимСтатусЮЛ="Находится в стадии '
                  f'ликвидации"/>{_grn()}</СвСтатус>')
    elif company.status == "terminated":
        status = ('\n  <СвПрекрЮЛ ДатаПрекрЮЛ="2025-10-30"><СпПрекрЮЛ КодСпПрекрЮЛ="415" '
                  f'НаимСпПрекрЮЛ="Исключение из ЕГРЮЛ&#xD;&#xA;недействующего ЮЛ"/>{_grn()}'
                  "</СвПрекрЮЛ>")
    capital = (
        f'\n  <СвУстКап НаимВидКап="УСТАВНЫЙ КАПИТАЛ" СумКап="{company.capital}">'
        f"{_grn()}</СвУстКап>"
        if company.capital is not None else ""
    )
    founders = "".join(_founder_xml(company, f) for f in company.founders)
    okved = "".join(
        f'<{"СвОКВЭДОсн" if k == 0 else "СвОКВЭДДоп"} КодОКВЭД="{code}" '
        f'НаимОКВЭД="Вид деятельности {code}" ПрВерсОКВЭД="2014">{_grn()}'
        f'</{"СвОКВЭДОсн" if k == 0 else "СвОКВЭДДоп"}>'
        for k, code in enumerate(company.okved)
    )
    short = name.replace("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ", "ООО")
    return (
        f'<Документ ИдДок="{uuid.UUID(int=10**6 + company.number)}">'
        f'<СвЮЛ ДатаВып="2025-11-25" ОГРН="{company.ogrn}" ДатаОГРН="2019-03-14" '
        f'ИНН="{company.inn}" КПП="{region}0101001" СпрОПФ="ОКОПФ" КодОПФ="12300" '
        'ПолнНаимОПФ="Общества с ограниченной ответственностью">'
        f"\n  <СвНаимЮЛ НаимЮЛПолн={quoteattr(name)}>{_grn()}"
        f"<СвНаимЮЛСокр НаимСокр={quoteattr(short)}>{_grn()}</СвНаимЮЛСокр></СвНаимЮЛ>"
        f"{address}{status}{capital}"
        + (f"\n  <СвУчредит>{founders}\n  </СвУчредит>" if company.founders else "")
        + (f"\n  <СвОКВЭД>{okved}</СвОКВЭД>" if company.okved else "")
        + "\n</СвЮЛ></Документ>\n"
    )


def write_egrul_xml(path: Path, companies: Iterable[FakeCompany], version: str = "4.07") -> int:
    """Write an ЕГРЮЛ extract (windows-1251, ``КолДок`` space-padded); return the count."""
    items = list(companies)
    file_id = path.stem
    head = (
        '<?xml version="1.0" encoding="windows-1251"?>\n'
        f'<Файл ИдФайл="{file_id}" ВерсФорм="{version}" ТипИнф="ЕГРЮЛ_ОТКР_СВЕД" '
        f'ВерсПрог="1.0.0.2" КолДок="{len(items):>10}">\n'
        '  <ИдОтпр ДолжОтв="Специалист"><ФИООтв Фамилия="Фамилия1" Имя="Имя1" /></ИдОтпр>\n'
    )
    with path.open("wb") as out:
        out.write(head.encode("cp1251"))
        for company in items:
            out.write(egrul_document(company).encode("cp1251"))
        out.write("</Файл>".encode("cp1251"))
    return len(items)


def belarus_sample() -> list[FakeCompany]:
    """A small, varied ЕГРЮЛ population with known Belarusian capital.

    Smolensk (67): #1 (a Belarusian citizen, 100 %), #2 (a Belarusian company, 1/3 by
    fraction, and a Russian company), #3 (Russian founders only), #4 (Belarusian citizen,
    share by nominal value over capital, terminated). Moscow region (50): #5 (a Belarusian
    company, 50 %). Bryansk (32): #6 (a German company).
    """
    return [
        FakeCompany(1, "67", founders=(FakeFounder("person", "Иванович Пётр", "112",
                                                   ("percent", "100"), 10000, 1),)),
        FakeCompany(2, "67", capital=12000, founders=(
            FakeFounder("foreign_legal", 'ОАО "МИНСКИЙ ЗАВОД"', "112", ("fraction", "1/3"),
                        4000, 2),
            FakeFounder("ru_legal", 'ООО "СМОЛПРОМ"', "643", ("fraction", "2/3"), 8000, 3),
        )),
        FakeCompany(3, "67", founders=(FakeFounder("person", "Петров Иван", "643",
                                                   ("decimal", "0.5"), 5000, 4),
                                       FakeFounder("person", "Сидоров Олег", "643",
                                                   ("percent", "50"), 5000, 5))),
        FakeCompany(4, "67", capital=20000, status="terminated", fias_address=False,
                    founders=(FakeFounder("person", "Ковалёв Андрей", "112", ("nominal", ""),
                                          5000, 6),)),
        FakeCompany(5, "50", founders=(FakeFounder("foreign_legal", 'ЗАО "ГОМЕЛЬМАШ"', "112",
                                                   ("percent", "50"), 5000, 7),)),
        FakeCompany(6, "32", status="winding_up", founders=(
            FakeFounder("foreign_legal", "MASCHINENBAU GMBH", "276", ("percent", "100"),
                        10000, 8),)),
    ]
