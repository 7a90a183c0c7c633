"""Customer service: the case list, a case with its journal, the knowledge base.

Cases past a service-level date show in red in the list and the form. Status
moves follow the case life cycle (new → in progress ⇄ waiting for customer →
solved → closed; closed can be reopened), offered as buttons and in the form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import UserRef
from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError, UserError, ValidationError
from app.domain.journal import (
    OPEN_CASE_STATUSES,
    CaseFilter,
    CaseStatus,
    LinkKind,
    LinkRef,
    ServiceCase,
)
from app.services.journal_services import JournalServices
from app.services.timeline import TimelineTarget
from app.views.empty_state import EmptyState
from app.views.journal.case_form import CaseForm
from app.views.journal.knowledge_view import KnowledgeView
from app.views.journal.labels import case_status_text
from app.views.journal.timeline import TimelineWidget
from app.views.labels import error_text
from app.views.prompts import Unsaved, ask_unsaved
from app.views.record_table import RecordTable
from app.views.tablemodels.journal import CaseTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("CasesView", text)


FILTERS = ("open", "overdue", "solved", "all")


def filter_text(key: str) -> str:
    """Tab title of a case list."""
    return {
        "open": _t("Open"),
        "overdue": _t("Overdue"),
        "solved": _t("Solved and closed"),
        "all": _t("All"),
    }[key]


#: Buttons that move a case on: (target status, label provider).
STATUS_ACTIONS: tuple[tuple[CaseStatus, Callable[[], str]], ...] = (
    (CaseStatus.IN_PROGRESS, lambda: _t("Start work")),
    (CaseStatus.WAITING, lambda: _t("Wait for customer")),
    (CaseStatus.SOLVED, lambda: _t("Solve")),
    (CaseStatus.CLOSED, lambda: _t("Close")),
)


class CasesView(QWidget):
    """List of cases, the selected case's form and its journal.

    Signals:
        sig_data_changed(object, object): a case was written (Changes, self).
        sig_status_message(str): a short message for the status bar.
        sig_log_requested(object): log an entry on a case (its :class:`LinkRef`s).
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)
    sig_log_requested = Signal(object)

    def __init__(
        self,
        services: JournalServices,
        *,
        now: Callable[[], dt.datetime],
        users: Callable[[], list[UserRef]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._now = now
        self._users = users
        self._stale = True
        self._syncing = False
        self.model = CaseTableModel(services.cases, now, self)
        self._build()
        self.retranslate_ui()

    # ---- construction

    def _build(self) -> None:
        self.filters = QTabBar()
        self.filters.setObjectName("kindTabs")
        self.filters.setDrawBase(False)
        for _ in FILTERS:
            self.filters.addTab("")
        # a bound method, not a lambda: tab bars emit while being destroyed
        self.filters.currentChanged.connect(self._on_filters_changed)
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
        self.new_button.clicked.connect(self.new_case)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.table = RecordTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.empty = EmptyState(self.table)
        self.form = CaseForm(
            self._services.entries, self._services.knowledge, now=self._now
        )
        self.form.sig_dirty_changed.connect(self._on_form_dirty_changed)
        self.journal = TimelineWidget(self._services.timeline)
        self.journal.sig_log_requested.connect(self._on_journal_log_requested)
        self.journal.task_button.hide()
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("detailTabs")
        self.detail_tabs.setDocumentMode(True)
        self.detail_tabs.addTab(self.form, "")
        self.detail_tabs.addTab(self.journal, "")
        self.status_buttons: dict[CaseStatus, QPushButton] = {}
        actions = QHBoxLayout()
        actions.setContentsMargins(16, 6, 16, 10)
        for status, _label in STATUS_ACTIONS:
            button = QPushButton()
            button.setProperty("caseStatus", status.value)
            button.clicked.connect(self._on_status_button_clicked)
            self.status_buttons[status] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.save_button.setShortcut("Ctrl+S")
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        right = QWidget()
        right.setObjectName("detailPane")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_tabs, 1)
        right_layout.addLayout(actions)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        top = QHBoxLayout()
        top.addWidget(self.filters)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._on_form_dirty_changed(False)

    def retranslate_ui(self) -> None:
        """Texts in the current language."""
        for i, key in enumerate(FILTERS):
            self.filters.setTabText(i, filter_text(key))
        self.search.setPlaceholderText(_t("Search number or subject …"))
        self.new_button.setText(_t("New case"))
        self.detail_tabs.setTabText(0, _t("Case"))
        self.detail_tabs.setTabText(1, _t("Case journal"))
        for status, label in STATUS_ACTIONS:
            self.status_buttons[status].setText(label())
        self.revert_button.setText(_t("Discard changes"))
        self.save_button.setText(_t("Save"))
        self.save_button.setToolTip(_t("Save (Ctrl+S)"))
        self.journal.retranslate_ui()
        self.reload_users()
        self._update_labels()

    # ---- public API

    def reload_users(self) -> None:
        """Refresh the assignee list."""
        self.form.set_users(self._users())

    def current_filter(self) -> CaseFilter:
        """The filter the list shows."""
        key = FILTERS[max(0, self.filters.currentIndex())]
        statuses = {
            "open": frozenset(OPEN_CASE_STATUSES),
            "overdue": frozenset(),
            "solved": frozenset({CaseStatus.SOLVED, CaseStatus.CLOSED}),
            "all": frozenset(),
        }[key]
        return CaseFilter(
            search=self.search.text().strip(),
            statuses=statuses,
            overdue_only=key == "overdue",
        )

    def reload(self) -> None:
        """Read the list again and keep the shown case selected."""
        self.model.filter = self.current_filter()
        self.model.refresh()
        self._stale = False
        self._update_labels()
        shown = self.form.case.id if self.form.case else None
        if shown and self._select(shown):
            return
        if self.model.total and not self.form.dirty:
            self.table.selectRow(0)

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh cases and the case journal when something they show changed."""
        if changes.touches(EntityKind.USER):
            self.reload_users()
        if initiator is self:
            return
        if changes.touches(EntityKind.SERVICE_CASE) or changes.touches(
            EntityKind.KB_ARTICLE
        ):
            self._stale = True
            if self.isVisible():
                self.reload()
                if self.form.case and not self.form.dirty:
                    self.open_case(self.form.case.id)
        if changes.touches(EntityKind.JOURNAL_ENTRY):
            self.journal.mark_stale()

    def open_case(self, case_id: str) -> bool:
        """Show the case ``case_id``."""
        try:
            case = self._services.cases.get_case(case_id)
        except NotFoundError:
            return False
        self._show(case)
        self._select(case_id)
        return True

    def new_case(self) -> None:
        """An empty form for a new case."""
        if not self._confirm_leave():
            return
        self._syncing = True
        self.table.selectionModel().clearSelection()
        self._syncing = False
        self._show(None)
        self.detail_tabs.setCurrentIndex(0)
        self.form.title.setFocus()

    def save(self) -> bool:
        """Store the form; errors appear next to the fields."""
        form = self.form
        try:
            data = form.value()
            if form.case is None:
                case, changes = self._services.cases.create_case(data)
            else:
                case, changes = self._services.cases.update_case(form.case.id, data)
        except ValidationError as exc:
            form.show_errors(exc)
            self.sig_status_message.emit(
                _t("Not saved: please correct the marked fields.")
            )
            return False
        except UserError as exc:
            form.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self._show(case)
        self.reload()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(_t("Case %1 saved.").replace("%1", case.number))
        return True

    def move_to(self, status: CaseStatus) -> bool:
        """Move the shown case to ``status`` (saving pending edits with it)."""
        case = self.form.case
        if case is None:
            return False
        if self.form.dirty and not self.save():
            return False
        case = self.form.case
        assert case is not None
        try:
            moved, changes = self._services.cases.set_status(case.id, status)
        except UserError as exc:
            self.form.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self._show(moved)
        self.reload()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(
            _t("%1 is now “%2”.")
            .replace("%1", moved.number)
            .replace("%2", case_status_text(moved.status))
        )
        return True

    def revert(self) -> None:
        """Throw away edits."""
        case = self.form.case
        if case is not None:
            self.open_case(case.id)
        else:
            self.form.load(None)

    # ---- internals

    def _show(self, case: ServiceCase | None) -> None:
        self.form.load(case)
        target = TimelineTarget(LinkKind.SERVICE_CASE, case.id) if case else None
        self.journal.set_target(target)
        self._update_status_buttons()

    def _select(self, case_id: str) -> bool:
        row = self.model.find_row(case_id)
        if row is None:
            return False
        self._syncing = True
        try:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._syncing = False
        return True

    def _update_status_buttons(self) -> None:
        case = self.form.case
        for status, button in self.status_buttons.items():
            allowed = case is not None and status in _next(case.status)
            button.setVisible(allowed)
        if case is not None and case.status == CaseStatus.CLOSED:
            reopen = self.status_buttons[CaseStatus.IN_PROGRESS]
            reopen.setText(_t("Reopen"))
        else:
            self.status_buttons[CaseStatus.IN_PROGRESS].setText(STATUS_ACTIONS[0][1]())

    def _update_labels(self) -> None:
        total = self.model.total
        open_n, late = self._services.cases.open_counts(now=self._now())
        self.count_label.setText(
            self.tr("%Ln case(s)", "", total)
            + " · "
            + _t("%1 open, %2 overdue")
            .replace("%1", str(open_n))
            .replace("%2", str(late))
        )
        if total:
            self.empty.hide()
            return
        self.empty.show_text(
            _t("Nothing matches.")
            if self.search.text()
            else _t("No cases here.\nRecord a customer request with “New case”.")
        )

    def _on_search_text_changed(self, _text: str) -> None:
        # a bound method: a line edit with a clear button emits while destroyed
        self._timer.start()

    def _on_status_button_clicked(self) -> None:
        button = self.sender()
        status = button.property("caseStatus")
        if isinstance(status, str) and status in CaseStatus:
            self.move_to(CaseStatus(status))

    def _on_filters_changed(self, _index: int) -> None:
        self.reload()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        case_id = self.model.row_id(current.row())
        if not case_id or (self.form.case and self.form.case.id == case_id):
            return
        if not self._confirm_leave():
            shown = self.form.case
            if shown is not None:
                QTimer.singleShot(0, self, lambda: self._select(shown.id))
            return
        self.open_case(case_id)

    def _on_form_dirty_changed(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _on_journal_log_requested(self) -> None:
        case = self.form.case
        if case is None:
            return
        links = [LinkRef(LinkKind.SERVICE_CASE, case.id, f"{case.number} {case.title}")]
        if case.person_id:
            links.append(LinkRef(LinkKind.PERSON, case.person_id, case.person_name))
        if case.organisation_id:
            links.append(
                LinkRef(
                    LinkKind.ORGANISATION, case.organisation_id, case.organisation_name
                )
            )
        self.sig_log_requested.emit(tuple(links))

    def _confirm_leave(self) -> bool:
        if not self.form.dirty:
            return True
        answer = ask_unsaved(
            self, _t("Unsaved changes"), _t("Save the changes to this case?")
        )
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            self.revert()
            return True
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()


def _next(status: CaseStatus) -> frozenset[CaseStatus]:
    from app.domain.journal import CASE_TRANSITIONS

    return CASE_TRANSITIONS[status]


class ServiceView(QTabWidget):
    """The "Service" page: cases and the knowledge base as two tabs."""

    def __init__(
        self, cases: CasesView, knowledge: KnowledgeView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serviceTabs")
        self.setDocumentMode(True)
        self.cases = cases
        self.knowledge = knowledge
        self.addTab(cases, "")
        self.addTab(knowledge, "")
        cases.form.sig_article_open_requested.connect(self.open_article)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the current language."""
        self.setTabText(0, _t("Cases"))
        self.setTabText(1, _t("Knowledge base"))

    def open_article(self, article_id: str) -> None:
        """Show an article in the knowledge base tab."""
        self.setCurrentWidget(self.knowledge)
        self.knowledge.open_article(article_id)
