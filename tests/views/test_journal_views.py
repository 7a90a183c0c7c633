"""Journal widgets: models, the windowed timeline, entry dialog, journal page, tasks."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.db import journal_schema
from app.domain.journal import (
    ArticleData,
    CaseData,
    EntryKind,
    JournalEntryData,
    JournalFilter,
    LinkKind,
    LinkRef,
    TaskData,
    TaskView,
    TimelineItem,
)
from app.models.journal import journal_link_id
from app.services.container import Services
from app.services.timeline import TimelineTarget
from app.tasks.runner import TaskRunner
from app.views.journal.entry_dialog import EntryDialog, is_rich
from app.views.journal.journal_view import JournalView, entry_html
from app.views.journal.reminders import ReminderNotifier
from app.views.journal.tasks_view import TasksView
from app.views.journal.timeline import TimelineWidget
from app.views.tablemodels.journal import (
    ArticleTableModel,
    CaseTableModel,
    JournalTableModel,
    TaskTableModel,
    TimelineModel,
)
from tests.helpers.factories import make_organisation, make_person
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _now() -> dt.datetime:
    return NOW


def _bulk_history(services: Services, org_id: str, count: int) -> None:
    """``count`` entries on one organisation, written as the demo does."""
    path = services.db_path
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for stmt in journal_schema.drop_trigger_statements():
        conn.execute(stmt)
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM journal_entry").fetchone()[
        0
    ]
    entries, links = [], []
    for i in range(count):
        at = (NOW - dt.timedelta(hours=i)).strftime("%Y-%m-%d %H:%M:%S.%f")
        eid = f"00000000-0000-4000-8000-{i:012d}"
        entries.append((eid, "call", at, f"Call {i:05d}", f"Text {i}", at, at))
        links.append(
            (journal_link_id(eid, "organisation", org_id), eid, org_id, at, at, at)
        )
    conn.executemany(
        "INSERT INTO journal_entry (id, kind, occurred_at, duration_min, direction, "
        "subject, body_html, body_text, outcome, rev, field_revs, created_at, updated_at) "
        "VALUES (?, ?, ?, 0, '', ?, '', ?, '', 0, '{}', ?, ?)",
        entries,
    )
    conn.executemany(
        "INSERT INTO journal_link (id, entry_id, entity_kind, entity_id, occurred_at, "
        "rev, field_revs, created_at, updated_at) VALUES (?, ?, 'organisation', ?, ?, 0, "
        "'{}', ?, ?)",
        links,
    )
    conn.execute(journal_schema.JOURNAL_FTS_APPEND, (last,))
    for stmt in journal_schema.trigger_statements():
        conn.execute(stmt)
    conn.execute("COMMIT")
    conn.close()


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, services: Services
) -> None:
    alpha = make_organisation(services.addresses, name="Alpha AG")
    js = services.journal
    for i in range(3):
        js.entries.create_entry(
            JournalEntryData(
                EntryKind.CALL,
                NOW,
                f"Call {i}",
                links=(LinkRef(LinkKind.ORGANISATION, alpha.id),),
            )
        )
    js.tasks.create_task(TaskData(title="Overdue", due_at=NOW - dt.timedelta(days=1)))
    js.cases.create_case(CaseData(title="Case", organisation_id=alpha.id))
    js.knowledge.create_article(ArticleData("Article", "Body", ("tag",)))
    timeline = TimelineModel(js.timeline)
    timeline.target = TimelineTarget(LinkKind.ORGANISATION, alpha.id)
    tasks = TaskTableModel(js.tasks, _now)
    tasks.filter = tasks.filter.__class__(view=TaskView.OPEN)
    for model in (
        JournalTableModel(js.entries),
        tasks,
        CaseTableModel(js.cases, _now),
        ArticleTableModel(js.knowledge),
        timeline,
    ):
        model.refresh()
        assert model.rowCount() >= 1
        qtmodeltester.check(model)
    assert (
        tasks.data(
            tasks.index(0, tasks.column_index("due")), Qt.ItemDataRole.ForegroundRole
        )
        .color()
        .name()
        == "#cf222e"
    )  # overdue in red


def test_timeline_of_10000_events_is_windowed_and_scrolls(
    qtbot: QtBot, services: Services
) -> None:
    alpha = make_organisation(services.addresses, name="Alpha AG")
    _bulk_history(services, alpha.id, 10_000)
    widget = TimelineWidget(services.journal.timeline)
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.set_target(TimelineTarget(LinkKind.ORGANISATION, alpha.id))
    assert widget.model.total == 0  # hidden: nothing read yet
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.model.total == 10_000
    assert widget.count_label.text() == "10'000 events"  # en-CH number format
    first = widget.item_at(0)
    assert isinstance(first, TimelineItem)
    assert first.title == "Call 00000"
    assert len(widget.model._pages) == 1  # one page of 200 read, not 10,000
    widget.view.scrollToBottom()
    qtbot.wait(10)
    last = widget.item_at(9_999)
    assert last is not None
    assert last.title == "Call 09999"
    assert len(widget.model._pages) <= widget.model.MAX_PAGES
    widget.search.setText("call 09998")
    widget.reload()
    assert widget.model.total == 1


def test_timeline_empty_states(qtbot: QtBot, services: Services) -> None:
    widget = TimelineWidget(services.journal.timeline)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.empty.text() == "Save the record to start its history."
    assert not widget.log_button.isEnabled()
    alpha = make_organisation(services.addresses)
    widget.set_target(TimelineTarget(LinkKind.ORGANISATION, alpha.id))
    assert widget.empty.text().startswith("No history yet.")
    assert widget.log_button.isEnabled()


def test_entry_dialog_keeps_rich_text_and_attaches_files(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = make_person(services.addresses, first_name="Anna", last_name="Keller")
    js = services.journal
    dialog = EntryDialog(
        js.entries,
        js.attachments,
        now=_now,
        users=[],
        links=(LinkRef(LinkKind.PERSON, anna.id),),
    )
    qtbot.addWidget(dialog)
    assert dialog.links.item(0).text() == "Person: Anna Keller"
    assert not dialog.save()  # neither subject nor text
    assert dialog.body_error.text() == "Write a subject or a text."
    dialog.subject.setText("Jahresgespräch")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.body, "Budget ")
    dialog._toggle_bold()
    qtbot.keyClicks(dialog.body, "2027")
    assert is_rich(dialog.body.document())
    offer = tmp_path / "Offerte.pdf"
    offer.write_bytes(b"%PDF offer")
    big = tmp_path / "video.mp4"
    with big.open("wb") as fh:
        fh.truncate(js.attachments.max_bytes + 1)
    assert not dialog.queue_attachment(big)
    assert (
        dialog.attach_error.text() == "This file is too big to attach (at most 25 MB)."
    )
    assert dialog.queue_attachment(offer)
    assert dialog.save()
    entry = dialog.result_entry
    assert entry is not None
    assert "font-weight" in entry.body_html or "<b>" in entry.body_html
    assert entry.body_text == "Budget 2027"
    assert [a.file_name for a in entry.attachments] == ["Offerte.pdf"]
    html = entry_html(entry)
    assert "Jahresgespräch" in html
    assert "Offerte.pdf" in html
    assert "Anna Keller" in html
    # edit: plain text is stored without HTML
    again = EntryDialog(js.entries, js.attachments, now=_now, users=[], entry=entry)
    qtbot.addWidget(again)
    assert again.subject.text() == "Jahresgespräch"
    again.body.setPlainText("Nur Text")
    assert not is_rich(again.body.document())
    assert again.save()
    assert again.result_entry is not None
    assert (again.result_entry.body_html, again.result_entry.body_text) == (
        "",
        "Nur Text",
    )
    # delete after asking
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes
    )
    third = EntryDialog(
        js.entries, js.attachments, now=_now, users=[], entry=again.result_entry
    )
    qtbot.addWidget(third)
    third._delete()
    assert js.entries.count(JournalFilter()) == 0


def test_journal_page_searches_and_refuses_bad_calendar_files(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    js = services.journal
    js.entries.create_entry(JournalEntryData(EntryKind.CALL, NOW, "Offerte Müller"))
    js.entries.create_entry(JournalEntryData(EntryKind.NOTE, NOW, "Rechnung"))
    page = JournalView(js, runner, now=_now, users=services.addresses.users)
    qtbot.addWidget(page)
    page.show()
    assert page.model.total == 2
    assert page.count_label.text() == "Entries: 2"
    page.search.setText("muller")
    page.reload()
    assert page.model.total == 1
    assert "Offerte Müller" in page.preview.toHtml()
    page.search.clear()
    page.kind.setCurrentIndex(page.kind.findData(EntryKind.NOTE))
    assert page.model.total == 1
    page.kind.setCurrentIndex(0)

    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text)
    )
    bad = tmp_path / "broken.ics"
    bad.write_bytes(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Ohne Zeit\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    page.import_calendar(bad)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert warnings[0].startswith("Nothing was imported.")
    assert "An appointment in the file is incomplete or damaged." in warnings[0]
    assert "(appointment 1 (Ohne Zeit))" in warnings[0]
    assert js.entries.count(JournalFilter()) == 2

    good = tmp_path / "termine.ics"
    good.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        b"DTSTAMP:20260301T080000Z\r\nDTSTART:20260305T130000Z\r\nDTEND:20260305T140000Z\r\n"
        b"SUMMARY:Workshop\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    messages: list[str] = []
    page.sig_status_message.connect(messages.append)
    with qtbot.waitSignal(page.sig_data_changed, timeout=10_000):
        page.import_calendar(good)
    assert messages[-1] == "1 appointment imported."
    assert page.model.total == 3


def test_tasks_page_lists_and_counts(qtbot: QtBot, services: Services) -> None:
    js = services.journal
    js.tasks.create_task(TaskData(title="Gestern", due_at=NOW - dt.timedelta(days=1)))
    js.tasks.create_task(TaskData(title="Heute", due_at=NOW + dt.timedelta(hours=3)))
    calendar = js.calendar
    page = TasksView(js.tasks, calendar, now=_now, users=services.addresses.users)
    qtbot.addWidget(page)
    page.show()
    page.show_view(TaskView.OVERDUE)
    assert page.model.total == 1
    assert page.tabs.tabText(0) == "Overdue (1)"
    assert page.tabs.tabText(1) == "Today (1)"
    page.show_view(TaskView.DONE)
    assert page.model.total == 0
    assert page.empty.text() == "No completed tasks yet."
    assert page.complete_button.text() == "Reopen"


def test_reminder_notifier_checks_on_its_timer(
    qtbot: QtBot, services: Services
) -> None:
    clock = [NOW]
    js = services.journal
    task, _ = js.tasks.create_task(
        TaskData(
            title="Anrufen",
            due_at=NOW + dt.timedelta(hours=1),
            reminder_at=NOW + dt.timedelta(minutes=1),
        )
    )
    notifier = ReminderNotifier(js.tasks, now=lambda: clock[0], interval_ms=20)
    notifier.start()
    assert notifier.shown == []
    clock[0] = NOW + dt.timedelta(minutes=2)
    with qtbot.waitSignal(notifier.sig_reminder_fired, timeout=2000) as fired:
        pass
    assert fired.args[0].task_id == task.id
    qtbot.wait(100)
    assert [r.task_id for r in notifier.shown] == [task.id]  # not again
    notifier.stop()


def test_my_tasks_and_quick_logs_belong_to_the_signed_in_user(
    qtbot: QtBot, services: Services
) -> None:
    from sqlalchemy import text

    from app.views.journal.quick_log import LogContext, QuickLogDialog

    with services.database.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO user_account (id, username, display_name, email, active, "
                "rev, field_revs, created_at, updated_at) VALUES ('u1', 'sfrei', "
                "'Sandra Frei', '', 1, 0, '{}', '2026-01-01', '2026-01-01')"
            )
        )
        conn.execute(
            text("INSERT INTO sync_state (key, value) VALUES ('user_id', 'u1')")
        )
    js = services.journal
    assert js.entries.signed_in_user() == "u1"
    js.tasks.create_task(TaskData(title="Mine", owner_id="u1"))
    js.tasks.create_task(TaskData(title="Someone else's"))
    page = TasksView(
        js.tasks,
        js.calendar,
        now=_now,
        users=services.addresses.users,
        me=js.entries.signed_in_user,
    )
    qtbot.addWidget(page)
    page.show()
    page.show_view(TaskView.OPEN)
    assert page.owner.currentText() == "Sandra Frei"
    assert page.model.total == 1
    page.owner.setCurrentIndex(0)  # Everyone
    assert page.model.total == 2
    dialog = QuickLogDialog(
        js.entries, LogContext(), now=_now, owner_id=js.entries.signed_in_user()
    )
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Notiz")
    assert dialog.save()
    assert dialog.result_entry is not None
    assert dialog.result_entry.owner_name == "Sandra Frei"


def test_one_task_or_entry_goes_to_the_calendar(
    qtbot: QtBot, services: Services, runner: TaskRunner, tmp_path: Path
) -> None:
    import icalendar

    js = services.journal
    js.tasks.create_task(
        TaskData(title="Offerte senden", due_at=NOW + dt.timedelta(days=1))
    )
    js.entries.create_entry(JournalEntryData(EntryKind.MEETING, NOW, "Workshop"))
    tasks = TasksView(js.tasks, js.calendar, now=_now, users=services.addresses.users)
    qtbot.addWidget(tasks)
    tasks.show()
    tasks.show_view(TaskView.OPEN)
    assert not tasks.ics_button.isEnabled()
    tasks.table.selectRow(0)
    assert tasks.ics_button.isEnabled()
    path = tasks.export_current(tmp_path / "task.ics")
    assert path is not None
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Offerte senden"]
    page = JournalView(js, runner, now=_now, users=services.addresses.users)
    qtbot.addWidget(page)
    page.show()
    assert page.export_current(tmp_path / "entry.ics") == 1
    events = icalendar.Calendar.from_ical((tmp_path / "entry.ics").read_bytes()).walk(
        "VEVENT"
    )
    assert [str(e["summary"]) for e in events] == ["Workshop"]
