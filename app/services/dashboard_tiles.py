"""The dashboard's tiles, one function each, over a :class:`TileContext`.

A tile runs one aggregate statement (two for the lead sources) and folds the
grouped rows — a few hundred at most — in Python, converting currencies.
Every tile depends only on the context's filter values and the data, so
:class:`~app.services.dashboard.DashboardService` can compute tiles on two
connections at once and keep their results (:data:`TILE_INPUTS`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, func, insert, select, text
from sqlalchemy.orm import Session

from app.db import analytics_queries as aq
from app.db import pipeline_queries as q
from app.db import segment_queries as sq
from app.domain.analytics import (
    ActivitySeries,
    DashFilter,
    FunnelStage,
    NpsCounts,
    NpsPoint,
    OwnerPerformance,
    SourceRow,
    Ytd,
    funnel,
    same_day_last_year,
    week_start,
    ytd,
)
from app.domain.errors import UserError
from app.domain.pipeline import (
    CURRENCIES,
    RATE_SCALE,
    ForecastBucket,
    Outcome,
    Pipeline,
    add_months,
    month_start,
)
from app.domain.segments import from_json
from app.models.pipeline import Campaign
from app.models.quality import Segment as SegmentRow
from app.services.cltv import cltv_rows, read_settings
from app.services.forecast import fold_forecast_groups, forecast_bucket
from app.services.segments import context as segment_context

#: Weeks of the activity tile, ending with the period's last week.
ACTIVITY_WEEKS = 12
#: Saved person segments the NPS-by-segment tile compares (by name).
NPS_SEGMENTS = 6
TOP_CUSTOMERS = 10
FORECAST_MONTHS = 12

type Party = tuple[str, Select[Any]] | None


def segment_party(
    s: Session, segment_id: str | None, now: dt.datetime
) -> tuple[Party, str]:
    """The segment's record kind and ids (materialised in a TEMP table), its name.

    ``(None, "")`` without a segment or for one deleted meanwhile.
    """
    if not segment_id:
        return None, ""
    row = s.get(SegmentRow, segment_id)
    if row is None or row.deleted_at is not None:
        return None, ""
    kind = row.entity_kind
    ctx = segment_context(s, kind, now)
    ids = sq.segment_ids(kind, from_json(row.definition), ctx)
    s.execute(text(aq.CREATE_PARTY))
    s.execute(delete(aq.PARTY))
    s.execute(insert(aq.PARTY).from_select(["id"], ids))
    return (kind, aq.party_ids()), row.name


def segment_name(s: Session, segment_id: str | None) -> str:
    """The live segment's name ("" without one), without evaluating it."""
    if not segment_id:
        return ""
    row = s.get(SegmentRow, segment_id)
    return "" if row is None or row.deleted_at is not None else row.name


@dataclass(frozen=True)
class TileContext:
    """What the tiles of one computation read, set up once per connection."""

    s: Session
    flt: DashFilter
    today: dt.date
    start: dt.date
    end: dt.date
    now: dt.datetime
    pipeline: Pipeline | None
    party: Party
    rates: dict[str, int]
    names: dict[str, str]
    hints: bool

    @property
    def last_day(self) -> dt.date:
        """The period's last day that has happened."""
        return min(self.end, self.today)

    @property
    def conds(self) -> list[aq.Cond]:
        """Live opportunities of the owner, pipeline and segment."""
        flt = self.flt
        return aq.opportunity_conds(
            pipeline_id=flt.pipeline_id, owner_id=flt.owner_id, party=self.party
        )

    @property
    def nps_conds(self) -> list[aq.Cond]:
        """Answers of the period by persons of the owner and segment."""
        return aq.nps_person_conds(
            owner_id=self.flt.owner_id,
            party=self.party,
            start=self.start,
            end=self.end,
        )


def open_context(
    s: Session,
    flt: DashFilter,
    *,
    today: dt.date,
    start: dt.date,
    end: dt.date,
    now: dt.datetime,
    pipeline: Pipeline | None,
) -> TileContext:
    """Materialise the segment and read rates, owner names and index hints."""
    party, _name = segment_party(s, flt.segment_id, now)
    return TileContext(
        s=s,
        flt=flt,
        today=today,
        start=start,
        end=end,
        now=now,
        pipeline=pipeline,
        party=party,
        rates=dict(s.execute(q.rates_on(today)).all()),
        names=dict(s.execute(aq.user_names()).all()),
        hints=len(s.execute(aq.hinted_indexes()).all()) == len(aq.HINTED),
    )


def chf(totals: Sequence[int | None], rates: dict[str, int]) -> int:
    """Σ of per-currency amounts (in :data:`CURRENCIES` order) in CHF."""
    return sum(
        q.chf(int(total or 0), rates.get(cur, RATE_SCALE))
        for cur, total in zip(CURRENCIES, totals, strict=True)
    )


# ---- the tiles


