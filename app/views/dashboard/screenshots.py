"""Screenshots of the analytics views for ``relata --smoke-test --screenshots``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from app.domain.analytics import Measure, ReportDef
from app.views.dashboard.integration import CUSTOMER_VALUE, NPS, REPORTS

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


def write_analytics_screenshots(
    window: MainWindow, folder: Path, language: str
) -> list[Path]:
    """The dashboard (window and full page), a drill list, reports, CLTV, NPS."""
    app = QApplication.instance()
    assert app is not None
    ui = window.analytics_ui
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = folder / f"{name}_{language}.png"
        widget.grab().save(str(path))
        shots.append(path)

    window.show_page(0)
    ui.dashboard.refresh()
    deadline = time.monotonic() + 30  # the slow tiles arrive from a worker
    while (
        ui.dashboard.dashboard is not None
        and ui.dashboard.dashboard.pending
        and time.monotonic() < deadline
    ):
        app.processEvents()
        time.sleep(0.02)
    grab(window, "dashboard")
    # the whole page, as a manager would print or send it
    canvas = ui.dashboard.findChild(QWidget, "page")
    if canvas is not None:
        grab(canvas, "dashboard_full")
    dash = ui.dashboard.dashboard
    if dash is not None and dash.funnel and dash.funnel[0].reached:
        ui.dashboard._on_funnel_clicked(len(dash.funnel) - 1)  # the Won bar
        if ui.drill is not None:
            grab(ui.drill, "dashboard_drill")
            ui.drill.close()
    ui.show_reports(REPORTS)
    builder = ui.reports.builder
    saved = builder.saved
    if saved.count():
        saved.setCurrentRow(0)
    else:
        builder.set_definition(ReportDef(dims=("owner", "stage"), measure=Measure.SUM))
        builder.run()
    grab(window, "report_builder")
    ui.show_reports(CUSTOMER_VALUE)
    grab(window, "customer_value")
    ui.show_reports(NPS)
    grab(window, "nps")
    ui.show_reports(REPORTS)
    return shots
