"""The service case form: request, customer, status, SLA dates, answer article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import UserRef
from app.domain.errors import ValidationError
from app.domain.journal import (
    CASE_CATEGORIES,
    CASE_TRANSITIONS,
    CaseData,
    CaseStatus,
    LinkKind,
    LinkRef,
    Priority,
    ServiceCase,
)
from app.services.journal import JournalService
from app.services.knowledge import KnowledgeService
from app.views.forms.errors import ErrorLabel, mark
from app.views.journal.labels import (
    OVERDUE_COLOR,
    case_status_text,
    category_text,
    local_datetime,
    priority_text,
)
from app.views.journal.pickers import RecordPicker
from app.views.journal.quick_log import from_qdatetime, to_qdatetime
from app.views.labels import error_text


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseForm", text)


class CaseForm(QWidget):
    """Edit one service case; the case view owns Save, Discard and the journal.

    Signals:
        sig_dirty_changed(bool): the user edited (or reverted) the form.
        sig_article_open_requested(str): "Open" next to the answer was clicked.
    """

    sig_dirty_changed = Signal(bool)
    sig_article_open_requested = Signal(str)

    def __init__(
        self,
        journal: JournalService,
        knowledge: KnowledgeService,
        *,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._knowledge = knowledge
        self._now = now
        self._loading = False
        self._dirty = False
        self.case: ServiceCase | None = None
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.subheading = QLabel()
        self.subheading.setObjectName("formSubheading")
        self.sla = QLabel()
        self.sla.setObjectName("slaLabel")
        self.general_error = ErrorLabel()
        self.title = QLineEdit()
        self.organisation = RecordPicker(
            lambda text: journal.find_records(text, kinds=(LinkKind.ORGANISATION,)),
            placeholder=_t("Type to search an organisation"),
        )
        self.organisation.sig_record_chosen.connect(self._on_organisation_chosen)
        self.person = RecordPicker(
            lambda text: journal.find_records(text, kinds=(LinkKind.PERSON,)),
            placeholder=_t("Type to search a person"),
        )
        self.status = QComboBox()
        self.priority = QComboBox()
        for p in (Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW):
            self.priority.addItem(priority_text(p), p)
        self.category = QComboBox()
        self.category.setEditable(True)
        for key in CASE_CATEGORIES:
            self.category.addItem(category_text(key), key)
        self.assignee = QComboBox()
        self.response_due = QDateTimeEdit()
        self.resolution_due = QDateTimeEdit()
        for edit in (self.response_due, self.resolution_due):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
            edit.dateTimeChanged.connect(self.mark_dirty)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(110)
        self.article = RecordPicker(
            self._search_articles, placeholder=_t("Search the knowledge base …")
        )
        self.open_article = QPushButton(_t("Open"))
        self.open_article.setAutoDefault(False)
        self.open_article.clicked.connect(self._on_open_article_clicked)
        self.article.sig_record_chosen.connect(self._on_article_chosen)
        self.errors: dict[str, ErrorLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        self._row(form, "title", _t("Subject *"), self.title)
        self._row(form, "customer", _t("Organisation"), self.organisation)
        self._row(form, "person_id", _t("Contact person"), self.person)
        self._row(form, "status", _t("Status"), self.status)
        self._row(form, "priority", _t("Priority"), self.priority)
        self._row(form, "category", _t("Category"), self.category)
        self._row(form, "assignee_id", _t("Assignee"), self.assignee)
        self._row(form, "response_due", _t("First response by"), self.response_due)
        self._row(form, "resolution_due", _t("Solve by"), self.resolution_due)
        article_row = QHBoxLayout()
        article_row.addWidget(self.article, 1)
        article_row.addWidget(self.open_article)
        holder = QWidget()
        holder.setLayout(article_row)
        article_row.setContentsMargins(0, 0, 0, 0)
        self._row(form, "article_id", _t("Answer (article)"), holder)
        body = QWidget()
        body.setObjectName("formBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 8, 16, 12)
        body_layout.addLayout(form)
        desc_title = QLabel(_t("Request"))
        desc_title.setObjectName("sectionTitle")
        body_layout.addWidget(desc_title)
        body_layout.addWidget(self.description)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        head = QVBoxLayout()
        head.setContentsMargins(16, 12, 16, 4)
        head.addWidget(self.heading)
        head.addWidget(self.subheading)
        head.addWidget(self.sla)
        head.addWidget(self.general_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        for widget in (self.title,):
            widget.textEdited.connect(self.mark_dirty)
        for combo in (self.status, self.priority, self.category, self.assignee):
            combo.currentIndexChanged.connect(self.mark_dirty)
        self.category.editTextChanged.connect(self.mark_dirty)
        for picker in (self.organisation, self.person, self.article):
            picker.sig_record_chosen.connect(self.mark_dirty)
        self.description.textChanged.connect(self.mark_dirty)
        self.load(None)

    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = ErrorLabel()
        box.addWidget(error)
        form.addRow(label, holder)
        self.errors[name] = error
        self.widgets[name] = widget

    # ---- the record

    def set_users(self, users: list[UserRef]) -> None:
        """Fill the assignee list."""
        current = self.assignee.currentData()
        self._loading = True
        self.assignee.clear()
        self.assignee.addItem(_t("(nobody)"), None)
        for user in users:
            self.assignee.addItem(user.display_name, user.id)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(current)))
        self._loading = False

    def load(self, case: ServiceCase | None) -> None:
        """Show ``case`` or an empty form for a new one."""
        self._loading = True
        self.clear_errors()
        self.case = case
        now = self._now()
        if case is None:
            self.heading.setText(_t("New case"))
            self.subheading.setText(
                _t("Number and service-level dates are set when you save.")
            )
            self.sla.setText("")
            self.title.clear()
            self.description.clear()
            self.organisation.set_choices([])
            self.person.set_choices([])
            self.article.set_choices([], none_text=_t("(no answer yet)"))
            self._fill_status(CaseStatus.NEW, new=True)
            self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL))
            self.category.setCurrentIndex(0)
            self.assignee.setCurrentIndex(0)
            self.response_due.setDateTime(to_qdatetime(now))
            self.resolution_due.setDateTime(to_qdatetime(now))
            for edit in (self.response_due, self.resolution_due):
                edit.setEnabled(False)
        else:
            self.heading.setText(f"{case.number}  {case.title}")
            self.subheading.setText(
                _t("Opened %1").replace("%1", local_datetime(case.created_at))
                + (f" · {case.customer}" if case.customer else "")
            )
            self.title.setText(case.title)
            self.description.setPlainText(case.description)
            org = (
                LinkRef(
                    LinkKind.ORGANISATION, case.organisation_id, case.organisation_name
                )
                if case.organisation_id
                else None
            )
            person = (
                LinkRef(LinkKind.PERSON, case.person_id, case.person_name)
                if case.person_id
                else None
            )
            self.organisation.set_choices([], current=org, none_text=_t("(none)"))
            contacts = (
                self._journal.contacts_of(case.organisation_id)
                if case.organisation_id
                else []
            )
            self.person.set_choices(contacts, current=person, none_text=_t("(none)"))
            article = (
                LinkRef(LinkKind.TASK, case.article_id, case.article_title)
                if case.article_id
                else None
            )
            self.article.set_choices(
                [], current=article, none_text=_t("(no answer yet)")
            )
            self._fill_status(case.status)
            self.priority.setCurrentIndex(max(0, self.priority.findData(case.priority)))
            index = self.category.findData(case.category)
            if index < 0:
                self.category.addItem(case.category, case.category)
                index = self.category.count() - 1
            self.category.setCurrentIndex(index)
            self.assignee.setCurrentIndex(
                max(0, self.assignee.findData(case.assignee_id))
            )
            for edit, value in (
                (self.response_due, case.response_due),
                (self.resolution_due, case.resolution_due),
            ):
                edit.setEnabled(True)
                edit.setDateTime(to_qdatetime(value or now))
            self._show_sla(case, now)
        self.open_article.setEnabled(self.article.record() is not None)
        self._loading = False
        self.set_clean()

    def value(self) -> CaseData:
        """The form as :class:`CaseData`.

        Raises:
            ValidationError: a picker holds text that names no record.
        """
        unresolved = [
            name
            for name, picker in (
                ("customer", self.organisation),
                ("person_id", self.person),
                ("article_id", self.article),
            )
            if picker.is_unresolved()
        ]
        if unresolved:
            from app.domain.errors import FieldError

            raise ValidationError(
                [
                    FieldError(
                        name, "pick.unresolved", "Choose an entry from the list."
                    )
                    for name in unresolved
                ]
            )
        org = self.organisation.record()
        person = self.person.record()
        article = self.article.record()
        category = self.category.currentData()
        if self.category.currentText() != category_text(str(category or "")):
            category = self.category.currentText()
        new = self.case is None
        return CaseData(
            title=self.title.text(),
            description=self.description.toPlainText(),
            status=CaseStatus(self.status.currentData()),
            priority=Priority(self.priority.currentData()),
            category=str(category or "other"),
            organisation_id=org.id if org else None,
            person_id=person.id if person else None,
            assignee_id=self.assignee.currentData(),
            response_due=None if new else from_qdatetime(self.response_due.dateTime()),
            resolution_due=None
            if new
            else from_qdatetime(self.resolution_due.dateTime()),
            article_id=article.id if article else None,
        )

    # ---- dirty state and errors

    @property
    def dirty(self) -> bool:
        """Whether the user changed something since the last load."""
        return self._dirty

    def mark_dirty(self, *_args: object) -> None:
        """Note an edit (ignored while loading)."""
        if not self._loading and not self._dirty:
            self._dirty = True
            self.sig_dirty_changed.emit(True)

    def set_clean(self) -> None:
        """Forget edits."""
        if self._dirty:
            self._dirty = False
            self.sig_dirty_changed.emit(False)

    def clear_errors(self) -> None:
        """Hide every error."""
        self.general_error.show_error("")
        for name, label in self.errors.items():
            label.show_error("")
            mark(self.widgets[name], False)

    def show_errors(self, exc: ValidationError) -> None:
        """Each error next to its field; the first field gets the focus."""
        self.clear_errors()
        first: QWidget | None = None
        for fe in exc.errors:
            text = error_text(fe.code, fe.message)
            label = self.errors.get(fe.field)
            if label is None:
                self.general_error.show_error(text)
                continue
            label.show_error(text)
            mark(self.widgets[fe.field], True)
            first = first or self.widgets[fe.field]
        if first is not None:
            first.setFocus()

    # ---- internals

    def _fill_status(self, current: CaseStatus, *, new: bool = False) -> None:
        allowed = [
            current,
            *sorted(CASE_TRANSITIONS[current], key=list(CaseStatus).index),
        ]
        if new:
            allowed = [CaseStatus.NEW, CaseStatus.IN_PROGRESS]
        self.status.clear()
        for status in allowed:
            self.status.addItem(case_status_text(status), status)
        self.status.setCurrentIndex(0)

    def _show_sla(self, case: ServiceCase, now: dt.datetime) -> None:
        parts = []
        if case.first_response_at is None and case.response_due is not None:
            parts.append(
                _t("First response due %1").replace(
                    "%1", local_datetime(case.response_due)
                )
            )
        if case.closed_at is not None:
            parts.append(_t("Closed %1").replace("%1", local_datetime(case.closed_at)))
        elif case.solved_at is not None:
            parts.append(_t("Solved %1").replace("%1", local_datetime(case.solved_at)))
        elif case.resolution_due is not None:
            parts.append(
                _t("Solve by %1").replace("%1", local_datetime(case.resolution_due))
            )
        overdue = case.overdue(now)
        if overdue:
            parts.insert(0, _t("Overdue"))
        self.sla.setText(" · ".join(parts))
        self.sla.setStyleSheet(
            f"color: {OVERDUE_COLOR}; font-weight: 600;"
            if overdue
            else "color: #57606a;"
        )

    def _on_organisation_chosen(self, ref: LinkRef | None) -> None:
        if self._loading:
            return
        current = self.person.record()
        contacts = self._journal.contacts_of(ref.id) if ref else []
        self.person.set_choices(contacts, current=current, none_text=_t("(none)"))

    def _search_articles(self, text: str) -> list[LinkRef]:
        return [
            LinkRef(LinkKind.TASK, row.id, row.title)  # kind unused: an article id
            for row in self._knowledge.search(text, limit=12)
        ]

    def _on_article_chosen(self, ref: LinkRef | None) -> None:
        self.open_article.setEnabled(ref is not None)

    def _on_open_article_clicked(self) -> None:
        ref = self.article.record()
        if ref is not None:
            self.sig_article_open_requested.emit(ref.id)
