"""Import service on real SQLite files: dry run, commit, upsert, conflicts,
cancel, undo, error workbook, templates, hostile files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from app.db import search_schema
from app.db.database import Database
from app.domain.addresses import ChannelData, ChannelKind, ListFilter
from app.domain.errors import UserError
from app.domain.exchange import ImportOptions, OnDuplicate, RowAction
from app.domain.progress import Cancelled, RecordingProgress
from app.exchange.errors import ExchangeError
from app.services.addresses import AddressService
from app.services.exports import ExportService
from app.services.imports import ImportService
from app.services.lists import Sort
from tests.db.test_search_integrity import _state
from tests.exchange import files
from tests.helpers.factories import make_organisation, make_person
from tests.services.exchange_support import plan_for, snapshot


@pytest.fixture
def imports(db: Database) -> ImportService:
    return ImportService(db.engine)


@pytest.fixture
def exports(db: Database) -> ExportService:
    return ExportService(db.engine)


def _assert_search_consistent(db: Database) -> None:
    """Summaries and FTS after an import equal a full rebuild (as triggers keep them)."""
    with db.engine.begin() as conn:
        for fts in ("person_fts", "organisation_fts"):
            conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))
        ours = _state(conn)
        for stmt in search_schema.rebuild_statements():
            conn.execute(text(stmt))
        assert ours == _state(conn)
        conn.rollback()
    with db.engine.connect() as conn:
        names = {
            r[0]
            for r in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type='trigger'")
            )
        }
    assert set(search_schema.trigger_names()) <= names


def test_preview_detects_sheet_header_and_mapping(
    imports: ImportService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(tmp_path / "k.xlsx", title_rows=2)
    preview = imports.preview(path, "persons")
    assert preview.sheets == ("Kontakte", "Leer")
    assert preview.header_row == 2
    assert preview.headers[:3] == ("Anrede", "Vorname", "Nachname")
    assert preview.row_count == 3
    assert preview.mapping[8] == "street_and_number"
    assert preview.rows[0][2] == "Müller"
    with pytest.raises(ExchangeError) as info:
        imports.preview(path, "persons", sheet="Leer")
    assert info.value.code == "sheet.empty"


def test_dry_run_reports_per_row_and_changes_nothing(
    db: Database, imports: ImportService, tmp_path: Path
) -> None:
    rows = [
        *files.ROWS,
        [
            "Herr",
            "Max",
            "",
            "",
            "kein-mail",
            "123",
            "80",
            "Bern",
            "",
            "",
            "31.02.2026",
            "VIP",
        ],
    ]
    path = files.write_openpyxl(tmp_path / "k.xlsx", rows=rows)
    before = snapshot(db.engine)
    analysis = imports.dry_run(plan_for(imports, path))
    assert snapshot(db.engine) == before
    assert analysis.actions == (RowAction.CREATE,) * 3 + (RowAction.ERROR,)
    bad = {(i.row, i.column, i.code) for i in analysis.issues}
    assert bad == {
        (5, "E-Mail", "email.invalid"),
        (5, "Tel.", "phone.invalid"),
        (5, "PLZ", "postcode.invalid"),
        (5, "Geburtsdatum", "date.invalid"),
        (5, "Status", "choice.unknown"),
        (5, "Nachname", "required"),
    }


def test_commit_creates_records_with_channels_address_employment(
    db: Database, imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    make_organisation(addresses, name="Rossi SA")
    path = files.write_xlsxwriter(tmp_path / "k.xlsx")
    result = imports.commit(plan_for(imports, path))
    assert (result.created, result.updated, result.failed) == (3, 0, 0)
    people = {
        p.last_name: p
        for p in addresses.person_page(
            ListFilter(), Sort("name"), offset=0, limit=10, total=10
        ).rows
    }
    assert set(people) == {"Müller", "Rossi", "Dubois"}
    anna = addresses.get_person(people["Müller"].id)
    assert anna.first_name == "Anna"
    assert anna.salutation.value == "ms"
    assert anna.birth_date == dt.date(1980, 5, 17)
    assert anna.status.value == "customer"
    assert {(c.kind.value, c.value) for c in anna.channels} == {
        ("email", "anna.mueller@kaelin.ch"),
        ("phone", "+41441234567"),
    }
    assert anna.addresses[0].street == "Bahnhofstrasse"
    assert anna.addresses[0].house_number == "12"
    assert anna.addresses[0].region == "ZH"
    assert anna.employments[0].organisation_name == "Bäckerei Kälin AG"  # created
    luca = addresses.get_person(people["Rossi"].id)
    assert luca.employments[0].organisation_name == "Rossi SA"  # existing one reused
    chloe = addresses.get_person(people["Dubois"].id)
    assert chloe.birth_date == dt.date(1990, 12, 24)
    assert chloe.addresses[0].street == "rue du Rhône"
    assert addresses.count_persons(ListFilter(search="kaelin")) == 1
    assert addresses.count_persons(ListFilter(search="Genève")) == 1
    _assert_search_consistent(db)
    tables = {w.table for w in result.written}
    assert tables == {"person", "channel", "address", "employment", "organisation"}
    assert all(w.op == "insert" for w in result.written)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_swiss_csv_in_each_encoding_imports_the_same(
    db: Database,
    imports: ImportService,
    addresses: AddressService,
    tmp_path: Path,
    encoding: str,
) -> None:
    path = files.write_csv(tmp_path / "k.csv", encoding=encoding)
    result = imports.commit(plan_for(imports, path))
    assert result.created == 3, result.analysis.issues
    found = addresses.person_page(
        ListFilter(search="Dubois"), Sort("name"), offset=0, limit=5, total=1
    ).rows
    assert found[0].city == "Genève"


def test_upsert_by_email_updates_only_mapped_columns(
    db: Database, imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    person = make_person(
        addresses, last_name="Müller", first_name="A.", title="Dr.", channels=()
    )
    addresses.update_person(
        person.id,
        dataclasses.replace(
            addresses.get_person(person.id).data(),
            channels=(ChannelData(ChannelKind.EMAIL, "Anna.Mueller@KAELIN.ch"),),
        ),
    )
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["E-Mail", "Vorname", "Natel"],
        [
            ["anna.mueller@kaelin.ch", "Anna", "079 555 44 33"],
            ["neu@example.ch", "Neu", ""],
        ],
    )
    analysis = imports.dry_run(plan_for(imports, path))
    assert analysis.actions == (
        RowAction.UPDATE,
        RowAction.ERROR,
    )  # the new one lacks a last name
    result = imports.commit(plan_for(imports, path))
    assert (result.created, result.updated, result.failed) == (0, 1, 1)
    after = addresses.get_person(person.id)
    assert after.first_name == "Anna"
    assert after.title == "Dr."  # not mapped: untouched
    assert after.last_name == "Müller"
    assert {c.value for c in after.channels} == {
        "Anna.Mueller@kaelin.ch",
        "+41795554433",
    }
    _assert_search_consistent(db)
    again = imports.dry_run(plan_for(imports, path))
    assert again.actions[0] is RowAction.UNCHANGED
    skip = imports.dry_run(plan_for(imports, path, on_duplicate=OnDuplicate.SKIP))
    assert skip.actions[0] is RowAction.SKIP
    create = imports.dry_run(plan_for(imports, path, on_duplicate=OnDuplicate.CREATE))
    assert create.actions[0] is RowAction.ERROR  # would create, but no last name


def test_duplicate_key_inside_the_file_is_an_error(
    imports: ImportService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["Nachname", "E-Mail"],
        [["A", "x@example.ch"], ["B", "X@example.ch"]],
    )
    analysis = imports.dry_run(plan_for(imports, path))
    assert analysis.actions == (RowAction.CREATE, RowAction.ERROR)
    assert analysis.issues[0].code == "key.duplicate_in_file"
    assert "row 2" in analysis.issues[0].message


def test_ambiguous_dates_need_an_order(imports: ImportService, tmp_path: Path) -> None:
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["Nachname", "Geburtsdatum"],
        [["A", "03/04/1980"], ["B", "05/06/1981"]],
    )
    preview = imports.preview(path, "persons")
    assert preview.date_order_needed
    analysis = imports.dry_run(plan_for(imports, path))
    assert {i.code for i in analysis.issues} == {"date.ambiguous"}
    fixed = imports.dry_run(plan_for(imports, path, date_order="dmy"))
    assert fixed.actions == (RowAction.CREATE, RowAction.CREATE)


def test_round_trip_update_and_changed_since_export_is_flagged(
    db: Database,
    imports: ImportService,
    exports: ExportService,
    addresses: AddressService,
    tmp_path: Path,
) -> None:
    a = make_person(addresses, last_name="Alpha")
    b = make_person(addresses, last_name="Beta")
    path = tmp_path / "export.xlsx"
    exports.export("persons", path)
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws is not None
    heads = [c.value for c in ws[1]]
    first = heads.index("First name") + 1
    for row in range(2, ws.max_row + 1):
        ws.cell(row, first).value = "Geändert"
    book.save(path)
    # field sales changed Beta after the export
    addresses.update_person(
        b.id,
        dataclasses.replace(
            addresses.get_person(b.id).data(), notes="unterwegs notiert"
        ),
    )
    plan = plan_for(imports, path, key="id")
    analysis = imports.dry_run(plan)
    by_row = dict(zip(analysis.row_numbers, analysis.actions, strict=True))
    assert sorted(by_row.values()) == sorted([RowAction.UPDATE, RowAction.CONFLICT])
    result = imports.commit(plan)
    assert (result.updated, result.conflicts) == (1, 1)
    assert addresses.get_person(a.id).first_name == "Geändert"
    assert addresses.get_person(b.id).first_name == "Hans"  # flagged, not overwritten
    forced = imports.commit(plan_for(imports, path, key="id", overwrite_changed=True))
    assert forced.updated == 1
    assert addresses.get_person(b.id).first_name == "Geändert"
    assert (
        addresses.get_person(b.id).notes == "unterwegs notiert"
    )  # notes column unchanged


def test_cancel_leaves_the_database_unchanged(
    db: Database, imports: ImportService, tmp_path: Path
) -> None:
    rows = [
        [
            "Herr",
            f"V{i}",
            f"N{i}",
            "",
            f"p{i}@example.ch",
            "",
            "8001",
            "Zürich",
            "Weg 1",
            "",
            "",
            "",
        ]
        for i in range(12_000)
    ]
    path = files.write_openpyxl(tmp_path / "big.xlsx", rows=rows)
    plan = plan_for(imports, path)
    before = snapshot(db.engine)
    for cancel_after in (0, 2, 4):
        with pytest.raises(Cancelled):
            imports.commit(plan, RecordingProgress(cancel_after=cancel_after))
        assert snapshot(db.engine) == before


def test_a_failing_search_index_write_behind_the_inserts_leaves_nothing(
    db: Database,
    imports: ImportService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The new rows' search entries are written on a helper thread while the
    next batch is built: its error reaches the caller and the import rolls back."""
    from app.services import import_writer

    def broken(self: object, raw: object, table: str) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    rows = [[f"V{i}", f"N{i}", f"p{i}@example.ch"] for i in range(3)]
    path = files.write_openpyxl(
        tmp_path / "k.xlsx", ["Vorname", "Nachname", "E-Mail"], rows
    )
    before = snapshot(db.engine)
    monkeypatch.setattr(import_writer.SearchMaintenance, "_feed", broken)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        imports.commit(plan_for(imports, path))
    assert snapshot(db.engine) == before
    assert not [t for t in threading.enumerate() if t.name == "import-fts"]


