"""Field validation and normalisation: e-mail, phone (E.164), postcode, web, UID.

Each function returns the normalised value or raises :class:`FieldProblem`,
which callers turn into a :class:`~app.domain.errors.FieldError` with the field
name they know.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

# Practical RFC 5322 subset: what mail servers accept and users type.
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff-]{0,61}[A-Za-z0-9\u00a1-\uffff])?\.)+"
    # top-level domain: letters, or an IDN TLD in punycode (``xn--p1ai`` = .рф)
    r"([A-Za-z\u00a1-\uffff]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})$"
)
_POSTCODES: dict[str, tuple[re.Pattern[str], str]] = {
    "CH": (re.compile(r"^[1-9]\d{3}$", re.ASCII), "4 digits, e.g. 8001"),
    "LI": (re.compile(r"^94(8[5-9]|9[0-8])$", re.ASCII), "4 digits 9485-9498"),
    "AT": (re.compile(r"^[1-9]\d{3}$", re.ASCII), "4 digits, e.g. 1010"),
    "DE": (re.compile(r"^\d{5}$", re.ASCII), "5 digits, e.g. 80331"),
    "FR": (re.compile(r"^\d{5}$", re.ASCII), "5 digits, e.g. 75001"),
    "IT": (re.compile(r"^\d{5}$", re.ASCII), "5 digits, e.g. 00184"),
    "NL": (re.compile(r"^[1-9]\d{3} ?[A-Z]{2}$", re.ASCII), "e.g. 1011 AB"),
    "GB": (
        re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.ASCII),
        "e.g. SW1A 1AA",
    ),
    "US": (re.compile(r"^\d{5}(-\d{4})?$", re.ASCII), "e.g. 10001"),
}
_UID = re.compile(r"^CHE-?(\d{3})\.?(\d{3})\.?(\d{3})( ?(MWST|TVA|IVA))?$", re.ASCII)
_UID_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4)


def _ascii_digits(text: str) -> str:
    """Replace other scripts' decimal digits (full-width ``８``, Arabic ``٨``) by ASCII.

    Input methods produce them; stored postcodes and UIDs must be plain ASCII so
    they sort, search and export like every other one.
    """
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text
    )


class FieldProblem(ValueError):  # noqa: N818 - a value, not a failure of ours
    """A value failed validation; ``code`` is stable, the message is English."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def normalise_email(value: str) -> str:
    """Trim, lower-case the domain and check the syntax."""
    text = value.strip()
    if "@" not in text:
        raise FieldProblem(
            "email.invalid", f"'{value}' is not an e-mail address (no @)"
        )
    local, _, domain = text.rpartition("@")
    text = f"{local}@{domain.lower()}"
    if len(text) > 254 or not _EMAIL.match(text):
        raise FieldProblem("email.invalid", f"'{value}' is not a valid e-mail address")
    return text


def normalise_phone(value: str, *, region: str = "CH") -> str:
    """Parse a phone number as typed (national or international) into E.164."""
    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region or "CH")
    except phonenumbers.NumberParseException as exc:
        raise FieldProblem("phone.invalid", f"'{value}' is not a phone number") from exc
    if not phonenumbers.is_valid_number(number):
        raise FieldProblem(
            "phone.invalid",
            f"'{value}' is not a valid phone number for "
            f"{phonenumbers.region_code_for_number(number) or region}",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Show an E.164 number in international format (``+41 79 123 45 67``)."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )


def normalise_web(value: str) -> str:
    """Add ``https://`` if missing, lower-case scheme and host, check the host.

    Scheme and host name are case-insensitive, so ``HTTP://WWW.Example.CH`` and
    ``www.example.ch`` normalise alike; the path keeps its case.
    """
    text = value.strip()
    scheme = re.match(r"^(https?)://", text, re.IGNORECASE)
    if scheme:
        text = text[scheme.end() :]
    host, slash, rest = text.partition("/")
    if "." not in host or " " in host or len(host) < 4:
        raise FieldProblem("web.invalid", f"'{value}' is not a web address")
    prefix = scheme[1].lower() if scheme else "https"
    return f"{prefix}://{host.lower()}{slash}{rest}"


def normalise_postcode(value: str, *, country: str) -> str:
    """Check the postcode format for the country (CH, LI, AT, DE, … known)."""
    text = _ascii_digits(value.strip().upper())
    rule = _POSTCODES.get(country.upper())
    if rule and text and not rule[0].match(text):
        raise FieldProblem(
            "postcode.invalid",
            f"'{value}' is not a postcode for {country.upper()} ({rule[1]})",
        )
    return text


def normalise_country(value: str) -> str:
    """An ISO 3166 alpha-2 code, upper-case."""
    text = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", text):
        raise FieldProblem(
            "country.invalid", f"'{value}' is not a two-letter country code (e.g. CH)"
        )
    return text


def normalise_uid(value: str) -> str:
    """Swiss company UID ``CHE-123.456.789`` with its mod-11 check digit."""
    text = _ascii_digits(value.strip().upper().replace(" ", ""))
    match = _UID.match(text.replace("MWST", " MWST").replace(" ", ""))
    if not match:
        raise FieldProblem(
            "uid.invalid", f"'{value}' is not a UID number (CHE-123.456.789)"
        )
    digits = "".join(match.group(i) for i in (1, 2, 3))
    total = sum(int(d) * w for d, w in zip(digits[:8], _UID_WEIGHTS, strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    if check == 10 or check != int(digits[8]):
        raise FieldProblem(
            "uid.checksum", f"'{value}' has a wrong check digit (not a real UID)"
        )
    return f"CHE-{match[1]}.{match[2]}.{match[3]}"


#: IBAN lengths of the countries our users meet most (others: 15–34 accepted).
_IBAN_LENGTHS = {
    "CH": 21,
    "LI": 21,
    "DE": 22,
    "AT": 20,
    "FR": 27,
    "IT": 27,
    "NL": 18,
    "GB": 22,
    "BE": 16,
    "ES": 24,
    "LU": 20,
}


def normalise_iban(value: str) -> str:
    """An IBAN checked by ISO 13616 mod-97, grouped by four (``CH93 0076 …``)."""
    text = re.sub(r"[\s\-.]", "", _ascii_digits(value.strip().upper()))
    text = text.removeprefix("IBAN")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", text, re.ASCII):
        raise FieldProblem(
            "iban.invalid",
            f"'{value}' is not an IBAN (e.g. CH93 0076 2011 6238 5295 7)",
        )
    expected = _IBAN_LENGTHS.get(text[:2])
    if expected is not None and len(text) != expected:
        raise FieldProblem(
            "iban.invalid",
            f"'{value}' has {len(text)} characters; a {text[:2]} IBAN has {expected}",
        )
    moved = text[4:] + text[:4]
    number = int("".join(str(int(ch, 36)) for ch in moved))
    if number % 97 != 1:
        raise FieldProblem(
            "iban.checksum", f"'{value}' has wrong check digits (not a real IBAN)"
        )
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
