"""Editors for a record's child rows: channels, addresses, employments.

Each editor is a vertical list of row widgets with an Add button, so every row
can show its own inline error (``channels[2].value`` → row 2, value field).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import (
    AddressData,
    AddressKind,
    ChannelData,
    ChannelKind,
    EmploymentData,
    OrganisationRow,
)
from app.services.validation import format_phone
from app.views.forms.errors import ErrorLabel, mark
from app.views.labels import address_kind_text, channel_text


def _t(text: str) -> str:
    return QCoreApplication.translate("ChildEditors", text)


class _RowsEditor(QWidget):
    """A list of row widgets plus an Add button.

    Signals:
        sig_content_changed: any row was added, removed or edited.
    """

    sig_content_changed = Signal()

    def __init__(self, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("addRowButton")
        self.add_button.clicked.connect(lambda: self._append(None, focus=True))
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        self._layout.addLayout(bar)

    def _make_row(self, item: Any) -> QWidget:
        raise NotImplementedError

    def _append(self, item: Any, *, focus: bool = False) -> QWidget:
        row = self._make_row(item)
        self._rows.append(row)
        self._layout.insertWidget(len(self._rows) - 1, row)
        if focus:
            row.show()  # the layout would show it on the next loop: too late for focus
            row.setFocus()
        self.sig_content_changed.emit()
        return row

    def _remove(self, row: QWidget) -> None:
        self._rows.remove(row)
        self._drop(row)
        self.sig_content_changed.emit()

    def _drop(self, row: QWidget) -> None:
        # Hidden and out of the layout but still a child until deleted: a row
        # given no parent became a top-level window for a moment.
        row.hide()
        self._layout.removeWidget(row)
        row.deleteLater()

    def _on_row_edited(self, *_args: object) -> None:
        # Row widgets' signals carry a value (text, index, checked); the
        # signal carries none, so emitting it straight from them raised.
        self.sig_content_changed.emit()

    def clear(self) -> None:
        """Remove every row."""
        for row in list(self._rows):
            self._rows.remove(row)
            self._drop(row)

    def row_widget(self, index: int) -> QWidget | None:
        """The row widget at ``index``."""
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rows(self) -> list[QWidget]:
        """The row widgets, top to bottom."""
        return list(self._rows)

    def _remove_button(self, row: QWidget) -> QToolButton:
        button = QToolButton()
        button.setText("✕")
        button.setToolTip(_t("Remove this line"))
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self._remove(row))
        return button


class ChannelRow(QWidget):
    """Kind, value, label, primary flag and an inline error."""

    def __init__(
        self, item: ChannelData | None, on_change: Callable[..., None]
    ) -> None:
        super().__init__()
        self.item_id = item.id if item else None
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        for kind in ChannelKind:
            self.kind.addItem(channel_text(kind), kind)
        self.value = QLineEdit()
        self.value.setPlaceholderText(_t("+41 44 123 45 67 or name@example.ch"))
        self.label = QLineEdit()
        self.label.setPlaceholderText(_t("Label"))
        self.label.setToolTip(_t("Label (e.g. office)"))
        self.label.setMaximumWidth(110)
        self.value.setMinimumWidth(170)  # an e-mail address must stay readable
        self.primary = QCheckBox(_t("Primary"))
        self.error = ErrorLabel()
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.value, 0, 1)
        grid.addWidget(self.label, 0, 2)
        grid.addWidget(self.primary, 0, 3)
        grid.addWidget(self.error, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        if item:
            self.kind.setCurrentIndex(self.kind.findData(item.kind))
            shown = (
                format_phone(item.value)
                if item.kind in (ChannelKind.PHONE, ChannelKind.MOBILE, ChannelKind.FAX)
                else item.value
            )
            self.value.setText(shown)
            self.value.setCursorPosition(0)  # show the start of a long address
            self.label.setText(item.label)
            self.primary.setChecked(item.is_primary)
        for signal in (self.value.textEdited, self.label.textEdited):
            signal.connect(on_change)
        self.kind.currentIndexChanged.connect(on_change)
        self.primary.toggled.connect(on_change)
        self.setFocusProxy(self.value)

    def data(self) -> ChannelData:
        """The row as entered."""
        return ChannelData(
            kind=ChannelKind(self.kind.currentData()),
            value=self.value.text(),
            label=self.label.text(),
            is_primary=self.primary.isChecked(),
            id=self.item_id,
        )


class ChannelsEditor(_RowsEditor):
    """Phone numbers, e-mail addresses and web sites of a record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_t("Add phone, e-mail or web"), parent)

    def _make_row(self, item: Any) -> QWidget:
        row = ChannelRow(item, self._on_row_edited)
        row.grid.addWidget(self._remove_button(row), 0, 4)
        return row

    def set_items(self, items: tuple[ChannelData, ...]) -> None:
        """Show ``items`` (replacing what is there)."""
        self.clear()
        for item in items:
            self._append(item)

    def items(self) -> tuple[ChannelData, ...]:
        """The rows as entered."""
        return tuple(row.data() for row in self._rows if isinstance(row, ChannelRow))

    def show_error(self, index: int, text: str) -> None:
        """Put ``text`` under row ``index``."""
        row = self.row_widget(index)
        if isinstance(row, ChannelRow):
            row.error.show_error(text)
            mark(row.value, bool(text))

    def clear_errors(self) -> None:
        """Hide every row error."""
        for i in range(len(self._rows)):
            self.show_error(i, "")


