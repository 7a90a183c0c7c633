"""Backups of the local database with the SQLite online-backup API, thinned like Anki's.

A backup is written to a temporary name, opened and ``quick_check``-ed, and
only then renamed into place, so a bad copy never replaces a good one. Thinning
keeps the newest backup of each of the last 12 days that have one, then of the
10 weeks before, then of the 9 months before those.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

_NAME = re.compile(r"^relata-(\d{8}-\d{6})-(\w+)\.db$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Retention:
    """How many daily, weekly and monthly backups to keep, and how often to make one.

    ``interval_min``: closing Relata makes a backup only when the newest is
    older (Anki's 30 minutes). A backup of a 7 GB database and its two
    checks take a minute; closing and reopening the app should not.
    """

    daily: int = 12
    weekly: int = 10
    monthly: int = 9
    interval_min: int = 30


@dataclass(frozen=True)
class BackupFile:
    """A backup on disk."""

    path: Path
    taken_at: dt.datetime
    reason: str


def quick_check(path: Path) -> str:
    """``ok`` or the first problem ``PRAGMA quick_check`` reports for ``path``."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
        return str(row[0]) if row else "no answer"
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in ``folder``, newest first."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            taken = dt.datetime.strptime(match[1], _STAMP).replace(tzinfo=dt.UTC)
            found.append(BackupFile(entry, taken, match[2]))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def backup_database(
    source: Path,
    folder: Path,
    *,
    reason: str = "auto",
    now: dt.datetime | None = None,
) -> Path:
    """Copy ``source`` into ``folder`` with the backup API and verify the copy.

    Raises:
        sqlite3.DatabaseError: the source cannot be read or the copy is bad.
    """
    folder.mkdir(parents=True, exist_ok=True)
    now = now or dt.datetime.now(dt.UTC)
    target = folder / f"relata-{now.strftime(_STAMP)}-{reason}.db"
    tmp = target.with_suffix(".db.tmp")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
        # The copy inherits WAL mode; a backup must be one self-contained file
        # (checking or opening a WAL copy leaves -wal/-shm files beside it).
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    result = quick_check(tmp)
    if result != "ok":
        tmp.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"backup copy failed its check: {result}")
    os.replace(tmp, target)
    return target


def backups_to_delete(
    backups: list[BackupFile], retention: Retention
) -> list[BackupFile]:
    """Which backups thinning removes (pure, for tests).

    Walks from newest to oldest through three stages in turn: while daily slots
    remain, a backup is kept if its day differs from the last kept backup's
    day; then weekly slots are filled the same way by ISO week, then monthly
    slots by month. The kept set is the newest backup of each of the 12 newest
    days, of the 10 weeks before those, and of the 9 months before those.

    Unlike Anki's filter, a later stage never takes a backup while an earlier
    stage still has slots: there, every month boundary crossed during the
    weekly stage used up a monthly slot, so history reached months less far
    back than the retention promises.
    """
    stages = [
        ("daily", retention.daily),
        ("weekly", retention.weekly),
        ("monthly", retention.monthly),
    ]
    slots = dict(stages)
    last: dict[str, object] = {}
    doomed: list[BackupFile] = []
    for backup in sorted(backups, key=lambda b: b.taken_at, reverse=True):
        day = backup.taken_at.date()
        keys: dict[str, object] = {
            "daily": day,
            "weekly": day.isocalendar()[:2],
            "monthly": (day.year, day.month),
        }
        stage = next((name for name, _ in stages if slots[name] > 0), None)
        if stage is not None and last.get(stage) != keys[stage]:
            slots[stage] -= 1
            last.update(keys)
        else:
            doomed.append(backup)
    return doomed


def thin_backups(folder: Path, retention: Retention) -> list[Path]:
    """Delete backups beyond the retention; returns the deleted paths."""
    doomed = backups_to_delete(list_backups(folder), retention)
    for backup in doomed:
        backup.path.unlink(missing_ok=True)
    return [b.path for b in doomed]
