"""Sync GUI: sign-in dialog errors inline, status bar, conflict inbox resolution."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.domain.sync import Resolution
from app.services.container import build_services
from app.tasks.runner import TaskRunner
from app.views.main_window import MainWindow
from app.views.sync.page import ConflictTableModel, SyncPage
from app.views.sync.widgets import SignInDialog, SyncStatusWidget
from tests.helpers.factories import make_organisation
from tests.helpers.sync_env import PASSWORD, Laptop, ThreadServer, make_laptop
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]
Make = Callable[..., Laptop]


@pytest.fixture
def runner() -> TaskRunner:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def conflict_on(laptop: Make, field: str = "notes") -> tuple[Laptop, Laptop, str]:
    a, b = laptop("anna"), laptop("beat")
    org = make_organisation(a.addresses, name="Muster AG")
    a.run(), b.run()
    for lap, text in ((a, "Anna says"), (b, "Beat says")):
        data = lap.addresses.get_organisation(org.id).data()
        lap.addresses.update_organisation(
            org.id, dataclasses.replace(data, **{field: text})
        )
    a.run(), b.run()
    return a, b, org.id


def test_sign_in_errors_show_next_to_the_field_and_input_stays(
    qtbot: QtBot, tmp_path, server: tuple[Engine, ThreadServer], runner: TaskRunner
) -> None:
    lap = make_laptop(tmp_path, "gui")
    dialog = SignInDialog(lap.sync, runner)
    qtbot.addWidget(dialog)
    dialog.server_url.setText(server[1].url)
    dialog.username.setText("anna")
    dialog.password.setText("wrong password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors["password"].isVisibleTo(dialog), timeout=5000)
    assert "wrong password" in dialog.errors["password"].text()
    assert dialog.username.text() == "anna"
    dialog.server_url.setText("not a url")
    dialog.submit()
    qtbot.waitUntil(
        lambda: dialog.errors["server_url"].isVisibleTo(dialog), timeout=5000
    )
    dialog.server_url.setText(server[1].url)
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()
    assert lap.sync.status().signed_in
    lap.db.engine.dispose()


def test_inbox_lists_theirs_mine_original_and_keep_theirs_resolves(
    qtbot: QtBot, laptop: Make, qtmodeltester
) -> None:
    _a, b, org_id = conflict_on(laptop)
    page = SyncPage(b.sync)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 1
    assert page.detail.theirs.text() == "Anna says"
    assert page.detail.mine.text() == "Beat says"
    assert page.detail.original.text() == "(empty)"
    with qtbot.waitSignal(page.sig_data_changed):
        page.detail.btn_theirs.click()
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page)
    assert b.addresses.get_organisation(org_id).notes == "Anna says"


def test_edited_value_reaches_the_other_laptop(qtbot: QtBot, laptop: Make) -> None:
    a, b, org_id = conflict_on(laptop)
    page = SyncPage(b.sync)
    qtbot.addWidget(page)
    page.detail.edit.setText("Both: call Monday")
    page.detail.btn_edit.click()
    b.run(), a.run()
    assert a.addresses.get_organisation(org_id).notes == "Both: call Monday"
    assert a.sync.conflicts() == []


def test_a_bad_typed_value_shows_an_error_and_nothing_changes(
    qtbot: QtBot, laptop: Make
) -> None:
    _a, b, _org = conflict_on(laptop, "legal_form")
    item = b.sync.conflicts()[0]
    page = SyncPage(b.sync)
    qtbot.addWidget(page)
    assert not page.resolve(item.id, Resolution.EDITED, "x" * 70000)
    assert page.detail.edit_error.isVisibleTo(page)
    assert len(b.sync.conflicts()) == 1


def test_status_widget_shows_pending_and_conflict_badge(
    qtbot: QtBot, laptop: Make
) -> None:
    _a, b, org_id = conflict_on(laptop)
    data = b.addresses.get_organisation(org_id).data()
    b.addresses.update_organisation(org_id, dataclasses.replace(data, legal_form="AG"))
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_status(b.sync.status())
    assert "1 change to send" in widget.label.text()
    assert widget.badge.isVisibleTo(widget)
    assert widget.badge.text() == "1 conflict"


def test_main_window_has_the_sync_page_and_f5(
    qtbot: QtBot, db, runner: TaskRunner
) -> None:
    services = build_services(db)
    win = MainWindow(services, runner)
    qtbot.addWidget(win)
    assert win.sync_ui.act_sync.shortcut().toString() == "F5"
    win.sync_ui.act_show.trigger()
    assert win.pages.currentWidget() is win.sync_ui.page
    assert win.sync_ui.status.label.text() == "Offline — no server configured"
    assert isinstance(win.sync_ui.page.model, ConflictTableModel)
