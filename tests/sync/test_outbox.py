"""Outbox capture in the same transaction, and the five coalescing rules."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from app.db.database import Database
from app.models import SyncOutbox
from app.services.addresses import AddressService
from app.sync import outbox
from tests.helpers.factories import make_organisation


@pytest.fixture
def svc(db: Database) -> AddressService:
    outbox.install(db.sessions)
    return AddressService(db.sessions)


def entries(db: Database) -> list[SyncOutbox]:
    with db.sessions() as s:
        return list(s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq)))


def org_entry(db: Database, org_id: str) -> SyncOutbox:
    (e,) = [e for e in entries(db) if e.row_id == org_id]
    return e


def stamp_all(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(outbox.OUTBOX.update().values(batch_id="sent"))


def pretend_synced(db: Database, table: str, row_id: str, rev: int) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            f"UPDATE {table} SET rev = ?, field_revs = ? WHERE id = ?",
            (
                rev,
                '{"name": %d, "notes": %d, "legal_form": %d}' % (rev, rev, rev),  # noqa: UP031
                row_id,
            ),
        )
        conn.execute(outbox.OUTBOX.delete())


def test_create_is_captured_with_every_field_and_no_derived_ones(
    db: Database, svc: AddressService
) -> None:
    org = make_organisation(svc, name="Muster AG")
    e = org_entry(db, org.id)
    assert e.op == "create"
    assert e.base_rev == 0
    assert e.fields["name"]["value"] == "Muster AG"
    assert "legal_form" in e.fields
    assert "email" not in e.fields
    assert {x.tbl for x in entries(db)} == {"organisation", "address", "channel"}


def test_update_update_is_one_entry_with_first_base_and_latest_value(
    db: Database, svc: AddressService
) -> None:
    org = make_organisation(svc, name="Muster AG")
    pretend_synced(db, "organisation", org.id, 7)
    data = svc.get_organisation(org.id).data()
    svc.update_organisation(org.id, dataclasses.replace(data, notes="one"))
    svc.update_organisation(org.id, dataclasses.replace(data, notes="two"))
    e = org_entry(db, org.id)
    assert e.op == "update"
    assert e.base_rev == 7
    assert e.fields == {"notes": {"value": "two", "base": 7, "old": ""}}


def test_an_edit_back_to_the_original_drops_the_field(
    db: Database, svc: AddressService
) -> None:
    org = make_organisation(svc, name="Muster AG")
    pretend_synced(db, "organisation", org.id, 7)
    data = svc.get_organisation(org.id).data()
    svc.update_organisation(org.id, dataclasses.replace(data, notes="oops"))
    svc.update_organisation(org.id, data)
    assert [e for e in entries(db) if e.row_id == org.id] == []


def test_create_then_updates_stay_a_create(db: Database, svc: AddressService) -> None:
    org = make_organisation(svc, name="Muster AG")
    data = svc.get_organisation(org.id).data()
    svc.update_organisation(org.id, dataclasses.replace(data, notes="later"))
    e = org_entry(db, org.id)
    assert e.op == "create"
    assert e.fields["notes"] == {"value": "later", "base": 0}


def test_create_then_delete_leaves_nothing(db: Database, svc: AddressService) -> None:
    org = make_organisation(svc, name="Muster AG", addresses=(), channels=())
    svc.delete_organisation(org.id)
    assert [e for e in entries(db) if e.row_id == org.id] == []


def test_create_then_delete_with_queued_children_sends_both(
    db: Database, svc: AddressService
) -> None:
    """Its address and phone are queued creates: the server needs the
    organisation to take them, so it gets the create, then the delete."""
    org = make_organisation(svc, name="Muster AG")
    svc.delete_organisation(org.id)
    assert [e.op for e in entries(db) if e.row_id == org.id] == ["create", "delete"]


def test_update_then_delete_is_a_delete_with_the_original_base(
    db: Database, svc: AddressService
) -> None:
    org = make_organisation(svc, name="Muster AG")
    pretend_synced(db, "organisation", org.id, 7)
    data = svc.get_organisation(org.id).data()
    svc.update_organisation(org.id, dataclasses.replace(data, notes="x"))
    svc.delete_organisation(org.id)
    e = org_entry(db, org.id)
    assert e.op == "delete"
    assert e.base_rev == 7


def test_delete_then_restore_gives_back_the_earlier_update(
    db: Database, svc: AddressService
) -> None:
    org = make_organisation(svc, name="Muster AG")
    pretend_synced(db, "organisation", org.id, 7)
    svc.delete_organisation(org.id)
    svc.restore_organisation(org.id)
    assert [e for e in entries(db) if e.row_id == org.id] == []


def test_stamped_entries_are_not_coalesced(db: Database, svc: AddressService) -> None:
    org = make_organisation(svc, name="Muster AG")
    stamp_all(db)
    data = svc.get_organisation(org.id).data()
    svc.update_organisation(org.id, dataclasses.replace(data, notes="after send"))
    mine = [e for e in entries(db) if e.row_id == org.id]
    assert [(e.op, e.batch_id) for e in mine] == [("create", "sent"), ("update", None)]
    assert mine[1].fields == {"notes": {"value": "after send", "base": 0, "old": ""}}


def test_a_failed_transaction_leaves_no_entry(
    db: Database, svc: AddressService
) -> None:
    from app.models import Organisation

    with pytest.raises(RuntimeError), db.sessions.begin() as s:  # noqa: PT012
        s.add(Organisation(name="Ghost AG"))
        s.flush()
        raise RuntimeError
    assert entries(db) == []


def test_remote_applies_are_not_captured(db: Database, svc: AddressService) -> None:
    from app.models import Organisation

    with db.sessions.begin() as s:
        s.info[outbox.APPLYING_REMOTE] = True
        s.add(Organisation(name="From server"))
    assert entries(db) == []


def test_bulk_writers_queue_rows_in_their_transaction(db: Database) -> None:
    from sqlalchemy import insert

    from app.models import Organisation

    with db.engine.begin() as conn:
        rows = [
            {"id": f"00000000-0000-4000-8000-00000000000{i}", "name": f"Import {i}"}
            for i in range(3)
        ]
        conn.execute(insert(Organisation), rows)
        assert outbox.record_bulk(conn, "organisation", rows) == 3
    got = entries(db)
    assert [e.op for e in got] == ["create"] * 3
    assert got[0].fields["name"] == {"value": "Import 0", "base": 0}


def test_restore_after_a_kept_create_and_delete_leaves_the_create(
    db: Database, svc: AddressService
) -> None:
    """The restore cancels the queued delete, not the create: the record is live."""
    org = make_organisation(svc, name="Muster AG")
    svc.delete_organisation(org.id)
    svc.restore_organisation(org.id)
    assert [e.op for e in entries(db) if e.row_id == org.id] == ["create"]
