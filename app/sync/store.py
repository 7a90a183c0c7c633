"""The laptop's side of sync on SQLite: batches, acknowledgements, applying pages.

Everything here is SQLAlchemy Core on the local engine, one transaction per
step, so a crash leaves either the old or the new state (sync.md 2.3, 2.6):

* :func:`next_batch` stamps the oldest unsent entries with a batch id and
  commits *before* sending; every retry resends that exact batch.
* :func:`ack` deletes the acknowledged entries and applies the rows the
  server returned, in one transaction.
* :func:`apply_page` applies pulled rows and stores the cursor with them.

Applying never goes through the ORM, so nothing applied is captured into the
outbox. Fields with a pending outbox entry keep their local value and old
field rev, so the next push is checked against the right base.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)

from app.db import search_schema
from app.models import SyncConflict, SyncState
from app.sync.apply import ApplyStats as ApplyStats
from app.sync.apply import apply_table
from app.sync.outbox import OUTBOX
from app.sync.outbox_sql import fill_creates
from app.sync.protocol.tables import (
    loads,
    synced_table,
    synced_tables,
)
from app.sync.protocol.wire import (
    MAX_BATCH_CHANGES,
    Change,
    PullOp,
    PushRequest,
    PushResponse,
    RowState,
)

STATE = cast(Table, SyncState.__table__)
CONFLICTS = cast(Table, SyncConflict.__table__)

#: sync_state keys
CURSOR = "cursor"
DEVICE_ID = "device_id"
USER_ID = "user_id"
USERNAME = "username"
SERVER_URL = "server_url"
SCOPE_EPOCH = "scope_epoch"
BOOTSTRAP = "bootstrap"  # JSON {"as_of": n, "tables": {tbl: after_id|null(done)}}
LAST_SYNC = "last_sync"
LAST_ERROR = "last_error"


# ---- state


def get_state(conn: Connection, key: str, default: str = "") -> str:
    """A sync_state value."""
    value = conn.execute(select(STATE.c.value).where(STATE.c.key == key)).scalar()
    return default if value is None else str(value)


def set_state(conn: Connection, key: str, value: str) -> None:
    """Set a sync_state value."""
    done = conn.execute(update(STATE).where(STATE.c.key == key).values(value=value))
    if done.rowcount == 0:
        conn.execute(insert(STATE).values(key=key, value=value))


def read_state(engine: Engine, key: str, default: str = "") -> str:
    """A sync_state value in its own transaction."""
    with engine.connect() as conn:
        return get_state(conn, key, default)


def write_state(engine: Engine, **values: str) -> None:
    """Set sync_state values in one transaction."""
    with engine.begin() as conn:
        for key, value in values.items():
            set_state(conn, key, value)


def pending_count(engine: Engine) -> int:
    """Local changes not yet acknowledged by the server."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(OUTBOX)).scalar_one())


def open_conflicts(engine: Engine) -> int:
    """Conflicts waiting for the user."""
    with engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(CONFLICTS)
                .where(CONFLICTS.c.status == "open", CONFLICTS.c.deleted_at.is_(None))
            ).scalar_one()
        )


