"""Screenshots of the automation area for ``relata --smoke-test --screenshots``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


def write_automation_screenshots(
    window: MainWindow, folder: Path, language: str
) -> list[Path]:
    """Workflow editor (with a test run), template preview, campaign report,
    web forms, outbox."""
    app = QApplication.instance()
    assert app is not None
    ui = window.automation_ui
    page = ui.page
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = folder / f"{name}_{language}.png"
        widget.grab().save(str(path))
        shots.append(path)

    ui.show_page(page.workflows)
    page.workflows.reload()
    flows = sorted(ui.automation.workflows.workflows(), key=lambda w: -w.runs)
    if flows:
        row = next(
            i
            for i in range(page.workflows.list.count())
            if page.workflows.list.item(i).data(Qt.ItemDataRole.UserRole) == flows[0].id
        )
        page.workflows.list.setCurrentRow(row)
        page.workflows.test_run()
    grab(window, "workflow_editor")
    ui.show_page(page.templates)
    page.templates.reload()
    page.templates.update_preview()
    grab(window, "template_preview")
    ui.show_page(page.campaigns)
    page.campaigns.reload()
    grab(window, "campaign_report")
    ui.show_page(page.web_forms)
    page.web_forms.reload()
    grab(window, "web_forms")
    ui.show_page(page.outbox)
    page.outbox.reload()
    grab(window, "mail_outbox")
    return shots