def test_undo_removes_created_and_restores_updated(
    db: Database, imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    kept = make_person(addresses, last_name="Muster", first_name="Alt")
    email = addresses.get_person(kept.id).channels[0].value
    before = snapshot(db.engine)
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["E-Mail", "Vorname", "Nachname", "PLZ", "Ort", "Firma"],
        [
            [email, "Neu", "Muster", "3000", "Bern", "Neue Firma AG"],
            ["x@example.ch", "X", "Ypsilon", "", "", "Neue Firma AG"],
        ],
    )
    result = imports.commit(plan_for(imports, path))
    assert (result.created, result.updated) == (1, 1)
    undo = imports.undo(result.run_id)
    assert undo.kept == 0
    after = snapshot(db.engine)
    for table in (
        "person",
        "organisation",
        "channel",
        "address",
        "employment",
        "person_fts",
        "organisation_fts",
    ):
        assert after[table] == before[table], table
    _assert_search_consistent(db)
    with pytest.raises(UserError) as info:
        imports.undo(result.run_id)
    assert info.value.code == "import.already_undone"
    assert imports.runs()[0].undone_at is not None


def test_undo_keeps_what_was_changed_since(
    db: Database, imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["Nachname", "E-Mail"],
        [["Eins", "1@example.ch"], ["Zwei", "2@example.ch"]],
    )
    result = imports.commit(plan_for(imports, path))
    ids = [w.id for w in result.written if w.table == "person"]
    edited = addresses.get_person(ids[0])
    addresses.update_person(
        edited.id, dataclasses.replace(edited.data(), notes="nachher bearbeitet")
    )
    undo = imports.undo(result.run_id)
    assert undo.kept >= 1
    assert addresses.get_person(edited.id).notes == "nachher bearbeitet"
    assert addresses.count_persons(ListFilter()) == 1
    _assert_search_consistent(db)


