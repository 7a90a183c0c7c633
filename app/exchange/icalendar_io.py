"""iCalendar (RFC 5545) out and in, with the ``icalendar`` package.

Export: meetings and other journal entries become ``VEVENT``s; tasks become
``VEVENT``s too, at their due time (all-day on their due date) with a
``VALARM`` at the reminder. Outlook and Apple Calendar ignore ``VTODO`` in
imported files, and the point of the export is that field sales *see* their
follow-ups in the calendar they use; ``X-RELATA-KIND`` tells the two apart.

Import: every ``VEVENT`` of a file becomes a :class:`CalendarEvent`. The whole
file is checked first; one bad event refuses the file (nothing is imported),
with a :class:`CalendarError` naming the event and the problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import icalendar

from app.domain.errors import UserError
from app.domain.journal import (
    EntryKind,
    JournalEntry,
    Priority,
    Task,
    TaskStatus,
    all_day_instant,
)

PRODID = "-//Relata//Relata CRM//EN"
MAX_ICS_BYTES = 10 * 1024 * 1024
MAX_EVENTS = 10_000
TASK_MINUTES = 30
DEFAULT_MEETING_MINUTES = 60

_PRIORITY = {Priority.URGENT: 1, Priority.HIGH: 3, Priority.NORMAL: 5, Priority.LOW: 9}


class CalendarError(UserError):
    """An .ics file cannot be imported; nothing was imported."""


@dataclass(frozen=True)
class CalendarEvent:
    """A meeting read from an .ics file.

    Attributes:
        start: timezone-aware start (floating times are read as local time).
        all_day: the event has a date, not a time.
        attendees: e-mail addresses of attendees and the organiser.
    """

    uid: str
    summary: str
    description: str
    location: str
    start: dt.datetime
    end: dt.datetime | None
    all_day: bool
    attendees: tuple[str, ...] = ()

    @property
    def duration_min(self) -> int:
        """Length in minutes (0 if unknown or all day)."""
        if self.end is None or self.all_day:
            return 0
        return max(0, int((self.end - self.start).total_seconds() // 60))


# ---- export


def _calendar() -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    return cal


def entry_event(entry: JournalEntry, *, stamp: dt.datetime) -> icalendar.Event:
    """A journal entry as a ``VEVENT``."""
    event = icalendar.Event()
    event.add("uid", f"{entry.id}@journal.relata")
    event.add("dtstamp", stamp)
    event.add("summary", entry.subject or entry.title or entry.kind.value)
    start = entry.occurred_at.astimezone(dt.UTC)
    minutes = entry.duration_min or (
        DEFAULT_MEETING_MINUTES
        if entry.kind in (EntryKind.MEETING, EntryKind.VISIT)
        else 0
    )
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=minutes))
    description = _description(entry.body_text, [link.label for link in entry.links])
    if description:
        event.add("description", description)
    if entry.outcome:
        event.add("comment", entry.outcome)
    event.add("categories", [entry.kind.value])
    event.add("x-relata-kind", "journal")
    event.add("last-modified", entry.updated_at.astimezone(dt.UTC))
    return event


def task_event(task: Task, *, stamp: dt.datetime) -> icalendar.Event | None:
    """A task with a due date as a ``VEVENT`` (``None`` without a due date)."""
    if task.due_at is None:
        return None
    event = icalendar.Event()
    event.add("uid", f"{task.id}@task.relata")
    event.add("dtstamp", stamp)
    event.add("summary", task.title)
    if task.all_day:
        day = task.due_at.astimezone(dt.UTC).date()
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    else:
        start = task.due_at.astimezone(dt.UTC)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=TASK_MINUTES))
    description = _description(task.notes, [link.label for link in task.links])
    if description:
        event.add("description", description)
    event.add("priority", _PRIORITY[task.priority])
    event.add(
        "status", "CANCELLED" if task.status == TaskStatus.CANCELLED else "CONFIRMED"
    )
    event.add("categories", ["task"])
    event.add("x-relata-kind", "task")
    event.add("x-relata-status", task.status.value)
    event.add("transp", "TRANSPARENT")  # a to-do does not block the time
    if task.reminder_at is not None and task.status not in (
        TaskStatus.DONE,
        TaskStatus.CANCELLED,
    ):
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", task.title)
        alarm.add("trigger", task.reminder_at.astimezone(dt.UTC))
        event.add_component(alarm)
    return event


def export_calendar(
    *,
    entries: Sequence[JournalEntry] = (),
    tasks: Sequence[Task] = (),
    stamp: dt.datetime,
) -> bytes:
    """One .ics file with ``entries`` and the dated ``tasks``."""
    cal = _calendar()
    for entry in entries:
        cal.add_component(entry_event(entry, stamp=stamp))
    for task in tasks:
        event = task_event(task, stamp=stamp)
        if event is not None:
            cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _description(text: str, related: Sequence[str]) -> str:
    names = ", ".join(r for r in related if r)
    return "\n\n".join(p for p in (text.strip(), names) if p)


# ---- import


def parse_calendar(
    data: bytes, *, local: dt.tzinfo | None = None
) -> list[CalendarEvent]:
    """Every ``VEVENT`` of an .ics file, checked; raises :class:`CalendarError`.

    Args:
        data: the file's bytes.
        local: zone for floating times (default: this computer's).

    Raises:
        CalendarError: ``ics.too_big``, ``ics.invalid`` (not iCalendar),
            ``ics.empty`` (no events), ``ics.event`` (an event without start
            or with broken values; ``value`` names it).
    """
    if len(data) > MAX_ICS_BYTES:
        raise CalendarError(
            "ics.too_big",
            f"The calendar file is {len(data) // 1_048_576} MB; at most "
            f"{MAX_ICS_BYTES // 1_048_576} MB can be imported",
            value=len(data),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CalendarError(
            "ics.invalid", f"The file is not UTF-8 text ({exc.reason})", value=exc.start
        ) from exc
    if "BEGIN:VCALENDAR" not in text[:4096].upper():
        raise CalendarError(
            "ics.invalid", "The file is not an iCalendar (.ics) file", value=text[:40]
        )
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError) as exc:
        raise CalendarError(
            "ics.invalid", f"The calendar file cannot be read: {exc}", value=str(exc)
        ) from exc
    events = [ev for cal in calendars for ev in cal.walk("VEVENT")]
    if not events:
        raise CalendarError("ics.empty", "The calendar file contains no appointments")
    if len(events) > MAX_EVENTS:
        raise CalendarError(
            "ics.too_big",
            f"The file has {len(events)} appointments; at most {MAX_EVENTS} at once",
            value=len(events),
        )
    return [_event(ev, i, local) for i, ev in enumerate(events, 1)]


def _event(
    ev: icalendar.Component, number: int, local: dt.tzinfo | None
) -> CalendarEvent:
    summary = str(ev.get("summary", "")).strip()
    name = f"{number} ({summary})" if summary else str(number)

    def bad(problem: str) -> CalendarError:
        return CalendarError(
            "ics.event", f"Appointment {name}: {problem}", field="ics", value=name
        )

    broken = [f"{prop}: {msg}" for prop, msg in getattr(ev, "errors", [])]
    if broken:
        raise bad("; ".join(broken))
    start_prop = ev.get("dtstart")
    if start_prop is None:
        raise bad("it has no start time (DTSTART)")
    start, all_day = _instant(start_prop.dt, local)
    end: dt.datetime | None = None
    if ev.get("dtend") is not None:
        end, _ = _instant(ev.get("dtend").dt, local)
    elif ev.get("duration") is not None:
        end = start + ev.get("duration").dt
    if end is not None and end < start:
        raise bad("it ends before it starts")
    attendees = []
    for prop in ("organizer", "attendee"):
        values = ev.get(prop) or []
        for value in values if isinstance(values, list) else [values]:
            address = str(value)
            if address.lower().startswith("mailto:"):
                attendees.append(address[7:].strip().lower())
    return CalendarEvent(
        uid=str(ev.get("uid", "")),
        summary=summary[:300],
        description=str(ev.get("description", "")).strip(),
        location=str(ev.get("location", "")).strip(),
        start=start,
        end=end,
        all_day=all_day,
        attendees=tuple(dict.fromkeys(attendees)),
    )


def _instant(value: object, local: dt.tzinfo | None) -> tuple[dt.datetime, bool]:
    """A DTSTART/DTEND value as an aware UTC datetime, and whether it was a date."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # floating time: the user's wall clock
            value = value.replace(tzinfo=local) if local else value.astimezone()
        return value.astimezone(dt.UTC), False
    if isinstance(value, dt.date):
        return all_day_instant(value), True
    raise CalendarError(
        "ics.event", f"Unexpected date value {value!r}", value=str(value)
    )
