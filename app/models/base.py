"""Declarative base, column types and the sync columns every synced table carries."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, DateTime, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A new record id: a random UUID made where the record is created."""
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    """The current time, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores UTC, always returns timezone-aware UTC datetimes (SQLite forgets zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, _dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, _dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        result: dt.datetime = value.replace(tzinfo=dt.UTC)
        return result


class Base(DeclarativeBase):
    """Base of every ORM class."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime,
        dict[str, int]: JSON,
    }


class SyncMixin:
    """Columns every synced table carries (see research/sync.md 2.2).

    Attributes:
        id: UUID made by the creating device (uuid5 of the natural key for link rows).
        rev: server revision of the row's last change; 0 = never synced.
        field_revs: per field, the server revision that last set it.
        deleted_rev: tombstone; set when deleted, the row stays until purged.
        merged_into: id of the survivor after a duplicate merge.
        owner_id: the user who owns the record (scope key).
        team_id: the owner's team (scope key).
    """

    #: Fields that are derived locally and never synced.
    derived_fields: ClassVar[frozenset[str]] = frozenset()

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    rev: Mapped[int] = mapped_column(BigInteger, default=0)
    field_revs: Mapped[dict[str, int]] = mapped_column(default=dict)
    deleted_rev: Mapped[int | None] = mapped_column(BigInteger, default=None)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    merged_into: Mapped[str | None] = mapped_column(String(36), default=None)
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    team_id: Mapped[str | None] = mapped_column(String(36), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def is_deleted(self) -> bool:
        """Whether the row is a tombstone."""
        return self.deleted_at is not None or self.deleted_rev is not None
