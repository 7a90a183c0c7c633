"""Status bar widget and sign-in dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError, ValidationError
from app.domain.sync import SyncStatus
from app.services.sync import SyncService
from app.tasks.runner import Pool, TaskRunner
from app.views.forms.errors import ErrorLabel, mark


def _t(text: str) -> str:
    return QCoreApplication.translate("Sync", text)


def error_message(code: str, fallback: str) -> str:
    """A sync error in the UI language."""
    return {
        "sync.offline": _t(
            "The server cannot be reached. Your changes are kept and sent later."
        ),
        "sync.sign_in": _t(
            "Please sign in to the server again. Your changes are kept."
        ),
        "sync.update_required": _t(
            "The server needs a newer version of Relata. Your changes are kept."
        ),
        "sync.bad_credentials": _t("Unknown user name or wrong password."),
        "sync.tls": _t("The server's certificate could not be verified."),
        "sync.url": _t("Enter the server address, e.g. https://crm.example.ch"),
        "sync.no_server": _t("No server is configured."),
        "sync.refused": _t("The server refused the request."),
        "required": _t("This field is required."),
    }.get(code, fallback)


def status_text(status: SyncStatus) -> str:
    """One line for the status bar."""
    if not status.server_url:
        return _t("Offline — no server configured")
    if not status.signed_in:
        return _t("Not signed in")
    state = _t("Online") if status.online else _t("Offline")
    parts = [state]
    if status.last_sync is not None:
        stamp = QDateTime.fromSecsSinceEpoch(int(status.last_sync.timestamp()))
        when = QLocale().toString(
            stamp.toLocalTime().time(), QLocale.FormatType.ShortFormat
        )
        parts.append(_t("synced %1").replace("%1", when))
    if status.pending:
        parts.append(
            QCoreApplication.translate(
                "Sync", "%n change(s) to send", "", status.pending
            )
        )
    return " · ".join(parts)


class SyncStatusWidget(QWidget):
    """Online/offline, last sync, pending changes and a conflicts badge.

    Signals:
        sig_open_requested(): the user clicked it (opens the sync page).
    """

    sig_open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.label = QPushButton()
        self.label.setObjectName("syncStatus")
        self.label.setFlat(True)
        self.label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.badge = QPushButton()
        self.badge.setObjectName("conflictBadge")
        self.badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.badge.hide()
        self.label.setStyleSheet(
            "QPushButton { border: none; background: transparent; padding: 0 6px; }"
            "QPushButton:hover { text-decoration: underline; }"
        )
        self.badge.setStyleSheet(
            "QPushButton { background: #cf222e; color: white; border: none;"
            " border-radius: 9px; padding: 1px 9px; font-weight: 600; }"
        )
        layout.addWidget(self.label)
        layout.addWidget(self.badge)
        self.label.clicked.connect(self.sig_open_requested)
        self.badge.clicked.connect(self.sig_open_requested)
        self._busy = False
        self._status: SyncStatus | None = None

    def show_status(self, status: SyncStatus) -> None:
        """Show ``status``."""
        self._status = status
        self._render()

    def set_busy(self, busy: bool) -> None:
        """A cycle is running."""
        self._busy = busy
        self._render()

    def _render(self) -> None:
        status = self._status
        if status is None:
            return
        text = _t("Syncing …") if self._busy else status_text(status)
        self.label.setText(text)
        self.label.setToolTip(
            error_message(status.last_error, status.last_error_text)
            if status.last_error
            else status.server_url
        )
        self.badge.setVisible(status.conflicts > 0)
        self.badge.setText(
            QCoreApplication.translate("Sync", "%n conflict(s)", "", status.conflicts)
        )


class SignInDialog(QDialog):
    """Server address, user name and password; signs in on the network pool.

    Errors appear next to the field they concern; typed input stays.
    """

    def __init__(
        self,
        service: SyncService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.setWindowTitle(_t("Sign in to the server"))
        self.setMinimumWidth(460)
        self.server_url = QLineEdit(service.server_url)
        self.server_url.setPlaceholderText("https://crm.example.ch")
        self.username = QLineEdit(service.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {
            name: ErrorLabel() for name in ("server_url", "username", "password")
        }
        self.general_error = ErrorLabel()
        form = QFormLayout()
        for name, label, widget in (
            ("server_url", _t("Server"), self.server_url),
            ("username", _t("User name"), self.username),
            ("password", _t("Password"), self.password),
        ):
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(self.errors[name])
            form.addRow(label, holder)
        lead = QLabel(
            _t(
                "Your changes are kept on this computer and exchanged with the server "
                "whenever you are online. The sign-in is stored in the system's "
                "password store, never in the database."
            )
        )
        lead.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_t("Sign in"))
        self.ok.setObjectName("primaryButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        (self.password if self.username.text() else self.server_url).setFocus()

    def submit(self) -> None:
        """Sign in in the background; accept on success."""
        self._clear_errors()
        self.ok.setEnabled(False)
        url, user, password = (
            self.server_url.text(),
            self.username.text(),
            self.password.text(),
        )
        self.runner.run(
            "sign-in",
            lambda: self.service.sign_in(url, user, password),
            pool=Pool.IO,
            on_done=lambda _status: self.accept(),
            on_error=self._on_failed,
        )

    def _clear_errors(self) -> None:
        self.general_error.show_error("")
        for name, label in self.errors.items():
            label.show_error("")
            mark(getattr(self, name), False)

    def _on_failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationError):
            for fe in exc.errors:
                self._show(fe.field, error_message(fe.code, fe.message))
        elif isinstance(exc, UserError):
            self._show(exc.field, error_message(exc.code, exc.message))
        else:
            self._show(None, _t("Signing in failed: %1").replace("%1", str(exc)))

    def _show(self, field: str | None, text: str) -> None:
        if field in self.errors:
            assert field is not None
            self.errors[field].show_error(text)
            widget = getattr(self, field)
            mark(widget, True)
            widget.setFocus()
        else:
            self.general_error.show_error(text)
