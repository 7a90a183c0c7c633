"""Opening the local database: refusals, damage handling, migration rollback, close."""

from __future__ import annotations

import datetime as dt
import logging
import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.db import database as database_module
from app.db import migrate
from app.db.backup import Retention, list_backups, quick_check
from app.db.database import (
    DamagedDatabaseError,
    Database,
    check_is_sqlite,
    open_database,
    restore_backup,
)
from app.domain.addresses import ListFilter
from app.domain.errors import DatabaseError
from app.models import Person
from app.services.addresses import AddressService
from tests.helpers.factories import make_person

PAGE = 16384  # app.db.engine sets it for new files


def _open(folder: Path) -> Database:
    return open_database(folder / "relata.db", backup_dir=folder / "backups")


def _populate(db: Database, n: int) -> list[str]:
    svc = AddressService(db.sessions)
    return [make_person(svc).id for _ in range(n)]


def _count(db: Database) -> int:
    return AddressService(db.sessions).count_persons(ListFilter())


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".open")


def _crash(db: Database) -> None:
    """Let go of the file without a clean close: the ``.open`` marker stays."""
    db.engine.dispose()
    assert _marker(db.path).exists()


def test_open_new_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "relata.db"
    db = open_database(path, backup_dir=tmp_path / "backups")
    try:
        assert path.is_file()
        assert _marker(path).is_file()
        assert migrate.is_up_to_date(migrate.current_heads(db.engine))
        with db.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert list_backups(tmp_path / "backups") == []  # nothing to back up yet
    finally:
        db.engine.dispose()


def test_reopen_keeps_data_and_makes_no_premigration_backup(tmp_path: Path) -> None:
    db = _open(tmp_path)
    ids = _populate(db, 3)
    db.close(backup=False)
    again = _open(tmp_path)
    try:
        assert _count(again) == 3
        assert AddressService(again.sessions).get_person(ids[0]).id == ids[0]
        assert list_backups(tmp_path / "backups") == []
    finally:
        again.engine.dispose()


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n" * 50, b"PK\x03\x04" + bytes(2000), b"SQLite"],
)
def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    before = _snapshot(path)
    with pytest.raises(DatabaseError) as info:
        open_database(path, backup_dir=tmp_path / "backups")
    assert info.value.code == "db.not_sqlite"
    assert info.value.value == str(path)
    assert _snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_check_is_sqlite_accepts_missing_and_empty(tmp_path: Path) -> None:
    check_is_sqlite(tmp_path / "missing.db")
    (tmp_path / "empty.db").touch()
    check_is_sqlite(tmp_path / "empty.db")


def _garble(path: Path, tables: tuple[str, ...]) -> None:
    """Overwrite the root pages of ``tables`` and the pages after them."""
    conn = sqlite3.connect(path)
    roots = [
        conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (t,)
        ).fetchone()[0]
        for t in tables
    ]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert page_size == PAGE
    rng = random.Random(7)
    with path.open("r+b") as fh:
        for root in roots:
            for page in (root, root + 1):
                fh.seek((page - 1) * page_size)
                fh.write(rng.randbytes(page_size))


def test_damaged_database_is_moved_aside_and_backups_listed(tmp_path: Path) -> None:
    db = _open(tmp_path)
    _populate(db, 40)
    assert db.close() == "ok"  # clean close: first backup
    db = _open(tmp_path)
    _populate(db, 5)
    _crash(db)
    path = db.path
    _garble(path, ("person", "channel"))
    damaged = path.read_bytes()

    with pytest.raises(DamagedDatabaseError) as info:
        _open(tmp_path)

    exc = info.value
    assert exc.code == "db.damaged"
    assert exc.info.path == str(path)
    assert exc.info.reason != "ok"
    moved = Path(exc.info.moved_to)
    assert moved.parent == path.parent
    assert moved.name.startswith("relata.db.damaged-")
    assert not path.exists()
    assert not _marker(path).exists()
    assert moved.read_bytes() == damaged  # kept as it was, for rescue
    backups = list_backups(tmp_path / "backups")
    assert len(backups) == 1
    assert exc.info.backups == (str(backups[0].path),)
    assert str(moved) in str(exc)

    restore_backup(Path(exc.info.backups[0]), path)
    restored = _open(tmp_path)
    try:
        assert _count(restored) == 40
    finally:
        restored.engine.dispose()