@contextmanager
def _foreign_keys_off(engine: Engine) -> Iterator[Connection]:
    """A transaction with foreign keys off: pulled rows may reference rows out of
    this laptop's scope (an employment of an organisation another team owns)."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                yield conn
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


# ---- push side


def next_batch(
    engine: Engine, device_id: str, *, limit: int = MAX_BATCH_CHANGES
) -> PushRequest | None:
    """The batch to send: the one in flight, else the oldest unsent entries.

    Stamping commits before anything is sent, so a retry after a crash resends
    exactly the same batch id and changes.
    """
    with engine.begin() as conn:
        return _batch_on(conn, device_id, limit)


def _batch_on(conn: Connection, device_id: str, limit: int) -> PushRequest | None:
    in_flight = conn.exec_driver_sql(
        "SELECT batch_id FROM sync_outbox WHERE batch_id IS NOT NULL "
        "ORDER BY seq LIMIT 1"
    ).scalar()
    while in_flight is None:
        stamp = str(uuid.uuid4())
        stamped = conn.exec_driver_sql(
            "UPDATE sync_outbox SET batch_id = ? WHERE seq IN (SELECT seq FROM "
            "sync_outbox WHERE batch_id IS NULL ORDER BY seq LIMIT ?)",
            (stamp, limit),
        ).rowcount
        if not stamped:
            return None
        _one_entry_per_row(conn, stamp)
        # deferred creates get their fields now, in the stamping transaction
        # (a retry resends exactly these bytes); creates of rows since
        # deleted drop out, and a batch of nothing but those is not sent
        fill_creates(conn, stamp)
        if _stamped_left(conn, stamp):
            in_flight = stamp
    changes: list[Change] = [
        {
            "op_id": op_id,
            "tbl": tbl,
            "id": row_id,
            "op": op,
            "base_rev": int(base_rev),
            "fields": loads(fields) if fields else {},
            "edited_at": _iso_utc(created_at),
        }
        for op_id, tbl, row_id, op, base_rev, fields, created_at in conn.exec_driver_sql(
            "SELECT op_id, tbl, row_id, op, base_rev, fields, created_at "
            "FROM sync_outbox WHERE batch_id = ? ORDER BY seq",
            (in_flight,),
        )
    ]
    return {"device_id": device_id, "batch_id": str(in_flight), "changes": changes}


def _one_entry_per_row(conn: Connection, batch_id: str) -> None:
    """End batch ``batch_id`` before a second entry for the same row.

    A later entry builds on the rev the server gives the earlier one (a
    create's delete needs the create's rev): it goes in the next batch, whose
    bases are rebased when this one is acknowledged (``_rebase_pending``).
    """
    second = conn.exec_driver_sql(
        "SELECT min(seq) FROM (SELECT seq, row_number() OVER "
        "(PARTITION BY tbl, row_id ORDER BY seq) AS nth "
        "FROM sync_outbox WHERE batch_id = ?) WHERE nth > 1",
        (batch_id,),
    ).scalar()
    if second is not None:
        conn.exec_driver_sql(
            "UPDATE sync_outbox SET batch_id = NULL WHERE batch_id = ? AND seq >= ?",
            (batch_id, second),
        )


def _stamped_left(conn: Connection, batch_id: str) -> bool:
    """Whether batch ``batch_id`` still holds an entry."""
    return (
        conn.exec_driver_sql(
            "SELECT 1 FROM sync_outbox WHERE batch_id = ? LIMIT 1", (batch_id,)
        ).first()
        is not None
    )


def _iso_utc(stored: str | None) -> str | None:
    """A stored UTC time as the ISO text the entry always travels with."""
    if not stored:
        return None
    return dt.datetime.fromisoformat(stored).replace(tzinfo=dt.UTC).isoformat()


def split_batch(engine: Engine, batch_id: str) -> None:
    """The server refused the batch as too large (413): unstamp its later half."""
    with engine.begin() as conn:
        seqs = (
            conn.execute(
                select(OUTBOX.c.seq)
                .where(OUTBOX.c.batch_id == batch_id)
                .order_by(OUTBOX.c.seq)
            )
            .scalars()
            .all()
        )
        if len(seqs) <= 1:
            return
        keep = len(seqs) // 2
        conn.execute(
            update(OUTBOX).where(OUTBOX.c.seq.in_(seqs[keep:])).values(batch_id=None)
        )
        # the first half is a new batch: the server never stored the old one
        conn.execute(
            update(OUTBOX)
            .where(OUTBOX.c.seq.in_(seqs[:keep]))
            .values(batch_id=str(uuid.uuid4()))
        )


def ack(engine: Engine, request: PushRequest, response: PushResponse) -> ApplyStats:
    """Apply a push response: drop the acknowledged entries, take the server's rows.

    One local transaction, so a crash before it commits resends the same batch
    (the server answers the replay with the stored response).
    """
    with _foreign_keys_off(engine) as conn:
        return _ack_on(conn, request, response)


def ack_and_next(
    engine: Engine,
    request: PushRequest,
    response: PushResponse,
    *,
    limit: int = MAX_BATCH_CHANGES,
) -> tuple[ApplyStats, PushRequest | None]:
    """:func:`ack`, and stamp the next batch in the same transaction (one commit
    per batch instead of two on the push path)."""
    with _foreign_keys_off(engine) as conn:
        stats = _ack_on(conn, request, response)
        return stats, _batch_on(conn, request["device_id"], limit)


def _ack_on(
    conn: Connection, request: PushRequest, response: PushResponse
) -> ApplyStats:
    sent = {(c["tbl"], c["id"]): c for c in request["changes"]}
    fields = {k: frozenset(c.get("fields") or {}) for k, c in sent.items()}
    conn.exec_driver_sql(
        "DELETE FROM sync_outbox WHERE batch_id = ?", (request["batch_id"],)
    )
    _rebase_pending(conn, sent, response["rows"])
    return _apply_rows(
        conn, [dict(r) | {"op": "ack"} for r in response["rows"]], sent=fields
    )


def _rebase_pending(
    conn: Connection, sent: dict[tuple[str, str], Change], rows: Sequence[RowState]
) -> None:
    """Later edits of a row made on top of a just-acknowledged one get its new revs.

    A pending field is rebased when the server now holds exactly the value we
    sent for it (applied or merged); then the later edit builds on that rev.
    """
    wanted = [s for s in rows if (s["tbl"], s["id"]) in sent and s["row"] is not None]
    by_key = {(s["tbl"], s["id"]): s for s in wanted}
    ids_by_table: dict[str, list[str]] = defaultdict(list)
    for tbl, row_id in by_key:
        ids_by_table[tbl].append(row_id)
    pending: list[Any] = []
    # (tbl, row_id) is the outbox index: with the table named, each lookup is
    # one index descent instead of a scan of every pending entry per batch.
    for tbl, ids in ids_by_table.items():
        for start in range(0, len(ids), 900):
            pending += (
                conn.execute(
                    select(
                        OUTBOX.c.seq,
                        OUTBOX.c.tbl,
                        OUTBOX.c.row_id,
                        OUTBOX.c.fields,
                        OUTBOX.c.base_rev,
                    ).where(
                        OUTBOX.c.tbl == tbl,
                        OUTBOX.c.row_id.in_(ids[start : start + 900]),
                    )
                )
                .mappings()
                .all()
            )
    for entry in pending:
        key = (entry["tbl"], entry["row_id"])
        state = by_key.get(key)
        if state is None or state["row"] is None or entry["fields"] is None:
            continue
        change = sent[key]
        fields = {k: dict(v) for k, v in entry["fields"].items()}
        for name, spec in fields.items():
            ours = change["fields"].get(name)
            if ours is not None and state["row"].get(name) == ours["value"]:
                spec["base"] = int(state["field_revs"].get(name) or spec["base"])
        base_rev = entry["base_rev"]
        if base_rev == change["base_rev"] or change["op"] == "create":
            base_rev = state["rev"]
        conn.execute(
            update(OUTBOX)
            .where(OUTBOX.c.seq == entry["seq"])
            .values(fields=fields, base_rev=base_rev)
        )


# ---- pull side


def apply_page(
    engine: Engine, changes: Sequence[Any], *, cursor: int | None = None
) -> ApplyStats:
    """Apply pulled (or bootstrapped) rows; store ``cursor`` in the same transaction."""
    with _foreign_keys_off(engine) as conn:
        stats = _apply_rows(conn, changes)
        if cursor is not None:
            set_state(conn, CURSOR, str(cursor))
        return stats


def apply_bootstrap_page(
    engine: Engine, rows: Sequence[Any], *, progress: dict[str, Any]
) -> ApplyStats:
    """Apply a bootstrap page and record how far the bootstrap got, atomically."""
    with _foreign_keys_off(engine) as conn:
        stats = _apply_rows(conn, [dict(r) | {"op": PullOp.UPSERT} for r in rows])
        set_state(conn, BOOTSTRAP, json.dumps(progress))
        return stats


def _apply_rows(
    conn: Connection,
    changes: Sequence[dict[str, Any]],
    *,
    sent: Mapping[tuple[str, str], frozenset[str]] | None = None,
) -> ApplyStats:
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for change in changes:
        if synced_table(str(change.get("tbl"))) is not None:
            by_table[str(change["tbl"])].append(change)
    total = ApplyStats()
    tables = synced_tables()
    inserted: dict[str, list[str]] = {}
    for tbl in sorted(by_table, key=lambda n: tables[n].order):
        just_sent = {r: f for (t, r), f in (sent or {}).items() if t == tbl}
        stats, new_ids = apply_table(conn, tables[tbl], by_table[tbl], sent=just_sent)
        total += stats
        if new_ids:
            inserted[tbl] = new_ids
    _refresh_summaries(conn, inserted)
    return total


def _refresh_summaries(conn: Connection, inserted: dict[str, list[str]]) -> None:
    """List summaries of new persons/organisations, whose children may have come first.

    Triggers keep summaries when children change; a parent inserted after its
    children (pages follow server revs) starts empty, so compute it here.
    """
    ids = {t: inserted.get(t, []) for t in ("person", "organisation")}
    if not ids["person"] and not ids["organisation"]:
        return
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS sync_new_ids (id TEXT)")
    for table in ("organisation", "person"):
        if not ids[table]:
            continue
        conn.exec_driver_sql("DELETE FROM sync_new_ids")
        conn.exec_driver_sql(
            "INSERT INTO sync_new_ids (id) VALUES (?)", [(i,) for i in ids[table]]
        )
        conn.exec_driver_sql(
            search_schema.summary_update(table, "SELECT id FROM sync_new_ids")
        )
        if table == "organisation":
            conn.exec_driver_sql(
                search_schema.summary_update(
                    "person",
                    "SELECT person_id FROM employment WHERE organisation_id IN "
                    "(SELECT id FROM sync_new_ids)",
                )
            )
    conn.exec_driver_sql("DELETE FROM sync_new_ids")


# ---- re-bootstrap


def clear_synced_rows(engine: Engine) -> None:
    """Before a re-bootstrap: drop server copies (rev > 0) with nothing pending.

    Rows that never reached the server (rev 0) stay: they are the user's.
    """
    with _foreign_keys_off(engine) as conn:
        for table in reversed(list(synced_tables().values())):
            t = table.table
            conn.execute(
                delete(t).where(
                    t.c.rev > 0,
                    ~t.c.id.in_(
                        select(OUTBOX.c.row_id).where(OUTBOX.c.tbl == table.name)
                    ),
                )
            )
        set_state(conn, CURSOR, "0")
        set_state(conn, BOOTSTRAP, "")


def tables_to_bootstrap() -> list[str]:
    """Synced tables, parents first."""
    return list(synced_tables())
