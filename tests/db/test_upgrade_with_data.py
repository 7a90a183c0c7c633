"""An update keeps every row: a database at the first schema, with data in every
table, is migrated to the newest schema and checked row by row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    inspect,
    text,
)

from app.db import migrate
from app.db.backup import list_backups
from app.db.database import open_database, row_counts
from app.db.engine import make_engine
from app.models import Base

FIRST = "0001"


def _value(column: Any, table: str, n: int) -> Any:
    kind = column.type
    if isinstance(kind, JSON):
        return json.dumps({})
    if isinstance(kind, Boolean):
        return n % 2
    if isinstance(kind, DateTime):
        return f"2026-01-0{n + 1} 12:00:00"
    if isinstance(kind, Date):
        return f"2026-02-0{n + 1}"
    if isinstance(kind, Integer | BigInteger | Numeric):
        return n
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None) or 40
        return f"{table[:3]}{n}"[:length]
    return f"{n}"


def _fill(path: Path) -> dict[str, list[str]]:
    """Two rows in every table of the first schema, foreign keys pointing at rows."""
    engine = make_engine(path)
    migrate.upgrade(engine, FIRST)
    present = set(inspect(engine).get_table_names())
    ids: dict[str, list[str]] = {}
    tables: list[Table] = [t for t in Base.metadata.sorted_tables if t.name in present]
    db_columns = {
        t.name: {c["name"] for c in inspect(engine).get_columns(t.name)} for t in tables
    }
    with engine.begin() as conn:
        for table in tables:
            ids[table.name] = []
            for n in range(2):
                row: dict[str, Any] = {}
                for column in table.columns:
                    if column.name not in db_columns[table.name]:
                        continue  # added by a later migration
                    fks = list(column.foreign_keys)
                    if column.primary_key:
                        row[column.name] = f"{table.name}-{n}"
                    elif fks:
                        parents = ids.get(fks[0].column.table.name) or [None]
                        row[column.name] = parents[n % len(parents)]
                    elif column.nullable and column.name.endswith(
                        ("_id", "_rev", "_at", "_into")
                    ):
                        row[column.name] = None
                    else:
                        row[column.name] = _value(column, table.name, n)
                names = ", ".join(f'"{k}"' for k in row)
                marks = ", ".join(f":{k}" for k in row)
                conn.execute(
                    text(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'), row
                )
                ids[table.name].append(
                    row[next(c.name for c in table.primary_key.columns)]
                )
    engine.dispose()
    return ids


def _dump(path: Path, tables: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    engine = make_engine(path)
    with engine.connect() as conn:
        out = {
            t: sorted(
                tuple(r) for r in conn.execute(text(f'SELECT * FROM "{t}"')).all()
            )
            for t in tables
        }
    engine.dispose()
    return out


def test_first_schema_with_data_in_every_table_upgrades_without_loss(
    tmp_path: Path,
) -> None:
    path = tmp_path / "relata.db"
    ids = _fill(path)
    assert len(ids) >= 8
    assert all(len(v) == 2 for v in ids.values())
    before = _dump(path, list(ids))
    database = open_database(
        path, backup_dir=tmp_path / "backups"
    )  # backs up, migrates, verifies
    try:
        assert migrate.is_up_to_date(migrate.current_heads(database.engine))
        counts = row_counts(database.engine)
        assert all(counts[t] == 2 for t in ids)
    finally:
        database.engine.dispose()
    after = _dump(path, list(ids))
    for table, rows in before.items():
        # columns added by later migrations come after the old ones
        assert [r[: len(rows[0])] for r in after[table]] == rows, table
    assert [b.reason for b in list_backups(tmp_path / "backups")] == ["premigration"]
