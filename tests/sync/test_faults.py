"""Fault tests of research/sync.md 3.3 that fit CI, with real client code.

* server killed mid-push: ``relata-server serve`` is SIGKILLed several times
  while a laptop pushes; every batch is all or nothing, the laptop converges;
* payload too large: the server takes 100 KB per push; the laptop halves;
* scope change while offline: edits are pushed or parked, none lost, the
  laptop reloads its new scope;
* past the purge horizon: tombstones purged; the laptop pushes first, keeps
  what the server refuses as a conflict, then reloads;
* old laptops: one schema version behind leaves newer fields alone, two behind
  are asked to update (426) and keep their outbox.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from app.models import Organisation
from app.sync import store
from app.sync.client import SyncClient, Transient, UpdateRequired
from app.sync.protocol import wire
from server import auth
from server.models import SyncBatch, SyncOp
from server.purge import purge
from server.scope import SYSTEM
from server.writer import Writer, bump_counter
from tests.helpers.factories import make_organisation
from tests.helpers.sync_env import (
    PG_ENV,
    Laptop,
    ThreadServer,
    add_user,
    free_port,
    make_laptop,
    server_engine,
    sign_in,
    start_process_server,
)

Make = Callable[..., Laptop]


def edit_org(lap: Laptop, org_id: str, **changes: object) -> None:
    data = lap.addresses.get_organisation(org_id).data()
    lap.addresses.update_organisation(org_id, dataclasses.replace(data, **changes))


def bulk_orgs(lap: Laptop, n: int, *, notes: Callable[[int], str] = str) -> list[str]:
    """``n`` organisations created in one local transaction (one outbox entry each)."""
    ids = [str(uuid.uuid4()) for _ in range(n)]
    with lap.db.sessions.begin() as s:
        s.add_all(
            Organisation(
                id=i, name=f"Firma {k} AG", notes=notes(k), owner_id=lap.user_id
            )
            for k, i in enumerate(ids)
        )
    return ids


def live_orgs(engine: Engine) -> dict[str, tuple[str, str]]:
    with engine.connect() as conn:
        return {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                select(Organisation.id, Organisation.name, Organisation.notes).where(
                    Organisation.deleted_at.is_(None)
                )
            )
        }


def batches_all_or_nothing(engine: Engine) -> tuple[int, int]:
    """Each stored batch has exactly its ops; no op without its batch.

    Returns (batches, ops) on the server.
    """
    with engine.connect() as conn:
        stored = {
            r[0]: json.loads(bytes(r[1]))
            for r in conn.execute(select(SyncBatch.batch_id, SyncBatch.response))
        }
        ops = dict(
            conn.execute(
                select(SyncOp.batch_id, func.count()).group_by(SyncOp.batch_id)
            ).all()
        )
    for batch_id, response in stored.items():
        written = sum(r["status"] != "duplicate" for r in response["results"])
        assert ops.get(batch_id, 0) == written, batch_id
    orphans = {b for b in ops if b and b not in stored}
    assert not orphans, f"ops of batches that were never committed: {orphans}"
    return len(stored), sum(n for b, n in ops.items() if b)  # '' = server writes


# ---- server killed


def kill(proc: Any) -> None:
    """SIGKILL: no shutdown, nothing but the database's own recovery."""
    proc.kill()
    proc.wait()
    if proc.stderr is not None:
        proc.stderr.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def kill_backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "postgresql" and not os.environ.get(PG_ENV):
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: .ci/run must start PostgreSQL")
        pytest.skip(f"{PG_ENV} not set (local run without PostgreSQL)")
    return name


@pytest.mark.slow
def test_server_killed_mid_push_every_batch_is_all_or_nothing(
    tmp_path: Path, kill_backend: str
) -> None:
    engine = server_engine(kill_backend, tmp_path)
    add_user(engine, "anna")
    url = (
        os.environ[PG_ENV]
        if kill_backend == "postgresql"
        else f"sqlite:///{tmp_path / 'server.db'}"
    )
    port = free_port()
    proc = start_process_server(url, port)
    lap = make_laptop(tmp_path, "anna")
    sign_in(lap, f"http://127.0.0.1:{port}", "anna")
    ids = bulk_orgs(lap, 4000)
    errors: list[BaseException] = []
    transient = [0]

    def push_until_empty() -> None:
        deadline = time.monotonic() + 240
        try:
            while store.pending_count(lap.db.engine) and time.monotonic() < deadline:
                try:
                    lap.sync.sync(pull=False)
                except Transient:
                    transient[0] += 1
                    time.sleep(0.05)
        except BaseException as exc:  # surfaced in the main thread
            errors.append(exc)

    rng = random.Random(6)
    pusher = threading.Thread(target=push_until_empty)
    pusher.start()
    kills = 0
    try:
        # Kill at five points spread over the push (after each sixth of the
        # outbox has gone), a few milliseconds later so a request is in flight:
        # however fast the push, the server dies mid-push five times.
        for k in range(1, 6):
            threshold = len(ids) * (6 - k) // 6
            while pusher.is_alive() and store.pending_count(lap.db.engine) > threshold:
                time.sleep(0.005)
            if not pusher.is_alive():
                break
            time.sleep(rng.uniform(0.0, 0.02))
            kill(proc)
            kills += 1
            proc = start_process_server(url, port)
        pusher.join(timeout=300)
    finally:
        kill(proc)
        if pusher.is_alive():
            pusher.join(timeout=300)
    try:
        check_killed_push(engine, lap, url, port, ids, errors, kills, transient[0])
    finally:
        engine.dispose()
        lap.db.engine.dispose()


