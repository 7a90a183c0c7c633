"""Push, pull and bootstrap on the server (research/sync.md 2.4-2.6).

Push: one transaction per batch; the counter is bumped first (its lock
serialises writers), then the batch id is looked up: a replay gets the stored
response byte for byte, the same key with another payload a 422.

Pull: pages over ``sync_row`` by rev within ``(cursor, high]`` where ``high`` is
the committed counter, so no late commit is ever skipped; a page is extended to
the end of its last rev, so a rev is never split across pages.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, and_, insert, or_, select

from app.sync.protocol.tables import canonical_json, synced_table, synced_tables
from app.sync.protocol.wire import (
    MAX_BATCH_CHANGES,
    MAX_BOOTSTRAP_LIMIT,
    MAX_PULL_LIMIT,
    SCHEMA_VERSION,
    BootstrapResponse,
    Change,
    PullChange,
    PullOp,
    PullResponse,
    PushResponse,
)
from server.db import read_transaction, write_transaction
from server.models import SyncBatch, SyncMeta, SyncRow, SyncScopeExit
from server.scope import Principal, Scope, can_read, read_filter
from server.writer import (
    Writer,
    bump_counter,
    committed_high,
    decode_changes,
    row_state,
)

_BATCH = cast(Table, SyncBatch.__table__)
_META = cast(Table, SyncMeta.__table__)
_SYNC_ROW = cast(Table, SyncRow.__table__)
_EXIT = cast(Table, SyncScopeExit.__table__)
_SQLITE_WRITE_LOCK = threading.Lock()


class SyncProblem(Exception):  # noqa: N818 - an HTTP problem document
    """An RFC 7807 problem the API answers with.

    Attributes:
        status: HTTP status.
        kind: the last part of the problem type URI.
        detail: human-readable explanation.
        extra: additional members of the problem document.
    """

    def __init__(self, status: int, kind: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail
        self.extra = extra


class _Replay(Exception):  # noqa: N818 - control flow, not an error
    def __init__(self, response: bytes) -> None:
        super().__init__("replay")
        self.response = response


def must_rebootstrap(reason: str) -> SyncProblem:
    """409: the client must drop its copy and bootstrap again (after pushing)."""
    return SyncProblem(
        409,
        "must-rebootstrap",
        f"The local copy must be reloaded ({reason}).",
        reason=reason,
    )


def payload_sha256(request: Any) -> str:
    """Hash of a request in canonical JSON (whitespace and key order do not matter)."""
    return hashlib.sha256(canonical_json(request)).hexdigest()


def validate_push(request: Any, principal: Principal, idempotency_key: str) -> None:
    """Shape checks of a push body before any database work."""
    if not isinstance(request, dict):
        raise SyncProblem(400, "bad-request", "The body must be a JSON object.")
    changes = request.get("changes")
    if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
        raise SyncProblem(400, "bad-request", "changes must be a list of objects.")
    if len(changes) > MAX_BATCH_CHANGES:
        raise SyncProblem(
            413,
            "batch-too-large",
            f"At most {MAX_BATCH_CHANGES} changes per push.",
        )
    batch_id = request.get("batch_id")
    if not isinstance(batch_id, str) or not 0 < len(batch_id) <= 64:
        raise SyncProblem(400, "bad-request", "batch_id is missing.")
    if batch_id != idempotency_key:
        raise SyncProblem(
            400, "bad-request", "The Idempotency-Key header must equal batch_id."
        )
    if request.get("device_id") != principal.device_id:
        raise SyncProblem(403, "forbidden", "The batch names another device.")


def push(
    engine: Engine,
    principal: Principal,
    request: dict[str, Any],
    *,
    schema: int = SCHEMA_VERSION,
    timings: dict[str, float] | None = None,
) -> bytes:
    """Apply one batch; returns the response bytes (stored for replays).

    Args:
        timings: filled with ``queue`` (seconds waiting for the writer's turn
            and the counter lock) and ``apply`` (the transaction itself).

    Raises:
        SyncProblem: 422 when the batch id was used with another payload.
    """
    sha = payload_sha256(request)
    batch_id = str(request["batch_id"])
    device_id = str(principal.device_id)
    changes = cast(Sequence[Change], request["changes"])
    times = timings if timings is not None else {}
    decoded = decode_changes(changes, principal, schema)  # needs no turn
    clock: dict[str, float] = {}
    started = time.perf_counter()
    try:
        with write_transaction(engine, turn=_writer_turn(engine, clock)) as conn:
            rev = bump_counter(conn)
            clock["turn"] = time.perf_counter()
            times["queue"] = clock["turn"] - started
            stored = conn.execute(
                select(_BATCH.c.payload_sha256, _BATCH.c.response).where(
                    _BATCH.c.user_id == principal.user_id,
                    _BATCH.c.device_id == device_id,
                    _BATCH.c.batch_id == batch_id,
                )
            ).first()
            if stored is not None:
                if stored[0] != sha:
                    raise SyncProblem(
                        422,
                        "idempotency-key-reused",
                        "This batch id was already used for different changes.",
                    )
                raise _Replay(bytes(stored[1]))
            writer = Writer(conn, principal, rev=rev, batch_id=batch_id, schema=schema)
            result = writer.apply(changes, decoded)
            response: PushResponse = {
                "batch_id": batch_id,
                "rev": rev,
                "results": result.results,
                "conflict_ids": result.conflict_ids,
                "rows": result.rows,
            }
            data = canonical_json(response)
            conn.execute(
                insert(_BATCH),
                {
                    "user_id": principal.user_id,
                    "device_id": device_id,
                    "batch_id": batch_id,
                    "payload_sha256": sha,
                    "response": data,
                    "rev": rev,
                    "created_at": writer.now,
                },
            )
        # the turn: from holding the counter to the commit (a checkpoint after
        # it no longer holds anyone up, so it is not counted here)
        times["apply"] = clock["done"] - clock["turn"]
        return data
    except _Replay as replay:
        return replay.response


@contextmanager
def _writer_turn(engine: Engine, clock: dict[str, float]) -> Iterator[None]:
    """On SQLite, writers of this process queue on a lock instead of the file lock.

    SQLite's busy timeout gives up after 30 s; 20 laptops pushing 10 batches
    each queue longer than that (4 of 200 batches failed in the benchmark).
    A process lock waits as long as needed; PostgreSQL queues on the counter
    row lock itself. ``clock["done"]``: when the turn ended (committed).
    """
    if engine.dialect.name != "sqlite":
        yield
        clock["done"] = time.perf_counter()
        return
    with _SQLITE_WRITE_LOCK:
        yield
        clock["done"] = time.perf_counter()


def _purge_rev(conn: Connection) -> int:
    value = conn.execute(
        select(_META.c.value).where(_META.c.key == "purge_rev")  # server.purge
    ).scalar_one_or_none()
    return int(value or 0)


def pull(
    engine: Engine,
    principal: Principal,
    *,
    cursor: int,
    limit: int,
    scope_epoch: int | None,
    schema: int = SCHEMA_VERSION,
) -> PullResponse:
    """One page of changes in the caller's scope after ``cursor``."""
    if cursor < 0 or not 0 < limit <= MAX_PULL_LIMIT:
        raise SyncProblem(400, "bad-request", "cursor or limit out of range.")
    if scope_epoch is not None and scope_epoch != principal.scope_epoch:
        raise must_rebootstrap("scope_changed")
    with read_transaction(engine) as conn:
        if cursor < _purge_rev(conn):
            raise must_rebootstrap("cursor_before_purge")
        high = committed_high(conn)
        if cursor > high:
            raise must_rebootstrap("cursor_ahead")
        c = _SYNC_ROW.c
        scope = read_filter(principal, _SYNC_ROW)
        if principal.device_id is not None:
            # what this device's own pushes wrote came back in their answers
            scope = and_(
                scope,
                or_(c.device_id.is_(None), c.device_id != principal.device_id),
            )
        cols = (c.tbl, c.row_id, c.rev, c.deleted)
        page: list[Any] = list(
            conn.execute(
                select(*cols)
                .where(c.rev > cursor, c.rev <= high, scope)
                .order_by(c.rev)
                .limit(limit)
            ).all()
        )
        has_more = len(page) >= limit
        if has_more:
            last = page[-1][2]
            have = {(r[0], r[1]) for r in page if r[2] == last}
            rest = conn.execute(select(*cols).where(c.rev == last, scope)).all()
            page += [r for r in rest if (r[0], r[1]) not in have]
            new_cursor = int(last)
            has_more = new_cursor < high
        else:
            new_cursor = high
        changes = _full_rows(conn, [(r[0], r[1], int(r[2])) for r in page], schema)
        changes += _evictions(conn, principal, cursor, new_cursor, page)
    return {
        "cursor": new_cursor,
        "high": high,
        "has_more": has_more,
        "scope_epoch": principal.scope_epoch,
        "changes": changes,
    }


