"""The kanban board: a column per stage, cards dragged (or moved by key) between them.

Totals in the column headers come from SQL over every matching opportunity;
each column shows its first cards by close date and "N more …". A move asks
for the lost reason when the target is the Lost stage, writes through the
service, then re-reads only the two columns involved.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes
from app.domain.errors import UserError, ValidationError
from app.domain.pipeline import (
    BoardColumn,
    BoardFilter,
    Card,
    MoveResult,
    Outcome,
    Pipeline,
)
from app.services.pipeline import BOARD_LIMIT, PipelineService
from app.views.forms.errors import ErrorLabel
from app.views.labels import error_text
from app.views.pipeline.cards import CardColumn
from app.views.pipeline.texts import lost_reasons, money, percent, stage_text

log = logging.getLogger(__name__)

ACCENTS = {Outcome.OPEN: "#1f6feb", Outcome.WON: "#1a7f37", Outcome.LOST: "#cf222e"}
MORE_STEP = 50


def _t(text: str) -> str:
    return QCoreApplication.translate("KanbanBoard", text)


class LostDialog(QDialog):
    """Asks why an opportunity was lost (required) and to whom (optional)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Opportunity lost"))
        self.setMinimumWidth(420)
        intro = QLabel(_t("Why was “%1” lost?").replace("%1", title))
        intro.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(lost_reasons())
        self.reason.setCurrentIndex(-1)
        edit = self.reason.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(_t("Choose or type a reason"))
        self.competitor = QLineEdit()
        self.competitor.setPlaceholderText(_t("optional"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(_t("Reason *"), self.reason)
        form.addRow("", self.error)
        form.addRow(_t("Lost to competitor"), self.competitor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Mark as lost"))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        """(reason, competitor) as entered."""
        return self.reason.currentText().strip(), self.competitor.text().strip()

    def _on_accepted(self) -> None:
        if not self.values()[0]:
            self.error.show_error(error_text("required", "This field is required."))
            self.reason.setFocus()
            return
        self.accept()


def ask_lost_reason(parent: QWidget, title: str) -> tuple[str, str] | None:
    """Show :class:`LostDialog`; None if cancelled."""
    dialog = LostDialog(title, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


class KanbanBoard(QWidget):
    """Columns of one pipeline for a :class:`BoardFilter`.

    Signals:
        sig_data_changed(object, object): a card was moved (Changes, self).
        sig_open_requested(str): open this opportunity.
        sig_retrain_due(): enough deals closed since the last training.
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_open_requested = Signal(str)
    sig_retrain_due = Signal()
    sig_status_message = Signal(str)

    def __init__(
        self,
        service: PipelineService,
        *,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._now = now
        self.filter = BoardFilter()
        self.pipeline: Pipeline | None = None
        self.columns: list[CardColumn] = []
        #: What each column shows now (totals over every matching opportunity).
        self.data: dict[str, BoardColumn] = {}
        self._limits: dict[str, int] = {}
        #: Asks for the lost reason; tests replace it.
        self.ask_lost: Callable[[str], tuple[str, str] | None] = lambda title: (
            ask_lost_reason(self, title)
        )
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(10)
        holder = QWidget()
        holder.setObjectName("boardCanvas")
        holder.setLayout(self._row)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("boardScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(holder)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    # ---- public API

    def set_filter(self, flt: BoardFilter) -> None:
        """Show the board for ``flt`` (its pipeline; the default one if None)."""
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Read every column again."""
        pipeline = self._service.pipeline(self.filter.pipeline_id)
        if self.pipeline is None or self.pipeline != pipeline:
            self._build_columns(pipeline)
        columns = self._service.board_columns(
            self.filter, pipeline.stages, limit=BOARD_LIMIT
        )
        self._limits = {}
        for column in columns:
            self._show(column)

    def column(self, stage_id: str) -> CardColumn:
        """The column of ``stage_id``."""
        return next(c for c in self.columns if c.key == stage_id)

    def current_card(self) -> tuple[CardColumn, Card] | None:
        """The card with the keyboard focus (or the last selected one)."""
        focused = next((c for c in self.columns if c.list.hasFocus()), None)
        for column in [focused] if focused else self.columns:
            card = column.list.current_card()
            if card is not None:
                return column, card
        return None

    def select(self, card_id: str) -> bool:
        """Select and focus ``card_id`` wherever it is shown."""
        for column in self.columns:
            if column.select(card_id):
                column.list.setFocus()
                return True
        return False

    def focus_first_card(self) -> None:
        """Put the keyboard focus on the board (first column with cards)."""
        for column in self.columns:
            if column.model.rowCount():
                if not column.list.currentIndex().isValid():
                    column.list.setCurrentIndex(column.model.index(0, 0))
                column.list.setFocus()
                return

    def move_selected(self, step: int) -> bool:
        """Ctrl+Shift+→/←: move the selected card to the next/previous stage."""
        found = self.current_card()
        if found is None or self.pipeline is None:
            return False
        column, card = found
        keys = [c.key for c in self.columns]
        target = keys.index(column.key) + step
        if not 0 <= target < len(keys):
            return False
        return self.move_card(card.id, keys[target])

    def _move_from(self, key: str, step: int) -> None:
        """Ctrl+Shift+→/← in the column ``key``: move its selected card."""
        card = self.column(key).list.current_card()
        keys = [c.key for c in self.columns]
        target = keys.index(key) + step
        if card is not None and 0 <= target < len(keys):
            self.move_card(card.id, keys[target])

    def move_card(self, card_id: str, stage_id: str) -> bool:
        """Move a card to ``stage_id`` (asks for the reason on Lost); True if moved."""
        if self.pipeline is None:
            return False
        stage = self.pipeline.stage(stage_id)
        source = next(
            (c for c in self.columns if c.model.row_of(card_id) is not None), None
        )
        title = ""
        if source is not None:
            row = source.model.row_of(card_id)
            assert row is not None
            title = source.model.card(row).title
        reason = competitor = ""
        if stage.outcome == Outcome.LOST:
            answer = self.ask_lost(title)
            if answer is None:
                return False
            reason, competitor = answer
        try:
            result, changes = self._service.move_to_stage(
                card_id, stage_id, lost_reason=reason, competitor=competitor
            )
        except ValidationError as exc:
            fe = exc.errors[0]
            self.sig_status_message.emit(error_text(fe.code, fe.message))
            return False
        except UserError as exc:
            self.sig_status_message.emit(error_text(exc.code, exc.message))
            return False
        self._refresh_after(result)
        self.select(card_id)
        if changes != Changes():
            self.sig_data_changed.emit(changes, self)
            self.sig_status_message.emit(
                _t("Moved “%1” to %2.")
                .replace("%1", title)
                .replace("%2", stage_text(stage))
            )
        if result.retrain_due:
            self.sig_retrain_due.emit()
        return True

    def _refresh_after(self, result: MoveResult) -> None:
        """Show the two columns of a move (exact totals without a rescan)."""
        ids = (result.old_stage_id, result.new_stage_id)
        if result.old_stage_id == result.new_stage_id:
            return
        if not all(i in self.data for i in ids):
            self.refresh_stages(set(ids))
            return
        limit = max([self._limits.get(i, BOARD_LIMIT) for i in ids] + [BOARD_LIMIT])
        columns = [self.data[i] for i in ids]
        for column in self._service.after_move(
            self.filter, columns, result, limit=limit
        ):
            self._show(column)

    def refresh_stages(self, stage_ids: set[str]) -> None:
        """Re-read only these columns (after a move: two)."""
        if self.pipeline is None:
            return
        stages = [s for s in self.pipeline.stages if s.id in stage_ids]
        limit = max(
            [self._limits.get(s.id, BOARD_LIMIT) for s in stages] + [BOARD_LIMIT]
        )
        for column in self._service.board_columns(self.filter, stages, limit=limit):
            self._show(column)

    def show_more(self, stage_id: str) -> None:
        """ "N more …": show more cards in one column."""
        self._limits[stage_id] = self._limits.get(stage_id, BOARD_LIMIT) + MORE_STEP
        if self.pipeline is None:
            return
        stage = self.pipeline.stage(stage_id)
        (column,) = self._service.board_columns(
            self.filter, [stage], limit=self._limits[stage_id]
        )
        self._show(column)

    # ---- internals

    def _build_columns(self, pipeline: Pipeline) -> None:
        for column in self.columns:
            self._row.removeWidget(column)
            column.deleteLater()
        self.columns = []
        self.data = {}
        self.pipeline = pipeline
        for stage in pipeline.stages:
            column = CardColumn(stage.id, self._now, accent=ACCENTS[stage.outcome])
            column.delegate.open_stage = stage.outcome == Outcome.OPEN
            column.model.sig_card_dropped.connect(self.move_card)
            column.list.sig_move_requested.connect(
                lambda step, key=stage.id: self._move_from(key, step)
            )
            column.list.sig_neighbour_requested.connect(
                lambda step, key=stage.id: self._focus_neighbour(key, step)
            )
            column.list.sig_open_requested.connect(self.sig_open_requested)
            column.sig_more_requested.connect(self.show_more)
            self._row.addWidget(column, 1)
            column.show()  # a layout shows late-added children only on the next loop
            self.columns.append(column)

    def _show(self, data: BoardColumn) -> None:
        self.data[data.stage.id] = data
        column = self.column(data.stage.id)
        locale = QLocale()
        column.title.setText(stage_text(data.stage))
        column.title.setToolTip(
            _t("Default probability %1").replace("%1", percent(data.stage.probability))
        )
        column.badge.setText(locale.toString(data.count))
        column.badge.setToolTip(
            QCoreApplication.translate(
                "KanbanBoard", "%n opportunity(ies)", "", data.count
            )
        )
        column.total.setText(money(data.total_chf_minor, "CHF", whole=True))
        if data.stage.outcome == Outcome.OPEN:
            column.weighted.setText(
                _t("weighted %1").replace(
                    "%1", money(data.weighted_chf_minor, "CHF", whole=True)
                )
            )
        self._update_closed_notes()
        column.show_cards(data.cards, data.more)

    def _update_closed_notes(self) -> None:
        """Won/Lost: which period they show, and the win rate over both."""
        won = sum(d.count for d in self.data.values() if d.stage.outcome == Outcome.WON)
        lost = sum(
            d.count for d in self.data.values() if d.stage.outcome == Outcome.LOST
        )
        for data in self.data.values():
            if data.stage.outcome == Outcome.OPEN:
                continue
            parts = []
            if data.window_days:
                parts.append(_t("last %1 days").replace("%1", str(data.window_days)))
            if data.stage.outcome == Outcome.WON and won + lost:
                parts.append(
                    _t("win rate %1").replace(
                        "%1", percent(round(100 * won / (won + lost)))
                    )
                )
            self.column(data.stage.id).weighted.setText(" · ".join(parts) or " ")

    def _focus_neighbour(self, key: str, step: int) -> None:
        keys = [c.key for c in self.columns]
        here = keys.index(key)
        row = max(0, self.column(key).list.currentIndex().row())
        for i in range(here + step, len(keys) if step > 0 else -1, step):
            target = self.columns[i]
            count = target.model.rowCount()
            if count:
                target.list.setCurrentIndex(target.model.index(min(row, count - 1), 0))
                target.list.setFocus()
                return
