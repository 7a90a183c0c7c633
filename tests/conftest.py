"""Shared fixtures: headless Qt, a migrated database per test, factories."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RELATA_TEST", "1")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.database import Database, open_database
from app.services.addresses import AddressService


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated database file in a temporary folder."""
    database = open_database(tmp_path / "relata.db", backup_dir=tmp_path / "backups")
    yield database
    database.engine.dispose()


@pytest.fixture
def addresses(db: Database) -> AddressService:
    """The address service on the test database."""
    return AddressService(db.sessions)


@pytest.fixture(autouse=True, scope="session")
def _english_catalogue(qapp: object) -> Iterator[None]:
    """The app always runs with a catalogue; English holds the plural forms."""
    from PySide6.QtWidgets import QApplication

    from app.views.i18n import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translations(app, "en")
    yield
    for translator in installed:
        app.removeTranslator(translator)
