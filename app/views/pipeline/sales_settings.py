"""Edit → Sales settings: pipeline stages, the product catalogue, exchange rates.

Each tab writes through the sales services (rules and error codes live there);
errors appear next to what is wrong and the typed values stay.

Signals:
    sig_data_changed(object, object): something was saved (Changes, self).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError, ValidationError
from app.domain.pipeline import (
    BASE_CURRENCY,
    CURRENCIES,
    ExchangeRate,
    Outcome,
    Pipeline,
    Product,
    ProductData,
    StageData,
)
from app.services.pipeline_rules import parse_money
from app.services.sales import SalesServices
from app.services.validation import FieldProblem
from app.views.forms.errors import ErrorLabel
from app.views.labels import error_text
from app.views.pipeline.texts import (
    amount_text,
    date_text,
    money,
    outcome_text,
    pipeline_text,
    stage_name_text,
)

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
STAGE_NAME, STAGE_PROBABILITY, STAGE_KIND = range(3)


def _t(text: str) -> str:
    return QCoreApplication.translate("SalesSettings", text)


def _message(exc: UserError) -> str:
    return error_text(exc.code, exc.message)


class StagesTab(QWidget):
    """Rename, reorder, add and remove the stages of a pipeline."""

    sig_data_changed = Signal(object, object)

    def __init__(self, sales: SalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sales = sales
        self._pipelines: list[Pipeline] = []
        self.pipeline_box = QComboBox()
        self.pipeline_box.currentIndexChanged.connect(lambda _i: self._load_stages())
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("stageTable")
        self.table.setHorizontalHeaderLabels(
            [_t("Stage"), _t("Probability"), _t("Kind")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(STAGE_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(STAGE_PROBABILITY, 120)
        self.table.setColumnWidth(STAGE_KIND, 140)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(_t("Add stage"))
        self.add_button.clicked.connect(self.add_stage)
        self.remove_button = QPushButton(_t("Remove"))
        self.remove_button.clicked.connect(self.remove_stage)
        self.up_button = QPushButton(_t("Move up"))
        self.up_button.clicked.connect(lambda: self.move_stage(-1))
        self.down_button = QPushButton(_t("Move down"))
        self.down_button.clicked.connect(lambda: self.move_stage(1))
        self.save_button = QPushButton(_t("Save stages"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.error = ErrorLabel()
        top = QFormLayout()
        top.addRow(_t("Pipeline"), self.pipeline_box)
        hint = QLabel(
            _t(
                "Opportunities are weighted with their stage's probability. A pipeline "
                "needs open stages and exactly one Won and one Lost stage; a stage that "
                "still holds opportunities cannot be removed."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("pageLead")
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the pipelines again, keeping the chosen one."""
        current = self.pipeline_box.currentData()
        self._pipelines = self._sales.pipeline.pipelines()
        self.pipeline_box.blockSignals(True)
        self.pipeline_box.clear()
        for p in self._pipelines:
            self.pipeline_box.addItem(pipeline_text(p.id, p.name), p.id)
        self.pipeline_box.setCurrentIndex(max(0, self.pipeline_box.findData(current)))
        self.pipeline_box.blockSignals(False)
        self._load_stages()

    def _current(self) -> Pipeline | None:
        pid = self.pipeline_box.currentData()
        return next((p for p in self._pipelines if p.id == pid), None)

    def _load_stages(self) -> None:
        self.error.show_error("")
        self.table.setRowCount(0)
        pipeline = self._current()
        if pipeline is None:
            return
        for stage in pipeline.stages:
            self._append(
                stage_name_text(stage.id, stage.name),
                stage.probability,
                stage.outcome,
                stage_id=stage.id,
                stored_name=stage.name,
            )

    def _append(
        self,
        name: str,
        probability: int,
        outcome: Outcome,
        *,
        stage_id: str | None = None,
        stored_name: str = "",
        row: int | None = None,
    ) -> int:
        at = self.table.rowCount() if row is None else row
        self.table.insertRow(at)
        item = QTableWidgetItem(name)
        item.setData(ID_ROLE, stage_id)
        item.setData(NAME_ROLE, (name, stored_name))
        self.table.setItem(at, STAGE_NAME, item)
        spin = QSpinBox()
        spin.setRange(0, 100)
        spin.setSuffix("\u00a0%")
        spin.setValue(probability)
        self.table.setCellWidget(at, STAGE_PROBABILITY, spin)
        kind = QComboBox()
        for value in Outcome:
            kind.addItem(outcome_text(value), str(value))
        kind.setCurrentIndex(kind.findData(str(outcome)))
        self.table.setCellWidget(at, STAGE_KIND, kind)
        return at

    def _name_item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, STAGE_NAME)
        assert item is not None
        return item

    def stages(self) -> list[StageData]:
        """The stages as typed, top to bottom."""
        out: list[StageData] = []
        for row in range(self.table.rowCount()):
            item = self._name_item(row)
            spin = self.table.cellWidget(row, STAGE_PROBABILITY)
            kind = self.table.cellWidget(row, STAGE_KIND)
            assert isinstance(spin, QSpinBox)
            assert isinstance(kind, QComboBox)
            shown, stored = item.data(NAME_ROLE) or ("", "")
            name = item.text()
            # an untouched default name keeps its stored (translatable) form
            if stored and name == shown:
                name = stored
            out.append(
                StageData(
                    name=name,
                    probability=spin.value(),
                    outcome=Outcome(kind.currentData()),
                    id=item.data(ID_ROLE),
                )
            )
        return out

    def add_stage(self) -> None:
        """A new open stage before Won/Lost (or after the selection)."""
        rows = self.table.rowCount()
        selected = self.table.currentRow()
        at = selected + 1 if selected >= 0 else rows
        if selected < 0:  # before the closing stages
            for row in range(rows):
                kind = self.table.cellWidget(row, STAGE_KIND)
                if isinstance(kind, QComboBox) and kind.currentData() != Outcome.OPEN:
                    at = row
                    break
        at = self._append(_t("New stage"), 50, Outcome.OPEN, row=at)
        self.table.setCurrentCell(at, STAGE_NAME)
        self.table.editItem(self._name_item(at))

    def remove_stage(self) -> None:
        """Take the selected stage out of the list (saved with Save stages)."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_stage(self, step: int) -> None:
        """Move the selected stage up (-1) or down (+1)."""
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        moved = self.stages()[row]
        item = self._name_item(row)
        text = item.text()
        shown, stored = item.data(NAME_ROLE) or ("", "")
        self.table.removeRow(row)
        at = self._append(
            text, moved.probability, moved.outcome, stage_id=moved.id, row=target
        )
        self._name_item(at).setData(NAME_ROLE, (shown, stored))
        self.table.setCurrentCell(target, STAGE_NAME)

    def save(self) -> bool:
        """Store the stage list; errors below the table, the list stays."""
        pipeline = self._current()
        if pipeline is None:
            return False
        self.error.show_error("")
        try:
            _saved, changes = self._sales.pipeline.save_stages(
                pipeline.id, self.stages()
            )
        except ValidationError as exc:
            self.error.show_error(
                "\n".join(error_text(e.code, e.message) for e in exc.errors)
            )
            return False
        except UserError as exc:
            self.error.show_error(_message(exc))
            return False
        self.reload()
        self.sig_data_changed.emit(changes, self)
        return True


class ProductsTab(QWidget):
    """The product catalogue: name, code, list price, currency, active."""

    sig_data_changed = Signal(object, object)

    def __init__(self, sales: SalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sales = sales
        self._products: list[Product] = []
        self._current: str | None = None
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("productTable")
        self.table.setHorizontalHeaderLabels(
            [_t("Product"), _t("Code"), _t("List price"), _t("Active")]
        )
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 140)
        self.table.setColumnWidth(3, 70)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.name = QLineEdit()
        self.name_error = ErrorLabel()
        self.code = QLineEdit()
        self.price = QLineEdit()
        self.price.setPlaceholderText("1'250.00")
        self.price_error = ErrorLabel()
        self.currency = QComboBox()
        self.currency.addItems(list(CURRENCIES))
        self.currency_error = ErrorLabel()
        self.active = QCheckBox(_t("Offered (shown in product lines)"))
        self.active.setChecked(True)
        self.new_button = QPushButton(_t("New product"))
        self.new_button.clicked.connect(self.new_product)
        self.save_button = QPushButton(_t("Save product"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(_t("Name *"), _stacked(self.name, self.name_error))
        form.addRow(_t("Code"), self.code)
        price_row = QHBoxLayout()
        price_row.addWidget(self.price, 1)
        price_row.addWidget(self.currency)
        price_box = QVBoxLayout()
        price_box.setSpacing(2)
        price_box.addLayout(price_row)
        price_box.addWidget(self.price_error)
        price_box.addWidget(self.currency_error)
        form.addRow(_t("List price"), price_box)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the catalogue again (inactive products too)."""
        self._products = self._sales.catalogue.products(include_inactive=True)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._products))
        yes, no = _t("yes"), _t("no")
        for row, p in enumerate(self._products):
            name = QTableWidgetItem(p.name)
            name.setData(ID_ROLE, p.id)
            price = QTableWidgetItem(money(p.list_price_minor, p.currency))
            price.setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(p.code))
            self.table.setItem(row, 2, price)
            self.table.setItem(row, 3, QTableWidgetItem(yes if p.active else no))
        self.table.blockSignals(False)
        ids = [p.id for p in self._products]
        if select in ids:
            self.table.selectRow(ids.index(select))
        elif not self._products:
            self.new_product()

    def new_product(self) -> None:
        """An empty form for a new catalogue entry."""
        self.table.clearSelection()
        self._current = None
        self._show(None)
        self.name.setFocus()

    def _on_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._products):
            self._current = self._products[row].id
            self._show(self._products[row])

    def _show(self, product: Product | None) -> None:
        self._clear_errors()
        self.name.setText(product.name if product else "")
        self.code.setText(product.code if product else "")
        self.price.setText(amount_text(product.list_price_minor) if product else "")
        currency = product.currency if product else BASE_CURRENCY
        self.currency.setCurrentIndex(max(0, self.currency.findText(currency)))
        self.active.setChecked(product.active if product else True)

    def _clear_errors(self) -> None:
        for label in (self.name_error, self.price_error, self.currency_error):
            label.show_error("")

    def save(self) -> bool:
        """Create or change the product; errors next to the fields."""
        self._clear_errors()
        try:
            price = parse_money(self.price.text())
        except FieldProblem as exc:
            self.price_error.show_error(error_text(exc.code, exc.message))
            return False
        data = ProductData(
            name=self.name.text(),
            code=self.code.text(),
            list_price_minor=price,
            currency=self.currency.currentText(),
            active=self.active.isChecked(),
        )
        try:
            product, changes = self._sales.catalogue.save_product(data, self._current)
        except ValidationError as exc:
            labels = {
                "name": self.name_error,
                "list_price": self.price_error,
                "currency": self.currency_error,
            }
            for fe in exc.errors:
                labels.get(fe.field, self.name_error).show_error(
                    error_text(fe.code, fe.message)
                )
            return False
        self._current = product.id
        self.reload(select=product.id)
        self.sig_data_changed.emit(changes, self)
        return True