def check_killed_push(
    engine: Engine,
    lap: Laptop,
    url: str,
    port: int,
    ids: list[str],
    errors: list[BaseException],
    kills: int,
    transient: int,
) -> None:
    assert not errors, errors
    assert kills == 5
    assert transient >= kills  # every kill cost the laptop at least one try
    assert store.pending_count(lap.db.engine) == 0
    batches, ops = batches_all_or_nothing(engine)
    assert ops == len(ids)  # each create exactly once, however often resent
    assert batches >= len(ids) // wire.MAX_BATCH_CHANGES
    proc = start_process_server(url, port)
    try:
        lap.run()  # pull: the laptop equals the server
    finally:
        kill(proc)
    assert live_orgs(lap.db.engine) == live_orgs(engine)
    assert set(live_orgs(engine)) >= set(ids)


# ---- payload too large


def test_payload_too_large_halves_the_batch_and_converges(tmp_path: Path) -> None:
    engine = server_engine("sqlite", tmp_path)
    add_user(engine, "anna")
    rng = random.Random(3)
    with ThreadServer(engine, max_batch_bytes=100_000) as srv:
        lap = make_laptop(tmp_path, "anna")
        sign_in(lap, srv.url, "anna")
        ids = bulk_orgs(lap, 1200, notes=lambda _k: rng.randbytes(300).hex())
        report, _ = lap.run()
        assert report.pushed == len(ids)
        assert store.pending_count(lap.db.engine) == 0
        with engine.connect() as conn:
            sizes = [
                len(json.loads(bytes(r[0]))["results"])
                for r in conn.execute(select(SyncBatch.response))
            ]
        assert sum(sizes) == len(ids)
        assert max(sizes) <= wire.MAX_BATCH_CHANGES // 2  # halved at least once
        assert live_orgs(lap.db.engine) == live_orgs(engine)
    engine.dispose()
    lap.db.engine.dispose()


# ---- scope change while offline


def test_scope_change_while_offline_pushes_or_parks_every_edit(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    engine = server[0]
    anna, beat = laptop("anna"), laptop("beat")
    own = make_organisation(anna.addresses, name="Anna AG", owner_id=anna.user_id)
    team = make_organisation(beat.addresses, name="Beat AG", owner_id=beat.user_id)
    anna.run(), beat.run(), anna.run()
    assert {own.id, team.id} <= set(live_orgs(anna.db.engine))
    # offline: Anna edits both; meanwhile she moves to team Sued and her own
    # organisation goes to Carla (Sued)
    edit_org(anna, own.id, notes="Offerte geschickt")
    edit_org(anna, team.id, notes="Termin vereinbart")
    auth.set_user_access(engine, "anna", teams=("Sued",))
    carla = auth.list_users(engine)
    carla_id = next(u["id"] for u in carla if u["username"] == "carla")
    with engine.begin() as conn:
        row = conn.execute(
            select(Organisation.rev, Organisation.field_revs).where(
                Organisation.id == own.id
            )
        ).one()
        Writer(conn, SYSTEM, rev=bump_counter(conn), source="server").apply(
            [
                {
                    "op_id": str(uuid.uuid4()),
                    "tbl": "organisation",
                    "id": own.id,
                    "op": "update",
                    "base_rev": row.rev,
                    "fields": {
                        "owner_id": {
                            "value": carla_id,
                            "base": row.field_revs.get("owner_id", 0),
                        }
                    },
                }
            ]
        )
    report, _ = anna.run()
    assert report.bootstrapped  # the new scope was loaded from scratch
    assert store.pending_count(anna.db.engine) == 0
    server_orgs = live_orgs(engine)
    # Carla's organisation is in team Sued, Anna's new team: her edit applied
    assert server_orgs[own.id] == ("Anna AG", "Offerte geschickt")
    # Beat's is out of reach now: parked as a rejected change, nothing lost
    assert server_orgs[team.id] == ("Beat AG", "")
    (parked,) = anna.sync.conflicts()
    assert (parked.kind, parked.row_id, parked.reason) == (
        "rejected",
        team.id,
        "forbidden",
    )
    assert parked.mine["notes"] == "Termin vereinbart"
    assert set(live_orgs(anna.db.engine)) == {own.id}  # the laptop holds its scope


# ---- purge horizon


def test_purge_keeps_referenced_tombstones_and_records_the_horizon(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    engine = server[0]
    a = laptop("anna")
    gone = make_organisation(a.addresses, name="Weg AG", channels=(), addresses=())
    kept = make_organisation(a.addresses, name="Bleibt AG")  # has a live channel
    a.run()
    a.addresses.delete_organisation(gone.id)
    a.addresses.delete_organisation(kept.id)
    a.run()
    too_early = purge(engine, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=179))
    assert too_early.rows == 0
    done = purge(engine, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=181))
    assert done.purge_rev > 0
    with engine.connect() as conn:
        left = set(conn.execute(select(Organisation.id)).scalars())
    assert gone.id not in left
    assert kept.id in left  # its address and channel still point at it


