"""Connection pragmas and transactions of the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import exc, text

from app.db.database import Database
from app.db.engine import make_engine
from app.models import Employment


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [
        ("journal_mode", "wal"),
        ("synchronous", 2),  # FULL
        ("foreign_keys", 1),
        ("secure_delete", 1),
        ("busy_timeout", 5000),
        ("temp_store", 2),  # MEMORY
    ],
)
def test_pragmas_on_every_connection(
    db: Database, pragma: str, expected: object
) -> None:
    # two connections at once: the pool hands out distinct DBAPI connections
    with db.engine.connect() as first, db.engine.connect() as second:
        for conn in (first, second):
            assert conn.execute(text(f"PRAGMA {pragma}")).scalar_one() == expected


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(exc.IntegrityError), db.sessions.begin() as s:
        s.add(Employment(person_id="nobody", organisation_id="nothing"))


def test_transactions_roll_back_ddl_and_dml(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "t.db")
    try:
        conn = engine.connect()
        trans = conn.begin()
        conn.execute(text("CREATE TABLE t (x)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
        trans.rollback()
        conn.close()
        with engine.connect() as conn:
            assert (
                conn.execute(
                    text("SELECT count(*) FROM sqlite_master WHERE name = 't'")
                ).scalar_one()
                == 0
            )
    finally:
        engine.dispose()
