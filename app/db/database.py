"""Opening the local database safely: checks, backup before migration, clean close.

Start-up order: refuse what is not SQLite; if the last session did not close
cleanly, ``quick_check`` the file and move a damaged one aside; refuse a
database written by a newer version; back up, migrate and verify; on a failed
migration restore the backup. On a clean close: ``quick_check`` then backup,
skipped with a warning if the check fails (Anki does the same).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from app.db import migrate
from app.db.backup import Retention, backup_database, list_backups, quick_check
from app.db.backup import thin_backups as _thin
from app.db.engine import make_engine, make_sessionmaker
from app.domain.errors import DamagedDatabase, DatabaseError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


class DamagedDatabaseError(DatabaseError):
    """The database failed its check and was moved aside."""

    def __init__(self, info: DamagedDatabase) -> None:
        super().__init__(
            "db.damaged",
            f"The database {info.path} is damaged ({info.reason}). It was moved "
            f"to {info.moved_to}.",
            value=info.path,
        )
        self.info = info


@dataclass
class Database:
    """An open local database: engine, session factory and where it lives."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_dir: Path
    retention: Retention = field(default_factory=Retention)

    def close(self, *, backup: bool = True, now: dt.datetime | None = None) -> str:
        """Check, back up and release the database.

        The check and the backup run when a backup is due (none younger than
        the retention's interval); returns the check result, or
        ``"not checked"`` when no backup was due.
        """
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()
        result = "not checked"
        if backup and self.backup_due(now):
            result = quick_check(self.path)
            if result != "ok":
                log.warning("quick_check failed on close, no backup: %s", result)
            else:
                backup_database(self.path, self.backup_dir, reason="exit", now=now)
                _thin(self.backup_dir, self.retention)
        _marker(self.path).unlink(missing_ok=True)
        return result

    def backup_due(self, now: dt.datetime | None = None) -> bool:
        """Whether the newest backup is older than the retention's interval."""
        backups = list_backups(self.backup_dir)
        if not backups:
            return True
        now = now or dt.datetime.now(dt.UTC)
        age = now - backups[0].taken_at
        return age >= dt.timedelta(minutes=self.retention.interval_min)


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".open")


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm")]


def check_is_sqlite(path: Path) -> None:
    """Raise :class:`DatabaseError` unless ``path`` is empty/missing or SQLite."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseError(
            "db.not_sqlite",
            f"{path} is not a Relata database (not an SQLite file).",
            value=str(path),
        )


def move_aside(path: Path, reason: str, backup_dir: Path) -> DamagedDatabase:
    """Rename a damaged database (and its WAL) so nothing overwrites it."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    moved = path.with_name(f"{path.name}.damaged-{stamp}")
    os.replace(path, moved)
    for side in _sidecars(path):
        if side.exists():
            os.replace(side, moved.with_name(moved.name + side.name[len(path.name) :]))
    _marker(path).unlink(missing_ok=True)
    backups = tuple(str(b.path) for b in list_backups(backup_dir))
    return DamagedDatabase(str(path), str(moved), reason, backups)


def restore_backup(backup: Path, target: Path) -> None:
    """Put a verified copy of ``backup`` at ``target`` (which must not be open)."""
    result = quick_check(backup)
    if result != "ok":
        raise DatabaseError(
            "db.backup_bad",
            f"The backup {backup} is damaged: {result}",
            value=str(backup),
        )
    tmp = target.with_name(target.name + ".restoring")
    shutil.copyfile(backup, tmp)
    for side in _sidecars(target):
        side.unlink(missing_ok=True)
    os.replace(tmp, target)


def _ensure_readable(path: Path, backup_dir: Path) -> None:
    unclean = _marker(path).exists()
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = (
                conn.execute("PRAGMA quick_check").fetchone()[0] if unclean else "ok"
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        raise DamagedDatabaseError(move_aside(path, result, backup_dir))


def open_database(
    path: Path,
    *,
    backup_dir: Path,
    retention: Retention | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises:
        DatabaseError: not SQLite (``db.not_sqlite``), made by a newer version
            (``db.too_new``), or migration failed and was rolled back
            (``db.migration_failed``).
        DamagedDatabaseError: the file was damaged and has been moved aside;
            ``info.backups`` lists what can be restored.
    """
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    check_is_sqlite(path)
    _ensure_readable(path, backup_dir)
    _refuse_unknown_revision(path)
    engine = make_engine(path)
    try:
        _migrate(engine, path, backup_dir)
    except BaseException:
        engine.dispose()
        raise
    _marker(path).touch()
    return Database(
        path, engine, make_sessionmaker(engine), backup_dir, retention or Retention()
    )


def _stored_revisions(path: Path) -> list[str]:
    """The schema revision in ``path``, read with plain sqlite3.

    The engine's connect hook switches the file to WAL, which is a write; a
    database from a newer version must be refused before that happens.
    """
    if not path.exists():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    try:
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' "
            "AND name = 'alembic_version'"
        ).fetchone():
            return []
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        return [str(r[0]) for r in rows]
    finally:
        conn.close()


def _refuse_unknown_revision(path: Path) -> None:
    unknown = sorted(set(_stored_revisions(path)) - migrate.known_revisions())
    if unknown:
        current = ", ".join(unknown)
        raise DatabaseError(
            "db.too_new",
            f"{path} was written by a newer version of Relata (schema {current}). "
            "Install the newer version; this one will not touch the file.",
            value=current,
        )


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table (FTS shadow tables and alembic's own left out).

    Compared before and after a migration: an update may add rows, never
    lose them.
    """
    with engine.connect() as conn:
        names = (
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' "
                "AND name != 'alembic_version'"
            )
            .scalars()
            .all()
        )
        return {
            name: int(
                conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar_one()
            )
            for name in names
        }


def _migrate(engine: Engine, path: Path, backup_dir: Path) -> None:
    current = migrate.current_heads(engine)
    if migrate.is_up_to_date(current):
        return
    backup: Path | None = None
    before: dict[str, int] = {}
    if current:
        backup = backup_database(path, backup_dir, reason="premigration")
        before = row_counts(engine)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            result = conn.execute(text("PRAGMA quick_check")).scalar_one()
        if result != "ok":
            raise sqlite3.DatabaseError(f"quick_check after migration: {result}")
        after = row_counts(engine)
        lost = {
            t: (n, after.get(t, 0)) for t, n in before.items() if after.get(t, 0) < n
        }
        if lost:
            detail = ", ".join(
                f"{t} {a} of {b} rows" for t, (b, a) in sorted(lost.items())
            )
            raise sqlite3.DatabaseError(f"rows lost in migration: {detail}")
    except Exception as exc:
        engine.dispose()
        if backup is not None:
            restore_backup(backup, path)
        raise DatabaseError(
            "db.migration_failed",
            f"Updating the database failed and it was restored from {backup}: {exc}",
            value=str(path),
        ) from exc
