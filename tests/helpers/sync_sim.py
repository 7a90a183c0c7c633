"""In-process sync simulation: the server app behind a ``requests`` adapter with
a fault injector, and an oracle that watches every push (research/sync.md 3.2).

The laptops run the real client code (``SyncService`` → ``SyncClient`` →
``requests``); only the socket is replaced: :class:`AsgiAdapter` hands each
prepared request to the FastAPI app through Starlette's ``TestClient`` and
turns the answer back into a ``requests.Response``. Faults:

* ``lost_request``: the request never reaches the server (``ConnectionError``);
* ``lost_response``: the server commits, the answer is lost (``ReadTimeout``);
* ``duplicate``: the request is delivered twice; for a push both answers must
  be byte-identical and the replay must not advance the server counter.

The :class:`Oracle` sees every push the app answered, reads the server right
after it and checks what a push promises: each sent field value is now the
server's value or stored in a conflict row (zero lost edits), each field
conflict is real (another device wrote that field after the client's base,
with a different value), replays change nothing.
"""

from __future__ import annotations

import gzip
import json
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from fastapi.testclient import TestClient
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from sqlalchemy import Engine, func, select

from app.sync.protocol.tables import synced_table
from server.models import SyncBatch, SyncCounter, SyncOp
from server.writer import CONFLICT_TABLE

BASE_URL = "http://testserver"
#: Fields whose values are not the user's to lose or invent.
EXEMPT_FIELDS = frozenset({"created_at", "team_id", "merged_into"})
LIVE = "__live__"


@dataclass
class Faults:
    """Which fault hits the next sync request (deterministic from ``seed``)."""

    seed: int
    p_lost_request: float = 0.05
    p_lost_response: float = 0.05
    p_duplicate: float = 0.05
    enabled: bool = True
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def draw(self, path: str) -> str:
        if not self.enabled or not path.startswith("/sync/"):
            return ""
        x = self.rng.random()
        kind = ""
        if x < self.p_lost_request:
            kind = "lost_request"
        elif x < self.p_lost_request + self.p_lost_response:
            kind = "lost_response"
        elif x < self.p_lost_request + self.p_lost_response + self.p_duplicate:
            kind = "duplicate"
        if kind:
            self.counts[kind] += 1
        return kind


class AsgiAdapter(BaseAdapter):
    """A ``requests`` transport into the ASGI app, with faults and an observer."""

    def __init__(
        self,
        client: TestClient,
        faults: Faults,
        oracle: Oracle,
        device: int,
    ) -> None:
        super().__init__()
        self.client = client
        self.faults = faults
        self.oracle = oracle
        self.device = device

    def send(  # type: ignore[override]
        self, request: requests.PreparedRequest, **_kwargs: Any
    ) -> requests.Response:
        url = str(request.url)
        path = url[len(BASE_URL) :] if url.startswith(BASE_URL) else url
        fault = self.faults.draw(path)
        if fault == "lost_request":
            raise requests.ConnectionError("injected: request lost")
        headers = {
            k: v for k, v in request.headers.items() if k.lower() != "content-length"
        }
        body = request.body
        if isinstance(body, str):
            body = body.encode()
        answer = self._deliver(request.method or "GET", url, headers, body, path)
        if fault == "duplicate":
            again = self._deliver(request.method or "GET", url, headers, body, path)
            if path.startswith("/sync/v1/push") and answer.status_code == 200:
                assert again.content == answer.content, "replay answered differently"
        if fault == "lost_response":
            raise requests.ReadTimeout("injected: response lost")
        return _to_requests(request, answer)

    def _deliver(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes | None,
        path: str,
    ) -> Any:
        if not path.startswith("/sync/v1/push") or body is None:
            return self.client.request(method, url, headers=headers, content=body)
        raw = body
        if headers.get("Content-Encoding", "").lower() == "gzip":
            raw = gzip.decompress(raw)
        request = json.loads(raw)
        replay = str(request.get("batch_id")) in self.oracle.batches
        before = self.oracle.counter() if replay else 0
        answer = self.client.request(method, url, headers=headers, content=body)
        if replay and self.oracle.counter() != before:
            self.oracle.fail(f"replay of {request['batch_id']} advanced the counter")
        if answer.status_code == 200:
            self.oracle.on_push(self.device, request, answer.content)
        return answer

    def close(self) -> None:
        return None


def _to_requests(request: requests.PreparedRequest, answer: Any) -> requests.Response:
    out = requests.Response()
    out.status_code = answer.status_code
    out.headers = CaseInsensitiveDict(
        {
            k: v
            for k, v in answer.headers.items()
            if k.lower() not in ("content-encoding", "content-length")
        }
    )
    out._content = answer.content
    out.url = str(request.url)
    out.request = request
    out.encoding = "utf-8"
    out.reason = answer.reason_phrase
    return out


def session_factory(adapter: AsgiAdapter) -> Callable[[], requests.Session]:
    def make() -> requests.Session:
        session = requests.Session()
        session.mount(BASE_URL, adapter)
        return session

    return make


@dataclass
class Write:
    """One write the server saw: which device, at which rev."""

    rev: int
    device: int


