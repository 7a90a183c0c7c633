"""The import's SQL-built outbox entries equal what ``outbox.record_written``
makes from the same rows (every imported table, every column type)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import Connection, text

from app.db.database import Database
from app.domain.exchange import WrittenRow
from app.services.imports import ImportService
from app.sync import outbox
from app.sync.outbox_sql import fill_creates, value_sql
from tests.services.exchange_support import plan_for
from tests.services.test_import_sheets import SHEETS, _workbook

Entries = dict[tuple[str, str], tuple[str, dict[str, Any], int, int]]


def _creates(conn: Connection, after: int) -> Entries:
    return {
        (tbl, row_id): (op, json.loads(fields), base_rev, version)
        for tbl, row_id, op, fields, base_rev, version in conn.execute(
            text(
                "SELECT tbl, row_id, op, fields, base_rev, schema_version "
                "FROM sync_outbox WHERE op = 'create' AND seq > :after"
            ),
            {"after": after},
        )
    }


def _last_seq(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT coalesce(max(seq), 0) FROM sync_outbox")
            ).scalar_one()
        )


def _as_record_written_makes_them(db: Database, after: int) -> tuple[Entries, Entries]:
    with db.engine.connect() as conn, conn.begin():
        deferred = conn.execute(
            text(
                "SELECT count(*) FROM sync_outbox WHERE op = 'create' AND seq > :after "
                "AND fields = 'null'"
            ),
            {"after": after},
        ).scalar_one()
        assert deferred  # the import's creates are filled when sent
        fill_creates(conn, None)
        fast = _creates(conn, after)
        ids = conn.execute(
            text(
                "SELECT op_id FROM sync_outbox WHERE op = 'create' AND seq > :after "
                "ORDER BY seq"
            ),
            {"after": after},
        ).scalars()
        for op_id in ids:
            assert uuid.UUID(op_id).version == 7
        conn.execute(
            text("DELETE FROM sync_outbox WHERE op = 'create' AND seq > :after"),
            {"after": after},
        )
        outbox.record_written(
            conn, [WrittenRow(tbl, rid, "insert", frozenset()) for tbl, rid in fast]
        )
        slow = _creates(conn, after)
        conn.rollback()
    return fast, slow


def test_sheets_import_outbox_equals_record_written(
    db: Database, tmp_path: Path
) -> None:
    imports = ImportService(db.engine)
    after = _last_seq(db)
    path = _workbook(
        tmp_path / "crm.xlsx",
        contacts=[
            ["Müller", "Änne", "K-100", "anne@alpha.ch", "Einkauf"],
            ["O'Brien", "", "Beta GmbH", "ob@beta.ch", 'Chef "IT"'],
        ],
        deals=[
            [
                "C-1",
                "Deal ✓",
                "K-100",
                "anne@alpha.ch",
                "Gewonnen",
                12.5,
                "EUR",
                dt.datetime(2027, 1, 31),
            ],
            ["C-2", "Leer", "K-200", "", "", "", "", ""],
        ],
    )
    result = imports.commit_sheets(imports.plan_sheets(path, SHEETS))
    assert result.created == 6
    fast, slow = _as_record_written_makes_them(db, after)
    assert {t for t, _ in fast} >= {
        "organisation",
        "person",
        "channel",
        "employment",
        "address",
        "opportunity",
    }
    assert fast == slow


def test_persons_organisations_leads_outbox_equals_record_written(
    db: Database, tmp_path: Path
) -> None:
    imports = ImportService(db.engine)
    after = _last_seq(db)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Firmen"
    sheet.append(["Firma", "Kundennummer", "Branche", "Telefon", "Web", "PLZ", "Ort"])
    sheet.append(["Alpha AG", "K-1", "Maschinenbau", "044 123 45 67", "alpha.ch"])
    sheet.append(["Beta", "", "", "", "", "3000", "Bern"])
    people = book.create_sheet("Kontakte")
    people.append(
        [
            "Anrede",
            "Vorname",
            "Nachname",
            "Firma",
            "E-Mail",
            "Natel",
            "Telefon",
            "Strasse",
            "PLZ",
            "Ort",
            "Geburtsdatum",
            "Status",
            "Sprache",
        ]
    )
    people.append(
        [
            "Frau",
            "Anna",
            "Keller",
            "Alpha AG",
            "anna@alpha.ch",
            "079 123 45 67",
            "044 123 45 00",
            "Weg 1",
            "8001",
            "Zürich",
            dt.datetime(1980, 5, 17),
            "Kunde",
            "Französisch",
        ]
    )
    people.append(["", "", "Nur Name", "", "", "", "", "", "", "", "", "", ""])
    leads = book.create_sheet("Leads")
    leads.append(["Vorname", "Nachname", "Firma", "E-Mail", "Herkunft", "Branche"])
    leads.append(["Lea", "Lead", "Gamma", "lea@gamma.ch", "Messe", "Handel"])
    path = tmp_path / "mix.xlsx"
    book.save(path)
    imports.commit(plan_for(imports, path, "organisations", sheet="Firmen"))
    imports.commit(plan_for(imports, path, "persons", sheet="Kontakte"))
    imports.commit(plan_for(imports, path, "leads", sheet="Leads"))
    fast, slow = _as_record_written_makes_them(db, after)
    assert {t for t, _ in fast} >= {"industry", "organisation", "person", "lead"}
    assert fast == slow


def test_time_encoding_in_sql_equals_the_sync_encoder(db: Database) -> None:
    from sqlalchemy import DateTime

    from app.services.import_writer import stamp_text
    from app.sync.protocol.tables import encode_time

    sql = value_sql("t", DateTime())
    assert sql is not None
    with db.engine.connect() as conn:
        for value in (
            dt.datetime(2026, 11, 27, 6, 21, 47, 706662, tzinfo=dt.UTC),
            dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        ):
            got = conn.execute(
                text(f"SELECT {sql} FROM (SELECT :v AS t)"), {"v": stamp_text(value)}
            ).scalar_one()
            assert got == encode_time(value)
