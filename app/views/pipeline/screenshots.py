"""Screenshots of the sales views for ``relata --smoke-test --screenshots``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from app.views.pipeline.pipeline_page import BOARD, LIST

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


def write_sales_screenshots(
    window: MainWindow, folder: Path, language: str
) -> list[Path]:
    """Leads, board, list, an opportunity, the convert dialog and the forecast."""
    app = QApplication.instance()
    assert app is not None
    ui = window.sales_ui
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = folder / f"{name}_{language}.png"
        widget.grab().save(str(path))
        shots.append(path)

    ui.show(ui.leads)
    if ui.leads.model.total:
        ui.leads.table.selectRow(0)
    grab(window, "leads")
    ui.show(ui.pipeline)
    ui.pipeline.show_view(BOARD)
    ui.pipeline.board.focus_first_card()
    grab(window, "pipeline_board")
    ui.pipeline.show_view(LIST)
    grab(window, "pipeline_list")
    ui.pipeline.show_view(BOARD)
    found = ui.pipeline.board.current_card()
    dialog = (
        ui.pipeline.open_opportunity(found[1].id)
        if found
        else ui.pipeline.new_opportunity()
    )
    dialog.resize(1100, 800)
    grab(dialog, "opportunity_form")
    dialog.form.set_clean()
    dialog.done(0)
    ui.show(ui.forecast)
    ui.forecast.refresh()
    grab(window, "forecast")
    settings = ui.edit_settings()
    settings.resize(820, 600)
    grab(settings, "sales_settings")
    settings.close()
    return shots
