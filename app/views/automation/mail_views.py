"""E-mail templates with a live preview on a real record, the mail outbox
(queued, sent, failures and bounces; send now, retry) and the SMTP settings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.automation import MERGE_FIELDS
from app.domain.changes import Changes, EntityKind
from app.domain.errors import UserError, ValidationError
from app.domain.progress import ProgressSink
from app.services.mail_templates import TemplateData, TemplateService
from app.services.mailer import (
    Mailer,
    MailStatus,
    OutboxRow,
    Security,
    SendResult,
    SmtpSettings,
)
from app.services.workflows import WorkflowService
from app.tasks.runner import Pool, TaskRunner
from app.views.automation.list_editor import ListEditor
from app.views.automation.texts import error_text, status_text
from app.views.forms.errors import ErrorLabel, mark
from app.views.lazy import when_shown
from app.views.progress_dialog import TaskProgressDialog
from app.views.tablemodels.windowed import Column, WindowedTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("MailViews", text)


class TemplateEditor(ListEditor):
    """Templates: list, editor with merge-field menu, live preview on a record.

    Signals:
        sig_data_changed(object, object): a template was saved or deleted.
    """

    def __init__(
        self,
        templates: TemplateService,
        workflows: WorkflowService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = templates
        self.workflows = workflows
        self.list.itemSelectionChanged.connect(self._on_selected)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_template)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 8, 0)
        lv.addWidget(self.new_button)
        lv.addWidget(self.list, 1)
        self.name = QLineEdit()
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(220)
        self.body_html = QPlainTextEdit()
        self.body_html.setObjectName("htmlSource")
        self.body_tabs = QTabWidget()
        self.body_tabs.setDocumentMode(True)
        self.body_tabs.addTab(self.body, "")
        self.body_tabs.addTab(self.body_html, "")
        self.language = QComboBox()
        for code in ("de", "fr", "it", "en"):
            self.language.addItem(code.upper(), code)
        self.marketing = QCheckBox()
        self.insert = QComboBox()
        self.insert.addItem("", "")
        for f in MERGE_FIELDS:
            self.insert.addItem("{{" + f + "}}", f)
        self.insert.activated.connect(self._on_insert)
        self.errors = {
            "name": ErrorLabel(),
            "subject": ErrorLabel(),
            "body_text": ErrorLabel(),
        }
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete)
        form = QFormLayout()
        self.name_label, self.subject_label, self.body_label = (
            QLabel(),
            QLabel(),
            QLabel(),
        )
        form.addRow(self.name_label, self.name)
        form.addRow("", self.errors["name"])
        form.addRow(self.subject_label, self.subject)
        form.addRow("", self.errors["subject"])
        opts = QHBoxLayout()
        opts.addWidget(self.language)
        opts.addWidget(self.marketing)
        opts.addStretch(1)
        opts.addWidget(self.insert)
        self.options_label = QLabel()
        form.addRow(self.options_label, opts)
        form.addRow(self.body_label, self.body_tabs)
        form.addRow("", self.errors["body_text"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        editor = QWidget()
        editor.setObjectName("formBody")
        ev = QVBoxLayout(editor)
        ev.addLayout(form)
        ev.addLayout(buttons)
        self.preview_for = QComboBox()
        self.preview_for.setMinimumWidth(200)
        self.preview_for.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        self.preview = QTextBrowser()
        self.preview.setObjectName("mailPreview")
        self.preview_head = QLabel()
        self.preview_head.setWordWrap(True)
        self.preview_title = QLabel()
        self.preview_title.setObjectName("sectionTitle")
        right = QWidget()
        rv = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(self.preview_title)
        top.addStretch(1)
        top.addWidget(self.preview_for)
        rv.addLayout(top)
        rv.addWidget(self.preview_head)
        rv.addWidget(self.preview, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(editor)
        split.addWidget(right)
        split.setSizes([220, 520, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_preview)
        for w in (self.subject, self.name):
            w.textChanged.connect(lambda _t: self.schedule_preview())
        self.body.textChanged.connect(self.schedule_preview)
        self.body_html.textChanged.connect(self.schedule_preview)
        self.retranslate()
        when_shown(self, self.reload)  # sample records to preview with

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.new_button.setText(_t("New template"))
        self.name_label.setText(_t("Name"))
        self.subject_label.setText(_t("Subject"))
        self.body_label.setText(_t("Text"))
        self.body_tabs.setTabText(0, _t("Plain text"))
        self.body_tabs.setTabText(1, _t("HTML (optional)"))
        self.body_html.setPlaceholderText(
            _t("Leave empty: the HTML version is made from the plain text.")
        )
        self.options_label.setText(_t("Language"))
        self.marketing.setText(_t("Marketing (needs consent)"))
        self.insert.setItemText(0, _t("Insert merge field …"))
        self.save_button.setText(_t("Save"))
        self.delete_button.setText(_t("Delete"))
        self.preview_title.setText(_t("Preview for"))

    def reload(self) -> None:
        """Reload list and preview records."""
        keep = self.current
        self.fill_list((tpl.id, tpl.data.name) for tpl in self.svc.templates())
        self.preview_for.blockSignals(True)
        self.preview_for.clear()
        for rid, label in self.workflows.sample_records("person", limit=40):
            self.preview_for.addItem(label, rid)
        self.preview_for.blockSignals(False)
        if keep is None and self.list.count():
            self.list.setCurrentRow(0)
        elif keep is None:
            self.new_template()
        self.schedule_preview()

    def data(self) -> TemplateData:
        """The editor's content."""
        return TemplateData(
            self.name.text(),
            self.subject.text(),
            self.body.toPlainText(),
            self.body_html.toPlainText(),
            str(self.language.currentData()),
            self.marketing.isChecked(),
        )

    def show_data(self, data: TemplateData) -> None:
        """Fill the editor."""
        for label in self.errors.values():
            label.show_error("")
        self.name.setText(data.name)
        self.subject.setText(data.subject)
        self.body.setPlainText(data.body_text)
        self.body_html.setPlainText(data.body_html)
        self.language.setCurrentIndex(max(0, self.language.findData(data.language)))
        self.marketing.setChecked(data.marketing)
        self.schedule_preview()

    def new_template(self) -> None:
        """Start an empty template."""
        self.current = None
        self.list.clearSelection()
        self.show_data(
            TemplateData(
                "",
                "",
                "{{salutation}},\n\n\n\n{{owner.signature}}",
            )
        )

    def save(self) -> bool:
        """Validate and store (input stays on errors)."""
        for label in self.errors.values():
            label.show_error("")
        try:
            tpl, changes = self.svc.save(self.data(), self.current)
        except ValidationError as exc:
            for e in exc.errors:
                self.errors.get(e.field, self.errors["body_text"]).show_error(
                    error_text(e.code, str(e.value or e.message))
                )
            return False
        self.saved(tpl.id, changes)
        return True

    def delete(self) -> None:
        """Delete the template after asking."""
        self.delete_current(
            _t("Delete template"), _t("Delete this template?"), self.svc.delete
        )

    def schedule_preview(self) -> None:
        """Refresh the preview shortly after the last keystroke."""
        self._timer.start()

    def update_preview(self) -> None:
        """Fill the template for the chosen person and show it."""
        rid = self.preview_for.currentData()
        if not rid:
            self.preview_head.setText(_t("Add a person to see a preview."))
            self.preview.setHtml("")
            return
        try:
            mail = self.svc.preview(self.data(), "person", str(rid))
        except UserError as exc:
            self.preview_head.setText(error_text(exc.code, exc.message))
            return
        head = _t("To: %1 <%2>\nSubject: %3").replace("%1", mail.to_name)
        head = head.replace("%2", mail.to_addr or "—").replace("%3", mail.subject)
        self.preview_head.setText(head)
        self.preview.setHtml(mail.body_html)

    def _on_selected(self) -> None:
        selected = self.selected_id()
        if selected is None:
            return
        self.current = selected
        try:
            self.show_data(self.svc.get(selected).data)
        except UserError:
            self.current = None

    def _on_insert(self, index: int) -> None:
        field = self.insert.itemData(index)
        if field:
            editor = self.body_html if self.body_tabs.currentIndex() == 1 else self.body
            editor.insertPlainText("{{" + str(field) + "}}")
            editor.setFocus()
        self.insert.setCurrentIndex(0)


