"""Demo data of the automation area: present, consistent, usable by the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.db.engine import make_engine, make_sessionmaker
from app.db.migrate import upgrade
from app.services.campaigns import CampaignService
from app.services.demo import generate_demo
from app.services.workflows import WorkflowService

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine(tmp_path_factory.mktemp("demo") / "demo.db")
    upgrade(engine)
    generate_demo(engine, organisations=200, persons=1000, now=NOW)
    yield engine
    engine.dispose()


def _one(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar_one())


def test_areas_are_filled(demo: Engine) -> None:
    assert _one(demo, "SELECT count(*) FROM email_template") == 3
    assert _one(demo, "SELECT count(*) FROM workflow") == 5
    assert _one(demo, "SELECT count(*) FROM web_form WHERE active") == 1
    assert _one(demo, "SELECT count(*) FROM campaign_member") > 0
    assert _one(demo, "SELECT count(*) FROM person_consent WHERE NOT marketing") > 0
    assert _one(demo, "SELECT count(*) FROM workflow_run") > 0
    assert _one(demo, "SELECT count(DISTINCT status) FROM mail_outbox") == 4


def test_members_are_consistent(demo: Engine) -> None:
    # sent or bounced only with an e-mail address; responses only after a send
    assert (
        _one(
            demo,
            "SELECT count(*) FROM campaign_member m JOIN person p ON p.id = m.person_id "
            "WHERE m.status IN ('sent', 'bounced') AND p.email = ''",
        )
        == 0
    )
    assert (
        _one(
            demo,
            "SELECT count(*) FROM campaign_member WHERE response != '' AND status != 'sent'",
        )
        == 0
    )


def test_services_read_the_demo(demo: Engine) -> None:
    sessions = make_sessionmaker(demo)
    flows = WorkflowService(sessions, clock=lambda: NOW).workflows()
    assert len(flows) == 5
    assert sum(w.runs for w in flows) > 0
    reports = CampaignService(sessions).reports()
    assert any(r.members and r.leads for r in reports)
    assert all(r.responded <= r.members for r in reports)


def test_second_run_adds_no_second_templates(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "twice.db")
    upgrade(engine)
    generate_demo(engine, organisations=20, persons=100, now=NOW)
    generate_demo(engine, organisations=20, persons=100, now=NOW)
    assert _one(engine, "SELECT count(*) FROM email_template") == 3
    assert _one(engine, "SELECT count(*) FROM workflow") == 5
    engine.dispose()
