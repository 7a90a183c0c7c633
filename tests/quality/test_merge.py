"""Merge field by field with every related record re-linked; undo restores the
database exactly (compared by a dump of every table)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from app.db.database import Database
from app.domain.addresses import (
    AddressData,
    ChannelData,
    ChannelKind,
    EmploymentData,
    PersonData,
)
from app.domain.custom_fields import Choice, CustomFieldDefData, FieldType, RecordKind
from app.domain.errors import NotFoundError, UserError
from app.domain.journal import LinkKind, LinkRef
from app.domain.quality import DedupKind
from app.services.addresses import AddressService
from app.services.custom_fields import CustomFieldService
from app.services.journal_services import JournalServices
from app.services.merge import MergeService, foreign_keys
from app.services.pipeline import PipelineService
from app.services.tags import TagService
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.pipeline import make_opportunity
from tests.services.journal_support import entry

#: Tables a merge and its undo may leave different: the log itself and the
#: FTS shadow tables (their segment layout changes, their content does not).
_NOT_DUMPED = ("merge_log", "alembic_version", "sqlite_sequence")


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (rowid included), FTS shadow tables left out."""
    with db.engine.connect() as conn:
        names = (
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
                "AND name NOT LIKE 'sqlite_%'"
            )
            .scalars()
            .all()
        )
        return {
            n: conn.exec_driver_sql(f'SELECT rowid, * FROM "{n}" ORDER BY rowid').all()
            for n in names
            if n not in _NOT_DUMPED
        }


def fts_ok(db: Database) -> None:
    with db.engine.connect() as conn:
        for table in ("person_fts", "organisation_fts"):
            conn.exec_driver_sql(
                f"INSERT INTO {table}({table}) VALUES ('integrity-check')"
            )


@pytest.fixture
def merges(db: Database) -> MergeService:
    return MergeService(db.sessions)


@pytest.fixture
def world(
    db: Database,
    addresses: AddressService,
    custom: CustomFieldService,
    tags: TagService,
    tmp_path: Path,
) -> dict[str, Any]:
    """Two persons who are one, with everything a CRM hangs on a person."""
    acme = make_organisation(addresses, name="Acme AG")
    beta = make_organisation(addresses, name="Beta GmbH")
    anna = make_person(
        addresses,
        first_name="Anna",
        last_name="Müller",
        channels=(
            ChannelData(ChannelKind.EMAIL, "anna.mueller@acme.ch"),
            ChannelData(ChannelKind.PHONE, "044 111 22 33"),
        ),
        addresses=(
            AddressData(
                street="Seestrasse", house_number="1", postcode="8001", city="Zürich"
            ),
        ),
        employments=(EmploymentData(acme.id, "Einkauf"),),
    )
    copy = make_person(
        addresses,
        first_name="Anna",
        last_name="Mueller",
        birth_date=dt.date(1980, 5, 17),
        channels=(
            ChannelData(ChannelKind.EMAIL, "ANNA.MUELLER@acme.ch"),
            ChannelData(ChannelKind.EMAIL, "anna@privat.ch"),
            ChannelData(ChannelKind.MOBILE, "079 555 66 77"),
        ),
        addresses=(
            AddressData(
                street="Seestrasse", house_number="1", postcode="8001", city="Zürich"
            ),
            AddressData(
                street="Bergweg", house_number="3", postcode="8700", city="Küsnacht"
            ),
        ),
        employments=(
            EmploymentData(acme.id, "Leitung Einkauf"),
            EmploymentData(beta.id, "Verwaltungsrätin"),
        ),
    )
    category, _ = custom.create(
        CustomFieldDefData(
            RecordKind.PERSON,
            "Kategorie",
            FieldType.CHOICE,
            choices=(Choice("A", "A"), Choice("B", "B")),
        )
    )
    hobby, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Hobby", FieldType.TEXT)
    )
    custom.save_values("person", anna.id, {category.key: "B"})
    custom.save_values("person", copy.id, {category.key: "A", hobby.key: "Segeln"})
    vip, _ = tags.create_tag("VIP")
    fair, _ = tags.create_tag("Messe")
    tags.set_tags("person", anna.id, [vip.id])
    tags.set_tags("person", copy.id, [vip.id, fair.id])
    pipeline = PipelineService(db.sessions)
    deal = make_opportunity(pipeline, person_id=copy.id, title="Rahmenvertrag")
    journal = JournalServices.build(db.sessions, attachments_dir=tmp_path / "att")
    call, _ = journal.entries.create_entry(entry(LinkRef(LinkKind.PERSON, copy.id)))
    both, _ = journal.entries.create_entry(
        entry(LinkRef(LinkKind.PERSON, copy.id), LinkRef(LinkKind.PERSON, anna.id))
    )
    return {
        "anna": anna, "copy": copy, "acme": acme, "beta": beta, "category": category,
        "hobby": hobby, "vip": vip, "fair": fair, "deal": deal, "call": call,
        "both": both, "journal": journal, "pipeline": pipeline,
    }  # fmt: skip


def test_preview_lists_differing_fields_and_related_counts(
    merges: MergeService, world: dict[str, Any]
) -> None:
    preview = merges.preview(DedupKind.PERSON, world["anna"].id, world["copy"].id)
    fields = {f.key: f for f in preview.fields}
    assert fields["last_name"].differs
    assert (fields["last_name"].survivor_value, fields["last_name"].loser_value) == (
        "Müller",
        "Mueller",
    )
    assert not fields["first_name"].differs
    assert fields["birth_date"].loser_value == "1980-05-17"
    assert fields["cf:kategorie"].survivor_value == "B"
    assert fields["cf:kategorie"].loser_value == "A"
    assert fields["email"].loser_value == "ANNA.MUELLER@acme.ch"
    related = {r.table: r.count for r in preview.related}
    assert related["opportunity"] == 1
    assert related["entity_tag"] == 2
    assert related["journal_link"] == 2
    assert related["custom_field_value"] == 2
    assert related["employment"] == 2


