"""Screenshots of the journal views for ``relata --smoke-test --screenshots``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from app.views.address_book import ORGANISATIONS
from app.views.journal.quick_log import QuickLogDialog

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


def write_journal_screenshots(
    window: MainWindow, folder: Path, language: str
) -> list[Path]:
    """Timeline, quick-log dialog, task list, a case and the journal, as PNGs."""
    app = QApplication.instance()
    assert app is not None
    ui = window.journal_ui
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = folder / f"{name}_{language}.png"
        widget.grab().save(str(path))
        shots.append(path)

    book = window.addresses
    window.show_addresses(ORGANISATIONS)
    if book.model.total:
        book.table.selectRow(0)
    book.detail_tabs.setCurrentWidget(ui.history)
    grab(window, "timeline")
    dialog = QuickLogDialog(
        window.services.journal.entries, ui.context(), now=ui.now, parent=window
    )
    dialog.text.setPlainText(
        "Budget 2027 besprochen, Offerte bis Freitag."
        if language == "de"
        else "Discussed the 2027 budget; offer by Friday."
    )
    dialog.follow_up.setChecked(True)
    dialog.show()
    grab(dialog, "quick_log")
    dialog.reject()
    dialog.deleteLater()
    book.detail_tabs.setCurrentIndex(0)
    ui.show(ui.tasks)
    grab(window, "tasks")
    ui.show(ui.service)
    ui.service.setCurrentWidget(ui.cases)
    ui.cases.reload()
    grab(window, "case")
    ui.cases.detail_tabs.setCurrentWidget(ui.cases.journal)
    grab(window, "case_journal")
    ui.cases.detail_tabs.setCurrentIndex(0)
    ui.show(ui.journal)
    grab(window, "journal")
    return shots
