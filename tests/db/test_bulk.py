"""insert_rows stores exactly what a Core insert stores, defaults included."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pytest
from sqlalchemy import Table, insert, select, text

from app.db.bulk import insert_rows
from app.db.database import Database
from app.domain.custom_fields import CustomFieldDefData, FieldType, RecordKind
from app.models.quality import CustomFieldValue
from app.models.tags import EntityTag, Tag
from app.services.custom_fields import CustomFieldService

NOW = dt.datetime(2026, 11, 27, 9, 30, 15, 123456, tzinfo=dt.UTC)


def _targets(db: Database) -> None:
    """The field definition and the tag the test rows refer to."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO tag (id, name, color, rev, field_revs, created_at, updated_at) "
            "VALUES ('t0', 'Messe', '#000000', 0, '{}', '2026-01-01', '2026-01-01')"
        )
    CustomFieldService(db.sessions).create(
        CustomFieldDefData(RecordKind.PERSON, "Kategorie", FieldType.TEXT)
    )
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE custom_field_def SET id = 'd1'")


def _rows(table: Table, db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(text(f'SELECT * FROM "{table.name}" ORDER BY id'))
        ]


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (
            Tag,
            lambda i: {
                "id": f"t{i + 1}",
                "name": f"Tag {i}",
                "color": "#1f6feb",
                "field_revs": {"name": i},
                "created_at": NOW,
                "updated_at": NOW,
                "owner_id": None if i % 2 else "u1",
            },
        ),
        (
            CustomFieldValue,
            lambda i: {
                "id": f"v{i}",
                "entity_kind": "person",
                "entity_id": f"p{i}",
                "def_id": "d1",
                "value": "1" if i % 2 else "0",
                "value_num": i if i % 2 else None,
                "rev": 0,
                "field_revs": {},
                "created_at": NOW,
                "updated_at": NOW,
                "owner_id": "u1",
            },
        ),
        (
            EntityTag,
            lambda i: {
                "id": f"l{i}",
                "entity_kind": "organisation",
                "entity_id": f"o{i}",
                "tag_id": "t0",
                "created_at": NOW,
                "updated_at": NOW,
                "owner_id": None,
            },
        ),
    ],
)
def test_insert_rows_stores_what_core_stores(
    db: Database, tmp_path: Any, model: Any, make: Any
) -> None:
    from app.db.database import open_database

    other = open_database(tmp_path / "core.db", backup_dir=tmp_path / "b")
    table = cast(Table, model.__table__)
    rows = [make(i) for i in range(5)]
    try:
        for database in (db, other):  # what the rows point at
            _targets(database)
        with db.engine.begin() as conn:
            insert_rows(conn, table, rows)
        with other.engine.begin() as conn:
            conn.execute(insert(table), rows)
        ours, core = _rows(table, db), _rows(table, other)
        assert len(ours) >= 5
        assert ours == core
        with db.sessions() as s:  # and it reads back as the ORM expects
            first = s.scalars(select(model).where(model.id == rows[0]["id"])).first()
            assert first is not None
            assert first.created_at == NOW
    finally:
        other.engine.dispose()


def test_insert_rows_refuses_unknown_columns(db: Database) -> None:
    with db.engine.begin() as conn, pytest.raises(KeyError, match="colour"):
        insert_rows(conn, cast(Table, Tag.__table__), [{"id": "x", "colour": "red"}])
    with db.engine.begin() as conn:
        insert_rows(conn, cast(Table, Tag.__table__), [])  # nothing to do
