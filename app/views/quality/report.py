"""The data-quality report with fix-in-place, and the rules it checks.

"Check now" runs the report on the database worker (progress, Cancel); each
listed value can be corrected right here — the fix goes through the same
check as the form, so a wrong correction is refused next to the field and
nothing is stored. Rules an administrator adds (required fields, allowed
values) are listed beside the built-in format rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError, ValidationError
from app.domain.progress import ProgressSink
from app.domain.quality import QualityIssue, QualityReport, RuleKind
from app.services.data_quality import REQUIRABLE, RESTRICTABLE, DataQualityService
from app.tasks.runner import TaskRunner
from app.views.forms.errors import ErrorLabel, mark
from app.views.progress_dialog import TaskProgressDialog
from app.views.quality.texts import (
    field_text,
    issue_text,
    kind_text,
    quality_error_text,
    rule_text,
)
from app.views.record_table import RecordTable
from app.views.tablemodels.windowed import Column, WindowedTableModel

KINDS = ("person", "organisation")
ID_ROLE = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("QualityReport", text)


ISSUE_COLUMNS = (
    Column("record", lambda: _t("Record"), lambda i: i.record_name, width=190),
    Column(
        "field", lambda: _t("Field"), lambda i: field_text(i.field, i.field), width=110
    ),
    Column("value", lambda: _t("Stored value"), lambda i: i.value or "—", width=230),
    Column("problem", lambda: _t("Problem"), lambda i: issue_text(i.code), width=320),
)


class IssueTableModel(WindowedTableModel):
    """The issues of one report (kept in memory, at most 10,000)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.issues: list[QualityIssue] = []
        super().__init__(
            ISSUE_COLUMNS,
            fetch_count=lambda: len(self.issues),
            fetch_page=lambda offset, limit, _t, _k, _d: self.issues[
                offset : offset + limit
            ],
            default_sort="record",
            parent=parent,
        )

    def set_issues(self, issues: list[QualityIssue]) -> None:
        """Show ``issues``."""
        self.issues = issues
        self.refresh()

    def row_id(self, row: int) -> str:
        """Issues have no id of their own: record, field and row."""
        i = self.issues[row]
        return f"{i.record_id}/{i.field}/{i.row_id or ''}"


