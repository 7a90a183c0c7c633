"""LeadService on a real SQLite file: capture, qualify, duplicates, conversion."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.db.address_queries import Sort
from app.db.database import Database
from app.domain.addresses import ListFilter
from app.domain.changes import EntityKind
from app.domain.errors import UserError, ValidationError
from app.domain.pipeline import (
    ConvertRequest,
    LeadData,
    LeadFilter,
    LeadSource,
    LeadStatus,
    Outcome,
)
from app.models import Organisation, Person
from app.services.addresses import AddressService
from app.services.leads import LeadService
from app.services.pipeline import PipelineService
from app.services.products import CatalogueService
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.pipeline import TODAY, Clock


@pytest.fixture
def pipeline(db: Database) -> PipelineService:
    clock = Clock()
    return PipelineService(db.sessions, today=clock.today, now=clock.now)


@pytest.fixture
def leads(db: Database, pipeline: PipelineService) -> LeadService:
    return LeadService(db.sessions, pipeline, today=lambda: TODAY)


def _lead(**overrides: object) -> LeadData:
    values: dict[str, object] = {
        "first_name": "Anna",
        "last_name": "Keller",
        "company": "Bergbahnen Arosa AG",
        "job_title": "Einkauf",
        "email": "anna.keller@arosa-bahnen.ch",
        "phone": "081 378 84 00",
        "postcode": "7050",
        "city": "Arosa",
        "region": "GR",
        "source": LeadSource.TRADE_FAIR,
    }
    values.update(overrides)
    return LeadData(**values)  # type: ignore[arg-type]


def _count(db: Database, model: type[Organisation] | type[Person]) -> int:
    with db.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_capture_and_read_back(leads: LeadService, db: Database) -> None:
    campaign, _ = CatalogueService(db.sessions).create_campaign(
        "Swissbau 2026", channel="trade fair"
    )
    lead, changes = leads.create_lead(_lead(campaign_id=campaign.id))
    assert changes.touches(EntityKind.LEAD)
    assert lead.data.phone == "+41813788400"
    assert lead.campaign_name == "Swissbau 2026"
    assert lead.data.status == LeadStatus.UNQUALIFIED
    assert lead.display_name == "Anna Keller · Bergbahnen Arosa AG"
    assert leads.get_lead(lead.id) == lead


def test_bad_input_is_refused_with_fields(leads: LeadService) -> None:
    with pytest.raises(ValidationError) as info:
        leads.create_lead(_lead(email="anna@", last_name="", company=""))
    assert {e.field for e in info.value.errors} == {"email", "last_name"}
    assert leads.count_leads(LeadFilter()) == 0


def test_unknown_campaign_is_refused(leads: LeadService) -> None:
    with pytest.raises(ValidationError) as info:
        leads.create_lead(_lead(campaign_id="nope"))
    assert info.value.field == "campaign_id"


def test_qualify_and_disqualify(leads: LeadService) -> None:
    lead, _ = leads.create_lead(_lead())
    mql, _ = leads.set_status(lead.id, LeadStatus.MQL)
    assert mql.data.status == LeadStatus.MQL
    with pytest.raises(ValidationError) as info:
        leads.set_status(lead.id, LeadStatus.DISQUALIFIED)
    assert info.value.field == "disqualify_reason"
    dis, _ = leads.set_status(lead.id, LeadStatus.DISQUALIFIED, reason="No budget")
    assert dis.data.disqualify_reason == "No budget"
    with pytest.raises(ValidationError) as info:
        leads.set_status(lead.id, LeadStatus.CONVERTED)
    assert info.value.code == "lead.convert_instead"


def test_list_filters_and_pages(leads: LeadService) -> None:
    for i, status in enumerate(
        [LeadStatus.UNQUALIFIED, LeadStatus.MQL, LeadStatus.SQL, LeadStatus.MQL]
    ):
        lead, _ = leads.create_lead(
            _lead(last_name=f"Name{i}", email=f"n{i}@example.ch", company=f"Firma {i}")
        )
        if status != LeadStatus.UNQUALIFIED:
            leads.set_status(lead.id, status)
    flt = LeadFilter(status=frozenset({LeadStatus.MQL}))
    total = leads.count_leads(flt)
    assert total == 2
    rows = leads.lead_page(flt, Sort("name"), offset=0, limit=10, total=total).rows
    assert [r.name for r in rows] == ["Anna Name1", "Anna Name3"]
    assert leads.count_leads(LeadFilter(search="firma 2")) == 1
    assert leads.count_leads(LeadFilter(search="n3@")) == 1


def test_duplicate_warning_finds_email_phone_and_similar_names(
    leads: LeadService, addresses: AddressService
) -> None:
    org = make_organisation(addresses, name="Bergbahnen Arosa AG")
    person = make_person(
        addresses, organisation=org, first_name="Anna", last_name="Keller"
    )
    other = make_person(addresses, first_name="Beat", last_name="Brunner")
    make_person(addresses, first_name="Zora", last_name="Kellerhals")
    found = leads.duplicates(
        _lead(email=person.channels[0].value, phone="", company="Bergbahnen Arosa")
    )
    by_id = {c.id: c for c in found}
    assert by_id[person.id].score == 100
    assert by_id[person.id].reason == "email"
    assert by_id[org.id].kind == "organisation"
    assert other.id not in by_id
    assert all(c.name != "Zora Kellerhals" for c in found)
    # another lead with the same e-mail is a duplicate too
    earlier, _ = leads.create_lead(_lead(email="anna@arosa.ch"))
    again = leads.duplicates(_lead(email="anna@arosa.ch", last_name="X", company=""))
    assert [c.id for c in again if c.kind == "lead"] == [earlier.id]
    assert leads.duplicates(_lead(email="anna@arosa.ch"), exclude_lead=earlier.id) == [
        c for c in leads.duplicates(_lead(email="anna@arosa.ch")) if c.kind != "lead"
    ]


def test_deleted_people_are_no_duplicates(
    leads: LeadService, addresses: AddressService
) -> None:
    person = make_person(addresses, first_name="Anna", last_name="Keller")
    addresses.delete_person(person.id)
    assert leads.duplicates(_lead(email=person.channels[0].value, company="")) == []


def test_unqualified_lead_cannot_be_converted(leads: LeadService) -> None:
    lead, _ = leads.create_lead(_lead())
    with pytest.raises(UserError) as info:
        leads.convert(ConvertRequest(lead.id))
    assert info.value.code == "lead.not_qualified"


def test_convert_creates_organisation_person_and_opportunity(
    leads: LeadService,
    pipeline: PipelineService,
    addresses: AddressService,
    db: Database,
) -> None:
    lead, _ = leads.create_lead(_lead())
    leads.set_status(lead.id, LeadStatus.SQL)
    result, changes = leads.convert(
        ConvertRequest(
            lead.id,
            title="Snow groomers",
            amount_minor=45_000_000,
            close_date=dt.date(2026, 9, 30),
        )
    )
    for kind in (
        EntityKind.LEAD,
        EntityKind.ORGANISATION,
        EntityKind.PERSON,
        EntityKind.OPPORTUNITY,
    ):
        assert changes.touches(kind)
    assert result.organisation_id
    assert result.person_id
    assert result.opportunity_id
    org = addresses.get_organisation(result.organisation_id)
    assert org.name == "Bergbahnen Arosa AG"
    assert org.addresses[0].city == "Arosa"
    person = addresses.get_person(result.person_id)
    assert person.employments[0].organisation_id == org.id
    assert person.employments[0].role == "Einkauf"
    assert {c.value for c in person.channels} == {
        "anna.keller@arosa-bahnen.ch",
        "+41813788400",
    }
    # the person list shows the new contact with the organisation's place
    rows = addresses.count_persons(ListFilter(search="keller arosa"))
    assert rows == 1
    opp = pipeline.get_opportunity(result.opportunity_id)
    assert opp.data.source == LeadSource.TRADE_FAIR
    assert opp.lead_id == lead.id
    assert opp.outcome == Outcome.OPEN
    assert opp.stage_name == "Qualification"
    assert opp.data.amount_minor == 45_000_000
    converted = leads.get_lead(lead.id)
    assert converted.data.status == LeadStatus.CONVERTED
    assert converted.opportunity_id == opp.id
    with pytest.raises(UserError):
        leads.convert(ConvertRequest(lead.id))


def test_convert_reuses_chosen_records(
    leads: LeadService, addresses: AddressService, db: Database
) -> None:
    org = make_organisation(addresses, name="Bergbahnen Arosa AG")
    person = make_person(addresses, first_name="Anna", last_name="Keller")
    lead, _ = leads.create_lead(_lead(status=LeadStatus.MQL))
    orgs, persons = _count(db, Organisation), _count(db, Person)
    result, _ = leads.convert(
        ConvertRequest(lead.id, organisation_id=org.id, person_id=person.id)
    )
    assert (result.organisation_id, result.person_id) == (org.id, person.id)
    assert (_count(db, Organisation), _count(db, Person)) == (orgs, persons)
    # the reused person is now linked to the organisation
    assert addresses.get_person(person.id).employments[0].organisation_id == org.id


def test_convert_private_customer_without_organisation(
    leads: LeadService, pipeline: PipelineService, addresses: AddressService
) -> None:
    lead, _ = leads.create_lead(_lead(company="", status=LeadStatus.SQL))
    result, _ = leads.convert(ConvertRequest(lead.id, create_opportunity=False))
    assert result.organisation_id is None
    assert result.opportunity_id is None
    assert result.person_id is not None
    person = addresses.get_person(result.person_id)
    assert person.addresses[0].city == "Arosa"


def test_failed_conversion_changes_nothing(
    leads: LeadService, addresses: AddressService, db: Database
) -> None:
    person = make_person(addresses)
    lead, _ = leads.create_lead(_lead(status=LeadStatus.SQL))
    addresses.delete_person(person.id)
    orgs = _count(db, Organisation)
    with pytest.raises(ValidationError) as info:
        leads.convert(ConvertRequest(lead.id, person_id=person.id))
    assert info.value.field == "person_id"
    assert _count(db, Organisation) == orgs  # the new organisation was rolled back
    assert leads.get_lead(lead.id).data.status == LeadStatus.SQL
