"""Shared helpers of the journal, task, case and timeline tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.database import Database
from app.domain.journal import EntryKind, JournalEntryData, LinkKind, LinkRef
from app.services.journal_services import JournalServices

#: Central European winter time, fixed so day boundaries do not depend on the host.
CET = dt.timezone(dt.timedelta(hours=1))


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


def at(day: int, hour: int = 9, minute: int = 0, *, month: int = 3) -> dt.datetime:
    """A UTC time in March 2026 (a Monday is the 2nd)."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> FakeClock:
    """Monday 2 March 2026, 09:00 UTC (10:00 in Zurich)."""
    return FakeClock(at(2))


@pytest.fixture
def js(db: Database, clock: FakeClock, tmp_path: Path) -> JournalServices:
    """The journal services on the test database with the fake clock."""
    return JournalServices.build(
        db.sessions, attachments_dir=tmp_path / "attachments", clock=clock
    )


def entry(
    *links: LinkRef,
    subject: str = "Call",
    body: str = "",
    when: dt.datetime | None = None,
    kind: EntryKind = EntryKind.CALL,
) -> JournalEntryData:
    return JournalEntryData(
        kind=kind,
        occurred_at=when or at(2),
        subject=subject,
        body_text=body,
        links=links,
    )


def person(pid: str) -> LinkRef:
    return LinkRef(LinkKind.PERSON, pid)


def org(oid: str) -> LinkRef:
    return LinkRef(LinkKind.ORGANISATION, oid)


def count_rows(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def ids(items: Iterator[object] | tuple[object, ...] | list[object]) -> list[str]:
    return [str(getattr(i, "id")) for i in items]  # noqa: B009
