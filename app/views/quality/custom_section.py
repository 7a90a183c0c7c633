"""The "Custom fields" section of the person and organisation forms, with the
record's tags.

Filled from the definitions an administrator made (one editor per field by
type); values are typed as text where people write them freely (numbers,
amounts, dates — ``1'234.50``, ``31.12.2026``) and parsed by the service on
save, so a wrong value is marked next to its field like every other error.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.custom_fields import CustomFieldDef, CustomValue, FieldType
from app.domain.errors import FieldError
from app.domain.quality import TagInfo
from app.views.forms.errors import ErrorLabel, mark
from app.views.quality.segment_builder import ChoicePicker
from app.views.quality.tag_manager import swatch
from app.views.quality.texts import quality_error_text, value_text

ID_ROLE = Qt.ItemDataRole.UserRole
#: Finds linked records for a link field: text → [(id, name)].
LinkSearch = Callable[[FieldType, str], list[tuple[str, str]]]


def _t(text: str) -> str:
    return QCoreApplication.translate("CustomFieldsSection", text)


def tag_chips(tags: list[TagInfo]) -> str:
    """Tags as coloured chips (rich text)."""
    if not tags:
        return f"<span style='color:#57606a'>{html.escape(_t('No tags'))}</span>"
    return " ".join(
        f"<span style='background:{t.color}; color:white; padding:2px 6px;'>"
        f"&nbsp;{html.escape(t.name)}&nbsp;</span>"
        for t in tags
    )


class LinkEditor(QComboBox):
    """Pick a person or organisation by typing part of the name."""

    def __init__(self, field_type: FieldType, search: LinkSearch | None) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._type = field_type
        self._search = search
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._refill)
        edit = self.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(_t("type a name …"))
            edit.textEdited.connect(lambda _t: self._timer.start())

    def value(self) -> str:
        """The id of the chosen record ('' if none)."""
        data = self.currentData()
        text = self.currentText().strip()
        if data and self.itemText(self.currentIndex()) == text:
            return str(data)
        return text  # unresolved text: the service refuses it

    def set_value(self, record_id: str, name: str) -> None:
        """Show the linked record."""
        self.blockSignals(True)
        self.clear()
        if record_id:
            self.addItem(name, record_id)
            self.setCurrentIndex(0)
        self.blockSignals(False)

    def _refill(self) -> None:
        if self._search is None:
            return
        text = self.currentText()
        found = self._search(self._type, text)
        self.blockSignals(True)
        self.clear()
        for rid, name in found:
            self.addItem(name, rid)
        self.setEditText(text)
        self.blockSignals(False)
        if found:
            self.showPopup()


class TagPickerDialog(QDialog):
    """Choose a record's tags from the tag tree."""

    def __init__(
        self, tags: list[TagInfo], chosen: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Tags"))
        self.setMinimumSize(360, 420)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        items: dict[str, QTreeWidgetItem] = {}
        for tag in tags:
            item = QTreeWidgetItem([tag.name])
            item.setIcon(0, swatch(tag.color))
            item.setData(0, ID_ROLE, tag.id)
            item.setCheckState(
                0,
                Qt.CheckState.Checked if tag.id in chosen else Qt.CheckState.Unchecked,
            )
            parent_item = items.get(tag.parent_id or "")
            if parent_item is None:
                self.tree.addTopLevelItem(item)
            else:
                parent_item.addChild(item)
            items[tag.id] = item
        self.tree.expandAll()
        self._items = items
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def chosen(self) -> set[str]:
        """Ids of the checked tags."""
        return {
            tid
            for tid, item in self._items.items()
            if item.checkState(0) == Qt.CheckState.Checked
        }

    def check(self, tag_id: str, on: bool = True) -> None:
        """Tick (or untick) a tag."""
        self._items[tag_id].setCheckState(
            0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        )


class CustomFieldsSection(QWidget):
    """Editors for the custom fields of one record kind, plus the record's tags.

    Signals:
        sig_changed: the user edited a value (the form becomes dirty).
        sig_tags_requested: "Tags …" was clicked.
    """

    sig_changed = Signal()
    sig_tags_requested = Signal()

    def __init__(
        self, search: LinkSearch | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._defs: list[CustomFieldDef] = []
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self._loading = False
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.tags_label = QLabel()
        self.tags_label.setTextFormat(Qt.TextFormat.RichText)
        self.tags_label.setWordWrap(True)
        self.tags_button = QPushButton(_t("Tags …"))
        self.tags_button.clicked.connect(self.sig_tags_requested)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_label, 1)
        tags_row.addWidget(self.tags_button)
        self.tags_title = QLabel(_t("Tags"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        self.tags_row = QWidget()
        self.tags_row.setLayout(tags_row)
        tags_row.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tags_title, self.tags_row)

    # ---- definitions and values

    @property
    def definitions(self) -> list[CustomFieldDef]:
        """The fields shown (active ones, in order)."""
        return self._defs

    def set_definitions(self, defs: list[CustomFieldDef]) -> None:
        """Build one editor per active field (the tag row stays last)."""
        while self.form.rowCount() > 1:
            self.form.removeRow(0)
        self.editors.clear()
        self.errors.clear()
        self._defs = [d for d in defs if d.active]
        for n, d in enumerate(self._defs):
            editor = self._editor(d)
            editor.setToolTip(d.help_text)
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            error = ErrorLabel()
            box.addWidget(error)
            self.form.insertRow(n, d.label + (" *" if d.required else ""), holder)
            self.editors[d.key] = editor
            self.errors[d.key] = error

    def _editor(self, d: CustomFieldDef) -> QWidget:
        match d.field_type:
            case FieldType.BOOL:
                combo = QComboBox()
                combo.addItem("—", None)
                combo.addItem(_t("Yes"), True)
                combo.addItem(_t("No"), False)
                combo.currentIndexChanged.connect(self._on_edit)
                return combo
            case FieldType.CHOICE:
                combo = QComboBox()
                combo.addItem("—", None)
                for c in d.choices:
                    combo.addItem(c.label, c.value)
                combo.currentIndexChanged.connect(self._on_edit)
                return combo
            case FieldType.MULTI_CHOICE:
                picker = ChoicePicker()
                picker.set_choices(tuple((c.value, c.label) for c in d.choices))
                picker.menu_.triggered.connect(self._on_edit)
                return picker
            case FieldType.PERSON | FieldType.ORGANISATION:
                link = LinkEditor(d.field_type, self._search)
                link.currentIndexChanged.connect(self._on_edit)
                link.editTextChanged.connect(self._on_edit)
                return link
            case _:
                edit = QLineEdit()
                placeholder = {
                    FieldType.NUMBER: "1'234.5",
                    FieldType.MONEY: f"{d.currency} 1'234.50",
                    FieldType.DATE: _t("dd.mm.yyyy"),
                }.get(d.field_type, "")
                edit.setPlaceholderText(placeholder)
                if d.field_type in (FieldType.NUMBER, FieldType.MONEY):
                    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.textEdited.connect(self._on_edit)
                return edit

    def load_values(
        self, values: dict[str, CustomValue], names: dict[str, str] | None = None
    ) -> None:
        """Show a record's values (``names``: display names of linked records)."""
        self._loading = True
        for d in self._defs:
            editor = self.editors[d.key]
            value = values.get(d.key)
            if isinstance(editor, LinkEditor):
                rid = str(value or "")
                editor.set_value(rid, (names or {}).get(rid, rid))
            elif isinstance(editor, ChoicePicker):
                editor.set_values(list(value) if isinstance(value, tuple) else [])
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QLineEdit):
                text = value_text(d, value)
                if (
                    d.field_type is FieldType.MONEY
                ):  # the placeholder names the currency
                    text = text.removeprefix(f"{d.currency} ")
                editor.setText(text)
        self._loading = False

    def raw_values(self) -> dict[str, object]:
        """What the editors hold, unparsed (the service parses and checks)."""
        out: dict[str, object] = {}
        for d in self._defs:
            editor = self.editors[d.key]
            if isinstance(editor, LinkEditor):
                out[d.key] = editor.value()
            elif isinstance(editor, ChoicePicker):
                out[d.key] = tuple(editor.values())
            elif isinstance(editor, QComboBox):
                out[d.key] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                out[d.key] = editor.text()
        return out

    def set_tags(self, tags: list[TagInfo], *, enabled: bool = True) -> None:
        """Show the record's tags (the button only for stored records)."""
        self.tags_label.setText(tag_chips(tags))
        self.tags_button.setEnabled(enabled)

    # ---- errors (RecordForm.extra_sections)

    def show_error(self, error: FieldError) -> QWidget | None:
        """Show an error of a ``cf:<key>`` field next to it."""
        if not error.field.startswith("cf:"):
            return None
        key = error.field[3:]
        label = self.errors.get(key)
        if label is None:
            return None
        label.show_error(quality_error_text(error.code, error.message))
        mark(self.editors[key], True)
        return self.editors[key]

    def clear_errors(self) -> None:
        """Hide every error of the section."""
        for key, label in self.errors.items():
            label.show_error("")
            mark(self.editors[key], False)

    def _on_edit(self, *_args: object) -> None:
        if not self._loading:
            self.sig_changed.emit()
