"""ForecastService: weighted, commit, best case and won by month and quarter, in CHF."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.database import Database
from app.domain.pipeline import BoardFilter, ExchangeRate
from app.services.addresses import AddressService
from app.services.forecast import ForecastService
from app.services.pipeline import PipelineService
from app.services.products import CatalogueService
from tests.helpers.factories import make_organisation
from tests.helpers.pipeline import TODAY, Clock, make_opportunity, stage_id, won_stage


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def pipeline(db: Database, clock: Clock) -> PipelineService:
    return PipelineService(db.sessions, today=clock.today, now=clock.now)


@pytest.fixture
def forecast(db: Database, pipeline: PipelineService, clock: Clock) -> ForecastService:
    return ForecastService(db.sessions, pipeline, today=clock.today)


def test_forecast_by_month(
    forecast: ForecastService,
    pipeline: PipelineService,
    addresses: AddressService,
    db: Database,
) -> None:
    org = make_organisation(addresses).id
    p = pipeline.pipeline()
    april = dt.date(2026, 4, 10)
    # Qualification 10 %, Negotiation 75 % (commit), EUR at a dated rate
    make_opportunity(
        pipeline, organisation_id=org, amount_minor=1_000_000, close_date=april
    )
    make_opportunity(
        pipeline,
        organisation_id=org,
        amount_minor=2_000_000,
        close_date=april,
        stage_id=stage_id(p, "Negotiation"),
    )
    make_opportunity(
        pipeline,
        organisation_id=org,
        amount_minor=1_000_000,
        currency="EUR",
        close_date=dt.date(2026, 5, 2),
        stage_id=stage_id(p, "Offer"),
    )
    CatalogueService(db.sessions).set_rate(
        ExchangeRate("EUR", dt.date(2026, 5, 1), 930_000)
    )
    won = make_opportunity(pipeline, organisation_id=org, amount_minor=700_000)
    pipeline.move_to_stage(won.id, won_stage(p))  # closes today, in March
    result = forecast.forecast(BoardFilter(), months=3)
    march, apr, may = result.buckets
    assert march.start == dt.date(2026, 3, 1)
    assert (march.won, march.weighted, march.open_count) == (700_000, 0, 0)
    assert apr.weighted == 100_000 + 1_500_000
    assert apr.commit == 2_000_000
    assert apr.best_case == 3_000_000
    assert apr.open_count == 2
    assert may.weighted == 465_000  # 1'000'000 EUR cents × 0.93 × 50 %
    assert may.best_case == 930_000
    assert result.won_to_date == 700_000


def test_quarters_fold_months(
    forecast: ForecastService, pipeline: PipelineService, addresses: AddressService
) -> None:
    org = make_organisation(addresses).id
    for day in (dt.date(2026, 4, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 1)):
        make_opportunity(
            pipeline, organisation_id=org, amount_minor=100_000, close_date=day
        )
    result = forecast.forecast(BoardFilter(), months=6, quarterly=True)
    assert [b.start for b in result.buckets] == [
        dt.date(2026, 1, 1),
        dt.date(2026, 4, 1),
    ]
    assert result.buckets[1].best_case == 200_000
    longer = forecast.forecast(BoardFilter(), months=9, quarterly=True)
    assert longer.buckets[2].best_case == 100_000


def test_overdue_open_business_is_reported(
    forecast: ForecastService, pipeline: PipelineService, addresses: AddressService
) -> None:
    make_opportunity(
        pipeline,
        addresses,
        amount_minor=1_000_000,
        close_date=TODAY - dt.timedelta(days=3),
    )
    result = forecast.forecast(BoardFilter(), months=1)
    assert (result.overdue_count, result.overdue_weighted) == (1, 100_000)


def test_replan_moves_business_to_another_month(
    forecast: ForecastService, pipeline: PipelineService, addresses: AddressService
) -> None:
    opp = make_opportunity(
        pipeline, addresses, amount_minor=1_000_000, close_date=dt.date(2026, 3, 31)
    )
    before = forecast.forecast(BoardFilter(), months=3)
    assert before.buckets[0].best_case == 1_000_000
    count, cards = forecast.month_cards(BoardFilter(), dt.date(2026, 3, 1))
    assert (count, [c.id for c in cards]) == (1, [opp.id])
    forecast.replan(opp.id, dt.date(2026, 4, 1), day=31)
    after = forecast.forecast(BoardFilter(), months=3)
    assert after.buckets[0].best_case == 0
    assert after.buckets[1].best_case == 1_000_000
    assert pipeline.get_opportunity(opp.id).data.close_date == dt.date(2026, 4, 30)


def test_owner_and_pipeline_filter(
    forecast: ForecastService, pipeline: PipelineService, addresses: AddressService
) -> None:
    make_opportunity(pipeline, addresses, amount_minor=1_000_000, owner_id=None)
    result = forecast.forecast(BoardFilter(owner_id="someone"), months=3)
    assert all(b.best_case == 0 for b in result.buckets)
    everything = forecast.forecast(BoardFilter(pipeline_id=pipeline.pipeline().id))
    assert sum(b.best_case for b in everything.buckets) == 1_000_000


def test_large_sums_stay_exact_integers(
    forecast: ForecastService, pipeline: PipelineService, addresses: AddressService
) -> None:
    org = make_organisation(addresses).id
    big = 9_000_000_000_000  # 90 billion in cents: amount × rate exceeds 64 bits
    make_opportunity(
        pipeline,
        organisation_id=org,
        amount_minor=big,
        currency="USD",
        close_date=TODAY,
    )
    bucket = forecast.forecast(BoardFilter(), months=1).buckets[0]
    assert bucket.best_case == big * 88 // 100
    assert isinstance(bucket.best_case, int)
    assert bucket.weighted == big * 88 // 100 // 10
