"""The workflow engine: which workflows an event fires, their conditions, and
what their actions write — shared by the laptop and the server.

The engine never writes itself. :func:`plan` turns a run into
:class:`RowWrite` s (rows to create or fields to update, with deterministic
ids) plus a log; the laptop applies them through its ORM session (so the
outbox queues them for sync) and the server through ``server.writer.Writer``
(so they reach laptops). A test run shows the same plan without applying it.

Conditions are compiled once per set of workflows into one ``SELECT`` per
record kind that yields one yes/no column per workflow, so an edit costs one
indexed single-row query however many workflows are active.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, bindparam, exists, func, select
from sqlalchemy.orm import Session

from app.db import segment_queries as sq
from app.domain.automation import (
    CONDITION_KIND,
    FIELDS,
    Action,
    ActionType,
    Event,
    RunStatus,
    Trigger,
    TriggerType,
    actions_from_json,
    conditions_from_json,
    trigger_from_json,
    trigger_key,
)
from app.domain.errors import UserError
from app.domain.segments import Group
from app.models import EntityTag, Organisation, Person
from app.models.automation import Workflow as WorkflowRow
from app.models.automation import WorkflowRun, auto_id
from app.models.journal import (
    JournalLink,
    Task,
    journal_link_id,
)
from app.models.pipeline import Lead, Opportunity
from app.models.tags import link_id

#: Tables of the records workflows watch.
MODELS: Mapping[str, Any] = {
    "person": Person,
    "organisation": Organisation,
    "lead": Lead,
    "opportunity": Opportunity,
    "task": Task,
}
#: Integer fields "set field" converts its value for.
_INT_FIELDS = frozenset({"probability"})


@dataclass(frozen=True)
class Compiled:
    """A workflow ready to evaluate."""

    id: str
    name: str
    kind: str
    trigger: Trigger
    conditions: Group
    actions: tuple[Action, ...]
    owner_id: str | None
    campaign_id: str | None
    column: int | None  # index of its yes/no column in the kind's query


@dataclass
class CompiledSet:
    """Enabled workflows by record kind with their condition queries."""

    by_kind: dict[str, list[Compiled]] = field(default_factory=dict)
    queries: dict[str, Select[Any]] = field(default_factory=dict)
    fingerprint: tuple[Any, ...] = ()
    built_at: dt.datetime | None = None


def fingerprint(s: Session) -> tuple[Any, ...]:
    """Changes whenever a workflow is added, changed or removed (also by sync)."""
    row = s.execute(
        select(
            func.count(), func.max(WorkflowRow.updated_at), func.max(WorkflowRow.rev)
        )
    ).one()
    return tuple(row)


def compile_workflows(
    s: Session, now: dt.datetime, *, only: Iterable[WorkflowRow] | None = None
) -> CompiledSet:
    """Load enabled workflows (or ``only`` these) and build their condition queries."""
    from app.services.segments import context

    rows = (
        list(only)
        if only is not None
        else list(
            s.scalars(
                select(WorkflowRow)
                .where(WorkflowRow.enabled.is_(True), WorkflowRow.deleted_at.is_(None))
                .order_by(WorkflowRow.created_at, WorkflowRow.id)
            )
        )
    )
    out = CompiledSet(fingerprint=fingerprint(s), built_at=now)
    columns: dict[str, list[Any]] = {}
    contexts: dict[str, sq.QueryContext] = {}
    for row in rows:
        try:
            trigger = trigger_from_json(row.trigger)
            conds = conditions_from_json(row.conditions)
            actions = actions_from_json(row.actions)
        except UserError:
            continue  # a malformed row (from a newer laptop?) never fires
        cond_kind = CONDITION_KIND.get(row.entity_kind)
        col: int | None = None
        if conds.items and cond_kind:
            ctx = contexts.get(cond_kind)
            if ctx is None:
                ctx = contexts[cond_kind] = context(s, cond_kind, now)
            try:
                where = sq.segment_where(cond_kind, conds, ctx)
            except UserError:
                continue
            col = len(columns.setdefault(cond_kind, []))
            columns[cond_kind].append(where)
        out.by_kind.setdefault(row.entity_kind, []).append(
            Compiled(
                row.id,
                row.name,
                row.entity_kind,
                trigger,
                conds,
                actions,
                row.owner_id,
                row.campaign_id,
                col,
            )
        )
    for cond_kind, exprs in columns.items():
        model = sq.model_of(cond_kind)
        out.queries[cond_kind] = (
            select(*(e.label(f"c{i}") for i, e in enumerate(exprs)))
            .select_from(model)
            .where(model.id == bindparam("rid"))
        )
    return out


def condition_subject(s: Session, kind: str, entity_id: str) -> str | None:
    """The id of the record a workflow's conditions look at."""
    if kind in ("person", "organisation"):
        return entity_id
    if kind == "lead":
        return s.execute(select(Lead.person_id).where(Lead.id == entity_id)).scalar()
    if kind == "opportunity":
        row = s.execute(
            select(Opportunity.organisation_id, Opportunity.person_id).where(
                Opportunity.id == entity_id
            )
        ).first()
        return row[0] if row is not None else None
    return None


