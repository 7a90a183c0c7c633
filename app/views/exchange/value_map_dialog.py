"""Map file values that no synonym knows to stored choices ("Kat. A" → Customer)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import Salutation
from app.exchange.entities import ENTITIES
from app.views.exchange.texts import field_label
from app.views.labels import language_text, salutation_text, status_text


def choice_label(field: str, value: str) -> str:
    """A stored choice value as the user reads it."""
    if field == "status" and value in (
        "prospect",
        "customer",
        "partner",
        "supplier",
        "former",
    ):
        return status_text(value)
    if field == "salutation" and value in ("mr", "ms", "mx"):
        return salutation_text(Salutation(value))
    if field == "language":
        return language_text(value)
    return value


class ValueMapDialog(QDialog):
    """One line per unknown file value: which stored value it stands for."""

    def __init__(
        self,
        entity_name: str,
        unknown: Mapping[str, Sequence[str]],
        current: Mapping[str, Mapping[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map values"))
        self.setMinimumSize(560, 380)
        spec = ENTITIES[entity_name]
        lead = QLabel(
            self.tr(
                "These values of the file are not known. Choose what each stands for; "
                "values left open are reported as errors in the check."
            )
        )
        lead.setWordWrap(True)
        rows = [(f, v) for f, values in unknown.items() for v in values]
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Value in the file"), self.tr("Stands for")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 180)
        self._rows: list[tuple[str, str, QComboBox]] = []
        for row, (field, value) in enumerate(rows):
            choices = sorted(set(spec.field(field).choices.values()))
            combo = QComboBox()
            combo.addItem(self.tr("— leave open —"), None)
            for stored in choices:
                if stored or field == "salutation":
                    combo.addItem(
                        choice_label(field, stored) or self.tr("(none)"), stored
                    )
            chosen = current.get(field, {}).get(value)
            if chosen is not None:
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self.table.setItem(row, 0, QTableWidgetItem(field_label(field)))
            self.table.setItem(row, 1, QTableWidgetItem(value))
            self.table.setCellWidget(row, 2, combo)
            self._rows.append((field, value, combo))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def set_choice(self, field: str, value: str, stored: str | None) -> None:
        """Choose ``stored`` for ``value`` of ``field`` (tests, keyboard users)."""
        for f, v, combo in self._rows:
            if (f, v) == (field, value):
                combo.setCurrentIndex(max(0, combo.findData(stored)))

    def value_maps(self) -> dict[str, dict[str, str]]:
        """Field → file value → stored value, for the chosen lines."""
        out: dict[str, dict[str, str]] = {}
        for field, value, combo in self._rows:
            stored = combo.currentData()
            if stored is not None:
                out.setdefault(field, {})[value] = str(stored)
        return out
