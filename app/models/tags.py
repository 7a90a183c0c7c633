"""Tags on any record."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin

#: Namespace for deterministic link-row ids: two people tagging the same record
#: with the same tag create the same row (research/sync.md 2.2).
LINK_NAMESPACE = uuid.UUID("6f1c7f5e-3c1e-4c55-9a57-2f0d8f3b9a10")


def link_id(entity_id: str, other_id: str) -> str:
    """Deterministic id of a link row between two records."""
    return str(uuid.uuid5(LINK_NAMESPACE, f"{entity_id}/{other_id}"))


class Tag(SyncMixin, Base):
    """A coloured label, optionally below a parent tag."""

    __tablename__ = "tag"

    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str] = mapped_column(String(7), default="#6b7280")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("tag.id"), default=None)


class EntityTag(SyncMixin, Base):
    """A tag on a record; id = :func:`link_id` (entity, tag)."""

    __tablename__ = "entity_tag"
    __table_args__ = (Index("ix_entity_tag_entity", "entity_id", "tag_id"),)

    entity_kind: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(36))
    tag_id: Mapped[str] = mapped_column(ForeignKey("tag.id"), index=True)
