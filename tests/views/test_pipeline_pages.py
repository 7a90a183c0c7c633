"""Leads page, convert dialog, opportunity window and forecast view."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.pipeline import (
    ConvertRequest,
    LeadData,
    LeadFilter,
    LeadSource,
    LeadStatus,
    LineData,
    Outcome,
)
from app.services.addresses import AddressService
from app.services.sales import SalesServices
from app.views.pipeline.convert_dialog import ConvertDialog
from app.views.pipeline.forecast_view import QUARTERS, ForecastView
from app.views.pipeline.leads_page import LeadsPage
from app.views.pipeline.opportunity_dialog import OpportunityDialog
from app.views.pipeline.texts import money
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.pipeline import TODAY, Clock, make_opportunity
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sales(db: Database, clock: Clock) -> SalesServices:
    return SalesServices.build(db.sessions, today=clock.today, now=clock.now)


@pytest.fixture
def leads_page(
    qtbot: QtBot, sales: SalesServices, addresses: AddressService, clock: Clock
) -> LeadsPage:
    page = LeadsPage(sales, addresses, today=clock.today)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_bad_lead_input_is_marked_and_kept(
    leads_page: LeadsPage, sales: SalesServices, qtmodeltester: object
) -> None:
    form = leads_page.form
    leads_page.new_lead()
    form.email.setText("anna@")
    form.phone.setText("12")
    form.mark_dirty()
    assert not leads_page.save()
    for field in ("last_name", "email", "phone"):
        assert form.error_label(field).isVisibleTo(leads_page), field
    assert form.email.text() == "anna@"
    assert sales.leads.count_leads(LeadFilter()) == 0
    form.last_name.setText("Keller")
    form.email.setText("anna@arosa.ch")
    form.phone.setText("")
    assert leads_page.save()
    assert leads_page.model.total == 1
    qtmodeltester.check(leads_page.model)  # type: ignore[attr-defined]
    assert leads_page.model.index(0, 0).data() == "Keller"


def test_an_empty_lead_list_says_what_to_do_and_follows_resizes(
    leads_page: LeadsPage, qtbot: QtBot
) -> None:
    empty = leads_page.empty
    assert empty.isVisible()
    assert "New lead" in empty.text()
    viewport = leads_page.table.viewport()
    assert empty.geometry() == viewport.rect().adjusted(24, 24, -24, -24)
    leads_page.resize(1000, 600)  # the hint follows the list's new size
    qtbot.waitUntil(
        lambda: empty.geometry() == viewport.rect().adjusted(24, 24, -24, -24)
    )
    leads_page.search.setText("nobody")
    leads_page.apply_filter()
    assert "No leads match" in empty.text()
    leads_page.new_lead()
    leads_page.form.last_name.setText("Keller")
    leads_page.form.mark_dirty()
    leads_page.search.clear()
    assert leads_page.save()
    leads_page.apply_filter()
    assert not empty.isVisible()


def test_duplicates_show_while_typing(
    leads_page: LeadsPage, addresses: AddressService, qtbot: QtBot
) -> None:
    org = make_organisation(addresses, name="Bergbahnen Arosa AG")
    make_person(addresses, organisation=org, first_name="Anna", last_name="Keller")
    leads_page.new_lead()
    assert not leads_page.form.duplicates.isVisibleTo(leads_page)
    qtbot.keyClicks(leads_page.form.company, "Bergbahnen Arosa")
    qtbot.waitUntil(lambda: leads_page.form.duplicates.count() > 0)
    assert leads_page.form.duplicates.isVisibleTo(leads_page)
    assert "Bergbahnen Arosa AG" in leads_page.form.duplicates.item(0).text()


def test_convert_needs_a_qualified_lead_and_reuses_the_match(
    leads_page: LeadsPage, sales: SalesServices, addresses: AddressService
) -> None:
    org = make_organisation(addresses, name="Bergbahnen Arosa AG")
    lead, _ = sales.leads.create_lead(
        LeadData(last_name="Keller", company="Bergbahnen Arosa AG")
    )
    leads_page.apply_filter()
    leads_page.open_lead(lead.id)
    assert not leads_page.convert_button.isEnabled()
    assert leads_page.convert() is None
    assert leads_page.form.general_error.isVisibleTo(leads_page)
    assert leads_page.qualify()
    dialog = leads_page.convert()
    assert isinstance(dialog, ConvertDialog)
    assert dialog.organisation.existing.isChecked()  # the exact match is preselected
    assert dialog.organisation.pick.currentData() == org.id
    dialog.amount.setText("zwölf")
    assert not dialog.convert()
    assert dialog.amount_error.isVisibleTo(dialog)
    assert sales.leads.get_lead(lead.id).data.status == LeadStatus.SQL
    dialog.amount.setText("12'000")
    assert dialog.convert()
    result = dialog.result_value
    assert result is not None
    assert result.organisation_id == org.id


def test_converted_lead_is_read_only(
    leads_page: LeadsPage, sales: SalesServices
) -> None:
    lead, _ = sales.leads.create_lead(
        LeadData(last_name="Frei", status=LeadStatus.MQL, source=LeadSource.REFERRAL)
    )
    sales.leads.convert(ConvertRequest(lead.id, create_opportunity=False))
    leads_page.open_lead(lead.id)
    assert not leads_page.form.last_name.isEnabled()
    assert not leads_page.convert_button.isEnabled()
    assert not leads_page.qualify_button.isEnabled()


# ---- opportunity window


def test_opportunity_window_shows_lines_history_and_score_reason(
    qtbot: QtBot, sales: SalesServices, addresses: AddressService
) -> None:
    opp = make_opportunity(
        sales.pipeline,
        addresses,
        amount_from_lines=True,
        lines=(LineData(None, "Licences", quantity=2, unit_price_minor=10_000),),
    )
    dialog = OpportunityDialog(sales, addresses, opportunity_id=opp.id)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    assert form.amount.isReadOnly()
    assert form.amount.text() == "200.00"
    row = form.lines.rows[0]
    row.quantity.setValue(5)
    assert form.amount.text() == "500.00"
    assert row.total.text() == money(50_000, "CHF")
    assert form.dirty
    assert "Not enough history" in dialog.score.detail.text()
    assert dialog.history.count() == 3  # stage, amount, close date at creation
    form.lines.rows[0].discount.setText("150")
    assert not dialog.save()
    assert form.lines.rows[0].errors["discount"].isVisibleTo(dialog)
    form.lines.rows[0].discount.setText("10")
    assert dialog.save()
    assert sales.pipeline.get_opportunity(opp.id).data.amount_minor == 45_000


def test_lost_stage_in_the_form_needs_a_reason(
    qtbot: QtBot, sales: SalesServices, addresses: AddressService
) -> None:
    opp = make_opportunity(sales.pipeline, addresses)
    dialog = OpportunityDialog(sales, addresses, opportunity_id=opp.id)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    assert not form.outcome_box.isVisibleTo(dialog)
    lost = sales.pipeline.pipeline().of_outcome(Outcome.LOST)
    assert lost is not None
    form.stage.setCurrentIndex(form.stage.findData(lost.id))
    assert form.outcome_box.isVisibleTo(dialog)
    assert form.probability.value() == 0  # follows the stage
    assert not dialog.save()
    assert form.error_label("lost_reason").isVisibleTo(dialog)
    form.lost_reason.setEditText("Price too high")
    assert dialog.save()
    assert sales.pipeline.get_opportunity(opp.id).outcome == Outcome.LOST


# ---- forecast


def test_forecast_view_replans_by_drop_and_keys(
    qtbot: QtBot, sales: SalesServices, addresses: AddressService, clock: Clock
) -> None:
    org = make_organisation(addresses)
    opp = make_opportunity(
        sales.pipeline,
        organisation_id=org.id,
        amount_minor=1_000_000,
        close_date=dt.date(2026, 3, 20),
    )
    view = ForecastView(sales, addresses, today=clock.today, now=clock.now)
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.show()
    assert view.columns[0].model.rowCount() == 1
    assert view.chart.values()["weighted"][0] == 1_000.0
    assert view.weighted.value.text() == "CHF\u00a01'000"
    source = view.columns[0].model
    mime = source.mimeData([source.index(0, 0)])
    with qtbot.waitSignal(view.sig_data_changed):
        view.columns[2].model.dropMimeData(
            mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        )
    assert sales.pipeline.get_opportunity(opp.id).data.close_date == dt.date(
        2026, 5, 20
    )
    assert view.columns[2].model.rowCount() == 1
    assert view.chart.values()["weighted"][2] == 1_000.0
    view.select(opp.id)
    qtbot.keyClick(
        view.columns[2].list,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert sales.pipeline.get_opportunity(opp.id).data.close_date == dt.date(
        2026, 4, 20
    )
    view.period_tabs.setCurrentIndex(QUARTERS)
    assert view.chart.values()["weighted"][:2] == [0.0, 1_000.0]
    assert TODAY.month == 3