def test_error_workbook_holds_failing_rows_with_reasons(
    imports: ImportService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["Nachname", "E-Mail", "Tel."],
        [["Gut", "gut@example.ch", ""], ["", "schlecht", "12"], ["Auch gut", "", ""]],
    )
    plan = plan_for(imports, path)
    analysis = imports.dry_run(plan)
    out = tmp_path / "fehler.xlsx"
    assert imports.write_error_workbook(plan, analysis, out) == 1
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    assert [c.value for c in ws[1]] == ["Errors", "Row", "Nachname", "E-Mail", "Tel."]
    row = [c.value for c in ws[2]]
    assert row[1] == 3
    assert row[3] == "schlecht"
    assert row[4] == "12"
    assert "E-Mail" in row[0]
    assert "Tel." in row[0]
    # fixed and re-imported, the error columns are simply not mapped
    ws.cell(2, 3).value = "Repariert"
    ws.cell(2, 4).value = "rep@example.ch"
    ws.cell(2, 5).value = "044 123 45 67"
    ws.parent.save(out)
    again = imports.dry_run(plan_for(imports, out))
    assert again.actions == (RowAction.CREATE,)


def test_mapping_templates_are_saved_and_reused(
    imports: ImportService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["Kontakt 1", "Mail privat", "Nachname"],
        [["Hans Muster", "h@example.ch", ""]],
    )
    preview = imports.preview(path, "persons")
    assert preview.mapping == {2: "last_name"}
    saved = imports.save_template(
        "persons",
        "Messe-Liste",
        headers=preview.headers,
        mapping={0: "full_name", 1: "email"},
        options=ImportOptions(key="email", date_order="dmy"),
    )
    assert saved.columns == {"kontakt1": "full_name", "mailprivat": "email"}
    reused = imports.preview(path, "persons", template="Messe-Liste")
    assert reused.mapping == {0: "full_name", 1: "email", 2: "last_name"}
    assert [t.name for t in imports.templates("persons")] == ["Messe-Liste"]
    with pytest.raises(UserError):
        imports.template("persons", "Gibt es nicht")
    imports.delete_template(saved.id)
    assert imports.templates() == []


