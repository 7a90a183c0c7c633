"""Sync outbox entries for the rows an import created, written by SQLite itself.

:func:`app.sync.outbox.record_written` reads every written row back through
SQLAlchemy, encodes each field in Python and inserts one entry per row with
a random op id. For a 100k import (≈600,000 new rows) that took ≈40 s of the
import's ≈60. The rows an import *creates* are exactly the rows above each
table's rowid at the start of the run, so their create entries can be made
by one ``INSERT … SELECT`` per table, as *deferred* creates: the entry names
the row and its fields are filled from it when the entry is stamped into a
push batch (:mod:`app.sync.outbox_sql`). Op ids are time-ordered (every
outbox index grows at its end) and tables go parents first, as
``record_written`` orders them. Update entries are built by SQL too.
A test checks the entries equal ``record_written``'s for every imported table.

Tables with a column type this does not know, and updates and deletes, still
go through ``record_written``.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Connection

from app.domain.exchange import WrittenRow
from app.services.import_writer import IdMaker, WrittenLog, stamp_text
from app.sync import outbox
from app.sync.outbox_sql import create_fields_sql, value_sql
from app.sync.protocol.tables import synced_table, synced_tables, table_order
from app.sync.protocol.wire import SCHEMA_VERSION

#: Tables an import may insert into.
TABLES = (
    "industry",
    "organisation",
    "person",
    "channel",
    "address",
    "employment",
    "lead",
    "opportunity",
)


def floors(conn: Connection, tables: Iterable[str] = TABLES) -> dict[str, int]:
    """The highest rowid of each table now (rows above it are the run's)."""
    return {
        t: int(
            conn.exec_driver_sql(
                f"SELECT coalesce(max(rowid), 0) FROM {t}"
            ).scalar_one()
        )
        for t in tables
    }


def _create_sql(name: str) -> str | None:
    """``INSERT … SELECT`` of deferred create entries (``fields`` null, filled
    by :func:`app.sync.outbox_sql.fill_creates` when the entry is sent) for
    ``name``'s rows above a rowid; ``None`` when the fields cannot be built
    by SQL (those rows go through ``record_written``)."""
    if create_fields_sql(name) is None:
        return None
    return (
        "INSERT INTO sync_outbox (op_id, batch_id, tbl, row_id, op, fields, base_rev, "
        "schema_version, created_at) "
        f"SELECT ? || printf('%012x', rowid - ?), NULL, '{name}', id, 'create', "
        f"'null', 0, {int(SCHEMA_VERSION)}, ? "
        f"FROM {name} WHERE rowid > ? AND deleted_at IS NULL ORDER BY rowid"
    )


def _prefix() -> str:
    """``xxxxxxxx-xxxx-7xxx-8xxx-`` of a UUIDv7: this millisecond plus 26 random
    bits; the last 48 bits count the rows of the table."""
    ms = int(time.time() * 1000) & ((1 << 48) - 1)
    rand = int.from_bytes(os.urandom(4), "big")
    head = f"{ms:012x}"
    return (
        f"{head[:8]}-{head[8:12]}-7{rand & 0xFFF:03x}-"
        f"{0x8 | (rand >> 12) & 0x3:x}{(rand >> 14) & 0xFFF:03x}-"
    )


def record_run(conn: Connection, written: WrittenLog, start: Mapping[str, int]) -> int:
    """Queue a run's writes for sync: creates by SQL, the rest by ``record_written``.

    Args:
        written: what the run wrote.
        start: :func:`floors` taken when the run began (before its first insert).

    Returns:
        entries queued.
    """
    inserted = written.insert_counts()
    done: set[str] = set()
    queued = 0
    stamp = stamp_text(_now())
    for name in table_order([t for t in inserted if t in start]):
        sql = _create_sql(name)
        if sql is None:
            continue
        floor = start[name]
        # the run's own rows only: all rows above the floor are its inserts
        above = int(
            conn.exec_driver_sql(
                f"SELECT count(*) FROM {name} WHERE rowid > ?", (floor,)
            ).scalar_one()
        )
        if above != inserted[name]:
            continue  # something else wrote here: the general path is exact
        cursor = conn.exec_driver_sql(sql, (_prefix(), floor, stamp, floor))
        queued += max(cursor.rowcount, 0)
        done.add(name)
    rest = written.without_inserts(done)
    queued_updates, rest_rows = record_updates(conn, rest, stamp)
    return queued + queued_updates + outbox.record_written(conn, rest_rows)


def _update_sql(name: str, names: Sequence[str]) -> str | None:
    """``INSERT … SELECT`` of update entries for the rows listed in ``_outbox_upd``."""
    table = synced_table(name)
    if table is None or not names:
        return None
    parts: list[str] = []
    for field in names:
        value = value_sql(field, table.table.c[field].type)
        if value is None:
            return None
        base = (
            f"CAST(coalesce(json_extract(t.field_revs, '$.\"{field}\"'), 0) AS INTEGER)"
        )
        parts.append(f"'{field}', json_object('value', {value}, 'base', {base})")
    return (
        "INSERT INTO sync_outbox (op_id, batch_id, tbl, row_id, op, fields, base_rev, "
        "schema_version, created_at) "
        f"SELECT u.op_id, NULL, '{name}', t.id, 'update', json_object({', '.join(parts)}), "
        f"CAST(coalesce(t.rev, 0) AS INTEGER), {int(SCHEMA_VERSION)}, ? "
        f"FROM _outbox_upd u JOIN {name} t ON t.id = u.row_id ORDER BY u.seq"
    )


def record_updates(
    conn: Connection, written: Iterable[WrittenRow], stamp: str
) -> tuple[int, list[WrittenRow]]:
    """Queue the plain updates of ``written`` by SQL; return the count and the rest.

    ``record_written`` reads each updated row back through SQLAlchemy and
    encodes it in Python (≈1.8 s for the 10,000 updated records of a 100k
    import). An updated row without an unsent entry gets a new entry holding
    the written fields with their field revs as bases and the row's rev: one
    ``INSERT … SELECT`` per table and set of fields does that. Rows with an
    unsent entry (which ``record_written`` coalesces), deletes, restores and
    tables with a column type the SQL does not encode go to the rest.
    """
    groups: dict[tuple[str, str], frozenset[str]] = {}
    rest: list[WrittenRow] = []
    for row in written:
        table = synced_table(row.table)
        if table is None or row.op != "update":
            rest.append(row)
            continue
        key = (row.table, row.id)
        groups[key] = groups.get(key, frozenset()) | row.fields
    # rows with an unsent entry, or created by this run through the general
    # path (their create entry is yet to come): record_written coalesces them
    pending = _unsent(conn, groups) | {
        (row.table, row.id) for row in rest if row.op in ("insert", "create")
    }
    by_set: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for (tbl, rid), fields in groups.items():
        table = synced_tables()[tbl]
        names = tuple(f for f in table.fields if f in fields)
        if "deleted_at" in fields or (tbl, rid) in pending:
            rest.append(WrittenRow(tbl, rid, "update", fields))
        elif names:  # nothing synced changed: no entry (as record_written)
            by_set[(tbl, names)].append(rid)
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS _outbox_upd "
        "(seq INTEGER PRIMARY KEY, row_id TEXT NOT NULL, op_id TEXT NOT NULL)"
    )
    queued = 0
    new_op = IdMaker(int(time.time() * 1000))
    for tbl, names in sorted(by_set, key=lambda k: (synced_tables()[k[0]].order, k[1])):
        ids = by_set[(tbl, names)]
        sql = _update_sql(tbl, names)
        if sql is None:
            rest += [WrittenRow(tbl, rid, "update", frozenset(names)) for rid in ids]
            continue
        conn.exec_driver_sql("DELETE FROM _outbox_upd")
        conn.exec_driver_sql(
            "INSERT INTO _outbox_upd (row_id, op_id) VALUES (?, ?)",
            [(rid, new_op()) for rid in ids],
        )
        cursor = conn.exec_driver_sql(sql, (stamp,))
        queued += max(cursor.rowcount, 0)
    conn.exec_driver_sql("DELETE FROM _outbox_upd")
    return queued, rest


