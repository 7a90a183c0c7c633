"""Validation of organisation and person input, all fields at once.

Returns normalised copies (E.164 phones, lower-case e-mail domains, upper-case
postcodes) or raises one :class:`ValidationError` naming every bad field, so a
form can mark all of them in one go. Field names are the form's:
``name``, ``last_name``, ``channels[2].value``, ``addresses[0].postcode``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from app.domain.addresses import (
    AddressData,
    ChannelData,
    ChannelKind,
    OrganisationData,
    PersonData,
)
from app.domain.errors import FieldError, ValidationError
from app.services.validation import (
    FieldProblem,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    normalise_uid,
    normalise_web,
)


class _Collector:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def check(self, field: str, value: str, fn: Callable[[str], str]) -> str:
        try:
            return fn(value)
        except FieldProblem as exc:
            self.errors.append(FieldError(field, exc.code, exc.message, value))
            return value

    def required(self, field: str, value: str, label: str) -> None:
        if not value.strip():
            self.errors.append(
                FieldError(field, "required", f"{label} is required", value)
            )

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _addresses(
    col: _Collector, addresses: tuple[AddressData, ...]
) -> tuple[AddressData, ...]:
    out = []
    primary_seen = False
    for i, addr in enumerate(addresses):
        country = col.check(
            f"addresses[{i}].country", addr.country or "CH", normalise_country
        )
        postcode = col.check(
            f"addresses[{i}].postcode",
            addr.postcode,
            partial(normalise_postcode, country=country),
        )
        if not any((addr.street, addr.postcode, addr.city, addr.po_box)):
            col.errors.append(
                FieldError(
                    f"addresses[{i}].street",
                    "address.empty",
                    "An address needs at least a street, postcode or city",
                )
            )
        is_primary = addr.is_primary and not primary_seen
        primary_seen = primary_seen or is_primary
        out.append(
            replace(
                addr,
                country=country,
                postcode=postcode,
                street=addr.street.strip(),
                house_number=addr.house_number.strip(),
                city=addr.city.strip(),
                is_primary=is_primary,
            )
        )
    if out and not primary_seen:
        out[0] = replace(out[0], is_primary=True)
    return tuple(out)


def _channels(
    col: _Collector, channels: tuple[ChannelData, ...], region: str
) -> tuple[ChannelData, ...]:
    out = []
    primary_kinds: set[str] = set()
    for i, ch in enumerate(channels):
        field = f"channels[{i}].value"
        if not ch.value.strip():
            col.errors.append(
                FieldError(field, "required", "Enter a value or remove the line")
            )
            out.append(ch)
            continue
        if ch.kind is ChannelKind.EMAIL:
            value = col.check(field, ch.value, normalise_email)
        elif ch.kind is ChannelKind.WEB:
            value = col.check(field, ch.value, normalise_web)
        else:
            value = col.check(
                field, ch.value, lambda v: normalise_phone(v, region=region)
            )
        group = (
            "phone" if ch.kind in (ChannelKind.PHONE, ChannelKind.MOBILE) else ch.kind
        )
        is_primary = ch.is_primary and group not in primary_kinds
        if is_primary:
            primary_kinds.add(group)
        out.append(
            replace(ch, value=value, is_primary=is_primary, label=ch.label.strip())
        )
    for i, ch in enumerate(out):  # the first of each kind is primary unless chosen
        group = (
            "phone" if ch.kind in (ChannelKind.PHONE, ChannelKind.MOBILE) else ch.kind
        )
        if group not in primary_kinds:
            primary_kinds.add(group)
            out[i] = replace(ch, is_primary=True)
    return tuple(out)


def _region(addresses: tuple[AddressData, ...]) -> str:
    return (
        next((a.country for a in addresses if a.is_primary), "CH")
        if addresses
        else "CH"
    )


def validate_organisation(data: OrganisationData) -> OrganisationData:
    """Normalised copy of ``data`` or :class:`ValidationError`."""
    col = _Collector()
    col.required("name", data.name, "Name")
    uid = col.check("uid", data.uid, normalise_uid) if data.uid.strip() else ""
    addresses = _addresses(col, data.addresses)
    channels = _channels(col, data.channels, _region(addresses))
    col.raise_if_any()
    return replace(
        data,
        name=data.name.strip(),
        customer_number=data.customer_number.strip(),
        legal_form=data.legal_form.strip(),
        uid=uid,
        addresses=addresses,
        channels=channels,
    )


def validate_person(data: PersonData, *, today: dt.date | None = None) -> PersonData:
    """Normalised copy of ``data`` or :class:`ValidationError`."""
    col = _Collector()
    col.required("last_name", data.last_name, "Last name")
    today = today or dt.date.today()
    if data.birth_date and not dt.date(1880, 1, 1) <= data.birth_date <= today:
        col.errors.append(
            FieldError(
                "birth_date",
                "birth_date.range",
                "Date of birth must lie between 1880 and today",
                data.birth_date,
            )
        )
    addresses = _addresses(col, data.addresses)
    channels = _channels(col, data.channels, _region(addresses))
    seen: set[str] = set()
    for i, emp in enumerate(data.employments):
        if emp.organisation_id in seen:
            col.errors.append(
                FieldError(
                    f"employments[{i}].organisation_id",
                    "employment.duplicate",
                    "The person is already linked to this organisation",
                )
            )
        seen.add(emp.organisation_id)
    col.raise_if_any()
    # One primary employment (it names the person's organisation in lists):
    # the first one marked, else the first one.
    chosen = next((i for i, e in enumerate(data.employments) if e.is_primary), 0)
    employments = tuple(
        replace(e, is_primary=i == chosen) for i, e in enumerate(data.employments)
    )
    return replace(
        data,
        last_name=data.last_name.strip(),
        first_name=data.first_name.strip(),
        title=data.title.strip(),
        addresses=addresses,
        channels=channels,
        employments=employments,
    )
