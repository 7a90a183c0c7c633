"""Analytical CRM: the figures of the dashboard and reports, as pure functions.

Every formula a tile shows lives here, so it is tested against small
hand-computed sets without a database: the Net Promoter Score, funnel
conversion, year-to-date against last year, the customer lifetime value,
win rate and sales cycle. Money is integer minor units (CHF), percentages
are floats for display only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.pipeline import ForecastBucket, add_months

# ---- NPS

#: Scores of promoters and detractors (Reichheld's definition).
PROMOTER_MIN = 9
DETRACTOR_MAX = 6


class NpsClass(StrEnum):
    """How an answer counts in the NPS."""

    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"


def nps_class(score: int) -> NpsClass:
    """Promoter (9-10), passive (7-8) or detractor (0-6)."""
    if score >= PROMOTER_MIN:
        return NpsClass.PROMOTER
    if score <= DETRACTOR_MAX:
        return NpsClass.DETRACTOR
    return NpsClass.PASSIVE


@dataclass(frozen=True)
class NpsCounts:
    """Answers by class; :attr:`score` is the NPS (−100 … +100)."""

    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    @property
    def total(self) -> int:
        """All answers."""
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> float | None:
        """% promoters − % detractors; ``None`` without answers."""
        if not self.total:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.total

    def __add__(self, other: NpsCounts) -> NpsCounts:
        return NpsCounts(
            self.promoters + other.promoters,
            self.passives + other.passives,
            self.detractors + other.detractors,
        )


def nps_of(scores: Sequence[int]) -> NpsCounts:
    """Counts of a list of answers (tests and small sets; SQL groups the rest)."""
    classes = [nps_class(s) for s in scores]
    return NpsCounts(
        classes.count(NpsClass.PROMOTER),
        classes.count(NpsClass.PASSIVE),
        classes.count(NpsClass.DETRACTOR),
    )


@dataclass(frozen=True)
class NpsPoint:
    """The NPS of one month or one segment."""

    label: str
    counts: NpsCounts
    start: dt.date | None = None
    key: str = ""


# ---- funnel


@dataclass(frozen=True)
class FunnelStage:
    """A stage of the funnel with the deals that reached it.

    Attributes:
        stage_id, name: the pipeline stage (won is the funnel's last step).
        current: deals in this stage now (count and CHF minor units).
        reached: deals in this stage or a later one (including won).
        conversion: ``reached`` of the next step ÷ ``reached`` here (None at
            the last step or when nobody reached this stage).
    """

    stage_id: str
    name: str
    current: int
    current_chf: int
    reached: int
    reached_chf: int
    conversion: float | None
    is_won: bool = False


def funnel(
    stages: Sequence[tuple[str, str, bool]],
    counts: Mapping[str, tuple[int, int]],
    *,
    lost: tuple[int, int] = (0, 0),
) -> tuple[FunnelStage, ...]:
    """Stage-to-stage conversion from the deals per stage.

    A deal in stage *k* has passed every stage before it; won deals passed
    them all. Lost deals entered the funnel but are not known to have passed
    any later stage, so they count in the first stage only (the stage a deal
    was lost in is not stored with it).

    Args:
        stages: (stage id, name, is won) of the open stages in order, then won.
        counts: per stage id, (count, CHF minor units) of its deals.
        lost: (count, CHF minor units) of the lost deals.
    """
    current = [counts.get(sid, (0, 0)) for sid, _n, _w in stages]
    reached: list[tuple[int, int]] = []
    n_sum, chf_sum = 0, 0
    for n, chf in reversed(current):
        n_sum += n
        chf_sum += chf
        reached.append((n_sum, chf_sum))
    reached.reverse()
    if reached:
        reached[0] = (reached[0][0] + lost[0], reached[0][1] + lost[1])
    out = []
    for i, (sid, name, won) in enumerate(stages):
        nxt = reached[i + 1][0] if i + 1 < len(stages) else None
        here = reached[i][0]
        conversion = None if nxt is None or not here else nxt / here
        out.append(
            FunnelStage(
                stage_id=sid,
                name=name,
                current=current[i][0],
                current_chf=current[i][1],
                reached=here,
                reached_chf=reached[i][1],
                conversion=conversion,
                is_won=won,
            )
        )
    return tuple(out)


def overall_conversion(stages: Sequence[FunnelStage]) -> float | None:
    """Won ÷ deals that entered the funnel."""
    if not stages or not stages[0].reached:
        return None
    return stages[-1].reached / stages[0].reached


# ---- year to date


@dataclass(frozen=True)
class YtdMonth:
    """Won revenue of one month this year and last, and both running totals."""

    month: int
    this_year: int
    last_year: int
    cumulative: int
    cumulative_last: int


@dataclass(frozen=True)
class Ytd:
    """Won revenue year-to-date against the same period last year."""

    year: int
    as_of: dt.date
    months: tuple[YtdMonth, ...]
    total: int
    total_last: int

    @property
    def change(self) -> float | None:
        """Change against last year in percent (None if last year had nothing)."""
        if not self.total_last:
            return None
        return 100.0 * (self.total - self.total_last) / self.total_last


def same_day_last_year(day: dt.date) -> dt.date:
    """``day`` one year earlier; 29 February becomes the 28th."""
    return add_months(day, -12)


def ytd(
    as_of: dt.date,
    this_year: Mapping[int, int],
    last_year: Mapping[int, int],
) -> Ytd:
    """YTD up to ``as_of`` against last year up to the same day.

    Args:
        as_of: the last day counted (usually today).
        this_year, last_year: won CHF minor units per month number (1-12),
            each already cut at ``as_of`` and its day last year.
    """
    months = []
    run = run_last = 0
    for m in range(1, as_of.month + 1):
        now, before = this_year.get(m, 0), last_year.get(m, 0)
        run += now
        run_last += before
        months.append(YtdMonth(m, now, before, run, run_last))
    return Ytd(as_of.year, as_of, tuple(months), run, run_last)


# ---- win rate, sales cycle


@dataclass(frozen=True)
class OwnerPerformance:
    """Closed business of one owner in the period."""

    owner_id: str | None
    name: str
    won: int
    lost: int
    won_chf: int
    cycle_days: float | None

    @property
    def win_rate(self) -> float | None:
        """Won ÷ closed, in percent."""
        closed = self.won + self.lost
        return 100.0 * self.won / closed if closed else None


def average_cycle(total_days: float, count: int) -> float | None:
    """Average sales cycle in days (None without deals)."""
    return total_days / count if count else None


# ---- customer lifetime value


class CltvMethod(StrEnum):
    """How the customer lifetime value is computed."""

    #: average yearly revenue × gross margin × expected relationship years
    PROJECTED = "projected"
    #: historic gross profit + the projection for the remaining years
    HISTORIC_PLUS_PROJECTED = "historic_plus_projected"


@dataclass(frozen=True)
class CltvSettings:
    """The configurable inputs of the CLTV (company-wide).

    Attributes:
        margin_bp: gross margin in basis points (3500 = 35 %).
        years: expected relationship years in total.
        method: which formula.
    """

    margin_bp: int = 3500
    years: int = 5
    method: CltvMethod = CltvMethod.PROJECTED


@dataclass(frozen=True)
class Cltv:
    """The lifetime value of one organisation with its inputs."""

    organisation_id: str
    name: str
    revenue: int
    deals: int
    first_won: dt.date
    last_won: dt.date
    years_active: float
    yearly: int
    value: int


def years_active(first: dt.date, today: dt.date) -> float:
    """Years since the first won deal, at least one (a new customer's first year)."""
    return max(1.0, (today - first).days / 365.25)


def cltv_value(
    revenue: int, first: dt.date, today: dt.date, settings: CltvSettings
) -> tuple[int, int, float]:
    """(CLTV, average yearly revenue, years active), money in minor units.

    ``PROJECTED``: yearly × margin × years. ``HISTORIC_PLUS_PROJECTED``:
    revenue so far × margin + yearly × margin × the years still expected
    (none once the customer has been with us longer than ``years``).
    """
    active = years_active(first, today)
    yearly = round(revenue / active)
    margin = settings.margin_bp / 10_000
    if settings.method is CltvMethod.PROJECTED:
        value = round(yearly * margin * settings.years)
    else:
        remaining = max(0.0, settings.years - active)
        value = round(revenue * margin + yearly * margin * remaining)
    return value, yearly, active


# ---- lead sources


@dataclass(frozen=True)
class SourceRow:
    """Leads and won business of one source (and campaign)."""

    source: str
    campaign_id: str | None
    campaign: str
    leads: int
    leads_won: int
    won: int
    won_chf: int

    @property
    def conversion(self) -> float | None:
        """Leads that became won deals, in percent."""
        return 100.0 * self.leads_won / self.leads if self.leads else None

    @property
    def average_deal(self) -> int | None:
        """Won revenue ÷ won deals (minor units)."""
        return round(self.won_chf / self.won) if self.won else None


# ---- activity


@dataclass(frozen=True)
class ActivitySeries:
    """Journal entries per week of one owner (weeks as in :class:`Dashboard`)."""

    owner_id: str | None
    name: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        """Entries over all weeks."""
        return sum(self.counts)


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


# ---- the dashboard


class DashPeriod(StrEnum):
    """The period filter of the dashboard."""

    THIS_YEAR = "this_year"
    LAST_12_MONTHS = "last_12_months"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    LAST_YEAR = "last_year"
    ALL = "all"


def dash_period_range(period: DashPeriod, today: dt.date) -> tuple[dt.date, dt.date]:
    """Inclusive bounds of ``period`` seen from ``today``."""
    quarter = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    one = dt.timedelta(days=1)
    match period:
        case DashPeriod.THIS_YEAR:
            return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
        case DashPeriod.LAST_12_MONTHS:
            return add_months(today.replace(day=1), -11), today
        case DashPeriod.THIS_QUARTER:
            return quarter, add_months(quarter, 3) - one
        case DashPeriod.LAST_QUARTER:
            return add_months(quarter, -3), quarter - one
        case DashPeriod.LAST_YEAR:
            return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return dt.date(2000, 1, 1), dt.date(today.year + 5, 12, 31)


@dataclass(frozen=True)
class DashFilter:
    """What every tile of the dashboard is restricted to.

    Attributes:
        period: closed business, leads, activity and NPS answers fall in it;
            the funnel shows deals expected or closed in it.
        owner_id: only this owner's deals, leads and activities.
        pipeline_id: only this pipeline's deals.
        segment_id: only deals, answers and activities of the records in this
            saved segment (persons or organisations).
    """

    period: DashPeriod = DashPeriod.THIS_YEAR
    owner_id: str | None = None
    pipeline_id: str | None = None
    segment_id: str | None = None


@dataclass(frozen=True)
class Dashboard:
    """Every tile's figures (``timings_ms``: each tile read now; 0 = kept)."""

    filter: DashFilter
    start: dt.date
    end: dt.date
    today: dt.date
    funnel: tuple[FunnelStage, ...]
    forecast: tuple[ForecastBucket, ...]
    ytd: Ytd
    sources: tuple[SourceRow, ...]
    owners: tuple[OwnerPerformance, ...]
    weeks: tuple[dt.date, ...]
    activity: tuple[ActivitySeries, ...]
    top_customers: tuple[Cltv, ...]
    nps_months: tuple[NpsPoint, ...]
    nps_segments: tuple[NpsPoint, ...]
    nps_total: NpsCounts
    cltv_settings: CltvSettings
    last_sync: dt.datetime | None = None
    segment_name: str = ""
    timings_ms: Mapping[str, float] = field(default_factory=dict)
    #: Activity and NPS by segment still to come (computed in the background).
    pending: bool = False

    @property
    def empty(self) -> bool:
        """No sales data at all in the filter (the tiles show what to do)."""
        return (
            not any(s.reached for s in self.funnel)
            and not self.ytd.total_last
            and (not self.ytd.total)
        )


# ---- report builder


class Measure(StrEnum):
    """What a report sums up per group."""

    COUNT = "count"
    SUM = "sum"
    AVERAGE = "average"
    WEIGHTED = "weighted"


#: Dimensions a report groups opportunities by (see app/db/analytics_queries).
REPORT_DIMENSIONS = (
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
MAX_DIMENSIONS = 2


@dataclass(frozen=True)
class ReportDef:
    """A grouped table over opportunities.

    Attributes:
        dims: one or two of :data:`REPORT_DIMENSIONS`.
        measure: the value of each cell.
        outcome: ``open``, ``won``, ``lost`` or ``""`` (all).
        period: the close date lies in it (``None``: any).
        owner_id, pipeline_id, segment_id: as on the dashboard.
    """

    dims: tuple[str, ...] = ("owner",)
    measure: Measure = Measure.SUM
    outcome: str = ""
    period: DashPeriod | None = None
    owner_id: str | None = None
    pipeline_id: str | None = None
    segment_id: str | None = None


@dataclass(frozen=True)
class ReportRow:
    """One group: its keys and labels per dimension, and every measure."""

    keys: tuple[str, ...]
    labels: tuple[str, ...]
    count: int
    total: int
    weighted: int

    @property
    def average(self) -> int:
        """Σ amount ÷ count (minor units)."""
        return round(self.total / self.count) if self.count else 0

    def value(self, measure: Measure) -> int:
        """The figure ``measure`` asks for (money in minor units)."""
        return {
            Measure.COUNT: self.count,
            Measure.SUM: self.total,
            Measure.AVERAGE: self.average,
            Measure.WEIGHTED: self.weighted,
        }[measure]


@dataclass(frozen=True)
class ReportResult:
    """A computed report: groups sorted by their labels, and the grand total."""

    definition: ReportDef
    rows: tuple[ReportRow, ...]
    total: ReportRow
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class SavedReportInfo:
    """A saved report as listed."""

    id: str
    name: str
    definition: ReportDef
    description: str = ""


def report_to_json(report: ReportDef) -> dict[str, object]:
    """The stored form of a report definition."""
    return {
        "dims": list(report.dims),
        "measure": report.measure.value,
        "outcome": report.outcome,
        "period": report.period.value if report.period else "",
        "owner_id": report.owner_id or "",
        "pipeline_id": report.pipeline_id or "",
        "segment_id": report.segment_id or "",
    }


def report_from_json(data: object) -> ReportDef:
    """Parse the stored form; refuses anything malformed (it may come from sync).

    Raises:
        UserError: ``report.invalid``.
    """
    from app.domain.errors import UserError

    def bad(message: str) -> UserError:
        return UserError("report.invalid", message, field="definition", value=data)

    if not isinstance(data, dict):
        raise bad("a report definition must be an object")
    dims = data.get("dims", [])
    if (
        not isinstance(dims, list)
        or not 1 <= len(dims) <= MAX_DIMENSIONS
        or any(d not in REPORT_DIMENSIONS for d in dims)
        or len(set(dims)) != len(dims)
    ):
        raise bad("choose one or two different groupings")
    try:
        measure = Measure(data.get("measure", "sum"))
        period_raw = data.get("period") or ""
        period = DashPeriod(period_raw) if period_raw else None
    except ValueError:
        raise bad("unknown measure or period") from None
    outcome = data.get("outcome") or ""
    if outcome not in ("", "open", "won", "lost"):
        raise bad("unknown outcome")

    def ref(key: str) -> str | None:
        value = data.get(key) or None
        return value if isinstance(value, str) else None

    return ReportDef(
        dims=tuple(dims),
        measure=measure,
        outcome=outcome,
        period=period,
        owner_id=ref("owner_id"),
        pipeline_id=ref("pipeline_id"),
        segment_id=ref("segment_id"),
    )
