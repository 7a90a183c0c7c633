"""DTOs, enums and rules of the journal, tasks, service cases and knowledge base.

Journal entries (Journaleintrag) and tasks link to any record through generic
link rows (:class:`LinkRef`), so records of capabilities built elsewhere (leads,
opportunities) need no foreign keys from here. Times are timezone-aware UTC;
an all-day task is stored at noon UTC of its date (see :func:`all_day_instant`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.errors import FieldError


class EntryKind(StrEnum):
    """What kind of contact a journal entry records."""

    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    LETTER = "letter"
    NOTE = "note"
    VISIT = "visit"


class Direction(StrEnum):
    """Who started the contact: the customer (in) or we (out)."""

    NONE = ""
    INBOUND = "in"
    OUTBOUND = "out"


class LinkKind(StrEnum):
    """Kinds of record a journal entry or task can be linked to.

    ``PERSON`` and ``USER`` links are the participants of an entry; the values
    are the table names of the linked records.
    """

    ORGANISATION = "organisation"
    PERSON = "person"
    LEAD = "lead"
    OPPORTUNITY = "opportunity"
    SERVICE_CASE = "service_case"
    TASK = "task"
    USER = "user_account"


class Priority(StrEnum):
    """Priority of a task or service case."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TaskStatus(StrEnum):
    """Where a task stands."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


OPEN_TASK_STATUSES = frozenset({TaskStatus.OPEN, TaskStatus.IN_PROGRESS})


class TaskView(StrEnum):
    """The lists of the "My tasks" page."""

    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "week"
    OPEN = "open"
    DONE = "done"


class TaskBucket(StrEnum):
    """When an open task is due, relative to now."""

    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "week"
    LATER = "later"
    NO_DATE = "no_date"
    CLOSED = "closed"


class CaseStatus(StrEnum):
    """Life cycle of a service case."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"
    SOLVED = "solved"
    CLOSED = "closed"


OPEN_CASE_STATUSES = frozenset(
    {CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.WAITING}
)

#: Categories offered for new cases; users may type others.
CASE_CATEGORIES = ("question", "complaint", "defect", "order", "billing", "other")

#: Which statuses a case may move to from each status. Closing needs a solved
#: case (the customer confirmed, or the waiting time is over); a closed case
#: can be reopened, which puts it back into progress.
CASE_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.NEW: frozenset(
        {CaseStatus.IN_PROGRESS, CaseStatus.WAITING, CaseStatus.SOLVED}
    ),
    CaseStatus.IN_PROGRESS: frozenset({CaseStatus.WAITING, CaseStatus.SOLVED}),
    CaseStatus.WAITING: frozenset({CaseStatus.IN_PROGRESS, CaseStatus.SOLVED}),
    CaseStatus.SOLVED: frozenset({CaseStatus.CLOSED, CaseStatus.IN_PROGRESS}),
    CaseStatus.CLOSED: frozenset({CaseStatus.IN_PROGRESS}),
}

#: Service levels per priority: (first response, resolution), calendar time.
SLA: dict[Priority, tuple[dt.timedelta, dt.timedelta]] = {
    Priority.URGENT: (dt.timedelta(hours=2), dt.timedelta(days=1)),
    Priority.HIGH: (dt.timedelta(hours=8), dt.timedelta(days=3)),
    Priority.NORMAL: (dt.timedelta(days=1), dt.timedelta(days=5)),
    Priority.LOW: (dt.timedelta(days=3), dt.timedelta(days=10)),
}

#: Biggest attachment accepted (the data folder is on a laptop disk and synced).
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def sla_due(
    priority: Priority, opened_at: dt.datetime
) -> tuple[dt.datetime, dt.datetime]:
    """(response due, resolution due) of a case opened at ``opened_at``."""
    response, resolution = SLA[priority]
    return opened_at + response, opened_at + resolution


def check_case_transition(old: CaseStatus, new: CaseStatus) -> FieldError | None:
    """The error of moving a case from ``old`` to ``new``, if not allowed."""
    if old == new or new in CASE_TRANSITIONS[old]:
        return None
    return FieldError(
        "status",
        "case.transition",
        f"A case cannot go from {old.value} to {new.value}",
        new.value,
    )


def all_day_instant(day: dt.date) -> dt.datetime:
    """How an all-day due date is stored: noon UTC of that date.

    Noon keeps the calendar date the same in every time zone from UTC-11 to
    UTC+11, so a laptop travelling with its owner still shows the same day.
    """
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


