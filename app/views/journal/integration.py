"""How the journal pages plug into the main window: pages, actions, refreshes.

The main window builds the area when it is first needed, puts
:attr:`JournalUi.pages` where the sidebar's entries (app/views/navigation.py)
expect them, calls :meth:`JournalUi.install` and forwards data changes to
:meth:`JournalUi.on_data_changed`; everything else lives here: the quick log
(Ctrl+J from anywhere, prefilled with the record in view), the history tab in
the address book, and the reminder notifications.

Keys: Ctrl+J log entry, Ctrl+Shift+T new task, Ctrl+Shift+J Journal,
Ctrl+7 Tasks, Ctrl+0 Service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from app.domain.changes import Changes, EntityKind
from app.domain.journal import LinkKind, LinkRef, Reminder, TimelineSource
from app.services.container import Services
from app.services.timeline import TimelineTarget
from app.tasks.runner import TaskRunner
from app.views.address_book import PERSONS
from app.views.i18n import resources_dir
from app.views.journal.cases_view import CasesView, ServiceView
from app.views.journal.journal_view import JournalView
from app.views.journal.knowledge_view import KnowledgeView
from app.views.journal.quick_log import LogContext, QuickLogDialog
from app.views.journal.reminders import ReminderNotifier
from app.views.journal.tasks_view import TasksView
from app.views.journal.timeline import TimelineWidget

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


def utc_now() -> dt.datetime:
    """The real clock (tests replace :attr:`JournalUi.clock`)."""
    return dt.datetime.now(dt.UTC)


class JournalUi(QObject):
    """The Journal, Tasks and Service pages, the quick log and reminders.

    Attributes:
        clock: where every view gets "now" from (replace it in tests).
    """

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        super().__init__()
        self.clock = clock
        self._services = services
        js = services.journal
        self.journal = JournalView(
            js, runner, now=self.now, users=services.addresses.users
        )
        self.tasks = TasksView(
            js.tasks,
            js.calendar,
            now=self.now,
            users=services.addresses.users,
            me=js.entries.signed_in_user,
        )
        self.cases = CasesView(js, now=self.now, users=services.addresses.users)
        self.knowledge = KnowledgeView(js.knowledge)
        self.service = ServiceView(self.cases, self.knowledge)
        self.pages: tuple[QWidget, ...] = (self.journal, self.tasks, self.service)
        self.history = TimelineWidget(js.timeline)
        self.reminders = ReminderNotifier(
            js.tasks,
            now=self.now,
            icon=QIcon(str(resources_dir() / "icons" / "relata-64.png")),
            parent=self,
        )
        self.window: MainWindow | None = None
        key = QKeySequence
        self.act_log = QAction(self, shortcut=key("Ctrl+J"))
        self.act_new_task = QAction(self, shortcut=key("Ctrl+Shift+T"))
        self.act_import_ics = QAction(self)
        self.act_journal = QAction(self, shortcut=key("Ctrl+Shift+J"))
        self.act_tasks = QAction(self, shortcut=key("Ctrl+7"))
        self.act_service = QAction(self, shortcut=key("Ctrl+0"))

    def now(self) -> dt.datetime:
        """The current time from :attr:`clock`."""
        return self.clock()

    def retranslate(self) -> None:
        """Menu and tab texts in the current language."""
        self.act_log.setText(self.tr("&Log entry …"))
        self.act_new_task.setText(self.tr("New &task …"))
        self.act_import_ics.setText(self.tr("Import &calendar (.ics) …"))
        self.act_journal.setText(self.tr("&Journal"))
        self.act_tasks.setText(self.tr("&Tasks"))
        self.act_service.setText(self.tr("Ser&vice"))
        for page in (
            self.journal,
            self.tasks,
            self.cases,
            self.knowledge,
            self.history,
        ):
            page.retranslate_ui()
        self.service.retranslate_ui()
        if self.window is not None:
            book = self.window.addresses
            book.detail_tabs.setTabText(
                book.detail_tabs.indexOf(self.history), self.tr("History")
            )

    def install(self, window: MainWindow) -> None:
        """Add actions to ``window``'s menus, the history tab, and start reminders."""
        self.window = window
        self.setParent(window)  # deleted with the window, not by the garbage collector
        new_actions = [self.act_log, self.act_new_task]
        page_actions = [self.act_journal, self.act_tasks, self.act_service]
        for action in (*new_actions, self.act_import_ics, *page_actions):
            action.setParent(window)
            window.addAction(action)
        window.file_menu.insertActions(
            window.act_demo, [*new_actions, self.act_import_ics]
        )
        window.file_menu.insertSeparator(window.act_demo)
        window.view_menu.addActions(page_actions)
        self.act_log.triggered.connect(self._on_log_triggered)
        self.act_new_task.triggered.connect(self.new_task)
        self.act_import_ics.triggered.connect(self._import_calendar)
        self.act_journal.triggered.connect(self._on_journal_triggered)
        self.act_tasks.triggered.connect(self._on_tasks_triggered)
        self.act_service.triggered.connect(self._on_service_triggered)
        for page in (self.journal, self.tasks, self.cases, self.knowledge):
            page.sig_data_changed.connect(window.sig_data_changed)
            page.sig_status_message.connect(self._on_status_message)
        book = window.addresses
        book.add_detail_tab(self.history, self.tr("History"))
        book.sig_record_shown.connect(self._on_record_shown)
        self.history.sig_log_requested.connect(self._on_log_triggered)
        self.history.sig_task_requested.connect(self._new_task_for_record)
        self.history.sig_item_activated.connect(self.open_item)
        self.cases.sig_log_requested.connect(self._log_on_case)
        self.cases.journal.sig_item_activated.connect(self.open_item)
        self.reminders.sig_reminder_fired.connect(self._on_reminder_fired)
        self.reminders.sig_reminder_clicked.connect(self.open_task)
        self._on_record_shown(book.kind, book.form.record_id)
        self.retranslate()
        self.reminders.start()

    def shutdown(self) -> None:
        """Stop the reminder timer (window closing)."""
        self.reminders.stop()

    # ---- actions

    def show(self, page: QWidget) -> None:
        """Switch to one of the journal pages."""
        if self.window is not None:
            self.window.show_page(self.window.pages.indexOf(page))

    def context(self) -> LogContext:
        """What the quick log is about: the record on the page in view."""
        window = self.window
        if window is None:
            return LogContext()
        page = window.pages.currentWidget()
        if page is window.addresses:
            return self._address_context()
        if page is self.service and self.cases.form.case is not None:
            case = self.cases.form.case
            return LogContext(
                organisation=LinkRef(
                    LinkKind.ORGANISATION, case.organisation_id, case.organisation_name
                )
                if case.organisation_id
                else None,
                person=LinkRef(LinkKind.PERSON, case.person_id, case.person_name)
                if case.person_id
                else None,
                extra=(
                    LinkRef(
                        LinkKind.SERVICE_CASE, case.id, f"{case.number} {case.title}"
                    ),
                ),
            )
        return LogContext()

    def quick_log(self, context: LogContext | None = None) -> QuickLogDialog:
        """Ctrl+J: the quick-log dialog, prefilled; returns it after it closed."""
        ctx = context or self.context()
        entries = self._services.journal.entries
        dialog = QuickLogDialog(
            entries,
            ctx,
            now=self.now,
            owner_id=entries.signed_in_user(),
            parent=self.window,
        )
        if dialog.exec() == QuickLogDialog.DialogCode.Accepted:
            self._written(
                dialog.result_changes,
                self.tr("Logged.")
                + (
                    " " + self.tr("Follow-up task created.")
                    if dialog.result_task_id
                    else ""
                ),
            )
        dialog.deleteLater()
        return dialog

    def new_task(self) -> None:
        """Ctrl+Shift+T: a new task (for the record in view, if any)."""
        ctx = self.context()
        links = tuple(
            r for r in (ctx.person, ctx.organisation, *ctx.extra) if r is not None
        )
        self.tasks.new_task(links)

    def open_item(self, source: str, item_id: str) -> None:
        """Open a timeline event: the entry, task or case."""
        if source == TimelineSource.JOURNAL:
            self.journal.open_entry(item_id)
        elif source == TimelineSource.TASK:
            self.open_task(item_id)
        elif source == TimelineSource.CASE:
            self.show(self.service)
            self.service.setCurrentWidget(self.cases)
            self.cases.open_case(item_id)

    def open_task(self, task_id: str) -> None:
        """Open a task in its dialog."""
        self.tasks.edit_task(task_id)

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Forward a write anywhere in the app to the views that show it."""
        self.journal.on_data_changed(changes, initiator)
        self.tasks.on_data_changed(changes, initiator)
        self.cases.on_data_changed(changes, initiator)
        self.knowledge.on_data_changed(changes, initiator)
        target = self.history.target
        if target is not None and (
            changes.everything
            or target.id in changes.ids
            or changes.touches(EntityKind.JOURNAL_ENTRY)
            or changes.touches(EntityKind.TASK)
            or changes.touches(EntityKind.SERVICE_CASE)
        ):
            self.history.mark_stale()

    # ---- internals

    # bound methods rather than lambdas throughout: a lambda that holds a
    # widget keeps a reference cycle through the connection, and PySide then
    # deletes the C++ object on garbage collection ("shared QObject was
    # deleted directly", heap corruption)

    def _on_log_triggered(self) -> None:
        self.quick_log()

    def _on_journal_triggered(self) -> None:
        self.show(self.journal)

    def _on_tasks_triggered(self) -> None:
        self.show(self.tasks)

    def _on_service_triggered(self) -> None:
        self.show(self.service)

    def _on_status_message(self, message: str) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(message, 8000)

    def _address_context(self) -> LogContext:
        assert self.window is not None
        book = self.window.addresses
        rid = book.form.record_id
        if not rid:
            return LogContext()
        name = book.form.heading.text()
        if book.kind == PERSONS:
            person = LinkRef(LinkKind.PERSON, rid, name)
            employers = self._services.journal.entries.employers_of(rid)
            return LogContext(
                organisation=employers[0] if employers else None, person=person
            )
        return LogContext(organisation=LinkRef(LinkKind.ORGANISATION, rid, name))

    def _on_record_shown(self, kind: int, record_id: object) -> None:
        if not isinstance(record_id, str) or not record_id:
            self.history.set_target(None)
            return
        link = LinkKind.PERSON if kind == PERSONS else LinkKind.ORGANISATION
        self.history.set_target(TimelineTarget(link, record_id))

    def _new_task_for_record(self) -> None:
        ctx = self._address_context()
        links = tuple(r for r in (ctx.person, ctx.organisation) if r is not None)
        self.tasks.new_task(links)

    def _log_on_case(self, links: object) -> None:
        refs = (
            tuple(r for r in links if isinstance(r, LinkRef))
            if isinstance(links, tuple)
            else ()
        )
        case = next((r for r in refs if r.kind == LinkKind.SERVICE_CASE), None)
        self.quick_log(
            LogContext(
                organisation=next(
                    (r for r in refs if r.kind == LinkKind.ORGANISATION), None
                ),
                person=next((r for r in refs if r.kind == LinkKind.PERSON), None),
                extra=(case,) if case else (),
            )
        )

    def _import_calendar(self) -> None:
        self.show(self.journal)
        self.journal.import_calendar()

    def _on_reminder_fired(self, reminder: Reminder) -> None:
        if self.window is None:
            return
        text = self.tr("Reminder: %1").replace("%1", reminder.title)
        if reminder.related:
            text += f" ({reminder.related})"
        self.window.statusBar().showMessage(text, 30_000)
        self.tasks.on_data_changed(Changes.of(EntityKind.TASK, reminder.task_id), self)

    def _written(self, changes: Changes, message: str) -> None:
        if self.window is None:
            return
        self.window.sig_data_changed.emit(changes, self)
        self.window.statusBar().showMessage(message, 8000)
