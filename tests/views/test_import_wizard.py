"""The import wizard end to end (qtbot): file → mapping → dry run → error workbook →
import → undo; the export dialog; the Import & export page; the issue model."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.addresses import ListFilter
from app.domain.changes import Changes, EntityKind
from app.domain.exchange import ExportFormat, RowAction, RowIssue
from app.services.container import Services
from app.tasks.runner import TaskRunner
from app.views.exchange.exchange_page import ExchangePage
from app.views.exchange.export_dialog import ExportDialog
from app.views.exchange.import_wizard import (
    CHECK_PAGE,
    COLUMNS_PAGE,
    DONE_PAGE,
    FILE_PAGE,
    ImportWizard,
)
from app.views.exchange.issues_model import IssueTableModel
from app.views.main_window import MainWindow
from tests.exchange import files
from tests.helpers.factories import make_person
from tests.services.exchange_support import plan_for, snapshot
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

BAD_ROW = [
    "Herr",
    "Max",
    "",
    "",
    "kein-mail",
    "12",
    "80",
    "Bern",
    "",
    "",
    "31.02.2026",
    "VIP",
]


@pytest.fixture
def wizard(qtbot: QtBot, services: Services, runner: TaskRunner) -> ImportWizard:
    w = ImportWizard(services.imports, runner)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _next(qtbot: QtBot, wizard: ImportWizard, page: int) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == page)


def test_wizard_end_to_end_dry_run_error_workbook_import_and_undo(
    qtbot: QtBot, wizard: ImportWizard, services: Services, tmp_path: Path
) -> None:
    make_person(services.addresses, last_name="Bestand")
    path = files.write_openpyxl(
        tmp_path / "kontakte.xlsx", rows=[*files.ROWS, BAD_ROW], title_rows=1
    )
    before = snapshot(services.database.engine)
    events: list[object] = []
    wizard.sig_data_changed.connect(lambda changes, _i: events.append(changes))

    assert wizard.currentId() == FILE_PAGE
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard, COLUMNS_PAGE)
    page = wizard.columns_page
    assert page.header_row.value() == 2  # the title row above the table was skipped
    assert page.mapping()[2] == "last_name"
    assert page.mapping()[8] == "street_and_number"
    assert page.sheet.currentText() == "Kontakte"
    page.set_field(11, None)  # do not import the status column
    assert 11 not in page.mapping()

    _next(qtbot, wizard, CHECK_PAGE)
    check = wizard.check_page
    qtbot.waitUntil(lambda: wizard.analysis is not None, timeout=10_000)
    analysis = wizard.analysis
    assert analysis is not None
    assert analysis.count(RowAction.CREATE) == 3
    assert analysis.count(RowAction.ERROR) == 1
    assert check.model.rowCount() == len(list(analysis.issues))
    assert {check.model.issue(r).code for r in range(check.model.rowCount())} >= {
        "email.invalid",
        "date.invalid",
        "required",
    }
    assert "New: 3" in check.counts.text()
    assert snapshot(services.database.engine) == before  # the dry run wrote nothing
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Import"

    error_file = tmp_path / "fehler.xlsx"
    wizard.choose_save_path = lambda _s: str(error_file)  # type: ignore[method-assign]
    check.error_button.click()
    ws = openpyxl.load_workbook(error_file).active
    assert ws is not None
    assert ws.max_row == 2
    assert ws.cell(2, 2).value == 6  # sheet row of the bad line
    assert "E-Mail" in str(ws.cell(2, 1).value)

    _next(qtbot, wizard, DONE_PAGE)
    done = wizard.done_page
    qtbot.waitUntil(lambda: wizard.import_result is not None, timeout=10_000)
    qtbot.waitUntil(done.isComplete)
    assert "3 new records" in done.summary.text()
    assert done.undo_button.isVisible()
    assert done.error_button.isVisible()
    assert services.addresses.count_persons(ListFilter()) == 4
    assert events
    assert events[-1].touches(EntityKind.PERSON)

    done.undo_button.click()
    qtbot.waitUntil(lambda: "undone" in done.summary.text(), timeout=10_000)
    assert services.addresses.count_persons(ListFilter()) == 1
    after = snapshot(services.database.engine)
    for table in (
        "person",
        "organisation",
        "channel",
        "address",
        "employment",
        "person_fts",
    ):
        assert after[table] == before[table], table
    assert len(events) == 2


def test_refused_file_shows_the_reason_next_to_the_field(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path
) -> None:
    path = files.write_zip_bomb(tmp_path / "bomb.xlsx")
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentId() == FILE_PAGE
    assert wizard.file_page.error.isVisible()
    assert "zip bomb" in wizard.file_page.error.text()
    assert wizard.file_page.path.text() == str(path)  # what the user typed stays


def test_ambiguous_dates_block_until_an_order_is_chosen(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "d.xlsx", ["Nachname", "Geburtsdatum"], [["A", "03/04/1980"]]
    )
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard, COLUMNS_PAGE)
    wizard.next()
    assert wizard.currentId() == COLUMNS_PAGE
    assert wizard.columns_page.date_hint.isVisible()
    page = wizard.columns_page
    page.date_order.setCurrentIndex(page.date_order.findData("dmy"))
    _next(qtbot, wizard, CHECK_PAGE)
    qtbot.waitUntil(lambda: wizard.analysis is not None, timeout=10_000)
    assert wizard.analysis is not None
    assert wizard.analysis.actions == (RowAction.CREATE,)


def test_templates_are_saved_and_applied(
    qtbot: QtBot, wizard: ImportWizard, services: Services, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "t.xlsx",
        ["Kontakt 1", "Mail privat"],
        [["Hans Muster", "h@example.ch"]],
    )
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard, COLUMNS_PAGE)
    page = wizard.columns_page
    assert page.mapping() == {}
    page.set_field(0, "full_name")
    page.set_field(1, "email")
    page.save_template("Messe")
    assert [t.name for t in services.imports.templates("persons")] == ["Messe"]
    page.set_field(0, None)
    page.template.setCurrentIndex(0)
    page.template.setCurrentIndex(page.template.findData("Messe"))
    assert page.mapping() == {0: "full_name", 1: "email"}


def test_export_dialog_writes_the_current_list(
    qtbot: QtBot, services: Services, runner: TaskRunner, tmp_path: Path
) -> None:
    for name in ("Alpha", "Beta", "Gamma"):
        make_person(services.addresses, last_name=name)
    dialog = ExportDialog(
        services.exports,
        runner,
        entity_name="persons",
        flt=ListFilter(search="Beta"),
        selected=[],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert "1 records" in dialog.scope_list.text()
    assert not dialog.scope_selected.isEnabled()
    dialog.start()
    assert dialog.error.isVisible()  # no file chosen yet
    dialog.path.setText(str(tmp_path / "liste"))
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.CSV_EXCEL))
    with qtbot.waitSignal(dialog.sig_exported, timeout=10_000) as signal:
        dialog.start()
    result = signal.args[0]
    assert result.rows == 1
    assert result.path == tmp_path / "liste.csv"
    text = result.path.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Relata ID;Exported at;Salutation")
    assert "Beta" in text
    assert "Alpha" not in text


def test_exchange_page_lists_runs_and_undoes(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = ExchangePage(services.imports, runner)
    qtbot.addWidget(page)
    assert page.history.rowCount() == 0
    assert page.empty.isVisibleTo(page)
    assert "Import file" in page.empty.text()
    path = files.write_openpyxl(tmp_path / "k.xlsx")
    services.imports.commit(plan_for(services.imports, path))
    page.on_data_changed(Changes.all(), object())
    assert page.history.rowCount() == 1
    assert not page.empty.isVisibleTo(page)
    assert page.history.item(0, 1).text() == "k.xlsx"
    page.history.selectRow(0)
    assert page.undo_button.isEnabled()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes
    )
    with qtbot.waitSignal(page.sig_data_changed, timeout=10_000):
        page.undo_selected()
    assert services.addresses.count_persons(ListFilter()) == 0
    assert page.history.item(0, 6).text().startswith("Undone")


def test_issue_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = IssueTableModel()
    model.set_issues(
        [
            RowIssue(3, "E-Mail", "email", "email.invalid", "bad", "x"),
            RowIssue(2, "", "", "row.changed_since_export", "changed", warning=True),
        ]
    )
    qtmodeltester.check(model)
    assert model.issue(0).row == 3  # errors before warnings


def test_main_window_menu_opens_wizard_and_page(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    ui = window.exchange_ui
    assert ui.act_import is not None
    assert ui.act_import.shortcut().toString() == "Ctrl+Shift+I"
    assert ui.act_export is not None
    assert ui.act_export.shortcut().toString() == "Ctrl+Shift+E"
    ui.show_page()
    assert window.pages.currentWidget() is ui.page
    wizard = ui.open_import()
    assert wizard.isVisible()
    wizard.close()
    dialog = ui.open_export()
    assert dialog.entity_name == "persons"
    dialog.close()


def test_unknown_choice_values_are_mapped_in_the_wizard(
    qtbot: QtBot, wizard: ImportWizard, services: Services, tmp_path: Path
) -> None:
    path = files.write_openpyxl(
        tmp_path / "v.xlsx",
        ["Nachname", "Status"],
        [["A", "Kat. A"], ["B", "Kunde"], ["C", "Kat. B"]],
    )
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard, COLUMNS_PAGE)
    dialog = wizard.columns_page.edit_value_maps()
    assert dialog is not None
    assert dialog.table.rowCount() == 2  # "Kunde" is known
    dialog.set_choice("status", "Kat. A", "customer")
    dialog.accept()
    assert wizard.columns_page.options().value_maps == {
        "status": {"Kat. A": "customer"}
    }
    _next(qtbot, wizard, CHECK_PAGE)
    qtbot.waitUntil(lambda: wizard.analysis is not None, timeout=10_000)
    assert wizard.analysis is not None
    assert wizard.analysis.actions == (
        RowAction.CREATE,
        RowAction.CREATE,
        RowAction.ERROR,
    )
    assert [i.value for i in wizard.analysis.issues] == ["Kat. B"]


def test_wizard_imports_several_sheets_together_and_undoes_them(
    qtbot: QtBot, wizard: ImportWizard, services: Services, tmp_path: Path
) -> None:
    from tests.services.test_import_sheets import _workbook

    path = _workbook(
        tmp_path / "crm.xlsx",
        contacts=[
            ["Muster", "Hans", "K-100", "hans@alpha.ch", "Einkauf"],
            ["Keller", "Urs", "K-777", "urs@gamma.ch", ""],  # no such firm
        ],
    )
    before = snapshot(services.database.engine)
    events: list[object] = []
    wizard.sig_data_changed.connect(lambda changes, _i: events.append(changes))
    box = wizard.file_page.sheets
    assert box.isHidden()
    wizard.file_page.path.setText(str(path))
    assert not box.isHidden()  # the workbook has three sheets
    assert box.table.isHidden()
    box.enabled.setChecked(True)
    assert not box.table.isHidden()
    assert not wizard.file_page.entity.isEnabled()  # each sheet says what it holds
    assert box.assignments() == {  # guessed from the sheet names
        "Firmen": "organisations",
        "Kontakte": "persons",
        "Chancen": "opportunities",
    }
    _next(qtbot, wizard, CHECK_PAGE)  # no columns page: mapped by the headings
    check = wizard.check_page
    qtbot.waitUntil(lambda: wizard.analysis is not None, timeout=10_000)
    analysis = wizard.analysis
    assert analysis is not None
    assert analysis.count(RowAction.CREATE) == 5  # C-3 needs Urs's firm K-500 too
    assert analysis.count(RowAction.ERROR) == 2
    model = check.model
    assert model.columnCount() == 5
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Sheet"
    rows = {
        (model.index(r, 0).data(), model.index(r, 1).data(), model.issue(r).code)
        for r in range(model.rowCount())
    }
    assert ("Kontakte", "3", "organisation.unknown") in rows
    assert ("Chancen", "4", "organisation.unknown") in rows
    assert snapshot(services.database.engine) == before

    error_file = tmp_path / "fehler.xlsx"
    wizard.choose_save_path = lambda _s: str(error_file)  # type: ignore[method-assign]
    check.error_button.click()
    assert openpyxl.load_workbook(error_file).sheetnames == ["Kontakte", "Chancen"]

    _next(qtbot, wizard, DONE_PAGE)
    done = wizard.done_page
    qtbot.waitUntil(done.isComplete, timeout=10_000)
    assert "5 new records" in done.summary.text()
    assert services.addresses.count_persons(ListFilter()) == 1
    assert events
    assert events[-1].touches(EntityKind.OPPORTUNITY)
    done.undo_button.click()
    qtbot.waitUntil(lambda: "undone" in done.summary.text(), timeout=10_000)
    after = snapshot(services.database.engine)
    for table in ("person", "organisation", "opportunity", "channel", "employment"):
        assert after[table] == before[table], table


def test_size_limit_setting_is_shown_locked_and_refusal_explained(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path
) -> None:
    from app.config import load_settings
    from app.views.settings_dialog import SettingsDialog
    from tests.exchange.test_import_limit import _big_csv

    policy = tmp_path / "policy.json"
    policy.write_text('{"import_max_mb": 1}', "utf-8")
    settings = load_settings(
        policy_paths=[policy], user_path=tmp_path / "s.json", environ={}
    )
    dialog = SettingsDialog(settings, user_path=tmp_path / "s.json")
    qtbot.addWidget(dialog)
    assert dialog.import_max_mb.value() == 1
    assert not dialog.import_max_mb.isEnabled()
    wizard.imports.set_max_file_mb(settings.import_max_mb)
    path = _big_csv(tmp_path / "gross.csv", 1.2)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentId() == FILE_PAGE
    assert wizard.file_page.error.isVisible()
    assert "at most 1 MB" in wizard.file_page.error.text()
    assert wizard.file_page.path.text() == str(path)


def test_history_names_every_entity_of_a_several_sheet_run() -> None:
    from app.views.exchange.texts import entity_label

    assert entity_label("organisations+persons+opportunities") == (
        "Organisations + Persons + Opportunities"
    )
