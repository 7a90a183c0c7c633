"""Duplicate detection: the planted kinds are found by the scan and on entry,
distinct people are not, rules and dismissals are kept."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.db.database import Database
from app.domain.addresses import (
    AddressData,
    ChannelData,
    ChannelKind,
    EmploymentData,
    OrganisationData,
    PersonData,
)
from app.domain.errors import UserError
from app.domain.progress import Cancelled, RecordingProgress
from app.domain.quality import DedupKind, DedupRules, MatchKey, Reason
from app.services.addresses import AddressService
from app.services.dedup import DedupService
from app.services.dedup_keys import fold_name, org_core
from app.services.demo_quality import PlantKind, plant_duplicates, typo, umlaut_variant

PEOPLE = [
    ("Anna", "Müller", "8001", "Zürich"),
    ("Peter", "Meier", "8001", "Zürich"),
    ("Jürg", "Schäfer", "3011", "Bern"),
    ("Sophie", "Favre", "1003", "Lausanne"),
    ("Marco", "Bernasconi", "6900", "Lugano"),
    ("Daniel", "Keller", "4051", "Basel"),
    ("Nicole", "Schmid", "9000", "St. Gallen"),
    ("Thomas", "Brunner", "6003", "Luzern"),
    ("Laura", "Köhler", "8400", "Winterthur"),
    ("René", "Strauß", "7000", "Chur"),
    ("Hans", "Meyer", "8001", "Zürich"),  # close to Peter Meier's surname, not him
    ("Hans", "Meier", "8001", "Zürich"),  # same postcode and similar to Hans Meyer
]


@pytest.fixture
def dedup(db: Database) -> DedupService:
    return DedupService(db.sessions)


@pytest.fixture
def people(addresses: AddressService) -> list[str]:
    """Distinct persons (two of them with similar names in one town) plus employers."""
    acme, _ = addresses.create_organisation(
        OrganisationData(
            name="Muster Maschinen AG",
            legal_form="AG",
            uid="CHE-116.281.710",
            addresses=(
                AddressData(street="Industriestrasse", postcode="8001", city="Zürich"),
            ),
            channels=(
                ChannelData(ChannelKind.PHONE, "044 200 30 00"),
                ChannelData(ChannelKind.WEB, "www.muster-maschinen.ch"),
            ),
        )
    )
    ids = []
    for n, (first, last, postcode, city) in enumerate(PEOPLE):
        slug = f"{fold_name(first)}.{fold_name(last)}".replace(" ", "")
        person, _ = addresses.create_person(
            PersonData(
                first_name=first,
                last_name=last,
                channels=(
                    ChannelData(ChannelKind.EMAIL, f"{slug}@example.ch"),
                    ChannelData(ChannelKind.MOBILE, f"079 {100 + n} 20 30"),
                ),
                addresses=(
                    AddressData(
                        street="Weg", house_number=str(n), postcode=postcode, city=city
                    ),
                ),
                employments=(EmploymentData(acme.id, "Team"),) if n % 2 else (),
            )
        )
        ids.append(person.id)
    return ids


def test_planted_kinds_are_found_and_nothing_else(
    db: Database, dedup: DedupService, people: list[str]
) -> None:
    with db.engine.begin() as conn:
        planted = plant_duplicates(conn, persons=12, organisations=1, seed=3)
    kinds = {p.kind for p in planted}
    assert kinds == set(PlantKind)
    persons = dedup.scan(DedupKind.PERSON)
    orgs = dedup.scan(DedupKind.ORGANISATION)
    found = {p.key for p in persons.pairs} | {p.key for p in orgs.pairs}
    truth = {tuple(sorted((p.original_id, p.duplicate_id))) for p in planted}
    assert found == truth
    by_reason = {r for p in persons.pairs for r in p.reasons}
    assert {Reason.SWAPPED_NAME, Reason.SPELLING, Reason.SIMILAR_NAME} <= by_reason
    assert Reason.LEGAL_FORM in orgs.pairs[0].reasons
    assert all(75 <= p.score <= 100 for p in persons.pairs)


def test_scan_of_a_selection_and_dismissal(
    db: Database, dedup: DedupService, people: list[str]
) -> None:
    with db.engine.begin() as conn:
        planted = plant_duplicates(conn, persons=8, organisations=0, seed=5)
    one = planted[0]
    result = dedup.scan(DedupKind.PERSON, ids=[one.duplicate_id])
    assert [p.key for p in result.pairs] == [
        tuple(sorted((one.original_id, one.duplicate_id)))
    ]
    dedup.dismiss(DedupKind.PERSON, one.duplicate_id, one.original_id)
    assert dedup.scan(DedupKind.PERSON, ids=[one.duplicate_id]).pairs == ()
    assert len(dedup.scan(DedupKind.PERSON).pairs) == len(planted) - 1
    dedup.undismiss(DedupKind.PERSON, one.original_id, one.duplicate_id)
    assert len(dedup.scan(DedupKind.PERSON).pairs) == len(planted)


def test_rules_are_stored_and_change_the_scan(
    db: Database, dedup: DedupService, people: list[str]
) -> None:
    with db.engine.begin() as conn:
        plant_duplicates(conn, persons=8, organisations=0, seed=5)
    assert dedup.rules(DedupKind.PERSON).threshold == 75
    dedup.save_rules(
        DedupKind.PERSON, DedupRules(keys=frozenset({MatchKey.EMAIL}), threshold=90)
    )
    rules = dedup.rules(DedupKind.PERSON)
    assert rules.keys == {MatchKey.EMAIL}
    assert rules.threshold == 90
    strict = dedup.scan(DedupKind.PERSON)
    assert all(Reason.SAME_EMAIL in p.reasons for p in strict.pairs)
    with pytest.raises(UserError) as info:
        dedup.save_rules(DedupKind.PERSON, DedupRules(keys=frozenset(), threshold=90))
    assert info.value.code == "dedup.keys"
    with pytest.raises(UserError):
        dedup.save_rules(DedupKind.PERSON, DedupRules(threshold=0))


def test_scan_cancel(db: Database, dedup: DedupService, people: list[str]) -> None:
    with pytest.raises(Cancelled):
        dedup.scan(DedupKind.PERSON, progress=RecordingProgress(cancel_after=0))


@pytest.mark.parametrize(
    ("first", "last", "email", "phone", "postcode", "expect"),
    [
        ("Anna", "Mülller", "", "079 100 20 30", "8001", 0),  # typo
        ("Anna", "Mueller", "", "079 100 20 30", "8001", 0),  # umlaut spelling
        ("Müller", "Anna", "anna.muller@example.ch", "", "", 0),  # swapped
        (
            "Anna",
            "Müller",
            "anna.privat@gmail.com",
            "079 100 20 30",
            "",
            0,
        ),  # other e-mail
        ("Jurg", "Schaefer", "JURG.SCHAFER@example.ch", "", "", 2),  # e-mail case
        ("René", "Strauss", "", "079 109 20 30", "7000", 9),  # ß/ss
    ],
)
def test_entry_check_warns_for_each_kind(
    dedup: DedupService,
    people: list[str],
    first: str,
    last: str,
    email: str,
    phone: str,
    postcode: str,
    expect: int,
) -> None:
    channels = tuple(
        ch
        for ch in (
            ChannelData(ChannelKind.EMAIL, email) if email else None,
            ChannelData(ChannelKind.MOBILE, phone) if phone else None,
        )
        if ch is not None
    )
    data = PersonData(
        first_name=first,
        last_name=last,
        channels=channels,
        addresses=(AddressData(postcode=postcode),) if postcode else (),
    )
    found = dedup.check_person(data)
    assert [p.b.id for p in found] == [people[expect]]
    assert found[0].score >= 75


def test_entry_check_ignores_the_record_itself_and_strangers(
    dedup: DedupService, addresses: AddressService, people: list[str]
) -> None:
    anna = addresses.get_person(people[0])
    assert dedup.check_person(anna.data(), exclude_id=anna.id) == []
    stranger = PersonData(
        first_name="Zoë",
        last_name="Quartier",
        channels=(ChannelData(ChannelKind.EMAIL, "zoe@quartier.ch"),),
    )
    assert dedup.check_person(stranger) == []
    # same first name in the same town is not enough
    assert (
        dedup.check_person(
            PersonData(
                first_name="Anna",
                last_name="Zwicky",
                addresses=(AddressData(postcode="8001"),),
            )
        )
        == []
    )


def test_entry_check_for_organisations(dedup: DedupService, people: list[str]) -> None:
    for name in (
        "Muster Maschinen",
        "Muster Maschinen Aktiengesellschaft",
        "Muster Maschinen SA",
    ):
        found = dedup.check_organisation(
            OrganisationData(
                name=name,
                channels=(ChannelData(ChannelKind.PHONE, "044 200 30 00"),),
                addresses=(AddressData(postcode="8001", city="Zürich"),),
            )
        )
        assert [p.b.name for p in found] == ["Muster Maschinen AG"], name
    assert dedup.check_organisation(OrganisationData(name="Ganz Andere GmbH")) == []


def test_normalisation() -> None:
    assert fold_name("Müller") == fold_name("Mueller") == fold_name("MULLER")
    assert fold_name("Strauß") == fold_name("Strauss")
    assert fold_name("Frédérique") == fold_name("FREDERIQUE")
    assert org_core("Muster AG") == org_core("Muster Aktiengesellschaft") == "muster"
    assert org_core("Bonnet S.à r.l.") == org_core("Bonnet Sàrl") == "bonnet"
    assert org_core("Holz GmbH & Co. KG") == "holz"


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü", min_size=3, max_size=14),
    st.integers(0, 10**6),
)
def test_a_typo_changes_one_spot_and_keeps_the_first_letter(
    word: str, seed: int
) -> None:
    slip = typo(random.Random(seed), word)
    assert slip != word or len(set(word)) == 1
    assert slip[0] == word[0]
    assert abs(len(slip) - len(word)) <= 1
    assert umlaut_variant("Müller") == "Mueller"
