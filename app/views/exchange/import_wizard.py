"""The import wizard: file → sheet and columns → check (dry run) → import → summary.

Each step says what it found; nothing is written before the last page, and
the import itself can be cancelled (nothing imported) or undone afterwards.
Dry run, commit and undo run through the :class:`TaskRunner` with a progress
dialog; the file preview is read directly (calamine reads 100k rows in ~1 s).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.errors import UserError
from app.domain.exchange import (
    ImportAnalysis,
    ImportOptions,
    ImportPlan,
    ImportResult,
    OnDuplicate,
    RowAction,
    RowIssue,
    SheetPreview,
    SheetsAnalysis,
    SheetsPlan,
    SheetsResult,
    UndoResult,
)
from app.domain.progress import ProgressSink
from app.exchange.entities import ENTITIES, DuplicateKey, entity
from app.services.imports import ImportService, options_from_template
from app.tasks.runner import TaskRunner
from app.views.exchange.issues_model import IssueTableModel
from app.views.exchange.sheets_box import SheetsBox
from app.views.exchange.texts import (
    action_label,
    entity_label,
    exchange_error_text,
    field_label,
    issue_text,
    key_label,
)
from app.views.exchange.value_map_dialog import ValueMapDialog
from app.views.forms.errors import ErrorLabel
from app.views.progress_dialog import TaskProgressDialog

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


FILE_PAGE, COLUMNS_PAGE, CHECK_PAGE, DONE_PAGE = range(4)
FILE_FILTER = "*.xlsx *.xlsm *.csv *.txt *.xml *.vcf"


class ImportWizard(QWizard):
    """Guides one import from file to summary.

    Signals:
        sig_data_changed(object, object): the import or its undo wrote (Changes, self).
    """

    sig_data_changed = Signal(object, object)

    def __init__(
        self,
        imports: ImportService,
        runner: TaskRunner,
        *,
        entity_name: str = "persons",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.imports = imports
        self.runner = runner
        self.preview: SheetPreview | None = None
        self.analysis: ImportAnalysis | SheetsAnalysis | None = None
        self.import_result: ImportResult | SheetsResult | None = None
        #: set when several sheets are imported together (no columns page)
        self.sheets_plan: SheetsPlan | None = None
        self.setWindowTitle(self.tr("Import addresses"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(980, 700)
        self.file_page = FilePage(self, entity_name)
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.done_page = DonePage(self)
        for number, page in enumerate(
            (self.file_page, self.columns_page, self.check_page, self.done_page)
        ):
            self.setPage(number, page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))

    # ---- state shared by the pages

    def nextId(self) -> int:
        """Several sheets together skip the columns page (each sheet is mapped
        by its headings)."""
        if self.currentId() == FILE_PAGE and self.sheets_plan is not None:
            return CHECK_PAGE
        return super().nextId()

    @property
    def entity_name(self) -> str:
        """``persons`` or ``organisations``."""
        return str(self.file_page.entity.currentData())

    def plan(self) -> ImportPlan:
        """The import as set up on the pages so far."""
        assert self.preview is not None
        return ImportPlan(
            path=self.preview.path,
            entity=self.entity_name,
            mapping=self.columns_page.mapping(),
            sheet=self.preview.sheet,
            header_row=self.preview.header_row,
            options=self.columns_page.options(),
        )

    def load_preview(
        self,
        path: Path,
        *,
        sheet: str | None = None,
        header_row: int | None = None,
        template: str | None = None,
    ) -> SheetPreview:
        """Read the file's preview (raises :class:`UserError` if it is refused)."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.preview = self.imports.preview(
                path,
                self.entity_name,
                sheet=sheet,
                header_row=header_row,
                template=template or None,
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.preview

    def choose_open_path(self) -> str:
        """Ask for the file to import (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file to import"),
            "",
            self.tr("Excel, CSV, XML, vCard (%1)").replace("%1", FILE_FILTER),
        )
        return path

    def choose_save_path(self, suggestion: str) -> str:
        """Ask where to save the error workbook (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save error workbook"),
            suggestion,
            self.tr("Excel workbook (*.xlsx)"),
        )
        return path

    def save_error_workbook(self) -> Path | None:
        """Write the failing rows with an error column; returns the file."""
        source = self.sheets_plan.path if self.sheets_plan else None
        if source is None and self.preview is not None:
            source = self.preview.path
        if source is None or self.analysis is None:
            return None
        suggestion = str(source.with_name(source.stem + "_errors.xlsx"))
        chosen = self.choose_save_path(suggestion)
        if not chosen:
            return None
        path = Path(chosen)

        def message(issue: RowIssue) -> str:
            return f"{issue.column or field_label(issue.field)}: {issue_text(issue)}"

        errors, row = self.tr("Errors"), self.tr("Row")
        try:
            if isinstance(self.analysis, SheetsAnalysis):
                assert self.sheets_plan is not None
                self.imports.write_sheets_error_workbook(
                    self.sheets_plan,
                    self.analysis,
                    path,
                    message=message,
                    error_heading=errors,
                    row_heading=row,
                )
            else:
                self.imports.write_error_workbook(
                    self.plan(),
                    self.analysis,
                    path,
                    message=message,
                    error_heading=errors,
                    row_heading=row,
                )
        except (UserError, OSError) as exc:
            self.check_page.status.setText(str(exc))
            return None
        return path


