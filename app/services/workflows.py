"""Workflows on the laptop: save and list them, the run log, test runs, and
running them on local edits and on schedule.

:meth:`WorkflowService.install` hooks the session factory: after each flush
the inserts and changes of watched records (persons, organisations, leads,
opportunities, tasks) are noted; after the commit, the workflows they fire run
in a transaction of their own, so a failing workflow never undoes the user's
edit (its run is logged as failed). Rows pulled by sync fire nothing here:
the device that made the change ran its workflows, and the run rows and
whatever they wrote arrive with the sync. Actions' own writes fire nothing
either (no loops).

Each run's id is ``uuid5(workflow, record, occasion)`` and every row its
actions write has an id derived from the run, so the same event handled on
two devices (a laptop and the server's scheduler, say) ends up as the same
rows after sync, and a device that already has the run skips it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from app.domain.automation import (
    ActionType,
    Event,
    RunStatus,
    RunStep,
    Workflow,
    WorkflowData,
    WorkflowRunInfo,
    actions_from_json,
    actions_to_json,
    conditions_from_json,
    conditions_to_json,
    trigger_from_json,
    trigger_to_json,
    validate_workflow,
)
from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError, UserError
from app.domain.progress import NullProgress, ProgressSink
from app.models import Base, utcnow
from app.models.automation import EmailTemplate, WorkflowRun
from app.models.automation import Workflow as WorkflowRow
from app.services import workflow_engine as we
from app.services.mail_templates import TemplateData
from app.services.mailer import queue_in
from app.sync.outbox import APPLYING_REMOTE

log = logging.getLogger(__name__)

_EVENTS = "automation_events"
_RUNNING = "automation_running"
_KINDS = {
    EntityKind.PERSON: "person",
    EntityKind.ORGANISATION: "organisation",
    EntityKind.LEAD: "lead",
    EntityKind.OPPORTUNITY: "opportunity",
    EntityKind.TASK: "task",
}


@dataclass(frozen=True)
class TestRunResult:
    """What a workflow would do for one record, without doing it."""

    fires: bool
    conditions_hold: bool
    steps: tuple[RunStep, ...]
    record_label: str
    note: str = ""


def _tables() -> dict[str, Any]:
    return {m.local_table.name: m.class_ for m in Base.registry.mappers}  # type: ignore[attr-defined]


def apply_writes(s: Session, writes: Sequence[we.RowWrite]) -> None:
    """Apply planned writes through the ORM (the outbox queues them for sync)."""
    models = _tables()
    for w in writes:
        model = models[w.table]
        row = s.get(model, w.id)
        if w.create:
            if row is None:
                s.add(model(id=w.id, **w.values))
            continue
        if row is None:
            continue
        for name, value in w.values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)


class WorkflowService:
    """Workflows: edit, enable, run log, test run, and the laptop's runner."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._cache: we.CompiledSet | None = None
        self._lock = threading.RLock()
        self.last_changes = Changes()

    # ---- editing

    def workflows(self) -> list[Workflow]:
        """Every workflow by name, with its run count and last run."""
        with self._sessions() as s:
            stats = {
                wid: (n, last)
                for wid, n, last in s.execute(
                    select(
                        WorkflowRun.workflow_id,
                        func.count(),
                        func.max(WorkflowRun.fired_at),
                    ).group_by(WorkflowRun.workflow_id)
                )
            }
            rows = s.scalars(
                select(WorkflowRow)
                .where(WorkflowRow.deleted_at.is_(None))
                .order_by(func.lower(WorkflowRow.name))
            )
            out = []
            for r in rows:
                dto = _dto(r)
                if dto is None:
                    continue
                n, last = stats.get(r.id, (0, None))
                out.append(
                    Workflow(dto.id, dto.data, dto.updated_at, int(n), _utc(last))
                )
            return out

    def get(self, workflow_id: str) -> Workflow:
        """One workflow."""
        with self._sessions() as s:
            dto = _dto(_live(s, workflow_id))
            if dto is None:
                raise NotFoundError("workflow", workflow_id)
            return dto

    def save(
        self, data: WorkflowData, workflow_id: str | None = None
    ) -> tuple[Workflow, Changes]:
        """Create (no id) or update a workflow.

        Raises:
            ValidationError: see :func:`app.domain.automation.validate_workflow`;
                conditions that do not fit (field ``conditions``).
        """
        data = validate_workflow(data)
        with self._sessions.begin() as s:
            from app.db import segment_queries as sq
            from app.domain.automation import CONDITION_KIND
            from app.domain.errors import FieldError, ValidationError
            from app.services.segments import context

            if data.conditions.items:
                try:
                    kind = CONDITION_KIND[data.entity_kind]
                    sq.segment_where(kind, data.conditions, context(s, kind))
                except UserError as exc:
                    raise ValidationError(
                        [FieldError("conditions", exc.code, exc.message, exc.value)]
                    ) from exc
            row = _live(s, workflow_id) if workflow_id else WorkflowRow()
            if workflow_id is None:
                s.add(row)
            values: dict[str, Any] = {
                "name": data.name,
                "description": data.description,
                "entity_kind": data.entity_kind,
                "trigger": trigger_to_json(data.trigger),
                "conditions": conditions_to_json(data.conditions),
                "actions": actions_to_json(data.actions),
                "enabled": data.enabled,
                "campaign_id": data.campaign_id,
            }
            for attr, value in values.items():
                if getattr(row, attr, None) != value:
                    setattr(row, attr, value)
            s.flush()
            dto = _dto(row)
            assert dto is not None
        self.invalidate()
        return dto, Changes.of(EntityKind.WORKFLOW, dto.id)

    def set_enabled(self, workflow_id: str, enabled: bool) -> Changes:
        """Switch a workflow on or off."""
        with self._sessions.begin() as s:
            row = _live(s, workflow_id)
            if row.enabled != enabled:
                row.enabled = enabled
        self.invalidate()
        return Changes.of(EntityKind.WORKFLOW, workflow_id)

    def delete(self, workflow_id: str) -> Changes:
        """Remove a workflow (tombstone); its run log stays."""
        with self._sessions.begin() as s:
            _live(s, workflow_id).deleted_at = utcnow()
        self.invalidate()
        return Changes.of(EntityKind.WORKFLOW, workflow_id)

    # ---- run log

    def runs(
        self,
        *,
        workflow_id: str | None = None,
        entity_id: str | None = None,
        limit: int = 200,
    ) -> list[WorkflowRunInfo]:
        """The newest runs of a workflow or on a record."""
        with self._sessions() as s:
            stmt = select(WorkflowRun, WorkflowRow.name).join(
                WorkflowRow, WorkflowRow.id == WorkflowRun.workflow_id
            )
            if workflow_id:
                stmt = stmt.where(WorkflowRun.workflow_id == workflow_id)
            if entity_id:
                stmt = stmt.where(WorkflowRun.entity_id == entity_id)
            rows = s.execute(
                stmt.order_by(WorkflowRun.fired_at.desc(), WorkflowRun.id).limit(limit)
            ).all()
            labels: dict[str, str] = {}
            for run, _name in rows:
                if run.entity_id not in labels and run.entity_kind in we.MODELS:
                    rec = we.load_record(s, run.entity_kind, run.entity_id)
                    labels[run.entity_id] = rec.label if rec else "—"
            return [
                _run_info(run, name, labels.get(run.entity_id, ""))
                for run, name in rows
            ]

    def sample_records(self, kind: str, *, limit: int = 50) -> list[tuple[str, str]]:
        """(id, name) of some live records of ``kind`` (test-run and preview pickers)."""
        model = we.MODELS[kind]
        with self._sessions() as s:
            rows = s.execute(
                select(model.__table__)
                .where(model.deleted_at.is_(None))
                .order_by(model.updated_at.desc())
                .limit(limit)
            ).mappings()
            return [(r["id"], we.record_label(kind, dict(r))) for r in rows]

    def labels(self) -> dict[str, list[tuple[str, str]]]:
        """Pick lists of the editor: tags, templates, users, stages, campaigns."""
        from app.models import Tag, UserAccount
        from app.models.pipeline import Campaign, PipelineStage

        with self._sessions() as s:

            def pairs(stmt: Any) -> list[tuple[str, str]]:
                return [(str(a), str(b)) for a, b in s.execute(stmt).all()]

            return {
                "tag": pairs(
                    select(Tag.id, Tag.name)
                    .where(Tag.deleted_at.is_(None))
                    .order_by(Tag.name)
                ),
                "template": pairs(
                    select(EmailTemplate.id, EmailTemplate.name)
                    .where(EmailTemplate.deleted_at.is_(None))
                    .order_by(EmailTemplate.name)
                ),
                "user": pairs(
                    select(
                        UserAccount.id,
                        func.coalesce(UserAccount.display_name, UserAccount.username),
                    )
                    .where(UserAccount.deleted_at.is_(None))
                    .order_by(UserAccount.display_name)
                ),
                "stage": pairs(
                    select(PipelineStage.id, PipelineStage.name)
                    .where(PipelineStage.deleted_at.is_(None))
                    .order_by(PipelineStage.pipeline_id, PipelineStage.position)
                ),
                "campaign": pairs(
                    select(Campaign.id, Campaign.name)
                    .where(Campaign.deleted_at.is_(None))
                    .order_by(Campaign.name)
                ),
            }

    # ---- test run

    def test_run(self, data: WorkflowData, entity_id: str) -> TestRunResult:
        """What ``data`` would do for one record now, changing nothing."""
        now = self._clock()
        with self._sessions() as s:
            record = we.load_record(s, data.entity_kind, entity_id)
            if record is None:
                raise NotFoundError(data.entity_kind, entity_id)
            row = WorkflowRow(
                id="test",
                name=data.name,
                entity_kind=data.entity_kind,
                trigger=trigger_to_json(data.trigger),
                conditions=conditions_to_json(data.conditions),
                actions=actions_to_json(data.actions),
                enabled=True,
                campaign_id=data.campaign_id,
                owner_id=None,
            )
            cset = we.compile_workflows(s, now, only=[row])
            compiled = cset.by_kind.get(data.entity_kind, [])
            if not compiled:
                raise UserError(
                    "workflow.invalid", "The conditions do not fit", field="conditions"
                )
            wf = compiled[0]
            ok = we.holds(s, wf, cset, data.entity_kind, entity_id)
            plan = we.plan(
                wf,
                record,
                "test",
                now=now,
                tags=we.tag_state(s, entity_id, wf.actions),
            )
            steps = [_step(e) for e in plan.log]
            # show the rest of a sequence too: what runs after each wait
            start = plan.next_step
            at = now
            while plan.status is RunStatus.WAITING and start < len(wf.actions):
                at = plan.resume_at or at
                plan = we.plan(wf, record, "test", now=at, start=start)
                steps += [_step(e) for e in plan.log]
                start = plan.next_step
            s.rollback()
        return TestRunResult(True, ok, tuple(steps), record.label)

    # ---- running

    def invalidate(self) -> None:
        """Rebuild the compiled workflows on the next event."""
        with self._lock:
            self._cache = None

    def _compiled(self, s: Session) -> we.CompiledSet:
        with self._lock:
            now = self._clock()
            cache = self._cache
            stale = (
                cache is None
                or cache.built_at is None
                or now - cache.built_at > dt.timedelta(minutes=10)
                or we.fingerprint(s) != cache.fingerprint
            )
            if stale:
                cache = self._cache = we.compile_workflows(s, now)
            assert cache is not None
            return cache

    def install(self) -> None:
        """Run workflows on local edits made through this session factory."""
        sessions = self._sessions
        if not event.contains(sessions, "after_flush", self._after_flush):
            event.listen(sessions, "after_flush", self._after_flush)
            event.listen(sessions, "after_commit", self._after_commit)
            event.listen(sessions, "after_rollback", self._after_rollback)

    def uninstall(self) -> None:
        """Stop running on edits (tests)."""
        sessions = self._sessions
        if event.contains(sessions, "after_flush", self._after_flush):
            event.remove(sessions, "after_flush", self._after_flush)
            event.remove(sessions, "after_commit", self._after_commit)
            event.remove(sessions, "after_rollback", self._after_rollback)

    def _after_flush(self, session: Session, _ctx: UOWTransaction) -> None:
        if session.info.get(APPLYING_REMOTE) or session.info.get(_RUNNING):
            return
        found: list[Event] = session.info.setdefault(_EVENTS, [])
        for obj in session.new:
            kind = getattr(obj, "__tablename__", "")
            if kind in we.MODELS:
                found.append(Event(kind, obj.id, True, {}, 0))
        for obj in session.dirty:
            kind = getattr(obj, "__tablename__", "")
            if kind not in we.MODELS:
                continue
            state = inspect(obj)
            changed: dict[str, Any] = {}
            for attr in state.mapper.column_attrs:
                hist = state.attrs[attr.key].history
                if hist.added and (
                    not hist.deleted or hist.deleted[0] != hist.added[0]
                ):
                    changed[attr.key] = hist.added[0]
            if changed:
                stamp = getattr(obj, "updated_at", None)
                found.append(
                    Event(
                        kind,
                        obj.id,
                        False,
                        changed,
                        int(obj.rev or 0),
                        stamp=stamp.isoformat() if stamp is not None else "",
                    )
                )
        for obj in list(session.new) + list(session.dirty):
            if isinstance(obj, WorkflowRow):
                self.invalidate()

    def _after_rollback(self, session: Session) -> None:
        session.info.pop(_EVENTS, None)

    def _after_commit(self, session: Session) -> None:
        events = session.info.pop(_EVENTS, None)
        if not events:
            return
        try:
            self.handle(events)
        except Exception:  # never let a workflow break the user's save
            log.exception("workflows failed on %d event(s)", len(events))

    def handle(self, events: Sequence[Event]) -> Changes:
        """Run the workflows ``events`` fire (each once); returns what they wrote."""
        changes = Changes()
        with self._sessions() as s:
            cset = self._compiled(s)
            if not any(e.kind in cset.by_kind for e in events):
                return changes
            fired: list[tuple[we.Compiled, Event, str]] = []
            for ev in events:
                for wf, key in we.matching(s, cset, ev):
                    fired.append((wf, ev, key))
        for wf, ev, key in fired:
            changes = changes | self._run(wf, ev.kind, ev.entity_id, key)
        self.last_changes = changes
        return changes

    def evaluate(self, ev: Event) -> list[tuple[str, str]]:
        """(workflow id, trigger key) of the workflows ``ev`` fires (bench, tests)."""
        with self._sessions() as s:
            cset = self._compiled(s)
            return [(wf.id, key) for wf, key in we.matching(s, cset, ev)]

    def _run(
        self,
        wf: we.Compiled,
        kind: str,
        entity_id: str,
        key: str,
        *,
        resume: WorkflowRun | None = None,
        at: dt.datetime | None = None,
    ) -> Changes:
        # scheduled occasions run "as of" when they became due: identical rows
        # on every device that handles them (no sync conflicts between them)
        now = at or self._clock()
        rid = resume.id if resume is not None else we.run_id(wf.id, entity_id, key)
        with self._sessions.begin() as s:
            s.info[_RUNNING] = True
            run = s.get(WorkflowRun, rid)
            if resume is None and run is not None:
                return Changes()  # ran here already, or on another device
            if run is None:
                run = WorkflowRun(
                    id=rid,
                    workflow_id=wf.id,
                    entity_kind=kind,
                    entity_id=entity_id,
                    trigger_key=key[:200],
                    fired_at=now,
                    owner_id=wf.owner_id,
                    origin="laptop",
                )
                s.add(run)
            record = we.load_record(s, kind, entity_id)
            if record is None:
                run.status = str(RunStatus.FAILED)
                run.log = [*run.log, {"step": run.next_step, "error": "record gone"}]
                return Changes.of(EntityKind.WORKFLOW, wf.id)
            plan = we.plan(
                wf,
                record,
                rid,
                now=now,
                start=run.next_step,
                tags=we.tag_state(s, entity_id, wf.actions),
            )
            log_entries = list(plan.log)
            try:
                with s.begin_nested():
                    apply_writes(s, plan.writes)
                    for mail in plan.mails:
                        self._queue(s, mail, now)
            except UserError as exc:
                if log_entries:
                    log_entries[-1]["error"] = exc.message
                plan.status = RunStatus.FAILED
            run.log = [*run.log, *log_entries]
            run.status = str(plan.status)
            run.next_step = plan.next_step
            run.resume_at = plan.resume_at
        changes = Changes.of(EntityKind.WORKFLOW, wf.id) | Changes(
            frozenset(
                {
                    EntityKind.TASK,
                    EntityKind.JOURNAL_ENTRY,
                    EntityKind.NOTIFICATION,
                    EntityKind.MAIL,
                    EntityKind.TAG,
                }
            ),
            frozenset({entity_id}),
        )
        kind_enum = next((k for k, v in _KINDS.items() if v == kind), None)
        if kind_enum is not None:
            changes = changes | Changes.of(kind_enum, entity_id)
        return changes

    def _queue(self, s: Session, mail: we.MailRequest, now: dt.datetime) -> None:
        tpl = s.get(EmailTemplate, mail.template_id)
        if tpl is None or tpl.deleted_at is not None:
            raise UserError(
                "mail.no_template",
                "The e-mail template was deleted",
                value=mail.template_id,
            )
        data = TemplateData(
            tpl.name,
            tpl.subject,
            tpl.body_text,
            tpl.body_html,
            tpl.language,
            tpl.marketing,
        )
        queue_in(
            s,
            data,
            tpl.id,
            mail.kind,
            mail.entity_id,
            outbox_id=mail.outbox_id,
            campaign_id=mail.campaign_id,
            run_id=mail.run_id,
            owner_id=mail.owner_id,
            today=now.date(),
        )

    def run_scheduled(self, progress: ProgressSink | None = None) -> Changes:
        """Date, inactivity, overdue and score triggers, and waiting sequences.

        Safe to call often (each occasion runs once) and from several devices.
        """
        progress = progress or NullProgress()
        now = self._clock()
        todo: list[tuple[we.Compiled, str, str, str, dt.datetime]] = []
        resumes: list[tuple[we.Compiled, WorkflowRun]] = []
        with self._sessions() as s:
            cset = self._compiled(s)
            by_id = {wf.id: wf for wfs in cset.by_kind.values() for wf in wfs}
            for wf in by_id.values():
                if wf.trigger.type not in _scheduled():
                    continue
                pairs = we.scheduled_candidates(s, wf, now)
                ids = [we.run_id(wf.id, rid, key) for rid, key, _at in pairs]
                done = we.existing_runs(s, ids)
                for (rid, key, when), run_key in zip(pairs, ids, strict=True):
                    if run_key in done:
                        continue
                    if wf.kind not in ("person", "organisation") and not we.holds(
                        s, wf, cset, wf.kind, rid
                    ):
                        continue
                    todo.append((wf, wf.kind, rid, key, when))
            waiting = s.scalars(
                select(WorkflowRun).where(
                    WorkflowRun.status.in_(
                        [str(RunStatus.WAITING), str(RunStatus.HANDOFF)]
                    ),
                    WorkflowRun.resume_at <= now,
                    WorkflowRun.deleted_at.is_(None),
                )
            )
            for run in waiting:
                found = by_id.get(run.workflow_id)
                if found is not None:
                    s.expunge(run)
                    resumes.append((found, run))
        changes = Changes()
        total = len(todo) + len(resumes)
        for i, (wf, kind, rid, key, when) in enumerate(todo):
            progress.check_cancelled()
            changes = changes | self._run(wf, kind, rid, key, at=when)
            progress.report(i + 1, total, "")
        for j, (wf, run) in enumerate(resumes):
            progress.check_cancelled()
            changes = changes | self._run(
                wf,
                run.entity_kind,
                run.entity_id,
                run.trigger_key,
                resume=run,
                at=run.resume_at,
            )
            progress.report(len(todo) + j + 1, total, "")
        return changes