def _unsent(conn: Connection, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of the (table, row id) pairs have an unsent outbox entry."""
    by_table: dict[str, list[str]] = defaultdict(list)
    for tbl, rid in keys:
        by_table[tbl].append(rid)
    out: set[tuple[str, str]] = set()
    for tbl, ids in by_table.items():
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            out.update(
                (tbl, rid)
                for (rid,) in conn.exec_driver_sql(
                    "SELECT row_id FROM sync_outbox WHERE tbl = ? AND batch_id IS NULL "
                    f"AND row_id IN ({', '.join('?' * len(part))})",
                    (tbl, *part),
                )
            )
    return out


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def cancel_unsent_creates(
    conn: Connection, written: Sequence[WrittenRow]
) -> list[WrittenRow]:
    """Drop the unsent create entries of rows an undo removed outright.

    A never-synced row the undo deletes and its create entry that never left
    the laptop cancel each other (what ``outbox.coalesce`` does one row at a
    time: an 80k-record undo spent 100 s there). Done per 500 rows by the
    (tbl, row_id) index; returns the rows still to queue (the rest).
    """
    deletes: dict[str, list[str]] = defaultdict(list)
    rest: list[WrittenRow] = []
    for row in written:
        if row.op == "delete" and synced_table(row.table) is not None:
            deletes[row.table].append(row.id)
        else:
            rest.append(row)
    for table, ids in deletes.items():
        cancelled: set[str] = set()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            found = conn.exec_driver_sql(
                "SELECT row_id, seq FROM sync_outbox WHERE tbl = ? AND batch_id IS NULL "
                f"AND op = 'create' AND row_id IN ({', '.join('?' * len(part))})",
                (table, *part),
            ).all()
            if found:
                conn.exec_driver_sql(
                    "DELETE FROM sync_outbox WHERE seq IN "
                    f"({', '.join('?' * len(found))})",
                    tuple(seq for _rid, seq in found),
                )
                cancelled.update(rid for rid, _seq in found)
        rest += [
            WrittenRow(table, rid, "delete", frozenset())
            for rid in ids
            if rid not in cancelled
        ]
    return rest
