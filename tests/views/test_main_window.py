"""The main window: navigation, shortcuts, status bar, demo data in the background."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import __version__
from app.domain.addresses import ListFilter
from app.domain.changes import Changes, EntityKind
from app.domain.progress import ProgressSink
from app.services.container import Services
from app.tasks.runner import TaskRunner
from app.views.about_dialog import AboutDialog
from app.views.address_book import ORGANISATIONS, PERSONS
from app.views.home import DemoDataDialog
from app.views.main_window import ADDRESSES, HOME, MainWindow
from app.views.navigation import AREAS
from tests.helpers.factories import make_organisation, make_person
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

CTRL = Qt.KeyboardModifier.ControlModifier
StandardButton = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot: QtBot, services: Services, runner: TaskRunner) -> MainWindow:
    win = MainWindow(services, runner)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error boxes shown (instead of blocking the test)."""
    shown: list[str] = []

    def fake(
        _parent: QWidget | None, _title: str, text: str, *_a: object
    ) -> StandardButton:
        shown.append(text)
        return StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", fake)
    return shown


def _key(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = CTRL
) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_starts_on_the_overview_with_counts(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    make_organisation(services.addresses)
    make_person(services.addresses)
    make_person(services.addresses)
    win = MainWindow(services, runner)
    qtbot.addWidget(win)
    win.show()
    assert win.pages.currentIndex() == HOME
    assert win.sidebar.currentRow() == HOME
    assert win.counts_label.text() == "2 persons · 1 organisation"
    assert win.online_label.text() == "Offline — no server configured"
    assert win.db_label.text() == "relata.db"
    assert win.home.persons_card.value.text() == "2"
    assert win.home.orgs_card.value.text() == "1"
    assert win.home.prospects_card.value.text() == "3"
    assert win.windowTitle() == "Relata"


def test_server_url_shows_in_the_status_bar(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    win = MainWindow(services, runner, server_url="https://crm.example.ch")
    qtbot.addWidget(win)
    assert win.online_label.text() == "Server: https://crm.example.ch (not signed in)"


def test_sidebar_navigation(qtbot: QtBot, window: MainWindow) -> None:
    item = window.sidebar.item(ADDRESSES)
    assert item.text() == "Addresses"
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(
        window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert window.pages.currentIndex() == ADDRESSES
    assert window.pages.currentWidget() is window.addresses
    window.sidebar.setCurrentRow(HOME)
    assert window.pages.currentWidget() is window.home


def test_view_shortcuts_switch_pages(window: MainWindow, qtbot: QtBot) -> None:
    _key(qtbot, window, Qt.Key.Key_2)
    assert window.pages.currentIndex() == ADDRESSES
    assert window.addresses.kind == PERSONS
    _key(qtbot, window, Qt.Key.Key_3)
    assert window.pages.currentIndex() == ADDRESSES
    assert window.addresses.kind == ORGANISATIONS
    assert window.sidebar.currentRow() == ADDRESSES
    _key(qtbot, window, Qt.Key.Key_1)
    assert window.pages.currentIndex() == HOME
    assert window.sidebar.currentRow() == HOME


def test_ctrl_f_searches_from_any_page(window: MainWindow, qtbot: QtBot) -> None:
    assert window.pages.currentIndex() == HOME
    _key(qtbot, window, Qt.Key.Key_F)
    assert window.pages.currentIndex() == ADDRESSES
    assert window.addresses.search.hasFocus()
    window.addresses.person_form.first_name.setFocus()
    _key(qtbot, window, Qt.Key.Key_F)  # also from inside the address book
    assert window.addresses.search.hasFocus()


def test_ctrl_n_starts_a_new_person_and_ctrl_s_saves_it(
    window: MainWindow, qtbot: QtBot, services: Services
) -> None:
    _key(qtbot, window, Qt.Key.Key_N)
    form = window.addresses.person_form
    assert window.pages.currentIndex() == ADDRESSES
    assert form.heading.text() == "New person"
    assert form.last_name.hasFocus()
    qtbot.keyClicks(form.last_name, "Tastatur")
    with qtbot.waitSignal(window.sig_data_changed):
        _key(qtbot, window, Qt.Key.Key_S)
    assert services.addresses.count_persons(ListFilter()) == 1
    assert window.counts_label.text() == "1 person · 0 organisations"
    window.show_page(HOME)  # the overview counts when it is shown
    assert window.home.persons_card.value.text() == "1"
    assert window.statusBar().currentMessage() == "Saved."


def test_ctrl_shift_n_starts_a_new_organisation(
    window: MainWindow, qtbot: QtBot
) -> None:
    _key(qtbot, window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.addresses.kind == ORGANISATIONS
    assert window.addresses.org_form.heading.text() == "New organisation"
    assert window.addresses.org_form.name.hasFocus()


def test_delete_and_undo_from_the_edit_menu(
    window: MainWindow, services: Services
) -> None:
    person = make_person(services.addresses, last_name="Menü")
    window.show_addresses(PERSONS)
    window.addresses.apply_filter()
    assert window.act_undo.isEnabled() is False
    window.act_delete.trigger()
    assert services.addresses.count_persons(ListFilter()) == 0
    assert window.counts_label.text() == "0 persons · 0 organisations"
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    assert services.addresses.count_persons(ListFilter()) == 1
    assert window.addresses.person_form.record_id == person.id
    assert window.counts_label.text() == "1 person · 0 organisations"


def test_menus_show_every_action_with_its_shortcut(window: MainWindow) -> None:
    shortcuts = {
        a.text(): a.shortcut().toString()
        for menu in (window.file_menu, window.edit_menu, window.view_menu)
        for a in menu.actions()
        if not a.isSeparator()
    }
    assert shortcuts == {
        "New &person": "Ctrl+N",
        "New &organisation": "Ctrl+Shift+N",
        "I&mport file …": "Ctrl+Shift+I",
        "&Export list …": "Ctrl+Shift+E",
        "New le&ad": "Ctrl+Shift+L",
        "New opport&unity": "Ctrl+Shift+O",
        "&Log entry …": "Ctrl+J",
        "New &task …": "Ctrl+Shift+T",
        "Import &calendar (.ics) …": "",
        "Load &demo data …": "",
        "S&ync now": "F5",
        "Sign &in to server …": "",
        "&Quit": "Ctrl+Q",
        "&Find": "Ctrl+F",
        "&Save": "Ctrl+S",
        "&Delete record": "Ctrl+Del",
        "&Undo delete": "Ctrl+Z",
        "Se&ttings …": "Ctrl+,",
        "Sales settin&gs …": "",
        "&Mail server …": "",
        "&Overview": "Ctrl+1",
        "&Persons": "Ctrl+2",
        "O&rganisations": "Ctrl+3",
        "&Import && export": "Ctrl+8",
        "&Leads": "Ctrl+4",
        "Pipeli&ne": "Ctrl+5",
        "Fore&cast": "Ctrl+6",
        "&Journal": "Ctrl+Shift+J",
        "&Tasks": "Ctrl+7",
        "Ser&vice": "Ctrl+0",
        "Data &quality": "Ctrl+Shift+K",
        "Find &duplicates …": "Ctrl+Shift+D",
        "Se&gments": "Ctrl+Shift+G",
        "R&eports": "Ctrl+Shift+R",
        "Customer lifetime val&ue": "Ctrl+Shift+V",
        "Net Promoter &Score": "Ctrl+Shift+P",
        "S&ync and conflicts": "Ctrl+9",
        "&Automation": "Ctrl+Shift+A",
        "Ca&mpaigns": "Ctrl+Shift+M",
    }
    used = [key for key in shortcuts.values() if key]
    assert len(used) == len(set(used)), "two actions share a shortcut"


def test_generate_demo_runs_in_the_background_and_refreshes(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    runner: TaskRunner,
    critical: list[str],
) -> None:
    window.show_addresses(PERSONS)
    busy: list[bool] = []
    runner.sig_busy_changed.connect(busy.append)
    handle = window.generate_demo(5, 20)
    assert handle.name == "demo"
    qtbot.waitUntil(lambda: busy == [True, False])
    assert critical == []
    assert window.counts_label.text() == "20 persons · 5 organisations"
    assert services.addresses.count_persons(ListFilter()) == 20
    assert window.addresses.count_label.text() == "20 persons"
    assert window.addresses.model.rowCount() == 20
    window.show_page(HOME)
    assert window.home.orgs_card.value.text() == "5"
    assert window.statusBar().currentMessage() == "Demo data loaded."


def test_generate_demo_cancelled_adds_nothing(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def slow_demo(
        *, organisations: int, persons: int, progress: ProgressSink
    ) -> object:
        for i in range(1000):
            progress.report(i, 1000, "Persons …")
            progress.check_cancelled()
            time.sleep(0.01)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(services, "generate_demo", slow_demo)
    handle = window.generate_demo(5, 20)
    handle.cancel()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Cancelled — nothing was added."
    )
    assert services.addresses.count_persons(ListFilter()) == 0


def test_generate_demo_failure_is_reported(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    critical: list[str],
) -> None:
    def broken(**_kwargs: object) -> object:
        raise OSError("disk full")

    monkeypatch.setattr(services, "generate_demo", broken)
    window.generate_demo(1, 1)
    qtbot.waitUntil(lambda: bool(critical))
    assert critical == ["Demo data could not be generated: disk full"]


def test_demo_dialog_asks_for_sizes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(window, "generate_demo", lambda o, p: calls.append((o, p)))

    def accept(dialog: DemoDataDialog) -> int:
        dialog.organisations.setValue(7)
        dialog.persons.setValue(70)
        return DemoDataDialog.DialogCode.Accepted

    monkeypatch.setattr(DemoDataDialog, "exec", accept)
    window.home.demo.click()
    assert calls == [(7, 70)]
    monkeypatch.setattr(
        DemoDataDialog, "exec", lambda _d: DemoDataDialog.DialogCode.Rejected
    )
    window.act_demo.trigger()
    assert calls == [(7, 70)]


def test_task_crash_is_shown(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, critical: list[str]
) -> None:
    def boom() -> None:
        raise RuntimeError("unexpected")

    runner.run("sync", boom)
    qtbot.waitUntil(lambda: bool(critical))
    assert critical == ["The task “sync” failed: unexpected\nYour data is unchanged."]


def test_about_names_version_database_and_licences(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[AboutDialog] = []

    def fake_exec(dialog: AboutDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(AboutDialog, "exec", fake_exec)
    window.act_about.trigger()
    texts = " ".join(label.text() for label in shown[0].findChildren(QLabel))
    assert __version__ in texts
    assert "Development build" in texts
    assert str(services.db_path) in texts
    table = shown[0].components
    names = {
        table.item(r, 0).text().lower().replace("_", "-")
        for r in range(table.rowCount())
    }
    assert {"sqlalchemy", "pyside6-essentials", "openpyxl"} <= names
    licences = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert all(licences)


def test_settings_show_policy_keys_locked_and_save_only_changes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from app.config import load_settings
    from app.views.settings_dialog import SettingsDialog

    policy = tmp_path / "policy.json"
    policy.write_text('{"server_url": "https://crm.example.ch"}', "utf-8")
    user = tmp_path / "settings.json"
    settings = load_settings(policy_paths=[policy], user_path=user, environ={})
    dialog = SettingsDialog(settings, user_path=user)
    qtbot.addWidget(dialog)
    assert not dialog.server_url.isEnabled()
    assert dialog.sync_interval.isEnabled()
    dialog.sync_interval.setValue(15)
    dialog.save()
    assert json.loads(user.read_text("utf-8")) == {"sync_interval_min": 15}
    again = load_settings(policy_paths=[policy], user_path=user, environ={})
    assert again.sync_interval_min == 15
    assert again.server_url == "https://crm.example.ch"
    assert "server_url" in again.locked


@pytest.mark.parametrize(
    ("answer", "closes"),
    [
        (StandardButton.Cancel, False),
        (StandardButton.Discard, True),
        (StandardButton.Save, True),
    ],
)
def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    answer: StandardButton,
    closes: bool,
) -> None:
    window.new_record(PERSONS)
    qtbot.keyClicks(window.addresses.person_form.last_name, "Ungespeichert")
    asked: list[str] = []

    def question(_p: QWidget, _t: str, text: str, *_a: object) -> StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    event = QCloseEvent()
    window.closeEvent(event)
    assert asked == ["You have unsaved changes. Save them before closing?"]
    assert event.isAccepted() is closes
    saved = services.addresses.count_persons(ListFilter())
    assert saved == (1 if answer == StandardButton.Save else 0)


def test_closing_a_clean_window_does_not_ask(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("asked"))
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()


def test_status_bar_shows_the_database_file(
    window: MainWindow, services: Services
) -> None:
    assert window.db_label.toolTip() == str(services.db_path)
    assert Path(window.db_label.toolTip()).name == window.db_label.text()


# ---- areas built after the first window (start-up)


@pytest.fixture
def deferred(qtbot: QtBot, services: Services, runner: TaskRunner) -> MainWindow:
    """A window as ``relata`` opens it: areas built after it is shown."""
    win = MainWindow(services, runner, defer_areas=True)
    qtbot.addWidget(win)
    return win


#: Every area but the overview and the address book.
AREAS_BUILT_LATE = AREAS


def test_deferred_window_lists_every_page_before_building_any(
    deferred: MainWindow, services: Services
) -> None:
    assert len(AREAS_BUILT_LATE) == 7
    assert not any(deferred.area_built(area) for area in AREAS_BUILT_LATE)
    titles = [deferred.sidebar.item(r).text() for r in range(deferred.sidebar.count())]
    assert titles == [
        "Overview",
        "Addresses",
        "Leads",
        "Pipeline",
        "Forecast",
        "Journal",
        "Tasks",
        "Service",
        "Import & export",
        "Data quality",
        "Automation",
        "Reports",
        "Sync",
    ]
    assert deferred.pages.count() == len(titles)
    # the area's services were not even built: start-up does not pay for them
    assert "sales" not in vars(services)
    assert "analytics" not in vars(services)


def test_deferred_areas_are_built_one_by_one_once_the_loop_runs(
    qtbot: QtBot, deferred: MainWindow
) -> None:
    deferred.show()
    qtbot.waitUntil(lambda: deferred.area_built("sales_ui"))
    qtbot.waitUntil(lambda: all(deferred.area_built(a) for a in AREAS_BUILT_LATE))
    # every page sits at its sidebar row, the same as an eagerly built window
    assert deferred.pages.widget(2) is deferred.sales_ui.leads
    assert deferred.pages.widget(8) is deferred.exchange_ui.page
    assert deferred.pages.widget(12) is deferred.sync_ui.page
    assert deferred.home.dashboard is deferred.analytics_ui.dashboard
    shortcuts = {a.shortcut().toString() for a in deferred.findChildren(QAction)}
    assert {"Ctrl+5", "Ctrl+J", "Ctrl+8", "F5", "Ctrl+Shift+R"} <= shortcuts


def test_clicking_a_page_not_built_yet_builds_it_at_once(
    qtbot: QtBot, deferred: MainWindow
) -> None:
    deferred.show()  # no event processed: nothing is built yet
    assert not deferred.area_built("quality_ui")
    item = deferred.sidebar.item(9)
    assert item.text() == "Data quality"
    deferred.sidebar.setCurrentItem(item)
    assert deferred.area_built("quality_ui")
    assert deferred.pages.currentWidget() is deferred.quality_ui.page
    assert deferred.sidebar.currentRow() == 9
    assert not deferred.area_built("automation_ui")  # only what was asked for


def test_a_data_change_does_not_build_areas_and_later_ones_see_the_data(
    qtbot: QtBot, deferred: MainWindow, services: Services
) -> None:
    make_organisation(services.addresses, name="Spät AG")
    deferred.sig_data_changed.emit(Changes.all(), None)
    assert not any(deferred.area_built(area) for area in AREAS_BUILT_LATE)
    assert "1 organisation" in deferred.counts_label.text()
    deferred.sidebar.setCurrentRow(9)  # built now, on what the database holds
    assert deferred.area_built("quality_ui")
    assert deferred.pages.currentWidget() is deferred.quality_ui.page


def test_closing_before_the_areas_are_built_builds_none(
    qtbot: QtBot, deferred: MainWindow
) -> None:
    deferred.show()
    deferred.close()
    qtbot.wait(50)
    assert not any(deferred.area_built(area) for area in AREAS_BUILT_LATE)


def test_the_dashboard_is_built_first_and_every_area_is_in_the_build_order(
    qtbot: QtBot, deferred: MainWindow
) -> None:
    from app.views.navigation import BUILD_ORDER

    assert sorted(BUILD_ORDER) == sorted(AREAS)
    deferred.show()  # no event processed yet: the idle builder has not run
    deferred._build_next_area()  # one turn of it
    built = [area for area in AREAS if deferred.area_built(area)]
    assert built == ["analytics_ui"]  # the overview shows the dashboard at once
    assert deferred.home.dashboard is deferred.analytics_ui.dashboard
    deferred._build_next_area()
    assert deferred.area_built("sync_ui")  # then the status bar's sync state


def test_counts_are_read_again_only_when_persons_or_organisations_changed(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[str] = []
    real = services.addresses.count_persons

    def count(flt: ListFilter) -> int:
        counted.append("persons")
        return real(flt)

    monkeypatch.setattr(services.addresses, "count_persons", count)
    window.sig_data_changed.emit(Changes.of(EntityKind.JOURNAL_ENTRY, "j1"), None)
    window.sig_data_changed.emit(Changes.of(EntityKind.TASK, "t1"), None)
    assert counted == []
    make_person(services.addresses)
    window.sig_data_changed.emit(Changes.of(EntityKind.PERSON, "p1"), None)
    assert "persons" in counted
    assert window.counts_label.text() == "1 person · 0 organisations"