@dataclass(frozen=True)
class DayBounds:
    """Local day and week boundaries (as UTC instants) for bucketing tasks."""

    now: dt.datetime
    today_start: dt.datetime
    today_end: dt.datetime
    week_end: dt.datetime

    @classmethod
    def at(cls, now: dt.datetime, tz: dt.tzinfo | None = None) -> DayBounds:
        """Boundaries of the local day and week (Monday to Sunday) around ``now``."""
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        local = now.astimezone(tz) if tz is not None else now.astimezone()
        zone = local.tzinfo
        start = dt.datetime.combine(local.date(), dt.time(), zone)
        end = start + dt.timedelta(days=1)
        week_end = start + dt.timedelta(days=7 - local.weekday())
        return cls(
            now.astimezone(dt.UTC),
            start.astimezone(dt.UTC),
            end.astimezone(dt.UTC),
            week_end.astimezone(dt.UTC),
        )

    def bucket(
        self, due_at: dt.datetime | None, all_day: bool, status: TaskStatus
    ) -> TaskBucket:
        """Which list an open task belongs to."""
        if status not in OPEN_TASK_STATUSES:
            return TaskBucket.CLOSED
        if due_at is None:
            return TaskBucket.NO_DATE
        if all_day:
            day = due_at.date()
            today = self.today_start_local_date
            if day < today:
                return TaskBucket.OVERDUE
            if day == today:
                return TaskBucket.TODAY
            return (
                TaskBucket.WEEK
                if all_day_instant(day) < self.week_end
                else TaskBucket.LATER
            )
        if due_at < self.now:
            return TaskBucket.OVERDUE
        if due_at < self.today_end:
            return TaskBucket.TODAY
        return TaskBucket.WEEK if due_at < self.week_end else TaskBucket.LATER

    @property
    def today_start_local_date(self) -> dt.date:
        """The local calendar date of today."""
        # today_start is local midnight; the date in UTC may be the day before,
        # so step half a day in to land safely inside the local day.
        return (self.today_start + dt.timedelta(hours=12)).date()


# ---- links


@dataclass(frozen=True)
class LinkRef:
    """A link from a journal entry or task to a record (label filled when read)."""

    kind: LinkKind
    id: str
    label: str = ""


# ---- journal entries


@dataclass(frozen=True)
class AttachmentInfo:
    """A file attached to a journal entry, stored once per content."""

    id: str
    entry_id: str
    file_name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class JournalEntryData:
    """Input for creating or changing a journal entry.

    ``body_html`` is the rich text as edited; when it is empty ``body_text`` is
    the (plain) body. The plain copy for search is always derived by the service.
    """

    kind: EntryKind
    occurred_at: dt.datetime
    subject: str = ""
    body_html: str = ""
    body_text: str = ""
    duration_min: int = 0
    direction: Direction = Direction.NONE
    outcome: str = ""
    owner_id: str | None = None
    links: tuple[LinkRef, ...] = ()


@dataclass(frozen=True)
class JournalEntry:
    """A journal entry as read, with the labels of its links."""

    id: str
    kind: EntryKind
    occurred_at: dt.datetime
    subject: str
    body_html: str
    body_text: str
    duration_min: int
    direction: Direction
    outcome: str
    owner_id: str | None
    owner_name: str
    created_at: dt.datetime
    updated_at: dt.datetime
    links: tuple[LinkRef, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()

    def data(self) -> JournalEntryData:
        """The editable part."""
        return JournalEntryData(
            kind=self.kind,
            occurred_at=self.occurred_at,
            subject=self.subject,
            body_html=self.body_html,
            body_text=self.body_text,
            duration_min=self.duration_min,
            direction=self.direction,
            outcome=self.outcome,
            owner_id=self.owner_id,
            links=self.links,
        )

    @property
    def title(self) -> str:
        """Subject, else the start of the text."""
        return self.subject or self.body_text.split("\n", 1)[0][:120]


@dataclass(frozen=True)
class JournalRow:
    """One line of the journal list."""

    id: str
    occurred_at: dt.datetime
    kind: EntryKind
    subject: str
    summary: str
    related: str
    owner_name: str


@dataclass(frozen=True)
class JournalFilter:
    """What the journal list shows."""

    search: str = ""
    kinds: frozenset[EntryKind] = field(default_factory=frozenset)
    owner_id: str | None = None


# ---- tasks


@dataclass(frozen=True)
class TaskData:
    """Input for creating or changing a task (follow-up)."""

    title: str
    due_at: dt.datetime | None = None
    all_day: bool = False
    reminder_at: dt.datetime | None = None
    priority: Priority = Priority.NORMAL
    status: TaskStatus = TaskStatus.OPEN
    notes: str = ""
    owner_id: str | None = None
    links: tuple[LinkRef, ...] = ()
    source_entry_id: str | None = None


@dataclass(frozen=True)
class Task:
    """A task as read."""

    id: str
    title: str
    due_at: dt.datetime | None
    all_day: bool
    reminder_at: dt.datetime | None
    priority: Priority
    status: TaskStatus
    notes: str
    owner_id: str | None
    owner_name: str
    completed_at: dt.datetime | None
    source_entry_id: str | None
    created_at: dt.datetime
    links: tuple[LinkRef, ...] = ()

    def data(self) -> TaskData:
        """The editable part."""
        return TaskData(
            title=self.title,
            due_at=self.due_at,
            all_day=self.all_day,
            reminder_at=self.reminder_at,
            priority=self.priority,
            status=self.status,
            notes=self.notes,
            owner_id=self.owner_id,
            links=self.links,
            source_entry_id=self.source_entry_id,
        )


@dataclass(frozen=True)
class TaskRow:
    """One line of a task list."""

    id: str
    title: str
    due_at: dt.datetime | None
    all_day: bool
    priority: Priority
    status: TaskStatus
    owner_name: str
    related: str
    bucket: TaskBucket


@dataclass(frozen=True)
class TaskFilter:
    """What a task list shows."""

    view: TaskView = TaskView.OPEN
    owner_id: str | None = None
    search: str = ""


@dataclass(frozen=True)
class Reminder:
    """A task whose reminder time has come."""

    task_id: str
    title: str
    due_at: dt.datetime | None
    all_day: bool
    related: str


# ---- service cases


@dataclass(frozen=True)
class CaseData:
    """Input for creating or changing a service case."""

    title: str
    description: str = ""
    status: CaseStatus = CaseStatus.NEW
    priority: Priority = Priority.NORMAL
    category: str = "question"
    organisation_id: str | None = None
    person_id: str | None = None
    assignee_id: str | None = None
    response_due: dt.datetime | None = None
    resolution_due: dt.datetime | None = None
    article_id: str | None = None


@dataclass(frozen=True)
class ServiceCase:
    """A service case as read."""

    id: str
    number: str
    title: str
    description: str
    status: CaseStatus
    priority: Priority
    category: str
    organisation_id: str | None
    organisation_name: str
    person_id: str | None
    person_name: str
    assignee_id: str | None
    assignee_name: str
    response_due: dt.datetime | None
    resolution_due: dt.datetime | None
    first_response_at: dt.datetime | None
    solved_at: dt.datetime | None
    closed_at: dt.datetime | None
    article_id: str | None
    article_title: str
    created_at: dt.datetime
    updated_at: dt.datetime

    def data(self) -> CaseData:
        """The editable part."""
        return CaseData(
            title=self.title,
            description=self.description,
            status=self.status,
            priority=self.priority,
            category=self.category,
            organisation_id=self.organisation_id,
            person_id=self.person_id,
            assignee_id=self.assignee_id,
            response_due=self.response_due,
            resolution_due=self.resolution_due,
            article_id=self.article_id,
        )

    @property
    def customer(self) -> str:
        """Person and organisation, as far as known."""
        return " · ".join(p for p in (self.person_name, self.organisation_name) if p)

    def overdue(self, now: dt.datetime) -> bool:
        """Whether the case missed its resolution (or first-response) date."""
        return case_overdue(
            self.status,
            self.resolution_due,
            self.response_due,
            self.first_response_at,
            now,
        )


def case_overdue(
    status: CaseStatus,
    resolution_due: dt.datetime | None,
    response_due: dt.datetime | None,
    first_response_at: dt.datetime | None,
    now: dt.datetime,
) -> bool:
    """An open case past its resolution date, or unanswered past its response date."""
    if status not in OPEN_CASE_STATUSES:
        return False
    if resolution_due is not None and resolution_due < now:
        return True
    return first_response_at is None and response_due is not None and response_due < now


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: str
    number: str
    title: str
    customer: str
    status: CaseStatus
    priority: Priority
    category: str
    assignee: str
    resolution_due: dt.datetime | None
    overdue: bool
    created_at: dt.datetime


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows."""

    search: str = ""
    statuses: frozenset[CaseStatus] = field(default_factory=frozenset)
    overdue_only: bool = False
    assignee_id: str | None = None


# ---- knowledge base


@dataclass(frozen=True)
class ArticleData:
    """Input for a knowledge-base article."""

    title: str
    body: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """A knowledge-base article as read."""

    id: str
    title: str
    body: str
    tags: tuple[str, ...]
    updated_at: dt.datetime
    case_count: int = 0

    def data(self) -> ArticleData:
        """The editable part."""
        return ArticleData(self.title, self.body, self.tags)


@dataclass(frozen=True)
class ArticleRow:
    """One line of the article list."""

    id: str
    title: str
    tags: tuple[str, ...]
    snippet: str
    updated_at: dt.datetime


# ---- timeline


class TimelineSource(StrEnum):
    """The sources this capability adds to timelines (others may add more)."""

    JOURNAL = "journal"
    TASK = "task"
    CASE = "case"


@dataclass(frozen=True)
class TimelineItem:
    """One event in a record's history.

    Attributes:
        source: which registered source it came from (``journal``, ``task`` …).
        subtype: finer kind within the source (``call``, ``done``, ``solved`` …).
        meta: who and what else, in one short line (participants, owner, number).
    """

    id: str
    source: str
    subtype: str
    at: dt.datetime
    title: str
    summary: str
    meta: str = ""


@dataclass(frozen=True)
class TimelineFilter:
    """Which sources and what text a timeline shows (empty = everything)."""

    sources: frozenset[str] = field(default_factory=frozenset)
    search: str = ""
