"""The import's fast phone check agrees with ``phonenumbers`` on validity, and
the phone column of a row converter with :func:`fast_phone`."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.exchange import ImportOptions
from app.exchange.entities import entity
from app.exchange.values import cell_text
from app.services.import_values import (
    _PHONE_JUNK,
    _PHONE_JUNK_ASCII,
    RowConverter,
    _valid_national,
    fast_phone,
)
from app.services.validation import FieldProblem
from tests.services.exchange_support import assert_fast_phone_agrees

CODES = {"CH": "41", "DE": "49", "AT": "43", "LI": "423"}


@pytest.mark.parametrize("region", sorted(CODES))
def test_valid_national_equals_is_valid_number(region: str) -> None:
    rng = random.Random(region)
    valid = 0
    for _ in range(3000):
        length = rng.randint(4, 13)
        national = rng.choice("123456789") + "".join(
            rng.choice("0123456789") for _ in range(length - 1)
        )
        try:
            number = phonenumbers.parse(f"+{CODES[region]}{national}")
            expected = phonenumbers.is_valid_number(number)
        except phonenumbers.NumberParseException:
            expected = False
        assert _valid_national(region, national) is expected, national
        valid += expected
    assert valid > 20  # the sample holds valid numbers, not only rubbish


#: phonenumbers reads a tab and U+202F differently ("0\t0435…" is no number to
#: it, the fast path drops them); cells never carry either: cell_text makes
#: every kind of space a plain one
_SEPARATORS = " ./-()\u00a0"


@st.composite
def _typed_numbers(draw: st.DrawFn) -> str:
    """A number as typed: a prefix, digits, separators (ASCII or not) anywhere."""
    prefix = draw(st.sampled_from(["", "0", "+41", "0041", "+49", "0043", "+423"]))
    chars = list(prefix + draw(st.text(alphabet="0123456789", min_size=4, max_size=12)))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(chars)))
        chars.insert(at, draw(st.sampled_from(_SEPARATORS)))
    return "".join(chars)


@settings(max_examples=500, deadline=None)
@given(number=_typed_numbers(), region=st.sampled_from(["CH", "DE", "AT", "LI", "FR"]))
def test_fast_phone_with_any_separators_agrees_with_the_validator(
    number: str, region: str
) -> None:
    assert_fast_phone_agrees(number, region)


@settings(max_examples=200, deadline=None)
@given(
    number=st.one_of(_typed_numbers(), st.just(""), st.just("  079 555 44 33 ")),
    country=st.sampled_from(["", "CH", "de", "LI"]),
)
def test_the_phone_column_parses_as_fast_phone(number: str, country: str) -> None:
    converter = RowConverter(
        entity("persons"),
        {0: "phone"},
        ["Telefon"],
        ImportOptions(default_country=country),
        users={},
        date_order=None,
    )
    values, issues = converter.convert([number], 2)
    text = cell_text(number)
    if not text:
        assert (values, issues) == ({"phone": None}, [])
        return
    problem: tuple[str, str] | None = None
    try:
        expected = fast_phone(text, region=country or "CH")
    except FieldProblem as exc:
        problem = (exc.code, exc.message)
    if problem is not None:
        assert values == {}
        assert [(i.row, i.column, i.field, i.code, i.message) for i in issues] == [
            (2, "Telefon", "phone", *problem)
        ]
        return
    assert (values, issues) == ({"phone": expected}, [])


@given(st.text(alphabet=" ./-()\t\u00a0\u202f0123456789+aä", max_size=20))
def test_separators_go_the_same_in_ascii_and_other_text(text: str) -> None:
    if text.isascii():
        fast = text.encode().translate(None, _PHONE_JUNK_ASCII).decode()
        assert fast == text.translate(_PHONE_JUNK)
