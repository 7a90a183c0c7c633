"""Export dialog: the address book's current list or selection to a file."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import ListFilter, Salutation
from app.domain.errors import UserError
from app.domain.exchange import ExportFormat, ExportResult
from app.domain.progress import ProgressSink
from app.exchange.entities import FieldSpec
from app.services.exports import ExportService
from app.tasks.runner import TaskRunner
from app.views.exchange.texts import (
    entity_label,
    exchange_error_text,
    field_label,
    format_label,
)
from app.views.forms.errors import ErrorLabel
from app.views.labels import language_text, salutation_text, status_text
from app.views.progress_dialog import TaskProgressDialog

log = logging.getLogger(__name__)

SUFFIX = {
    ExportFormat.XLSX: ".xlsx",
    ExportFormat.CSV_EXCEL: ".csv",
    ExportFormat.CSV_RFC: ".csv",
    ExportFormat.XML: ".xml",
    ExportFormat.VCARD3: ".vcf",
    ExportFormat.VCARD4: ".vcf",
}


def choice_text(field: str, value: str) -> str:
    """Stored choice values as the user reads them (and the import reads back)."""
    if field == "status":
        return status_text(value) if value else ""
    if field == "salutation":
        return salutation_text(Salutation(value)) if value in ("mr", "ms", "mx") else ""
    if field == "language":
        return language_text(value) if value else ""
    return value


class ExportDialog(QDialog):
    """Choose scope, format and file; the export runs with progress and Cancel.

    Signals:
        sig_exported(object): the :class:`ExportResult` after a successful export.
    """

    sig_exported = Signal(object)

    def __init__(
        self,
        exports: ExportService,
        runner: TaskRunner,
        *,
        entity_name: str,
        flt: ListFilter,
        selected: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exports = exports
        self.runner = runner
        self.entity_name = entity_name
        self.flt = flt
        self.selected = list(selected)
        self.result_info: ExportResult | None = None
        self.setWindowTitle(
            self.tr("Export %1").replace("%1", entity_label(entity_name))
        )
        self.setMinimumWidth(560)
        locale = QLocale()
        total = exports.count(entity_name, flt, None)
        self.scope_list = QRadioButton(
            self.tr("The current list: %1 records").replace(
                "%1", locale.toString(total)
            )
        )
        if not self.selected:
            scope = self.tr("The selected record (none selected)")
        elif len(self.selected) == 1:
            scope = self.tr("The selected record only")
        else:
            scope = self.tr("The %1 selected records").replace(
                "%1", locale.toString(len(self.selected))
            )
        self.scope_selected = QRadioButton(scope)
        self.scope_selected.setEnabled(bool(self.selected))
        self.scope_list.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.scope_list)
        group.addButton(self.scope_selected)
        self.format = QComboBox()
        for fmt in ExportFormat:
            if (
                fmt in (ExportFormat.VCARD3, ExportFormat.VCARD4)
                and entity_name != "persons"
            ):
                continue
            self.format.addItem(format_label(fmt), fmt)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Where to save the file"))
        browse = QPushButton(self.tr("Browse …"))
        browse.clicked.connect(self._on_browse_clicked)
        self.error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        note = QLabel(
            self.tr(
                "The file carries a hidden Relata ID column: edit it in Excel and import "
                "it again to update the same records. Text that Excel would run as a "
                "formula is written as text."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("pageLead")
        form = QFormLayout()
        form.addRow(self.tr("Records"), self.scope_list)
        form.addRow("", self.scope_selected)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), row)
        form.addRow("", self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Export")
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    @property
    def chosen_format(self) -> ExportFormat:
        """The format picked."""
        return ExportFormat(self.format.currentData())

    def choose_save_path(self) -> str:
        """Ask for the target file (tests replace this)."""
        suffix = SUFFIX[self.chosen_format]
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            entity_label(self.entity_name) + suffix,
            f"*{suffix}",
        )
        return path

    def start(self) -> None:
        """Validate the inputs and run the export."""
        text = self.path.text().strip()
        if not text:
            self.error.show_error(self.tr("Choose where to save the file."))
            return
        path = Path(text)
        if not path.suffix:
            path = path.with_suffix(SUFFIX[self.chosen_format])
        if not path.parent.is_dir():
            self.error.show_error(self.tr("This folder does not exist."))
            return
        ids = self.selected if self.scope_selected.isChecked() else None
        exports, entity_name, flt, fmt = (
            self.exports,
            self.entity_name,
            self.flt,
            self.chosen_format,
        )

        def title(field: FieldSpec) -> str:
            return field_label(field.key)

        def work(progress: ProgressSink) -> ExportResult:
            return exports.export(
                entity_name,
                path,
                fmt=fmt,
                flt=flt,
                ids=ids,
                progress=progress,
                title=title,
                choice_text=choice_text,
            )

        self.buttons.setEnabled(False)
        handle = self.runner.run(
            "export",
            work,
            with_progress=True,
            on_done=lambda r: self._on_exported(dialog, r),
            on_error=lambda exc: self._on_failed(dialog, exc),
            on_cancelled=lambda: self._on_failed(dialog, None),
        )
        dialog = TaskProgressDialog(handle, self.tr("Exporting …"), self)

    def _on_exported(self, dialog: TaskProgressDialog, result: ExportResult) -> None:
        dialog.finish()
        self.result_info = result
        self.sig_exported.emit(result)
        self.accept()

    def _on_failed(self, dialog: TaskProgressDialog, exc: BaseException | None) -> None:
        dialog.finish()
        self.buttons.setEnabled(True)
        if exc is None:
            self.error.show_error(self.tr("Export cancelled."))
        elif isinstance(exc, UserError):
            self.error.show_error(exchange_error_text(exc.code, str(exc)))
        else:
            log.error("export failed", exc_info=exc)
            self.error.show_error(
                self.tr("The export failed: %1").replace("%1", str(exc))
            )

    def _on_browse_clicked(self) -> None:
        chosen = self.choose_save_path()
        if chosen:
            self.path.setText(chosen)

    def _on_format_changed(self, _index: int) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(SUFFIX[self.chosen_format])))


__all__ = ["ExportDialog", "choice_text"]
