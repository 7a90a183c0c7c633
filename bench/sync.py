"""Sync figures: server (``relata-server serve``, SQLite) and laptops on loopback HTTP.

* ``bootstrap_s``: a fresh laptop loads ``rows`` rows (organisations + persons).
* ``pull_s``: ``rows`` rows changed on the server reach the laptop.
* ``push_s``: ``rows`` rows changed on the laptop reach the server.
* ``noop_p95_ms``: a cycle with nothing to do; ``small_p95_ms``: 100 changed rows.
* ``concurrent_*``: 20 laptops push ``conc_changes`` changes each at once
  (batches of 500); failed batches and the p95 time per batch.
* ``baseline_copy_s``: the same rows copied table to table with plain
  ``sqlite3`` (no HTTP, no merge): the floor the sync path is compared with.
* ``pg_concurrent_*``: with ``RELATA_BENCH_PG_URL`` set (a PostgreSQL database
  the benchmark may empty: its ``public`` schema is dropped), the concurrent
  part again against a server on PostgreSQL. SQLite stays the main figure.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

PASSWORD = "bench password 123"
PG_ENV = "RELATA_BENCH_PG_URL"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * 0.95) - 1)]


def _server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    import socket

    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server.cli",
            "--db",
            db_url,
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "RELATA_SERVER_LOG": "warning"},
    )
    for _ in range(400):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("server did not start")


def _seed(engine: Any, owner: str, n: int) -> list[str]:
    """``n`` organisations/persons written on the server through the one write path."""
    from server.db import write_transaction
    from server.scope import SYSTEM
    from server.writer import Writer, bump_counter

    ids: list[str] = []
    for start in range(0, n, 1000):
        changes: list[Any] = []
        for i in range(start, min(n, start + 1000)):
            rid = str(uuid.uuid4())
            ids.append(rid)
            if i % 2 == 0:
                tbl = "organisation"
                fields: dict[str, Any] = {
                    "name": f"Bench {i} AG",
                    "legal_form": "AG",
                    "customer_number": f"B-{i:07d}",
                }
            else:
                tbl = "person"
                fields = {"last_name": f"Muster{i}", "first_name": "Eva"}
            fields["owner_id"] = owner
            changes.append(
                {
                    "op_id": str(uuid.uuid4()),
                    "tbl": tbl,
                    "id": rid,
                    "op": "create",
                    "base_rev": 0,
                    "fields": {k: {"value": v, "base": 0} for k, v in fields.items()},
                }
            )
        with write_transaction(engine) as conn:
            Writer(conn, SYSTEM, rev=bump_counter(conn), source="bench").apply(changes)
    return ids


def _force_updates(engine: Any, ids: list[str]) -> None:
    """Server-side edits of ``ids`` (the correct base read first)."""
    from sqlalchemy import select

    from app.models import Organisation, Person
    from server.db import write_transaction
    from server.scope import SYSTEM
    from server.writer import Writer, bump_counter

    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        with write_transaction(engine) as conn:
            revs: dict[str, tuple[str, int]] = {}
            for model, tbl in ((Organisation, "organisation"), (Person, "person")):
                for rid, fr in conn.execute(
                    select(model.id, model.field_revs).where(model.id.in_(chunk))
                ):
                    revs[rid] = (tbl, int((fr or {}).get("notes", 0)))
            changes: list[Any] = [
                {
                    "op_id": str(uuid.uuid4()),
                    "tbl": revs[r][0],
                    "id": r,
                    "op": "update",
                    "base_rev": 0,
                    "fields": {
                        "notes": {"value": f"server edit {r[:6]}", "base": revs[r][1]}
                    },
                }
                for r in chunk
            ]
            Writer(conn, SYSTEM, rev=bump_counter(conn), source="bench").apply(changes)


def _laptop(folder: Path, url: str, user: str) -> Any:
    import keyring

    from app.db.database import open_database
    from app.services.container import build_services
    from app.services.sync import TokenStore

    class _Ring(keyring.backend.KeyringBackend):
        priority = 1
        store: dict[tuple[str, str], str] = {}  # noqa: RUF012

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    keyring.set_keyring(_Ring())
    database = open_database(folder / "relata.db", backup_dir=folder / "backups")
    services = build_services(database)
    services.sync.tokens = TokenStore()
    services.sync.sign_in(url, user, PASSWORD, device_name=folder.name)
    return database, services


def _local_edits(database: Any, n: int, tag: str) -> None:
    """``n`` rows (organisations, then persons) edited locally and queued.

    Core update + ``outbox.record_bulk``, as a bulk writer does.
    """
    from sqlalchemy import select, update

    from app.models import Organisation, Person
    from app.sync import outbox

    left = n
    with database.engine.begin() as conn:
        for model, tbl in ((Organisation, "organisation"), (Person, "person")):
            if left <= 0:
                break
            rows = conn.execute(
                select(model.id, model.rev, model.field_revs).limit(left)
            ).all()
            left -= len(rows)
            ids = [r[0] for r in rows]
            for start in range(0, len(ids), 500):
                conn.execute(
                    update(model)
                    .where(model.id.in_(ids[start : start + 500]))
                    .values(notes=f"laptop {tag}")
                )
            outbox.record_bulk(
                conn,
                tbl,
                [
                    {
                        "id": r[0],
                        "notes": f"laptop {tag}",
                        "rev": r[1],
                        "field_revs": r[2],
                    }
                    for r in rows
                ],
                created=False,
            )


def _baseline_copy(src: Path, dst: Path) -> float:
    """Plain sqlite3 copy of the organisation and person rows (no HTTP, no merge)."""
    started = time.perf_counter()
    a = sqlite3.connect(src)
    b = sqlite3.connect(dst)
    for table in ("organisation", "person"):
        cols = [r[1] for r in a.execute(f"PRAGMA table_info({table})")]
        rows = a.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        b.execute(f"CREATE TABLE {table} ({', '.join(cols)})")
        b.executemany(
            f"INSERT INTO {table} VALUES ({', '.join('?' * len(cols))})", rows
        )
    b.commit()
    a.close()
    b.close()
    return time.perf_counter() - started


def _server_timing(header: str) -> dict[str, float]:
    """``queue;dur=12.5, apply;dur=80.1`` -> seconds by name."""
    out: dict[str, float] = {}
    for part in header.split(","):
        name, _, dur = part.strip().partition(";dur=")
        if name and dur:
            out[name] = float(dur) / 1000
    return out


def _concurrent(
    url: str, engine: Any, clients: int, changes: int
) -> tuple[int, float, float, float]:
    """Failed batches, p95 end-to-end, p95 server queueing, p95 server apply."""
    from app.sync.client import SyncClient
    from server import auth
    from server.scope import Role

    tokens = []
    for c in range(clients):
        name = f"conc{c}"
        auth.add_user(engine, username=name, password=PASSWORD, role=Role.REP)
        login = SyncClient(url).login(name, PASSWORD, name)
        tokens.append((login["token"], login["device_id"], login["user_id"]))
    times: list[float] = []
    queued: list[float] = []
    applied: list[float] = []
    failed = [0]
    lock = threading.Lock()

    def work(token: str, device: str, user: str) -> None:
        client = SyncClient(url, token=token)
        for start in range(0, changes, 500):
            batch: Any = {
                "device_id": device,
                "batch_id": str(uuid.uuid4()),
                "changes": [
                    {
                        "op_id": str(uuid.uuid4()),
                        "tbl": "organisation",
                        "id": str(uuid.uuid4()),
                        "op": "create",
                        "base_rev": 0,
                        "fields": {
                            "name": {"value": f"C {user[:4]} {i}", "base": 0},
                            "owner_id": {"value": user, "base": 0},
                        },
                    }
                    for i in range(start, min(changes, start + 500))
                ],
            }
            t0 = time.perf_counter()
            try:
                client.push(batch)
            except Exception:
                with lock:
                    failed[0] += 1
            with lock:
                times.append(time.perf_counter() - t0)
                server = _server_timing(client.last_server_timing)
                queued.append(server.get("queue", 0.0))
                applied.append(server.get("apply", 0.0))

    threads = [threading.Thread(target=work, args=t) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return failed[0], _p95(times), _p95(queued), _p95(applied)


def _gzip_figures(url: str, token: str) -> dict[str, float]:
    """One 5,000-row bootstrap page with and without gzip: time and bytes."""
    import requests

    from app.sync.protocol.wire import HEADER_PROTOCOL, HEADER_SCHEMA

    out: dict[str, float] = {}
    for label, encoding in (("gzip", "gzip"), ("plain", "identity")):
        headers = {
            "Authorization": f"Bearer {token}",
            HEADER_PROTOCOL: "1",
            HEADER_SCHEMA: "1",
            "Accept-Encoding": encoding,
        }
        best = float("inf")
        size = 0
        for _ in range(3):
            t0 = time.perf_counter()
            with requests.get(
                f"{url}/sync/v1/bootstrap?tbl=person&limit=5000",
                headers=headers,
                stream=True,
                timeout=60,
            ) as response:
                raw = response.raw.read(decode_content=False)
                if encoding == "gzip":
                    import gzip

                    gzip.decompress(raw)
            best = min(best, time.perf_counter() - t0)
            size = len(raw)
        out[f"page_{label}_ms"] = round(best * 1000, 1)
        out[f"page_{label}_kb"] = round(size / 1024, 1)
    return out


def _concurrent_pg(url: str, conc_changes: int) -> dict[str, Any]:
    """The concurrent figures on an emptied PostgreSQL database at ``url``."""
    from sqlalchemy import text

    from server.db import make_server_engine, upgrade

    engine = make_server_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    port = _free_port()
    proc = _server(url, port)
    try:
        failed, p95, queue_p95, apply_p95 = _concurrent(
            f"http://127.0.0.1:{port}", engine, 20, conc_changes
        )
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        engine.dispose()
    return {
        "pg_concurrent_failed_batches": failed,
        "pg_concurrent_p95_s": round(p95, 2),
        "pg_concurrent_queue_p95_s": round(queue_p95, 2),
        "pg_concurrent_apply_p95_s": round(apply_p95, 3),
    }


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(*, quick: bool = False) -> dict[str, Any]:
    """Measure every figure; ``quick`` runs a tenth of the size."""
    from server import auth
    from server.db import make_server_engine, upgrade
    from server.scope import Role

    scale = 10 if quick else 1
    rows = 100_000 // scale
    conc_changes = 5_000 // scale
    tmp = Path(tempfile.mkdtemp(prefix="relata-bench-sync-"))
    db_url = f"sqlite:///{tmp / 'server.db'}"
    engine = make_server_engine(db_url)
    upgrade(engine)
    owner = auth.add_user(engine, username="rep", password=PASSWORD, role=Role.REP)
    auth.add_user(engine, username="other", password=PASSWORD, role=Role.REP)
    ids = _seed(engine, owner, rows)
    port = _free_port()
    proc = _server(db_url, port)
    url = f"http://127.0.0.1:{port}"
    figures: dict[str, Any] = {"rows": rows, "server": "sqlite"}
    try:
        database, services = _laptop(tmp / "laptop", url, "rep")
        t0 = time.perf_counter()
        services.sync.sync()
        figures["bootstrap_s"] = round(time.perf_counter() - t0, 2)
        figures["baseline_copy_s"] = round(
            _baseline_copy(database.path, tmp / "copy.db"), 2
        )
        _force_updates(engine, ids)
        t0 = time.perf_counter()
        report, _ = services.sync.sync()
        figures["pull_s"] = round(time.perf_counter() - t0, 2)
        figures["pulled"] = report.received
        _local_edits(database, rows, "push")
        pending = services.sync.status().pending
        t0 = time.perf_counter()
        report, _ = services.sync.sync()
        figures["push_s"] = round(time.perf_counter() - t0, 2)
        figures["pushed"] = report.pushed
        figures["push_queued"] = pending
        noop = []
        for _ in range(20):
            t0 = time.perf_counter()
            services.sync.sync()
            noop.append((time.perf_counter() - t0) * 1000)
        figures["noop_p95_ms"] = round(_p95(noop), 1)
        token = services.sync.tokens.get(url, "rep") or ""
        figures.update(_gzip_figures(url, token))
        small = []
        for i in range(20):
            _local_edits(database, 100, f"small {i}")
            t0 = time.perf_counter()
            services.sync.sync()
            small.append((time.perf_counter() - t0) * 1000)
        figures["small_p95_ms"] = round(_p95(small), 1)
        figures["small_median_ms"] = round(statistics.median(small), 1)
        database.close(backup=False)
        failed, p95, queue_p95, apply_p95 = _concurrent(url, engine, 20, conc_changes)
        figures["concurrent_failed_batches"] = failed
        figures["concurrent_p95_s"] = round(p95, 2)  # end to end, queueing included
        figures["concurrent_queue_p95_s"] = round(queue_p95, 2)
        figures["concurrent_apply_p95_s"] = round(apply_p95, 3)
        figures["concurrent_changes_each"] = conc_changes
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        engine.dispose()
    pg_url = os.environ.get(PG_ENV)
    if pg_url:
        figures.update(_concurrent_pg(pg_url, conc_changes))
    figures["ratio_bootstrap_vs_copy"] = round(
        figures["bootstrap_s"] / max(figures["baseline_copy_s"], 0.001), 1
    )
    return figures
