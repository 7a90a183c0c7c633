"""The dashboard (Analytisches CRM): every tile computed in one read transaction.

:meth:`DashboardService.compute` opens one session and runs one aggregate
statement per tile (funnel, forecast, YTD, lead sources, owners, activity,
top customers, NPS by month and by segment); Python only folds the grouped
rows (a few hundred at most) and converts currencies. Clicking a bar opens
the records behind it: :class:`Drill` describes them and
:meth:`DashboardService.drill_page` pages them like the opportunity list.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, delete, func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db import analytics_queries as aq
from app.db import pipeline_queries as q
from app.db import segment_queries as sq
from app.db.address_queries import page_window
from app.domain.analytics import (
    ActivitySeries,
    Dashboard,
    DashFilter,
    FunnelStage,
    NpsCounts,
    NpsPoint,
    OwnerPerformance,
    SourceRow,
    Ytd,
    dash_period_range,
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
    OpportunityRow,
    Outcome,
    Pipeline,
    add_months,
    month_start,
)
from app.domain.segments import from_json
from app.models import Organisation, UserAccount
from app.models.pipeline import Campaign, Opportunity, PipelineStage
from app.models.quality import Segment as SegmentRow
from app.models.sync import SyncState
from app.services.cltv import cltv_rows, read_settings
from app.services.pipeline import PipelineService, outcome_of
from app.services.segments import context as segment_context

#: Weeks of the activity tile, ending with the period's last week.
ACTIVITY_WEEKS = 12
#: Saved person segments the NPS-by-segment tile compares (by name).
NPS_SEGMENTS = 6
TOP_CUSTOMERS = 10
FORECAST_MONTHS = 12


@dataclass(frozen=True)
class Drill:
    """The opportunities behind a bar: the dashboard filter plus what was clicked.

    Attributes:
        filter: the dashboard's filter (owner, pipeline, segment).
        stage_id: one stage (funnel bar).
        outcome: open, won or lost.
        close_from, close_to: close-date range (period, month bar).
        closed_from, closed_to: won/lost in this range (owner, source bars).
        owner_id: one owner (owner bar; overrides the filter's).
        source, campaign_id: one lead source and campaign.
        title: what the list shows, for its heading.
    """

    filter: DashFilter
    stage_id: str | None = None
    outcome: Outcome | None = None
    close_from: dt.date | None = None
    close_to: dt.date | None = None
    closed_from: dt.date | None = None
    closed_to: dt.date | None = None
    owner_id: str | None = None
    source: str | None = None
    campaign_id: str | None = None
    organisation_id: str | None = None
    title: str = ""


@dataclass(frozen=True)
class BackgroundTiles:
    """The slow tiles, computed on a worker thread after the rest is drawn."""

    weeks: tuple[dt.date, ...]
    activity: tuple[ActivitySeries, ...]
    nps_segments: tuple[NpsPoint, ...]


@dataclass(frozen=True)
class FilterChoices:
    """What the filter bar offers: pipelines, owners, segments."""

    pipelines: tuple[Pipeline, ...]
    owners: tuple[tuple[str, str], ...]
    segments: tuple[tuple[str, str, str], ...]  # (id, name, entity kind)


def segment_party(
    s: Session, segment_id: str | None, now: dt.datetime
) -> tuple[tuple[str, Select[Any]] | None, str]:
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


def _chf(totals: Sequence[int | None], rates: dict[str, int]) -> int:
    """Σ of per-currency amounts (in :data:`CURRENCIES` order) in CHF."""
    return sum(
        q.chf(int(total or 0), rates.get(cur, RATE_SCALE))
        for cur, total in zip(CURRENCIES, totals, strict=True)
    )


class DashboardService:
    """Computes the dashboard and lists the records behind its bars."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        pipeline: PipelineService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._sessions = sessions
        self._pipeline = pipeline
        self._today = today
        self._now = now

    # ---- filter bar

    def choices(self) -> FilterChoices:
        """Pipelines, owners and saved segments for the filter bar."""
        pipelines = tuple(self._pipeline.pipelines())
        with self._sessions() as s:
            owners = tuple(
                (r[0], r[1])
                for r in s.execute(
                    aq.user_names()
                    .where(UserAccount.deleted_at.is_(None))
                    .order_by(UserAccount.display_name)
                )
            )
            segments = tuple(
                (r[0], r[1], r[2])
                for r in s.execute(
                    select(SegmentRow.id, SegmentRow.name, SegmentRow.entity_kind)
                    .where(SegmentRow.deleted_at.is_(None))
                    .order_by(func.lower(SegmentRow.name))
                )
            )
        return FilterChoices(pipelines, owners, segments)

    # ---- the whole dashboard

    def compute(
        self,
        flt: DashFilter,
        *,
        background: bool = False,
        previous: Dashboard | None = None,
    ) -> Dashboard:
        """Every tile for ``flt``, read in one transaction (one snapshot).

        ``background=True`` leaves the two slowest tiles out (``pending`` is
        set, their fields empty): activity per owner and week (every journal
        entry of twelve weeks) and the NPS of each saved segment (its
        conditions evaluated for every answer). The page asks for them with
        :meth:`background_tiles` on a worker thread and draws the rest at once.

        ``previous``: the dashboard on screen, if no data changed since it was
        computed. Tiles the filter change does not touch are taken from it
        (the forecast and the top customers do not depend on the period; the
        YTD and activity tiles only on its last day).
        """
        today = self._today()
        start, end = dash_period_range(flt.period, today)
        last_day = min(end, today)
        timings: dict[str, float] = {}
        pipeline = self._pipeline_for(flt)
        old = previous if previous is not None and previous.today == today else None
        scope = (flt.owner_id, flt.pipeline_id, flt.segment_id)
        same_scope = old is not None and scope == (
            old.filter.owner_id,
            old.filter.pipeline_id,
            old.filter.segment_id,
        )
        same_last_day = old is not None and min(old.end, old.today) == last_day
        with self._sessions() as s:
            clock = time.perf_counter()

            def lap(name: str) -> None:
                nonlocal clock
                now = time.perf_counter()
                timings[name] = round((now - clock) * 1000, 2)
                clock = now

            party, segment_name = self._party(s, flt.segment_id)
            conds = aq.opportunity_conds(
                pipeline_id=flt.pipeline_id, owner_id=flt.owner_id, party=party
            )
            rates = dict(s.execute(q.rates_on(today)).all())
            names = dict(s.execute(aq.user_names()).all())
            lap("setup")
            # the funnel's stages imply the pipeline (see aq.funnel_groups)
            funnel_conds = aq.opportunity_conds(
                pipeline_id=None, owner_id=flt.owner_id, party=party
            )
            funnel_stages = self._funnel(
                s, funnel_conds, pipeline, start, end, rates, by_party=party is not None
            )
            lap("funnel")
            if old is not None and same_scope:
                forecast = old.forecast
            else:
                forecast = self._forecast(s, conds, today)
            lap("forecast")
            if old is not None and same_scope and same_last_day:
                year_to_date = old.ytd
            else:
                year_to_date = self._ytd(s, conds, last_day)
            lap("ytd")
            sources = self._sources(s, conds, flt, party, start, end, rates)
            lap("sources")
            owners = self._owners(s, conds, start, end, rates, names)
            lap("owners")
            same_activity = (
                old is not None
                and not old.pending
                and same_last_day
                and (flt.owner_id, flt.segment_id)
                == (old.filter.owner_id, old.filter.segment_id)
            )
            weeks: tuple[dt.date, ...] = ()
            activity: tuple[ActivitySeries, ...] = ()
            if old is not None and same_activity:
                weeks, activity = old.weeks, old.activity
            elif not background:
                weeks, activity = self._activity(s, flt, party, last_day, names)
            lap("activity")
            settings = read_settings(s)
            if old is not None and same_scope and old.cltv_settings == settings:
                top = old.top_customers
            else:
                top = tuple(cltv_rows(s, conds, settings, today, limit=TOP_CUSTOMERS))
            lap("customers")
            nps_conds = aq.nps_person_conds(
                owner_id=flt.owner_id, party=party, start=start, end=end
            )
            months, total = self._nps_months(s, nps_conds)
            by_segment = () if background else self._nps_segments(s, nps_conds)
            lap("nps")
            last = s.get(SyncState, "last_sync")
        return Dashboard(
            filter=flt,
            start=start,
            end=end,
            today=today,
            funnel=funnel_stages,
            forecast=forecast,
            ytd=year_to_date,
            sources=sources,
            owners=owners,
            weeks=weeks,
            activity=activity,
            top_customers=top,
            nps_months=months,
            nps_segments=by_segment,
            nps_total=total,
            cltv_settings=settings,
            last_sync=dt.datetime.fromisoformat(last.value)
            if last is not None and last.value
            else None,
            segment_name=segment_name,
            timings_ms=timings,
            pending=background,
        )

    def background_tiles(self, flt: DashFilter) -> BackgroundTiles:
        """The tiles :meth:`compute` leaves out with ``background=True``."""
        today = self._today()
        start, end = dash_period_range(flt.period, today)
        with self._sessions() as s:
            party, _name = self._party(s, flt.segment_id)
            names = dict(s.execute(aq.user_names()).all())
            weeks, activity = self._activity(s, flt, party, min(end, today), names)
            conds = aq.nps_person_conds(
                owner_id=flt.owner_id, party=party, start=start, end=end
            )
            return BackgroundTiles(weeks, activity, self._nps_segments(s, conds))

    # ---- tiles

    def _pipeline_for(self, flt: DashFilter) -> Pipeline | None:
        try:
            return self._pipeline.pipeline(flt.pipeline_id)
        except Exception:
            return None

    def _party(
        self, s: Session, segment_id: str | None
    ) -> tuple[tuple[str, Select[Any]] | None, str]:
        return segment_party(s, segment_id, self._now())

    @staticmethod
    def _funnel(
        s: Session,
        conds: Sequence[aq.Cond],
        pipeline: Pipeline | None,
        start: dt.date,
        end: dt.date,
        rates: dict[str, int],
        *,
        by_party: bool = False,
    ) -> tuple[FunnelStage, ...]:
        if pipeline is None:
            return ()
        counts: dict[str, list[int]] = {}
        stage_ids = [st.id for st in pipeline.stages]
        hints = len(s.execute(aq.hinted_indexes()).all()) == len(aq.HINTED)
        for stage_id, n, *totals in s.execute(
            aq.funnel_groups(
                conds, stage_ids, start, end, by_party=by_party, hints=hints
            )
        ):
            counts[stage_id] = [int(n), _chf(totals, rates)]
        steps = [
            (st.id, st.name, st.outcome == Outcome.WON)
            for st in pipeline.stages
            if st.outcome != Outcome.LOST
        ]
        lost = [st.id for st in pipeline.stages if st.outcome == Outcome.LOST]
        lost_n = sum(counts.get(i, [0, 0])[0] for i in lost)
        lost_chf = sum(counts.get(i, [0, 0])[1] for i in lost)
        return funnel(
            steps,
            {k: (v[0], v[1]) for k, v in counts.items()},
            lost=(lost_n, lost_chf),
        )

    @staticmethod
    def _forecast(
        s: Session, conds: Sequence[aq.Cond], today: dt.date
    ) -> tuple[ForecastBucket, ...]:
        first = month_start(today)
        end = add_months(first, FORECAST_MONTHS) - dt.timedelta(days=1)
        cells: dict[str, dict[str, int]] = {}
        for month, outcome, n, total, weighted, commit in s.execute(
            aq.forecast_groups(conds, first, end)
        ):
            cell = cells.setdefault(
                month, {"won": 0, "weighted": 0, "commit": 0, "best": 0, "n": 0}
            )
            if outcome == "won":
                cell["won"] += int(total or 0)
            else:
                cell["weighted"] += int(weighted or 0)
                cell["commit"] += int(commit or 0)
                cell["best"] += int(total or 0)
                cell["n"] += int(n or 0)
        out = []
        for i in range(FORECAST_MONTHS):
            key = add_months(first, i)
            c = cells.get(key.isoformat()[:7], {})
            won = c.get("won", 0)
            out.append(
                ForecastBucket(
                    start=key,
                    won=won,
                    weighted=c.get("weighted", 0),
                    commit=won + c.get("commit", 0),
                    best_case=won + c.get("best", 0),
                    open_count=c.get("n", 0),
                )
            )
        return tuple(out)

    @staticmethod
    def _ytd(s: Session, conds: Sequence[aq.Cond], as_of: dt.date) -> Ytd:
        last = same_day_last_year(as_of)
        ranges = [
            (dt.date(as_of.year, 1, 1), as_of),
            (dt.date(last.year, 1, 1), last),
        ]
        this_year: dict[int, int] = {}
        last_year: dict[int, int] = {}
        for month, total in s.execute(aq.won_by_month(conds, ranges)):
            year, number = int(month[:4]), int(month[5:7])
            target = this_year if year == as_of.year else last_year
            target[number] = target.get(number, 0) + int(total or 0)
        return ytd(as_of, this_year, last_year)

    @staticmethod
    def _sources(
        s: Session,
        conds: Sequence[aq.Cond],
        flt: DashFilter,
        party: tuple[str, Select[Any]] | None,
        start: dt.date,
        end: dt.date,
        rates: dict[str, int],
    ) -> tuple[SourceRow, ...]:
        cells: dict[tuple[str, str | None], list[int]] = {}
        for source, campaign, currency, n, total in s.execute(
            aq.won_by_source(conds, start, end)
        ):
            cell = cells.setdefault((source, campaign), [0, 0, 0, 0])
            cell[2] += int(n)
            cell[3] += q.chf(int(total or 0), rates.get(currency, RATE_SCALE))
        lead_start = dt.datetime.combine(start, dt.time(), dt.UTC)
        lead_end = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
        hints = len(s.execute(aq.hinted_indexes()).all()) == len(aq.HINTED)
        for source, campaign, n, won in s.execute(
            aq.leads_by_source(
                owner_id=flt.owner_id,
                party=party,
                start=lead_start,
                end=lead_end,
                hints=hints,
            )
        ):
            cell = cells.setdefault((source, campaign), [0, 0, 0, 0])
            cell[0] += int(n)
            cell[1] += int(won or 0)
        campaign_ids = sorted({c for _s, c in cells if c})
        campaigns = dict(
            s.execute(
                select(Campaign.id, Campaign.name).where(Campaign.id.in_(campaign_ids))
            ).all()
        )
        rows = [
            SourceRow(src, cid, campaigns.get(cid, "") if cid else "", *vals)
            for (src, cid), vals in cells.items()
        ]
        rows.sort(key=lambda r: (-r.won_chf, -r.leads, r.source, r.campaign))
        return tuple(rows)

    @staticmethod
    def _owners(
        s: Session,
        conds: Sequence[aq.Cond],
        start: dt.date,
        end: dt.date,
        rates: dict[str, int],
        names: dict[str, str],
    ) -> tuple[OwnerPerformance, ...]:
        cells: dict[str | None, list[float]] = {}
        for owner, outcome, currency, n, total, days in s.execute(
            aq.closed_by_owner(conds, start, end)
        ):
            cell = cells.setdefault(owner, [0, 0, 0, 0.0])
            if outcome == "won":
                cell[0] += int(n)
                cell[2] += q.chf(int(total or 0), rates.get(currency, RATE_SCALE))
                cell[3] += float(days or 0.0)
            else:
                cell[1] += int(n)
        out = [
            OwnerPerformance(
                owner_id=owner,
                name=names.get(owner, "") if owner else "",
                won=int(c[0]),
                lost=int(c[1]),
                won_chf=int(c[2]),
                cycle_days=c[3] / c[0] if c[0] else None,
            )
            for owner, c in cells.items()
        ]
        out.sort(key=lambda o: (-o.won_chf, o.name))
        return tuple(out)

    @staticmethod
    def _activity(
        s: Session,
        flt: DashFilter,
        party: tuple[str, Select[Any]] | None,
        last_day: dt.date,
        names: dict[str, str],
    ) -> tuple[tuple[dt.date, ...], tuple[ActivitySeries, ...]]:
        last_week = week_start(last_day)
        first_week = last_week - dt.timedelta(weeks=ACTIVITY_WEEKS - 1)
        weeks = tuple(first_week + dt.timedelta(weeks=i) for i in range(ACTIVITY_WEEKS))
        start = dt.datetime.combine(first_week, dt.time(), dt.UTC)
        end = dt.datetime.combine(last_week + dt.timedelta(days=7), dt.time(), dt.UTC)
        series: dict[str | None, list[int]] = {}
        for owner, day, n in s.execute(
            aq.activity(owner_id=flt.owner_id, party=party, start=start, end=end)
        ):
            i = (dt.date.fromisoformat(str(day)) - first_week).days // 7
            if 0 <= i < ACTIVITY_WEEKS:
                series.setdefault(owner, [0] * ACTIVITY_WEEKS)[i] += int(n)
        out = [
            ActivitySeries(owner, names.get(owner, "") if owner else "", tuple(c))
            for owner, c in series.items()
        ]
        out.sort(key=lambda a: (-a.total, a.name))
        return weeks, tuple(out)

    @staticmethod
    def _nps_months(
        s: Session, conds: Sequence[aq.Cond]
    ) -> tuple[tuple[NpsPoint, ...], NpsCounts]:
        points = []
        total = NpsCounts()
        for month, promoters, passives, detractors in s.execute(aq.nps_by_month(conds)):
            counts = NpsCounts(int(promoters), int(passives), int(detractors))
            total = total + counts
            start = dt.date.fromisoformat(f"{month}-01")
            points.append(NpsPoint(month, counts, start=start, key=month))
        return tuple(points), total

    def _nps_segments(
        self, s: Session, conds: Sequence[aq.Cond]
    ) -> tuple[NpsPoint, ...]:
        rows = s.execute(
            select(SegmentRow.id, SegmentRow.name, SegmentRow.definition)
            .where(SegmentRow.deleted_at.is_(None), SegmentRow.entity_kind == "person")
            .order_by(func.lower(SegmentRow.name))
            .limit(NPS_SEGMENTS)
        ).all()
        if not rows:
            return ()
        ctx = segment_context(s, "person", self._now())
        out = []
        for seg_id, name, definition in rows:
            try:
                where = sq.segment_where("person", from_json(definition), ctx)
            except UserError:
                continue  # a segment naming a field deleted since: left out
            promoters, passives, detractors = s.execute(aq.nps_in(conds, where)).one()
            counts = NpsCounts(
                int(promoters or 0), int(passives or 0), int(detractors or 0)
            )
            out.append(NpsPoint(name, counts, key=seg_id))
        return tuple(out)

    # ---- the records behind a bar

    def _drill_conds(self, s: Session, drill: Drill) -> list[aq.Cond]:
        flt = drill.filter
        if drill.owner_id:
            flt = replace(flt, owner_id=drill.owner_id)
        party, _name = self._party(s, flt.segment_id)
        conds = aq.opportunity_conds(
            pipeline_id=flt.pipeline_id, owner_id=flt.owner_id, party=party
        )
        if drill.stage_id:
            conds.append(Opportunity.stage_id == drill.stage_id)
        if drill.outcome:
            conds.append(Opportunity.outcome == str(drill.outcome))
        if drill.close_from:
            conds.append(Opportunity.close_date >= drill.close_from)
        if drill.close_to:
            conds.append(Opportunity.close_date <= drill.close_to)
        if drill.closed_from:
            conds.append(Opportunity.closed_on >= drill.closed_from)
        if drill.closed_to:
            conds.append(Opportunity.closed_on <= drill.closed_to)
        if drill.source:
            conds.append(Opportunity.source == drill.source)
        if drill.campaign_id:
            conds.append(Opportunity.campaign_id == drill.campaign_id)
        if drill.organisation_id:
            conds.append(Opportunity.organisation_id == drill.organisation_id)
        return conds

    def drill_count(self, drill: Drill) -> int:
        """How many opportunities lie behind the bar."""
        with self._sessions() as s:
            conds = self._drill_conds(s, drill)
            return int(
                s.execute(
                    select(func.count()).select_from(Opportunity).where(*conds)
                ).scalar_one()
            )

    def drill_page(
        self, drill: Drill, *, offset: int, limit: int, total: int
    ) -> list[OpportunityRow]:
        """Rows of the list behind the bar, biggest amount first."""
        off, lim, rev = page_window(offset, limit, total)
        with self._sessions() as s:
            conds = self._drill_conds(s, drill)
            order: list[Any] = (
                [Opportunity.amount_minor.asc(), Opportunity.id.asc()]
                if rev
                else [Opportunity.amount_minor.desc(), Opportunity.id.desc()]
            )
            raw = s.execute(
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
                    Opportunity.stage_id,
                )
                .outerjoin(Organisation, Organisation.id == Opportunity.organisation_id)
                .outerjoin(UserAccount, UserAccount.id == Opportunity.owner_id)
                .outerjoin(PipelineStage, PipelineStage.id == Opportunity.stage_id)
                .where(*conds)
                .order_by(*order)
                .offset(off)
                .limit(lim)
            ).all()
        rows = [
            OpportunityRow(
                id=r[0],
                title=r[1],
                organisation=r[2],
                stage=r[3],
                outcome=outcome_of(r[4]),
                amount_minor=r[5],
                currency=r[6],
                probability=r[7],
                close_date=r[8],
                owner_name=r[9],
                next_step=r[10],
                stage_id=r[11] or "",
            )
            for r in raw
        ]
        if rev:
            rows.reverse()
        return rows
