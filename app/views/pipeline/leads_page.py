"""The Leads page: list with search and filters, the lead form, qualify and convert.

Keyboard: Ctrl+S saves, Ctrl+Shift+Q marks the lead sales-qualified (SQL),
Ctrl+Shift+C converts it. Possible duplicates appear while typing (debounced).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError, UserError, ValidationError
from app.domain.pipeline import LeadFilter, LeadSource, LeadStatus
from app.services.addresses import AddressService
from app.services.sales import SalesServices
from app.views.empty_state import EmptyState
from app.views.labels import error_text
from app.views.pipeline.convert_dialog import ConvertDialog
from app.views.pipeline.lead_form import LeadForm
from app.views.pipeline.look import SALES_STYLE
from app.views.pipeline.texts import lead_status_text, source_text
from app.views.prompts import Unsaved, ask_unsaved, confirm
from app.views.record_table import RecordTable
from app.views.tablemodels.pipeline import LeadTableModel

OPEN_STATUSES = frozenset({LeadStatus.UNQUALIFIED, LeadStatus.MQL, LeadStatus.SQL})


def _t(text: str) -> str:
    return QCoreApplication.translate("LeadsPage", text)


class LeadsPage(QWidget):
    """Leads: capture, qualify, find duplicates, convert.

    Signals:
        sig_data_changed(object, object): a write here (Changes, self).
        sig_status_message(str): a short message for the status bar.
        sig_converted(object): a lead was converted (ConvertResult).
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)
    sig_converted = Signal(object)

    def __init__(
        self,
        sales: SalesServices,
        addresses: AddressService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sales = sales
        self._service = sales.leads
        self._addresses = addresses
        self._today = today
        self._syncing = False
        self.convert_dialog: ConvertDialog | None = None
        self.model = LeadTableModel(self._service, self)
        self.setStyleSheet(SALES_STYLE)
        self._build()
        self._build_actions()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.apply_filter)
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(350)
        self._dup_timer.timeout.connect(self.check_duplicates)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for edit in (
            self.form.first_name,
            self.form.last_name,
            self.form.company,
            self.form.email,
            self.form.phone,
        ):
            edit.textEdited.connect(lambda _t: self._dup_timer.start())
        self.reload_pick_lists()
        self.apply_filter()

    # ---- construction

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_t("Search name, company, e-mail, city …"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(_t("Open leads"), "open")
        self.status_filter.addItem(_t("All leads"), None)
        for status in LeadStatus:
            self.status_filter.addItem(lead_status_text(status), status)
        self.source_filter = QComboBox()
        self.source_filter.addItem(_t("All sources"), None)
        for source in LeadSource:
            self.source_filter.addItem(source_text(source), source)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.source_filter.currentIndexChanged.connect(self.apply_filter)
        self.new_button = QPushButton(_t("New lead"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(_t("New lead (Ctrl+Shift+L)"))
        self.new_button.clicked.connect(self.new_lead)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.source_filter)
        top.addWidget(self.new_button)
        self.table = RecordTable(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.sortIndicatorChanged.connect(self._on_header_sort)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.empty = EmptyState(self.table)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.form = LeadForm()
        self.form.sig_dirty_changed.connect(self._update_buttons)
        self.save_button = QPushButton(_t("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(_t("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.qualify_button = QPushButton(_t("Mark as SQL"))
        self.qualify_button.setToolTip(_t("Sales qualified (Ctrl+Shift+Q)"))
        self.qualify_button.clicked.connect(self.qualify)
        self.convert_button = QPushButton(_t("Convert …"))
        self.convert_button.setToolTip(
            _t("Create organisation, person and opportunity (Ctrl+Shift+C)")
        )
        self.convert_button.clicked.connect(self.convert)
        self.delete_button = QPushButton(_t("Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(16, 6, 16, 10)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.qualify_button)
        buttons.addWidget(self.convert_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right.setObjectName("detailPane")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form, 1)
        right_layout.addLayout(buttons)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([660, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    def _build_actions(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.act_save = QAction(self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save)
        self.act_qualify = QAction(self)
        self.act_qualify.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.act_qualify.triggered.connect(self.qualify)
        self.act_convert = QAction(self)
        self.act_convert.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.act_convert.triggered.connect(self.convert)
        for action in (self.act_save, self.act_qualify, self.act_convert):
            action.setShortcutContext(context)
            self.addAction(action)
        self._update_buttons()

    # ---- public API

    def reload_pick_lists(self) -> None:
        """Owners, industries and campaigns in the form."""
        self.form.set_users(self._addresses.users())
        self.form.set_pick_lists(
            self._addresses.industries(), self._sales.catalogue.campaigns()
        )

    def current_filter(self) -> LeadFilter:
        """The filter the list shows."""
        status = self.status_filter.currentData()
        statuses = (
            OPEN_STATUSES
            if status == "open"
            else frozenset({status})
            if status
            else frozenset()
        )
        return LeadFilter(
            search=self.search.text().strip(),
            status=frozenset(statuses),
            source=self.source_filter.currentData(),
        )

    def apply_filter(self) -> None:
        """Re-read the list."""
        self.model.filter = self.current_filter()
        self.model.refresh()
        self.count_label.setText(
            _t("%1 leads").replace("%1", QLocale().toString(self.model.total))
        )
        self.empty.show_text(self._empty_text())
        self._select(self.form.record_id)

    def _empty_text(self) -> str | None:
        if self.model.total:
            return None
        flt = self.model.filter
        if (
            flt.search
            or flt.source is not None
            or self.status_filter.currentIndex() > 0
        ):
            return _t("No leads match. Clear the search or choose “All leads”.")
        return _t(
            "No open leads.\nCapture one with “New lead” (Ctrl+Shift+L), import a "
            "list, or let a web form on your website create them."
        )

    def new_lead(self) -> None:
        """Ctrl+Shift+L: an empty form, the cursor in the first field."""
        if not self._confirm_leave():
            return
        self._select(None)
        self.form.load(None)
        self._update_buttons()
        self.form.first_name.setFocus()

    def open_lead(self, lead_id: str) -> None:
        """Show ``lead_id`` in the form."""
        try:
            self.form.load(self._service.get_lead(lead_id))
        except NotFoundError:
            self.form.load(None)
        self._update_buttons()

    def save(self) -> bool:
        """Ctrl+S: validate and store; errors appear next to the fields."""
        rid = self.form.record_id
        try:
            data = self.form.value()
            if rid:
                lead, changes = self._service.update_lead(rid, data)
            else:
                lead, changes = self._service.create_lead(data)
        except ValidationError as exc:
            self.form.show_errors(exc)
            self.sig_status_message.emit(
                _t("Not saved: please correct the marked fields.")
            )
            return False
        except UserError as exc:
            self.form.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self.form.load(lead)
        self.apply_filter()
        self._select(lead.id)
        self._update_buttons()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(_t("Lead saved."))
        return True

    def qualify(self) -> bool:
        """Ctrl+Shift+Q: save the form and mark the lead sales-qualified."""
        if self.form.dirty and not self.save():
            return False
        rid = self.form.record_id
        if not rid:
            return False
        try:
            lead, changes = self._service.set_status(rid, LeadStatus.SQL)
        except UserError as exc:
            self.form.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self.form.load(lead)
        self.apply_filter()
        self._update_buttons()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(_t("Marked as sales qualified."))
        return True

    def convert(self) -> ConvertDialog | None:
        """Ctrl+Shift+C: the convert dialog for the shown lead (saved first)."""
        if self.form.dirty and not self.save():
            return None
        rid = self.form.record_id
        if not rid:
            return None
        lead = self._service.get_lead(rid)
        if lead.data.status not in (LeadStatus.MQL, LeadStatus.SQL):
            self.form.general_error.show_error(error_text("lead.not_qualified", ""))
            return None
        dialog = ConvertDialog(self._service, lead, today=self._today, parent=self)
        dialog.finished.connect(lambda code: self._on_convert_finished(dialog, code))
        self.convert_dialog = dialog
        dialog.open()
        return dialog

    def delete_current(self) -> None:
        """Delete the shown lead after asking."""
        rid = self.form.record_id
        if not rid:
            return
        if not confirm(
            self,
            _t("Delete lead"),
            _t("Delete the lead “%1”?").replace("%1", self.form.heading.text()),
        ):
            return
        changes = self._service.delete_lead(rid)
        self.form.load(None)
        self.apply_filter()
        self.sig_data_changed.emit(changes, self)

    def check_duplicates(self) -> None:
        """Show records the lead may already be (while typing)."""
        data = self.form.value()
        if not any((data.last_name, data.company, data.email, data.phone)):
            self.form.show_duplicates([])
            return
        self.form.show_duplicates(
            self._service.duplicates(data, exclude_lead=self.form.record_id)
        )

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh after writes elsewhere."""
        if initiator is self:
            return
        if any(
            changes.touches(k)
            for k in (EntityKind.USER, EntityKind.INDUSTRY, EntityKind.CAMPAIGN)
        ):
            self.reload_pick_lists()
        if changes.touches(EntityKind.LEAD):
            self.apply_filter()
            if self.form.record_id and not self.form.dirty:
                self.open_lead(self.form.record_id)

    # ---- slots and helpers

    def _on_convert_finished(self, dialog: ConvertDialog, code: int) -> None:
        if self.convert_dialog is dialog:
            self.convert_dialog = None
        dialog.deleteLater()
        result = dialog.result_value
        if not code or result is None:
            return
        self.open_lead(result.lead_id)
        self.apply_filter()
        self.sig_data_changed.emit(dialog.changes, self)
        self.sig_status_message.emit(_t("Lead converted."))
        self.sig_converted.emit(result)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        rid = self.model.row_id(current.row())
        if not rid or rid == self.form.record_id or not self._confirm_leave():
            return
        self.open_lead(rid)

    def _on_header_sort(self, section: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if not self.model.is_sortable(section):
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
            header.blockSignals(False)
            return
        self.model.sort(section, order)
        self._select(self.form.record_id)

    def _select(self, rid: str | None) -> None:
        row = self.model.find_row(rid, limit=400) if rid else None
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            if row is None:
                selection.clearSelection()
                return
            index = self.model.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._syncing = False

    def _update_buttons(self, *_args: object) -> None:
        stored = bool(self.form.record_id)
        status = self.form.lead_status.currentData()
        open_lead = status in OPEN_STATUSES
        self.save_button.setEnabled(self.form.dirty)
        self.delete_button.setEnabled(stored)
        self.qualify_button.setEnabled(
            stored and status in (LeadStatus.UNQUALIFIED, LeadStatus.MQL)
        )
        self.convert_button.setEnabled(
            stored and open_lead and status != LeadStatus.UNQUALIFIED
        )

    def _confirm_leave(self) -> bool:
        if not self.form.dirty:
            return True
        answer = ask_unsaved(
            self,
            _t("Unsaved changes"),
            _t("Save the changes to %1?").replace("%1", self.form.heading.text()),
        )
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            rid = self.form.record_id
            if rid:
                self.open_lead(rid)
            else:
                self.form.load(None)
            return True
        return False
