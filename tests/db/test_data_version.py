"""DataVersion: a commit by any connection, in this process or another, shows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from app.db.data_version import DataVersion
from app.db.database import Database
from app.db.engine import make_engine


def test_commits_of_every_other_connection_change_it(db: Database) -> None:
    version = DataVersion(db.engine)
    first = version.current()
    assert first is not None
    assert version.current() == first  # nothing committed
    with db.engine.begin() as conn:  # a pooled connection of this process
        conn.execute(text("CREATE TABLE probe (x INTEGER)"))
    second = version.current()
    assert second is not None
    assert second != first
    with db.engine.connect() as conn:  # reading commits nothing
        conn.execute(text("SELECT count(*) FROM probe")).scalar_one()
    assert version.current() == second
    path = db.engine.url.database
    assert path is not None
    other = sqlite3.connect(path)  # another program
    other.execute("INSERT INTO probe VALUES (1)")
    other.commit()
    other.close()
    assert version.current() != second


def test_disposing_the_engine_closes_it_and_memory_is_not_watched(
    tmp_path: Path,
) -> None:
    engine = make_engine(tmp_path / "v.db")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    version = DataVersion(engine)
    assert version.current() is not None
    engine.dispose()
    assert version._conn is None  # closed with the engine's connections
    assert version.current() is not None  # and reopened when asked
    version.close()
    memory = make_engine(":memory:")
    assert DataVersion(memory).current() is None
    assert DataVersion(None).current() is None
    memory.dispose()
