"""Edit → Settings: the user's own settings; keys IT set by policy are shown locked.

Only keys that are not locked and that the user changed are written to the
user's settings file, so later policy or default changes still reach them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings, policy_locations, save_user_settings
from app.domain.errors import UserError
from app.views.forms.errors import ErrorLabel, mark


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def policy_file() -> Path | None:
    """The machine-wide policy file in effect, if any."""
    return next((p for p in policy_locations() if p.is_file()), None)


class SettingsDialog(QDialog):
    """Language, server, sync interval, backups and update checks."""

    def __init__(
        self,
        settings: Settings,
        *,
        user_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Settings"))
        self.setMinimumWidth(560)
        self._settings = settings
        self._user_path = user_path
        self.language = QComboBox()
        self.language.addItem(_t("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Deutsch", "de")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.server_url = QLineEdit(settings.server_url)
        self.server_url.setPlaceholderText("https://crm.example.ch")
        self.ca_bundle = QLineEdit(settings.ca_bundle)
        self.ca_bundle.setPlaceholderText(_t("System certificates"))
        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(1, 1440)
        self.sync_interval.setSuffix(_t(" min"))
        self.sync_interval.setValue(settings.sync_interval_min)
        self.backup_dir = QLineEdit(str(settings.backup_dir))
        self.backup_daily = QSpinBox()
        self.backup_weekly = QSpinBox()
        self.backup_monthly = QSpinBox()
        for box, value in (
            (self.backup_daily, settings.backup_daily),
            (self.backup_weekly, settings.backup_weekly),
            (self.backup_monthly, settings.backup_monthly),
        ):
            box.setRange(0, 99)
            box.setValue(value)
        self.backup_interval = QSpinBox()
        self.backup_interval.setRange(0, 24 * 60)
        self.backup_interval.setSuffix(_t(" min"))
        self.backup_interval.setSpecialValueText(_t("every time Relata closes"))
        self.backup_interval.setValue(settings.backup_interval_min)
        self.import_max_mb = QSpinBox()
        self.import_max_mb.setRange(1, 4096)
        self.import_max_mb.setSuffix(_t(" MB"))
        self.import_max_mb.setValue(settings.import_max_mb)
        self.update_check = QCheckBox(_t("Look for new versions"))
        self.update_check.setChecked(settings.update_check)
        self.widgets: dict[str, QWidget] = {
            "language": self.language,
            "server_url": self.server_url,
            "ca_bundle": self.ca_bundle,
            "sync_interval_min": self.sync_interval,
            "backup_dir": self.backup_dir,
            "backup_daily": self.backup_daily,
            "backup_weekly": self.backup_weekly,
            "backup_monthly": self.backup_monthly,
            "backup_interval_min": self.backup_interval,
            "update_check": self.update_check,
            "import_max_mb": self.import_max_mb,
        }
        labels = {
            "language": _t("Language"),
            "server_url": _t("Server address"),
            "ca_bundle": _t("CA certificates (file)"),
            "sync_interval_min": _t("Sync every"),
            "backup_dir": _t("Backup folder"),
            "backup_daily": _t("Daily backups kept"),
            "backup_weekly": _t("Weekly backups kept"),
            "backup_monthly": _t("Monthly backups kept"),
            "backup_interval_min": _t("New backup on closing after"),
            "update_check": _t("Updates"),
            "import_max_mb": _t("Largest import file"),
        }
        form = QFormLayout()
        for key, widget in self.widgets.items():
            if key in settings.locked:
                widget.setEnabled(False)
                widget.setToolTip(self.locked_text())
            form.addRow(labels[key], widget)
        layout = QVBoxLayout(self)
        if settings.locked:
            note = QLabel(self.locked_text())
            note.setObjectName("pageLead")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        hint = QLabel(_t("A new language applies the next time Relata starts."))
        hint.setObjectName("dbInfo")
        layout.addWidget(hint)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def locked_text(self) -> str:
        """Why some settings cannot be changed here."""
        where = policy_file()
        return _t("Greyed-out settings are set by your administrator (%1).").replace(
            "%1", str(where) if where else _t("machine-wide policy")
        )

    def values(self) -> dict[str, Any]:
        """The settings as shown."""
        return {
            "language": self.language.currentData() or "",
            "server_url": self.server_url.text().strip(),
            "ca_bundle": self.ca_bundle.text().strip(),
            "sync_interval_min": self.sync_interval.value(),
            "backup_dir": Path(self.backup_dir.text().strip()).expanduser(),
            "backup_daily": self.backup_daily.value(),
            "backup_weekly": self.backup_weekly.value(),
            "backup_monthly": self.backup_monthly.value(),
            "backup_interval_min": self.backup_interval.value(),
            "update_check": self.update_check.isChecked(),
            "import_max_mb": self.import_max_mb.value(),
        }

    def changed(self) -> dict[str, Any]:
        """Unlocked keys whose value differs from the effective settings."""
        return {
            key: value
            for key, value in self.values().items()
            if key not in self._settings.locked
            and value != getattr(self._settings, key)
        }

    def save(self) -> None:
        """Write the changed keys to the user's settings file."""
        self.error.show_error("")
        url = self.server_url.text().strip()
        if url and not url.startswith(("https://", "http://")):
            self.error.show_error(_t("The server address must start with https://"))
            mark(self.server_url, True)
            return
        mark(self.server_url, False)
        try:
            save_user_settings(self.changed(), self._user_path)
        except (OSError, UserError) as exc:
            self.error.show_error(
                _t("Could not save the settings: %1").replace("%1", str(exc))
            )
            return
        self.accept()