def _problem(row: OutboxRow) -> str:
    """What went wrong, in words where we know them (SMTP replies stay as sent)."""
    if row.status is MailStatus.BLOCKED:
        return _t("The person withdrew marketing consent.")
    if row.status is MailStatus.FAILED and row.attempts:
        return (
            _t("Attempt %1: %2")
            .replace("%1", str(row.attempts))
            .replace("%2", row.error)
        )
    return row.error


def _local(value: object) -> str:
    import datetime as dt

    if not isinstance(value, dt.datetime):
        return ""
    return value.astimezone().strftime("%d.%m.%Y %H:%M")


class OutboxView(QWidget):
    """The mail outbox: every queued, sent, failed, bounced and blocked mail.

    Signals:
        sig_data_changed(object, object): mails were sent (journal entries).
        sig_settings_requested(): the user wants the SMTP settings.
    """

    sig_data_changed = Signal(object, object)
    sig_settings_requested = Signal()

    def __init__(
        self, mailer: Mailer, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.mailer = mailer
        self.runner = runner
        self.filter = QComboBox()
        self.filter.addItem("", "")
        for s in MailStatus:
            self.filter.addItem("", s.value)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary = QLabel()
        self.summary.setObjectName("countLabel")
        self.send_button = QPushButton()
        self.send_button.setObjectName("primaryButton")
        self.send_button.clicked.connect(self.send_now)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retry_selected)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.sig_settings_requested)
        columns = [
            Column(
                "queued", lambda: _t("Queued"), lambda r: _local(r.queued_at), width=130
            ),
            Column("to", lambda: _t("Recipient"), lambda r: r.to_name, width=150),
            Column("addr", lambda: _t("E-mail"), lambda r: r.to_addr, width=210),
            Column("subject", lambda: _t("Subject"), lambda r: r.subject, width=230),
            Column(
                "status",
                lambda: _t("Status"),
                lambda r: status_text(r.status),
                width=120,
            ),
            Column("error", lambda: _t("Problem"), _problem, width=300),
        ]
        self.model = WindowedTableModel(
            columns,
            fetch_count=lambda: self.mailer.count(self._statuses()),
            fetch_page=lambda off, lim, _n, _k, _d: self.mailer.page(
                self._statuses(), offset=off, limit=lim
            ),
            default_sort="queued",
            parent=self,
        )
        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            5, QHeaderView.ResizeMode.Stretch
        )
        for i, col in enumerate(columns):
            self.table.setColumnWidth(i, col.width)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)  # long hints must not widen the window
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.filter)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.settings_button)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.filter.setItemText(0, _t("All mails"))
        for i, s in enumerate(MailStatus, start=1):
            self.filter.setItemText(i, status_text(s))
        self.send_button.setText(_t("Send now"))
        self.retry_button.setText(_t("Retry selected"))
        self.settings_button.setText(_t("Mail server …"))
        self.empty.setText(
            _t(
                "No mails here. Campaign mails and workflow e-mails wait here until they are sent."
            )
        )

    def _statuses(self) -> list[MailStatus]:
        value = self.filter.currentData()
        return [MailStatus(value)] if value else []

    def reload(self) -> None:
        """Reload counts and rows."""
        counts = self.mailer.counts()
        parts = [
            f"{status_text(s)}: {QLocale().toString(counts[s])}"
            for s in MailStatus
            if counts[s]
        ]
        self.summary.setText(" · ".join(parts))
        self.model.refresh()
        self.empty.setVisible(self.model.total == 0)
        self.table.setVisible(self.model.total > 0)

    def send_now(self) -> None:
        """Send the queue in the background (network pool), with progress."""
        mailer = self.mailer

        def work(progress: ProgressSink) -> SendResult:
            return mailer.send_pending(progress)

        handle = self.runner.run(
            "send-mail",
            work,
            with_progress=True,
            pool=Pool.IO,
            on_done=lambda r: self._on_sent(dialog, r),
            on_error=lambda exc: self._on_failed(dialog, exc),
            on_cancelled=lambda: self._on_cancelled(dialog),
        )
        dialog = TaskProgressDialog(handle, _t("Sending e-mails …"), self)

    def retry_selected(self) -> None:
        """Queue the selected failed or bounced mails again."""
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        ids = [self.model.row_id(r) for r in sorted(rows)]
        if ids:
            self.sig_data_changed.emit(self.mailer.retry(ids), self)
            self.reload()

    def _on_sent(self, dialog: TaskProgressDialog, result: SendResult) -> None:
        dialog.finish()
        self.reload()
        self.sig_data_changed.emit(result.changes, self)
        QMessageBox.information(
            self,
            _t("E-mails sent"),
            _t("Sent: %1 · failed: %2 · bounced: %3 · blocked (no consent): %4")
            .replace("%1", str(result.sent))
            .replace("%2", str(result.failed))
            .replace("%3", str(result.bounced))
            .replace("%4", str(result.blocked)),
        )

    def _on_failed(self, dialog: TaskProgressDialog, exc: BaseException) -> None:
        dialog.finish()
        self.reload()
        if isinstance(exc, UserError):
            QMessageBox.warning(
                self, _t("E-mails not sent"), error_text(exc.code, exc.message)
            )
            if exc.code == "smtp.not_configured":
                self.sig_settings_requested.emit()
            return
        raise exc

    def _on_cancelled(self, dialog: TaskProgressDialog) -> None:
        dialog.finish()
        self.reload()

    def on_data_changed(self, changes: Changes) -> None:
        """Refresh when mails were queued elsewhere."""
        if changes.touches(EntityKind.MAIL) or changes.touches(EntityKind.CAMPAIGN):
            self.reload()


