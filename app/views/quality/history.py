"""Merges and mass updates done on this computer, each with Undo."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.services.mass_update import MassUpdateService
from app.services.merge import MergeService
from app.views.forms.errors import ErrorLabel
from app.views.prompts import confirm
from app.views.quality.texts import kind_text, quality_error_text

ID_ROLE = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("QualityHistory", text)


class HistoryView(QWidget):
    """Recent merges and mass updates; undo one of them.

    Signals:
        sig_data_changed(object, object): an undo (Changes, self).
    """

    sig_data_changed = Signal(object, object)

    def __init__(
        self,
        merges: MergeService,
        mass: MassUpdateService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._merges = merges
        self._mass = mass
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("recordTable")
        self.table.setHorizontalHeaderLabels(
            [_t("When"), _t("What"), _t("Records"), _t("State")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setColumnWidth(0, 150)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(2, 90)
        self.table.setColumnWidth(3, 140)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.undo_button = QPushButton(_t("Undo"))
        self.undo_button.clicked.connect(lambda: self.undo_selected())
        self.error = ErrorLabel()
        intro = QLabel(
            _t(
                "A merge or mass update can be undone as long as nobody changed the "
                "same values since; Relata asks before overwriting later edits."
            )
        )
        intro.setObjectName("pageLead")
        intro.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        """Read the history again, newest first."""
        entries: list[tuple[QDateTime, str, str, str, bool, str]] = []
        locale = QLocale()
        for m in self._merges.history():
            what = _t("Merged %1 “%2” into “%3”").replace("%1", kind_text(str(m.kind)))
            what = what.replace("%2", m.loser_label).replace("%3", m.survivor_label)
            when = QDateTime.fromSecsSinceEpoch(int(m.created_at.timestamp()))
            entries.append((when, what, "2", "merge", m.undone_at is None, m.log_id))
        for u in self._mass.history():
            what = _t("Mass update of %1: %2").replace(
                "%1", kind_text(u.entity_kind, plural=True)
            )
            what = what.replace("%2", u.description)
            when = QDateTime.fromSecsSinceEpoch(int(u.created_at.timestamp()))
            entries.append(
                (
                    when,
                    what,
                    locale.toString(u.records),
                    "mass",
                    u.undone_at is None,
                    u.log_id,
                )
            )
        entries.sort(key=lambda e: e[0].toSecsSinceEpoch(), reverse=True)
        self.table.setRowCount(len(entries))
        for row, (when, what, count, kind, live, log_id) in enumerate(entries):
            state = _t("done") if live else _t("undone")
            cells = (
                locale.toString(when, QLocale.FormatType.ShortFormat),
                what,
                count,
                state,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, (kind, log_id, live))
                self.table.setItem(row, col, item)
        self._update_buttons()

    def undo_selected(self, *, force: bool = False) -> None:
        """Undo the selected merge or mass update."""
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        kind, log_id, live = item.data(ID_ROLE)
        if not live:
            return
        try:
            if kind == "merge":
                changes = self._merges.undo(log_id, force=force)
            else:
                changes = self._mass.undo(log_id, force=force)
        except UserError as exc:
            if exc.code.endswith("changed_since") and not force:
                if confirm(self, _t("Undo"), quality_error_text(exc.code, exc.message)):
                    self.undo_selected(force=True)
                return
            self.error.show_error(quality_error_text(exc.code, exc.message))
            return
        self.error.show_error("")
        self.reload()
        self.sig_data_changed.emit(changes, self)

    def _update_buttons(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        live = bool(item is not None and item.data(ID_ROLE)[2])
        self.undo_button.setEnabled(live)
