"""Sync test harness: server databases (SQLite, PostgreSQL), a live server on
loopback, laptops (client databases) with an in-memory keyring."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import uvicorn
from argon2 import PasswordHasher
from keyring.backend import KeyringBackend
from sqlalchemy import Engine, create_engine, text

from app.db.database import Database, open_database
from app.services.addresses import AddressService
from app.services.sync import SyncService, TokenStore
from server import auth
from server.app import create_app
from server.db import make_server_engine, upgrade
from server.scope import Role

#: Cheap argon2 for tests (the real defaults cost ~100 ms per hash).
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"
PG_ENV = "RELATA_TEST_PG_URL"


class MemoryKeyring(KeyringBackend):
    """An in-memory OS keyring for tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fresh_pg(url: str) -> Engine:
    """An empty public schema on the test PostgreSQL database."""
    engine = make_server_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    return engine


def server_engine(backend: str, tmp: Path) -> Engine:
    """A migrated server database on ``backend`` (``sqlite`` or ``postgresql``)."""
    if backend == "postgresql":
        engine = fresh_pg(os.environ[PG_ENV])
    else:
        engine = make_server_engine(f"sqlite:///{tmp / 'server.db'}")
    upgrade(engine)
    return engine


class ThreadServer:
    """uvicorn serving the app on a loopback port, in a thread of this process."""

    def __init__(self, engine: Engine, **app_kwargs: Any) -> None:
        self.engine = engine
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(engine, hasher=FAST_HASHER, **app_kwargs)
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="error",
            lifespan="off",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_process_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    """``relata-server serve`` in a subprocess (for kill tests)."""
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
        stderr=subprocess.PIPE,
        env={**os.environ, "RELATA_SERVER_LOG": "warning"},
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(
                    proc.stderr.read().decode() if proc.stderr else ""
                ) from None
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("server process did not start")


@dataclass
class Laptop:
    """A client database with its services, signed in to a server."""

    name: str
    db: Database
    sync: SyncService
    addresses: AddressService
    user_id: str = ""

    def run(self) -> Any:
        return self.sync.sync()


def make_laptop(tmp: Path, name: str) -> Laptop:
    folder = tmp / name
    database = open_database(folder / "relata.db", backup_dir=folder / "backups")
    svc = SyncService(database, tokens=TokenStore())
    return Laptop(name, database, svc, AddressService(database.sessions))


def add_user(
    engine: Engine, username: str, *, role: Role = Role.REP, teams: tuple[str, ...] = ()
) -> str:
    return auth.add_user(
        engine,
        username=username,
        password=PASSWORD,
        role=role,
        teams=teams,
        display_name=username.capitalize(),
        hasher=FAST_HASHER,
    )


def sign_in(laptop: Laptop, url: str, username: str) -> None:
    laptop.sync.sign_in(url, username, PASSWORD, device_name=laptop.name)
    laptop.user_id = (
        laptop.sync.status().username and laptop.sync.engine and _user_id(laptop)
    )


def _user_id(laptop: Laptop) -> str:
    from app.sync import store

    return store.read_state(laptop.db.engine, store.USER_ID)


def new_id() -> str:
    return str(uuid.uuid4())


def install_memory_keyring() -> MemoryKeyring:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    return ring


def dispose(*engines: Engine) -> None:
    for e in engines:
        e.dispose()


def unused(_: Iterator[Any]) -> None:
    return None


_ = create_engine
