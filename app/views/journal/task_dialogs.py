"""Dialogs for tasks: create or edit one, and complete one with a journal note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import UserRef
from app.domain.changes import Changes
from app.domain.errors import UserError, ValidationError
from app.domain.journal import (
    EntryKind,
    JournalEntryData,
    LinkRef,
    Priority,
    Task,
    TaskData,
    TaskStatus,
)
from app.services.followups import TaskService
from app.views.forms.errors import ErrorLabel, mark
from app.views.journal.labels import entry_kind_text, priority_text, task_status_text
from app.views.journal.quick_log import KINDS
from app.views.labels import error_text


def _t(text: str) -> str:
    return QCoreApplication.translate("TaskDialogs", text)


REMINDERS = ((0, "none"), (5, "5"), (15, "15"), (60, "60"), (24 * 60, "day"))


def _reminder_text(minutes: int) -> str:
    return {
        0: _t("No reminder"),
        5: _t("5 minutes before"),
        15: _t("15 minutes before"),
        60: _t("1 hour before"),
        24 * 60: _t("1 day before"),
    }[minutes]


class TaskDialog(QDialog):
    """Create or edit a task: title, due date and time, reminder, priority, owner.

    Attributes:
        result_task: the saved task (after ``Accepted``).
        result_changes: what the save touched.
    """

    def __init__(
        self,
        service: TaskService,
        *,
        now: Callable[[], dt.datetime],
        users: list[UserRef],
        task: Task | None = None,
        links: tuple[LinkRef, ...] = (),
        owner_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._owner_id = owner_id
        self._task = task
        self._links = task.links if task else links
        self._now = now
        self.result_task: Task | None = None
        self.result_changes = Changes()
        self.setWindowTitle(_t("Edit task") if task else _t("New task"))
        self.setMinimumWidth(480)
        self.heading = QLabel(
            task.title if task else _t("New task"),
        )
        self.heading.setObjectName("formHeading")
        self.related = QLabel(
            ", ".join(link.label for link in self._links if link.label)
        )
        self.related.setObjectName("formSubheading")
        self.related.setVisible(bool(self.related.text()))
        self.title = QLineEdit()
        self.title_error = ErrorLabel()
        self.due_date = QDateEdit()
        self.due_date.setCalendarPopup(True)
        self.due_date.setDisplayFormat("dd.MM.yyyy")
        self.due_time = QTimeEdit()
        self.due_time.setDisplayFormat("HH:mm")
        self.all_day = QCheckBox(_t("All day"))
        self.all_day.toggled.connect(self._on_all_day_toggled)
        self.no_due = QCheckBox(_t("No due date"))
        self.no_due.toggled.connect(self._on_no_due_toggled)
        self.reminder = QComboBox()
        for minutes, _key in REMINDERS:
            self.reminder.addItem(_reminder_text(minutes), minutes)
        self.priority = QComboBox()
        for p in (Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW):
            self.priority.addItem(priority_text(p), p)
        self.status = QComboBox()
        for s in TaskStatus:
            self.status.addItem(task_status_text(s), s)
        self.owner = QComboBox()
        self.owner.addItem(_t("(nobody)"), None)
        for user in users:
            self.owner.addItem(user.display_name, user.id)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)
        self.general_error = ErrorLabel()
        save = QPushButton(_t("Save"))
        save.setObjectName("primaryButton")
        save.setDefault(True)
        save.clicked.connect(self.save)
        cancel = QPushButton(_t("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.title)
        title_box.addWidget(self.title_error)
        form.addRow(_t("Task *"), title_box)
        due = QHBoxLayout()
        due.addWidget(self.due_date)
        due.addWidget(self.due_time)
        due.addWidget(self.all_day)
        due.addWidget(self.no_due)
        due.addStretch(1)
        form.addRow(_t("Due"), due)
        form.addRow(_t("Reminder"), self.reminder)
        form.addRow(_t("Priority"), self.priority)
        form.addRow(_t("Status"), self.status)
        form.addRow(_t("Owner"), self.owner)
        form.addRow(_t("Notes"), self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(self.heading)
        layout.addWidget(self.related)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._load(task)
        self.title.setFocus()

    def _load(self, task: Task | None) -> None:
        local = self._now().astimezone()
        due = (task.due_at if task else None) or dt.datetime.combine(
            (local + dt.timedelta(days=1)).date(), dt.time(9, 0), local.tzinfo
        )
        if task is not None and task.all_day and task.due_at is not None:
            day = task.due_at.date()
            self.due_date.setDate(QDate(day.year, day.month, day.day))
        else:
            d = due.astimezone()
            self.due_date.setDate(QDate(d.year, d.month, d.day))
            self.due_time.setTime(QTime(d.hour, d.minute))
        self.all_day.setChecked(bool(task and task.all_day))
        self.no_due.setChecked(bool(task and task.due_at is None))
        if task is not None:
            self.title.setText(task.title)
            self.notes.setPlainText(task.notes)
            self.priority.setCurrentIndex(max(0, self.priority.findData(task.priority)))
            self.status.setCurrentIndex(max(0, self.status.findData(task.status)))
            self.owner.setCurrentIndex(max(0, self.owner.findData(task.owner_id)))
            if task.reminder_at is not None and task.due_at is not None:
                before = int((task.due_at - task.reminder_at).total_seconds() // 60)
                index = self.reminder.findData(before)
                if index < 0:
                    self.reminder.addItem(
                        _t("%1 minutes before").replace("%1", str(before)), before
                    )
                    index = self.reminder.count() - 1
                self.reminder.setCurrentIndex(index)
        else:
            self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL))
            self.owner.setCurrentIndex(max(0, self.owner.findData(self._owner_id)))

    def _on_all_day_toggled(self, on: bool) -> None:
        self.due_time.setEnabled(not on)

    def _on_no_due_toggled(self, on: bool) -> None:
        for widget in (self.due_date, self.due_time, self.all_day, self.reminder):
            widget.setEnabled(not on)
        if not on:
            self.due_time.setEnabled(not self.all_day.isChecked())

    def task_data(self) -> TaskData:
        """The dialog as :class:`TaskData`."""
        due: dt.datetime | None = None
        if not self.no_due.isChecked():
            d = self.due_date.date()
            if self.all_day.isChecked():
                due = dt.datetime(d.year(), d.month(), d.day(), 12, tzinfo=dt.UTC)
            else:
                t = self.due_time.time()
                local = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
                due = local.astimezone().astimezone(dt.UTC)
        minutes = int(self.reminder.currentData() or 0)
        reminder = due - dt.timedelta(minutes=minutes) if due and minutes else None
        return TaskData(
            title=self.title.text(),
            due_at=due,
            all_day=self.all_day.isChecked(),
            reminder_at=reminder,
            priority=Priority(self.priority.currentData()),
            status=TaskStatus(self.status.currentData()),
            notes=self.notes.toPlainText(),
            owner_id=self.owner.currentData(),
            links=self._links,
            source_entry_id=self._task.source_entry_id if self._task else None,
        )

    def save(self) -> bool:
        """Store the task; errors stay next to their fields."""
        self.title_error.show_error("")
        self.general_error.show_error("")
        mark(self.title, False)
        try:
            if self._task is None:
                task, changes = self._service.create_task(self.task_data())
            else:
                task, changes = self._service.update_task(
                    self._task.id, self.task_data()
                )
        except ValidationError as exc:
            for fe in exc.errors:
                text = error_text(fe.code, fe.message)
                if fe.field == "title":
                    self.title_error.show_error(text)
                    mark(self.title, True)
                    self.title.setFocus()
                else:
                    self.general_error.show_error(text)
            return False
        except UserError as exc:
            self.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self.result_task = task
        self.result_changes = changes
        self.accept()
        return True


class CompleteTaskDialog(QDialog):
    """Mark a task done and, if wanted, log what was done in the journal."""

    def __init__(
        self,
        service: TaskService,
        task: Task,
        *,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._task = task
        self._now = now
        self.result_changes = Changes()
        self.setWindowTitle(_t("Complete task"))
        self.setMinimumWidth(460)
        heading = QLabel(task.title)
        heading.setObjectName("formHeading")
        related = QLabel(", ".join(link.label for link in task.links if link.label))
        related.setObjectName("formSubheading")
        related.setVisible(bool(related.text()))
        self.log = QCheckBox(_t("Log what was done in the journal"))
        self.log.setChecked(True)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(entry_kind_text(kind), kind)
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(_t(" min"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            _t("Outcome, e.g. “Offer accepted, order follows”")
        )
        self.text.setFixedHeight(90)
        self.text_error = ErrorLabel()
        self.log.toggled.connect(self._on_log_toggled)
        done = QPushButton(_t("Complete"))
        done.setObjectName("primaryButton")
        done.setDefault(True)
        done.clicked.connect(self.complete)
        cancel = QPushButton(_t("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(QLabel(_t("Duration")))
        row.addWidget(self.duration)
        row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(heading)
        layout.addWidget(related)
        layout.addWidget(self.log)
        layout.addLayout(row)
        layout.addWidget(self.text)
        layout.addWidget(self.text_error)
        layout.addLayout(buttons)
        self.text.setFocus()

    def _on_log_toggled(self, on: bool) -> None:
        for widget in (self.kind, self.duration, self.text):
            widget.setEnabled(on)

    def log_data(self) -> JournalEntryData | None:
        """The journal entry to write, if asked for."""
        if not self.log.isChecked():
            return None
        return JournalEntryData(
            kind=EntryKind(self.kind.currentData()),
            occurred_at=self._now(),
            subject=self._task.title,
            body_text=self.text.toPlainText(),
            duration_min=self.duration.value(),
        )

    def complete(self) -> bool:
        """Complete the task (and log); errors stay in the dialog."""
        self.text_error.show_error("")
        try:
            _task, _entry, changes = self._service.complete_task(
                self._task.id, log=self.log_data()
            )
        except UserError as exc:
            self.text_error.show_error(error_text(exc.code, exc.message))
            return False
        self.result_changes = changes
        self.accept()
        return True
