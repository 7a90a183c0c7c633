"""Sales pipeline: campaigns, leads, pipelines and stages, opportunities, products.

Indexes are shaped for the screens: the board reads each stage's totals and
its first cards by close date from one covering index
(``ix_opportunity_stage_totals``: stage, close date, owner, currency, amount,
probability); the forecast groups open and won business by close day from
another (``ix_opportunity_forecast``). All are partial on live rows, as the
address lists are. A narrower (stage, close date) index was dropped: SQLite's
planner preferred it for the totals and then read every row from the table.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, utcnow

#: Namespace of seeded and natural-key ids (stages, rates): two laptops that
#: seed or enter the same row create the same id (research/sync.md 2.2).
PIPELINE_NAMESPACE = uuid.UUID("3d0b3f4e-8a63-4f7b-9a0e-5c7d2b1e4f60")

_LIVE = text("deleted_at IS NULL")


def seeded_id(kind: str, key: str) -> str:
    """Deterministic id of a seeded or natural-key row."""
    return str(uuid.uuid5(PIPELINE_NAMESPACE, f"{kind}/{key}"))


#: The default sales pipeline every database starts with.
DEFAULT_PIPELINE_ID = seeded_id("pipeline", "default")
#: (key, English name, probability, outcome) of the default stages, board order.
DEFAULT_STAGES = (
    ("qualification", "Qualification", 10, "open"),
    ("needs_analysis", "Needs analysis", 25, "open"),
    ("offer", "Offer", 50, "open"),
    ("negotiation", "Negotiation", 75, "open"),
    ("won", "Won", 100, "won"),
    ("lost", "Lost", 0, "lost"),
)


def default_stage_id(key: str) -> str:
    """Id of a default stage (``"qualification"`` … ``"lost"``)."""
    return seeded_id("stage", f"default/{key}")


class Campaign(SyncMixin, Base):
    """A marketing campaign (minimal; the campaign capability extends it)."""

    __tablename__ = "campaign"

    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(40), default="")
    start_date: Mapped[dt.date | None] = mapped_column(default=None)
    end_date: Mapped[dt.date | None] = mapped_column(default=None)
    cost_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CHF")


class SalesPipeline(SyncMixin, Base):
    """A sales process (several are possible, e.g. new business and renewals)."""

    __tablename__ = "pipeline"

    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    is_default: Mapped[bool] = mapped_column(default=False)


class PipelineStage(SyncMixin, Base):
    """A stage (board column) with its default probability and outcome."""

    __tablename__ = "pipeline_stage"
    __table_args__ = (Index("ix_pipeline_stage_order", "pipeline_id", "position"),)

    pipeline_id: Mapped[str] = mapped_column(ForeignKey("pipeline.id"))
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    probability: Mapped[int] = mapped_column(default=0)
    outcome: Mapped[str] = mapped_column(String(10), default="open")


class Product(SyncMixin, Base):
    """A catalogue entry with a list price."""

    __tablename__ = "product"

    code: Mapped[str] = mapped_column(String(40), default="")
    name: Mapped[str] = mapped_column(String(200))
    list_price_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CHF")
    active: Mapped[bool] = mapped_column(default=True)


class ExchangeRateRow(SyncMixin, Base):
    """CHF per unit of a currency from a date on; id = seeded_id(rate, CUR/date)."""

    __tablename__ = "exchange_rate"
    __table_args__ = (
        Index("ix_exchange_rate_lookup", "currency", "valid_from", "rate_micro"),
    )

    currency: Mapped[str] = mapped_column(String(3))
    valid_from: Mapped[dt.date]
    rate_micro: Mapped[int] = mapped_column(BigInteger)


class Lead(SyncMixin, Base):
    """A lead as captured, with source, qualification and conversion links.

    ``score`` is derived locally by the scoring model and never synced.
    """

    __tablename__ = "lead"
    __table_args__ = (
        Index("ix_lead_list_created", "created_at", "id", sqlite_where=_LIVE),
        Index("ix_lead_list_name", "last_name", "first_name", "id", sqlite_where=_LIVE),
        Index("ix_lead_list_company", "company", "id", sqlite_where=_LIVE),
        Index("ix_lead_status", "status"),
        Index("ix_lead_email", "email"),
    )
    derived_fields: ClassVar[frozenset[str]] = frozenset({"score"})

    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    job_title: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(60), default="")
    country: Mapped[str] = mapped_column(String(2), default="CH")
    industry_id: Mapped[str | None] = mapped_column(
        ForeignKey("industry.id"), default=None
    )
    source: Mapped[str] = mapped_column(String(20), default="other")
    campaign_id: Mapped[str | None] = mapped_column(
        ForeignKey("campaign.id"), default=None, index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="unqualified")
    disqualify_reason: Mapped[str] = mapped_column(String(200), default="")
    score: Mapped[int | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    # indexed: deleting a person or organisation (an import's undo deletes
    # thousands) checks this foreign key, which scanned every lead (0009)
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id"), default=None, index=True
    )
    converted_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class Opportunity(SyncMixin, Base):
    """A sales opportunity (Verkaufschance) in a pipeline stage.

    ``outcome`` mirrors the stage's outcome so forecasts need no join;
    ``stage_entered_at`` gives the card's age in stage.
    """

    __tablename__ = "opportunity"
    __table_args__ = (
        Index(
            "ix_opportunity_stage_totals",
            "stage_id",
            "close_date",
            "owner_id",
            "currency",
            "amount_minor",
            "probability",
            sqlite_where=_LIVE,
        ),
        Index(
            "ix_opportunity_forecast",
            "outcome",
            "close_date",
            "currency",
            "amount_minor",
            "probability",
            "pipeline_id",
            "owner_id",
            sqlite_where=_LIVE,
        ),
        Index("ix_opportunity_list_title", "title", "id", sqlite_where=_LIVE),
        Index("ix_opportunity_list_amount", "amount_minor", "id", sqlite_where=_LIVE),
        Index("ix_opportunity_list_updated", "updated_at", "id", sqlite_where=_LIVE),
        Index("ix_opportunity_closed", "outcome", "closed_on"),
    )

    title: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id"), default=None, index=True
    )
    pipeline_id: Mapped[str] = mapped_column(ForeignKey("pipeline.id"))
    stage_id: Mapped[str] = mapped_column(ForeignKey("pipeline_stage.id"))
    outcome: Mapped[str] = mapped_column(String(10), default="open")
    amount_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CHF")
    amount_from_lines: Mapped[bool] = mapped_column(default=False)
    probability: Mapped[int] = mapped_column(default=0)
    close_date: Mapped[dt.date | None] = mapped_column(default=None)
    next_step: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(20), default="other")
    campaign_id: Mapped[str | None] = mapped_column(
        ForeignKey("campaign.id"), default=None
    )
    lead_id: Mapped[str | None] = mapped_column(
        ForeignKey("lead.id"), default=None, index=True
    )
    lost_reason: Mapped[str] = mapped_column(String(200), default="")
    competitor: Mapped[str] = mapped_column(String(200), default="")
    closed_on: Mapped[dt.date | None] = mapped_column(default=None)
    stage_entered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    notes: Mapped[str] = mapped_column(Text, default="")


class OpportunityLine(SyncMixin, Base):
    """A product of interest: quantity × unit price less a discount (basis points)."""

    __tablename__ = "opportunity_line"

    opportunity_id: Mapped[str] = mapped_column(
        ForeignKey("opportunity.id"), index=True
    )
    product_id: Mapped[str | None] = mapped_column(
        ForeignKey("product.id"), default=None, index=True
    )
    description: Mapped[str] = mapped_column(String(300), default="")
    quantity: Mapped[int] = mapped_column(default=1)
    unit_price_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    discount_bp: Mapped[int] = mapped_column(default=0)
    position: Mapped[int] = mapped_column(default=0)


class OpportunityHistory(SyncMixin, Base):
    """A change of stage, amount, probability or close date (shown on the record)."""

    __tablename__ = "opportunity_history"
    __table_args__ = (
        Index("ix_opportunity_history_opp", "opportunity_id", "changed_at"),
    )

    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunity.id"))
    field: Mapped[str] = mapped_column(String(20))
    old: Mapped[str] = mapped_column(String(100), default="")
    new: Mapped[str] = mapped_column(String(100), default="")
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[str | None] = mapped_column(String(36), default=None)


class ScoringModel(Base):
    """A trained scoring model (local, derived from synced history; not synced).

    One row per kind (``opportunity``, ``lead``); retraining replaces it.
    """

    __tablename__ = "scoring_model"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    trained_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    samples: Mapped[int] = mapped_column(default=0)
    won: Mapped[int] = mapped_column(default=0)
    closed_seen: Mapped[int] = mapped_column(default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
