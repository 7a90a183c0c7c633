"""The opportunity window: the form, and beside it score, suggestions and history.

Save (Ctrl+S) validates in the service; errors appear next to their fields and
the dialog stays open with everything typed. Cancel (Esc) asks before
throwing edits away.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import ContactRef
from app.domain.changes import Changes
from app.domain.errors import NotFoundError, UserError, ValidationError
from app.domain.pipeline import HistoryEntry, Opportunity, OpportunityData, Score
from app.services.addresses import AddressService
from app.services.pipeline import DEFAULT_STAGE_NAMES
from app.services.sales import SalesServices
from app.views.labels import error_text
from app.views.pipeline.look import SALES_STYLE
from app.views.pipeline.opportunity_form import OpportunityForm
from app.views.pipeline.texts import (
    date_text,
    effect_text,
    factor_text,
    history_field_text,
    money,
    score_reason_text,
    stage_name_text,
)
from app.views.prompts import confirm


def _t(text: str) -> str:
    return QCoreApplication.translate("OpportunityDialog", text)


def history_text(entry: HistoryEntry) -> str:
    """``Stage: Offer → Negotiation`` with amounts and dates in the locale."""

    def show(value: str) -> str:
        if not value:
            return "—"
        if entry.field == "amount":
            minor, _, currency = value.partition(" ")
            return (
                money(int(minor), currency or "CHF")
                if minor.lstrip("-").isdigit()
                else value
            )
        if entry.field == "close_date":
            try:
                return date_text(dt.date.fromisoformat(value))
            except ValueError:
                return value
        return default_stage_text(value)

    return f"{history_field_text(entry.field)}: {show(entry.old)} → {show(entry.new)}"


def default_stage_text(name: str) -> str:
    """Translate a seeded stage name shown in the history (the service gives names)."""
    for sid, default in DEFAULT_STAGE_NAMES.items():
        if default == name:
            return stage_name_text(sid, name)
    return name


class ScorePanel(QFrame):
    """The win score with the factors that raised and lowered it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.title = QLabel(_t("Win score"))
        self.title.setObjectName("sectionTitle")
        self.value = QLabel()
        self.value.setObjectName("scoreValue")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("scoreDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_score(self, score: Score) -> None:
        """Show the number and its reasons (or why there is none)."""
        if score.percent is None:
            self.value.setText("—")
            self.detail.setText(score_reason_text(score))
            return
        self.value.setText(f"{score.percent}\u00a0%")
        lines = [
            _t("Learned from %1 closed opportunities.").replace(
                "%1", QLocale().toString(score.samples)
            )
        ]
        raised, lowered = _t("Raised by"), _t("Lowered by")
        if score.raised:
            lines.append(f"<b>{raised}</b>")
            lines += [
                f"<span style='color:#1a7f37'>▲ {factor_text(f)} ({effect_text(f.effect)})</span>"
                for f in score.raised
            ]
        if score.lowered:
            lines.append(f"<b>{lowered}</b>")
            lines += [
                f"<span style='color:#cf222e'>▼ {factor_text(f)} ({effect_text(f.effect)})</span>"
                for f in score.lowered
            ]
        self.detail.setText("<br>".join(lines))


class OpportunityDialog(QDialog):
    """Create or edit one opportunity."""

    def __init__(
        self,
        sales: SalesServices,
        addresses: AddressService,
        *,
        opportunity_id: str | None = None,
        preset: OpportunityData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sales = sales
        self._addresses = addresses
        self.changes = Changes()
        self.setStyleSheet(SALES_STYLE)
        self.setWindowTitle(_t("Opportunity"))
        self.resize(1040, 760)
        self.form = OpportunityForm(addresses.find_organisations, self._contacts)
        self.form.set_users(addresses.users())
        self.form.set_pick_lists(
            sales.pipeline.pipelines(),
            sales.catalogue.products(),
            sales.catalogue.campaigns(),
        )
        self.score = ScorePanel()
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("suggestionList")
        self.suggestions.setWordWrap(True)
        self.suggestions.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.history = QListWidget()
        self.history.setObjectName("historyList")
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side = QWidget()
        side.setObjectName("detailSide")
        side.setFixedWidth(320)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 12, 12, 12)
        side_layout.addWidget(self.score)
        self.suggestions_title = QLabel(_t("Customers like this also bought"))
        self.suggestions_title.setObjectName("sectionTitle")
        side_layout.addWidget(self.suggestions_title)
        side_layout.addWidget(self.suggestions, 2)
        history_title = QLabel(_t("History"))
        history_title.setObjectName("sectionTitle")
        side_layout.addWidget(history_title)
        side_layout.addWidget(self.history, 3)
        self.save_button = QPushButton(_t("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(_t("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(_t("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button = QPushButton(_t("Delete"))
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(16, 6, 16, 12)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        main = QWidget()
        main.setObjectName("detailPane")
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.form, 1)
        main_layout.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(main, 1)
        layout.addWidget(side)
        self.act_save = QAction(self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save)
        self.addAction(self.act_save)
        self.load(opportunity_id, preset)

    # ---- public API

    def load(
        self, opportunity_id: str | None, preset: OpportunityData | None = None
    ) -> None:
        """Show a stored opportunity, or a new one (optionally prefilled)."""
        record = (
            self._sales.pipeline.get_opportunity(opportunity_id)
            if opportunity_id
            else None
        )
        self.form.load(record, preset)
        self._show_side(record)
        self.delete_button.setVisible(record is not None)
        self.form.title.setFocus()

    def save(self) -> bool:
        """Ctrl+S: store the form; errors are shown next to their fields."""
        try:
            data = self.form.value()
            rid = self.form.record_id
            if rid:
                record, changes = self._sales.pipeline.update_opportunity(rid, data)
            else:
                record, changes = self._sales.pipeline.create_opportunity(data)
        except ValidationError as exc:
            self.form.show_errors(exc)
            return False
        except UserError as exc:
            self.form.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self.changes = self.changes | changes
        self.form.load(record)
        self._show_side(record)
        self.accept()
        return True

    def delete(self) -> None:
        """Delete the opportunity (after asking)."""
        rid = self.form.record_id
        if not rid:
            return
        if not confirm(
            self,
            _t("Delete opportunity"),
            _t("Delete “%1”?").replace("%1", self.form.heading.text()),
        ):
            return
        self.changes = self.changes | self._sales.pipeline.delete_opportunity(rid)
        self.form.set_clean()
        self.accept()

    # ---- Qt overrides

    def reject(self) -> None:
        if self.form.dirty:
            answer = QMessageBox.question(
                self,
                _t("Unsaved changes"),
                _t("Discard your changes to this opportunity?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.form.dirty:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    # ---- helpers

    def _contacts(self, org_id: str) -> tuple[ContactRef, ...]:
        try:
            return self._addresses.get_organisation(org_id).contacts
        except NotFoundError:
            return ()

    def _show_side(self, record: Opportunity | None) -> None:
        self.history.clear()
        self.suggestions.clear()
        if record is None:
            self.score.show_score(Score(None, reason="new"))
            self.score.detail.setText(
                _t("The score appears once the opportunity is saved.")
            )
            self.suggestions_title.hide()
            self.suggestions.hide()
            self.history.addItem(_t("No changes yet"))
            return
        self.score.show_score(self._sales.scoring.score_opportunity(record.id))
        org_id = record.data.organisation_id
        found = self._sales.catalogue.cross_sell(org_id) if org_id else []
        self.suggestions_title.setVisible(bool(org_id))
        self.suggestions.setVisible(bool(org_id))
        for s in found:
            price = money(s.list_price_minor, s.currency, whole=True)
            bought = _t("%1 similar customers bought it").replace("%1", str(s.buyers))
            item = QListWidgetItem(f"{s.name} · {price}\n{bought}")
            item.setToolTip(s.name)
            self.suggestions.addItem(item)
        if org_id and not found:
            self.suggestions.addItem(_t("No suggestions yet"))
        for entry in record.history:
            who = f" · {entry.changed_by}" if entry.changed_by else ""
            local = entry.changed_at.astimezone()
            when = f"{date_text(local.date())} {local:%H:%M}"
            item = QListWidgetItem(f"{history_text(entry)}\n{when}{who}")
            self.history.addItem(item)
