"""Edit → Sales settings: stages, products and exchange rates."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QSpinBox
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.pipeline import ExchangeRate, Outcome
from app.services.addresses import AddressService
from app.services.container import Services
from app.services.sales import SalesServices
from app.tasks.runner import TaskRunner
from app.views.main_window import MainWindow
from app.views.pipeline.sales_settings import (
    STAGE_KIND,
    STAGE_NAME,
    STAGE_PROBABILITY,
    SalesSettingsDialog,
)
from tests.helpers.pipeline import make_opportunity
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def sales(db: Database) -> SalesServices:
    return SalesServices.build(db.sessions)


@pytest.fixture
def dialog(qtbot: QtBot, sales: SalesServices) -> SalesSettingsDialog:
    widget = SalesSettingsDialog(sales)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _spin(dialog: SalesSettingsDialog, row: int) -> QSpinBox:
    spin = dialog.stages.table.cellWidget(row, STAGE_PROBABILITY)
    assert isinstance(spin, QSpinBox)
    return spin


def test_stages_are_renamed_added_reordered_and_saved(
    dialog: SalesSettingsDialog, sales: SalesServices, qtbot: QtBot
) -> None:
    tab = dialog.stages
    before = sales.pipeline.pipeline()
    names = [tab.table.item(r, STAGE_NAME).text() for r in range(tab.table.rowCount())]  # type: ignore[union-attr]
    assert names == [s.name for s in before.stages]  # English: seeded names as stored
    tab.table.setCurrentCell(0, STAGE_NAME)
    tab.add_stage()  # after the selected first stage
    tab.table.item(1, STAGE_NAME).setText("Demo")  # type: ignore[union-attr]
    _spin(dialog, 1).setValue(20)
    tab.move_stage(-1)  # Demo comes first
    with qtbot.waitSignal(dialog.sig_data_changed):
        assert tab.save()
    after = sales.pipeline.pipeline()
    assert [(s.name, s.probability) for s in after.stages][:2] == [
        ("Demo", 20),
        (before.stages[0].name, before.stages[0].probability),
    ]
    assert len(after.stages) == len(before.stages) + 1
    # untouched default names keep their stored (translatable) form
    assert [(s.id, s.name) for s in after.stages[1:]] == [
        (s.id, s.name) for s in before.stages
    ]


def test_bad_stage_lists_are_refused_and_kept(
    dialog: SalesSettingsDialog, sales: SalesServices, addresses: AddressService
) -> None:
    tab = dialog.stages
    won_row = next(
        r
        for r in range(tab.table.rowCount())
        if isinstance(kind := tab.table.cellWidget(r, STAGE_KIND), QComboBox)
        and kind.currentData() == Outcome.WON
    )
    kind = tab.table.cellWidget(won_row, STAGE_KIND)
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData(str(Outcome.OPEN)))
    assert not tab.save()
    assert "Won" in tab.error.text()
    assert tab.table.rowCount() == len(sales.pipeline.pipeline().stages)  # kept
    kind.setCurrentIndex(kind.findData(str(Outcome.WON)))
    # a stage that holds an opportunity cannot be removed
    make_opportunity(sales.pipeline, addresses)
    tab.table.setCurrentCell(0, STAGE_NAME)
    tab.remove_stage()
    assert not tab.save()
    assert tab.error.text()
    assert len(sales.pipeline.pipeline().stages) == tab.table.rowCount() + 1


def test_products_are_created_validated_and_changed(
    dialog: SalesSettingsDialog, sales: SalesServices
) -> None:
    tab = dialog.products
    dialog.tabs.setCurrentWidget(tab)
    before = sales.catalogue.products(include_inactive=True)
    tab.new_product()
    tab.name.setText("Wartungsvertrag Gold")
    tab.price.setText("12 Franken")
    assert not tab.save()
    assert tab.price_error.text()
    assert tab.name.text() == "Wartungsvertrag Gold"  # typed input stays
    assert tab.price.text() == "12 Franken"
    assert sales.catalogue.products(include_inactive=True) == before  # nothing written
    count = len(before)
    tab.name.setText("")
    tab.price.setText("1'250.50")
    assert not tab.save()  # name missing
    assert tab.name_error.text()
    tab.name.setText("Wartungsvertrag Gold")
    tab.code.setText("WV-G")
    assert tab.save()
    products = sales.catalogue.products(include_inactive=True)
    assert len(products) == count + 1
    gold = next(p for p in products if p.code == "WV-G")
    assert gold.list_price_minor == 125050
    tab.active.setChecked(False)
    assert tab.save()
    assert gold.id not in {p.id for p in sales.catalogue.products()}


def test_exchange_rates_are_added_and_bad_rates_refused(
    dialog: SalesSettingsDialog, sales: SalesServices
) -> None:
    tab = dialog.rates
    before = sales.catalogue.rates()
    tab.currency.setCurrentText("EUR")
    tab.valid_from.setDate(QDate(2026, 12, 1))
    tab.rate.setText("null komma neun")
    assert not tab.save()
    assert tab.rate_error.text()
    assert sales.catalogue.rates() == before
    tab.rate.setText("0,9412")
    assert tab.save()
    assert ExchangeRate("EUR", dt.date(2026, 12, 1), 941200) in sales.catalogue.rates()
    assert tab.table.rowCount() == len(before) + 1


def test_sales_settings_open_from_the_edit_menu(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    action = window.sales_ui.act_settings
    assert action in window.edit_menu.actions()
    dialog = window.sales_ui.edit_settings()
    qtbot.waitExposed(dialog)
    assert dialog.tabs.count() == 3
    dialog.close()
