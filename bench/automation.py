"""Automation figures: workflow evaluation, campaign mail, campaign members.

* ``event_eval_ms``: 50 active workflows on persons (field-changed triggers,
  each with two segment conditions) and one change: which fire and whose
  conditions hold, median of 200 changes. Baseline in the same run: each
  matching workflow's conditions as its own query (50 queries per change).
* ``mails_per_s``: a 10,000-member campaign (``--quick``: 1,000) rendered,
  queued and sent through a local SMTP server (aiosmtpd on loopback), journal
  entries and member statuses written. Baseline: ``smtplib`` with a new
  connection per mail, on 200 mails.
* ``campaign_members_s``: 100,000 members (``--quick``: 10,000) added from a
  segment in one transaction, outbox entries included. Baseline: the ORM, one
  ``session.add`` per member, timed on a tenth and scaled.
"""

from __future__ import annotations

import smtplib
import socket
import statistics
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy import select

from app.db import segment_queries as sq
from app.db.database import open_database
from app.domain.automation import (
    Action,
    ActionType,
    Event,
    Trigger,
    TriggerType,
    WorkflowData,
)
from app.domain.segments import Condition, Group, Match, Op
from app.models import Person
from app.models.automation import CampaignMember, auto_id
from app.services.campaigns import CampaignData, CampaignService
from app.services.mail_templates import TemplateData
from app.services.mailer import Mailer, PasswordStore, Security, SmtpSettings
from app.services.segments import context
from app.services.workflows import WorkflowService
from bench.quality import load_addresses


class _Count:
    def __init__(self) -> None:
        self.n = 0

    async def handle_DATA(self, _s: SMTP, _se: Session, _e: Envelope) -> str:  # noqa: N802
        self.n += 1
        return "250 OK"


