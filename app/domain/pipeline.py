"""DTOs and enums of the sales pipeline: leads, opportunities, stages, forecast, scores.

Money is always integer minor units (Rappen, cents) plus an ISO currency code;
business dates (close date) are :class:`datetime.date`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

#: Currencies an opportunity may be in; CHF is the reporting currency.
CURRENCIES = ("CHF", "EUR", "USD")
BASE_CURRENCY = "CHF"
#: Exchange rates are stored as integer micro-units of CHF per unit.
RATE_SCALE = 1_000_000


class LeadSource(StrEnum):
    """Where a lead came from (Herkunft des Leads)."""

    CAMPAIGN = "campaign"
    WEB_FORM = "web_form"
    TRADE_FAIR = "trade_fair"
    REFERRAL = "referral"
    COLD_CALL = "cold_call"
    IMPORT = "import"
    OTHER = "other"


class LeadStatus(StrEnum):
    """Qualification of a lead: unqualified → MQL → SQL, or disqualified; converted."""

    UNQUALIFIED = "unqualified"
    MQL = "mql"
    SQL = "sql"
    DISQUALIFIED = "disqualified"
    CONVERTED = "converted"


#: Statuses a lead can be converted from ("qualified").
CONVERTIBLE = frozenset({LeadStatus.MQL, LeadStatus.SQL})


class Outcome(StrEnum):
    """What a stage means for the opportunities in it."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


class Period(StrEnum):
    """Close-date periods the board, list and forecast filter by."""

    ANY = "any"
    OVERDUE = "overdue"
    THIS_MONTH = "this_month"
    NEXT_MONTH = "next_month"
    THIS_QUARTER = "this_quarter"
    NEXT_QUARTER = "next_quarter"
    THIS_YEAR = "this_year"
    NEXT_12_MONTHS = "next_12_months"


