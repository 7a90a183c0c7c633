"""Import runs (for undo), saved column mappings and external ids.

Local tables, not synced: an import run and its before-images only make sense
on the machine that ran it (the records it wrote sync as usual). Mapping
templates stay local too, so a half-finished template never reaches a
colleague; they can be shared as the files they map.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, new_id, utcnow


class ImportRun(Base):
    """One committed import: what it was, what it did, whether it was undone."""

    __tablename__ = "import_run"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(String(260))
    sheet: Mapped[str] = mapped_column(String(100), default="")
    key: Mapped[str] = mapped_column(String(30), default="")
    on_duplicate: Mapped[str] = mapped_column(String(10), default="update")
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    #: the ``updated_at`` every written row got; undo skips rows changed since
    stamp: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class ImportRunItem(Base):
    """What a run wrote to one table: created ids (in chunks) or one before-image."""

    __tablename__ = "import_run_item"
    __table_args__ = (Index("ix_import_run_item_run", "run_id", "op"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("import_run.id", ondelete="CASCADE"))
    table_name: Mapped[str] = mapped_column(String(40))
    op: Mapped[str] = mapped_column(String(10))
    record_id: Mapped[str | None] = mapped_column(String(36), default=None)
    #: created ids of ``table_name`` (op ``create``)
    ids: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    #: column → value before the run (op ``update``)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class MappingTemplate(Base):
    """A named, reusable column mapping (heading → field) plus import options."""

    __tablename__ = "mapping_template"
    __table_args__ = (UniqueConstraint("entity", "name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(100))
    columns: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ExternalRef(Base):
    """A record's id in another system (the "External ID" import key)."""

    __tablename__ = "external_ref"

    entity: Mapped[str] = mapped_column(String(30), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