def _full_rows(
    conn: Connection, page: list[tuple[str, str, int]], schema: int
) -> list[PullChange]:
    by_table: dict[str, list[str]] = defaultdict(list)
    order: dict[tuple[str, str], int] = {}
    for tbl, row_id, rev in page:
        if synced_table(tbl) is not None:
            by_table[tbl].append(row_id)
            order[(tbl, row_id)] = rev
    out: list[PullChange] = []
    for tbl, ids in by_table.items():
        table = synced_tables()[tbl]
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            for values in conn.execute(
                select(table.table).where(table.table.c.id.in_(chunk))
            ).mappings():
                state = row_state(table, dict(values), schema)
                deleted = state["deleted_rev"] is not None or state["deleted_at"]
                change = cast(PullChange, dict(state))
                change["op"] = PullOp.DELETE if deleted else PullOp.UPSERT
                out.append(change)
    tables = synced_tables()
    out.sort(key=lambda ch: (order[(ch["tbl"], ch["id"])], tables[ch["tbl"]].order))
    return out


def _evictions(
    conn: Connection,
    principal: Principal,
    after: int,
    upto: int,
    page: Sequence[Any],
) -> list[PullChange]:
    if principal.reads_all:
        return []
    e = _EXIT.c
    exits = conn.execute(
        select(e.tbl, e.row_id, e.old_owner_id, e.old_team_id, e.old_also_user_id)
        .where(e.rev > after, e.rev <= upto)
        .order_by(e.rev)
    ).all()
    candidates = {
        (r[0], r[1]) for r in exits if can_read(principal, Scope(r[2], r[3], r[4]))
    }
    candidates -= {(r[0], r[1]) for r in page}
    if not candidates:
        return []
    c = _SYNC_ROW.c
    out: list[PullChange] = []
    by_table: dict[str, list[str]] = defaultdict(list)
    for tbl, row_id in candidates:
        by_table[tbl].append(row_id)
    for tbl, ids in sorted(by_table.items()):
        current = {
            r[0]: Scope(r[1], r[2], r[3])
            for r in conn.execute(
                select(c.row_id, c.owner_id, c.team_id, c.also_user_id).where(
                    c.tbl == tbl, c.row_id.in_(ids)
                )
            )
        }
        for row_id in sorted(ids):
            scope = current.get(row_id)
            if scope is None or not can_read(principal, scope):
                out.append(
                    {
                        "tbl": tbl,
                        "id": row_id,
                        "rev": upto,
                        "row": None,
                        "field_revs": {},
                        "deleted_rev": None,
                        "deleted_at": None,
                        "op": PullOp.EVICT,
                    }
                )
    return out