class RatesTab(QWidget):
    """Exchange rates to CHF, each valid from a date on."""

    sig_data_changed = Signal(object, object)

    def __init__(self, sales: SalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sales = sales
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("rateTable")
        self.table.setHorizontalHeaderLabels(
            [_t("Currency"), _t("Valid from"), _t("1 unit in CHF")]
        )
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 140)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.currency = QComboBox()
        self.currency.addItems([c for c in CURRENCIES if c != BASE_CURRENCY])
        self.valid_from = QDateEdit()
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("dd.MM.yyyy")
        self.valid_from.setDate(QDate.currentDate())
        self.rate = QLineEdit()
        self.rate.setPlaceholderText("0.9350")
        self.rate_error = ErrorLabel()
        self.save_button = QPushButton(_t("Save rate"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        hint = QLabel(
            _t(
                "Amounts in EUR and USD are converted to CHF at the rate valid in the "
                "month of the expected close. Saving a rate for an existing date corrects it."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("pageLead")
        form = QFormLayout()
        form.addRow(_t("Currency"), self.currency)
        form.addRow(_t("Valid from"), self.valid_from)
        form.addRow(_t("1 unit in CHF"), _stacked(self.rate, self.rate_error))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._rates: list[ExchangeRate] = []
        self.reload()

    def reload(self) -> None:
        """Read the rates again."""
        self._rates = self._sales.catalogue.rates()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._rates))
        for row, r in enumerate(self._rates):
            value = QTableWidgetItem(_rate_text(r.rate_micro))
            value.setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.table.setItem(row, 0, QTableWidgetItem(r.currency))
            self.table.setItem(row, 1, QTableWidgetItem(date_text(r.valid_from)))
            self.table.setItem(row, 2, value)
        self.table.blockSignals(False)

    def _on_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rates):
            r = self._rates[row]
            self.currency.setCurrentIndex(max(0, self.currency.findText(r.currency)))
            self.valid_from.setDate(
                QDate(r.valid_from.year, r.valid_from.month, r.valid_from.day)
            )
            self.rate.setText(_rate_text(r.rate_micro))
            self.rate_error.show_error("")

    def save(self) -> bool:
        """Add or correct a rate; a wrong number is marked, nothing saved."""
        self.rate_error.show_error("")
        micro = _parse_rate(self.rate.text())
        if micro is None:
            self.rate_error.show_error(error_text("rate.invalid", ""))
            return False
        day = self.valid_from.date()
        rate = ExchangeRate(
            self.currency.currentText(),
            dt.date(day.year(), day.month(), day.day()),
            micro,
        )
        try:
            changes = self._sales.catalogue.set_rate(rate)
        except ValidationError as exc:
            self.rate_error.show_error(
                "\n".join(error_text(e.code, e.message) for e in exc.errors)
            )
            return False
        self.reload()
        self.sig_data_changed.emit(changes, self)
        return True


class SalesSettingsDialog(QDialog):
    """Stages, products and exchange rates in one dialog (Edit → Sales settings)."""

    sig_data_changed = Signal(object, object)

    def __init__(self, sales: SalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Sales settings"))
        self.resize(760, 560)
        self.stages = StagesTab(sales)
        self.products = ProductsTab(sales)
        self.rates = RatesTab(sales)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.stages, _t("Pipeline stages"))
        self.tabs.addTab(self.products, _t("Products"))
        self.tabs.addTab(self.rates, _t("Exchange rates"))
        for tab in (self.stages, self.products, self.rates):
            tab.sig_data_changed.connect(self.sig_data_changed)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_t("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)


def _stacked(field: QWidget, error: ErrorLabel) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(error)
    return box


def _rate_text(micro: int) -> str:
    """``0.9350`` in the user's locale (four decimals, more if needed)."""
    text = f"{Decimal(micro) / Decimal(1_000_000):.6f}".rstrip("0")
    whole, _, frac = text.partition(".")
    frac = frac.ljust(4, "0")
    return f"{whole}{QLocale().decimalPoint()}{frac}"


def _parse_rate(text: str) -> int | None:
    """Micro units of a typed rate (``0.935``, ``0,935``), None if not a rate."""
    raw = text.strip().replace("'", "").replace("’", "").replace(",", ".")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    if not value.is_finite() or value <= 0:
        return None
    return int((value * 1_000_000).to_integral_value())
