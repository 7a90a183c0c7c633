"""Several sheets of one workbook in one run: organisations, persons and
opportunities linked by keys, one dry run, one transaction, one undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from app.db.database import Database
from app.domain.errors import UserError
from app.domain.exchange import ImportOptions, OnDuplicate, RowAction, SheetsPlan
from app.domain.progress import Cancelled, RecordingProgress
from app.models.pipeline import DEFAULT_PIPELINE_ID, default_stage_id
from app.services.addresses import AddressService
from app.services.import_sheets import parse_assignments
from app.services.imports import ImportService
from tests.helpers.factories import make_organisation, make_person
from tests.services.exchange_support import plan_for, snapshot
from tests.services.test_imports import _assert_search_consistent

SHEETS = {"Firmen": "organisations", "Kontakte": "persons", "Chancen": "opportunities"}


@pytest.fixture
def imports(db: Database) -> ImportService:
    return ImportService(db.engine)


def _workbook(
    path: Path,
    *,
    firms: list[list[object]] | None = None,
    contacts: list[list[object]] | None = None,
    deals: list[list[object]] | None = None,
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Firmen"
    sheet.append(["Kundennummer", "Firma", "PLZ", "Ort", "Status"])
    for row in firms or [
        ["K-100", "Alpha AG", "3000", "Bern", "Kunde"],
        ["K-200", "Beta GmbH", "8001", "Zürich", "Interessent"],
    ]:
        sheet.append(row)
    sheet = book.create_sheet("Kontakte")
    sheet.append(["Nachname", "Vorname", "Firma", "E-Mail", "Funktion"])
    for row in contacts or [
        ["Muster", "Hans", "K-100", "hans@alpha.ch", "Einkauf"],
        ["Meier", "Anna", "Beta GmbH", "anna@beta.ch", "CEO"],
        ["Keller", "Urs", "K-500", "urs@gamma.ch", ""],
    ]:
        sheet.append(row)
    sheet = book.create_sheet("Chancen")
    sheet.append(
        [
            "Externe ID",
            "Titel",
            "Kunde",
            "Kontakt",
            "Phase",
            "Betrag",
            "Währung",
            "Abschlussdatum",
        ]
    )
    for row in deals or [
        [
            "C-1",
            "Rahmenvertrag 2027",
            "K-100",
            "hans@alpha.ch",
            "Angebot",
            "12'500.50",
            "CHF",
            dt.datetime(2027, 3, 31),
        ],
        ["C-2", "Wartung", "K-200", "", "Gewonnen", 4800, "EUR", "30.06.2027"],
        ["C-3", "Pilot", "K-500", "urs@gamma.ch", "", "", "", ""],
    ]:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def gamma(addresses: AddressService) -> str:
    """An organisation already in the database (customer no. K-500)."""
    from app.domain.addresses import OrganisationData

    org, _ = addresses.create_organisation(
        OrganisationData(name="Gamma SA", customer_number="K-500")
    )
    return org.id


def test_dry_run_checks_all_sheets_and_writes_nothing(
    db: Database, imports: ImportService, gamma: str, tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "crm.xlsx")
    plan = imports.plan_sheets(path, SHEETS)
    assert [p.entity for p in plan.parts] == [
        "organisations",
        "persons",
        "opportunities",
    ]
    before = snapshot(db.engine)
    analysis = imports.dry_run_sheets(plan)
    assert snapshot(db.engine) == before
    assert analysis.sheets == ("Firmen", "Kontakte", "Chancen")
    assert analysis.count(RowAction.CREATE) == 8
    assert analysis.count(RowAction.ERROR) == 0, analysis.issues()


def test_unknown_keys_and_failing_rows_are_errors_naming_sheet_row_column(
    db: Database, imports: ImportService, gamma: str, tmp_path: Path
) -> None:
    path = _workbook(
        tmp_path / "crm.xlsx",
        firms=[
            ["K-100", "Alpha AG", "3000", "Bern", "Kunde"],
            ["K-300", "", "", "", ""],
        ],
        contacts=[
            ["Muster", "Hans", "K-100", "hans@alpha.ch", ""],
            ["Niemand", "Nina", "K-999", "nina@x.ch", ""],  # in neither
            ["Leer", "Lea", "K-300", "lea@x.ch", ""],  # its firm row fails
        ],
        deals=[
            ["C-1", "Deal", "K-100", "nobody@x.ch", "Angebot", 1, "CHF", ""],
            ["C-2", "Deal 2", "K-100", "", "Irgendwas", 1, "CHF", ""],
            ["C-3", "Deal 3", "K-100", "", "", "", "", ""],
        ],
    )
    plan = imports.plan_sheets(path, SHEETS)
    before = snapshot(db.engine)
    analysis = imports.dry_run_sheets(plan)
    found = {(s, i.row, i.column, i.field, i.code) for s, i in analysis.issues()}
    assert ("Firmen", 3, "Firma", "name", "required") in found
    assert ("Kontakte", 3, "Firma", "organisation", "organisation.unknown") in found
    assert ("Kontakte", 4, "Firma", "organisation", "organisation.row_error") in found
    assert ("Chancen", 2, "Kontakt", "contact", "contact.unknown") in found
    assert ("Chancen", 3, "Phase", "stage", "stage.unknown") in found
    errors = [p.count(RowAction.ERROR) for p in analysis.parts]
    assert errors == [1, 2, 2]
    # the commit imports the good rows only, and nothing for the failing ones
    result = imports.commit_sheets(plan)
    assert (result.created, result.failed) == (3, 5)
    with db.engine.connect() as conn:
        names = conn.execute(text("SELECT name FROM organisation")).scalars().all()
        assert sorted(names) == ["Alpha AG", "Gamma SA"]
        assert conn.execute(text("SELECT count(*) FROM person")).scalar_one() == 1
    imports.undo(result.run_id)
    after = snapshot(db.engine)
    for table in ("person", "organisation", "opportunity", "sync_outbox", "channel"):
        assert after[table] == before[table], table
    out = tmp_path / "fehler.xlsx"
    assert imports.write_sheets_error_workbook(plan, analysis, out) == 5
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["Firmen", "Kontakte", "Chancen"]


def test_commit_links_sheets_queues_sync_and_undo_reverts_the_whole_run(
    db: Database,
    imports: ImportService,
    addresses: AddressService,
    gamma: str,
    tmp_path: Path,
) -> None:
    path = _workbook(tmp_path / "crm.xlsx")
    plan = imports.plan_sheets(path, SHEETS)
    before = snapshot(db.engine)
    result = imports.commit_sheets(plan)
    assert (result.created, result.failed) == (8, 0)  # 2 firms, 3 contacts, 3 deals
    with db.engine.connect() as conn:
        orgs = dict(
            conn.execute(text("SELECT customer_number, id FROM organisation")).all()
        )
        people = dict(
            conn.execute(
                text(
                    "SELECT c.value, c.person_id FROM channel c "
                    "WHERE c.kind = 'email' AND c.person_id IS NOT NULL"
                )
            ).all()
        )
        deals = {
            r.title: r
            for r in conn.execute(
                text(
                    "SELECT title, organisation_id, person_id, pipeline_id, stage_id, "
                    "outcome, amount_minor, currency, close_date, closed_on, "
                    "probability FROM opportunity"
                )
            )
        }
        runs = conn.execute(text("SELECT entity, created FROM import_run")).all()
        outbox = dict(
            conn.execute(
                text("SELECT tbl, count(*) FROM sync_outbox GROUP BY tbl")
            ).all()
        )
    assert orgs["K-500"] == gamma
    frame = deals["Rahmenvertrag 2027"]
    assert frame.organisation_id == orgs["K-100"]
    assert frame.person_id == people["hans@alpha.ch"]
    assert (frame.pipeline_id, frame.stage_id) == (
        DEFAULT_PIPELINE_ID,
        default_stage_id("offer"),
    )
    assert (frame.amount_minor, frame.currency) == (1_250_050, "CHF")
    assert (frame.close_date, frame.outcome, frame.probability) == (
        "2027-03-31",
        "open",
        50,
    )
    won = deals["Wartung"]
    assert (won.outcome, won.closed_on, won.currency) == ("won", "2027-06-30", "EUR")
    assert won.person_id is None
    pilot = deals["Pilot"]
    assert (pilot.organisation_id, pilot.person_id) == (gamma, people["urs@gamma.ch"])
    assert pilot.stage_id == default_stage_id("qualification")
    hans = addresses.get_person(people["hans@alpha.ch"])
    assert hans.employments[0].organisation_name == "Alpha AG"
    urs = addresses.get_person(people["urs@gamma.ch"])
    assert urs.employments[0].organisation_id == gamma
    assert runs == [("organisations+persons+opportunities", 8)]
    assert outbox["organisation"] == 2
    assert outbox["person"] == 3
    assert outbox["opportunity"] == 3
    _assert_search_consistent(db)
    undo = imports.undo(result.run_id)
    assert undo.removed > 8
    after = snapshot(db.engine)
    for table in ("person", "organisation", "opportunity", "channel", "employment"):
        assert after[table] == before[table], table
    assert after["sync_outbox"] == before["sync_outbox"]  # never sent: dropped
    _assert_search_consistent(db)


def test_reimport_is_unchanged_and_updates_only_what_changed(
    db: Database, imports: ImportService, gamma: str, tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "crm.xlsx")
    imports.commit_sheets(imports.plan_sheets(path, SHEETS))
    again = imports.dry_run_sheets(imports.plan_sheets(path, SHEETS))
    assert again.count(RowAction.UNCHANGED) == 8, again.issues()
    changed = _workbook(
        tmp_path / "crm2.xlsx",
        deals=[
            [
                *("C-1", "Rahmenvertrag 2027", "K-100", "hans@alpha.ch"),
                *("Verhandlung", "12'500.50", "CHF", dt.datetime(2027, 3, 31)),
            ],
            ["C-2", "Wartung", "K-200", "", "Gewonnen", 4800, "EUR", "30.06.2027"],
            ["C-3", "Pilot", "K-500", "urs@gamma.ch", "", "", "", ""],
        ],
    )
    result = imports.commit_sheets(imports.plan_sheets(changed, SHEETS))
    assert result.updated == 1
    with db.engine.connect() as conn:
        stage, probability = conn.execute(
            text(
                "SELECT stage_id, probability FROM opportunity WHERE title LIKE 'Rahmen%'"
            )
        ).one()
    assert (stage, probability) == (default_stage_id("negotiation"), 75)
    imports.undo(result.run_id)
    with db.engine.connect() as conn:
        stage = conn.execute(
            text("SELECT stage_id FROM opportunity WHERE title LIKE 'Rahmen%'")
        ).scalar_one()
    assert stage == default_stage_id("offer")


def test_cancel_at_any_point_leaves_the_database_unchanged(
    db: Database, imports: ImportService, gamma: str, tmp_path: Path
) -> None:
    firms = [[f"K-{i}", f"Firma {i} AG", "8001", "Zürich", ""] for i in range(3000)]
    contacts = [[f"N{i}", "V", f"K-{i % 3000}", f"p{i}@x.ch", ""] for i in range(6000)]
    deals = [
        [f"C-{i}", f"Deal {i}", f"K-{i}", f"p{i}@x.ch", "Angebot", 100, "CHF", ""]
        for i in range(3000)
    ]
    path = _workbook(tmp_path / "big.xlsx", firms=firms, contacts=contacts, deals=deals)
    plan = imports.plan_sheets(path, SHEETS)
    before = snapshot(db.engine)
    for cancel_after in (0, 3, 6, 9):
        with pytest.raises(Cancelled):
            imports.commit_sheets(plan, RecordingProgress(cancel_after=cancel_after))
        assert snapshot(db.engine) == before
    result = imports.commit_sheets(plan)
    assert (result.created, result.updated) == (11_999, 1)  # K-500 is in the db


def test_single_sheet_opportunities_resolve_against_the_database(
    db: Database, imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    org = make_organisation(addresses, name="Delta AG")
    person = make_person(addresses, organisation=org)
    email = addresses.get_person(person.id).channels[0].value
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        ["Opportunity", "Company", "Contact", "Stage", "Amount", "Probability"]
    )
    sheet.append(["Upgrade", "Delta AG", email, "Proposal", "EUR 1,200.00", "0.3"])
    sheet.append(["Unknown", "Nobody Ltd", "", "", "", ""])
    sheet.append(["Bad", "Delta AG", "", "Phase X", "", "120"])
    path = tmp_path / "deals.xlsx"
    book.save(path)
    plan = plan_for(imports, path, "opportunities")
    result = imports.commit(plan)
    codes = {(i.row, i.code) for i in result.analysis.issues}
    assert codes == {
        (3, "organisation.unknown"),
        (4, "stage.unknown"),
        (4, "probability.invalid"),
    }
    assert result.created == 1
    with db.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT organisation_id, person_id, stage_id, amount_minor, currency, "
                "probability FROM opportunity"
            )
        ).one()
    assert tuple(row) == (
        org.id,
        person.id,
        default_stage_id("offer"),
        120_000,
        "EUR",
        30,
    )


def test_sheet_assignments_are_parsed_and_checked(
    imports: ImportService, tmp_path: Path
) -> None:
    assert parse_assignments("Firmen=organisations, Kontakte=persons") == {
        "Firmen": "organisations",
        "Kontakte": "persons",
    }
    with pytest.raises(UserError) as info:
        parse_assignments("Firmen=companies")
    assert info.value.code == "import.sheets_invalid"
    path = _workbook(tmp_path / "crm.xlsx")
    with pytest.raises(UserError) as info:
        imports.plan_sheets(path, {"Firmen": "persons", "Kontakte": "persons"})
    assert info.value.code == "import.sheets_twice"
    assert isinstance(
        imports.plan_sheets(
            path, {"Kontakte": "persons"}, ImportOptions(on_duplicate=OnDuplicate.SKIP)
        ),
        SheetsPlan,
    )
