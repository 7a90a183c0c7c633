"""Applying server rows to the local SQLite database, fast (research/sync.md 2.6).

Pulled pages, bootstrap pages and push answers all end here. The rules:

* a field with a pending outbox entry keeps its local value and field rev;
* a field whose incoming rev is older than the local one is left alone;
* a field whose incoming rev equals the local one holds the same write, so it
  is not even decoded — unless the laptop just sent it (an answer to a push
  may refuse the value the laptop holds);
* tombstones and evictions as the server says, unless a delete or restore is
  pending.

Values are converted once from their wire form to what SQLite stores (the
column's own bind processor, so the bytes equal what the ORM writes), compared
with the raw stored values, and written with ``executemany`` of tuples:
SQLAlchemy's per-row parameter processing cost more than the database work
(measured on 100k-row bootstraps and pulls).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect, Table, select

from app.sync.outbox import OUTBOX
from app.sync.protocol.tables import (
    CodecError,
    SyncedTable,
    decode_time,
    loads,
    synced_tables,
)
from app.sync.protocol.wire import PullOp

Convert = Callable[[Any], Any]
#: Columns whose change alone is bookkeeping, not a change of the record.
BOOKKEEPING = frozenset({"rev", "field_revs", "deleted_rev"})


@dataclass(frozen=True)
class ApplyStats:
    """What applying a page did locally."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    evicted: int = 0
    skipped: int = 0
    tables: frozenset[str] = frozenset()

    def __add__(self, other: ApplyStats) -> ApplyStats:
        return ApplyStats(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.deleted + other.deleted,
            self.evicted + other.evicted,
            self.skipped + other.skipped,
            self.tables | other.tables,
        )

    @property
    def changed(self) -> int:
        """Rows that changed locally."""
        return self.inserted + self.updated + self.deleted + self.evicted


@dataclass(frozen=True)
class _Plan:
    """How one table's rows are read, converted and written on one dialect."""

    columns: tuple[str, ...]
    select_sql: str
    insert_sql: str
    to_storage: Mapping[str, Convert]
    store: Mapping[str, Convert]
    defaults: Mapping[str, Callable[[], Any]]
    not_null: frozenset[str]


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _plan(name: str, dialect: Dialect) -> _Plan:
    table = synced_tables()[name]
    t: Table = table.table
    columns = tuple(c.name for c in t.c)
    store: dict[str, Convert] = {}
    for col in t.c:
        proc = col.type.dialect_impl(dialect).bind_processor(dialect)
        store[col.name] = proc or _identity

    def convert(name: str) -> Convert:
        put = store[name]

        def run(wire: Any) -> Any:
            value = table.decode_field(name, wire)
            return None if value is None else put(value)

        return run

    defaults: dict[str, Callable[[], Any]] = {}
    for col in t.c:
        arg = getattr(col.default, "arg", None)
        put = store[col.name]
        if callable(arg):
            defaults[col.name] = functools.partial(
                lambda a, p: None if (v := a(None)) is None else p(v), arg, put
            )
        else:
            value = None if arg is None else put(arg)
            defaults[col.name] = functools.partial(_identity, value)
    read = ["id", "rev", "field_revs", "deleted_at", "deleted_rev", "updated_at"]
    read += [f for f in table.fields if f not in read]
    quoted = ", ".join(f'"{c}"' for c in columns)
    return _Plan(
        columns=columns,
        select_sql=f'SELECT {", ".join(read)} FROM "{t.name}" WHERE id IN ',
        insert_sql=f'INSERT INTO "{t.name}" ({quoted}) '
        f"VALUES ({', '.join('?' * len(columns))})",
        to_storage={f: convert(f) for f in table.fields},
        store=store,
        defaults=defaults,
        not_null=frozenset(c.name for c in t.c if not c.nullable),
    )


