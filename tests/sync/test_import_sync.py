"""Bulk imports reach the server: the import commit queues what it wrote in its
own transaction (``outbox.record_written``), and so does an undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select

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
    report, _ = a.run()
    assert report.new_conflicts == 0
    assert store.pending_count(a.db.engine) == 0
    for model in (Person, Organisation, Channel, Employment):
        assert live(server[0], model) == live(a.db.engine, model), model
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
    a.run()
    path = files.write_xlsxwriter(tmp_path / "k.xlsx")
    imports = ImportService(a.db.engine)
    result = imports.commit(plan_for(imports, path))
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
    a.run()
    path = files.write_xlsxwriter(tmp_path / "k.xlsx")
    imports = ImportService(a.db.engine)
    result = imports.commit(plan_for(imports, path))
    imports.undo(result.run_id)
    assert store.pending_count(a.db.engine) == 0  # creates and deletes cancel out
    a.run()
    assert live(server[0], Person) == {}
