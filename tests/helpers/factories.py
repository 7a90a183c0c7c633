"""Factories: ``make_<noun>(service, **overrides)`` with sensible defaults."""

from __future__ import annotations

import itertools
from typing import Any

from app.domain.addresses import (
    AddressData,
    ChannelData,
    ChannelKind,
    EmploymentData,
    Organisation,
    OrganisationData,
    Person,
    PersonData,
)
from app.services.addresses import AddressService

_seq = itertools.count(1)


def make_organisation(svc: AddressService, **overrides: Any) -> Organisation:
    """Create an organisation with one address and a phone number."""
    n = next(_seq)
    values: dict[str, Any] = {
        "name": f"Beispiel {n} AG",
        "addresses": (
            AddressData(
                street="Bahnhofstrasse",
                house_number=str(n),
                postcode="8001",
                city="Zürich",
            ),
        ),
        "channels": (ChannelData(ChannelKind.PHONE, "044 123 45 67"),),
    }
    values.update(overrides)
    org, _ = svc.create_organisation(OrganisationData(**values))
    return org


def make_person(
    svc: AddressService, *, organisation: Organisation | None = None, **overrides: Any
) -> Person:
    """Create a person with an e-mail address, optionally employed."""
    n = next(_seq)
    values: dict[str, Any] = {
        "last_name": f"Muster{n}",
        "first_name": "Hans",
        "channels": (ChannelData(ChannelKind.EMAIL, f"hans.muster{n}@example.ch"),),
    }
    if organisation is not None:
        values["employments"] = (EmploymentData(organisation.id, "Einkauf"),)
    values.update(overrides)
    person, _ = svc.create_person(PersonData(**values))
    return person
