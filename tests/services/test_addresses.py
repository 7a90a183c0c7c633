"""AddressService on a real SQLite file: CRUD, child replacement, summaries, search."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import event, select

from app.db.address_queries import Sort
from app.db.database import Database
from app.domain.addresses import (
    AddressData,
    AddressKind,
    ChannelData,
    ChannelKind,
    EmploymentData,
    ListFilter,
    OrganisationData,
    PersonData,
    PersonRow,
    RelationStatus,
)
from app.domain.changes import EntityKind
from app.domain.errors import NotFoundError, ValidationError
from app.models import Address, Channel, Employment, UserAccount
from app.services.addresses import AddressService
from tests.helpers.factories import make_organisation, make_person

EMAIL = ChannelKind.EMAIL
PHONE = ChannelKind.PHONE
MOBILE = ChannelKind.MOBILE


def _rows(svc: AddressService, flt: ListFilter | None = None) -> list[PersonRow]:
    flt = flt or ListFilter()
    total = svc.count_persons(flt)
    page = svc.person_page(flt, Sort("name"), offset=0, limit=total + 1, total=total)
    assert len(page.rows) == total
    return list(page.rows)


def _row(svc: AddressService, person_id: str) -> PersonRow:
    return next(r for r in _rows(svc) if r.id == person_id)


def _search(svc: AddressService, text: str) -> set[str]:
    return {r.id for r in _rows(svc, ListFilter(search=text))}


@pytest.fixture
def statements(db: Database) -> Iterator[list[str]]:
    """SQL statements the engine sends while the test runs."""
    seen: list[str] = []

    def _record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", _record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", _record)


def _writes(statements: list[str]) -> list[str]:
    return [
        s for s in statements if s.split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]


# ---- organisations


def test_create_and_get_organisation(addresses: AddressService) -> None:
    industry, _ = addresses.create_industry(" Maschinenbau ", "C28")
    org, changes = addresses.create_organisation(
        OrganisationData(
            name=" Alpha AG ",
            legal_form="AG",
            customer_number="K-1001",
            uid="CHE-116.281.710",
            industry_id=industry.id,
            status=RelationStatus.CUSTOMER,
            notes="Key account",
            addresses=(
                AddressData(
                    street="Seestrasse",
                    house_number="1",
                    postcode="8002",
                    city="Zürich",
                ),
                AddressData(
                    kind=AddressKind.BILLING,
                    po_box="Postfach",
                    postcode="8021",
                    city="Zürich",
                ),
            ),
            channels=(
                ChannelData(PHONE, "044 668 18 00"),
                ChannelData(EMAIL, "Info@Alpha.CH"),
            ),
        )
    )
    assert changes.kinds == {EntityKind.ORGANISATION}
    assert changes.ids == {org.id}
    got = addresses.get_organisation(org.id)
    assert got == org
    assert (got.name, got.customer_number, got.uid) == (
        "Alpha AG",
        "K-1001",
        "CHE-116.281.710",
    )
    assert (got.industry_id, got.industry_name) == (industry.id, "Maschinenbau")
    assert got.status is RelationStatus.CUSTOMER
    assert [a.city for a in got.addresses] == ["Zürich", "Zürich"]
    assert [a.kind for a in got.addresses] == [AddressKind.MAIN, AddressKind.BILLING]
    assert [a.is_primary for a in got.addresses] == [True, False]
    assert [(c.kind, c.value) for c in got.channels] == [
        (PHONE, "+41446681800"),
        (EMAIL, "Info@alpha.ch"),
    ]
    assert all(a.id for a in got.addresses)
    assert got.created_at.tzinfo is not None
    assert got.data().name == "Alpha AG"


def test_organisation_list_row(addresses: AddressService) -> None:
    industry, _ = addresses.create_industry("Handel")
    org = make_organisation(
        addresses,
        name="Beta GmbH",
        customer_number="K-7",
        industry_id=industry.id,
        channels=(
            ChannelData(EMAIL, "info@beta.ch"),
            ChannelData(PHONE, "044 668 18 00"),
        ),
    )
    flt = ListFilter()
    total = addresses.count_organisations(flt)
    rows = addresses.organisation_page(
        flt, Sort("name"), offset=0, limit=10, total=total
    ).rows
    assert [(r.id, r.name, r.customer_number, r.industry) for r in rows] == [
        (org.id, "Beta GmbH", "K-7", "Handel")
    ]
    assert (rows[0].email, rows[0].phone, rows[0].postcode, rows[0].city) == (
        "info@beta.ch",
        "+41446681800",
        "8001",
        "Zürich",
    )
    assert [o.id for o in addresses.find_organisations("bet")] == [org.id]
    assert addresses.find_organisations("gamma") == []


def test_update_organisation_replaces_children(
    addresses: AddressService, db: Database
) -> None:
    org = make_organisation(
        addresses,
        addresses=(
            AddressData(street="A-Strasse", city="Bern"),
            AddressData(street="B-Strasse", city="Basel"),
        ),
        channels=(
            ChannelData(PHONE, "031 123 45 67"),
            ChannelData(EMAIL, "a@example.ch"),
        ),
    )
    keep_addr, drop_addr = org.addresses
    keep_ch, drop_ch = org.channels
    data = dataclasses.replace(
        org.data(),
        name="Renamed AG",
        addresses=(
            AddressData(city="Chur", street="C-Weg"),
            dataclasses.replace(keep_addr, city="Thun"),
        ),
        channels=(keep_ch, ChannelData(EMAIL, "b@example.ch")),
    )
    updated, changes = addresses.update_organisation(org.id, data)
    assert changes.ids == {org.id}
    assert updated.name == "Renamed AG"
    assert [a.city for a in updated.addresses] == ["Chur", "Thun"]
    assert updated.addresses[1].id == keep_addr.id
    assert updated.addresses[0].id not in {keep_addr.id, drop_addr.id}
    assert [c.value for c in updated.channels] == ["+41311234567", "b@example.ch"]
    assert updated.channels[0].id == keep_ch.id
    assert addresses.get_organisation(org.id) == updated
    with db.sessions() as s:
        dropped_addr = s.get(Address, drop_addr.id)
        dropped_ch = s.get(Channel, drop_ch.id)
        assert dropped_addr is not None
        assert dropped_addr.deleted_at is not None
        assert dropped_ch is not None
        assert dropped_ch.deleted_at is not None
        live = s.scalars(
            select(Address.position).where(
                Address.organisation_id == org.id, Address.deleted_at.is_(None)
            )
        ).all()
        assert sorted(live) == [0, 1]


def test_delete_and_restore_organisation(addresses: AddressService) -> None:
    org = make_organisation(addresses)
    changes = addresses.delete_organisation(org.id)
    assert changes.ids == {org.id}
    assert changes.kinds == {EntityKind.ORGANISATION}
    with pytest.raises(NotFoundError) as info:
        addresses.get_organisation(org.id)
    assert info.value.code == "record.not_found"
    assert info.value.kind == "organisation"
    with pytest.raises(NotFoundError):
        addresses.update_organisation(org.id, org.data())
    with pytest.raises(NotFoundError):
        addresses.delete_organisation(org.id)
    assert addresses.count_organisations(ListFilter()) == 0
    assert addresses.count_organisations(ListFilter(include_deleted=True)) == 1
    addresses.restore_organisation(org.id)
    assert addresses.get_organisation(org.id).name == org.name
    with pytest.raises(NotFoundError):
        addresses.restore_organisation(org.id)
    with pytest.raises(NotFoundError):
        addresses.get_organisation("no-such-id")


def test_invalid_input_stores_nothing(addresses: AddressService) -> None:
    with pytest.raises(ValidationError):
        addresses.create_person(
            PersonData(last_name="", channels=(ChannelData(EMAIL, "x"),))
        )
    assert addresses.count_persons(ListFilter(include_deleted=True)) == 0


# ---- persons


def test_create_and_get_person(addresses: AddressService) -> None:
    org = make_organisation(addresses, name="Alpha AG")
    person, changes = addresses.create_person(
        PersonData(
            last_name="Keller",
            first_name="Anna",
            channels=(
                ChannelData(EMAIL, "anna.keller@alpha.ch"),
                ChannelData(MOBILE, "079 123 45 67"),
            ),
            addresses=(AddressData(street="Seeweg", postcode="3600", city="Thun"),),
            employments=(EmploymentData(org.id, role="Einkauf"),),
        )
    )
    assert changes.kinds == {EntityKind.PERSON}
    assert changes.ids == {person.id}
    got = addresses.get_person(person.id)
    assert got == person
    assert got.full_name == "Anna Keller"
    assert [
        (e.organisation_id, e.role, e.is_primary, e.organisation_name)
        for e in got.employments
    ] == [(org.id, "Einkauf", True, "Alpha AG")]
    contacts = addresses.get_organisation(org.id).contacts
    assert [(c.person_id, c.name, c.role, c.email, c.phone) for c in contacts] == [
        (person.id, "Anna Keller", "Einkauf", "anna.keller@alpha.ch", "+41791234567")
    ]


def test_person_with_unknown_or_deleted_organisation(addresses: AddressService) -> None:
    org = make_organisation(addresses)
    addresses.delete_organisation(org.id)
    for org_id in ("missing", org.id):
        with pytest.raises(NotFoundError):
            addresses.create_person(
                PersonData(last_name="X", employments=(EmploymentData(org_id),))
            )
    assert addresses.count_persons(ListFilter(include_deleted=True)) == 0


def test_update_person_replaces_children(
    addresses: AddressService, db: Database
) -> None:
    a = make_organisation(addresses, name="Alpha AG")
    b = make_organisation(addresses, name="Beta AG")
    c = make_organisation(addresses, name="Gamma AG")
    person = make_person(
        addresses,
        employments=(EmploymentData(a.id, "CEO"), EmploymentData(b.id, "Board")),
        addresses=(AddressData(city="Bern"), AddressData(city="Biel")),
    )
    emp_a, emp_b = person.employments
    data = dataclasses.replace(
        person.data(),
        first_name="Johanna",
        employments=(
            EmploymentData(b.id, "President", is_primary=True),
            EmploymentData(c.id, "Advisor"),
        ),
        addresses=(person.addresses[1],),
        channels=(),
    )
    updated, _ = addresses.update_person(person.id, data)
    assert updated.first_name == "Johanna"
    assert [
        (e.organisation_name, e.role, e.is_primary) for e in updated.employments
    ] == [
        ("Beta AG", "President", True),
        ("Gamma AG", "Advisor", False),
    ]
    assert updated.employments[0].id == emp_b.id  # same link row, role changed
    assert [x.city for x in updated.addresses] == ["Biel"]
    assert updated.addresses[0].is_primary
    assert updated.channels == ()
    with db.sessions() as s:
        gone = s.get(Employment, emp_a.id)
        assert gone is not None
        assert gone.deleted_at is not None
        dead_addr = s.get(Address, person.addresses[0].id)
        assert dead_addr is not None
        assert dead_addr.deleted_at is not None
        dead_ch = s.get(Channel, person.channels[0].id)
        assert dead_ch is not None
        assert dead_ch.deleted_at is not None
    assert _row(addresses, person.id).organisation == "Beta AG"
    assert [x.person_id for x in addresses.get_organisation(a.id).contacts] == []


def test_update_without_changes_writes_nothing(
    addresses: AddressService, db: Database, statements: list[str]
) -> None:
    org = make_organisation(addresses)
    person = make_person(
        addresses,
        organisation=org,
        addresses=(AddressData(street="Weg", city="Bern", postcode="3000"),),
        channels=(
            ChannelData(EMAIL, "a@example.ch"),
            ChannelData(PHONE, "031 123 45 67"),
        ),
    )
    statements.clear()
    same, _ = addresses.update_person(person.id, person.data())
    assert _writes(statements) == []
    assert same.updated_at == person.updated_at
    assert same == person
    org_again, _ = addresses.update_organisation(org.id, org.data())
    assert _writes(statements) == []
    assert org_again.updated_at == org.updated_at


def test_update_writes_only_changed_fields(
    addresses: AddressService, db: Database, statements: list[str]
) -> None:
    person = make_person(addresses, first_name="Hans", title="Dr.")
    statements.clear()
    updated, _ = addresses.update_person(
        person.id, dataclasses.replace(person.data(), first_name="Fritz")
    )
    writes = _writes(statements)
    person_updates = [s for s in writes if s.startswith("UPDATE person SET")]
    assert len(person_updates) == 1
    set_clause = person_updates[0].split(" SET ")[1].split(" WHERE ")[0]
    assert sorted(p.split("=")[0].strip() for p in set_clause.split(",")) == [
        "first_name",
        "updated_at",
    ]
    assert not [s for s in writes if s.startswith(("INSERT", "UPDATE channel"))]
    assert updated.updated_at > person.updated_at
    assert updated.title == "Dr."


def test_delete_and_restore_person(addresses: AddressService) -> None:
    person = make_person(addresses)
    changes = addresses.delete_person(person.id)
    assert changes.kinds == {EntityKind.PERSON}
    assert changes.ids == {person.id}
    with pytest.raises(NotFoundError):
        addresses.get_person(person.id)
    with pytest.raises(NotFoundError):
        addresses.update_person(person.id, person.data())
    with pytest.raises(NotFoundError):
        addresses.delete_person(person.id)
    assert _rows(addresses) == []
    deleted_rows = _rows(addresses, ListFilter(include_deleted=True))
    assert [r.id for r in deleted_rows] == [person.id]
    addresses.restore_person(person.id)
    assert addresses.get_person(person.id).last_name == person.last_name
    with pytest.raises(NotFoundError):
        addresses.restore_person(person.id)
    with pytest.raises(NotFoundError):
        addresses.delete_person("no-such-id")


def test_users_and_industries(addresses: AddressService, db: Database) -> None:
    with db.sessions.begin() as s:
        s.add_all(
            [
                UserAccount(id="u1", username="zoe", display_name="Zoë Zahn"),
                UserAccount(id="u2", username="adam", display_name=""),
                UserAccount(id="u3", username="gone", active=False),
            ]
        )
    assert [(u.id, u.display_name) for u in addresses.users()] == [
        ("u2", "adam"),
        ("u1", "Zoë Zahn"),
    ]
    person = make_person(addresses, owner_id="u1")
    assert addresses.get_person(person.id).owner_name == "Zoë Zahn"
    addresses.create_industry("Zement")
    addresses.create_industry("Bau")
    assert [i.name for i in addresses.industries()] == ["Bau", "Zement"]


# ---- summary columns in the person list


def test_summary_follows_primary_channels_and_addresses(
    addresses: AddressService,
) -> None:
    person = make_person(
        addresses,
        channels=(
            ChannelData(EMAIL, "first@example.ch"),
            ChannelData(EMAIL, "second@example.ch"),
            ChannelData(MOBILE, "079 123 45 67"),
        ),
        addresses=(
            AddressData(city="Bern", postcode="3000"),
            AddressData(city="Basel", postcode="4000"),
        ),
    )
    row = _row(addresses, person.id)
    assert (row.email, row.phone, row.postcode, row.city) == (
        "first@example.ch",
        "+41791234567",
        "3000",
        "Bern",
    )
    first, second, _mobile = person.channels
    home, other = person.addresses
    addresses.update_person(
        person.id,
        dataclasses.replace(
            person.data(),
            channels=(
                dataclasses.replace(first, is_primary=False),
                dataclasses.replace(second, is_primary=True),
            ),
            addresses=(
                dataclasses.replace(home, is_primary=False),
                dataclasses.replace(other, is_primary=True),
            ),
        ),
    )
    row = _row(addresses, person.id)
    assert (row.email, row.phone, row.postcode, row.city) == (
        "second@example.ch",
        "",
        "4000",
        "Basel",
    )
    current = addresses.get_person(person.id)
    addresses.update_person(
        person.id,
        dataclasses.replace(
            current.data(),
            channels=(ChannelData(PHONE, "031 999 88 77"),),
            addresses=(
                dataclasses.replace(
                    current.addresses[1], city="Riehen", postcode="4125"
                ),
            ),
        ),
    )
    row = _row(addresses, person.id)
    assert (row.email, row.phone, row.postcode, row.city) == (
        "",
        "+41319998877",
        "4125",
        "Riehen",
    )


def test_summary_follows_employments_and_organisations(
    addresses: AddressService,
) -> None:
    alpha = make_organisation(addresses, name="Alpha AG")
    beta = make_organisation(addresses, name="Beta AG")
    person = make_person(
        addresses,
        employments=(EmploymentData(alpha.id), EmploymentData(beta.id)),
    )
    other = make_person(addresses, organisation=alpha)
    assert _row(addresses, person.id).organisation == "Alpha AG"
    # primary employment switches
    data = person.data()
    addresses.update_person(
        person.id,
        dataclasses.replace(
            data,
            employments=(
                dataclasses.replace(data.employments[0], is_primary=False),
                dataclasses.replace(data.employments[1], is_primary=True),
            ),
        ),
    )
    assert _row(addresses, person.id).organisation == "Beta AG"
    # organisation renamed
    addresses.update_organisation(
        beta.id, dataclasses.replace(beta.data(), name="Beta Holding AG")
    )
    assert _row(addresses, person.id).organisation == "Beta Holding AG"
    assert _row(addresses, other.id).organisation == "Alpha AG"
    # organisation deleted: the next employment shows, then none
    addresses.delete_organisation(beta.id)
    assert _row(addresses, person.id).organisation == "Alpha AG"
    addresses.delete_organisation(alpha.id)
    assert _row(addresses, person.id).organisation == ""
    assert _row(addresses, other.id).organisation == ""
    addresses.restore_organisation(alpha.id)
    addresses.restore_organisation(beta.id)
    assert _row(addresses, person.id).organisation == "Beta Holding AG"
    assert _row(addresses, other.id).organisation == "Alpha AG"
    # employment removed
    current = addresses.get_person(person.id)
    addresses.update_person(
        person.id,
        dataclasses.replace(current.data(), employments=current.employments[1:]),
    )
    assert _row(addresses, person.id).organisation == "Alpha AG"


def test_contact_without_own_address_shows_the_organisations_place(
    addresses: AddressService,
) -> None:
    org = make_organisation(
        addresses,
        addresses=(AddressData(street="Marktgasse", postcode="3011", city="Bern"),),
    )
    person = make_person(addresses, organisation=org)
    row = _row(addresses, person.id)
    assert (row.postcode, row.city) == ("3011", "Bern")
    assert person.id in {r.id for r in _rows(addresses, ListFilter(search="bern"))}
    # the organisation moves: the contact follows
    addresses.update_organisation(
        org.id,
        dataclasses.replace(
            org.data(),
            addresses=(
                AddressData(street="Seestrasse", postcode="6003", city="Luzern"),
            ),
        ),
    )
    row = _row(addresses, person.id)
    assert (row.postcode, row.city) == ("6003", "Luzern")
    # an address of the person's own wins
    current = addresses.get_person(person.id)
    addresses.update_person(
        person.id,
        dataclasses.replace(
            current.data(),
            addresses=(
                AddressData(kind=AddressKind.HOME, postcode="8400", city="Winterthur"),
            ),
        ),
    )
    row = _row(addresses, person.id)
    assert (row.postcode, row.city) == ("8400", "Winterthur")
    assert person.id not in {
        r.id for r in _rows(addresses, ListFilter(search="luzern"))
    }


def test_editing_a_person_keeps_links_to_deleted_organisations(
    addresses: AddressService,
) -> None:
    """A deleted organisation's link is hidden from the form, so saving the form
    must not remove it: restoring the organisation brings the link back."""
    org = make_organisation(addresses, name="Alpha AG")
    person = make_person(addresses, organisation=org)
    addresses.delete_organisation(org.id)
    hidden = addresses.get_person(person.id)
    assert hidden.employments == ()
    addresses.update_person(
        person.id, dataclasses.replace(hidden.data(), first_name="Eva")
    )
    addresses.restore_organisation(org.id)
    assert [e.organisation_id for e in addresses.get_person(person.id).employments] == [
        org.id
    ]
    assert _row(addresses, person.id).organisation == "Alpha AG"
    assert [c.person_id for c in addresses.get_organisation(org.id).contacts] == [
        person.id
    ]


def test_hidden_link_loses_primary_when_the_form_chooses_another(
    addresses: AddressService,
) -> None:
    alpha = make_organisation(addresses, name="Alpha AG")
    beta = make_organisation(addresses, name="Beta AG")
    person = make_person(
        addresses, employments=(EmploymentData(alpha.id), EmploymentData(beta.id))
    )
    addresses.delete_organisation(alpha.id)
    shown = addresses.get_person(person.id)
    assert [(e.organisation_id, e.is_primary) for e in shown.employments] == [
        (beta.id, False)
    ]
    addresses.update_person(person.id, shown.data())  # validation makes Beta primary
    addresses.restore_organisation(alpha.id)
    restored = addresses.get_person(person.id).employments
    assert [(e.organisation_id, e.is_primary) for e in restored] == [
        (beta.id, True),
        (alpha.id, False),
    ]
    assert _row(addresses, person.id).organisation == "Beta AG"


def test_deleted_person_is_not_a_contact(addresses: AddressService) -> None:
    org = make_organisation(addresses)
    person = make_person(addresses, organisation=org)
    addresses.delete_person(person.id)
    assert addresses.get_organisation(org.id).contacts == ()
    addresses.restore_person(person.id)
    assert [c.person_id for c in addresses.get_organisation(org.id).contacts] == [
        person.id
    ]


# ---- search


@pytest.fixture
def people(addresses: AddressService) -> dict[str, str]:
    alpha = make_organisation(addresses, name="Zürcher Kantonalbank")
    specs = {
        "mueller": PersonData(
            last_name="Müller",
            first_name="Anna",
            channels=(
                ChannelData(EMAIL, "anna.keller@example.ch"),
                ChannelData(MOBILE, "079 123 45 67"),
            ),
            addresses=(AddressData(street="Weg 1", postcode="3600", city="Thun"),),
        ),
        "meier": PersonData(
            last_name="Meier",
            first_name="Bruno",
            channels=(ChannelData(PHONE, "+49 30 12345678"),),
            addresses=(AddressData(postcode="10115", city="Berlin", country="DE"),),
            employments=(EmploymentData(alpha.id, "CFO"),),
        ),
        "mullis": PersonData(
            last_name="Mullis",
            first_name="Cora",
            channels=(ChannelData(EMAIL, "cora@mullis.ch"),),
            addresses=(AddressData(postcode="8001", city="Zürich"),),
        ),
    }
    return {key: addresses.create_person(data)[0].id for key, data in specs.items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Müller", {"mueller"}),
        ("muller", {"mueller"}),
        ("MÜLL", {"mueller", "mullis"}),  # diacritics ignored both ways
        ("mul", {"mueller", "mullis"}),
        ("m", {"mueller", "meier", "mullis"}),
        ("anna.kel", {"mueller"}),
        ("keller@example", {"mueller"}),
        ("079 123 45", {"mueller"}),
        ("0791234567", {"mueller"}),
        ("+41 79 123", {"mueller"}),
        ("41791234567", {"mueller"}),
        ("030 1234", {"meier"}),
        ("thun", {"mueller"}),
        ("zurich", {"mullis"}),
        ("zürcher", {"meier"}),
        ("kantonal", {"meier"}),
        ("3600", {"mueller"}),
        ("anna müller", {"mueller"}),
        ("bruno müller", set()),
        ("nobody", set()),
        ("", {"mueller", "meier", "mullis"}),
        ("  ...  ", {"mueller", "meier", "mullis"}),
        ('"quoted', set()),
    ],
)
def test_person_search(
    addresses: AddressService, people: dict[str, str], text: str, expected: set[str]
) -> None:
    assert _search(addresses, text) == {people[k] for k in expected}
    assert addresses.count_persons(ListFilter(search=text)) == len(expected)


def test_deleted_person_leaves_and_returns_to_search(
    addresses: AddressService, people: dict[str, str]
) -> None:
    addresses.delete_person(people["mueller"])
    assert _search(addresses, "muller") == set()
    assert _search(addresses, "079") == set()
    addresses.restore_person(people["mueller"])
    assert _search(addresses, "muller") == {people["mueller"]}
    assert _search(addresses, "079") == {people["mueller"]}


def test_search_follows_edits(
    addresses: AddressService, people: dict[str, str]
) -> None:
    person = addresses.get_person(people["mullis"])
    addresses.update_person(
        person.id,
        dataclasses.replace(
            person.data(),
            last_name="Brunner",
            channels=(ChannelData(EMAIL, "cora.brunner@example.ch"),),
        ),
    )
    assert _search(addresses, "mullis") == set()
    assert _search(addresses, "brunner") == {person.id}
    assert _search(addresses, "cora.brun") == {person.id}


def test_organisation_search(addresses: AddressService) -> None:
    org = make_organisation(
        addresses,
        name="Müller Bau AG",
        customer_number="K-4711",
        channels=(ChannelData(PHONE, "044 668 18 00"),),
    )
    make_organisation(addresses, name="Meier Transport")
    for text in ("muller", "bau", "4711", "044 668", "zürich"):
        total = addresses.count_organisations(ListFilter(search=text))
        rows = addresses.organisation_page(
            ListFilter(search=text), Sort("name"), offset=0, limit=10, total=total
        ).rows
        ids = {r.id for r in rows}
        assert org.id in ids, text
    assert [r.id for r in addresses.find_organisations("muller")] == [org.id]
    addresses.delete_organisation(org.id)
    assert addresses.find_organisations("muller") == []


# ---- filters


def test_count_persons_with_filters(addresses: AddressService, db: Database) -> None:
    with db.sessions.begin() as s:
        s.add(UserAccount(id="owner-1", username="owner"))
    alpha = make_organisation(addresses, name="Alpha")
    beta = make_organisation(addresses, name="Beta")

    def person(
        status: RelationStatus,
        postcode: str,
        city: str,
        country: str = "CH",
        **kw: object,
    ) -> str:
        return make_person(
            addresses,
            status=status,
            addresses=(AddressData(postcode=postcode, city=city, country=country),),
            **kw,
        ).id

    ids = {
        "a": person(
            RelationStatus.CUSTOMER,
            "8001",
            "Zürich",
            owner_id="owner-1",
            employments=(EmploymentData(alpha.id),),
        ),
        "b": person(
            RelationStatus.CUSTOMER,
            "8400",
            "Winterthur",
            employments=(EmploymentData(alpha.id), EmploymentData(beta.id)),
        ),
        "c": person(RelationStatus.PROSPECT, "3000", "Bern", owner_id="owner-1"),
        "d": person(
            RelationStatus.FORMER,
            "80331",
            "München",
            country="DE",
            employments=(EmploymentData(beta.id),),
        ),
        "e": person(RelationStatus.PARTNER, "8001", "Zürich"),
    }
    addresses.delete_person(person(RelationStatus.CUSTOMER, "8001", "Zürich"))
    cases: list[tuple[ListFilter, set[str]]] = [
        (ListFilter(), set(ids)),
        (ListFilter(status=frozenset({RelationStatus.CUSTOMER})), {"a", "b"}),
        (
            ListFilter(
                status=frozenset({RelationStatus.CUSTOMER, RelationStatus.FORMER})
            ),
            {"a", "b", "d"},
        ),
        (ListFilter(postcode_prefix="80"), {"a", "d", "e"}),
        (ListFilter(postcode_prefix="8%"), set()),
        (ListFilter(city="Zürich"), {"a", "e"}),
        (ListFilter(owner_id="owner-1"), {"a", "c"}),
        (ListFilter(organisation_id=alpha.id), {"a", "b"}),
        (ListFilter(organisation_id=beta.id), {"b", "d"}),
        (ListFilter(country="DE"), {"d"}),
        (ListFilter(country="CH", postcode_prefix="8"), {"a", "b", "e"}),
        (ListFilter(status=frozenset({RelationStatus.CUSTOMER}), city="Zürich"), {"a"}),
        (
            ListFilter(
                search="winterthur", status=frozenset({RelationStatus.CUSTOMER})
            ),
            {"b"},
        ),
        (ListFilter(include_deleted=True), None),
    ]
    for flt, expected in cases:
        if expected is None:
            assert addresses.count_persons(flt) == len(ids) + 1
            continue
        assert addresses.count_persons(flt) == len(expected), flt
        assert {r.id for r in _rows(addresses, flt)} == {ids[k] for k in expected}, flt


# ---- paging


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AddressService]:
    """~120 persons with many ties in city, postcode and organisation."""
    from app.db.database import open_database

    folder = tmp_path_factory.mktemp("paging")
    database = open_database(folder / "relata.db", backup_dir=folder / "backups")
    svc = AddressService(database.sessions)
    orgs = [
        make_organisation(svc, name=n) for n in ("Alpha", "beta", "Äpfel AG", "Zeta")
    ]
    cities = [
        ("3000", "Bern"),
        ("8001", "Zürich"),
        ("4000", "Basel"),
        ("8001", "Zurich"),
        ("", ""),
    ]
    names = [
        "Meier",
        "Müller",
        "Keller",
        "Zürcher",
        "Abt",
        "van Dijk",
        "Öztürk",
        "meier",
    ]
    for i in range(123):
        postcode, city = cities[i % len(cities)]
        org = orgs[i % 5] if i % 5 < len(orgs) else None
        make_person(
            svc,
            last_name=names[i % len(names)],
            first_name=["Anna", "Bruno", ""][i % 3],
            addresses=(AddressData(postcode=postcode, city=city or "Ort"),)
            if postcode
            else (),
            employments=(EmploymentData(org.id),) if org else (),
        )
    yield svc
    database.engine.dispose()


_SORT_KEYS = {
    "name": lambda r: (r.last_name, r.first_name, r.id),
    "city": lambda r: (r.city, r.last_name, r.id),
    "postcode": lambda r: (r.postcode, r.last_name, r.id),
    "organisation": lambda r: (r.organisation, r.last_name, r.id),
}


@pytest.mark.parametrize("key", sorted(_SORT_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_page_is_a_slice_of_the_full_list(
    many: AddressService, key: str, descending: bool
) -> None:
    flt = ListFilter()
    total = many.count_persons(flt)
    assert total == 123
    full = list(
        many.person_page(flt, Sort(key), offset=0, limit=total, total=total).rows
    )
    # the database sorts like Python sorts str (BINARY collation), ties by id
    assert full == sorted(full, key=_SORT_KEYS[key])
    assert len({r.id for r in full}) == total
    expected = full[::-1] if descending else full
    for limit in (1, 7, 50):
        for offset in range(total + 3):
            page = many.person_page(
                flt, Sort(key, descending), offset=offset, limit=limit, total=total
            )
            assert page.offset == offset
            assert list(page.rows) == expected[offset : offset + limit], (offset, limit)


def test_paging_with_a_filter(many: AddressService) -> None:
    flt = ListFilter(search="meier")
    total = many.count_persons(flt)
    assert total == 31  # "Meier" and "meier": FTS is case-insensitive
    full = many.person_page(flt, Sort("city"), offset=0, limit=total, total=total).rows
    assert all(r.last_name.lower() == "meier" for r in full)
    for offset in range(total + 1):
        page = many.person_page(flt, Sort("city"), offset=offset, limit=4, total=total)
        assert page.rows == full[offset : offset + 4]


def test_organisation_pages(many: AddressService) -> None:
    flt = ListFilter()
    total = many.count_organisations(flt)
    full = many.organisation_page(
        flt, Sort("name"), offset=0, limit=total, total=total
    ).rows
    assert [r.name for r in full] == ["Alpha", "Zeta", "beta", "Äpfel AG"]
    for descending in (False, True):
        expected = full[::-1] if descending else full
        for offset in range(total + 2):
            page = many.organisation_page(
                flt, Sort("name", descending), offset=offset, limit=2, total=total
            )
            assert page.rows == expected[offset : offset + 2]


def test_overview_counts_match_the_list_counts_and_skip_deleted(
    addresses: AddressService,
) -> None:
    assert addresses.overview_counts().persons == 0
    make_organisation(addresses, status=RelationStatus.CUSTOMER)
    make_organisation(addresses, status=RelationStatus.PROSPECT)
    make_organisation(addresses, status=RelationStatus.SUPPLIER)
    gone = make_organisation(addresses, status=RelationStatus.CUSTOMER)
    for status in (RelationStatus.CUSTOMER, RelationStatus.CUSTOMER):
        make_person(addresses, status=status)
    make_person(addresses, status=RelationStatus.PROSPECT)
    make_person(addresses, status=RelationStatus.FORMER)
    left = make_person(addresses, status=RelationStatus.PROSPECT)
    addresses.delete_organisation(gone.id)
    addresses.delete_person(left.id)
    counts = addresses.overview_counts()
    assert (counts.persons, counts.organisations) == (4, 3)
    assert counts.customers == 3  # two persons and one organisation
    assert counts.prospects == 2
    for status, expected in (
        (RelationStatus.CUSTOMER, counts.customers),
        (RelationStatus.PROSPECT, counts.prospects),
    ):
        flt = ListFilter(status=frozenset({status}))
        assert (
            addresses.count_persons(flt) + addresses.count_organisations(flt)
            == expected
        )


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", ["name", "organisation", "postcode", "city"])
def test_row_number_of_a_person_matches_the_list(
    addresses: AddressService, key: str, descending: bool
) -> None:
    org = make_organisation(addresses, name="Alpha")
    ids = []
    for i in range(24):  # equal names, towns and postcodes: the id breaks ties
        ids.append(
            make_person(
                addresses,
                last_name=("Meier", "Müller", "Muller", "Amrein")[i % 4],
                first_name=("Anna", "Beat")[i % 2],
                status=(RelationStatus.CUSTOMER, RelationStatus.PROSPECT)[i % 2],
                addresses=(
                    AddressData(postcode=f"80{i % 3}0", city=("Bern", "Chur")[i % 2]),
                ),
                **({"organisation": org} if i % 3 == 0 else {}),
            ).id
        )
    addresses.delete_person(ids[5])
    sort = Sort(key, descending)
    for flt in (ListFilter(), ListFilter(status=frozenset({RelationStatus.CUSTOMER}))):
        total = addresses.count_persons(flt)
        listed = [
            r.id
            for r in addresses.person_page(
                flt, sort, offset=0, limit=100, total=total
            ).rows
        ]
        for row, pid in enumerate(listed):
            assert addresses.person_row_number(flt, sort, pid) == row
        missing = [p for p in ids if p not in listed]
        assert missing  # the deleted one, and prospects under the status filter
        for pid in missing:
            assert addresses.person_row_number(flt, sort, pid) is None


@pytest.mark.parametrize("key", ["name", "postcode", "city"])
def test_row_number_of_an_organisation_matches_the_list(
    addresses: AddressService, key: str
) -> None:
    for i in range(12):
        make_organisation(
            addresses,
            name=("Beta AG", "Alpha GmbH", "Gamma SA")[i % 3],
            addresses=(
                AddressData(postcode=f"30{i % 2}0", city=("Thun", "Bern")[i % 2]),
            ),
        )
    for descending in (False, True):
        sort = Sort(key, descending)
        total = addresses.count_organisations(ListFilter())
        listed = [
            r.id
            for r in addresses.organisation_page(
                ListFilter(), sort, offset=0, limit=100, total=total
            ).rows
        ]
        assert [
            addresses.organisation_row_number(ListFilter(), sort, oid) for oid in listed
        ] == list(range(len(listed)))
