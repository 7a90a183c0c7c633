"""Task reminders as desktop notifications while Relata runs.

A timer asks the task service every ``interval_ms`` for reminders whose time
has come (at the injected clock's ``now()``), shows each as a system-tray
notification, marks it shown, and emits :attr:`sig_reminder_fired` so the
window can also put it in its status bar (where there is no tray, e.g. on a
bare X session, that is all the user sees). Tests pass a fake clock and call
:meth:`check_now`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from app.domain.journal import Reminder
from app.services.followups import TaskService
from app.views.journal.labels import due_text

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("Reminders", text)


class ReminderNotifier(QObject):
    """Checks for due reminders and shows them.

    Signals:
        sig_reminder_fired(object): a :class:`Reminder` was shown.
        sig_reminder_clicked(str): the user clicked the notification (task id).
    """

    sig_reminder_fired = Signal(object)
    sig_reminder_clicked = Signal(str)

    def __init__(
        self,
        service: TaskService,
        *,
        now: Callable[[], dt.datetime],
        icon: QIcon | None = None,
        interval_ms: int = 30_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._now = now
        self._last: Reminder | None = None
        self.shown: list[Reminder] = []
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon or QIcon(), self)
            self.tray.setToolTip("Relata")
            self.tray.messageClicked.connect(self._on_tray_message_clicked)
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        """Check now and then every interval."""
        self.check_now()
        self.timer.start()

    def stop(self) -> None:
        """Stop checking (and remove the tray icon)."""
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check_now(self) -> list[Reminder]:
        """Show every reminder that is due at ``now()``; returns them."""
        now = self._now()
        try:
            due = self._service.due_reminders(now)
        except Exception:  # the database may be busy; try again next time
            log.exception("checking reminders failed")
            return []
        if not due:
            return []
        self._service.mark_reminded([r.task_id for r in due], now)
        for reminder in due:
            self._show(reminder)
        return due

    def _show(self, reminder: Reminder) -> None:
        self._last = reminder
        self.shown.append(reminder)
        if self.tray is not None:
            parts = [
                p
                for p in (due_text(reminder.due_at, reminder.all_day), reminder.related)
                if p
            ]
            self.tray.showMessage(
                _t("Reminder: %1").replace("%1", reminder.title),
                " · ".join(parts) or _t("Task due"),
                QSystemTrayIcon.MessageIcon.Information,
                15_000,
            )
        self.sig_reminder_fired.emit(reminder)

    def _on_tray_message_clicked(self) -> None:
        if self._last is not None:
            self.sig_reminder_clicked.emit(self._last.task_id)