class SmtpDialog(QDialog):
    """The company's SMTP server; the password goes to the OS keyring."""

    def __init__(self, mailer: Mailer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mailer = mailer
        self.setWindowTitle(_t("Mail server"))
        current = mailer.settings()
        self.host = QLineEdit(current.host)
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(current.port)
        self.security = QComboBox()
        for sec, text in (
            (Security.STARTTLS, _t("STARTTLS (port 587)")),
            (Security.TLS, _t("TLS (port 465)")),
            (Security.NONE, _t("None (local relay only)")),
        ):
            self.security.addItem(text, sec.value)
        self.security.setCurrentIndex(self.security.findData(current.security.value))
        self.username = QLineEdit(current.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            _t("stored in the keyring") if mailer.has_password(current) else ""
        )
        self.from_addr = QLineEdit(current.from_addr)
        self.from_name = QLineEdit(current.from_name)
        self.errors = {
            k: ErrorLabel() for k in ("host", "port", "from_addr", "username")
        }
        form = QFormLayout()
        form.addRow(_t("Server"), self.host)
        form.addRow("", self.errors["host"])
        form.addRow(_t("Port"), self.port)
        form.addRow("", self.errors["port"])
        form.addRow(_t("Security"), self.security)
        form.addRow(_t("User name"), self.username)
        form.addRow("", self.errors["username"])
        form.addRow(_t("Password"), self.password)
        form.addRow(_t("Sender address"), self.from_addr)
        form.addRow("", self.errors["from_addr"])
        form.addRow(_t("Sender name"), self.from_name)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.test_button = buttons.addButton(
            _t("Save and test"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.clicked.connect(self.save_and_test)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def settings(self) -> SmtpSettings:
        """The dialog's content."""
        return SmtpSettings(
            host=self.host.text(),
            port=self.port.value(),
            security=Security(self.security.currentData()),
            username=self.username.text(),
            from_addr=self.from_addr.text(),
            from_name=self.from_name.text().strip(),
        )

    def save(self) -> bool:
        """Validate and store; errors next to the fields, input kept."""
        for key, label in self.errors.items():
            label.show_error("")
            mark(getattr(self, key), False)
        try:
            self.mailer.save_settings(self.settings(), self.password.text() or None)
        except ValidationError as exc:
            for e in exc.errors:
                if e.field in self.errors:
                    self.errors[e.field].show_error(error_text(e.code, e.message))
                    mark(getattr(self, e.field), True)
            return False
        return True

    def save_and_test(self) -> None:
        """Store, then connect and sign in once."""
        if not self.save():
            return
        try:
            self.mailer.test_connection()
        except UserError as exc:
            self.status.setText(error_text(exc.code, exc.message))
            if exc.field in self.errors:
                self.errors[str(exc.field)].show_error(
                    error_text(exc.code, exc.message)
                )
            return
        self.status.setText(_t("The mail server accepted the connection."))

    def _on_save(self) -> None:
        if self.save():
            self.accept()


__all__ = ["OutboxRow", "OutboxView", "SmtpDialog", "TemplateEditor"]