def bootstrap(
    engine: Engine,
    principal: Principal,
    *,
    tbl: str,
    after_id: str,
    as_of: int | None,
    limit: int,
    schema: int = SCHEMA_VERSION,
) -> BootstrapResponse:
    """One page of table ``tbl`` as of rev ``as_of`` (the first call fixes it)."""
    table = synced_table(tbl)
    if table is None:
        raise SyncProblem(404, "unknown-table", f"No synced table {tbl!r}.")
    if not 0 < limit <= MAX_BOOTSTRAP_LIMIT:
        raise SyncProblem(400, "bad-request", "limit out of range.")
    with read_transaction(engine) as conn:
        high = committed_high(conn)
        if as_of is None:
            as_of = high
        if as_of > high or as_of < 0:
            raise SyncProblem(400, "bad-request", "as_of is not a committed rev.")
        if as_of < _purge_rev(conn):
            raise must_rebootstrap("cursor_before_purge")
        t = table.table
        c = _SYNC_ROW.c
        rows = (
            conn.execute(
                select(t)
                .join(_SYNC_ROW, and_(c.tbl == tbl, c.row_id == t.c.id))
                .where(
                    t.c.id > after_id,
                    c.rev <= as_of,
                    c.deleted.is_(False),
                    read_filter(principal, _SYNC_ROW),
                )
                .order_by(t.c.id)
                .limit(limit)
            )
            .mappings()
            .all()
        )
    states = [row_state(table, dict(r), schema) for r in rows]
    return {
        "tbl": tbl,
        "as_of": as_of,
        "scope_epoch": principal.scope_epoch,
        "rows": states,
        "next_after_id": states[-1]["id"] if len(states) >= limit else None,
    }
