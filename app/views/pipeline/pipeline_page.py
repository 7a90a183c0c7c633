"""The Pipeline page: the kanban board or the opportunity list, with the same filters.

Opportunities open in :class:`OpportunityDialog` (window-modal, not blocking).
Enough newly closed deals trigger a background retrain of the scores; the
"Retrain scores" button does it on demand with a progress dialog.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes, EntityKind
from app.domain.pipeline import ModelInfo, OpportunityData, Outcome
from app.domain.progress import ProgressSink
from app.services.addresses import AddressService
from app.services.sales import SalesServices
from app.services.scoring import MIN_CLOSED, MIN_EACH
from app.tasks.runner import TaskRunner
from app.views.pipeline.board import KanbanBoard
from app.views.pipeline.filters import FilterBar
from app.views.pipeline.look import SALES_STYLE
from app.views.pipeline.opportunity_dialog import OpportunityDialog
from app.views.pipeline.texts import money
from app.views.progress_dialog import TaskProgressDialog
from app.views.record_table import RecordTable
from app.views.tablemodels.pipeline import OpportunityTableModel

log = logging.getLogger(__name__)

BOARD, LIST = 0, 1


def _t(text: str) -> str:
    return QCoreApplication.translate("PipelinePage", text)


class PipelinePage(QWidget):
    """Board and list of opportunities.

    Signals:
        sig_data_changed(object, object): a write here (Changes, self).
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)

    def __init__(
        self,
        sales: SalesServices,
        addresses: AddressService,
        runner: TaskRunner | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sales = sales
        self._addresses = addresses
        self._runner = runner
        self.dialog: OpportunityDialog | None = None
        self.setStyleSheet(SALES_STYLE)
        self.view_tabs = QTabBar()
        self.view_tabs.setObjectName("kindTabs")
        self.view_tabs.addTab(_t("Board"))
        self.view_tabs.addTab(_t("List"))
        self.filters = FilterBar(today=today)
        self.outcome_filter = QComboBox()
        self.outcome_filter.addItem(_t("Open"), Outcome.OPEN)
        self.outcome_filter.addItem(_t("Won"), Outcome.WON)
        self.outcome_filter.addItem(_t("Lost"), Outcome.LOST)
        self.outcome_filter.addItem(_t("Open, won and lost"), None)
        self.outcome_filter.hide()
        self.new_button = QPushButton(_t("New opportunity"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(_t("New opportunity (Ctrl+Shift+O)"))
        self.new_button.clicked.connect(lambda: self.new_opportunity())
        self.retrain_button = QPushButton(_t("Retrain scores"))
        self.retrain_button.setToolTip(
            _t("Learn the win scores again from every won and lost opportunity")
        )
        self.retrain_button.clicked.connect(self.retrain)
        self.summary = QLabel()
        self.summary.setObjectName("countLabel")
        self.hint = QLabel(
            _t("Drag cards between stages, or select one and press Ctrl+Shift+→ / ←.")
        )
        self.hint.setObjectName("countLabel")
        self.board = KanbanBoard(sales.pipeline, now=now)
        self.list_model = OpportunityTableModel(sales.pipeline, self)
        self.table = RecordTable(self.list_model)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(
            self.list_model.sort_column(), self.list_model.sort_order()
        )
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_header_sort)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.table)
        top = QHBoxLayout()
        top.addWidget(self.view_tabs)
        top.addWidget(self.filters, 1)
        top.addWidget(self.outcome_filter)
        top.addWidget(self.retrain_button)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.view_tabs.currentChanged.connect(self._on_view_tabs_changed)
        self.filters.sig_filter_changed.connect(self.apply_filter)
        self.outcome_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.board.sig_open_requested.connect(self.open_opportunity)
        self.board.sig_data_changed.connect(self._on_board_changed)
        self.board.sig_status_message.connect(self.sig_status_message)
        self.board.sig_retrain_due.connect(lambda: self.retrain(background=True))
        self.act_open = QAction(self)
        self.act_open.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.act_open.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_open.triggered.connect(self._open_current_row)
        self.table.addAction(self.act_open)
        self.reload_pick_lists()
        self.apply_filter()
        if runner is not None:  # learn the scores once there is history and no model
            QTimer.singleShot(0, self, self._train_if_untrained)

    # ---- public API

    def reload_pick_lists(self) -> None:
        """Pipelines and owners in the filter bar."""
        self.filters.set_pipelines(self._sales.pipeline.pipelines())
        self.filters.set_users(self._addresses.users())

    def apply_filter(self) -> None:
        """Show board or list for the current filters."""
        flt = self.filters.value()
        if self.view_tabs.currentIndex() == BOARD:
            self.board.set_filter(flt)
        else:
            self.list_model.filter = replace(
                flt, outcome=self.outcome_filter.currentData()
            )
            self.list_model.refresh()
        self._update_summary()

    def show_view(self, index: int) -> None:
        """:data:`BOARD` or :data:`LIST`."""
        self.view_tabs.setCurrentIndex(index)

    def new_opportunity(
        self, preset: OpportunityData | None = None
    ) -> OpportunityDialog:
        """Ctrl+Shift+O: an empty (or prefilled) opportunity in its window."""
        return self._open_dialog(None, preset)

    def open_opportunity(self, opportunity_id: str) -> OpportunityDialog:
        """Open a stored opportunity in its window."""
        return self._open_dialog(opportunity_id, None)

    def retrain(self, *, background: bool = False) -> None:
        """Learn the scores again (with a progress dialog unless ``background``)."""
        scoring = self._sales.scoring
        if self._runner is None:
            self._on_retrained(scoring.retrain(), background=background)
            return

        def work(progress: ProgressSink) -> ModelInfo | None:
            return scoring.retrain(progress)

        handle = self._runner.run(
            "retrain",
            work,
            with_progress=True,
            on_done=lambda info: self._finish_retrain(dialog, info, background),
            on_error=lambda exc: self._retrain_failed(dialog, exc),
            on_cancelled=lambda: dialog.finish() if dialog else None,
        )
        dialog = (
            None
            if background
            else TaskProgressDialog(handle, _t("Learning win scores …"), self)
        )

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh what this page shows after a write elsewhere."""
        if initiator is self:
            return
        if changes.touches(EntityKind.USER) or changes.touches(EntityKind.PIPELINE):
            self.reload_pick_lists()
        if any(
            changes.touches(kind)
            for kind in (
                EntityKind.OPPORTUNITY,
                EntityKind.ORGANISATION,
                EntityKind.PIPELINE,
                EntityKind.EXCHANGE_RATE,
            )
        ):
            self.apply_filter()

    # ---- internals

    def _open_dialog(
        self, opportunity_id: str | None, preset: OpportunityData | None
    ) -> OpportunityDialog:
        dialog = OpportunityDialog(
            self._sales,
            self._addresses,
            opportunity_id=opportunity_id,
            preset=preset,
            parent=self,
        )
        dialog.finished.connect(lambda _code: self._on_dialog_finished(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_finished(self, dialog: OpportunityDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if dialog.changes != Changes():
            self.apply_filter()
            rid = dialog.form.record_id
            if rid and self.view_tabs.currentIndex() == BOARD:
                self.board.select(rid)
            self.sig_data_changed.emit(dialog.changes, self)
            self.sig_status_message.emit(_t("Saved."))

    def _on_board_changed(self, changes: Changes, _initiator: object) -> None:
        self._update_summary()
        self.sig_data_changed.emit(changes, self)

    def _update_summary(self) -> None:
        locale = QLocale()
        if self.view_tabs.currentIndex() == LIST:
            self.summary.setText(
                _t("%1 opportunities").replace(
                    "%1", locale.toString(self.list_model.total)
                )
            )
            self.hint.hide()
            return
        self.hint.show()
        shown = [d for d in self.board.data.values() if d.stage.outcome == Outcome.OPEN]
        self.summary.setText(
            _t("%1 open opportunities · weighted pipeline %2")
            .replace("%1", locale.toString(sum(d.count for d in shown)))
            .replace(
                "%2", money(sum(d.weighted_chf_minor for d in shown), "CHF", whole=True)
            )
        )

    def _on_view_tabs_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.outcome_filter.setVisible(index == LIST)
        self.apply_filter()

    def _on_header_sort(self, section: int, order: Qt.SortOrder) -> None:
        model = self.list_model
        header = self.table.horizontalHeader()
        if not model.is_sortable(section):
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column(), model.sort_order())
            header.blockSignals(False)
            return
        model.sort(section, order)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_opportunity(self.list_model.row_id(index.row()))

    def _open_current_row(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._on_table_activated(index)

    def _train_if_untrained(self) -> None:
        scoring = self._sales.scoring
        if scoring.model() is not None:
            return
        closed, won = scoring.history_size()
        if closed >= MIN_CLOSED and min(won, closed - won) >= MIN_EACH:
            self.retrain(background=True)

    def _finish_retrain(
        self,
        dialog: TaskProgressDialog | None,
        info: ModelInfo | None,
        background: bool,
    ) -> None:
        if dialog is not None:
            dialog.finish()
        self._on_retrained(info, background=background)

    def _on_retrained(self, info: ModelInfo | None, *, background: bool) -> None:
        if info is None:
            self.sig_status_message.emit(
                _t("Not enough won and lost opportunities yet to learn scores.")
            )
            return
        self.sig_data_changed.emit(Changes.of(EntityKind.LEAD), self)
        self.sig_status_message.emit(
            _t("Win scores learned from %1 closed opportunities.").replace(
                "%1", QLocale().toString(info.samples)
            )
        )
        del background

    def _retrain_failed(
        self, dialog: TaskProgressDialog | None, exc: BaseException
    ) -> None:
        if dialog is not None:
            dialog.finish()
        log.error("retraining failed", exc_info=exc)
        self.sig_status_message.emit(
            _t("Learning the scores failed: %1").replace("%1", str(exc))
        )