def _scheduled() -> frozenset[Any]:
    from app.domain.automation import SCHEDULED

    return SCHEDULED


def _utc(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(when, dt.datetime)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _live(s: Session, workflow_id: str | None) -> WorkflowRow:
    row = s.get(WorkflowRow, workflow_id) if workflow_id else None
    if row is None or row.deleted_at is not None:
        raise NotFoundError("workflow", str(workflow_id))
    return row


def _dto(row: WorkflowRow) -> Workflow | None:
    try:
        data = WorkflowData(
            name=row.name,
            entity_kind=row.entity_kind,
            trigger=trigger_from_json(row.trigger),
            conditions=conditions_from_json(row.conditions),
            actions=actions_from_json(row.actions),
            enabled=row.enabled,
            description=row.description,
            campaign_id=row.campaign_id,
        )
    except UserError:
        return None
    return Workflow(row.id, data, row.updated_at)


def _step(e: dict[str, Any]) -> RunStep:
    at = e.get("at")
    action = e.get("action", "")
    return RunStep(
        int(e.get("step", 0)),
        ActionType(action)
        if action in ActionType.__members__.values()
        else ActionType.WAIT,
        str(e.get("result", "")),
        dt.datetime.fromisoformat(at) if isinstance(at, str) else None,
        str(e.get("error", "")),
        {str(k): str(v) for k, v in (e.get("detail") or {}).items()},
    )


def _run_info(run: WorkflowRun, name: str, label: str) -> WorkflowRunInfo:
    status = (
        RunStatus(run.status)
        if run.status in RunStatus.__members__.values()
        else RunStatus.DONE
    )
    return WorkflowRunInfo(
        id=run.id,
        workflow_id=run.workflow_id,
        workflow_name=name,
        entity_kind=run.entity_kind,
        entity_id=run.entity_id,
        record_label=label,
        trigger_key=run.trigger_key,
        fired_at=run.fired_at,
        status=status,
        origin=run.origin,
        steps=tuple(_step(e) for e in run.log if "action" in e),
        resume_at=run.resume_at,
    )
