"""Shared fixtures: headless Qt, a migrated database per test, factories."""

from __future__ import annotations

import os
import sys

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


_SESSION: dict[str, int] = {}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remember the result for :func:`pytest_unconfigure`."""
    _SESSION["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without Python's interpreter teardown once the result is printed.

    FIXME: PySide6 wrappers destroyed in arbitrary order during interpreter
    shutdown can abort the process ("pure virtual method called") after every
    test has passed; the result is final here, so exit with it directly.
    """
    if "status" in _SESSION:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_SESSION["status"])
