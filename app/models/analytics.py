"""Analytics: NPS survey answers, saved reports, company-wide analytics settings.

Answers (``nps_response``) are synced like every record a user enters: they
belong to a person and follow its owner and team. Saved reports and settings
(gross margin for the customer lifetime value) are synced too, so a sales
manager's report reaches the team.

Covering indexes for the dashboard tiles live here as well, on the tables the
tiles read (named ``ix_analytics_*``): each tile is one aggregate over an index
range instead of reading table rows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.addresses import Address
from app.models.base import Base, SyncMixin
from app.models.pipeline import Lead, Opportunity

#: Namespace of settings ids: two laptops setting the same key make one row.
ANALYTICS_NAMESPACE = uuid.UUID("6a1f3c2e-94b7-4d0a-8e5b-2f7c1d9a3e64")

_LIVE = text("deleted_at IS NULL")


def setting_id(key: str) -> str:
    """Deterministic id of the analytics setting ``key``."""
    return str(uuid.uuid5(ANALYTICS_NAMESPACE, f"setting/{key}"))


class NpsResponse(SyncMixin, Base):
    """One answer to "How likely are you to recommend us?" (0-10)."""

    __tablename__ = "nps_response"
    __table_args__ = (
        Index(
            "ix_nps_response_answered",
            "answered_on",
            "score",
            "person_id",
            sqlite_where=_LIVE,
        ),
        Index("ix_nps_response_person", "person_id", "answered_on"),
    )
    #: Follows the owner and team of the person who answered.
    sync_scope_parents: ClassVar[tuple[str, ...]] = ("person_id",)

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    score: Mapped[int]
    answered_on: Mapped[dt.date]
    comment: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(40), default="")
    campaign_id: Mapped[str | None] = mapped_column(
        ForeignKey("campaign.id"), default=None
    )


class SavedReport(SyncMixin, Base):
    """A report of the report builder: dimensions, measure, filters as JSON."""

    __tablename__ = "saved_report"
    __table_args__ = (Index("ix_saved_report_name", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    description: Mapped[str] = mapped_column(Text, default="")


class AnalyticsSetting(SyncMixin, Base):
    """A company-wide analytics setting (gross margin …); id = :func:`setting_id`."""

    __tablename__ = "analytics_setting"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# The covering indexes end with ``deleted_at``: they are partial (live rows
# only), but SQLite still reads the table row to test that column unless the
# index holds it.

#: Closed business by close day: YTD, win rate, sales cycle and lead sources
#: read (outcome, owner, created, amount, party) from the index alone. It
#: leads with the day, not the outcome: with the same prefix as the
#: pipeline's (outcome, closed_on) index SQLite (no statistics) prefers that
#: narrower one and then reads every row; the queries also compare
#: ``outcome || ''`` so only this one fits.
Index(
    "ix_analytics_opportunity_closed",
    Opportunity.closed_on,
    Opportunity.outcome,
    Opportunity.owner_id,
    Opportunity.pipeline_id,
    Opportunity.currency,
    Opportunity.amount_minor,
    Opportunity.created_at,
    Opportunity.organisation_id,
    Opportunity.person_id,
    Opportunity.source,
    Opportunity.campaign_id,
    Opportunity.lead_id,
    Opportunity.deleted_at,
    sqlite_where=_LIVE,
)
#: Won business per organisation (customer lifetime value) and won leads.
Index(
    "ix_analytics_opportunity_party",
    Opportunity.outcome,
    Opportunity.organisation_id,
    Opportunity.closed_on,
    Opportunity.currency,
    Opportunity.amount_minor,
    Opportunity.owner_id,
    Opportunity.pipeline_id,
    Opportunity.lead_id,
    Opportunity.person_id,
    Opportunity.deleted_at,
    sqlite_where=_LIVE,
)
#: Leads of a period by source and campaign, without reading the leads.
Index(
    "ix_analytics_lead_source",
    Lead.created_at,
    Lead.source,
    Lead.campaign_id,
    Lead.owner_id,
    Lead.organisation_id,
    Lead.person_id,
    Lead.id,
    Lead.deleted_at,
    sqlite_where=_LIVE,
)
#: The report builder: every dimension and measure of an opportunity, so a
#: report over all deals scans this index instead of the wide table rows
#: (stage × source on 200k deals: 650 → 230 ms).
Index(
    "ix_analytics_opportunity_report",
    Opportunity.outcome,
    Opportunity.close_date,
    Opportunity.owner_id,
    Opportunity.stage_id,
    Opportunity.source,
    Opportunity.pipeline_id,
    Opportunity.campaign_id,
    Opportunity.currency,
    Opportunity.amount_minor,
    Opportunity.probability,
    Opportunity.organisation_id,
    Opportunity.person_id,
    Opportunity.deleted_at,
    sqlite_where=_LIVE,
)
#: The canton of a deal's organisation (primary address), read from the
#: index (report by canton: 1.0 → 0.65 s on 200k deals). A deal with a
#: person only looks the person's address up through ``ix_address_person_id``;
#: those are few, and a second index cost 2 s of the 1M-person demo load.
Index(
    "ix_analytics_address_org_region",
    Address.organisation_id,
    Address.is_primary,
    Address.deleted_at,
    Address.region,
)
