"""When to sync: at start-up, every few minutes, shortly after local edits, on F5.

One cycle at a time on the TaskRunner's network pool; failures back off
(1 s doubling to 5 min, with jitter, or the server's ``Retry-After``); a
sign-in problem stops the timer until the user signs in again.
"""

from __future__ import annotations

import logging
import random

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.changes import Changes
from app.domain.sync import SyncReport, SyncStatus
from app.services.sync import SyncService
from app.sync.client import SignInRequired, SyncError, Transient, UpdateRequired
from app.tasks.runner import Pool, TaskHandle, TaskRunner

log = logging.getLogger(__name__)

AFTER_EDIT_MS = 10_000
MAX_BACKOFF_S = 300.0


class SyncController(QObject):
    """Schedules sync cycles and reports their outcome.

    Signals:
        sig_status_changed(object): a fresh :class:`SyncStatus`.
        sig_data_changed(object): :class:`Changes` a cycle brought in.
        sig_sync_finished(object): the :class:`SyncReport` of a cycle.
        sig_sync_failed(object): the :class:`SyncError` of a cycle.
        sig_busy_changed(bool): a cycle started or ended.
    """

    sig_status_changed = Signal(object)
    sig_data_changed = Signal(object)
    sig_sync_finished = Signal(object)
    sig_sync_failed = Signal(object)
    sig_busy_changed = Signal(bool)

    def __init__(
        self,
        service: SyncService,
        runner: TaskRunner,
        *,
        interval_min: int = 5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self._handle: TaskHandle | None = None
        self._again = False
        self._backoff = 0.0
        self._periodic = QTimer(self)
        self._periodic.setInterval(max(1, interval_min) * 60_000)
        self._periodic.timeout.connect(self.sync_now)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.sync_now)

    @property
    def busy(self) -> bool:
        """Whether a cycle is running."""
        return self._handle is not None

    def start(self) -> None:
        """Begin background syncing (a first cycle right away if signed in)."""
        status = self.refresh_status()
        if status.signed_in:
            self._periodic.start()
            self.sync_now()

    def stop(self) -> None:
        """Stop the timers (window closing)."""
        self._periodic.stop()
        self._soon.stop()

    def refresh_status(self) -> SyncStatus:
        """Read and announce the current status."""
        status = self.service.status()
        self.sig_status_changed.emit(status)
        return status

    def local_change(self) -> None:
        """A local edit: sync about ten seconds later (edits in a row share a cycle)."""
        self.refresh_status()
        if self._periodic.isActive() and self._backoff == 0:
            self._soon.start(AFTER_EDIT_MS)

    def signed_in(self) -> None:
        """The user signed in: reset backoff and sync now."""
        self._backoff = 0.0
        self._periodic.start()
        self.sync_now()

    def sync_now(self) -> None:
        """F5 / Sync now; queued if a cycle is running."""
        if self._handle is not None:
            self._again = True
            return
        if not self.service.server_url:
            self.refresh_status()
            return
        self._soon.stop()
        self.sig_busy_changed.emit(True)
        self._handle = self.runner.run(
            "sync",
            self.service.sync,
            with_progress=True,
            pool=Pool.IO,
            on_done=self._on_done,
            on_error=self._on_error,
            on_cancelled=self._on_cancelled,
        )

    def _finish(self) -> None:
        self._handle = None
        self.sig_busy_changed.emit(False)
        self.refresh_status()
        if self._again:
            self._again = False
            self.sync_now()

    def _on_done(self, result: tuple[SyncReport, Changes]) -> None:
        report, changes = result
        self._backoff = 0.0
        self._finish()
        if changes.everything or changes.kinds:
            self.sig_data_changed.emit(changes)
        self.sig_sync_finished.emit(report)

    def _on_error(self, exc: BaseException) -> None:
        self._again = False
        self._finish()
        if not isinstance(exc, SyncError):
            log.error("sync failed", exc_info=exc)
            self._retry_later(None)
            return
        if isinstance(exc, SignInRequired | UpdateRequired):
            self._periodic.stop()
        elif isinstance(exc, Transient):
            self._retry_later(exc.retry_after)
        self.sig_sync_failed.emit(exc)

    def _on_cancelled(self) -> None:
        self._finish()

    def _retry_later(self, retry_after: float | None) -> None:
        self._backoff = min(MAX_BACKOFF_S, max(1.0, self._backoff * 2))
        wait = retry_after if retry_after else self._backoff * random.uniform(0.5, 1.5)
        self._soon.start(int(wait * 1000))
