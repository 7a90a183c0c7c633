"""Column types and sync columns shared by every table."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import exc, text

from app.db.database import Database
from app.models import Person, new_id
from app.models.tags import link_id


def test_datetimes_come_back_aware_utc(db: Database) -> None:
    zurich = dt.timezone(dt.timedelta(hours=1))
    moment = dt.datetime(2026, 1, 2, 13, 30, tzinfo=zurich)
    with db.sessions.begin() as s:
        s.add(Person(id="p1", last_name="X", created_at=moment))
    with db.sessions() as s:
        person = s.get(Person, "p1")
        assert person is not None
        assert person.created_at == moment
        assert person.created_at.tzinfo == dt.UTC
        raw = s.execute(text("SELECT created_at FROM person")).scalar_one()
        assert raw.startswith("2026-01-02 12:30:00")


def test_naive_datetimes_are_refused(db: Database) -> None:
    with (
        pytest.raises(exc.StatementError, match="naive datetime"),
        db.sessions.begin() as s,
    ):
        s.add(Person(id="p1", last_name="X", created_at=dt.datetime(2026, 1, 1)))


def test_defaults_of_a_new_row(db: Database) -> None:
    with db.sessions.begin() as s:
        s.add(Person(id="p1", last_name="X"))
    with db.sessions() as s:
        person = s.get(Person, "p1")
        assert person is not None
        assert (person.rev, person.field_revs, person.status) == (0, {}, "prospect")
        assert not person.is_deleted
        person.deleted_rev = 5
        assert person.is_deleted


def test_ids() -> None:
    assert len({new_id() for _ in range(100)}) == 100
    assert link_id("person-1", "tag-1") == link_id("person-1", "tag-1")
    assert link_id("person-1", "tag-1") != link_id("tag-1", "person-1")
