"""My tasks: overdue, today, this week, all open, done — with reminders.

The tabs carry counts; the list is a windowed :class:`TaskTableModel` (a big
team can have tens of thousands of open tasks). Double-click or Enter edits,
Space or "Complete" completes (optionally logging what was done), and the
export writes the open dated tasks as an .ics calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import UserRef
from app.domain.changes import Changes, EntityKind
from app.domain.errors import UserError
from app.domain.journal import LinkRef, TaskFilter, TaskStatus, TaskView
from app.services.calendar_exchange import CalendarExchange
from app.services.followups import TaskService
from app.views.empty_state import EmptyState
from app.views.journal.task_dialogs import CompleteTaskDialog, TaskDialog
from app.views.record_table import RecordTable
from app.views.tablemodels.journal import TaskTableModel

VIEWS = (TaskView.OVERDUE, TaskView.TODAY, TaskView.WEEK, TaskView.OPEN, TaskView.DONE)


def _t(text: str) -> str:
    return QCoreApplication.translate("TasksView", text)


def view_text(view: TaskView) -> str:
    """Tab title of a task list."""
    return {
        TaskView.OVERDUE: _t("Overdue"),
        TaskView.TODAY: _t("Today"),
        TaskView.WEEK: _t("This week"),
        TaskView.OPEN: _t("All open"),
        TaskView.DONE: _t("Done"),
    }[view]


class TasksView(QWidget):
    """The "My tasks" page.

    Signals:
        sig_data_changed(object, object): a task was written (Changes, self).
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)

    def __init__(
        self,
        service: TaskService,
        calendar: CalendarExchange,
        *,
        now: Callable[[], dt.datetime],
        users: Callable[[], list[UserRef]],
        me: Callable[[], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._me = me
        self._service = service
        self._calendar = calendar
        self._now = now
        self._users = users
        self._stale = True
        self.model = TaskTableModel(service, now, self)
        self._build()
        self.retranslate_ui()

    # ---- construction

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.tabs = QTabBar()
        self.tabs.setObjectName("kindTabs")
        self.tabs.setDrawBase(False)
        for _ in VIEWS:
            self.tabs.addTab("")
        self.tabs.setCurrentIndex(VIEWS.index(TaskView.WEEK))
        # bound methods, not lambdas: these widgets emit while being destroyed
        self.tabs.currentChanged.connect(self._on_filter_changed)
        self.owner = QComboBox()
        self.owner.currentIndexChanged.connect(self._on_filter_changed)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.new_button = QPushButton()
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.complete_button = QPushButton()
        self.complete_button.clicked.connect(self.complete_current)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_current)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_calendar)
        self.ics_button = QPushButton()
        self.ics_button.clicked.connect(self._on_ics_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.table = RecordTable(self.model)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.empty = EmptyState(self.table)
        complete = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        complete.setContext(Qt.ShortcutContext.WidgetShortcut)
        complete.activated.connect(self.complete_current)
        self.act_new = QAction(self)
        self.act_new.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.act_new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_new.triggered.connect(self._on_new_clicked)
        self.addAction(self.act_new)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.export_button)
        head.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.tabs)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.owner)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.ics_button)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.complete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 8)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update_buttons()

    def retranslate_ui(self) -> None:
        """Texts in the current language."""
        self.heading.setText(_t("My tasks"))
        self.search.setPlaceholderText(_t("Search tasks …"))
        self.new_button.setText(_t("New task"))
        self.new_button.setToolTip(_t("New task (Ctrl+Shift+T)"))
        self.complete_button.setText(_t("Complete …"))
        self.complete_button.setToolTip(_t("Complete the task (Space)"))
        self.edit_button.setText(_t("Edit …"))
        self.ics_button.setText(_t("Add to calendar …"))
        self.ics_button.setToolTip(
            _t("Save this task as an .ics file (one appointment)")
        )
        self.export_button.setText(_t("Export to calendar …"))
        self.export_button.setToolTip(
            _t(
                "Save open tasks and upcoming meetings as an .ics file for Outlook or Apple Calendar"
            )
        )
        self.reload_users()
        self._update_tab_counts()

    # ---- public API

    @property
    def current_view(self) -> TaskView:
        """The list shown."""
        return VIEWS[max(0, self.tabs.currentIndex())]

    def show_view(self, view: TaskView) -> None:
        """Switch to one of the lists."""
        self.tabs.setCurrentIndex(VIEWS.index(view))

    def reload_users(self) -> None:
        """Fill the owner filter."""
        current = self.owner.currentData()
        if self.owner.count() == 0 and self._me is not None:
            current = self._me()  # "My tasks": the signed-in user's, at first
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(_t("Everyone"), None)
        for user in self._users():
            self.owner.addItem(user.display_name, user.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self.owner.blockSignals(False)

    def reload(self) -> None:
        """Read the list again."""
        self.model.filter = TaskFilter(
            view=self.current_view,
            owner_id=self.owner.currentData(),
            search=self.search.text().strip(),
        )
        self.model.refresh()
        self._stale = False
        self._update_tab_counts()
        self._update_buttons()
        self._update_empty()

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh when tasks changed elsewhere (now if shown, else when shown)."""
        if initiator is self or not changes.touches(EntityKind.TASK):
            if changes.touches(EntityKind.USER):
                self.reload_users()
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def current_task_id(self) -> str | None:
        """The selected task's id."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        rid = self.model.row_id(index.row())
        return rid or None

    def select_task(self, task_id: str) -> bool:
        """Select ``task_id`` if it is in the list shown."""
        row = self.model.find_row(task_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def new_task(self, links: tuple[LinkRef, ...] = ()) -> str | None:
        """Open the task dialog; returns the new task's id."""
        dialog = TaskDialog(
            self._service,
            now=self._now,
            users=self._users(),
            links=links,
            owner_id=self._me() if self._me is not None else None,
            parent=self,
        )
        accepted = dialog.exec() == TaskDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted or dialog.result_task is None:
            return None
        self._written(dialog.result_changes, _t("Task saved."))
        return dialog.result_task.id

    def edit_task(self, task_id: str) -> bool:
        """Open a task in the dialog."""
        try:
            task = self._service.get_task(task_id)
        except UserError:
            return False
        dialog = TaskDialog(
            self._service, now=self._now, users=self._users(), task=task, parent=self
        )
        accepted = dialog.exec() == TaskDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return False
        self._written(dialog.result_changes, _t("Task saved."))
        return True

    def edit_current(self) -> None:
        """Edit the selected task."""
        task_id = self.current_task_id()
        if task_id:
            self.edit_task(task_id)

    def complete_current(self) -> None:
        """Complete the selected task (asks what to log)."""
        task_id = self.current_task_id()
        if not task_id:
            return
        task = self._service.get_task(task_id)
        if task.status not in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS):
            changes = self._service.reopen_task(task_id)[1]
            self._written(changes, _t("Task reopened."))
            return
        dialog = CompleteTaskDialog(self._service, task, now=self._now, parent=self)
        accepted = dialog.exec() == CompleteTaskDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self._written(dialog.result_changes, _t("Task completed."))

    def export_calendar(self) -> None:
        """Write open tasks and upcoming meetings to an .ics file."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _t("Export to calendar"),
            str(Path.home() / "relata-tasks.ics"),
            _t("iCalendar files (*.ics)"),
        )
        if not path:
            return
        count = self._calendar.export_upcoming(
            Path(path), owner_id=self.owner.currentData()
        )
        self.sig_status_message.emit(self.tr("%Ln appointment(s) exported.", "", count))

    def export_current(self, path: Path | None = None) -> Path | None:
        """Save the selected task as a one-appointment .ics file."""
        task_id = self.current_task_id()
        if not task_id:
            return None
        if path is None:
            title = self._service.get_task(task_id).title
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _t("Add to calendar"),
                str(Path.home() / f"{_safe_name(title)}.ics"),
                _t("iCalendar files (*.ics)"),
            )
            if not name:
                return None
            path = Path(name)
        count = self._calendar.export_file(path, task_ids=[task_id])
        self.sig_status_message.emit(self.tr("%Ln appointment(s) exported.", "", count))
        return path

    # ---- internals

    def _written(self, changes: Changes, message: str) -> None:
        self.reload()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(message)

    def _update_tab_counts(self) -> None:
        # counted with the list, when it is read (the window builds this page
        # long before anyone looks at it; four counts over every task)
        counts = (
            {}
            if self._stale
            else self._service.counts(
                owner_id=self.owner.currentData(), now=self._now()
            )
        )
        for i, view in enumerate(VIEWS):
            n = counts.get(view)
            self.tabs.setTabText(
                i, f"{view_text(view)} ({n})" if n else view_text(view)
            )
        self.count_label.setText(self.tr("%Ln task(s)", "", self.model.total))

    def _update_buttons(self) -> None:
        has = self.current_task_id() is not None
        self.complete_button.setEnabled(has)
        self.edit_button.setEnabled(has)
        self.ics_button.setEnabled(has)
        self.complete_button.setText(
            _t("Reopen") if self.current_view == TaskView.DONE else _t("Complete …")
        )

    def _update_empty(self) -> None:
        if self.model.total:
            self.empty.hide()
            return
        self.empty.show_text(
            {
                TaskView.OVERDUE: _t("Nothing overdue. Well done!"),
                TaskView.TODAY: _t("Nothing due today."),
                TaskView.WEEK: _t("Nothing due this week."),
                TaskView.OPEN: _t(
                    "No open tasks.\nCreate one with “New task” (Ctrl+Shift+T) or as a follow-up when you log a call (Ctrl+J)."
                ),
                TaskView.DONE: _t("No completed tasks yet."),
            }[self.current_view]
            if not self.search.text()
            else _t("Nothing matches. Check the spelling or clear the search.")
        )

    def _on_search_text_changed(self, _text: str) -> None:
        # a bound method: a line edit with a clear button emits while destroyed
        self._timer.start()

    def _on_new_clicked(self) -> None:
        self.new_task()

    def _on_ics_clicked(self) -> None:
        self.export_current()

    def _on_table_activated(self, _index: QModelIndex) -> None:
        self.edit_current()

    def _on_filter_changed(self, _index: int) -> None:
        self.reload()

    def _on_current_changed(
        self, _current: QModelIndex, _previous: QModelIndex
    ) -> None:
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        else:
            self._update_empty()


def _safe_name(title: str) -> str:
    """A file name from a title (letters, digits, spaces, dashes)."""
    kept = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip()
    return kept[:60] or "relata"
