"""iCalendar: export re-parsed field by field; import all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db.database import Database
from app.domain.addresses import ChannelData, ChannelKind
from app.domain.journal import (
    EntryKind,
    JournalEntryData,
    JournalFilter,
    LinkKind,
    Priority,
    TaskData,
)
from app.domain.progress import Cancelled, RecordingProgress
from app.exchange.icalendar_io import CalendarError, parse_calendar
from app.services.addresses import AddressService
from app.services.journal_services import JournalServices
from tests.helpers.factories import make_organisation, make_person
from tests.services.journal_support import (
    CET,
    at,
    count_rows,
    org,
    person,
)

GOOD = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Example//Outlook//EN\r
BEGIN:VEVENT\r
UID:a1@example.com\r
DTSTAMP:20260301T080000Z\r
DTSTART;TZID=Europe/Zurich:20260310T140000\r
DTEND;TZID=Europe/Zurich:20260310T153000\r
SUMMARY:Jahresgespr\xc3\xa4ch Alpha\r
DESCRIPTION:Budget 2027\\nund Rahmenvertrag\r
LOCATION:Bahnhofstrasse 1\\, Z\xc3\xbcrich\r
ORGANIZER:mailto:sandra.frei@relata.example\r
ATTENDEE;CN=Anna Keller:mailto:Anna.Keller@alpha.ch\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:a2@example.com\r
DTSTAMP:20260301T080000Z\r
DTSTART:20260311T090000\r
DURATION:PT45M\r
SUMMARY:Workshop\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:a3@example.com\r
DTSTAMP:20260301T080000Z\r
DTSTART;VALUE=DATE:20260312\r
SUMMARY:Messe\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_export_reparses_field_by_field(
    js: JournalServices, addresses: AddressService
) -> None:
    alpha = make_organisation(addresses, name="Alpha AG")
    meeting, _ = js.entries.create_entry(
        JournalEntryData(
            kind=EntryKind.MEETING,
            occurred_at=at(10, 13),
            subject="Jahresgespräch",
            body_text="Budget 2027; Rahmenvertrag, «neu»",
            duration_min=90,
            outcome="Offerte",
            links=(org(alpha.id),),
        )
    )
    task, _ = js.tasks.create_task(
        TaskData(
            title="Offerte senden",
            due_at=at(12, 15),
            reminder_at=at(12, 14),
            priority=Priority.HIGH,
            notes="PDF an Anna",
        )
    )
    all_day, _ = js.tasks.create_task(
        TaskData(title="Messe", due_at=at(13), all_day=True)
    )
    undated, _ = js.tasks.create_task(TaskData(title="Irgendwann"))
    data = js.calendar.calendar_bytes(
        entry_ids=[meeting.id], task_ids=[task.id, all_day.id, undated.id]
    )
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["version"]) == "2.0"
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {
        f"{meeting.id}@journal.relata",
        f"{task.id}@task.relata",
        f"{all_day.id}@task.relata",
    }  # the undated task has no place in a calendar
    ev = events[f"{meeting.id}@journal.relata"]
    assert str(ev["summary"]) == "Jahresgespräch"
    assert ev.decoded("dtstart") == at(10, 13)
    assert ev.decoded("dtend") == at(10, 14, 30)
    assert str(ev["description"]) == "Budget 2027; Rahmenvertrag, «neu»\n\nAlpha AG"
    assert str(ev["comment"]) == "Offerte"
    assert str(ev["x-relata-kind"]) == "journal"
    t = events[f"{task.id}@task.relata"]
    assert str(t["summary"]) == "Offerte senden"
    assert t.decoded("dtstart") == at(12, 15)
    assert t.decoded("dtend") == at(12, 15, 30)
    assert int(t["priority"]) == 3
    assert str(t["description"]) == "PDF an Anna"
    alarms = t.walk("VALARM")
    assert [a.decoded("trigger") for a in alarms] == [at(12, 14)]
    d = events[f"{all_day.id}@task.relata"]
    assert d.decoded("dtstart") == dt.date(2026, 3, 13)
    assert d.decoded("dtend") == dt.date(2026, 3, 14)
    assert not d.walk("VALARM")


def test_export_each_writes_one_file_per_item(
    js: JournalServices, tmp_path: Path
) -> None:
    task, _ = js.tasks.create_task(TaskData(title="A/B: Offerte", due_at=at(3)))
    meeting, _ = js.entries.create_entry(
        JournalEntryData(EntryKind.MEETING, at(4), "Termin")
    )
    files = js.calendar.export_each(
        tmp_path / "out", entry_ids=[meeting.id], task_ids=[task.id]
    )
    assert [f.name for f in files] == [
        f"Termin-{meeting.id[:8]}.ics",
        f"A_B_ Offerte-{task.id[:8]}.ics",
    ]
    for f in files:
        assert len(icalendar.Calendar.from_ical(f.read_bytes()).walk("VEVENT")) == 1


def test_export_upcoming_takes_meetings_and_open_dated_tasks(
    js: JournalServices, tmp_path: Path
) -> None:
    js.entries.create_entry(JournalEntryData(EntryKind.MEETING, at(5), "Bald"))
    js.entries.create_entry(JournalEntryData(EntryKind.CALL, at(5), "Anruf"))
    js.entries.create_entry(
        JournalEntryData(EntryKind.MEETING, at(5, month=9), "Zu spät")
    )
    js.tasks.create_task(TaskData(title="Offen", due_at=at(6)))
    done, _ = js.tasks.create_task(TaskData(title="Fertig", due_at=at(6)))
    js.tasks.complete_task(done.id)
    path = tmp_path / "relata.ics"
    assert js.calendar.export_upcoming(path) == 2
    summaries = sorted(
        str(e["summary"])
        for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    )
    assert summaries == ["Bald", "Offen"]


def test_parse_reads_zones_floating_times_and_dates() -> None:
    events = parse_calendar(GOOD, local=CET)
    first, second, third = events
    assert first.start == at(10, 13)  # 14:00 Zurich = 13:00 UTC
    assert first.duration_min == 90
    assert first.description == "Budget 2027\nund Rahmenvertrag"
    assert first.location == "Bahnhofstrasse 1, Zürich"
    assert first.attendees == ("sandra.frei@relata.example", "anna.keller@alpha.ch")
    assert second.start == at(11, 8)  # floating 09:00 read as local (CET)
    assert second.duration_min == 45
    assert (third.all_day, third.start.date()) == (True, dt.date(2026, 3, 12))


def test_import_creates_meetings_links_attendees_and_skips_repeats(
    js: JournalServices, addresses: AddressService, db: Database
) -> None:
    alpha = make_organisation(addresses, name="Alpha AG")
    anna = make_person(
        addresses,
        organisation=alpha,
        first_name="Anna",
        last_name="Keller",
        channels=(ChannelData(ChannelKind.EMAIL, "anna.keller@alpha.ch"),),
    )
    progress = RecordingProgress()
    result = js.calendar.import_bytes(GOOD, progress=progress)
    assert (result.imported, result.skipped) == (3, 0)
    assert progress.reports[-1] == (3, 3, "Importing appointments")
    total = js.entries.count(JournalFilter())
    rows = js.entries.page(JournalFilter(), offset=0, limit=10, total=total).rows
    meeting = js.entries.get_entry(
        next(r.id for r in rows if r.subject.startswith("Jahres"))
    )
    assert meeting.kind == EntryKind.MEETING
    assert meeting.duration_min == 90
    assert (
        meeting.body_text
        == "Budget 2027\nund Rahmenvertrag\n\nBahnhofstrasse 1, Zürich"
    )
    assert {(link.kind, link.id) for link in meeting.links} == {
        (LinkKind.PERSON, anna.id),
        (LinkKind.ORGANISATION, alpha.id),
    }
    assert anna.id in result.changes.ids
    again = js.calendar.import_bytes(GOOD)
    assert (again.imported, again.skipped) == (0, 3)
    assert count_rows(db, "journal_entry") == 3


BAD_FILES = {
    "garbage": (b"this is not a calendar", "ics.invalid"),
    "binary": (b"\xff\xfe\x00\x01BEGIN:VCALENDAR", "ics.invalid"),
    "no events": (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "ics.empty"),
    "no start": (
        GOOD.replace(b"DTSTART:20260311T090000\r\n", b""),
        "ics.event",
    ),
    "broken date": (
        GOOD.replace(b"DTSTART;VALUE=DATE:20260312", b"DTSTART:tomorrow"),
        "ics.event",
    ),
    "ends before start": (
        GOOD.replace(b"T153000", b"T130000"),
        "ics.event",
    ),
    "too big": (b"BEGIN:VCALENDAR\r\n" + b"X" * (10 * 1024 * 1024), "ics.too_big"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_give_a_clear_error_and_import_nothing(
    js: JournalServices, db: Database, name: str
) -> None:
    data, code = BAD_FILES[name]
    with pytest.raises(CalendarError) as err:
        js.calendar.import_bytes(data)
    assert err.value.code == code
    assert err.value.message
    assert count_rows(db, "journal_entry") == 0


def test_the_broken_event_is_named(js: JournalServices) -> None:
    with pytest.raises(CalendarError) as err:
        js.calendar.import_bytes(BAD_FILES["broken date"][0])
    assert "Appointment 3 (Messe)" in err.value.message


def test_cancel_imports_nothing(js: JournalServices, db: Database) -> None:
    with pytest.raises(Cancelled):
        js.calendar.import_bytes(GOOD, progress=RecordingProgress(cancel_after=1))
    assert count_rows(db, "journal_entry") == 0


def test_import_file_checks_size_before_reading(
    js: JournalServices, tmp_path: Path
) -> None:
    path = tmp_path / "huge.ics"
    with path.open("wb") as fh:
        fh.truncate(11 * 1024 * 1024)
    with pytest.raises(CalendarError) as err:
        js.calendar.import_file(path)
    assert err.value.code == "ics.too_big"
    with pytest.raises(CalendarError) as err:
        js.calendar.import_file(tmp_path / "missing.ics")
    assert err.value.code == "ics.missing"


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=400),
        st.binary(max_size=300).map(lambda b: b"BEGIN:VCALENDAR\r\n" + b),
        st.text(max_size=300).map(
            lambda t: ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + t).encode()
        ),
    )
)
def test_any_input_either_parses_or_raises_calendar_error(data: bytes) -> None:
    code = "ok"
    try:
        events = parse_calendar(data)
    except CalendarError as exc:
        code = exc.code
    else:
        assert all(e.start.tzinfo is not None for e in events)
    assert code == "ok" or code.startswith("ics.")


def test_importing_links_the_records_given(
    js: JournalServices, addresses: AddressService
) -> None:
    anna = make_person(addresses)
    result = js.calendar.import_bytes(GOOD, links=[person(anna.id)])
    assert result.imported == 3
    target_total = js.entries.count(JournalFilter())
    rows = js.entries.page(JournalFilter(), offset=0, limit=5, total=target_total).rows
    assert all(
        anna.id in {link.id for link in js.entries.get_entry(r.id).links} for r in rows
    )
