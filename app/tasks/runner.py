"""TaskRunner: service work on executors, results and progress back on the GUI thread.

Two executors, as in Anki's collection executor: ``db`` has a single worker so
SQLite sees one writer at a time; ``io`` serves network calls. Each task gets a
:class:`QtProgress` sink; its reports cross threads through a queued signal and
are throttled to about ten per second. Completion callbacks run on the GUI
thread. Nothing here knows about SQL or widgets.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.domain.progress import Cancelled, CancelToken

log = logging.getLogger(__name__)


class Pool(Enum):
    """Which executor a task runs on."""

    DB = "db"
    IO = "io"


class QtProgress(QObject):
    """A :class:`~app.domain.progress.ProgressSink` that relays to the GUI thread.

    Signals:
        sig_progress_reported(done, total, message): throttled progress.
    """

    sig_progress_reported = Signal(int, int, str)

    def __init__(self, token: CancelToken, *, min_interval: float = 0.1) -> None:
        super().__init__()
        self._token = token
        self._min_interval = min_interval
        self._last = 0.0
        #: The latest report, for a receiver that connects after work started.
        self.latest: tuple[int, int, str] | None = None

    def report(self, done: int, total: int, message: str = "") -> None:
        """Emit progress unless the last emission was under ``min_interval`` ago."""
        self.latest = (done, total, message)
        now = time.monotonic()
        if done >= total or now - self._last >= self._min_interval:
            self._last = now
            self.sig_progress_reported.emit(done, total, message)

    def check_cancelled(self) -> None:
        """Raise :class:`Cancelled` after :meth:`TaskHandle.cancel`."""
        if self._token.cancelled:
            raise Cancelled


@dataclass
class TaskHandle:
    """What the caller keeps of a running task."""

    name: str
    token: CancelToken
    progress: QtProgress
    future: Future[Any] | None = field(default=None)

    def cancel(self) -> None:
        """Ask the task to stop at its next check; it rolls back."""
        self.token.cancel()

    @property
    def done(self) -> bool:
        """Whether the task has finished (any outcome)."""
        return self.future is not None and self.future.done()


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, slots run on the GUI thread."""

    sig_task_finished = Signal(object, object)  # callback, result
    sig_task_failed = Signal(object, object)  # callback, exception

    def __init__(self) -> None:
        super().__init__()
        # Queued even when emitted on the GUI thread: a future that is already
        # done when run() adds its callback emits right there, and the caller
        # must get its handle back before any callback runs.
        queued = Qt.ConnectionType.QueuedConnection
        self.sig_task_finished.connect(self._on_finished, queued)
        self.sig_task_failed.connect(self._on_failed, queued)

    @Slot(object, object)
    def _on_finished(self, callback: Callable[[Any], None], result: Any) -> None:
        callback(result)

    @Slot(object, object)
    def _on_failed(self, callback: Callable[[BaseException], None], exc: Any) -> None:
        callback(exc)


class TaskRunner(QObject):
    """Runs functions on the db or io executor and reports back on the GUI thread.

    Signals:
        sig_busy_changed(bool): whether any task is running.
        sig_task_crashed(str, object): a task raised an unexpected exception
            (name, exception) and had no error callback.
    """

    sig_busy_changed = Signal(bool)
    sig_task_crashed = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self._pools = {
            Pool.DB: ThreadPoolExecutor(1, thread_name_prefix="relata-db"),
            Pool.IO: ThreadPoolExecutor(4, thread_name_prefix="relata-io"),
        }
        self._relay = _Relay()
        self._running: set[int] = set()
        self._keys = itertools.count()
        self._shut_down = False

    def run(
        self,
        name: str,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        pool: Pool = Pool.DB,
        with_progress: bool = False,
    ) -> TaskHandle:
        """Run ``fn`` (called as ``fn(progress)`` if ``with_progress``) in a pool.

        ``on_done(result)``, ``on_error(exc)`` and ``on_cancelled()`` run on the
        GUI thread. A :class:`Cancelled` exception goes to ``on_cancelled``.
        """
        if self._shut_down:
            raise RuntimeError("TaskRunner is shut down")
        token = CancelToken()
        progress = QtProgress(token)
        handle = TaskHandle(name, token, progress)

        def work() -> Any:
            return fn(progress) if with_progress else fn()

        # Not id(handle): a caller may drop the handle, and a later handle at
        # the same address would share the key and end "busy" too early.
        key = next(self._keys)
        self._running.add(key)
        if len(self._running) == 1:
            self.sig_busy_changed.emit(True)

        def finished(result: Any) -> None:
            self._forget(key)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._forget(key)
            if isinstance(exc, Cancelled):
                if on_cancelled is not None:
                    on_cancelled()
            elif on_error is not None:
                on_error(exc)
            else:
                log.error("task %s failed", name, exc_info=exc)
                self.sig_task_crashed.emit(name, exc)

        def done_callback(fut: Future[Any]) -> None:
            # Runs on the worker, or on the thread that cancelled the future
            # (shutdown); the relay's queued signals bring it to the GUI thread.
            if fut.cancelled():  # never started: shut down before its turn
                self._relay.sig_task_failed.emit(failed, Cancelled())
                return
            exc = fut.exception()
            if exc is None:
                self._relay.sig_task_finished.emit(finished, fut.result())
            else:
                self._relay.sig_task_failed.emit(failed, exc)

        handle.future = self._pools[pool].submit(work)
        handle.future.add_done_callback(done_callback)
        return handle

    @property
    def busy(self) -> bool:
        """Whether any task is still running."""
        return bool(self._running)

    def shutdown(self) -> None:
        """Wait for running tasks (app exit); later :meth:`run` calls fail."""
        self._shut_down = True
        for pool in self._pools.values():
            pool.shutdown(wait=True, cancel_futures=True)

    def _forget(self, key: int) -> None:
        self._running.discard(key)
        if not self._running:
            self.sig_busy_changed.emit(False)
