"""Tombstone purge (research/sync.md 2.11): deleted rows go after 180 days.

A purge removes tombstones older than the horizon from every synced table and
their ``sync_row``, ``sync_op`` and ``sync_batch`` entries of the same age,
and scope exits the purge makes pointless. It records ``purge_rev``: the
newest rev among the purged tombstones. A laptop whose cursor is below it may
have missed one of them, so its next pull answers 409 ``must_rebootstrap``
(``cursor_before_purge``); the cycle pushes its outbox first, then reloads.

Run it nightly (``relata-server purge``); it is one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Engine, Table, delete, func, select, update

from app.sync.protocol.tables import synced_tables
from server.db import write_transaction
from server.models import SyncBatch, SyncMeta, SyncOp, SyncRow, SyncScopeExit

HORIZON = dt.timedelta(days=180)
PURGE_REV = "purge_rev"

_META = cast(Table, SyncMeta.__table__)
_ROW = cast(Table, SyncRow.__table__)
_OP = cast(Table, SyncOp.__table__)
_BATCH = cast(Table, SyncBatch.__table__)
_EXIT = cast(Table, SyncScopeExit.__table__)


@dataclass(frozen=True)
class PurgeResult:
    """What a purge removed."""

    rows: int
    ops: int
    batches: int
    purge_rev: int


def purge_rev(conn: Connection) -> int:
    """The newest purged tombstone's rev (0: nothing purged yet)."""
    value = conn.execute(
        select(_META.c.value).where(_META.c.key == PURGE_REV)
    ).scalar_one_or_none()
    return int(value or 0)


def purge(
    engine: Engine,
    *,
    now: dt.datetime | None = None,
    horizon: dt.timedelta = HORIZON,
) -> PurgeResult:
    """Delete tombstones (and op/batch records) older than ``horizon``."""
    cutoff = (now or dt.datetime.now(dt.UTC)) - horizon
    rows = 0
    with write_transaction(engine) as conn:
        newest = purge_rev(conn)
        tables = synced_tables()
        for name, table in reversed(list(tables.items())):  # children first
            t = table.table
            old = t.c.deleted_at.is_not(None) & (t.c.deleted_at < cutoff)
            for child in tables.values():  # a row still referenced stays
                for col, target in child.foreign_keys.items():
                    if target == name:
                        c = child.table.alias()
                        old &= ~select(c.c.id).where(c.c[col] == t.c.id).exists()
            ids = list(conn.execute(select(t.c.id).where(old)).scalars())
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                top = conn.execute(
                    select(func.max(_ROW.c.rev)).where(
                        _ROW.c.tbl == name, _ROW.c.row_id.in_(chunk)
                    )
                ).scalar_one()
                newest = max(newest, int(top or 0))
                conn.execute(
                    delete(_ROW).where(_ROW.c.tbl == name, _ROW.c.row_id.in_(chunk))
                )
                conn.execute(delete(t).where(t.c.id.in_(chunk)))
            rows += len(ids)
        ops = conn.execute(delete(_OP).where(_OP.c.created_at < cutoff)).rowcount
        batches = conn.execute(
            delete(_BATCH).where(_BATCH.c.created_at < cutoff)
        ).rowcount
        if newest:
            conn.execute(delete(_EXIT).where(_EXIT.c.rev <= newest))
            done = conn.execute(
                update(_META).where(_META.c.key == PURGE_REV).values(value=str(newest))
            ).rowcount
            if not done:
                conn.execute(_META.insert().values(key=PURGE_REV, value=str(newest)))
    return PurgeResult(rows, int(ops or 0), int(batches or 0), newest)