def funnel_tile(c: TileContext) -> tuple[FunnelStage, ...]:
    """Deals expected or closed in the period, per stage, with conversions."""
    pipeline = c.pipeline
    if pipeline is None:
        return ()
    # the stages imply the pipeline (see aq.funnel_groups)
    conds = aq.opportunity_conds(
        pipeline_id=None, owner_id=c.flt.owner_id, party=c.party
    )
    counts: dict[str, tuple[int, int]] = {}
    for stage_id, n, *totals in c.s.execute(
        aq.funnel_groups(
            conds,
            [st.id for st in pipeline.stages],
            c.start,
            c.end,
            by_party=c.party is not None,
            hints=c.hints,
        )
    ):
        counts[stage_id] = (int(n), chf(totals, c.rates))
    steps = [
        (st.id, st.name, st.outcome == Outcome.WON)
        for st in pipeline.stages
        if st.outcome != Outcome.LOST
    ]
    lost = [st.id for st in pipeline.stages if st.outcome == Outcome.LOST]
    lost_n = sum(counts.get(i, (0, 0))[0] for i in lost)
    lost_chf = sum(counts.get(i, (0, 0))[1] for i in lost)
    return funnel(steps, counts, lost=(lost_n, lost_chf))


def forecast_tile(c: TileContext) -> tuple[ForecastBucket, ...]:
    """Pipeline and weighted forecast for the next twelve months."""
    first = month_start(c.today)
    end = add_months(first, FORECAST_MONTHS) - dt.timedelta(days=1)
    groups = c.s.execute(
        aq.forecast_groups(
            c.conds, first, end, by_party=c.party is not None, hints=c.hints
        )
    )
    cells = fold_forecast_groups(groups, str)
    return tuple(
        forecast_bucket(key, cells.get(key.isoformat()[:7]))
        for key in (add_months(first, i) for i in range(FORECAST_MONTHS))
    )


def ytd_tile(c: TileContext) -> Ytd:
    """Won revenue by month up to the period's last day, against last year."""
    as_of = c.last_day
    last = same_day_last_year(as_of)
    ranges = [
        (dt.date(as_of.year, 1, 1), as_of),
        (dt.date(last.year, 1, 1), last),
    ]
    this_year: dict[int, int] = {}
    last_year: dict[int, int] = {}
    for month, total in c.s.execute(aq.won_by_month(c.conds, ranges)):
        year, number = int(month[:4]), int(month[5:7])
        target = this_year if year == as_of.year else last_year
        target[number] = target.get(number, 0) + int(total or 0)
    return ytd(as_of, this_year, last_year)


def sources_tile(c: TileContext) -> tuple[SourceRow, ...]:
    """Leads, conversion and won business per lead source and campaign."""
    cells: dict[tuple[str, str | None], list[int]] = {}
    for source, campaign, currency, n, total in c.s.execute(
        aq.won_by_source(c.conds, c.start, c.end)
    ):
        cell = cells.setdefault((source, campaign), [0, 0, 0, 0])
        cell[2] += int(n)
        cell[3] += q.chf(int(total or 0), c.rates.get(currency, RATE_SCALE))
    lead_start = dt.datetime.combine(c.start, dt.time(), dt.UTC)
    lead_end = dt.datetime.combine(c.end + dt.timedelta(days=1), dt.time(), dt.UTC)
    for column, won in ((0, False), (1, True)):
        for source, campaign, n in c.s.execute(
            aq.leads_by_source(
                owner_id=c.flt.owner_id,
                party=c.party,
                start=lead_start,
                end=lead_end,
                won=won,
                hints=c.hints,
            )
        ):
            cells.setdefault((source, campaign), [0, 0, 0, 0])[column] += int(n)
    campaign_ids = sorted({cid for _s, cid in cells if cid})
    campaigns = dict(
        c.s.execute(
            select(Campaign.id, Campaign.name).where(Campaign.id.in_(campaign_ids))
        ).all()
    )
    rows = [
        SourceRow(src, cid, campaigns.get(cid, "") if cid else "", *vals)
        for (src, cid), vals in cells.items()
    ]
    rows.sort(key=lambda r: (-r.won_chf, -r.leads, r.source, r.campaign))
    return tuple(rows)


def owners_tile(c: TileContext) -> tuple[OwnerPerformance, ...]:
    """Won and lost deals, revenue and sales cycle per owner in the period."""
    cells: dict[str | None, list[float]] = {}
    for owner, outcome, n, *totals, days in c.s.execute(
        aq.closed_by_owner(c.conds, c.start, c.end)
    ):
        cell = cells.setdefault(owner, [0, 0, 0, 0.0])
        if outcome == "won":
            cell[0] += int(n)
            cell[2] += chf(totals, c.rates)
            cell[3] += float(days or 0.0)
        else:
            cell[1] += int(n)
    out = [
        OwnerPerformance(
            owner_id=owner,
            name=c.names.get(owner, "") if owner else "",
            won=int(cell[0]),
            lost=int(cell[1]),
            won_chf=int(cell[2]),
            cycle_days=cell[3] / cell[0] if cell[0] else None,
        )
        for owner, cell in cells.items()
    ]
    out.sort(key=lambda o: (-o.won_chf, o.name))
    return tuple(out)


