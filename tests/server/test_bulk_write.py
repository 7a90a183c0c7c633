"""The server's raw executemany path writes what SQLAlchemy's own would, and the
server database carries no full-text search indexes (it never searches)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Engine,
    Integer,
    Numeric,
    String,
    Table,
    insert,
    select,
    update,
)

from app.models.base import UTCDateTime
from app.sync.protocol.tables import synced_tables
from server import bulk
from server.db import drop_search_indexes, is_sqlite, upgrade, write_transaction
from server.models import AuditLog, SyncOp, SyncRow, SyncScopeExit
from server.scope import SYSTEM
from server.writer import Writer, bump_counter

SERVER_TABLES = [
    cast(Table, m.__table__) for m in (SyncRow, SyncOp, AuditLog, SyncScopeExit)
]
UUIDS = ("id", "row_id", "op_id")
WHEN = dt.datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=dt.UTC)


def sample(table: Table, n: int) -> dict[str, Any]:
    """A row with a non-null value in every column that takes one without a parent."""
    row: dict[str, Any] = {}
    for col in table.c:
        typ = col.type
        if col.foreign_keys or (col.primary_key and col.autoincrement is True):
            row[col.key] = None
        elif col.key in UUIDS:
            row[col.key] = str(uuid.uuid4())
        elif isinstance(typ, UTCDateTime | DateTime):
            row[col.key] = WHEN + dt.timedelta(seconds=n)
        elif isinstance(typ, Date):
            row[col.key] = dt.date(2026, 3, 1 + n)
        elif isinstance(typ, Boolean):
            row[col.key] = n % 2 == 0
        elif isinstance(typ, Integer | Numeric):
            row[col.key] = 7 + n
        elif isinstance(typ, JSON):
            row[col.key] = {"name": 3 + n, "ä": [1, "x"]}
        elif isinstance(typ, String):
            default = getattr(col.default, "arg", None)
            # enumerated columns (CHECK constraints) keep their default
            row[col.key] = (
                default if isinstance(default, str) and default else f"Zürich {n}"
            )
            if typ.length is not None:
                row[col.key] = row[col.key][: typ.length]
        else:
            row[col.key] = None
    # an autoincrement key is left to the database
    return {k: v for k, v in row.items() if not _auto(table, k)}


def _auto(table: Table, key: str) -> bool:
    col = table.c[key]
    return bool(col.primary_key and isinstance(col.type, Integer) and key == "id")


def read(engine: Engine, table: Table, key: str, value: Any) -> dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(select(table).where(table.c[key] == value)).mappings().one()
    return {k: v for k, v in row.items() if not _auto(table, k)}


def key_of(table: Table) -> str:
    """A column the sample fills with a fresh uuid (finds the row again)."""
    return next(
        k for k in ("op_id", "row_id", "id") if k in table.c and not _auto(table, k)
    )


def tables() -> list[Table]:
    synced = [
        t.table
        for t in synced_tables().values()
        if t.name in ("organisation", "person", "sync_conflict")
    ]
    return synced + SERVER_TABLES


@pytest.mark.parametrize("table", tables(), ids=lambda t: t.name)
def test_bulk_insert_and_update_store_what_sqlalchemy_stores(
    engine: Engine, table: Table
) -> None:
    key = key_of(table)
    mine, theirs = sample(table, 1), sample(table, 1)  # equal but for their uuids
    cols = [k for k in mine if k != key]
    with engine.begin() as conn:
        conn.execute(insert(table), [theirs])
        bulk.insert_rows(conn, table, [mine], columns=list(mine))
    expected = read(engine, table, key, theirs[key])
    got = read(engine, table, key, mine[key])
    for row in (expected, got):
        for name in UUIDS:
            row.pop(name, None)
    assert got == expected
    assert got

    if "id" not in table.c or key != "id":
        return
    # several rows at once (the executemany path), then an update of a few columns
    more = [sample(table, 2) for _ in range(3)]
    changed = [c for c in cols if not table.c[c].foreign_keys][:4]
    new = sample(table, 9)
    with engine.begin() as conn:
        bulk.insert_rows(conn, table, more, columns=list(mine))
        conn.execute(
            update(table).where(table.c.id == more[0]["id"]),
            {c: new[c] for c in changed},
        )
        bulk.update_rows(
            conn,
            table,
            changed,
            [{"id": r["id"]} | {c: new[c] for c in changed} for r in more[1:]],
        )
    rows = [read(engine, table, "id", r["id"]) for r in more]
    stamped = [
        c.key for c in table.c if c.onupdate is not None and c.key not in changed
    ]
    for r in rows:
        for name in UUIDS:
            if name not in changed:
                r.pop(name, None)
        for c in stamped:  # onupdate columns: set to now by both paths
            assert r.pop(c) > WHEN + dt.timedelta(days=30)
    assert rows[1] == rows[0] == rows[2]
    assert rows[0] != {k: v for k, v in more[0].items() if k in rows[0]}


def test_sync_row_upsert_inserts_then_updates(engine: Engine) -> None:
    table = cast(Table, SyncRow.__table__)
    first = sample(table, 1) | {"tbl": "person", "deleted": False, "rev": 3}
    second = first | {"rev": 9, "deleted": True, "owner_id": "someone"}
    other = sample(table, 2) | {"tbl": "person"}
    for rows in ([first], [second, other]):
        with engine.begin() as conn:
            bulk.upsert_rows(
                conn,
                table,
                rows,
                key=("tbl", "row_id"),
                update=("rev", "deleted", "owner_id"),
            )
    got = read(engine, table, "row_id", first["row_id"])
    assert (got["rev"], got["deleted"], got["owner_id"]) == (9, True, "someone")
    assert read(engine, table, "row_id", other["row_id"])["rev"] == other["rev"]


def test_a_row_missing_a_column_is_refused_before_anything_is_written(
    engine: Engine,
) -> None:
    table = cast(Table, SyncOp.__table__)
    good = sample(table, 1)
    bad = {k: v for k, v in sample(table, 2).items() if k != "status"}
    with pytest.raises(KeyError), engine.begin() as conn:
        bulk.insert_rows(conn, table, [good, bad])
    with engine.connect() as conn:
        assert conn.execute(select(table.c.op_id)).all() == []


def test_server_database_has_no_search_indexes_but_keeps_summary_triggers(
    engine: Engine,
) -> None:
    with engine.begin() as conn:
        assert drop_search_indexes(conn) == []  # upgrade already dropped them
        if not is_sqlite(conn):
            return
        names = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
            )
        }
    assert not {n for n in names if "_fts" in n}
    assert "organisation_name_sum" in names  # derived columns are still kept
    upgrade(engine)  # a second upgrade (nothing to migrate) is fine


def test_a_create_without_times_gets_the_batch_time(engine: Engine) -> None:
    rid = str(uuid.uuid4())
    change = {
        "op_id": str(uuid.uuid4()),
        "tbl": "organisation",
        "id": rid,
        "op": "create",
        "base_rev": 0,
        "fields": {"name": {"value": "Muster AG", "base": 0}},
    }
    with write_transaction(engine) as conn:
        writer = Writer(conn, SYSTEM, rev=bump_counter(conn), now=WHEN)
        result = writer.apply([change])
    assert [r["status"] for r in result.results] == ["applied"]
    table = synced_tables()["organisation"].table
    row = read(engine, table, "id", rid)
    assert row["created_at"] == row["updated_at"] == WHEN
    assert row["name"] == "Muster AG"