def month_start(day: dt.date) -> dt.date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months``, clamped to the target month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def quarter_start(day: dt.date) -> dt.date:
    """The first day of ``day``'s quarter."""
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def period_range(
    period: Period, today: dt.date
) -> tuple[dt.date | None, dt.date | None]:
    """Inclusive close-date bounds of ``period`` seen from ``today`` (None = open)."""
    month = month_start(today)
    quarter = quarter_start(today)
    last = dt.timedelta(days=1)
    ranges: dict[Period, tuple[dt.date | None, dt.date | None]] = {
        Period.ANY: (None, None),
        Period.OVERDUE: (None, today - last),
        Period.THIS_MONTH: (month, add_months(month, 1) - last),
        Period.NEXT_MONTH: (add_months(month, 1), add_months(month, 2) - last),
        Period.THIS_QUARTER: (quarter, add_months(quarter, 3) - last),
        Period.NEXT_QUARTER: (add_months(quarter, 3), add_months(quarter, 6) - last),
        Period.THIS_YEAR: (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
        Period.NEXT_12_MONTHS: (month, add_months(month, 12) - last),
    }
    return ranges[period]


# ---- configuration: pipelines, stages, products, campaigns, rates


@dataclass(frozen=True)
class Stage:
    """A column of a pipeline with its default probability (0-100)."""

    id: str
    pipeline_id: str
    name: str
    position: int
    probability: int
    outcome: Outcome


@dataclass(frozen=True)
class Pipeline:
    """A sales process with its stages in board order."""

    id: str
    name: str
    is_default: bool
    stages: tuple[Stage, ...]

    def stage(self, stage_id: str) -> Stage:
        """The stage ``stage_id`` of this pipeline."""
        return next(s for s in self.stages if s.id == stage_id)

    def first_open(self) -> Stage:
        """Where new opportunities start."""
        return next(s for s in self.stages if s.outcome == Outcome.OPEN)

    def of_outcome(self, outcome: Outcome) -> Stage | None:
        """The first stage with ``outcome`` (the Won or the Lost column)."""
        return next((s for s in self.stages if s.outcome == outcome), None)


@dataclass(frozen=True)
class StageData:
    """A stage as edited in the pipeline settings (``id`` None = new)."""

    name: str
    probability: int
    outcome: Outcome = Outcome.OPEN
    id: str | None = None


@dataclass(frozen=True)
class Product:
    """A catalogue entry with its list price."""

    id: str
    code: str
    name: str
    list_price_minor: int
    currency: str
    active: bool = True


@dataclass(frozen=True)
class ProductData:
    """Input for a catalogue entry."""

    name: str
    code: str = ""
    list_price_minor: int = 0
    currency: str = BASE_CURRENCY
    active: bool = True


@dataclass(frozen=True)
class Campaign:
    """A marketing campaign leads and opportunities are attributed to."""

    id: str
    name: str
    channel: str
    start_date: dt.date | None
    end_date: dt.date | None
    cost_minor: int
    currency: str


@dataclass(frozen=True)
class ExchangeRate:
    """CHF per unit of ``currency`` from ``valid_from`` on, in micro-units."""

    currency: str
    valid_from: dt.date
    rate_micro: int


# ---- leads


@dataclass(frozen=True)
class LeadData:
    """A lead as captured (trade fair, web form, call …)."""

    last_name: str = ""
    first_name: str = ""
    company: str = ""
    job_title: str = ""
    email: str = ""
    phone: str = ""
    postcode: str = ""
    city: str = ""
    region: str = ""
    country: str = "CH"
    industry_id: str | None = None
    source: LeadSource = LeadSource.OTHER
    campaign_id: str | None = None
    status: LeadStatus = LeadStatus.UNQUALIFIED
    disqualify_reason: str = ""
    owner_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class Lead:
    """A lead as read from the database."""

    id: str
    data: LeadData
    score: int | None
    owner_name: str
    campaign_name: str
    industry_name: str
    created_at: dt.datetime
    organisation_id: str | None = None
    person_id: str | None = None
    opportunity_id: str | None = None

    @property
    def display_name(self) -> str:
        """Person and company as one line."""
        person = " ".join(p for p in (self.data.first_name, self.data.last_name) if p)
        return " · ".join(p for p in (person, self.data.company) if p)


@dataclass(frozen=True)
class LeadRow:
    """One line of the lead list."""

    id: str
    name: str
    company: str
    email: str
    city: str
    source: LeadSource
    status: LeadStatus
    score: int | None
    owner_name: str
    created_at: dt.datetime


@dataclass(frozen=True)
class LeadFilter:
    """What the lead list shows."""

    search: str = ""
    status: frozenset[LeadStatus] = field(default_factory=frozenset)
    source: LeadSource | None = None
    owner_id: str | None = None


@dataclass(frozen=True)
class DuplicateCandidate:
    """An existing person or organisation a lead may be (duplicate warning)."""

    kind: str  # "person" | "organisation" | "lead"
    id: str
    name: str
    detail: str
    reason: str  # "email" | "name" | "phone"
    score: int  # 0-100 similarity


@dataclass(frozen=True)
class ConvertRequest:
    """How to convert a lead: reuse or create organisation and person, open a deal.

    ``organisation_id``/``person_id`` name existing records to reuse; ``None``
    with ``create_*`` True makes new ones from the lead; with ``create_*``
    False the record is left out (a private customer has no organisation).
    """

    lead_id: str
    organisation_id: str | None = None
    create_organisation: bool = True
    person_id: str | None = None
    create_person: bool = True
    create_opportunity: bool = True
    title: str = ""
    amount_minor: int = 0
    currency: str = BASE_CURRENCY
    close_date: dt.date | None = None
    pipeline_id: str | None = None


@dataclass(frozen=True)
class ConvertResult:
    """What a conversion created or reused."""

    lead_id: str
    organisation_id: str | None
    person_id: str | None
    opportunity_id: str | None


# ---- opportunities


@dataclass(frozen=True)
class LineData:
    """A product line: quantity × unit price less a discount (percent × 100)."""

    product_id: str | None
    description: str
    quantity: int = 1
    unit_price_minor: int = 0
    discount_bp: int = 0
    id: str | None = None

    @property
    def total_minor(self) -> int:
        """Line total in minor units, rounded half up."""
        gross = self.quantity * self.unit_price_minor
        return (gross * (10_000 - self.discount_bp) + 5_000) // 10_000


@dataclass(frozen=True)
class OpportunityData:
    """Input for creating or updating an opportunity (Verkaufschance)."""

    title: str
    pipeline_id: str
    stage_id: str
    organisation_id: str | None = None
    person_id: str | None = None
    amount_minor: int = 0
    currency: str = BASE_CURRENCY
    amount_from_lines: bool = False
    probability: int | None = None  # None: the stage's default
    close_date: dt.date | None = None
    owner_id: str | None = None
    next_step: str = ""
    source: LeadSource = LeadSource.OTHER
    campaign_id: str | None = None
    lost_reason: str = ""
    competitor: str = ""
    notes: str = ""
    lines: tuple[LineData, ...] = ()


@dataclass(frozen=True)
class HistoryEntry:
    """One stage, amount, probability or close-date change of an opportunity."""

    field: str
    old: str
    new: str
    changed_at: dt.datetime
    changed_by: str


@dataclass(frozen=True)
class Opportunity:
    """An opportunity as read from the database, with lines and history."""

    id: str
    data: OpportunityData
    outcome: Outcome
    organisation_name: str
    person_name: str
    owner_name: str
    stage_name: str
    pipeline_name: str
    lead_id: str | None
    closed_on: dt.date | None
    stage_entered_at: dt.datetime
    created_at: dt.datetime
    history: tuple[HistoryEntry, ...] = ()

    @property
    def probability(self) -> int:
        """The effective probability (stored, never None once saved)."""
        return self.data.probability or 0


@dataclass(frozen=True)
class OpportunityRow:
    """One line of the opportunity list."""

    id: str
    title: str
    organisation: str
    stage: str
    outcome: Outcome
    amount_minor: int
    currency: str
    probability: int
    close_date: dt.date | None
    owner_name: str
    next_step: str
    stage_id: str = ""


@dataclass(frozen=True)
class BoardFilter:
    """What the board, list and forecast show."""

    pipeline_id: str | None = None
    owner_id: str | None = None
    close_from: dt.date | None = None
    close_to: dt.date | None = None
    search: str = ""
    stage_id: str | None = None
    outcome: Outcome | None = None
    organisation_id: str | None = None


@dataclass(frozen=True)
class Card:
    """An opportunity as a kanban card."""

    id: str
    title: str
    organisation: str
    amount_minor: int
    currency: str
    close_date: dt.date | None
    owner_name: str
    stage_entered_at: dt.datetime
    probability: int

    def days_in_stage(self, now: dt.datetime) -> int:
        """Whole days since the card entered its stage."""
        return max(0, (now - self.stage_entered_at).days)


@dataclass(frozen=True)
class BoardColumn:
    """A stage with its totals (all matching rows) and its first cards."""

    stage: Stage
    count: int
    total_chf_minor: int
    weighted_chf_minor: int
    cards: tuple[Card, ...]
    window_days: int | None = None  # Won/Lost: closed in the last N days only
    #: Raw sums per currency: (currency, Σ amount, Σ amount × probability) and
    #: the rates (micro-CHF) the totals were converted with; a move between
    #: open stages adjusts these exactly instead of scanning the stages again.
    sums: tuple[tuple[str, int, int], ...] = ()
    rates: tuple[tuple[str, int], ...] = ()

    @property
    def more(self) -> int:
        """Matching opportunities not among :attr:`cards`."""
        return max(0, self.count - len(self.cards))


@dataclass(frozen=True)
class MoveResult:
    """What a stage change did; the board refreshes exactly these columns."""

    opportunity_id: str
    old_stage_id: str
    new_stage_id: str
    retrain_due: bool
    amount_minor: int = 0
    currency: str = BASE_CURRENCY
    old_probability: int = 0
    new_probability: int = 0
    close_date_changed: bool = False


# ---- forecast


@dataclass(frozen=True)
class ForecastBucket:
    """One month or quarter of the forecast, in CHF minor units.

    Attributes:
        start: first day of the period.
        won: won business closed in the period.
        weighted: open amount × probability, closing in the period.
        commit: won plus open opportunities at or above the commit probability.
        best_case: won plus every open opportunity closing in the period.
        open_count: open opportunities closing in the period.
    """

    start: dt.date
    won: int
    weighted: int
    commit: int
    best_case: int
    open_count: int


@dataclass(frozen=True)
class Forecast:
    """Buckets over a range plus totals."""

    buckets: tuple[ForecastBucket, ...]
    won_to_date: int
    overdue_count: int
    overdue_weighted: int


# ---- scoring


@dataclass(frozen=True)
class Factor:
    """A feature's share in a score: ``effect`` in percentage points (signed)."""

    feature: str
    value: str
    effect: float


@dataclass(frozen=True)
class Score:
    """A win probability with the factors that raised and lowered it.

    ``percent`` is None when there is too little history; ``reason`` says why.
    """

    percent: int | None
    raised: tuple[Factor, ...] = ()
    lowered: tuple[Factor, ...] = ()
    reason: str = ""
    samples: int = 0
    won: int = 0


@dataclass(frozen=True)
class ModelInfo:
    """What a trained scoring model learned from."""

    kind: str
    samples: int
    won: int
    trained_at: dt.datetime
    ranking: tuple[tuple[str, str, float], ...]  # (feature, value, weight) by |weight|


@dataclass(frozen=True)
class Suggestion:
    """A cross-selling suggestion: a product similar customers bought."""

    product_id: str
    name: str
    buyers: int
    similar: int
    list_price_minor: int
    currency: str
