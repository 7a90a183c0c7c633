"""Quality views with pytest-qt: custom fields through the form, the editor,
duplicate review and merge, segment builder, mass update, report, tags."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.addresses import AddressData, ChannelData, ChannelKind, ListFilter
from app.domain.custom_fields import Choice, CustomFieldDefData, FieldType, RecordKind
from app.domain.quality import DedupKind, MassAction, MassUpdate, RuleKind
from app.domain.segments import Condition, Op
from app.services.container import Services, build_services
from app.services.custom_fields import parse_value
from app.services.demo_quality import plant_duplicates
from app.tasks.runner import TaskRunner
from app.views.address_book import PERSONS
from app.views.main_window import MainWindow
from app.views.quality.custom_field_editor import CustomFieldEditor
from app.views.quality.duplicates import DuplicateReview
from app.views.quality.mass_update_dialog import MassUpdateDialog
from app.views.quality.report import QualityReportView
from app.views.quality.segment_builder import SegmentBuilder
from app.views.quality.tag_manager import TagManager
from tests.helpers.factories import make_organisation, make_person
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def services(db: Database) -> Services:
    return build_services(db)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


@pytest.fixture
def fields(services: Services) -> dict[str, Any]:
    custom = services.quality.custom_fields
    category, _ = custom.create(
        CustomFieldDefData(
            RecordKind.PERSON,
            "Kundenkategorie",
            FieldType.CHOICE,
            choices=(Choice("A", "A-Kunde"), Choice("B", "B-Kunde")),
        )
    )
    budget, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Budget", FieldType.MONEY)
    )
    since, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Kunde seit", FieldType.DATE)
    )
    return {"category": category, "budget": budget, "since": since}


@pytest.fixture
def window(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    fields: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> MainWindow:
    # closing with unsaved input asks; the tests' answer is "Discard"
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )
    win = MainWindow(services, runner)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _editor(window: MainWindow, key: str) -> Any:
    book = window.quality_ui.book
    assert book is not None
    return book.sections["person"].editors[key]


def test_custom_fields_round_trip_through_the_person_form(
    window: MainWindow, services: Services, fields: dict[str, Any], qtbot: QtBot
) -> None:
    window.show_addresses(PERSONS)
    book = window.addresses
    book.new_record()
    form = book.person_form
    qtbot.keyClicks(form.last_name, "Keller")
    category = _editor(window, "kundenkategorie")
    assert isinstance(category, QComboBox)
    category.setCurrentIndex(category.findData("B"))
    budget = _editor(window, "budget")
    assert isinstance(budget, QLineEdit)
    qtbot.keyClicks(budget, "12'500.50")
    qtbot.keyClicks(_editor(window, "kunde_seit"), "31.12.2025")
    assert form.dirty
    assert book.save()
    pid = form.record_id
    assert pid is not None
    values = services.quality.custom_fields.values("person", pid)
    assert values["kundenkategorie"] == "B"
    assert values["budget"] == 1250050
    assert str(values["kunde_seit"]) == "2025-12-31"
    # shown again when the record is opened
    book.new_record()
    book.open_person(pid)
    assert _editor(window, "kundenkategorie").currentData() == "B"
    shown = _editor(window, "budget").text()  # in the user's locale: 12'500.50
    assert parse_value(fields["budget"], shown) == 1250050
    assert not form.dirty


def test_bad_custom_value_is_marked_and_nothing_is_saved(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.show_addresses(PERSONS)
    book = window.addresses
    book.new_record()
    qtbot.keyClicks(book.person_form.last_name, "Keller")
    qtbot.keyClicks(_editor(window, "budget"), "viel Geld")
    assert not book.save()
    section = window.quality_ui.book.sections["person"]  # type: ignore[union-attr]
    assert section.errors["budget"].isVisible()
    assert _editor(window, "budget").text() == "viel Geld"  # what was typed stays
    assert services.addresses.count_persons(ListFilter()) == 0


def test_duplicate_banner_while_typing(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    make_person(
        services.addresses,
        first_name="Anna",
        last_name="Müller",
        channels=(ChannelData(ChannelKind.MOBILE, "079 555 66 77"),),
    )
    window.show_addresses(PERSONS)
    book = window.addresses
    book.new_record()
    qtbot.keyClicks(book.person_form.first_name, "Anna")
    qtbot.keyClicks(book.person_form.last_name, "Mueller")
    ui = window.quality_ui.book
    assert ui is not None
    book.person_form.channels.add_button.click()
    row = book.person_form.channels.rows()[-1]
    row.kind.setCurrentIndex(row.kind.findData(ChannelKind.MOBILE))  # type: ignore[attr-defined]
    qtbot.keyClicks(row.value, "0795556677")  # type: ignore[attr-defined]
    qtbot.waitUntil(ui.banner.isVisible, timeout=3000)
    assert "Anna Müller" in ui.banner.text.text()
    assert not ui.banner.merge_button.isVisible()  # nothing to merge with yet
    ui.banner.dismiss()
    assert not ui.banner.isVisible()


def test_bulk_tag_from_the_list_selection(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    for n in range(3):
        make_person(services.addresses, last_name=f"Aebi{n}")
    vip, _ = services.quality.tags.create_tag("VIP")
    window.show_addresses(PERSONS)
    book = window.addresses
    book.apply_filter()
    book.table.selectAll()
    ui = window.quality_ui.book
    assert ui is not None
    assert len(ui.selected_ids()) == 3
    menu = ui.list_menu()
    assert [a.text() for a in menu.actions()][:2] == ["Add tag", "Remove tag"]
    assert ui.bulk_tag(vip.id, on=True) == 3
    assert [t.count for t in services.quality.tags.tags()] == [3]


def test_custom_field_editor_creates_and_refuses(
    qtbot: QtBot, services: Services
) -> None:
    editor = CustomFieldEditor(services.quality.custom_fields)
    qtbot.addWidget(editor)
    editor.kinds.setCurrentIndex(1)  # persons
    editor.new_field()
    editor.field_type.setCurrentIndex(editor.field_type.findData(FieldType.CHOICE))
    assert editor.rows["choices"].isVisibleTo(editor)
    assert not editor.save()  # no label, no values
    assert editor.errors["label"].text()
    assert editor.errors["choices"].text()
    assert services.quality.custom_fields.definitions() == []
    qtbot.keyClicks(editor.label, "Zahlungsziel")
    editor.choices.setPlainText("10 = 10 Tage\n30 = 30 Tage")
    assert editor.save()
    saved = services.quality.custom_fields.definitions("person")
    assert [(d.key, [c.label for c in d.choices]) for d in saved] == [
        ("zahlungsziel", ["10 Tage", "30 Tage"])
    ]
    assert editor.table.rowCount() == 1


def test_duplicate_review_scan_merge_and_undo(
    qtbot: QtBot, db: Database, services: Services, qtmodeltester: Any
) -> None:
    names = (
        ("Beat", "Brunner"),
        ("Ursula", "Frei"),
        ("Peter", "Steiner"),
        ("Hans", "Keller"),
    )
    for n, (first, last) in enumerate(names):
        make_person(
            services.addresses,
            first_name=first,
            last_name=last,
            channels=(ChannelData(ChannelKind.MOBILE, f"079 400 00 0{n}"),),
            addresses=(AddressData(street="Weg", postcode=f"800{n}", city="Zürich"),),
        )
    with db.engine.begin() as conn:
        plant_duplicates(conn, persons=2, organisations=0, seed=2)
    view = DuplicateReview(services.quality.dedup, services.quality.merge, TaskRunner())
    qtbot.addWidget(view)
    view.show()
    view.show_result(services.quality.dedup.scan(DedupKind.PERSON))
    qtmodeltester.check(view.model)
    assert view.model.total == 2
    dialog = view.merge_selected()
    assert dialog is not None
    dialog.choose("last_name", other=True)
    with qtbot.waitSignal(view.sig_data_changed):
        dialog.merge()
    assert view.model.total == 1
    assert view.undo_button.isVisibleTo(view)
    assert services.addresses.count_persons(ListFilter()) == 5
    with qtbot.waitSignal(view.sig_data_changed):
        view.undo_last_merge()
    assert services.addresses.count_persons(ListFilter()) == 6
    view.table.selectRow(0)
    view.dismiss_selected()
    assert view.model.total == 0
    assert len(services.quality.dedup.scan(DedupKind.PERSON).pairs) == 1


def test_segment_builder_counts_previews_and_saves(
    qtbot: QtBot, services: Services, fields: dict[str, Any], qtmodeltester: Any
) -> None:
    custom = services.quality.custom_fields
    for n, cat in enumerate("AAB"):
        person = make_person(services.addresses, last_name=f"Z{n}")
        custom.save_values("person", person.id, {"kundenkategorie": cat})
    builder = SegmentBuilder(services.quality.segments, None)
    qtbot.addWidget(builder)
    builder.show()
    row = builder.add_condition(Condition("cf:kundenkategorie", Op.IN, ["A"]))
    assert row.picker.values() == ["A"]
    builder.recount()
    assert builder.count == 2
    qtmodeltester.check(builder.preview_model)
    assert builder.preview_model.total == 2
    assert not builder.save()  # a segment needs a name
    assert builder.name_error.text()
    builder.name.setText("A-Kunden")
    assert builder.save()
    assert [s.name for s in services.quality.segments.segments()] == ["A-Kunden"]
    assert builder.saved.count() == 1
    row.picker.set_values(["A", "B"])
    builder.recount()
    assert builder.count == 3
    assert len(builder.matching_ids()) == 3


def test_segment_builder_marks_an_incomplete_condition(
    qtbot: QtBot, services: Services, fields: dict[str, Any]
) -> None:
    builder = SegmentBuilder(services.quality.segments, None)
    qtbot.addWidget(builder)
    builder.add_condition(Condition("last_name", Op.EQ, ""))
    builder.recount()
    assert builder.error.text()
    assert builder.count_label.text() == "–"


def test_mass_update_preview_apply_undo(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [make_person(services.addresses).id for _ in range(3)]
    dialog = MassUpdateDialog(
        services.quality.mass_update,
        None,
        kind="person",
        ids=ids,
        description="Test",
        fields=[],
        tags=[],
        users=[],
    )
    qtbot.addWidget(dialog)
    dialog.field.setCurrentIndex(dialog.field.findData("status"))
    dialog.choice.setCurrentIndex(dialog.choice.findData("customer"))
    preview = dialog.show_preview()
    assert preview is not None
    assert preview.changing == 3
    assert dialog.sample.rowCount() == 3
    with qtbot.waitSignal(dialog.sig_data_changed):
        dialog.apply()
    assert {services.addresses.get_person(i).status for i in ids} == {"customer"}
    assert dialog.undo_button.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.sig_data_changed):
        dialog.undo()
    assert {services.addresses.get_person(i).status for i in ids} == {"prospect"}
    assert dialog.update_() == MassUpdate(MassAction.SET_FIELD, "status", "customer")


def test_report_fix_in_place(
    qtbot: QtBot,
    db: Database,
    services: Services,
    runner: TaskRunner,
    qtmodeltester: Any,
) -> None:
    person = make_person(services.addresses)
    email = next(c for c in person.channels if c.kind is ChannelKind.EMAIL)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE channel SET value = 'hans@muster' WHERE id = ?", (email.id,)
        )
    view = QualityReportView(services.quality.data_quality, runner)
    qtbot.addWidget(view)
    view.show()
    view.show_report(services.quality.data_quality.report("person"))
    qtmodeltester.check(view.model)
    assert view.model.total == 1
    assert view.fix_value.text() == "hans@muster"
    view.fix_value.setText("still@wrong")
    assert not view.fix_selected()
    assert view.fix_error.isVisibleTo(view)
    assert view.model.total == 1
    view.fix_value.setText("hans@muster.ch")
    with qtbot.waitSignal(view.sig_data_changed):
        assert view.fix_selected()
    assert view.model.total == 0
    assert services.quality.data_quality.report("person").issues == ()


def test_report_runs_in_the_background(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    services.quality.data_quality.add_rule("person", "phone", RuleKind.REQUIRED)
    make_person(services.addresses)
    view = QualityReportView(services.quality.data_quality, runner)
    qtbot.addWidget(view)
    view.check()
    qtbot.waitUntil(lambda: view.report_ is not None, timeout=5000)
    assert view.model.total == 1
    assert view.rules.count() == 6


def test_tag_manager(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager = TagManager(services.quality.tags)
    qtbot.addWidget(manager)
    manager.new_tag()
    manager.name.setText("Messe")
    assert manager.save()
    manager.new_child()
    manager.name.setText("OLMA")
    assert manager.save()
    assert [t.path for t in services.quality.tags.tags()] == ["Messe", "Messe › OLMA"]
    manager.new_tag()
    manager.name.setText("messe")
    assert not manager.save()
    assert manager.name_error.text()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes
    )
    manager.reload(select=services.quality.tags.tags()[0].id)
    manager.delete_tag()
    assert [t.path for t in services.quality.tags.tags()] == ["OLMA"]
    assert manager.tree.topLevelItemCount() == 1


def test_page_is_in_the_window(window: MainWindow, qtbot: QtBot) -> None:
    window.quality_ui.act_show.trigger()
    assert window.pages.currentWidget() is window.quality_ui.page
    assert window.quality_ui.act_show.shortcut().toString() == "Ctrl+Shift+K"
    window.quality_ui.act_segments.trigger()
    assert (
        window.quality_ui.page.tabs.currentWidget() is window.quality_ui.page.segments
    )
    organisation = make_organisation(window.services.addresses)
    window.quality_ui.open_record("organisation", organisation.id)
    assert window.addresses.form.record_id == organisation.id


def test_new_custom_field_appears_in_the_form_at_once(
    window: MainWindow, services: Services
) -> None:
    editor = window.quality_ui.page.custom_fields
    editor.kinds.setCurrentIndex(1)
    editor.new_field()
    editor.label.setText("Hobby")
    assert editor.save()
    assert "hobby" in window.quality_ui.book.sections["person"].editors  # type: ignore[union-attr]


def test_custom_field_as_list_column(
    window: MainWindow, services: Services, qtmodeltester: Any
) -> None:
    anna = make_person(services.addresses, last_name="Aebi")
    make_person(services.addresses, last_name="Brunner")
    services.quality.custom_fields.save_values(
        "person", anna.id, {"kundenkategorie": "A"}
    )
    window.show_addresses(PERSONS)
    book = window.addresses
    book.apply_filter()
    ui = window.quality_ui.book
    assert ui is not None
    menu = ui.column_menu()
    labels = [a.text() for a in menu.actions() if a.isCheckable()]
    assert labels == ["Kundenkategorie", "Budget", "Kunde seit"]
    ui.show_column("person", "kundenkategorie", on=True)
    model = book.model
    column = model.column_index("cf:kundenkategorie")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Kundenkategorie"
    texts = {
        model.data(model.index(r, 0)): model.data(model.index(r, column))
        for r in range(2)
    }
    assert texts == {"Aebi": "A-Kunde", "Brunner": ""}
    qtmodeltester.check(model)
    ui.show_column("person", "kundenkategorie", on=False)
    assert model.columnCount() == len(model.columns) == 8
