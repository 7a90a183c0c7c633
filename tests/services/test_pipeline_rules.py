"""Money as typed, percentages, and validation of opportunities, lines and leads."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.pipeline import (
    LeadData,
    LeadStatus,
    LineData,
    OpportunityData,
    Outcome,
)
from app.services.pipeline_rules import (
    MAX_MINOR,
    parse_money,
    parse_percent,
    validate_lead,
    validate_opportunity,
)
from app.services.validation import FieldProblem


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("12500", 1_250_000),
        ("12'500.50", 1_250_050),
        ("12’500.5", 1_250_050),
        ("1.234,50", 123_450),
        ("1,234.50", 123_450),
        ("1,234", 123_400),
        ("12,5", 1_250),
        ("CHF 1'000.–", 100_000),
        ("1000.-", 100_000),
        ("EUR 99", 9_900),
        ("  7 500  ", 750_000),
        ("", 0),
        ("0.05", 5),
        ("1.000.000", 100_000_000),
    ],
)
def test_parse_money_reads_swiss_german_and_english_writing(
    text: str, minor: int
) -> None:
    assert parse_money(text) == minor


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("abc", "amount.invalid"),
        ("12.345.6x", "amount.invalid"),
        ("1.2.3,456", "amount.invalid"),
        ("-5", "amount.negative"),
        ("200000000000", "amount.too_large"),
    ],
)
def test_parse_money_rejects_with_a_code(text: str, code: str) -> None:
    with pytest.raises(FieldProblem) as info:
        parse_money(text)
    assert info.value.code == code


@given(st.integers(min_value=0, max_value=MAX_MINOR))
def test_parse_money_reads_back_swiss_formatting(minor: int) -> None:
    whole, cents = divmod(minor, 100)
    swiss = f"{whole:,}".replace(",", "'") + f".{cents:02d}"
    german = f"{whole:,}".replace(",", ".") + f",{cents:02d}"
    assert parse_money(swiss) == minor
    assert parse_money(german) == minor
    assert parse_money(f"CHF {swiss}") == minor


@given(st.text(max_size=20))
def test_parse_money_never_crashes_otherwise(text: str) -> None:
    try:
        value = parse_money(text)
    except FieldProblem:
        return
    assert 0 <= value <= MAX_MINOR


def test_parse_percent() -> None:
    assert parse_percent("12.5") == 1250
    assert parse_percent("12,5 %") == 1250
    assert parse_percent("100") == 10_000
    assert parse_percent("") == 0
    for bad in ("101", "x", "-3"):
        with pytest.raises(FieldProblem):
            parse_percent(bad)


def _opp(**overrides: object) -> OpportunityData:
    values: dict[str, object] = {
        "title": " Renewal ",
        "pipeline_id": "p",
        "stage_id": "s",
        "organisation_id": "o",
        "close_date": dt.date(2026, 6, 30),
        "amount_minor": 1000,
    }
    values.update(overrides)
    return OpportunityData(**values)  # type: ignore[arg-type]


def test_opportunity_reports_every_bad_field_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        validate_opportunity(
            _opp(
                title=" ",
                organisation_id=None,
                currency="XYZ",
                probability=120,
                close_date=None,
                lines=(LineData(None, "", quantity=0, discount_bp=12_000),),
            ),
            Outcome.LOST,
        )
    fields = {e.field: e.code for e in info.value.errors}
    assert fields == {
        "title": "required",
        "organisation_id": "opportunity.party_required",
        "currency": "currency.unknown",
        "probability": "probability.range",
        "close_date": "required",
        "lost_reason": "required",
        "lines[0].description": "line.empty",
        "lines[0].quantity": "quantity.invalid",
        "lines[0].discount": "percent.range",
    }


def test_amount_from_lines_is_recomputed() -> None:
    lines = (
        LineData("p1", "", quantity=3, unit_price_minor=10_000, discount_bp=1000),
        LineData(None, "Installation", quantity=1, unit_price_minor=55_555),
    )
    data = validate_opportunity(
        _opp(amount_from_lines=True, amount_minor=1, lines=lines), Outcome.OPEN
    )
    assert data.amount_minor == 27_000 + 55_555
    assert data.title == "Renewal"


def test_lost_reason_and_competitor_only_kept_where_they_mean_something() -> None:
    lost = validate_opportunity(
        _opp(lost_reason=" Price ", competitor=" Rival AG "), Outcome.LOST
    )
    assert (lost.lost_reason, lost.competitor) == ("Price", "Rival AG")
    won = validate_opportunity(
        _opp(lost_reason="Price", competitor="Rival AG"), Outcome.WON
    )
    assert (won.lost_reason, won.competitor) == ("", "Rival AG")
    still_open = validate_opportunity(
        _opp(lost_reason="x", competitor="y"), Outcome.OPEN
    )
    assert (still_open.lost_reason, still_open.competitor) == ("", "")


def test_line_total_rounds_half_up() -> None:
    assert (
        LineData(
            None, "x", quantity=1, unit_price_minor=5, discount_bp=1000
        ).total_minor
        == 5
    )
    assert (
        LineData(
            None, "x", quantity=1, unit_price_minor=15, discount_bp=5000
        ).total_minor
        == 8
    )


def test_lead_needs_a_name_or_company_and_valid_contact_data() -> None:
    with pytest.raises(ValidationError) as info:
        validate_lead(LeadData(email="nope", phone="12", postcode="80011"))
    fields = {e.field: e.code for e in info.value.errors}
    assert fields == {
        "last_name": "lead.name_required",
        "email": "email.invalid",
        "phone": "phone.invalid",
        "postcode": "postcode.invalid",
    }


def test_lead_is_normalised() -> None:
    lead = validate_lead(
        LeadData(
            company=" Alpine AG ",
            email="Anna@Alpine.CH",
            phone="044 123 45 67",
            postcode="8001",
            region="zh",
            status=LeadStatus.MQL,
            disqualify_reason="left over",
        )
    )
    assert lead.company == "Alpine AG"
    assert lead.email == "Anna@alpine.ch"
    assert lead.phone == "+41441234567"
    assert lead.region == "ZH"
    assert lead.disqualify_reason == ""


def test_disqualifying_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as info:
        validate_lead(LeadData(last_name="Keller", status=LeadStatus.DISQUALIFIED))
    assert info.value.for_field("disqualify_reason") is not None
