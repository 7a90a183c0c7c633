"""Mass update of the chosen records: pick what to change, preview, apply, undo.

The preview says how many records change and shows examples before and after;
applying runs on the database worker with progress and Cancel (nothing
changes then). After it, the dialog offers Undo.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import RelationStatus, UserRef
from app.domain.changes import Changes
from app.domain.custom_fields import CustomFieldDef, FieldType
from app.domain.errors import UserError
from app.domain.progress import NullProgress, ProgressSink
from app.domain.quality import MassAction, MassPreview, MassResult, MassUpdate, TagInfo
from app.services.custom_fields import parse_value
from app.services.mass_update import MassUpdateService
from app.services.validation import FieldProblem
from app.tasks.runner import TaskRunner
from app.views.forms.errors import ErrorLabel, mark
from app.views.labels import language_text, status_text
from app.views.progress_dialog import TaskProgressDialog
from app.views.prompts import confirm
from app.views.quality.texts import action_text, kind_text, quality_error_text

LANGUAGES = ("de", "fr", "it", "en", "rm")


def _t(text: str) -> str:
    return QCoreApplication.translate("MassUpdateDialog", text)


class MassUpdateDialog(QDialog):
    """Change many records at once, with a preview and undo.

    Signals:
        sig_data_changed(object, object): the update or its undo (Changes, self).
    """

    sig_data_changed = Signal(object, object)

    def __init__(
        self,
        service: MassUpdateService,
        runner: TaskRunner | None,
        *,
        kind: str,
        ids: Sequence[str],
        description: str,
        fields: list[CustomFieldDef],
        tags: list[TagInfo],
        users: list[UserRef],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._kind = kind
        self._ids = list(ids)
        self._description = description
        self._custom = {d.column_key: d for d in fields if d.active}
        self.result_: MassResult | None = None
        self.setWindowTitle(_t("Mass update"))
        self.setMinimumSize(640, 520)
        locale = QLocale()
        intro = QLabel(
            _t(
                "Change %1 %2 (%3) at once. The preview shows what will change; "
                "you can undo it afterwards."
            )
            .replace("%1", locale.toString(len(self._ids)))
            .replace("%2", kind_text(kind, plural=True))
            .replace("%3", description)
        )
        intro.setWordWrap(True)
        self.action = QComboBox()
        for action in MassAction:
            self.action.addItem(action_text(action), action)
        self.field = QComboBox()
        self.field.addItem(_t("Status"), "status")
        if kind == "person":
            self.field.addItem(_t("Correspondence language"), "language")
        for key, d in self._custom.items():
            self.field.addItem(d.label, key)
        self.choice = QComboBox()
        self.text = QLineEdit()
        self.text.setPlaceholderText(_t("new value (empty clears the field)"))
        self.tag = QComboBox()
        for tag in tags:
            self.tag.addItem(tag.path, tag.id)
        self.owner = QComboBox()
        self.owner.addItem(_t("(nobody)"), None)
        for user in users:
            self.owner.addItem(user.display_name, user.id)
        self.value_stack = QStackedWidget()
        for widget in (self.choice, self.text, self.tag, self.owner):
            self.value_stack.addWidget(widget)
        self.value_error = ErrorLabel()
        form = QFormLayout()
        form.addRow(_t("Change"), self.action)
        self.field_label = QLabel(_t("Field"))
        form.addRow(self.field_label, self.field)
        form.addRow(_t("New value"), self.value_stack)
        form.addRow("", self.value_error)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("countLabel")
        self.sample = QTableWidget(0, 3)
        self.sample.setHorizontalHeaderLabels([_t("Record"), _t("Before"), _t("After")])
        self.sample.verticalHeader().hide()
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.sample.setColumnWidth(1, 160)
        self.sample.setColumnWidth(2, 160)
        self.preview_button = QPushButton(_t("Preview"))
        self.preview_button.clicked.connect(self.show_preview)
        self.apply_button = QPushButton(_t("Apply"))
        self.apply_button.setObjectName("primaryButton")
        self.apply_button.clicked.connect(self.apply)
        self.undo_button = QPushButton(_t("Undo"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.close_button = QPushButton(_t("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.sample, 1)
        layout.addLayout(buttons)
        self.action.currentIndexChanged.connect(lambda _i: self._on_action_changed())
        self.field.currentIndexChanged.connect(lambda _i: self._on_field_changed())
        self._on_action_changed()

    # ---- the update

    def update_(self) -> MassUpdate:
        """The chosen change.

        Raises:
            UserError: the typed value does not fit the custom field.
        """
        action = MassAction(self.action.currentData())
        if action is MassAction.SET_OWNER:
            return MassUpdate(action, value=self.owner.currentData())
        if action in (MassAction.ADD_TAG, MassAction.REMOVE_TAG):
            return MassUpdate(action, value=self.tag.currentData())
        key = str(self.field.currentData())
        d = self._custom.get(key)
        if d is None:
            return MassUpdate(action, key, self.choice.currentData())
        if self.value_stack.currentWidget() is self.choice:
            raw: object = self.choice.currentData()
        else:
            raw = self.text.text()
        try:
            value = parse_value(d, raw)
        except FieldProblem as exc:
            raise UserError(exc.code, exc.message, field="value", value=raw) from exc
        return MassUpdate(action, key, value)

    def show_preview(self) -> MassPreview | None:
        """Count what would change and show examples."""
        try:
            preview = self._service.preview(self._kind, self._ids, self.update_())
        except UserError as exc:
            self._error(exc)
            return None
        self._error(None)
        locale = QLocale()
        self.preview_label.setText(
            _t("%1 records will change, %2 stay as they are.")
            .replace("%1", locale.toString(preview.changing))
            .replace("%2", locale.toString(preview.unchanged))
        )
        self.sample.setRowCount(len(preview.sample))
        for row, change in enumerate(preview.sample):
            for col, text in enumerate((change.name, change.before, change.after)):
                self.sample.setItem(row, col, QTableWidgetItem(self._shown(text)))
        return preview

    def apply(self) -> None:
        """Write the change to every record (background, progress, Cancel)."""
        try:
            update = self.update_()
        except UserError as exc:
            self._error(exc)
            return
        service, kind, ids, text = (
            self._service,
            self._kind,
            self._ids,
            self._description,
        )

        def work(progress: ProgressSink) -> tuple[MassResult, Changes]:
            return service.apply(kind, ids, update, description=text, progress=progress)

        if self._runner is None:
            try:
                self._on_applied(None, work(NullProgress()))
            except UserError as exc:
                self._error(exc)
            return
        self.apply_button.setEnabled(False)
        handle = self._runner.run(
            "mass-update",
            work,
            with_progress=True,
            on_done=lambda result: self._on_applied(dialog, result),
            on_error=lambda exc: self._on_failed(dialog, exc),
            on_cancelled=lambda: self._on_cancelled(dialog),
        )
        dialog = TaskProgressDialog(handle, _t("Updating records …"), self)

    def undo(self, *, force: bool = False) -> None:
        """Undo the update made in this dialog."""
        if self.result_ is None:
            return
        try:
            changes = self._service.undo(self.result_.log_id, force=force)
        except UserError as exc:
            if exc.code == "mass.changed_since" and not force:
                if confirm(self, _t("Undo"), quality_error_text(exc.code, exc.message)):
                    self.undo(force=True)
                return
            self._error(exc)
            return
        self.result_ = None
        self.undo_button.hide()
        self.apply_button.setEnabled(True)
        self.preview_label.setText(_t("Undone: the records are as before."))
        self.sig_data_changed.emit(changes, self)

    # ---- helpers

    def _on_applied(
        self, dialog: TaskProgressDialog | None, result: tuple[MassResult, Changes]
    ) -> None:
        if dialog is not None:
            dialog.finish()
        self.result_, changes = result
        self.preview_label.setText(
            QCoreApplication.translate(
                "MassUpdateDialog", "%n record(s) changed.", "", self.result_.changed
            )
        )
        self.apply_button.setEnabled(False)
        self.undo_button.show()
        self.sig_data_changed.emit(changes, self)

    def _on_failed(self, dialog: TaskProgressDialog, exc: BaseException) -> None:
        dialog.finish()
        self.apply_button.setEnabled(True)
        if isinstance(exc, UserError):
            self._error(exc)
        else:
            self.value_error.show_error(str(exc))

    def _on_cancelled(self, dialog: TaskProgressDialog) -> None:
        dialog.finish()
        self.apply_button.setEnabled(True)
        self.preview_label.setText(_t("Cancelled — nothing was changed."))

    def _error(self, exc: UserError | None) -> None:
        widget = self.value_stack.currentWidget()
        if exc is None:
            self.value_error.show_error("")
            if widget is not None:
                mark(widget, False)
            return
        self.value_error.show_error(quality_error_text(exc.code, exc.message))
        if widget is not None:
            mark(widget, True)

    def _shown(self, text: str) -> str:
        key = str(self.field.currentData())
        if MassAction(self.action.currentData()) is MassAction.SET_FIELD:
            if key == "status" and text:
                return status_text(text)
            if key == "language" and text:
                return language_text(text)
        return text or "—"

    def _on_action_changed(self) -> None:
        action = MassAction(self.action.currentData())
        setting = action is MassAction.SET_FIELD
        self.field.setVisible(setting)
        self.field_label.setVisible(setting)
        if action is MassAction.SET_OWNER:
            self.value_stack.setCurrentWidget(self.owner)
        elif action in (MassAction.ADD_TAG, MassAction.REMOVE_TAG):
            self.value_stack.setCurrentWidget(self.tag)
        else:
            self._on_field_changed()
        self.sample.setRowCount(0)
        self.preview_label.setText("")

    def _on_field_changed(self) -> None:
        key = str(self.field.currentData())
        d = self._custom.get(key)
        self.choice.clear()
        if d is None:
            values = (
                [str(s) for s in RelationStatus] if key == "status" else list(LANGUAGES)
            )
            for value in values:
                text = status_text(value) if key == "status" else language_text(value)
                self.choice.addItem(text, value)
            self.value_stack.setCurrentWidget(self.choice)
        elif d.field_type in (FieldType.CHOICE, FieldType.BOOL):
            self.choice.addItem(_t("(empty)"), None)
            if d.field_type is FieldType.BOOL:
                self.choice.addItem(_t("Yes"), True)
                self.choice.addItem(_t("No"), False)
            for c in d.choices:
                self.choice.addItem(c.label, c.value)
            self.value_stack.setCurrentWidget(self.choice)
        else:
            self.value_stack.setCurrentWidget(self.text)
        self.sample.setRowCount(0)
        self.preview_label.setText("")
