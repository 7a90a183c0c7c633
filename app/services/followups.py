"""Tasks and follow-ups (Automatisierung): due dates, reminders, "my tasks".

Lists are computed against a ``now`` the caller passes (the GUI's clock, a
test's fake clock) and the local day boundaries of :class:`DayBounds`.
Reminders are due when ``reminder_at <= now``; each device shows a reminder
once and notes that locally in ``reminded_at`` (never synced).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db.address_queries import page_window
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, ValidationError
from app.domain.journal import (
    OPEN_TASK_STATUSES,
    DayBounds,
    JournalEntry,
    JournalEntryData,
    LinkKind,
    LinkRef,
    Priority,
    Reminder,
    Task,
    TaskData,
    TaskFilter,
    TaskRow,
    TaskStatus,
    TaskView,
    all_day_instant,
)
from app.models import utcnow
from app.models.journal import Task as TaskRecord
from app.models.journal import TaskLink, journal_link_id
from app.services.addresses import Page
from app.services.journal import (
    JournalService,
    check_links,
    link_labels,
    owner_name,
    related_text,
    user_names,
    validate_entry,
)

_OPEN = [str(s) for s in OPEN_TASK_STATUSES]
_CLOSED = [str(TaskStatus.DONE), str(TaskStatus.CANCELLED)]


def validate_task(data: TaskData, *, prefix: str = "") -> TaskData:
    """Check and normalise a task; field names get ``prefix`` (e.g. ``follow_up.``)."""
    errors: list[FieldError] = []
    title = " ".join(data.title.split())
    if not title:
        errors.append(FieldError(f"{prefix}title", "required", "A task needs a title"))
    elif len(title) > 300:
        errors.append(
            FieldError(f"{prefix}title", "too_long", "At most 300 characters", title)
        )
    for name in ("due_at", "reminder_at"):
        value = getattr(data, name)
        if value is not None and value.tzinfo is None:
            errors.append(
                FieldError(f"{prefix}{name}", "journal.time", "Time without zone")
            )
    if data.priority not in Priority:
        errors.append(
            FieldError(f"{prefix}priority", "task.priority", "Unknown priority")
        )
    if data.status not in TaskStatus:
        errors.append(FieldError(f"{prefix}status", "task.status", "Unknown status"))
    check_links(data.links, errors)
    if errors:
        raise ValidationError(errors)
    due = data.due_at
    if due is not None and data.all_day:
        due = all_day_instant(due.date())
    links: dict[tuple[str, str], LinkRef] = {}
    for link in data.links:
        if link.kind != LinkKind.USER:
            links.setdefault((str(link.kind), link.id), LinkRef(link.kind, link.id))
    return replace(
        data,
        title=title,
        due_at=due,
        all_day=data.all_day and due is not None,
        priority=Priority(data.priority),
        status=TaskStatus(data.status),
        notes=data.notes.strip(),
        links=tuple(links.values()),
    )


def insert_task(s: Session, data: TaskData) -> TaskRecord:
    """Add a validated task and its links in the open session ``s``."""
    row = TaskRecord(
        title=data.title,
        notes=data.notes,
        due_at=data.due_at,
        all_day=data.all_day,
        reminder_at=data.reminder_at,
        priority=str(data.priority),
        status=str(data.status),
        owner_id=data.owner_id,
        source_entry_id=data.source_entry_id,
        completed_at=utcnow() if data.status not in OPEN_TASK_STATUSES else None,
    )
    s.add(row)
    s.flush()
    _set_links(s, row, data.links)
    s.flush()
    return row


def _set_links(s: Session, row: TaskRecord, links: Sequence[LinkRef]) -> None:
    current = {
        (link.entity_kind, link.entity_id): link
        for link in s.scalars(select(TaskLink).where(TaskLink.task_id == row.id))
    }
    wanted = {(str(link.kind), link.id) for link in links}
    for key, link in current.items():
        live = key in wanted
        if live and link.deleted_at is not None:
            link.deleted_at = None
        elif not live and link.deleted_at is None:
            link.deleted_at = utcnow()
    for kind, rid in wanted - set(current):
        s.add(
            TaskLink(
                id=journal_link_id(row.id, kind, rid),
                task_id=row.id,
                entity_kind=kind,
                entity_id=rid,
                owner_id=row.owner_id,
            )
        )


def _is_overdue(b: DayBounds) -> ColumnElement[bool]:
    today = all_day_instant(b.today_start_local_date)
    return or_(
        and_(TaskRecord.all_day.is_(False), TaskRecord.due_at < b.now),
        and_(TaskRecord.all_day.is_(True), TaskRecord.due_at < today),
    )


def task_where(flt: TaskFilter, b: DayBounds) -> list[ColumnElement[bool]]:
    """Conditions of a task list at the time of ``b``."""
    conds: list[ColumnElement[bool]] = [TaskRecord.deleted_at.is_(None)]
    if flt.view == TaskView.DONE:
        conds.append(TaskRecord.status.in_(_CLOSED))
    else:
        conds.append(TaskRecord.status.in_(_OPEN))
    today = all_day_instant(b.today_start_local_date)
    if flt.view == TaskView.OVERDUE:
        conds.append(_is_overdue(b))
    elif flt.view == TaskView.TODAY:
        conds.append(
            or_(
                and_(
                    TaskRecord.all_day.is_(False),
                    TaskRecord.due_at >= b.now,
                    TaskRecord.due_at < b.today_end,
                ),
                and_(TaskRecord.all_day.is_(True), TaskRecord.due_at == today),
            )
        )
    elif flt.view == TaskView.WEEK:
        conds.append(
            or_(
                and_(
                    TaskRecord.all_day.is_(False),
                    TaskRecord.due_at >= b.now,
                    TaskRecord.due_at < b.week_end,
                ),
                and_(
                    TaskRecord.all_day.is_(True),
                    TaskRecord.due_at >= today,
                    TaskRecord.due_at < b.week_end,
                ),
            )
        )
    if flt.owner_id:
        conds.append(TaskRecord.owner_id == flt.owner_id)
    words = flt.search.split()
    for word in words:
        conds.append(TaskRecord.title.icontains(word, autoescape=True))
    return conds


_PRIORITY_RANK = case(
    {"urgent": 0, "high": 1, "normal": 2, "low": 3}, value=TaskRecord.priority, else_=2
)


class TaskService:
    """Create, change, complete, list and remind tasks."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        journal: JournalService,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        tz: dt.tzinfo | None = None,
    ) -> None:
        self._sessions = sessions
        self._journal = journal
        self._clock = clock
        self._tz = tz

    def bounds(self, now: dt.datetime | None = None) -> DayBounds:
        """Today's and this week's boundaries at ``now`` (default: the clock)."""
        return DayBounds.at(now or self._clock(), self._tz)

    # ---- single tasks

    def create_task(self, data: TaskData) -> tuple[Task, Changes]:
        """Validate and store a new task."""
        data = validate_task(data)
        with self._sessions.begin() as s:
            row = insert_task(s, data)
            return self._dto(s, row), self._changes(row.id, data.links)

    def update_task(self, task_id: str, data: TaskData) -> tuple[Task, Changes]:
        """Validate and store changes; a changed reminder time reminds again."""
        data = validate_task(data)
        with self._sessions.begin() as s:
            row = self._live(s, task_id)
            before = self._link_refs(s, task_id)
            if data.reminder_at != row.reminder_at:
                row.reminded_at = None
            was_open = row.status in _OPEN
            _assign(
                row,
                title=data.title,
                notes=data.notes,
                due_at=data.due_at,
                all_day=data.all_day,
                reminder_at=data.reminder_at,
                priority=str(data.priority),
                status=str(data.status),
                owner_id=data.owner_id,
            )
            if was_open and data.status not in OPEN_TASK_STATUSES:
                row.completed_at = self._clock()
            elif data.status in OPEN_TASK_STATUSES:
                row.completed_at = None
            _set_links(s, row, data.links)
            s.flush()
            return self._dto(s, row), self._changes(row.id, (*before, *data.links))

    def get_task(self, task_id: str) -> Task:
        """The task with the labels of its links."""
        with self._sessions() as s:
            return self._dto(s, self._live(s, task_id))

    def complete_task(
        self, task_id: str, *, log: JournalEntryData | None = None
    ) -> tuple[Task, JournalEntry | None, Changes]:
        """Mark the task done; with ``log``, record what was done in the journal.

        The journal entry is linked to the task and to the task's records, and
        is written in the same transaction.
        """
        entry_data = validate_entry(log) if log is not None else None
        with self._sessions.begin() as s:
            row = self._live(s, task_id)
            if row.status not in _OPEN:
                raise ValidationError(
                    [FieldError("status", "task.closed", "The task is already closed")]
                )
            row.status = str(TaskStatus.DONE)
            row.completed_at = self._clock()
            links = self._link_refs(s, task_id)
            changes = self._changes(task_id, links)
            entry = None
            if entry_data is not None:
                extra = [*links, LinkRef(LinkKind.TASK, task_id)]
                entry_data = replace(
                    entry_data,
                    links=_merge_links(entry_data.links, extra),
                    owner_id=entry_data.owner_id or row.owner_id,
                )
                entry_row = self._journal.insert_entry(s, entry_data)
                changes = changes | JournalService.changes_for(
                    entry_row.id, entry_data.links
                )
                s.flush()
                entry = entry_row.id
            s.flush()
            task = self._dto(s, row)
        journal_entry = self._journal.get_entry(entry) if entry else None
        return task, journal_entry, changes

    def reopen_task(self, task_id: str) -> tuple[Task, Changes]:
        """Put a done or cancelled task back on the list."""
        with self._sessions.begin() as s:
            row = self._live(s, task_id)
            row.status = str(TaskStatus.OPEN)
            row.completed_at = None
            s.flush()
            return self._dto(s, row), self._changes(
                task_id, self._link_refs(s, task_id)
            )

    def delete_task(self, task_id: str) -> Changes:
        """Tombstone the task (undo with :meth:`restore_task`)."""
        return self._set_deleted(task_id, deleted=True)

    def restore_task(self, task_id: str) -> Changes:
        """Undo :meth:`delete_task`."""
        return self._set_deleted(task_id, deleted=False)

    # ---- lists

    def count(self, flt: TaskFilter, *, now: dt.datetime | None = None) -> int:
        """How many tasks the list ``flt`` shows at ``now``."""
        b = self.bounds(now)
        with self._sessions() as s:
            stmt = (
                select(func.count()).select_from(TaskRecord).where(*task_where(flt, b))
            )
            return int(s.execute(stmt).scalar_one())

    def counts(
        self, *, owner_id: str | None = None, now: dt.datetime | None = None
    ) -> dict[TaskView, int]:
        """Overdue, today, this week and all open, for the tab badges."""
        return {
            view: self.count(TaskFilter(view, owner_id), now=now)
            for view in (TaskView.OVERDUE, TaskView.TODAY, TaskView.WEEK, TaskView.OPEN)
        }

    def page(
        self,
        flt: TaskFilter,
        *,
        offset: int,
        limit: int,
        total: int,
        now: dt.datetime | None = None,
    ) -> Page[TaskRow]:
        """Rows of a task list: by due date (done: newest first), then priority."""
        b = self.bounds(now)
        off, lim, rev = page_window(offset, limit, total)
        spec: list[tuple[Any, bool]]  # (sort key, descending)
        if flt.view == TaskView.DONE:
            spec = [(TaskRecord.completed_at, True), (TaskRecord.id, True)]
        else:
            spec = [
                (TaskRecord.due_at.is_(None), False),
                (TaskRecord.due_at, False),
                (_PRIORITY_RANK, False),
                (TaskRecord.id, False),
            ]
        keys = [key.desc() if desc != rev else key.asc() for key, desc in spec]
        stmt = (
            select(TaskRecord)
            .where(*task_where(flt, b))
            .order_by(*keys)
            .offset(off)
            .limit(lim)
        )
        with self._sessions() as s:
            rows = list(s.scalars(stmt))
            related = self._related(s, [r.id for r in rows])
            owners = user_names(s, (r.owner_id for r in rows if r.owner_id))
        items = [
            TaskRow(
                id=r.id,
                title=r.title,
                due_at=r.due_at,
                all_day=r.all_day,
                priority=_priority(r.priority),
                status=_status(r.status),
                owner_name=owners.get(r.owner_id or "", ""),
                related=related.get(r.id, ""),
                bucket=b.bucket(r.due_at, r.all_day, _status(r.status)),
            )
            for r in rows
        ]
        if rev:
            items.reverse()
        return Page(offset, tuple(items))

    # ---- reminders

    def due_reminders(self, now: dt.datetime | None = None) -> list[Reminder]:
        """Open tasks whose reminder time has come and that were not shown yet."""
        now = now or self._clock()
        with self._sessions() as s:
            rows = list(
                s.scalars(
                    select(TaskRecord)
                    .where(
                        TaskRecord.deleted_at.is_(None),
                        TaskRecord.reminded_at.is_(None),
                        TaskRecord.reminder_at <= now,
                        TaskRecord.status.in_(_OPEN),
                    )
                    .order_by(TaskRecord.reminder_at)
                    .limit(50)
                )
            )
            related = self._related(s, [r.id for r in rows])
        return [
            Reminder(r.id, r.title, r.due_at, r.all_day, related.get(r.id, ""))
            for r in rows
        ]

    def mark_reminded(
        self, task_ids: Sequence[str], now: dt.datetime | None = None
    ) -> Changes:
        """Note that the reminders of ``task_ids`` were shown on this device.

        ``updated_at`` stays: this is local state, not an edit to sync.
        """
        if not task_ids:
            return Changes()
        with self._sessions.begin() as s:
            s.execute(
                update(TaskRecord)
                .where(TaskRecord.id.in_(list(task_ids)))
                .values(
                    reminded_at=now or self._clock(), updated_at=TaskRecord.updated_at
                )
            )
        return Changes.of(EntityKind.TASK, *task_ids)

    def snooze(self, task_id: str, until: dt.datetime) -> Changes:
        """Remind again at ``until``."""
        with self._sessions.begin() as s:
            row = self._live(s, task_id)
            row.reminder_at = until
            row.reminded_at = None
        return Changes.of(EntityKind.TASK, task_id)

    # ---- helpers

    @staticmethod
    def _live(s: Session, task_id: str) -> TaskRecord:
        row = s.get(TaskRecord, task_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("task", task_id)
        return row

    def _set_deleted(self, task_id: str, *, deleted: bool) -> Changes:
        with self._sessions.begin() as s:
            row = s.get(TaskRecord, task_id)
            if row is None or (row.deleted_at is None) != deleted:
                raise NotFoundError("task", task_id)
            row.deleted_at = self._clock() if deleted else None
            row.deleted_rev = None
            links = self._link_refs(s, task_id)
        return self._changes(task_id, links)

    @staticmethod
    def _changes(task_id: str, links: Sequence[LinkRef]) -> Changes:
        changes = Changes.of(EntityKind.TASK, task_id)
        for link in links:
            if link.kind in (LinkKind.PERSON, LinkKind.ORGANISATION):
                changes = changes | Changes.of(EntityKind(str(link.kind)), link.id)
            elif link.kind == LinkKind.SERVICE_CASE:
                changes = changes | Changes.of(EntityKind.SERVICE_CASE, link.id)
        return changes

    @staticmethod
    def _link_refs(s: Session, task_id: str) -> list[LinkRef]:
        rows = s.execute(
            select(TaskLink.entity_kind, TaskLink.entity_id).where(
                TaskLink.task_id == task_id, TaskLink.deleted_at.is_(None)
            )
        ).all()
        return [LinkRef(LinkKind(r[0]), r[1]) for r in rows if r[0] in LinkKind]

    @staticmethod
    def _related(s: Session, task_ids: list[str]) -> dict[str, str]:
        if not task_ids:
            return {}
        rows = s.execute(
            select(TaskLink.task_id, TaskLink.entity_kind, TaskLink.entity_id).where(
                TaskLink.task_id.in_(task_ids), TaskLink.deleted_at.is_(None)
            )
        ).all()
        labels = link_labels(s, [(r[1], r[2]) for r in rows], with_org=True)
        by_task: dict[str, list[LinkRef]] = {}
        for task_id, kind, rid in rows:
            if kind in LinkKind:
                by_task.setdefault(task_id, []).append(
                    LinkRef(LinkKind(kind), rid, labels.get((kind, rid), ""))
                )
        return {k: related_text(v) for k, v in by_task.items()}

    def _dto(self, s: Session, row: TaskRecord) -> Task:
        refs = self._link_refs(s, row.id)
        labels = link_labels(s, [(str(r.kind), r.id) for r in refs])
        return Task(
            id=row.id,
            title=row.title,
            due_at=row.due_at,
            all_day=row.all_day,
            reminder_at=row.reminder_at,
            priority=_priority(row.priority),
            status=_status(row.status),
            notes=row.notes,
            owner_id=row.owner_id,
            owner_name=owner_name(s, row.owner_id),
            completed_at=row.completed_at,
            source_entry_id=row.source_entry_id,
            created_at=row.created_at,
            links=tuple(
                sorted(
                    (
                        LinkRef(r.kind, r.id, labels.get((str(r.kind), r.id), ""))
                        for r in refs
                    ),
                    key=lambda link: (str(link.kind), link.label),
                )
            ),
        )


def _merge_links(
    first: Sequence[LinkRef], more: Sequence[LinkRef]
) -> tuple[LinkRef, ...]:
    out: dict[tuple[str, str], LinkRef] = {}
    for link in (*first, *more):
        out.setdefault((str(link.kind), link.id), link)
    return tuple(out.values())


def _priority(value: str) -> Priority:
    return Priority(value) if value in Priority else Priority.NORMAL


def _status(value: str) -> TaskStatus:
    return TaskStatus(value) if value in TaskStatus else TaskStatus.OPEN


def _assign(row: object, **values: object) -> None:
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
