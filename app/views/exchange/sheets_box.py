"""The wizard's "Import several sheets together" box: which sheet holds what.

Shown on the file page when a workbook has more than one sheet. Each sheet
gets an entity (or "not imported"), guessed from its name (Firmen,
Kontakte, Chancen …); the import then maps every sheet's columns by their
headings and checks and writes all sheets in one run.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.exchange.values import fold
from app.services.import_sheets import ORDER
from app.views.exchange.texts import entity_label


def _t(text: str) -> str:
    return QCoreApplication.translate("SheetsBox", text)


# Words in sheet names that say what a sheet holds (folded).
_GUESSES = {
    "organisations": (
        "firm",
        "organisation",
        "organization",
        "unternehm",
        "compan",
        "account",
        "societe",
        "entreprise",
    ),
    "persons": ("kontakt", "person", "contact", "ansprech", "people", "leute"),
    "opportunities": (
        "chance",
        "opportunit",
        "deal",
        "angebot",
        "verkauf",
        "pipeline",
        "affaire",
    ),
}


def guess_entity(sheet: str) -> str | None:
    """The entity a sheet called ``sheet`` probably holds."""
    name = fold(sheet)
    for entity_name, words in _GUESSES.items():
        if any(word in name for word in words):
            return entity_name
    return None


class SheetsBox(QWidget):
    """A check box and, when ticked, one row per sheet with what it holds.

    Signals:
        sig_assignment_changed(): the box was ticked or a sheet reassigned.
    """

    sig_assignment_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(_t("Import several sheets together"))
        self.enabled.setObjectName("severalSheets")
        self.enabled.toggled.connect(self._on_enabled_toggled)
        self.hint = QLabel(
            _t(
                "Organisations, contacts and opportunities are checked together and "
                "imported in one run: a contact names its organisation, an opportunity "
                "its organisation and contact, by customer number, name, e-mail or "
                "external ID. Existing records are found by customer number, e-mail "
                "and external ID and updated; one Undo reverts the whole workbook."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("pageLead")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([_t("Sheet"), _t("Holds")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Interactive
        )
        self.table.setColumnWidth(0, 260)
        self.table.verticalHeader().setDefaultSectionSize(34)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        self._combos: list[tuple[str, QComboBox]] = []
        self._on_enabled_toggled(False)

    def set_sheets(self, sheets: Sequence[str]) -> None:
        """Offer the box for a workbook with ``sheets`` (hidden for one sheet)."""
        self.table.setRowCount(len(sheets))
        self._combos = []
        for row, sheet in enumerate(sheets):
            item = QTableWidgetItem(sheet)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            combo = QComboBox()
            combo.addItem(_t("— not imported —"), None)
            for name in ORDER:
                combo.addItem(entity_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(guess_entity(sheet))))
            combo.currentIndexChanged.connect(
                lambda _i: self.sig_assignment_changed.emit()
            )
            self.table.setItem(row, 0, item)
            self.table.setCellWidget(row, 1, combo)
            self._combos.append((sheet, combo))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + 34 * min(len(sheets), 6) + 4)
        several = len(sheets) > 1
        self.setVisible(several)
        if not several:
            self.enabled.setChecked(False)

    def is_on(self) -> bool:
        """Whether several sheets are imported together."""
        return not self.isHidden() and self.enabled.isChecked()

    def assignments(self) -> dict[str, str]:
        """Sheet → entity of every assigned sheet."""
        return {
            sheet: str(combo.currentData())
            for sheet, combo in self._combos
            if combo.currentData()
        }

    def assign(self, sheet: str, entity_name: str | None) -> None:
        """Say what ``sheet`` holds (``None``: not imported)."""
        for name, combo in self._combos:
            if name == sheet:
                combo.setCurrentIndex(max(0, combo.findData(entity_name)))

    def _on_enabled_toggled(self, on: bool) -> None:
        self.hint.setVisible(on)
        self.table.setVisible(on)
        self.sig_assignment_changed.emit()