def test_past_the_purge_horizon_pushes_first_then_reloads(
    laptop: Make, server: tuple[Engine, ThreadServer]
) -> None:
    engine = server[0]
    a, b = laptop("anna"), laptop("beat")
    x = make_organisation(a.addresses, name="X AG", channels=(), addresses=())
    y = make_organisation(a.addresses, name="Y AG", channels=(), addresses=())
    a.run(), b.run()
    b.addresses.delete_organisation(x.id)
    b.run()
    # Anna is offline for half a year and edits both
    edit_org(a, x.id, notes="noch aktuell?")
    edit_org(a, y.id, notes="Vertrag verlängert")
    done = purge(engine, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=181))
    assert done.rows >= 1
    report, _ = a.run()
    assert report.bootstrapped  # cursor before the purge: reloaded
    assert report.pushed == 2  # but her outbox went first
    assert store.pending_count(a.db.engine) == 0
    assert live_orgs(engine)[y.id] == ("Y AG", "Vertrag verlängert")
    (c,) = a.sync.conflicts()
    assert (c.kind, c.row_id, c.mine) == (
        "edit_on_deleted",
        x.id,
        {"notes": "noch aktuell?"},
    )
    assert set(live_orgs(a.db.engine)) == set(live_orgs(engine))


# ---- old laptops


@pytest.fixture
def newer_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend schema version 2 added ``organisation.legal_form``."""
    monkeypatch.setitem(wire.FIELD_SINCE, ("organisation", "legal_form"), 2)


def speaking(lap: Laptop, version: int) -> None:
    """Make the laptop's sync client send schema ``version``."""
    make = lap.sync._client

    def client(url: str, token: str | None) -> SyncClient:
        made = make(url, token)
        made.schema_version = version
        return made

    lap.sync._client = client  # type: ignore[method-assign]


def test_laptop_one_schema_behind_leaves_newer_fields_alone(
    tmp_path: Path, newer_field: None
) -> None:
    engine = server_engine("sqlite", tmp_path)
    add_user(engine, "anna")
    add_user(engine, "beat")
    with ThreadServer(engine, schema_range=(1, 2)) as srv:
        new, old = make_laptop(tmp_path, "new"), make_laptop(tmp_path, "old")
        for lap, user, version in ((new, "anna", 2), (old, "beat", 1)):
            sign_in(lap, srv.url, user)
            speaking(lap, version)
        org = make_organisation(new.addresses, name="Muster", legal_form="GmbH")
        new.run(), old.run()
        assert old.addresses.get_organisation(org.id).legal_form == ""  # not sent
        edit_org(old, org.id, notes="vom alten Laptop")
        old.run(), new.run()
        with engine.connect() as conn:
            row = conn.execute(
                select(Organisation.legal_form, Organisation.notes).where(
                    Organisation.id == org.id
                )
            ).one()
        assert tuple(row) == ("GmbH", "vom alten Laptop")
        got = new.addresses.get_organisation(org.id)
        assert (got.legal_form, got.notes) == ("GmbH", "vom alten Laptop")
    engine.dispose()


def test_laptop_two_schemas_behind_is_asked_to_update_and_keeps_its_outbox(
    tmp_path: Path, newer_field: None
) -> None:
    engine = server_engine("sqlite", tmp_path)
    add_user(engine, "anna")
    with ThreadServer(engine, schema_range=(2, 3)) as srv:
        old = make_laptop(tmp_path, "old")
        sign_in(old, srv.url, "anna")
        speaking(old, 1)
        make_organisation(old.addresses, name="Offline AG")
        pending = store.pending_count(old.db.engine)
        with pytest.raises(UpdateRequired):
            old.run()
        assert store.pending_count(old.db.engine) == pending > 0
        assert old.sync.status().last_error == "sync.update_required"
        speaking(old, 3)  # updated
        old.run()
        assert store.pending_count(old.db.engine) == 0
        assert "Offline AG" in {n for n, _ in live_orgs(engine).values()}
    engine.dispose()
