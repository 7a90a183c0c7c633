"""The analytics formulas against small hand-computed sets."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.analytics import (
    CltvMethod,
    CltvSettings,
    DashPeriod,
    NpsClass,
    NpsCounts,
    OwnerPerformance,
    SourceRow,
    cltv_value,
    dash_period_range,
    funnel,
    nps_class,
    nps_of,
    overall_conversion,
    same_day_last_year,
    week_start,
    ytd,
)


def test_nps_classes_at_the_borders() -> None:
    assert [nps_class(s) for s in (0, 6, 7, 8, 9, 10)] == [
        NpsClass.DETRACTOR,
        NpsClass.DETRACTOR,
        NpsClass.PASSIVE,
        NpsClass.PASSIVE,
        NpsClass.PROMOTER,
        NpsClass.PROMOTER,
    ]


def test_nps_hand_computed() -> None:
    # 5 promoters, 3 passives, 2 detractors of 10: 50 % − 20 % = 30
    counts = nps_of([10, 9, 9, 10, 9, 8, 7, 7, 3, 6])
    assert counts == NpsCounts(5, 3, 2)
    assert counts.total == 10
    assert counts.score == pytest.approx(30.0)


def test_nps_without_answers_is_none() -> None:
    assert NpsCounts().score is None


def test_nps_counts_add() -> None:
    assert NpsCounts(1, 2, 3) + NpsCounts(4, 5, 6) == NpsCounts(5, 7, 9)


@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=200))
def test_nps_lies_between_minus_and_plus_100(scores: list[int]) -> None:
    score = nps_of(scores).score
    assert score is not None
    assert -100.0 <= score <= 100.0
    assert nps_of(scores).total == len(scores)


def test_funnel_conversion_hand_computed() -> None:
    stages = [("q", "Qualification", False), ("o", "Offer", False), ("w", "Won", True)]
    counts = {"q": (50, 5_000), "o": (30, 3_000), "w": (20, 2_000)}
    result = funnel(stages, counts, lost=(100, 10_000))
    # reached: won 20; offer 30 + 20 = 50; qualification 50 + 50 + 100 lost = 200
    assert [s.reached for s in result] == [200, 50, 20]
    assert [s.reached_chf for s in result] == [20_000, 5_000, 2_000]
    assert [s.current for s in result] == [50, 30, 20]
    assert result[0].conversion == pytest.approx(0.25)
    assert result[1].conversion == pytest.approx(0.4)
    assert result[2].conversion is None
    assert result[2].is_won
    assert overall_conversion(result) == pytest.approx(0.1)


def test_funnel_empty_stage_has_no_conversion() -> None:
    result = funnel([("a", "A", False), ("w", "Won", True)], {})
    assert [s.reached for s in result] == [0, 0]
    assert result[0].conversion is None
    assert overall_conversion(result) is None


def test_ytd_against_last_year_hand_computed() -> None:
    result = ytd(
        dt.date(2026, 3, 16),
        {1: 100, 2: 200, 3: 50},
        {1: 80, 2: 100, 3: 20, 4: 999},  # April last year is after the cut
    )
    assert [m.month for m in result.months] == [1, 2, 3]
    assert [m.cumulative for m in result.months] == [100, 300, 350]
    assert [m.cumulative_last for m in result.months] == [80, 180, 200]
    assert (result.total, result.total_last) == (350, 200)
    assert result.change == pytest.approx(75.0)


def test_ytd_without_last_year_has_no_change() -> None:
    assert ytd(dt.date(2026, 1, 5), {1: 10}, {}).change is None


def test_same_day_last_year_on_leap_day() -> None:
    assert same_day_last_year(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
    assert same_day_last_year(dt.date(2026, 3, 16)) == dt.date(2025, 3, 16)


def test_cltv_projected_hand_computed() -> None:
    # 300'000.00 won over 3 years: 100'000.00 a year × 40 % × 5 years = 200'000.00
    today = dt.date(2026, 1, 1)
    first = today - dt.timedelta(days=round(3 * 365.25))
    value, yearly, active = cltv_value(
        30_000_000, first, today, CltvSettings(margin_bp=4000, years=5)
    )
    assert active == pytest.approx(3.0, abs=0.01)
    assert yearly == pytest.approx(10_000_000, rel=0.001)
    assert value == pytest.approx(20_000_000, rel=0.001)


def test_cltv_historic_plus_projected_hand_computed() -> None:
    # 2 years, 200'000.00: historic 200'000 × 50 % = 100'000; 3 more years of
    # 100'000 × 50 % = 150'000; together 250'000.00
    today = dt.date(2026, 1, 1)
    first = today - dt.timedelta(days=round(2 * 365.25))
    value, _yearly, _active = cltv_value(
        20_000_000,
        first,
        today,
        CltvSettings(5000, 5, CltvMethod.HISTORIC_PLUS_PROJECTED),
    )
    assert value == pytest.approx(25_000_000, rel=0.001)


def test_cltv_new_customer_counts_a_full_year() -> None:
    today = dt.date(2026, 6, 1)
    value, yearly, active = cltv_value(
        1_000_000, today - dt.timedelta(days=10), today, CltvSettings(10_000, 2)
    )
    assert active == 1.0
    assert yearly == 1_000_000
    assert value == 2_000_000


def test_win_rate_and_source_figures() -> None:
    perf = OwnerPerformance("u", "Anna", won=3, lost=1, won_chf=400, cycle_days=30.0)
    assert perf.win_rate == pytest.approx(75.0)
    assert OwnerPerformance(None, "", 0, 0, 0, None).win_rate is None
    row = SourceRow("web_form", None, "", leads=40, leads_won=10, won=12, won_chf=600)
    assert row.conversion == pytest.approx(25.0)
    assert row.average_deal == 50
    assert SourceRow("other", None, "", 0, 0, 0, 0).average_deal is None


def test_period_ranges() -> None:
    today = dt.date(2026, 5, 20)
    assert dash_period_range(DashPeriod.THIS_YEAR, today) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
    )
    assert dash_period_range(DashPeriod.LAST_QUARTER, today) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 3, 31),
    )
    assert dash_period_range(DashPeriod.LAST_12_MONTHS, today) == (
        dt.date(2025, 6, 1),
        today,
    )
    assert week_start(dt.date(2026, 5, 20)) == dt.date(2026, 5, 18)
