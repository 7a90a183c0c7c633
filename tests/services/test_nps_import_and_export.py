"""NPS answers imported from real xlsx/csv files; reports exported to real xlsx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.domain.analytics import Measure, ReportDef
from app.domain.errors import UserError
from app.domain.progress import Cancelled, RecordingProgress
from app.exchange.report_export import ReportTexts, write_report_xlsx
from app.models.analytics import NpsResponse
from app.models.sync import SyncOutbox
from app.services.addresses import AddressService
from app.services.analytics import AnalyticsServices
from app.services.pipeline import PipelineService
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.pipeline import TODAY, Clock, make_opportunity


@pytest.fixture
def analytics(db: Database) -> AnalyticsServices:
    clock = Clock()
    pipeline = PipelineService(db.sessions, today=clock.today, now=clock.now)
    return AnalyticsServices.build(
        db.sessions, pipeline, today=clock.today, now=clock.now
    )


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_answers_from_xlsx_reports_bad_rows(
    db: Database,
    analytics: AnalyticsServices,
    addresses: AddressService,
    tmp_path: Path,
) -> None:
    from app.db.engine import make_engine

    anna = make_person(addresses, last_name="Keller")
    path = _xlsx(
        tmp_path / "umfrage.xlsx",
        [
            ["Kundenumfrage Q1"],  # a title row above the table
            ["E-Mail", "Bewertung", "Datum", "Kommentar"],
            [anna.channels[0].value.upper(), 10, dt.date(2026, 3, 1), "Top"],
            [anna.channels[0].value, "9", "02.03.2026", ""],
            ["unbekannt@example.ch", 8, dt.date(2026, 3, 1), ""],
            [anna.channels[0].value, 11, dt.date(2026, 3, 1), ""],
            [anna.channels[0].value, 5, "31.02.2026", ""],
            [anna.channels[0].value, 5, dt.date(2026, 12, 1), ""],
        ],
    )
    engine = make_engine(db.path)
    dry = analytics.nps.import_file(engine, path, dry_run=True)
    assert dry.imported == 2
    assert analytics.nps.count() == 0
    result = analytics.nps.import_file(engine, path)
    assert result.imported == 2
    assert [(i.row, i.code) for i in result.issues] == [
        (5, "nps.unknown_person"),
        (6, "nps.score"),
        (7, "nps.date"),
        (8, "nps.future"),
    ]
    rows = analytics.nps.page(offset=0, limit=10)
    assert sorted((r.score, r.answered_on) for r in rows) == [
        (9, dt.date(2026, 3, 2)),
        (10, dt.date(2026, 3, 1)),
    ]
    with db.sessions() as s:  # queued for sync, like every record entered here
        queued = s.execute(
            select(func.count())
            .select_from(SyncOutbox)
            .where(SyncOutbox.tbl == "nps_response")
        ).scalar_one()
    assert queued == 2
    engine.dispose()


def test_import_from_csv_by_relata_id(
    db: Database,
    analytics: AnalyticsServices,
    addresses: AddressService,
    tmp_path: Path,
) -> None:
    from app.db.engine import make_engine

    person = make_person(addresses)
    path = tmp_path / "nps.csv"
    path.write_text(
        f"Relata ID;Score;Date;Comment\n{person.id};7;2026-01-15;ok\n",
        encoding="utf-8",
    )
    engine = make_engine(db.path)
    assert analytics.nps.import_file(engine, path).imported == 1
    assert analytics.nps.page(offset=0, limit=1)[0].comment == "ok"
    engine.dispose()


def test_import_without_score_column_is_refused(
    db: Database, analytics: AnalyticsServices, tmp_path: Path
) -> None:
    from app.db.engine import make_engine

    path = _xlsx(tmp_path / "x.xlsx", [["Name", "E-Mail"], ["A", "a@b.ch"]])
    engine = make_engine(db.path)
    with pytest.raises(UserError) as caught:
        analytics.nps.import_file(engine, path)
    assert caught.value.code == "nps.columns"
    engine.dispose()


def test_cancelled_import_writes_nothing(
    db: Database,
    analytics: AnalyticsServices,
    addresses: AddressService,
    tmp_path: Path,
) -> None:
    from app.db.engine import make_engine

    person = make_person(addresses)
    path = _xlsx(
        tmp_path / "a.xlsx",
        [["Relata ID", "NPS"], *([person.id, 9] for _ in range(30))],
    )
    engine = make_engine(db.path)
    with pytest.raises(Cancelled):
        analytics.nps.import_file(
            engine, path, progress=RecordingProgress(cancel_after=0)
        )
    with db.sessions() as s:
        assert (
            s.execute(select(func.count()).select_from(NpsResponse)).scalar_one() == 0
        )
    engine.dispose()


def test_report_xlsx_has_typed_table_chart_and_no_formulas(
    db: Database,
    analytics: AnalyticsServices,
    addresses: AddressService,
    tmp_path: Path,
) -> None:
    clock = Clock()
    pipeline = PipelineService(db.sessions, today=clock.today, now=clock.now)
    evil = make_organisation(addresses, name='=HYPERLINK("http://x")')
    for amount in (100_000, 250_000):
        make_opportunity(
            pipeline,
            organisation_id=evil.id,
            amount_minor=amount,
            close_date=TODAY,
            title="=1+1",
        )
    result = analytics.reports.run(ReportDef(dims=("stage",), measure=Measure.SUM))
    texts = ReportTexts(
        title="Pipeline",
        subtitle="All deals",
        dims=["Stage"],
        count="Count",
        total="Amount",
        average="Average",
        weighted="Weighted",
        grand_total="Total",
    )
    out = write_report_xlsx(
        tmp_path / "r.xlsx",
        result,
        texts,
        label=lambda _d, _k, text: "=" + text,  # a hostile translation
    )
    book = openpyxl.load_workbook(out)
    sheet = book["Report"]
    assert sheet["A4"].value == "Stage"
    assert sheet["A5"].value == "=Qualification"
    assert sheet["A5"].data_type == "s"  # text, not a formula
    assert sheet["B5"].value == 2
    assert sheet["C5"].value == pytest.approx(3_500.0)
    assert sheet["C5"].number_format.endswith('"CHF"')
    assert sheet["A6"].value == "Total"
    assert len(sheet._charts) == 1
