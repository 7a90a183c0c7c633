"""One sync cycle: push until the outbox is empty, bootstrap if needed, pull.

Each step is its own local transaction (a batch acknowledged, a page applied),
so stopping anywhere — cancel, crash, lost network — leaves a consistent
database and the next cycle continues where this one stopped.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Engine

from app.domain.progress import NullProgress, ProgressSink
from app.sync import store
from app.sync.client import MustRebootstrap, ServerRefused, SyncClient, TooLarge

PULL_LIMIT = 2000
BOOTSTRAP_LIMIT = 5000


@dataclass(frozen=True)
class CycleResult:
    """What one cycle did."""

    pushed: int
    conflicts: int
    applied: store.ApplyStats
    bootstrapped: bool
    cursor: int


def run_cycle(
    engine: Engine,
    client: SyncClient,
    *,
    progress: ProgressSink | None = None,
    pull_limit: int = PULL_LIMIT,
    bootstrap_limit: int = BOOTSTRAP_LIMIT,
    push: bool = True,
    pull: bool = True,
) -> CycleResult:
    """Push, (re-)bootstrap if needed, pull; raises the client's errors unchanged.

    ``push=False`` or ``pull=False`` run one half only (tests interleave them);
    a re-bootstrap always pushes first, so nothing pending is dropped.
    """
    progress = progress or NullProgress()
    device_id = store.read_state(engine, store.DEVICE_ID)
    pushed, conflicts, applied = 0, 0, store.ApplyStats()
    if push:
        pushed, conflicts, applied = _push_all(engine, client, device_id, progress)
    bootstrapped = False
    try:
        if pull and store.read_state(engine, store.BOOTSTRAP) != "done":
            applied += _bootstrap(engine, client, progress, bootstrap_limit)
            bootstrapped = True
        if pull:
            applied += _pull(engine, client, progress, pull_limit)
    except MustRebootstrap:
        more = _push_all(engine, client, device_id, progress)
        pushed, conflicts, applied = (
            pushed + more[0],
            conflicts + more[1],
            applied + more[2],
        )
        store.write_state(engine, **{store.BOOTSTRAP: ""})
        applied += _bootstrap(engine, client, progress, bootstrap_limit)
        applied += _pull(engine, client, progress, pull_limit)
        bootstrapped = True
    now = dt.datetime.now(dt.UTC).isoformat()
    store.write_state(engine, **{store.LAST_SYNC: now, store.LAST_ERROR: ""})
    cursor = int(store.read_state(engine, store.CURSOR, "0") or 0)
    return CycleResult(pushed, conflicts, applied, bootstrapped, cursor)


def _push_all(
    engine: Engine, client: SyncClient, device_id: str, progress: ProgressSink
) -> tuple[int, int, store.ApplyStats]:
    pushed = conflicts = 0
    applied = store.ApplyStats()
    total = store.pending_count(engine)
    progress.check_cancelled()
    batch = store.next_batch(engine, device_id)
    while batch is not None:
        try:
            response = client.push(batch)
        except TooLarge:
            if len(batch["changes"]) <= 1:
                raise
            store.split_batch(engine, batch["batch_id"])
            batch = store.next_batch(engine, device_id)
            continue
        stats, following = store.ack_and_next(engine, batch, response)
        applied += stats
        pushed += len(batch["changes"])
        conflicts += len(response["conflict_ids"])
        progress.report(pushed, max(total, pushed), "Sending changes")
        batch = following
        if batch is not None:
            progress.check_cancelled()  # a stamped batch is simply resent later
    return pushed, conflicts, applied


def _bootstrap(
    engine: Engine, client: SyncClient, progress: ProgressSink, limit: int
) -> store.ApplyStats:
    raw = store.read_state(engine, store.BOOTSTRAP)
    state = json.loads(raw) if raw and raw != "done" else {}
    if not state:
        # a fresh (re-)bootstrap: rows acknowledged earlier may have been
        # deleted or left this scope since, and pages carry live rows only
        store.clear_synced_rows(engine)
    as_of: int | None = state.get("as_of")
    done: list[str] = list(state.get("done", []))
    epoch = state.get("scope_epoch")
    applied = store.ApplyStats()
    tables = store.tables_to_bootstrap()
    for index, tbl in enumerate(tables):
        if tbl in done:
            continue
        after = state.get("after_id", "") if state.get("table") == tbl else ""
        while True:
            progress.check_cancelled()
            try:
                page = client.bootstrap(tbl, after_id=after, as_of=as_of, limit=limit)
            except ServerRefused as exc:
                if exc.status == 404:  # a table this server does not know yet
                    break
                raise
            if epoch is not None and page["scope_epoch"] != epoch:
                # the user's scope changed between pages: earlier pages may
                # hold rows that are no longer theirs
                raise MustRebootstrap("scope_changed")
            as_of = page["as_of"]
            epoch = page["scope_epoch"]
            nxt = page["next_after_id"]
            if nxt is None:
                done.append(tbl)
            state = {
                "as_of": as_of,
                "done": done,
                "table": tbl,
                "after_id": nxt or "",
                "scope_epoch": epoch,
            }
            applied += store.apply_bootstrap_page(engine, page["rows"], progress=state)
            progress.report(index, len(tables), "Loading data from the server")
            if nxt is None:
                break
            after = nxt
    store.write_state(
        engine,
        **{
            store.BOOTSTRAP: "done",
            store.CURSOR: str(as_of or 0),
            store.SCOPE_EPOCH: str(epoch or ""),
        },
    )
    return applied


def _pull(
    engine: Engine, client: SyncClient, progress: ProgressSink, limit: int
) -> store.ApplyStats:
    applied = store.ApplyStats()
    cursor = int(store.read_state(engine, store.CURSOR, "0") or 0)
    epoch_raw = store.read_state(engine, store.SCOPE_EPOCH)
    epoch = int(epoch_raw) if epoch_raw else None
    while True:
        progress.check_cancelled()
        page = client.pull(cursor, limit=limit, scope_epoch=epoch)
        applied += store.apply_page(engine, page["changes"], cursor=page["cursor"])
        cursor = page["cursor"]
        progress.report(cursor, max(page["high"], 1), "Receiving changes")
        if not page["has_more"]:
            return applied
