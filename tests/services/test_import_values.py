"""Row conversion: the per-column memos never change a result.

One converter over many rows (memo hits, memos dropped part-way) gives the
same values and issues as a fresh converter per row (every cell parsed).
Numbers and booleans that compare equal (``1 == 1.0 == True``) parse
differently, so they must never share a memo entry.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.exchange import ImportOptions
from app.exchange.entities import entity
from app.exchange.source import Cell
from app.services.import_values import RowConverter

CELLS: list[Cell] = [
    None,
    "",
    " ",
    "Kunde",
    "kunde",
    "Herr",
    "Frau",
    "1",
    "1.0",
    1,
    1.0,
    True,
    False,
    0,
    2.5,
    45000,
    45000.0,
    "2026-01-31",
    "31.12.2026",
    "01/02/2026",
    "13/02/2026",
    dt.date(2026, 1, 31),
    dt.datetime(2026, 1, 31),
    dt.datetime(2026, 1, 31, 12, 30),
    "anna@example.ch",
    "ANNA@Example.CH",
    "no e-mail",
    "044 123 45 67",
    "+41 79 555 44 33",
    "079 100 00 00",
    "12345",
    "8001",
    "CH",
    "Schweiz",
    "XX",
    "Bahnhofstrasse 12",
    "Müller, Anna",
    "Anna Müller",
    "www.example.ch",
    "CHE-116.281.710",
    "12'500.50",
    "EUR 1,200",
    "anna",
    "\t x  y ",
    "a\nb",
    "=1+1",
    "3fa85f64-5717-4562-b3fc-2c963f66afa6",
]


def _converter(name: str, order: list[int]) -> RowConverter:
    spec = entity(name)
    mapping = {at: f.key for at, f in zip(order, spec.fields, strict=False)}
    headers = [f"H{i}" for i in range(max(order) + 1)]
    return RowConverter(
        spec,
        mapping,
        headers,
        ImportOptions(),
        users={"anna": "u-1"},
        date_order=None,
    )


def _outcome(converter: RowConverter, row: list[Cell], number: int) -> Any:
    try:
        return converter.convert(row, number)
    except Exception as exc:  # both paths must fail alike
        return ("raised", type(exc), str(exc))


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["persons", "organisations", "leads", "opportunities"]),
    seed=st.integers(0, 2**32),
    rows=st.lists(
        st.lists(st.sampled_from(CELLS), max_size=30), min_size=1, max_size=60
    ),
    small_memos=st.booleans(),
)
def test_memoised_conversion_equals_parsing_every_cell(
    name: str, seed: int, rows: list[list[Cell]], small_memos: bool
) -> None:
    width = len(entity(name).fields)
    order = random.Random(seed).sample(range(width + 3), width)
    memoised = _converter(name, order)
    if small_memos:  # memos looked at every other row, dropped early
        memoised.REVIEW, memoised.SAMPLE, memoised.LIMIT = 2, 4, 6
    for number, row in enumerate(rows, start=2):
        fresh = _converter(name, order)
        assert _outcome(memoised, row, number) == _outcome(fresh, row, number)


@pytest.mark.parametrize("cells", [[1, 1.0, True], [True, 1.0, 1], [1.0, True, 1]])
def test_equal_numbers_of_other_types_do_not_share_a_parse(cells: list[Cell]) -> None:
    converter = _converter("persons", list(range(len(entity("persons").fields))))
    birth = [f.key for f in entity("persons").fields].index("birth_date")
    for number, cell in enumerate(cells, start=2):
        row: list[Cell] = [None] * (birth + 1)
        row[birth] = cell
        values, issues = converter.convert(row, number)
        if cell is True:  # no date: "1"
            assert "birth_date" not in values
            assert [i.code for i in issues] == ["date.invalid"]
        else:  # an Excel serial day
            assert values["birth_date"] == dt.date(1900, 1, 1) - dt.timedelta(1)
