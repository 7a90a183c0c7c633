"""Schema migrations with alembic, run programmatically on an open engine."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """Alembic configuration pointing at the bundled migration scripts."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def _script() -> ScriptDirectory:
    """The bundled migration scripts, read once per process (start-up asks
    several questions of them: known revisions, heads, what is applied)."""
    return ScriptDirectory.from_config(alembic_config())


def heads() -> set[str]:
    """The newest revisions this version of the app knows.

    Capabilities add their tables in migrations of their own branch off the
    initial schema while they are developed side by side; upgrading goes to
    every head, so the set may hold more than one until a merge revision joins
    them.
    """
    return set(_script().get_heads())


def is_up_to_date(current: set[str]) -> bool:
    """Whether a database at ``current`` has every migration applied.

    Alembic records the heads a database stands at with dependencies folded in
    (a branch that ``depends_on`` another leaves only its own revision in
    ``alembic_version``), so the recorded set may be smaller than :func:`heads`
    while nothing is missing.
    """
    if not current:
        return False
    if not current <= known_revisions():
        return False
    applied = {
        rev.revision for rev in _script().iterate_revisions(tuple(current), "base")
    }
    return heads() <= applied


def head_revision() -> str:
    """The single newest revision (raises while branches are unmerged)."""
    head = _script().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision this version of the app knows."""
    return {rev.revision for rev in _script().walk_revisions()}


def current_heads(engine: Engine) -> set[str]:
    """The revisions the database is at (empty for an empty database)."""
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "heads") -> None:
    """Migrate the database to ``target`` in one transaction."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def downgrade(engine: Engine, target: str) -> None:
    """Migrate the database down to ``target`` (tests and developers)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
