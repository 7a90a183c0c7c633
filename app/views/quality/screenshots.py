"""Screenshots of the quality views for ``relata --smoke-test --screenshots``.

With demo data the pictures show real pairs, segments and fields; on an empty
database they show the empty states.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from app.domain.quality import DedupKind
from app.domain.segments import Condition, Op
from app.views.address_book import PERSONS

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


def write_quality_screenshots(
    window: MainWindow, folder: Path, language: str
) -> list[Path]:
    """Duplicates, merge dialog, segment builder, report, tags, custom fields, form."""
    app = QApplication.instance()
    assert app is not None
    ui = window.quality_ui
    page = ui.page
    quality = ui.quality
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = folder / f"{name}_{language}.png"
        widget.grab().save(str(path))
        shots.append(path)

    ui.show_page(page.duplicates)
    page.duplicates.show_result(quality.dedup.scan(DedupKind.PERSON))
    grab(window, "duplicates")
    dialog = page.duplicates.merge_selected()
    if dialog is not None:
        dialog.resize(820, 640)
        grab(dialog, "merge_dialog")
        dialog.reject()
        dialog.deleteLater()

    ui.show_page(page.segments)
    builder = page.segments
    saved = quality.segments.segments("person")
    if saved:
        builder.show_segment(saved[0])
    else:
        builder.new_segment()
        for condition in (
            Condition("status", Op.IN, ["customer"]),
            Condition("postcode", Op.STARTS_WITH, "8"),
            Condition("journal", Op.NOT_IN_LAST_DAYS, 90),
        ):
            builder.add_condition(condition)
        builder.name.setText(
            "Kunden Region Zürich" if language == "de" else "Customers Zurich area"
        )
        builder.match.setCurrentIndex(0)
    builder.recount()
    deadline = time.monotonic() + 10
    while builder.pending and time.monotonic() < deadline:  # counted on the worker
        app.processEvents()
        time.sleep(0.01)
    grab(window, "segments")

    ui.show_page(page.report)
    page.report.show_report(quality.data_quality.report("person"))
    grab(window, "quality_report")
    ui.show_page(page.tags)
    grab(window, "tags")
    ui.show_page(page.custom_fields)
    editor = page.custom_fields
    editor.kinds.setCurrentIndex(1)  # persons: a choice field shows its values
    if editor.table.rowCount():
        editor.table.selectRow(0)
    grab(window, "custom_fields")

    window.show_addresses(PERSONS)
    book = window.addresses
    if book.model.total:
        book.table.selectRow(0)
    grab(window, "person_custom_fields")
    return shots
