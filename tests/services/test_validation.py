"""Field normalisers: e-mail, phone (E.164), postcode, country, UID, web."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.validation import (
    FieldProblem,
    format_phone,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    normalise_uid,
    normalise_web,
)

_UID_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4)


def _uid_check_digit(eight: str) -> int | None:
    """The mod-11 check digit of a Swiss UID, or None if no valid one exists."""
    check = 11 - sum(int(d) * w for d, w in zip(eight, _UID_WEIGHTS, strict=True)) % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def _valid_uid(eight: str = "11628171") -> str:
    check = _uid_check_digit(eight)
    assert check is not None, "pick other digits: this prefix has no valid UID"
    digits = eight + str(check)
    return f"CHE-{digits[:3]}.{digits[3:6]}.{digits[6:]}"


# ---- e-mail


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("anna.keller@example.ch", "anna.keller@example.ch"),
        ("  Anna.Keller@Example.CH  ", "Anna.Keller@example.ch"),
        ("info@bücher.ch", "info@bücher.ch"),
        ("Info@BÜCHER.CH", "Info@bücher.ch"),
        ("a.b+tag@mail.zürich.swiss", "a.b+tag@mail.zürich.swiss"),
        ("o'brien@example.co.uk", "o'brien@example.co.uk"),
        ("info@example.XN--P1AI", "info@example.xn--p1ai"),  # punycode TLD (.рф)
    ],
)
def test_email_good(raw: str, expected: str) -> None:
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "anna.keller",
        "anna@",
        "@example.ch",
        "anna@example",
        "anna keller@example.ch",
        "anna..keller@example.ch",
        ".anna@example.ch",
        "anna@-example.ch",
        "anna@example.c",
        "müller@example.ch",  # non-ASCII local parts are not accepted
        "a" * 250 + "@example.ch",
    ],
)
def test_email_bad(raw: str) -> None:
    with pytest.raises(FieldProblem) as info:
        normalise_email(raw)
    assert info.value.code == "email.invalid"


@given(st.emails())
def test_generated_emails_are_accepted_with_a_lower_case_domain(email: str) -> None:
    # Hypothesis' emails() are RFC 5322 dot-atom addresses (ASCII).
    result = normalise_email(email)
    local, _, domain = result.rpartition("@")
    assert local == email.rpartition("@")[0]
    assert domain == email.rpartition("@")[2].lower()


_EMAIL_CHARS = st.sampled_from("aAzZ09.-_+ÄäÖöÜüßÉé@ \t")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(_EMAIL_CHARS, max_size=40))
def test_normalise_email_never_returns_an_upper_case_domain(raw: str) -> None:
    try:
        result = normalise_email(raw)
    except FieldProblem:
        return
    domain = result.rpartition("@")[2]
    assert domain == domain.lower()
    assert result == result.strip()
    assert normalise_email(result) == result


# ---- phone


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("079 123 45 67", "CH", "+41791234567"),
        ("044 668 18 00", "CH", "+41446681800"),
        ("+41 79 123 45 67", "CH", "+41791234567"),
        ("0041 79 123 45 67", "CH", "+41791234567"),
        ("+41 (0)79 123 45 67", "CH", "+41791234567"),
        ("030 12345678", "DE", "+493012345678"),
        ("0171 1234567", "DE", "+491711234567"),
        ("+49 30 12345678", "CH", "+493012345678"),
        ("01 5123456", "AT", "+4315123456"),
        ("0664 1234567", "AT", "+436641234567"),
        ("0043 664 1234567", "CH", "+436641234567"),
        ("+423 235 12 34", "CH", "+4232351234"),
    ],
)
def test_phone_to_e164(raw: str, region: str, expected: str) -> None:
    assert normalise_phone(raw, region=region) == expected


def test_phone_national_number_depends_on_region() -> None:
    assert normalise_phone("030 12345678", region="DE") == "+493012345678"
    with pytest.raises(FieldProblem):
        normalise_phone("030 12345678", region="CH")


@pytest.mark.parametrize(
    "raw", ["", "   ", "abc", "123", "079 123", "+41 12 345 67 89", "+999 123"]
)
def test_phone_invalid(raw: str) -> None:
    with pytest.raises(FieldProblem) as info:
        normalise_phone(raw, region="CH")
    assert info.value.code == "phone.invalid"
    assert repr(raw)[1:-1] in info.value.message


def test_format_phone_shows_international_format() -> None:
    assert format_phone("+41791234567") == "+41 79 123 45 67"
    assert format_phone("not a number") == "not a number"


_PHONE_CHARS = st.sampled_from("0123456789 +-()/")


@given(st.text(_PHONE_CHARS, max_size=20), st.sampled_from(["CH", "DE", "AT", "LI"]))
def test_normalise_phone_is_idempotent_on_its_output(raw: str, region: str) -> None:
    try:
        e164 = normalise_phone(raw, region=region)
    except FieldProblem:
        return
    assert e164.startswith("+")
    assert e164[1:].isdigit()
    assert normalise_phone(e164, region=region) == e164
    assert normalise_phone(e164, region="CH") == e164


@given(st.from_regex(r"\A7[5-9][0-9]{7}\Z"))
def test_every_swiss_mobile_number_parses_national_and_international(
    subscriber: str,
) -> None:
    expected = "+41" + subscriber
    assert normalise_phone("0" + subscriber, region="CH") == expected
    assert normalise_phone("0041" + subscriber, region="DE") == expected


# ---- postcode and country


@pytest.mark.parametrize(
    ("country", "good", "bad"),
    [
        ("CH", ["8001", "1200", "9999"], ["800", "80011", "0800", "8OO1", "CH-8001"]),
        ("DE", ["80331", "01067"], ["8033", "803311", "8033A"]),
        ("AT", ["1010", "6020"], ["101", "0101", "10100"]),
        ("LI", ["9485", "9490", "9498"], ["9484", "9499", "8001"]),
        ("NL", ["1011 AB", "1011AB", "1011 ab"], ["1011", "AB 1011"]),
        ("GB", ["SW1A 1AA", "sw1a 1aa", "M1 1AE"], ["12345"]),
    ],
)
def test_postcode_per_country(country: str, good: list[str], bad: list[str]) -> None:
    for value in good:
        assert normalise_postcode(f" {value} ", country=country) == value.upper()
    for value in bad:
        with pytest.raises(FieldProblem) as info:
            normalise_postcode(value, country=country)
        assert info.value.code == "postcode.invalid"
        assert country in info.value.message


def test_postcode_country_is_case_insensitive() -> None:
    assert normalise_postcode("8001", country="ch") == "8001"
    with pytest.raises(FieldProblem):
        normalise_postcode("80011", country="ch")


@pytest.mark.parametrize("value", ["AB-12 X", "1", "whatever"])
def test_postcode_unknown_country_passes_upper_cased(value: str) -> None:
    assert normalise_postcode(value, country="BR") == value.upper()


def test_postcode_other_script_digits_become_ascii() -> None:
    assert normalise_postcode("８００１", country="CH") == "8001"  # full-width
    assert normalise_postcode("٨٠٣٣١", country="DE") == "80331"  # Arabic-Indic
    with pytest.raises(FieldProblem):
        normalise_postcode("８０３３１", country="CH")


def test_empty_postcode_passes_for_every_country() -> None:
    assert normalise_postcode("  ", country="CH") == ""


def test_country() -> None:
    assert normalise_country(" ch ") == "CH"
    for bad in ("", "CHE", "Schweiz", "C1"):
        with pytest.raises(FieldProblem) as info:
            normalise_country(bad)
        assert info.value.code == "country.invalid"


# ---- UID


def test_uid_valid_in_every_notation() -> None:
    uid = _valid_uid()
    digits = uid.replace("CHE-", "").replace(".", "")
    assert normalise_uid(uid) == uid
    assert normalise_uid(f"CHE{digits}") == uid
    assert normalise_uid(f"che-{digits[:3]}.{digits[3:6]}.{digits[6:]}") == uid
    assert normalise_uid(f"{uid} MWST") == uid
    assert normalise_uid(f"{uid} TVA") == uid
    assert normalise_uid(f" CHE {digits[:3]} {digits[3:6]} {digits[6:]} ") == uid


def test_uid_check_digit_worked_by_hand() -> None:
    # 1*5 + 1*4 + 6*3 + 2*2 + 8*7 + 1*6 + 7*5 + 1*4 = 132 = 12*11 -> 11 - 0 -> 0
    assert normalise_uid("CHE-116.281.710") == "CHE-116.281.710"
    # 1*5 + 0*4 + 9*3 + 0*2 + 7*7 + 6*6 + 4*5 + 8*4 = 169 = 15*11 + 4 -> 7
    assert normalise_uid("CHE-109.076.487") == "CHE-109.076.487"
    with pytest.raises(FieldProblem):
        normalise_uid("CHE-109.076.484")


def test_uid_other_script_digits_become_ascii() -> None:
    assert normalise_uid("CHE-١١٦.٢٨١.٧١٠") == "CHE-116.281.710"


@given(st.from_regex(r"\A[0-9]{8}\Z"))
def test_uid_checksum_accepts_exactly_the_right_digit(eight: str) -> None:
    check = _uid_check_digit(eight)
    for digit in range(10):
        uid = f"CHE-{eight[:3]}.{eight[3:6]}.{eight[6:]}{digit}"
        if digit == check:
            assert normalise_uid(uid) == uid
        else:
            with pytest.raises(FieldProblem) as info:
                normalise_uid(uid)
            assert info.value.code == "uid.checksum"


@pytest.mark.parametrize(
    "raw", ["", "CHE-123.456", "CHE-123.456.78X", "DE123456789", "CHE-1234.567.89"]
)
def test_uid_malformed(raw: str) -> None:
    with pytest.raises(FieldProblem) as info:
        normalise_uid(raw)
    assert info.value.code == "uid.invalid"


# ---- web


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("example.ch", "https://example.ch"),
        ("www.example.ch/kontakt", "https://www.example.ch/kontakt"),
        ("  https://example.ch  ", "https://example.ch"),
        ("http://example.ch", "http://example.ch"),
        ("HTTPS://WWW.Example.CH/Path", "https://www.example.ch/Path"),
        ("bücher.ch", "https://bücher.ch"),
    ],
)
def test_web_good(raw: str, expected: str) -> None:
    assert normalise_web(raw) == expected
    assert normalise_web(expected) == expected


@pytest.mark.parametrize(
    "raw", ["", "localhost", "https://", "a.b", "exa mple.ch", "ftp://example.ch"]
)
def test_web_bad(raw: str) -> None:
    with pytest.raises(FieldProblem) as info:
        normalise_web(raw)
    assert info.value.code == "web.invalid"
