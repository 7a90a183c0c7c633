"""The server over HTTP on loopback: auth, push idempotency, pull paging, scope."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from sqlalchemy import Engine, func, select

from server import auth
from server.models import AuditLog, Device, SyncBatch, SyncOp
from server.scope import Role
from tests.helpers.sync_env import PASSWORD, ThreadServer, add_user

H = {"Sync-Protocol": "1", "Schema-Version": "1"}


@pytest.fixture
def srv(engine: Engine) -> Iterator[ThreadServer]:
    auth.add_team(engine, "Nord")
    auth.add_team(engine, "Sued")
    add_user(engine, "anna", teams=("Nord",))
    add_user(engine, "beat", teams=("Nord",))
    add_user(engine, "carla", teams=("Sued",))
    add_user(engine, "admin", role=Role.ADMIN)
    with ThreadServer(engine) as server:
        yield server


def login(srv: ThreadServer, user: str) -> dict[str, Any]:
    r = requests.post(
        srv.url + "/auth/login",
        json={"username": user, "password": PASSWORD, "device_name": "t"},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    out["headers"] = H | {"Authorization": f"Bearer {out['token']}"}
    return out


def push(
    srv: ThreadServer,
    who: dict[str, Any],
    changes: list[dict[str, Any]],
    batch: str | None = None,
) -> requests.Response:
    batch = batch or str(uuid.uuid4())
    body = {"device_id": who["device_id"], "batch_id": batch, "changes": changes}
    return requests.post(
        srv.url + "/sync/v1/push",
        data=json.dumps(body),
        headers=who["headers"]
        | {"Idempotency-Key": batch, "Content-Type": "application/json"},
        timeout=30,
    )


def org(name: str, owner: str | None, oid: str | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {"name": {"value": name, "base": 0}}
    if owner:
        fields["owner_id"] = {"value": owner, "base": 0}
    return {
        "op_id": str(uuid.uuid4()),
        "tbl": "organisation",
        "id": oid or str(uuid.uuid4()),
        "op": "create",
        "base_rev": 0,
        "fields": fields,
    }


def pull_all(
    srv: ThreadServer, who: dict[str, Any], cursor: int = 0, limit: int = 1000
) -> list[dict[str, Any]]:
    pages = []
    while True:
        r = requests.get(
            srv.url + "/sync/v1/pull",
            params={"cursor": cursor, "limit": limit},
            headers=who["headers"],
            timeout=30,
        )
        assert r.status_code == 200, r.text
        page = r.json()
        pages.append(page)
        cursor = page["cursor"]
        if not page["has_more"]:
            return pages


def count(engine: Engine, model: Any, *where: Any) -> int:
    with engine.connect() as conn:
        stmt = select(func.count()).select_from(model.__table__).where(*where)
        return int(conn.execute(stmt).scalar_one())


def test_health_and_openapi_docs(srv: ThreadServer) -> None:
    assert requests.get(srv.url + "/health", timeout=5).json()["status"] == "ok"
    assert requests.get(srv.url + "/docs", timeout=5).status_code == 200
    paths = requests.get(srv.url + "/openapi.json", timeout=5).json()["paths"]
    assert {
        "/sync/v1/push",
        "/sync/v1/pull",
        "/sync/v1/bootstrap",
        "/auth/login",
    } <= set(paths)


def test_unknown_user_and_wrong_password_get_identical_answers(
    srv: ThreadServer,
) -> None:
    a = requests.post(
        srv.url + "/auth/login",
        json={"username": "nobody", "password": "x" * 12},
        timeout=5,
    )
    b = requests.post(
        srv.url + "/auth/login",
        json={"username": "anna", "password": "x" * 12},
        timeout=5,
    )
    assert a.status_code == b.status_code == 401
    assert a.content == b.content


def test_login_is_throttled_per_account_even_for_the_right_password(
    srv: ThreadServer,
) -> None:
    for _ in range(11):
        requests.post(
            srv.url + "/auth/login",
            json={"username": "beat", "password": "wrong-wrong"},
            timeout=5,
        )
    r = requests.post(
        srv.url + "/auth/login",
        json={"username": "beat", "password": PASSWORD},
        timeout=5,
    )
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) > 0


def test_token_is_stored_only_as_hash_and_revocation_ends_it(
    srv: ThreadServer, engine: Engine
) -> None:
    anna = login(srv, "anna")
    with engine.connect() as conn:
        stored = conn.execute(select(Device.token_sha256)).scalars().all()
    assert anna["token"] not in stored
    assert auth.hash_token(anna["token"]) in stored
    assert (
        requests.get(
            srv.url + "/auth/me", headers=anna["headers"], timeout=5
        ).status_code
        == 200
    )
    assert (
        requests.post(
            srv.url + "/auth/logout", headers=anna["headers"], timeout=5
        ).status_code
        == 204
    )
    assert (
        requests.get(
            srv.url + "/auth/me", headers=anna["headers"], timeout=5
        ).status_code
        == 401
    )


def test_disabling_a_user_ends_every_session(srv: ThreadServer, engine: Engine) -> None:
    beat = login(srv, "beat")
    auth.set_disabled(engine, "beat", disabled=True)
    assert (
        requests.get(
            srv.url + "/auth/me", headers=beat["headers"], timeout=5
        ).status_code
        == 401
    )


def test_device_of_someone_else_cannot_be_revoked(srv: ThreadServer) -> None:
    anna, carla = login(srv, "anna"), login(srv, "carla")
    r = requests.post(
        srv.url + f"/auth/devices/{anna['device_id']}/revoke",
        headers=carla["headers"],
        timeout=5,
    )
    assert r.status_code == 404
    assert (
        requests.get(
            srv.url + "/auth/me", headers=anna["headers"], timeout=5
        ).status_code
        == 200
    )


def test_old_client_gets_426(srv: ThreadServer) -> None:
    anna = login(srv, "anna")
    r = requests.get(
        srv.url + "/sync/v1/pull",
        headers=anna["headers"] | {"Schema-Version": "0"},
        timeout=5,
    )
    assert r.status_code == 426
    assert r.headers["content-type"].startswith("application/problem+json")


def test_replayed_batch_is_answered_byte_for_byte_and_changes_nothing(
    srv: ThreadServer, engine: Engine
) -> None:
    anna = login(srv, "anna")
    changes = [org("A AG", anna["user_id"]), org("B AG", anna["user_id"])]
    first = push(srv, anna, changes, batch="b-1")
    again = push(srv, anna, changes, batch="b-1")
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert count(engine, SyncBatch) == 1
    assert count(engine, SyncOp, SyncOp.batch_id == "b-1") == 2
    high = first.json()["rev"]
    third = push(srv, anna, [org("C AG", anna["user_id"])])
    assert third.json()["rev"] == high + 1  # the replay did not advance the counter


def test_same_batch_id_with_other_changes_is_422(srv: ThreadServer) -> None:
    anna = login(srv, "anna")
    push(srv, anna, [org("A AG", None)], batch="b-2")
    assert push(srv, anna, [org("B AG", None)], batch="b-2").status_code == 422


def test_duplicate_op_in_a_new_batch_is_not_applied_twice(
    srv: ThreadServer, engine: Engine
) -> None:
    anna = login(srv, "anna")
    change = org("A AG", anna["user_id"])
    push(srv, anna, [change])
    r = push(srv, anna, [change])
    assert r.json()["results"][0]["status"] == "duplicate"
    assert count(engine, SyncOp, SyncOp.op_id == change["op_id"]) == 1


def test_pull_pages_never_split_a_rev(srv: ThreadServer) -> None:
    anna, laptop2 = login(srv, "anna"), login(srv, "anna")
    for n in range(3):
        push(srv, anna, [org(f"O{n}-{i}", anna["user_id"]) for i in range(5)])
    pages = pull_all(srv, laptop2, limit=3)
    revs_per_page = [{c["rev"] for c in p["changes"]} for p in pages]
    seen: set[int] = set()
    for revs in revs_per_page:
        assert not revs & seen
        seen |= revs
    ids = [c["id"] for p in pages for c in p["changes"] if c["tbl"] == "organisation"]
    assert len(ids) == len(set(ids)) == 15


def test_a_device_does_not_pull_back_what_its_own_push_answered(
    srv: ThreadServer,
) -> None:
    anna, laptop2 = login(srv, "anna"), login(srv, "anna")
    mine = org("Anna AG", anna["user_id"])
    push(srv, anna, [mine])
    ids = {c["id"] for p in pull_all(srv, anna) for c in p["changes"]}
    assert mine["id"] not in ids  # the push answer carried it
    assert mine["id"] in {c["id"] for p in pull_all(srv, laptop2) for c in p["changes"]}
    edit = {
        "op_id": str(uuid.uuid4()),
        "tbl": "organisation",
        "id": mine["id"],
        "op": "update",
        "base_rev": 0,
        "fields": {"notes": {"value": "vom zweiten Laptop", "base": 0}},
    }
    push(srv, laptop2, [edit])
    changed = [c for p in pull_all(srv, anna) for c in p["changes"]]
    assert [c["row"]["notes"] for c in changed if c["id"] == mine["id"]] == [
        "vom zweiten Laptop"
    ]


def test_s9_pull_sends_only_rows_in_scope(srv: ThreadServer) -> None:
    anna, beat, carla = login(srv, "anna"), login(srv, "beat"), login(srv, "carla")
    mine = org("Anna AG", anna["user_id"])
    theirs = org("Carla AG", carla["user_id"])
    pool = org("Pool AG", None)
    push(srv, anna, [mine, pool])
    push(srv, carla, [theirs])
    seen = {c["id"] for p in pull_all(srv, beat) for c in p["changes"]}
    assert mine["id"] in seen  # same team
    assert pool["id"] in seen  # unowned = shared
    assert theirs["id"] not in seen
    boot = requests.get(
        srv.url + "/sync/v1/bootstrap",
        params={"tbl": "organisation"},
        headers=beat["headers"],
        timeout=5,
    ).json()
    assert theirs["id"] not in {r["id"] for r in boot["rows"]}


def test_s9_push_to_a_row_without_permission_is_rejected_and_parked(
    srv: ThreadServer,
) -> None:
    anna, carla = login(srv, "anna"), login(srv, "carla")
    theirs = org("Carla AG", carla["user_id"])
    push(srv, carla, [theirs])
    edit = {
        "op_id": str(uuid.uuid4()),
        "tbl": "organisation",
        "id": theirs["id"],
        "op": "update",
        "base_rev": 0,
        "fields": {"name": {"value": "Hacked", "base": 0}},
    }
    r = push(srv, anna, [edit]).json()
    assert r["results"][0]["status"] == "rejected"
    (conflict,) = [row for row in r["rows"] if row["tbl"] == "sync_conflict"]
    assert conflict["row"]["reason"] == "forbidden"
    assert conflict["row"]["server_value"] is None  # nothing of the record leaks
    assert conflict["row"]["client_value"] == {"name": "Hacked"}
    state = [row for row in r["rows"] if row["tbl"] == "organisation"]
    # the record is not Anna's: its state says so and shows nothing of it
    assert [(x["row"], x["field_revs"], x.get("evict")) for x in state] == [
        (None, {}, True)
    ]


def test_s5_reassigned_record_leaves_the_old_owner_with_its_children(
    srv: ThreadServer,
) -> None:
    anna, carla = login(srv, "anna"), login(srv, "carla")
    o = org("Wander AG", anna["user_id"])
    addr = {
        "op_id": str(uuid.uuid4()),
        "tbl": "address",
        "id": str(uuid.uuid4()),
        "op": "create",
        "base_rev": 0,
        "fields": {
            "organisation_id": {"value": o["id"], "base": 0},
            "city": {"value": "Bern", "base": 0},
        },
    }
    rev = push(srv, anna, [o, addr]).json()["rows"][0]
    cursor_anna = pull_all(srv, anna)[-1]["cursor"]
    cursor_carla = pull_all(srv, carla)[-1]["cursor"]
    move = {
        "op_id": str(uuid.uuid4()),
        "tbl": "organisation",
        "id": o["id"],
        "op": "update",
        "base_rev": rev["rev"],
        "fields": {
            "owner_id": {
                "value": carla["user_id"],
                "base": rev["field_revs"]["owner_id"],
            }
        },
    }
    assert push(srv, anna, [move]).json()["results"][0]["status"] == "applied"
    anna_changes = [c for p in pull_all(srv, anna, cursor_anna) for c in p["changes"]]
    assert {
        (c["tbl"], c["op"]) for c in anna_changes if c["id"] in (o["id"], addr["id"])
    } == {("organisation", "evict"), ("address", "evict")}
    carla_changes = [
        c for p in pull_all(srv, carla, cursor_carla) for c in p["changes"]
    ]
    assert {
        (c["tbl"], c["op"]) for c in carla_changes if c["id"] in (o["id"], addr["id"])
    } == {("organisation", "upsert"), ("address", "upsert")}


def test_every_change_and_login_is_audited(srv: ThreadServer, engine: Engine) -> None:
    anna = login(srv, "anna")
    push(srv, anna, [org("A AG", anna["user_id"])])
    with engine.connect() as conn:
        actions = conn.execute(select(AuditLog.action, AuditLog.username)).all()
    assert ("login", "anna") in actions
    assert ("change", "anna") in actions
    assert all(anna["token"] not in str(a) for a in actions)


def test_missing_parent_is_rejected_instead_of_failing_the_batch(
    srv: ThreadServer,
) -> None:
    anna = login(srv, "anna")
    child = {
        "op_id": str(uuid.uuid4()),
        "tbl": "address",
        "id": str(uuid.uuid4()),
        "op": "create",
        "base_rev": 0,
        "fields": {"organisation_id": {"value": str(uuid.uuid4()), "base": 0}},
    }
    good = org("Fine AG", anna["user_id"])
    r = push(srv, anna, [child, good]).json()
    assert [x["status"] for x in r["results"]] == ["rejected", "applied"]