class _NoPasswords(PasswordStore):
    def __init__(self) -> None:
        pass

    def get(self, _settings: SmtpSettings) -> str | None:
        return None


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def run(*, quick: bool = False) -> dict[str, Any]:
    """Build the data set in a temporary folder and measure."""
    persons = 12_000 if quick else 120_000
    members = 10_000 if quick else 100_000
    mails = 1_000 if quick else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(Path(tmp) / "bench.db", backup_dir=Path(tmp) / "b")
        load_s = load_addresses(database, organisations=persons // 5, persons=persons)
        out: dict[str, Any] = {"persons": persons, "load_s": round(load_s, 1)}
        out |= _events(database)
        out |= _members(database, members)
        out |= _mails(database, mails)
        database.engine.dispose()
    return out


def _events(database: Any) -> dict[str, Any]:
    svc = WorkflowService(database.sessions)
    with database.sessions() as s:
        cities = [c for (c,) in s.execute(select(Person.city).distinct().limit(50))]
        ids = list(s.scalars(select(Person.id).limit(200)))
    for i in range(50):
        svc.save(
            WorkflowData(
                f"Workflow {i}",
                "person",
                Trigger(TriggerType.FIELD_CHANGED, field="status"),
                Group(
                    Match.ALL,
                    (
                        Condition("city", Op.EQ, cities[i % len(cities)]),
                        Condition("postcode", Op.STARTS_WITH, str(1 + i % 9)),
                    ),
                ),
                (Action(ActionType.CREATE_TASK, {"title": "Nachfassen"}),),
                enabled=True,
            )
        )
    svc.evaluate(Event("person", ids[0], False, {"status": "customer"}, 1))  # compile
    times = []
    for pid in ids:
        started = time.perf_counter()
        svc.evaluate(Event("person", pid, False, {"status": "customer"}, 1))
        times.append(time.perf_counter() - started)
    # baseline: one query per workflow
    base = []
    with database.sessions() as s:
        ctx = context(s, "person")
        groups = [
            Group(
                Match.ALL,
                (
                    Condition("city", Op.EQ, cities[i % len(cities)]),
                    Condition("postcode", Op.STARTS_WITH, str(1 + i % 9)),
                ),
            )
            for i in range(50)
        ]
        for pid in ids[:50]:
            started = time.perf_counter()
            for g in groups:
                s.execute(
                    select(Person.id).where(
                        Person.id == pid, sq.segment_where("person", g, ctx)
                    )
                ).first()
            base.append(time.perf_counter() - started)
    ev = statistics.median(times)
    b = statistics.median(base)
    return {
        "event_eval_ms": _ms(ev),
        "event_eval_p95_ms": _ms(sorted(times)[int(len(times) * 0.95) - 1]),
        "event_eval_baseline_ms": _ms(b),
        "event_eval_speedup": round(b / ev, 1),
    }


def _members(database: Any, members: int) -> dict[str, Any]:
    svc = CampaignService(database.sessions)
    cid, _ = svc.save(CampaignData("Bench", "email"))
    started = time.perf_counter()
    added, _ = svc.add_from_segment(
        cid, Group(Match.ALL, (Condition("country", Op.IN, ["CH"]),))
    )
    took = time.perf_counter() - started
    if added > members:  # keep exactly ``members`` for the mail figure
        with database.sessions.begin() as s:
            extra = list(
                s.scalars(
                    select(CampaignMember.id)
                    .where(CampaignMember.campaign_id == cid)
                    .offset(members)
                )
            )
            for i in range(0, len(extra), 500):
                s.query(CampaignMember).filter(
                    CampaignMember.id.in_(extra[i : i + 500])
                ).delete(synchronize_session=False)
    took *= members / max(added, 1)
    # baseline: the ORM, one add per member, on a tenth
    cid2, _ = svc.save(CampaignData("Bench ORM", "email"))
    with database.sessions() as s:
        ids = list(s.scalars(select(Person.id).limit(members // 10)))
    started = time.perf_counter()
    with database.sessions.begin() as s:
        for pid in ids:
            s.add(
                CampaignMember(
                    id=auto_id("member", cid2, pid), campaign_id=cid2, person_id=pid
                )
            )
    orm = (time.perf_counter() - started) * 10
    return {
        "campaign_members": members,
        "campaign_members_s": round(took, 2),
        "campaign_members_orm_baseline_s": round(orm, 2),
    }


def _mails(database: Any, mails: int) -> dict[str, Any]:
    counter = _Count()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        campaigns = CampaignService(database.sessions)
        cid, _ = campaigns.save(CampaignData("Newsletter", "email"))
        with database.sessions() as s:
            ids = list(
                s.scalars(select(Person.id).where(Person.email != "").limit(mails))
            )
        campaigns.add_members(cid, ids)
        mailer = Mailer(database.sessions, passwords=_NoPasswords())
        mailer.save_settings(
            SmtpSettings("127.0.0.1", port, Security.NONE, from_addr="news@bench.ch")
        )
        tpl = TemplateData(
            "News",
            "Neuigkeiten für {{person.first_name}}",
            "{{salutation}}\n\nText.\n\n{{owner.signature}}",
        )
        started = time.perf_counter()
        queued, _ = campaigns.queue_mail(cid, tpl, None)
        queue_s = time.perf_counter() - started
        started = time.perf_counter()
        result = mailer.send_pending()
        send_s = time.perf_counter() - started
        # baseline: a new SMTP connection per mail
        started = time.perf_counter()
        for i in range(200):
            msg = EmailMessage()
            msg["From"], msg["To"], msg["Subject"] = "a@b.ch", f"x{i}@y.ch", "x"
            msg.set_content("x")
            with smtplib.SMTP("127.0.0.1", port) as smtp:
                smtp.send_message(msg)
        base = 200 / (time.perf_counter() - started)
    finally:
        controller.stop()
    return {
        "mails": queued,
        "mails_sent": result.sent,
        "mails_received": counter.n - 200,
        "mail_queue_s": round(queue_s, 2),
        "mails_per_s": round(result.sent / send_s, 1),
        "mails_per_s_incl_render": round(result.sent / (send_s + queue_s), 1),
        "mails_per_s_connection_per_mail_baseline": round(base, 1),
    }
