"""The dashboard (Analytisches CRM): every tile computed from the local database.

:meth:`DashboardService.compute` runs one aggregate statement per tile
(:mod:`app.services.dashboard_tiles`: funnel, forecast, YTD, lead sources,
owners, top customers, NPS by month; activity and NPS by segment follow from
the background). The tiles a filter change needs are split over two
connections that read at the same time (SQLite releases the GIL while it
works), and each tile's result is kept under the filter values it depends on
until anybody commits to the database (:class:`TileCache`), so a tile the
change does not touch, or a filter shown before, costs nothing. Clicking a bar
opens the records behind it: :class:`Drill` describes them and
:meth:`DashboardService.drill_page` pages them like the opportunity list.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import analytics_queries as aq
from app.db.address_queries import page_window
from app.db.data_version import DataVersion
from app.domain.analytics import (
    ActivitySeries,
    Dashboard,
    DashFilter,
    DashPeriod,
    NpsPoint,
    dash_period_range,
)
from app.domain.pipeline import (
    OpportunityRow,
    Outcome,
    Pipeline,
)
from app.models import Organisation, UserAccount
from app.models.pipeline import Opportunity, PipelineStage
from app.models.quality import Segment as SegmentRow
from app.models.sync import SyncState
from app.services.cltv import read_settings
from app.services.dashboard_tiles import (
    ACTIVITY_WEEKS,
    FORECAST_MONTHS,
    NPS_SEGMENTS,
    TILES,
    TOP_CUSTOMERS,
    open_context,
    segment_name,
    segment_party,
    tile_key,
)
from app.services.pipeline import PipelineService, outcome_of

__all__ = [
    "ACTIVITY_WEEKS",
    "FORECAST_MONTHS",
    "NPS_SEGMENTS",
    "TOP_CUSTOMERS",
    "BackgroundTiles",
    "DashboardService",
    "Drill",
    "FilterChoices",
    "TileCache",
    "segment_party",
]

#: Tiles kept (a few kB each): every tile of ~25 filter combinations.
CACHE_SIZE = 256


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


class TileCache:
    """Tile results by (tile, the filter values it depends on), thread-safe.

    Valid for one state of the data and one day: :meth:`version` starts a
    computation and empties the cache when anybody committed since (or the
    day changed). A result is only kept under the version its computation
    started with, so figures read before a commit never outlive it.
    """

    def __init__(self, data_version: Callable[[], int | None], size: int = CACHE_SIZE):
        self._data_version = data_version
        self._size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._version: tuple[int, dt.date] | None = None
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def version(self, today: dt.date) -> tuple[int, dt.date] | None:
        """The current version (``None``: nothing can be kept)."""
        data = self._data_version()
        current = None if data is None else (data, today)
        with self._lock:
            if current is None or current != self._version:
                self._items.clear()
                self._version = current
        return current

    def get(self, key: tuple[Any, ...], version: object) -> tuple[bool, Any]:
        """(found, value) of ``key`` under ``version``."""
        with self._lock:
            if version is None or version != self._version or key not in self._items:
                self.misses += 1
                return False, None
            self._items.move_to_end(key)
            self.hits += 1
            return True, self._items[key]

    def put(self, key: tuple[Any, ...], value: Any, version: object) -> None:
        """Keep ``value`` if the data is still at ``version``."""
        with self._lock:
            if version is None or version != self._version:
                return
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        """Forget every result (the next computation reads everything)."""
        with self._lock:
            self._items.clear()


class DashboardService:
    """Computes the dashboard and lists the records behind its bars.

    ``lanes=2``: the tiles a computation needs are shared between the calling
    thread and one worker, each on its own connection, while a core is idle
    (:meth:`lanes_now`); ``1``: all on the caller's.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        pipeline: PipelineService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        lanes: int = 2,
        adaptive: bool = True,
    ) -> None:
        self._sessions = sessions
        self._pipeline = pipeline
        self._today = today
        self._now = now
        self.lanes = lanes
        #: Use the second lane only while a core is idle (:meth:`lanes_now`).
        self.adaptive = adaptive
        bind = sessions.kw.get("bind")
        self._data_version = DataVersion(bind if isinstance(bind, Engine) else None)
        self.cache = TileCache(self._data_version.current)
        self._worker: ThreadPoolExecutor | None = None
        self._worker_lock = threading.Lock()

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

    def compute(self, flt: DashFilter, *, background: bool = False) -> Dashboard:
        """Every tile for ``flt``: kept ones from the cache, the rest read now.

        ``background=True`` leaves the two slowest tiles out unless they are
        kept (``pending`` is set, their fields empty): activity per owner and
        week (every journal entry of twelve weeks) and the NPS of each saved
        segment (its conditions evaluated for every answer). The page asks
        for them with :meth:`background_tiles` on a worker thread and draws
        the rest at once.

        The tiles read now are split over two connections (see the class);
        each reads its own snapshot, both begun together. ``timings_ms`` has
        each tile read now (milliseconds; 0 when it came from the cache).
        """
        today = self._today()
        dates = _period_dates(flt.period, today)
        version = self.cache.version(today)
        values: dict[str, Any] = {}
        missing: list[str] = []
        for name, spec in TILES.items():
            found, value = self.cache.get(tile_key(name, flt, dates), version)
            if found:
                values[name] = value
            elif not (background and spec.background):
                missing.append(name)
        timings: dict[str, float] = dict.fromkeys(TILES, 0.0)
        pipeline = self._pipeline_for(flt) if "funnel" in missing else None
        # a segment's ids would be materialised on each connection: that costs
        # more than the second connection saves (CPU +60 %, no faster)
        lanes = self._plan(missing, 1 if flt.segment_id else self.lanes_now())
        futures: list[Future[dict[str, tuple[Any, float]]]] = [
            self._executor().submit(self._read, flt, lane, dates, pipeline)
            for lane in lanes[1:]
        ]
        computed = self._read(flt, lanes[0], dates, pipeline)
        with self._sessions() as s:
            settings = read_settings(s)
            last = s.get(SyncState, "last_sync")
            name_of_segment = segment_name(s, flt.segment_id)
        for future in futures:
            computed.update(future.result())
        for name, (value, ms) in computed.items():
            values[name] = value
            timings[name] = ms
            self.cache.put(tile_key(name, flt, dates), value, version)
        weeks, activity = values.get("activity", ((), ()))
        nps_months, nps_total = values["nps_months"]
        pending = "activity" not in values or "nps_segments" not in values
        return Dashboard(
            filter=flt,
            start=dates["start"],
            end=dates["end"],
            today=today,
            funnel=values["funnel"],
            forecast=values["forecast"],
            ytd=values["ytd"],
            sources=values["sources"],
            owners=values["owners"],
            weeks=weeks,
            activity=activity,
            top_customers=values["customers"],
            nps_months=nps_months,
            nps_segments=values.get("nps_segments", ()),
            nps_total=nps_total,
            cltv_settings=settings,
            last_sync=dt.datetime.fromisoformat(last.value)
            if last is not None and last.value
            else None,
            segment_name=name_of_segment,
            timings_ms=timings,
            pending=pending,
        )

    def background_tiles(self, flt: DashFilter) -> BackgroundTiles:
        """The tiles :meth:`compute` leaves out with ``background=True``."""
        today = self._today()
        dates = _period_dates(flt.period, today)
        version = self.cache.version(today)
        names = [name for name, spec in TILES.items() if spec.background]
        values: dict[str, Any] = {}
        for name in names:
            found, value = self.cache.get(tile_key(name, flt, dates), version)
            if found:
                values[name] = value
        wanted = [name for name in names if name not in values]
        for name, (value, _ms) in self._read(flt, wanted, dates, None).items():
            values[name] = value
            self.cache.put(tile_key(name, flt, dates), value, version)
        weeks, activity = values["activity"]
        return BackgroundTiles(weeks, activity, values["nps_segments"])

    def lanes_now(self) -> int:
        """The connections to read on now: :attr:`lanes` while a core is idle.

        A second connection has its own page cache (it reads pages the first
        has already) and costs 20-70 % more CPU in all; it only shortens the
        wait when its thread gets a core of its own. With the other cores
        busy (measured on two cores at load 2-3) one connection was faster:
        filter change 357 vs 459 ms.
        """
        if self.lanes <= 1 or not self.adaptive:
            return self.lanes
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):  # Windows has no load average
            return self.lanes
        idle = (os.cpu_count() or 1) - load
        return self.lanes if idle >= 1 else 1

    def forget(self) -> None:
        """Drop every kept tile (the bench measures real recomputations)."""
        self.cache.clear()

    # ---- reading tiles

    @staticmethod
    def _plan(names: Iterable[str], count: int) -> list[list[str]]:
        """``names`` split into ``count`` lanes of about equal cost (the caller's
        first; empty ones left out)."""
        lanes: list[list[str]] = [[] for _ in range(max(1, count))]
        costs = [0] * len(lanes)
        for name in sorted(names, key=lambda n: -TILES[n].cost):
            i = costs.index(min(costs))
            lanes[i].append(name)
            costs[i] += TILES[name].cost
        return [lanes[0], *(lane for lane in lanes[1:] if lane)]

    def _read(
        self,
        flt: DashFilter,
        names: list[str],
        dates: dict[str, dt.date],
        pipeline: Pipeline | None,
    ) -> dict[str, tuple[Any, float]]:
        """Compute tiles ``names`` on a connection of their own: (value, ms)."""
        if not names:
            return {}
        out: dict[str, tuple[Any, float]] = {}
        with self._sessions() as s:
            context = open_context(
                s,
                flt,
                today=dates["today"],
                start=dates["start"],
                end=dates["end"],
                now=self._now(),
                pipeline=pipeline,
            )
            for name in names:
                clock = time.perf_counter()
                value = TILES[name].compute(context)
                out[name] = (value, round((time.perf_counter() - clock) * 1000, 2))
        return out

    def _executor(self) -> ThreadPoolExecutor:
        with self._worker_lock:
            if self._worker is None:
                self._worker = ThreadPoolExecutor(
                    max_workers=max(1, self.lanes - 1),
                    thread_name_prefix="dashboard-lane",
                )
            return self._worker

    def _pipeline_for(self, flt: DashFilter) -> Pipeline | None:
        try:
            return self._pipeline.pipeline(flt.pipeline_id)
        except Exception:
            return None

    def _party(
        self, s: Session, segment_id: str | None
    ) -> tuple[tuple[str, Select[Any]] | None, str]:
        return segment_party(s, segment_id, self._now())

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


def _period_dates(period: DashPeriod, today: dt.date) -> dict[str, dt.date]:
    """The dates the tiles' statements take for ``period`` as of ``today``."""
    start, end = dash_period_range(period, today)
    return {"start": start, "end": end, "today": today, "last_day": min(end, today)}
