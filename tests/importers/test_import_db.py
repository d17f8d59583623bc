"""Importing into a real database (SQLite and PostgreSQL): rows, runs, re-runs, bad files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from soyuzprom.core.models import ImportRun
from soyuzprom.errors import InputFormatError
from soyuzprom.importers.fixtures_fns import (
    belarus_sample,
    legal_inn,
    rsmp_document,
    rsmp_xml,
    write_broken_copy,
    write_egrul_xml,
    write_rsmp_zip,
)
from soyuzprom.importers.fixtures_tables import (
    fts_rows,
    pp719_rows,
    write_fts_csv,
    write_pp719_csv,
    write_pp719_xlsx,
)
from soyuzprom.importers.runner import run_import
from soyuzprom.registry.models import (
    Organization,
    OrganizationActivity,
    Ownership,
    Product,
    ProductRegistryEntry,
    Region,
)


def runs(engine: Engine) -> list[ImportRun]:
    with Session(engine) as session:
        return list(session.scalars(select(ImportRun).order_by(ImportRun.id)))


def test_rsmp_real_sample_and_rerun(engine: Engine, counts: Any, data_dir: Path) -> None:
    path = data_dir / "fns_rsmp" / "data-test-sme-1.zip"
    first = run_import(engine, "fns-rsmp", path)
    assert first.counts["read"] == 2700 and first.counts["inserted"] == 2700
    assert first.counts["units_done"] == 3
    with Session(engine) as session:
        org = session.scalar(select(Organization).where(Organization.inn == "8901037297"))
        assert org is not None
        assert org.name == 'ООО "УРАЛ ПОЛЯРНЫЙ"' and org.sme_category == "micro"
        assert org.full_name == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "УРАЛ ПОЛЯРНЫЙ"'
        assert org.region is not None and org.region.code == "RU-YAN"
        assert org.okved_main == "41.20" and org.source_id is not None
        codes = session.scalars(select(OrganizationActivity.okved)
                                .where(OrganizationActivity.organization_id == org.id)).all()
        assert "41.20" in codes and len(codes) >= 11
        assert session.scalar(select(Product).where(Product.okpd2 == "43.3")) is not None
    before = counts(engine)
    again = run_import(engine, "fns-rsmp", path)
    assert again.counts["unchanged"] == 2700
    assert again.counts["inserted"] == again.counts["updated"] == 0
    assert counts(engine) == before  # nothing written, not even audit entries
    assert [r.status for r in runs(engine)] == ["completed", "completed"]


def test_changed_record_is_updated(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    docs = [rsmp_document(i) for i in range(4)]
    path.write_text("".join(rsmp_xml(docs, 4, "a")), encoding="utf-8")
    assert run_import(engine, "fns-rsmp", path).counts["inserted"] == 4
    docs[0] = docs[0].replace('КатСубМСП="1"', 'КатСубМСП="3"')
    path.write_text("".join(rsmp_xml(docs, 4, "a")), encoding="utf-8")
    counts = run_import(engine, "fns-rsmp", path).counts
    assert (counts["updated"], counts["unchanged"]) == (1, 3)
    with Session(engine) as session:
        org = session.scalar(select(Organization).where(Organization.inn == legal_inn("67", 0)))
        assert org is not None and org.sme_category == "medium" and org.version == 2


def test_imported_records_have_provenance_and_audit(engine: Engine, tmp_path: Path) -> None:
    from soyuzprom.core.history import audit_of, provenance_of

    path = tmp_path / "a.xml"
    docs = [rsmp_document(i) for i in range(3)]
    path.write_text("".join(rsmp_xml(docs, 3, "a")), encoding="utf-8")
    first = run_import(engine, "fns-rsmp", path, author="petrova")
    with Session(engine) as session:  # a "*" row as imports wrote them before: superseded
        from soyuzprom.core.models import FieldProvenance, Source

        source_id = session.scalar(select(Source.id).where(Source.import_run_id == first.run_id))
        first_id = session.scalar(select(func.min(Organization.id)))
        session.add(FieldProvenance(entity_type="organizations", entity_id=first_id, field="*",
                                    source_id=source_id))
        session.commit()
    docs[0] = docs[0].replace('КатСубМСП="1"', 'КатСубМСП="2"')
    path.write_text("".join(rsmp_xml(docs, 3, "a")), encoding="utf-8")
    second = run_import(engine, "fns-rsmp", path, author="orlov")
    with Session(engine) as session:
        ids = list(session.scalars(select(Organization.id).order_by(Organization.id)))
        (run_1, run_2) = runs(engine)
        # The run lists what it created; the second created nothing.
        assert run_1.checkpoint["created"]["organizations"] == [[ids[0], ids[-1]]]
        assert run_2.checkpoint["created"] == {}
        changed, kept = ids[0], ids[1]  # the documents' order
        whole = provenance_of(session, "organizations", kept)["fields"]["*"]["source"]
        assert whole["kind"] == "import" and whole["import"]["id"] == first.run_id
        whole = provenance_of(session, "organizations", changed)["fields"]["*"]["source"]
        assert whole["import"]["id"] == second.run_id and whole["author"] == "orlov"
        assert [(e["action"], e["author"]) for e in audit_of(session, "organizations", kept)
                ] == [("create", "petrova")]
        trail = audit_of(session, "organizations", changed)
        assert [(e["action"], e["author"]) for e in trail] == [("create", "petrova"),
                                                               ("update", "orlov")]
        assert trail[1]["before"] == {"sme_category": "micro"}
        assert trail[1]["after"] == {"sme_category": "small"}


def test_bad_file_leaves_database_unchanged(engine: Engine, counts: Any, tmp_path: Path) -> None:
    path = tmp_path / "VO_RRMSPSV_cut.xml"
    path.write_text("".join(rsmp_xml([rsmp_document(i) for i in range(50)], 50, "c")),
                    encoding="utf-8")
    path.write_bytes(path.read_bytes()[:-500])
    before = counts(engine)
    with pytest.raises(InputFormatError) as err:
        run_import(engine, "fns-rsmp", path)
    assert err.value.file == path.name and err.value.line == 1
    assert counts(engine) == before
    (run,) = runs(engine)
    assert run.status == "failed" and run.errors[-1]["file"] == path.name
    assert run.counts["units_done"] == 0


def test_bad_records_are_skipped_and_reported(engine: Engine, tmp_path: Path) -> None:
    docs = [rsmp_document(i) for i in range(3)]
    docs[1] = docs[1].replace('КодРегион="50"', 'КодРегион="00"')
    path = tmp_path / "b.xml"
    path.write_text("".join(rsmp_xml(docs, 3, "b")), encoding="utf-8")
    summary = run_import(engine, "fns-rsmp", path)
    assert (summary.counts["inserted"], summary.counts["skipped"]) == (2, 1)
    assert summary.counts["skip_reasons"] == {"КодРегион: Неизвестный код региона «…»": 1}
    assert summary.errors[0]["field"] == "КодРегион" and summary.errors[0]["record"]


def test_broken_member_fails_the_run_and_resume_continues(
    engine: Engine, counts: Any, tmp_path: Path
) -> None:
    path = tmp_path / "dump.zip"
    write_rsmp_zip(path, 30, per_file=10)
    broken = tmp_path / "broken.zip"
    write_broken_copy(path, broken, 2)
    # Units committed in groups (the default: one group here): the group is rolled back.
    with pytest.raises(InputFormatError):
        run_import(engine, "fns-rsmp", broken)
    failed = runs(engine)[-1]
    assert failed.status == "failed" and failed.checkpoint["done_units"] == []
    assert failed.counts["read"] == failed.counts["inserted"] == 0
    assert counts(engine, "organizations")["organizations"] == 0
    # Every unit committed on its own: the members before the broken one stay.
    with pytest.raises(InputFormatError):
        run_import(engine, "fns-rsmp", broken, group_records=0)
    failed = runs(engine)[-1]
    assert failed.status == "failed" and len(failed.checkpoint["done_units"]) == 2
    assert failed.counts["inserted"] == 20
    assert counts(engine, "organizations")["organizations"] == 20  # two members kept

    class StopInSecondUnit:
        def __init__(self) -> None:
            self.seen = 0

        def start(self, total_bytes: int, units: int) -> None: ...

        def advance(self, nbytes: int) -> None: ...

        def records(self, count: int) -> None:
            self.seen += count
            if self.seen >= 15:  # inside the second member
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_import(engine, "fns-rsmp", path, progress=StopInSecondUnit(), batch_size=5,
                   group_records=0)
    interrupted = runs(engine)[-1]
    assert interrupted.status == "interrupted"
    resumed = run_import(engine, "fns-rsmp", path)
    last = runs(engine)[-1]
    assert last.checkpoint["resumed_from"] == interrupted.id and resumed.status == "completed"
    assert resumed.counts["units_done"] == 3
    assert counts(engine, "organizations")["organizations"] == 30


def test_egrul_founders_and_foreign_capital(engine: Engine, counts: Any, tmp_path: Path) -> None:
    from soyuzprom.registry.foreign_capital import foreign_capital

    path = tmp_path / "VO_RUGFO_test.xml"
    write_egrul_xml(path, belarus_sample())
    summary = run_import(engine, "fns-egrul", path)
    assert summary.counts["inserted"] == 6
    with Session(engine) as session:
        rows = session.execute(select(Ownership.owner_country, Ownership.share_percent,
                                      Ownership.owner_kind)).all()
        assert ("112", pytest.approx(33.3333), "organization") in [tuple(r) for r in rows]
        report = foreign_capital(session, country="BY", region="RU-SMO")
        session.commit()
    assert report.count == 2 and report.country_oksm == "112"
    assert {h.owner_kind for h in report.holdings} == {"person", "organization"}
    assert "ОКСМ 112" in report.definition
    with Session(engine) as session:
        assert foreign_capital(session, country="112", region="RU-SMO",
                               include_terminated=True).count == 3
        assert foreign_capital(session, country="BY", region="RU-MOS", record=False).count == 1
        session.commit()
        from soyuzprom.cooperation.models import Indicator

        indicators = session.scalars(select(Indicator).where(
            Indicator.metric == "foreign_capital_organizations")).all()
        assert len(indicators) == 1 and indicators[0].value == 3  # same day: updated
        assert indicators[0].dimension == "oksm=112" and indicators[0].counterpart_region_id
    # a re-import changes nothing, and replacing founders keeps one set
    again = run_import(engine, "fns-egrul", path)
    assert again.counts["unchanged"] == 6
    assert counts(engine, "ownerships")["ownerships"] == 8


def test_egrul_links_organization_known_by_inn(engine: Engine, tmp_path: Path) -> None:
    sme = tmp_path / "sme.xml"
    sme.write_text("".join(rsmp_xml([rsmp_document(0)], 1, "s")), encoding="utf-8")
    run_import(engine, "fns-rsmp", sme)
    from soyuzprom.importers.fixtures_fns import FakeCompany

    extract = tmp_path / "egrul.xml"
    write_egrul_xml(extract, [FakeCompany(0, "67", name='ООО "ПРОМТЕХ-0"')])
    summary = run_import(engine, "fns-egrul", extract)
    assert (summary.counts["inserted"], summary.counts["updated"]) == (0, 1)
    with Session(engine) as session:
        org = session.scalar(select(Organization).where(Organization.inn == legal_inn("67", 0)))
        assert org is not None and org.ogrn and org.sme_category and org.address
        from soyuzprom.core.history import audit_of, provenance_of

        whole = provenance_of(session, "organizations", org.id)["fields"]["*"]["source"]
        assert whole["import"]["importer"] == "fns-egrul"
        trail = audit_of(session, "organizations", org.id)
        assert [e["action"] for e in trail] == ["create", "update"]
        assert trail[1]["before"]["address"] is None and trail[1]["after"]["address"]


def test_gisp_products_linked_to_makers(engine: Engine, counts: Any, tmp_path: Path) -> None:
    csv_path = tmp_path / "pp719.csv"
    write_pp719_csv(csv_path, pp719_rows(9))
    summary = run_import(engine, "gisp-pp719", csv_path)
    assert summary.counts["inserted"] == 9
    with Session(engine) as session:
        entry = session.scalar(select(ProductRegistryEntry)
                               .where(ProductRegistryEntry.number == "10000001.2023"))
        assert entry is not None and entry.points == 61 and entry.percentage == 56.5
        product = session.get(Product, entry.product_id)
        assert product is not None and product.tnved == "8413702100;8413708100"
        maker = session.get(Organization, product.maker_id)
        assert maker is not None and maker.inn == pp719_rows(1)[0]["INN"]
        assert session.scalar(select(Organization).where(Organization.id != maker.id)
                              .where(Organization.inn == maker.inn)) is None
    assert run_import(engine, "gisp-pp719", csv_path).counts["unchanged"] == 9
    xlsx = tmp_path / "pp719.xlsx"
    write_pp719_xlsx(xlsx, pp719_rows(9))
    updated = run_import(engine, "gisp-pp719", xlsx)
    assert updated.counts["updated"] == 9
    with Session(engine) as session:
        from soyuzprom.core.history import audit_of, provenance_of

        pid = session.scalar(select(Product.id).order_by(Product.id))
        assert [e["action"] for e in audit_of(session, "products", pid)] == ["create", "update"]
        whole = provenance_of(session, "products", pid)["fields"]["*"]["source"]
        assert whole["import"]["id"] == updated.run_id
    with Session(engine) as session:  # the XLSX has no score: the CSV's stays
        entry = session.scalar(select(ProductRegistryEntry)
                               .where(ProductRegistryEntry.number == "10000001.2023"))
        assert entry is not None and entry.points == 61
    assert counts(engine, "products")["products"] == 9


def test_fts_indicators_and_strict_rollback(
    engine: Engine, counts: Any, data_dir: Path, tmp_path: Path
) -> None:
    from soyuzprom.cooperation.models import Indicator

    summary = run_import(engine, "fts-trade", data_dir / "fts_trade" / "2207.csv")
    assert summary.counts["read"] == 130 and summary.counts["inserted"] > 130
    with Session(engine) as session:
        by = session.scalar(select(Region.id).where(Region.code == "BY"))
        belarus = session.scalars(select(Indicator).where(
            Indicator.counterpart_region_id == by)).all()
        assert belarus and all(i.dimension == "country=BY;tnved=2207" for i in belarus)
        assert {i.metric for i in belarus} >= {"export_value", "export_netto_kg"}
        smo = session.scalar(select(Region.id).where(Region.code == "RU-SMO"))
        assert session.scalar(select(Indicator).where(Indicator.subject_region_id == smo))
    assert run_import(engine, "fts-trade", data_dir / "fts_trade" / "2207.csv").counts[
        "inserted"] == 0
    rows = fts_rows(10)
    rows[7][4] = "ВЕДРО"
    bad = tmp_path / "bad.csv"
    write_fts_csv(bad, rows)
    before = counts(engine)
    with pytest.raises(InputFormatError) as err:
        run_import(engine, "fts-trade", bad)
    assert (err.value.field, err.value.line) == ("EDIZM", 9)
    assert counts(engine) == before


def test_fts_same_key_rows_are_summed(engine: Engine, tmp_path: Path) -> None:
    from soyuzprom.cooperation.models import Indicator

    row = fts_rows(1)[0]
    path = tmp_path / "twice.csv"
    write_fts_csv(path, [row, row])
    run_import(engine, "fts-trade", path)
    with Session(engine) as session:
        value = session.scalar(select(Indicator.value).where(Indicator.metric == "export_value"))
    assert value == pytest.approx(2 * float(row[5]))


def test_unknown_importer(engine: Engine, tmp_path: Path) -> Any:
    from soyuzprom.errors import NotFoundError

    with pytest.raises(NotFoundError):
        run_import(engine, "no-such-format", tmp_path / "x.csv")


def test_inn_held_under_another_ogrn_is_skipped(engine: Engine, tmp_path: Path) -> None:
    from soyuzprom.importers.fixtures_fns import FakeCompany, legal_ogrn

    rows = pp719_rows(1)
    rows[0]["INN"] = legal_inn("67", 7)
    rows[0]["OGRN"] = legal_ogrn("67", 9)  # the registry's maker: this INN, another OGRN
    gisp = tmp_path / "pp719.csv"
    write_pp719_csv(gisp, rows)
    run_import(engine, "gisp-pp719", gisp)
    extract = tmp_path / "egrul.xml"
    write_egrul_xml(extract, [FakeCompany(7, "67"), FakeCompany(8, "67")])
    summary = run_import(engine, "fns-egrul", extract)
    assert (summary.counts["inserted"], summary.counts["skipped"]) == (1, 1)
    assert list(summary.counts["skip_reasons"]) == [
        "ИНН уже принадлежит организации с другим ОГРН: запись не записана"]


@pytest.mark.parametrize("merged", [True, False], ids=["merged", "row-by-row"])
def test_ogrn_given_twice_in_a_batch_goes_to_the_first(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, merged: bool
) -> None:
    from soyuzprom.importers.loaders import fns_rsmp

    monkeypatch.setattr(fns_rsmp, "MERGED", merged)
    docs = [rsmp_document(i) for i in range(1, 4)]
    first_ogrn = docs[0].split('ОГРНИП="')[1].split('"')[0]
    third_ogrn = docs[2].split('ОГРНИП="')[1].split('"')[0]
    docs[2] = docs[2].replace(third_ogrn, first_ogrn)  # another INN, the same OGRNIP
    # ССЧР with a digit that is no ASCII digit: no headcount, not a crash.
    docs[1] = docs[1].replace('КатСубМСП="', 'ССЧР="²" КатСубМСП="', 1)
    path = tmp_path / "clash.xml"
    path.write_text("".join(rsmp_xml(docs, 3, "clash")), encoding="utf-8")
    summary = run_import(engine, "fns-rsmp", path)
    assert summary.counts["inserted"] == 3 and summary.counts["skipped"] == 0
    with Session(engine) as session:
        holders = session.scalars(
            select(Organization.inn).where(Organization.ogrn == first_ogrn)).all()
        assert holders == [docs[0].split('ИННФЛ="')[1][:12]]
    assert run_import(engine, "fns-rsmp", path).counts["unchanged"] == 3
