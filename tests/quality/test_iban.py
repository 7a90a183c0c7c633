"""IBAN validation (ISO 13616 mod-97) beside the other field normalisers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.validation import FieldProblem, normalise_iban


def _with_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    number = int("".join(str(int(ch, 36)) for ch in moved))
    return f"{country}{98 - number % 97:02d}{bban}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CH9300762011623852957", "CH93 0076 2011 6238 5295 7"),
        ("ch93 0076 2011 6238 5295 7", "CH93 0076 2011 6238 5295 7"),
        ("IBAN DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
        ("AT61-1904-3002-3457-3201", "AT61 1904 3002 3457 3201"),
    ],
)
def test_valid(raw: str, expected: str) -> None:
    assert normalise_iban(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("CH9300762011623852958", "iban.checksum"),
        ("CH930076201162385295", "iban.invalid"),  # one short for CH
        ("12345", "iban.invalid"),
        ("", "iban.invalid"),
        ("CH93 0076 2011 6238 5295 7!", "iban.invalid"),
    ],
)
def test_invalid(raw: str, code: str) -> None:
    with pytest.raises(FieldProblem) as info:
        normalise_iban(raw)
    assert info.value.code == code


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_every_swiss_iban_with_right_check_digits_passes(bban: str) -> None:
    iban = _with_check("CH", bban)
    assert normalise_iban(iban).replace(" ", "") == iban
    wrong = iban[:2] + f"{(int(iban[2:4]) + 50) % 100:02d}" + iban[4:]
    with pytest.raises(FieldProblem):
        normalise_iban(wrong)
