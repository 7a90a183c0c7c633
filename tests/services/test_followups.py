"""Tasks: validation, my-task lists by day, reminders with a fake clock, completion."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from app.db.database import Database
from app.domain.errors import ValidationError
from app.domain.journal import (
    DayBounds,
    EntryKind,
    JournalEntryData,
    LinkKind,
    Priority,
    TaskBucket,
    TaskData,
    TaskFilter,
    TaskStatus,
    TaskView,
    all_day_instant,
)
from app.services.addresses import AddressService
from app.services.followups import TaskService
from app.services.journal_services import JournalServices
from tests.helpers.factories import make_organisation, make_person
from tests.services.journal_support import (
    CET,
    FakeClock,
    at,
    count_rows,
    org,
    person,
)


@pytest.fixture
def tasks(js: JournalServices, clock: FakeClock) -> TaskService:
    """Tasks bucketed by Zurich winter time."""
    return TaskService(js.entries._sessions, js.entries, clock=clock, tz=CET)


def test_day_bounds_use_the_local_day_and_week() -> None:
    b = DayBounds.at(at(4, 23, 30), CET)  # Thursday 00:30 local
    assert b.today_start == at(4, 23)
    assert b.today_end == at(5, 23)
    assert b.week_end == at(8, 23)  # Monday 00:00 local
    assert b.today_start_local_date == dt.date(2026, 3, 5)


@given(
    due=st.datetimes(
        min_value=dt.datetime(2026, 2, 20), max_value=dt.datetime(2026, 3, 20)
    ),
    now=st.datetimes(
        min_value=dt.datetime(2026, 3, 1), max_value=dt.datetime(2026, 3, 10)
    ),
)
def test_buckets_are_ordered_by_due_time(due: dt.datetime, now: dt.datetime) -> None:
    b = DayBounds.at(now.replace(tzinfo=dt.UTC), CET)
    due_at = due.replace(tzinfo=dt.UTC)
    bucket = b.bucket(due_at, False, TaskStatus.OPEN)
    expected = (
        TaskBucket.OVERDUE
        if due_at < b.now
        else TaskBucket.TODAY
        if due_at < b.today_end
        else TaskBucket.WEEK
        if due_at < b.week_end
        else TaskBucket.LATER
    )
    assert bucket == expected
    assert b.bucket(due_at, False, TaskStatus.DONE) == TaskBucket.CLOSED
    assert b.bucket(None, False, TaskStatus.OPEN) == TaskBucket.NO_DATE


def test_title_is_required_and_nothing_is_stored(
    tasks: TaskService, db: Database
) -> None:
    with pytest.raises(ValidationError) as err:
        tasks.create_task(TaskData(title="  "))
    assert err.value.for_field("title") is not None
    with pytest.raises(ValidationError) as err:
        tasks.create_task(TaskData(title="x", due_at=dt.datetime(2026, 3, 2)))
    assert err.value.for_field("due_at") is not None
    assert count_rows(db, "task") == 0


def test_all_day_tasks_are_stored_at_noon_utc(tasks: TaskService) -> None:
    task, _ = tasks.create_task(
        TaskData(title="Geburtstag", due_at=at(6, 3), all_day=True)
    )
    assert task.due_at == all_day_instant(dt.date(2026, 3, 6))
    assert task.all_day


def _titles(tasks: TaskService, view: TaskView, now: dt.datetime) -> list[str]:
    flt = TaskFilter(view)
    total = tasks.count(flt, now=now)
    return [
        r.title for r in tasks.page(flt, offset=0, limit=50, total=total, now=now).rows
    ]


def test_my_task_lists_by_day(tasks: TaskService) -> None:
    now = at(4, 10)  # Wednesday 11:00 in Zurich
    for title, due, all_day in (
        ("gestern", at(3, 10), False),
        ("vor einer Stunde", at(4, 9), False),
        ("heute Abend", at(4, 17), False),
        ("heute ganztags", at(4), True),
        ("Freitag", at(6, 8), False),
        ("Sonntag ganztags", at(8), True),
        ("nächste Woche", at(10, 8), False),
        ("ohne Datum", None, False),
    ):
        tasks.create_task(TaskData(title=title, due_at=due, all_day=all_day))
    done, _ = tasks.create_task(TaskData(title="erledigt", due_at=at(1)))
    tasks.complete_task(done.id)
    assert _titles(tasks, TaskView.OVERDUE, now) == ["gestern", "vor einer Stunde"]
    assert sorted(_titles(tasks, TaskView.TODAY, now)) == [
        "heute Abend",
        "heute ganztags",
    ]
    assert sorted(_titles(tasks, TaskView.WEEK, now)) == [
        "Freitag",
        "Sonntag ganztags",
        "heute Abend",
        "heute ganztags",
    ]
    assert _titles(tasks, TaskView.OPEN, now)[-1] == "ohne Datum"  # undated last
    assert len(_titles(tasks, TaskView.OPEN, now)) == 8
    assert _titles(tasks, TaskView.DONE, now) == ["erledigt"]
    assert tasks.counts(now=now) == {
        TaskView.OVERDUE: 2,
        TaskView.TODAY: 2,
        TaskView.WEEK: 4,
        TaskView.OPEN: 8,
    }


def test_rows_carry_bucket_priority_and_related(
    tasks: TaskService, addresses: AddressService
) -> None:
    alpha = make_organisation(addresses, name="Alpha AG")
    tasks.create_task(
        TaskData(
            title="Nachfassen",
            due_at=at(1),
            priority=Priority.URGENT,
            links=(org(alpha.id),),
        )
    )
    tasks.create_task(TaskData(title="Später", due_at=at(1)))
    page = tasks.page(TaskFilter(TaskView.OPEN), offset=0, limit=10, total=2, now=at(2))
    first = page.rows[0]
    assert (first.title, first.priority, first.related, first.bucket) == (
        "Nachfassen",
        Priority.URGENT,
        "Alpha AG",
        TaskBucket.OVERDUE,
    )


def test_reminders_fire_once_when_their_time_comes(
    tasks: TaskService, clock: FakeClock, db: Database
) -> None:
    task, _ = tasks.create_task(
        TaskData(title="Rückruf Keller", due_at=at(2, 12), reminder_at=at(2, 11, 45))
    )
    assert tasks.due_reminders(at(2, 11, 44)) == []
    due = tasks.due_reminders(at(2, 11, 45))
    assert [r.task_id for r in due] == [task.id]
    with db.engine.connect() as conn:
        before = conn.execute(text("SELECT updated_at FROM task")).scalar_one()
    tasks.mark_reminded([task.id], at(2, 11, 45))
    assert tasks.due_reminders(at(2, 13)) == []
    with db.engine.connect() as conn:  # local state, not an edit to sync
        assert conn.execute(text("SELECT updated_at FROM task")).scalar_one() == before
    tasks.snooze(task.id, at(2, 14))
    assert tasks.due_reminders(at(2, 13)) == []
    assert [r.title for r in tasks.due_reminders(at(2, 14))] == ["Rückruf Keller"]


def test_changing_the_reminder_time_reminds_again(tasks: TaskService) -> None:
    task, _ = tasks.create_task(TaskData(title="A", reminder_at=at(2, 8)))
    tasks.mark_reminded([task.id])
    tasks.update_task(task.id, dataclasses.replace(task.data(), reminder_at=at(2, 10)))
    assert [r.task_id for r in tasks.due_reminders(at(2, 10))] == [task.id]


def test_done_tasks_do_not_remind(tasks: TaskService) -> None:
    task, _ = tasks.create_task(TaskData(title="A", reminder_at=at(2, 8)))
    tasks.complete_task(task.id)
    assert tasks.due_reminders(at(3)) == []


def test_completing_logs_a_journal_entry_linked_to_task_and_records(
    tasks: TaskService, js: JournalServices, addresses: AddressService, clock: FakeClock
) -> None:
    alpha = make_organisation(addresses)
    anna = make_person(addresses, organisation=alpha)
    task, _ = tasks.create_task(
        TaskData(title="Offerte nachfassen", links=(person(anna.id), org(alpha.id)))
    )
    clock.advance(hours=2)
    done, logged, changes = tasks.complete_task(
        task.id,
        log=JournalEntryData(
            kind=EntryKind.CALL, occurred_at=clock.now, body_text="Zusage erhalten"
        ),
    )
    assert done.status == TaskStatus.DONE
    assert done.completed_at == clock.now
    assert logged is not None
    assert {(link.kind, link.id) for link in logged.links} == {
        (LinkKind.PERSON, anna.id),
        (LinkKind.ORGANISATION, alpha.id),
        (LinkKind.TASK, task.id),
    }
    assert {task.id, logged.id, anna.id} <= changes.ids
    with pytest.raises(ValidationError):
        tasks.complete_task(task.id)
    reopened, _ = tasks.reopen_task(task.id)
    assert (reopened.status, reopened.completed_at) == (TaskStatus.OPEN, None)


def test_a_bad_log_entry_leaves_the_task_open(tasks: TaskService, db: Database) -> None:
    task, _ = tasks.create_task(TaskData(title="A"))
    with pytest.raises(ValidationError):
        tasks.complete_task(
            task.id,
            log=JournalEntryData(kind=EntryKind.NOTE, occurred_at=at(2)),
        )
    assert tasks.get_task(task.id).status == TaskStatus.OPEN
    assert count_rows(db, "journal_entry") == 0


def test_delete_and_restore(tasks: TaskService) -> None:
    task, _ = tasks.create_task(TaskData(title="A", due_at=at(1)))
    tasks.delete_task(task.id)
    assert tasks.count(TaskFilter(TaskView.OPEN), now=at(2)) == 0
    tasks.restore_task(task.id)
    assert tasks.count(TaskFilter(TaskView.OPEN), now=at(2)) == 1


def test_search_and_owner_filter(tasks: TaskService, db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO user_account (id, username, display_name, email, active, "
                "rev, field_revs, created_at, updated_at) VALUES ('u1', 'sfrei', "
                "'Sandra Frei', '', 1, 0, '{}', '2026-01-01', '2026-01-01')"
            )
        )
    tasks.create_task(TaskData(title="Offerte Müller", owner_id="u1"))
    tasks.create_task(TaskData(title="Offerte Meier"))
    assert tasks.count(TaskFilter(TaskView.OPEN, search="müller"), now=at(2)) == 1
    assert tasks.count(TaskFilter(TaskView.OPEN, owner_id="u1"), now=at(2)) == 1
    row = tasks.page(
        TaskFilter(TaskView.OPEN, owner_id="u1"), offset=0, limit=5, total=1, now=at(2)
    ).rows[0]
    assert row.owner_name == "Sandra Frei"
