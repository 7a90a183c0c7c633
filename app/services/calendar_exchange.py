"""Calendar exchange: tasks and meetings out as .ics, meetings in as journal entries.

Import is all or nothing: the file is parsed and checked completely before
the first row is written, the rows go in one transaction, and Cancel rolls it
back. An appointment already in the journal (same start and subject) is
skipped, so importing the same file twice adds nothing. Attendees are matched
to persons by e-mail address and linked, with their primary organisation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import Changes
from app.domain.errors import UserError
from app.domain.journal import (
    EntryKind,
    JournalEntryData,
    LinkKind,
    LinkRef,
    TaskFilter,
    TaskView,
)
from app.domain.progress import NullProgress, ProgressSink
from app.exchange.icalendar_io import (
    MAX_ICS_BYTES,
    CalendarError,
    CalendarEvent,
    export_calendar,
    parse_calendar,
    task_event,
)
from app.models import Employment, Person, utcnow
from app.models.journal import JournalEntry as EntryRow
from app.services.followups import TaskService
from app.services.journal import JournalService, validate_entry

_BATCH = 200


@dataclass(frozen=True)
class CalendarImportResult:
    """What an import added."""

    imported: int
    skipped: int
    changes: Changes


class CalendarExchange:
    """Write .ics files from the journal and tasks; read meetings into the journal."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        journal: JournalService,
        tasks: TaskService,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._journal = journal
        self._tasks = tasks
        self._clock = clock

    # ---- export

    def calendar_bytes(
        self, *, entry_ids: Sequence[str] = (), task_ids: Sequence[str] = ()
    ) -> bytes:
        """One calendar with the given entries and tasks."""
        entries = [self._journal.get_entry(i) for i in entry_ids]
        tasks = [self._tasks.get_task(i) for i in task_ids]
        return export_calendar(entries=entries, tasks=tasks, stamp=self._clock())

    def export_file(
        self,
        path: Path,
        *,
        entry_ids: Sequence[str] = (),
        task_ids: Sequence[str] = (),
    ) -> int:
        """Write one .ics file; returns how many appointments it holds."""
        data = self.calendar_bytes(entry_ids=entry_ids, task_ids=task_ids)
        _write(path, data)
        return data.count(b"BEGIN:VEVENT")

    def export_each(
        self,
        folder: Path,
        *,
        entry_ids: Sequence[str] = (),
        task_ids: Sequence[str] = (),
    ) -> list[Path]:
        """One .ics file per item (to mail or drag into a calendar)."""
        folder.mkdir(parents=True, exist_ok=True)
        stamp = self._clock()
        written: list[Path] = []
        for entry_id in entry_ids:
            entry = self._journal.get_entry(entry_id)
            data = export_calendar(entries=[entry], stamp=stamp)
            written.append(_write(folder / _file_name(entry.title, entry.id), data))
        for task_id in task_ids:
            task = self._tasks.get_task(task_id)
            if task_event(task, stamp=stamp) is None:
                continue
            data = export_calendar(tasks=[task], stamp=stamp)
            written.append(_write(folder / _file_name(task.title, task.id), data))
        return written

    def export_upcoming(
        self,
        path: Path,
        *,
        owner_id: str | None = None,
        days: int = 60,
        progress: ProgressSink = NullProgress(),  # noqa: B008 - stateless
    ) -> int:
        """Meetings and visits of the next ``days`` days plus all open dated tasks."""
        now = self._clock()
        entries = self._journal.entries_between(
            now - dt.timedelta(days=1),
            now + dt.timedelta(days=days),
            kinds=(EntryKind.MEETING, EntryKind.VISIT),
        )
        if owner_id:
            entries = [e for e in entries if e.owner_id == owner_id]
        flt = TaskFilter(TaskView.OPEN, owner_id)
        total = self._tasks.count(flt, now=now)
        tasks = []
        for offset in range(0, total, 500):
            progress.check_cancelled()
            page = self._tasks.page(flt, offset=offset, limit=500, total=total, now=now)
            tasks += [self._tasks.get_task(r.id) for r in page.rows if r.due_at]
            progress.report(offset + len(page.rows), total, "Exporting tasks")
        data = export_calendar(entries=entries, tasks=tasks, stamp=now)
        _write(path, data)
        return data.count(b"BEGIN:VEVENT")

    # ---- import

    def import_file(
        self,
        path: Path,
        *,
        owner_id: str | None = None,
        links: Sequence[LinkRef] = (),
        progress: ProgressSink = NullProgress(),  # noqa: B008 - stateless
    ) -> CalendarImportResult:
        """Import every appointment of ``path`` as a meeting in the journal.

        Raises:
            CalendarError: the file is unusable (too big, not iCalendar, no or
                a broken appointment); nothing was imported.
            Cancelled: the user cancelled; nothing was imported.
        """
        if not path.is_file():
            raise CalendarError(
                "ics.missing", f"The file {path} does not exist", value=str(path)
            )
        if path.stat().st_size > MAX_ICS_BYTES:
            raise CalendarError(
                "ics.too_big",
                f"{path.name} is larger than {MAX_ICS_BYTES // 1_048_576} MB",
                value=str(path),
            )
        return self.import_bytes(
            path.read_bytes(), owner_id=owner_id, links=links, progress=progress
        )

    def import_bytes(
        self,
        data: bytes,
        *,
        owner_id: str | None = None,
        links: Sequence[LinkRef] = (),
        progress: ProgressSink = NullProgress(),  # noqa: B008 - stateless
    ) -> CalendarImportResult:
        """:meth:`import_file` for bytes already read."""
        events = parse_calendar(data)
        prepared = []
        for number, event in enumerate(events, 1):
            try:
                prepared.append((event, validate_entry(_entry_data(event, owner_id))))
            except UserError as exc:
                raise CalendarError(
                    "ics.event",
                    f"Appointment {number}: {exc}",
                    field="ics",
                    value=str(number),
                ) from exc
        imported = skipped = 0
        changes = Changes()
        with self._sessions.begin() as s:
            people = _persons_by_email(s, {a for e in events for a in e.attendees})
            for i, (event, entry) in enumerate(prepared):
                if i % _BATCH == 0:
                    progress.check_cancelled()
                    progress.report(i, len(prepared), "Importing appointments")
                if _exists(s, entry):
                    skipped += 1
                    continue
                extra = [p for a in event.attendees for p in people.get(a, ())]
                merged = {
                    (str(x.kind), x.id): x for x in (*entry.links, *links, *extra)
                }
                entry = replace(entry, links=tuple(merged.values()))
                row = self._journal.insert_entry(s, entry)
                changes = changes | JournalService.changes_for(row.id, entry.links)
                imported += 1
            progress.check_cancelled()
            progress.report(len(prepared), len(prepared), "Importing appointments")
        return CalendarImportResult(imported, skipped, changes)


