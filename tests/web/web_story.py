"""A small cooperation story written by us for the web tests, seeded through the services
(and, for the facts read from a document, under that document's source)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from soyuzprom.cooperation.models import Indicator
from soyuzprom.cooperation.service import agreements, commitments, links, projects
from soyuzprom.core.models import Document
from soyuzprom.core.provenance import write_context
from soyuzprom.core.text import name_key
from soyuzprom.db import session_scope
from soyuzprom.registry.models import ClassifierEntry, Organization, Region
from soyuzprom.registry.reference import read_classifier, read_regions
from soyuzprom.registry.service import organizations, ownerships, persons, products, region_by_code

# Made-up INNs with valid check digits (Smolensk prefix 67); UNPs of the valid form.
INN_VYAZMA = "6722000120"
INN_BUS = "6722000346"
INN_SPARE = "6731000568"
UNP_ORSHA = "600122610"
UNP_MOTO = "100217336"
UNP_MAZ = "100693551"


@dataclass(frozen=True)
class Seeded:
    vyazma: int
    orsha: int
    moto: int
    maz: int
    bus: int
    overdue_commitment: int
    done_commitment: int
    project: int


def seed(engine: Engine) -> Seeded:
    """Write the story into ``engine``'s database; returns the ids tests address."""
    with session_scope(engine) as s:
        doc = Document(
            kind="news",
            title="Смоленщина и Беларусь: итоги года в цифрах",
            publisher="Тестовая областная газета",
            published=date(2025, 10, 21),
            content_hash="web-test-" + "0" * 55,
            text="Текст, написанный для тестов.",
        )
        s.add(doc)
        s.flush()
        smo = region_by_code(s, "RU-SMO").id
        by = region_by_code(s, "BY").id
        ru = region_by_code(s, "RU").id
        # Facts read from the document carry it as their source.
        with write_context(s, kind="document", author="редактор", document_id=doc.id):
            vyazma = Organization(
                name="Вяземский машиностроительный завод", kind="enterprise", country="RU",
                region_id=smo, city="Вязьма", inn=INN_VYAZMA,
                name_key=name_key("Вяземский машиностроительный завод"),
            )
            s.add(vyazma)
            s.add_all([
                Indicator(metric="trade_turnover", subject_region_id=smo, counterpart_region_id=by,
                          period="2024", value=294e9, unit="RUB", qualifier="exact"),
                Indicator(metric="trade_turnover", subject_region_id=ru, counterpart_region_id=by,
                          period="2024", value=50e9, unit="USD", qualifier="over"),
                Indicator(metric="enterprises_with_belarusian_capital", subject_region_id=ru,
                          period="2024", value=5000, unit="count", qualifier="approx"),
            ])
        s.flush()
        orsha = organizations.create(s, {"name": "Оршанский льнокомбинат", "country": "BY",
                                         "region_code": "BY-VI", "unp": UNP_ORSHA,
                                         "aliases": ["Оршанский льнозавод"]}, author="seed")
        moto = organizations.create(s, {"name": "МотоВелоЗавод", "country": "BY",
                                        "region_code": "BY-HM", "unp": UNP_MOTO}, author="seed")
        maz = organizations.create(s, {"name": "Минский автомобильный завод", "country": "BY",
                                       "region_code": "BY-HM", "unp": UNP_MAZ,
                                       "aliases": ["МАЗ"]}, author="seed")
        bus = organizations.create(s, {"name": "Смоленский автобусный сборочный центр",
                                       "country": "RU", "region_code": "RU-SMO",
                                       "inn": INN_BUS}, author="seed")
        for i in range(30):  # enough rows for a second page of the list
            organizations.create(s, {"name": f"Предприятие-участник {i:02d}", "country": "RU",
                                     "region_code": "RU-MOW"}, author="seed")
        ownerships.create(s, {"organization_id": bus.id, "owner_organization_id": maz.id,
                              "owner_country": "112", "share_percent": 51}, author="seed")
        ownerships.create(s, {"organization_id": bus.id, "owner_kind": "other",
                              "owner_name": "Инвестор из Москвы", "owner_country": "643",
                              "share_percent": 49}, author="seed")
        products.create(s, {"name": "Сушильное оборудование для льна", "okpd2": "28.93",
                            "maker_id": vyazma.id}, author="seed")
        persons.create(s, {"full_name": "Иван Петрович Сидоров",
                           "roles": [{"role": "генеральный директор",
                                      "organization_id": vyazma.id}]}, author="seed")
        links.create(s, {"type": "supply", "from_organization_id": vyazma.id,
                         "to_organization_id": orsha.id, "object": "сушилки для льна"},
                     author="seed")
        links.create(s, {"type": "joint_production", "from_organization_id": moto.id,
                         "to_organization_id": vyazma.id, "object": "мотоциклы"}, author="seed")
        links.create(s, {"type": "service_center", "from_organization_id": maz.id,
                         "to_organization_id": bus.id, "object": "сервис автобусов"},
                     author="seed")
        links.create(s, {"type": "supply", "from_organization_id": vyazma.id,
                         "to_region_code": "BY", "object": "прачечное оборудование для гостиниц"},
                     author="seed")
        project = projects.create(s, {"name": "Сборка автобусов в Смоленске",
                                      "host_region_code": "RU-SMO", "stage": "planned",
                                      "amount": 1.5e9, "currency": "RUB", "jobs": 120,
                                      "participants": [{"organization_id": maz.id,
                                                        "role": "технологический партнёр"}]},
                                  author="seed")
        projects.update(s, project.id, {"stage": "construction", "version": project.version,
                                        "stage_note": "начато строительство цеха"},
                        author="seed")
        meeting = agreements.create(s, {"kind": "meeting",
                                        "title": "Встреча на выставке «ИННОПРОМ. Беларусь»",
                                        "date": date(2025, 10, 20), "place": "Минск",
                                        "parties": [{"organization_id": vyazma.id},
                                                    {"organization_id": maz.id}]}, author="seed")
        overdue = commitments.create(s, {"agreement_id": meeting.id,
                                         "text": "Подготовить план поставок сушилок",
                                         "owner_organization_id": vyazma.id,
                                         "due_date": date(2025, 12, 31)}, author="seed")
        done = commitments.create(s, {"agreement_id": meeting.id,
                                      "text": "Открыть сервисный центр в Смоленске",
                                      "owner_organization_id": maz.id,
                                      "due_date": date(2025, 11, 30), "status": "done"},
                                  author="seed")
        commitments.create(s, {"agreement_id": meeting.id,
                               "text": "Согласовать локализацию электробусов",
                               "owner_region_code": "RU-SMO", "due_date": date(2026, 12, 31)},
                           author="seed")
        s.flush()
        return Seeded(vyazma.id, orsha.id, moto.id, maz.id, bus.id, overdue.id, done.id,
                      project.id)




def load_reference(engine: Engine) -> None:
    """Regions and the ОКСМ countries (enough for the story), once per database."""
    with engine.begin() as conn:
        if conn.execute(select(Region.id).limit(1)).first() is not None:
            return
        conn.execute(insert(Region), [asdict(r) for r in read_regions()])
        conn.execute(insert(ClassifierEntry), [asdict(c) for c in read_classifier("oksm")])
