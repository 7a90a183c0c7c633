"""The ``relata`` command: version, smoke test with screenshots, bad databases, demo."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app import __version__
from app.cli import _headless_if_no_display, main
from app.db.database import open_database
from app.domain.addresses import ListFilter
from app.services.addresses import AddressService
from app.views.main_window import MainWindow

SHOTS = (
    "overview",
    "persons",
    "organisations",
    "person_form_errors",
    "import_export",
    "leads",
    "pipeline_board",
    "pipeline_list",
    "forecast",
)
#: dialogs (the import wizard, the export dialog) are shot at their own size
DIALOG_SHOTS = (
    "import_mapping",
    "import_check",
    "import_sheets",
    "import_sheets_check",
    "export_dialog",
    "opportunity_form",
    "sales_settings",
)
#: journal, data-quality and sync views (their own tests check their content)
MORE_SHOTS = (
    "case",
    "case_journal",
    "journal",
    "quick_log",
    "tasks",
    "timeline",
    "custom_fields",
    "duplicates",
    "person_custom_fields",
    "quality_report",
    "segments",
    "tags",
    "sync",
    "dashboard",
    "dashboard_full",
    "report_builder",
    "customer_value",
    "nps",
    "workflow_editor",
    "template_preview",
    "campaign_report",
    "web_forms",
    "mail_outbox",
)
NOT_A_DATABASE = b"Name;Vorname\nMuster;Hans\n" * 40


@pytest.fixture
def app_state(qapp: QApplication) -> Iterator[QApplication]:
    """Put back what starting the GUI changes on the shared QApplication."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    sheet, palette, font = qapp.styleSheet(), qapp.palette(), qapp.font()
    locale = QLocale()
    yield qapp
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    QLocale.setDefault(locale)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"relata {__version__}\n"


@pytest.mark.qt_log_ignore(r"^This plugin does not support ")
@pytest.mark.parametrize("lang", ["en", "de"])
def test_smoke_test_writes_screenshots(
    app_state: QApplication,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
) -> None:
    folder = tmp_path / "shots"
    locale_before = QLocale().name()
    code = main(
        ["--smoke-test", "--temp-profile", "--lang", lang, "--screenshots", str(folder)]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("startup_s=")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{s}_{lang}.png" for s in SHOTS + DIALOG_SHOTS + MORE_SHOTS
    )
    for name in SHOTS:
        image = QImage(str(folder / f"{name}_{lang}.png"))
        assert image.size() == QSize(1360, 840)
    # the window is gone and the application is as it was
    assert not [w for w in app_state.topLevelWidgets() if isinstance(w, MainWindow)]
    assert QLocale().name() == locale_before


def test_screenshots_need_the_smoke_test(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--temp-profile", "--screenshots", str(tmp_path / "shots")])
    assert code == 2
    assert capsys.readouterr().err == "relata: --screenshots needs --smoke-test\n"
    assert not (tmp_path / "shots").exists()


def test_a_file_that_is_not_a_database_is_refused_untouched(
    app_state: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kunden = tmp_path / "Kunden.csv"
    kunden.write_bytes(NOT_A_DATABASE)
    code = main(["--smoke-test", "--temp-profile", "--db", str(kunden)])
    assert code == 2
    err = capsys.readouterr().err
    assert err == f"relata: {kunden} is not a Relata database (not an SQLite file).\n"
    assert kunden.read_bytes() == NOT_A_DATABASE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Kunden.csv"]


def test_a_damaged_database_stops_a_non_interactive_start(
    app_state: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "relata.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    code = main(["--smoke-test", "--temp-profile", "--db", str(damaged)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"relata: The database {damaged} is damaged (")
    assert "It was moved to" in err
    assert not damaged.exists()
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("relata.db.damaged-")]
    assert len(moved) == 1
    assert str(moved[0]) in err


def test_demo_fills_a_database_and_prints_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.db"
    code = main(["demo", "--db", str(path), "--organisations", "5", "--persons", "20"])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert figures["organisations"] == 5
    assert figures["persons"] == 20
    assert figures["db"] == str(path)
    assert figures["seconds"] >= 0
    database = open_database(path, backup_dir=tmp_path / "backups")
    try:
        svc = AddressService(database.sessions)
        assert svc.count_persons(ListFilter()) == 20
        assert svc.count_organisations(ListFilter()) == 5
    finally:
        database.close(backup=False)


def test_demo_refuses_negative_sizes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["demo", "--db", str(tmp_path / "d.db"), "--persons", "-1"])
    assert code == 2
    assert "must be 0 or more" in capsys.readouterr().err
    assert not (tmp_path / "d.db").exists()


def test_demo_refuses_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "notes.txt"
    other.write_bytes(NOT_A_DATABASE)
    assert main(["demo", "--db", str(other), "--persons", "3"]) == 2
    assert f"{other} is not a Relata database" in capsys.readouterr().err
    assert other.read_bytes() == NOT_A_DATABASE


@pytest.mark.parametrize(
    ("environ", "platform"),
    [
        ({}, "offscreen"),
        ({"DISPLAY": ":0"}, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, None),
        ({"QT_QPA_PLATFORM": "xcb"}, "xcb"),
    ],
)
def test_smoke_test_goes_headless_only_without_a_display(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], platform: str | None
) -> None:
    monkeypatch.setattr("app.cli.sys.platform", "linux")
    env = dict(environ)
    _headless_if_no_display(env)
    assert env.get("QT_QPA_PLATFORM") == platform
