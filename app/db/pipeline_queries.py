"""Select builders of the pipeline screens: board columns, totals, list, forecast.

Totals are converted to CHF in SQL: rows are first grouped by stage (or month)
*and currency* on a covering index, then each group is multiplied by the
exchange rate valid on the given day (a correlated lookup per group, not per
row). :func:`to_chf` multiplies without overflowing SQLite's 64-bit integers,
which would silently turn the sum into a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import Subquery
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.selectable import CTE

from app.db.address_queries import SEARCH_CAP, Sort, fts_query, page_window
from app.domain.pipeline import CURRENCIES, RATE_SCALE, BoardFilter, LeadFilter
from app.models import Organisation, UserAccount
from app.models.pipeline import ExchangeRateRow, Lead, Opportunity, PipelineStage

type AnySelect = Select[*tuple[Any, ...]]

#: Probability from which an open opportunity counts as "commit".
COMMIT_PROBABILITY = 75


class OpportunitySort(StrEnum):
    """Orders the opportunity list offers (each backed by an index)."""

    CLOSE_DATE = "close_date"
    AMOUNT = "amount"
    TITLE = "title"
    UPDATED = "updated"


class LeadSort(StrEnum):
    """Orders the lead list offers."""

    CREATED = "created"
    NAME = "name"
    COMPANY = "company"


def rate_on(
    currency: ColumnElement[str], day: ColumnElement[str]
) -> ColumnElement[int]:
    """CHF micro-units per unit of ``currency`` valid on ``day`` (1.0 if unknown)."""
    found = (
        select(ExchangeRateRow.rate_micro)
        .where(
            ExchangeRateRow.currency == currency,
            ExchangeRateRow.valid_from <= day,
            ExchangeRateRow.deleted_at.is_(None),
        )
        .order_by(ExchangeRateRow.valid_from.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(found, RATE_SCALE)


def to_chf(amount: ColumnElement[int], rate: ColumnElement[int]) -> ColumnElement[int]:
    """``amount × rate / 10⁶`` in integers, split so no product exceeds 64 bits."""
    scale = literal(RATE_SCALE)
    half = literal(RATE_SCALE // 2)
    return (amount // scale) * rate + ((amount % scale) * rate + half) // scale


def _rated(grouped: Subquery, day: ColumnElement[str]) -> CTE:
    """``grouped`` plus a ``rate`` column: its currency's rate on ``day``.

    A materialised CTE: as a plain subquery SQLite flattens it and looks the
    rate up again for every use of the column.
    """
    rated = select(grouped, rate_on(grouped.c.currency, day).label("rate"))
    return rated.cte().prefix_with("MATERIALIZED")


def _filter_conds(
    flt: BoardFilter, *, by_stage: bool = False
) -> list[ColumnElement[bool]]:
    """Conditions of ``flt``; ``by_stage``: for queries that must walk a stage index.

    There the owner is matched through ``coalesce`` so SQLite cannot pick
    the owner index (a quarter of the table, read and sorted) over the
    stage index that already holds the owner.
    """
    conds: list[ColumnElement[bool]] = [Opportunity.deleted_at.is_(None)]
    if flt.pipeline_id:
        conds.append(Opportunity.pipeline_id == flt.pipeline_id)
    if flt.owner_id:
        owner = (
            func.coalesce(Opportunity.owner_id, "")
            if by_stage
            else Opportunity.owner_id
        )
        conds.append(owner == flt.owner_id)
    if flt.close_from:
        conds.append(Opportunity.close_date >= flt.close_from)
    if flt.close_to:
        conds.append(Opportunity.close_date <= flt.close_to)
    if flt.stage_id:
        conds.append(Opportunity.stage_id == flt.stage_id)
    if flt.outcome:
        conds.append(Opportunity.outcome == str(flt.outcome))
    if flt.organisation_id:
        conds.append(Opportunity.organisation_id == flt.organisation_id)
    query = fts_query(flt.search)
    if query is not None:
        pattern = f"%{flt.search.strip()}%"
        fts = table("organisation_fts", column("rowid"))
        matches = (
            select(fts.c.rowid)
            .where(literal_column("organisation_fts").bool_op("MATCH")(query))
            .limit(SEARCH_CAP)
        )
        orgs = select(Organisation.id).where(
            literal_column("organisation.rowid").in_(matches)
        )
        conds.append(
            or_(Opportunity.title.like(pattern), Opportunity.organisation_id.in_(orgs))
        )
    return conds


def stage_totals(flt: BoardFilter, stage_ids: Sequence[str]) -> AnySelect:
    """Per stage: count, then Σ amount and Σ amount × probability per currency.

    One pass over the covering index in stage order: the sums are split by
    currency with ``CASE`` (the currencies are a fixed set) instead of
    grouping by currency, which would sort every row. The service converts
    them to CHF with :func:`chf` at the rates of :func:`rates_on` — the same
    integer arithmetic as :func:`to_chf` in the forecast.
    """
    conds = _filter_conds(flt, by_stage=True)
    conds.append(Opportunity.stage_id.in_(list(stage_ids)))
    cols: list[ColumnElement[Any]] = [
        Opportunity.stage_id.label("stage_id"),
        func.count().label("n"),
    ]
    for cur in CURRENCIES:
        mine = Opportunity.currency == cur
        cols.append(
            func.sum(case((mine, Opportunity.amount_minor), else_=0)).label(f"t_{cur}")
        )
        weighted = Opportunity.amount_minor * Opportunity.probability
        cols.append(func.sum(case((mine, weighted), else_=0)).label(f"w_{cur}"))
    per_stage = select(*cols).where(*conds).group_by(Opportunity.stage_id).subquery()
    return select(per_stage)


def rates_on(today: dt.date) -> Select[str, int]:
    """(currency, micro-CHF) valid on ``today`` for every known currency."""
    day = literal(today.isoformat())
    parts = [
        select(literal(cur).label("currency"), rate_on(literal(cur), day).label("rate"))
        for cur in CURRENCIES
    ]
    return select(union_all(*parts).subquery())


def chf(amount: int, rate: int) -> int:
    """:func:`to_chf` in Python, the same integer arithmetic."""
    return (amount // RATE_SCALE) * rate + (
        (amount % RATE_SCALE) * rate + RATE_SCALE // 2
    ) // RATE_SCALE


CARD_COLUMNS = (
    Opportunity.id,
    Opportunity.title,
    func.coalesce(Organisation.name, ""),
    Opportunity.amount_minor,
    Opportunity.currency,
    Opportunity.close_date,
    func.coalesce(UserAccount.display_name, UserAccount.username, ""),
    Opportunity.stage_entered_at,
    Opportunity.probability,
)


def stage_cards(flt: BoardFilter, stage_id: str, limit: int) -> AnySelect:
    """The first ``limit`` cards of a stage, soonest close date first."""
    conds = _filter_conds(flt, by_stage=True)
    conds.append(Opportunity.stage_id == stage_id)
    return (
        select(*CARD_COLUMNS)
        .outerjoin(Organisation, Organisation.id == Opportunity.organisation_id)
        .outerjoin(UserAccount, UserAccount.id == Opportunity.owner_id)
        .where(*conds)
        .order_by(Opportunity.close_date, Opportunity.id)
        .limit(limit)
    )


def _opportunity_order(sort: Sort) -> list[UnaryExpression[Any]]:
    cols: dict[str, list[InstrumentedAttribute[Any]]] = {
        OpportunitySort.CLOSE_DATE: [Opportunity.close_date, Opportunity.id],
        OpportunitySort.AMOUNT: [Opportunity.amount_minor, Opportunity.id],
        OpportunitySort.TITLE: [Opportunity.title, Opportunity.id],
        OpportunitySort.UPDATED: [Opportunity.updated_at, Opportunity.id],
    }
    chosen = cols.get(sort.key, cols[OpportunitySort.CLOSE_DATE])
    return [c.desc() if sort.descending else c.asc() for c in chosen]


def opportunity_count(flt: BoardFilter) -> Select[int]:
    """``SELECT count(*)`` of the opportunity list."""
    return select(func.count()).select_from(Opportunity).where(*_filter_conds(flt))


def opportunity_page(
    flt: BoardFilter, sort: Sort, *, offset: int, limit: int, total: int
) -> tuple[AnySelect, bool]:
    """One page of the opportunity list and whether its rows come reversed."""
    off, lim, rev = page_window(offset, limit, total)
    ids = (
        select(Opportunity.id)
        .where(*_filter_conds(flt))
        .order_by(*_opportunity_order(Sort(sort.key, sort.descending != rev)))
        .offset(off)
        .limit(lim)
        .subquery()
    )
    stmt = (
        select(
            Opportunity.id,
            Opportunity.title,
            func.coalesce(Organisation.name, ""),
            func.coalesce(PipelineStage.name, ""),
            Opportunity.outcome,
            Opportunity.amount_minor,
            Opportunity.currency,
            Opportunity.probability,
            Opportunity.close_date,
            func.coalesce(UserAccount.display_name, UserAccount.username, ""),
            Opportunity.next_step,
            PipelineStage.id,
        )
        .join(ids, ids.c.id == Opportunity.id)
        .outerjoin(Organisation, Organisation.id == Opportunity.organisation_id)
        .outerjoin(UserAccount, UserAccount.id == Opportunity.owner_id)
        .outerjoin(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .order_by(*_opportunity_order(Sort(sort.key, sort.descending != rev)))
    )
    return stmt, rev


def forecast_groups(
    flt: BoardFilter, start: dt.date, end: dt.date
) -> Select[str, str, int, int, int, int]:
    """Open and won business by close month, converted to CHF in SQL.

    Returns (month ``YYYY-MM``, outcome, count, total, weighted, commit) with
    money in CHF minor units at the rate valid on each month's first day.
    """
    conds = _filter_conds(
        BoardFilter(pipeline_id=flt.pipeline_id, owner_id=flt.owner_id)
    )
    return forecast_by_month(Opportunity, conds, start, end)


def forecast_by_month(
    deal: Any,
    conds: Sequence[ColumnElement[bool]],
    start: dt.date,
    end: dt.date,
) -> Select[str, str, int, int, int, int]:
    """:func:`forecast_groups` of the deals of ``deal`` (the model or an alias
    pinned to an index) matching ``conds``.

    Grouped by (outcome, close day, currency) first — the order of the
    covering indexes, so the deals stream through without a sort — then by
    month; each month's sums are converted at its first day's rate.
    """
    daily = (
        select(
            deal.close_date.label("day"),
            deal.outcome.label("outcome"),
            deal.currency.label("currency"),
            func.count().label("n"),
            func.sum(deal.amount_minor).label("total"),
            func.sum(deal.amount_minor * deal.probability).label("wsum"),
            func.sum(
                case(
                    (deal.probability >= COMMIT_PROBABILITY, deal.amount_minor),
                    else_=0,
                )
            ).label("commit"),
        )
        .where(
            *conds,
            deal.outcome.in_(("open", "won")),
            deal.close_date >= start,
            deal.close_date <= end,
        )
        .group_by(deal.outcome, deal.close_date, deal.currency)
        .subquery()
    )
    month = func.substr(daily.c.day, 1, 7)
    grouped = (
        select(
            month.label("month"),
            daily.c.outcome,
            daily.c.currency,
            func.sum(daily.c.n).label("n"),
            func.sum(daily.c.total).label("total"),
            func.sum(daily.c.wsum).label("wsum"),
            func.sum(daily.c.commit).label("commit"),
        )
        .group_by(month, daily.c.outcome, daily.c.currency)
        .subquery()
    )
    g = _rated(grouped, grouped.c.month + "-01")
    return select(
        g.c.month,
        g.c.outcome,
        func.sum(g.c.n),
        func.sum(to_chf(g.c.total, g.c.rate)),
        func.sum((to_chf(g.c.wsum, g.c.rate) + 50) // 100),
        func.sum(to_chf(g.c.commit, g.c.rate)),
    ).group_by(g.c.month, g.c.outcome)


def overdue(flt: BoardFilter, today: dt.date) -> Select[int, int]:
    """Open opportunities whose close date has passed: count and weighted CHF."""
    conds = _filter_conds(
        BoardFilter(pipeline_id=flt.pipeline_id, owner_id=flt.owner_id)
    )
    conds += [Opportunity.outcome == "open", Opportunity.close_date < today]
    grouped = (
        select(
            Opportunity.currency.label("currency"),
            func.count().label("n"),
            func.sum(Opportunity.amount_minor * Opportunity.probability).label("wsum"),
        )
        .where(*conds)
        .group_by(Opportunity.currency)
        .subquery()
    )
    g = _rated(grouped, literal(today.isoformat()))
    return select(
        func.coalesce(func.sum(g.c.n), 0),
        func.coalesce(func.sum((to_chf(g.c.wsum, g.c.rate) + 50) // 100), 0),
    )


def won_between(flt: BoardFilter, start: dt.date, end: dt.date) -> Select[int]:
    """Won business closed between ``start`` and ``end``, in CHF minor units."""
    conds = _filter_conds(
        BoardFilter(pipeline_id=flt.pipeline_id, owner_id=flt.owner_id)
    )
    conds += [
        Opportunity.outcome == "won",
        Opportunity.close_date >= start,
        Opportunity.close_date <= end,
    ]
    grouped = (
        select(
            Opportunity.currency.label("currency"),
            func.substr(Opportunity.close_date, 1, 7).label("month"),
            func.sum(Opportunity.amount_minor).label("total"),
        )
        .where(*conds)
        .group_by(Opportunity.currency, literal_column("month"))
        .subquery()
    )
    g = _rated(grouped, grouped.c.month + "-01")
    return select(func.coalesce(func.sum(to_chf(g.c.total, g.c.rate)), 0))


# ---- leads


def _lead_conds(flt: LeadFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Lead.deleted_at.is_(None)]
    if flt.status:
        conds.append(Lead.status.in_(sorted(flt.status)))
    if flt.source:
        conds.append(Lead.source == str(flt.source))
    if flt.owner_id:
        conds.append(Lead.owner_id == flt.owner_id)
    text = flt.search.strip()
    if text:
        words = [w for w in text.split() if w]
        for word in words:
            pattern = f"%{word}%"
            conds.append(
                or_(
                    Lead.last_name.like(pattern),
                    Lead.first_name.like(pattern),
                    Lead.company.like(pattern),
                    Lead.email.like(pattern),
                    Lead.city.like(pattern),
                )
            )
    return conds


def _lead_order(sort: Sort) -> list[UnaryExpression[Any]]:
    cols: dict[str, list[InstrumentedAttribute[Any]]] = {
        LeadSort.CREATED: [Lead.created_at, Lead.id],
        LeadSort.NAME: [Lead.last_name, Lead.first_name, Lead.id],
        LeadSort.COMPANY: [Lead.company, Lead.id],
    }
    chosen = cols.get(sort.key, cols[LeadSort.CREATED])
    return [c.desc() if sort.descending else c.asc() for c in chosen]


def lead_count(flt: LeadFilter) -> Select[int]:
    """``SELECT count(*)`` of the lead list."""
    return select(func.count()).select_from(Lead).where(*_lead_conds(flt))


def lead_page(
    flt: LeadFilter, sort: Sort, *, offset: int, limit: int, total: int
) -> tuple[AnySelect, bool]:
    """One page of the lead list and whether its rows come reversed."""
    off, lim, rev = page_window(offset, limit, total)
    stmt = (
        select(
            Lead.id,
            Lead.first_name,
            Lead.last_name,
            Lead.company,
            Lead.email,
            Lead.city,
            Lead.source,
            Lead.status,
            Lead.score,
            func.coalesce(UserAccount.display_name, UserAccount.username, ""),
            Lead.created_at,
        )
        .outerjoin(UserAccount, UserAccount.id == Lead.owner_id)
        .where(*_lead_conds(flt))
        .order_by(*_lead_order(Sort(sort.key, sort.descending != rev)))
        .offset(off)
        .limit(lim)
    )
    return stmt, rev


def closed_count() -> Select[int]:
    """How many live opportunities are closed (won or lost)."""
    return select(func.count()).where(
        Opportunity.outcome.in_(("won", "lost")), Opportunity.deleted_at.is_(None)
    )