class AddressRow(QWidget):
    """One postal address with inline errors per field."""

    FIELDS = (
        "street",
        "house_number",
        "extra",
        "po_box",
        "postcode",
        "city",
        "region",
        "country",
    )

    def __init__(
        self, item: AddressData | None, on_change: Callable[..., None]
    ) -> None:
        super().__init__()
        self.setObjectName("addressRow")
        self.item_id = item.id if item else None
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        self.kind = QComboBox()
        for kind in AddressKind:
            self.kind.addItem(address_kind_text(kind), kind)
        self.primary = QCheckBox(_t("Primary"))
        self.edits: dict[str, QLineEdit] = {}
        hints = {
            "street": _t("Street"),
            "house_number": _t("No."),
            "extra": _t("Additional line (c/o, floor)"),
            "po_box": _t("PO box"),
            "postcode": _t("Postcode"),
            "city": _t("City"),
            "region": _t("Canton/state"),
            "country": _t("Country"),
        }
        for name in self.FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(hints[name])
            edit.setAccessibleName(hints[name])
            edit.textEdited.connect(on_change)
            self.edits[name] = edit
        self.edits["postcode"].setMaximumWidth(90)
        self.edits["country"].setMaximumWidth(60)
        self.edits["region"].setMaximumWidth(110)
        self.error = ErrorLabel()
        grid.addWidget(self.kind, 0, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.primary, 0, 1)
        grid.addWidget(self.edits["street"], 1, 0)
        grid.addWidget(self.edits["house_number"], 1, 1)
        grid.addWidget(self.edits["extra"], 2, 0)
        grid.addWidget(self.edits["po_box"], 2, 1)
        place = QHBoxLayout()
        for name in ("postcode", "city", "region", "country"):
            place.addWidget(self.edits[name], 1 if name == "city" else 0)
        grid.addLayout(place, 3, 0, 1, 2)
        grid.addWidget(self.error, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnMinimumWidth(1, 130)  # No. and PO box line up
        if item:
            self.kind.setCurrentIndex(self.kind.findData(item.kind))
            self.primary.setChecked(item.is_primary)
            for name in self.FIELDS:
                self.edits[name].setText(str(getattr(item, name)))
        else:
            self.edits["country"].setText("CH")
        self.kind.currentIndexChanged.connect(on_change)
        self.primary.toggled.connect(on_change)
        self.setFocusProxy(self.edits["street"])

    def data(self) -> AddressData:
        """The address as entered."""
        values = {name: edit.text() for name, edit in self.edits.items()}
        return AddressData(
            kind=AddressKind(self.kind.currentData()),
            is_primary=self.primary.isChecked(),
            id=self.item_id,
            **values,
        )


class AddressesEditor(_RowsEditor):
    """Postal addresses of a record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_t("Add address"), parent)

    def _make_row(self, item: Any) -> QWidget:
        row = AddressRow(item, self._on_row_edited)
        row.grid.addWidget(self._remove_button(row), 0, 2)
        return row

    def set_items(self, items: tuple[AddressData, ...]) -> None:
        """Show ``items``."""
        self.clear()
        for item in items:
            self._append(item)

    def items(self) -> tuple[AddressData, ...]:
        """The addresses as entered."""
        return tuple(row.data() for row in self._rows if isinstance(row, AddressRow))

    def show_error(self, index: int, field: str, text: str) -> None:
        """Mark ``field`` of address ``index`` and show ``text`` under it."""
        row = self.row_widget(index)
        if isinstance(row, AddressRow):
            row.error.show_error(text)
            if field in row.edits:
                mark(row.edits[field], bool(text))

    def clear_errors(self) -> None:
        """Hide every error."""
        for row in self._rows:
            if isinstance(row, AddressRow):
                row.error.show_error("")
                for edit in row.edits.values():
                    mark(edit, False)


class OrganisationPicker(QComboBox):
    """An editable combo that searches organisations as you type.

    Matches are offered in a completer popup rather than the combo's own list:
    the combo popup grabs the keyboard, so whatever the user typed after it
    opened went to the list instead of the text field. A completer popup hands
    typed keys on to the field.
    """

    def __init__(self, search: Callable[[str], list[OrganisationRow]]) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.lineEdit()
        assert edit is not None  # editable combos always have one
        edit.setPlaceholderText(_t("Type to search an organisation"))
        self.matches = QCompleter(self.model(), self)
        self.matches.setCompletionMode(
            QCompleter.CompletionMode.UnfilteredPopupCompletion
        )
        self.matches.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self.matches)
        self._search = search
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refresh)
        edit.textEdited.connect(lambda _t: self._timer.start())

    def set_organisation(self, org_id: str, name: str) -> None:
        """Preselect an organisation."""
        self.clear()
        self.addItem(name, org_id)
        self.setCurrentIndex(0)

    def organisation_id(self) -> str | None:
        """The chosen organisation's id (``None`` if the text matches none)."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return str(self.itemData(index)) if index >= 0 else None

    def _refresh(self) -> None:
        text = self.currentText()
        if len(text.strip()) < 2:
            return
        self.blockSignals(True)
        self.clear()
        for org in self._search(text):
            self.addItem(f"{org.name}" + (f", {org.city}" if org.city else ""), org.id)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)
        if self.count():
            self.matches.setCompletionPrefix(text)
            self.matches.complete()


