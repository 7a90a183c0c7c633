"""DTOs and enums of central address management (organisations, persons)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class AddressKind(StrEnum):
    """What a postal address is used for."""

    MAIN = "main"
    BILLING = "billing"
    DELIVERY = "delivery"
    VISIT = "visit"
    POSTAL = "postal"
    HOME = "home"


class ChannelKind(StrEnum):
    """A way to reach somebody."""

    PHONE = "phone"
    MOBILE = "mobile"
    EMAIL = "email"
    WEB = "web"
    FAX = "fax"


class RelationStatus(StrEnum):
    """Where an organisation or person stands with us (Kunde, Interessent …)."""

    PROSPECT = "prospect"
    CUSTOMER = "customer"
    PARTNER = "partner"
    SUPPLIER = "supplier"
    FORMER = "former"


class Salutation(StrEnum):
    """Form of address, used for letters and e-mail greetings."""

    NONE = ""
    MS = "ms"
    MR = "mr"
    MX = "mx"


@dataclass(frozen=True)
class AddressData:
    """A postal address as entered or shown."""

    kind: AddressKind = AddressKind.MAIN
    street: str = ""
    house_number: str = ""
    extra: str = ""
    po_box: str = ""
    postcode: str = ""
    city: str = ""
    region: str = ""
    country: str = "CH"
    is_primary: bool = False
    id: str | None = None

    def one_line(self) -> str:
        """The address on one line, e.g. ``Bahnhofstrasse 1, 8001 Zürich``."""
        street = " ".join(p for p in (self.street, self.house_number) if p)
        place = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (street, place) if p)


@dataclass(frozen=True)
class ChannelData:
    """A phone number, e-mail address or web site."""

    kind: ChannelKind
    value: str
    label: str = ""
    is_primary: bool = False
    id: str | None = None


@dataclass(frozen=True)
class OrganisationData:
    """Input for creating or updating an organisation (B2B)."""

    name: str
    legal_form: str = ""
    customer_number: str = ""
    uid: str = ""
    industry_id: str | None = None
    status: RelationStatus = RelationStatus.PROSPECT
    notes: str = ""
    owner_id: str | None = None
    addresses: tuple[AddressData, ...] = ()
    channels: tuple[ChannelData, ...] = ()


@dataclass(frozen=True)
class PersonData:
    """Input for creating or updating a person (B2C or a contact of an organisation)."""

    last_name: str
    first_name: str = ""
    salutation: Salutation = Salutation.NONE
    title: str = ""
    language: str = "de"
    birth_date: dt.date | None = None
    status: RelationStatus = RelationStatus.PROSPECT
    notes: str = ""
    owner_id: str | None = None
    addresses: tuple[AddressData, ...] = ()
    channels: tuple[ChannelData, ...] = ()
    employments: tuple[EmploymentData, ...] = ()


@dataclass(frozen=True)
class EmploymentData:
    """A person's relation to an organisation, with a role (Funktion)."""

    organisation_id: str
    role: str = ""
    is_primary: bool = False
    organisation_name: str = ""
    id: str | None = None


@dataclass(frozen=True)
class Organisation:
    """An organisation as read from the database."""

    id: str
    name: str
    legal_form: str
    customer_number: str
    uid: str
    industry_id: str | None
    industry_name: str
    status: RelationStatus
    notes: str
    owner_id: str | None
    owner_name: str
    created_at: dt.datetime
    updated_at: dt.datetime
    addresses: tuple[AddressData, ...] = ()
    channels: tuple[ChannelData, ...] = ()
    contacts: tuple[ContactRef, ...] = ()

    def data(self) -> OrganisationData:
        """The editable part, e.g. to prefill a form."""
        return OrganisationData(
            name=self.name,
            legal_form=self.legal_form,
            customer_number=self.customer_number,
            uid=self.uid,
            industry_id=self.industry_id,
            status=self.status,
            notes=self.notes,
            owner_id=self.owner_id,
            addresses=self.addresses,
            channels=self.channels,
        )


@dataclass(frozen=True)
class ContactRef:
    """A person working for an organisation, as listed on the organisation."""

    person_id: str
    name: str
    role: str
    email: str
    phone: str


@dataclass(frozen=True)
class Person:
    """A person as read from the database."""

    id: str
    first_name: str
    last_name: str
    salutation: Salutation
    title: str
    language: str
    birth_date: dt.date | None
    status: RelationStatus
    notes: str
    owner_id: str | None
    owner_name: str
    created_at: dt.datetime
    updated_at: dt.datetime
    addresses: tuple[AddressData, ...] = ()
    channels: tuple[ChannelData, ...] = ()
    employments: tuple[EmploymentData, ...] = ()

    @property
    def full_name(self) -> str:
        """First and last name."""
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    def data(self) -> PersonData:
        """The editable part, e.g. to prefill a form."""
        return PersonData(
            last_name=self.last_name,
            first_name=self.first_name,
            salutation=self.salutation,
            title=self.title,
            language=self.language,
            birth_date=self.birth_date,
            status=self.status,
            notes=self.notes,
            owner_id=self.owner_id,
            addresses=self.addresses,
            channels=self.channels,
            employments=self.employments,
        )


@dataclass(frozen=True)
class PersonRow:
    """One line of the person list: only what the list shows."""

    id: str
    last_name: str
    first_name: str
    organisation: str
    email: str
    phone: str
    postcode: str
    city: str
    status: RelationStatus


@dataclass(frozen=True)
class OrganisationRow:
    """One line of the organisation list."""

    id: str
    name: str
    customer_number: str
    industry: str
    email: str
    phone: str
    postcode: str
    city: str
    status: RelationStatus


@dataclass(frozen=True)
class ListFilter:
    """What an address list shows: a search text plus selection criteria.

    Used for the on-screen list and for customer/prospect lists
    (Kunden- oder Interessentenliste) built from the same criteria.
    """

    search: str = ""
    status: frozenset[RelationStatus] = field(default_factory=frozenset)
    postcode_prefix: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    industry_id: str | None = None
    owner_id: str | None = None
    organisation_id: str | None = None
    include_deleted: bool = False


@dataclass(frozen=True)
class Industry:
    """A branch of industry (Branche)."""

    id: str
    name: str
    code: str


@dataclass(frozen=True)
class UserRef:
    """A user (owner of records) as shown in pick lists."""

    id: str
    username: str
    display_name: str
