"""The forecast chart (pyqtgraph): won and weighted bars, commit and best-case lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from app.domain.pipeline import ForecastBucket
from app.views.pipeline.texts import month_text, quarter_text

WON = "#1a7f37"
WEIGHTED = "#1f6feb"
COMMIT = "#8250df"
BEST = "#8c959f"


def _t(text: str) -> str:
    return QCoreApplication.translate("ForecastChart", text)


class MoneyAxis(pg.AxisItem):  # type: ignore[misc]
    """Y axis in CHF: grouped thousands, millions as ``1.5 M`` (``1.5 Mio.``)."""

    def tickStrings(
        self, values: Sequence[float], scale: float, spacing: float
    ) -> list[str]:
        locale = QLocale()
        out = []
        for value in values:
            chf = value * scale
            if abs(chf) >= 1_000_000:
                text = locale.toString(chf / 1_000_000, "f", 1)
                out.append(_t("%1 M").replace("%1", text))  # German "Mio."
            else:
                out.append(locale.toString(round(chf)))
        del spacing
        return out


class ForecastChart(pg.PlotWidget):  # type: ignore[misc]
    """Bars per period (won below, weighted open on top) and two lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent=parent, background="w", axisItems={"left": MoneyAxis("left")}
        )
        self.setObjectName("forecastChart")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.15)
        font = QFont()
        font.setPointSize(9)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTextPen(QColor("#57606a"))
            axis.setPen(QColor("#d0d7de"))
            axis.setTickFont(font)
        plot.getAxis("left").setWidth(70)
        self.legend = plot.addLegend(offset=(-10, 6), colCount=4)
        self.legend.setLabelTextColor(QColor("#1f2328"))
        self.won = pg.BarGraphItem(
            x=[0.0], height=[0.0], width=0.6, brush=WON, pen=None, name=_t("Won")
        )
        self.weighted = pg.BarGraphItem(
            x=[0.0],
            height=[0.0],
            y0=[0.0],
            width=0.6,
            brush=WEIGHTED,
            pen=None,
            name=_t("Weighted"),
        )
        self.commit = pg.PlotDataItem(
            name=_t("Commit"),
            pen=pg.mkPen(COMMIT, width=2),
            symbol="o",
            symbolSize=6,
            symbolBrush=COMMIT,
            symbolPen=None,
        )
        self.best = pg.PlotDataItem(
            name=_t("Best case"),
            pen=pg.mkPen(BEST, width=2, style=Qt.PenStyle.DashLine),
        )
        for item in (self.commit, self.best):
            item.setDownsampling(auto=True)
            item.setClipToView(True)
        for item in (self.won, self.weighted, self.commit, self.best):
            plot.addItem(item)
        self.buckets: tuple[ForecastBucket, ...] = ()

    def show_buckets(
        self, buckets: Sequence[ForecastBucket], *, quarterly: bool
    ) -> None:
        """Draw ``buckets`` (money in CHF minor units)."""
        self.buckets = tuple(buckets)
        x = np.arange(len(buckets), dtype=np.float64)
        won = np.array([b.won / 100 for b in buckets], dtype=np.float64)
        weighted = np.array([b.weighted / 100 for b in buckets], dtype=np.float64)
        commit = np.array([b.commit / 100 for b in buckets], dtype=np.float64)
        best = np.array([b.best_case / 100 for b in buckets], dtype=np.float64)
        self.won.setOpts(x=x, height=won, width=0.6)
        self.weighted.setOpts(x=x, y0=won, height=weighted, width=0.6)
        self.commit.setData(x, commit)
        self.best.setData(x, best)
        labels = [
            (
                float(i),
                quarter_text(b.start) if quarterly else month_text(b.start, short=True),
            )
            for i, b in enumerate(buckets)
        ]
        self.getPlotItem().getAxis("bottom").setTicks([labels])
        top = float(max([*best, *(won + weighted), 1.0]))
        self.setXRange(-0.6, len(buckets) - 0.4, padding=0)
        self.setYRange(0, top * 1.15, padding=0)

    def values(self) -> dict[str, Any]:
        """What is drawn (tests): heights per series."""
        return {
            "won": list(self.won.opts["height"]),
            "weighted": list(self.weighted.opts["height"]),
            "commit": list(self.commit.yData) if self.commit.yData is not None else [],
            "best": list(self.best.yData) if self.best.yData is not None else [],
        }
