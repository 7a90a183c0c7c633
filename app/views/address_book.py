"""The address book: person and organisation lists with search, filters and forms.

Left the windowed list, right the form of the selected record. Search runs as
you type (debounced) through the FTS index; filters narrow the list; the count
shows how many records match, which is the customer/prospect list
(Kunden- oder Interessentenliste) that "Export list…" writes out.
"""

from __future__ import annotations

import logging

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import ListFilter, RelationStatus
from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError, UserError, ValidationError
from app.services.addresses import AddressService
from app.services.lists import SEARCH_CAP
from app.views.forms.organisation_form import OrganisationForm
from app.views.forms.person_form import PersonForm
from app.views.forms.record_form import RecordForm
from app.views.labels import status_text
from app.views.tablemodels.addresses import OrganisationTableModel, PersonTableModel
from app.views.tablemodels.windowed import WindowedTableModel

log = logging.getLogger(__name__)

PERSONS, ORGANISATIONS = 0, 1


class AddressBookView(QWidget):
    """Persons and organisations: list, search, filter, edit, delete with undo.

    Signals:
        sig_data_changed(object, object): a save or delete here (Changes, self).
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)

    def __init__(self, service: AddressService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._last_deleted: tuple[int, str, str] | None = None
        self.persons = PersonTableModel(service, self)
        self.organisations = OrganisationTableModel(service, self)
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.reload_pick_lists()
        self.apply_filter()

    # ---- construction

    def _build(self) -> None:
        self.kind_tabs = QTabBar()
        self.kind_tabs.setObjectName("kindTabs")
        self.kind_tabs.addTab(self.tr("Persons"))
        self.kind_tabs.addTab(self.tr("Organisations"))
        self.kind_tabs.currentChanged.connect(self._on_kind_tabs_changed)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, e-mail, phone, city, organisation … (Ctrl+F)")
        )
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in RelationStatus:
            self.status_filter.addItem(status_text(status), status)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.postcode_filter = QLineEdit()
        self.postcode_filter.setPlaceholderText(self.tr("Postcode from"))
        self.postcode_filter.setMaximumWidth(120)
        self.postcode_filter.textChanged.connect(lambda _t: self._search_timer.start())
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.new_button = QPushButton(self.tr("New person"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_record)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button = QPushButton(self.tr("Undo delete"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.kind_tabs)
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.postcode_filter)
        top.addWidget(self.new_button)
        info = QHBoxLayout()
        info.addWidget(self.count_label, 1)
        info.addWidget(self.undo_button)
        info.addWidget(self.delete_button)

        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._set_model(self.persons)

        self.person_form = PersonForm(self._service.find_organisations)
        self.org_form = OrganisationForm()
        self.org_form.sig_person_open_requested.connect(self.open_person)
        self.forms = QStackedWidget()
        self.forms.addWidget(self.person_form)
        self.forms.addWidget(self.org_form)
        for form in (self.person_form, self.org_form):
            form.sig_dirty_changed.connect(self._on_form_dirty_changed)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Discard changes"))
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(16, 6, 16, 10)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right.setObjectName("detailPane")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.forms, 1)
        right_layout.addLayout(buttons)

        self.empty_state = QLabel(self.table.viewport())
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(info)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._on_form_dirty_changed(False)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_current)

    def _set_model(self, model: WindowedTableModel) -> None:
        old = self.table.selectionModel()
        self.table.setModel(model)
        if old is not None:
            old.deleteLater()
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        for i, col in enumerate(model._columns):  # noqa: SLF001 - fixed widths, never ResizeToContents
            self.table.setColumnWidth(i, col.width)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    # ---- public API

    @property
    def model(self) -> WindowedTableModel:
        """The list model shown now."""
        return self.persons if self.kind_tabs.currentIndex() == PERSONS else self.organisations

    @property
    def form(self) -> RecordForm:
        """The form shown now."""
        return self.person_form if self.kind_tabs.currentIndex() == PERSONS else self.org_form

    def reload_pick_lists(self) -> None:
        """Refresh owners and industries in the forms."""
        users = self._service.users()
        self.person_form.set_users(users)
        self.org_form.set_users(users)
        self.org_form.set_industries(self._service.industries())

    def current_filter(self) -> ListFilter:
        """The filter the list shows."""
        status = self.status_filter.currentData()
        return ListFilter(
            search=self.search.text().strip(),
            status=frozenset({status}) if status else frozenset(),
            postcode_prefix=self.postcode_filter.text().strip(),
        )

    def apply_filter(self) -> None:
        """Re-run the list with the current search and filters."""
        flt = self.current_filter()
        for model in (self.persons, self.organisations):
            model.filter = flt
        self.model.refresh()
        self._update_count()
        if self.model.total and not self.form.dirty:
            self.table.selectRow(0)

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.search.setFocus()
        self.search.selectAll()

    def show_kind(self, kind: int) -> None:
        """Switch between persons and organisations."""
        self.kind_tabs.setCurrentIndex(kind)

    def new_record(self) -> None:
        """Ctrl+N: an empty form for a new person or organisation."""
        if not self._confirm_leave():
            return
        self.table.clearSelection()
        self.form.load(None)
        focus = self.person_form.last_name if self.form is self.person_form else self.org_form.name
        focus.setFocus()

    def open_person(self, person_id: str) -> None:
        """Show the person ``person_id`` (e.g. from an organisation's contacts)."""
        if not self._confirm_leave():
            return
        self.kind_tabs.blockSignals(True)
        self.kind_tabs.setCurrentIndex(PERSONS)
        self.kind_tabs.blockSignals(False)
        self.forms.setCurrentIndex(PERSONS)
        self._set_model(self.persons)
        self._load_record(person_id)
        self._update_count()

    def save(self) -> bool:
        """Ctrl+S: validate and store the form; errors appear next to fields."""
        form = self.form
        try:
            data: Any = form.value()
            if form is self.person_form:
                if form.record_id:
                    record, changes = self._service.update_person(form.record_id, data)
                else:
                    record, changes = self._service.create_person(data)
            elif form.record_id:
                record, changes = self._service.update_organisation(form.record_id, data)
            else:
                record, changes = self._service.create_organisation(data)
        except ValidationError as exc:
            form.show_errors(exc)
            self.sig_status_message.emit(self.tr("Not saved: please correct the marked fields."))
            return False
        except UserError as exc:
            form.general_error.show_error(str(exc))
            return False
        form.load(record)  # type: ignore[arg-type]
        self.model.refresh()
        self._update_count()
        self._select_id(record.id)
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(self.tr("Saved."))
        return True

    def revert(self) -> None:
        """Throw away edits and show the stored record again."""
        rid = self.form.record_id
        if rid:
            self._load_record(rid)
        else:
            self.form.load(None)

    def delete_current(self) -> None:
        """Delete the selected record; Undo brings it back."""
        rid = self.form.record_id
        if not rid:
            return
        kind = self.kind_tabs.currentIndex()
        name = self.form.heading.text()
        changes = (
            self._service.delete_person(rid)
            if kind == PERSONS
            else self._service.delete_organisation(rid)
        )
        self._last_deleted = (kind, rid, name)
        self.undo_button.setText(self.tr("Undo delete of %1").replace("%1", name))
        self.undo_button.show()
        self.form.load(None)
        self.apply_filter()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(self.tr("Deleted %1. Ctrl+Z brings it back.").replace("%1", name))

    def undo_delete(self) -> None:
        """Ctrl+Z: restore the record deleted last."""
        if self._last_deleted is None:
            return
        kind, rid, name = self._last_deleted
        self._last_deleted = None
        self.undo_button.hide()
        changes = (
            self._service.restore_person(rid)
            if kind == PERSONS
            else self._service.restore_organisation(rid)
        )
        self.show_kind(kind)
        self.apply_filter()
        self._load_record(rid)
        self._select_id(rid)
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(self.tr("Restored %1.").replace("%1", name))

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh what this view shows when another part of the app wrote."""
        if initiator is self:
            return
        if changes.touches(EntityKind.USER) or changes.touches(EntityKind.INDUSTRY):
            self.reload_pick_lists()
        if changes.touches(EntityKind.PERSON) or changes.touches(EntityKind.ORGANISATION):
            self.apply_filter()

    # ---- slots

    def _on_kind_tabs_changed(self, index: int) -> None:
        self.forms.setCurrentIndex(index)
        self.new_button.setText(self.tr("New person") if index == PERSONS else self.tr("New organisation"))
        self._set_model(self.model)
        self.model.filter = self.current_filter()
        self.model.refresh()
        self._update_count()
        if self.model.total:
            self.table.selectRow(0)
        else:
            self.form.load(None)

    def _on_table_current_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        rid = self.model.row_id(current.row())
        if rid and rid != self.form.record_id:
            if not self._confirm_leave():
                return
            self._load_record(rid)

    def _on_form_dirty_changed(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.delete_button.setEnabled(bool(self.form.record_id))

    # ---- helpers

    def _load_record(self, rid: str) -> None:
        try:
            if self.form is self.person_form:
                self.person_form.load(self._service.get_person(rid))
            else:
                self.org_form.load(self._service.get_organisation(rid))
        except NotFoundError:
            self.form.load(None)
        self._on_form_dirty_changed(False)

    def _select_id(self, rid: str) -> None:
        row = self.model.find_row(rid)
        if row is None:
            return
        self.table.blockSignals(True)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.blockSignals(False)
        self.table.scrollTo(self.model.index(row, 0))

    def _confirm_leave(self) -> bool:
        if not self.form.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to %1?").replace("%1", self.form.heading.text()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _update_count(self) -> None:
        total = self.model.total
        locale = QLocale()
        number = locale.toString(total)
        if self.current_filter().search and total >= SEARCH_CAP:
            text = self.tr("More than %1 matches — type more to narrow the search").replace(
                "%1", locale.toString(SEARCH_CAP)
            )
        elif self.kind_tabs.currentIndex() == PERSONS:
            text = self.tr("%1 persons").replace("%1", number)
        else:
            text = self.tr("%1 organisations").replace("%1", number)
        self.count_label.setText(text)
        self.delete_button.setEnabled(bool(self.form.record_id))
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.model.total:
            self.empty_state.hide()
            return
        filtered = self.current_filter()
        if filtered.search or filtered.status or filtered.postcode_prefix:
            text = self.tr("Nothing matches. Check the spelling or clear the filters.")
        elif self.kind_tabs.currentIndex() == PERSONS:
            text = self.tr("No persons yet.\nClick “New person” (Ctrl+N) or load demo data from the File menu.")
        else:
            text = self.tr("No organisations yet.\nClick “New organisation” (Ctrl+Shift+N) or load demo data from the File menu.")
        self.empty_state.setText(text)
        self.empty_state.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        self.empty_state.show()
        self.empty_state.raise_()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if hasattr(self, "empty_state") and self.empty_state.isVisible():
            self._update_empty_state()


