"""The report builder: group opportunities by one or two dimensions, chart and table,
saved reports, export to Excel and PDF, print.

Changing any picker recomputes the report (one aggregate statement). Excel
export runs through the :class:`TaskRunner` with progress; PDF and print
render the same HTML table and the chart image with Qt's print support.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.analytics import (
    REPORT_DIMENSIONS,
    DashPeriod,
    Measure,
    ReportDef,
    ReportResult,
    ReportRow,
    SavedReportInfo,
)
from app.domain.errors import UserError, ValidationError
from app.exchange.report_export import ReportTexts, write_report_xlsx
from app.services.analytics import AnalyticsServices
from app.tasks.runner import TaskRunner
from app.views.dashboard.charts import BLUE, GREY, SERIES, BarChart
from app.views.dashboard.texts import (
    analytics_error_text,
    dimension_text,
    group_label,
    measure_text,
    number,
    outcome_filter_text,
    period_text,
    plain_money,
)
from app.views.forms.errors import ErrorLabel, mark
from app.views.pipeline.texts import date_text, pipeline_text
from app.views.progress_dialog import TaskProgressDialog

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: Groups the chart shows (the table lists them all).
CHART_GROUPS = 25


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportBuilder", text)


class ReportTableModel(QAbstractTableModel):
    """The groups of a report and a bold total row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.result: ReportResult | None = None
        self._rows: list[tuple[ReportRow, tuple[str, ...]]] = []

    def set_result(self, result: ReportResult | None) -> None:
        """Show ``result`` (labels translated here, once)."""
        self.beginResetModel()
        self.result = result
        self._rows = []
        if result is not None:
            dims = result.definition.dims
            for row in result.rows:
                labels = tuple(
                    group_label(d, k, lab)
                    for d, k, lab in zip(dims, row.keys, row.labels, strict=True)
                )
                self._rows.append((row, labels))
            self._rows.append((result.total, (_t("Total"),) + ("",) * (len(dims) - 1)))
        self.endResetModel()

    def labels(self, row: int) -> tuple[str, ...]:
        """The translated labels of row ``row``."""
        return self._rows[row][1]

    def _dims(self) -> int:
        return len(self.result.definition.dims) if self.result else 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._dims() + 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, labels = self._rows[index.row()]
        col = index.column()
        n = self._dims()
        if role == Qt.ItemDataRole.DisplayRole:
            if col < n:
                return labels[col]
            values = [
                number(row.count),
                plain_money(row.total),
                plain_money(row.average),
                plain_money(row.weighted),
            ]
            return values[col - n]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= n:
            return int(RIGHT)
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
        ):
            return None
        return self.titles()[section] if section < self.columnCount() else None

    def titles(self) -> list[str]:
        """Column headings."""
        dims = self.result.definition.dims if self.result else ("owner",)
        return [
            *(dimension_text(d) for d in dims),
            _t("Deals"),
            _t("Amount"),
            _t("Average"),
            _t("Weighted"),
        ]


