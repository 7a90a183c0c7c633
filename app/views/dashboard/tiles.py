"""A dashboard tile: title, one-line figure, body (chart or table), empty state,
freshness note and an export button; and the key-figure card of the top strip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.views.dashboard.charts import export_chart

DASHBOARD_STYLE = """
QFrame#tile { background: palette(base); border: 1px solid #d0d7de; border-radius: 8px; }
QLabel#tileTitle { font-size: 14px; font-weight: 600; }
QLabel#tileFigure { color: palette(text); font-size: 12px; }
QLabel#tileNote { color: #8c959f; font-size: 11px; }
QLabel#tileEmpty { color: #57606a; font-size: 13px; padding: 24px; }
QToolButton#tileMenu { border: none; padding: 0 6px; color: #57606a; font-size: 16px; }
QToolButton#tileMenu::menu-indicator { image: none; width: 0; }
QListWidget#savedReports { background: palette(base); border: 1px solid #d0d7de;
    border-radius: 6px; }
QListWidget#savedReports::item { padding: 6px 8px; }
QFrame#kpi { background: palette(base); border: 1px solid #d0d7de; border-radius: 8px; }
QLabel#kpiTitle { color: #57606a; font-size: 12px; }
QLabel#kpiValue { font-size: 22px; font-weight: 600; }
QLabel#kpiNote { font-size: 11px; color: #57606a; }
QLabel#kpiNote[trend="up"] { color: #1a7f37; }
QLabel#kpiNote[trend="down"] { color: #cf222e; }
QTableWidget#tileTable {
    border: none; background: palette(base); gridline-color: transparent;
}
QTableWidget#tileTable::item { padding: 2px 6px; }
QTableWidget#tileTable QHeaderView::section { padding: 5px 4px; }
QLabel#formula { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px;
    padding: 8px 10px; font-family: monospace; }
"""


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardTile", text)


class Tile(QFrame):
    """A titled card holding a chart or table, or a sentence saying what to do.

    Signals:
        sig_export_failed(str): the file could not be written (message).
    """

    sig_export_failed = Signal(str)

    def __init__(
        self, title: str, body: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.title = QLabel(title)
        self.title.setObjectName("tileTitle")
        self.figure = QLabel()
        self.figure.setObjectName("tileFigure")
        self.figure.setWordWrap(True)
        self.body = body
        self.empty = QLabel()
        self.empty.setObjectName("tileEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setObjectName("tileNote")
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("tileMenu")
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip(_t("Export the chart"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.menu_button)
        self.act_png = menu.addAction(_t("Export as PNG …"))
        self.act_svg = menu.addAction(_t("Export as SVG …"))
        self.act_png.triggered.connect(lambda: self.export_dialog("png"))
        self.act_svg.triggered.connect(lambda: self.export_dialog("svg"))
        self.menu_button.setMenu(menu)
        self.menu_button.setVisible(hasattr(body, "getPlotItem"))
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.menu_button)
        self.stack = QStackedLayout()
        self.stack.addWidget(body)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.figure)
        layout.addLayout(self.stack, 1)
        layout.addWidget(self.note)

    def show_body(self, figure: str = "") -> None:
        """Show the chart or table with a one-line figure above it."""
        self.figure.setText(figure)
        self.figure.setVisible(bool(figure))
        self.stack.setCurrentIndex(0)
        self.menu_button.setEnabled(True)

    def show_empty(self, text: str) -> None:
        """Show ``text`` (what to do to fill this tile) instead of the body."""
        self.figure.setVisible(False)
        self.empty.setText(text)
        self.stack.setCurrentIndex(1)
        self.menu_button.setEnabled(False)

    @property
    def is_empty(self) -> bool:
        """Whether the empty state is shown."""
        return self.stack.currentIndex() == 1

    def export_to(self, path: Path) -> Path:
        """Write the chart to ``path`` (``.png`` or ``.svg``)."""
        return export_chart(self.body, path)

    def export_dialog(self, kind: str) -> None:
        """Ask for a file name and export the chart."""
        name = self.title.text().replace("/", "-")
        filters = (
            _t("PNG image (*.png)") if kind == "png" else _t("SVG drawing (*.svg)")
        )
        path, _chosen = QFileDialog.getSaveFileName(
            self, _t("Export chart"), f"{name}.{kind}", filters
        )
        if not path:
            return
        try:
            self.export_to(Path(path))
        except OSError as exc:
            self.sig_export_failed.emit(str(exc))


class Kpi(QFrame):
    """A key figure: title, big value, a note (green up / red down)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpi")
        self.title = QLabel(title)
        self.title.setObjectName("kpiTitle")
        self.value = QLabel("–")
        self.value.setObjectName("kpiValue")
        self.note = QLabel()
        self.note.setObjectName("kpiNote")
        for label in (self.title, self.note):  # narrow windows: cut, not widen
            label.setSizePolicy(
                QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
            )
        self.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def set(self, value: str, note: str = "", trend: str = "") -> None:
        """Show ``value`` and ``note``; ``trend`` ``up``/``down`` colours the note."""
        self.value.setText(value)
        self.note.setText(note)
        # a narrow window cuts the title and the note: the whole text on hover
        lines = [f"{self.title.text()}: {value}", note]
        self.setToolTip("\n".join(line for line in lines if line))
        if self.note.property("trend") != trend:  # style sheets apply anew
            self.note.setProperty("trend", trend)
            self.note.style().unpolish(self.note)
            self.note.style().polish(self.note)
