"""Product lines of an opportunity: product, quantity, unit price, discount, total.

Rows are widgets (a deal has a handful of lines), each with its own inline
errors (``lines[1].quantity`` → row 1, quantity field), like the address book's
child editors.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import FieldError
from app.domain.pipeline import LineData, Product
from app.services.pipeline_rules import parse_money, parse_percent
from app.services.validation import FieldProblem
from app.views.forms.errors import ErrorLabel, mark
from app.views.labels import error_text
from app.views.pipeline.texts import amount_text, money


def _t(text: str) -> str:
    return QCoreApplication.translate("LinesEditor", text)


class LineRow(QWidget):
    """One product line.

    Signals:
        sig_changed: any field was edited (the total and the sum follow).
        sig_remove_requested: the row's remove button.
    """

    sig_changed = Signal()
    sig_remove_requested = Signal()

    def __init__(self, products: list[Product], item: LineData | None) -> None:
        super().__init__()
        self._currency = "CHF"
        self.line_id = item.id if item else None
        self.product = QComboBox()
        self.product.addItem(_t("(no product)"), None)
        for p in products:
            label = f"{p.name} ({p.code})" if p.code else p.name
            self.product.addItem(label, p.id)
        self._prices = {p.id: p.list_price_minor for p in products}
        self._names = {p.id: p.name for p in products}
        self.description = QLineEdit()
        self.description.setPlaceholderText(_t("Description"))
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 1_000_000)
        self.quantity.setValue(1)
        self.quantity.setGroupSeparatorShown(True)
        self.unit_price = QLineEdit()
        self.unit_price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.unit_price.setPlaceholderText("0.00")
        self.discount = QLineEdit()
        self.discount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.discount.setPlaceholderText("0 %")
        self.discount.setMaximumWidth(70)
        self.total = QLabel()
        self.total.setObjectName("lineTotal")
        self.total.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.total.setMinimumWidth(110)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(_t("Remove line"))
        remove.clicked.connect(self.sig_remove_requested)
        self.errors = {
            k: ErrorLabel()
            for k in ("description", "quantity", "unit_price", "discount")
        }
        self.fields: dict[str, QWidget] = {
            "description": self.description,
            "quantity": self.quantity,
            "unit_price": self.unit_price,
            "discount": self.discount,
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.product, 0, 0, 1, 5)
        grid.addWidget(remove, 0, 5)
        grid.addWidget(self.description, 1, 0)
        grid.addWidget(self.quantity, 1, 1)
        grid.addWidget(self.unit_price, 1, 2)
        grid.addWidget(self.discount, 1, 3)
        grid.addWidget(self.total, 1, 4)
        grid.addWidget(self.errors["description"], 2, 0)
        grid.addWidget(self.errors["quantity"], 2, 1)
        grid.addWidget(self.errors["unit_price"], 2, 2)
        grid.addWidget(self.errors["discount"], 2, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 1)
        if item is not None:
            index = self.product.findData(item.product_id)
            self.product.setCurrentIndex(max(0, index))
            self.description.setText(item.description)
            self.quantity.setValue(item.quantity)
            self.unit_price.setText(amount_text(item.unit_price_minor))
            if item.discount_bp:
                self.discount.setText(_percent_text(item.discount_bp))
        self.product.currentIndexChanged.connect(self._on_product_changed)
        self.description.textEdited.connect(lambda _t: self.sig_changed.emit())
        self.quantity.valueChanged.connect(lambda _v: self.sig_changed.emit())
        self.unit_price.textEdited.connect(lambda _t: self.sig_changed.emit())
        self.discount.textEdited.connect(lambda _t: self.sig_changed.emit())
        self.sig_changed.connect(self.update_total)
        self.update_total()

    def data(self, index: int, errors: list[FieldError]) -> LineData:
        """The row as :class:`LineData`; unparsable numbers go to ``errors``."""
        price = discount = 0
        try:
            price = parse_money(self.unit_price.text())
        except FieldProblem as exc:
            errors.append(
                FieldError(f"lines[{index}].unit_price", exc.code, exc.message)
            )
        try:
            discount = parse_percent(self.discount.text())
        except FieldProblem as exc:
            errors.append(FieldError(f"lines[{index}].discount", exc.code, exc.message))
        return LineData(
            product_id=self.product.currentData(),
            description=self.description.text(),
            quantity=self.quantity.value(),
            unit_price_minor=price,
            discount_bp=discount,
            id=self.line_id,
        )

    def update_total(self) -> None:
        """Show quantity × price less discount (blank while a number is unreadable)."""
        errors: list[FieldError] = []
        line = self.data(0, errors)
        self.total.setText("" if errors else money(line.total_minor, self._currency))

    def set_currency(self, currency: str) -> None:
        """The deal's currency, for the total."""
        self._currency = currency
        self.update_total()

    def show_error(self, field: str, text: str) -> QWidget | None:
        """Put ``text`` under ``field`` of this row."""
        label = self.errors.get(field)
        widget = self.fields.get(field)
        if label is None or widget is None:
            return None
        label.show_error(text)
        mark(widget, True)
        return widget

    def clear_errors(self) -> None:
        """Hide this row's errors."""
        for name, label in self.errors.items():
            label.show_error("")
            mark(self.fields[name], False)

    def _on_product_changed(self) -> None:
        pid = self.product.currentData()
        if pid in self._prices:
            self.unit_price.setText(amount_text(self._prices[pid]))
            if not self.description.text():
                self.description.setPlaceholderText(self._names[pid])
        self.sig_changed.emit()


