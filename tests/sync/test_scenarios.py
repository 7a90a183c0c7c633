"""Acceptance scenarios S1-S9 (research/sync.md 3.4) and CI-sized fault tests (3.3)
with real client code against a server on loopback."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, func, select

from app.domain.addresses import ListFilter
from app.domain.sync import Resolution
from app.models import Employment, EntityTag, Organisation, Person, Tag
from app.models.tags import link_id
from app.sync import store
from app.sync.client import SignInRequired
from server.models import Device, SyncBatch, SyncOp
from server.scope import SYSTEM
from server.writer import Writer, bump_counter
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.sync_env import Laptop, ThreadServer, sign_in

Make = Callable[..., Laptop]


def edit_org(lap: Laptop, org_id: str, **changes: object) -> None:
    data = lap.addresses.get_organisation(org_id).data()
    lap.addresses.update_organisation(org_id, dataclasses.replace(data, **changes))


def open_conflicts(lap: Laptop) -> list:
    return lap.sync.conflicts()


def test_s1_disjoint_fields_both_kept_without_conflict(laptop: Make) -> None:
    a, b = laptop("anna"), laptop("beat")
    org = make_organisation(a.addresses, name="Muster AG")
    a.run(), b.run()
    edit_org(a, org.id, notes="Rückruf Montag")
    edit_org(b, org.id, legal_form="GmbH")
    a.run(), b.run(), a.run()
    for lap in (a, b):
        got = lap.addresses.get_organisation(org.id)
        assert (got.notes, got.legal_form) == ("Rückruf Montag", "GmbH")
        assert open_conflicts(lap) == []


def test_s2_same_field_second_pusher_gets_one_conflict_and_mine_reaches_both(
    laptop: Make,
) -> None:
    a, b = laptop("anna"), laptop("beat")
    org = make_organisation(a.addresses, name="Muster AG")
    a.run(), b.run()
    edit_org(a, org.id, notes="from Anna")
    edit_org(b, org.id, notes="from Beat")
    a.run()
    report, _ = b.run()
    assert report.new_conflicts == 1
    assert (
        b.addresses.get_organisation(org.id).notes == "from Anna"
    )  # server value stays
    (c,) = open_conflicts(b)
    assert (c.field, c.theirs, c.mine, c.original) == (
        "notes",
        "from Anna",
        "from Beat",
        "",
    )
    b.sync.resolve(c.id, Resolution.MINE)
    b.run(), a.run()
    for lap in (a, b):
        assert lap.addresses.get_organisation(org.id).notes == "from Beat"
        assert open_conflicts(lap) == []


def test_s3_delete_while_another_edits_keeps_the_record(laptop: Make) -> None:
    a, b = laptop("anna"), laptop("beat")
    org = make_organisation(a.addresses, name="Muster AG")
    a.run(), b.run()
    edit_org(b, org.id, notes="Anruf: Offerte gewünscht")
    b.run()
    a.addresses.delete_organisation(org.id)
    a.run()
    (c,) = open_conflicts(a)
    assert c.kind == "delete_on_edited"
    a.run()
    assert a.addresses.get_organisation(org.id).notes == "Anruf: Offerte gewünscht"


def test_s4_lead_conversion_is_one_batch_one_rev(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    a = laptop("anna")
    a.run()
    with a.db.sessions.begin() as s:
        org = Organisation(name="Neukunde AG", owner_id=a.user_id)
        person = Person(last_name="Meier", first_name="Eva", owner_id=a.user_id)
        s.add_all([org, person])
        s.flush()
        s.add(Employment(person_id=person.id, organisation_id=org.id, is_primary=True))
    report, _ = a.run()
    assert report.pushed == 3
    with server[0].connect() as conn:
        revs = {
            conn.execute(select(t.rev).where(t.id == i)).scalar_one()
            for t, i in ((Organisation, org.id), (Person, person.id))
        }
        batches = conn.execute(select(func.count()).select_from(SyncBatch)).scalar_one()
    assert len(revs) == 1
    assert batches == 1


def test_s5_reassigned_contact_moves_between_laptops(laptop: Make) -> None:
    a, c = laptop("anna"), laptop("carla")
    org = make_organisation(a.addresses, name="Wander AG", owner_id=None)
    edit_org(a, org.id, owner_id=a.user_id)
    a.run(), c.run()
    assert c.addresses.count_organisations(ListFilter()) == 0
    edit_org(a, org.id, owner_id=c.user_id)
    a.run(), c.run()
    assert a.addresses.count_organisations(ListFilter()) == 0
    assert c.addresses.get_organisation(org.id).addresses[0].city == "Zürich"


def test_s6_same_tag_added_twice_is_one_row(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    a, b = laptop("anna"), laptop("beat")
    org = make_organisation(a.addresses, name="Muster AG")
    with a.db.sessions.begin() as s:
        s.add(Tag(id="11111111-1111-4111-8111-111111111111", name="VIP"))
    a.run(), b.run()
    for lap in (a, b):
        with lap.db.sessions.begin() as s:
            s.add(
                EntityTag(
                    id=link_id(org.id, "11111111-1111-4111-8111-111111111111"),
                    entity_kind="organisation",
                    entity_id=org.id,
                    tag_id="11111111-1111-4111-8111-111111111111",
                )
            )
    a.run(), b.run()
    with server[0].connect() as conn:
        assert (
            conn.execute(select(func.count()).select_from(EntityTag)).scalar_one() == 1
        )
    assert open_conflicts(a) == open_conflicts(b) == []


def test_s7_one_field_edited_differently_conflicts_on_that_field_only(
    laptop: Make,
) -> None:
    # custom-field values are rows of their own (issue 8); a person field
    # stands in: the conflict must name that field and nothing else
    a, b = laptop("anna"), laptop("beat")
    p = make_person(a.addresses)
    a.run(), b.run()
    pa = a.addresses.get_person(p.id).data()
    a.addresses.update_person(p.id, dataclasses.replace(pa, title="Dr.", notes="A"))
    pb = b.addresses.get_person(p.id).data()
    b.addresses.update_person(p.id, dataclasses.replace(pb, title="Prof."))
    a.run(), b.run()
    assert [(c.field, c.theirs, c.mine) for c in open_conflicts(b)] == [
        ("title", "Dr.", "Prof.")
    ]
    assert b.addresses.get_person(p.id).notes == "A"


def test_s8_edit_of_a_merged_duplicate_points_at_the_survivor(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    a = laptop("anna")
    loser = make_organisation(a.addresses, name="Muster AG (Dublette)")
    winner = make_organisation(a.addresses, name="Muster AG")
    a.run()
    with server[0].begin() as conn:  # the server's duplicate merge
        rev = bump_counter(conn)
        row = conn.execute(
            select(Organisation.rev, Organisation.field_revs).where(
                Organisation.id == loser.id
            )
        ).one()
        Writer(conn, SYSTEM, rev=rev, source="server").apply(
            [
                {
                    "op_id": str(uuid.uuid4()),
                    "tbl": "organisation",
                    "id": loser.id,
                    "op": "delete",
                    "base_rev": row.rev,
                    "fields": {"merged_into": {"value": winner.id, "base": 0}},
                }
            ]
        )
    edit_org(a, loser.id, notes="noch offen")
    a.run()
    (c,) = open_conflicts(a)
    assert (c.kind, c.target_id) == ("edit_on_merged", winner.id)


def test_s9_token_is_in_neither_database_nor_settings(laptop: Make, tmp_path) -> None:
    import keyring

    a = laptop("anna")
    make_organisation(a.addresses)
    a.run()
    token = keyring.get_password(f"Relata:{a.sync.server_url}", "anna")
    assert token
    assert token.startswith("rlt_")
    a.db.engine.dispose()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path


def test_revoked_token_keeps_the_outbox(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    a = laptop("anna")
    a.run()
    with server[0].begin() as conn:
        conn.execute(Device.__table__.update().values(revoked_at=func.now()))
    make_organisation(a.addresses, name="Offline AG")
    pending = a.sync.status().pending
    with pytest.raises(SignInRequired):
        a.run()
    assert a.sync.status().pending == pending > 0
    sign_in(a, server[1].url, "anna")
    a.run()
    assert a.sync.status().pending == 0


def test_client_killed_between_ack_and_local_commit_resends_the_same_batch(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    a = laptop("anna")
    a.run()
    make_organisation(a.addresses, name="Crash AG")
    batch = store.next_batch(
        a.db.engine, store.read_state(a.db.engine, store.DEVICE_ID)
    )
    assert batch is not None
    client = a.sync._client(
        a.sync.server_url, a.sync.tokens.get(a.sync.server_url, "anna")
    )
    client.push(batch)  # the server commits; the laptop "dies" before ack
    client.close()
    again = store.next_batch(
        a.db.engine, store.read_state(a.db.engine, store.DEVICE_ID)
    )
    assert again == batch
    a.run()
    assert a.sync.status().pending == 0
    with server[0].connect() as conn:
        assert (
            conn.execute(select(func.count()).select_from(SyncBatch)).scalar_one() == 1
        )
        ops = conn.execute(
            select(func.count())
            .select_from(SyncOp)
            .where(SyncOp.batch_id == batch["batch_id"])
        ).scalar_one()
    assert ops == len(batch["changes"])
    with a.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"


@pytest.mark.parametrize("skew_days", [-3650, 3650])
def test_clock_skew_changes_nothing(laptop: Make, skew_days: int) -> None:
    a, b = laptop("anna"), laptop("beat")
    org = make_organisation(a.addresses, name="Muster AG")
    a.run(), b.run()
    edit_org(a, org.id, notes="A first")
    edit_org(b, org.id, notes="B later but skewed")
    with b.db.engine.begin() as conn:  # B's clock is years off
        conn.exec_driver_sql(
            f"UPDATE sync_outbox SET created_at = datetime(created_at, '{skew_days} days')"
        )
    a.run(), b.run(), a.run()
    for lap in (a, b):
        assert lap.addresses.get_organisation(org.id).notes == "A first"
    assert len(open_conflicts(b)) == 1
