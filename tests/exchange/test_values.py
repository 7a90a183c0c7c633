"""Value parsers: Swiss/German/English dates and numbers, money, names, streets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.exchange.values import (
    DateOrder,
    ValueProblem,
    cell_text,
    detect_date_order,
    fold,
    needs_date_order,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_money,
    split_name,
    split_street,
)

TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("31.12.2026", dt.date(2026, 12, 31)),
        ("1.2.2026", dt.date(2026, 2, 1)),
        ("31.12.26", dt.date(2026, 12, 31)),
        ("24.03.55", dt.date(1955, 3, 24)),
        ("2026-12-31", dt.date(2026, 12, 31)),
        ("2026-12-31T10:00:00Z", dt.date(2026, 12, 31)),
        ("12/31/2026", dt.date(2026, 12, 31)),
        ("31/12/2026", dt.date(2026, 12, 31)),
        ("5/5/2026", dt.date(2026, 5, 5)),
        (dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
        (dt.datetime(2026, 1, 2, 13, 5), dt.date(2026, 1, 2)),  # calamine: not midnight
        (46022.0, dt.date(2025, 12, 31)),  # Excel serial day
        ("", None),
        (None, None),
    ],
)
def test_dates_in_every_notation(cell: object, expected: dt.date | None) -> None:
    assert parse_date(cell, today=TODAY) == expected  # type: ignore[arg-type]


def test_ambiguous_slash_date_is_asked_never_guessed() -> None:
    with pytest.raises(ValueProblem) as info:
        parse_date("03/04/2026", today=TODAY)
    assert info.value.code == "date.ambiguous"
    assert parse_date("03/04/2026", order=DateOrder.DMY) == dt.date(2026, 4, 3)
    assert parse_date("03/04/2026", order=DateOrder.MDY) == dt.date(2026, 3, 4)


def test_date_order_comes_from_the_other_values_of_the_column() -> None:
    assert detect_date_order(["03/04/2026", "25/12/2026"]) is DateOrder.DMY
    assert detect_date_order(["03/04/2026", "12/25/2026"]) is DateOrder.MDY
    assert detect_date_order(["03/04/2026"]) is None
    assert needs_date_order(["03/04/2026", "31.12.2026"])
    assert not needs_date_order(["31.12.2026", "2026-01-01", "05/05/2026"])


@pytest.mark.parametrize("text", ["31.02.2026", "2026-13-01", "morgen", "32/01/2026"])
def test_invalid_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueProblem) as info:
        parse_date(text, today=TODAY)
    assert info.value.code in {"date.invalid", "date.ambiguous"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1'234.50", "1234.50"),
        ("1’234.50", "1234.50"),
        ("1.234,50", "1234.50"),
        ("1 234,50", "1234.50"),
        ("1\u202f234,50", "1234.50"),
        ("1,234.50", "1234.50"),
        ("1.234.567", "1234567"),
        ("(1'234.50)", "-1234.50"),
        ("-12,5", "-12.5"),
        ("12.-", "12"),
        ("0.5", "0.5"),
        (1234.5, "1234.5"),
        (42, "42"),
    ],
)
def test_numbers_in_ch_de_fr_en_notation(text: object, expected: str) -> None:
    assert parse_decimal(text) == Decimal(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["abc", "1.2.3,4,5", "12 Stück", "--1"])
def test_non_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueProblem):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CHF 1'234.50", (123450, "CHF")),
        ("Fr. 12.-", (1200, "CHF")),
        ("€ 1.234,50", (123450, "EUR")),
        ("1234.5 EUR", (123450, "EUR")),
        ("$99.99", (9999, "USD")),
        ("0.005", (1, "CHF")),
        (1234.5, (123450, "CHF")),
        ("", None),
    ],
)
def test_money_is_integer_minor_units(text: object, expected: object) -> None:
    assert parse_money(text) == expected  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_swiss_formatted_amounts_parse_back(cents: int) -> None:
    francs, rappen = divmod(abs(cents), 100)
    grouped = f"{francs:,}".replace(",", "'")
    text = f"{'-' if cents < 0 else ''}{grouped}.{rappen:02d}"
    assert parse_money(f"CHF {text}") == (cents, "CHF")
    german = f"{francs:,}".replace(",", ".") + f",{rappen:02d}"
    assert parse_money(("-" if cents < 0 else "") + german + " CHF") == (cents, "CHF")


def test_cell_text_normalises_typed_cells() -> None:
    assert cell_text(8001.0) == "8001"
    assert cell_text(1.5) == "1.5"
    assert cell_text("  Hans   Muster ") == "Hans Muster"
    assert cell_text("a\x00b\x07c") == "abc"
    assert cell_text("Zeile 1\nZeile 2", multiline=True) == "Zeile 1\nZeile 2"
    assert cell_text(dt.datetime(2026, 1, 2)) == "2026-01-02"
    assert cell_text(None) == ""


def test_fold_ignores_case_accents_and_eszett() -> None:
    assert fold("Zürich") == fold("ZURICH") == "zurich"
    assert fold("Strasse") == fold("Straße")


def test_choices_accept_synonyms_and_report_unknown_values() -> None:
    choices = {"kunde": "customer", "customer": "customer"}
    assert parse_choice("KUNDE", choices, field="Status") == "customer"
    assert parse_choice("", choices, field="Status") is None
    with pytest.raises(ValueProblem) as info:
        parse_choice("VIP", choices, field="Status")
    assert info.value.code == "choice.unknown"


@pytest.mark.parametrize(
    ("text", "last_first", "expected"),
    [
        ("Hans Muster", False, ("Hans", "Muster")),
        ("Muster, Hans", False, ("Hans", "Muster")),
        ("Anna von Arx", False, ("Anna", "von Arx")),
        ("Hans Peter Muster", False, ("Hans Peter", "Muster")),
        ("Muster Hans", True, ("Hans", "Muster")),
        ("Muster", False, ("", "Muster")),
    ],
)
def test_split_name(text: str, last_first: bool, expected: tuple[str, str]) -> None:
    assert split_name(text, last_first=last_first) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bahnhofstrasse 12", ("Bahnhofstrasse", "12")),
        ("Bahnhofstrasse 12a", ("Bahnhofstrasse", "12a")),
        ("Route de Berne 3-5", ("Route de Berne", "3-5")),
        ("12, rue du Lac", ("rue du Lac", "12")),
        ("Postfach", ("Postfach", "")),
        ("Strasse des 17. Juni 4", ("Strasse des 17. Juni", "4")),
    ],
)
def test_split_street(text: str, expected: tuple[str, str]) -> None:
    assert split_street(text) == expected


def test_gc_pause_nests_and_always_restores() -> None:
    import gc

    from app.exchange.bulk import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError
    assert gc.isenabled()
