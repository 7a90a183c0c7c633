"""The import's fast phone check agrees with ``phonenumbers`` on validity."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from app.services.import_values import _valid_national

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
