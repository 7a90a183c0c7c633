"""SQLAlchemy ORM tables, shared by the desktop client and the central server.

Importing this package registers every table on :data:`Base.metadata`.
"""

from app.models.addresses import (
    Address,
    Channel,
    Employment,
    Industry,
    Organisation,
    Person,
)
from app.models.base import Base, SyncMixin, new_id, utcnow
from app.models.tags import EntityTag, Tag
from app.models.users import UserAccount

__all__ = [
    "Address",
    "Base",
    "Channel",
    "Employment",
    "EntityTag",
    "Industry",
    "Organisation",
    "Person",
    "SyncMixin",
    "Tag",
    "UserAccount",
    "new_id",
    "utcnow",
]
