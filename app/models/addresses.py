"""Central address management: organisations, persons, addresses, channels."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin

#: List/search columns that SQLite triggers keep in step with the primary
#: address and channels (see app/db/schema_sql.py); derived, never synced.
SUMMARY_FIELDS = frozenset({"email", "phone", "postcode", "city", "org_name"})


class Industry(SyncMixin, Base):
    """A branch of industry (Branche), e.g. NOGA section."""

    __tablename__ = "industry"

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(20), default="")


class Organisation(SyncMixin, Base):
    """A company, association or authority (B2B)."""

    __tablename__ = "organisation"
    __table_args__ = (
        Index(
            "ix_organisation_list_name",
            "name",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_organisation_list_city",
            "city",
            "name",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_organisation_list_postcode",
            "postcode",
            "name",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_organisation_customer_number", "customer_number"),
    )
    derived_fields: ClassVar[frozenset[str]] = SUMMARY_FIELDS

    name: Mapped[str] = mapped_column(String(300))
    legal_form: Mapped[str] = mapped_column(String(40), default="")
    customer_number: Mapped[str] = mapped_column(String(40), default="")
    uid: Mapped[str] = mapped_column(String(20), default="")
    industry_id: Mapped[str | None] = mapped_column(
        ForeignKey("industry.id"), default=None, index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="prospect")
    notes: Mapped[str] = mapped_column(Text, default="")
    # derived summary for lists and search
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")


class Person(SyncMixin, Base):
    """A private customer (B2C) or a contact person of organisations."""

    __tablename__ = "person"
    __table_args__ = (
        Index(
            "ix_person_list_name",
            "last_name",
            "first_name",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_person_list_city",
            "city",
            "last_name",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_person_list_org",
            "org_name",
            "last_name",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_person_list_postcode",
            "postcode",
            "last_name",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_person_email", "email"),
    )
    derived_fields: ClassVar[frozenset[str]] = SUMMARY_FIELDS

    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100))
    salutation: Mapped[str] = mapped_column(String(10), default="")
    title: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(5), default="de")
    birth_date: Mapped[dt.date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(20), default="prospect")
    notes: Mapped[str] = mapped_column(Text, default="")
    # derived summary for lists and search
    org_name: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")


class Employment(SyncMixin, Base):
    """A person's relation to an organisation with a role (Funktion)."""

    __tablename__ = "employment"

    # no owner index: nobody lists a record's parts by owner (migration 0009)
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(
        ForeignKey("organisation.id"), index=True
    )
    role: Mapped[str] = mapped_column(String(100), default="")
    is_primary: Mapped[bool] = mapped_column(default=False)


class Address(SyncMixin, Base):
    """A postal address of an organisation or a person (exactly one of both)."""

    __tablename__ = "address"

    # no owner index: nobody lists a record's parts by owner (migration 0009)
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id"), default=None, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="main")
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    extra: Mapped[str] = mapped_column(String(200), default="")
    po_box: Mapped[str] = mapped_column(String(40), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(60), default="")
    country: Mapped[str] = mapped_column(String(2), default="CH")
    is_primary: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)


class Channel(SyncMixin, Base):
    """A phone number, e-mail address or web site of an organisation or person."""

    __tablename__ = "channel"
    __table_args__ = (Index("ix_channel_kind_value", "kind", "value"),)

    # no owner index: nobody lists a record's parts by owner (migration 0009)
    owner_id: Mapped[str | None] = mapped_column(String(36), default=None)
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id"), default=None, index=True
    )
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(String(254))
    label: Mapped[str] = mapped_column(String(60), default="")
    is_primary: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)
