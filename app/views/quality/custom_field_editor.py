"""The custom-field editor for administrators: define fields without code.

Left the fields of one record kind in form order (move up/down), right the
definition: label, type, values of choice fields (one per line, optionally
``value = label``), currency, decimals, format, required, shown in forms. The
key is made from the label on creation and never changes, so imports,
exports and segments that use it keep working after a rename.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.custom_fields import (
    Choice,
    CustomFieldDef,
    CustomFieldDefData,
    FieldType,
    RecordKind,
    TextFormat,
)
from app.domain.errors import UserError, ValidationError
from app.services.custom_fields import CURRENCIES, CustomFieldService
from app.views.forms.errors import ErrorLabel, mark
from app.views.lazy import when_shown
from app.views.prompts import confirm
from app.views.quality.texts import (
    format_text,
    kind_text,
    quality_error_text,
    type_text,
)

KINDS = tuple(RecordKind)
ID_ROLE = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("CustomFieldEditor", text)


def parse_choices(text: str) -> tuple[Choice, ...]:
    """``A = A-Kunde`` lines (or plain values) to choices, blank lines skipped."""
    out: list[Choice] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        value, sep, label = line.partition("=")
        value = value.strip()
        out.append(Choice(value, label.strip() if sep else value))
    return tuple(out)


def choices_text(choices: tuple[Choice, ...]) -> str:
    """The editor's text for ``choices`` (``value = label`` where they differ)."""
    return "\n".join(
        c.value if c.label == c.value else f"{c.value} = {c.label}" for c in choices
    )