class LinesEditor(QWidget):
    """The product lines of an opportunity with an Add button and the sum.

    Signals:
        sig_content_changed: a line was added, removed or edited.
    """

    sig_content_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.products: list[Product] = []
        self.rows: list[LineRow] = []
        self.currency = "CHF"
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.header = QLabel(
            _t("Product / description · quantity · unit price · discount · total")
        )
        self.header.setObjectName("formSubheading")
        self.add_button = QPushButton(_t("+ Add product"))
        self.add_button.setObjectName("addRowButton")
        self.add_button.clicked.connect(lambda: self.append(None, focus=True))
        self.sum = QLabel()
        self.sum.setObjectName("linesSum")
        self.sum.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.add_button)
        self._layout.addWidget(self.sum)
        self._update()

    def set_products(self, products: list[Product]) -> None:
        """The catalogue offered in new rows."""
        self.products = products

    def set_items(self, lines: tuple[LineData, ...]) -> None:
        """Show ``lines`` (replacing the rows)."""
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for line in lines:
            self.append(line)
        self._update()

    def append(self, item: LineData | None, *, focus: bool = False) -> LineRow:
        """Add a row (empty: a new line)."""
        row = LineRow(self.products, item)
        row.set_currency(self.currency)
        row.sig_changed.connect(self._on_row_changed)
        row.sig_remove_requested.connect(lambda r=row: self.remove(r))
        self._layout.insertWidget(len(self.rows) + 1, row)
        self.rows.append(row)
        if focus:
            row.product.setFocus()
            self.sig_content_changed.emit()
        self._update()
        return row

    def remove(self, row: LineRow) -> None:
        """Drop a row."""
        self.rows.remove(row)
        self._layout.removeWidget(row)
        row.deleteLater()
        self._update()
        self.sig_content_changed.emit()

    def items(self, errors: list[FieldError]) -> tuple[LineData, ...]:
        """Every row as :class:`LineData`; unreadable numbers go to ``errors``."""
        return tuple(row.data(i, errors) for i, row in enumerate(self.rows))

    def total_minor(self) -> int | None:
        """Sum of the lines (None while a number is unreadable)."""
        errors: list[FieldError] = []
        lines = self.items(errors)
        return None if errors else sum(line.total_minor for line in lines)

    def set_currency(self, currency: str) -> None:
        """Show totals in ``currency``."""
        self.currency = currency
        for row in self.rows:
            row.set_currency(currency)
        self._update()

    def show_error(self, index: int, field: str, text: str) -> QWidget | None:
        """Show an error of row ``index``."""
        if 0 <= index < len(self.rows):
            return self.rows[index].show_error(field, text)
        return None

    def clear_errors(self) -> None:
        """Hide every row's errors."""
        for row in self.rows:
            row.clear_errors()

    def _on_row_changed(self) -> None:
        self._update()
        self.sig_content_changed.emit()

    def _update(self) -> None:
        total = self.total_minor()
        self.header.setVisible(bool(self.rows))
        self.sum.setVisible(bool(self.rows))
        self.sum.setText(
            _t("Total of lines: %1").replace("%1", money(total, self.currency))
            if total is not None
            else error_text("amount.invalid", "")
        )


def _percent_text(bp: int) -> str:
    whole, frac = divmod(bp, 100)
    return f"{whole}" if not frac else f"{whole}.{frac:02d}".rstrip("0")
