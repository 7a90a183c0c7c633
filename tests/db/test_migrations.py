"""Alembic migrations: up from empty and populated, down to base, schema = ORM."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from app.db import journal_schema, migrate, search_schema
from app.db.address_queries import Sort
from app.db.database import Database, open_database
from app.db.engine import make_engine
from app.domain.addresses import ListFilter
from app.models import Base
from app.services.addresses import AddressService
from tests.helpers.factories import make_organisation, make_person


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(tmp_path / "migrations.db")
    yield eng
    eng.dispose()


def _schema(engine: Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
            )
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def _names(engine: Engine, kind: str) -> set[str]:
    return {name for k, name, _ in _schema(engine) if k == kind}


def _chain() -> list[str]:
    """Revisions from the first to head."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _include_name(name: str | None, type_: str, _parents: Any) -> bool:
    return not (type_ == "table" and name is not None and "_fts" in name)


def _schema_diff(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": _include_name, "compare_type": True}
        )
        return list(compare_metadata(context, Base.metadata))


def test_upgrade_from_empty(engine: Engine) -> None:
    assert migrate.current_heads(engine) == set()
    migrate.upgrade(engine)
    assert migrate.is_up_to_date(migrate.current_heads(engine))
    assert set(Base.metadata.tables) <= _names(engine, "table")
    assert {"person_fts", "organisation_fts"} <= _names(engine, "table")
    assert _names(engine, "trigger") == set(search_schema.trigger_names()) | set(
        journal_schema.trigger_names()
    )


def test_migrated_schema_matches_the_orm(engine: Engine) -> None:
    migrate.upgrade(engine)
    assert _schema_diff(engine) == []


def test_schema_comparison_sees_differences(engine: Engine) -> None:
    """The comparison above is not vacuous: a stray column and index show up."""
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE person ADD COLUMN nickname VARCHAR(40)"))
        conn.execute(text("DROP INDEX ix_person_email"))
    diff = _schema_diff(engine)
    kinds = sorted(d[0] if isinstance(d, tuple) else d[0][0] for d in diff)
    assert kinds == ["add_index", "remove_column"]


def test_each_revision_upgrades_and_downgrades(engine: Engine) -> None:
    chain = _chain()
    assert set(chain) >= migrate.heads()
    for revision in chain:
        migrate.upgrade(engine, revision)
        assert revision in migrate.current_heads(engine)
    assert migrate.is_up_to_date(migrate.current_heads(engine))
    migrate.downgrade(engine, "base")
    assert migrate.current_heads(engine) == set()
    assert _names(engine, "table") == {"alembic_version"}
    assert _names(engine, "trigger") == set()
    assert _names(engine, "index") == set()


def test_down_and_up_again_gives_the_same_schema(engine: Engine) -> None:
    migrate.upgrade(engine)
    first = _schema(engine)
    migrate.downgrade(engine, "base")
    migrate.upgrade(engine)
    assert _schema(engine) == first


def test_upgrade_keeps_data_of_a_populated_database(tmp_path: Path) -> None:
    """Data written at every revision survives the upgrade to head."""
    chain = _chain()
    for start in chain:
        path = tmp_path / f"at-{start}.db"
        engine = make_engine(path)
        try:
            migrate.upgrade(engine, start)
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO organisation (id, name, legal_form, customer_number, "
                        "uid, status, notes, email, phone, postcode, city, rev, field_revs, "
                        "created_at, updated_at) VALUES ('o1', 'Alpha AG', '', 'K-1', '', "
                        "'customer', '', '', '', '', '', 0, '{}', '2026-01-01 00:00:00', "
                        "'2026-01-01 00:00:00')"
                    )
                )
            migrate.upgrade(engine)
            assert migrate.is_up_to_date(migrate.current_heads(engine))
            with engine.connect() as conn:
                assert conn.execute(
                    text("SELECT name, customer_number FROM organisation")
                ).all() == [("Alpha AG", "K-1")]
                found = conn.execute(
                    text(
                        "SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH 'alpha'"
                    )
                ).all()
                assert len(found) == 1
        finally:
            engine.dispose()


def test_reopening_a_populated_database_at_head(db: Database, tmp_path: Path) -> None:
    svc = AddressService(db.sessions)
    org = make_organisation(svc, name="Alpha AG")
    make_person(svc, organisation=org, last_name="Keller")
    db.close(backup=False)
    again = open_database(db.path, backup_dir=db.backup_dir)
    try:
        svc = AddressService(again.sessions)
        rows = svc.person_page(
            ListFilter(search="keller"), Sort("name"), offset=0, limit=5, total=1
        )
        assert [(r.last_name, r.organisation) for r in rows.rows] == [
            ("Keller", "Alpha AG")
        ]
    finally:
        again.engine.dispose()
