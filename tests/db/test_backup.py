"""Backups: verified copies, listing, and Anki-style thinning."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app.db.backup import (
    BackupFile,
    Retention,
    backup_database,
    backups_to_delete,
    list_backups,
    quick_check,
    thin_backups,
)

NOW = dt.datetime(2026, 11, 27, 18, 0, tzinfo=dt.UTC)


def _daily(days: int, *, per_day: int = 1) -> list[BackupFile]:
    out = []
    for back in range(days):
        for i in range(per_day):
            taken = NOW - dt.timedelta(days=back, hours=3 * i)
            out.append(BackupFile(Path(f"b{back}-{i}"), taken, "exit"))
    return out


def _period(b: BackupFile, period: str) -> tuple[int, ...]:
    day = b.taken_at.date()
    if period == "week":
        return tuple(day.isocalendar()[:2])
    return (day.year, day.month)


def _newest_per(
    backups: list[BackupFile], period: str, *, older_than: tuple[int, ...], count: int
) -> list[BackupFile]:
    """The newest backup of each of ``count`` periods before ``older_than``."""
    chosen: list[BackupFile] = []
    seen: set[tuple[int, ...]] = set()
    for b in sorted(backups, key=lambda b: b.taken_at, reverse=True):
        key = _period(b, period)
        if key < older_than and key not in seen and len(chosen) < count:
            seen.add(key)
            chosen.append(b)
    return chosen


def test_thinning_two_years_of_daily_backups() -> None:
    backups = _daily(2 * 365)
    doomed = backups_to_delete(backups, Retention())
    kept = [b for b in backups if b not in doomed]
    assert len(kept) == 12 + 10 + 9
    assert len(doomed) == len(backups) - len(kept)

    kept.sort(key=lambda b: b.taken_at, reverse=True)
    daily, weekly, monthly = kept[:12], kept[12:22], kept[22:]
    # daily: the 12 newest days
    assert daily == backups[:12]
    # weekly: newest backup of each of the 10 ISO weeks before the oldest daily's
    oldest_daily_week = _period(daily[-1], "week")
    assert weekly == _newest_per(
        backups, "week", older_than=oldest_daily_week, count=10
    )
    assert all(b.taken_at.isoweekday() == 7 for b in weekly)  # Sundays: newest of week
    # monthly: newest backup of each of the 9 months before the oldest weekly's
    oldest_weekly_month = _period(weekly[-1], "month")
    assert monthly == _newest_per(
        backups, "month", older_than=oldest_weekly_month, count=9
    )
    assert all(
        (b.taken_at + dt.timedelta(days=1)).day == 1 for b in monthly
    )  # month ends
    assert len({(b.taken_at.year, b.taken_at.month) for b in monthly}) == 9
    # 12 days + 10 weeks + 9 months reach back over a year
    assert kept[12].taken_at.date() == dt.date(2026, 11, 15)
    assert kept[22].taken_at.date() == dt.date(2026, 8, 31)
    assert kept[-1].taken_at.date() == dt.date(2025, 12, 31)


def test_thinning_keeps_only_the_newest_of_each_day() -> None:
    backups = _daily(40, per_day=3)
    doomed = backups_to_delete(backups, Retention(daily=12, weekly=0, monthly=0))
    kept = sorted(set(backups) - set(doomed), key=lambda b: b.taken_at, reverse=True)
    assert len(kept) == 12
    assert [b.path.name for b in kept] == [f"b{d}-0" for d in range(12)]


def test_thinning_nothing_when_under_the_limits() -> None:
    backups = _daily(5, per_day=1)
    assert backups_to_delete(backups, Retention()) == []
    assert backups_to_delete([], Retention()) == []


def test_thinning_is_independent_of_input_order() -> None:
    backups = _daily(200)
    shuffled = backups[::-1]
    assert sorted(
        p.path.name for p in backups_to_delete(shuffled, Retention())
    ) == sorted(p.path.name for p in backups_to_delete(backups, Retention()))


def _touch_backups(folder: Path, stamps: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stamp in stamps:
        (folder / f"relata-{stamp}-exit.db").write_bytes(b"x")


def test_list_backups(tmp_path: Path) -> None:
    _touch_backups(tmp_path, ["20260101-120000", "20260301-080000"])
    (tmp_path / "relata-20260201-120000-premigration.db").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("not a backup")
    (tmp_path / "relata-2026-exit.db").write_text("bad stamp")
    found = list_backups(tmp_path)
    assert [(b.taken_at.month, b.reason) for b in found] == [
        (3, "exit"),
        (2, "premigration"),
        (1, "exit"),
    ]
    assert found[0].taken_at == dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    assert list_backups(tmp_path / "missing") == []


def test_thin_backups_on_real_files(tmp_path: Path) -> None:
    days = [NOW.date() - dt.timedelta(days=n) for n in range(60)]
    _touch_backups(tmp_path, [f"{d:%Y%m%d}-120000" for d in days])
    (tmp_path / "keep-me.txt").write_text("unrelated")
    deleted = thin_backups(tmp_path, Retention(daily=3, weekly=2, monthly=1))
    remaining = list_backups(tmp_path)
    assert len(remaining) == 6
    assert len(deleted) == 54
    assert not any(p.exists() for p in deleted)
    assert (tmp_path / "keep-me.txt").exists()
    assert {b.path for b in remaining}.isdisjoint(deleted)
    assert [b.taken_at.date() for b in remaining[:3]] == days[:3]


def _make_db(path: Path, rows: int) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany(
            "INSERT INTO t VALUES (?)", [(f"row {i}",) for i in range(rows)]
        )
    conn.close()


def test_backup_database_copies_and_verifies(tmp_path: Path) -> None:
    source = tmp_path / "relata.db"
    _make_db(source, 500)
    target = backup_database(source, tmp_path / "backups", reason="manual", now=NOW)
    assert target.name == "relata-20261127-180000-manual.db"
    assert quick_check(target) == "ok"
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 500
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [target.name]


def test_backup_of_a_damaged_database_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "relata.db"
    _make_db(source, 2000)
    size = source.stat().st_size
    with source.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xab" * 8192)
    folder = tmp_path / "backups"
    with pytest.raises(sqlite3.DatabaseError, match="failed its check"):
        backup_database(source, folder, now=NOW)
    assert list(folder.iterdir()) == []


def test_quick_check_reports_problems(tmp_path: Path) -> None:
    good = tmp_path / "good.db"
    _make_db(good, 10)
    assert quick_check(good) == "ok"
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"no database" * 500)
    assert quick_check(junk) != "ok"
