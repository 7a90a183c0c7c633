"""The services the GUI and CLI use, built once from an open database."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.backup import list_backups
from app.db.database import Database
from app.domain.progress import NullProgress, ProgressSink
from app.services.addresses import AddressService
from app.services.exports import ExportService
from app.services.imports import ImportService
from app.services.journal_services import JournalServices
from app.services.sales import SalesServices
from app.sync import outbox

if TYPE_CHECKING:
    from app.services.analytics import AnalyticsServices
    from app.services.automation import AutomationServices
    from app.services.demo import DemoResult
    from app.services.quality import QualityServices
    from app.services.sync import SyncService


@dataclass
class Services:
    """Entry points for views and commands; holds no Qt and no open session."""

    database: Database
    addresses: AddressService
    journal: JournalServices

    @property
    def db_path(self) -> Path:
        """Where the database file lives."""
        return self.database.path

    @cached_property
    def sync(self) -> SyncService:
        """Sign-in, sync cycles and the conflict inbox (outbox capture on)."""
        from app.services.sync import SyncService

        return SyncService(self.database)

    @cached_property
    def imports(self) -> ImportService:
        """Excel/CSV/XML/vCard import: preview, dry run, commit, undo, templates."""
        return ImportService(self.database.engine)

    @cached_property
    def exports(self) -> ExportService:
        """Export of lists to xlsx, csv, xml and vCard."""
        return ExportService(self.database.engine)

    @cached_property
    def quality(self) -> QualityServices:
        """Custom fields, tags, segments, duplicates and merges, mass updates, report."""
        from app.services.quality import QualityServices

        return QualityServices.build(self.database.sessions)

    @cached_property
    def automation(self) -> AutomationServices:
        """Workflows, e-mail templates, the mail outbox and campaigns."""
        from app.services.automation import AutomationServices

        return AutomationServices.build(self.database.sessions)

    @cached_property
    def sales(self) -> SalesServices:
        """Leads, opportunities, board, forecast, scoring and product catalogue."""
        return SalesServices.build(self.database.sessions)

    @cached_property
    def analytics(self) -> AnalyticsServices:
        """Dashboard, report builder, NPS answers and customer lifetime value."""
        from app.services.analytics import AnalyticsServices

        return AnalyticsServices.build(self.database.sessions, self.sales.pipeline)

    def last_backup(self) -> Path | None:
        """The newest backup file, if any."""
        backups = list_backups(self.database.backup_dir)
        return backups[0].path if backups else None

    def generate_demo(
        self,
        *,
        organisations: int,
        persons: int,
        seed: int = 1,
        progress: ProgressSink | None = None,
    ) -> DemoResult:
        """Fill the database with realistic demo data (one transaction)."""
        from app.services.demo import generate_demo

        return generate_demo(
            self.database.engine,
            organisations=organisations,
            persons=persons,
            seed=seed,
            progress=progress or NullProgress(),
        )


def build_services(database: Database, *, data_dir: Path | None = None) -> Services:
    """Wire every service to ``database``; ``data_dir`` holds attachments
    (default: the database's folder)."""
    folder = data_dir or database.path.parent
    outbox.install(database.sessions)  # every local edit is queued for sync
    services = Services(
        database=database,
        addresses=AddressService(database.sessions),
        journal=JournalServices.build(
            database.sessions, attachments_dir=folder / "attachments"
        ),
    )
    _ = services.automation  # workflows run on local edits from the start
    return services