def _entry_data(event: CalendarEvent, owner_id: str | None) -> JournalEntryData:
    body = event.description
    if event.location:
        body = f"{body}\n\n{event.location}".strip()
    return JournalEntryData(
        kind=EntryKind.MEETING,
        occurred_at=event.start,
        subject=event.summary or event.location or "Appointment",
        body_text=body,
        duration_min=min(event.duration_min, 7 * 24 * 60),
        owner_id=owner_id,
    )


def _exists(s: Session, entry: JournalEntryData) -> bool:
    found = s.execute(
        select(EntryRow.id)
        .where(
            EntryRow.deleted_at.is_(None),
            EntryRow.occurred_at == entry.occurred_at,
            EntryRow.subject == entry.subject,
        )
        .limit(1)
    ).first()
    return found is not None


def _persons_by_email(s: Session, emails: set[str]) -> dict[str, list[LinkRef]]:
    """Persons (and their primary organisation) by lower-case e-mail."""
    if not emails:
        return {}
    rows = s.execute(
        select(Person.id, Person.email, Employment.organisation_id)
        .outerjoin(
            Employment,
            (Employment.person_id == Person.id)
            & Employment.deleted_at.is_(None)
            & Employment.is_primary.is_(True),
        )
        .where(Person.email.in_(sorted(emails)), Person.deleted_at.is_(None))
    ).all()
    out: dict[str, list[LinkRef]] = {}
    for pid, email, org_id in rows:
        refs = out.setdefault(email.lower(), [])
        refs.append(LinkRef(LinkKind.PERSON, pid))
        if org_id:
            refs.append(LinkRef(LinkKind.ORGANISATION, org_id))
    return out


def _file_name(title: str, rid: str) -> str:
    safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip()
    return f"{(safe or 'item')[:60]}-{rid[:8]}.ics"


def _write(path: Path, data: bytes) -> Path:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
