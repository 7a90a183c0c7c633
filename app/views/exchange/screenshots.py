"""Screenshots of the import/export views for ``relata --smoke-test --screenshots``."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from app.exchange.xlsx_writer import ColumnKind, XlsxColumn, XlsxSheet, write_xlsx
from app.views.exchange.import_wizard import CHECK_PAGE

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

SAMPLE_HEADER = (
    "Anrede",
    "Vorname",
    "Nachname",
    "Firma",
    "Funktion",
    "E-Mail",
    "Tel.",
    "Strasse",
    "PLZ",
    "Ort",
    "Geburtsdatum",
    "Status",
)
SAMPLE_ROWS = (
    (
        "Frau",
        "Anna",
        "Müller",
        "Bäckerei Kälin AG",
        "Einkauf",
        "anna.mueller@kaelin.ch",
        "044 123 45 67",
        "Bahnhofstrasse 12",
        "8001",
        "Zürich",
        "17.05.1980",
        "Kunde",
    ),
    (
        "Herr",
        "Luca",
        "Rossi",
        "Rossi SA",
        "Direktor",
        "luca.rossi@rossi.ch",
        "+41 91 123 45 67",
        "Via Nassa 5",
        "6900",
        "Lugano",
        "02.01.1975",
        "Interessent",
    ),
    (
        "Frau",
        "Chloé",
        "Dubois",
        "",
        "",
        "chloe.dubois@exemple",
        "079 555 44 33",
        "12, rue du Rhône",
        "1200",
        "Genève",
        "31.02.1990",
        "Partner",
    ),
    (
        "Herr",
        "Peter",
        "",
        "Muster AG",
        "",
        "peter@muster.ch",
        "12",
        "Weg 1",
        "80",
        "Bern",
        "",
        "VIP",
    ),
)


def _workbook_sheets() -> list[XlsxSheet]:
    """Firmen / Kontakte / Chancen linked by customer number and e-mail."""

    def sheet(
        name: str, header: tuple[str, ...], rows: list[list[object]]
    ) -> XlsxSheet:
        return XlsxSheet(name, [XlsxColumn(h, ColumnKind.TEXT) for h in header], rows)

    return [
        sheet(
            "Firmen",
            ("Kundennummer", "Firma", "Strasse", "PLZ", "Ort", "Status"),
            [
                [
                    "K-4711",
                    "Bäckerei Kälin AG",
                    "Bahnhofstrasse 12",
                    "8001",
                    "Zürich",
                    "Kunde",
                ],
                ["K-4712", "Rossi SA", "Via Nassa 5", "6900", "Lugano", "Interessent"],
                [
                    "K-4713",
                    "Atelier Dubois Sàrl",
                    "Rue du Rhône 12",
                    "1204",
                    "Genève",
                    "Kunde",
                ],
            ],
        ),
        sheet(
            "Kontakte",
            ("Anrede", "Vorname", "Nachname", "Firma", "Funktion", "E-Mail"),
            [
                ["Frau", "Anna", "Müller", "K-4711", "Einkauf", "anna@kaelin.ch"],
                ["Herr", "Luca", "Rossi", "K-4712", "Direktor", "luca@rossi.ch"],
                ["Frau", "Chloé", "Dubois", "K-4799", "Inhaberin", "chloe@dubois.ch"],
            ],
        ),
        sheet(
            "Chancen",
            (
                "Externe ID",
                "Titel",
                "Kunde",
                "Kontakt",
                "Phase",
                "Betrag",
                "Abschlussdatum",
            ),
            [
                [
                    "CH-1",
                    "Ofenservice 2027",
                    "K-4711",
                    "anna@kaelin.ch",
                    "Angebot",
                    "18'500.00",
                    "31.03.2027",
                ],
                [
                    "CH-2",
                    "Filiale Lugano",
                    "K-4712",
                    "luca@rossi.ch",
                    "Verhandlung",
                    "42'000.00",
                    "30.06.2027",
                ],
                ["CH-3", "Schaufenster", "K-4713", "", "Irgendwann", "3'200", ""],
            ],
        ),
    ]


def _settle(until: Callable[[], bool] | None = None, timeout: float = 15.0) -> None:
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout
    for _ in range(3):
        app.processEvents()
    while until is not None and not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(3):
        app.processEvents()


def write_exchange_screenshots(
    window: MainWindow, folder: Path, language: str
) -> list[Path]:
    """The Import & export page, the wizard's mapping and check pages, the export dialog."""
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        path = folder / f"{name}_{language}.png"
        widget.grab().save(str(path))
        shots.append(path)

    ui = window.exchange_ui
    ui.show_page()
    _settle()
    grab(window, "import_export")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "Messeliste.xlsx"
        columns = [XlsxColumn(h, ColumnKind.TEXT) for h in SAMPLE_HEADER]
        write_xlsx(
            sample, [XlsxSheet("Kontakte", columns, [list(r) for r in SAMPLE_ROWS])]
        )
        wizard = ui.open_import()
        wizard.file_page.path.setText(str(sample))
        wizard.next()
        _settle()
        grab(wizard, "import_mapping")
        wizard.next()
        _settle(
            lambda: wizard.currentId() == CHECK_PAGE and wizard.analysis is not None
        )
        grab(wizard, "import_check")
        wizard.close()
        book = Path(tmp) / "CRM-Übernahme.xlsx"
        write_xlsx(book, _workbook_sheets())
        wizard = ui.open_import()
        wizard.file_page.path.setText(str(book))
        wizard.file_page.sheets.enabled.setChecked(True)
        _settle()
        grab(wizard, "import_sheets")
        wizard.next()
        _settle(
            lambda: wizard.currentId() == CHECK_PAGE and wizard.analysis is not None
        )
        grab(wizard, "import_sheets_check")
        wizard.close()
    dialog = ui.open_export("persons")
    _settle()
    grab(dialog, "export_dialog")
    dialog.close()
    _settle()
    return shots
