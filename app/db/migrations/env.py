"""Alembic environment: runs on a connection handed in by :mod:`app.db.migrate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from app.models import Base

config = context.config
target_metadata = Base.metadata


def _include_name(name: str | None, type_: str, _parents: object) -> bool:
    # FTS5 shadow tables are derived objects managed by app.db.search_schema.
    return not (type_ == "table" and name is not None and "_fts" in name)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if isinstance(connection, Connection):
    _run(connection)
else:  # `alembic` command line (developers: autogenerate)
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev.db"
    with create_engine(url).begin() as conn:
        _run(conn)
