"""The Import & export page: start an import or export, history with Undo, templates."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes
from app.domain.errors import UserError
from app.domain.exchange import ImportRunInfo, UndoResult
from app.domain.progress import ProgressSink
from app.services.imports import ImportService
from app.tasks.runner import TaskRunner
from app.views.empty_state import EmptyState
from app.views.exchange.texts import entity_label, exchange_error_text
from app.views.progress_dialog import TaskProgressDialog
from app.views.prompts import confirm

log = logging.getLogger(__name__)


class ExchangePage(QWidget):
    """Import history (undo), mapping templates, and the buttons that start the work.

    Signals:
        sig_import_requested(): the user wants to import a file.
        sig_export_requested(str): export ``persons`` or ``organisations``.
        sig_data_changed(object, object): an undo wrote (Changes, self).
        sig_status_message(str): a short message for the status bar.
    """

    sig_import_requested = Signal()
    sig_export_requested = Signal(str)
    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)

    def __init__(
        self, imports: ImportService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.imports = imports
        self.runner = runner
        self._runs: list[ImportRunInfo] = []
        heading = QLabel(self.tr("Import & export"))
        heading.setObjectName("pageHeading")
        lead = QLabel(
            self.tr(
                "Bring addresses in from Excel, CSV, XML or vCard files with a trial run "
                "first, and take any list out again. Every import can be undone."
            )
        )
        lead.setObjectName("pageLead")
        lead.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import file …"))
        self.import_button.setObjectName("primaryButton")
        self.import_button.clicked.connect(self.sig_import_requested)
        self.export_persons = QPushButton(self.tr("Export persons …"))
        self.export_persons.clicked.connect(
            lambda: self.sig_export_requested.emit("persons")
        )
        self.export_orgs = QPushButton(self.tr("Export organisations …"))
        self.export_orgs.clicked.connect(
            lambda: self.sig_export_requested.emit("organisations")
        )
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_persons)
        actions.addWidget(self.export_orgs)
        actions.addStretch(1)
        history_title = QLabel(self.tr("Import history"))
        history_title.setObjectName("sectionTitle")
        self.history = QTableWidget(0, 7)
        self.history.setObjectName("recordTable")
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("File"),
                self.tr("Records"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Not imported"),
                self.tr("State"),
            ]
        )
        self.history.verticalHeader().hide()
        self.history.verticalHeader().setDefaultSectionSize(28)
        self.history.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setAlternatingRowColors(True)
        for column, width in enumerate((140, 280, 130, 90, 120, 140)):
            self.history.setColumnWidth(column, width)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.history.itemSelectionChanged.connect(self._update_buttons)
        self.undo_button = QPushButton(self.tr("Undo selected import"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.empty = EmptyState(self.history)
        templates_title = QLabel(self.tr("Mapping templates"))
        templates_title.setObjectName("sectionTitle")
        self.templates = QListWidget()
        self.templates.setMaximumHeight(130)
        self.templates.setStyleSheet(
            "QListWidget { background: white; border: 1px solid #d0d7de; }"
            "QListWidget::item { padding: 4px 6px; }"
        )
        self.templates.itemSelectionChanged.connect(self._update_buttons)
        self.delete_template_button = QPushButton(self.tr("Delete template"))
        self.delete_template_button.clicked.connect(self.delete_selected_template)
        history_buttons = QHBoxLayout()
        history_buttons.addStretch(1)
        history_buttons.addWidget(self.undo_button)
        template_buttons = QHBoxLayout()
        template_buttons.addStretch(1)
        template_buttons.addWidget(self.delete_template_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)
        layout.addLayout(history_buttons)
        layout.addWidget(templates_title)
        layout.addWidget(self.templates)
        layout.addLayout(template_buttons)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the history and the templates."""
        self._runs = self.imports.runs()
        locale = QLocale()
        self.history.setRowCount(len(self._runs))
        for row, run in enumerate(self._runs):
            when = run.started_at.astimezone().strftime("%d.%m.%Y %H:%M")
            state = (
                self.tr("Undone %1").replace(
                    "%1", run.undone_at.astimezone().strftime("%d.%m.%Y %H:%M")
                )
                if run.undone_at
                else self.tr("Imported")
            )
            values = (
                when,
                run.file_name,
                entity_label(run.entity),
                locale.toString(run.created),
                locale.toString(run.updated),
                locale.toString(run.failed),
                state,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (3, 4, 5):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.history.setItem(row, column, item)
        self.empty.show_text(
            None
            if self._runs
            else self.tr(
                "No imports yet. Click “Import file …” to bring in addresses from "
                "Excel, CSV, XML or vCard; every import is listed here and can be "
                "undone."
            )
        )
        self.templates.clear()
        for info in self.imports.templates():
            entry = QListWidgetItem(f"{info.name} — {entity_label(info.entity)}")
            entry.setData(Qt.ItemDataRole.UserRole, info.id)
            self.templates.addItem(entry)
        self._update_buttons()

    def selected_run(self) -> ImportRunInfo | None:
        """The run selected in the history."""
        rows = {i.row() for i in self.history.selectedIndexes()}
        return self._runs[min(rows)] if rows else None

    def undo_selected(self) -> None:
        """Undo the selected import after asking."""
        run = self.selected_run()
        if run is None or run.undone_at is not None:
            return
        if not confirm(
            self,
            self.tr("Undo import"),
            self.tr(
                "Undo the import of “%1”? Its new records are removed and updated ones "
                "restored; records changed since then stay as they are."
            ).replace("%1", run.file_name),
        ):
            return
        imports = self.imports

        def work(progress: ProgressSink) -> UndoResult:
            return imports.undo(run.id, progress)

        self.undo_button.setEnabled(False)
        handle = self.runner.run(
            "import-undo",
            work,
            with_progress=True,
            on_done=lambda u: self._on_undone(dialog, u),
            on_error=lambda exc: self._on_undo_failed(dialog, exc),
            on_cancelled=lambda: self._on_undo_failed(dialog, None),
        )
        dialog = TaskProgressDialog(handle, self.tr("Undoing the import …"), self)

    def delete_selected_template(self) -> None:
        """Forget the selected mapping template."""
        item: QListWidgetItem | None = self.templates.currentItem()
        if item is None:
            return
        self.imports.delete_template(str(item.data(Qt.ItemDataRole.UserRole)))
        self.refresh()

    def on_data_changed(self, _changes: Changes, initiator: object) -> None:
        """Another part of the app wrote: an import adds a history line."""
        if initiator is not self:
            self.refresh()

    def _on_undone(self, dialog: TaskProgressDialog, undo: UndoResult) -> None:
        dialog.finish()
        locale = QLocale()
        self.refresh()
        self.sig_status_message.emit(
            self.tr("Import undone: %1 records removed, %2 restored.")
            .replace("%1", locale.toString(undo.removed))
            .replace("%2", locale.toString(undo.restored))
        )
        self.sig_data_changed.emit(undo.changes, self)

    def _on_undo_failed(
        self, dialog: TaskProgressDialog, exc: BaseException | None
    ) -> None:
        dialog.finish()
        self._update_buttons()
        if isinstance(exc, UserError):
            QMessageBox.warning(
                self, self.tr("Undo import"), exchange_error_text(exc.code, str(exc))
            )
        elif exc is not None:
            log.error("undo failed", exc_info=exc)
            QMessageBox.critical(self, self.tr("Undo import"), str(exc))

    def _update_buttons(self) -> None:
        run = self.selected_run()
        self.undo_button.setEnabled(run is not None and run.undone_at is None)
        self.delete_template_button.setEnabled(self.templates.currentItem() is not None)
