"""The segment builder (Kundensegmentierung): conditions, a live count, the
matching records, saved segments; a segment feeds exports and mass updates.

Each condition row is field → operator → value; the value editor follows the
field's kind (text, number, date, a pick list of choices, tags or products,
days or months). The count runs on the database worker 300 ms after the last
edit, so typing never waits for it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError, ValidationError
from app.domain.segments import (
    LIST_VALUE,
    NO_VALUE,
    OPERATORS,
    Condition,
    FieldInfo,
    FieldKind,
    Group,
    Match,
    Op,
    Segment,
    SegmentData,
)
from app.services.segments import SegmentService
from app.tasks.runner import TaskRunner
from app.views.forms.errors import ErrorLabel, mark
from app.views.prompts import confirm
from app.views.quality.texts import (
    choice_value_text,
    field_text,
    group_text,
    kind_text,
    op_text,
    quality_error_text,
)
from app.views.tablemodels.addresses import ORGANISATION_COLUMNS, PERSON_COLUMNS
from app.views.tablemodels.windowed import WindowedTableModel

KINDS = ("person", "organisation")
ID_ROLE = Qt.ItemDataRole.UserRole
_DAYS = (Op.IN_LAST_DAYS, Op.NOT_IN_LAST_DAYS)


def _t(text: str) -> str:
    return QCoreApplication.translate("SegmentBuilder", text)


class ChoicePicker(QToolButton):
    """Pick one or more values from a list; the button shows what is picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMinimumWidth(180)
        self.setStyleSheet(
            "QToolButton { background: white; border: 1px solid #d0d7de; "
            "border-radius: 5px; padding: 4px 22px 4px 6px; text-align: left; "
            "min-height: 20px; } QToolButton::menu-indicator { "
            "subcontrol-position: center right; right: 6px; }"
        )
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self._actions: list[QAction] = []
        self.menu_.triggered.connect(lambda _a: self._update_text())

    def set_choices(self, choices: tuple[tuple[str, str], ...]) -> None:
        """(value, label) pairs; nothing picked."""
        self.menu_.clear()
        self._actions = []
        for value, label in choices:
            action = QAction(label, self.menu_)
            action.setCheckable(True)
            action.setData(value)
            self.menu_.addAction(action)
            self._actions.append(action)
        self._update_text()

    def values(self) -> list[str]:
        """The picked values."""
        return [str(a.data()) for a in self._actions if a.isChecked()]

    def set_values(self, values: list[str]) -> None:
        """Pick exactly ``values``."""
        for action in self._actions:
            action.setChecked(str(action.data()) in values)
        self._update_text()

    def pick(self, value: str) -> None:
        """Pick ``value`` too."""
        self.set_values([*self.values(), value])

    def _update_text(self) -> None:
        labels = [a.text() for a in self._actions if a.isChecked()]
        self.setText(", ".join(labels) if labels else _t("choose …"))


