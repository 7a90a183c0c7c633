"""Alembic environment of the server-only tables (version table ``server_alembic_version``).

Runs on a connection handed in by :func:`server.db.upgrade`; the synced tables
come from the client's own migration chain, run first on the same connection.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from server.models import ServerBase

VERSION_TABLE = "server_alembic_version"
config = context.config
target_metadata = ServerBase.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
        compare_type=True,
        include_name=lambda name, type_, _parents: (
            type_ != "table" or name in target_metadata.tables
        ),
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if isinstance(connection, Connection):
    _run(connection)
else:  # `alembic` command line (developers: autogenerate)
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///server-dev.db"
    with create_engine(url).begin() as conn:
        _run(conn)
