"""The German translation is complete, keeps placeholders and is what Qt loads."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from app.db.database import Database
from app.services.container import build_services
from app.tasks.runner import TaskRunner
from app.views.i18n import resources_dir

ROOT = Path(__file__).resolve().parents[1]
TS = resources_dir() / "i18n" / "relata_de.ts"
QM = resources_dir() / "i18n" / "relata_de.qm"


def _load_script() -> ModuleType:
    # packaging/ is not a package (and "packaging" is a PyPI name): load by path.
    spec = importlib.util.spec_from_file_location(
        "relata_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _load_script()


def _messages() -> list[tuple[str, str, str]]:
    """(context, source, translation) of every message in the .ts."""
    root = ET.parse(TS).getroot()
    return [
        (
            ctx.findtext("name", ""),
            msg.findtext("source", ""),
            msg.findtext("translation", ""),
        )
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QTranslator]:
    """Our German .qm installed for the duration of a test."""
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_every_message_in_the_code_is_translated_and_compiled() -> None:
    assert script.check() == []


def test_ts_has_no_unfinished_or_empty_translation() -> None:
    root = ET.parse(TS).getroot()
    unfinished = [
        msg.findtext("source")
        for msg in root.iter("message")
        if (tr := msg.find("translation")) is None
        or tr.get("type")
        or not (
            all((f.text or "").strip() for f in tr.iter("numerusform"))
            if msg.get("numerus") == "yes"
            else (tr.text or "").strip()
        )
    ]
    assert unfinished == []
    assert len(_messages()) > 100


def test_helper_texts_are_extracted() -> None:
    """``_t("…")`` helpers are found with their context, not just ``self.tr``."""
    pairs = {(ctx, src) for ctx, src, _ in _messages()}
    assert ("Labels", "Customer") in pairs
    assert ("AddressColumns", "Postcode") in pairs
    assert ("Startup", "Database damaged") in pairs


def test_expand_helpers_keeps_lines_and_handles_non_ascii() -> None:
    source = (
        "from PySide6.QtCore import QCoreApplication\n"
        "def _t(text: str) -> str:\n"
        '    return QCoreApplication.translate("Ctx", text)\n'
        'x = {"ä": _t("Größe …"), "b": lambda: _t(\n'
        '    "two"\n'
        "    )}\n"
    )
    out = script.expand_helpers(source)
    lines = out.splitlines()
    assert len(lines) == len(source.splitlines())
    assert lines[3] == (
        'x = {"ä": QCoreApplication.translate("Ctx", "Größe …"), '
        '"b": lambda: QCoreApplication.translate('
    )
    assert lines[4] == '    "Ctx", "two"'


@pytest.mark.parametrize(("context", "source", "translation"), _messages())
def test_placeholders_survive(context: str, source: str, translation: str) -> None:
    wanted = sorted(set(re.findall(r"%\d", source)))
    assert sorted(set(re.findall(r"%\d", translation))) == wanted, (context, source)


@pytest.mark.parametrize(("context", "source", "translation"), _messages())
def test_swiss_orthography_and_mnemonics(
    context: str, source: str, translation: str
) -> None:
    assert "ß" not in translation, "Swiss German writes ss"
    assert translation.count("&") == source.count("&"), "keep exactly one mnemonic"


@pytest.mark.parametrize(
    ("context", "source", "german_text"),
    [
        ("AddressBookView", "Persons", "Personen"),
        ("Labels", "Customer", "Kunde"),
        ("Labels", "Prospect", "Interessent"),
        ("ChildEditors", "Street", "Strasse"),
        ("AddressColumns", "Postcode", "PLZ"),
        ("RecordForm", "Owner", "Verantwortlich"),
        ("MainWindow", "&File", "&Datei"),
    ],
)
def test_qm_translates(
    german: QTranslator, context: str, source: str, german_text: str
) -> None:
    assert QCoreApplication.translate(context, source) == german_text


@pytest.mark.parametrize(
    ("count", "german_text"),
    [(1, "1 Person"), (2, "2 Personen"), (1234, "1'234 Personen")],
)
def test_qm_translates_plurals(
    german: QTranslator, count: int, german_text: str
) -> None:
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Switzerland))
    try:
        text = QCoreApplication.translate("AddressBookView", "%Ln person(s)", "", count)
    finally:
        QLocale.setDefault(previous)
    assert text == german_text


def test_menu_mnemonics_are_unique(german: QTranslator, db: Database) -> None:
    from app.views.main_window import MainWindow

    runner = TaskRunner()
    window = MainWindow(build_services(db), runner)
    try:
        menus = [a.menu() for a in window.menuBar().actions()]
        assert all(isinstance(m, QMenu) for m in menus)
        for texts in [[a.text() for a in window.menuBar().actions()]] + [
            [a.text() for a in m.actions() if not a.isSeparator()]
            for m in menus
            if isinstance(m, QMenu)
        ]:
            keys = [re.search(r"&(\w)", t) for t in texts]
            assert all(keys), texts
            letters = [k[1].lower() for k in keys if k]
            assert len(set(letters)) == len(letters), texts
        assert window.menuBar().actions()[0].text() == "&Datei"
    finally:
        window.close()
        window.deleteLater()
        runner.shutdown()
