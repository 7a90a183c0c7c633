"""Select builder of the customer lifetime value list (and the dashboard's top customers).

Split from :mod:`app.db.analytics_queries` (which holds the tiles' builders).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, case, cast, func, inspect, literal, select
from sqlalchemy import Float as SaFloat
from sqlalchemy.orm import aliased
from sqlalchemy.sql.util import ClauseAdapter

from app.db.analytics_queries import AnySelect, Cond
from app.db.pipeline_queries import to_chf
from app.domain.analytics import CltvMethod, CltvSettings
from app.domain.pipeline import CURRENCIES, RATE_SCALE
from app.models import Organisation
from app.models.pipeline import Opportunity

CLTV_SORTS = ("value", "revenue", "yearly", "deals", "first_won", "name")


def cltv_select(
    conds: Sequence[Cond],
    settings: CltvSettings,
    today: dt.date,
    rates: Mapping[str, int],
    *,
    sort: str = "value",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> tuple[AnySelect, Select[int]]:
    """The CLTV per organisation from its won business, and the count of rows.

    Rows: (organisation id, name, revenue CHF, deals, first won, last won,
    years active, yearly revenue, CLTV), all money in CHF minor units at
    ``rates`` (today's, micro-CHF per unit). The formula is
    :func:`app.domain.analytics.cltv_value`'s, written in SQL so the list can
    sort and page on it. One pass over ``ix_analytics_opportunity_party`` in
    organisation order: amounts are split by currency with ``CASE`` (a fixed
    set) rather than grouped by it, which needed a sort and a rate lookup
    per group (180 → 60 ms on 39k customers).
    """
    sums = [
        func.sum(
            case((Opportunity.currency == cur, Opportunity.amount_minor), else_=0)
        ).label(f"t_{cur}")
        for cur in CURRENCIES
    ]
    # ranked by value, revenue or first deal: the deal count and last deal
    # are looked up for the page's rows only (two aggregates less for each of
    # 39k customers: 48 -> 39 ms)
    slim = sort not in ("deals", "name")
    details: list[Any] = [
        func.count().label("deals"),
        func.max(Opportunity.closed_on).label("last_won"),
    ]
    won_conds = [
        *conds,
        Opportunity.outcome == "won",
        Opportunity.organisation_id.is_not(None),
        Opportunity.closed_on.is_not(None),
    ]
    per_org = (
        select(
            Opportunity.organisation_id.label("org"),
            *([] if slim else details),
            func.min(Opportunity.closed_on).label("first_won"),
            *sums,
        )
        .where(*won_conds)
        .group_by(Opportunity.organisation_id)
        .subquery()
    )
    day = literal(today.isoformat())
    revenue = sum(
        (
            to_chf(per_org.c[f"t_{cur}"], literal(rates.get(cur, RATE_SCALE)))
            for cur in CURRENCIES
        ),
        start=literal(0),
    )
    years = func.max(
        1.0, (func.julianday(day) - func.julianday(per_org.c.first_won)) / 365.25
    )
    margin = settings.margin_bp / 10_000
    yearly = cast(revenue, SaFloat) / years
    value: ColumnElement[Any]
    if settings.method is CltvMethod.PROJECTED:
        value = yearly * margin * settings.years
    else:
        remaining = func.max(0.0, settings.years - years)
        value = cast(revenue, SaFloat) * margin + yearly * margin * remaining
    cols: dict[str, Any] = {
        "value": func.round(value),
        "revenue": revenue,
        "yearly": func.round(yearly),
        "deals": None if slim else per_org.c.deals,
        "first_won": per_org.c.first_won,
        "name": Organisation.name,
    }
    key = cols.get(sort, cols["value"])
    order = key.desc() if descending else key.asc()
    if sort == "name":
        stmt = (
            select(
                per_org.c.org,
                func.coalesce(Organisation.name, ""),
                revenue,
                per_org.c.deals,
                per_org.c.first_won,
                per_org.c.last_won,
                years,
                cols["yearly"],
                cols["value"],
            )
            .outerjoin(Organisation, Organisation.id == per_org.c.org)
            .order_by(order, per_org.c.org)
            .offset(offset)
            .limit(limit)
        )
    else:  # ranked first, the names of the one page looked up after
        # (joining every customer's name before the sort: 75 -> 42 ms, 39k)
        ranked = (
            select(
                per_org.c.org,
                revenue.label("revenue"),
                *([] if slim else [per_org.c.deals, per_org.c.last_won]),
                per_org.c.first_won,
                years.label("years"),
                cols["yearly"].label("yearly"),
                cols["value"].label("value"),
            )
            .order_by(order, per_org.c.org)
            .offset(offset)
            .limit(limit)
            .subquery()
        )
        rkey = ranked.c[sort if sort in ranked.c else "value"]
        deals: Any = ranked.c.deals if not slim else None
        last_won: Any = ranked.c.last_won if not slim else None
        if slim:
            deal = aliased(Opportunity, name="deal")
            adapter = ClauseAdapter(inspect(deal).selectable)
            mine = [
                *(adapter.traverse(c) for c in won_conds),
                deal.organisation_id == ranked.c.org,
            ]
            deals = select(func.count()).where(*mine).scalar_subquery()
            last_won = select(func.max(deal.closed_on)).where(*mine).scalar_subquery()
        stmt = (
            select(
                ranked.c.org,
                func.coalesce(Organisation.name, ""),
                ranked.c.revenue,
                deals,
                ranked.c.first_won,
                last_won,
                ranked.c.years,
                ranked.c.yearly,
                ranked.c.value,
            )
            .outerjoin(Organisation, Organisation.id == ranked.c.org)
            .order_by(rkey.desc() if descending else rkey.asc(), ranked.c.org)
        )
    count = select(func.count()).select_from(per_org)
    return stmt, count
