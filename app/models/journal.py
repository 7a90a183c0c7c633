"""Journal entries, tasks, service cases, knowledge base and attachments.

Entries and tasks reach the records they concern through generic link tables
(``journal_link``, ``task_link``: entity kind + id), so tables of other
capabilities (``lead``, ``opportunity``) need no foreign key from here and can
land in either order. Link rows get deterministic uuid5 ids, as tags do: two
laptops linking the same entry to the same person create the same row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import ClassVar

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin

#: Namespace of journal/task link ids (different from tag links on purpose:
#: the same entity pair means something else in each table).
JOURNAL_LINK_NAMESPACE = uuid.UUID("b7d6c1a4-8f0e-4a55-9d1c-6e2f7a3b5c90")


def journal_link_id(owner_id: str, entity_kind: str, entity_id: str) -> str:
    """Deterministic id of the link from entry/task ``owner_id`` to a record.

    Like a uuid5 it depends only on the three values (two laptops linking the
    same entry to the same person make the same row), but it is laid out as a
    UUIDv8 that starts with the entry's first 48 bits: entries made here carry
    UUIDv7 ids, so their links sort by time too and bulk inserts append to the
    primary-key index instead of hitting random pages (2M links: 7 s instead
    of 16 s). The other 74 bits come from SHA-1 of namespace and name.
    """
    digest = hashlib.sha1(
        JOURNAL_LINK_NAMESPACE.bytes + f"{owner_id}/{entity_kind}/{entity_id}".encode()
    ).hexdigest()
    return link_id_from(owner_id, digest)


def link_id_from(owner_id: str, digest: str) -> str:
    """The link id for ``owner_id`` from the hex SHA-1 ``digest`` of its name."""
    variant = "89ab"[int(digest[16], 16) & 3]
    return (
        f"{owner_id[:8]}-{owner_id[9:13]}-8{digest[13:16]}-"
        f"{variant}{digest[17:20]}-{digest[20:32]}"
    )


_LIVE = text("deleted_at IS NULL")


class JournalEntry(SyncMixin, Base):
    """A call, meeting, e-mail, letter, note or visit (Journaleintrag).

    ``body_html`` keeps the rich text as edited (empty for plain entries);
    ``body_text`` is its plain copy, which the ``journal_fts`` index searches.
    """

    __tablename__ = "journal_entry"
    __table_args__ = (
        Index("ix_journal_entry_occurred", "occurred_at", sqlite_where=_LIVE),
    )

    # no owner index: the journal lists by time; filtering 2M entries by owner
    # walks the time index (an index costs 5 s of the 1M-person demo load)
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    kind: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[dt.datetime]
    duration_min: Mapped[int] = mapped_column(default=0)
    direction: Mapped[str] = mapped_column(String(3), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(300), default="")


class JournalLink(SyncMixin, Base):
    """A journal entry's link to a record or participant.

    ``occurred_at`` copies the entry's time (kept by triggers, never synced) so
    a record's timeline is one range of the covering index
    ``(entity_kind, entity_id, occurred_at, entry_id)``.
    """

    __tablename__ = "journal_link"
    __table_args__ = (
        Index(
            "ix_journal_link_entity",
            "entity_kind",
            "entity_id",
            "occurred_at",
            "entry_id",
            sqlite_where=_LIVE,
        ),
    )
    derived_fields: ClassVar[frozenset[str]] = frozenset({"occurred_at"})

    # no owner index: nobody lists links by owner
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    entry_id: Mapped[str] = mapped_column(ForeignKey("journal_entry.id"), index=True)
    entity_kind: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(36))
    occurred_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class Task(SyncMixin, Base):
    """A to-do with due date, reminder, priority and owner (follow-up).

    ``reminded_at`` is when this device showed the reminder; it is local state
    and never synced (each laptop reminds its user once).
    """

    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_status_due", "status", "due_at", sqlite_where=_LIVE),
        Index(
            "ix_task_reminder",
            "reminder_at",
            sqlite_where=text("deleted_at IS NULL AND reminded_at IS NULL"),
        ),
    )
    derived_fields: ClassVar[frozenset[str]] = frozenset({"reminded_at"})

    title: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    all_day: Mapped[bool] = mapped_column(default=False)
    reminder_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    reminded_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    status: Mapped[str] = mapped_column(String(15), default="open")
    completed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    source_entry_id: Mapped[str | None] = mapped_column(String(36), default=None)


class TaskLink(SyncMixin, Base):
    """A task's link to a record."""

    __tablename__ = "task_link"
    __table_args__ = (
        Index("ix_task_link_entity", "entity_kind", "entity_id", sqlite_where=_LIVE),
    )

    # no owner index: nobody lists links by owner
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    task_id: Mapped[str] = mapped_column(ForeignKey("task.id"), index=True)
    entity_kind: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(36))


class KbArticle(SyncMixin, Base):
    """A knowledge-base article (Self Service): an answer to reuse on cases."""

    __tablename__ = "kb_article"

    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(String(500), default="")


class ServiceCase(SyncMixin, Base):
    """A customer request (Customer Service) with status, priority and SLA dates."""

    __tablename__ = "service_case"
    __table_args__ = (
        Index(
            "ix_service_case_status_due", "status", "resolution_due", sqlite_where=_LIVE
        ),
    )

    number: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(15), default="new")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    category: Mapped[str] = mapped_column(String(60), default="question")
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id"), default=None, index=True
    )
    response_due: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolution_due: Mapped[dt.datetime | None] = mapped_column(default=None)
    first_response_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    solved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    article_id: Mapped[str | None] = mapped_column(
        ForeignKey("kb_article.id"), default=None, index=True
    )


class Attachment(SyncMixin, Base):
    """A file attached to a journal entry; the bytes live in the data folder.

    Files are stored once per content under their SHA-256, so attaching the
    same offer to ten entries costs its size once.
    """

    __tablename__ = "attachment"

    # no owner index: nobody lists links by owner
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    entry_id: Mapped[str] = mapped_column(ForeignKey("journal_entry.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
