"""SQLAlchemy ORM tables, shared by the desktop client and the central server.

Importing this package registers every table on :data:`Base.metadata`.
"""

from app.models import analytics as analytics  # NPS, saved reports, settings
from app.models import automation as automation  # workflows, mail, campaigns
from app.models import journal as journal  # journal, tasks, cases tables
from app.models import pipeline as pipeline  # sales pipeline tables
from app.models import quality as quality  # custom fields, segments, merge logs
from app.models.addresses import (
    Address,
    Channel,
    Employment,
    Industry,
    Organisation,
    Person,
)
from app.models.base import Base, SyncMixin, new_id, utcnow
from app.models.exchange import ExternalRef, ImportRun, ImportRunItem, MappingTemplate
from app.models.sync import SyncConflict, SyncOutbox, SyncState
from app.models.tags import EntityTag, Tag
from app.models.users import UserAccount

__all__ = [
    "Address",
    "Base",
    "Channel",
    "Employment",
    "EntityTag",
    "ExternalRef",
    "ImportRun",
    "ImportRunItem",
    "Industry",
    "MappingTemplate",
    "Organisation",
    "Person",
    "SyncConflict",
    "SyncMixin",
    "SyncOutbox",
    "SyncState",
    "Tag",
    "UserAccount",
    "new_id",
    "utcnow",
]
