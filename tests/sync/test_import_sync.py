"""Bulk imports reach the server: the import commit queues what it wrote in its
own transaction (creates deferred: filled when sent), and so does an undo."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from app.domain.exchange import ImportResult
from app.models import Channel, Employment, Organisation, Person
from app.services.imports import ImportService
from app.sync import store
from tests.exchange import files
from tests.helpers.factories import make_person
from tests.helpers.sync_env import Laptop, ThreadServer
from tests.services.exchange_support import plan_for

Make = Callable[..., Laptop]


def live(engine: Engine, model: type) -> dict[str, tuple[object, ...]]:
    cols = {
        Person: (Person.last_name, Person.first_name),
        Organisation: (Organisation.name,),
        Channel: (Channel.kind, Channel.value),
        Employment: (Employment.person_id, Employment.organisation_id),
    }[model]
    with engine.connect() as conn:
        return {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                select(model.id, *cols).where(model.deleted_at.is_(None))
            )
        }


def import_sample(a: Laptop, tmp_path: Path) -> tuple[ImportService, ImportResult]:
    """``a`` synced once, then the sample file (three persons) imported there."""
    a.run()
    imports = ImportService(a.db.engine)
    path = files.write_xlsxwriter(tmp_path / "k.xlsx")
    return imports, imports.commit(plan_for(imports, path))


def sync_cleanly(a: Laptop, server_engine: Engine, *models: type) -> None:
    """One sync of ``a``: no conflict, nothing left to send, and the server
    holds the same live rows of ``models`` as the laptop."""
    report, _ = a.run()
    assert report.new_conflicts == 0
    assert store.pending_count(a.db.engine) == 0
    for model in models:
        assert live(server_engine, model) == live(a.db.engine, model), model


def test_imported_persons_reach_the_server_and_other_laptops(
    laptop: Make, server: tuple[Engine, ThreadServer], tmp_path: Path
) -> None:
    a, b = laptop("anna"), laptop("beat")
    a.run(), b.run()
    path = files.write_xlsxwriter(tmp_path / "k.xlsx")
    imports = ImportService(a.db.engine)
    result = imports.commit(plan_for(imports, path))
    assert result.created == 3
    assert store.pending_count(a.db.engine) > 3  # persons, channels, addresses …
    sync_cleanly(a, server[0], Person, Organisation, Channel, Employment)
    assert {"Müller", "Rossi", "Dubois"} <= {
        name for name, _first in live(server[0], Person).values()
    }
    b.run()
    assert live(b.db.engine, Person) == live(server[0], Person)


def test_an_import_update_is_sent_as_the_changed_fields_only(
    laptop: Make, server: tuple[Engine, ThreadServer], tmp_path: Path
) -> None:
    a = laptop("anna")
    kept = make_person(a.addresses, last_name="Muster", first_name="Alt")
    email = a.addresses.get_person(kept.id).channels[0].value
    a.run()
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["E-Mail", "Vorname", "Nachname"],
        [[email, "Neu", "Muster"]],
    )
    imports = ImportService(a.db.engine)
    assert imports.commit(plan_for(imports, path)).updated == 1
    with a.db.engine.connect() as conn:
        (entry,) = conn.execute(
            select(store.OUTBOX.c.op, store.OUTBOX.c.fields, store.OUTBOX.c.base_rev)
        ).all()
    assert entry.op == "update"
    assert set(entry.fields) == {"first_name"}
    assert entry.base_rev > 0
    a.run()
    assert live(server[0], Person)[kept.id] == ("Muster", "Neu")


def test_undoing_a_synced_import_deletes_its_records_on_the_server(
    laptop: Make, server: tuple[Engine, ThreadServer], tmp_path: Path
) -> None:
    a = laptop("anna")
    imports, result = import_sample(a, tmp_path)
    a.run()
    imported = set(live(server[0], Person))
    assert len(imported) == 3
    undo = imports.undo(result.run_id)
    assert undo.kept == 0  # syncing is not a change: the import undoes whole
    a.run()
    assert store.pending_count(a.db.engine) == 0
    assert live(server[0], Person) == {}
    assert live(a.db.engine, Person) == {}


def test_undoing_an_import_before_any_sync_sends_nothing(
    laptop: Make, server: tuple[Engine, ThreadServer], tmp_path: Path
) -> None:
    a = laptop("anna")
    imports, result = import_sample(a, tmp_path)
    imports.undo(result.run_id)
    assert store.pending_count(a.db.engine) == 0  # creates and deletes cancel out
    a.run()
    assert live(server[0], Person) == {}


def test_an_imported_record_edited_before_the_sync_reaches_the_server_as_edited(
    laptop: Make, server: tuple[Engine, ThreadServer], tmp_path: Path
) -> None:
    """The import queues deferred creates (fields filled when sent): an edit
    before the sync adds no entry, the server gets the edited values, and a
    record deleted before the sync is deleted there too, with no rejected child."""
    a = laptop("anna")
    _imports, result = import_sample(a, tmp_path)
    assert result.created == 3
    queued = store.pending_count(a.db.engine)
    with a.db.engine.connect() as conn:
        deferred = conn.execute(
            text("SELECT count(*) FROM sync_outbox WHERE fields = 'null'")
        ).scalar_one()
    assert deferred == queued
    by_name = {name: pid for pid, (name, _first) in live(a.db.engine, Person).items()}
    edited, gone = by_name["Müller"], by_name["Rossi"]
    a.addresses.update_person(
        edited,
        dataclasses.replace(a.addresses.get_person(edited).data(), first_name="Edith"),
    )
    assert store.pending_count(a.db.engine) == queued  # the create stays one entry
    a.addresses.delete_person(gone)
    # its channels, address and employment are queued: create, then delete
    assert store.pending_count(a.db.engine) == queued + 1
    report, _ = a.run()
    assert report.new_conflicts == 0
    assert store.pending_count(a.db.engine) == 0
    on_server = live(server[0], Person)
    assert on_server[edited] == ("Müller", "Edith")
    assert gone not in on_server
    for model in (Person, Organisation, Channel, Employment):
        assert live(server[0], model) == live(a.db.engine, model), model


def test_a_stamped_batch_of_deferred_creates_is_resent_unchanged(
    laptop: Make, tmp_path: Path
) -> None:
    """Filled in the stamping transaction: an edit after stamping does not
    change the batch a retry sends (it becomes an entry of its own)."""
    a = laptop("anna")
    _imports, _result = import_sample(a, tmp_path)
    first = store.next_batch(a.db.engine, "device")
    assert first is not None
    person = next(c for c in first["changes"] if c["tbl"] == "person")
    assert person["op"] == "create"
    assert person["fields"]["last_name"]["value"]
    assert all(c["fields"] for c in first["changes"])
    a.addresses.update_person(
        person["id"],
        dataclasses.replace(
            a.addresses.get_person(person["id"]).data(), first_name="Später"
        ),
    )
    again = store.next_batch(a.db.engine, "device")
    assert again == first


def test_a_batch_of_creates_whose_records_are_gone_is_not_sent(
    laptop: Make, tmp_path: Path
) -> None:
    a = laptop("anna")
    _imports, _result = import_sample(a, tmp_path)
    with a.db.engine.begin() as conn:
        # rows removed behind the outbox's back (not through a service)
        conn.execute(text("PRAGMA foreign_keys=OFF"))
        conn.execute(text("DELETE FROM channel"))
        conn.execute(text("DELETE FROM address"))
        conn.execute(text("DELETE FROM employment"))
        conn.execute(text("DELETE FROM person"))
        conn.execute(text("DELETE FROM organisation"))
    batch = store.next_batch(a.db.engine, "device")
    assert batch is None
    assert store.pending_count(a.db.engine) == 0


def test_a_second_import_before_the_sync_updates_the_deferred_creates(
    laptop: Make, server: tuple[Engine, ThreadServer], tmp_path: Path
) -> None:
    """Two imports before a sync: the second one's updates of the first one's
    records add no entries; the server gets the records as they are now."""
    a = laptop("anna")
    a.run()
    first = files.write_openpyxl(
        tmp_path / "a.xlsx",
        ["E-Mail", "Vorname", "Nachname", "Ort"],
        [["eva@example.ch", "Eva", "Alt", "Bern"], ["max@example.ch", "Max", "M", ""]],
    )
    imports = ImportService(a.db.engine)
    assert imports.commit(plan_for(imports, first)).created == 2
    queued = store.pending_count(a.db.engine)
    second = files.write_openpyxl(
        tmp_path / "b.xlsx",
        ["E-Mail", "Nachname", "Ort"],
        [["eva@example.ch", "Neu", "Basel"]],
    )
    assert imports.commit(plan_for(imports, second)).updated == 1
    with a.db.engine.connect() as conn:
        ops = conn.execute(
            text("SELECT DISTINCT op FROM sync_outbox WHERE tbl = 'person'")
        ).scalars()
        assert set(ops) == {"create"}
    assert store.pending_count(a.db.engine) <= queued + 1  # at most the new address
    report, _ = a.run()
    assert report.new_conflicts == 0
    assert ("Neu", "Eva") in live(server[0], Person).values()
    for model in (Person, Channel):
        assert live(server[0], model) == live(a.db.engine, model), model


def test_an_imported_record_deleted_and_restored_before_the_sync_stays(
    laptop: Make, server: tuple[Engine, ThreadServer], tmp_path: Path
) -> None:
    a = laptop("anna")
    _imports, result = import_sample(a, tmp_path)
    assert result.created == 3
    by_name = {name: pid for pid, (name, _first) in live(a.db.engine, Person).items()}
    rossi = by_name["Rossi"]
    a.addresses.delete_person(rossi)
    a.addresses.restore_person(rossi)
    report, _ = a.run()
    assert report.new_conflicts == 0
    assert store.pending_count(a.db.engine) == 0
    assert rossi in live(a.db.engine, Person)
    assert live(server[0], Person) == live(a.db.engine, Person)


def test_undo_keeps_the_organisation_a_changed_contact_works_for(
    laptop: Make, server: tuple[Engine, ThreadServer], tmp_path: Path
) -> None:
    """A contact deleted after the import is a change: the undo keeps it, its
    employment, and the organisation the import made for that employment."""
    a = laptop("anna")
    imports, result = import_sample(a, tmp_path)
    by_name = {name: pid for pid, (name, _first) in live(a.db.engine, Person).items()}
    a.addresses.delete_person(by_name["Rossi"])
    undo = imports.undo(result.run_id)
    assert undo.kept >= 3  # the person, the employment, the organisation
    employers = {org for _person, org in live(a.db.engine, Employment).values()}
    assert employers <= set(live(a.db.engine, Organisation))
    sync_cleanly(a, server[0], Person, Organisation, Employment)


def test_deferred_creates_of_a_table_sql_cannot_encode_are_filled_in_python(
    laptop: Make,
    server: tuple[Engine, ThreadServer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """E.g. an update between an offline import and its sync gives a table a
    column type the SQL encoding does not know: the entries are still sent."""
    from app.sync import outbox_sql

    a = laptop("anna")
    _imports, _result = import_sample(a, tmp_path)
    real = outbox_sql.create_fields_sql
    monkeypatch.setattr(
        outbox_sql,
        "create_fields_sql",
        lambda name, alias="": None if name == "person" else real(name, alias),
    )
    sync_cleanly(a, server[0], Person, Channel, Employment)


def test_a_deleted_child_kept_for_its_own_child_keeps_its_parent_queued(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    """Tags T1 <- T2 <- T3, never synced: delete T2 (T3 is live, so T2's create
    and delete both go), then T1 (its live descendants need it): T3 reaches the
    server with no rejected change."""
    from app.models import Tag

    a = laptop("anna")
    a.run()
    with a.db.sessions.begin() as s:
        t1 = Tag(name="T1")
        s.add(t1)
        s.flush()
        t2 = Tag(name="T2", parent_id=t1.id)
        s.add(t2)
        s.flush()
        t3 = Tag(name="T3", parent_id=t2.id)
        s.add(t3)
        s.flush()
        ids = (t1.id, t2.id, t3.id)
    now = dt.datetime.now(dt.UTC)
    for tag_id in (ids[1], ids[0]):
        with a.db.sessions.begin() as s:
            tag = s.get(Tag, tag_id)
            assert tag is not None
            tag.deleted_at = now
    report, _ = a.run()
    assert report.new_conflicts == 0
    with server[0].connect() as conn:
        on_server = dict(conn.execute(text("SELECT id, deleted_at FROM tag")).all())
    assert on_server[ids[2]] is None
    assert on_server[ids[0]] is not None
    assert on_server[ids[1]] is not None
