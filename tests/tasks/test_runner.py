"""TaskRunner: work on executors, callbacks and progress on the GUI thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from app.domain.progress import Cancelled, CancelToken, ProgressSink
from app.tasks import runner as runner_module
from app.tasks.runner import Pool, QtProgress, TaskRunner


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


def test_on_done_gets_the_result_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    calls: list[tuple[object, bool]] = []

    def work() -> tuple[str, bool]:
        return threading.current_thread().name, _on_gui_thread()

    handle = runner.run(
        "work", work, on_done=lambda r: calls.append((r, _on_gui_thread()))
    )
    qtbot.waitUntil(lambda: bool(calls))
    (worker_name, worker_on_gui), on_gui = calls[0]  # type: ignore[misc]
    assert worker_name.startswith("relata-db")
    assert not worker_on_gui
    assert on_gui
    assert handle.done
    assert handle.name == "work"


def test_on_error_gets_the_exception(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    done: list[object] = []
    cancelled: list[bool] = []

    def work() -> None:
        raise ValueError("boom")

    runner.run(
        "failing",
        work,
        on_done=done.append,
        on_error=lambda exc: errors.append(exc) if _on_gui_thread() else None,
        on_cancelled=lambda: cancelled.append(True),
    )
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)
    assert str(errors[0]) == "boom"
    assert done == []
    assert cancelled == []


def test_an_error_nobody_handles_is_reported_as_a_crash(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def work() -> None:
        raise KeyError("lost")

    with qtbot.waitSignal(runner.sig_task_crashed) as blocker:
        runner.run("unhandled", work)
    name, exc = blocker.args or ("", None)
    assert name == "unhandled"
    assert isinstance(exc, KeyError)
    assert "task unhandled failed" in caplog.text


def test_cancel_reaches_on_cancelled(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    checks: list[int] = []
    outcome: list[str] = []

    def work(progress: ProgressSink) -> str:
        started.set()
        for i in range(2000):  # at most ~10 s, far beyond the wait below
            progress.check_cancelled()
            checks.append(i)
            time.sleep(0.005)
        return "ran to the end"

    handle = runner.run(
        "cancellable",
        work,
        with_progress=True,
        on_done=lambda _r: outcome.append("done"),
        on_error=lambda _e: outcome.append("error"),
        on_cancelled=lambda: outcome.append(
            "cancelled" if _on_gui_thread() else "thread"
        ),
    )
    assert started.wait(5)
    handle.cancel()
    assert handle.token.cancelled
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    assert len(checks) < 2000
    assert isinstance(handle.future and handle.future.exception(), Cancelled)


def test_progress_arrives_on_the_gui_thread_throttled(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    received: list[tuple[int, int, str]] = []
    threads: set[bool] = set()
    finished: list[bool] = []
    go = threading.Event()

    def work(progress: ProgressSink) -> None:
        assert go.wait(5)
        for i in range(1, 5001):
            progress.report(i, 5000, f"step {i}")

    handle = runner.run(
        "chatty", work, with_progress=True, on_done=lambda _r: finished.append(True)
    )

    def on_progress(done: int, total: int, message: str) -> None:
        received.append((done, total, message))
        threads.add(_on_gui_thread())

    handle.progress.sig_progress_reported.connect(on_progress)
    go.set()
    qtbot.waitUntil(lambda: bool(finished))
    qtbot.waitUntil(lambda: bool(received) and received[-1][0] == 5000)
    assert received[-1] == (5000, 5000, "step 5000")  # the last report always comes
    assert len(received) < 50  # 5000 reports in a few ms: throttled to a handful
    assert threads == {True}


def test_progress_throttle_lets_one_report_through_per_interval(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(runner_module.time, "monotonic", lambda: clock[0])
    progress = QtProgress(CancelToken(), min_interval=0.1)
    seen: list[int] = []
    progress.sig_progress_reported.connect(lambda done, _t, _m: seen.append(done))
    for done, at in (
        (1, 1000.0),
        (2, 1000.05),
        (3, 1000.11),
        (4, 1000.15),
        (10, 1000.16),
    ):
        clock[0] = at
        progress.report(done, 10)
    assert seen == [1, 3, 10]


def test_check_cancelled_raises_only_after_cancel() -> None:
    token = CancelToken()
    progress = QtProgress(token)
    progress.check_cancelled()
    token.cancel()
    with pytest.raises(Cancelled):
        progress.check_cancelled()


def test_busy_changes_once_for_overlapping_tasks(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    busy: list[bool] = []
    runner.sig_busy_changed.connect(busy.append)
    release = threading.Event()
    done: list[int] = []
    runner.run("first", lambda: release.wait(5), on_done=lambda _r: done.append(1))
    runner.run("second", lambda: 2, pool=Pool.IO, on_done=lambda _r: done.append(2))
    assert runner.busy
    qtbot.waitUntil(lambda: done == [2])
    assert runner.busy  # the first still runs
    release.set()
    qtbot.waitUntil(lambda: done == [2, 1])
    assert busy == [True, False]
    assert not runner.busy


def test_busy_stays_true_while_a_task_whose_handle_was_dropped_runs(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A dropped handle's address can be reused by the next handle; make every
    # object share one address so a key derived from id() would collide.
    monkeypatch.setattr(runner_module, "id", lambda _obj: 42, raising=False)
    release = threading.Event()
    finished: list[str] = []
    runner.run(
        "long", lambda: release.wait(5), on_done=lambda _r: finished.append("long")
    )
    runner.run(
        "short", lambda: None, pool=Pool.IO, on_done=lambda _r: finished.append("short")
    )
    qtbot.waitUntil(lambda: finished == ["short"])
    assert runner.busy
    release.set()
    qtbot.waitUntil(lambda: finished == ["short", "long"])
    assert not runner.busy


def test_the_db_pool_runs_one_task_at_a_time_and_io_in_parallel(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    barrier = threading.Barrier(2, timeout=5)
    met: list[bool] = []
    for name in ("a", "b"):
        runner.run(
            name, barrier.wait, pool=Pool.IO, on_done=lambda _r: met.append(True)
        )
    qtbot.waitUntil(lambda: len(met) == 2)

    active = [0]
    peak = [0]
    lock = threading.Lock()

    def serial() -> None:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.02)
        with lock:
            active[0] -= 1

    done: list[bool] = []
    for i in range(4):
        runner.run(f"db{i}", serial, on_done=lambda _r: done.append(True))
    qtbot.waitUntil(lambda: len(done) == 4)
    assert peak[0] == 1


def test_shutdown_waits_for_running_work_and_refuses_new(qtbot: QtBot) -> None:
    task_runner = TaskRunner()
    started = threading.Event()
    finished = threading.Event()

    def work() -> None:
        started.set()
        time.sleep(0.2)
        finished.set()

    task_runner.run("slow", work)
    assert started.wait(5)
    task_runner.shutdown()
    assert finished.is_set()
    with pytest.raises(RuntimeError, match="shut down"):
        task_runner.run("late", lambda: None)


def test_shutdown_cancels_queued_work(qtbot: QtBot) -> None:
    task_runner = TaskRunner()
    release = threading.Event()
    outcome: list[str] = []
    busy: list[bool] = []
    task_runner.sig_busy_changed.connect(busy.append)
    task_runner.run("running", lambda: release.wait(5))
    task_runner.run(
        "queued",
        lambda: outcome.append("ran"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    threading.Timer(0.1, release.set).start()
    task_runner.shutdown()
    qtbot.waitUntil(lambda: busy[-1:] == [False])
    assert outcome == ["cancelled"]
    assert not task_runner.busy
