"""pyqtgraph charts of the dashboard: bars (clickable, with exact tooltips) and lines.

Colours come from the widget's palette (background, text, grid), so the
charts follow a light or dark theme; series colours are mid-tones readable on
both. Axis numbers are in the user's locale (``1'234``, ``1.5 M``, German
``1.5 Mio.``). Every chart exports to PNG or SVG (:func:`export_chart`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QEvent, QLocale, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QToolTip, QWidget

from app.views.pipeline.forecast_chart import MoneyAxis

#: Series colours (GitHub Primer mid-tones: readable on white and on dark grey).
BLUE = "#1f6feb"
GREEN = "#1a7f37"
PURPLE = "#8250df"
ORANGE = "#d4731b"
GREY = "#8c959f"
RED = "#cf222e"
TEAL = "#1b7c83"
SERIES = (BLUE, GREEN, ORANGE, PURPLE, TEAL, RED, "#bf3989", "#6e7781")

Tip = Callable[[int], str]
#: Widest category name on a horizontal bar chart's axis (longer ones are elided).
MAX_LABEL_PX = 240


def theme(plot: pg.PlotWidget, palette: QPalette) -> None:
    """Background, axes and grid of ``plot`` from ``palette``."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    muted = QColor(text)
    muted.setAlpha(170)
    line = QColor(text)
    line.setAlpha(60)
    plot.setBackground(base)
    item = plot.getPlotItem()
    font = QFont()
    font.setPointSize(9)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setTextPen(muted)
        axis.setPen(line)
        axis.setTickFont(font)
        # kept as a picture between changes: the tick labels are laid out
        # again at every paint otherwise (≈ 1.5 ms an axis; 15-20 ms of a
        # dashboard drawing, which paints each axis twice)
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    legend = item.legend
    if legend is not None:
        legend.setLabelTextColor(text)


def export_chart(plot: pg.PlotWidget, path: Path) -> Path:
    """Write ``plot`` to ``path`` as SVG (``.svg``) or PNG (anything else)."""
    item = plot.getPlotItem()
    if path.suffix.lower() == ".svg":
        # Qt's own SVG generator: pyqtgraph's SVG exporter fails on the path
        # syntax Qt 6 writes ("x,y" pairs expected)
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(plot.size())
        generator.setViewBox(QRect(0, 0, plot.width(), plot.height()))
        generator.setTitle("Relata")
        painter = QPainter(generator)
        plot.render(painter)
        painter.end()
    else:
        exporter = pyqtgraph.exporters.ImageExporter(item)
        exporter.parameters()["width"] = max(800, int(plot.width() * 2))
        exporter.export(str(path))
    return path


class NumberAxis(pg.AxisItem):  # type: ignore[misc]
    """Counts and percentages in the user's locale (``10'000``, ``2.5``).

    pyqtgraph writes ``10000`` (``%g``) from ten thousand on, ungrouped.
    """

    def tickStrings(
        self, values: Sequence[float], scale: float, spacing: float
    ) -> list[str]:
        step = spacing * scale
        places = max(0, math.ceil(-math.log10(step))) if step > 0 else 0
        locale = QLocale()
        return [
            locale.toString(float(v * scale), "f", places)
            if places
            else locale.toString(round(v * scale))
            for v in values
        ]