class ConditionRow(QFrame):
    """One condition: field, operator, value, remove.

    Signals:
        sig_changed: anything in the row changed.
        sig_remove_requested: the ✕ was clicked.
    """

    sig_changed = Signal()
    sig_remove_requested = Signal()

    def __init__(self, fields: list[FieldInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conditionRow")
        self._fields = {f.key: f for f in fields}
        self.field = QComboBox()
        self.field.setMinimumWidth(200)
        self.field.setMaxVisibleItems(24)
        group = ""
        for f in fields:
            if f.group != group:
                group = f.group
                self.field.addItem(group_text(group), None)
                model = self.field.model()
                if isinstance(model, QStandardItemModel):  # a heading, not a choice
                    heading = model.item(self.field.count() - 1)
                    if heading is not None:
                        heading.setEnabled(False)
            self.field.addItem("   " + field_text(f.key, f.label), f.key)
        self.op = QComboBox()
        self.op.setMinimumWidth(170)
        self.text = QLineEdit()
        self.text.setPlaceholderText(_t("value"))
        self.number = QSpinBox()
        self.number.setRange(0, 36500)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.date.setDate(QDate.currentDate())
        self.picker = ChoicePicker()
        self.unit = QLabel()
        self.values = QStackedWidget()
        for widget in (QWidget(), self.text, self.number, self.date, self.picker):
            self.values.addWidget(widget)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(_t("Remove this condition"))
        remove.setAutoRaise(True)
        remove.clicked.connect(self.sig_remove_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.op)
        layout.addWidget(self.values, 1)
        layout.addWidget(self.unit)
        layout.addWidget(remove)
        self.field.currentIndexChanged.connect(lambda _i: self._on_field_changed())
        self.op.currentIndexChanged.connect(lambda _i: self._on_op_changed())
        self.text.textChanged.connect(lambda _t: self.sig_changed.emit())
        self.number.valueChanged.connect(lambda _v: self.sig_changed.emit())
        self.date.dateChanged.connect(lambda _d: self.sig_changed.emit())
        self.picker.menu_.triggered.connect(lambda _a: self.sig_changed.emit())
        self.field.setCurrentIndex(1)

    @property
    def info(self) -> FieldInfo | None:
        """The chosen field."""
        key = self.field.currentData()
        return self._fields.get(key) if key else None

    def condition(self) -> Condition | None:
        """The row as a condition (``None`` while no field is chosen)."""
        info = self.info
        op = self.op.currentData()
        if info is None or op is None:
            return None
        op = Op(op)
        value: Any = None
        if op in NO_VALUE:
            value = None
        elif op in _DAYS or op is Op.IN_LAST_MONTHS:
            value = self.number.value()
        elif info.kind in (
            FieldKind.CHOICE,
            FieldKind.REF,
            FieldKind.TAG,
            FieldKind.PRODUCT,
            FieldKind.MULTI_CHOICE,
        ):
            value = self.picker.values()
        elif info.kind is FieldKind.DATE:
            d = self.date.date()
            value = dt.date(d.year(), d.month(), d.day()).isoformat()
        else:
            value = self.text.text().strip()
        return Condition(info.key, op, value)

    def set_condition(self, c: Condition) -> None:
        """Show ``c``."""
        index = self.field.findData(c.field)
        if index < 0:
            return
        self.field.setCurrentIndex(index)
        self.op.setCurrentIndex(max(0, self.op.findData(c.op)))
        value = c.value
        if isinstance(value, list):
            self.picker.set_values(value)
        elif (
            isinstance(value, (int, float))
            and self.values.currentWidget() is self.number
        ):
            self.number.setValue(int(value))
        elif isinstance(value, str) and self.values.currentWidget() is self.date:
            try:
                day = dt.date.fromisoformat(value)
                self.date.setDate(QDate(day.year, day.month, day.day))
            except ValueError:
                pass
        elif value is not None:
            self.text.setText(str(value))

    def mark_error(self, on: bool) -> None:
        """Outline the value editor in red."""
        widget = self.values.currentWidget()
        if widget is not None:
            mark(widget, on)

    def _on_field_changed(self) -> None:
        info = self.info
        self.op.blockSignals(True)
        self.op.clear()
        if info is not None:
            for op in OPERATORS[info.kind]:
                self.op.addItem(op_text(op), op)
            labels = tuple(
                (v, choice_value_text(info.key, label)) for v, label in info.choices
            )
            self.picker.set_choices(labels)
        self.op.blockSignals(False)
        self._on_op_changed()

    def _on_op_changed(self) -> None:
        info = self.info
        op = Op(self.op.currentData()) if self.op.currentData() else None
        self.unit.setText("")
        if info is None or op is None or op in NO_VALUE:
            self.values.setCurrentIndex(0)
        elif op in _DAYS:
            self.values.setCurrentWidget(self.number)
            self.number.setValue(self.number.value() or 90)
            self.unit.setText(_t("days"))
        elif op is Op.IN_LAST_MONTHS:
            self.values.setCurrentWidget(self.number)
            self.number.setValue(self.number.value() or 12)
            self.unit.setText(_t("months"))
        elif (
            info.kind
            in (
                FieldKind.CHOICE,
                FieldKind.REF,
                FieldKind.TAG,
                FieldKind.PRODUCT,
                FieldKind.MULTI_CHOICE,
            )
            or op in LIST_VALUE
        ):
            self.values.setCurrentWidget(self.picker)
        elif info.kind is FieldKind.DATE:
            self.values.setCurrentWidget(self.date)
        else:
            self.values.setCurrentWidget(self.text)
            self.text.setPlaceholderText(
                _t("number")
                if info.kind in (FieldKind.NUMBER, FieldKind.MONEY)
                else _t("value")
            )
        self.sig_changed.emit()


class SegmentBuilder(QWidget):
    """Build, count, preview, save and use segments.

    Signals:
        sig_data_changed(object, object): a segment was saved or deleted.
        sig_mass_update_requested(str, object, str): kind, ids, description.
        sig_export_requested(str, object): kind, ids.
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_mass_update_requested = Signal(str, object, str)
    sig_export_requested = Signal(str, object)
    sig_status_message = Signal(str)

    def __init__(
        self,
        service: SegmentService,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._current: Segment | None = None
        self._count = 0
        self._counting = 0
        #: Whether a count is on its way (tests and screenshots wait for it).
        self.pending = False
        self._fields: dict[str, list[FieldInfo]] = {}
        self.rows: list[ConditionRow] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.recount)
        self._build()
        self.reload_segments()
        self.new_segment()

    # ---- construction

    def _build(self) -> None:
        self.saved = QListWidget()
        self.saved.setObjectName("segmentList")
        self.saved.setWordWrap(True)
        self.saved.setSpacing(3)
        self.saved.itemSelectionChanged.connect(self._on_saved_selected)
        self.new_button = QPushButton(_t("New segment"))
        self.new_button.clicked.connect(self.new_segment)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_t("Saved segments"))
        title.setObjectName("sectionTitle")
        left_layout.addWidget(title)
        left_layout.addWidget(self.saved, 1)
        left_layout.addWidget(self.new_button)

        self.name = QLineEdit()
        self.name.setPlaceholderText(_t("Name of the segment, e.g. A customers Zurich"))
        self.name_error = ErrorLabel()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_text(kind, plural=True), kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.match = QComboBox()
        self.match.addItem(_t("all of these conditions"), Match.ALL)
        self.match.addItem(_t("any of these conditions"), Match.ANY)
        self.match.currentIndexChanged.connect(lambda _i: self.schedule_count())
        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(QLabel(_t("of")))
        head.addWidget(self.kind)
        head.addWidget(QLabel(_t("matching")))
        head.addWidget(self.match)
        self.conditions = QVBoxLayout()
        self.conditions.setSpacing(6)
        self.add_button = QPushButton(_t("Add condition"))
        self.add_button.setObjectName("addRowButton")
        self.add_button.clicked.connect(lambda: self.add_condition())
        cond_host = QWidget()
        cond_host.setObjectName("formBody")
        cond_layout = QVBoxLayout(cond_host)
        cond_layout.setContentsMargins(0, 0, 8, 0)
        cond_layout.addLayout(self.conditions)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        cond_layout.addLayout(add_row)
        cond_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cond_host)
        scroll.setMinimumHeight(150)
        self.count_label = QLabel()
        self.count_label.setObjectName("cardValue")
        self.count_hint = QLabel()
        self.count_hint.setObjectName("countLabel")
        self.error = ErrorLabel()
        self.preview = QTableView()
        self.preview.setObjectName("recordTable")
        self.preview.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().hide()
        self.preview.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.preview.verticalHeader().setDefaultSectionSize(26)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.save_button = QPushButton(_t("Save segment"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(_t("Delete"))
        self.delete_button.clicked.connect(self.delete)
        self.mass_button = QPushButton(_t("Mass update …"))
        self.mass_button.clicked.connect(self._on_mass_clicked)
        self.export_button = QPushButton(_t("Export …"))
        self.export_button.clicked.connect(self._on_export_clicked)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addWidget(self.count_hint, 1)
        counts.addWidget(self.export_button)
        counts.addWidget(self.mass_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right.setObjectName("detailPane")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 12, 16, 12)
        right_layout.addLayout(head)
        right_layout.addWidget(self.name_error)
        right_layout.addWidget(scroll, 2)
        right_layout.addLayout(counts)
        right_layout.addWidget(self.preview, 3)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)

    # ---- public API

    @property
    def entity_kind(self) -> str:
        """``person`` or ``organisation``."""
        return str(self.kind.currentData())

    @property
    def count(self) -> int:
        """The last live count."""
        return self._count

    def fields(self) -> list[FieldInfo]:
        """The fields conditions on the shown kind can use (cached)."""
        kind = self.entity_kind
        if kind not in self._fields:
            self._fields[kind] = self._service.fields(kind)
        return self._fields[kind]

    def root(self) -> Group:
        """The conditions as a tree."""
        conds = tuple(c for c in (r.condition() for r in self.rows) if c is not None)
        return Group(Match(self.match.currentData()), conds)

    def add_condition(self, condition: Condition | None = None) -> ConditionRow:
        """A new condition row (optionally showing ``condition``)."""
        row = ConditionRow(self.fields())
        if condition is not None:
            row.set_condition(condition)
        row.sig_changed.connect(self.schedule_count)
        row.sig_remove_requested.connect(lambda: self._remove(row))
        self.rows.append(row)
        self.conditions.addWidget(row)
        self.schedule_count()
        return row

    def new_segment(self) -> None:
        """An empty segment of the shown kind."""
        self.saved.clearSelection()
        self._show(None)

    def show_segment(self, segment: Segment) -> None:
        """Load a saved segment into the builder (and select it in the list)."""
        self._show(segment)
        self.saved.blockSignals(True)
        for row in range(self.saved.count()):
            item = self.saved.item(row)
            if item is not None:
                item.setSelected(item.data(ID_ROLE) == segment.id)
        self.saved.blockSignals(False)

    def schedule_count(self) -> None:
        """Count again 300 ms after the last change."""
        self._timer.start()

    def recount(self) -> None:
        """Count now (on the database worker if there is a runner)."""
        self._timer.stop()
        kind, root = self.entity_kind, self.root()
        self._counting += 1
        ticket = self._counting
        self.pending = True
        self.count_hint.setText(_t("counting …"))
        if self._runner is None:
            try:
                self._on_counted(ticket, kind, root, self._service.count(kind, root))
            except UserError as exc:
                self._on_count_failed(ticket, exc)
            return
        service = self._service
        try:
            self._runner.run(
                "segment-count",
                lambda: service.count(kind, root),
                on_done=lambda n: self._on_counted(ticket, kind, root, n),
                on_error=lambda exc: self._on_count_failed(ticket, exc),
            )
        except RuntimeError:  # the runner shut down (closing): nobody waits for it
            self.pending = False

    def reload_segments(self) -> None:
        """Read the saved segments again."""
        wanted = self._current.id if self._current else None
        self.saved.blockSignals(True)
        self.saved.clear()
        for seg in self._service.segments():
            item = QListWidgetItem(
                f"{seg.name}\n{kind_text(seg.entity_kind, plural=True)}"
            )
            item.setData(ID_ROLE, seg.id)
            item.setToolTip(seg.name)
            self.saved.addItem(item)
            if seg.id == wanted:
                item.setSelected(True)
        self.saved.blockSignals(False)

    def save(self) -> bool:
        """Save (create or update) the segment; errors next to the name/conditions."""
        data = SegmentData(self.name.text(), self.entity_kind, self.root())
        self.name_error.show_error("")
        mark(self.name, False)
        self.error.show_error("")
        try:
            saved, changes = self._service.save(
                data, self._current.id if self._current else None
            )
        except ValidationError as exc:
            for fe in exc.errors:
                text = quality_error_text(fe.code, fe.message)
                if fe.field == "name":
                    self.name_error.show_error(text)
                    mark(self.name, True)
                else:
                    self.error.show_error(text)
            return False
        self._current = saved
        self.reload_segments()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(_t("Segment saved."))
        return True

    def delete(self) -> None:
        """Delete the shown saved segment (after asking)."""
        if self._current is None:
            return
        if not confirm(
            self,
            _t("Delete segment"),
            _t("Delete the segment “%1”? The records stay.").replace(
                "%1", self._current.name
            ),
        ):
            return
        changes = self._service.delete(self._current.id)
        self._current = None
        self.reload_segments()
        self.new_segment()
        self.sig_data_changed.emit(changes, self)

    def matching_ids(self) -> list[str]:
        """Ids of every matching record (for exports and mass updates)."""
        return self._service.ids(self.entity_kind, self.root())

    def on_data_changed(self) -> None:
        """Fields, tags or records changed elsewhere: refresh lists and the count."""
        self._fields.clear()
        self.reload_segments()
        self.schedule_count()

    # ---- slots and helpers

    def _show(self, segment: Segment | None) -> None:
        self._current = segment
        self.name.setText(segment.name if segment else "")
        self.name_error.show_error("")
        self.error.show_error("")
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(
            max(
                0,
                self.kind.findData(
                    segment.entity_kind if segment else self.entity_kind
                ),
            )
        )
        self.kind.blockSignals(False)
        self.match.setCurrentIndex(
            0 if segment is None or segment.root.match is Match.ALL else 1
        )
        for row in list(self.rows):
            self._remove(row, recount=False)
        if segment is not None:
            for item in segment.root.items:
                if isinstance(item, Condition):
                    self.add_condition(item)
        self._set_preview_model()
        self.delete_button.setEnabled(segment is not None)
        self.recount()

    def _set_preview_model(self) -> None:
        kind = self.entity_kind
        service = self._service
        columns = PERSON_COLUMNS if kind == "person" else ORGANISATION_COLUMNS

        def page(offset: int, limit: int, _total: int, _key: str, _desc: bool) -> Any:
            root = self.root()
            if kind == "person":
                return service.person_page(root, offset=offset, limit=limit)
            return service.organisation_page(root, offset=offset, limit=limit)

        old = self.preview.model()
        self.preview_model = WindowedTableModel(
            columns,
            fetch_count=lambda: self._count,
            fetch_page=page,
            default_sort="name",
            parent=self,
        )
        self.preview.setModel(self.preview_model)
        if old is not None:
            old.deleteLater()
        for i, col in enumerate(columns):
            self.preview.setColumnWidth(i, col.width)

    def _remove(self, row: ConditionRow, *, recount: bool = True) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        if recount:
            self.schedule_count()

    def _on_kind_changed(self) -> None:
        for row in list(self.rows):
            self._remove(row, recount=False)
        self._set_preview_model()
        self.recount()

    def _on_counted(self, ticket: int, kind: str, root: Group, n: int) -> None:
        if ticket != self._counting:
            return  # an older count; a newer one is on its way
        self.pending = False
        self._count = n
        for row in self.rows:
            row.mark_error(False)
        self.error.show_error("")
        locale = QLocale()
        self.count_label.setText(locale.toString(n))
        self.count_hint.setText(
            _t("persons match") if kind == "person" else _t("organisations match")
        )
        self.preview_model.refresh()
        for button in (self.mass_button, self.export_button):
            button.setEnabled(n > 0)
        del root

    def _on_count_failed(self, ticket: int, exc: BaseException) -> None:
        if ticket != self._counting:
            return
        self.pending = False
        if not isinstance(exc, UserError):
            raise exc
        self.count_label.setText("–")
        self.count_hint.setText("")
        self.error.show_error(quality_error_text(exc.code, exc.message))
        for row in self.rows:
            c = row.condition()
            row.mark_error(c is not None and c.field == exc.field)

    def _on_saved_selected(self) -> None:
        items = self.saved.selectedItems()
        if not items:
            return
        sid = items[0].data(ID_ROLE)
        try:
            self._show(self._service.get(sid))
        except UserError:
            self.reload_segments()

    def _description(self) -> str:
        return self.name.text().strip() or _t("Segment")

    def _on_mass_clicked(self) -> None:
        self.sig_mass_update_requested.emit(
            self.entity_kind, self.matching_ids(), self._description()
        )

    def _on_export_clicked(self) -> None:
        self.sig_export_requested.emit(self.entity_kind, self.matching_ids())
