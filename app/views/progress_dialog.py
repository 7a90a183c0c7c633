"""A progress dialog that appears only when work takes longer than 500 ms."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.tasks.runner import TaskHandle
from app.views.labels import progress_text

SHOW_AFTER_MS = 500


class TaskProgressDialog(QProgressDialog):
    """Follows a :class:`TaskHandle`; Cancel asks the task to stop and roll back."""

    def __init__(
        self, handle: TaskHandle, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, self.tr("Cancel"), 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # Our timer decides when to appear. QProgressDialog's own logic would
        # show it on the first setValue() after minimumDuration (0 showed it
        # at once, flashing for quick work); "never" switches that logic off.
        self.setMinimumDuration(2**31 - 1)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._handle = handle
        handle.progress.sig_progress_reported.connect(self._on_progress_reported)
        if handle.progress.latest is not None:  # reported before we listened
            self._on_progress_reported(*handle.progress.latest)
        self.canceled.connect(self._on_canceled)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._maybe_show)
        self._timer.start(SHOW_AFTER_MS)
        self.hide()

    def finish(self) -> None:
        """The task ended: close without flashing."""
        self._timer.stop()
        self.hide()
        self.deleteLater()

    def _maybe_show(self) -> None:
        if not self._handle.done:
            self.show()

    def _on_progress_reported(self, done: int, total: int, message: str) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))
        if message:
            self.setLabelText(progress_text(message))

    def _on_canceled(self) -> None:
        self._handle.cancel()
        self.setLabelText(self.tr("Cancelling — undoing what was done …"))