def test_damage_after_clean_close_is_found_when_schema_is_unreadable(
    tmp_path: Path,
) -> None:
    db = _open(tmp_path)
    db.close(backup=False)
    path = db.path
    with path.open("r+b") as fh:  # the schema page, after the 100-byte header
        fh.seek(100)
        fh.write(b"\xff" * (PAGE - 100))
    with pytest.raises(DamagedDatabaseError) as info:
        _open(tmp_path)
    assert "malformed" in info.value.info.reason
    assert Path(info.value.info.moved_to).exists()


def test_restore_backup_refuses_a_bad_backup(tmp_path: Path) -> None:
    bad = tmp_path / "relata-20260101-120000-exit.db"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(PAGE * 2))
    target = tmp_path / "relata.db"
    target.write_bytes(b"keep me")
    with pytest.raises(DatabaseError) as info:
        restore_backup(bad, target)
    assert info.value.code == "db.backup_bad"
    assert target.read_bytes() == b"keep me"


def test_restore_backup_replaces_the_file_and_drops_stale_wal(tmp_path: Path) -> None:
    db = _open(tmp_path)
    _populate(db, 2)
    db.close()
    backup = list_backups(tmp_path / "backups")[0].path
    db = _open(tmp_path)
    _populate(db, 3)
    db.close(backup=False)
    wal = db.path.with_name("relata.db-wal")
    wal.write_bytes(b"stale")
    restore_backup(backup, db.path)
    assert not wal.exists()
    assert not db.path.with_name("relata.db.restoring").exists()
    again = _open(tmp_path)
    try:
        assert _count(again) == 2
    finally:
        again.engine.dispose()


def _set_revision(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM alembic_version")  # one row per branch head
        conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    conn.close()


def test_too_new_database_is_left_untouched(tmp_path: Path) -> None:
    db = _open(tmp_path)
    _populate(db, 2)
    db.close(backup=False)
    _set_revision(db.path, "9999_from_the_future")
    before = _snapshot(db.path)
    with pytest.raises(DatabaseError) as info:
        _open(tmp_path)
    assert info.value.code == "db.too_new"
    assert info.value.value == "9999_from_the_future"
    assert _snapshot(db.path) == before
    assert not _marker(db.path).exists()
    assert list_backups(tmp_path / "backups") == []


def test_too_new_database_in_rollback_journal_mode_is_left_untouched(
    tmp_path: Path,
) -> None:
    """A newer version may use another journal mode; we must not switch it."""
    path = tmp_path / "relata.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"
        )
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
        conn.execute("CREATE TABLE person (id TEXT PRIMARY KEY)")
    conn.close()
    before = _snapshot(path)
    with pytest.raises(DatabaseError) as info:
        open_database(path, backup_dir=tmp_path / "backups")
    assert info.value.code == "db.too_new"
    assert _snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relata.db"]


def test_failed_migration_restores_the_premigration_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _open(tmp_path)
    _populate(db, 4)
    db.close(backup=False)
    real_heads = migrate.heads()

    def broken_upgrade(engine: object, target: str = "heads") -> None:
        # a migration step that commits damage, then fails
        with database_module.make_engine(db.path).begin() as conn:
            conn.execute(text("DELETE FROM channel"))
            conn.execute(text("UPDATE person SET last_name = 'BROKEN'"))
        raise RuntimeError("step 0002 failed")

    monkeypatch.setattr(migrate, "heads", lambda: {"0002_next"})
    monkeypatch.setattr(migrate, "known_revisions", lambda: {*real_heads, "0002_next"})
    monkeypatch.setattr(migrate, "upgrade", broken_upgrade)
    with pytest.raises(DatabaseError) as info:
        _open(tmp_path)
    assert info.value.code == "db.migration_failed"
    assert "step 0002 failed" in str(info.value)
    backups = list_backups(tmp_path / "backups")
    assert [b.reason for b in backups] == ["premigration"]
    monkeypatch.undo()

    again = _open(tmp_path)
    try:
        with again.sessions() as s:
            names = s.scalars(select(Person.last_name)).all()
        assert len(names) == 4
        assert "BROKEN" not in names
        assert _count(again) == 4
    finally:
        again.engine.dispose()


