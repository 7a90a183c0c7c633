"""Customer lifetime value: the formula in words, its settings, a sortable list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.analytics import Cltv, CltvMethod, CltvSettings
from app.domain.errors import ValidationError
from app.services.cltv import CltvService
from app.views.dashboard.texts import (
    analytics_error_text,
    cltv_method_text,
    number,
    plain_money,
)
from app.views.forms.errors import ErrorLabel, mark
from app.views.pipeline.texts import date_text
from app.views.tablemodels.windowed import Column, WindowedTableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _t(text: str) -> str:
    return QCoreApplication.translate("CltvView", text)


CLTV_COLUMNS = (
    Column("name", lambda: _t("Organisation"), lambda r: r.name, "name", width=280),
    Column(
        "value",
        lambda: _t("CLTV (CHF)"),
        lambda r: plain_money(r.value),
        "value",
        align=RIGHT,
        width=120,
    ),
    Column(
        "revenue",
        lambda: _t("Won so far (CHF)"),
        lambda r: plain_money(r.revenue),
        "revenue",
        align=RIGHT,
        width=130,
    ),
    Column(
        "yearly",
        lambda: _t("Per year (CHF)"),
        lambda r: plain_money(r.yearly),
        "yearly",
        align=RIGHT,
        width=120,
    ),
    Column(
        "deals",
        lambda: _t("Won deals"),
        lambda r: number(r.deals),
        "deals",
        align=RIGHT,
        width=90,
    ),
    Column(
        "first_won",
        lambda: _t("Customer since"),
        lambda r: date_text(r.first_won),
        "first_won",
        width=110,
    ),
    Column(
        "years",
        lambda: _t("Years"),
        lambda r: number(r.years_active, 1),
        align=RIGHT,
        width=70,
    ),
)


class CltvTableModel(WindowedTableModel):
    """Organisations with won business, sorted in SQL by any figure."""

    def __init__(self, service: CltvService, parent: Any = None) -> None:
        self._service = service
        super().__init__(
            CLTV_COLUMNS,
            fetch_count=service.count,
            fetch_page=self._page,
            default_sort="value",
            parent=parent,
        )
        self._descending = True

    def _page(
        self, offset: int, limit: int, _total: int, key: str, desc: bool
    ) -> Sequence[Cltv]:
        return self._service.page(sort=key, descending=desc, offset=offset, limit=limit)

    def row_id(self, row: int) -> str:
        """The organisation of ``row``."""
        found: Cltv = self.row_object(row)
        return found.organisation_id


class CltvView(QWidget):
    """Settings, formula and the list.

    Signals:
        sig_data_changed(object, object): the settings were saved.
        sig_organisation_requested(str): open this organisation.
    """

    sig_data_changed = Signal(object, object)
    sig_organisation_requested = Signal(str)

    def __init__(self, service: CltvService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.margin = QSpinBox()
        self.margin.setRange(-1, 101)  # out-of-range values reach the service
        self.margin.setSuffix(" %")
        self.margin.setToolTip(_t("Gross margin on won revenue"))
        self.years = QSpinBox()
        self.years.setRange(0, 99)
        self.years.setToolTip(_t("Expected years of the customer relationship"))
        self.method = QComboBox()
        for method in CltvMethod:
            self.method.addItem(cltv_method_text(method), method)
        self.method.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.method.setMinimumContentsLength(28)
        self.save_button = QPushButton(_t("Apply"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save_settings)
        self.margin_error = ErrorLabel()
        self.years_error = ErrorLabel()
        settings = QHBoxLayout()
        for label, widget in (
            (_t("Gross margin"), self.margin),
            (_t("Expected years"), self.years),
            (_t("Method"), self.method),
        ):
            settings.addWidget(QLabel(label))
            settings.addWidget(widget)
        settings.addWidget(self.save_button)
        settings.addStretch(1)
        errors = QHBoxLayout()
        errors.addWidget(self.margin_error)
        errors.addWidget(self.years_error)
        errors.addStretch(1)
        self.formula = QLabel()
        self.formula.setObjectName("formula")
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.model = CltvTableModel(service, self)
        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for i, column in enumerate(CLTV_COLUMNS):  # the heading always fits
            width = max(column.width, metrics.horizontalAdvance(column.title()) + 28)
            self.table.setColumnWidth(i, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(settings)
        layout.addLayout(errors)
        layout.addWidget(self.formula)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.load_settings()

    def load_settings(self) -> None:
        """Show the stored settings and the list computed with them."""
        s = self._service.settings()
        self.margin.setValue(s.margin_bp // 100)
        self.years.setValue(s.years)
        self.method.setCurrentIndex(max(0, self.method.findData(s.method)))
        self._show_formula(s)
        self.refresh()

    def refresh(self) -> None:
        """Recount and reload the list."""
        self.model.refresh()
        self.count.setText(
            self.tr("%Ln organisation(s) with won business", "", self.model.total)
        )

    def save_settings(self) -> bool:
        """Store margin, years and method for everybody; errors show next to them."""
        settings = CltvSettings(
            margin_bp=self.margin.value() * 100,
            years=self.years.value(),
            method=CltvMethod(self.method.currentData()),
        )
        for widget, label in (
            (self.margin, self.margin_error),
            (self.years, self.years_error),
        ):
            mark(widget, False)
            label.show_error("")
        try:
            changes = self._service.save_settings(settings)
        except ValidationError as exc:
            for err in exc.errors:
                widget, label = (
                    (self.margin, self.margin_error)
                    if err.field == "margin"
                    else (self.years, self.years_error)
                )
                mark(widget, True)
                label.show_error(analytics_error_text(err.code, err.message))
            return False
        self._show_formula(settings)
        self.refresh()
        self.sig_data_changed.emit(changes, self)
        return True

    def _show_formula(self, s: CltvSettings) -> None:
        margin = f"{number(s.margin_bp / 100)} %"
        if s.method is CltvMethod.PROJECTED:
            text = _t(
                "CLTV = average yearly revenue × gross margin × expected years "
                "= (won revenue ÷ years since the first won deal, at least 1) × %1 × %2"
            )
        else:
            text = _t(
                "CLTV = won revenue × gross margin + average yearly revenue × gross "
                "margin × remaining years = won × %1 + per year × %1 × (%2 − years "
                "so far, at least 0)"
            )
        self.formula.setText(
            text.replace("%1", margin).replace("%2", str(s.years))
            + "\n"
            + _t(
                "Won revenue in CHF at today's exchange rates; deals without an organisation are left out."
            )
        )

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_organisation_requested.emit(self.model.row_id(index.row()))
