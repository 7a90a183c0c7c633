"""Tags (hierarchy, colours, bulk) and segments (every kind of condition, saved)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.domain.addresses import AddressData, PersonData, RelationStatus
from app.domain.custom_fields import Choice, CustomFieldDefData, FieldType, RecordKind
from app.domain.errors import UserError, ValidationError
from app.domain.progress import Cancelled, RecordingProgress
from app.domain.segments import (
    Condition,
    Group,
    Match,
    Op,
    SegmentData,
    from_json,
    to_json,
)
from app.models import EntityTag
from app.models.tags import link_id
from app.services.addresses import AddressService
from app.services.custom_fields import CustomFieldService
from app.services.segments import SegmentService
from app.services.tags import TagService
from tests.helpers.factories import make_organisation, make_person


def test_tag_tree_paths_colours_and_counts(
    tags: TagService, addresses: AddressService
) -> None:
    fair, _ = tags.create_tag("Messe")
    olma, _ = tags.create_tag("OLMA 2026", parent_id=fair.id, color="#CF222E")
    vip, _ = tags.create_tag("VIP")
    person = make_person(addresses)
    tags.set_tags("person", person.id, [olma.id, vip.id])
    listed = tags.tags()
    assert [t.path for t in listed] == ["Messe", "Messe › OLMA 2026", "VIP"]
    assert {t.name: t.count for t in listed} == {"Messe": 0, "OLMA 2026": 1, "VIP": 1}
    assert olma.color == "#cf222e"
    assert fair.color != vip.color  # palette
    assert [t.name for t in tags.tags_of("person", person.id)] == ["OLMA 2026", "VIP"]
    uncounted = tags.tags(with_counts=False)  # one record's tags, pick lists
    assert [t.path for t in uncounted] == [t.path for t in listed]
    assert {t.count for t in uncounted} == {0}


def test_tag_rules(tags: TagService) -> None:
    fair, _ = tags.create_tag("Messe")
    child, _ = tags.create_tag("Swissbau", parent_id=fair.id)
    with pytest.raises(ValidationError) as info:
        tags.create_tag("messe")
    assert info.value.errors[0].code == "tag.exists"
    tags.create_tag("Swissbau")  # same name, other parent: fine
    with pytest.raises(ValidationError) as info:
        tags.update_tag(fair.id, name="Messe", color="#000000", parent_id=child.id)
    assert info.value.errors[0].code == "tag.cycle"
    with pytest.raises(ValidationError) as info:
        tags.create_tag("X", color="red")
    assert info.value.errors[0].code == "tag.color"
    tags.delete_tag(fair.id)
    assert {t.path for t in tags.tags()} == {"Swissbau"}
    assert all(t.parent_id is None for t in tags.tags())


def test_bulk_tag_and_untag_revive_rows_with_uuid5_ids(
    db: Database, tags: TagService, addresses: AddressService
) -> None:
    vip, _ = tags.create_tag("VIP")
    people = [make_person(addresses).id for _ in range(7)]
    count, changes = tags.bulk("person", people[:5], vip.id, on=True)
    assert count == 5
    assert changes.touches("person")
    count, _ = tags.bulk("person", people, vip.id, on=True)
    assert count == 2
    count, _ = tags.bulk("person", people[:3], vip.id, on=False)
    assert count == 3
    count, _ = tags.bulk("person", people[:1], vip.id, on=True)
    assert count == 1
    with db.sessions() as s:
        rows = s.scalars(select(EntityTag)).all()
        assert len(rows) == 7  # revived, not duplicated
        assert {r.id for r in rows} == {link_id(p, vip.id) for p in people}
        live = s.execute(
            select(func.count()).where(EntityTag.deleted_at.is_(None))
        ).scalar_one()
        assert live == 5


def test_bulk_tag_cancel_changes_nothing(
    db: Database, tags: TagService, addresses: AddressService
) -> None:
    vip, _ = tags.create_tag("VIP")
    people = [make_person(addresses).id for _ in range(3)]
    tags.bulk("person", people[:1], vip.id, on=True)
    many = people * 400  # three batches
    with pytest.raises(Cancelled):
        tags.bulk(
            "person", many, vip.id, on=False, progress=RecordingProgress(cancel_after=1)
        )
    assert [t.count for t in tags.tags()] == [1]


# ---- segments


@pytest.fixture
def world(
    addresses: AddressService, custom: CustomFieldService, tags: TagService
) -> dict[str, str]:
    """A few persons and organisations with values, tags and addresses."""
    cat, _ = custom.create(
        CustomFieldDefData(
            RecordKind.PERSON,
            "Kategorie",
            FieldType.CHOICE,
            choices=(Choice("A", "A"), Choice("B", "B")),
        )
    )
    since, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Kunde seit", FieldType.DATE)
    )
    size, _ = custom.create(
        CustomFieldDefData(RecordKind.ORGANISATION, "Mitarbeitende", FieldType.NUMBER)
    )
    news, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Newsletter", FieldType.BOOL)
    )
    fair, _ = tags.create_tag("Messe")
    olma, _ = tags.create_tag("OLMA", parent_id=fair.id)
    acme = make_organisation(addresses, name="Acme AG")
    bern = make_organisation(
        addresses,
        name="Bern GmbH",
        addresses=(
            AddressData(street="Markt", postcode="3011", city="Bern", region="BE"),
        ),
    )
    anna = make_person(
        addresses,
        last_name="Ammann",
        status=RelationStatus.CUSTOMER,
        organisation=acme,
        addresses=(
            AddressData(street="Weg", postcode="8001", city="Zürich", region="ZH"),
        ),
    )
    beat = make_person(
        addresses,
        last_name="Bärtschi",
        status=RelationStatus.CUSTOMER,
        organisation=bern,
    )
    carla = make_person(addresses, last_name="Caduff")
    custom.save_values(
        "person",
        anna.id,
        {cat.key: "A", since.key: dt.date(2020, 1, 1), news.key: True},
    )
    custom.save_values("person", beat.id, {cat.key: "B", news.key: False})
    custom.save_values("organisation", acme.id, {size.key: 250})
    custom.save_values("organisation", bern.id, {size.key: 12})
    tags.set_tags("person", anna.id, [olma.id])
    tags.set_tags("person", carla.id, [fair.id])
    return {
        "anna": anna.id,
        "beat": beat.id,
        "carla": carla.id,
        "acme": acme.id,
        "bern": bern.id,
        "fair": fair.id,
        "olma": olma.id,
    }


def _names(
    segments: SegmentService, kind: str, *conds: Condition, match: Match = Match.ALL
) -> set[str]:
    root = Group(match, conds)
    if kind == "person":
        rows = segments.person_page(root, offset=0, limit=100)
        assert segments.count(kind, root) == len(rows)
        assert len(segments.ids(kind, root)) == len(rows)
        return {r.last_name for r in rows}
    org_rows = segments.organisation_page(root, offset=0, limit=100)
    assert segments.count(kind, root) == len(org_rows)
    return {r.name for r in org_rows}


@pytest.mark.parametrize(
    ("conds", "match", "expected"),
    [
        ((Condition("cf:kategorie", Op.IN, ["A"]),), Match.ALL, {"Ammann"}),
        (
            (Condition("cf:kategorie", Op.NOT_IN, ["A"]),),
            Match.ALL,
            {"Bärtschi", "Caduff"},
        ),
        ((Condition("cf:kategorie", Op.EMPTY),), Match.ALL, {"Caduff"}),
        ((Condition("cf:newsletter", Op.IS_TRUE),), Match.ALL, {"Ammann"}),
        ((Condition("cf:newsletter", Op.IS_FALSE),), Match.ALL, {"Bärtschi", "Caduff"}),
        ((Condition("cf:kunde_seit", Op.LE, "2021-01-01"),), Match.ALL, {"Ammann"}),
        (
            (Condition("status", Op.IN, ["customer"]),),
            Match.ALL,
            {"Ammann", "Bärtschi"},
        ),
        ((Condition("last_name", Op.STARTS_WITH, "B"),), Match.ALL, {"Bärtschi"}),
        ((Condition("org_name", Op.CONTAINS, "acme"),), Match.ALL, {"Ammann"}),
        ((Condition("tag", Op.HAS, ["fair"]),), Match.ALL, {"Ammann", "Caduff"}),
        ((Condition("tag", Op.HAS, ["olma"]),), Match.ALL, {"Ammann"}),
        ((Condition("tag", Op.HAS_NOT, ["fair"]),), Match.ALL, {"Bärtschi"}),
        ((Condition("region", Op.IN, ["BE"]),), Match.ALL, {"Bärtschi"}),
        ((Condition("region", Op.IN, ["ZH"]),), Match.ALL, {"Ammann"}),
        (
            (
                Condition("status", Op.IN, ["customer"]),
                Condition("cf:kategorie", Op.IN, ["B"]),
                Condition("tag", Op.HAS_NOT, ["fair"]),
            ),
            Match.ALL,
            {"Bärtschi"},
        ),
        (
            (
                Condition("cf:kategorie", Op.IN, ["A"]),
                Condition("last_name", Op.EQ, "Caduff"),
            ),
            Match.ANY,
            {"Ammann", "Caduff"},
        ),
        (
            (Condition("journal", Op.NOT_IN_LAST_DAYS, 90),),
            Match.ALL,
            {"Ammann", "Bärtschi", "Caduff"},
        ),
        (
            (Condition("won_opportunity", Op.NEVER),),
            Match.ALL,
            {"Ammann", "Bärtschi", "Caduff"},
        ),
    ],
)
def test_person_conditions(
    segments: SegmentService,
    world: dict[str, str],
    conds: tuple[Condition, ...],
    match: Match,
    expected: set[str],
) -> None:
    conds = tuple(
        Condition(c.field, c.op, [world[v] for v in c.value])
        if c.field == "tag" and isinstance(c.value, list)
        else c
        for c in conds
    )
    assert _names(segments, "person", *conds, match=match) == expected


def test_organisation_number_conditions(
    segments: SegmentService, world: dict[str, str]
) -> None:
    assert _names(
        segments, "organisation", Condition("cf:mitarbeitende", Op.GE, "100")
    ) == {"Acme AG"}
    assert _names(
        segments, "organisation", Condition("cf:mitarbeitende", Op.LT, 100)
    ) == {"Bern GmbH"}
    assert _names(segments, "organisation", Condition("region", Op.IN, ["BE"])) == {
        "Bern GmbH"
    }


def test_nested_groups(segments: SegmentService, world: dict[str, str]) -> None:
    root = Group(
        Match.ALL,
        (
            Condition("status", Op.IN, ["customer"]),
            Group(
                Match.ANY,
                (
                    Condition("cf:kategorie", Op.IN, ["A"]),
                    Condition("last_name", Op.EQ, "Bärtschi"),
                ),
            ),
        ),
    )
    assert segments.count("person", root) == 2
    assert from_json(to_json(root)) == root


def test_conditions_that_do_not_fit_are_refused(
    segments: SegmentService, world: dict[str, str]
) -> None:
    for cond in (
        Condition("cf:nope", Op.EQ, "x"),
        Condition("no_such_field", Op.EQ, "x"),
        Condition("cf:mitarbeitende", Op.GE, "viele"),
        Condition("last_name", Op.EQ, None),
        Condition("journal", Op.IN_LAST_DAYS, "lange"),
    ):
        kind = "organisation" if "mitarbeitende" in cond.field else "person"
        with pytest.raises(UserError) as info:
            segments.count(kind, Group(Match.ALL, (cond,)))
        assert info.value.code == "segment.condition"


def test_malformed_json_is_refused() -> None:
    for bad in (
        [],
        {"match": "some"},
        {"conditions": [{"field": "x", "op": "explode"}]},
        {"conditions": [{"field": "x", "op": "eq", "value": {"a": 1}}]},
        {"conditions": "x"},
    ):
        with pytest.raises(UserError):
            from_json(bad)


def test_saved_segments(segments: SegmentService, world: dict[str, str]) -> None:
    root = Group(Match.ALL, (Condition("cf:kategorie", Op.IN, ["A"]),))
    saved, changes = segments.save(SegmentData("A-Kunden", "person", root))
    assert changes.touches("segment")  # type: ignore[arg-type]
    assert segments.get(saved.id).root == root
    with pytest.raises(ValidationError) as info:
        segments.save(SegmentData("a-kunden", "person", root))
    assert info.value.errors[0].code == "segment.name_taken"
    with pytest.raises(ValidationError) as info:
        segments.save(
            SegmentData(
                "Kaputt", "person", Group(Match.ALL, (Condition("cf:x", Op.EQ, "1"),))
            )
        )
    assert info.value.errors[0].field == "definition"
    renamed, _ = segments.save(SegmentData("A-Kunden (alle)", "person", root), saved.id)
    assert [s.name for s in segments.segments("person")] == ["A-Kunden (alle)"]
    segments.delete(renamed.id)
    assert segments.segments() == []


def test_fields_offer_custom_fields_tags_and_related(
    segments: SegmentService, world: dict[str, str]
) -> None:
    keys = [f.key for f in segments.fields("person")]
    assert {
        "cf:kategorie",
        "cf:kunde_seit",
        "tag",
        "won_opportunity",
        "journal",
        "product",
    } <= set(keys)
    tag_field = next(f for f in segments.fields("person") if f.key == "tag")
    assert ("olma", "Messe › OLMA") not in tag_field.choices
    assert (world["olma"], "Messe › OLMA") in tag_field.choices
    assert "cf:mitarbeitende" in [f.key for f in segments.fields("organisation")]


def test_deleted_records_never_match(
    segments: SegmentService, addresses: AddressService, world: dict[str, str]
) -> None:
    addresses.delete_person(world["anna"])
    assert _names(segments, "person", Condition("cf:kategorie", Op.IN, ["A"])) == set()
    addresses.create_person(PersonData(last_name="Neu"))
    assert segments.count("person", Group()) == 3
