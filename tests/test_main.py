"""Start-up: opening the database with recovery, the application object, logging."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.config import Settings, load_settings
from app.db.database import DamagedDatabaseError
from app.domain.addresses import ListFilter
from app.domain.errors import DatabaseError
from app.main import make_app, open_with_recovery, setup_logging
from app.services.addresses import AddressService
from tests.helpers.factories import make_person

StandardButton = QMessageBox.StandardButton
GARBAGE = b"SQLite format 3\x00" + b"\xff" * 4096


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(
        cli={"data_dir": tmp_path / "data"},
        environ={},
        policy_paths=[],
        user_path=tmp_path / "no-settings.json",
    )


@dataclass
class Boxes:
    """Message boxes that were shown; ``question`` answers from ``answers``."""

    shown: dict[str, list[str]] = field(
        default_factory=lambda: {"question": [], "warning": [], "critical": []}
    )
    answers: list[StandardButton] = field(default_factory=list)

    def fake(self, kind: str) -> Callable[..., StandardButton]:
        def show(
            _p: QWidget | None, _title: str, text: str, *_a: object
        ) -> StandardButton:
            self.shown[kind].append(text)
            return self.answers.pop(0) if kind == "question" else StandardButton.Ok

        return show


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorded = Boxes()
    for kind in recorded.shown:
        monkeypatch.setattr(QMessageBox, kind, recorded.fake(kind))
    return recorded


def _good_database_with_backup(settings: Settings) -> None:
    database = open_with_recovery(settings, interactive=False)
    assert database is not None
    make_person(AddressService(database.sessions), last_name="Gesichert")
    database.close()  # a clean close leaves a backup


def test_a_healthy_database_opens(settings: Settings) -> None:
    database = open_with_recovery(settings, interactive=False)
    assert database is not None
    assert database.path == settings.db_path.resolve()
    database.close(backup=False)


def test_damage_without_interaction_raises_with_the_message(settings: Settings) -> None:
    settings.db_path.parent.mkdir(parents=True)
    settings.db_path.write_bytes(GARBAGE)
    with pytest.raises(DamagedDatabaseError) as error:
        open_with_recovery(settings, interactive=False)
    message = str(error.value)
    assert message.startswith(f"The database {settings.db_path} is damaged (")
    assert error.value.info.moved_to in message
    assert Path(error.value.info.moved_to).read_bytes() == GARBAGE  # kept, not lost
    assert not settings.db_path.exists()


def test_damage_offers_the_newest_backup(settings: Settings, boxes: Boxes) -> None:
    _good_database_with_backup(settings)
    settings.db_path.write_bytes(GARBAGE)
    boxes.answers.append(StandardButton.Yes)
    database = open_with_recovery(settings, interactive=True)
    assert database is not None
    try:
        assert AddressService(database.sessions).count_persons(ListFilter()) == 1
    finally:
        database.close(backup=False)
    (question,) = boxes.shown["question"]
    assert "has been moved aside to" in question
    assert "Restore the newest backup (relata-" in question


def test_declining_the_backup_starts_empty(settings: Settings, boxes: Boxes) -> None:
    _good_database_with_backup(settings)
    settings.db_path.write_bytes(GARBAGE)
    boxes.answers.append(StandardButton.No)
    database = open_with_recovery(settings, interactive=True)
    assert database is not None
    try:
        assert AddressService(database.sessions).count_persons(ListFilter()) == 0
    finally:
        database.close(backup=False)


def test_damage_without_backups_warns_and_starts_empty(
    settings: Settings, boxes: Boxes
) -> None:
    settings.db_path.parent.mkdir(parents=True)
    settings.db_path.write_bytes(GARBAGE)
    database = open_with_recovery(settings, interactive=True)
    assert database is not None
    database.close(backup=False)
    (warning,) = boxes.shown["warning"]
    assert "No backup exists; Relata starts with an empty database." in warning
    assert boxes.shown["question"] == []


def test_not_a_database_interactive_shows_the_error_and_opens_nothing(
    settings: Settings, boxes: Boxes
) -> None:
    settings.db_path.parent.mkdir(parents=True)
    settings.db_path.write_bytes(b"plain text")
    assert open_with_recovery(settings, interactive=True) is None
    assert boxes.shown["critical"] == [
        f"{settings.db_path.resolve()} is not a Relata database (not an SQLite file)."
    ]
    assert settings.db_path.read_bytes() == b"plain text"
    with pytest.raises(DatabaseError, match="not a Relata database"):
        open_with_recovery(settings, interactive=False)


def test_make_app_reuses_the_running_application(qapp: QApplication) -> None:
    sheet, palette, font = qapp.styleSheet(), qapp.palette(), qapp.font()
    try:
        assert make_app() is qapp
        assert qapp.applicationName() == "Relata"
        assert "QListWidget#sidebar" in qapp.styleSheet()
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#f6f8fa"
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
        qapp.setFont(font)


def test_setup_logging_writes_to_the_data_folder(settings: Settings) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        setup_logging(settings)
        logging.getLogger("app.test").warning("written down")
        for handler in root.handlers:
            handler.flush()
        assert "written down" in (settings.data_dir / "relata.log").read_text("utf-8")
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
        root.handlers[:] = handlers
        root.setLevel(level)
