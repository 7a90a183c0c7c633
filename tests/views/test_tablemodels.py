"""The windowed person and organisation list models."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.addresses import ListFilter, PersonData
from app.services.addresses import AddressService
from app.services.lists import Sort
from app.views.tablemodels.addresses import OrganisationTableModel, PersonTableModel
from tests.helpers.factories import make_organisation, make_person
from tests.views.support import BIG

pytestmark = pytest.mark.gui

DISPLAY = Qt.ItemDataRole.DisplayRole


def _service_id(svc: AddressService, row: int, sort: Sort) -> str:
    total = svc.count_persons(ListFilter())
    page = svc.person_page(ListFilter(), sort, offset=row, limit=1, total=total)
    return page.rows[0].id


def _cell(model: PersonTableModel | OrganisationTableModel, row: int, key: str) -> str:
    value = model.data(model.index(row, model.column_index(key)), DISPLAY)
    assert isinstance(value, str)
    return value


def test_empty_models_pass_the_model_tester(
    qtmodeltester: ModelTester, addresses: AddressService
) -> None:
    for model in (PersonTableModel(addresses), OrganisationTableModel(addresses)):
        model.refresh()
        qtmodeltester.check(model)
        assert model.rowCount() == 0
        assert model.columnCount() == 8
        assert model.data(model.index(0, 0), DISPLAY) is None


def test_big_person_model_passes_the_model_tester(
    qtmodeltester: ModelTester, big_addresses: AddressService
) -> None:
    model = PersonTableModel(big_addresses)
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == BIG
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    # the tester stays attached: sorting and refreshing are checked too
    model.sort(model.column_index("city"), Qt.SortOrder.DescendingOrder)
    model.refresh()


def test_big_organisation_model_passes_the_model_tester(
    qtmodeltester: ModelTester, big_addresses: AddressService
) -> None:
    model = OrganisationTableModel(big_addresses)
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == BIG
    assert _cell(model, 0, "name") == "Firma 0000 AG"
    assert _cell(model, BIG - 1, "name") == f"Firma {BIG - 1:04d} AG"
    model.sort(model.column_index("name"), Qt.SortOrder.DescendingOrder)
    assert _cell(model, 0, "name") == f"Firma {BIG - 1:04d} AG"


@pytest.mark.parametrize("row", [0, 1, 199, 200, 201, 263, 399, 400, BIG - 1])
def test_windowed_rows_show_the_service_records(
    big_addresses: AddressService, row: int
) -> None:
    model = PersonTableModel(big_addresses)
    model.refresh()
    expected = _service_id(big_addresses, row, Sort("name"))
    assert model.row_id(row) == expected
    index = model.index(row, model.column_index("last_name"))
    assert model.data(index, Qt.ItemDataRole.UserRole) == expected
    assert model.data(index, DISPLAY) == big_addresses.get_person(expected).last_name
    assert _cell(model, row, "last_name") == f"Name{row:04d}"


def test_rows_read_in_any_order_match_a_sequential_read(
    big_addresses: AddressService,
) -> None:
    model = PersonTableModel(big_addresses)
    model.refresh()
    model.MAX_PAGES = 1  # force evictions and refetches
    jumping = [model.row_id(r) for r in (BIG - 1, 0, 300, 5, BIG - 2, 201)]
    sequential = PersonTableModel(big_addresses)
    sequential.refresh()
    ids = [sequential.row_id(r) for r in range(BIG)]
    assert len(set(ids)) == BIG
    assert jumping == [ids[r] for r in (BIG - 1, 0, 300, 5, BIG - 2, 201)]


def test_sort_by_a_sortable_column_changes_the_order(
    qtbot: QtBot, big_addresses: AddressService
) -> None:
    model = PersonTableModel(big_addresses)
    model.refresh()
    before = [model.row_id(r) for r in (0, 250, BIG - 1)]
    column = model.column_index("last_name")
    with qtbot.waitSignal(model.modelReset):
        model.sort(column, Qt.SortOrder.DescendingOrder)
    assert _cell(model, 0, "last_name") == f"Name{BIG - 1:04d}"
    assert model.row_id(0) == before[2]
    assert model.row_id(BIG - 1) == before[0]
    assert model.sort_column() == column
    assert model.sort_order() == Qt.SortOrder.DescendingOrder

    city = model.column_index("city")
    model.sort(city, Qt.SortOrder.AscendingOrder)
    cities = [_cell(model, r, "city") for r in range(BIG)]
    assert cities == sorted(cities)
    assert cities[0] == "Aarau"
    assert model.row_id(250) == _service_id(big_addresses, 250, Sort("city"))


def test_sort_by_a_column_without_sort_key_does_nothing(
    qtbot: QtBot, big_addresses: AddressService
) -> None:
    model = PersonTableModel(big_addresses)
    model.refresh()
    before = [model.row_id(r) for r in range(0, BIG, 50)]
    for key in ("first_name", "email", "phone", "status"):
        with (
            qtbot.assertNotEmitted(model.layoutChanged),
            qtbot.assertNotEmitted(model.modelReset),
        ):
            model.sort(model.column_index(key), Qt.SortOrder.DescendingOrder)
    model.sort(99)  # out of range: ignored too
    assert [model.row_id(r) for r in range(0, BIG, 50)] == before
    assert model.sort_column() == model.column_index("last_name")
    assert model.sort_order() == Qt.SortOrder.AscendingOrder


def test_refresh_shows_a_change(qtbot: QtBot, addresses: AddressService) -> None:
    alice = make_person(addresses, last_name="Amsler", first_name="Alice")
    model = PersonTableModel(addresses)
    model.refresh()
    assert model.rowCount() == 1
    make_person(addresses, last_name="Aebi", first_name="Bruno")
    assert model.rowCount() == 1  # nothing moves until refresh
    with qtbot.waitSignal(model.modelReset):
        model.refresh()
    assert model.rowCount() == 2
    assert _cell(model, 0, "last_name") == "Aebi"
    assert model.row_id(1) == alice.id
    addresses.update_person(alice.id, PersonData(last_name="Zahnd", first_name="Alice"))
    model.refresh()
    assert _cell(model, 1, "last_name") == "Zahnd"
    addresses.delete_person(alice.id)
    model.refresh()
    assert model.rowCount() == 1
    assert model.find_row(alice.id) is None


def test_filter_and_cells(addresses: AddressService) -> None:
    org = make_organisation(addresses, name="Zeta AG")
    make_person(addresses, last_name="Keller", organisation=org)
    make_person(addresses, last_name="Meier")
    model = PersonTableModel(addresses)
    model.filter = ListFilter(search="Keller")
    model.refresh()
    assert model.rowCount() == 1
    assert _cell(model, 0, "organisation") == "Zeta AG"
    assert _cell(model, 0, "status") == "Prospect"
    assert model.headerData(0, Qt.Orientation.Horizontal, DISPLAY) == "Last name"
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) is None
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    orgs = OrganisationTableModel(addresses)
    orgs.refresh()
    assert _cell(orgs, 0, "phone") == "+41 44 123 45 67"  # stored as E.164
    assert _cell(orgs, 0, "city") == "Zürich"


def test_rows_past_a_shrunken_list_are_blank(addresses: AddressService) -> None:
    people = [make_person(addresses) for _ in range(3)]
    model = PersonTableModel(addresses)
    model.refresh()
    for person in people[1:]:
        addresses.delete_person(person.id)
    # the first page came with the count and is a snapshot until refresh
    assert _cell(model, 2, "last_name") == people[2].last_name
    # once pages are dropped, the count is stale until refresh; a row past
    # the end must not crash
    model.invalidate_rows()
    assert _cell(model, 2, "last_name") == ""
    assert model.row_id(2) == ""


def test_find_row_asks_the_database_where_a_record_is(
    big_addresses: AddressService,
) -> None:
    for model in (
        PersonTableModel(big_addresses),
        OrganisationTableModel(big_addresses),
    ):
        model.refresh()
        far = model.row_id(400)
        # only the first 10 rows would be searched without the database's answer
        assert model.find_row(far, limit=10) == 400
        model.sort(0, Qt.SortOrder.DescendingOrder)
        assert model.row_id(model.total - 1 - 400) == far
        assert model.find_row(far, limit=10) == model.total - 1 - 400
        assert model.find_row("no-such-record", limit=10) is None


def test_find_row_in_search_results_looks_through_the_loaded_rows(
    big_addresses: AddressService,
) -> None:
    model = PersonTableModel(big_addresses)
    model.filter = ListFilter(search="Basel")
    model.refresh()
    assert model.total > 20
    wanted = model.row_id(12)
    assert model.find_row(wanted, limit=50) == 12