class RuleDialog(QDialog):
    """Add a "required" or "allowed values" rule."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("New rule"))
        self.setMinimumWidth(420)
        self.kind = kind
        self.rule = QComboBox()
        self.rule.addItem(_t("Field is required"), RuleKind.REQUIRED)
        self.rule.addItem(_t("Only these values are allowed"), RuleKind.ALLOWED)
        self.field = QComboBox()
        self.allowed = QPlainTextEdit()
        self.allowed.setPlaceholderText(_t("One allowed value per line"))
        self.allowed.setFixedHeight(90)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(_t("Rule"), self.rule)
        form.addRow(_t("Field"), self.field)
        self.allowed_label = QLabel(_t("Allowed values"))
        form.addRow(self.allowed_label, self.allowed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.rule.currentIndexChanged.connect(lambda _i: self._on_rule_changed())
        self._on_rule_changed()

    def values(self) -> tuple[RuleKind, str, tuple[str, ...]]:
        """Rule, field and allowed values as chosen."""
        lines = tuple(
            v.strip() for v in self.allowed.toPlainText().splitlines() if v.strip()
        )
        return RuleKind(self.rule.currentData()), str(self.field.currentData()), lines

    def _on_rule_changed(self) -> None:
        rule = RuleKind(self.rule.currentData())
        fields = REQUIRABLE if rule is RuleKind.REQUIRED else RESTRICTABLE
        self.field.clear()
        for name in fields[self.kind]:
            self.field.addItem(field_text(name), name)
        allowed = rule is RuleKind.ALLOWED
        self.allowed.setVisible(allowed)
        self.allowed_label.setVisible(allowed)


class QualityReportView(QWidget):
    """Rules, the report and fixing values in place.

    Signals:
        sig_data_changed(object, object): a fix or a rule (Changes, self).
        sig_open_requested(str, str): show a record (kind, id) in the address book.
    """

    sig_data_changed = Signal(object, object)
    sig_open_requested = Signal(str, str)

    def __init__(
        self,
        service: DataQualityService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self.report_: QualityReport | None = None
        self.kind_box = QComboBox()
        for kind in KINDS:
            self.kind_box.addItem(kind_text(kind, plural=True), kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.check_button = QPushButton(_t("Check now"))
        self.check_button.setObjectName("primaryButton")
        self.check_button.clicked.connect(self.check)
        self.summary = QLabel()
        self.summary.setObjectName("countLabel")
        self.rules = QListWidget()
        self.rules.setObjectName("ruleList")
        self.add_rule_button = QPushButton(_t("Add rule …"))
        self.add_rule_button.clicked.connect(self.add_rule)
        self.remove_rule_button = QPushButton(_t("Remove rule"))
        self.remove_rule_button.clicked.connect(self.remove_rule)
        self.model = IssueTableModel(self)
        self.table = RecordTable(self.model, columns=ISSUE_COLUMNS)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._on_issue_selected()
        )
        self.fix_value = QLineEdit()
        self.fix_value.setPlaceholderText(_t("Corrected value"))
        self.fix_value.returnPressed.connect(self.fix_selected)
        self.fix_error = ErrorLabel()
        self.fix_button = QPushButton(_t("Fix"))
        self.fix_button.setObjectName("primaryButton")
        self.fix_button.clicked.connect(self.fix_selected)
        self.open_button = QPushButton(_t("Open record"))
        self.open_button.clicked.connect(self._open_selected)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_t("Rules"))
        title.setObjectName("sectionTitle")
        left_layout.addWidget(title)
        left_layout.addWidget(self.rules, 1)
        rule_buttons = QHBoxLayout()
        rule_buttons.addWidget(self.add_rule_button)
        rule_buttons.addWidget(self.remove_rule_button)
        left_layout.addLayout(rule_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        fix_row = QHBoxLayout()
        fix_box = QVBoxLayout()
        fix_box.setSpacing(2)
        fix_box.addWidget(self.fix_value)
        fix_box.addWidget(self.fix_error)
        fix_row.addLayout(fix_box, 1)
        fix_row.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignTop)
        fix_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(fix_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("Check")))
        top.addWidget(self.kind_box)
        top.addWidget(self.check_button)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._load_rules()
        self._on_issue_selected()

    @property
    def kind(self) -> str:
        """``person`` or ``organisation``."""
        return str(self.kind_box.currentData())

    def check(self) -> None:
        """Run the report in the background."""
        kind, service = self.kind, self._service
        self.check_button.setEnabled(False)

        def work(progress: ProgressSink) -> QualityReport:
            return service.report(kind, progress=progress)

        handle = self._runner.run(
            "quality-report",
            work,
            with_progress=True,
            on_done=lambda r: self._on_checked(dialog, r),
            on_error=lambda exc: self._on_failed(dialog, exc),
            on_cancelled=lambda: self._on_failed(dialog, None),
        )
        dialog = TaskProgressDialog(handle, _t("Checking the data …"), self)

    def show_report(self, report: QualityReport) -> None:
        """Show a finished report."""
        self.report_ = report
        self.model.set_issues(list(report.issues))
        locale = QLocale()
        total = sum(report.counts.values())
        text = _t("%1 problems in %2 records checked").replace(
            "%1", locale.toString(total)
        )
        text = text.replace("%2", locale.toString(report.checked))
        if report.truncated:
            text += " — " + _t("the first %1 are listed").replace(
                "%1", locale.toString(len(report.issues))
            )
        self.summary.setText(text)
        if report.issues:
            self.table.selectRow(0)
        self._on_issue_selected()

    def selected(self) -> QualityIssue | None:
        """The issue the cursor is on."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.issues):
            return None
        return self.model.issues[index.row()]

    def fix_selected(self) -> bool:
        """Store the corrected value; a wrong one is refused next to the field."""
        issue = self.selected()
        if issue is None:
            return False
        self.fix_error.show_error("")
        mark(self.fix_value, False)
        try:
            changes = self._service.fix(issue, self.fix_value.text())
        except ValidationError as exc:
            fe = exc.errors[0]
            self.fix_error.show_error(quality_error_text(fe.code, fe.message))
            mark(self.fix_value, True)
            return False
        except UserError as exc:
            self.fix_error.show_error(quality_error_text(exc.code, exc.message))
            return False
        row = self.table.currentIndex().row()
        self.model.set_issues([i for i in self.model.issues if i is not issue])
        if self.model.total:
            self.table.selectRow(min(row, self.model.total - 1))
        self._on_issue_selected()
        self.sig_data_changed.emit(changes, self)
        return True

    def add_rule(self) -> None:
        """Ask for and add a rule."""
        dialog = RuleDialog(self.kind, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            rule, field, allowed = dialog.values()
            try:
                _info, changes = self._service.add_rule(self.kind, field, rule, allowed)
            except ValidationError as exc:
                fe = exc.errors[0]
                dialog.error.show_error(quality_error_text(fe.code, fe.message))
                continue
            self._load_rules()
            self.sig_data_changed.emit(changes, self)
            return

    def remove_rule(self) -> None:
        """Remove the selected administrator's rule."""
        item: QListWidgetItem | None = self.rules.currentItem()
        rid = item.data(ID_ROLE) if item is not None else None
        if not rid:
            return
        changes = self._service.remove_rule(rid)
        self._load_rules()
        self.sig_data_changed.emit(changes, self)

    # ---- helpers

    def _load_rules(self) -> None:
        self.rules.clear()
        for rule in self._service.rules(self.kind):
            text = f"{field_text(rule.field)} — {rule_text(rule.rule)}"
            if rule.allowed:
                text += ": " + ", ".join(rule.allowed)
            item = QListWidgetItem(text)
            if rule.builtin:
                item.setToolTip(
                    _t("Built in: the same check as in the forms and the import")
                )
                item.setForeground(self.palette().placeholderText())
            else:
                item.setData(ID_ROLE, rule.id)
            self.rules.addItem(item)

    def _on_kind_changed(self) -> None:
        self.model.set_issues([])
        self.summary.setText("")
        self._load_rules()
        self._on_issue_selected()

    def _on_issue_selected(self) -> None:
        issue = self.selected()
        self.fix_error.show_error("")
        mark(self.fix_value, False)
        self.fix_value.setText(issue.value if issue else "")
        for widget in (self.fix_value, self.fix_button, self.open_button):
            widget.setEnabled(issue is not None)

    def _on_checked(self, dialog: TaskProgressDialog, report: QualityReport) -> None:
        dialog.finish()
        self.check_button.setEnabled(True)
        self.show_report(report)

    def _on_failed(self, dialog: TaskProgressDialog, exc: BaseException | None) -> None:
        dialog.finish()
        self.check_button.setEnabled(True)
        if exc is not None:
            self.summary.setText(str(exc))

    def _open_selected(self) -> None:
        issue = self.selected()
        if issue is not None:
            self.sig_open_requested.emit(issue.entity_kind, issue.record_id)