def matching(s: Session, cset: CompiledSet, event: Event) -> list[tuple[Compiled, str]]:
    """Workflows ``event`` fires whose conditions hold, with their trigger keys."""
    fired: list[tuple[Compiled, str]] = []
    for wf in cset.by_kind.get(event.kind, ()):
        key = trigger_key(wf.trigger, event)
        if key is not None:
            fired.append((wf, key))
    if not fired:
        return []
    passing = _passing(s, cset, event, fired)
    return [(wf, key) for wf, key in fired if wf.id in passing]


def _passing(
    s: Session,
    cset: CompiledSet,
    event: Event,
    fired: Sequence[tuple[Compiled, str]],
) -> set[str]:
    ok = {wf.id for wf, _ in fired if wf.column is None}
    if len(ok) == len(fired):
        return ok
    cond_kind = CONDITION_KIND[event.kind]
    subject = condition_subject(s, event.kind, event.entity_id)
    if subject is None:
        return ok
    row = s.execute(cset.queries[cond_kind], {"rid": subject}).first()
    if row is None:
        return ok
    for wf, _ in fired:
        if wf.column is not None and row[wf.column]:
            ok.add(wf.id)
    return ok


def holds(
    s: Session, wf: Compiled, cset: CompiledSet, kind: str, entity_id: str
) -> bool:
    """Whether ``wf``'s conditions hold for one record (scheduler, test run)."""
    if wf.column is None:
        return True
    subject = condition_subject(s, kind, entity_id)
    if subject is None:
        return False
    row = s.execute(cset.queries[CONDITION_KIND[kind]], {"rid": subject}).first()
    return bool(row is not None and row[wf.column])


def run_id(workflow_id: str, entity_id: str, key: str) -> str:
    """The deterministic id of a run (same event on two devices = same run)."""
    return auto_id("run", workflow_id, entity_id, key)


# ---- planning actions


@dataclass(frozen=True)
class RowWrite:
    """A row to create, or fields of a row to update.

    ``create`` rows carry every value; on a device where the row already
    exists (the other device ran the same step and synced), it is skipped.
    """

    table: str
    id: str
    values: Mapping[str, Any]
    create: bool = True


@dataclass(frozen=True)
class MailRequest:
    """A templated e-mail to queue for the record's person or lead."""

    template_id: str
    outbox_id: str
    kind: str
    entity_id: str
    campaign_id: str | None
    run_id: str
    owner_id: str | None


@dataclass
class Plan:
    """What a run (from ``start``) does: writes, mails, log, where it stops."""

    writes: list[RowWrite] = field(default_factory=list)
    mails: list[MailRequest] = field(default_factory=list)
    log: list[dict[str, Any]] = field(default_factory=list)
    status: RunStatus = RunStatus.DONE
    next_step: int = 0
    resume_at: dt.datetime | None = None


@dataclass(frozen=True)
class Record:
    """What planning needs of the record a run is about."""

    kind: str
    id: str
    owner_id: str | None
    team_id: str | None
    label: str
    values: Mapping[str, Any]


def load_record(s: Session, kind: str, entity_id: str) -> Record | None:
    """The live record, or ``None`` when it is gone."""
    model = MODELS[kind]
    row = (
        s.execute(select(model.__table__).where(model.id == entity_id))
        .mappings()
        .first()
    )
    if row is None or row["deleted_at"] is not None:
        return None
    return Record(
        kind,
        entity_id,
        row["owner_id"],
        row["team_id"],
        record_label(kind, dict(row)),
        dict(row),
    )


def out_until(now: dt.datetime, days: int) -> str:
    """The date a wait of ``days`` ends (ISO)."""
    return (now + dt.timedelta(days=days)).date().isoformat()


