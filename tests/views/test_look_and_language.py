"""Style, translations, labels and the overview page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.addresses import RelationStatus
from app.services.container import Services
from app.views.forms.person_form import PersonForm
from app.views.home import DemoDataDialog, HomeView
from app.views.i18n import install_translations, pick_language, resources_dir
from app.views.labels import error_text, status_text
from app.views.style import STYLESHEET, apply_style, arrow_images, arrow_rules
from tests.helpers.factories import make_organisation, make_person
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

German = QLocale.Language.German
Switzerland = QLocale.Country.Switzerland


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    sheet, palette, font = qapp.styleSheet(), qapp.palette(), qapp.font()
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QApplication]:
    locale = QLocale()
    translators = install_translations(qapp, "de")
    yield qapp
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_arrows_are_drawn_images(tmp_path: Path) -> None:
    arrows = arrow_images(tmp_path)
    for name in ("down", "up"):
        image = QImage(str(arrows[name]))
        assert image.size() == QSize(10, 6)
        hidpi = QImage(str(arrows[name].with_name(arrows[name].stem + "@2x.png")))
        assert hidpi.size() == QSize(20, 12)
    down = QImage(str(arrows["down"]))
    assert down.pixelColor(5, 1).alpha() == 255  # the wide end is at the top
    assert down.pixelColor(0, 5).alpha() == 0
    rules = arrow_rules(arrows)
    assert f"url({arrows['down'].as_posix()})" in rules
    assert f"url({arrows['up'].as_posix()})" in rules


def test_style_sheet_uses_the_arrow_images(styled: QApplication) -> None:
    sheet = styled.styleSheet()
    assert sheet.startswith(STYLESHEET)
    assert (
        "border-top: 6px solid" not in sheet
    )  # the CSS triangle that Qt draws as a bar
    for line in sheet.splitlines():
        if "url(" in line:
            path = line.split("url(")[1].split(")")[0]
            assert Path(path).is_file()


def test_notes_keep_their_height_under_the_style_sheet(
    qtbot: QtBot, styled: QApplication
) -> None:
    form = PersonForm(lambda _text: [])
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert form.notes.minimumHeight() == 80  # a min-height rule squeezed it to one line


def test_pick_language() -> None:
    assert pick_language("de") == "de"
    assert pick_language("en", QLocale(German, Switzerland)) == "en"
    assert pick_language("", QLocale(German, Switzerland)) == "de"
    assert pick_language("", QLocale(QLocale.Language.French, Switzerland)) == "en"
    assert pick_language("fr", QLocale(German)) == "de"  # not shipped: system language


def test_german_uses_swiss_formats_and_our_translation(german: QApplication) -> None:
    locale = QLocale()
    assert locale.name() == "de_CH"
    assert locale.toString(1234.5, "f", 2) == "1'234.50"
    assert locale.toString(QDate(2026, 12, 31), "dd.MM.yyyy") == "31.12.2026"
    assert (resources_dir() / "i18n" / "relata_de.qm").is_file()
    assert QCoreApplication.translate("Labels", "Customer") == "Kunde"
    assert status_text(RelationStatus.CUSTOMER) == "Kunde"


def test_english_installs_only_its_plural_catalogue(qapp: QApplication) -> None:
    locale = QLocale()
    installed = []
    try:
        installed = install_translations(qapp, "en")
        assert len(installed) == 1  # relata_en.qm (plural forms); no Qt catalogue
        assert (
            QCoreApplication.translate("AddressBookView", "%Ln person(s)", "", 1)
            == "1 person"
        )
        assert QLocale().language() == QLocale.Language.English
        assert status_text(RelationStatus.CUSTOMER) == "Customer"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_labels() -> None:
    assert status_text("former") == "Former customer"
    assert status_text("no-such-status") == "Prospect"
    assert error_text("email.invalid", "x") == "This is not a valid e-mail address."
    assert error_text("new.code", "As the service said") == "As the service said"


def test_overview_counts_and_buttons(qtbot: QtBot, services: Services) -> None:
    make_organisation(services.addresses, status=RelationStatus.CUSTOMER)
    make_person(services.addresses, status=RelationStatus.CUSTOMER)
    make_person(services.addresses)
    home = HomeView(services)
    qtbot.addWidget(home)
    assert home.persons_card.value.text() == ""  # counted when shown, not before
    home.show()
    assert home.persons_card.value.text() == "2"
    assert home.orgs_card.value.text() == "1"
    assert home.customers_card.value.text() == "2"
    assert home.prospects_card.value.text() == "1"
    assert home.demo.property("highlight") is False
    assert "No backup yet" in home.db_info.text()
    assert str(services.db_path) in home.db_info.text()
    for button, signal in (
        (home.new_person, home.sig_new_person_requested),
        (home.new_org, home.sig_new_organisation_requested),
        (home.open_book, home.sig_addresses_requested),
        (home.demo, home.sig_demo_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            button.click()


def test_overview_of_an_empty_database_points_to_demo_data(
    qtbot: QtBot, services: Services
) -> None:
    home = HomeView(services)
    qtbot.addWidget(home)
    home.show()
    assert home.persons_card.value.text() == "0"
    assert "Your address book is empty" in home.lead.text()
    assert home.demo.property("highlight") is True


def test_overview_counts_again_when_shown_after_changes_made_elsewhere(
    qtbot: QtBot, services: Services
) -> None:
    home = HomeView(services)
    qtbot.addWidget(home)
    home.show()
    assert home.persons_card.value.text() == "0"
    home.hide()
    make_person(services.addresses, status=RelationStatus.CUSTOMER)
    make_organisation(services.addresses, status=RelationStatus.CUSTOMER)
    home.refresh()  # hidden: only marked stale
    assert home.stale
    assert home.persons_card.value.text() == "0"
    home.show()
    assert not home.stale
    assert home.persons_card.value.text() == "1"
    assert home.customers_card.value.text() == "2"
    assert home.prospects_card.value.text() == "0"
    assert "Your address book is empty" not in home.lead.text()


def test_demo_dialog_defaults(qtbot: QtBot) -> None:
    dialog = DemoDataDialog()
    qtbot.addWidget(dialog)
    assert dialog.organisations.value() == 500
    assert dialog.persons.value() == 2500
    assert dialog.organisations.minimum() == 1