class SaveReportDialog(QDialog):
    """Asks for the report's name; errors show next to the field."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Save report"))
        self.name = QLineEdit(name)
        self.name.setMinimumWidth(320)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_t("Name"), self.name)
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def show_error(self, text: str) -> None:
        """Mark the name field and say what is wrong."""
        mark(self.name, bool(text))
        self.error.show_error(text)


class ReportBuilder(QWidget):
    """Pickers, saved reports, chart and table, export buttons.

    Signals:
        sig_data_changed(object, object): a report was saved or deleted.
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)

    def __init__(
        self,
        analytics: AnalyticsServices,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._analytics = analytics
        self._runner = runner
        self.result: ReportResult | None = None
        self.current_id: str | None = None
        self.saved = QListWidget()
        self.saved.setObjectName("savedReports")
        self.saved.currentItemChanged.connect(self._on_saved_current_changed)
        self.dim1 = QComboBox()
        self.dim2 = QComboBox()
        self.dim2.addItem(_t("— nothing —"), None)
        for dim in REPORT_DIMENSIONS:
            self.dim1.addItem(dimension_text(dim), dim)
            self.dim2.addItem(dimension_text(dim), dim)
        self.measure = QComboBox()
        for measure in Measure:
            self.measure.addItem(measure_text(measure), measure)
        self.measure.setCurrentIndex(1)
        self.outcome = QComboBox()
        for outcome in ("", "open", "won", "lost"):
            self.outcome.addItem(outcome_filter_text(outcome), outcome)
        self.period = QComboBox()
        self.period.addItem(_t("Any close date"), None)
        for period in DashPeriod:
            if period is not DashPeriod.ALL:
                self.period.addItem(period_text(period), period)
        self.owner = QComboBox()
        self.pipeline = QComboBox()
        self.segment = QComboBox()
        self.error = ErrorLabel()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(_t("Group by"), self.dim1)
        form.addRow(_t("then by"), self.dim2)
        form.addRow(_t("Show"), self.measure)
        form.addRow(_t("Deals"), self.outcome)
        form.addRow(_t("Closing"), self.period)
        form.addRow(_t("Owner"), self.owner)
        form.addRow(_t("Pipeline"), self.pipeline)
        form.addRow(_t("Segment"), self.segment)
        form.addRow("", self.error)
        self.new_button = QPushButton(_t("New"))
        self.delete_button = QPushButton(_t("Delete"))
        self.new_button.clicked.connect(self.new_report)
        self.delete_button.clicked.connect(self.delete_report)
        saved_buttons = QHBoxLayout()
        saved_buttons.addWidget(self.new_button)
        saved_buttons.addWidget(self.delete_button)
        saved_title = QLabel(_t("Saved reports"))
        saved_title.setObjectName("sectionTitle")
        define_title = QLabel(_t("Definition"))
        define_title.setObjectName("sectionTitle")
        side = QFrame()
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(saved_title)
        side_layout.addWidget(self.saved, 1)
        side_layout.addLayout(saved_buttons)
        side_layout.addWidget(define_title)
        side_layout.addLayout(form)
        side.setMinimumWidth(330)
        side.setMaximumWidth(380)

        self.title = QLabel(_t("New report"))
        self.title.setObjectName("formHeading")
        self.summary = QLabel()
        self.summary.setObjectName("formSubheading")
        self.save_button = QPushButton(_t("Save …"))
        self.save_button.setObjectName("primaryButton")
        self.excel_button = QPushButton(_t("Excel …"))
        self.pdf_button = QPushButton(_t("PDF …"))
        self.print_button = QPushButton(_t("Print …"))
        self.save_button.clicked.connect(self.save_report)
        self.excel_button.clicked.connect(self.ask_export_xlsx)
        self.pdf_button.clicked.connect(self.ask_export_pdf)
        self.print_button.clicked.connect(self.print_report)
        actions = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.summary)
        actions.addLayout(titles, 1)
        for button in (
            self.save_button,
            self.excel_button,
            self.pdf_button,
            self.print_button,
        ):
            actions.addWidget(button)
        self.chart = BarChart(money=True)
        self.chart_h = BarChart(horizontal=True, money=True)
        self.charts = QStackedWidget()
        self.charts.addWidget(self.chart)
        self.charts.addWidget(self.chart_h)
        self.charts.setMinimumHeight(240)
        self.model = ReportTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.charts)
        split.addWidget(self.table)
        split.setSizes([300, 340])
        main = QVBoxLayout()
        main.addLayout(actions)
        main.addWidget(split, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(side)
        layout.addLayout(main, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.run)
        self._loading = False
        for combo in (
            self.dim1,
            self.dim2,
            self.measure,
            self.outcome,
            self.period,
            self.owner,
            self.pipeline,
            self.segment,
        ):
            combo.currentIndexChanged.connect(self._on_picker_changed)
        self.reload()

    # ---- public API

    def reload(self) -> None:
        """Refill saved reports and the owner, pipeline and segment pickers."""
        self._loading = True
        choices = self._analytics.dashboard.choices()
        for combo, first, items in (
            (self.owner, _t("All owners"), choices.owners),
            (
                self.pipeline,
                _t("All pipelines"),
                tuple((p.id, pipeline_text(p.id, p.name)) for p in choices.pipelines),
            ),
            (
                self.segment,
                _t("All customers"),
                tuple((sid, name) for sid, name, _k in choices.segments),
            ),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(first, None)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        current_id = self.current_id
        self.saved.clear()
        for info in self._analytics.reports.saved():
            item = QListWidgetItem(info.name)
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.saved.addItem(item)
            if info.id == current_id:
                self.saved.setCurrentItem(item)
        self._loading = False

    def definition(self) -> ReportDef:
        """The report the pickers describe."""
        dims = [self.dim1.currentData()]
        second = self.dim2.currentData()
        if second and second != dims[0]:
            dims.append(second)
        return ReportDef(
            dims=tuple(dims),
            measure=Measure(self.measure.currentData()),
            outcome=self.outcome.currentData() or "",
            period=self.period.currentData(),
            owner_id=self.owner.currentData(),
            pipeline_id=self.pipeline.currentData(),
            segment_id=self.segment.currentData(),
        )

    def set_definition(self, report: ReportDef) -> None:
        """Show ``report`` in the pickers (without running it twice)."""
        self._loading = True
        self.dim1.setCurrentIndex(max(0, self.dim1.findData(report.dims[0])))
        second = report.dims[1] if len(report.dims) > 1 else None
        self.dim2.setCurrentIndex(max(0, self.dim2.findData(second)))
        self.measure.setCurrentIndex(max(0, self.measure.findData(report.measure)))
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(report.outcome)))
        self.period.setCurrentIndex(max(0, self.period.findData(report.period)))
        for combo, value in (
            (self.owner, report.owner_id),
            (self.pipeline, report.pipeline_id),
            (self.segment, report.segment_id),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self._loading = False

    def run(self) -> None:
        """Compute and show the report the pickers describe."""
        try:
            result = self._analytics.reports.run(self.definition())
        except UserError as exc:
            self.error.show_error(analytics_error_text(exc.code, exc.message))
            return
        self.error.show_error("")
        self.show_result(result)

    def show_result(self, result: ReportResult) -> None:
        """Draw ``result`` as chart and table."""
        self.result = result
        self.model.set_result(result)
        report = result.definition
        self.summary.setText(self.description(result))
        self._draw_chart(result)
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, 150 if col < len(report.dims) else 108)

    def _draw_chart(self, result: ReportResult) -> None:
        """One bar per group of the first dimension (the biggest first, at most
        :data:`CHART_GROUPS`); with a second dimension the bars are stacked by
        its biggest values and "Others". Time (close month) runs left to
        right, everything else top to bottom."""
        report = result.definition
        measure = report.measure
        scale = 1 if measure is Measure.COUNT else 100
        dims = report.dims
        # bars along the dimension with more values (or time), stacked by the
        # one with fewer: seven sources in colours over forty industries reads
        # better than forty colours
        along, stack = 0, 1
        if len(dims) > 1:
            distinct = [len({r.keys[i] for r in result.rows}) for i in (0, 1)]
            if dims[1] == "month" or (dims[0] != "month" and distinct[1] > distinct[0]):
                along, stack = 1, 0
        firsts: dict[str, str] = {}
        seconds: dict[str, str] = {}
        cells: dict[tuple[str, str], float] = {}
        for i, row in enumerate(result.rows):
            labels = self.model.labels(i)
            firsts.setdefault(row.keys[along], labels[along])
            second = row.keys[stack] if len(dims) > 1 else ""
            if len(dims) > 1:
                seconds.setdefault(second, labels[stack])
            cell = (row.keys[along], second)
            cells[cell] = cells.get(cell, 0.0) + row.value(measure) / scale
        totals = {k: sum(v for (a, _b), v in cells.items() if a == k) for k in firsts}
        time_axis = dims[along] == "month"
        if time_axis:
            firsts = dict(sorted(firsts.items()))
        keys = list(firsts) if time_axis else sorted(firsts, key=lambda k: -totals[k])
        room = CHART_GROUPS
        if not time_axis:  # top to bottom: about 20 px per bar
            height = self.charts.height() if self.charts.isVisible() else 300
            room = max(6, min(CHART_GROUPS, (height - 60) // 20))
        keys = keys[-room:] if time_axis else keys[:room]
        if len(dims) > 1:
            weight = {
                b: sum(v for (_a, bb), v in cells.items() if bb == b) for b in seconds
            }
            top = sorted(seconds, key=lambda b: -weight[b])[:5]
            series = [
                (seconds[b], [cells.get((k, b), 0.0) for k in keys], SERIES[i])
                for i, b in enumerate(top)
            ]
            rest = [b for b in seconds if b not in top]
            if rest:
                series.append(
                    (
                        _t("Others"),
                        [sum(cells.get((k, b), 0.0) for b in rest) for k in keys],
                        GREY,
                    )
                )
        else:
            series = [(measure_text(measure), [totals[k] for k in keys], BLUE)]
        names = [firsts[k] for k in keys]

        def tip(i: int) -> str:
            lines = [f"<b>{names[i]}</b>"]
            lines += [
                f"{name}: {number(values[i])}"
                for name, values, _c in series
                if values[i]
            ]
            total = totals[keys[i]]
            lines.append(_t("Total: %1").replace("%1", number(total)))
            return "<br>".join(lines)

        chart = self.chart if time_axis else self.chart_h
        self.charts.setCurrentWidget(chart)
        chart.set_bars(names, series, tip=tip, stacked=True)

    def description(self, result: ReportResult) -> str:
        """What the report covers, in words (also the PDF's subtitle)."""
        report = result.definition
        parts = [outcome_filter_text(report.outcome)]
        if result.start and result.end:
            parts.append(
                _t("closing %1 – %2")
                .replace("%1", date_text(result.start))
                .replace("%2", date_text(result.end))
            )
        for combo in (self.owner, self.pipeline, self.segment):
            if combo.currentData():
                parts.append(combo.currentText())
        parts.append(self.tr("%Ln group(s)", "", len(result.rows)))
        parts.append(_t("amounts in CHF"))
        return " · ".join(parts)

    def texts(self) -> ReportTexts:
        """Headings for the Excel file, in the UI language."""
        titles = self.model.titles()
        n = len(titles) - 4
        return ReportTexts(
            title=self.title.text(),
            subtitle=self.summary.text(),
            dims=titles[:n],
            count=titles[n],
            total=titles[n + 1],
            average=titles[n + 2],
            weighted=titles[n + 3],
            grand_total=_t("Total"),
            sheet=_t("Report"),
        )

    # ---- saved reports

    def new_report(self) -> None:
        """Start from the default report."""
        self.current_id = None
        self.saved.clearSelection()
        self.saved.setCurrentRow(-1)
        self.title.setText(_t("New report"))
        self.set_definition(ReportDef())
        self.run()

    def save_report(self) -> SaveReportDialog:
        """Ask for a name and save; a taken name is shown next to the field."""
        current: QListWidgetItem | None = self.saved.currentItem()
        dialog = SaveReportDialog(current.text() if current is not None else "", self)

        def accept() -> None:
            try:
                info, changes = self._analytics.reports.save(
                    dialog.name.text(), self.definition(), self.current_id
                )
            except ValidationError as exc:
                err = exc.errors[0]
                dialog.show_error(analytics_error_text(err.code, err.message))
                return
            self.current_id = info.id
            self.title.setText(info.name)
            QDialog.accept(dialog)
            self.reload()
            self.sig_data_changed.emit(changes, self)
            self.sig_status_message.emit(_t("Report saved."))

        dialog.accept = accept  # type: ignore[method-assign]
        dialog.open()
        return dialog

    def delete_report(self) -> None:
        """Delete the selected saved report."""
        item: QListWidgetItem | None = self.saved.currentItem()
        if item is None:
            return
        info: SavedReportInfo = item.data(Qt.ItemDataRole.UserRole)
        changes = self._analytics.reports.delete(info.id)
        self.current_id = None
        self.reload()
        self.new_report()
        self.sig_data_changed.emit(changes, self)

    def _on_saved_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if self._loading or current is None:
            return
        info: SavedReportInfo = current.data(Qt.ItemDataRole.UserRole)
        self.current_id = info.id
        self.title.setText(info.name)
        self.set_definition(info.definition)
        self.run()

    def _on_picker_changed(self, _index: int) -> None:
        if not self._loading:
            self._timer.start()

    # ---- export, print

    def ask_export_xlsx(self) -> None:
        """Ask for a file and export the report to Excel."""
        path, _f = QFileDialog.getSaveFileName(
            self, _t("Export report"), f"{self.title.text()}.xlsx", _t("Excel (*.xlsx)")
        )
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> None:
        """Write the report to ``path`` in the background, with progress."""
        if self.result is None:
            return
        result, texts = self.result, self.texts()
        labels = {
            (d, k): group_label(d, k, lab)
            for r in result.rows
            for d, k, lab in zip(result.definition.dims, r.keys, r.labels, strict=True)
        }

        def work() -> Path:
            return write_report_xlsx(
                path, result, texts, label=lambda d, k, lab: labels.get((d, k), lab)
            )

        handle = self._runner.run(
            "report-export",
            work,
            on_done=lambda p: self._on_exported(dialog, p),
            on_error=lambda exc: self._on_export_failed(dialog, exc),
            on_cancelled=lambda: dialog.finish(),
        )
        dialog = TaskProgressDialog(handle, _t("Exporting the report …"), self)

    def _on_exported(self, dialog: TaskProgressDialog, path: Path) -> None:
        dialog.finish()
        self.sig_status_message.emit(_t("Report saved as %1").replace("%1", path.name))

    def _on_export_failed(self, dialog: TaskProgressDialog, exc: BaseException) -> None:
        dialog.finish()
        QMessageBox.warning(
            self,
            _t("Export report"),
            _t("The report could not be written: %1").replace("%1", str(exc)),
        )

    def ask_export_pdf(self) -> None:
        """Ask for a file and write the report as PDF."""
        path, _f = QFileDialog.getSaveFileName(
            self, _t("Export report"), f"{self.title.text()}.pdf", _t("PDF (*.pdf)")
        )
        if path:
            self.export_pdf(Path(path))
            self.sig_status_message.emit(
                _t("Report saved as %1").replace("%1", Path(path).name)
            )

    def export_pdf(self, path: Path) -> Path:
        """Write the report (title, chart, table) to ``path`` as an A4 PDF."""
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setResolution(150)
        writer.setTitle(self.title.text())
        writer.setCreator("Relata")
        self.document(writer.width()).print_(writer)
        return path

    def print_report(self) -> None:
        """Print through the system's print dialog."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.document(printer.width()).print_(printer)

    def document(self, width: int) -> QTextDocument:
        """The report as a text document: heading, chart image, table."""
        doc = QTextDocument()
        doc.setPageSize(QSizeF(max(width, 600), -1))
        chart = self.chart_h if self.charts.currentIndex() else self.chart
        image = QImage(chart.grab().toImage())
        doc.addResource(
            QTextDocument.ResourceType.ImageResource, "chart://report", image
        )
        doc.setHtml(report_html(self.title.text(), self.summary.text(), self.model))
        return doc


def report_html(title: str, subtitle: str, model: ReportTableModel) -> str:
    """Heading, the chart image (resource ``chart://report``) and the table as HTML."""
    from html import escape

    head = "".join(
        f'<th align="{"left" if i < model.columnCount() - 4 else "right"}">{escape(t)}</th>'
        for i, t in enumerate(model.titles())
    )
    body = []
    for row in range(model.rowCount()):
        cells = []
        for col in range(model.columnCount()):
            text = model.data(model.index(row, col)) or ""
            align = "left" if col < model.columnCount() - 4 else "right"
            bold = row == model.rowCount() - 1
            content = f"<b>{escape(str(text))}</b>" if bold else escape(str(text))
            cells.append(f'<td align="{align}">{content}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f"<h2>{escape(title)}</h2><p style='color:#57606a'>{escape(subtitle)}</p>"
        "<p><img src='chart://report' width='900'></p>"
        "<table width='100%' cellspacing='0' cellpadding='4' border='0'>"
        f"<thead><tr style='background:#dde6f0'>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
