"""The address book: search, filters, forms with inline errors, delete/undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.addresses import (
    AddressData,
    ChannelKind,
    ListFilter,
    RelationStatus,
)
from app.services.addresses import AddressService
from app.views import address_book
from app.views.address_book import ORGANISATIONS, PERSONS, AddressBookView
from app.views.forms.children import AddressRow, ChannelRow, EmploymentRow
from tests.helpers.factories import make_organisation, make_person
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

StandardButton = QMessageBox.StandardButton


@pytest.fixture
def book(qtbot: QtBot, addresses: AddressService) -> AddressBookView:
    """An address book, shown and active so shortcuts work."""
    view = AddressBookView(addresses)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def _persons_count(svc: AddressService) -> int:
    return svc.count_persons(ListFilter())


def _set_combo(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _add_channel(
    book: AddressBookView, qtbot: QtBot, kind: ChannelKind, value: str
) -> ChannelRow:
    form = book.form
    qtbot.mouseClick(form.channels.add_button, Qt.MouseButton.LeftButton)
    row = form.channels.rows()[-1]
    assert isinstance(row, ChannelRow)
    qtbot.waitUntil(row.isVisible)  # a layout shows new children on the next loop
    assert row.value.hasFocus()
    _set_combo(row.kind, kind)
    qtbot.keyClicks(row.value, value)
    return row


def _add_address(
    book: AddressBookView, qtbot: QtBot, *, street: str, postcode: str, city: str
) -> AddressRow:
    form = book.form
    qtbot.mouseClick(form.addresses.add_button, Qt.MouseButton.LeftButton)
    row = form.addresses.rows()[-1]
    assert isinstance(row, AddressRow)
    qtbot.waitUntil(row.isVisible)
    qtbot.keyClicks(row.edits["street"], street)
    qtbot.keyClicks(row.edits["postcode"], postcode)
    qtbot.keyClicks(row.edits["city"], city)
    return row


def _answer(monkeypatch: pytest.MonkeyPatch, button: StandardButton) -> list[str]:
    """Make QMessageBox.question return ``button``; returns the asked texts."""
    asked: list[str] = []

    def question(
        _parent: object, _title: str, text: str, *_args: object
    ) -> StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _ctrl(qtbot: QtBot, book: AddressBookView, key: Qt.Key) -> None:
    qtbot.keyClick(book.focusWidget() or book, key, Qt.KeyboardModifier.ControlModifier)


# ---- list, search and filters


def test_empty_book_says_what_to_do(book: AddressBookView) -> None:
    assert book.count_label.text() == "0 persons"
    assert book.empty_state.isVisible()
    assert "New person" in book.empty_state.text()
    assert book.person_form.heading.text() == "New person"
    assert not book.delete_button.isEnabled()


def test_empty_state_follows_the_splitter(qtbot: QtBot, book: AddressBookView) -> None:
    book.resize(1200, 700)
    book.show()
    qtbot.waitExposed(book)
    book.splitter.setSizes([300, 900])
    qtbot.waitUntil(lambda: book.empty_state.width() < 300)
    viewport = book.table.viewport().rect()
    assert book.empty_state.geometry() == viewport.adjusted(24, 24, -24, -24)
    book.splitter.setSizes([800, 400])
    qtbot.waitUntil(lambda: book.empty_state.width() > 600)
    book.resize(900, 700)  # the window itself narrows: the viewport follows
    qtbot.waitUntil(
        lambda: (
            book.empty_state.geometry()
            == book.table.viewport().rect().adjusted(24, 24, -24, -24)
        )
    )
    assert book.empty_state.width() < 600


def test_search_filters_after_the_debounce(
    qtbot: QtBot, addresses: AddressService
) -> None:
    for name in ("Keller", "Kellenberger", "Meier", "Müller"):
        make_person(addresses, last_name=name)
    view = AddressBookView(addresses)
    qtbot.addWidget(view)
    assert view.count_label.text() == "4 persons"
    qtbot.keyClicks(view.search, "kell")
    assert view.model.rowCount() == 4  # not yet: the search waits for a pause
    qtbot.waitUntil(lambda: view.count_label.text() == "2 persons")
    assert view.model.rowCount() == 2
    names = {view.model.row_object(r).last_name for r in range(2)}
    assert names == {"Keller", "Kellenberger"}
    assert view.person_form.last_name.text() == "Kellenberger"  # first row opens
    view.search.clear()
    qtbot.keyClicks(view.search, "muller")  # diacritics do not matter
    qtbot.waitUntil(lambda: view.count_label.text() == "1 person")
    qtbot.keyClicks(view.search, "xyz")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.count_label.text() == "0 persons"
    assert "Nothing matches" in view.empty_state.text()


def test_status_and_postcode_filters(qtbot: QtBot, addresses: AddressService) -> None:
    make_person(addresses, last_name="Kunde", status=RelationStatus.CUSTOMER)
    make_person(addresses, last_name="Partner", status=RelationStatus.PARTNER)
    make_person(addresses, last_name="Neu")
    view = AddressBookView(addresses)
    qtbot.addWidget(view)
    _set_combo(view.status_filter, RelationStatus.CUSTOMER)
    assert view.count_label.text() == "1 person"
    assert view.model.row_object(0).last_name == "Kunde"
    _set_combo(view.status_filter, RelationStatus.SUPPLIER)
    assert view.count_label.text() == "0 persons"
    view.status_filter.setCurrentIndex(0)  # all statuses
    assert view.count_label.text() == "3 persons"
    view.show_kind(ORGANISATIONS)
    assert view.count_label.text() == "0 organisations"


def test_postcode_filter_and_the_search_cap(
    qtbot: QtBot, addresses: AddressService, monkeypatch: pytest.MonkeyPatch
) -> None:
    for postcode in ("8001", "8400", "3000"):
        make_person(
            addresses,
            last_name=f"Plz{postcode}",
            addresses=(AddressData(street="Weg", postcode=postcode, city="Ort"),),
        )
    view = AddressBookView(addresses)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.postcode_filter, "8")
    qtbot.waitUntil(lambda: view.count_label.text() == "2 persons")
    view.postcode_filter.clear()
    qtbot.waitUntil(lambda: view.count_label.text() == "3 persons")
    # a search that hits the cap says so instead of a misleading count
    monkeypatch.setattr(address_book, "SEARCH_CAP", 3)
    qtbot.keyClicks(view.search, "plz")
    qtbot.waitUntil(lambda: view.count_label.text().startswith("More than"))
    assert view.count_label.text() == (
        "More than 3 matches — type more to narrow the search"
    )


def test_switching_tabs_shows_the_other_list_and_form(
    qtbot: QtBot, addresses: AddressService
) -> None:
    org = make_organisation(addresses, name="Alpha AG")
    person = make_person(addresses, last_name="Aebi")
    view = AddressBookView(addresses)
    qtbot.addWidget(view)
    assert view.form is view.person_form
    assert view.person_form.record_id == person.id
    view.kind_tabs.setCurrentIndex(ORGANISATIONS)
    assert view.table.model() is view.organisations
    assert view.forms.currentWidget() is view.org_form
    assert view.org_form.record_id == org.id
    assert view.org_form.name.text() == "Alpha AG"
    assert view.count_label.text() == "1 organisation"
    assert view.new_button.text() == "New organisation"
    view.kind_tabs.setCurrentIndex(PERSONS)
    assert view.table.model() is view.persons
    assert view.forms.currentWidget() is view.person_form
    assert view.new_button.text() == "New person"


# ---- create, validate, save


def test_create_a_person_through_the_form(
    qtbot: QtBot, book: AddressBookView, addresses: AddressService
) -> None:
    make_person(addresses, last_name="Zwahlen")
    book.apply_filter()
    qtbot.mouseClick(book.new_button, Qt.MouseButton.LeftButton)
    form = book.person_form
    assert form.heading.text() == "New person"
    assert form.last_name.hasFocus()
    qtbot.keyClicks(form.first_name, "Anna")
    qtbot.keyClicks(form.last_name, "Brunner")
    assert book.save_button.isEnabled()
    _add_channel(book, qtbot, ChannelKind.PHONE, "044 668 18 00")
    _add_channel(book, qtbot, ChannelKind.EMAIL, "anna.brunner@example.ch")
    _add_address(book, qtbot, street="Seestrasse", postcode="8002", city="Zurich")
    _ctrl(qtbot, book, Qt.Key.Key_S)

    assert _persons_count(addresses) == 2
    assert book.count_label.text() == "2 persons"
    saved_id = form.record_id
    assert saved_id is not None
    row = book.table.currentIndex().row()
    assert book.model.row_id(row) == saved_id
    assert book.table.selectionModel().isRowSelected(row)
    assert form.heading.text() == "Anna Brunner"
    assert not form.dirty
    assert not book.save_button.isEnabled()
    phone, email = form.channels.rows()
    assert isinstance(phone, ChannelRow)
    assert isinstance(email, ChannelRow)
    assert phone.value.text() == "+41 44 668 18 00"  # normalised, shown formatted
    assert email.value.text() == "anna.brunner@example.ch"
    stored = addresses.get_person(saved_id)
    assert stored.channels[0].value == "+41446681800"
    assert stored.addresses[0].city == "Zurich"
    assert stored.addresses[0].country == "CH"


def test_invalid_input_shows_inline_errors_and_saves_nothing(
    qtbot: QtBot, book: AddressBookView, addresses: AddressService
) -> None:
    book.new_record()
    form = book.person_form
    qtbot.keyClicks(form.first_name, "Ohne")
    email = _add_channel(book, qtbot, ChannelKind.EMAIL, "anna.example.ch")
    address = _add_address(
        book, qtbot, street="Seestrasse", postcode="123", city="Zurich"
    )
    qtbot.mouseClick(book.save_button, Qt.MouseButton.LeftButton)

    assert _persons_count(addresses) == 0
    last_name_error = form.error_label("last_name")
    assert last_name_error.isVisible()
    assert last_name_error.text() == "This field is required."
    assert form.last_name.property("fieldError") is True
    assert email.error.isVisible()
    assert email.error.text() == "This is not a valid e-mail address."
    assert address.error.isVisible()
    assert (
        address.error.text() == "This postcode does not exist in that country's format."
    )
    assert address.edits["postcode"].property("fieldError") is True
    assert form.last_name.hasFocus()  # the first bad field
    # what the user typed is still there
    assert form.first_name.text() == "Ohne"
    assert email.value.text() == "anna.example.ch"
    assert address.edits["postcode"].text() == "123"
    assert form.dirty
    assert form.record_id is None

    # correcting the fields and saving again clears the errors
    qtbot.keyClicks(form.last_name, "Fehlerfrei")
    email.value.clear()
    qtbot.keyClicks(email.value, "ohne@example.ch")
    address.edits["postcode"].clear()
    qtbot.keyClicks(address.edits["postcode"], "8002")
    assert book.save()
    assert _persons_count(addresses) == 1
    assert not last_name_error.isVisible()
    visible = [row for row in form.channels.rows() if isinstance(row, ChannelRow)]
    assert not any(row.error.isVisible() for row in visible)


def test_invalid_organisation_name_is_reported_next_to_the_field(
    book: AddressBookView, addresses: AddressService
) -> None:
    book.show_kind(ORGANISATIONS)
    book.new_record()
    book.org_form.uid.setText("CHE-123.456.789")  # wrong check digit
    book.org_form.mark_dirty()
    assert not book.save()
    assert book.org_form.error_label("name").text() == "This field is required."
    assert book.org_form.error_label("uid").isVisible()
    assert (
        book.org_form.error_label("uid").text() == "This UID has a wrong check digit."
    )
    assert addresses.count_organisations(ListFilter()) == 0


def test_edit_and_save_an_existing_person(
    qtbot: QtBot, book: AddressBookView, addresses: AddressService
) -> None:
    person = make_person(addresses, last_name="Alt", first_name="Rita")
    book.apply_filter()
    assert book.person_form.record_id == person.id
    assert not book.save_button.isEnabled()
    book.person_form.last_name.selectAll()
    qtbot.keyClicks(book.person_form.last_name, "Neu")
    assert book.save_button.isEnabled()
    assert book.revert_button.isEnabled()
    assert book.save()
    assert addresses.get_person(person.id).last_name == "Neu"
    assert book.model.row_object(0).last_name == "Neu"
    assert _persons_count(addresses) == 1


def test_discard_changes_restores_the_stored_record(
    qtbot: QtBot, book: AddressBookView, addresses: AddressService
) -> None:
    make_person(addresses, last_name="Original")
    book.apply_filter()
    book.person_form.last_name.selectAll()
    qtbot.keyClicks(book.person_form.last_name, "Anders")
    qtbot.mouseClick(book.revert_button, Qt.MouseButton.LeftButton)
    assert book.person_form.last_name.text() == "Original"
    assert not book.person_form.dirty


# ---- delete and undo


@pytest.mark.parametrize("how", ["button", "shortcut"])
def test_delete_and_undo(
    qtbot: QtBot, book: AddressBookView, addresses: AddressService, how: str
) -> None:
    keep = make_person(addresses, last_name="Bleibt")
    gone = make_person(addresses, last_name="Aebischer", first_name="Urs")
    book.apply_filter()
    assert book.person_form.record_id == gone.id  # sorted first
    qtbot.mouseClick(book.delete_button, Qt.MouseButton.LeftButton)
    assert _persons_count(addresses) == 1
    assert book.count_label.text() == "1 person"
    assert book.person_form.record_id == keep.id
    assert book.undo_button.isVisible()
    assert book.undo_button.text() == "Undo delete of Urs Aebischer"
    with qtbot.waitSignal(book.sig_data_changed):
        if how == "button":
            qtbot.mouseClick(book.undo_button, Qt.MouseButton.LeftButton)
        else:
            book.table.setFocus()
            _ctrl(qtbot, book, Qt.Key.Key_Z)
    assert _persons_count(addresses) == 2
    assert book.person_form.record_id == gone.id
    assert book.model.row_id(book.table.currentIndex().row()) == gone.id
    assert not book.undo_button.isVisible()


def test_undo_does_not_throw_away_unsaved_edits(
    qtbot: QtBot,
    book: AddressBookView,
    addresses: AddressService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_person(addresses, last_name="Bleibt")
    gone = make_person(addresses, last_name="Aebischer")
    book.apply_filter()
    book.delete_current()
    qtbot.keyClicks(book.person_form.first_name, "Halbfertig")
    asked = _answer(monkeypatch, StandardButton.Cancel)
    book.undo_delete()
    assert asked
    assert book.person_form.first_name.text() == "HansHalbfertig"
    assert _persons_count(addresses) == 1
    _answer(monkeypatch, StandardButton.Discard)
    book.undo_delete()
    assert book.person_form.record_id == gone.id
    assert _persons_count(addresses) == 2


def test_delete_an_organisation_and_undo(
    book: AddressBookView, addresses: AddressService
) -> None:
    org = make_organisation(addresses, name="Weg AG")
    book.show_kind(ORGANISATIONS)
    assert book.org_form.record_id == org.id
    book.delete_current()
    assert addresses.count_organisations(ListFilter()) == 0
    assert book.count_label.text() == "0 organisations"
    book.undo_delete()
    assert addresses.count_organisations(ListFilter()) == 1
    assert book.org_form.record_id == org.id


# ---- organisations and employments


def test_create_an_organisation_and_link_a_person(
    qtbot: QtBot, book: AddressBookView, addresses: AddressService
) -> None:
    book.show_kind(ORGANISATIONS)
    book.new_record()
    form = book.org_form
    assert form.name.hasFocus()
    qtbot.keyClicks(form.name, "Hasler Maschinen AG")
    _add_channel(book, qtbot, ChannelKind.WEB, "hasler.ch")
    _ctrl(qtbot, book, Qt.Key.Key_S)
    assert addresses.count_organisations(ListFilter()) == 1
    org_id = form.record_id
    assert org_id is not None
    assert form.heading.text() == "Hasler Maschinen AG"

    book.show_kind(PERSONS)
    book.new_record()
    person = book.person_form
    qtbot.keyClicks(person.last_name, "Gerber")
    qtbot.mouseClick(person.employments.add_button, Qt.MouseButton.LeftButton)
    row = person.employments.rows()[0]
    assert isinstance(row, EmploymentRow)
    qtbot.waitUntil(row.isVisible)
    edit = row.organisation.lineEdit()
    assert edit is not None
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "Hasler")
    popup = row.organisation.matches.popup()
    qtbot.waitUntil(popup.isVisible)
    assert row.organisation.count() == 1
    # typing goes on into the field while the matches are shown (keys go to
    # the open popup first, as they do from a real keyboard)
    qtbot.keyClicks(popup, " Masch")
    assert edit.text() == "Hasler Masch"
    qtbot.waitUntil(lambda: not row.organisation._timer.isActive())
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert row.organisation.currentText() == "Hasler Maschinen AG"
    assert row.organisation.organisation_id() == org_id
    qtbot.keyClicks(row.role, "Einkauf")
    assert book.save()
    saved = addresses.get_person(person.record_id or "")
    assert [(e.organisation_id, e.role) for e in saved.employments] == [
        (org_id, "Einkauf")
    ]
    assert person.subheading.text() == "Hasler Maschinen AG"

    book.show_kind(ORGANISATIONS)
    assert book.org_form.record_id == org_id
    contacts = book.org_form.contacts
    assert contacts.count() == 1
    assert contacts.item(0).text() == "Gerber — Einkauf"


def test_unknown_organisation_in_the_picker_is_an_inline_error(
    qtbot: QtBot, book: AddressBookView, addresses: AddressService
) -> None:
    book.new_record()
    person = book.person_form
    qtbot.keyClicks(person.last_name, "Gerber")
    qtbot.mouseClick(person.employments.add_button, Qt.MouseButton.LeftButton)
    row = person.employments.rows()[0]
    assert isinstance(row, EmploymentRow)
    qtbot.waitUntil(row.isVisible)
    row.organisation.setEditText("Gibt es nicht AG")
    assert not book.save()
    assert row.error.isVisible()
    assert row.error.text() == "Choose an organisation from the list."
    assert _persons_count(addresses) == 0


def test_opening_a_contact_person_from_the_organisation(
    book: AddressBookView, addresses: AddressService
) -> None:
    org = make_organisation(addresses, name="Kontakt AG")
    person = make_person(addresses, last_name="Kontaktperson", organisation=org)
    book.show_kind(ORGANISATIONS)
    item = book.org_form.contacts.item(0)
    book.org_form.contacts.itemActivated.emit(item)
    assert book.kind_tabs.currentIndex() == PERSONS
    assert book.form is book.person_form
    assert book.person_form.record_id == person.id


def test_the_no_contacts_placeholder_opens_nothing(
    book: AddressBookView, addresses: AddressService
) -> None:
    make_organisation(addresses, name="Leer AG")
    book.show_kind(ORGANISATIONS)
    contacts = book.org_form.contacts
    assert contacts.count() == 1
    assert contacts.item(0).text() == "No contact persons yet"
    assert contacts.item(0).flags() == Qt.ItemFlag.NoItemFlags
    contacts.itemActivated.emit(contacts.item(0))
    assert book.kind == ORGANISATIONS
    assert book.org_form.name.text() == "Leer AG"


def test_data_changed_elsewhere_refreshes_the_list(
    book: AddressBookView, addresses: AddressService
) -> None:
    make_person(addresses, last_name="Eins")
    from app.domain.changes import Changes, EntityKind

    book.on_data_changed(Changes.of(EntityKind.PERSON), object())
    assert book.count_label.text() == "1 person"
    make_person(addresses, last_name="Zwei")
    book.on_data_changed(Changes.of(EntityKind.PERSON), book)  # own change: ignored
    assert book.count_label.text() == "1 person"


# ---- unsaved changes


def _two_people(addresses: AddressService) -> tuple[str, str]:
    first = make_person(addresses, last_name="Aaa").id
    second = make_person(addresses, last_name="Bbb").id
    return first, second


@pytest.mark.parametrize(
    ("answer", "expect_record", "expect_saved"),
    [
        (StandardButton.Discard, 1, False),
        (StandardButton.Cancel, 0, False),
        (StandardButton.Save, 1, True),
    ],
)
def test_selecting_another_row_with_unsaved_changes_asks(
    qtbot: QtBot,
    book: AddressBookView,
    addresses: AddressService,
    monkeypatch: pytest.MonkeyPatch,
    answer: StandardButton,
    expect_record: int,
    expect_saved: bool,
) -> None:
    ids = _two_people(addresses)
    book.apply_filter()
    assert book.person_form.record_id == ids[0]
    qtbot.keyClicks(book.person_form.first_name, "Edit")
    asked = _answer(monkeypatch, answer)
    book.table.selectRow(1)
    assert asked == ["Save the changes to Hans Aaa?"]
    assert book.person_form.record_id == ids[expect_record]
    # the list ends up showing the record the form shows
    qtbot.waitUntil(
        lambda: book.model.row_id(book.table.currentIndex().row()) == ids[expect_record]
    )
    assert book.table.selectionModel().selectedRows()[0].row() == expect_record
    assert (addresses.get_person(ids[0]).first_name == "HansEdit") is expect_saved
    if answer == StandardButton.Cancel:
        assert book.person_form.first_name.text() == "HansEdit"
        assert book.person_form.dirty


def test_switching_tabs_with_unsaved_changes_asks(
    qtbot: QtBot,
    book: AddressBookView,
    addresses: AddressService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_person(addresses, last_name="Aaa")
    make_organisation(addresses, name="Org AG")
    book.apply_filter()
    qtbot.keyClicks(book.person_form.first_name, "X")
    asked = _answer(monkeypatch, StandardButton.Cancel)
    book.kind_tabs.setCurrentIndex(ORGANISATIONS)
    assert asked
    assert book.kind_tabs.currentIndex() == PERSONS
    assert book.form is book.person_form
    assert book.person_form.first_name.text() == "HansX"
    _answer(monkeypatch, StandardButton.Discard)
    book.kind_tabs.setCurrentIndex(ORGANISATIONS)
    assert book.form is book.org_form
    assert not book.person_form.dirty


def test_new_record_with_unsaved_changes_asks(
    qtbot: QtBot,
    book: AddressBookView,
    addresses: AddressService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_person(addresses, last_name="Aaa")
    book.apply_filter()
    qtbot.keyClicks(book.person_form.first_name, "X")
    asked = _answer(monkeypatch, StandardButton.Cancel)
    book.new_record()
    assert asked
    assert book.person_form.first_name.text() == "HansX"


def test_sorting_by_header_keeps_the_record_selected(
    qtbot: QtBot, book: AddressBookView, addresses: AddressService
) -> None:
    people = [make_person(addresses, last_name=f"P{i}") for i in range(3)]
    book.apply_filter()
    book.table.selectRow(1)
    assert book.person_form.record_id == people[1].id
    header = book.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # as a header click does
    assert book.model.row_object(0).last_name == "P2"
    assert book.person_form.record_id == people[1].id
    assert book.model.row_id(book.table.currentIndex().row()) == people[1].id
    # a column the list cannot sort by leaves order and indicator alone
    email = book.model.column_index("email")
    header.setSortIndicator(email, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert book.model.row_object(0).last_name == "P2"
