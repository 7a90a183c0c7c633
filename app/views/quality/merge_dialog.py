"""Merge two records field by field (as EspoCRM does), with undo afterwards.

The user picks which record is kept and, for every field whose values differ,
which value the kept record takes. The dialog lists what moves over (phone
numbers, addresses, tags, journal, opportunities …) before anything happens.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import Salutation
from app.domain.changes import Changes
from app.domain.errors import UserError
from app.domain.quality import DedupKind, MergePreview, MergeResult, RecordBrief
from app.services.merge import MergeService
from app.services.validation import format_phone
from app.views.forms.errors import ErrorLabel
from app.views.labels import salutation_text
from app.views.quality.texts import choice_value_text, field_text, quality_error_text


def _t(text: str) -> str:
    return QCoreApplication.translate("MergeDialog", text)


def related_text(table: str, count: int) -> str:
    """``3 addresses`` for a related table the merge moves (plural forms)."""
    forms = {
        "address": QCoreApplication.translate(
            "MergeDialog", "%n address(es)", "", count
        ),
        "channel": QCoreApplication.translate(
            "MergeDialog", "%n phone number(s) or e-mail(s)", "", count
        ),
        "employment": QCoreApplication.translate(
            "MergeDialog", "%n organisation link(s)", "", count
        ),
        "entity_tag": QCoreApplication.translate("MergeDialog", "%n tag(s)", "", count),
        "custom_field_value": QCoreApplication.translate(
            "MergeDialog", "%n custom value(s)", "", count
        ),
        "journal_link": QCoreApplication.translate(
            "MergeDialog", "%n journal entry(ies)", "", count
        ),
        "task_link": QCoreApplication.translate("MergeDialog", "%n task(s)", "", count),
        "opportunity": QCoreApplication.translate(
            "MergeDialog", "%n opportunity(ies)", "", count
        ),
        "lead": QCoreApplication.translate("MergeDialog", "%n lead(s)", "", count),
        "service_case": QCoreApplication.translate(
            "MergeDialog", "%n service case(s)", "", count
        ),
    }
    return forms.get(table) or f"{QLocale().toString(count)} {table}"


def _shown(key: str, value: str) -> str:
    if not value:
        return "—"
    if key in ("status", "language"):
        return choice_value_text(key, value)
    if key == "salutation":
        return salutation_text(Salutation(value)) if value in Salutation else value
    if key == "phone":
        return format_phone(value)
    if key.startswith("cf:") and value in ("yes", "no"):
        return _t("Yes") if value == "yes" else _t("No")
    if key == "birth_date":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return QLocale().toString(QDate(day.year, day.month, day.day), "dd.MM.yyyy")
    return value


def record_line(r: RecordBrief) -> str:
    """Name, place, contact and last change of a record on one line."""
    place = " ".join(p for p in (r.postcode, r.city) if p)
    changed = ""
    if r.updated_at is not None:
        stamp = QDateTime.fromSecsSinceEpoch(int(r.updated_at.timestamp()))
        changed = _t("changed %1").replace(
            "%1", QLocale().toString(stamp.date(), "dd.MM.yyyy")
        )
    return " · ".join(p for p in (r.name, place, r.email or r.phone, changed) if p)


class MergeDialog(QDialog):
    """Choose the kept record and the value of each differing field, then merge."""

    def __init__(
        self,
        service: MergeService,
        kind: DedupKind,
        first_id: str,
        second_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Merge duplicates"))
        self.setMinimumSize(760, 560)
        self._service = service
        self._kind = kind
        self._ids = (first_id, second_id)
        self.result_: MergeResult | None = None
        self.changes = Changes()
        self.preview: MergePreview | None = None
        intro = QLabel(
            _t(
                "Choose which record to keep and, for each field that differs, which "
                "value it keeps. Everything linked to the other record — addresses, "
                "phone numbers, tags, journal entries, opportunities — moves to the "
                "kept record. You can undo the merge afterwards."
            )
        )
        intro.setWordWrap(True)
        self.keep_first = QRadioButton()
        self.keep_second = QRadioButton()
        self.keep_first.setChecked(True)
        keep = QButtonGroup(self)
        keep.addButton(self.keep_first)
        keep.addButton(self.keep_second)
        self.keep_first.toggled.connect(lambda _on: self._load())
        self.grid_host = QWidget()
        self.grid_host.setObjectName("formBody")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(12, 8, 12, 8)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.grid_host)
        self.related = QLabel()
        self.related.setWordWrap(True)
        self.related.setObjectName("countLabel")
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(_t("Merge"))
        self.merge_button.setObjectName("primaryButton")
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        keep_title = QLabel(_t("Keep"))
        keep_title.setObjectName("sectionTitle")
        layout.addWidget(keep_title)
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        fields_title = QLabel(_t("Values"))
        fields_title.setObjectName("sectionTitle")
        layout.addWidget(fields_title)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.related)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._groups: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self._load()

    @property
    def survivor_id(self) -> str:
        """The record that is kept."""
        return self._ids[0] if self.keep_first.isChecked() else self._ids[1]

    @property
    def loser_id(self) -> str:
        """The record that is merged away."""
        return self._ids[1] if self.keep_first.isChecked() else self._ids[0]

    def take_loser(self) -> dict[str, bool]:
        """Per differing field, whether the kept record takes the other's value."""
        return {key: pair[1].isChecked() for key, pair in self._groups.items()}

    def choose(self, key: str, *, other: bool) -> None:
        """Pick the other record's value for ``key`` (or the kept one's)."""
        pair = self._groups[key]
        pair[1 if other else 0].setChecked(True)

    def merge(self) -> None:
        """Merge as chosen; errors stay in the dialog."""
        try:
            self.result_, self.changes = self._service.merge(
                self._kind,
                self.survivor_id,
                self.loser_id,
                take_loser=self.take_loser(),
            )
        except UserError as exc:
            self.error.show_error(quality_error_text(exc.code, exc.message))
            return
        self.accept()

    def _load(self) -> None:
        try:
            preview = self._service.preview(self._kind, self.survivor_id, self.loser_id)
        except UserError as exc:
            self.error.show_error(quality_error_text(exc.code, exc.message))
            self.merge_button.setEnabled(False)
            return
        self.preview = preview
        if self.keep_first.isChecked():
            first, second = preview.survivor, preview.loser
        else:
            first, second = preview.loser, preview.survivor
        self.keep_first.setText(record_line(first))
        self.keep_second.setText(record_line(second))
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        self._groups.clear()
        for col, text in enumerate(
            (_t("Field"), _t("Kept record"), _t("Other record"))
        ):
            head = QLabel(text)
            head.setObjectName("sectionTitle")
            self.grid.addWidget(head, 0, col)
        for row, f in enumerate(preview.fields, start=1):
            label = QLabel(field_text(f.key, f.label))
            self.grid.addWidget(label, row, 0)
            if not f.differs:
                same = QLabel(_shown(f.key, f.survivor_value))
                same.setObjectName("countLabel")
                self.grid.addWidget(same, row, 1, 1, 2)
                continue
            mine = QRadioButton(_shown(f.key, f.survivor_value))
            theirs = QRadioButton(_shown(f.key, f.loser_value))
            # an empty value never wins by default: take what the other one knows
            (theirs if not f.survivor_value and f.loser_value else mine).setChecked(
                True
            )
            group = QButtonGroup(self.grid_host)
            group.addButton(mine)
            group.addButton(theirs)
            self.grid.addWidget(mine, row, 1)
            self.grid.addWidget(theirs, row, 2)
            self._groups[f.key] = (mine, theirs)
        self.grid.setRowStretch(len(preview.fields) + 1, 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        moves = [related_text(r.table, r.count) for r in preview.related]
        self.related.setText(
            _t("Moves to the kept record: %1").replace("%1", ", ".join(moves))
            if moves
            else _t("Nothing else is linked to the other record.")
        )
        self.merge_button.setEnabled(True)
        self.error.show_error("")
        self.keep_first.setToolTip("")
        self.grid_host.setMinimumWidth(0)
        self.grid_host.adjustSize()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