def activity_tile(
    c: TileContext,
) -> tuple[tuple[dt.date, ...], tuple[ActivitySeries, ...]]:
    """Journal entries per owner and week, twelve weeks up to the period's end."""
    last_week = week_start(c.last_day)
    first_week = last_week - dt.timedelta(weeks=ACTIVITY_WEEKS - 1)
    weeks = tuple(first_week + dt.timedelta(weeks=i) for i in range(ACTIVITY_WEEKS))
    start = dt.datetime.combine(first_week, dt.time(), dt.UTC)
    end = dt.datetime.combine(last_week + dt.timedelta(days=7), dt.time(), dt.UTC)
    series: dict[str | None, list[int]] = {}
    for owner, day, n in c.s.execute(
        aq.activity(owner_id=c.flt.owner_id, party=c.party, start=start, end=end)
    ):
        i = (dt.date.fromisoformat(str(day)) - first_week).days // 7
        if 0 <= i < ACTIVITY_WEEKS:
            series.setdefault(owner, [0] * ACTIVITY_WEEKS)[i] += int(n)
    out = [
        ActivitySeries(owner, c.names.get(owner, "") if owner else "", tuple(counts))
        for owner, counts in series.items()
    ]
    out.sort(key=lambda a: (-a.total, a.name))
    return weeks, tuple(out)


def customers_tile(c: TileContext) -> tuple[Any, ...]:
    """The top customers by lifetime value (the CLTV list's first page)."""
    settings = read_settings(c.s)
    return tuple(cltv_rows(c.s, c.conds, settings, c.today, limit=TOP_CUSTOMERS))


def nps_months_tile(c: TileContext) -> tuple[tuple[NpsPoint, ...], NpsCounts]:
    """The NPS of each month of the period and of the whole period."""
    points = []
    total = NpsCounts()
    for month, promoters, passives, detractors in c.s.execute(
        aq.nps_by_month(c.nps_conds)
    ):
        counts = NpsCounts(int(promoters), int(passives), int(detractors))
        total = total + counts
        start = dt.date.fromisoformat(f"{month}-01")
        points.append(NpsPoint(month, counts, start=start, key=month))
    return tuple(points), total


def nps_segments_tile(c: TileContext) -> tuple[NpsPoint, ...]:
    """The NPS of the period in each saved person segment (the first six)."""
    rows = c.s.execute(
        select(SegmentRow.id, SegmentRow.name, SegmentRow.definition)
        .where(SegmentRow.deleted_at.is_(None), SegmentRow.entity_kind == "person")
        .order_by(func.lower(SegmentRow.name))
        .limit(NPS_SEGMENTS)
    ).all()
    if not rows:
        return ()
    ctx = segment_context(c.s, "person", c.now)
    conds = c.nps_conds
    out = []
    for seg_id, name, definition in rows:
        try:
            where = sq.segment_where("person", from_json(definition), ctx)
        except UserError:
            continue  # a segment naming a field deleted since: left out
        promoters, passives, detractors = c.s.execute(aq.nps_in(conds, where)).one()
        counts = NpsCounts(
            int(promoters or 0), int(passives or 0), int(detractors or 0)
        )
        out.append(NpsPoint(name, counts, key=seg_id))
    return tuple(out)


@dataclass(frozen=True)
class TileSpec:
    """How to compute a tile and which filter values it depends on.

    Attributes:
        compute: the tile's function.
        inputs: the parts of the filter and dates its figures depend on
            (besides the data): its cache key.
        cost: rough milliseconds on the 200k-deal demo, to balance two lanes.
        background: left to :meth:`DashboardService.background_tiles`.
    """

    compute: Callable[[TileContext], Any]
    inputs: tuple[str, ...]
    cost: int
    background: bool = False


_SCOPE = ("owner_id", "pipeline_id", "segment_id")
#: Every tile, in drawing order.
TILES: dict[str, TileSpec] = {
    "funnel": TileSpec(funnel_tile, (*_SCOPE, "start", "end"), 11),
    "forecast": TileSpec(forecast_tile, (*_SCOPE, "today"), 21),
    "ytd": TileSpec(ytd_tile, (*_SCOPE, "last_day"), 25),
    "sources": TileSpec(sources_tile, (*_SCOPE, "start", "end"), 60),
    "owners": TileSpec(owners_tile, (*_SCOPE, "start", "end"), 26),
    "customers": TileSpec(customers_tile, (*_SCOPE, "today"), 52),
    "nps_months": TileSpec(
        nps_months_tile, ("owner_id", "segment_id", "start", "end"), 6
    ),
    "activity": TileSpec(
        activity_tile, ("owner_id", "segment_id", "last_day"), 200, background=True
    ),
    "nps_segments": TileSpec(
        nps_segments_tile,
        ("owner_id", "segment_id", "start", "end"),
        380,
        background=True,
    ),
}


def tile_key(name: str, flt: DashFilter, dates: dict[str, dt.date]) -> tuple[Any, ...]:
    """The cache key of tile ``name``: its name and the values it depends on."""
    values = {
        "owner_id": flt.owner_id,
        "pipeline_id": flt.pipeline_id,
        "segment_id": flt.segment_id,
        **dates,
    }
    return (name, *(values[i] for i in TILES[name].inputs))
