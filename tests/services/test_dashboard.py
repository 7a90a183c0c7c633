"""The dashboard, reports, CLTV and NPS services against hand-computed data sets."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import update

from app.db.database import Database
from app.domain.analytics import (
    CltvMethod,
    CltvSettings,
    DashFilter,
    DashPeriod,
    Measure,
    NpsCounts,
    ReportDef,
)
from app.domain.errors import UserError, ValidationError
from app.domain.journal import EntryKind, JournalEntryData, LinkKind, LinkRef
from app.domain.pipeline import BoardFilter
from app.domain.segments import Condition, Group, Op, SegmentData
from app.models import UserAccount
from app.models.pipeline import Lead, Opportunity
from app.services.addresses import AddressService
from app.services.analytics import AnalyticsServices
from app.services.dashboard import DashboardService, Drill
from app.services.forecast import ForecastService
from app.services.journal_services import JournalServices
from app.services.nps import NpsAnswer
from app.services.pipeline import PipelineService
from app.services.segments import SegmentService
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.pipeline import TODAY, Clock, make_opportunity, stage_id, won_stage


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def pipeline(db: Database, clock: Clock) -> PipelineService:
    return PipelineService(db.sessions, today=clock.today, now=clock.now)


@pytest.fixture
def analytics(
    db: Database, pipeline: PipelineService, clock: Clock
) -> AnalyticsServices:
    return AnalyticsServices.build(
        db.sessions, pipeline, today=clock.today, now=clock.now
    )


@pytest.fixture
def users(db: Database) -> tuple[str, str]:
    with db.sessions.begin() as s:
        s.add(UserAccount(id="u-anna", username="anna", display_name="Anna Keller"))
        s.add(UserAccount(id="u-beat", username="beat", display_name="Beat Huber"))
    return "u-anna", "u-beat"


def _lose(pipeline: PipelineService, opp_id: str) -> None:
    pipeline.move_to_stage(
        opp_id, stage_id(pipeline.pipeline(), "Lost"), lost_reason="Price"
    )


def _win(pipeline: PipelineService, opp_id: str) -> None:
    pipeline.move_to_stage(opp_id, won_stage(pipeline.pipeline()))


def test_funnel_counts_and_conversions(
    analytics: AnalyticsServices, pipeline: PipelineService, addresses: AddressService
) -> None:
    p = pipeline.pipeline()
    org = make_organisation(addresses).id
    close = TODAY + dt.timedelta(days=40)
    for _ in range(3):
        make_opportunity(pipeline, organisation_id=org, close_date=close)
    for _ in range(2):
        make_opportunity(
            pipeline,
            organisation_id=org,
            close_date=close,
            amount_minor=2_000_000,
            stage_id=stage_id(p, "Offer"),
        )
    _win(pipeline, make_opportunity(pipeline, organisation_id=org).id)
    for _ in range(2):
        _lose(pipeline, make_opportunity(pipeline, organisation_id=org).id)
    # next year: outside "this year"
    make_opportunity(pipeline, organisation_id=org, close_date=dt.date(2027, 2, 1))

    dash = analytics.dashboard.compute(DashFilter(period=DashPeriod.THIS_YEAR))
    by_name = {s.name: s for s in dash.funnel}
    assert [s.name for s in dash.funnel] == [
        "Qualification",
        "Needs analysis",
        "Offer",
        "Negotiation",
        "Won",
    ]
    # reached: won 1; negotiation 1; offer 2 + 1 = 3; needs analysis 3;
    # qualification 3 + 3 + 2 lost = 8
    assert [s.reached for s in dash.funnel] == [8, 3, 3, 1, 1]
    assert by_name["Qualification"].current == 3
    assert by_name["Qualification"].current_chf == 3_000_000
    assert by_name["Offer"].current_chf == 4_000_000
    assert by_name["Qualification"].conversion == pytest.approx(3 / 8)
    assert by_name["Offer"].conversion == pytest.approx(1 / 3)
    assert by_name["Won"].conversion is None


def test_forecast_tile_equals_the_forecast_service(
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    db: Database,
    clock: Clock,
) -> None:
    org = make_organisation(addresses).id
    p = pipeline.pipeline()
    make_opportunity(
        pipeline,
        organisation_id=org,
        amount_minor=1_000_000,
        close_date=dt.date(2026, 4, 10),
    )
    make_opportunity(
        pipeline,
        organisation_id=org,
        amount_minor=2_000_000,
        close_date=dt.date(2026, 4, 20),
        stage_id=stage_id(p, "Negotiation"),
    )
    _win(pipeline, make_opportunity(pipeline, organisation_id=org).id)
    dash = analytics.dashboard.compute(DashFilter())
    expected = ForecastService(db.sessions, pipeline, today=clock.today).forecast(
        BoardFilter(), months=12
    )
    assert dash.forecast == expected.buckets
    april = dash.forecast[1]
    # weighted by hand: 10'000 × 10 % + 20'000 × 75 % = 16'000.00
    assert april.weighted == 1_600_000
    assert april.commit == 2_000_000
    assert dash.forecast[0].won == 1_000_000


def test_ytd_against_the_same_day_last_year(
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    clock: Clock,
) -> None:
    org = make_organisation(addresses).id

    def won_on(day: dt.date, amount: int) -> None:
        clock.current = dt.datetime.combine(day, dt.time(10), dt.UTC)
        opp = make_opportunity(pipeline, organisation_id=org, amount_minor=amount)
        _win(pipeline, opp.id)

    won_on(dt.date(2025, 1, 20), 100_000)
    won_on(dt.date(2025, 3, 10), 50_000)
    won_on(dt.date(2025, 3, 20), 999_999)  # after 16 March last year: not compared
    won_on(dt.date(2026, 2, 2), 300_000)
    won_on(dt.date(2026, 3, 1), 30_000)
    clock.current = dt.datetime.combine(TODAY, dt.time(12), dt.UTC)
    ytd = analytics.dashboard.compute(DashFilter()).ytd
    assert ytd.as_of == TODAY
    assert [m.this_year for m in ytd.months] == [0, 300_000, 30_000]
    assert [m.last_year for m in ytd.months] == [100_000, 0, 50_000]
    assert (ytd.total, ytd.total_last) == (330_000, 150_000)
    assert ytd.change == pytest.approx(120.0)


def test_owners_win_rate_cycle_and_sources(
    db: Database,
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    clock: Clock,
    users: tuple[str, str],
) -> None:
    anna, beat = users
    org = make_organisation(addresses).id
    clock.current = dt.datetime(2026, 1, 6, 9, tzinfo=dt.UTC)
    deals = [
        make_opportunity(
            pipeline,
            organisation_id=org,
            owner_id=owner,
            amount_minor=amount,
            source=source,
        ).id
        for owner, amount, source in (
            (anna, 500_000, "referral"),
            (anna, 300_000, "referral"),
            (anna, 100_000, "web_form"),
            (beat, 700_000, "web_form"),
        )
    ]
    with db.sessions.begin() as s:  # created_at is stamped by the database's clock
        s.execute(
            update(Opportunity).values(
                created_at=dt.datetime(2026, 1, 6, 9, tzinfo=dt.UTC)
            )
        )
    clock.current = dt.datetime(2026, 2, 5, 9, tzinfo=dt.UTC)  # 30 days later
    _win(pipeline, deals[0])
    clock.current = dt.datetime(2026, 3, 7, 9, tzinfo=dt.UTC)  # 60 days later
    _win(pipeline, deals[1])
    _lose(pipeline, deals[2])
    _win(pipeline, deals[3])
    clock.current = dt.datetime.combine(TODAY, dt.time(12), dt.UTC)
    dash = analytics.dashboard.compute(DashFilter())
    owners = {o.owner_id: o for o in dash.owners}
    assert (owners[anna].won, owners[anna].lost) == (2, 1)
    assert owners[anna].win_rate == pytest.approx(200 / 3)
    assert owners[anna].cycle_days == pytest.approx(45.0)
    assert owners[anna].won_chf == 800_000
    assert owners[anna].name == "Anna Keller"
    assert owners[beat].win_rate == pytest.approx(100.0)
    sources = {s.source: s for s in dash.sources}
    assert (sources["referral"].won, sources["referral"].won_chf) == (2, 800_000)
    assert sources["referral"].average_deal == 400_000
    assert sources["web_form"].won == 1

    only_anna = analytics.dashboard.compute(DashFilter(owner_id=anna))
    assert [o.owner_id for o in only_anna.owners] == [anna]
    assert only_anna.ytd.total == 800_000


def test_lead_sources_count_leads_and_won_leads(
    db: Database,
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    clock: Clock,
    users: tuple[str, str],
) -> None:
    """Leads of the period per source; converted = their deal was won (once per
    lead, however many deals); the owner filter applies to the leads."""
    anna, beat = users
    org = make_organisation(addresses).id
    in_period = dt.datetime(2026, 2, 1, 9, tzinfo=dt.UTC)
    leads = [
        ("l1", "referral", anna, in_period),
        ("l2", "referral", anna, in_period),
        ("l3", "referral", beat, in_period),
        ("l4", "web_form", anna, in_period),
        ("l5", "referral", anna, dt.datetime(2025, 6, 1, 9, tzinfo=dt.UTC)),
    ]
    with db.sessions.begin() as s:
        for lead_id, source, owner, _created in leads:
            s.add(Lead(id=lead_id, last_name=lead_id, source=source, owner_id=owner))
        s.flush()
        for lead_id, _source, _owner, created in leads:
            s.execute(update(Lead).where(Lead.id == lead_id).values(created_at=created))
    won = {"l1": 2, "l3": 1, "l5": 1}  # l1 won twice, l5 before the period
    for lead_id, times in won.items():
        for _ in range(times):
            opp = make_opportunity(pipeline, organisation_id=org, source="referral")
            with db.sessions.begin() as s:
                s.execute(
                    update(Opportunity)
                    .where(Opportunity.id == opp.id)
                    .values(lead_id=lead_id)
                )
            _win(pipeline, opp.id)
    make_opportunity(pipeline, organisation_id=org)  # open, no lead
    dash = analytics.dashboard.compute(DashFilter())
    rows = {r.source: r for r in dash.sources}
    assert (rows["referral"].leads, rows["referral"].leads_won) == (3, 2)
    assert rows["referral"].conversion == pytest.approx(200 / 3)
    assert (rows["web_form"].leads, rows["web_form"].leads_won) == (1, 0)
    assert rows["referral"].won == 4  # won deals of the period, from any lead
    mine = analytics.dashboard.compute(DashFilter(owner_id=anna))
    rows = {r.source: r for r in mine.sources}
    assert (rows["referral"].leads, rows["referral"].leads_won) == (2, 1)


def test_cltv_top_customers_and_settings(
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    clock: Clock,
) -> None:
    big = make_organisation(addresses, name="Gross AG").id
    small = make_organisation(addresses, name="Klein GmbH").id
    clock.current = dt.datetime(2024, 3, 16, 9, tzinfo=dt.UTC)  # two years ago
    _win(
        pipeline,
        make_opportunity(pipeline, organisation_id=big, amount_minor=10_000_000).id,
    )
    clock.current = dt.datetime.combine(TODAY, dt.time(9), dt.UTC)
    _win(
        pipeline,
        make_opportunity(pipeline, organisation_id=big, amount_minor=10_000_000).id,
    )
    _win(
        pipeline,
        make_opportunity(pipeline, organisation_id=small, amount_minor=1_000_000).id,
    )
    analytics.cltv.save_settings(CltvSettings(margin_bp=4000, years=5))
    dash = analytics.dashboard.compute(DashFilter())
    top = dash.top_customers
    assert [c.name for c in top] == ["Gross AG", "Klein GmbH"]
    # 200'000.00 over 2 years: 100'000.00 a year × 40 % × 5 years = 200'000.00
    assert top[0].revenue == 20_000_000
    assert top[0].deals == 2
    assert top[0].years_active == pytest.approx(2.0, abs=0.01)
    assert top[0].value == pytest.approx(20_000_000, rel=0.005)
    # a new customer counts a full year: 10'000 × 40 % × 5 = 20'000.00
    assert top[1].value == 2_000_000
    assert dash.cltv_settings.margin_bp == 4000

    analytics.cltv.save_settings(
        CltvSettings(5000, 5, CltvMethod.HISTORIC_PLUS_PROJECTED)
    )
    rows = analytics.cltv.page(sort="name", descending=False, offset=0, limit=10)
    assert [r.name for r in rows] == ["Gross AG", "Klein GmbH"]
    # historic 200'000 × 50 % + 3 more years × 100'000 × 50 % = 250'000.00
    assert rows[0].value == pytest.approx(25_000_000, rel=0.005)
    assert analytics.cltv.count() == 2


def test_cltv_pages_follow_every_sort_key(
    analytics: AnalyticsServices, pipeline: PipelineService, addresses: AddressService
) -> None:
    """The list is ranked before the names are joined: every sort and page
    must still equal sorting all rows (ties broken by the organisation id)."""
    amounts = [3_000_000, 1_000_000, 3_000_000, 2_000_000, 500_000]
    for i, amount in enumerate(amounts):
        org = make_organisation(addresses, name=f"Firma {'EDCBA'[i]}").id
        for _ in range(i % 2 + 1):
            _win(
                pipeline,
                make_opportunity(pipeline, organisation_id=org, amount_minor=amount).id,
            )
    every = analytics.cltv.page(sort="name", descending=False, offset=0, limit=50)
    assert [r.name for r in every] == [f"Firma {c}" for c in "ABCDE"]
    keys = {
        "value": lambda r: r.value,
        "revenue": lambda r: r.revenue,
        "yearly": lambda r: r.yearly,
        "deals": lambda r: r.deals,
        "first_won": lambda r: r.first_won,
    }
    for sort, key in keys.items():
        for descending in (True, False):
            expected = sorted(every, key=lambda r: r.organisation_id)
            expected.sort(key=key, reverse=descending)
            pages = [
                analytics.cltv.page(
                    sort=sort, descending=descending, offset=offset, limit=2
                )
                for offset in (0, 2, 4)
            ]
            assert [r for page in pages for r in page] == expected, (sort, descending)


def test_cltv_settings_refuse_bad_values(analytics: AnalyticsServices) -> None:
    with pytest.raises(ValidationError) as caught:
        analytics.cltv.save_settings(CltvSettings(margin_bp=12_000, years=0))
    assert {e.code for e in caught.value.errors} == {"cltv.margin", "cltv.years"}
    assert analytics.cltv.settings() == CltvSettings()


def test_nps_record_validation_and_tiles(
    analytics: AnalyticsServices, addresses: AddressService, db: Database
) -> None:
    anna = make_person(addresses, last_name="Keller")
    beat = make_person(addresses, last_name="Huber")
    with pytest.raises(ValidationError) as caught:
        analytics.nps.record(
            NpsAnswer(anna.id, 11, TODAY + dt.timedelta(days=1), comment="x")
        )
    assert {e.field for e in caught.value.errors} == {"score", "answered_on"}
    assert analytics.nps.count() == 0  # nothing written
    with pytest.raises(ValidationError) as missing:
        analytics.nps.record(NpsAnswer("", 5, TODAY))
    assert missing.value.errors[0].code == "nps.person"

    march = dt.date(2026, 3, 2)
    feb = dt.date(2026, 2, 10)
    for person, score, day in (
        (anna, 10, march),
        (anna, 9, feb),
        (beat, 7, march),
        (beat, 3, march),
        (beat, 6, feb),
    ):
        analytics.nps.record(NpsAnswer(person.id, score, day))
    dash = analytics.dashboard.compute(DashFilter())
    assert dash.nps_total == NpsCounts(2, 1, 2)
    assert dash.nps_total.score == pytest.approx(0.0)
    months = {p.key: p.counts for p in dash.nps_months}
    assert months["2026-02"] == NpsCounts(1, 0, 1)
    assert months["2026-03"].score == pytest.approx(0.0)  # 1 promoter, 1 detractor of 3

    segments = SegmentService(db.sessions)
    segments.save(
        SegmentData(
            "Kellers",
            "person",
            Group(items=(Condition("last_name", Op.EQ, "Keller"),)),
        )
    )
    dash = analytics.dashboard.compute(DashFilter())
    assert [(p.label, p.counts) for p in dash.nps_segments] == [
        ("Kellers", NpsCounts(2, 0, 0))
    ]
    rows = analytics.nps.page(offset=0, limit=10)
    assert sorted(r.score for r in rows[:3]) == [3, 7, 10]  # March first
    assert [r.answered_on for r in rows][-2:] == [feb, feb]
    assert analytics.nps.count("Huber") == 3


def test_segment_filter_applies_to_every_tile(
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    db: Database,
    tmp_path: object,
) -> None:
    zurich = make_organisation(addresses, name="Zürich AG")
    bern = make_organisation(addresses, name="Bern AG")
    _win(
        pipeline,
        make_opportunity(pipeline, organisation_id=zurich.id, amount_minor=400_000).id,
    )
    _win(
        pipeline,
        make_opportunity(pipeline, organisation_id=bern.id, amount_minor=900_000).id,
    )
    make_opportunity(pipeline, organisation_id=bern.id)
    segment, _ = SegmentService(db.sessions).save(
        SegmentData(
            "Zürich",
            "organisation",
            Group(items=(Condition("name", Op.EQ, "Zürich AG"),)),
        )
    )
    everything = analytics.dashboard.compute(DashFilter())
    assert everything.ytd.total == 1_300_000
    only = analytics.dashboard.compute(DashFilter(segment_id=segment.id))
    assert only.segment_name == "Zürich"
    assert only.ytd.total == 400_000
    assert [c.name for c in only.top_customers] == ["Zürich AG"]
    assert sum(s.reached for s in only.funnel[:1]) == 1
    assert sum(b.won for b in only.forecast) == 400_000
    # the records behind the Won bar of the funnel, with the segment applied
    won = only.funnel[-1]
    drill = Drill(DashFilter(segment_id=segment.id), stage_id=won.stage_id)
    assert analytics.dashboard.drill_count(drill) == 1
    rows = analytics.dashboard.drill_page(drill, offset=0, limit=50, total=1)
    assert [r.organisation for r in rows] == ["Zürich AG"]


def test_activity_per_owner_and_week(
    analytics: AnalyticsServices,
    addresses: AddressService,
    db: Database,
    users: tuple[str, str],
    tmp_path: object,
    clock: Clock,
) -> None:
    from pathlib import Path

    anna, beat = users
    journal = JournalServices.build(
        db.sessions,
        attachments_dir=Path(str(tmp_path)) / "att",
        clock=clock.now,
    )
    person = make_person(addresses)
    ref = LinkRef(LinkKind.PERSON, person.id)
    for owner, when in (
        (anna, dt.datetime(2026, 3, 16, 8, tzinfo=dt.UTC)),  # this week (Monday)
        (anna, dt.datetime(2026, 3, 10, 8, tzinfo=dt.UTC)),  # last week
        (anna, dt.datetime(2026, 3, 9, 8, tzinfo=dt.UTC)),
        (beat, dt.datetime(2026, 3, 15, 20, tzinfo=dt.UTC)),  # Sunday: last week
    ):
        journal.entries.create_entry(
            JournalEntryData(
                kind=EntryKind.CALL,
                occurred_at=when,
                subject="Call",
                owner_id=owner,
                links=(ref,),
            )
        )
    dash = analytics.dashboard.compute(DashFilter())
    assert dash.weeks[-1] == dt.date(2026, 3, 16)
    series = {a.owner_id: a.counts for a in dash.activity}
    assert series[anna][-2:] == (2, 1)
    assert series[beat][-2:] == (1, 0)


def test_report_two_dimensions_hand_computed(
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    users: tuple[str, str],
) -> None:
    anna, beat = users
    org = make_organisation(addresses).id
    p = pipeline.pipeline()
    for owner, stage, amount in (
        (anna, "Qualification", 100_000),
        (anna, "Qualification", 300_000),
        (anna, "Offer", 200_000),
        (beat, "Offer", 1_000_000),
    ):
        make_opportunity(
            pipeline,
            organisation_id=org,
            owner_id=owner,
            stage_id=stage_id(p, stage),
            amount_minor=amount,
        )
    result = analytics.reports.run(
        ReportDef(dims=("owner", "stage"), measure=Measure.WEIGHTED)
    )
    table = {r.labels: (r.count, r.total, r.average, r.weighted) for r in result.rows}
    assert table == {
        ("Anna Keller", "Qualification"): (2, 400_000, 200_000, 40_000),
        ("Anna Keller", "Offer"): (1, 200_000, 200_000, 100_000),
        ("Beat Huber", "Offer"): (1, 1_000_000, 1_000_000, 500_000),
    }
    assert result.rows[0].labels == ("Anna Keller", "Qualification")
    assert (result.total.count, result.total.total) == (4, 1_600_000)
    assert result.rows[0].value(Measure.WEIGHTED) == 40_000


def test_report_refuses_repeated_dimensions(analytics: AnalyticsServices) -> None:
    with pytest.raises(UserError) as caught:
        analytics.reports.run(ReportDef(dims=("owner", "owner")))
    assert caught.value.code == "report.invalid"


def test_saved_reports(analytics: AnalyticsServices) -> None:
    report = ReportDef(dims=("source",), measure=Measure.COUNT, outcome="won")
    info, _changes = analytics.reports.save("Won by source", report)
    assert [r.name for r in analytics.reports.saved()] == ["Won by source"]
    assert analytics.reports.saved()[0].definition == report
    with pytest.raises(ValidationError) as caught:
        analytics.reports.save(" won BY source ", ReportDef())
    assert caught.value.errors[0].code == "report.name_taken"
    with pytest.raises(ValidationError):
        analytics.reports.save("", ReportDef())
    analytics.reports.delete(info.id)
    assert analytics.reports.saved() == []


def test_empty_database_dashboard(analytics: AnalyticsServices) -> None:
    dash = analytics.dashboard.compute(DashFilter())
    assert dash.empty
    assert dash.top_customers == ()
    assert dash.nps_total.score is None
    assert dash.last_sync is None
    assert not any(b.best_case for b in dash.forecast)


def test_a_filter_change_keeps_the_tiles_it_does_not_touch(
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    users: tuple[str, str],
) -> None:
    anna, _beat = users
    org = make_organisation(addresses).id
    make_opportunity(pipeline, organisation_id=org, owner_id=anna)
    service = analytics.dashboard
    first = service.compute(DashFilter())
    assert sum(first.timings_ms.values()) > 0  # read
    # another period: forecast, customers, YTD and activity end today as well
    other = service.compute(DashFilter(period=DashPeriod.LAST_12_MONTHS))
    assert other.forecast is first.forecast
    assert other.top_customers is first.top_customers
    assert other.ytd is first.ytd
    assert other.activity is first.activity
    assert other.funnel is not first.funnel
    assert other.timings_ms["forecast"] == 0
    assert other.timings_ms["funnel"] > 0
    # another owner: everything is read again
    mine = service.compute(DashFilter(owner_id=anna))
    assert mine.forecast is not first.forecast
    assert mine.forecast == first.forecast  # all deals are Anna's
    # back to the first filter: nothing is read
    back = service.compute(DashFilter())
    assert back.funnel is first.funnel
    assert back.nps_segments is first.nps_segments
    assert not any(back.timings_ms.values())
    # a commit by anybody (here a new deal): read again, with the new deal
    make_opportunity(pipeline, organisation_id=org, owner_id=anna)
    again = service.compute(DashFilter())
    assert again.forecast is not first.forecast
    assert again.funnel[0].reached == first.funnel[0].reached + 1
    # forget(): read again although nothing changed
    service.forget()
    assert service.compute(DashFilter()).funnel is not again.funnel


def test_background_tiles_are_kept_too(
    analytics: AnalyticsServices, pipeline: PipelineService, addresses: AddressService
) -> None:
    make_opportunity(pipeline, organisation_id=make_organisation(addresses).id)
    service = analytics.dashboard
    flt = DashFilter(period=DashPeriod.LAST_YEAR)
    assert service.compute(flt, background=True).pending
    tiles = service.background_tiles(flt)
    shown = service.compute(flt, background=True)
    assert not shown.pending  # the slow tiles computed once are kept
    assert shown.activity is tiles.activity
    assert shown.weeks == tiles.weeks


def test_two_lanes_and_one_compute_the_same(
    db: Database,
    analytics: AnalyticsServices,
    pipeline: PipelineService,
    addresses: AddressService,
    users: tuple[str, str],
    clock: Clock,
) -> None:
    anna, beat = users
    for i, owner in enumerate((anna, beat, anna)):
        org = make_organisation(addresses, name=f"Firma {i}").id
        opp = make_opportunity(
            pipeline, organisation_id=org, owner_id=owner, amount_minor=100_000 * i
        )
        if i:
            _win(pipeline, opp.id)
    single = DashboardService(
        db.sessions, pipeline, today=clock.today, now=clock.now, lanes=1
    )
    double = DashboardService(
        db.sessions, pipeline, today=clock.today, now=clock.now, adaptive=False
    )
    assert (single.lanes_now(), double.lanes_now()) == (1, 2)
    assert analytics.dashboard.lanes_now() in (1, 2)  # 2 while a core is idle
    for flt in (DashFilter(), DashFilter(owner_id=anna)):
        two = double.compute(flt)
        one = single.compute(flt)
        assert replace(two, timings_ms={}) == replace(one, timings_ms={})
        assert two.ytd.total == (300_000 if flt.owner_id is None else 200_000)
