"""Record validation: every field error at once, normalised copies, primary flags."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.addresses import (
    AddressData,
    AddressKind,
    ChannelData,
    ChannelKind,
    EmploymentData,
    OrganisationData,
    PersonData,
)
from app.domain.errors import ValidationError
from app.services.address_rules import validate_organisation, validate_person

EMAIL = ChannelKind.EMAIL
PHONE = ChannelKind.PHONE
MOBILE = ChannelKind.MOBILE
WEB = ChannelKind.WEB


def _errors(exc: ValidationError) -> dict[str, str]:
    return {e.field: e.code for e in exc.errors}


def test_person_reports_every_bad_field_at_once() -> None:
    data = PersonData(
        last_name="   ",
        birth_date=dt.date(1850, 1, 1),
        channels=(
            ChannelData(EMAIL, "ok@example.ch"),
            ChannelData(EMAIL, "not-an-address"),
            ChannelData(PHONE, "12"),
            ChannelData(WEB, "nohost"),
            ChannelData(MOBILE, "  "),
        ),
        addresses=(
            AddressData(street="Bahnhofstrasse", postcode="80011", city="Zürich"),
            AddressData(street="Hauptstrasse", postcode="8001", country="Schweiz"),
            AddressData(),
        ),
        employments=(EmploymentData("org-1"), EmploymentData("org-1")),
    )
    with pytest.raises(ValidationError) as info:
        validate_person(data, today=dt.date(2026, 1, 1))
    assert _errors(info.value) == {
        "last_name": "required",
        "birth_date": "birth_date.range",
        "channels[1].value": "email.invalid",
        "channels[2].value": "phone.invalid",
        "channels[3].value": "web.invalid",
        "channels[4].value": "required",
        "addresses[0].postcode": "postcode.invalid",
        "addresses[1].country": "country.invalid",
        "addresses[2].street": "address.empty",
        "employments[1].organisation_id": "employment.duplicate",
    }
    exc = info.value
    assert exc.field == "last_name"  # the first error doubles as the headline
    bad_email = exc.for_field("channels[1].value")
    assert bad_email is not None
    assert bad_email.value == "not-an-address"
    assert exc.for_field("channels[0].value") is None
    assert "last_name: Last name is required" in str(exc)


def test_organisation_reports_every_bad_field_at_once() -> None:
    data = OrganisationData(
        name="",
        uid="CHE-123.456.789",  # the check digit would be 8
        channels=(ChannelData(PHONE, "+41 44 668 18 00"), ChannelData(EMAIL, "x@")),
        addresses=(AddressData(postcode="123", city="Vaduz", country="LI"),),
    )
    with pytest.raises(ValidationError) as info:
        validate_organisation(data)
    assert _errors(info.value) == {
        "name": "required",
        "uid": "uid.checksum",
        "channels[1].value": "email.invalid",
        "addresses[0].postcode": "postcode.invalid",
    }


def test_person_is_normalised() -> None:
    data = PersonData(
        last_name="  Müller ",
        first_name=" Anna ",
        title=" Dr. ",
        channels=(
            ChannelData(EMAIL, " Anna.Mueller@Example.CH ", label=" Büro "),
            ChannelData(MOBILE, "079 123 45 67"),
            ChannelData(WEB, "Example.ch"),
        ),
        addresses=(
            AddressData(
                street=" Seestrasse ",
                house_number=" 5a ",
                postcode=" 8002 ",
                city=" Zürich ",
                country="ch",
            ),
        ),
    )
    out = validate_person(data)
    assert (out.last_name, out.first_name, out.title) == ("Müller", "Anna", "Dr.")
    assert [c.value for c in out.channels] == [
        "Anna.Mueller@example.ch",
        "+41791234567",
        "https://example.ch",
    ]
    assert out.channels[0].label == "Büro"
    addr = out.addresses[0]
    assert (addr.street, addr.house_number, addr.postcode, addr.city, addr.country) == (
        "Seestrasse",
        "5a",
        "8002",
        "Zürich",
        "CH",
    )


def test_phone_numbers_are_read_in_the_primary_address_country() -> None:
    data = PersonData(
        last_name="Schmidt",
        channels=(ChannelData(PHONE, "030 12345678"),),
        addresses=(
            AddressData(city="Zürich", postcode="8001"),
            AddressData(city="Berlin", postcode="10115", country="DE", is_primary=True),
        ),
    )
    assert validate_person(data).channels[0].value == "+493012345678"
    # without addresses, numbers are Swiss
    with pytest.raises(ValidationError) as info:
        validate_person(PersonData(last_name="Schmidt", channels=data.channels))
    assert _errors(info.value) == {"channels[0].value": "phone.invalid"}


def test_valid_uid_is_formatted() -> None:
    out = validate_organisation(OrganisationData(name=" ACME AG ", uid="che116281710"))
    assert (out.name, out.uid) == ("ACME AG", "CHE-116.281.710")


def test_first_channel_of_each_kind_becomes_primary() -> None:
    out = validate_person(
        PersonData(
            last_name="X",
            channels=(
                ChannelData(EMAIL, "a@example.ch"),
                ChannelData(PHONE, "044 668 18 00"),
                ChannelData(EMAIL, "b@example.ch"),
                ChannelData(MOBILE, "079 123 45 67"),
                ChannelData(WEB, "example.ch"),
            ),
        )
    )
    # phone and mobile share one primary ("the phone number" of the person)
    assert [c.is_primary for c in out.channels] == [True, True, False, False, True]


def test_chosen_primary_wins_and_only_one_per_kind() -> None:
    out = validate_person(
        PersonData(
            last_name="X",
            channels=(
                ChannelData(EMAIL, "a@example.ch"),
                ChannelData(EMAIL, "b@example.ch", is_primary=True),
                ChannelData(EMAIL, "c@example.ch", is_primary=True),
                ChannelData(PHONE, "044 668 18 00"),
                ChannelData(MOBILE, "079 123 45 67", is_primary=True),
            ),
        )
    )
    assert [c.is_primary for c in out.channels] == [False, True, False, False, True]


def test_address_primary_flags() -> None:
    first = AddressData(kind=AddressKind.MAIN, city="Bern")
    billing = AddressData(kind=AddressKind.BILLING, city="Basel")
    out = validate_person(PersonData(last_name="X", addresses=(first, billing)))
    assert [a.is_primary for a in out.addresses] == [True, False]
    chosen = (
        first,
        AddressData(kind=AddressKind.BILLING, city="Basel", is_primary=True),
        AddressData(kind=AddressKind.HOME, city="Chur", is_primary=True),
    )
    out = validate_person(PersonData(last_name="X", addresses=chosen))
    assert [a.is_primary for a in out.addresses] == [False, True, False]


def test_employment_primary_flags() -> None:
    out = validate_person(
        PersonData(
            last_name="X", employments=(EmploymentData("a"), EmploymentData("b"))
        )
    )
    assert [e.is_primary for e in out.employments] == [True, False]
    out = validate_person(
        PersonData(
            last_name="X",
            employments=(
                EmploymentData("a"),
                EmploymentData("b", is_primary=True),
                EmploymentData("c", is_primary=True),
            ),
        )
    )
    assert [e.is_primary for e in out.employments] == [False, True, False]


def test_duplicate_employment_rejected() -> None:
    data = PersonData(
        last_name="X",
        employments=(
            EmploymentData("org-a", role="CEO"),
            EmploymentData("org-b"),
            EmploymentData("org-a", role="Board"),
        ),
    )
    with pytest.raises(ValidationError) as info:
        validate_person(data)
    assert _errors(info.value) == {
        "employments[2].organisation_id": "employment.duplicate"
    }


@pytest.mark.parametrize(
    ("birth", "ok"),
    [
        (dt.date(1880, 1, 1), True),
        (dt.date(1879, 12, 31), False),
        (dt.date(2026, 3, 1), True),
        (dt.date(2026, 3, 2), False),
    ],
)
def test_birth_date_range(birth: dt.date, ok: bool) -> None:
    data = PersonData(last_name="X", birth_date=birth)
    if ok:
        assert validate_person(data, today=dt.date(2026, 3, 1)).birth_date == birth
    else:
        with pytest.raises(ValidationError) as info:
            validate_person(data, today=dt.date(2026, 3, 1))
        assert _errors(info.value) == {"birth_date": "birth_date.range"}


def test_address_with_only_a_po_box_is_enough() -> None:
    out = validate_organisation(
        OrganisationData(name="X", addresses=(AddressData(po_box="Postfach 12"),))
    )
    assert out.addresses[0].po_box == "Postfach 12"