class FilePage(QWizardPage):
    """Step 1: which file and what it holds."""

    def __init__(self, wizard: ImportWizard, entity_name: str) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "Excel (.xlsx), CSV, Relata XML or vCard. Nothing is changed until the "
                "last step, and every import can be undone."
            )
        )
        self.entity = QComboBox()
        for name in ENTITIES:
            self.entity.addItem(entity_label(name), name)
        self.entity.setCurrentIndex(max(0, self.entity.findData(entity_name)))
        self.error = ErrorLabel()
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Path of the file to import"))
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.path.textChanged.connect(lambda _t: self.error.show_error(""))
        self.path.textChanged.connect(self._on_path_changed)
        self.sheets = SheetsBox()
        self.sheets.setVisible(False)
        browse = QPushButton(self.tr("Browse …"))
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Import"), self.entity)
        form.addRow(self.tr("File"), row)
        form.addRow("", self.error)
        hint = QLabel(
            self.tr(
                "Tip: typed Excel cells (real dates and numbers) import without any "
                "guessing. To update records, export them, edit the file and import it "
                "again: the hidden Relata ID column finds the same records."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("pageLead")
        form.addRow("", hint)
        form.addRow("", self.sheets)
        self.sheets.sig_assignment_changed.connect(
            lambda: self.entity.setEnabled(not self.sheets.is_on())
        )

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip())
        self._wizard.sheets_plan = None
        try:
            if self.sheets.is_on():
                self._wizard.sheets_plan = self._wizard.imports.plan_sheets(
                    path, self.sheets.assignments()
                )
            else:
                self._wizard.load_preview(path)
        except UserError as exc:
            self.error.show_error(exchange_error_text(exc.code, str(exc)))
            return False
        return True

    def _on_path_changed(self, text: str) -> None:
        """A workbook with several sheets offers to import them together."""
        path = Path(text.strip())
        sheets: list[str] = []
        if path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file():
            try:
                sheets = self._wizard.imports.sheet_names(path)
            except UserError:
                sheets = []  # explained when Next is clicked
        self.sheets.set_sheets(sheets)

    def _on_browse_clicked(self) -> None:
        chosen = self._wizard.choose_open_path()
        if chosen:
            self.path.setText(chosen)


class ColumnsPage(QWizardPage):
    """Step 2: sheet, header row, which column is which field, and the options."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._loading = False
        self.setTitle(self.tr("Sheet and columns"))
        self.setSubTitle(
            self.tr(
                "Check which column goes into which field. Known headings in German, "
                "English and French are matched automatically; save the mapping as a "
                "template to reuse it."
            )
        )
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._on_source_changed)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 20)
        self.header_row.valueChanged.connect(self._on_source_changed)
        self.template = QComboBox()
        self.template.currentIndexChanged.connect(self._on_template_changed)
        self.save_template_button = QPushButton(self.tr("Save as template …"))
        self.save_template_button.clicked.connect(self._on_save_template_clicked)
        self.values_button = QPushButton(self.tr("Map values …"))
        self.values_button.setToolTip(
            self.tr(
                "Say what file values such as “Kat. A” stand for (status, salutation …)"
            )
        )
        self.values_button.clicked.connect(self.edit_value_maps)
        self.value_maps: dict[str, dict[str, str]] = {}
        self.info = QLabel()
        self.info.setObjectName("countLabel")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Column in the file"),
                self.tr("First values"),
                self.tr("Import as"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 320)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setWordWrap(False)
        self.key = QComboBox()
        self.on_duplicate = QComboBox()
        self.on_duplicate.addItem(
            self.tr("Update the existing record"), OnDuplicate.UPDATE
        )
        self.on_duplicate.addItem(self.tr("Skip the row"), OnDuplicate.SKIP)
        self.on_duplicate.addItem(
            self.tr("Create a new record anyway"), OnDuplicate.CREATE
        )
        self.date_order = QComboBox()
        self.date_order.addItem(self.tr("Detect (ask when unclear)"), None)
        self.date_order.addItem(self.tr("Day/month/year (31/12/2026)"), "dmy")
        self.date_order.addItem(self.tr("Month/day/year (12/31/2026)"), "mdy")
        self.date_hint = ErrorLabel()
        self.last_first = QCheckBox(self.tr("Full names are written last name first"))
        self.empty_clears = QCheckBox(self.tr("Empty cells clear the stored value"))
        self.overwrite = QCheckBox(
            self.tr("Overwrite records changed in Relata since the export")
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sheet")))
        top.addWidget(self.sheet, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Headings in row")))
        top.addWidget(self.header_row)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Template")))
        top.addWidget(self.template, 1)
        top.addWidget(self.save_template_button)
        options = QGroupBox(self.tr("Existing records and formats"))
        grid = QGridLayout(options)
        grid.addWidget(QLabel(self.tr("Find existing records by")), 0, 0)
        grid.addWidget(self.key, 0, 1)
        grid.addWidget(QLabel(self.tr("When one is found")), 0, 2)
        grid.addWidget(self.on_duplicate, 0, 3)
        grid.addWidget(QLabel(self.tr("Dates with slashes")), 1, 0)
        grid.addWidget(self.date_order, 1, 1)
        grid.addWidget(self.date_hint, 1, 2, 1, 2)
        grid.addWidget(self.last_first, 2, 0, 1, 2)
        grid.addWidget(self.empty_clears, 2, 2, 1, 2)
        grid.addWidget(self.overwrite, 3, 0, 1, 2)
        grid.addWidget(self.values_button, 3, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(options)
        self._combos: list[QComboBox] = []

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self._loading = True
        spec = entity(self._wizard.entity_name)
        self.key.clear()
        for key in spec.keys:
            self.key.addItem(key_label(key), key.value)
        self.key.setCurrentIndex(max(0, self.key.findData(spec.default_key.value)))
        if any(v == "id" for v in preview.mapping.values()):
            self.key.setCurrentIndex(max(0, self.key.findData(DuplicateKey.ID.value)))
        self.template.clear()
        self.template.addItem(self.tr("(automatic)"), "")
        for info in self._wizard.imports.templates(self._wizard.entity_name):
            self.template.addItem(info.name, info.name)
        self._loading = False
        self._show(preview)

    def _show(self, preview: SheetPreview) -> None:
        self._loading = True
        self.sheet.clear()
        self.sheet.addItems(list(preview.sheets))
        self.sheet.setCurrentText(preview.sheet)
        self.header_row.setValue(preview.header_row + 1)
        locale = QLocale()
        details = self.tr("%1 rows to import").replace(
            "%1", locale.toString(preview.row_count)
        )
        if preview.encoding:
            separator = {
                ";": self.tr("semicolon"),
                ",": self.tr("comma"),
                "\t": self.tr("tab"),
            }.get(preview.delimiter, preview.delimiter)
            details += " · " + self.tr("text encoding %1, separator %2").replace(
                "%1", preview.encoding
            ).replace("%2", separator)
        self.info.setText(details)
        spec = entity(self._wizard.entity_name)
        self.table.setRowCount(len(preview.headers))
        self._combos = []
        for row, heading in enumerate(preview.headers):
            samples = [r[row] for r in preview.rows[:3] if row < len(r) and r[row]]
            head = QTableWidgetItem(
                heading or self.tr("(column %1)").replace("%1", str(row + 1))
            )
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            sample = QTableWidgetItem(" · ".join(samples))
            sample.setFlags(Qt.ItemFlag.ItemIsEnabled)
            sample.setToolTip("\n".join(samples))
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), None)
            for field in spec.fields:
                combo.addItem(field_label(field.key), field.key)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(row))))
            self.table.setItem(row, 0, head)
            self.table.setItem(row, 1, sample)
            self.table.setCellWidget(row, 2, combo)
            self._combos.append(combo)
        self.date_hint.show_error(
            self.tr("Some dates could be read either way: choose the order.")
            if preview.date_order_needed
            else ""
        )
        if preview.detected_date_order:
            self.date_order.setCurrentIndex(
                self.date_order.findData(preview.detected_date_order)
            )
        self._loading = False

    def mapping(self) -> dict[int, str]:
        """Column index → field key as chosen."""
        return {
            i: str(c.currentData())
            for i, c in enumerate(self._combos)
            if c.currentData()
        }

    def set_field(self, column: int, field: str | None) -> None:
        """Map ``column`` to ``field`` (``None``: not imported)."""
        combo = self._combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def options(self) -> ImportOptions:
        """The options as chosen."""
        return ImportOptions(
            key=str(self.key.currentData() or ""),
            on_duplicate=OnDuplicate(self.on_duplicate.currentData()),
            date_order=self.date_order.currentData(),
            last_name_first=self.last_first.isChecked(),
            empty_clears=self.empty_clears.isChecked(),
            overwrite_changed=self.overwrite.isChecked(),
            value_maps=self.value_maps,
        )

    def edit_value_maps(self) -> ValueMapDialog | None:
        """Open the dialog for unknown choice values (returns it, opened)."""
        preview = self._wizard.preview
        if preview is None:
            return None
        unknown = self._wizard.imports.unknown_values(self._wizard.plan())
        mapping = self.mapping()
        by_field = {mapping[c]: v for c, v in unknown.items()}
        for field, known in self.value_maps.items():  # keep earlier choices visible
            by_field.setdefault(field, list(known))
        if not by_field:
            self.info.setText(
                self.tr("All values of the mapped choice columns are known.")
            )
            return None
        dialog = ValueMapDialog(
            self._wizard.entity_name, by_field, self.value_maps, self
        )
        dialog.accepted.connect(lambda: self._set_value_maps(dialog.value_maps()))
        dialog.open()
        return dialog

    def _set_value_maps(self, maps: dict[str, dict[str, str]]) -> None:
        self.value_maps = maps

    def validatePage(self) -> bool:
        preview = self._wizard.preview
        if (
            preview is not None
            and preview.date_order_needed
            and not self.date_order.currentData()
        ):
            self.date_hint.show_error(self.tr("Choose the date order first."))
            return False
        if not self.mapping():
            self.info.setText(self.tr("Choose at least one column to import."))
            return False
        return True

    def _reload(self, *, template: str | None = None) -> None:
        preview = self._wizard.preview
        if self._loading or preview is None:
            return
        try:
            new = self._wizard.load_preview(
                preview.path,
                sheet=self.sheet.currentText() or None,
                header_row=self.header_row.value() - 1,
                template=template,
            )
        except UserError as exc:
            self.info.setText(exchange_error_text(exc.code, str(exc)))
            self.table.setRowCount(0)
            self._combos = []
            return
        self._show(new)

    def _on_source_changed(self, *_args: object) -> None:
        self._reload(template=self.template.currentData() or None)

    def _on_template_changed(self, _index: int) -> None:
        if self._loading:
            return
        name = self.template.currentData()
        self._reload(template=name or None)
        if name:
            info = self._wizard.imports.template(self._wizard.entity_name, name)
            opts = options_from_template(info)
            self.key.setCurrentIndex(max(0, self.key.findData(opts.key)))
            self.on_duplicate.setCurrentIndex(
                self.on_duplicate.findData(opts.on_duplicate)
            )
            self.date_order.setCurrentIndex(
                max(0, self.date_order.findData(opts.date_order))
            )
            self.last_first.setChecked(opts.last_name_first)
            self.empty_clears.setChecked(opts.empty_clears)
            self.value_maps = {k: dict(v) for k, v in opts.value_maps.items()}

    def _on_save_template_clicked(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save mapping template"), self.tr("Name of the template")
        )
        if ok and name.strip():
            self.save_template(name)

    def save_template(self, name: str) -> None:
        """Store the current mapping and options as template ``name``."""
        preview = self._wizard.preview
        assert preview is not None
        self._wizard.imports.save_template(
            self._wizard.entity_name,
            name,
            headers=preview.headers,
            mapping=self.mapping(),
            options=self.options(),
        )
        self._loading = True
        if self.template.findData(name.strip()) < 0:
            self.template.addItem(name.strip(), name.strip())
        self.template.setCurrentIndex(self.template.findData(name.strip()))
        self._loading = False


class CheckPage(QWizardPage):
    """Step 3: the dry run: what would happen to each row, and every problem."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._done = False
        self.setTitle(self.tr("Check"))
        self.setSubTitle(
            self.tr(
                "A trial run: every row is validated and compared with the database, "
                "nothing is written. Rows with errors are left out of the import; save "
                "them as an error workbook, fix them and import that file later."
            )
        )
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet("font-size: 15px; font-weight: 600; color: #1f2328;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = IssueTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        for column, width in enumerate((60, 170, 200)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error_button = QPushButton(self.tr("Save error workbook …"))
        self.error_button.clicked.connect(self._wizard.save_error_workbook)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.error_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        self._done = False
        self._wizard.analysis = None
        self.model.set_issues(())
        self.counts.setText(self.tr("Checking …"))
        self.error_button.setEnabled(False)
        self.completeChanged.emit()
        imports = self._wizard.imports
        sheets = self._wizard.sheets_plan
        plan = self._wizard.plan() if sheets is None else None

        def work(progress: ProgressSink) -> ImportAnalysis | SheetsAnalysis:
            if sheets is not None:
                return imports.dry_run_sheets(sheets, progress)
            assert plan is not None
            return imports.dry_run(plan, progress)

        handle = self._wizard.runner.run(
            "import-check",
            work,
            with_progress=True,
            on_done=lambda a: self._on_checked(dialog, a),
            on_error=lambda exc: self._on_failed(dialog, exc),
            on_cancelled=lambda: self._on_failed(dialog, None),
        )
        dialog = TaskProgressDialog(handle, self.tr("Checking the file …"), self)

    def isComplete(self) -> bool:
        analysis = self._wizard.analysis
        return (
            self._done
            and analysis is not None
            and bool(
                analysis.count(RowAction.CREATE) + analysis.count(RowAction.UPDATE)
            )
        )

    def _on_checked(
        self, dialog: TaskProgressDialog, analysis: ImportAnalysis | SheetsAnalysis
    ) -> None:
        dialog.finish()
        self._wizard.analysis = analysis
        self._done = True
        if isinstance(analysis, SheetsAnalysis):
            pairs = analysis.issues()
            self.model.set_issues([i for _s, i in pairs], [s for s, _i in pairs])
            for column, width in enumerate((120, 50, 130, 150)):
                self.table.setColumnWidth(column, width)
        else:
            for column, width in enumerate((60, 170, 200)):
                self.table.setColumnWidth(column, width)
            self.model.set_issues(analysis.issues)
        self.counts.setText(summary_text(analysis))
        errors = analysis.count(RowAction.ERROR)
        self.error_button.setEnabled(bool(errors))
        if not analysis.count(RowAction.CREATE) + analysis.count(RowAction.UPDATE):
            self.status.setText(self.tr("There is nothing to import."))
        else:
            self.status.setText(
                self.tr("Click “Import” to write the new and updated records.")
            )
        self.completeChanged.emit()

    def _on_failed(self, dialog: TaskProgressDialog, exc: BaseException | None) -> None:
        dialog.finish()
        self._done = False
        if exc is None:
            self.counts.setText(self.tr("Check cancelled."))
        elif isinstance(exc, UserError):
            self.counts.setText(exchange_error_text(exc.code, str(exc)))
        else:
            log.error("import check failed", exc_info=exc)
            self.counts.setText(self.tr("The check failed: %1").replace("%1", str(exc)))
        self.completeChanged.emit()


def summary_text(analysis: ImportAnalysis | SheetsAnalysis) -> str:
    """ "1,234 rows: 1,000 new · 200 update · …" in the UI language."""
    locale = QLocale()
    parts = [
        f"{action_label(action)}: {locale.toString(analysis.count(action))}"
        for action in RowAction
        if analysis.count(action)
    ]
    head = _t("%1 rows").replace("%1", locale.toString(analysis.total))
    text = head + " — " + " · ".join(parts) if parts else head
    if isinstance(analysis, SheetsAnalysis):
        lines = [
            f"{sheet} ({entity_label(part.entity)}): "
            + ", ".join(
                f"{action_label(action)} {locale.toString(part.count(action))}"
                for action in RowAction
                if part.count(action)
            )
            for sheet, part in zip(analysis.sheets, analysis.parts, strict=True)
        ]
        text += "\n" + "\n".join(lines)
    return text


class DonePage(QWizardPage):
    """Step 4: the import runs (with Cancel), then its summary and Undo."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._finished = False
        self.setTitle(self.tr("Import"))
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 14px; color: #1f2328;")
        self.error_button = QPushButton(self.tr("Save error workbook …"))
        self.error_button.clicked.connect(self._wizard.save_error_workbook)
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._finished = False
        self.error_button.hide()
        self.undo_button.hide()
        self.summary.setText(self.tr("Importing …"))
        self.completeChanged.emit()
        imports = self._wizard.imports
        sheets = self._wizard.sheets_plan
        plan = self._wizard.plan() if sheets is None else None

        def work(progress: ProgressSink) -> ImportResult | SheetsResult:
            if sheets is not None:
                return imports.commit_sheets(sheets, progress)
            assert plan is not None
            return imports.commit(plan, progress)

        handle = self._wizard.runner.run(
            "import",
            work,
            with_progress=True,
            on_done=lambda r: self._on_imported(dialog, r),
            on_error=lambda exc: self._on_failed(dialog, exc),
            on_cancelled=lambda: self._on_failed(dialog, None),
        )
        dialog = TaskProgressDialog(handle, self.tr("Importing …"), self)

    def isComplete(self) -> bool:
        return self._finished

    def _on_imported(
        self, dialog: TaskProgressDialog, result: ImportResult | SheetsResult
    ) -> None:
        dialog.finish()
        self._wizard.import_result = result
        self._wizard.analysis = result.analysis
        self._finished = True
        locale = QLocale()
        lines = [
            self.tr("%1 new records, %2 updated.")
            .replace("%1", locale.toString(result.created))
            .replace("%2", locale.toString(result.updated)),
        ]
        if result.skipped:
            lines.append(
                self.tr(
                    "%1 rows left as they were (unchanged, skipped or changed since the export)."
                ).replace("%1", locale.toString(result.skipped))
            )
        if result.failed:
            lines.append(
                self.tr(
                    "%1 rows with errors were not imported: save them as an error workbook, fix and import again."
                ).replace("%1", locale.toString(result.failed))
            )
        lines.append(
            self.tr("Undo removes the new records and restores the updated ones.")
        )
        self.summary.setText("\n\n".join(lines))
        self.error_button.setVisible(bool(result.failed))
        self.undo_button.show()
        self.undo_button.setEnabled(True)
        self.completeChanged.emit()
        self._wizard.sig_data_changed.emit(result.changes, self._wizard)
        self._wizard.runner.run("import-checkpoint", self._wizard.imports.checkpoint)

    def _on_failed(self, dialog: TaskProgressDialog, exc: BaseException | None) -> None:
        dialog.finish()
        self._finished = True
        if exc is None:
            self.summary.setText(self.tr("Cancelled — nothing was imported."))
        elif isinstance(exc, UserError):
            self.summary.setText(exchange_error_text(exc.code, str(exc)))
        else:
            log.error("import failed", exc_info=exc)
            self.summary.setText(
                self.tr("The import failed and nothing was imported: %1").replace(
                    "%1", str(exc)
                )
            )
        self.completeChanged.emit()

    def undo(self) -> None:
        """Undo the import just made."""
        result = self._wizard.import_result
        if result is None:
            return
        imports = self._wizard.imports
        self.undo_button.setEnabled(False)

        def work(progress: ProgressSink) -> UndoResult:
            return imports.undo(result.run_id, progress)

        handle = self._wizard.runner.run(
            "import-undo",
            work,
            with_progress=True,
            on_done=lambda u: self._on_undone(dialog, u),
            on_error=lambda exc: self._on_undo_failed(dialog, exc),
            on_cancelled=lambda: self._on_undo_failed(dialog, None),
        )
        dialog = TaskProgressDialog(handle, self.tr("Undoing the import …"), self)

    def _on_undone(self, dialog: TaskProgressDialog, undo: UndoResult) -> None:
        dialog.finish()
        locale = QLocale()
        text = (
            self.tr("Import undone: %1 records removed, %2 restored.")
            .replace("%1", locale.toString(undo.removed))
            .replace("%2", locale.toString(undo.restored))
        )
        if undo.kept:
            text += " " + self.tr(
                "%1 records changed since the import were kept."
            ).replace("%1", locale.toString(undo.kept))
        self.summary.setText(text)
        self.undo_button.hide()
        self._wizard.sig_data_changed.emit(undo.changes, self._wizard)

    def _on_undo_failed(
        self, dialog: TaskProgressDialog, exc: BaseException | None
    ) -> None:
        dialog.finish()
        self.undo_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.summary.setText(exchange_error_text(exc.code, str(exc)))
        elif exc is not None:
            log.error("undo failed", exc_info=exc)
            self.summary.setText(self.tr("Undo failed: %1").replace("%1", str(exc)))


__all__ = [
    "CHECK_PAGE",
    "COLUMNS_PAGE",
    "DONE_PAGE",
    "FILE_PAGE",
    "ImportWizard",
]
