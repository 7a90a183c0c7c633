"""TaskProgressDialog: appears only for slow work, Cancel stops the task."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.domain.progress import ProgressSink
from app.tasks.runner import TaskRunner
from app.views.progress_dialog import SHOW_AFTER_MS, TaskProgressDialog
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _visible_progress_dialogs() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_shows_only_after_500_ms_and_follows_progress(
    qtbot: QtBot, runner: TaskRunner, parent: QWidget
) -> None:
    release = threading.Event()
    reported = threading.Event()

    def work(progress: ProgressSink) -> None:
        progress.report(3, 10, "Step three")
        reported.set()
        assert release.wait(5)

    handle = runner.run("slow", work, with_progress=True)
    started = time.monotonic()
    dialog = TaskProgressDialog(handle, "Working …", parent)
    assert reported.wait(5)
    qtbot.wait(SHOW_AFTER_MS - 250)  # progress arrived, but it is too early to show
    assert not dialog.isVisible()
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert time.monotonic() - started >= 0.9 * SHOW_AFTER_MS / 1000  # coarse timer
    assert dialog.maximum() == 10
    assert dialog.value() == 3
    assert dialog.labelText() == "Step three"
    assert dialog.windowTitle() == "Working …"
    release.set()
    qtbot.waitUntil(lambda: handle.done)
    dialog.finish()
    assert not dialog.isVisible()


def test_quick_work_never_shows_the_dialog(
    qtbot: QtBot, runner: TaskRunner, parent: QWidget
) -> None:
    finished: list[bool] = []

    def work(progress: ProgressSink) -> None:
        for i in range(5):
            progress.report(i, 5, "quick")

    holder: list[TaskProgressDialog] = []

    def on_done(_result: object) -> None:
        finished.append(holder[0].isVisible())
        holder[0].finish()

    handle = runner.run("quick", work, with_progress=True, on_done=on_done)
    holder.append(TaskProgressDialog(handle, "Quick", parent))
    qtbot.waitUntil(lambda: bool(finished))
    assert finished == [False]
    qtbot.wait(SHOW_AFTER_MS + 150)
    assert _visible_progress_dialogs() == []


def test_cancel_button_cancels_the_task(
    qtbot: QtBot, runner: TaskRunner, parent: QWidget
) -> None:
    outcome: list[str] = []

    def work(progress: ProgressSink) -> None:
        for _ in range(1000):
            progress.check_cancelled()
            time.sleep(0.01)

    handle = runner.run(
        "cancel me",
        work,
        with_progress=True,
        on_done=lambda _r: outcome.append("done"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    dialog = TaskProgressDialog(handle, "Long", parent)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert handle.token.cancelled
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    dialog.finish()
