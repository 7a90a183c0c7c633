"""Select builders of the dashboard tiles, the report builder and the CLTV list.

Every tile is one aggregate statement: rows are grouped in SQL (by stage, month,
owner, source … and currency) on covering indexes, so a tile reads index
ranges, never records into Python. Amounts are converted to CHF with the same
integer arithmetic as the forecast (:func:`app.db.pipeline_queries.to_chf`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise
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
    exists,
    func,
    inspect,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.selectable import Alias
from sqlalchemy.sql.util import ClauseAdapter

from app.db.pipeline_queries import (
    forecast_by_month,
    rate_on,
    to_chf,
)
from app.domain.pipeline import CURRENCIES
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


INDEXED_BY = "indexed_by__"
#: Indexes queries name with INDEXED BY.
HINTED = (
    "ix_opportunity_forecast",
    "ix_analytics_lead_source",
    "ix_analytics_opportunity_closed",
    "ix_analytics_opportunity_party",
    "ix_analytics_opportunity_report",
    "ix_organisation_segment",
)


@compiles(Alias, "sqlite")
def _alias_indexed_by(element: Alias, compiler: Any, **kw: Any) -> str:
    """``table AS indexed_by__ix INDEXED BY ix`` for aliases made by :func:`indexed`.

    SQLite plans without statistics here and prefers a narrow index with the
    same leading column over a covering one, then reads every row from the
    table; ``INDEXED BY`` names the index a tile was built for.
    """
    text: str = compiler.visit_alias(element, **kw)
    name = element.name
    if kw.get("asfrom") and str(name).startswith(INDEXED_BY):
        return f"{text} INDEXED BY {name[len(INDEXED_BY) :]}"
    return text


def indexed[M](model: type[M], index: str, available: bool = True) -> type[M]:
    """``model`` read through ``index`` (an alias rendered with INDEXED BY).

    ``available=False`` (a database from before the index, e.g. a copy at an
    early development revision): the plain table, so the query still runs.
    """
    return aliased(model, name=INDEXED_BY + index) if available else model


def hinted_indexes() -> Select[str]:
    """Which of the indexes named with ``INDEXED BY`` the database has."""
    return (
        select(literal_column("name"))
        .select_from(table("sqlite_master"))
        .where(
            literal_column("type") == "index",
            literal_column("name").in_(list(HINTED)),
        )
    )


def outcome_unindexed() -> ColumnElement[str]:
    """``outcome || ''``: the outcome, compared without an index.

    The closed-business tiles read ``ix_analytics_opportunity_closed``
    (closed day first, every column they need); with a plain ``outcome``
    condition SQLite picks the pipeline's narrower (outcome, closed_on) index
    instead and reads each row from the table (YTD 78 → 20 ms on 200k deals).
    """
    return Opportunity.outcome + ""


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
        # ``owner_id || ''``: matched inside the covering indexes. On the bare
        # column SQLite walks the owner index and reads each of the owner's
        # deals from the table (funnel, YTD, owners: 3x slower on 200k deals).
        conds.append(Opportunity.owner_id + "" == owner_id)
    if party is not None:
        kind, ids = party
        col = (
            Opportunity.organisation_id
            if kind == "organisation"
            else Opportunity.person_id
        )
        # tested inside the covering index being walked; on the bare column
        # SQLite probes the party index once per segment record and reads
        # each deal (100k organisations: seconds)
        conds.append((col + "").in_(ids))
    return conds


def per_currency(amount: Any) -> list[ColumnElement[Any]]:
    """``Σ amount`` of each of :data:`CURRENCIES`, as columns (``CASE``, a fixed set).

    Grouping by the currency as well needs a sort of every row read; summing
    it out in columns lets a group follow the index order instead (funnel
    25 → 10 ms on 57k deals).
    """
    return [
        func.sum(case((amount.currency == cur, amount.amount_minor), else_=0))
        for cur in CURRENCIES
    ]


def funnel_groups(
    conds: Sequence[Cond],
    stage_ids: Sequence[str],
    start: dt.date,
    end: dt.date,
    *,
    by_party: bool = False,
    hints: bool = True,
) -> AnySelect:
    """(stage, count, Σ amount per currency …) of deals closing in ``start``…``end``.

    Walks ``ix_opportunity_stage_totals`` (stage, close date, owner, currency,
    amount) one stage range at a time, grouped in its order (no sort). The
    stage ids imply the pipeline: ``conds`` should leave it out, as that
    index does not hold it (a pipeline condition read every deal's row:
    100 ms). ``by_party`` (a segment filter): the report index instead, which
    holds the organisation and person too, so the segment test needs no
    table row.
    """
    deal: Any = Opportunity
    if by_party:
        deal = indexed(Opportunity, "ix_analytics_opportunity_report", hints)
        if deal is not Opportunity:
            adapter = ClauseAdapter(inspect(deal).selectable)
            conds = [adapter.traverse(c) for c in conds]
        # every outcome named: three close-date ranges of that index, not a scan
        conds = [*conds, deal.outcome.in_(("open", "won", "lost"))]
    return (
        select(deal.stage_id, func.count(), *per_currency(deal))
        .where(
            *conds,
            deal.stage_id.in_(list(stage_ids)),
            deal.close_date >= start,
            deal.close_date <= end,
        )
        .group_by(deal.stage_id)
    )


def forecast_groups(
    conds: Sequence[Cond],
    start: dt.date,
    end: dt.date,
    *,
    by_party: bool = False,
    hints: bool = True,
) -> Select[str, str, int, int, int, int]:
    """Open and won business by close month in CHF, as the forecast computes it.

    The forecast page's statement (:func:`app.db.pipeline_queries.forecast_by_month`)
    with the segment condition the forecast page has no use for, on a deal alias
    pinned to ``ix_opportunity_forecast``, so the deals stream through in the
    index's order without a sort (60 → 20 ms on 82k deals). ``by_party``: the
    report index, which holds the organisation and person of the segment test.
    """
    index = "ix_analytics_opportunity_report" if by_party else "ix_opportunity_forecast"
    deal: Any = indexed(Opportunity, index, hints)
    if deal is not Opportunity:
        adapter = ClauseAdapter(inspect(deal).selectable)
        conds = [adapter.traverse(c) for c in conds]
    return forecast_by_month(deal, conds, start, end)


def won_by_month(
    conds: Sequence[Cond], ranges: Sequence[tuple[dt.date, dt.date]]
) -> Select[str, int]:
    """(``YYYY-MM``, won CHF) of deals won in any of ``ranges`` (by the day won).

    One index range from the first start to the last end; the gaps between
    the ranges are filtered out of it (an OR of ranges made SQLite scan the
    whole table). Converted at each month's first-day rate, as the forecast.
    Grouped by day first, per currency in columns, so the deals stream through
    ``ix_analytics_opportunity_closed`` without a sort.
    """
    spans = sorted(ranges)
    gaps = [
        ~and_(Opportunity.closed_on > a_end, Opportunity.closed_on < b_start)
        for (_a, a_end), (b_start, _b) in pairwise(spans)
    ]
    # by day first, in the index's order (no sort), then by month
    daily = (
        select(
            Opportunity.closed_on.label("day"),
            *(c.label(f"t{i}") for i, c in enumerate(per_currency(Opportunity))),
        )
        .where(
            *conds,
            outcome_unindexed() == "won",
            Opportunity.closed_on >= spans[0][0],
            Opportunity.closed_on <= max(b for _a, b in spans),
            *gaps,
        )
        .group_by(Opportunity.closed_on)
        .subquery()
    )
    monthly = (
        select(
            func.substr(daily.c.day, 1, 7).label("month"),
            *(
                func.sum(daily.c[f"t{i}"]).label(f"t{i}")
                for i in range(len(CURRENCIES))
            ),
        )
        .group_by("month")
        .subquery()
    )
    first_day = monthly.c.month + "-01"
    chf = sum(
        (
            to_chf(monthly.c[f"t{i}"], rate_on(literal(cur), first_day))
            for i, cur in enumerate(CURRENCIES)
        ),
        start=literal(0),
    )
    return select(monthly.c.month, chf)


def closed_by_owner(conds: Sequence[Cond], start: dt.date, end: dt.date) -> AnySelect:
    """(owner, outcome, count, Σ amount per currency …, Σ days from creation to won).

    ``ix_analytics_opportunity_closed`` holds every column read. Grouped by
    its leading (closed day, outcome, owner) first, so the deals stream
    through without a sort, and the close day's Julian day is taken once per
    group instead of once per deal; then by owner and outcome (38 → 20 ms on
    40k closed deals). Days are summed for won deals only (lost: NULL).
    """
    won = Opportunity.outcome == "won"
    daily = (
        select(
            Opportunity.closed_on.label("day"),
            Opportunity.outcome.label("outcome"),
            Opportunity.owner_id.label("owner"),
            func.count().label("n"),
            *(c.label(f"t{i}") for i, c in enumerate(per_currency(Opportunity))),
            func.sum(
                case((won, func.julianday(func.date(Opportunity.created_at))))
            ).label("created"),
        )
        .where(
            *conds,
            outcome_unindexed().in_(("won", "lost")),
            Opportunity.closed_on >= start,
            Opportunity.closed_on <= end,
        )
        .group_by(Opportunity.closed_on, Opportunity.outcome, Opportunity.owner_id)
        .subquery()
    )
    return select(
        daily.c.owner,
        daily.c.outcome,
        func.sum(daily.c.n),
        *(func.sum(daily.c[f"t{i}"]) for i in range(len(CURRENCIES))),
        func.sum(daily.c.n * func.julianday(daily.c.day) - daily.c.created),
    ).group_by(daily.c.owner, daily.c.outcome)


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
            outcome_unindexed() == "won",
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
    won: bool = False,
    hints: bool = True,
) -> AnySelect:
    """(source, campaign, leads) captured in the period; ``won``: only the leads
    whose deal was won.

    The leads from ``ix_analytics_lead_source`` (index-only). The won leads
    the other way round: the list of won deals' leads from
    ``ix_analytics_opportunity_closed``, each looked up by id (about 2k),
    rather than testing all 42k leads of a year against that list in one
    statement (34 → 24 ms for both; a correlated count per lead walked every
    won deal for each lead: 2.7 s on 200k deals).
    """
    lead: Any = Lead if won else indexed(Lead, "ix_analytics_lead_source", hints)
    conds: list[Cond] = [
        lead.deleted_at.is_(None),
        lead.created_at >= start,
        lead.created_at < end,
    ]
    if owner_id:  # in the covering index, not through the owner index
        conds.append(lead.owner_id + "" == owner_id)
    if party is not None:
        kind, ids = party
        col = lead.organisation_id if kind == "organisation" else lead.person_id
        conds.append((col + "").in_(ids))
    if won:
        deal = indexed(Opportunity, "ix_analytics_opportunity_closed", hints)
        if deal is Opportunity:
            deal = aliased(Opportunity, name="won")
        # a lead of the period is won on or after its capture: only deals
        # closed since the period began are read (not every won deal ever)
        won_leads = select(deal.lead_id).where(
            deal.closed_on >= start.date(),
            deal.outcome + "" == "won",
            deal.lead_id.is_not(None),
            deal.deleted_at.is_(None),
        )
        conds.append(lead.id.in_(won_leads))
    return (
        select(lead.source, lead.campaign_id, func.count())
        .where(*conds)
        .group_by(lead.source, lead.campaign_id)
    )


def activity(
    *,
    owner_id: str | None,
    party: tuple[str, Select[Any]] | None,
    start: dt.datetime,
    end: dt.datetime,
) -> AnySelect:
    """(owner, ``YYYY-MM-DD``, entries) of journal entries in ``start``…``end``.

    A range of ``ix_journal_entry_occurred``; entries lie in the table in the
    order they were logged, so owners are read from neighbouring pages (a
    covering (time, owner) index was measured on 2M entries: no faster, and
    a fifth index on the biggest table). Grouped by day here and folded into
    weeks by the service: a date function per row to find the week's Monday
    cost more than the grouping.
    """
    entry = JournalEntry
    conds: list[Cond] = [
        entry.deleted_at.is_(None),
        entry.occurred_at >= start,
        entry.occurred_at < end,
    ]
    if owner_id:
        conds.append(entry.owner_id == owner_id)
    if party is not None:
        kind, ids = party
        conds.append(
            entry.id.in_(
                select(JournalLink.entry_id).where(
                    JournalLink.entity_kind == kind,
                    JournalLink.entity_id.in_(ids),
                    JournalLink.occurred_at >= start,
                    JournalLink.occurred_at < end,
                    JournalLink.deleted_at.is_(None),
                )
            )
        )
    day = func.substr(entry.occurred_at, 1, 10)
    return (
        select(entry.owner_id, day.label("day"), func.count())
        .where(*conds)
        .group_by(entry.owner_id, "day")
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
        else:  # per answer: does the person work for one of the organisations?
            # (a list of every employee of a big segment cost 1.4 s)
            conds.append(
                exists().where(
                    Employment.person_id == NpsResponse.person_id,
                    Employment.deleted_at.is_(None),
                    Employment.organisation_id.in_(ids),
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


def dimension(name: str, deal: Any = Opportunity, hints: bool = True) -> Any:
    """The SQL expression of a report dimension over ``deal`` (a table alias)."""
    match name:
        case "owner":
            return deal.owner_id
        case "stage":
            return deal.stage_id
        case "source":
            return deal.source
        case "month":
            return func.substr(deal.close_date, 1, 7)
        case "outcome":
            return deal.outcome
        case "pipeline":
            return deal.pipeline_id
        case "campaign":
            return deal.campaign_id
        case "industry":  # from the quality area's (id, …, industry) index
            org = indexed(Organisation, "ix_organisation_segment", hints)
            return (
                select(org.industry_id)
                .where(org.id == deal.organisation_id, org.deleted_at.is_(None))
                .correlate(deal)
                .scalar_subquery()
            )
        case "canton":
            org_region = (
                select(Address.region)
                .where(
                    Address.organisation_id == deal.organisation_id,
                    Address.is_primary.is_(True),
                    Address.deleted_at.is_(None),
                )
                .correlate(deal)
                .limit(1)
                .scalar_subquery()
            )
            person_region = (
                select(Address.region)
                .where(
                    Address.person_id == deal.person_id,
                    Address.is_primary.is_(True),
                    Address.deleted_at.is_(None),
                )
                .correlate(deal)
                .limit(1)
                .scalar_subquery()
            )
            return func.coalesce(org_region, person_region)
    raise ValueError(f"unknown dimension {name!r}")


def report_groups(
    conds: Sequence[Cond], dims: Sequence[str], *, hints: bool = True
) -> Select[*tuple[Any, ...]]:
    """(dim values …, currency, count, Σ amount, Σ amount × probability).

    Reads ``ix_analytics_opportunity_report`` (every column a report uses)
    rather than the table; ``conds`` (over :class:`Opportunity`) are adapted
    to it.
    """
    deal: Any = indexed(Opportunity, "ix_analytics_opportunity_report", hints)
    if deal is not Opportunity:
        adapter = ClauseAdapter(inspect(deal).selectable)
        conds = [adapter.traverse(c) for c in conds]
    exprs = [dimension(d, deal, hints).label(f"d{i}") for i, d in enumerate(dims)]
    return (
        select(
            *exprs,
            deal.currency,
            func.count(),
            func.sum(deal.amount_minor),
            func.sum(deal.amount_minor * deal.probability),
        )
        .where(*conds)
        .group_by(*(f"d{i}" for i in range(len(dims))), deal.currency)
    )


def person_names(ids: Sequence[str]) -> Select[str, str]:
    """(id, "First Last") of persons."""
    return select(
        Person.id, func.trim(Person.first_name + " " + Person.last_name)
    ).where(Person.id.in_(list(ids)))
