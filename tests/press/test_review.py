"""Review flow end to end with the real extractor on the real databases: texts become
pending claims; accepting writes links, organizations, persons and indicators with
provenance back to the document and sentence; rejected claims are never proposed again."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from soyuzprom.cooperation.models import Agreement, Indicator, Link
from soyuzprom.core.history import provenance_of
from soyuzprom.core.models import Claim, Document
from soyuzprom.db import session_scope
from soyuzprom.errors import ConflictError, DomainValidationError
from soyuzprom.press import service
from soyuzprom.press.claims import propose
from soyuzprom.press.pipeline import Options, ingest_batch, store_claims
from soyuzprom.press.resolution import RegistryIndex
from soyuzprom.registry.models import Organization, Person, Region

from .conftest import FIXTURES, VYAZMA_INN

VYAZMA = FIXTURES / "news" / "vyazma_orsha.txt"
SUPPLY_SENTENCE = ("Вяземский машзавод поставит Оршанскому льнокомбинату две сушильные машины "
                   "до конца лета.")
UNKNOWN_BUYER = ("Смоленский автоагрегатный завод поставит Гомсельмашу 500 комплектов "
                 "гидравлических насосов.\nКонтракт подписан на три года.")


def claims_of(session: Session, **where: Any) -> list[Claim]:
    stmt = select(Claim).order_by(Claim.id)
    for key, value in where.items():
        stmt = stmt.where(getattr(Claim, key) == value)
    return list(session.scalars(stmt))


def ingest_text(engine: Engine, extractor: Any, text: str, url: str | None = None) -> int:
    with session_scope(engine) as session:
        outcome, = service.ingest(session, service.TextInput(text=text, url=url),
                                  extractor=extractor)
        assert outcome.document_id is not None
        return outcome.document_id


def the_claim(session: Session, kind: str, **payload: Any) -> Claim:
    found = [c for c in claims_of(session, kind=kind)
             if all(c.payload.get(k) == v for k, v in payload.items())]
    assert len(found) == 1, [c.payload for c in claims_of(session, kind=kind)]
    return found[0]


def test_accepted_relation_becomes_a_link_with_provenance(
        engine: Engine, registry: dict[str, int], extractor: Any) -> None:
    report = ingest_batch([VYAZMA], extractor=extractor)
    document_id = report.outcomes[0].document_id
    with session_scope(engine) as session:
        claim = the_claim(session, "relation", type="supply")
        assert claim.status == "pending"
        assert claim.payload["from_ref"]["id"] == registry["Вяземский машиностроительный завод"]
        assert claim.payload["to_ref"]["id"] == registry["Оршанский льнокомбинат"]
        assert claim.evidence == SUPPLY_SENTENCE
        doc = session.get(Document, document_id)
        assert doc is not None and doc.text is not None
        assert doc.text[claim.evidence_start:claim.evidence_end] == claim.evidence
        # both plants are known: no organization candidates
        assert claims_of(session, kind="organization") == []
        claim_id = claim.id

    with session_scope(engine) as session:
        accepted = service.accept_claim(session, claim_id, reviewer="petrova")
        assert (accepted.status, accepted.result_type, accepted.reviewed_by) == (
            "accepted", "links", "petrova")
        link = session.get(Link, accepted.result_id)
        assert link is not None
        assert (link.type, link.from_organization_id, link.to_organization_id) == (
            "supply", registry["Вяземский машиностроительный завод"],
            registry["Оршанский льнокомбинат"])
        assert "сушильн" in (link.object or "")
        provenance = provenance_of(session, "links", link.id)["fields"]
        for field in ("type", "from_organization_id", "to_organization_id", "object"):
            assert provenance[field]["evidence"] == SUPPLY_SENTENCE
            source = provenance[field]["source"]
            assert (source["kind"], source["author"]) == ("document", "petrova")
            assert source["document"]["id"] == document_id
            assert source["document"]["title"] == "Вяземский машзавод отправит оборудование в Оршу"

    with session_scope(engine) as session, pytest.raises(ConflictError):
        service.accept_claim(session, claim_id, reviewer="ivanov")


def test_rejected_claim_is_not_proposed_again(engine: Engine, registry: dict[str, int],
                                              extractor: Any) -> None:
    url = "https://smol-vesti.example/news/3001"
    text = VYAZMA.read_text("utf-8")
    document_id = ingest_text(engine, extractor, text, url=url)
    with session_scope(engine) as session:
        rejected = the_claim(session, "relation", type="supply")
        service.reject_claim(session, rejected.id, reviewer="ivanov",
                             reason="поставка ещё не согласована")
        before = len(claims_of(session))

    # the same content again, with re-extraction forced: nothing new
    again = ingest_batch([VYAZMA], extractor=extractor, options=Options(reextract=True))
    assert again.claims == 0
    # the article edited at the same URL: the document is updated, the rejected fact stays
    # out, and pending claims point at their evidence in the new text
    edited = "Срочно.\n" + text + "\nПервую машину отгрузят в июне."
    with session_scope(engine) as session:
        outcome, = service.ingest(session, service.TextInput(text=edited, url=url),
                                  extractor=extractor)
        assert (outcome.status, outcome.document_id) == ("updated", document_id)
    with session_scope(engine) as session:
        supply = [c for c in claims_of(session, kind="relation")
                  if c.payload["type"] == "supply"]
        assert [(c.id, c.status, c.reviewed_by, c.review_note) for c in supply] == [
            (rejected.id, "rejected", "ivanov", "поставка ещё не согласована")]
        assert len(claims_of(session)) == before
        assert session.scalar(select(func.count()).select_from(Document)) == 1
        doc = session.get(Document, document_id)
        assert doc is not None and doc.text is not None
        for claim in claims_of(session, status="pending"):
            assert doc.text[claim.evidence_start:claim.evidence_end] == claim.evidence


def test_unresolved_endpoint_fails_or_accepts_the_candidate(
        engine: Engine, registry: dict[str, int], extractor: Any) -> None:
    ingest_text(engine, extractor, UNKNOWN_BUYER)
    with session_scope(engine) as session:
        candidate = the_claim(session, "organization", name="Гомсельмаш")
        assert candidate.payload["resolution"] == "unknown"
        assert candidate.payload["kind"] == "enterprise"
        relation = the_claim(session, "relation", type="supply")
        assert relation.payload["to_ref"] is None
        ids = candidate.id, relation.id

    with pytest.raises(ConflictError) as err, session_scope(engine) as session:
        service.accept_claim(session, ids[1], reviewer="petrova")
    assert "Гомсельмаш" in err.value.message
    assert err.value.details == {"endpoint": "Гомсельмаш", "candidate_claim_id": ids[0]}
    with session_scope(engine) as session:  # nothing was written
        assert session.scalar(select(Organization).where(Organization.name == "Гомсельмаш")) \
            is None
        assert {c.status for c in claims_of(session)} == {"pending"}

    with session_scope(engine) as session:
        accepted = service.accept_claim(session, ids[1], reviewer="petrova",
                                        accept_candidates=True)
        link = session.get(Link, accepted.result_id)
        became = session.get(Claim, ids[0])
        assert became is not None and became.status == "accepted"
        assert became.reviewed_by == "petrova"
        created = session.get(Organization, became.result_id)
        assert created is not None and created.name == "Гомсельмаш"
        assert link is not None and link.to_organization_id == created.id
        assert link.from_organization_id == registry["Смоленский автоагрегатный завод"]
        source = provenance_of(session, "organizations", created.id)["fields"]["name"]
        assert source["source"]["document"] is not None
        assert "Гомсельмашу" in source["evidence"]


def test_candidate_accepted_with_edits_and_ambiguous_linked_to_existing(
        engine: Engine, registry: dict[str, int], extractor: Any) -> None:
    ingest_text(engine, extractor, UNKNOWN_BUYER)
    with session_scope(engine) as session:
        candidate = the_claim(session, "organization", name="Гомсельмаш")
        accepted = service.accept_claim(
            session, candidate.id, reviewer="petrova",
            payload={"country": "BY", "region_code": "BY-HO", "aliases": ["Гомсельмаш холдинг"]})
        org = session.get(Organization, accepted.result_id)
        assert org is not None
        region = session.get(Region, org.region_id)
        assert (org.country, region.code if region else None) == ("BY", "BY-HO")
        assert [a.alias for a in org.aliases] == ["Гомсельмаш холдинг"]
        assert accepted.payload["country"] == "BY"  # the claim keeps what was accepted
        relation = the_claim(session, "relation", type="supply")
        link = service.accept_claim(session, relation.id, reviewer="petrova")
        assert session.get(Link, link.result_id).to_organization_id == org.id  # type: ignore[union-attr]

    # An ambiguous name (two registry records called Агромаш) is proposed with candidates;
    # the reviewer picks one and the mention becomes its alias.
    text = "Агромаш из Гомеля поставит смоленским хозяйствам 12 картофелеуборочных комбайнов."
    document_id = ingest_text(engine, extractor, text)
    extraction = {"relevant": True, "organizations": ["Агромаш"], "enterprises": ["Агромаш"]}
    with session_scope(engine) as session:
        doc = session.get(Document, document_id)
        assert doc is not None
        proposals, _ = propose(extraction, doc.text or "", RegistryIndex.from_session(session),
                               document_id)
        store_claims(session, doc, proposals)
        ambiguous = the_claim(session, "organization", name="Агромаш")
        assert ambiguous.payload["resolution"] == "ambiguous"
        assert {c["name"] for c in ambiguous.payload["candidates"]} == {"Агромаш"}
        target = session.scalar(select(Organization).where(Organization.name == "Агромаш",
                                                           Organization.country == "BY"))
        assert target is not None
        done = service.accept_claim(session, ambiguous.id, reviewer="petrova",
                                    payload={"organization_id": target.id,
                                             "name": "Агромаш (Гомель)"})
        assert done.result_id == target.id
        assert "Агромаш (Гомель)" in [a.alias for a in target.aliases]


def test_person_figure_and_agreement(engine: Engine, registry: dict[str, int],
                                     extractor: Any) -> None:
    # "в прошлом году" is resolved against the publication date given for undated files
    ingest_batch([VYAZMA], extractor=extractor, options=Options(published=date(2025, 3, 14)))
    with session_scope(engine) as session:
        governor = the_claim(session, "person", name="Василий Анохин")
        assert governor.payload["region_ref"]["name"] == "Смоленская область"
        person = session.get(Person, service.accept_claim(session, governor.id,
                                                          reviewer="petrova").result_id)
        assert person is not None
        assert [(r.role, r.region_id is not None) for r in person.roles] == [
            ("губернатор Смоленской области", True)]

        turnover = the_claim(session, "figure", unit="RUB")
        assert (turnover.payload["qualifier"], turnover.payload["period"]) == ("approx", "2024")
        result = service.accept_claim(session, turnover.id, reviewer="petrova")
        indicator = session.get(Indicator, result.result_id)
        assert indicator is not None
        assert (indicator.value, indicator.unit, indicator.period, indicator.qualifier) == (
            294_000_000_000, "RUB", "2024", "approx")
        subject = session.get(Region, indicator.subject_region_id)
        counterpart = session.get(Region, indicator.counterpart_region_id)
        assert (subject.code, counterpart.code) == ("RU-SMO", "BY")  # type: ignore[union-attr]
        evidence = provenance_of(session, "indicators", indicator.id)["fields"]["value"]
        assert "294 млрд рублей" in evidence["evidence"]

        agreement_claim = the_claim(session, "relation", type="agreement")
        made = service.accept_claim(session, agreement_claim.id, reviewer="petrova")
        agreement = session.get(Agreement, made.result_id)
        assert agreement is not None and made.result_type == "agreements"
        assert {p.organization_id for p in agreement.parties} == {
            registry["Вяземский машиностроительный завод"], registry["Оршанский льнокомбинат"]}


def test_figure_without_subject_needs_an_edit(engine: Engine, registry: dict[str, int],
                                              extractor: Any) -> None:
    ingest_text(engine, extractor, UNKNOWN_BUYER)
    with session_scope(engine) as session:
        count = the_claim(session, "figure", unit="units")
        claim_id = count.id
    with pytest.raises(DomainValidationError) as err, session_scope(engine) as session:
        service.accept_claim(session, claim_id, reviewer="petrova")
    assert err.value.field == "subject_region_code"
    with session_scope(engine) as session:
        done = service.accept_claim(session, claim_id, reviewer="petrova",
                                    payload={"subject_region_code": "RU-SMO"})
        assert session.get(Indicator, done.result_id).value == 500  # type: ignore[union-attr]


def test_identifier_in_text_resolves_an_unfamiliar_name(
        engine: Engine, registry: dict[str, int], extractor: Any) -> None:
    text = (f"Смоленское ООО «Вязьма-Маш» (ИНН {VYAZMA_INN}) поставит белорусскому "
            "Оршанскому льнокомбинату три чесальные машины.")
    document_id = ingest_text(engine, extractor, text)
    with session_scope(engine) as session:
        doc = session.get(Document, document_id)
        assert doc is not None
        by_name = {m["mention"]: m for m in doc.meta["organizations"]}
        assert by_name["Вязьма-Маш"]["method"] == "identifier"
        assert by_name["Вязьма-Маш"]["id"] == registry["Вяземский машиностроительный завод"]
        assert [c.payload["name"] for c in claims_of(session, kind="organization")
                if c.payload["name"] == "Вязьма-Маш"] == []
