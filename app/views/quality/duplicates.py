"""Duplicate review: scan, list the likely pairs with score and reasons, merge
field by field or dismiss ("not a duplicate"), undo the last merge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.progress import ProgressSink
from app.domain.quality import (
    DedupKind,
    DedupRules,
    DuplicatePair,
    MatchKey,
    MergeResult,
    ScanResult,
)
from app.services.dedup import DedupService
from app.services.merge import MergeService
from app.tasks.runner import TaskRunner
from app.views.empty_state import EmptyState
from app.views.forms.errors import ErrorLabel
from app.views.progress_dialog import TaskProgressDialog
from app.views.prompts import confirm
from app.views.quality.merge_dialog import MergeDialog
from app.views.quality.texts import key_text, kind_text, quality_error_text, reason_text
from app.views.record_table import RecordTable
from app.views.tablemodels.windowed import Column, WindowedTableModel

KEYS = {
    DedupKind.PERSON: (
        MatchKey.EMAIL,
        MatchKey.PHONE,
        MatchKey.NAME_POSTCODE,
        MatchKey.NAME,
    ),
    DedupKind.ORGANISATION: tuple(MatchKey),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("DuplicateReview", text)


def _place(r: Any) -> str:
    place = " ".join(p for p in (r.postcode, r.city) if p)
    return f"{r.name}  ({place})" if place else r.name


PAIR_COLUMNS = (
    Column(
        "score",
        lambda: _t("Score"),
        lambda p: str(p.score),
        align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        width=60,
    ),
    Column("a", lambda: _t("Record"), lambda p: _place(p.a), width=250),
    Column("b", lambda: _t("Possible duplicate"), lambda p: _place(p.b), width=250),
    Column(
        "reasons",
        lambda: _t("Why"),
        lambda p: ", ".join(reason_text(r) for r in p.reasons),
        width=320,
    ),
)


class PairTableModel(WindowedTableModel):
    """The pairs of a scan (kept in memory; the list may hold tens of thousands)."""

    def __init__(self, parent: Any = None) -> None:
        self.pairs: list[DuplicatePair] = []
        super().__init__(
            PAIR_COLUMNS,
            fetch_count=lambda: len(self.pairs),
            fetch_page=lambda offset, limit, _total, _key, _desc: self.pairs[
                offset : offset + limit
            ],
            default_sort="score",
            parent=parent,
        )

    def set_pairs(self, pairs: Sequence[DuplicatePair]) -> None:
        """Show ``pairs``."""
        self.pairs = list(pairs)
        self.refresh()

    def pair(self, row: int) -> DuplicatePair:
        """The pair in ``row``."""
        return self.pairs[row]

    def row_id(self, row: int) -> str:
        """Rows are pairs: their two ids."""
        p = self.pairs[row]
        return f"{p.a.id}/{p.b.id}"


class RulesDialog(QDialog):
    """How duplicates are found: which keys compare records, the threshold."""

    def __init__(
        self, kind: DedupKind, rules: DedupRules, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Duplicate rules"))
        self.setMinimumWidth(460)
        self.kind = kind
        self.boxes: dict[MatchKey, QCheckBox] = {}
        form = QFormLayout()
        for key in KEYS[kind]:
            box = QCheckBox(key_text(key))
            box.setChecked(key in rules.keys)
            self.boxes[key] = box
            form.addRow("", box)
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setValue(rules.threshold)
        self.threshold.setSuffix(" / 100")
        form.addRow(_t("Report pairs from score"), self.threshold)
        note = QLabel(
            _t(
                "Records that share no e-mail, phone, UID or web domain reach at most "
                "65 points (persons) or 75 (organisations) on name and place alone; "
                "lower the threshold to see them too."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("countLabel")
        self.error = ErrorLabel()
        self.max_block = rules.max_block
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        lead = _t("Compare two %1 when they have:")
        layout.addWidget(QLabel(lead.replace("%1", kind_text(str(kind), plural=True))))
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def rules(self) -> DedupRules:
        """The rules as chosen."""
        return DedupRules(
            keys=frozenset(k for k, box in self.boxes.items() if box.isChecked()),
            threshold=self.threshold.value(),
            max_block=self.max_block,
        )


class DuplicateReview(QWidget):
    """Find, review and merge duplicate persons and organisations.

    Signals:
        sig_data_changed(object, object): a merge, undo or dismissal (Changes, self).
        sig_open_requested(str, str): show a record (kind, id) in the address book.
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_open_requested = Signal(str, str)
    sig_status_message = Signal(str)

    def __init__(
        self,
        dedup: DedupService,
        merges: MergeService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dedup = dedup
        self._merges = merges
        self._runner = runner
        self._last_merge: MergeResult | None = None
        self._result: ScanResult | None = None
        self.kind_box = QComboBox()
        for kind in DedupKind:
            self.kind_box.addItem(kind_text(str(kind), plural=True), kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.scan_button = QPushButton(_t("Find duplicates"))
        self.scan_button.setObjectName("primaryButton")
        self.scan_button.clicked.connect(self.scan)
        self.rules_button = QPushButton(_t("Rules …"))
        self.rules_button.clicked.connect(self.edit_rules)
        self.summary = QLabel()
        self.summary.setObjectName("countLabel")
        self.model = PairTableModel(self)
        self.table = RecordTable(self.model, columns=PAIR_COLUMNS)
        self.table.doubleClicked.connect(lambda _i: self.merge_selected())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons()
        )
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.merge_selected)
        self.merge_button = QPushButton(_t("Compare and merge …"))
        self.merge_button.setObjectName("primaryButton")
        self.merge_button.clicked.connect(self.merge_selected)
        self.dismiss_button = QPushButton(_t("Not a duplicate"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.open_button = QPushButton(_t("Open record"))
        self.open_button.clicked.connect(self._open_selected)
        self.undo_button = QPushButton(_t("Undo merge"))
        self.undo_button.clicked.connect(self.undo_last_merge)
        self.undo_button.hide()
        self.error = ErrorLabel()
        self.empty = EmptyState(self.table)
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("Look for")))
        top.addWidget(self.kind_box)
        top.addWidget(self.scan_button)
        top.addWidget(self.rules_button)
        top.addWidget(self.summary, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.dismiss_button)
        bottom.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update_buttons()
        self._update_empty()

    # ---- public API

    @property
    def kind(self) -> DedupKind:
        """Persons or organisations."""
        return DedupKind(self.kind_box.currentData())

    def scan(self) -> None:
        """Scan the whole database in the background, with progress and Cancel."""
        kind = self.kind
        dedup = self._dedup
        self.scan_button.setEnabled(False)

        def work(progress: ProgressSink) -> ScanResult:
            return dedup.scan(kind, progress=progress)

        handle = self._runner.run(
            "dedup",
            work,
            with_progress=True,
            on_done=lambda result: self._on_scanned(dialog, result),
            on_error=lambda exc: self._on_failed(dialog, exc),
            on_cancelled=lambda: self._on_cancelled(dialog),
        )
        dialog = TaskProgressDialog(handle, _t("Looking for duplicates …"), self)

    def show_result(self, result: ScanResult) -> None:
        """Show the pairs of a finished scan."""
        self._result = result
        self.model.set_pairs(result.pairs)
        locale = QLocale()
        text = (
            _t("%1 possible duplicates among %2 persons (%3 s)")
            if result.kind is DedupKind.PERSON
            else _t("%1 possible duplicates among %2 organisations (%3 s)")
        )
        self.summary.setText(
            text.replace("%1", locale.toString(len(result.pairs)))
            .replace("%2", locale.toString(result.records))
            .replace("%3", locale.toString(result.seconds, "f", 1))
        )
        if result.pairs:
            self.table.selectRow(0)
        self._update_buttons()
        self._update_empty()

    def selected(self) -> DuplicatePair | None:
        """The pair the cursor is on."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.pairs):
            return None
        return self.model.pair(index.row())

    def merge_selected(self) -> MergeDialog | None:
        """Open the merge dialog for the selected pair."""
        pair = self.selected()
        if pair is None:
            return None
        dialog = MergeDialog(self._merges, pair.kind, pair.a.id, pair.b.id, self)
        dialog.finished.connect(lambda code: self._on_merge_finished(dialog, code))
        dialog.open()
        return dialog

    def dismiss_selected(self) -> None:
        """ "Not a duplicate": the pair leaves the list and later scans."""
        pair = self.selected()
        if pair is None:
            return
        changes = self._dedup.dismiss(pair.kind, pair.a.id, pair.b.id)
        self._drop(lambda p: p.key == pair.key)
        self.sig_data_changed.emit(changes, self)

    def undo_last_merge(self, *, force: bool = False) -> None:
        """Undo the merge made last from this list."""
        merge = self._last_merge
        if merge is None:
            return
        try:
            changes = self._merges.undo(merge.log_id, force=force)
        except UserError as exc:
            if exc.code == "merge.changed_since" and not force:
                if confirm(
                    self, _t("Undo merge"), quality_error_text(exc.code, exc.message)
                ):
                    self.undo_last_merge(force=True)
                return
            self.error.show_error(quality_error_text(exc.code, exc.message))
            return
        self._last_merge = None
        self.undo_button.hide()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(_t("Merge undone."))

    def edit_rules(self) -> None:
        """Change which keys compare records and the threshold."""
        dialog = RulesDialog(self.kind, self._dedup.rules(self.kind), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            changes = self._dedup.save_rules(self.kind, dialog.rules())
        except UserError as exc:
            self.error.show_error(quality_error_text(exc.code, exc.message))
            return
        self.sig_data_changed.emit(changes, self)

    # ---- slots

    def _on_scanned(self, dialog: TaskProgressDialog, result: ScanResult) -> None:
        dialog.finish()
        self.scan_button.setEnabled(True)
        if result.kind is self.kind:
            self.show_result(result)

    def _on_failed(self, dialog: TaskProgressDialog, exc: BaseException) -> None:
        dialog.finish()
        self.scan_button.setEnabled(True)
        self.error.show_error(str(exc))

    def _on_cancelled(self, dialog: TaskProgressDialog) -> None:
        dialog.finish()
        self.scan_button.setEnabled(True)
        self.sig_status_message.emit(_t("Scan cancelled."))

    def _on_merge_finished(self, dialog: MergeDialog, code: int) -> None:
        if code != QDialog.DialogCode.Accepted or dialog.result_ is None:
            return
        merged = dialog.result_
        self._last_merge = merged
        self._drop(lambda p: merged.loser_id in (p.a.id, p.b.id))
        self.undo_button.show()
        self.sig_data_changed.emit(dialog.changes, self)
        self.sig_status_message.emit(
            _t("Merged. “Undo merge” brings both records back.")
        )

    def _on_kind_changed(self) -> None:
        self.model.set_pairs([])
        self._result = None
        self.summary.setText("")
        self._update_buttons()
        self._update_empty()

    def _open_selected(self) -> None:
        pair = self.selected()
        if pair is not None:
            self.sig_open_requested.emit(str(pair.kind), pair.a.id)

    # ---- helpers

    def _drop(self, gone: Any) -> None:
        row = self.table.currentIndex().row()
        self.model.set_pairs([p for p in self.model.pairs if not gone(p)])
        if self.model.total:
            self.table.selectRow(min(max(row, 0), self.model.total - 1))
        self._update_buttons()
        self._update_empty()

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.merge_button, self.dismiss_button, self.open_button):
            button.setEnabled(has)

    def _update_empty(self) -> None:
        if self.model.total:
            self.empty.hide()
            return
        if self._result is None:
            text = _t(
                "Click “Find duplicates” to compare all records: same e-mail or phone, "
                "similar names (Müller, Mueller, Muller), swapped first and last names, "
                "legal-form variants (AG, SA, GmbH)."
            )
        else:
            text = _t("No possible duplicates found.")
        self.empty.show_text(text)
