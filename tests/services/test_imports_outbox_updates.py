"""The import's SQL-built update entries equal what ``outbox.record_written``
makes from the same written rows; rows with an unsent entry still coalesce."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from app.db.database import Database
from app.domain.addresses import ChannelData, ChannelKind
from app.domain.exchange import WrittenRow
from app.services.addresses import AddressService
from app.services.import_outbox import record_updates
from app.services.imports import ImportService
from app.sync import outbox
from tests.exchange import files
from tests.helpers.factories import make_organisation, make_person
from tests.services.exchange_support import plan_for

Entries = dict[tuple[str, str], tuple[str, dict[str, Any], int, int]]


def _entries(conn: Connection, after: int) -> Entries:
    return {
        (tbl, row_id): (op, json.loads(fields), base_rev, version)
        for tbl, row_id, op, fields, base_rev, version in conn.execute(
            text(
                "SELECT tbl, row_id, op, fields, base_rev, schema_version "
                "FROM sync_outbox WHERE seq > :after"
            ),
            {"after": after},
        )
    }


def _synced(db: Database) -> None:
    """Pretend the last sync took everything: no entries, server revs on rows."""
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM sync_outbox"))
        for table in ("person", "channel", "address", "employment", "organisation"):
            conn.execute(
                text(
                    f"UPDATE {table} SET rev = 7, field_revs = "
                    """'{"first_name": 3, "value": 5, "street": 2, "role": 4}'"""
                )
            )


@pytest.fixture
def captured(db: Database) -> Iterator[None]:
    """Edits through the address service are queued for sync (as in the app)."""
    outbox.install(db.sessions)
    yield
    outbox.uninstall(db.sessions)


@pytest.mark.usefixtures("captured")
def test_update_entries_equal_record_written(
    db: Database, addresses: AddressService, tmp_path: Path
) -> None:
    org = make_organisation(addresses, name="Alpha AG")
    anna = make_person(
        addresses,
        organisation=org,
        last_name="Keller",
        first_name="Anna",
        channels=(
            ChannelData(ChannelKind.EMAIL, "anna@alpha.ch"),
            ChannelData(ChannelKind.PHONE, "044 123 45 67"),
        ),
    )
    beat = make_person(
        addresses,
        last_name="Huber",
        channels=(
            ChannelData(ChannelKind.EMAIL, "beat@beta.ch"),
            ChannelData(ChannelKind.MOBILE, "079 111 22 33"),
        ),
    )
    _synced(db)
    # an edit after the sync: Beat's row has an unsent entry the import coalesces
    addresses.update_person(
        beat.id, dataclasses.replace(addresses.get_person(beat.id).data(), title="Dr.")
    )
    with db.engine.connect() as conn:
        after = int(conn.execute(text("SELECT max(seq) FROM sync_outbox")).scalar_one())
    imports = ImportService(db.engine)
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["E-Mail", "Vorname", "Nachname", "Telefon", "Natel", "Strasse", "PLZ", "Ort"],
        [
            [
                "anna@alpha.ch",
                "Änne",
                "Keller",
                "044 999 88 77",
                "",
                "Weg 2",
                "8001",
                "Zürich",
            ],
            ["beat@beta.ch", "Beat", "Huber", "", "", "", "", ""],
            ["new@gamma.ch", "Neu", "Neumann", "", "079 222 33 44", "", "", ""],
        ],
    )
    result = imports.commit(plan_for(imports, path, empty_clears=True))
    assert (result.created, result.updated) == (1, 2)
    with db.engine.begin() as conn:
        fast = _entries(conn, after)
        updated = {k: v for k, v in fast.items() if v[0] != "create"}
        # Anna's name, her phone's value, her new address; Beat's mobile deleted
        assert updated[("person", anna.id)][1]["first_name"] == {
            "value": "Änne",
            "base": 3,
        }
        assert updated[("person", anna.id)][2] == 7
        assert any(
            t == "channel" and v[0] == "delete" for (t, _r), v in updated.items()
        )
        written = [
            row
            for row in result.written
            if row.op != "insert" and (row.table, row.id) in updated
        ]
        conn.execute(
            text("DELETE FROM sync_outbox WHERE seq > :after AND op != 'create'"),
            {"after": after},
        )
        outbox.record_written(conn, written)
        slow = {k: v for k, v in _entries(conn, after).items() if v[0] != "create"}
        assert updated == slow
        # Beat's earlier edit and the import's change are one entry
        beat_entry = conn.execute(
            text("SELECT op, fields FROM sync_outbox WHERE row_id = :id"),
            {"id": beat.id},
        ).all()
        assert len(beat_entry) == 1
        conn.rollback()


@pytest.mark.usefixtures("captured")
def test_rows_with_an_unsent_entry_or_a_delete_are_left_to_record_written(
    db: Database, addresses: AddressService
) -> None:
    person = make_person(addresses, last_name="Frei")
    with db.engine.begin() as conn:
        queued, rest = record_updates(
            conn,
            [
                WrittenRow("person", person.id, "update", frozenset({"last_name"})),
                WrittenRow("person", "p-2", "update", frozenset({"deleted_at"})),
                WrittenRow("person", "p-2", "update", frozenset({"last_name"})),
                WrittenRow("import_run", "r-1", "update", frozenset({"created"})),
            ],
            "2026-11-27 08:00:00.000000",
        )
        # the person's create is still unsent (made by the factory)
        assert queued == 0
        assert sorted((r.table, r.id, tuple(sorted(r.fields))) for r in rest) == [
            ("import_run", "r-1", ("created",)),
            ("person", person.id, ("last_name",)),
            ("person", "p-2", ("deleted_at", "last_name")),
        ]
        conn.rollback()
