"""Demo sales data: counts, consistency with the services' rules, determinism, cancel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.domain.pipeline import BoardFilter
from app.domain.progress import Cancelled, RecordingProgress
from app.models.pipeline import default_stage_id
from app.services.demo import generate_demo
from app.services.demo_pipeline_data import PRODUCTS
from app.services.sales import SalesServices

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
ORGS, PERSONS = 300, 1200


def _engine(path: Path) -> Engine:
    engine = make_engine(path)
    upgrade(engine)
    return engine


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = _engine(tmp_path_factory.mktemp("sales") / "demo.db")
    generate_demo(engine, organisations=ORGS, persons=PERSONS, now=NOW)
    yield engine
    engine.dispose()


def _one(conn: Connection, sql: str) -> object:
    return conn.exec_driver_sql(sql).scalar_one()


def test_counts_are_proportional(demo: Engine) -> None:
    with demo.connect() as conn:
        assert _one(conn, "SELECT count(*) FROM opportunity") == ORGS
        assert _one(conn, "SELECT count(*) FROM product") == len(PRODUCTS)
        leads = _one(conn, "SELECT count(*) FROM lead")
        assert ORGS // 6 < leads < ORGS // 2  # type: ignore[operator]
        statuses = {
            r[0] for r in conn.exec_driver_sql("SELECT DISTINCT status FROM lead")
        }
        assert statuses == {"unqualified", "mql", "sql", "disqualified", "converted"}
        outcomes = dict(
            conn.exec_driver_sql(
                "SELECT outcome, count(*) FROM opportunity GROUP BY 1"
            ).all()
        )
        assert set(outcomes) == {"open", "won", "lost"}
        assert 0.2 < outcomes["won"] / (outcomes["won"] + outcomes["lost"]) < 0.5
        assert _one(conn, "SELECT count(*) FROM opportunity_line") > ORGS
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_rows_follow_the_rules_the_services_keep(demo: Engine) -> None:
    with demo.connect() as conn:
        # the newest stage entry in the history is the current stage
        bad_path = _one(
            conn,
            "SELECT count(*) FROM opportunity o WHERE o.stage_id != ("
            "SELECT h.new FROM opportunity_history h WHERE h.opportunity_id = o.id "
            "AND h.field = 'stage' ORDER BY h.changed_at DESC, h.rowid DESC LIMIT 1)",
        )
        assert bad_path == 0
        # outcome mirrors the stage; closed ones have a close day, lost a reason
        assert (
            _one(
                conn,
                "SELECT count(*) FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id "
                "WHERE s.outcome != o.outcome",
            )
            == 0
        )
        assert (
            _one(
                conn,
                "SELECT count(*) FROM opportunity WHERE outcome != 'open' AND "
                "(closed_on IS NULL OR closed_on != close_date)",
            )
            == 0
        )
        assert (
            _one(
                conn,
                "SELECT count(*) FROM opportunity WHERE outcome = 'lost' AND lost_reason = ''",
            )
            == 0
        )
        assert (
            _one(
                conn,
                "SELECT count(*) FROM opportunity WHERE outcome = 'open' AND closed_on IS NOT NULL",
            )
            == 0
        )
        # an amount from lines is the lines' total
        assert (
            _one(
                conn,
                "SELECT count(*) FROM opportunity o WHERE amount_from_lines = 1 AND amount_minor != ("
                "SELECT sum((quantity * unit_price_minor * (10000 - discount_bp) + 5000) / 10000) "
                "FROM opportunity_line l WHERE l.opportunity_id = o.id)",
            )
            == 0
        )
        # open deals sit in open stages with the stage probability
        assert (
            _one(
                conn,
                "SELECT count(*) FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id "
                "WHERE o.probability != s.probability",
            )
            == 0
        )
        # converted leads point at their opportunity's organisation
        assert (
            _one(
                conn,
                "SELECT count(*) FROM lead l JOIN opportunity o ON o.lead_id = l.id "
                "WHERE l.status != 'converted' OR l.organisation_id != o.organisation_id",
            )
            == 0
        )
        assert (
            _one(conn, "SELECT count(*) FROM opportunity WHERE lead_id IS NOT NULL") > 0
        )
        assert (
            _one(
                conn,
                "SELECT count(*) FROM opportunity WHERE outcome = 'open' AND close_date < '2026-06-01'",
            )
            > 0
        )  # some are overdue, as in real life
        currencies = {
            r[0]
            for r in conn.exec_driver_sql("SELECT DISTINCT currency FROM opportunity")
        }
        assert {"CHF", "EUR"} <= currencies


def test_every_view_is_populated(demo: Engine, tmp_path: Path) -> None:
    from sqlalchemy.orm import sessionmaker

    sales = SalesServices.build(
        sessionmaker(demo, expire_on_commit=False),
        today=lambda: NOW.date(),
        now=lambda: NOW,
    )
    board = sales.pipeline.board(BoardFilter())
    assert all(col.count > 0 for col in board)
    assert board[0].stage.id == default_stage_id("qualification")
    forecast = sales.forecast.forecast(BoardFilter(), months=6)
    assert sum(b.weighted for b in forecast.buckets) > 0
    assert forecast.won_to_date > 0
    assert sales.scoring.retrain() is not None
    with demo.connect() as conn:
        org = conn.exec_driver_sql(
            "SELECT organisation_id FROM opportunity WHERE outcome = 'won' LIMIT 1"
        ).scalar_one()
    assert sales.catalogue.cross_sell(org)


def test_same_seed_same_rows_and_cancel_rolls_back(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        engine = _engine(tmp_path / f"{name}.db")
        generate_demo(engine, organisations=40, persons=100, now=NOW)
        with engine.connect() as conn:
            dumps.append(
                conn.exec_driver_sql(
                    "SELECT id, title, amount_minor, stage_id, close_date FROM opportunity "
                    "ORDER BY id"
                ).all()
            )
        engine.dispose()
    assert dumps[0] == dumps[1]
    engine = _engine(tmp_path / "c.db")
    progress = RecordingProgress(cancel_after=4)
    with pytest.raises(Cancelled):
        generate_demo(engine, organisations=40, persons=100, now=NOW, progress=progress)
    with engine.connect() as conn:
        assert _one(conn, "SELECT count(*) FROM opportunity") == 0
        assert _one(conn, "SELECT count(*) FROM lead") == 0
    engine.dispose()