class CustomFieldEditor(QWidget):
    """Define, change, order and remove custom fields.

    Signals:
        sig_data_changed(object, object): a definition was written (Changes, self).
    """

    sig_data_changed = Signal(object, object)

    def __init__(
        self, service: CustomFieldService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._current: CustomFieldDef | None = None
        self._loading = False
        self.kinds = QTabBar()
        self.kinds.setObjectName("kindTabs")
        for kind in KINDS:
            self.kinds.addTab(kind_text(kind, plural=True))
        self.kinds.currentChanged.connect(lambda _i: self.reload())
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("recordTable")
        self.table.setHorizontalHeaderLabels(
            [_t("Field"), _t("Type"), _t("Key"), _t("Records")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 150), (2, 150), (3, 80)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.new_button = QPushButton(_t("New field"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_field)
        self.up_button = QPushButton(_t("Move up"))
        self.down_button = QPushButton(_t("Move down"))
        self.delete_button = QPushButton(_t("Delete"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.delete_button.clicked.connect(self.delete_field)
        self._build_form()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addWidget(self.delete_button)
        left_layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        intro = QLabel(
            _t(
                "Fields you add here appear in the forms, as list columns, in segments "
                "and in imports and exports — no update needed."
            )
        )
        intro.setObjectName("pageLead")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.kinds, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(splitter, 1)
        when_shown(self, self.reload)  # counting stored values reads them all

    def _build_form(self) -> None:
        self.form_pane = QWidget()
        self.form_pane.setObjectName("detailPane")
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.label = QLineEdit()
        self.field_type = QComboBox()
        for kind in FieldType:
            self.field_type.addItem(type_text(kind), kind)
        self.field_type.currentIndexChanged.connect(
            lambda _i: self._update_visibility()
        )
        self.key = QLabel()
        self.key.setObjectName("countLabel")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choices = QPlainTextEdit()
        self.choices.setPlaceholderText(
            _t("One value per line, e.g.\nA = A customer\nB = B customer")
        )
        self.choices.setFixedHeight(110)
        self.currency = QComboBox()
        self.currency.addItems(list(CURRENCIES))
        self.decimals = QSpinBox()
        self.decimals.setRange(0, 4)
        self.text_format = QComboBox()
        for fmt in TextFormat:
            self.text_format.addItem(format_text(fmt), fmt)
        self.required = QCheckBox(_t("Required: forms refuse to save without a value"))
        self.active = QCheckBox(_t("Shown in forms and lists"))
        self.help_text = QLineEdit()
        self.help_text.setPlaceholderText(_t("Shown as a tip on the field"))
        self.errors: dict[str, ErrorLabel] = {}
        self.widgets: dict[str, QWidget] = {
            "label": self.label,
            "field_type": self.field_type,
            "key": self.key,
            "choices": self.choices,
            "currency": self.currency,
            "decimals": self.decimals,
            "text_format": self.text_format,
            "help_text": self.help_text,
        }
        form = QFormLayout()
        self.rows: dict[str, QWidget] = {}
        titles = {
            "label": _t("Label *"),
            "field_type": _t("Type"),
            "key": _t("Key (imports, exports)"),
            "choices": _t("Values"),
            "currency": _t("Currency"),
            "decimals": _t("Decimals"),
            "text_format": _t("Format"),
            "help_text": _t("Help text"),
        }
        for name, widget in self.widgets.items():
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            error = ErrorLabel()
            box.addWidget(error)
            self.errors[name] = error
            form.addRow(titles[name], holder)
            self.rows[name] = holder
        form.addRow("", self.required)
        form.addRow("", self.active)
        self.general_error = ErrorLabel()
        self.save_button = QPushButton(_t("Save field"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(_t("Discard changes"))
        self.revert_button.clicked.connect(lambda: self.show_field(self._current))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self.form_pane)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._form = form

    # ---- public API

    @property
    def kind(self) -> RecordKind:
        """The record kind whose fields are shown."""
        return KINDS[max(0, self.kinds.currentIndex())]

    def reload(self, select: str | None = None) -> None:
        """Read the fields of the shown kind again (keeps or sets the selection)."""
        wanted = select or (self._current.id if self._current else None)
        defs = self._service.definitions(self.kind, with_counts=True)
        self.table.blockSignals(True)
        self.table.setRowCount(len(defs))
        for row, d in enumerate(defs):
            label = d.label + ("" if d.active else "  " + _t("(hidden)"))
            count = QLocale().toString(d.value_count)
            cells = (label, type_text(d.field_type), d.key, count)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, d.id)
                if col == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self._defs = {d.id: d for d in defs}
        index = next(
            (i for i, d in enumerate(defs) if d.id == wanted), 0 if defs else -1
        )
        if index >= 0:
            self.table.selectRow(index)
            self.show_field(defs[index])
        else:
            self.new_field()
        self._update_buttons()

    def new_field(self) -> None:
        """An empty definition for a new field of the shown kind."""
        self.table.clearSelection()
        self.show_field(None)
        self.label.setFocus()

    def show_field(self, d: CustomFieldDef | None) -> None:
        """Fill the form from ``d`` (``None``: a new field)."""
        self._loading = True
        self._current = d
        self._clear_errors()
        data = d.data() if d else CustomFieldDefData(self.kind, "", FieldType.TEXT)
        self.heading.setText(d.label if d else _t("New field"))
        self.label.setText(data.label)
        self.field_type.setCurrentIndex(self.field_type.findData(data.field_type))
        self.key.setText(d.key if d else _t("made from the label when saved"))
        self.choices.setPlainText(choices_text(data.choices))
        self.currency.setCurrentText(data.currency)
        self.decimals.setValue(data.decimals)
        self.text_format.setCurrentIndex(self.text_format.findData(data.text_format))
        self.required.setChecked(data.required)
        self.active.setChecked(data.active)
        self.help_text.setText(data.help_text)
        self._update_visibility()
        self._loading = False
        self._update_buttons()

    def value(self) -> CustomFieldDefData:
        """The form as a definition."""
        return CustomFieldDefData(
            entity_kind=self.kind,
            label=self.label.text(),
            field_type=FieldType(self.field_type.currentData()),
            key=self._current.key if self._current else "",
            choices=parse_choices(self.choices.toPlainText()),
            currency=self.currency.currentText(),
            decimals=self.decimals.value(),
            text_format=TextFormat(self.text_format.currentData()),
            required=self.required.isChecked(),
            help_text=self.help_text.text(),
            active=self.active.isChecked(),
        )

    def save(self) -> bool:
        """Create or change the field; errors appear next to the fields."""
        data = self.value()
        try:
            if self._current is None:
                saved, changes = self._service.create(data)
            else:
                saved, changes = self._service.update(self._current.id, data)
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except UserError as exc:
            self.general_error.show_error(quality_error_text(exc.code, exc.message))
            return False
        self.reload(select=saved.id)
        self.sig_data_changed.emit(changes, self)
        return True

    def delete_field(self) -> None:
        """Remove the selected field from forms and lists (after asking)."""
        d = self._current
        if d is None:
            return
        if not confirm(
            self,
            _t("Delete field"),
            _t(
                "Remove the field “%1” from forms, lists and segments? "
                "Its %2 stored values are kept."
            )
            .replace("%1", d.label)
            .replace("%2", str(d.value_count)),
        ):
            return
        changes = self._service.delete(d.id)
        self._current = None
        self.reload()
        self.sig_data_changed.emit(changes, self)

    # ---- helpers

    def _move(self, offset: int) -> None:
        if self._current is None:
            return
        changes = self._service.move(self._current.id, offset)
        self.reload(select=self._current.id)
        self.sig_data_changed.emit(changes, self)

    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        did = item.data(ID_ROLE) if item else None
        if (
            did
            and did in self._defs
            and (self._current is None or self._current.id != did)
        ):
            self.show_field(self._defs[did])

    def _update_visibility(self) -> None:
        kind = FieldType(self.field_type.currentData())
        shown = {
            "choices": kind in (FieldType.CHOICE, FieldType.MULTI_CHOICE),
            "currency": kind is FieldType.MONEY,
            "decimals": kind is FieldType.NUMBER,
            "text_format": kind is FieldType.TEXT,
        }
        for name, visible in shown.items():
            self.rows[name].setVisible(visible)
            label = self._form.labelForField(self.rows[name])
            if label is not None:
                label.setVisible(visible)
        self.field_type.setEnabled(
            self._current is None or self._current.value_count == 0
        )

    def _update_buttons(self) -> None:
        stored = self._current is not None
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(stored)

    def _clear_errors(self) -> None:
        self.general_error.show_error("")
        for name, label in self.errors.items():
            label.show_error("")
            mark(self.widgets[name], False)

    def _show_errors(self, exc: ValidationError) -> None:
        self._clear_errors()
        for fe in exc.errors:
            name = {"key": "label"}.get(fe.field, fe.field)
            text = quality_error_text(fe.code, fe.message)
            if name in self.errors:
                self.errors[name].show_error(text)
                mark(self.widgets[name], True)
            else:
                self.general_error.show_error(text)
