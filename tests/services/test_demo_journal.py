"""Demo journal: volumes, consistency with triggers and indexes, search, determinism."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import sessionmaker

from app.db import journal_schema
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.domain.journal import JournalFilter, LinkKind, TaskFilter, TaskView
from app.domain.progress import Cancelled, RecordingProgress
from app.models.journal import journal_link_id
from app.services import demo_journal
from app.services.demo import generate_demo
from app.services.journal_services import JournalServices
from app.services.timeline import TimelineTarget

NOW = dt.datetime(2026, 6, 3, 12, 0, tzinfo=dt.UTC)  # a Wednesday
ORGS, PERSONS = 40, 300


def _engine(path: Path) -> Engine:
    engine = make_engine(path)
    upgrade(engine)
    return engine


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = _engine(tmp_path_factory.mktemp("demo_journal") / "demo.db")
    generate_demo(engine, organisations=ORGS, persons=PERSONS, now=NOW)
    yield engine
    engine.dispose()


def _scalar(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar_one())


def test_volumes_follow_the_persons(demo: Engine) -> None:
    entries = _scalar(demo, "SELECT count(*) FROM journal_entry")
    assert 2 * PERSONS <= entries <= 2 * PERSONS + 2 * PERSONS // 20  # + case journals
    assert _scalar(demo, "SELECT count(*) FROM journal_link") >= entries
    assert _scalar(demo, "SELECT count(*) FROM task") >= 30
    assert _scalar(demo, "SELECT count(*) FROM service_case") >= 1
    assert _scalar(demo, "SELECT count(*) FROM kb_article") == len(
        demo_journal._ARTICLES
    )
    kinds = {
        r[0]
        for r in demo.connect().exec_driver_sql(
            "SELECT DISTINCT kind FROM journal_entry"
        )
    }
    assert kinds == {"call", "email", "meeting", "note", "visit", "letter"}


def test_big_accounts_get_hundreds_of_entries(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "big.db")
    try:
        generate_demo(engine, organisations=60, persons=3000, now=NOW)
        js = JournalServices.build(
            sessionmaker(engine), attachments_dir=tmp_path / "files"
        )
        with engine.connect() as conn:
            biggest = conn.exec_driver_sql(
                "SELECT organisation_id FROM employment GROUP BY 1 ORDER BY count(*) DESC "
                "LIMIT 1"
            ).scalar_one()
        events = js.timeline.count(TimelineTarget(LinkKind.ORGANISATION, biggest))
        assert events >= 200
    finally:
        engine.dispose()


def test_rows_are_consistent(demo: Engine) -> None:
    with demo.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM journal_link l LEFT JOIN person p ON p.id = l.entity_id "
            "LEFT JOIN organisation o ON o.id = l.entity_id LEFT JOIN service_case c "
            "ON c.id = l.entity_id WHERE p.id IS NULL AND o.id IS NULL AND c.id IS NULL"
        ).scalar_one()
        assert orphans == 0
        wrong_time = conn.exec_driver_sql(
            "SELECT count(*) FROM journal_link l JOIN journal_entry e ON e.id = l.entry_id "
            "WHERE l.occurred_at IS NOT e.occurred_at"
        ).scalar_one()
        assert wrong_time == 0
        links = conn.exec_driver_sql(
            "SELECT id, entry_id, entity_kind, entity_id FROM journal_link LIMIT 50"
        ).all()
        assert all(r[0] == journal_link_id(r[1], r[2], r[3]) for r in links)
        later = conn.exec_driver_sql(
            "SELECT count(*) FROM journal_entry WHERE occurred_at > ?",
            (NOW.strftime("%Y-%m-%d %H:%M:%S.%f"),),
        ).scalar_one()
        assert later == 0  # the journal records the past
        hours = {
            int(r[0])
            for r in conn.exec_driver_sql(
                "SELECT DISTINCT strftime('%H', occurred_at) FROM journal_entry"
            )
        }
        assert hours <= set(range(6, 18))  # office hours (UTC); answers 1 h later


def test_triggers_indexes_and_search_are_back(demo: Engine) -> None:
    with demo.connect() as conn:
        triggers = set(
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            )
            .scalars()
            .all()
        )
        assert set(journal_schema.trigger_names()) <= triggers
        indexes = set(
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
            .scalars()
            .all()
        )
        assert {"ix_journal_link_entity", "ix_journal_entry_occurred"} <= indexes

        def matches() -> list[int]:
            return [
                int(
                    conn.exec_driver_sql(
                        f"SELECT count(*) FROM journal_fts WHERE journal_fts MATCH '{q}'"
                    ).scalar_one()
                )
                for q in ("offerte*", "kunde*", "budget", "lieferung")
            ]

        before = matches()
        assert all(before)
        for stmt in journal_schema.rebuild_statements():
            conn.exec_driver_sql(stmt)
        assert matches() == before
        conn.rollback()


def test_services_work_on_the_demo(demo: Engine, tmp_path: Path) -> None:
    js = JournalServices.build(sessionmaker(demo), attachments_dir=tmp_path / "files")
    assert js.entries.count(JournalFilter(search="offerte")) > 0
    js.tasks._tz = dt.UTC  # day boundaries independent of the host
    counts = js.tasks.counts(now=NOW)
    assert counts[TaskView.OPEN] >= 30
    assert counts[TaskView.OVERDUE] > 0
    assert counts[TaskView.WEEK] > 0
    assert js.tasks.due_reminders(NOW) == []  # past reminders count as shown
    page = js.tasks.page(TaskFilter(TaskView.OPEN), offset=0, limit=5, total=5, now=NOW)
    assert all(r.related for r in page.rows)


def test_same_seed_same_journal(tmp_path: Path) -> None:
    rows = []
    for name in ("a", "b"):
        engine = _engine(tmp_path / f"{name}.db")
        try:
            generate_demo(engine, organisations=10, persons=50, now=NOW, seed=7)
            with engine.connect() as conn:
                rows.append(
                    conn.execute(
                        text(
                            "SELECT id, kind, occurred_at, subject, body_text FROM "
                            "journal_entry ORDER BY id"
                        )
                    ).all()
                )
        finally:
            engine.dispose()
    assert rows[0] == rows[1]
    assert len(rows[0]) >= 100


def test_cancel_during_the_journal_adds_nothing(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "cancel.db")
    try:
        progress = RecordingProgress(cancel_after=3)  # orgs, persons, then journal
        with pytest.raises(Cancelled):
            generate_demo(
                engine, organisations=10, persons=30, now=NOW, progress=progress
            )
        assert any(r[2] == "Generating journal" for r in progress.reports)
        for table in ("journal_entry", "journal_link", "task", "person"):
            assert _scalar(engine, f"SELECT count(*) FROM {table}") == 0
        with engine.connect() as conn:
            triggers = set(
                conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                ).scalars()
            )
        assert set(journal_schema.trigger_names()) <= triggers  # rolled back too
    finally:
        engine.dispose()


def test_link_ids_match_the_model() -> None:
    owner = "0196f0a1-2b3c-7d4e-8f50-123456789abc"
    for kind in ("person", "organisation", "service_case"):
        assert demo_journal.link_id(owner, kind, "x") == journal_link_id(
            owner, kind, "x"
        )
    assert journal_link_id(owner, "person", "x").startswith(owner[:13])  # time prefix
