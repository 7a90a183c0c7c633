"""The issue's flow, keyboard only: capture a lead, qualify, convert, move the
opportunity across the board to Won, and find it in the forecast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.pipeline import BoardFilter, LeadFilter, LeadStatus, Outcome
from app.services.container import Services
from app.tasks.runner import TaskRunner
from app.views.main_window import MainWindow
from app.views.pipeline.convert_dialog import ConvertDialog
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, services: Services, runner: TaskRunner) -> MainWindow:
    win = MainWindow(services, runner)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot: QtBot, text: str) -> None:
    """Type into the focused field, then Tab to the next one."""
    if text:
        qtbot.keyClicks(_focus(), text)
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab)


def test_lead_to_won_and_into_the_forecast_by_keyboard(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ui = window.sales_ui
    leads = ui.leads

    # 1. capture a lead (Ctrl+Shift+L puts the cursor into the first field)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    assert window.pages.currentWidget() is leads
    assert _focus() is leads.form.first_name
    for text in ("Anna", "Keller", "Bergbahnen Arosa AG", "Einkauf"):
        _type(qtbot, text)
    for text in ("anna.keller@arosa-bahnen.ch", "081 378 84 00", "7050", "Arosa", "GR"):
        _type(qtbot, text)
    assert _focus() is leads.form.country
    _type(qtbot, "")  # country: CH stays
    _type(qtbot, "")  # industry: none
    assert _focus() is leads.form.source
    for _ in range(4):  # Other → Import → Cold call → Referral → Trade fair
        qtbot.keyClick(_focus(), Qt.Key.Key_Up)
    assert leads.form.source.currentText() == "Trade fair"
    qtbot.keyClick(_focus(), Qt.Key.Key_S, CTRL)
    assert services.sales.leads.count_leads(LeadFilter()) == 1
    lead_id = leads.form.record_id
    assert lead_id is not None
    assert leads.form.heading.text() == "Anna Keller · Bergbahnen Arosa AG"

    # 2. qualify
    qtbot.keyClick(_focus(), Qt.Key.Key_Q, CTRL_SHIFT)
    assert services.sales.leads.get_lead(lead_id).data.status == LeadStatus.SQL

    # 3. convert: organisation, person and opportunity in one step
    qtbot.keyClick(_focus(), Qt.Key.Key_C, CTRL_SHIFT)
    dialog = leads.convert_dialog
    assert isinstance(dialog, ConvertDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert _focus() is dialog.amount
    qtbot.keyClicks(dialog.amount, "45'000")
    with qtbot.waitSignal(leads.sig_converted):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    converted = services.sales.leads.get_lead(lead_id)
    assert converted.data.status == LeadStatus.CONVERTED
    assert converted.organisation_id is not None
    assert converted.person_id is not None
    opp_id = converted.opportunity_id
    assert opp_id is not None

    # 4. the board opens on the new opportunity; Ctrl+Shift+→ four times: Won
    board = ui.pipeline.board
    assert window.pages.currentWidget() is ui.pipeline
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    found = board.current_card()
    assert found is not None
    assert found[1].id == opp_id
    assert found[1].title == "Bergbahnen Arosa AG"
    for stage in ("Needs analysis", "Offer", "Negotiation", "Won"):
        qtbot.keyClick(_focus(), Qt.Key.Key_Right, CTRL_SHIFT)
        assert services.sales.pipeline.get_opportunity(opp_id).stage_name == stage
    won = services.sales.pipeline.get_opportunity(opp_id)
    assert won.outcome == Outcome.WON
    assert won.data.amount_minor == 4_500_000
    assert won.data.source.value == "trade_fair"
    assert [h.new for h in won.history if h.field == "stage"][:2] == [
        "Won",
        "Negotiation",
    ]
    won_column = board.columns[4]
    assert won_column.list.current_card().id == opp_id  # type: ignore[union-attr]
    assert won_column.badge.text() == "1"

    # 5. Ctrl+6: the forecast counts it as won this month and this year
    qtbot.keyClick(_focus(), Qt.Key.Key_6, CTRL)
    forecast = ui.forecast
    assert window.pages.currentWidget() is forecast
    assert forecast.won.value.text() == "CHF\u00a045'000"
    assert forecast.chart.values()["won"][0] == 45_000.0
    first = services.sales.forecast.forecast(BoardFilter(), months=1).buckets[0]
    assert first.won == 4_500_000
