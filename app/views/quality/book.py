"""What the quality area adds to the address book.

* A "Custom fields" section in the person and organisation forms (with the
  record's tags), validated before and stored after the record's own save.
* A non-blocking banner while a record is typed: "Possible duplicate: … —
  Open / Merge …", from the index-only entry check (a few ms).
* Bulk tagging from the list: select several rows, right click → Add tag /
  Remove tag / Mass update …
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import ListFilter
from app.domain.changes import Changes, EntityKind
from app.domain.custom_fields import CustomFieldDef, CustomValue, FieldType
from app.domain.errors import UserError, ValidationError
from app.domain.quality import DedupKind, DuplicatePair
from app.services.addresses import AddressService
from app.services.lists import Sort
from app.services.quality import QualityServices
from app.views.address_book import PERSONS, AddressBookView
from app.views.forms.record_form import RecordForm, section_title
from app.views.quality.custom_section import CustomFieldsSection, TagPickerDialog
from app.views.quality.merge_dialog import MergeDialog
from app.views.quality.texts import reason_text, value_text
from app.views.tablemodels.windowed import Column

if TYPE_CHECKING:
    from app.views.quality.integration import QualityUi


def _t(text: str) -> str:
    return QCoreApplication.translate("BookQuality", text)


class DuplicateBanner(QFrame):
    """A quiet yellow strip above the form; never blocks typing or saving.

    Signals:
        sig_open_requested(str): show that record.
        sig_merge_requested(str): merge the shown record with that one.
    """

    sig_open_requested = Signal(str)
    sig_merge_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._other = ""
        self.dismissed: set[str] = set()
        self.setObjectName("duplicateBanner")
        self.setStyleSheet(
            "QFrame#duplicateBanner { background: #fff8c5; border: 1px solid #d4a72c;"
            " border-radius: 6px; } QLabel { background: transparent; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton(_t("Open"))
        self.merge_button = QPushButton(_t("Merge …"))
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(_t("Not a duplicate — hide"))
        close.clicked.connect(self.dismiss)
        self.open_button.clicked.connect(
            lambda: self.sig_open_requested.emit(self._other)
        )
        self.merge_button.clicked.connect(
            lambda: self.sig_merge_requested.emit(self._other)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.merge_button)
        layout.addWidget(close)
        self.hide()

    @property
    def other_id(self) -> str:
        """The record the banner points at."""
        return self._other

    def show_pair(self, pair: DuplicatePair | None, *, can_merge: bool) -> None:
        """Show the best match (``None`` hides the banner)."""
        if pair is None or pair.b.id in self.dismissed:
            self.hide()
            return
        self._other = pair.b.id
        b = pair.b
        where = " ".join(p for p in (b.postcode, b.city) if p)
        details = " · ".join(p for p in (where, b.email or b.phone) if p)
        why = ", ".join(reason_text(r) for r in pair.reasons[:3])
        self.text.setText(
            _t("Possible duplicate: %1 (%2) — %3")
            .replace("%1", b.name)
            .replace("%2", details or "—")
            .replace("%3", why)
        )
        self.merge_button.setVisible(can_merge)
        self.show()

    def dismiss(self) -> None:
        """Hide the banner for this record until the next start."""
        if self._other:
            self.dismissed.add(self._other)
        self.hide()


def custom_column(d: CustomFieldDef) -> Column:
    """A list column showing custom field ``d`` (rows are :class:`Decorated`)."""

    def title() -> str:
        return d.label

    def cell(row: Any) -> str:
        return value_text(d, row.custom.get(d.key))

    return Column(d.column_key, title, cell, width=140)


class Decorated:
    """A list row with its custom values: the list's columns read the row,
    custom-field columns read :attr:`custom`."""

    __slots__ = ("custom", "row")

    def __init__(self, row: Any, custom: dict[str, CustomValue]) -> None:
        self.row = row
        self.custom = custom

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


class BookQuality(QObject):
    """Custom fields, tags, the duplicate banner and bulk actions in the address book."""

    def __init__(
        self,
        ui: QualityUi,
        book: AddressBookView,
        quality: QualityServices,
        addresses: AddressService,
    ) -> None:
        super().__init__(book)
        self.ui = ui
        self.book = book
        self.quality = quality
        self._addresses = addresses
        self._parsed: dict[str, CustomValue] = {}
        self.sections: dict[str, CustomFieldsSection] = {}
        for kind, form in (
            ("person", book.person_form),
            ("organisation", book.org_form),
        ):
            section = CustomFieldsSection(self._search_links)
            section.sig_changed.connect(form.mark_dirty)
            section.sig_tags_requested.connect(lambda k=kind: self.edit_tags(k))
            form.body.insertWidget(1, section_title(_t("Custom fields and tags")))
            form.body.insertWidget(2, section)
            form.extra_sections.append(section)
            self.sections[kind] = section
        book.before_save.append(self._check)
        book.after_save.append(self._store)
        book.sig_record_shown.connect(lambda _k, _id: self.load_record())
        self.banner = DuplicateBanner()
        host = book.forms.parentWidget()
        layout = host.layout() if host is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.banner)
        self.banner.sig_open_requested.connect(self._open_other)
        self.banner.sig_merge_requested.connect(self._merge_with)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.check_duplicates)
        self._watch(book.person_form)
        self._watch(book.org_form)
        self._build_list_menu()
        self.shown: dict[str, set[str]] = {"person": set(), "organisation": set()}
        header = book.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.column_menu().popup(header.mapToGlobal(pos))
        )
        self.reload_definitions()

    # ---- custom fields

    @property
    def kind(self) -> str:
        """``person`` or ``organisation``: the form shown."""
        return "person" if self.book.kind == PERSONS else "organisation"

    def reload_definitions(self) -> None:
        """Rebuild the sections from the current definitions, then reload values."""
        for kind, section in self.sections.items():
            section.set_definitions(
                self.quality.custom_fields.definitions(kind, active_only=True)
            )
        self.load_record()

    def load_record(self) -> None:
        """Show the custom values and tags of the record in the form."""
        form = self.book.form
        section = self.sections[self.kind]
        rid = form.record_id
        if rid is None:
            section.load_values({})
            section.set_tags([], enabled=False)
            self.banner.hide()
            return
        values = self.quality.custom_fields.values(self.kind, rid)
        names: dict[str, str] = {}
        for d in section.definitions:
            if d.field_type in (
                FieldType.PERSON,
                FieldType.ORGANISATION,
            ) and values.get(d.key):
                names |= self.quality.custom_fields.link_names(
                    d.field_type, [str(values[d.key])]
                )
        section.load_values(values, names)
        section.set_tags(self.quality.tags.tags_of(self.kind, rid))
        self.banner.hide()

    def edit_tags(self, kind: str) -> None:
        """Choose the tags of the shown record."""
        rid = self.book.form.record_id
        if rid is None:
            return
        current = {t.id for t in self.quality.tags.tags_of(kind, rid)}
        dialog = TagPickerDialog(self.quality.tags.tags(), current, self.book)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        changes = self.quality.tags.set_tags(kind, rid, dialog.chosen())
        self.sections[kind].set_tags(self.quality.tags.tags_of(kind, rid))
        self.book.sig_data_changed.emit(changes | Changes.of(EntityKind.TAG), self)

    def _check(self, form: RecordForm) -> None:
        kind = "person" if form is self.book.person_form else "organisation"
        self._parsed = self.quality.custom_fields.validate(
            kind, self.sections[kind].raw_values()
        )

    def _store(self, form: RecordForm, record_id: str) -> Changes:
        kind = "person" if form is self.book.person_form else "organisation"
        return self.quality.custom_fields.save_values(kind, record_id, self._parsed)

    def _search_links(self, field_type: FieldType, text: str) -> list[tuple[str, str]]:
        if len(text.strip()) < 2:
            return []
        addresses = self._addresses
        if field_type is FieldType.ORGANISATION:
            return [
                (o.id, o.name) for o in addresses.find_organisations(text, limit=15)
            ]
        _total, page = addresses.first_person_page(
            ListFilter(search=text), Sort("name"), limit=15
        )
        return [
            (p.id, f"{p.first_name} {p.last_name} · {p.organisation}".strip(" ·"))
            for p in page.rows
        ]

    # ---- duplicate banner

    def _watch(self, form: RecordForm) -> None:
        names = ("first_name", "last_name", "name", "uid")
        for name in names:
            widget = getattr(form, name, None)
            if widget is not None:
                widget.textEdited.connect(lambda _t: self._timer.start())
        form.channels.sig_content_changed.connect(self._timer.start)
        form.addresses.sig_content_changed.connect(self._timer.start)

    def check_duplicates(self) -> DuplicatePair | None:
        """Look for records like the one in the form (shows the banner)."""
        form = self.book.form
        if not form.dirty:
            return None
        try:
            data = form.value()
        except (ValidationError, UserError):
            return None
        dedup = self.quality.dedup
        rid = form.record_id
        found = (
            dedup.check_person(data, exclude_id=rid, limit=1)
            if self.kind == "person"
            else dedup.check_organisation(data, exclude_id=rid, limit=1)
        )
        pair = found[0] if found else None
        self.banner.show_pair(pair, can_merge=rid is not None)
        return pair

    def _open_other(self, other: str) -> None:
        self.banner.hide()
        self.ui.open_record(self.kind, other)

    def _merge_with(self, other: str) -> None:
        rid = self.book.form.record_id
        if rid is None:
            return
        if self.book.form.dirty and not self.book.save():
            return
        kind = DedupKind(self.kind)
        dialog = MergeDialog(self.quality.merge, kind, rid, other, self.book)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_ is not None:
            self.banner.hide()
            self.book.sig_data_changed.emit(dialog.changes, self)
            self.book.apply_filter()
            self.ui.open_record(self.kind, dialog.result_.survivor_id)

    # ---- custom fields as list columns

    def column_menu(self) -> QMenu:
        """The list header's menu: which custom fields to show as columns."""
        menu = QMenu(self.book)
        kind = self.kind
        defs = self.quality.custom_fields.definitions(kind, active_only=True)
        menu.addSection(_t("Custom fields as columns"))
        for d in defs:
            action = QAction(d.label, menu)
            action.setCheckable(True)
            action.setChecked(d.key in self.shown[kind])
            action.toggled.connect(lambda on, k=d.key: self.show_column(kind, k, on=on))
            menu.addAction(action)
        if not defs:
            none = QAction(_t("No custom fields defined"), menu)
            none.setEnabled(False)
            menu.addAction(none)
        return menu

    def show_column(self, kind: str, key: str, *, on: bool) -> None:
        """Show (or hide) the custom field ``key`` as a column of the list."""
        if on:
            self.shown[kind].add(key)
        else:
            self.shown[kind].discard(key)
        self.apply_columns(kind)

    def apply_columns(self, kind: str) -> None:
        """Give the list of ``kind`` its chosen custom-field columns."""
        custom = self.quality.custom_fields
        defs = [
            d
            for d in custom.definitions(kind, active_only=True)
            if d.key in self.shown[kind]
        ]
        columns = [custom_column(d) for d in defs]

        def decorate(rows: Sequence[Any]) -> list[Decorated]:
            values = custom.values_for(kind, [r.id for r in rows if r.id])
            return [Decorated(r, values.get(r.id, {})) for r in rows]

        model = self.book.persons if kind == "person" else self.book.organisations
        model.set_extra_columns(columns, decorate if columns else None)
        if model is self.book.model:
            for i, col in enumerate(model.columns):
                self.book.table.setColumnWidth(i, col.width)

    # ---- bulk actions on the list

    def _build_list_menu(self) -> None:
        table = self.book.table
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda pos: self.list_menu().popup(table.viewport().mapToGlobal(pos))
        )

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows of the list."""
        model = self.book.model
        rows = sorted(
            {i.row() for i in self.book.table.selectionModel().selectedRows()}
        )
        return [rid for rid in (model.row_id(r) for r in rows) if rid]

    def list_menu(self) -> QMenu:
        """The list's context menu for the selection."""
        menu = QMenu(self.book)
        ids = self.selected_ids()
        add = menu.addMenu(_t("Add tag"))
        remove = menu.addMenu(_t("Remove tag"))
        for tag in self.quality.tags.tags(with_counts=False):
            for sub, on in ((add, True), (remove, False)):
                action = QAction(tag.path, sub)
                action.triggered.connect(
                    lambda _c=False, t=tag.id, o=on: self.bulk_tag(t, on=o)
                )
                sub.addAction(action)
        menu.addSeparator()
        mass = QAction(_t("Mass update …"), menu)
        mass.triggered.connect(
            lambda: self.ui.mass_update(self.kind, self.selected_ids(), _t("selection"))
        )
        menu.addAction(mass)
        for action in menu.actions():
            action.setEnabled(bool(ids))
        return menu

    def bulk_tag(self, tag_id: str, *, on: bool) -> int:
        """Tag or untag the selected records."""
        ids = self.selected_ids()
        count, changes = self.quality.tags.bulk(self.kind, ids, tag_id, on=on)
        self.load_record()
        self.book.sig_data_changed.emit(changes, self)
        if on:
            text = QCoreApplication.translate(
                "BookQuality", "Tag added to %n record(s).", "", count
            )
        else:
            text = QCoreApplication.translate(
                "BookQuality", "Tag removed from %n record(s).", "", count
            )
        self.book.sig_status_message.emit(text)
        return count
