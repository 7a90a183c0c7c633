"""Custom fields: definitions, parsing of every type, values stored one row each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from app.db.database import Database
from app.domain.custom_fields import (
    Choice,
    CustomFieldDefData,
    FieldType,
    RecordKind,
    TextFormat,
    decode,
    encode,
    slug,
)
from app.domain.errors import NotFoundError, ValidationError
from app.models.quality import CustomFieldValue, value_id
from app.services.addresses import AddressService
from app.services.custom_fields import CustomFieldService, parse_value
from tests.helpers.factories import make_organisation, make_person

CATEGORY = CustomFieldDefData(
    RecordKind.PERSON,
    "Kundenkategorie",
    FieldType.CHOICE,
    choices=(Choice("A", "A-Kunde"), Choice("B", "B-Kunde"), Choice("C", "C-Kunde")),
)


def test_key_from_label_is_stable_and_unique(custom: CustomFieldService) -> None:
    first, _ = custom.create(CATEGORY)
    second, _ = custom.create(CATEGORY)
    assert first.key == "kundenkategorie"
    assert second.key == "kundenkategorie_2"
    renamed, _ = custom.update(
        first.id,
        CustomFieldDefData(
            RecordKind.PERSON, "Kategorie", FieldType.CHOICE, choices=CATEGORY.choices
        ),
    )
    assert renamed.key == "kundenkategorie"
    assert renamed.label == "Kategorie"
    assert slug("Grösse über Maß") == "groesse_ueber_mass"


def test_bad_definitions_are_refused_with_every_field(
    custom: CustomFieldService,
) -> None:
    with pytest.raises(ValidationError) as info:
        custom.create(
            CustomFieldDefData(RecordKind.PERSON, " ", FieldType.CHOICE, decimals=7)
        )
    codes = {e.field: e.code for e in info.value.errors}
    assert codes == {
        "label": "required",
        "choices": "custom_field.choices_missing",
        "decimals": "custom_field.decimals",
    }
    with pytest.raises(ValidationError) as info:
        custom.create(
            CustomFieldDefData(
                RecordKind.PERSON,
                "X",
                FieldType.MULTI_CHOICE,
                choices=(Choice("a", "A"), Choice("A", "other")),
            )
        )
    assert info.value.errors[0].code == "custom_field.choice_repeated"
    assert custom.definitions() == []


def test_type_is_locked_once_values_exist(
    custom: CustomFieldService, addresses: AddressService
) -> None:
    field, _ = custom.create(CATEGORY)
    person = make_person(addresses)
    custom.save_values("person", person.id, {field.key: "A"})
    with pytest.raises(ValidationError) as info:
        custom.update(
            field.id,
            CustomFieldDefData(RecordKind.PERSON, "Kundenkategorie", FieldType.TEXT),
        )
    assert info.value.errors[0].code == "custom_field.type_locked"
    with pytest.raises(ValidationError) as info:
        custom.update(
            field.id,
            CustomFieldDefData(
                RecordKind.PERSON,
                "Kundenkategorie",
                FieldType.CHOICE,
                choices=(Choice("B", "B"),),
            ),
        )
    assert info.value.errors[0].code == "custom_field.choice_in_use"
    assert custom.values("person", person.id) == {field.key: "A"}


@pytest.mark.parametrize(
    ("field_type", "raw", "expected"),
    [
        (FieldType.TEXT, "  hello ", "hello"),
        (FieldType.NUMBER, "1'234.5", Decimal("1234.5")),
        (FieldType.NUMBER, "1.234,5", Decimal("1234.5")),
        (FieldType.NUMBER, 12, Decimal(12)),
        (FieldType.MONEY, "12'500.50", 1250050),
        (FieldType.MONEY, "12.-", 1200),
        (FieldType.DATE, "31.12.2026", dt.date(2026, 12, 31)),
        (FieldType.DATE, "2026-12-31", dt.date(2026, 12, 31)),
        (FieldType.BOOL, "ja", True),
        (FieldType.BOOL, "Nein", False),
        (FieldType.BOOL, True, True),
        (FieldType.CHOICE, "b-kunde", "B"),
        (FieldType.CHOICE, "C", "C"),
        (FieldType.MULTI_CHOICE, "A, c", ("A", "C")),
        (FieldType.MULTI_CHOICE, ("B", "B"), ("B",)),
        (FieldType.TEXT, "", None),
    ],
)
def test_parse_every_type(field_type: FieldType, raw: object, expected: object) -> None:
    from app.domain.custom_fields import CustomFieldDef

    definition = CustomFieldDef(
        "x", RecordKind.PERSON, "k", "K", field_type, choices=CATEGORY.choices
    )
    assert parse_value(definition, raw) == expected


@pytest.mark.parametrize(
    ("field_type", "text_format", "raw", "code"),
    [
        (FieldType.NUMBER, TextFormat.NONE, "zwölf", "number.invalid"),
        (FieldType.NUMBER, TextFormat.NONE, "1" + "0" * 15, "number.too_large"),
        (FieldType.MONEY, TextFormat.NONE, "viel", "amount.invalid"),
        (FieldType.DATE, TextFormat.NONE, "31.02.2026", "date.invalid"),
        (FieldType.BOOL, TextFormat.NONE, "vielleicht", "bool.invalid"),
        (FieldType.CHOICE, TextFormat.NONE, "D", "choice.unknown"),
        (
            FieldType.TEXT,
            TextFormat.IBAN,
            "CH93 0076 2011 6238 5295 8",
            "iban.checksum",
        ),
        (FieldType.TEXT, TextFormat.EMAIL, "anna@", "email.invalid"),
    ],
)
def test_parse_refuses_with_code(
    custom: CustomFieldService,
    field_type: FieldType,
    text_format: TextFormat,
    raw: str,
    code: str,
) -> None:
    field, _ = custom.create(
        CustomFieldDefData(
            RecordKind.PERSON,
            "Feld",
            field_type,
            choices=CATEGORY.choices,
            text_format=text_format,
        )
    )
    with pytest.raises(ValidationError) as info:
        custom.validate("person", {field.key: raw})
    error = info.value.errors[0]
    assert (error.field, error.code, error.value) == (f"cf:{field.key}", code, raw)


def test_required_and_unknown_link(custom: CustomFieldService) -> None:
    needed, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Pflicht", FieldType.TEXT, required=True)
    )
    link, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Assistenz", FieldType.PERSON)
    )
    with pytest.raises(ValidationError) as info:
        custom.validate("person", {needed.key: "  ", link.key: "no-such-id"})
    assert {e.code for e in info.value.errors} == {"required", "link.unknown"}


def test_values_one_row_each_with_uuid5_id_and_tombstone_on_clear(
    db: Database, custom: CustomFieldService, addresses: AddressService
) -> None:
    category, _ = custom.create(CATEGORY)
    revenue, _ = custom.create(
        CustomFieldDefData(RecordKind.ORGANISATION, "Umsatz", FieldType.MONEY)
    )
    person = make_person(addresses)
    org = make_organisation(addresses)
    changes = custom.save_values("person", person.id, {category.key: "B"})
    assert changes.touches("person")  # type: ignore[arg-type]
    custom.save_values("organisation", org.id, {revenue.key: 1250050})
    assert custom.values("person", person.id) == {category.key: "B"}
    assert custom.values("organisation", org.id) == {revenue.key: 1250050}
    with db.sessions() as s:
        row = s.get(CustomFieldValue, value_id(person.id, category.id))
        assert row is not None
        assert (row.value, row.value_num, row.entity_kind) == ("B", None, "person")
        money = s.get(CustomFieldValue, value_id(org.id, revenue.id))
        assert money is not None
        assert money.value_num == 1250050
    assert not custom.save_values("person", person.id, {category.key: "B"}).kinds
    custom.save_values("person", person.id, {category.key: None})
    assert custom.values("person", person.id) == {}
    with db.sessions() as s:
        rows = s.scalars(select(CustomFieldValue)).all()
        assert len(rows) == 2
        tomb = s.get(CustomFieldValue, value_id(person.id, category.id))
        assert tomb is not None
        assert tomb.deleted_at is not None
    custom.save_values("person", person.id, {category.key: "C"})
    assert custom.values("person", person.id) == {category.key: "C"}


def test_value_counts_only_when_asked_for(
    db: Database, custom: CustomFieldService, addresses: AddressService
) -> None:
    category, _ = custom.create(CATEGORY)
    for letter in "ABA":
        custom.save_values("person", make_person(addresses).id, {category.key: letter})
    cleared = make_person(addresses)
    custom.save_values("person", cleared.id, {category.key: "B"})
    custom.save_values("person", cleared.id, {category.key: None})  # a tombstone
    (counted,) = custom.definitions("person", with_counts=True)
    assert counted.value_count == 3
    (plain,) = custom.definitions("person")
    assert plain.value_count == 0  # reading a record's values never counts them all
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        statements.append(sql)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        custom.values("person", cleared.id)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert not any("count(" in sql.lower() for sql in statements)


def test_delete_and_move(custom: CustomFieldService) -> None:
    a, _ = custom.create(CustomFieldDefData(RecordKind.PERSON, "A", FieldType.TEXT))
    b, _ = custom.create(CustomFieldDefData(RecordKind.PERSON, "B", FieldType.TEXT))
    c, _ = custom.create(CustomFieldDefData(RecordKind.PERSON, "C", FieldType.TEXT))
    custom.move(c.id, -2)
    assert [d.label for d in custom.definitions("person")] == ["C", "A", "B"]
    custom.delete(a.id)
    assert [d.label for d in custom.definitions("person")] == ["C", "B"]
    with pytest.raises(NotFoundError):
        custom.definition(a.id)
    assert b.position == 1


numbers = st.decimals(
    min_value=Decimal("-99999999999.9999"),
    max_value=Decimal("99999999999.9999"),
    places=4,
    allow_nan=False,
)


@settings(max_examples=200)
@given(numbers)
def test_number_encoding_round_trips_and_sorts(number: Decimal) -> None:
    text, num = encode(FieldType.NUMBER, number)
    assert decode(FieldType.NUMBER, text, num) == number
    assert num == int(number * 10_000)


@given(st.dates())
def test_date_encoding_sorts_like_dates(day: dt.date) -> None:
    text, _ = encode(FieldType.DATE, day)
    assert decode(FieldType.DATE, text, None) == day
    later, _ = encode(FieldType.DATE, min(day + dt.timedelta(days=1), dt.date.max))
    assert later >= text
