"""Server-only tables (research/sync.md 2.2): counter, row index, batches, auth, audit.

They live on their own :class:`MetaData`, so the desktop client's migrations
never see them. The synced tables themselves are the client's
(:data:`app.models.Base.metadata`), created on the server by the client's own
migrations (see :mod:`server.db`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models.base import NAMING, UTCDateTime, utcnow

#: BIGINT that still autoincrements on SQLite (only INTEGER PRIMARY KEY does).
AutoBigInt = BigInteger().with_variant(Integer(), "sqlite")


class ServerBase(DeclarativeBase):
    """Base of the server-only tables."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime}  # noqa: RUF012 - SQLAlchemy API


class SyncCounter(ServerBase):
    """The one server revision counter; its row lock orders every write (sync.md 2.2)."""

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncRow(ServerBase):
    """Latest rev and scope keys of every synced row: what pull pages over."""

    __tablename__ = "sync_row"
    __table_args__ = (Index("ix_sync_row_rev", "rev"),)

    tbl: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    team_id: Mapped[str | None] = mapped_column(String(36), default=None)
    also_user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    #: The device whose push last wrote the row (its answer carried the row,
    #: so that device's pulls skip it); ``None`` for other writes.
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)


class SyncScopeExit(ServerBase):
    """A row left a scope at ``rev``: laptops that saw it under the old keys evict it."""

    __tablename__ = "sync_scope_exit"

    id: Mapped[int] = mapped_column(AutoBigInt, primary_key=True, autoincrement=True)
    rev: Mapped[int] = mapped_column(BigInteger, index=True)
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    old_owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    old_team_id: Mapped[str | None] = mapped_column(String(36), default=None)
    old_also_user_id: Mapped[str | None] = mapped_column(String(36), default=None)


class SyncBatch(ServerBase):
    """A pushed batch and its stored response: replays get the same bytes."""

    __tablename__ = "sync_batch"

    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    response: Mapped[bytes] = mapped_column(LargeBinary)
    rev: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class SyncOp(ServerBase):
    """Every op id ever applied (kept 180 days): duplicates are recognised."""

    __tablename__ = "sync_op"

    op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12))
    rev: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncMeta(ServerBase):
    """Server facts: purge horizon, schema bookkeeping."""

    __tablename__ = "sync_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ServerUser(ServerBase):
    """Credentials and role of a user; ``id`` equals the synced ``user_account.id``.

    Attributes:
        role: ``admin`` (everything), ``read_all`` (sees all, edits own and
            team records) or ``rep`` (sees and edits own and team records).
        scope_epoch: bumped when role or teams change; laptops re-bootstrap.
    """

    __tablename__ = "server_user"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="rep")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    scope_epoch: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Team(ServerBase):
    """A sales team or territory: records with its ``team_id`` are shared by members."""

    __tablename__ = "team"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class TeamMember(ServerBase):
    """Membership of a user in a team; the first (by ``position``) is the home team."""

    __tablename__ = "team_member"

    team_id: Mapped[str] = mapped_column(ForeignKey("team.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("server_user.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Device(ServerBase):
    """A signed-in laptop; only the SHA-256 of its opaque token is stored."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("server_user.id"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_ip: Mapped[str] = mapped_column(String(64), default="")
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class AuditLog(ServerBase):
    """Who did what, when and from where: logins, changes, admin actions (UTC).

    ``detail`` holds changed fields with old and new values, never secrets.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_row", "tbl", "row_id"),)

    id: Mapped[int] = mapped_column(AutoBigInt, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    username: Mapped[str] = mapped_column(String(80), default="")
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)
    ip: Mapped[str] = mapped_column(String(64), default="")
    tbl: Mapped[str] = mapped_column(String(64), default="")
    row_id: Mapped[str] = mapped_column(String(36), default="")
    rev: Mapped[int | None] = mapped_column(BigInteger, default=None)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
