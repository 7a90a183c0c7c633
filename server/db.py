"""Server database: engine for SQLite (embedded default) or PostgreSQL, migrations.

Schema = two Alembic chains on one connection:

1. the desktop client's chain (``app/db/migrations``, table ``alembic_version``)
   creates every synced table exactly as laptops have it. Tables other
   capabilities add arrive with their own client migration, so the server
   never lags behind or drifts from the client schema. SQLite-only objects
   (FTS5, triggers) are skipped on PostgreSQL by those migrations.
2. the server's chain (``server/migrations``, table ``server_alembic_version``)
   adds the server-only tables of :mod:`server.models`.

Transactions: SQLite runs WAL with ``synchronous=FULL`` and write transactions
``BEGIN IMMEDIATE`` (one writer, waits instead of failing); PostgreSQL uses
READ COMMITTED for pushes (the counter row lock serialises them) and
REPEATABLE READ for pull pages (one snapshot per page).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text

from app.db import migrate as client_migrate
from app.sync.protocol.tables import dumps
from server.writer import adopt_seeded

MIGRATIONS = Path(__file__).with_name("migrations")
SERVER_VERSION_TABLE = "server_alembic_version"

_SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",
    "PRAGMA cache_size=-65536",
    # checkpoints run after a write transaction, outside the push queue
    # (see write_transaction), not inside the commit of whichever push
    # crossed 1,000 pages: that stalled every batch waiting behind it
    "PRAGMA wal_autocheckpoint=0",
)
#: Write transactions between WAL checkpoints (a 500-change push ≈ 120 pages).
CHECKPOINT_EVERY = 4


def is_sqlite(engine: Engine | Connection) -> bool:
    """Whether the server runs on SQLite."""
    return engine.dialect.name == "sqlite"


def _json_text(value: Any) -> str:
    """JSON columns (field revs, audit details) through orjson: 5-7x faster."""
    return dumps(value).decode("utf-8")


def make_server_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine on ``url`` (``sqlite:///path`` or ``postgresql+psycopg://…``)."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            echo=echo,
            json_serializer=_json_text,
            json_deserializer=orjson.loads,
            connect_args={"check_same_thread": False, "timeout": 30.0},
            pool_size=8,
            max_overflow=16,
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            for pragma in _SQLITE_PRAGMAS:
                cursor.execute(pragma)
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(
        url,
        echo=echo,
        json_serializer=_json_text,
        json_deserializer=orjson.loads,
        isolation_level="READ COMMITTED",
        pool_size=10,
        max_overflow=20,
        pool_pre_ping=True,
    )


@contextmanager
def write_transaction(
    engine: Engine, *, turn: AbstractContextManager[Any] | None = None
) -> Iterator[Connection]:
    """A connection in a write transaction (committed on success).

    ``turn``: entered before the transaction begins and left after it commits
    (the push queue). On SQLite, every few write transactions a WAL
    checkpoint follows, after ``turn`` is left: it copies pages into the
    database file while the next writer already works.
    """
    with engine.connect() as conn:
        conn = conn.execution_options(write=True)
        with turn if turn is not None else nullcontext(), conn.begin():
            yield conn
        if is_sqlite(conn):
            _checkpoint_if_due(conn)


@dataclass
class _Wal:
    """Checkpoint bookkeeping of one SQLite database file in this process."""

    commits: int = 0
    guard: threading.Lock = field(default_factory=threading.Lock)
    running: threading.Lock = field(default_factory=threading.Lock)


_WAL: dict[str, _Wal] = {}
_WAL_GUARD = threading.Lock()


def _checkpoint_if_due(conn: Connection) -> None:
    """A passive WAL checkpoint every :data:`CHECKPOINT_EVERY` write transactions.

    Passive: it never waits for or blocks readers and writers; frames it
    cannot copy yet are copied by the next one. One checkpoint at a time per
    file; the last connection closing checkpoints the rest (SQLite).
    """
    with _WAL_GUARD:
        wal = _WAL.setdefault(str(conn.engine.url.database), _Wal())
    with wal.guard:
        wal.commits += 1
        if wal.commits < CHECKPOINT_EVERY or not wal.running.acquire(blocking=False):
            return
        wal.commits = 0
    try:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    finally:
        wal.running.release()


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a read-only snapshot transaction."""
    with engine.connect() as conn:
        if not is_sqlite(conn):
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def server_alembic_config() -> Config:
    """Alembic configuration of the server-only chain."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the server schema up to date: client chain, then server chain."""
    with engine.begin() as conn:
        client_cfg = client_migrate.alembic_config()
        client_cfg.attributes["connection"] = conn
        command.upgrade(client_cfg, "heads")
        server_cfg = server_alembic_config()
        server_cfg.attributes["connection"] = conn
        command.upgrade(server_cfg, "heads")
        drop_search_indexes(conn)
        adopt_seeded(conn)


def drop_search_indexes(conn: Connection) -> list[str]:
    """Remove the client's full-text search indexes from a SQLite server database.

    The client's migrations create FTS5 tables kept by triggers (laptops search
    their lists). The server never searches, and on PostgreSQL the migrations
    skip them anyway; on SQLite the triggers cost ≈ 45 µs per created or renamed
    person or organisation, 40% of applying a push. They are dropped after every
    upgrade (a later client migration that re-creates them is undone here).
    Other triggers (summary columns) stay. Returns the dropped objects.
    """
    if not is_sqlite(conn):
        return []
    fts = [
        str(r[0])
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
        )
    ]
    dropped: list[str] = []
    for name, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    ).all():
        if _only_feeds(str(sql), fts):
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
            dropped.append(str(name))
    for name in fts:
        conn.exec_driver_sql(f'DROP TABLE "{name}"')
        dropped.append(name)
    return dropped


def needs_upgrade(engine: Engine) -> bool:
    """Whether either chain is behind (``serve`` refuses to start on a stale schema)."""
    with engine.connect() as conn:
        client = set(MigrationContext.configure(conn).get_current_heads())
        server = set(
            MigrationContext.configure(
                conn, opts={"version_table": SERVER_VERSION_TABLE}
            ).get_current_heads()
        )
    wanted = set(ScriptDirectory.from_config(server_alembic_config()).get_heads())
    return not client_migrate.is_up_to_date(client) or server != wanted


def _only_feeds(trigger_sql: str, fts: list[str]) -> bool:
    """Whether every statement of a trigger writes to one of the ``fts`` tables."""
    _head, begin, body = trigger_sql.partition(" BEGIN ")
    if not begin:
        return False
    statements = [s.strip() for s in body.rsplit("END", 1)[0].split(";")]
    statements = [s for s in statements if s]
    return bool(statements) and all(
        any(s.startswith(f"INSERT INTO {t}(") for t in fts) for s in statements
    )


def check_connection(engine: Engine) -> None:
    """Raise if the database cannot be reached (``/health``)."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
