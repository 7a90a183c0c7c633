"""The journal end to end in the main window: quick log, follow-up, reminder, completion,
timeline; a service case from creation to closed with an article linked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.addresses import ListFilter
from app.domain.journal import (
    CaseFilter,
    CaseStatus,
    EntryKind,
    JournalFilter,
    TaskStatus,
    TaskView,
)
from app.services.container import Services
from app.tasks.runner import TaskRunner
from app.views.address_book import PERSONS
from app.views.journal.quick_log import QuickLogDialog
from app.views.journal.task_dialogs import CompleteTaskDialog
from app.views.main_window import MainWindow
from tests.helpers.factories import make_organisation, make_person
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

CTRL = Qt.KeyboardModifier.ControlModifier


class Clock:
    """A clock the test moves by hand (Monday 2 March 2026, 09:00 UTC)."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, runner: TaskRunner, clock: Clock
) -> MainWindow:
    win = MainWindow(services, runner)
    win.journal_ui.clock = clock
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> list[bool]:
    """Run ``act`` on the next modal dialog once it is shown; returns [done]."""
    done: list[bool] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
            done.append(True)
        finally:
            if dialog.isVisible():  # a failed step must not leave exec() waiting
                dialog.close()

    QTimer.singleShot(0, poll)
    return done


def _select_person(window: MainWindow, qtbot: QtBot, last_name: str) -> None:
    window.show_addresses(PERSONS)
    book = window.addresses
    book.search.setText(last_name)
    book.apply_filter()
    qtbot.waitUntil(lambda: book.form.heading.text().endswith(last_name))


def test_quick_log_follow_up_reminder_completion_and_timeline(
    window: MainWindow, qtbot: QtBot, services: Services, clock: Clock
) -> None:
    alpha = make_organisation(services.addresses, name="Alpha AG")
    anna = make_person(
        services.addresses, organisation=alpha, first_name="Anna", last_name="Keller"
    )
    _select_person(window, qtbot, "Keller")
    ui = window.journal_ui

    # ---- Ctrl+J from the address book: prefilled with Anna (and Alpha)
    def log(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickLogDialog)
        assert dialog.heading.text() == "Log entry: Anna Keller"
        assert dialog.person.record() is not None
        assert dialog.person.record().id == anna.id
        qtbot.waitUntil(dialog.text.hasFocus)
        qtbot.keyClicks(dialog.text, "Wants an offer for 20 licences")
        dialog.follow_up.click()
        assert dialog.follow_title.text() == "Follow up with Anna Keller"
        dialog.follow_title.setText("Send offer to Anna")
        dialog.follow_remind.setChecked(True)
        dialog.text.setFocus()
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # Enter saves

    done = _when_modal(qtbot, log)
    with qtbot.waitSignal(window.sig_data_changed):
        qtbot.keyClick(window.addresses.table, Qt.Key.Key_J, CTRL)
    assert done == [True]
    js = services.journal
    assert js.entries.count(JournalFilter()) == 1
    entry_row = js.entries.page(JournalFilter(), offset=0, limit=5, total=1).rows[0]
    entry = js.entries.get_entry(entry_row.id)
    assert entry.kind == EntryKind.CALL
    assert entry.body_text == "Wants an offer for 20 licences"
    assert {link.id for link in entry.links} == {anna.id, alpha.id}
    assert entry.occurred_at == clock.now
    tasks = ui.tasks
    ui.show(tasks)
    tasks.show_view(TaskView.OPEN)
    assert tasks.model.total == 1
    task = js.tasks.get_task(tasks.model.row_id(0))
    assert task.title == "Send offer to Anna"
    assert task.source_entry_id == entry.id
    # tomorrow 09:00 local, reminder 15 minutes before
    assert task.due_at is not None
    assert task.reminder_at is not None
    assert task.due_at - task.reminder_at == dt.timedelta(minutes=15)
    assert task.due_at.astimezone().hour == 9
    assert (
        task.due_at.astimezone().date()
        == (clock.now.astimezone() + dt.timedelta(days=1)).date()
    )

    # ---- the reminder fires when the fake clock reaches it, once
    reminders = ui.reminders
    assert reminders.check_now() == []
    clock.now = task.reminder_at - dt.timedelta(minutes=1)
    assert reminders.check_now() == []
    clock.now = task.reminder_at
    with qtbot.waitSignal(reminders.sig_reminder_fired) as fired:
        reminders.check_now()
    assert fired.args[0].task_id == task.id
    assert "Reminder: Send offer to Anna" in window.statusBar().currentMessage()
    clock.now += dt.timedelta(minutes=5)
    assert reminders.check_now() == []  # shown once

    # ---- complete it from "My tasks", logging what was done
    tasks.show_view(TaskView.TODAY)
    assert tasks.model.total == 1
    tasks.table.selectRow(0)

    def complete(dialog: QWidget) -> None:
        assert isinstance(dialog, CompleteTaskDialog)
        assert dialog.log.isChecked()
        qtbot.keyClicks(dialog.text, "Offer sent, she will order next week")
        qtbot.mouseClick(
            next(
                b
                for b in dialog.findChildren(type(tasks.new_button))
                if b.text() == "Complete"
            ),
            Qt.MouseButton.LeftButton,
        )

    done = _when_modal(qtbot, complete)
    with qtbot.waitSignal(window.sig_data_changed):
        tasks.complete_current()
    assert done == [True]
    assert js.tasks.get_task(task.id).status == TaskStatus.DONE
    assert tasks.model.total == 0  # gone from today's list

    # ---- the person's history shows all three
    _select_person(window, qtbot, "Keller")
    book = window.addresses
    book.detail_tabs.setCurrentWidget(ui.history)
    history = ui.history
    qtbot.waitUntil(lambda: history.model.total == 3)
    items = [history.item_at(i) for i in range(3)]
    assert {(i.source, i.subtype) for i in items if i} == {
        ("journal", "call"),
        ("task", "done"),
    }
    # the call, the follow-up task, and the entry logged when completing it
    assert sorted((i.source, i.title) for i in items if i) == [
        ("journal", "Send offer to Anna"),
        ("journal", "Wants an offer for 20 licences"),
        ("task", "Send offer to Anna"),
    ]
    # the organisation's history includes its contact person's
    window.show_addresses(1)
    window.addresses.search.setText("Alpha")
    window.addresses.apply_filter()
    qtbot.waitUntil(lambda: window.addresses.form.heading.text() == "Alpha AG")
    qtbot.waitUntil(lambda: history.model.total == 3)
    # filter: tasks only
    history.filter_tabs.setCurrentIndex(history.sources.index("task"))
    assert history.model.total == 1
    history.filter_tabs.setCurrentIndex(0)
    history.search.setText("licences")
    history.reload()
    assert history.model.total == 1
    assert history.count_label.text() == "1 event"