def _local_rows(
    conn: Connection, plan: _Plan, ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """Stored (raw) values of the rows ``ids``; field revs parsed."""
    out: dict[str, dict[str, Any]] = {}
    names: list[str] | None = None
    for start in range(0, len(ids), 900):
        chunk = tuple(ids[start : start + 900])
        result = conn.exec_driver_sql(
            plan.select_sql + f"({', '.join('?' * len(chunk))})", chunk
        )
        if names is None:
            names = list(result.keys())
        for raw in result:
            row = dict(zip(names, raw, strict=True))
            revs = row["field_revs"]
            row["field_revs"] = loads(revs) if revs else {}
            out[row["id"]] = row
    return out


def pending_fields(
    conn: Connection, tbl: str, ids: Sequence[str]
) -> dict[str, tuple[set[str], set[str]]]:
    """Per row id: fields with pending outbox entries, and pending ops."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for row_id, op, fields in conn.execute(
            select(OUTBOX.c.row_id, OUTBOX.c.op, OUTBOX.c.fields).where(
                OUTBOX.c.tbl == tbl, OUTBOX.c.row_id.in_(chunk)
            )
        ):
            names, ops = out.setdefault(row_id, (set(), set()))
            names |= set(fields or {})
            ops.add(op)
    return out


def _has_outbox(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM sync_outbox LIMIT 1").first() is not None


def apply_table(
    conn: Connection,
    table: SyncedTable,
    changes: Sequence[Mapping[str, Any]],
    *,
    sent: Mapping[str, frozenset[str]] | None = None,
) -> tuple[ApplyStats, list[str]]:
    """Apply ``changes`` of one table; returns stats and the ids inserted.

    Args:
        sent: per row id, the fields the laptop just pushed (push answers).
    """
    plan = _plan(table.name, conn.dialect)
    ids = list(dict.fromkeys(str(c["id"]) for c in changes))
    local = _local_rows(conn, plan, ids)
    pending = pending_fields(conn, table.name, ids) if _has_outbox(conn) else {}
    store = plan.store
    to_storage = plan.to_storage
    sent = sent or {}
    no_pending: tuple[set[str], set[str]] = (set(), set())
    inserts: list[tuple[Any, ...]] = []
    inserted: list[str] = []
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    evict: list[str] = []
    skipped = deleted = 0
    for change in changes:
        row_id = str(change["id"])
        fields_pending, ops_pending = pending.get(row_id, no_pending)
        if change.get("op") == PullOp.EVICT or change.get("evict"):
            if row_id in local and not ops_pending:
                evict.append(row_id)
                local.pop(row_id)
            continue
        incoming = change.get("row")
        if incoming is None:
            skipped += 1  # absent on the server (rejected create): keep ours
            continue
        in_revs = {k: int(v) for k, v in (change.get("field_revs") or {}).items()}
        in_deleted_at = decode_time(change.get("deleted_at"))
        if change.get("deleted_rev") is not None and in_deleted_at is None:
            in_deleted_at = decode_time(change.get("updated_at"))
        in_deleted = (
            None if in_deleted_at is None else store["deleted_at"](in_deleted_at)
        )
        updated_at = decode_time(change.get("updated_at"))
        in_updated = None if updated_at is None else store["updated_at"](updated_at)
        current = local.get(row_id)
        if current is None:
            try:
                row = {
                    f: to_storage[f](incoming[f]) for f in table.fields if f in incoming
                }
            except CodecError:
                skipped += 1
                continue
            row.update(
                id=row_id,
                rev=int(change.get("rev") or 0),
                field_revs=in_revs,
                deleted_rev=change.get("deleted_rev"),
                deleted_at=in_deleted,
                updated_at=in_updated,
            )
            values = []
            for name in plan.columns:
                value = row.get(name)
                if value is None and (name not in row or name in plan.not_null):
                    value = plan.defaults[name]()
                    row[name] = value
                values.append(value)
            values[plan.columns.index("field_revs")] = store["field_revs"](in_revs)
            inserts.append(tuple(values))
            inserted.append(row_id)
            local[row_id] = row
            continue
        changed: dict[str, Any] = {}
        revs = dict(current["field_revs"])
        just_sent = sent.get(row_id, frozenset())
        try:
            for name in table.fields:
                if name not in incoming or name in fields_pending:
                    continue
                in_rev = in_revs.get(name, 0)
                have = int(revs.get(name, 0))
                if in_rev < have or (in_rev == have and name not in just_sent):
                    continue  # older, or the very write we hold
                value = to_storage[name](incoming[name])
                if current.get(name) != value:
                    changed[name] = value
                if in_rev != have:
                    revs[name] = in_rev
        except CodecError:
            skipped += 1
            continue
        if revs != current["field_revs"]:
            changed["field_revs"] = revs
        if not ops_pending & {"delete", "restore"}:
            was_deleted = current.get("deleted_at") is not None
            if was_deleted != (in_deleted is not None):
                changed["deleted_at"] = in_deleted
                deleted += in_deleted is not None
            if current.get("deleted_rev") != change.get("deleted_rev"):
                changed["deleted_rev"] = change.get("deleted_rev")
        new_rev = max(int(current.get("rev") or 0), int(change.get("rev") or 0))
        if new_rev != current.get("rev"):
            changed["rev"] = new_rev
        if not changed:
            skipped += 1
            continue
        if in_updated is not None and set(changed) - BOOKKEEPING:
            # only a real change moves updated_at: an acknowledgement (new
            # revs, same values) keeps it, so "changed since" checks (import
            # undo) still recognise rows nobody touched
            changed["updated_at"] = in_updated
        current.update(changed)
        if "field_revs" in changed:
            changed["field_revs"] = store["field_revs"](revs)
        keys = tuple(sorted(changed))
        updates[keys].append((*(changed[k] for k in keys), row_id))
    name = table.table.name
    for start in range(0, len(inserts), 1000):
        conn.exec_driver_sql(plan.insert_sql, inserts[start : start + 1000])
    for keys, group in updates.items():
        sets = ", ".join(f'"{k}" = ?' for k in keys)
        conn.exec_driver_sql(f'UPDATE "{name}" SET {sets} WHERE id = ?', group)
    for start in range(0, len(evict), 900):
        chunk = tuple(evict[start : start + 900])
        conn.exec_driver_sql(
            f'DELETE FROM "{name}" WHERE id IN ({", ".join("?" * len(chunk))})', chunk
        )
    stats = ApplyStats(
        inserted=len(inserts),
        updated=sum(len(g) for g in updates.values()),
        deleted=deleted,
        evicted=len(evict),
        skipped=skipped,
        tables=frozenset({table.name}) if inserts or updates or evict else frozenset(),
    )
    return stats, inserted