def test_merge_relinks_everything_without_doubles(
    db: Database,
    merges: MergeService,
    addresses: AddressService,
    custom: CustomFieldService,
    tags: TagService,
    world: dict[str, Any],
) -> None:
    anna, copy = world["anna"], world["copy"]
    result, changes = merges.merge(
        DedupKind.PERSON,
        anna.id,
        copy.id,
        take_loser={"birth_date": True, "cf:kategorie": True, "phone": True},
    )
    assert changes.touches("person")  # type: ignore[arg-type]
    merged = addresses.get_person(anna.id)
    assert merged.last_name == "Müller"
    assert merged.birth_date == dt.date(1980, 5, 17)
    emails = sorted(c.value for c in merged.channels if c.kind is ChannelKind.EMAIL)
    assert emails == ["anna.mueller@acme.ch", "anna@privat.ch"]  # same address once
    primary_phone = next(
        c
        for c in merged.channels
        if c.kind in (ChannelKind.PHONE, ChannelKind.MOBILE) and c.is_primary
    )
    assert primary_phone.value == "+41795556677"  # the loser's, as chosen
    assert (
        sum(c.is_primary for c in merged.channels if c.kind is ChannelKind.EMAIL) == 1
    )
    assert sorted(a.city for a in merged.addresses) == ["Küsnacht", "Zürich"]
    assert sum(a.is_primary for a in merged.addresses) == 1
    assert sorted(e.organisation_name for e in merged.employments) == [
        "Acme AG",
        "Beta GmbH",
    ]
    assert sum(e.is_primary for e in merged.employments) == 1
    assert custom.values("person", anna.id) == {"kategorie": "A", "hobby": "Segeln"}
    assert sorted(t.name for t in tags.tags_of("person", anna.id)) == ["Messe", "VIP"]
    deal = world["pipeline"].get_opportunity(world["deal"].id)
    assert deal.data.person_id == anna.id
    timeline = world["journal"].entries
    for entry_ in (world["call"], world["both"]):
        links = {(link.kind, link.id) for link in timeline.get_entry(entry_.id).links}
        assert (LinkKind.PERSON, anna.id) in links
        assert (LinkKind.PERSON, copy.id) not in links
    # the loser is a tombstone pointing at the survivor; its id still finds her
    assert merges.resolve(DedupKind.PERSON, copy.id) == anna.id
    assert addresses.get_person(copy.id).id == anna.id
    assert result.moved > 0
    assert merges.history()[0].loser_label == "Anna Mueller"
    fts_ok(db)


def test_undo_restores_the_database_exactly(
    db: Database, merges: MergeService, world: dict[str, Any]
) -> None:
    before = dump(db)
    result, _ = merges.merge(
        DedupKind.PERSON,
        world["anna"].id,
        world["copy"].id,
        take_loser={"last_name": True, "email": True, "cf:kategorie": True},
    )
    assert dump(db) != before
    merges.undo(result.log_id)
    assert dump(db) == before
    fts_ok(db)
    assert merges.history()[0].undone_at is not None
    with pytest.raises(UserError) as info:
        merges.undo(result.log_id)
    assert info.value.code == "merge.undone"


def test_organisation_merge_and_undo(
    db: Database, merges: MergeService, addresses: AddressService, world: dict[str, Any]
) -> None:
    acme, beta = world["acme"], world["beta"]
    extra = make_person(addresses, employments=(EmploymentData(beta.id, "Chef"),))
    before = dump(db)
    result, _ = merges.merge(
        DedupKind.ORGANISATION, acme.id, beta.id, take_loser={"name": True}
    )
    merged = addresses.get_organisation(acme.id)
    assert merged.name == "Beta GmbH"
    assert extra.id in {c.person_id for c in merged.contacts}
    # Anna's copy worked for both: one employment survives, not two
    copy = addresses.get_person(world["copy"].id)
    assert [e.organisation_id for e in copy.employments] == [acme.id]
    merges.undo(result.log_id)
    assert dump(db) == before


def test_undo_refuses_when_merged_rows_changed_since(
    db: Database, merges: MergeService, addresses: AddressService, world: dict[str, Any]
) -> None:
    anna = world["anna"]
    result, _ = merges.merge(
        DedupKind.PERSON, anna.id, world["copy"].id, take_loser={"last_name": True}
    )
    data = addresses.get_person(anna.id).data()
    addresses.update_person(anna.id, PersonData(**{**vars(data), "last_name": "Meier"}))
    with pytest.raises(UserError) as info:
        merges.undo(result.log_id)
    assert info.value.code == "merge.changed_since"
    assert addresses.get_person(anna.id).last_name == "Meier"
    merges.undo(result.log_id, force=True)
    assert addresses.get_person(anna.id).last_name == "Müller"


def test_merge_refuses_itself_and_unknown(
    merges: MergeService, world: dict[str, Any]
) -> None:
    anna = world["anna"].id
    with pytest.raises(UserError) as info:
        merges.merge(DedupKind.PERSON, anna, anna)
    assert info.value.code == "merge.same"
    with pytest.raises(NotFoundError):
        merges.merge(DedupKind.PERSON, anna, "nobody")


def test_foreign_keys_are_discovered_from_the_schema() -> None:
    found = {(t.name, c) for t, c in foreign_keys("person")}
    assert {("opportunity", "person_id"), ("lead", "person_id"), ("address", "person_id"),
            ("channel", "person_id"), ("employment", "person_id")} <= found  # fmt: skip
    assert ("service_case", "person_id") in found
