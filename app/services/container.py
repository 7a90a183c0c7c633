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
from app.sync import outbox

if TYPE_CHECKING:
    from app.services.analytics import AnalyticsServices
    from app.services.automation import AutomationServices
    from app.services.demo import DemoResult
    from app.services.exports import ExportService
    from app.services.imports import ImportService
    from app.services.journal_services import JournalServices
    from app.services.quality import QualityServices
    from app.services.sales import SalesServices
    from app.services.sync import SyncService


@dataclass
class Services:
    """Entry points for views and commands; holds no Qt and no open session.

    Each area's services (and its modules) are built on first use: start-up
    imports only what the first window needs.
    """

    database: Database
    addresses: AddressService
    #: Where journal attachments are stored.
    attachments_dir: Path
    #: Server URL and CA bundle for sync (applied when sync is first used).
    server_url: str = ""
    ca_bundle: str = ""
    #: Largest import file in MB (``None``: the import service's default).
    import_max_mb: int | None = None

    @property
    def db_path(self) -> Path:
        """Where the database file lives."""
        return self.database.path

    @cached_property
    def sync(self) -> SyncService:
        """Sign-in, sync cycles and the conflict inbox (outbox capture on)."""
        from app.services.sync import SyncService

        service = SyncService(self.database)
        service.configure(server_url=self.server_url, ca_bundle=self.ca_bundle)
        return service

    @cached_property
    def journal(self) -> JournalServices:
        """Journal, tasks, service cases, knowledge base and the timeline."""
        from app.services.journal_services import JournalServices

        return JournalServices.build(
            self.database.sessions, attachments_dir=self.attachments_dir
        )

    @cached_property
    def imports(self) -> ImportService:
        """Excel/CSV/XML/vCard import: preview, dry run, commit, undo, templates."""
        from app.services.imports import ImportService

        service = ImportService(self.database.engine)
        if self.import_max_mb is not None:
            service.set_max_file_mb(self.import_max_mb)
        return service

    @cached_property
    def exports(self) -> ExportService:
        """Export of lists to xlsx, csv, xml and vCard."""
        from app.services.exports import ExportService

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
        from app.services.sales import SalesServices

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


def build_services(
    database: Database,
    *,
    data_dir: Path | None = None,
    server_url: str = "",
    ca_bundle: str = "",
    import_max_mb: int | None = None,
) -> Services:
    """Wire every service to ``database``; ``data_dir`` holds attachments
    (default: the database's folder); the rest comes from the settings."""
    folder = data_dir or database.path.parent
    outbox.install(database.sessions)  # every local edit is queued for sync
    services = Services(
        database=database,
        addresses=AddressService(database.sessions),
        attachments_dir=folder / "attachments",
        server_url=server_url,
        ca_bundle=ca_bundle,
        import_max_mb=import_max_mb,
    )
    _ = services.automation  # workflows run on local edits from the start
    return services
