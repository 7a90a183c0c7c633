"""The kanban board and the pipeline page: columns, totals, drag and drop, keys, list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.pipeline import BoardFilter, Outcome, Period
from app.services.addresses import AddressService
from app.services.sales import SalesServices
from app.views.pipeline.board import KanbanBoard, LostDialog
from app.views.pipeline.cards import MIME, CardListModel
from app.views.pipeline.pipeline_page import LIST, PipelinePage
from app.views.tablemodels.pipeline import OpportunityTableModel
from tests.helpers.factories import make_organisation
from tests.helpers.pipeline import NOW, TODAY, Clock, make_opportunity, stage_id
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sales(db: Database, clock: Clock) -> SalesServices:
    return SalesServices.build(db.sessions, today=clock.today, now=clock.now)


@pytest.fixture
def board(qtbot: QtBot, sales: SalesServices, clock: Clock) -> KanbanBoard:
    view = KanbanBoard(sales.pipeline, now=clock.now)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _titles(board: KanbanBoard, stage: str) -> list[str]:
    column = board.column(stage)
    return [column.model.card(r).title for r in range(column.model.rowCount())]


def test_columns_show_counts_totals_and_cards(
    board: KanbanBoard, sales: SalesServices, addresses: AddressService
) -> None:
    org = make_organisation(addresses, name="Alpina AG")
    for amount in (1_000_000, 2_500_000):
        make_opportunity(sales.pipeline, organisation_id=org.id, amount_minor=amount)
    board.set_filter(BoardFilter())
    pipeline = sales.pipeline.pipeline()
    assert [c.title.text() for c in board.columns] == [s.name for s in pipeline.stages]
    first = board.columns[0]
    assert first.badge.text() == "2"
    assert first.total.text() == "CHF\u00a035'000"
    assert first.weighted.text() == "weighted CHF\u00a03'500"
    assert "10\u00a0%" in first.title.toolTip()
    assert _titles(board, first.key)[0].startswith("Deal")
    assert board.columns[1].empty.isVisibleTo(board)
    assert not board.columns[1].list.isVisibleTo(board)


def test_card_model_passes_the_model_tester(
    qtmodeltester: object, sales: SalesServices, addresses: AddressService
) -> None:
    make_opportunity(sales.pipeline, addresses)
    column = sales.pipeline.board(BoardFilter())[0]
    model = CardListModel(column.stage.id)
    model.set_cards(column.cards)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    mime = model.mimeData([model.index(0, 0)])
    assert mime.hasFormat(MIME)


def test_drop_moves_the_card_and_rereads_two_columns(
    board: KanbanBoard, sales: SalesServices, addresses: AddressService, qtbot: QtBot
) -> None:
    opp = make_opportunity(sales.pipeline, addresses, title="Fleet")
    board.set_filter(BoardFilter())
    offer = stage_id(sales.pipeline.pipeline(), "Offer")
    source = board.columns[0].model
    mime = source.mimeData([source.index(0, 0)])
    target = board.column(offer).model
    assert target.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    with qtbot.waitSignal(board.sig_data_changed):
        accepted = target.dropMimeData(
            mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        )
    assert accepted is False  # the source never removes rows itself
    assert _titles(board, offer) == ["Fleet"]
    assert _titles(board, board.columns[0].key) == []
    assert board.column(offer).badge.text() == "1"
    assert sales.pipeline.get_opportunity(opp.id).stage_name == "Offer"
    assert board.column(offer).list.current_card().id == opp.id  # type: ignore[union-attr]


def test_keyboard_moves_the_selected_card(
    board: KanbanBoard, sales: SalesServices, addresses: AddressService, qtbot: QtBot
) -> None:
    opp = make_opportunity(sales.pipeline, addresses, title="Fleet")
    board.set_filter(BoardFilter())
    board.focus_first_card()
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, CTRL_SHIFT)
    won = sales.pipeline.get_opportunity(opp.id)
    assert won.outcome == Outcome.WON
    assert _titles(board, board.columns[4].key) == ["Fleet"]
    assert board.columns[4].list.hasFocus()
    # past the last column nothing happens; back one step reopens
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, CTRL_SHIFT)
    assert sales.pipeline.get_opportunity(opp.id).stage_name == "Negotiation"


def test_lost_asks_for_the_reason_and_cancel_keeps_the_card(
    board: KanbanBoard, sales: SalesServices, addresses: AddressService
) -> None:
    opp = make_opportunity(sales.pipeline, addresses)
    board.set_filter(BoardFilter())
    lost = sales.pipeline.pipeline().of_outcome(Outcome.LOST)
    assert lost is not None
    asked: list[str] = []
    board.ask_lost = lambda title: asked.append(title)  # type: ignore[assignment,func-returns-value]
    assert not board.move_card(opp.id, lost.id)
    assert asked == [opp.data.title]
    assert sales.pipeline.get_opportunity(opp.id).outcome == Outcome.OPEN
    board.ask_lost = lambda _title: ("Price too high", "Rival AG")
    assert board.move_card(opp.id, lost.id)
    got = sales.pipeline.get_opportunity(opp.id)
    assert (got.data.lost_reason, got.data.competitor) == ("Price too high", "Rival AG")


def test_lost_dialog_requires_a_reason(qtbot: QtBot) -> None:
    dialog = LostDialog("Fleet")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._on_accepted()
    assert dialog.result() == 0
    assert dialog.error.isVisibleTo(dialog)
    dialog.reason.setEditText("No budget")
    dialog._on_accepted()
    assert dialog.result() == 1
    assert dialog.values() == ("No budget", "")


def test_more_cards_on_request(
    board: KanbanBoard, sales: SalesServices, addresses: AddressService
) -> None:
    org = make_organisation(addresses)
    for i in range(35):
        make_opportunity(
            sales.pipeline,
            organisation_id=org.id,
            close_date=TODAY + dt.timedelta(days=i),
        )
    board.set_filter(BoardFilter())
    first = board.columns[0]
    assert first.model.rowCount() == 30
    assert first.more.text() == "5 more …"
    first.more.click()
    assert first.model.rowCount() == 35
    assert not first.more.isVisibleTo(board)


def test_left_right_move_the_focus_between_columns(
    board: KanbanBoard, sales: SalesServices, addresses: AddressService, qtbot: QtBot
) -> None:
    org = make_organisation(addresses)
    make_opportunity(sales.pipeline, organisation_id=org.id)
    make_opportunity(
        sales.pipeline,
        organisation_id=org.id,
        stage_id=stage_id(sales.pipeline.pipeline(), "Offer"),
    )
    board.set_filter(BoardFilter())
    board.focus_first_card()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert board.columns[2].list.hasFocus()  # the empty column is skipped
    with qtbot.waitSignal(board.sig_open_requested) as opened:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert opened.args == [board.columns[2].model.card(0).id]


# ---- the page


@pytest.fixture
def page(
    qtbot: QtBot, sales: SalesServices, addresses: AddressService, clock: Clock
) -> PipelinePage:
    view = PipelinePage(sales, addresses, today=clock.today, now=clock.now)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_page_filters_and_list(
    page: PipelinePage,
    sales: SalesServices,
    addresses: AddressService,
    qtbot: QtBot,
    qtmodeltester: object,
) -> None:
    org = make_organisation(addresses, name="Zeta GmbH")
    make_opportunity(sales.pipeline, organisation_id=org.id, title="Soon")
    make_opportunity(
        sales.pipeline,
        organisation_id=org.id,
        title="Later",
        close_date=TODAY + dt.timedelta(days=300),
    )
    page.apply_filter()
    assert page.summary.text().startswith("2 open opportunities")
    page.filters.period.setCurrentIndex(
        page.filters.period.findData(Period.NEXT_QUARTER)
    )
    assert _titles(page.board, page.board.columns[0].key) == ["Soon"]
    page.show_view(LIST)
    assert page.list_model.total == 1
    qtmodeltester.check(page.list_model)  # type: ignore[attr-defined]
    assert isinstance(page.list_model, OpportunityTableModel)
    assert page.summary.text() == "1 opportunities"
    row = [page.list_model.index(0, c).data() for c in range(3)]
    assert row == ["Soon", "Zeta GmbH", "Qualification"]


def test_new_opportunity_dialog_saves_with_inline_errors(
    page: PipelinePage, sales: SalesServices, addresses: AddressService, qtbot: QtBot
) -> None:
    org = make_organisation(addresses, name="Bergbahnen Arosa AG")
    dialog = page.new_opportunity()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.form.amount.setText("12'5x0")
    assert not dialog.save()
    assert dialog.form.error_label("amount").isVisibleTo(dialog)
    dialog.form.amount.setText("12'500")
    assert not dialog.save()  # no title, no organisation
    assert dialog.form.error_label("title").isVisibleTo(dialog)
    assert dialog.form.error_label("organisation_id").isVisibleTo(dialog)
    assert dialog.form.amount.text() == "12'500"  # what was typed stays
    qtbot.keyClicks(dialog.form.title, "Snow groomers")
    dialog.form.organisation.set_organisation(org.id, org.name)
    with qtbot.waitSignal(page.sig_data_changed):
        qtbot.keyClick(
            dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    assert page.board.columns[0].badge.text() == "1"
    stored = sales.pipeline.board(BoardFilter())[0].cards[0]
    assert (stored.title, stored.amount_minor, stored.organisation) == (
        "Snow groomers",
        1_250_000,
        "Bergbahnen Arosa AG",
    )
    assert NOW.date() == TODAY


def test_an_empty_column_keeps_its_header_compact(qtbot: QtBot) -> None:
    from app.views.pipeline.cards import CardColumn

    column = CardColumn("stage-1", lambda: NOW)
    qtbot.addWidget(column)
    column.title.setText("Qualification")
    column.badge.setText("0")
    column.total.setText("CHF 0")
    column.weighted.setText("weighted CHF 0")
    column.show_cards([], 0)
    column.resize(190, 700)
    column.show()
    qtbot.waitExposed(column)
    head = column.title.parentWidget()
    assert head is not None
    assert head.height() < 120  # the empty text takes the height, not the header
    assert column.empty.isVisible()
    assert column.empty.height() > 400
