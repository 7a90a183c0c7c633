"""Sync bookkeeping on the laptop: the outbox, sync state and conflicts.

``sync_outbox`` and ``sync_state`` are client-only (research/sync.md 2.2);
``sync_conflict`` is itself a synced table: the server writes a row per
conflicting field, and the user's resolution travels back like any edit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, utcnow


class SyncOutbox(Base):
    """One local change not yet acknowledged by the server.

    Attributes:
        seq: local order; batches go oldest first, so a parent's create
            precedes its children's.
        op_id: idempotency id of this change (a replay is a no-op).
        batch_id: set when the entry was stamped into a batch; a stamped
            entry is never coalesced again, so every retry resends it as is.
        tbl, row_id: the changed row.
        op: ``create``, ``update``, ``delete`` or ``restore``.
        fields: ``{field: {"value": v, "base": rev, "old": v}}`` (wire encoding).
        base_rev: the row's rev the change was made on.
        schema_version: the client schema version that wrote the entry.
    """

    __tablename__ = "sync_outbox"
    __table_args__ = (
        Index("ix_sync_outbox_row", "tbl", "row_id"),
        # stamped entries only: unsent ones are found by seq, and a 100k
        # import's 540,000 new entries need no entry here (migration 0009)
        Index(
            "ix_sync_outbox_batch_id",
            "batch_id",
            sqlite_where=text("batch_id IS NOT NULL"),
            postgresql_where=text("batch_id IS NOT NULL"),
        ),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    batch_id: Mapped[str | None] = mapped_column(String(36), default=None)
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    base_rev: Mapped[int] = mapped_column(BigInteger, default=0)
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncState(Base):
    """Key/value sync state: cursor, device id, scope epoch, bootstrap progress.

    Never holds the sign-in token: that lives in the OS keyring only.
    """

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(SyncMixin, Base):
    """A change the server could not apply as sent, kept until someone resolves it.

    One row per conflicting field (``field`` empty for row-level kinds such as
    ``delete_on_edited``). Values are stored in wire encoding (JSON).

    Attributes:
        tbl, row_id, field: what conflicted.
        kind: ``field``, ``edit_on_deleted``, ``edit_on_merged``,
            ``delete_on_edited``, ``parent_deleted`` or ``rejected``.
        server_value, server_rev: "theirs" and the rev that set it.
        client_value, client_base, client_old: "mine", the rev it was based
            on and the value it replaced ("original").
        record_label: the record's name when the conflict arose (for lists).
        target_id: the surviving record of a duplicate merge.
        reason: why a change was rejected.
        user_id, device_id, op_id: who pushed the change, from where.
        client_edited_at: the pusher's local clock, a label only.
        status: ``open`` or ``resolved``; resolution: ``theirs``, ``mine``,
            ``edited``, ``restored``, ``deleted`` or ``discarded``.
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_status", "status", "created_at"),)

    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[str] = mapped_column(String(30))
    server_value: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    server_rev: Mapped[int] = mapped_column(BigInteger, default=0)
    client_value: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    client_base: Mapped[int] = mapped_column(BigInteger, default=0)
    client_old: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    record_label: Mapped[str] = mapped_column(String(300), default="")
    target_id: Mapped[str | None] = mapped_column(String(36), default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    op_id: Mapped[str] = mapped_column(String(36), default="")
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)
    client_edited_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(10), default="open")
    resolution: Mapped[str] = mapped_column(String(20), default="")
    resolved_by: Mapped[str | None] = mapped_column(String(36), default=None)
    resolved_rev: Mapped[int | None] = mapped_column(BigInteger, default=None)