class EmploymentRow(QWidget):
    """Organisation, role and primary flag."""

    def __init__(
        self,
        item: EmploymentData | None,
        search: Callable[[str], list[OrganisationRow]],
        on_change: Callable[..., None],
    ) -> None:
        super().__init__()
        self.item_id = item.id if item else None
        self.grid = layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.organisation = OrganisationPicker(search)
        self.role = QLineEdit()
        self.role.setPlaceholderText(_t("Role (e.g. purchasing)"))
        self.primary = QCheckBox(_t("Primary"))
        self.error = ErrorLabel()
        layout.addWidget(self.organisation, 0, 0)
        layout.addWidget(self.role, 0, 1)
        layout.addWidget(self.primary, 0, 2)
        layout.addWidget(self.error, 1, 0, 1, 3)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 1)
        if item:
            self.organisation.set_organisation(
                item.organisation_id, item.organisation_name
            )
            self.role.setText(item.role)
            self.primary.setChecked(item.is_primary)
        self.organisation.currentIndexChanged.connect(on_change)
        self.role.textEdited.connect(on_change)
        self.primary.toggled.connect(on_change)
        self.setFocusProxy(self.organisation)

    def data(self) -> EmploymentData | None:
        """The employment as entered, ``None`` if no organisation is chosen."""
        org_id = self.organisation.organisation_id()
        if org_id is None:
            return None
        return EmploymentData(
            organisation_id=org_id,
            role=self.role.text().strip(),
            is_primary=self.primary.isChecked(),
            organisation_name=self.organisation.currentText(),
            id=self.item_id,
        )


class EmploymentsEditor(_RowsEditor):
    """Organisations a person works for, with role."""

    def __init__(
        self,
        search: Callable[[str], list[OrganisationRow]],
        parent: QWidget | None = None,
    ) -> None:
        self._search = search
        super().__init__(_t("Link to organisation"), parent)

    def _make_row(self, item: Any) -> QWidget:
        row = EmploymentRow(item, self._search, self._on_row_edited)
        row.grid.addWidget(self._remove_button(row), 0, 3)
        return row

    def set_items(self, items: tuple[EmploymentData, ...]) -> None:
        """Show ``items``."""
        self.clear()
        for item in items:
            self._append(item)

    def items(self) -> tuple[EmploymentData, ...]:
        """Rows with a chosen organisation."""
        out = []
        for row in self._rows:
            if isinstance(row, EmploymentRow):
                data = row.data()
                if data is not None:
                    out.append(data)
        return tuple(out)

    def unresolved_rows(self) -> list[int]:
        """Rows whose typed text matches no organisation."""
        return [
            i
            for i, row in enumerate(self._rows)
            if isinstance(row, EmploymentRow)
            and row.organisation.currentText().strip()
            and row.data() is None
        ]

    def show_error(self, index: int, text: str) -> None:
        """Put ``text`` under row ``index``."""
        row = self.row_widget(index)
        if isinstance(row, EmploymentRow):
            row.error.show_error(text)
            mark(row.organisation, bool(text))

    def clear_errors(self) -> None:
        """Hide every error."""
        for i in range(len(self._rows)):
            self.show_error(i, "")