@dataclass
class Oracle:
    """Watches pushes against the server database; collects failures.

    Attributes:
        history: per (tbl, row, field), the revs at which a device wrote it.
        sent: per device, the (tbl, row, field, value) it pushed.
        batches: batch id -> stored response bytes (first answer).
        op_ids: every op id that reached the server.
    """

    engine: Engine
    failures: list[str] = field(default_factory=list)
    history: dict[tuple[str, str, str], list[Write]] = field(
        default_factory=lambda: defaultdict(list)
    )
    sent: dict[int, set[tuple[str, str, str, Any]]] = field(
        default_factory=lambda: defaultdict(set)
    )
    batches: dict[str, bytes] = field(default_factory=dict)
    op_ids: set[str] = field(default_factory=set)
    admins: set[int] = field(default_factory=set)
    replays: int = 0
    conflicts_seen: int = 0

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def counter(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(SyncCounter.value)).scalar_one())

    def counts(self) -> tuple[int, int]:
        """(sync_op rows, sync_batch rows) on the server."""
        with self.engine.connect() as conn:
            ops = conn.execute(select(func.count()).select_from(SyncOp)).scalar_one()
            batches = conn.execute(
                select(func.count()).select_from(SyncBatch)
            ).scalar_one()
        return int(ops), int(batches)

    def record_server_write(
        self, tbl: str, row: str, fields: list[str], rev: int
    ) -> None:
        for name in fields:
            self.history[(tbl, row, name)].append(Write(rev, -1))

    def on_push(self, device: int, request: dict[str, Any], answer: bytes) -> None:
        batch_id = str(request["batch_id"])
        if batch_id in self.batches:
            self.replays += 1
            if self.batches[batch_id] != answer:
                self.fail(f"batch {batch_id}: replay answered differently")
            return
        self.batches[batch_id] = answer
        response = json.loads(answer)
        rev = int(response["rev"])
        with self.engine.connect() as conn:
            for change, result in zip(
                request["changes"], response["results"], strict=True
            ):
                self._check_change(conn, device, change, result, rev)

    def _check_change(
        self,
        conn: Any,
        device: int,
        change: dict[str, Any],
        result: dict[str, Any],
        rev: int,
    ) -> None:
        op_id = change["op_id"]
        status = result["status"]
        if status == "duplicate":
            if op_id not in self.op_ids:
                self.fail(f"{op_id}: duplicate of an op the server never saw")
            return
        if op_id in self.op_ids:
            self.fail(f"{op_id}: sent again in another batch and not a duplicate")
        self.op_ids.add(op_id)
        tbl, row_id, op = change["tbl"], change["id"], change["op"]
        table = synced_table(tbl)
        assert table is not None
        current = (
            conn.execute(select(table.table).where(table.table.c.id == row_id))
            .mappings()
            .first()
        )
        conflicts = self._conflicts(conn, result["conflict_ids"])
        self.conflicts_seen += len(conflicts)
        self._check_precision(device, change, conflicts)
        fields = change.get("fields") or {}
        live_value = op in ("create", "restore") or (op == "update" and not fields)
        for name, spec in fields.items():
            value = spec.get("value")
            self.sent[device].add((tbl, row_id, name, _key(value)))
            if current is not None and current["field_revs"].get(name) == rev:
                self.history[(tbl, row_id, name)].append(Write(rev, device))
            if op == "delete" or name in EXEMPT_FIELDS or tbl == CONFLICT_TABLE:
                continue  # conflicts resolve first-resolution-wins (sync.md 2.5)
            if current is not None and _key(
                table.encode({name: current[name]})[name]
            ) == _key(value):
                continue
            if any(_holds(c, name, value) for c in conflicts):
                continue
            self.fail(
                f"lost edit: device {device} {op} {tbl}.{name}={value!r} on "
                f"{row_id[:8]} status {status}, server has "
                f"{None if current is None else current[name]!r}"
            )
        if op in ("delete", "create", "restore"):
            self.sent[device].add((tbl, row_id, LIVE, op != "delete"))
        if op == "delete":
            deleted = current is None or current["deleted_rev"] is not None
            kinds = {c["kind"] for c in conflicts}
            if not deleted and not kinds & {"delete_on_edited", "rejected"}:
                self.fail(f"lost delete: device {device} {tbl} {row_id[:8]}")
        elif live_value and op != "update":
            alive = current is not None and current["deleted_rev"] is None
            if not alive and not conflicts:
                self.fail(f"lost {op}: device {device} {tbl} {row_id[:8]} ({status})")

    def _conflicts(self, conn: Any, ids: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        table = synced_table(CONFLICT_TABLE)
        assert table is not None
        rows = [
            dict(r)
            for r in conn.execute(
                select(table.table).where(table.table.c.id.in_(ids))
            ).mappings()
        ]
        if len(rows) != len(set(ids)):
            self.fail(f"conflicts answered but not stored: {ids}")
        return rows

    def _check_precision(
        self, device: int, change: dict[str, Any], conflicts: list[dict[str, Any]]
    ) -> None:
        seen: set[tuple[str, str]] = set()
        for c in conflicts:
            key = (c["kind"], c["field"])
            if key in seen:
                self.fail(f"two conflicts {key} for one op {change['op_id']}")
            seen.add(key)
            if c["kind"] != "field":
                continue
            name = c["field"]
            if _key(c["server_value"]) == _key(c["client_value"]):
                self.fail(f"conflict on equal values {change['tbl']}.{name}")
            writes = self.history.get((change["tbl"], change["id"], name), [])
            base = int(c["client_base"])
            if not any(w.rev > base and w.device != device for w in writes):
                self.fail(
                    f"spurious conflict: device {device} {change['tbl']}.{name} "
                    f"base {base}, writes {[(w.rev, w.device) for w in writes]}"
                )


def _holds(conflict: dict[str, Any], name: str, value: Any) -> bool:
    """Whether a conflict row keeps the client's ``value`` for field ``name``."""
    if conflict["field"] == name:
        return _key(conflict["client_value"]) == _key(value)
    mine = conflict["client_value"]
    return isinstance(mine, dict) and name in mine and _key(mine[name]) == _key(value)


def _key(value: Any) -> Any:
    """A hashable, order-independent form of a wire value."""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return value
