"""The address book: person and organisation lists with search, filters and forms.

Left the windowed list, right the form of the selected record. Search runs as
you type (debounced) through the FTS index; filters narrow the list; the count
shows how many records match, which is the customer/prospect list
(Kunden- oder Interessentenliste) that "Export list…" writes out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import ListFilter, Organisation, Person, RelationStatus
from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError, UserError, ValidationError
from app.services.addresses import AddressService
from app.services.lists import SEARCH_CAP
from app.views.empty_state import EmptyState
from app.views.forms.organisation_form import OrganisationForm
from app.views.forms.person_form import PersonForm
from app.views.forms.record_form import RecordForm
from app.views.labels import error_text, status_text
from app.views.prompts import Unsaved, ask_unsaved
from app.views.record_table import RecordTable
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
    sig_record_shown = Signal(int, object)  # kind, id (None: new or none)

    def __init__(self, service: AddressService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        #: Extensions of the forms (custom fields): checks that raise a
        #: ValidationError before a save, and writers after it.
        self.before_save: list[Callable[[RecordForm], None]] = []
        self.after_save: list[Callable[[RecordForm, str], Changes]] = []
        self._last_deleted: tuple[int, str, str] | None = None
        self._syncing_selection = False
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

        self.table = RecordTable()
        # Sorting is ours, not the view's (setSortingEnabled): only some
        # columns can be sorted, and the selection must follow the record.
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
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
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.forms, 1)
        details_layout.addLayout(buttons)
        # other capabilities add tabs beside the form (add_detail_tab)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("detailTabs")
        self.detail_tabs.setDocumentMode(True)
        self.detail_tabs.setTabBarAutoHide(True)
        self.detail_tabs.addTab(details, self.tr("Details"))
        right_layout.addWidget(self.detail_tabs, 1)
        for form in (self.person_form, self.org_form):
            form.sig_record_changed.connect(lambda _id: self._emit_record_shown())
        self.forms.currentChanged.connect(lambda _i: self._emit_record_shown())

        self.empty_state = EmptyState(self.table)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(info)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)  # the list scrolls sideways anyway;
        self.splitter.setStretchFactor(1, 1)  # the form needs room for its rows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            self._on_header_sort_changed
        )
        self._build_actions()
        self._on_form_dirty_changed(False)

    def _build_actions(self) -> None:
        """Keyboard actions while the focus is in the address book.

        They are actions rather than bare shortcuts so the main window can put
        the same objects into its menus (one shortcut per key; two would be
        ambiguous and neither would fire). Their menu texts are the main
        window's; here they only carry the keys.
        """
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.act_find = QAction(self)
        self.act_find.setShortcut(QKeySequence.StandardKey.Find)
        self.act_find.triggered.connect(self.focus_search)
        self.act_save = QAction(self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save)
        self.act_undo = QAction(self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_undo.triggered.connect(self.undo_delete)
        self.act_undo.setEnabled(False)
        self.act_delete = QAction(self)
        self.act_delete.setShortcut(QKeySequence("Ctrl+Delete"))
        self.act_delete.triggered.connect(self.delete_current)
        for action in (self.act_find, self.act_save, self.act_undo, self.act_delete):
            action.setShortcutContext(context)
            self.addAction(action)
        # plain Delete only in the list, never while typing in or tabbing through the form
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

    def _set_model(self, model: WindowedTableModel) -> None:
        old = self.table.selectionModel()
        self.table.setModel(model)
        if old is not None:
            old.deleteLater()
        self.table.selectionModel().currentRowChanged.connect(
            self._on_table_current_changed
        )
        self.table.set_column_widths()
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # show the model's order; do not re-sort
        header.setSortIndicator(model.sort_column(), model.sort_order())
        header.blockSignals(False)

    # ---- public API

    @property
    def kind(self) -> int:
        """:data:`PERSONS` or :data:`ORGANISATIONS`, whichever list and form are shown.

        The form stack, not the tab bar, is the truth: while the user answers
        the unsaved-changes question the tab bar already shows the new kind.
        """
        return self.forms.currentIndex()

    @property
    def model(self) -> WindowedTableModel:
        """The list model shown now."""
        return self.persons if self.kind == PERSONS else self.organisations

    @property
    def form(self) -> RecordForm:
        """The form shown now."""
        return self.person_form if self.kind == PERSONS else self.org_form

    def add_detail_tab(self, widget: QWidget, title: str) -> int:
        """Show ``widget`` as a tab beside the form (e.g. the record's history)."""
        return self.detail_tabs.addTab(widget, title)

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
        self._select_id(None)
        self.form.load(None)
        focus = (
            self.person_form.last_name
            if self.form is self.person_form
            else self.org_form.name
        )
        focus.setFocus()

    def open_person(self, person_id: str) -> None:
        """Show the person ``person_id`` (e.g. from an organisation's contacts)."""
        if not self._confirm_leave():
            return
        self.kind_tabs.blockSignals(True)
        self.kind_tabs.setCurrentIndex(PERSONS)
        self.kind_tabs.blockSignals(False)
        self.forms.setCurrentIndex(PERSONS)
        self._on_kind_changed()
        self._set_model(self.persons)
        self.persons.refresh()
        self._update_count()
        self._load_record(person_id)
        self._select_id(person_id)

    def open_organisation(self, org_id: str) -> None:
        """Show the organisation ``org_id`` (e.g. from the duplicate review)."""
        if not self._confirm_leave():
            return
        self.show_kind(ORGANISATIONS)
        self._load_record(org_id)
        self._select_id(org_id)

    def save(self) -> bool:
        """Ctrl+S: validate and store the form; errors appear next to fields."""
        form = self.form
        try:
            for check in self.before_save:  # extra sections (custom fields)
                check(form)
            record, changes = self._store()
        except ValidationError as exc:
            form.show_errors(exc)
            self.sig_status_message.emit(
                self.tr("Not saved: please correct the marked fields.")
            )
            return False
        except UserError as exc:
            form.general_error.show_error(error_text(exc.code, exc.message))
            return False
        for store in self.after_save:
            changes = changes | store(form, record.id)
        form.load(record)
        self.model.refresh()
        self._update_count()
        self._select_id(record.id)
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(self.tr("Saved."))
        return True

    def _store(self) -> tuple[Person | Organisation, Changes]:
        """Create or update the record of the shown form."""
        if self.kind == PERSONS:
            person = self.person_form.value()
            pid = self.person_form.record_id
            if pid:
                return self._service.update_person(pid, person)
            return self._service.create_person(person)
        org = self.org_form.value()
        oid = self.org_form.record_id
        if oid:
            return self._service.update_organisation(oid, org)
        return self._service.create_organisation(org)

    def revert(self) -> None:
        """Throw away edits and show the stored record again."""
        self.sig_status_message.emit("")  # a "not saved" note no longer applies
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
        kind = self.kind
        name = self.form.heading.text()
        changes = (
            self._service.delete_person(rid)
            if kind == PERSONS
            else self._service.delete_organisation(rid)
        )
        self._last_deleted = (kind, rid, name)
        self.undo_button.setText(self.tr("Undo delete of %1").replace("%1", name))
        self.undo_button.show()
        self.act_undo.setEnabled(True)
        self.form.load(None)
        self.apply_filter()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(
            self.tr("Deleted %1. Ctrl+Z brings it back.").replace("%1", name)
        )

    def undo_delete(self) -> None:
        """Ctrl+Z: restore the record deleted last."""
        if self._last_deleted is None or not self._confirm_leave():
            return
        kind, rid, name = self._last_deleted
        self._last_deleted = None
        self.undo_button.hide()
        self.act_undo.setEnabled(False)
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
        if changes.touches(EntityKind.PERSON) or changes.touches(
            EntityKind.ORGANISATION
        ):
            self.apply_filter()

    # ---- slots

    def _on_kind_tabs_changed(self, index: int) -> None:
        if index == self.kind:
            return
        if not self._confirm_leave():
            self.kind_tabs.blockSignals(True)
            self.kind_tabs.setCurrentIndex(self.kind)
            self.kind_tabs.blockSignals(False)
            return
        self.forms.setCurrentIndex(index)
        self._on_kind_changed()
        self._set_model(self.model)
        self.model.refresh()
        self._update_count()
        rid = self.form.record_id
        if rid and self.model.find_row(rid) is not None:
            # back to the record shown before, read afresh: saving on the other
            # tab may have changed it (e.g. an organisation's contact persons)
            self._load_record(rid)
            self._select_id(rid)
        elif self.model.total:
            self.table.selectRow(0)
        else:
            self.form.load(None)

    def _on_kind_changed(self) -> None:
        self.new_button.setText(
            self.tr("New person")
            if self.kind == PERSONS
            else self.tr("New organisation")
        )

    def _on_table_current_changed(
        self, current: QModelIndex, _previous: QModelIndex
    ) -> None:
        if self._syncing_selection or not current.isValid():
            return
        rid = self.model.row_id(current.row())
        if not rid or rid == self.form.record_id:
            return
        asked = self.form.dirty
        if not self._confirm_leave():
            # the view selects the clicked row after this slot; put it back after
            self._sync_selection_later()
            return
        self._load_record(rid)
        if asked:  # a save may have re-read the list under the view's feet
            self._sync_selection_later()

    def _on_header_sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        model = self.model
        if not model.is_sortable(section):  # leave order and indicator as they are
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column(), model.sort_order())
            header.blockSignals(False)
            return
        model.sort(section, order)
        self._select_id(self.form.record_id)

    def _on_form_dirty_changed(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.act_save.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self._update_delete_enabled()

    def _update_delete_enabled(self) -> None:
        stored = bool(self.form.record_id)
        self.delete_button.setEnabled(stored)
        self.act_delete.setEnabled(stored)

    # ---- helpers

    def _emit_record_shown(self) -> None:
        self.sig_record_shown.emit(self.kind, self.form.record_id)

    def _load_record(self, rid: str) -> None:
        try:
            if self.form is self.person_form:
                self.person_form.load(self._service.get_person(rid))
            else:
                self.org_form.load(self._service.get_organisation(rid))
        except NotFoundError:
            self.form.load(None)
        self._on_form_dirty_changed(False)

    def _select_id(self, rid: str | None) -> None:
        """Select the row of ``rid`` without reloading the form (none: no row)."""
        row = self.model.find_row(rid) if rid else None
        selection = self.table.selectionModel()
        self._syncing_selection = True
        try:
            if row is None:
                selection.clearSelection()
                selection.clearCurrentIndex()
                return
            index = self.model.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._syncing_selection = False

    def _sync_selection_later(self) -> None:
        """Select the form's record once the view has finished its own update."""
        QTimer.singleShot(0, self, lambda: self._select_id(self.form.record_id))

    def _confirm_leave(self) -> bool:
        if not self.form.dirty:
            return True
        answer = ask_unsaved(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to %1?").replace("%1", self.form.heading.text()),
        )
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            self.revert()  # a hidden form must not stay dirty
            return True
        return False

    def _update_count(self) -> None:
        total = self.model.total
        locale = QLocale()
        if self.current_filter().search and total >= SEARCH_CAP:
            text = self.tr(
                "More than %1 matches — type more to narrow the search"
            ).replace("%1", locale.toString(SEARCH_CAP))
        elif self.kind_tabs.currentIndex() == PERSONS:
            text = self.tr("%Ln person(s)", "", total)
        else:
            text = self.tr("%Ln organisation(s)", "", total)
        self.count_label.setText(text)
        self._update_delete_enabled()
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.model.total:
            self.empty_state.hide()
            return
        filtered = self.current_filter()
        if filtered.search or filtered.status or filtered.postcode_prefix:
            text = self.tr("Nothing matches. Check the spelling or clear the filters.")
        elif self.kind_tabs.currentIndex() == PERSONS:
            text = self.tr(
                "No persons yet.\nClick “New person” (Ctrl+N) or load demo data from the File menu."
            )
        else:
            text = self.tr(
                "No organisations yet.\nClick “New organisation” (Ctrl+Shift+N) or load demo data from the File menu."
            )
        self.empty_state.show_text(text)