def test_organisations_by_customer_number_with_industry(
    db: Database, imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    org = make_organisation(addresses, name="Alt AG", customer_number="K-1")
    path = files.write_openpyxl(
        tmp_path / "o.xlsx",
        ["Kundennummer", "Firma", "Branche", "UID", "Website", "PLZ", "Ort"],
        [
            ["k-1", "Neu AG", "Bau", "CHE-116.281.710", "www.neu.ch", "8001", "Zürich"],
            ["K-2", "Zwei GmbH", "Bau", "", "", "3000", "Bern"],
        ],
    )
    result = imports.commit(plan_for(imports, path, "organisations"))
    assert (result.created, result.updated, result.failed) == (1, 1, 0), (
        result.analysis.issues
    )
    changed = addresses.get_organisation(org.id)
    assert changed.name == "Neu AG"
    assert changed.industry_name == "Bau"
    assert changed.uid == "CHE-116.281.710"
    assert [i.name for i in addresses.industries()].count("Bau") == 1
    _assert_search_consistent(db)
    by_domain = imports.dry_run(plan_for(imports, path, "organisations", key="domain"))
    assert by_domain.actions[0] is RowAction.UNCHANGED


def test_external_id_and_fuzzy_name_postcode_keys(
    db: Database, imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "e.xlsx",
        ["Externe ID", "Vorname", "Nachname", "PLZ"],
        [["CRM-7", "Anna", "Müller", "8001"]],
    )
    first = imports.commit(plan_for(imports, path, key="external_id"))
    assert first.created == 1
    again = imports.dry_run(plan_for(imports, path, key="external_id"))
    assert again.actions == (RowAction.UNCHANGED,)
    typo = files.write_openpyxl(
        tmp_path / "f.xlsx",
        ["Vorname", "Nachname", "PLZ", "Titel"],
        [["Ana", "Mueller", "8001", "Dr."], ["Anna", "Müller", "3000", ""]],
    )
    fuzzy = imports.dry_run(plan_for(imports, typo, key="name_postcode"))
    assert fuzzy.actions == (RowAction.UPDATE, RowAction.CREATE)


def test_invalid_key_for_entity_is_a_user_error(
    imports: ImportService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(tmp_path / "k.xlsx")
    with pytest.raises(UserError) as info:
        imports.dry_run(plan_for(imports, path, key="customer_number"))
    assert info.value.code == "import.key_invalid"


@pytest.mark.parametrize(
    ("maker", "code"),
    [
        (lambda p: files.write_zip_bomb(p / "bomb.xlsx"), "zip.bomb"),
        (lambda p: files.write_truncated(p / "cut.xlsx"), "zip.corrupt"),
        (lambda p: files.write_wide(p / "wide.xlsx"), "sheet.too_many_columns"),
        (lambda p: (p / "e.xlsx").write_bytes(b"") or p / "e.xlsx", "file.empty"),
        (
            lambda p: (p / "x.xml").write_text(files.XXE) and p / "x.xml",
            "xml.forbidden",
        ),
        (
            lambda p: (p / "l.xml").write_text(files.BILLION_LAUGHS) and p / "l.xml",
            "xml.forbidden",
        ),
    ],
)
def test_hostile_files_leave_the_database_unchanged(
    db: Database,
    imports: ImportService,
    addresses: AddressService,
    tmp_path: Path,
    maker: object,
    code: str,
) -> None:
    make_person(addresses)
    path = maker(tmp_path)  # type: ignore[operator]
    before = snapshot(db.engine)
    plan = dataclasses.replace(
        plan_for(imports, files.write_openpyxl(tmp_path / "ok.xlsx")),
        path=path,
        sheet=None,
    )
    for call in (
        lambda: imports.preview(path, "persons"),
        lambda: imports.dry_run(plan),
        lambda: imports.commit(plan),
    ):
        with pytest.raises(ExchangeError) as info:
            call()
        assert info.value.code == code
    assert snapshot(db.engine) == before


def test_wrong_sheet_is_refused_with_the_sheet_names(
    db: Database, imports: ImportService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(tmp_path / "k.xlsx")
    before = snapshot(db.engine)
    plan = dataclasses.replace(plan_for(imports, path), sheet="Adressen")
    with pytest.raises(ExchangeError) as info:
        imports.commit(plan)
    assert info.value.code == "sheet.missing"
    assert "Kontakte" in info.value.message
    assert snapshot(db.engine) == before


def test_formula_strings_are_imported_as_text(
    imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "f.xlsx",
        ["Nachname", "Notizen"],
        [[f"N{i}", v] for i, v in enumerate(files.FORMULA_STRINGS)],
    )
    result = imports.commit(plan_for(imports, path))
    assert result.created == len(files.FORMULA_STRINGS)
    notes = {
        addresses.get_person(w.id).notes for w in result.written if w.table == "person"
    }
    assert notes == {v.strip() for v in files.FORMULA_STRINGS}


def test_demo_data_brings_mapping_templates_once(
    db: Database, imports: ImportService
) -> None:
    from app.services.demo import generate_demo

    generate_demo(
        db.engine,
        organisations=5,
        persons=20,
        now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
    )
    names = [t.name for t in imports.templates()]
    assert "Messe-Leads (Excel)" in names
    assert "Lieferantenliste Einkauf" in names
    generate_demo(
        db.engine,
        organisations=5,
        persons=20,
        now=dt.datetime(2026, 6, 2, tzinfo=dt.UTC),
    )
    assert [t.name for t in imports.templates()] == names
    outlook = imports.template("persons", "Outlook-Kontakte (CSV, English)")
    assert outlook.columns["emailaddress"] == "email"


def test_leads_import_upsert_and_undo(
    db: Database, imports: ImportService, tmp_path: Path
) -> None:
    """Leads plug in as a registry entry: same wizard, keys, dry run and undo."""
    path = files.write_openpyxl(
        tmp_path / "messe.xlsx",
        [
            "Name",
            "Firma",
            "E-Mail",
            "Natel",
            "PLZ",
            "Ort",
            "Herkunft",
            "Branche",
            "Interesse",
        ],
        [
            [
                "Anna Müller",
                "Kälin AG",
                "anna@kaelin.ch",
                "079 555 44 33",
                "8001",
                "Zürich",
                "Messe",
                "Bau",
                "Offerte Q3",
            ],
            [
                "Luca Rossi",
                "Rossi SA",
                "luca@rossi.ch",
                "",
                "6900",
                "Lugano",
                "Empfehlung",
                "",
                "",
            ],
        ],
    )
    before = snapshot(db.engine)
    result = imports.commit(plan_for(imports, path, "leads"))
    assert (result.created, result.failed) == (2, 0), result.analysis.issues
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT first_name, last_name, company, phone, source, status, notes FROM lead ORDER BY last_name"
            )
        ).all()
    assert rows[0] == (
        "Anna",
        "Müller",
        "Kälin AG",
        "+41795554433",
        "trade_fair",
        "unqualified",
        "Offerte Q3",
    )
    again = imports.dry_run(plan_for(imports, path, "leads"))
    assert again.actions == (RowAction.UNCHANGED, RowAction.UNCHANGED)
    imports.undo(result.run_id)
    after = snapshot(db.engine)
    for table in ("person", "organisation", "channel", "industry"):
        assert after[table] == before[table], table
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM lead")).scalar_one() == 0


def test_two_sheet_workbook_links_persons_to_organisations_by_customer_number(
    db: Database, imports: ImportService, addresses: AddressService, tmp_path: Path
) -> None:
    """Organisations sheet first, then the persons sheet naming them by customer no."""
    import openpyxl as xl

    book = xl.Workbook()
    orgs = book.active
    assert orgs is not None
    orgs.title = "Firmen"
    orgs.append(["Kundennummer", "Firma", "PLZ", "Ort"])
    orgs.append(["K-100", "Alpha AG", "3000", "Bern"])
    people = book.create_sheet("Kontakte")
    people.append(["Nachname", "Vorname", "Firma", "E-Mail"])
    people.append(["Muster", "Hans", "K-100", "hans@alpha.ch"])
    path = tmp_path / "zwei.xlsx"
    book.save(path)
    first = imports.commit(plan_for(imports, path, "organisations", sheet="Firmen"))
    second = imports.commit(plan_for(imports, path, "persons", sheet="Kontakte"))
    assert (first.created, second.created) == (1, 1)
    person = addresses.get_person(
        next(w.id for w in second.written if w.table == "person")
    )
    assert person.employments[0].organisation_name == "Alpha AG"
    assert not any(w.table == "organisation" for w in second.written)
    found = addresses.person_page(
        ListFilter(search="Bern"), Sort("name"), offset=0, limit=5, total=1
    ).rows
    assert [r.last_name for r in found] == [
        "Muster"
    ]  # the contact shows the firm's place


def test_an_interrupted_wait_for_the_search_entries_still_waits_for_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl+C while waiting (a `relata import` in a terminal): the statement is
    interrupted and joined before the connection can go back to the pool."""
    from app.services.import_writer import _Behind

    release = threading.Event()
    interrupted: list[bool] = []

    class Raw:
        def interrupt(self) -> None:
            interrupted.append(True)
            release.set()

    def work() -> None:
        release.wait(5)  # a long statement, until interrupted

    behind = _Behind(work, Raw())
    real_join = threading.Thread.join
    calls: list[int] = []

    def join(self: threading.Thread, timeout: float | None = None) -> None:
        if not calls:
            calls.append(1)
            raise KeyboardInterrupt
        real_join(self, timeout)

    monkeypatch.setattr(threading.Thread, "join", join)
    with pytest.raises(KeyboardInterrupt):
        behind.wait()
    assert interrupted == [True]
    assert not behind._thread.is_alive()
