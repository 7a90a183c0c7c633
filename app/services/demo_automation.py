"""Demo data of the automation area: e-mail templates, workflows with a run
log, a web form, campaign members with delivery and responses, withdrawn
consent and a mail outbox with sent, bounced and failed mails.

Runs inside the demo's transaction after the sales demo (which made the
campaigns). Template, workflow and form ids are fixed, so a second run reuses
them; members have their natural ids, so adding the same persons again is a
no-op. Volume is proportional: a campaign gets 2 % of the persons (at most
20,000), the whole area takes well under a second per 100,000 persons.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select

from app.db.bulk import insert_rows
from app.domain.automation import (
    Action,
    ActionType,
    Trigger,
    TriggerType,
    actions_to_json,
    trigger_to_json,
)
from app.domain.segments import Condition, Group, Op, to_json
from app.models.automation import (
    CampaignMember,
    EmailTemplate,
    MailOutbox,
    PersonConsent,
    WebForm,
    Workflow,
    WorkflowRun,
    auto_id,
)
from app.models.pipeline import Campaign, Opportunity, default_stage_id

_T = {
    m.__tablename__: cast(Table, m.__table__)
    for m in (
        CampaignMember,
        EmailTemplate,
        MailOutbox,
        PersonConsent,
        WebForm,
        Workflow,
        WorkflowRun,
    )
}
BATCH = 5000

TEMPLATES = {
    "invitation": (
        "Einladung Herbstapéro",
        "Einladung zum Herbstapéro, {{person.first_name}}",
        "{{salutation}},\n\nWir laden Sie und {{organisation.name}} herzlich zu unserem "
        "Herbstapéro ein: Donnerstag, 15. Oktober, ab 17 Uhr in Zürich.\n\n"
        "Bitte melden Sie sich bis Ende September an.\n\n{{owner.signature}}",
        True,
    ),
    "welcome": (
        "Willkommen",
        "Willkommen bei uns",
        "{{greeting}},\n\nSchön, dass Sie sich für unsere Lösungen interessieren. "
        "Ihre persönliche Ansprechperson ist {{owner.name}}.\n\n{{owner.signature}}",
        False,
    ),
    "follow_up": (
        "Offerte nachfassen",
        "Ihre Offerte – haben Sie noch Fragen?",
        "{{salutation}},\n\nVor einer Woche haben wir Ihnen unsere Offerte zugestellt. "
        "Gerne beantworte ich Ihre Fragen in einem kurzen Gespräch.\n\n{{owner.signature}}",
        False,
    ),
}


def _sync(now: dt.datetime, owner: str | None = None) -> dict[str, Any]:
    return {
        "rev": 0,
        "field_revs": {},
        "owner_id": owner,
        "created_at": now,
        "updated_at": now,
    }


def _upsert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    ids = {r["id"] for r in rows}
    have = set(conn.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())
    new = [r for r in rows if r["id"] not in have]
    if new:
        conn.execute(insert(table), new)


def generate_automation_demo(
    conn: Connection, *, persons: int, seed: int, now: dt.datetime
) -> int:
    """Templates, workflows, web form, members, consent, outbox; returns members added."""
    if persons <= 0:
        return 0
    rng = random.Random(f"relata-automation-demo/{seed}/{persons}")
    owner = conn.exec_driver_sql(
        "SELECT id FROM user_account ORDER BY username LIMIT 1"
    ).scalar()
    tpl = {key: auto_id("demo-template", key) for key in TEMPLATES}
    _upsert(
        conn,
        _T["email_template"],
        [
            {
                "id": tpl[key],
                "name": name,
                "language": "de",
                "subject": subject,
                "body_text": body,
                "body_html": "",
                "marketing": marketing,
                **_sync(now),
            }
            for key, (name, subject, body, marketing) in TEMPLATES.items()
        ],
    )
    campaigns = conn.execute(
        select(Campaign.id, Campaign.name)
        .where(Campaign.deleted_at.is_(None))
        .order_by(Campaign.start_date)
    ).all()
    first_campaign = campaigns[-1][0] if campaigns else None
    flows = _workflows(tpl, first_campaign)
    _upsert(
        conn,
        _T["workflow"],
        [
            {
                "id": wid,
                "name": name,
                "description": "",
                "entity_kind": kind,
                "trigger": trigger_to_json(trigger),
                "conditions": to_json(conditions),
                "actions": actions_to_json(actions),
                "enabled": enabled,
                "campaign_id": campaign,
                **_sync(now, owner),
            }
            for wid, name, kind, trigger, conditions, actions, enabled, campaign in flows
        ],
    )
    _upsert(
        conn,
        _T["web_form"],
        [
            {
                "id": auto_id("demo-form", "kontakt"),
                "slug": "kontakt",
                "title": "Kontakt aufnehmen",
                "intro": "Wir melden uns innert eines Arbeitstags bei Ihnen.",
                "fields": [
                    "first_name",
                    "last_name",
                    "company",
                    "email",
                    "phone",
                    "notes",
                ],
                "consent_text": "Ich möchte Neuigkeiten und Einladungen per E-Mail erhalten.",
                "thank_you": "Vielen Dank! Wir melden uns bei Ihnen.",
                "campaign_id": first_campaign,
                "active": True,
                **_sync(now, owner),
            }
        ],
    )
    added = _members(conn, rng, campaigns, persons=persons, now=now)
    _consent(conn, rng, persons=persons, now=now)
    _runs(conn, rng, flows[1][0], now=now)
    _outbox(conn, rng, tpl["invitation"], first_campaign, now=now)
    return added


def _workflows(
    tpl: dict[str, str], campaign: str | None
) -> list[tuple[str, str, str, Trigger, Group, tuple[Action, ...], bool, str | None]]:
    offer = default_stage_id("offer")
    return [
        (
            auto_id("demo-workflow", "welcome"),
            "Neue Interessenten begrüssen",
            "person",
            Trigger(TriggerType.FIELD_CHANGED, field="status", value="prospect"),
            Group(items=(Condition("country", Op.IN, ["CH", "LI"]),)),
            (
                Action(ActionType.SEND_EMAIL, {"template_id": tpl["welcome"]}),
                Action(ActionType.WAIT, {"days": 3}),
                Action(
                    ActionType.CREATE_TASK,
                    {
                        "title": "Kennenlerngespräch vereinbaren",
                        "due_days": 2,
                        "assignee": "owner",
                    },
                ),
            ),
            False,
            None,
        ),
        (
            auto_id("demo-workflow", "offer"),
            "Offerte nachfassen",
            "opportunity",
            Trigger(TriggerType.STAGE_REACHED, value=offer),
            Group(),
            (
                Action(
                    ActionType.CREATE_TASK,
                    {
                        "title": "Offerte telefonisch nachfassen",
                        "due_days": 7,
                        "assignee": "owner",
                    },
                ),
                Action(
                    ActionType.SET_FIELD,
                    {"field": "next_step", "value": "Offerte nachfassen"},
                ),
                Action(ActionType.WAIT, {"days": 7}),
                Action(
                    ActionType.NOTIFY_OWNER, {"title": "Offerte seit zwei Wochen offen"}
                ),
            ),
            True,
            None,
        ),
        (
            auto_id("demo-workflow", "closing"),
            "Abschluss in 3 Tagen",
            "opportunity",
            Trigger(TriggerType.DATE_REACHED, field="close_date", days=-3),
            Group(),
            (Action(ActionType.NOTIFY_OWNER, {"title": "Abschlussdatum in 3 Tagen"}),),
            True,
            None,
        ),
        (
            auto_id("demo-workflow", "web-lead"),
            "Web-Lead: sofort zurückrufen",
            "lead",
            Trigger(TriggerType.FORM_SUBMITTED, value="kontakt"),
            Group(),
            (
                Action(
                    ActionType.CREATE_TASK,
                    {
                        "title": "Web-Lead zurückrufen",
                        "due_days": 1,
                        "assignee": "owner",
                        "priority": "high",
                    },
                ),
                Action(ActionType.NOTIFY_OWNER, {"title": "Neuer Web-Lead"}),
            ),
            True,
            campaign,
        ),
        (
            auto_id("demo-workflow", "idle"),
            "Kunden ohne Kontakt seit 180 Tagen",
            "person",
            Trigger(TriggerType.NO_ACTIVITY, days=180),
            Group(items=(Condition("status", Op.IN, ["customer"]),)),
            (
                Action(
                    ActionType.CREATE_TASK,
                    {
                        "title": "Wieder einmal melden",
                        "due_days": 14,
                        "assignee": "owner",
                    },
                ),
            ),
            False,
            None,
        ),
    ]


def _members(
    conn: Connection,
    rng: random.Random,
    campaigns: Sequence[Any],
    *,
    persons: int,
    now: dt.datetime,
) -> int:
    if not campaigns:
        return 0
    per = max(1, min(20_000, persons // 50))
    pool = conn.exec_driver_sql(
        "SELECT id, owner_id, email FROM person WHERE rowid IN "
        "(SELECT rowid FROM person WHERE deleted_at IS NULL ORDER BY rowid DESC LIMIT ?)",
        (min(persons, per * 5),),
    ).all()
    added = 0
    for cid, _name in campaigns[-4:]:
        chosen = rng.sample(pool, min(per, len(pool)))
        rows = []
        for pid, owner, email in chosen:
            roll = rng.random()
            status = (
                "member"  # no e-mail address: reached by letter or phone
                if not email
                else "sent"
                if roll < 0.85
                else "bounced"
                if roll < 0.87
                else "opted_out"
                if roll < 0.88
                else "member"
            )
            r = rng.random()
            response = (
                (
                    "converted"
                    if r < 0.01
                    else "attended"
                    if r < 0.04
                    else "registered"
                    if r < 0.07
                    else "responded"
                    if r < 0.15
                    else ""
                )
                if status == "sent"
                else ""
            )
            rows.append(
                {
                    "id": auto_id("member", cid, pid),
                    "campaign_id": cid,
                    "person_id": pid,
                    "status": status,
                    "response": response,
                    "responded_at": now - dt.timedelta(days=rng.randint(1, 60))
                    if response
                    else None,
                    **_sync(now, owner),
                }
            )
        have = set(
            conn.execute(
                select(CampaignMember.person_id).where(
                    CampaignMember.campaign_id == cid
                )
            ).scalars()
        )
        rows = [r for r in rows if r["person_id"] not in have]
        for i in range(0, len(rows), BATCH):
            insert_rows(conn, _T["campaign_member"], rows[i : i + BATCH])
        added += len(rows)
    return added


def _consent(
    conn: Connection, rng: random.Random, *, persons: int, now: dt.datetime
) -> None:
    n = max(1, min(10_000, persons // 100))
    ids = (
        conn.exec_driver_sql(
            "SELECT id FROM person WHERE deleted_at IS NULL ORDER BY rowid DESC LIMIT ?",
            (n * 3,),
        )
        .scalars()
        .all()
    )
    chosen = rng.sample(list(ids), min(n, len(ids)))
    _upsert(
        conn,
        _T["person_consent"],
        [
            {
                "id": auto_id("consent", pid),
                "person_id": pid,
                "marketing": False,
                "changed_at": now - dt.timedelta(days=rng.randint(1, 400)),
                "source": rng.choice(["Abmeldelink", "Telefon", "Brief"]),
                **_sync(now),
            }
            for pid in chosen
        ],
    )


def _runs(
    conn: Connection, rng: random.Random, workflow_id: str, *, now: dt.datetime
) -> None:
    opps = conn.execute(
        select(Opportunity.id, Opportunity.owner_id)
        .where(Opportunity.deleted_at.is_(None), Opportunity.outcome == "open")
        .limit(40)
    ).all()
    rows = []
    for oid, owner in opps:
        fired = now - dt.timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 10))
        waiting = (now - fired).days < 7
        due = (fired + dt.timedelta(days=7)).date().isoformat()
        log = [
            {
                "step": 0,
                "action": "create_task",
                "at": fired.isoformat(),
                "result": "task",
                "detail": {
                    "title": "Offerte telefonisch nachfassen",
                    "due": due,
                    "user": owner or "",
                },
            },
            {
                "step": 1,
                "action": "set_field",
                "at": fired.isoformat(),
                "result": "next_step",
                "detail": {"field": "next_step", "value": "Offerte nachfassen"},
            },
            {
                "step": 2,
                "action": "wait",
                "at": fired.isoformat(),
                "result": "wait 7 d",
                "detail": {"days": "7", "until": due},
            },
        ]
        if not waiting:
            log.append(
                {
                    "step": 3,
                    "action": "notify_owner",
                    "at": (fired + dt.timedelta(days=7)).isoformat(),
                    "result": "notified",
                    "detail": {"user": owner or ""},
                }
            )
        key = f"stage:{default_stage_id('offer')}:0"
        rows.append(
            {
                "id": auto_id("run", workflow_id, oid, key),
                "workflow_id": workflow_id,
                "entity_kind": "opportunity",
                "entity_id": oid,
                "trigger_key": key,
                "fired_at": fired,
                "status": "waiting" if waiting else "done",
                "next_step": 3 if waiting else 4,
                "resume_at": fired + dt.timedelta(days=7) if waiting else None,
                "origin": "laptop",
                "log": log,
                **_sync(now, owner),
            }
        )
    if rows:
        _upsert(conn, _T["workflow_run"], rows)


def _outbox(
    conn: Connection,
    rng: random.Random,
    template_id: str,
    campaign: str | None,
    *,
    now: dt.datetime,
) -> None:
    people = conn.exec_driver_sql(
        "SELECT id, first_name, last_name, email FROM person WHERE deleted_at IS NULL AND email != '' ORDER BY rowid DESC LIMIT 60"
    ).all()
    rows = []
    for i, (pid, first, last, email) in enumerate(people):
        status = (
            "sent"
            if i % 10 < 7
            else "bounced"
            if i % 10 == 7
            else "failed"
            if i % 10 == 8
            else "queued"
        )
        error = {
            "bounced": f"{email}: 550 5.1.1 Mailbox unavailable",
            "failed": "Connection timed out",
        }.get(status, "")
        queued = now - dt.timedelta(hours=rng.randint(1, 72))
        rows.append(
            {
                "id": auto_id("demo-mail", pid),
                "person_id": pid,
                "to_addr": email,
                "to_name": f"{first} {last}".strip(),
                "subject": f"Einladung zum Herbstapéro, {first}",
                "body_text": "",
                "body_html": "",
                "marketing": True,
                "template_id": template_id,
                "campaign_id": campaign,
                "run_id": None,
                "owner_id": None,
                "status": status,
                "attempts": 1 if status != "queued" else 0,
                "error": error,
                "message_id": "",
                "queued_at": queued,
                "sent_at": queued + dt.timedelta(minutes=2)
                if status == "sent"
                else None,
            }
        )
    _upsert(conn, _T["mail_outbox"], rows)
