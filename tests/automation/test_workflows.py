"""Workflow engine: each trigger and action type, sequences with a fake clock,
test runs, idempotency when the same event is handled twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.domain.addresses import AddressData, RelationStatus, Salutation
from app.domain.automation import (
    Action,
    ActionType,
    Event,
    Trigger,
    TriggerType,
    WorkflowData,
)
from app.domain.errors import ValidationError
from app.domain.pipeline import LeadData
from app.domain.segments import Condition, Group, Op
from app.models import EntityTag
from app.models.automation import MailOutbox, Notification, WorkflowRun
from app.models.journal import JournalEntry, JournalLink, Task, TaskLink
from app.models.pipeline import Lead
from app.services.addresses import AddressService
from app.services.mail_templates import TemplateData, TemplateService
from app.services.sales import SalesServices
from app.services.tags import TagService
from app.services.workflows import WorkflowService
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.pipeline import Clock, make_opportunity, stage_id


def _count(db: Database, model: type, *where: Any) -> int:
    with db.sessions() as s:
        return int(
            s.execute(
                select(func.count()).select_from(model).where(*where)
            ).scalar_one()
        )


def _wf(kind: str, trigger: Trigger, *actions: Action, **kw: object) -> WorkflowData:
    return WorkflowData(
        name=kw.pop("name", "Test workflow"),  # type: ignore[arg-type]
        entity_kind=kind,
        trigger=trigger,
        actions=actions,
        enabled=True,
        **kw,  # type: ignore[arg-type]
    )


def test_created_person_gets_task_tag_note_and_journal(
    db: Database, workflows: WorkflowService, addresses: AddressService, clock: Clock
) -> None:
    tag = TagService(db.sessions).create_tag("Neukunde")[0]
    workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.CREATED),
            Action(ActionType.CREATE_TASK, {"title": "Begrüssen", "due_days": 2}),
            Action(ActionType.ADD_TAG, {"tag_id": tag.id}),
            Action(ActionType.NOTIFY_OWNER, {"title": "Neue Person"}),
            Action(ActionType.JOURNAL_ENTRY, {"subject": "Willkommen", "kind": "note"}),
        )
    )
    person = make_person(addresses)
    with db.sessions() as s:
        task = s.scalars(select(Task)).one()
        assert task.title == "Begrüssen"
        assert task.due_at == clock.now() + dt.timedelta(days=2)
        link = s.scalars(select(TaskLink)).one()
        assert (link.entity_kind, link.entity_id) == ("person", person.id)
        assert (
            s.scalars(select(EntityTag).where(EntityTag.entity_id == person.id))
            .one()
            .tag_id
            == tag.id
        )
        note = s.scalars(select(Notification)).one()
        assert person.last_name in note.title
        entry = s.scalars(select(JournalEntry)).one()
        assert entry.subject == "Willkommen"
        assert s.scalars(select(JournalLink.entity_id)).one() == person.id
        run = s.scalars(select(WorkflowRun)).one()
        assert run.status == "done"
        assert len(run.log) == 4
    # an update of the same person does not fire "created" again
    addresses.update_person(person.id, replace(person.data(), first_name="Fritz"))
    assert _count(db, WorkflowRun) == 1


def test_field_changed_to_value_with_conditions(
    db: Database, workflows: WorkflowService, addresses: AddressService
) -> None:
    workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.FIELD_CHANGED, field="status", value="customer"),
            Action(
                ActionType.SET_FIELD, {"field": "notes", "value": "Kunde seit heute"}
            ),
            conditions=Group(items=(Condition("city", Op.EQ, "Bern"),)),
        )
    )
    zurich = make_person(
        addresses, addresses=(AddressData(postcode="8001", city="Zürich"),)
    )
    bern = make_person(
        addresses, addresses=(AddressData(postcode="3011", city="Bern"),)
    )
    for p in (zurich, bern):
        p = addresses.get_person(p.id)
        addresses.update_person(p.id, replace(p.data(), status=RelationStatus.PROSPECT))
        assert _count(db, WorkflowRun) == 0  # not the wanted value
    for p in (zurich, bern):
        p = addresses.get_person(p.id)
        addresses.update_person(p.id, replace(p.data(), status=RelationStatus.CUSTOMER))
    assert addresses.get_person(bern.id).notes == "Kunde seit heute"
    assert addresses.get_person(zurich.id).notes == ""  # condition city = Bern
    assert _count(db, WorkflowRun) == 1


def test_stage_reached_and_change_owner(
    db: Database, workflows: WorkflowService, addresses: AddressService, clock: Clock
) -> None:
    sales = SalesServices.build(db.sessions, today=clock.today, now=clock.now)
    pipeline = sales.pipeline.pipeline()
    offer = stage_id(pipeline, "Offer")
    workflows.save(
        _wf(
            "opportunity",
            Trigger(TriggerType.STAGE_REACHED, value=offer),
            Action(
                ActionType.CREATE_TASK, {"title": "Offerte nachfassen", "due_days": 7}
            ),
            Action(
                ActionType.SET_FIELD,
                {"field": "next_step", "value": "Offerte nachfassen"},
            ),
        )
    )
    opp = make_opportunity(sales.pipeline, addresses)
    assert _count(db, Task) == 0
    sales.pipeline.move_to_stage(opp.id, offer)
    assert _count(db, Task) == 1
    assert sales.pipeline.get_opportunity(opp.id).data.next_step == "Offerte nachfassen"


def test_sequence_waits_then_continues_with_fake_clock(
    db: Database, workflows: WorkflowService, addresses: AddressService, clock: Clock
) -> None:
    workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.CREATED),
            Action(ActionType.NOTIFY_OWNER, {"title": "Tag 0"}),
            Action(ActionType.WAIT, {"days": 3}),
            Action(ActionType.CREATE_TASK, {"title": "Tag 3"}),
        )
    )
    make_person(addresses)
    with db.sessions() as s:
        run = s.scalars(select(WorkflowRun)).one()
        assert run.status == "waiting"
        assert run.next_step == 2
    clock.advance(days=2)
    workflows.run_scheduled()
    assert _count(db, Task) == 0
    clock.advance(days=1, minutes=1)
    workflows.run_scheduled()
    assert _count(db, Task) == 1
    workflows.run_scheduled()
    assert _count(db, Task) == 1
    with db.sessions() as s:
        run = s.scalars(select(WorkflowRun)).one()
        assert run.status == "done"
        assert [e["action"] for e in run.log] == ["notify_owner", "wait", "create_task"]


def test_date_reached_fires_once_per_date(
    db: Database, workflows: WorkflowService, addresses: AddressService, clock: Clock
) -> None:
    sales = SalesServices.build(db.sessions, today=clock.today, now=clock.now)
    opp = make_opportunity(
        sales.pipeline, addresses, close_date=clock.today() + dt.timedelta(days=5)
    )
    workflows.save(
        _wf(
            "opportunity",
            Trigger(TriggerType.DATE_REACHED, field="close_date", days=-3),
            Action(ActionType.NOTIFY_OWNER, {"title": "Abschluss in 3 Tagen"}),
        )
    )
    workflows.run_scheduled()
    assert _count(db, Notification) == 0
    clock.advance(days=2)
    workflows.run_scheduled()
    workflows.run_scheduled()
    assert _count(db, Notification) == 1
    assert opp.id


def test_no_activity_and_task_overdue(
    db: Database, workflows: WorkflowService, addresses: AddressService, clock: Clock
) -> None:
    person = make_person(addresses)
    workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.NO_ACTIVITY, days=90),
            Action(ActionType.CREATE_TASK, {"title": "Wieder einmal anrufen"}),
        )
    )
    workflows.save(
        _wf(
            "task",
            Trigger(TriggerType.TASK_OVERDUE),
            Action(ActionType.NOTIFY_OWNER, {"title": "Überfällig"}),
            name="Overdue",
        )
    )
    workflows.run_scheduled()
    assert _count(db, Task) == 0  # the person is new
    clock.advance(days=91)
    # created_at is the real time of creation: pretend it is 91 days ago
    from app.models import Person

    with db.sessions.begin() as s:
        s.get(Person, person.id).created_at = clock.now() - dt.timedelta(days=91)  # type: ignore[union-attr]
    workflows.run_scheduled()
    assert _count(db, Task) == 1
    # the task is due "now" at creation time: it is overdue a day later
    clock.advance(days=1)
    workflows.run_scheduled()
    assert _count(db, Notification) == 1
    workflows.run_scheduled()
    assert _count(db, Task) == 1
    assert _count(db, Notification) == 1


def test_score_crossed_and_form_event(
    db: Database, workflows: WorkflowService, clock: Clock
) -> None:
    sales = SalesServices.build(db.sessions, today=clock.today, now=clock.now)
    workflows.save(
        _wf(
            "lead",
            Trigger(TriggerType.SCORE_CROSSED, threshold=70),
            Action(ActionType.SET_FIELD, {"field": "status", "value": "mql"}),
        )
    )
    form_wf, _ = workflows.save(
        _wf(
            "lead",
            Trigger(TriggerType.FORM_SUBMITTED, value="kontakt"),
            Action(ActionType.NOTIFY_OWNER, {"title": "Web-Lead"}),
            name="Web",
        )
    )
    lead, _ = sales.leads.create_lead(LeadData(last_name="Keller", email="k@x.ch"))
    with db.sessions.begin() as s:
        s.get(Lead, lead.id).score = 80  # type: ignore[union-attr]
    workflows.run_scheduled()
    assert sales.leads.get_lead(lead.id).data.status == "mql"
    assert workflows.evaluate(Event("lead", lead.id, True, form="kontakt")) == [
        (form_wf.id, "form:kontakt")
    ]
    assert workflows.evaluate(Event("lead", lead.id, True, form="other")) == []


def test_send_email_action_queues_rendered_mail(
    db: Database, workflows: WorkflowService, addresses: AddressService
) -> None:
    tpl, _ = TemplateService(db.sessions).save(
        TemplateData(
            "Willkommen",
            "Willkommen, {{person.first_name}}",
            "{{salutation}}\n\nDanke.",
        )
    )
    workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.CREATED),
            Action(ActionType.SEND_EMAIL, {"template_id": tpl.id}),
        )
    )
    make_person(
        addresses, first_name="Anna", last_name="Meier", salutation=Salutation.MS
    )
    with db.sessions() as s:
        mail = s.scalars(select(MailOutbox)).one()
    assert mail.subject == "Willkommen, Anna"
    assert mail.body_text.startswith("Sehr geehrte Frau Meier")
    assert mail.status == "queued"


def test_same_event_twice_runs_once(
    db: Database, workflows: WorkflowService, addresses: AddressService
) -> None:
    workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.FIELD_CHANGED, field="status"),
            Action(ActionType.CREATE_TASK, {"title": "Prüfen"}),
        )
    )
    person = make_person(addresses)
    ev = Event("person", person.id, False, {"status": "customer"}, rev=7)
    workflows.handle([ev])
    workflows.handle([ev])  # e.g. the same change seen from a second laptop
    assert _count(db, Task) == 1
    assert _count(db, WorkflowRun) == 1


def test_test_run_changes_nothing(
    db: Database, workflows: WorkflowService, addresses: AddressService
) -> None:
    person = make_person(addresses)
    data = _wf(
        "person",
        Trigger(TriggerType.CREATED),
        Action(ActionType.CREATE_TASK, {"title": "Anrufen", "due_days": 1}),
        Action(ActionType.WAIT, {"days": 2}),
        Action(ActionType.NOTIFY_OWNER, {"title": "Nachfassen"}),
        conditions=Group(items=(Condition("last_name", Op.EQ, person.last_name),)),
    )
    result = workflows.test_run(data, person.id)
    assert result.conditions_hold
    assert [s.action for s in result.steps] == [
        ActionType.CREATE_TASK,
        ActionType.WAIT,
        ActionType.NOTIFY_OWNER,
    ]
    other = make_person(addresses)
    assert not workflows.test_run(data, other.id).conditions_hold
    assert _count(db, Task) == 0
    assert _count(db, WorkflowRun) == 0


def test_disabled_workflow_does_not_fire_and_bad_input_is_refused(
    db: Database, workflows: WorkflowService, addresses: AddressService
) -> None:
    wf, _ = workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.CREATED),
            Action(ActionType.CREATE_TASK, {"title": "x"}),
        )
    )
    workflows.set_enabled(wf.id, False)
    make_person(addresses)
    assert _count(db, Task) == 0
    with pytest.raises(ValidationError) as err:
        workflows.save(WorkflowData("", "person", Trigger(TriggerType.STAGE_REACHED)))
    fields = {e.field for e in err.value.errors}
    assert fields == {"name", "trigger", "actions"}
    with pytest.raises(ValidationError) as err:
        workflows.save(
            _wf(
                "person",
                Trigger(TriggerType.CREATED),
                Action(ActionType.WAIT, {"days": 0}),
                conditions=Group(items=(Condition("cf:nope", Op.EQ, "x"),)),
            )
        )
    assert {e.field for e in err.value.errors} == {"actions"}
    assert make_organisation(addresses).id


def test_scan_moves_past_handled_occasions(
    db: Database, workflows: WorkflowService, clock: Clock
) -> None:
    from app.domain.journal import TaskData
    from app.services import workflow_engine as we
    from app.services.followups import TaskService
    from app.services.journal import JournalService

    tasks = TaskService(db.sessions, JournalService(db.sessions))
    for i in range(3):
        tasks.create_task(TaskData(f"T{i}", due_at=clock.now() - dt.timedelta(days=1)))
    workflows.save(
        _wf(
            "task",
            Trigger(TriggerType.TASK_OVERDUE),
            Action(ActionType.NOTIFY_OWNER, {"title": "Überfällig"}),
        )
    )
    with db.sessions() as s:
        cset = we.compile_workflows(s, clock.now())
        wf = cset.by_kind["task"][0]
        first = we.scheduled_candidates(s, wf, clock.now(), limit=2)
    assert len(first) == 2
    for rid, key, at in first:
        workflows._run(wf, "task", rid, key, at=at)
    with db.sessions() as s:
        rest = we.scheduled_candidates(s, wf, clock.now(), limit=2)
    assert len(rest) == 1
    assert rest[0][0] not in {rid for rid, _k, _a in first}


def test_birthday_fires_each_year_on_the_day(
    db: Database, workflows: WorkflowService, addresses: AddressService, clock: Clock
) -> None:
    person = make_person(addresses, birth_date=dt.date(1980, 3, 18))
    workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.DATE_REACHED, field="birth_date", days=0),
            Action(ActionType.CREATE_TASK, {"title": "Gratulieren"}),
        )
    )
    workflows.run_scheduled()  # 16 March: not yet
    assert _count(db, Task) == 0
    clock.advance(days=2)
    workflows.run_scheduled()
    workflows.run_scheduled()
    with db.sessions() as s:
        run = s.scalars(select(WorkflowRun)).one()
        assert run.trigger_key == "date:birth_date+0:2026-03-18"
        assert run.entity_id == person.id
        # run as of the occasion (midnight of the birthday): same rows anywhere
        assert run.fired_at == dt.datetime(2026, 3, 18, tzinfo=dt.UTC)
    clock.advance(days=365)
    workflows.run_scheduled()
    assert _count(db, Task) == 2


def test_same_value_again_later_fires_again(
    db: Database, workflows: WorkflowService, addresses: AddressService
) -> None:
    workflows.save(
        _wf(
            "person",
            Trigger(TriggerType.FIELD_CHANGED, field="status", value="customer"),
            Action(ActionType.CREATE_TASK, {"title": "Willkommen als Kunde"}),
        )
    )
    person = make_person(addresses)
    for status in (
        RelationStatus.CUSTOMER,
        RelationStatus.PROSPECT,
        RelationStatus.CUSTOMER,
    ):
        p = addresses.get_person(person.id)
        addresses.update_person(p.id, replace(p.data(), status=status))
    assert _count(db, Task) == 2  # became a customer twice (never synced: rev 0)


def test_set_field_values_are_checked(workflows: WorkflowService) -> None:
    with pytest.raises(ValidationError) as err:
        workflows.save(
            _wf(
                "person",
                Trigger(TriggerType.CREATED),
                Action(ActionType.SET_FIELD, {"field": "status", "value": "kunde"}),
                Action(ActionType.SET_FIELD, {"field": "language", "value": "de"}),
            )
        )
    assert [e.value for e in err.value.errors] == [0]
    with pytest.raises(ValidationError):
        workflows.save(
            _wf(
                "opportunity",
                Trigger(TriggerType.CREATED),
                Action(ActionType.SET_FIELD, {"field": "probability", "value": "120"}),
            )
        )
