"""Composition root: settings → database → services → TaskRunner → main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import Settings
from app.db.backup import Retention
from app.db.database import (
    DamagedDatabaseError,
    Database,
    open_database,
    restore_backup,
)
from app.domain.errors import DatabaseError
from app.services.container import build_services
from app.tasks.runner import TaskRunner
from app.views.address_book import ORGANISATIONS, PERSONS
from app.views.i18n import install_translations, pick_language
from app.views.main_window import ADDRESSES, HOME, MainWindow
from app.views.style import apply_style

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our style (reuses an existing one in tests)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("Relata")
    app.setOrganizationName("Relata")
    apply_style(app)
    return app


def open_with_recovery(settings: Settings, *, interactive: bool) -> Database | None:
    """Open the database; on damage, offer the newest good backup.

    Returns ``None`` when the user declined and nothing could be opened.
    """
    retention = Retention(
        settings.backup_daily,
        settings.backup_weekly,
        settings.backup_monthly,
        settings.backup_interval_min,
    )
    try:
        return open_database(
            settings.db_path, backup_dir=settings.backup_dir, retention=retention
        )
    except DamagedDatabaseError as exc:
        info = exc.info
        if not interactive:
            raise
        if info.backups:
            answer = QMessageBox.question(
                None,
                _t("Database damaged"),
                _t(
                    "The database was damaged (%1) and has been moved aside to\n%2\n\n"
                    "Restore the newest backup (%3)?"
                )
                .replace("%1", info.reason)
                .replace("%2", info.moved_to)
                .replace("%3", Path(info.backups[0]).name),
            )
            if answer == QMessageBox.StandardButton.Yes:
                restore_backup(Path(info.backups[0]), settings.db_path)
        else:
            QMessageBox.warning(
                None,
                _t("Database damaged"),
                _t(
                    "The database was damaged and moved aside to\n%1\nNo backup exists; "
                    "Relata starts with an empty database."
                ).replace("%1", info.moved_to),
            )
        return open_database(
            settings.db_path, backup_dir=settings.backup_dir, retention=retention
        )
    except DatabaseError as exc:
        if interactive:
            QMessageBox.critical(None, _t("Cannot open database"), str(exc))
            return None
        raise


def run_gui(
    settings: Settings,
    *,
    smoke_test: bool = False,
    screenshots: Path | None = None,
    on_started: Callable[[float], None] | None = None,
) -> int:
    """Start the GUI; with ``smoke_test`` render the views and quit.

    Args:
        settings: effective settings.
        smoke_test: open the window, render it (and ``screenshots``), close.
        screenshots: with ``smoke_test``, where to write the PNGs.
        on_started: called with the seconds from start to a shown window
            (smoke test only); the CLI prints it for packaging checks.
    """
    started = time.perf_counter()
    app = make_app()
    language = pick_language(settings.language)
    previous_locale = QLocale()
    translators = install_translations(app, language)
    try:
        database = open_with_recovery(settings, interactive=not smoke_test)
        if database is None:
            return 2
        services = build_services(
            database,
            server_url=settings.server_url,
            ca_bundle=settings.ca_bundle,
            import_max_mb=settings.import_max_mb,
        )
        runner = TaskRunner()
        window = MainWindow(
            services,
            runner,
            server_url=settings.server_url,
            settings=settings,
            defer_areas=True,
        )
        window.show()
        code = 0
        if smoke_test:
            app.processEvents()
            if on_started is not None:
                on_started(time.perf_counter() - started)
            window.ensure_areas()  # the smoke test checks that every area builds
            if screenshots is not None:
                write_screenshots(window, screenshots, language)
            window.close()
        else:
            # Everything loaded so far lives as long as the window: the garbage
            # collector need not walk it again (as the server does). Without
            # this a full collection took ~190 ms, inside a dashboard filter
            # change; with it 7-17 ms. O(1): no start-up cost.
            gc.freeze()
            code = app.exec()
        runner.shutdown()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        database.close()
        return code
    finally:
        # Leave the application as found: the smoke test runs inside test
        # processes and packaging checks that go on using the QApplication.
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(previous_locale)


def write_screenshots(window: MainWindow, folder: Path, language: str) -> list[Path]:
    """Render each main view to ``folder/<view>_<lang>.png``."""
    # The areas' screenshot code imports the areas: only when asked for.
    from app.views.automation.screenshots import write_automation_screenshots
    from app.views.dashboard.screenshots import write_analytics_screenshots
    from app.views.exchange.screenshots import write_exchange_screenshots
    from app.views.journal.screenshots import write_journal_screenshots
    from app.views.pipeline.screenshots import write_sales_screenshots
    from app.views.quality.screenshots import write_quality_screenshots

    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    assert app is not None
    shots: list[Path] = []

    def grab(name: str) -> None:
        for _ in range(3):  # new form rows: show, then lay out, then resize
            app.processEvents()
        path = folder / f"{name}_{language}.png"
        window.grab().save(str(path))
        shots.append(path)

    window.show_page(HOME)
    grab("overview")
    window.show_addresses(PERSONS)
    grab("persons")
    window.show_addresses(ORGANISATIONS)
    grab("organisations")
    window.show_addresses(PERSONS)
    window.addresses.new_record()
    window.addresses.person_form.last_name.setText("")
    window.addresses.person_form.mark_dirty()
    window.addresses.save()
    grab("person_form_errors")
    window.addresses.revert()
    window.sync_ui.show_page()
    grab("sync")
    shots += write_exchange_screenshots(window, folder, language)
    shots += write_journal_screenshots(window, folder, language)
    shots += write_sales_screenshots(window, folder, language)
    shots += write_quality_screenshots(window, folder, language)
    shots += write_automation_screenshots(window, folder, language)
    shots += write_analytics_screenshots(window, folder, language)
    window.show_page(ADDRESSES)
    return shots


def setup_logging(settings: Settings) -> None:
    """Log to ``data_dir/relata.log`` (and stderr when ``RELATA_DEBUG`` is set)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [
        logging.FileHandler(settings.data_dir / "relata.log", encoding="utf-8")
    ]
    if os.environ.get("RELATA_DEBUG"):
        handlers.append(logging.StreamHandler())
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )
