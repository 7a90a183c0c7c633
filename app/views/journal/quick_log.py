"""Quick log (Ctrl+J): type, person, a few words, Enter — and optionally a follow-up.

Built for field sales between two appointments: the dialog opens prefilled
with the record in view, the text box has the focus, Enter saves (Shift+Enter
starts a new line) and the save is one short transaction on the GUI thread
(well under 50 ms). Input the service refuses stays in the dialog with the
message next to the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QObject, Qt, QTimeZone
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes
from app.domain.errors import UserError, ValidationError
from app.domain.journal import (
    EntryKind,
    JournalEntry,
    JournalEntryData,
    LinkKind,
    LinkRef,
    TaskData,
)
from app.services.journal import JournalService
from app.views.forms.errors import ErrorLabel, mark
from app.views.journal.labels import entry_kind_text
from app.views.journal.pickers import RecordPicker
from app.views.labels import error_text

#: Order of the type buttons: what field sales log most comes first.
KINDS = (
    EntryKind.CALL,
    EntryKind.MEETING,
    EntryKind.VISIT,
    EntryKind.EMAIL,
    EntryKind.NOTE,
    EntryKind.LETTER,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("QuickLog", text)


@dataclass(frozen=True)
class LogContext:
    """What the quick log is about: the record in view.

    Attributes:
        organisation: the organisation in view (its contacts become the choices).
        person: the person in view (preselected).
        extra: further links, e.g. the service case or opportunity in view.
    """

    organisation: LinkRef | None = None
    person: LinkRef | None = None
    extra: tuple[LinkRef, ...] = ()

    @property
    def title(self) -> str:
        """The record the dialog names in its heading."""
        for ref in (*self.extra, self.person, self.organisation):
            if ref is not None and ref.label:
                return ref.label
        return ""


def to_qdatetime(value: dt.datetime) -> QDateTime:
    """An aware datetime as a local ``QDateTime``."""
    return QDateTime.fromSecsSinceEpoch(
        int(value.timestamp()), QTimeZone.systemTimeZone()
    )


def from_qdatetime(value: QDateTime) -> dt.datetime:
    """A ``QDateTime`` as an aware UTC datetime."""
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)


class _EnterSaves(QObject):
    """Enter in the text box saves; Shift+Enter is a line break."""

    def __init__(self, on_enter: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self._on_enter()
            return True
        return super().eventFilter(watched, event)


class QuickLogDialog(QDialog):
    """The compact log dialog.

    Attributes:
        result_entry: the saved entry (after ``Accepted``).
        result_task_id: the follow-up task's id, if one was created.
        result_changes: what the save touched.
    """

    def __init__(
        self,
        service: JournalService,
        context: LogContext,
        *,
        now: Callable[[], dt.datetime],
        owner_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickLog")
        self._service = service
        self._context = context
        self._now = now
        self._owner_id = owner_id
        self.result_entry: JournalEntry | None = None
        self.result_task_id: str | None = None
        self.result_changes = Changes()
        self.setWindowTitle(_t("Log entry"))
        self.setMinimumWidth(620)
        self._build()
        self._prefill()
        self.text.setFocus()

    # ---- construction

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.kind_tabs = QTabBar()
        self.kind_tabs.setObjectName("kindTabs")
        self.kind_tabs.setDrawBase(False)
        for kind in KINDS:
            self.kind_tabs.addTab(entry_kind_text(kind))
        self.person = RecordPicker(
            lambda text: self._service.find_records(text, kinds=(LinkKind.PERSON,)),
            placeholder=_t("Type a name to search"),
        )
        self.person_error = ErrorLabel()
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setMinimumWidth(170)
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(_t(" min"))
        self.duration.setSpecialValueText(_t("—"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            _t("What happened? Enter saves, Shift+Enter starts a new line.")
        )
        self.text.setFixedHeight(96)
        self.text.installEventFilter(_EnterSaves(self.save, self))
        self.text_error = ErrorLabel()
        self.follow_up = QCheckBox(_t("Follow-up task"))
        self.follow_title = QLineEdit()
        self.follow_title.setPlaceholderText(_t("What is to be done?"))
        self.follow_due = QDateTimeEdit()
        self.follow_due.setCalendarPopup(True)
        self.follow_due.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.follow_remind = QCheckBox(_t("Remind me 15 minutes before"))
        self.follow_error = ErrorLabel()
        self.presets = []
        for label, days in (
            (_t("Tomorrow"), 1),
            (_t("In 3 days"), 3),
            (_t("Next week"), 7),
        ):
            button = QPushButton(label)
            button.setObjectName("presetButton")
            button.setStyleSheet("padding: 3px 10px;")
            button.setAutoDefault(False)
            button.setProperty("days", days)
            button.clicked.connect(self._on_preset_clicked)
            self.presets.append(button)
        self.follow_box = QWidget()
        follow = QVBoxLayout(self.follow_box)
        follow.setContentsMargins(22, 0, 0, 0)
        follow.addWidget(self.follow_title)
        due_row = QHBoxLayout()
        self.follow_due.setMinimumWidth(170)
        due_row.addWidget(QLabel(_t("Due")))
        due_row.addWidget(self.follow_due)
        for button in self.presets:
            due_row.addWidget(button)
        due_row.addStretch(1)
        follow.addLayout(due_row)
        follow.addWidget(self.follow_remind)
        follow.addWidget(self.follow_error)
        self.follow_box.setVisible(False)
        self.follow_up.toggled.connect(self._on_follow_up_toggled)
        self.general_error = ErrorLabel()
        self.save_button = QPushButton(_t("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(_t("Save (Enter)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(_t("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        person_box = QVBoxLayout()
        person_box.setSpacing(2)
        person_box.addWidget(self.person)
        person_box.addWidget(self.person_error)
        form.addRow(_t("With"), person_box)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when)
        when_row.addWidget(QLabel(_t("Duration")))
        when_row.addWidget(self.duration)
        when_row.addStretch(1)
        form.addRow(_t("When"), when_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.kind_tabs)
        layout.addLayout(form)
        layout.addWidget(self.text)
        layout.addWidget(self.text_error)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.follow_box)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

    def _prefill(self) -> None:
        ctx = self._context
        self.heading.setText(
            _t("Log entry: %1").replace("%1", ctx.title)
            if ctx.title
            else _t("Log entry")
        )
        choices: list[LinkRef] = []
        if ctx.organisation is not None:
            choices = self._service.contacts_of(ctx.organisation.id)
        self.person.set_choices(
            choices,
            current=ctx.person,
            none_text=_t("(nobody in particular)") if ctx.organisation else "",
        )
        now = self._now()
        self.when.setDateTime(to_qdatetime(now))
        self._set_follow_due(1)

    # ---- public API

    @property
    def kind(self) -> EntryKind:
        """The chosen entry type."""
        return KINDS[max(0, self.kind_tabs.currentIndex())]

    def set_kind(self, kind: EntryKind) -> None:
        """Preselect an entry type."""
        self.kind_tabs.setCurrentIndex(KINDS.index(kind))

    def entry_data(self) -> JournalEntryData:
        """The dialog as a :class:`JournalEntryData`."""
        links: list[LinkRef] = []
        person = self.person.record()
        if person is not None:
            links.append(LinkRef(LinkKind.PERSON, person.id))
        org = self._context.organisation
        if org is None and person is not None:
            employers = self._service.employers_of(person.id)
            org = employers[0] if employers else None
        if org is not None:
            links.append(LinkRef(LinkKind.ORGANISATION, org.id))
        links += [LinkRef(e.kind, e.id) for e in self._context.extra]
        return JournalEntryData(
            kind=self.kind,
            occurred_at=from_qdatetime(self.when.dateTime()),
            body_text=self.text.toPlainText(),
            duration_min=self.duration.value(),
            owner_id=self._owner_id,
            links=tuple(links),
        )

    def follow_up_data(self) -> TaskData | None:
        """The follow-up task, if asked for."""
        if not self.follow_up.isChecked():
            return None
        due = from_qdatetime(self.follow_due.dateTime())
        return TaskData(
            title=self.follow_title.text(),
            due_at=due,
            reminder_at=due - dt.timedelta(minutes=15)
            if self.follow_remind.isChecked()
            else None,
            owner_id=self._owner_id,
        )

    def save(self) -> bool:
        """Store entry and follow-up; errors stay in the dialog next to their field."""
        self._clear_errors()
        if self.person.is_unresolved():
            self.person_error.show_error(_t("Choose a person from the list."))
            mark(self.person, True)
            self.person.setFocus()
            return False
        try:
            entry, task_id, changes = self._service.quick_log(
                self.entry_data(), self.follow_up_data()
            )
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except UserError as exc:
            self.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self.result_entry = entry
        self.result_task_id = task_id
        self.result_changes = changes
        self.accept()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.text.setFocus()

    # ---- internals

    def _on_preset_clicked(self) -> None:
        button = self.sender()
        days = button.property("days")
        if isinstance(days, int):
            self._set_follow_due(days)

    def _set_follow_due(self, days: int) -> None:
        base = self._now().astimezone()
        day = (base + dt.timedelta(days=days)).date()
        due = dt.datetime.combine(day, dt.time(9, 0), base.tzinfo)
        self.follow_due.setDateTime(to_qdatetime(due))

    def _on_follow_up_toggled(self, on: bool) -> None:
        self.follow_box.setVisible(on)
        if on and not self.follow_title.text():
            who = self.person.record()
            self.follow_title.setText(
                _t("Follow up with %1").replace("%1", who.label.split(" · ")[0])
                if who
                else _t("Follow up")
            )
            self.follow_title.setFocus()
            self.follow_title.selectAll()
        self.adjustSize()

    def _clear_errors(self) -> None:
        for label in (
            self.person_error,
            self.text_error,
            self.follow_error,
            self.general_error,
        ):
            label.show_error("")
        for widget in (self.person, self.text, self.follow_title):
            mark(widget, False)

    def _show_errors(self, exc: ValidationError) -> None:
        first: QWidget | None = None
        for fe in exc.errors:
            text = error_text(fe.code, fe.message)
            if fe.field in ("body", "subject"):
                self.text_error.show_error(text)
                mark(self.text, True)
                first = first or self.text
            elif fe.field.startswith("follow_up."):
                self.follow_error.show_error(text)
                mark(self.follow_title, True)
                first = first or self.follow_title
            else:
                self.general_error.show_error(text)
        if first is not None:
            first.setFocus()
