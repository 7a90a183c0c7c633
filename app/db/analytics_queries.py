"""Select builders of the dashboard tiles, the report builder and the CLTV list.

Every tile is one aggregate statement: rows are grouped in SQL (by stage, month,
owner, source … and currency) on covering indexes, so a tile reads index
ranges, never records into Python. Amounts are converted to CHF with the same
integer arithmetic as the forecast (:func:`app.db.pipeline_queries.to_chf`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    MetaData,
    Select,
    String,
    Table,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy import Float as SaFloat

from app.db.pipeline_queries import COMMIT_PROBABILITY, rate_on, to_chf
from app.domain.analytics import CltvMethod, CltvSettings
from app.models import Address, Employment, Organisation, Person, UserAccount
from app.models.analytics import NpsResponse
from app.models.journal import JournalEntry, JournalLink
from app.models.pipeline import Lead, Opportunity

type AnySelect = Select[*tuple[Any, ...]]
type Cond = ColumnElement[bool]

#: The ids of the segment the dashboard is filtered by, materialised once per
#: computation (a connection-private TEMP table): every tile then reads the
#: ids instead of evaluating the segment's conditions again.
PARTY = Table(
    "dash_party",
    MetaData(),
    Column("id", String(36), primary_key=True),
    prefixes=["TEMPORARY"],
)
CREATE_PARTY = "CREATE TEMP TABLE IF NOT EXISTS dash_party (id VARCHAR(36) PRIMARY KEY)"


def party_ids() -> Select[str]:
    """``SELECT id`` of the materialised segment."""
    return select(PARTY.c.id)


def opportunity_conds(
    *,
    pipeline_id: str | None,
    owner_id: str | None,
    party: tuple[str, Select[Any]] | None,
) -> list[Cond]:
    """Live opportunities of a pipeline, owner and segment.

    ``party`` is (record kind, select of segment record ids): deals of those
    organisations or persons.
    """
    conds: list[Cond] = [Opportunity.deleted_at.is_(None)]
    if pipeline_id:
        conds.append(Opportunity.pipeline_id == pipeline_id)
    if owner_id:
        conds.append(Opportunity.owner_id == owner_id)
    if party is not None:
        kind, ids = party
        col = (
            Opportunity.organisation_id
            if kind == "organisation"
            else Opportunity.person_id
        )
        conds.append(col.in_(ids))
    return conds


def funnel_groups(
    conds: Sequence[Cond], stage_ids: Sequence[str], start: dt.date, end: dt.date
) -> Select[str, str, int, int]:
    """(stage, currency, count, Σ amount) of deals closing in ``start``…``end``.

    Walks ``ix_opportunity_stage_totals`` (stage, close date, owner, currency,
    amount) one stage range at a time.
    """
    return (
        select(
            Opportunity.stage_id,
            Opportunity.currency,
            func.count(),
            func.sum(Opportunity.amount_minor),
        )
        .where(
            *conds,
            Opportunity.stage_id.in_(list(stage_ids)),
            Opportunity.close_date >= start,
            Opportunity.close_date <= end,
        )
        .group_by(Opportunity.stage_id, Opportunity.currency)
    )


def forecast_groups(
    conds: Sequence[Cond], start: dt.date, end: dt.date
) -> Select[str, str, int, int, int, int]:
    """Open and won business by close month in CHF, as the forecast computes it.

    The same categories and rates as
    :func:`app.db.pipeline_queries.forecast_groups` (month's first-day rate),
    with the segment condition the forecast page has no use for.
    """
    daily = (
        select(
            func.substr(Opportunity.close_date, 1, 7).label("month"),
            Opportunity.outcome.label("outcome"),
            Opportunity.currency.label("currency"),
            func.count().label("n"),
            func.sum(Opportunity.amount_minor).label("total"),
            func.sum(Opportunity.amount_minor * Opportunity.probability).label("wsum"),
            func.sum(
                case(
                    (
                        Opportunity.probability >= COMMIT_PROBABILITY,
                        Opportunity.amount_minor,
                    ),
                    else_=0,
                )
            ).label("commit"),
        )
        .where(
            *conds,
            Opportunity.outcome.in_(("open", "won")),
            Opportunity.close_date >= start,
            Opportunity.close_date <= end,
        )
        .group_by("month", Opportunity.outcome, Opportunity.currency)
        .subquery()
    )
    rated = select(
        daily, rate_on(daily.c.currency, daily.c.month + "-01").label("rate")
    ).cte()
    rated = rated.prefix_with("MATERIALIZED")
    return select(
        rated.c.month,
        rated.c.outcome,
        func.sum(rated.c.n),
        func.sum(to_chf(rated.c.total, rated.c.rate)),
        func.sum((to_chf(rated.c.wsum, rated.c.rate) + 50) // 100),
        func.sum(to_chf(rated.c.commit, rated.c.rate)),
    ).group_by(rated.c.month, rated.c.outcome)


def won_by_month(
    conds: Sequence[Cond], ranges: Sequence[tuple[dt.date, dt.date]]
) -> Select[str, int]:
    """(``YYYY-MM``, won CHF) of deals won (by close date) in any of ``ranges``."""
    month = func.substr(Opportunity.close_date, 1, 7)
    in_range = or_(
        *(
            and_(Opportunity.close_date >= a, Opportunity.close_date <= b)
            for a, b in ranges
        )
    )
    grouped = (
        select(
            month.label("month"),
            Opportunity.currency.label("currency"),
            func.sum(Opportunity.amount_minor).label("total"),
        )
        .where(*conds, Opportunity.outcome == "won", in_range)
        .group_by("month", Opportunity.currency)
        .subquery()
    )
    rate = rate_on(grouped.c.currency, grouped.c.month + "-01")
    return select(grouped.c.month, func.sum(to_chf(grouped.c.total, rate))).group_by(
        grouped.c.month
    )


def closed_by_owner(conds: Sequence[Cond], start: dt.date, end: dt.date) -> AnySelect:
    """(owner, outcome, currency, count, Σ amount, Σ days from creation to close).

    ``ix_analytics_opportunity_closed`` holds every column read.
    """
    days = func.julianday(Opportunity.closed_on) - func.julianday(
        func.date(Opportunity.created_at)
    )
    return (
        select(
            Opportunity.owner_id,
            Opportunity.outcome,
            Opportunity.currency,
            func.count(),
            func.sum(Opportunity.amount_minor),
            func.sum(days),
        )
        .where(
            *conds,
            Opportunity.outcome.in_(("won", "lost")),
            Opportunity.closed_on >= start,
            Opportunity.closed_on <= end,
        )
        .group_by(Opportunity.owner_id, Opportunity.outcome, Opportunity.currency)
    )


def won_by_source(conds: Sequence[Cond], start: dt.date, end: dt.date) -> AnySelect:
    """(source, campaign, currency, won count, Σ amount) of deals won in the period."""
    return (
        select(
            Opportunity.source,
            Opportunity.campaign_id,
            Opportunity.currency,
            func.count(),
            func.sum(Opportunity.amount_minor),
        )
        .where(
            *conds,
            Opportunity.outcome == "won",
            Opportunity.closed_on >= start,
            Opportunity.closed_on <= end,
        )
        .group_by(Opportunity.source, Opportunity.campaign_id, Opportunity.currency)
    )


def leads_by_source(
    *,
    owner_id: str | None,
    party: tuple[str, Select[Any]] | None,
    start: dt.datetime,
    end: dt.datetime,
) -> AnySelect:
    """(source, campaign, leads, leads whose deal was won) captured in the period."""
    conds: list[Cond] = [
        Lead.deleted_at.is_(None),
        Lead.created_at >= start,
        Lead.created_at < end,
    ]
    if owner_id:
        conds.append(Lead.owner_id == owner_id)
    if party is not None:
        kind, ids = party
        col = Lead.organisation_id if kind == "organisation" else Lead.person_id
        conds.append(col.in_(ids))
    # evaluated once (an IN list the planner builds a key index for) from
    # ix_analytics_opportunity_party; as a correlated count per lead SQLite
    # walked every won deal for each lead
    won_leads = select(Opportunity.lead_id).where(
        Opportunity.lead_id.is_not(None),
        Opportunity.outcome == "won",
        Opportunity.deleted_at.is_(None),
    )
    return (
        select(
            Lead.source,
            Lead.campaign_id,
            func.count(),
            func.sum(case((Lead.id.in_(won_leads), 1), else_=0)),
        )
        .where(*conds)
        .group_by(Lead.source, Lead.campaign_id)
    )


def activity(
    *,
    owner_id: str | None,
    party: tuple[str, Select[Any]] | None,
    start: dt.datetime,
    end: dt.datetime,
) -> Select[Any]:
    """(owner, Monday of the week, entries) of journal entries in ``start``…``end``.

    A range of ``ix_journal_entry_occurred``; entries lie in the table in the
    order they were logged, so the owner is read from neighbouring pages (a
    covering (time, owner) index was measured: 20 → 16 ms on 17k entries, not
    worth a fifth index on the biggest table).
    """
    conds: list[Cond] = [
        JournalEntry.deleted_at.is_(None),
        JournalEntry.occurred_at >= start,
        JournalEntry.occurred_at < end,
    ]
    if owner_id:
        conds.append(JournalEntry.owner_id == owner_id)
    if party is not None:
        kind, ids = party
        conds.append(
            JournalEntry.id.in_(
                select(JournalLink.entry_id).where(
                    JournalLink.entity_kind == kind,
                    JournalLink.entity_id.in_(ids),
                    JournalLink.occurred_at >= start,
                    JournalLink.occurred_at < end,
                    JournalLink.deleted_at.is_(None),
                )
            )
        )
    week = func.date(JournalEntry.occurred_at, "weekday 0", "-6 days")
    return (
        select(JournalEntry.owner_id, week.label("week"), func.count())
        .where(*conds)
        .group_by(JournalEntry.owner_id, "week")
    )


def user_names() -> Select[str, str]:
    """(id, display name) of every user (owners of tiles and reports)."""
    return select(
        UserAccount.id,
        func.coalesce(func.nullif(UserAccount.display_name, ""), UserAccount.username),
    )


# ---- NPS


def nps_person_conds(
    *,
    owner_id: str | None,
    party: tuple[str, Select[Any]] | None,
    start: dt.date,
    end: dt.date,
) -> list[Cond]:
    """Live answers in the period, of an owner's persons and a segment."""
    conds: list[Cond] = [
        NpsResponse.deleted_at.is_(None),
        NpsResponse.answered_on >= start,
        NpsResponse.answered_on <= end,
    ]
    if owner_id:
        conds.append(NpsResponse.owner_id == owner_id)
    if party is not None:
        kind, ids = party
        if kind == "person":
            conds.append(NpsResponse.person_id.in_(ids))
        else:
            conds.append(
                NpsResponse.person_id.in_(
                    select(Employment.person_id).where(
                        Employment.organisation_id.in_(ids),
                        Employment.deleted_at.is_(None),
                    )
                )
            )
    return conds


def _nps_classes() -> list[ColumnElement[Any]]:
    return [
        func.sum(case((NpsResponse.score >= 9, 1), else_=0)),
        func.sum(case((NpsResponse.score.between(7, 8), 1), else_=0)),
        func.sum(case((NpsResponse.score <= 6, 1), else_=0)),
    ]


def nps_by_month(conds: Sequence[Cond]) -> Select[Any]:
    """(``YYYY-MM``, promoters, passives, detractors)."""
    month = func.substr(NpsResponse.answered_on, 1, 7)
    return (
        select(month.label("month"), *_nps_classes())
        .where(*conds)
        .group_by("month")
        .order_by("month")
    )


def nps_in(conds: Sequence[Cond], person_where: Cond) -> Select[Any]:
    """(promoters, passives, detractors) of the answers of persons matching.

    Driven by the answers: each answering person is looked up and tested
    (``person_where`` is a segment's WHERE clause), so the cost follows the
    answers in the period, not the size of the segment.
    """
    return (
        select(*_nps_classes())
        .select_from(NpsResponse)
        .join(Person, Person.id == NpsResponse.person_id)
        .where(*conds, person_where)
    )


# ---- customer lifetime value


CLTV_SORTS = ("value", "revenue", "yearly", "deals", "first_won", "name")


def cltv_select(
    conds: Sequence[Cond],
    settings: CltvSettings,
    today: dt.date,
    *,
    sort: str = "value",
    descending: bool = True,
) -> tuple[AnySelect, Select[int]]:
    """The CLTV per organisation from its won business, and the count of rows.

    Rows: (organisation id, name, revenue CHF, deals, first won, last won,
    years active, yearly revenue, CLTV), all money in CHF minor units at
    today's rates. The formula is :func:`app.domain.analytics.cltv_value`'s,
    written in SQL so the list can sort and page on it.
    """
    per_currency = (
        select(
            Opportunity.organisation_id.label("org"),
            Opportunity.currency.label("currency"),
            func.count().label("n"),
            func.sum(Opportunity.amount_minor).label("total"),
            func.min(Opportunity.closed_on).label("first"),
            func.max(Opportunity.closed_on).label("last"),
        )
        .where(
            *conds,
            Opportunity.outcome == "won",
            Opportunity.organisation_id.is_not(None),
            Opportunity.closed_on.is_not(None),
        )
        .group_by(Opportunity.organisation_id, Opportunity.currency)
        .subquery()
    )
    day = literal(today.isoformat())
    rated = select(
        per_currency, rate_on(per_currency.c.currency, day).label("rate")
    ).cte("cltv_rated")
    rated = rated.prefix_with("MATERIALIZED")
    revenue = func.sum(to_chf(rated.c.total, rated.c.rate))
    first = func.min(rated.c.first)
    per_org = (
        select(
            rated.c.org.label("org"),
            revenue.label("revenue"),
            func.sum(rated.c.n).label("deals"),
            first.label("first_won"),
            func.max(rated.c.last).label("last_won"),
            func.max(1.0, (func.julianday(day) - func.julianday(first)) / 365.25).label(
                "years"
            ),
        )
        .group_by(rated.c.org)
        .subquery()
    )
    margin = settings.margin_bp / 10_000
    yearly = cast(per_org.c.revenue, SaFloat) / per_org.c.years
    if settings.method is CltvMethod.PROJECTED:
        value = yearly * margin * settings.years
    else:
        remaining = func.max(0.0, settings.years - per_org.c.years)
        value = per_org.c.revenue * margin + yearly * margin * remaining
    cols: dict[str, Any] = {
        "value": func.round(value),
        "revenue": per_org.c.revenue,
        "yearly": func.round(yearly),
        "deals": per_org.c.deals,
        "first_won": per_org.c.first_won,
        "name": Organisation.name,
    }
    key = cols.get(sort, cols["value"])
    order = key.desc() if descending else key.asc()
    stmt = (
        select(
            per_org.c.org,
            func.coalesce(Organisation.name, ""),
            per_org.c.revenue,
            per_org.c.deals,
            per_org.c.first_won,
            per_org.c.last_won,
            per_org.c.years,
            cols["yearly"],
            cols["value"],
        )
        .outerjoin(Organisation, Organisation.id == per_org.c.org)
        .order_by(order, per_org.c.org)
    )
    count = select(func.count()).select_from(per_org)
    return stmt, count


# ---- report builder

#: Dimensions a report can group opportunities by.
DIMENSIONS = (
    "owner",
    "stage",
    "source",
    "industry",
    "canton",
    "month",
    "outcome",
    "pipeline",
    "campaign",
)


def dimension(name: str) -> Any:
    """The SQL expression of a report dimension."""
    match name:
        case "owner":
            return Opportunity.owner_id
        case "stage":
            return Opportunity.stage_id
        case "source":
            return Opportunity.source
        case "month":
            return func.substr(Opportunity.close_date, 1, 7)
        case "outcome":
            return Opportunity.outcome
        case "pipeline":
            return Opportunity.pipeline_id
        case "campaign":
            return Opportunity.campaign_id
        case "industry":
            return (
                select(Organisation.industry_id)
                .where(Organisation.id == Opportunity.organisation_id)
                .correlate(Opportunity)
                .scalar_subquery()
            )
        case "canton":
            org_region = (
                select(Address.region)
                .where(
                    Address.organisation_id == Opportunity.organisation_id,
                    Address.is_primary.is_(True),
                    Address.deleted_at.is_(None),
                )
                .correlate(Opportunity)
                .limit(1)
                .scalar_subquery()
            )
            person_region = (
                select(Address.region)
                .where(
                    Address.person_id == Opportunity.person_id,
                    Address.is_primary.is_(True),
                    Address.deleted_at.is_(None),
                )
                .correlate(Opportunity)
                .limit(1)
                .scalar_subquery()
            )
            return func.coalesce(org_region, person_region)
    raise ValueError(f"unknown dimension {name!r}")


def report_groups(
    conds: Sequence[Cond], dims: Sequence[str]
) -> Select[*tuple[Any, ...]]:
    """(dim values …, currency, count, Σ amount, Σ amount × probability)."""
    exprs = [dimension(d).label(f"d{i}") for i, d in enumerate(dims)]
    return (
        select(
            *exprs,
            Opportunity.currency,
            func.count(),
            func.sum(Opportunity.amount_minor),
            func.sum(Opportunity.amount_minor * Opportunity.probability),
        )
        .where(*conds)
        .group_by(*(f"d{i}" for i in range(len(dims))), Opportunity.currency)
    )


def person_names(ids: Sequence[str]) -> Select[str, str]:
    """(id, "First Last") of persons."""
    return select(
        Person.id, func.trim(Person.first_name + " " + Person.last_name)
    ).where(Person.id.in_(list(ids)))