def test_close_makes_a_verified_backup_and_removes_the_marker(tmp_path: Path) -> None:
    db = _open(tmp_path)
    _populate(db, 3)
    assert _marker(db.path).exists()
    assert db.close() == "ok"
    assert not _marker(db.path).exists()
    backups = list_backups(tmp_path / "backups")
    assert [b.reason for b in backups] == ["exit"]
    copy = backups[0].path
    assert quick_check(copy) == "ok"
    # a backup is one self-contained file: nothing else lands in the folder
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [copy.name]
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 3
    finally:
        conn.close()


def test_closing_again_within_the_interval_makes_no_new_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
    db = _open(tmp_path)
    _populate(db, 2)
    assert db.close(now=start) == "ok"
    checks: list[Path] = []
    real_check = database_module.quick_check
    monkeypatch.setattr(
        database_module, "quick_check", lambda p: checks.append(p) or real_check(p)
    )
    again = _open(tmp_path)
    # 20 minutes later: the 30-minute-old rule says the backup is fresh enough
    assert again.close(now=start + dt.timedelta(minutes=20)) == "not checked"
    assert checks == []  # neither the 7 GB check nor the copy
    assert len(list_backups(tmp_path / "backups")) == 1
    assert not _marker(again.path).exists()
    third = _open(tmp_path)
    assert third.close(now=start + dt.timedelta(minutes=31)) == "ok"
    # a new backup; the day keeps its newest (thinning, 12 daily)
    newest = list_backups(tmp_path / "backups")[0]
    assert newest.taken_at == start + dt.timedelta(minutes=31)


def test_interval_zero_backs_up_on_every_close(tmp_path: Path) -> None:
    start = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
    for minute in (0, 1):
        db = _open(tmp_path)
        db.retention = Retention(interval_min=0)
        assert db.close(now=start + dt.timedelta(minutes=minute)) == "ok"
        newest = list_backups(tmp_path / "backups")[0]
        assert newest.taken_at == start + dt.timedelta(minutes=minute)


def test_close_skips_the_backup_when_the_check_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    db = _open(tmp_path)
    monkeypatch.setattr(database_module, "quick_check", lambda _p: "page 3: bad")
    with caplog.at_level(logging.WARNING, logger="app.db.database"):
        assert db.close() == "page 3: bad"
    assert list_backups(tmp_path / "backups") == []
    assert "page 3: bad" in caplog.text
    assert not _marker(db.path).exists()


def test_close_thins_old_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 20):  # 19 old daily backups in January 2020
        (folder / f"relata-202001{day:02d}-120000-exit.db").touch()
    db = _open(tmp_path)
    db.close()
    remaining = list_backups(folder)
    # daily: today's + 19 … 9 January; weekly: 8 … 6 January share the ISO week
    # of the 9th, 5 January (a Sunday) is the newest of week 1 and 4 … 1 January
    # are in that week too
    assert [b.taken_at.day for b in remaining[1:]] == [*range(19, 8, -1), 5]
    assert remaining[0].taken_at.year > 2020


def test_migration_that_loses_rows_is_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update that 'succeeds' but drops rows is caught by the row counts."""
    db = _open(tmp_path)
    _populate(db, 3)
    db.close(backup=False)
    real_heads = migrate.heads()

    def lossy_upgrade(engine: object, target: str = "heads") -> None:
        with database_module.make_engine(db.path).begin() as conn:
            conn.execute(text("DELETE FROM channel"))

    monkeypatch.setattr(migrate, "heads", lambda: {"0002_next"})
    monkeypatch.setattr(migrate, "known_revisions", lambda: {*real_heads, "0002_next"})
    monkeypatch.setattr(migrate, "upgrade", lossy_upgrade)
    with pytest.raises(DatabaseError) as info:
        _open(tmp_path)
    assert info.value.code == "db.migration_failed"
    assert "rows lost in migration: channel 0 of 3 rows" in str(info.value)
    monkeypatch.undo()
    again = _open(tmp_path)
    try:
        assert database_module.row_counts(again.engine)["channel"] == 3
    finally:
        again.engine.dispose()
