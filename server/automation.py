"""Workflows on the server: "form submitted" and the scheduled triggers
(dates, inactivity, overdue tasks, lead scores, waiting sequences), so they
fire while every laptop is off.

The same engine as on the laptop (:mod:`app.services.workflow_engine`) plans
each run; the run row and every row its actions write go through
:class:`server.writer.Writer` in one transaction, so they get a rev and reach
the laptops by sync. Ids are deterministic: a laptop that handles the same
occasion makes the same run id and skips it once the server's run arrived
(or the two run rows merge if both ran before syncing). A send-e-mail step is
handed to the owner's laptop (status ``handoff``): the SMTP account is there.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from app.domain.automation import SCHEDULED, Event, RunStatus
from app.models.automation import WorkflowRun
from app.services import workflow_engine as we
from app.sync.protocol.tables import synced_table
from server.db import read_transaction, write_transaction
from server.scope import SYSTEM
from server.writer import Writer, bump_counter

log = logging.getLogger(__name__)


def change_for(
    conn: Connection, tbl: str, row_id: str, values: Mapping[str, Any], create: bool
) -> dict[str, Any] | None:
    table = synced_table(tbl)
    if table is None:
        return None
    base_rev, revs = 0, {}
    if not create:
        cur = conn.execute(
            select(table.table.c.rev, table.table.c.field_revs).where(
                table.table.c.id == row_id
            )
        ).first()
        if cur is None:
            return None
        base_rev, revs = int(cur[0] or 0), dict(cur[1] or {})
    fields = {}
    for name, value in values.items():
        if name == "deleted_at":
            continue
        if name not in table.encoders:
            continue
        fields[name] = {
            "value": table.encoders[name](value),
            "base": int(revs.get(name, 0)),
        }
    op = "create" if create else "update"
    if not create and "deleted_at" in values:
        op = "delete" if values["deleted_at"] is not None else "restore"
    return {
        "op_id": str(uuid.uuid4()),
        "tbl": tbl,
        "id": row_id,
        "op": op,
        "base_rev": base_rev,
        "fields": fields,
    }


def row_exists(conn: Connection, tbl: str, row_id: str) -> bool:
    table = synced_table(tbl)
    assert table is not None
    return (
        conn.execute(select(table.table.c.id).where(table.table.c.id == row_id)).first()
        is not None
    )


def run_one(
    engine: Engine,
    wf: we.Compiled,
    kind: str,
    entity_id: str,
    key: str,
    *,
    now: dt.datetime,
    resume: bool = False,
    at: dt.datetime | None = None,
) -> bool:
    """Run (or resume) one workflow on one record; False if it ran already.

    ``at`` is the occasion's time (when it became due): the plan and the run
    row use it, so a laptop that handled the same occasion wrote the same rows.
    """
    when = at or now
    rid = we.run_id(wf.id, entity_id, key)
    with write_transaction(engine) as conn:
        s = Session(bind=conn)
        existing = s.get(WorkflowRun, rid)
        if existing is not None and not resume:
            return False
        start = existing.next_step if existing is not None else 0
        old_log = list(existing.log) if existing is not None else []
        record = we.load_record(s, kind, entity_id)
        if record is None:
            return False
        p = we.plan(
            wf,
            record,
            rid,
            now=when,
            start=start,
            tags=we.tag_state(s, entity_id, wf.actions),
            server=True,
        )
        s.close()
        changes: list[dict[str, Any]] = []
        for w in p.writes:
            create = w.create and not row_exists(conn, w.table, w.id)
            if w.create and not create:
                continue
            change = change_for(conn, w.table, w.id, w.values, create)
            if change is not None:
                changes.append(change)
        run_values = {
            "workflow_id": wf.id,
            "entity_kind": kind,
            "entity_id": entity_id,
            "trigger_key": key[:200],
            "fired_at": when,
            "status": str(p.status),
            "next_step": p.next_step,
            "resume_at": p.resume_at,
            "origin": "server",
            "log": [*old_log, *p.log],
            "owner_id": wf.owner_id or record.owner_id,
        }
        if existing is not None:
            run_values = {
                k: run_values[k] for k in ("status", "next_step", "resume_at", "log")
            }
        change = change_for(conn, "workflow_run", rid, run_values, existing is None)
        if change is not None:
            changes.insert(0, change)
        rev = bump_counter(conn)
        Writer(conn, SYSTEM, rev=rev, source="server", now=now).apply(changes)
    return True


def fire(engine: Engine, events: Sequence[Event], *, now: dt.datetime) -> int:
    """Run the workflows ``events`` fire (web form submissions); returns runs made."""
    with read_transaction(engine) as conn:
        s = Session(bind=conn)
        cset = we.compile_workflows(s, now)
        fired = [(wf, ev, key) for ev in events for wf, key in we.matching(s, cset, ev)]
        s.close()
    return sum(
        run_one(engine, wf, ev.kind, ev.entity_id, key, now=now)
        for wf, ev, key in fired
    )


def run_scheduled(engine: Engine, *, now: dt.datetime) -> int:
    """The scheduled triggers and waiting sequences (each occasion once)."""
    todo: list[tuple[we.Compiled, str, str, str, bool, dt.datetime]] = []
    with read_transaction(engine) as conn:
        s = Session(bind=conn)
        cset = we.compile_workflows(s, now)
        by_id = {wf.id: wf for wfs in cset.by_kind.values() for wf in wfs}
        for wf in by_id.values():
            if wf.trigger.type not in SCHEDULED:
                continue
            pairs = we.scheduled_candidates(s, wf, now)
            done = we.existing_runs(s, [we.run_id(wf.id, r, k) for r, k, _a in pairs])
            for rid, key, when in pairs:
                if we.run_id(wf.id, rid, key) in done:
                    continue
                if wf.kind not in ("person", "organisation") and not we.holds(
                    s, wf, cset, wf.kind, rid
                ):
                    continue
                todo.append((wf, wf.kind, rid, key, False, when))
        for run in s.scalars(
            select(WorkflowRun).where(
                WorkflowRun.status == str(RunStatus.WAITING),
                WorkflowRun.resume_at <= now,
                WorkflowRun.deleted_at.is_(None),
            )
        ):
            found = by_id.get(run.workflow_id)
            if found is not None:
                todo.append(
                    (
                        found,
                        run.entity_kind,
                        run.entity_id,
                        run.trigger_key,
                        True,
                        run.resume_at or now,
                    )
                )
        s.close()
    # each occasion runs as of when it became due: the same rows as a laptop's
    return sum(
        run_one(engine, wf, kind, rid, key, now=now, resume=resume, at=when)
        for wf, kind, rid, key, resume, when in todo
    )


class Scheduler:
    """Runs :func:`run_scheduled` every ``interval`` seconds in a daemon thread."""

    def __init__(
        self,
        engine: Engine,
        interval: float,
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.engine = engine
        self.interval = interval
        self.clock = clock
        self._stop = threading.Event()
        self.thread = threading.Thread(
            target=self._loop, daemon=True, name="automation"
        )

    def start(self) -> None:
        """Start the loop."""
        self.thread.start()

    def stop(self) -> None:
        """Stop after the current round."""
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                run_scheduled(self.engine, now=self.clock())
            except Exception:  # keep serving; log and try next round
                log.exception("scheduled workflows failed")