def record_label(kind: str, row: Mapping[str, Any]) -> str:
    """A record's name for logs and notifications."""
    if kind in ("person", "lead"):
        name = f"{row.get('first_name', '')} {row.get('last_name', '')}".strip()
        return name or str(row.get("company") or row.get("email") or "")
    if kind == "organisation":
        return str(row.get("name", ""))
    return str(row.get("title", ""))


def plan(
    wf: Compiled,
    record: Record,
    run: str,
    *,
    now: dt.datetime,
    start: int = 0,
    tags: Mapping[str, bool] | None = None,
    server: bool = False,
) -> Plan:
    """The writes of ``wf``'s actions from step ``start`` on, for ``record``.

    ``tags`` tells for each tag id whether the record has it live (add/remove
    are no-ops otherwise). On the server, a send-e-mail step hands the run to
    the owner's laptop (the SMTP account is there).
    """
    out = Plan(next_step=len(wf.actions))
    owner = record.owner_id
    for step in range(start, len(wf.actions)):
        action = wf.actions[step]
        p = action.params
        entry: dict[str, Any] = {
            "step": step,
            "action": action.type.value,
            "at": now.isoformat(),
            "result": "",
        }

        def sid(what: str, step: int = step) -> str:
            return auto_id(run, str(step), what)

        t = action.type
        if t is ActionType.WAIT:
            days = int(p.get("days", 1))
            entry["result"] = f"wait {days} d"
            entry["detail"] = {"days": days, "until": out_until(now, days)}
            out.log.append(entry)
            out.status = RunStatus.WAITING
            out.next_step = step + 1
            out.resume_at = now + dt.timedelta(days=days)
            return out
        if t is ActionType.SEND_EMAIL and server:
            entry["result"] = "handed to the owner's laptop"
            entry["detail"] = {
                "state": "handoff",
                "template": str(p.get("template_id", "")),
            }
            out.log.append(entry)
            out.status = RunStatus.HANDOFF
            out.next_step = step
            out.resume_at = now
            return out
        if t is ActionType.CREATE_TASK:
            assignee = p.get("assignee") or "owner"
            task_owner = owner if assignee == "owner" else str(assignee)
            task_id = sid("task")
            due = now + dt.timedelta(days=int(p.get("due_days", 0) or 0))
            out.writes.append(
                RowWrite(
                    "task",
                    task_id,
                    {
                        "title": str(p.get("title", "")),
                        "notes": str(p.get("notes", "")),
                        "due_at": due,
                        "priority": str(p.get("priority", "normal")),
                        "status": "open",
                        "owner_id": task_owner,
                    },
                )
            )
            out.writes.append(
                RowWrite(
                    "task_link",
                    journal_link_id(task_id, record.kind, record.id),
                    {
                        "task_id": task_id,
                        "entity_kind": record.kind,
                        "entity_id": record.id,
                        "owner_id": task_owner,
                    },
                )
            )
            entry["result"] = (
                f"task “{p.get('title', '')}” due {due.date().isoformat()}"
            )
            entry["row"] = task_id
            entry["detail"] = {
                "title": str(p.get("title", "")),
                "due": due.date().isoformat(),
                "user": task_owner or "",
            }
        elif t is ActionType.SET_FIELD:
            name = str(p.get("field", ""))
            value: Any = p.get("value", "")
            if name in _INT_FIELDS:
                value = int(value or 0)
            if name not in FIELDS.get(record.kind, ()):
                entry["error"] = f"field {name} cannot be set"
            else:
                out.writes.append(
                    RowWrite(record.kind, record.id, {name: value}, False)
                )
                entry["result"] = f"{name} = {value}"
                entry["detail"] = {"field": name, "value": str(value)}
        elif t in (ActionType.ADD_TAG, ActionType.REMOVE_TAG):
            tag_id = str(p.get("tag_id", ""))
            has = (tags or {}).get(tag_id)
            lid = link_id(record.id, tag_id)
            if t is ActionType.ADD_TAG:
                if has:
                    entry["result"] = "tag already there"
                    entry["detail"] = {"tag": tag_id, "state": "present"}
                elif has is None:
                    out.writes.append(
                        RowWrite(
                            "entity_tag",
                            lid,
                            {
                                "entity_kind": record.kind,
                                "entity_id": record.id,
                                "tag_id": tag_id,
                                "owner_id": owner,
                            },
                        )
                    )
                    entry["result"] = "tag added"
                    entry["detail"] = {"tag": tag_id, "state": "added"}
                else:
                    out.writes.append(
                        RowWrite("entity_tag", lid, {"deleted_at": None}, False)
                    )
                    entry["result"] = "tag added"
                    entry["detail"] = {"tag": tag_id, "state": "added"}
            elif has:
                out.writes.append(
                    RowWrite("entity_tag", lid, {"deleted_at": now}, False)
                )
                entry["result"] = "tag removed"
                entry["detail"] = {"tag": tag_id, "state": "removed"}
            else:
                entry["result"] = "tag was not there"
                entry["detail"] = {"tag": tag_id, "state": "absent"}
        elif t is ActionType.CHANGE_OWNER:
            user = str(p.get("user_id", ""))
            out.writes.append(
                RowWrite(record.kind, record.id, {"owner_id": user}, False)
            )
            owner = user
            entry["result"] = f"owner = {user}"
            entry["detail"] = {"user": user}
        elif t is ActionType.JOURNAL_ENTRY:
            entry_id = sid("entry")
            body = str(p.get("body", ""))
            out.writes.append(
                RowWrite(
                    "journal_entry",
                    entry_id,
                    {
                        "kind": str(p.get("kind", "note")),
                        "occurred_at": now,
                        "subject": str(p.get("subject", "")),
                        "body_text": body,
                        "owner_id": owner,
                    },
                )
            )
            out.writes.append(
                RowWrite(
                    "journal_link",
                    journal_link_id(entry_id, record.kind, record.id),
                    {
                        "entry_id": entry_id,
                        "entity_kind": record.kind,
                        "entity_id": record.id,
                        "owner_id": owner,
                    },
                )
            )
            entry["result"] = f"journal entry “{p.get('subject', '')}”"
            entry["detail"] = {"subject": str(p.get("subject", ""))}
            entry["row"] = entry_id
        elif t is ActionType.NOTIFY_OWNER:
            note_id = sid("note")
            title = str(p.get("title", ""))
            out.writes.append(
                RowWrite(
                    "notification",
                    note_id,
                    {
                        "user_id": owner,
                        "title": f"{title}: {record.label}" if record.label else title,
                        "body": str(p.get("body", "")),
                        "entity_kind": record.kind,
                        "entity_id": record.id,
                        "owner_id": owner,
                    },
                )
            )
            entry["result"] = f"notified {owner or 'nobody (no owner)'}"
            entry["detail"] = {"user": owner or ""}
        elif t is ActionType.SEND_EMAIL:
            out.mails.append(
                MailRequest(
                    str(p.get("template_id", "")),
                    sid("mail"),
                    record.kind,
                    record.id,
                    wf.campaign_id,
                    run,
                    owner,
                )
            )
            entry["result"] = "e-mail queued"
            entry["detail"] = {"template": str(p.get("template_id", ""))}
        out.log.append(entry)
    return out


