"""Capturing local edits into the outbox, in the same transaction (sync.md 2.3).

:func:`install` hooks a session factory: after every flush, the attribute
history of new, changed and deleted rows of every synced table (any
:class:`~app.models.base.SyncMixin` model, also ones added later) becomes or
updates an outbox entry. ``after_flush`` rather than ``before_flush``: column
defaults are filled by then, so a create carries every value it stored.
Sessions flagged ``info["applying_remote"]`` (rows from the server) are not
captured.

Coalescing while an entry is unsent (no ``batch_id``): update+update = one
entry (first base/old, latest value; a value edited back drops the field);
create+updates = create (a deferred create, ``fields`` null, stays deferred:
see :mod:`app.sync.outbox_sql`); create+delete = nothing, unless live rows
refer to the row (its children's creates are queued: they need their parent
on the server, so the create stays and the delete follows); update+delete =
delete with the original base rev; delete+restore = the earlier update (or
nothing).

A row without a server rev and without an outbox entry was not created here
after the last sync: a migration seeded it on every laptop and on the server
(default pipeline, base rates). Its edits travel as updates and deletes with
base 0, never as a create, so two laptops editing different fields of a seeded
row merge like any other edits.

Bulk writers that bypass the ORM (importers) call :func:`record_bulk` with the
rows they wrote, on their connection, before committing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Table, delete, event, insert, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from app.models import SyncMixin, SyncOutbox
from app.sync.protocol.tables import SyncedTable, synced_table, synced_tables
from app.sync.protocol.wire import SCHEMA_VERSION, Op

APPLYING_REMOTE = "applying_remote"
OUTBOX = cast(Table, SyncOutbox.__table__)

Entry = dict[str, Any]


def install(sessions: sessionmaker[Session]) -> None:
    """Capture edits made through sessions of ``sessions`` (idempotent)."""
    if not event.contains(sessions, "after_flush", _after_flush):
        event.listen(sessions, "after_flush", _after_flush)


def uninstall(sessions: sessionmaker[Session]) -> None:
    """Stop capturing (tests)."""
    if event.contains(sessions, "after_flush", _after_flush):
        event.remove(sessions, "after_flush", _after_flush)


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    if session.info.get(APPLYING_REMOTE):
        return
    entries: list[Entry] = []
    for obj in session.new:
        if isinstance(obj, SyncMixin):
            entry = _created(obj)
            if entry is not None:
                entries.append(entry)
    for obj in session.dirty:
        if isinstance(obj, SyncMixin):
            entry = _changed(obj)
            if entry is not None:
                entries.append(entry)
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            table = synced_table(obj.__tablename__)  # type: ignore[attr-defined]
            if table is not None:
                entries.append(_entry(table, obj.id, Op.DELETE, {}, obj.rev))
    if entries:
        record(session.connection(), entries)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _entry(
    table: SyncedTable, row_id: str, op: Op, fields: dict[str, Any], base_rev: int
) -> Entry:
    return {
        "op_id": str(uuid.uuid4()),
        "tbl": table.name,
        "row_id": row_id,
        "op": str(op),
        "fields": fields,
        "base_rev": int(base_rev or 0),
        "batch_id": None,
        "schema_version": SCHEMA_VERSION,
        "created_at": dt.datetime.now(dt.UTC),
    }


def _created(obj: SyncMixin) -> Entry | None:
    table = synced_table(obj.__tablename__)  # type: ignore[attr-defined]
    if table is None or obj.deleted_at is not None:
        return None
    values = {f: getattr(obj, f) for f in table.fields}
    return _entry(table, obj.id, Op.CREATE, _as_fields(table, values, None), 0)


def _as_fields(
    table: SyncedTable,
    values: Mapping[str, Any],
    old: Mapping[str, Any] | None,
    revs: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        spec: dict[str, Any] = {
            "value": table.encoders[name](value),
            "base": int((revs or {}).get(name, 0)),
        }
        if old is not None and name in old:
            spec["old"] = table.encoders[name](old[name])
        out[name] = spec
    return out


def _changed(obj: SyncMixin) -> Entry | None:
    table = synced_table(obj.__tablename__)  # type: ignore[attr-defined]
    if table is None:
        return None
    state = inspect(obj)
    values: dict[str, Any] = {}
    old: dict[str, Any] = {}
    for name in table.fields:
        hist = state.attrs[name].history
        if not hist.added:
            continue
        new = hist.added[0]
        if hist.deleted:
            if hist.deleted[0] == new:
                continue
            old[name] = hist.deleted[0]
        values[name] = new
    deleted = state.attrs["deleted_at"].history
    op = Op.UPDATE
    if deleted.added and deleted.deleted != deleted.added:
        was = deleted.deleted[0] if deleted.deleted else None
        now = deleted.added[0]
        if was is None and now is not None:
            op = Op.DELETE
        elif was is not None and now is None:
            op = Op.RESTORE
    if op is Op.UPDATE and not values:
        return None
    if obj.rev == 0:
        # no server rev yet: :func:`record` decides between a create (the row
        # never reached the server) and this change (its create is in flight,
        # or a migration seeded the row on laptops and server alike)
        everything = {f: getattr(obj, f) for f in table.fields}
        fields = {} if op is Op.DELETE else _as_fields(table, values, old)
        return _entry(table, obj.id, op, fields, 0) | {
            "_from_rev0": True,
            "_full": _as_fields(table, everything, None),
        }
    fields = _as_fields(table, values, old, obj.field_revs or {})
    return _entry(table, obj.id, op, fields, obj.rev)


def record(conn: Connection, entries: Iterable[Entry]) -> None:
    """Write entries to the outbox, coalescing with unsent ones for the same row."""
    todo = list(entries)
    existing = _entries_of(conn, {(e["tbl"], e["row_id"]) for e in todo})
    inserts: list[Entry] = []
    for entry in todo:
        from_rev0 = entry.pop("_from_rev0", False)
        full = entry.pop("_full", None)
        key = (entry["tbl"], entry["row_id"])
        rows = existing.setdefault(key, [])
        # the latest unsent entry: a create + delete pair (see below) takes
        # a restore into its delete, which leaves the create alone
        unsent = next((e for e in reversed(rows) if e["batch_id"] is None), None)
        if from_rev0 and entry["op"] != Op.DELETE:
            unsent_create = unsent is not None and unsent["op"] == Op.CREATE
            if unsent_create or (not rows and entry["op"] == Op.RESTORE):
                # still (or again) a create: created here, never acknowledged
                entry["op"] = str(Op.CREATE)
                entry["fields"] = full or {}
            elif entry["op"] == Op.UPDATE and not entry["fields"]:
                continue
        if unsent is None:
            rows.append(entry)
            inserts.append(entry)
            continue
        merged = coalesce(dict(unsent), entry)
        if merged is None and unsent["op"] == Op.CREATE and _has_children(conn, key):
            # rows referring to this one are queued (or will be): the server
            # needs it to take them, so it travels as a create, then a delete
            rows.append(entry)
            inserts.append(entry)
            continue
        if merged == unsent:
            continue  # e.g. an edit of a row whose deferred create is unsent
        if "seq" not in unsent:  # queued in this call, not written yet
            if merged is None:
                rows.remove(unsent)
                inserts.remove(unsent)
            else:
                unsent.update(merged)
            continue
        if merged is None:
            conn.execute(delete(OUTBOX).where(OUTBOX.c.seq == unsent["seq"]))
            rows.remove(unsent)
        else:
            conn.execute(
                update(OUTBOX)
                .where(OUTBOX.c.seq == unsent["seq"])
                .values(
                    op=merged["op"],
                    fields=merged["fields"],
                    base_rev=merged["base_rev"],
                )
            )
            unsent.update(merged)
    for start in range(0, len(inserts), 1000):
        conn.execute(insert(OUTBOX), inserts[start : start + 1000])


def _has_children(conn: Connection, key: tuple[str, str]) -> bool:
    """Whether a row of a synced table refers to row ``key`` (table, id) and
    needs it on the server: a live one, or a deleted one whose create is
    queued (it kept its own create + delete for children of its own)."""
    tbl, row_id = key
    for child in synced_tables().values():
        for column, parent in child.foreign_keys.items():
            if parent != tbl:
                continue
            if conn.exec_driver_sql(
                f'SELECT 1 FROM {child.name} c WHERE c."{column}" = ? '
                "AND (c.deleted_at IS NULL OR EXISTS (SELECT 1 FROM sync_outbox o "
                "WHERE o.tbl = ? AND o.row_id = c.id AND o.op = 'create')) LIMIT 1",
                (row_id, child.name),
            ).first():
                return True
    return False


def _entries_of(
    conn: Connection, keys: set[tuple[str, str]]
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Outbox entries of the given rows, oldest first (one query per 500 rows)."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    by_table: dict[str, list[str]] = {}
    for tbl, row_id in keys:
        by_table.setdefault(tbl, []).append(row_id)
    for tbl, ids in by_table.items():
        for start in range(0, len(ids), 500):
            for row in conn.execute(
                select(OUTBOX)
                .where(
                    OUTBOX.c.tbl == tbl, OUTBOX.c.row_id.in_(ids[start : start + 500])
                )
                .order_by(OUTBOX.c.seq)
            ).mappings():
                out.setdefault((tbl, row["row_id"]), []).append(dict(row))
    return out


def _merge_fields(
    first: dict[str, Any], later: dict[str, Any], *, drop_reverted: bool
) -> dict[str, Any]:
    out = {k: dict(v) for k, v in first.items()}
    for name, spec in later.items():
        if name in out:
            out[name]["value"] = spec["value"]
            if (
                drop_reverted
                and "old" in out[name]
                and out[name]["old"] == spec["value"]
            ):
                del out[name]
        else:
            out[name] = dict(spec)
    return out


def coalesce(existing: Entry, new: Entry) -> Entry | None:
    """One unsent entry from ``existing`` followed by ``new``; ``None`` = nothing left."""
    first, then = existing["op"], new["op"]
    fields = existing.get("fields") or {}
    later = new.get("fields") or {}
    if first == Op.CREATE:
        if then == Op.DELETE:
            return None
        if existing.get("fields") is None:
            # deferred create (outbox_sql): filled from the row when sent
            return existing
        merged = _merge_fields(fields, later, drop_reverted=False)
        for spec in merged.values():
            spec["base"] = 0
            spec.pop("old", None)
        return existing | {"fields": merged}
    if first == Op.UPDATE:
        if then == Op.DELETE:
            return existing | {"op": str(Op.DELETE), "fields": fields}
        merged = _merge_fields(fields, later, drop_reverted=True)
        if not merged and then == Op.UPDATE:
            return None
        op = Op.RESTORE if then == Op.RESTORE else Op.UPDATE
        return existing | {"op": str(op), "fields": merged}
    if first == Op.DELETE:
        if then == Op.RESTORE:
            merged = _merge_fields(fields, later, drop_reverted=True)
            if not merged:
                return None
            return existing | {"op": str(Op.UPDATE), "fields": merged}
        return existing | {"fields": _merge_fields(fields, later, drop_reverted=False)}
    # restore
    if then == Op.DELETE:
        return None
    return existing | {"fields": _merge_fields(fields, later, drop_reverted=False)}


def record_bulk(
    conn: Connection,
    tbl: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    created: bool = True,
) -> int:
    """Queue rows a bulk writer inserted (or updated) without the ORM.

    Call it on the writer's connection before commit, with the Python values of
    each row (at least ``id`` and the fields written). Returns entries queued.

    Raises:
        KeyError: ``tbl`` is not a synced table.
    """
    table = synced_table(tbl)
    if table is None:
        raise KeyError(tbl)
    entries = []
    for row in rows:
        values = {f: row[f] for f in table.fields if f in row}
        if created:
            entries.append(
                _entry(
                    table, str(row["id"]), Op.CREATE, _as_fields(table, values, None), 0
                )
            )
        else:
            revs = row.get("field_revs") or {}
            entries.append(
                _entry(
                    table,
                    str(row["id"]),
                    Op.UPDATE,
                    _as_fields(table, values, None, revs),
                    int(row.get("rev") or 0),
                )
            )
    if created:
        for start in range(0, len(entries), 1000):
            conn.execute(insert(OUTBOX), entries[start : start + 1000])
    else:
        record(conn, entries)
    return len(entries)


class Written(Protocol):
    """A row a bulk writer wrote (e.g. :class:`app.domain.exchange.WrittenRow`)."""

    @property
    def table(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def op(self) -> str: ...
    @property
    def fields(self) -> frozenset[str]: ...


def record_written(conn: Connection, written: Iterable[Written]) -> int:
    """Queue what a bulk writer (import, import undo) wrote, before it commits.

    ``op`` is ``insert``/``create`` (a new row: every field is sent), ``update`` (the
    named fields; ``deleted_at`` set or cleared means delete or restore) or
    ``delete`` (a never-synced row removed outright: its pending create is
    dropped, or a delete follows a create already in flight). Values are read
    back from the rows as written, in the writer's transaction; rows of tables
    that do not sync are ignored. Returns the entries queued.
    """
    groups: dict[tuple[str, str], dict[str, frozenset[str]]] = {}
    for row in written:
        if synced_table(row.table) is not None:
            group = groups.setdefault((row.table, row.op), {})
            group[row.id] = group.get(row.id, frozenset()) | row.fields
    queued = 0
    for (tbl, op), rows in sorted(
        groups.items(), key=lambda g: (synced_tables()[g[0][0]].order, g[0][1])
    ):
        table = synced_tables()[tbl]
        if op == "delete":
            entries = [_entry(table, rid, Op.DELETE, {}, 0) for rid in rows]
            record(conn, entries)
            queued += len(entries)
            continue
        if op in ("create", "insert"):
            creates = [
                _entry(table, rid, Op.CREATE, fields, 0)
                for rid, fields in create_fields(conn, table, list(rows)).items()
            ]
            for start in range(0, len(creates), 1000):
                conn.execute(insert(OUTBOX), creates[start : start + 1000])
            queued += len(creates)
            continue
        current = _current_rows(conn, table, list(rows))
        updates = []
        for rid, values in current.items():
            names = [f for f in table.fields if f in rows[rid]]
            revs = values["field_revs"] or {}
            op_kind = Op.UPDATE
            if "deleted_at" in rows[rid]:
                op_kind = Op.DELETE if values["deleted_at"] is not None else Op.RESTORE
            elif not names:
                continue
            fields = (
                {}
                if op_kind is Op.DELETE
                else _as_fields(table, {f: values[f] for f in names}, None, revs)
            )
            updates.append(_entry(table, rid, op_kind, fields, int(values["rev"] or 0)))
        record(conn, updates)
        queued += len(updates)
    return queued


def create_fields(
    conn: Connection, table: SyncedTable, ids: list[str], *, deleted: bool = False
) -> dict[str, dict[str, Any]]:
    """A create entry's fields for each row of ``ids`` as stored now (rows that
    are gone are missing; deleted ones too unless ``deleted``)."""
    return {
        rid: _as_fields(table, {f: values[f] for f in table.fields}, None)
        for rid, values in _current_rows(conn, table, ids).items()
        if deleted or values["deleted_at"] is None
    }


def _current_rows(
    conn: Connection, table: SyncedTable, ids: list[str]
) -> dict[str, dict[str, Any]]:
    t = table.table
    cols = [
        t.c.id,
        t.c.rev,
        t.c.field_revs,
        t.c.deleted_at,
        *(t.c[f] for f in table.fields),
    ]
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        for row in conn.execute(
            select(*cols).where(t.c.id.in_(ids[start : start + 500]))
        ).mappings():
            out[row["id"]] = dict(row)
    return out
