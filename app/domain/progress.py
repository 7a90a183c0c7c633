"""The contract between long-running work and whoever shows its progress.

Work functions are Qt-free; they take a :class:`ProgressSink`. The GUI passes a
sink that relays to a progress dialog, tests pass :class:`RecordingProgress`,
scripts pass :class:`NullProgress`.
"""

from __future__ import annotations

import threading
from typing import Protocol


class Cancelled(Exception):  # noqa: N818 - reads better at call sites than CancelledError
    """Raised by :meth:`ProgressSink.check_cancelled` once the user pressed Cancel."""


class ProgressSink(Protocol):
    """Receives progress reports and answers whether to stop."""

    def report(self, done: int, total: int, message: str = "") -> None:
        """Record that ``done`` of ``total`` steps are finished."""

    def check_cancelled(self) -> None:
        """Raise :class:`Cancelled` if the work should stop now."""


class NullProgress:
    """A sink that ignores reports and is never cancelled."""

    def report(self, done: int, total: int, message: str = "") -> None:
        """Ignore the report."""

    def check_cancelled(self) -> None:
        """Never cancel."""


class CancelToken:
    """A thread-safe cancel flag shared between a worker and the GUI."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._event.is_set()


class RecordingProgress:
    """A sink for tests and scripts: keeps every report, cancels at step N if asked."""

    def __init__(self, *, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self._cancel_after = cancel_after
        self._checks = 0

    def report(self, done: int, total: int, message: str = "") -> None:
        """Keep the report."""
        self.reports.append((done, total, message))

    def check_cancelled(self) -> None:
        """Raise :class:`Cancelled` on the ``cancel_after``-th check."""
        self._checks += 1
        if self._cancel_after is not None and self._checks > self._cancel_after:
            raise Cancelled