def tag_state(s: Session, entity_id: str, actions: Sequence[Action]) -> dict[str, bool]:
    """For the tags ``actions`` name: live on the record (True), tombstoned (False)."""
    ids = [
        str(a.params.get("tag_id"))
        for a in actions
        if a.type in (ActionType.ADD_TAG, ActionType.REMOVE_TAG)
    ]
    if not ids:
        return {}
    rows = s.execute(
        select(EntityTag.tag_id, EntityTag.deleted_at).where(
            EntityTag.id.in_([link_id(entity_id, t) for t in ids])
        )
    ).all()
    return {tag: deleted is None for tag, deleted in rows}


def existing_runs(s: Session, ids: Sequence[str]) -> set[str]:
    """Which of the run ids exist already (idempotency)."""
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        found |= set(
            s.scalars(
                select(WorkflowRun.id).where(WorkflowRun.id.in_(ids[i : i + 500]))
            )
        )
    return found


# ---- scheduled triggers


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def _as_dt(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return None


def _anniversary(born: dt.date, lo: dt.date, hi: dt.date) -> dt.date | None:
    """The birthday of ``born`` in (lo, hi] (29 February falls on 1 March)."""
    for year in (hi.year, lo.year):
        try:
            day = born.replace(year=year)
        except ValueError:
            day = dt.date(year, 3, 1)
        if lo < day <= hi:
            return day
    return None


def scheduled_candidates(
    s: Session, wf: Compiled, now: dt.datetime, *, limit: int = 1000
) -> list[tuple[str, str, dt.datetime]]:
    """(record id, trigger key, occasion time) a scheduled trigger fires for now.

    The occasion time is when the trigger became due (the date, the due date,
    the last activity plus the idle days): a device runs the workflow *as of*
    then, so two devices handling the same occasion write identical rows.
    Conditions are part of the query for persons and organisations; for
    other kinds the caller checks them per record with :func:`holds`.
    """
    t = wf.trigger
    today = now.date()
    model = MODELS[wf.kind]
    live = model.deleted_at.is_(None)
    stmt: Select[Any]
    if t.type is TriggerType.DATE_REACHED:
        col = getattr(model, t.field)
        # the date is ``days`` away (negative = before); a week of grace so a
        # laptop that was off still fires once, never twice (key = the date)
        lo = today - dt.timedelta(days=t.days + 7)
        hi = today - dt.timedelta(days=t.days)
        if wf.kind == "opportunity":
            live = live & (Opportunity.outcome == "open")
        if t.field == "birth_date":  # yearly: match month and day
            days = [lo + dt.timedelta(days=n) for n in range(1, (hi - lo).days + 1)]
            fmt = (
                func.to_char(col, "MM-DD")
                if s.get_bind().dialect.name == "postgresql"
                else func.strftime("%m-%d", col)
            )
            stmt = select(model.id, col).where(
                live, fmt.in_(sorted({d.strftime("%m-%d") for d in days}))
            )
        else:
            stmt = select(model.id, col).where(live, col > lo, col <= hi)
        out = []
        for rid, value in s.execute(_limit(stmt.limit(limit), wf, s, now)).all():
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
            if t.field == "birth_date":
                found = _anniversary(day, lo, hi)
                if found is None:
                    continue
                day = found
            at = _midnight(day + dt.timedelta(days=t.days))
            out.append((rid, f"date:{t.field}{t.days:+d}:{day.isoformat()}", at))
        return out
    if t.type is TriggerType.NO_ACTIVITY:
        last = (
            select(func.max(JournalLink.occurred_at))
            .where(
                JournalLink.entity_kind == wf.kind,
                JournalLink.entity_id == model.id,
                JournalLink.deleted_at.is_(None),
            )
            .scalar_subquery()
        )
        since = now - dt.timedelta(days=t.days)
        stmt = (
            select(model.id, last.label("last"), model.created_at)
            .where(live, model.created_at < since)
            .where(func.coalesce(last, model.created_at) < since)
            .where(_not_run(wf, model.id, func.coalesce(last, model.created_at)))
        )
        rows = s.execute(_limit(stmt.limit(limit), wf, s, now)).all()
        out = []
        for rid, last_at, created in rows:
            base = _as_dt(last_at) or _as_dt(created) or now
            at = base + dt.timedelta(days=t.days)
            out.append((rid, f"idle:{t.days}:{last_at or 'never'}", at))
        return out
    if t.type is TriggerType.TASK_OVERDUE:
        rows = s.execute(
            select(Task.id, Task.due_at)
            .where(live, Task.status == "open", Task.due_at < now)
            .where(_not_run(wf, Task.id, Task.due_at))
            .limit(limit)
        ).all()
        return [
            (r[0], f"overdue:{r[1].isoformat() if r[1] else ''}", _as_dt(r[1]) or now)
            for r in rows
        ]
    if t.type is TriggerType.SCORE_CROSSED:
        rows = s.execute(
            select(Lead.id)
            .where(live, Lead.score >= t.threshold, _not_run(wf, Lead.id))
            .limit(limit)
        ).all()
        return [(r[0], f"score:{t.threshold}", now) for r in rows]
    return []


def _not_run(wf: Compiled, entity_id: Any, since: Any = None) -> Any:
    """No run of ``wf`` on the record (since ``since``): already handled
    occasions drop out of the scan, so its ``limit`` never gets stuck on them."""
    conds = [WorkflowRun.workflow_id == wf.id, WorkflowRun.entity_id == entity_id]
    if since is not None:
        conds.append(WorkflowRun.fired_at >= since)
    return ~exists(select(WorkflowRun.id).where(*conds))


def _limit(
    stmt: Select[Any], wf: Compiled, s: Session, now: dt.datetime
) -> Select[Any]:
    """Adds the conditions to a person/organisation scan."""
    if wf.kind not in ("person", "organisation") or not wf.conditions.items:
        return stmt
    from app.services.segments import context

    ctx = context(s, wf.kind, now)
    return stmt.where(sq.segment_where(wf.kind, wf.conditions, ctx))