class BarChart(pg.PlotWidget):  # type: ignore[misc]
    """Bars by category, vertical or horizontal, one or more series side by side.

    Signals:
        sig_bar_clicked(int): the category under the click (index).
    """

    sig_bar_clicked = Signal(int)

    def __init__(
        self,
        *,
        horizontal: bool = False,
        money: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        side = "bottom" if horizontal else "left"
        axis = MoneyAxis(side) if money else NumberAxis(side)
        super().__init__(parent=parent, axisItems={side: axis})
        self.horizontal = horizontal
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        item = self.getPlotItem()
        item.showGrid(x=horizontal, y=not horizontal, alpha=0.12)
        item.addLegend(offset=(-6, 4), colCount=3)
        self.bars: list[pg.BarGraphItem] = []
        self._series: list[tuple[str, str]] = []
        self.labels: list[str] = []
        self.tip: Tip | None = None
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.scene().sigMouseMoved.connect(self._on_scene_moved)
        theme(self, self.palette())

    def set_bars(
        self,
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[float], str]],
        *,
        tip: Tip | None = None,
        stacked: bool = False,
    ) -> None:
        """Draw ``series`` of (name, values, colour) over ``labels``.

        Several series stand side by side, or on top of each other if
        ``stacked`` (then each bar is a category's total, split by series).
        """
        item = self.getPlotItem()
        key = [(name, colour) for name, _values, colour in series]
        # the same series again (a filter change): their bars are updated in
        # place, the legend stays; otherwise built anew
        reuse = key == self._series and len(self.bars) == len(series)
        if not reuse:
            for bar in self.bars:
                item.removeItem(bar)
            self.bars = []
            if item.legend is not None:
                item.legend.clear()
        self._series = key
        self.labels = list(labels)
        self.tip = tip
        n = len(labels)
        count = max(1, len(series))
        width = 0.72 if stacked else 0.72 / count
        pos = np.arange(n, dtype=np.float64)
        if self.horizontal:  # first category on top
            pos = (n - 1 - pos).astype(np.float64)
        top = 1.0
        base = np.zeros(n, dtype=np.float64)
        for k, (name, values, colour) in enumerate(series):
            offset = 0.0 if stacked else (k - (count - 1) / 2) * width
            vals = np.array(values, dtype=np.float64)
            start = base.copy() if stacked else np.zeros(n, dtype=np.float64)
            if stacked:
                base = base + vals
            ends = start + vals
            top = max(top, float(ends.max()) if len(ends) else 0.0)
            if self.horizontal:
                shape = {"x0": start, "y": pos - offset, "height": width * 0.92,
                         "width": vals}  # fmt: skip
            else:
                shape = {"x": pos + offset, "y0": start, "height": vals,
                         "width": width * 0.92}  # fmt: skip
            if reuse:  # per-bar colours set by the caller go with the old bars
                self.bars[k].setOpts(brush=colour, brushes=None, **shape)
                continue
            bar = pg.BarGraphItem(
                brush=colour, pen=None, name=name if count > 1 else None, **shape
            )
            item.addItem(bar)
            self.bars.append(bar)
        axis = item.getAxis("left" if self.horizontal else "bottom")
        shown = list(labels)
        if self.horizontal:  # names elided to fit: pyqtgraph drops a tick
            # label that is wider than its axis instead of cutting it
            metrics = QFontMetrics(axis.style.get("tickFont") or QFont())
            shown = [
                metrics.elidedText(t, Qt.TextElideMode.ElideMiddle, MAX_LABEL_PX)
                for t in labels
            ]
            widest = max((metrics.horizontalAdvance(t) for t in shown), default=0)
            axis.setWidth(widest + 18)
        axis.setTicks([[(float(p), t) for p, t in zip(pos, shown, strict=True)]])
        if self.horizontal:
            extra = 0.0
            if count > 1:  # room above the first bar for the legend's rows
                rows = -(-count // 3)
                legend_px = 22 * rows + 8
                height = max(120.0, float(self.getPlotItem().vb.height() or 220))
                extra = legend_px * (n + 0.2) / max(40.0, height - legend_px)
            self.setYRange(-0.6, n - 0.4 + extra, padding=0)
            self.setXRange(0, top * 1.12, padding=0)
        else:
            item.getAxis("left").setWidth(64)
            self.setXRange(-0.6, n - 0.4, padding=0)
            self.setYRange(0, top * (1.35 if count > 1 else 1.15), padding=0)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a palette change (light/dark theme)."""
        super().changeEvent(event)
        ready = getattr(self, "plotItem", None) is not None  # not while built
        if ready and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        ):
            theme(self, self.palette())

    def category_at(self, scene_pos: QPointF) -> int | None:
        """The category index under a scene position, if any."""
        if not self.labels:
            return None
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        point = view.mapSceneToView(scene_pos)
        raw = point.y() if self.horizontal else point.x()
        index = round(raw)
        if self.horizontal:
            index = len(self.labels) - 1 - index
        return index if 0 <= index < len(self.labels) else None

    def _on_scene_clicked(self, event: object) -> None:
        pos = event.scenePos()  # type: ignore[attr-defined]
        index = self.category_at(pos)
        if index is not None:
            self.sig_bar_clicked.emit(index)

    def _on_scene_moved(self, pos: QPointF) -> None:
        index = self.category_at(pos)
        if index is None or self.tip is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(
            self.mapToGlobal(self.mapFromScene(pos)), self.tip(index), self
        )


class LineChart(pg.PlotWidget):  # type: ignore[misc]
    """Lines over categories (weeks, months) with a tooltip per category."""

    def __init__(
        self,
        *,
        y_range: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent, axisItems={"left": NumberAxis("left")})
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        item = self.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.12)
        item.addLegend(offset=(-6, 4), colCount=4)
        self.y_range = y_range
        self.lines: list[pg.PlotDataItem] = []
        self._series: list[tuple[str, str]] = []
        self.labels: list[str] = []
        self.tip: Tip | None = None
        self.scene().sigMouseMoved.connect(self._on_scene_moved)
        theme(self, self.palette())

    def set_lines(
        self,
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[float], str]],
        *,
        tip: Tip | None = None,
        every: int = 1,
    ) -> None:
        """Draw ``series`` (name, values, colour); label every ``every``-th tick."""
        item = self.getPlotItem()
        key = [(name, colour) for name, _values, colour in series]
        reuse = key == self._series and len(self.lines) == len(series)
        if not reuse:  # the same series again: new values, same lines and legend
            for line in self.lines:
                item.removeItem(line)
            self.lines = []
            if item.legend is not None:
                item.legend.clear()
        self._series = key
        self.labels = list(labels)
        self.tip = tip
        x = np.arange(len(labels), dtype=np.float64)
        top = 1.0
        for k, (name, values, colour) in enumerate(series):
            vals = np.array(values, dtype=np.float64)
            if len(vals):
                top = max(
                    top, float(np.nanmax(vals)) if not np.all(np.isnan(vals)) else 0
                )
            if reuse:
                self.lines[k].setData(x, vals)
                continue
            line = pg.PlotDataItem(  # one line needs no legend (as the bars)
                x, vals, name=name if len(series) > 1 else None,
                pen=pg.mkPen(colour, width=2),
                symbol="o", symbolSize=5, symbolBrush=colour, symbolPen=None,
                connect="finite",
            )  # fmt: skip
            item.addItem(line)
            self.lines.append(line)
        ticks = [
            (float(i), text) for i, text in enumerate(labels) if i % max(1, every) == 0
        ]
        item.getAxis("bottom").setTicks([ticks])
        self.setXRange(-0.4, max(0.4, len(labels) - 0.6), padding=0)
        if self.y_range is not None:
            self.setYRange(*self.y_range, padding=0)
        else:  # headroom for the legend above the lines
            self.setYRange(0, top * (1.45 if len(series) > 2 else 1.2), padding=0)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a palette change (light/dark theme)."""
        super().changeEvent(event)
        ready = getattr(self, "plotItem", None) is not None  # not while built
        if ready and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        ):
            theme(self, self.palette())

    def _on_scene_moved(self, pos: QPointF) -> None:
        view = self.getPlotItem().vb
        if (
            not self.labels
            or self.tip is None
            or not view.sceneBoundingRect().contains(pos)
        ):
            QToolTip.hideText()
            return
        index = round(view.mapSceneToView(pos).x())
        if 0 <= index < len(self.labels):
            QToolTip.showText(
                self.mapToGlobal(self.mapFromScene(pos)), self.tip(index), self
            )