def test_quick_log_keeps_input_on_error(
    window: MainWindow, qtbot: QtBot, services: Services
) -> None:
    make_person(services.addresses, first_name="Beat", last_name="Huber")
    _select_person(window, qtbot, "Huber")
    dialog = QuickLogDialog(
        services.journal.entries,
        window.journal_ui.context(),
        now=window.journal_ui.now,
    )
    qtbot.addWidget(dialog)  # no parent: qtbot alone deletes it
    dialog.follow_up.setChecked(True)
    dialog.follow_title.setText("")
    assert not dialog.save()  # no text and a follow-up without title
    assert dialog.text_error.isVisible() or dialog.text_error.text()
    assert dialog.text_error.text() == "Write a subject or a text."
    qtbot.keyClicks(dialog.text, "Called, no answer")
    assert not dialog.save()
    assert dialog.follow_error.text() == "This field is required."
    assert dialog.text.toPlainText() == "Called, no answer"  # typed input stays
    assert services.journal.entries.count(JournalFilter()) == 0
    dialog.follow_up.setChecked(False)
    assert dialog.save()
    assert services.journal.entries.count(JournalFilter()) == 1


def test_service_case_from_creation_to_closed_with_article(
    window: MainWindow,
    qtbot: QtBot,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alpha = make_organisation(services.addresses, name="Alpha AG")
    make_person(
        services.addresses, organisation=alpha, first_name="Anna", last_name="Keller"
    )
    ui = window.journal_ui
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert window.pages.currentWidget() is ui.service

    # ---- an answer in the knowledge base
    ui.service.setCurrentWidget(ui.knowledge)
    kb = ui.knowledge
    qtbot.mouseClick(kb.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(kb.title, "Reset a password")
    qtbot.keyClicks(kb.tags, "login, account")
    qtbot.keyClicks(kb.body, "Click 'Forgot password' on the sign-in page.")
    with qtbot.waitSignal(window.sig_data_changed):
        qtbot.mouseClick(kb.save_button, Qt.MouseButton.LeftButton)
    assert kb.model.total == 1

    # ---- a new case
    ui.service.setCurrentWidget(ui.cases)
    cases = ui.cases
    qtbot.mouseClick(cases.new_button, Qt.MouseButton.LeftButton)
    form = cases.form
    assert form.heading.text() == "New case"
    assert form.title.hasFocus()
    qtbot.mouseClick(cases.save_button, Qt.MouseButton.LeftButton)  # nothing typed
    assert not cases.save()
    assert form.errors["title"].text() == "This field is required."
    assert (
        form.errors["customer"].text()
        == "Choose the customer: a person or an organisation."
    )
    qtbot.keyClicks(form.title, "Cannot sign in")
    qtbot.keyClicks(form.organisation.lineEdit(), "Alpha")
    qtbot.waitUntil(lambda: form.organisation.findText("Alpha AG · Zürich") >= 0)
    form.organisation.setCurrentIndex(form.organisation.findText("Alpha AG · Zürich"))
    qtbot.waitUntil(lambda: form.person.count() > 1)
    form.person.setCurrentIndex(form.person.findText("Anna Keller"))
    with qtbot.waitSignal(window.sig_data_changed):
        qtbot.mouseClick(cases.save_button, Qt.MouseButton.LeftButton)
    case = form.case
    assert case is not None
    assert case.status == CaseStatus.NEW
    assert case.number.startswith("SC-26-")
    assert case.customer == "Anna Keller · Alpha AG"
    assert cases.model.total == 1

    # ---- work on it, answer with the article, solve, close
    qtbot.mouseClick(
        cases.status_buttons[CaseStatus.IN_PROGRESS], Qt.MouseButton.LeftButton
    )
    assert form.case is not None
    assert form.case.status == CaseStatus.IN_PROGRESS
    assert form.case.first_response_at is not None
    form.article.lineEdit().clear()
    qtbot.keyClicks(form.article.lineEdit(), "password")
    qtbot.waitUntil(lambda: form.article.findText("Reset a password") >= 0)
    form.article.setCurrentIndex(form.article.findText("Reset a password"))
    assert form.dirty
    with qtbot.waitSignal(window.sig_data_changed):
        qtbot.mouseClick(cases.save_button, Qt.MouseButton.LeftButton)
    assert form.case.article_title == "Reset a password"
    assert not cases.status_buttons[CaseStatus.CLOSED].isVisible()  # solve first
    qtbot.mouseClick(cases.status_buttons[CaseStatus.SOLVED], Qt.MouseButton.LeftButton)
    assert form.case.status == CaseStatus.SOLVED
    qtbot.mouseClick(cases.status_buttons[CaseStatus.CLOSED], Qt.MouseButton.LeftButton)
    assert form.case.status == CaseStatus.CLOSED
    assert form.case.closed_at is not None
    stored = services.journal.cases.get_case(case.id)
    assert (stored.status, stored.article_title) == (
        CaseStatus.CLOSED,
        "Reset a password",
    )
    assert (
        services.journal.knowledge.get_article(stored.article_id or "").case_count == 1
    )
    assert (
        services.journal.cases.count(
            CaseFilter(statuses=frozenset({CaseStatus.CLOSED}))
        )
        == 1
    )
    # closed cases leave the "Open" list
    assert cases.model.total == 0
    # the case journal logs entries with the case linked
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes
    )
    cases.filters.setCurrentIndex(3)  # All
    cases.open_case(case.id)
    cases.detail_tabs.setCurrentWidget(cases.journal)

    def log(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickLogDialog)
        assert "Cannot sign in" in dialog.heading.text()
        qtbot.keyClicks(dialog.text, "Customer confirmed it works")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)

    done = _when_modal(qtbot, log)
    qtbot.mouseClick(cases.journal.log_button, Qt.MouseButton.LeftButton)
    assert done == [True]
    qtbot.waitUntil(lambda: cases.journal.model.total == 1)
    assert services.addresses.count_persons(ListFilter()) == 1
