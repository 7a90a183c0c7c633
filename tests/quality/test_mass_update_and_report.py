"""Mass update (preview, apply through the sync outbox, undo, cancel) and the
data-quality report with fix-in-place."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.db.database import Database
from app.domain.addresses import AddressData, ChannelData, ChannelKind, RelationStatus
from app.domain.custom_fields import (
    Choice,
    CustomFieldDefData,
    FieldType,
    RecordKind,
    TextFormat,
)
from app.domain.errors import UserError, ValidationError
from app.domain.progress import Cancelled, RecordingProgress
from app.domain.quality import MassAction, MassUpdate, RuleKind
from app.models import Address, Channel, SyncOutbox
from app.models.quality import CustomFieldValue
from app.services.addresses import AddressService
from app.services.container import build_services
from app.services.custom_fields import CustomFieldService
from app.services.data_quality import DataQualityService
from app.services.mass_update import MassUpdateService
from app.services.tags import TagService
from tests.helpers.factories import make_organisation, make_person
from tests.quality.test_merge import dump


@pytest.fixture
def mass(db: Database) -> MassUpdateService:
    return MassUpdateService(db.sessions)


@pytest.fixture
def quality(db: Database) -> DataQualityService:
    return DataQualityService(db.sessions)


def test_preview_apply_undo_status(
    db: Database, mass: MassUpdateService, addresses: AddressService
) -> None:
    ids = [make_person(addresses).id for _ in range(5)]
    addresses_ = addresses
    first = addresses_.get_person(ids[0]).data()
    addresses_.update_person(
        ids[0], type(first)(**{**vars(first), "status": RelationStatus.CUSTOMER})
    )
    change = MassUpdate(MassAction.SET_FIELD, "status", "customer")
    preview = mass.preview("person", ids, change)
    assert (preview.total, preview.changing, preview.unchanged) == (5, 4, 1)
    assert preview.sample[0].before == "prospect"
    assert preview.sample[0].after == "customer"
    before = dump(db)
    result, changes = mass.apply("person", ids, change, description="Alle zu Kunden")
    assert result.changed == 4
    assert changes.touches("person")  # type: ignore[arg-type]
    assert {addresses.get_person(i).status for i in ids} == {RelationStatus.CUSTOMER}
    mass.undo(result.log_id)
    after = dump(db)
    after.pop("mass_update_log")
    before.pop("mass_update_log")
    assert after == before
    assert mass.history()[0].undone_at is not None


def test_custom_field_tag_and_owner_updates(
    db: Database,
    mass: MassUpdateService,
    addresses: AddressService,
    custom: CustomFieldService,
    tags: TagService,
) -> None:
    field, _ = custom.create(
        CustomFieldDefData(
            RecordKind.ORGANISATION, "Zahlungsziel", FieldType.CHOICE,
            choices=(Choice("30", "30 Tage"), Choice("60", "60 Tage")),
        )
    )  # fmt: skip
    vip, _ = tags.create_tag("VIP")
    orgs = [make_organisation(addresses).id for _ in range(3)]
    result, _ = mass.apply(
        "organisation", orgs, MassUpdate(MassAction.SET_FIELD, f"cf:{field.key}", "60")
    )
    assert result.changed == 3
    assert {custom.values("organisation", o)[field.key] for o in orgs} == {"60"}
    tagged, _ = mass.apply(
        "organisation", orgs[:2], MassUpdate(MassAction.ADD_TAG, value=vip.id)
    )
    assert tagged.changed == 2
    assert [t.count for t in tags.tags()] == [2]
    untagged, _ = mass.apply(
        "organisation", orgs, MassUpdate(MassAction.REMOVE_TAG, value=vip.id)
    )
    assert untagged.changed == 2
    mass.undo(untagged.log_id)
    mass.undo(tagged.log_id)
    assert [t.count for t in tags.tags()] == [0]
    mass.undo(result.log_id)
    assert all(custom.values("organisation", o) == {} for o in orgs)
    with db.sessions() as s:
        assert s.scalars(select(CustomFieldValue)).all() == []
    with pytest.raises(UserError) as info:
        mass.preview(
            "organisation", orgs, MassUpdate(MassAction.SET_FIELD, "status", "boss")
        )
    assert info.value.code == "mass.value"
    with pytest.raises(UserError) as info:
        mass.preview(
            "organisation", orgs, MassUpdate(MassAction.SET_FIELD, "name", "X")
        )
    assert info.value.code == "mass.field"


def test_mass_update_goes_through_the_sync_outbox(db: Database) -> None:
    services = build_services(db)  # installs the outbox capture
    people = [make_person(services.addresses).id for _ in range(3)]
    with db.sessions.begin() as s:
        s.execute(update(SyncOutbox).values(batch_id="sent"))  # creations already sent
    mass = MassUpdateService(db.sessions)
    mass.apply("person", people, MassUpdate(MassAction.SET_FIELD, "status", "customer"))
    with db.sessions() as s:
        pending = s.scalars(
            select(SyncOutbox).where(SyncOutbox.batch_id.is_(None))
        ).all()
    assert {(e.tbl, e.row_id, e.op) for e in pending} == {
        ("person", p, "update") for p in people
    }
    assert all(set(e.fields) == {"status"} for e in pending)


def test_cancel_changes_nothing_and_undo_refuses_after_edits(
    db: Database, mass: MassUpdateService, addresses: AddressService
) -> None:
    ids = [make_person(addresses).id for _ in range(3)]
    before = dump(db)
    with pytest.raises(Cancelled):
        mass.apply("person", ids * 400, MassUpdate(MassAction.SET_FIELD, "language", "fr"),
                   progress=RecordingProgress(cancel_after=1))  # fmt: skip
    assert dump(db) == before
    result, _ = mass.apply(
        "person", ids, MassUpdate(MassAction.SET_FIELD, "language", "fr")
    )
    data = addresses.get_person(ids[0]).data()
    addresses.update_person(ids[0], type(data)(**{**vars(data), "language": "it"}))
    with pytest.raises(UserError) as info:
        mass.undo(result.log_id)
    assert info.value.code == "mass.changed_since"


# ---- data quality


def _break(db: Database, table: type, row_id: str, **values: object) -> None:
    """Store a value the forms would refuse (as old imports or other systems did)."""
    with db.engine.begin() as conn:
        conn.execute(update(table).where(table.id == row_id).values(**values))  # type: ignore[attr-defined]


def test_report_finds_each_broken_rule_and_fix_in_place(
    db: Database,
    quality: DataQualityService,
    addresses: AddressService,
    custom: CustomFieldService,
) -> None:
    iban, _ = custom.create(
        CustomFieldDefData(
            RecordKind.ORGANISATION, "IBAN", FieldType.TEXT, text_format=TextFormat.IBAN
        )
    )
    org = make_organisation(
        addresses,
        uid="CHE-116.281.710",
        channels=(
            ChannelData(ChannelKind.EMAIL, "info@acme.ch"),
            ChannelData(ChannelKind.PHONE, "044 123 45 67"),
        ),
        addresses=(AddressData(street="Weg", postcode="8001", city="Zürich"),),
    )
    custom.save_values("organisation", org.id, {iban.key: "CH93 0076 2011 6238 5295 7"})
    good = quality.report("organisation")
    assert good.issues == ()
    email = next(c for c in org.channels if c.kind is ChannelKind.EMAIL)
    phone = next(c for c in org.channels if c.kind is ChannelKind.PHONE)
    _break(db, Channel, str(email.id), value="info@acme")
    _break(db, Channel, str(phone.id), value="044 123 45 67")
    _break(db, Address, str(org.addresses[0].id), postcode="800")
    with db.engine.begin() as conn:
        conn.execute(
            update(CustomFieldValue).values(value="CH93 0076 2011 6238 5295 8")
        )
        conn.exec_driver_sql("UPDATE organisation SET uid = 'CHE-116.281.711'")
    quality.add_rule("organisation", "industry_id", RuleKind.REQUIRED)
    report = quality.report("organisation")
    found = {(i.field, i.code) for i in report.issues}
    assert found == {
        ("email", "email.invalid"),
        ("phone", "phone.not_e164"),
        ("postcode", "postcode.invalid"),
        ("uid", "uid.checksum"),
        (f"cf:{iban.key}", "iban.checksum"),
        ("industry_id", "required"),
    }
    assert report.checked == 1
    issues = {i.field: i for i in report.issues}
    with pytest.raises(ValidationError) as info:
        quality.fix(issues["email"], "still@wrong")
    assert info.value.errors[0].code == "email.invalid"
    quality.fix(issues["email"], "info@acme.ch")
    quality.fix(issues["phone"], "044 123 45 67")
    quality.fix(issues["postcode"], "8001")
    quality.fix(issues["uid"], "CHE-116.281.710")
    quality.fix(issues[f"cf:{iban.key}"], "CH9300762011623852957")
    with pytest.raises(UserError) as fixing:
        quality.fix(issues["industry_id"], "x")
    assert fixing.value.code == "quality.not_fixable"
    left = quality.report("organisation")
    assert {(i.field, i.code) for i in left.issues} == {("industry_id", "required")}
    assert (
        custom.values("organisation", org.id)[iban.key] == "CH93 0076 2011 6238 5295 7"
    )


def test_rules_allowed_values_and_refusals(
    db: Database, quality: DataQualityService, addresses: AddressService
) -> None:
    make_person(addresses, title="Dr.")
    make_person(addresses, title="Prof. Dr. med.")
    rule, _ = quality.add_rule("person", "title", RuleKind.ALLOWED, ("Dr.", "Prof."))
    report = quality.report("person")
    assert [(i.field, i.code, i.value) for i in report.issues] == [
        ("title", "value.not_allowed", "Prof. Dr. med.")
    ]
    quality.remove_rule(rule.id)
    assert quality.report("person").issues == ()
    with pytest.raises(ValidationError):
        quality.add_rule("person", "notes", RuleKind.REQUIRED)
    with pytest.raises(ValidationError):
        quality.add_rule("person", "title", RuleKind.ALLOWED, ())
    assert [r.field for r in quality.rules("person") if r.builtin] == [
        "email",
        "phone",
        "web",
        "postcode",
        "last_name",
    ]
