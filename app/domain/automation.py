"""Automation: workflow triggers, conditions and actions; merge fields.

A workflow is *trigger → conditions → actions*. The trigger says which event
on which kind of record fires it; the conditions are a segment condition tree
(:mod:`app.domain.segments`) evaluated on the record (or, for leads and
opportunities, on their person or organisation); the actions run in order,
and a ``wait`` action pauses the run for N days (sequences).

Templates use ``{{object.field}}`` merge fields; :func:`render` fills them
from a :class:`MergeContext` and :func:`salutation` writes the greeting by
gender and language ("Sehr geehrte Frau Muster", "Grüezi Herr Meier").
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.domain.errors import FieldError, UserError, ValidationError
from app.domain.segments import Group, from_json, to_json


class TriggerType(StrEnum):
    """What fires a workflow."""

    CREATED = "created"
    FIELD_CHANGED = "field_changed"
    STAGE_REACHED = "stage_reached"
    DATE_REACHED = "date_reached"
    NO_ACTIVITY = "no_activity"
    TASK_OVERDUE = "task_overdue"
    FORM_SUBMITTED = "form_submitted"
    SCORE_CROSSED = "score_crossed"


class ActionType(StrEnum):
    """What a workflow step does."""

    CREATE_TASK = "create_task"
    SET_FIELD = "set_field"
    ADD_TAG = "add_tag"
    REMOVE_TAG = "remove_tag"
    CHANGE_OWNER = "change_owner"
    JOURNAL_ENTRY = "journal_entry"
    SEND_EMAIL = "send_email"
    NOTIFY_OWNER = "notify_owner"
    WAIT = "wait"


class RunStatus(StrEnum):
    """Where a workflow run stands."""

    DONE = "done"
    WAITING = "waiting"
    HANDOFF = "handoff"  # a server run whose e-mail step a laptop sends
    FAILED = "failed"


#: Triggers checked by the scheduler (laptop and server), not by edits.
SCHEDULED = frozenset(
    {
        TriggerType.DATE_REACHED,
        TriggerType.NO_ACTIVITY,
        TriggerType.TASK_OVERDUE,
        TriggerType.SCORE_CROSSED,
    }
)
#: Record kinds a workflow can watch, and the triggers each offers.
TRIGGERS: Mapping[str, tuple[TriggerType, ...]] = {
    "person": (
        TriggerType.CREATED,
        TriggerType.FIELD_CHANGED,
        TriggerType.DATE_REACHED,
        TriggerType.NO_ACTIVITY,
    ),
    "organisation": (
        TriggerType.CREATED,
        TriggerType.FIELD_CHANGED,
        TriggerType.NO_ACTIVITY,
    ),
    "lead": (
        TriggerType.CREATED,
        TriggerType.FIELD_CHANGED,
        TriggerType.FORM_SUBMITTED,
        TriggerType.SCORE_CROSSED,
    ),
    "opportunity": (
        TriggerType.CREATED,
        TriggerType.FIELD_CHANGED,
        TriggerType.STAGE_REACHED,
        TriggerType.DATE_REACHED,
    ),
    "task": (TriggerType.CREATED, TriggerType.TASK_OVERDUE),
}
#: Date fields a "date reached" trigger can count from.
DATE_FIELDS: Mapping[str, tuple[str, ...]] = {
    "person": ("birth_date",),
    "opportunity": ("close_date",),
}
#: Fields "field changed" and "set field" may name, per record kind.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "person": ("status", "language", "title", "notes"),
    "organisation": ("status", "customer_number", "notes"),
    "lead": ("status", "source", "notes", "disqualify_reason"),
    "opportunity": ("next_step", "probability", "notes", "competitor"),
    "task": ("priority", "status", "notes"),
}
#: Where a record's conditions are checked: on itself or its party.
CONDITION_KIND: Mapping[str, str] = {
    "person": "person",
    "organisation": "organisation",
    "lead": "person",
    "opportunity": "organisation",
    "task": "person",
}
MAX_ACTIONS = 20
MAX_WAIT_DAYS = 365


@dataclass(frozen=True)
class Trigger:
    """The event that fires a workflow.

    Attributes:
        type: see :class:`TriggerType`.
        field: the changed field (``field_changed``) or the date field
            (``date_reached``).
        value: the value the field changed to ('' = any change), the stage
            id (``stage_reached``) or the form slug ('' = any form).
        days: offset for ``date_reached`` (negative = before the date), days
            without a journal entry for ``no_activity``.
        threshold: score for ``score_crossed``.
    """

    type: TriggerType
    field: str = ""
    value: str = ""
    days: int = 0
    threshold: int = 0


@dataclass(frozen=True)
class Action:
    """One step of a workflow.

    ``params`` per type: create_task ``title, due_days, priority, assignee``
    (``owner`` or a user id); set_field ``field, value``; add_tag/remove_tag
    ``tag_id``; change_owner ``user_id``; journal_entry ``kind, subject,
    body``; send_email ``template_id``; notify_owner ``title, body``; wait
    ``days``.
    """

    type: ActionType
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class WorkflowData:
    """Input for saving a workflow."""

    name: str
    entity_kind: str
    trigger: Trigger
    conditions: Group = field(default_factory=Group)
    actions: tuple[Action, ...] = ()
    enabled: bool = False
    description: str = ""
    campaign_id: str | None = None


@dataclass(frozen=True)
class Workflow:
    """A saved workflow."""

    id: str
    data: WorkflowData
    updated_at: dt.datetime
    runs: int = 0
    last_run: dt.datetime | None = None


@dataclass(frozen=True)
class RunStep:
    """One logged action of a run."""

    step: int
    action: ActionType
    result: str
    at: dt.datetime | None = None
    error: str = ""
    detail: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class WorkflowRunInfo:
    """A run as shown in the run log."""

    id: str
    workflow_id: str
    workflow_name: str
    entity_kind: str
    entity_id: str
    record_label: str
    trigger_key: str
    fired_at: dt.datetime
    status: RunStatus
    origin: str
    steps: tuple[RunStep, ...]
    resume_at: dt.datetime | None = None


@dataclass(frozen=True)
class Event:
    """A change to a record that may fire workflows.

    Attributes:
        kind: table of the record (``person``, ``lead`` …).
        entity_id: the record.
        created: a new record (else an update).
        changed: field → new value, for updates (and every value for creates).
        rev: the record's server rev when it changed (0 = never synced).
        form: the web form's slug for ``form_submitted``.
        stamp: when the change was saved; with ``rev`` it tells a second,
            later change to the same value from a replay of the same change.
    """

    kind: str
    entity_id: str
    created: bool
    changed: Mapping[str, Any] = field(default_factory=dict)
    rev: int = 0
    form: str | None = None
    stamp: str = ""


def trigger_key(trigger: Trigger, event: Event) -> str | None:
    """The occasion key if ``event`` fires ``trigger`` (``None`` = it does not).

    The key names the occasion, so two devices seeing the same event make the
    same run id: creation is once per record; a change is per value and the
    rev it was made on.
    """
    if trigger.type is TriggerType.CREATED:
        return "created" if event.created and event.form is None else None
    if trigger.type is TriggerType.FORM_SUBMITTED:
        if event.form is None or (trigger.value and trigger.value != event.form):
            return None
        return f"form:{event.form}"
    if trigger.type is TriggerType.STAGE_REACHED:
        stage = event.changed.get("stage_id")
        if "stage_id" not in event.changed or stage != trigger.value:
            return None
        return f"stage:{stage}:{event.rev}{_at(event)}"
    if trigger.type is TriggerType.FIELD_CHANGED:
        if event.created or trigger.field not in event.changed:
            return None
        new = event.changed[trigger.field]
        if trigger.value and str(new) != trigger.value:
            return None
        return f"field:{trigger.field}={new}:{event.rev}{_at(event)}"
    return None


def _at(event: Event) -> str:
    return f"@{event.stamp}" if event.stamp else ""


# ---- JSON forms (stored in the workflow row, synced)


def _bad(field_name: str, message: str, value: object = None) -> UserError:
    return UserError("workflow.invalid", message, field=field_name, value=value)


def trigger_to_json(t: Trigger) -> dict[str, Any]:
    """The stored form of a trigger."""
    return {
        "type": t.type.value,
        "field": t.field,
        "value": t.value,
        "days": t.days,
        "threshold": t.threshold,
    }


def trigger_from_json(data: object) -> Trigger:
    """Parse a stored trigger (it may come from sync: refuse anything odd)."""
    if (
        not isinstance(data, dict)
        or data.get("type") not in TriggerType.__members__.values()
    ):
        raise _bad("trigger", "unknown trigger", data)
    days, threshold = data.get("days", 0), data.get("threshold", 0)
    if not isinstance(days, int) or not isinstance(threshold, int):
        raise _bad("trigger", "days and threshold must be whole numbers", data)
    return Trigger(
        TriggerType(data["type"]),
        str(data.get("field", "")),
        str(data.get("value", "")),
        days,
        threshold,
    )


def actions_to_json(actions: tuple[Action, ...]) -> list[dict[str, Any]]:
    """The stored form of the actions."""
    return [{"type": a.type.value, "params": dict(a.params)} for a in actions]


def actions_from_json(data: object) -> tuple[Action, ...]:
    """Parse stored actions."""
    if not isinstance(data, list) or len(data) > MAX_ACTIONS:
        raise _bad("actions", "actions must be a list of at most 20", data)
    out: list[Action] = []
    for item in data:
        if (
            not isinstance(item, dict)
            or item.get("type") not in ActionType.__members__.values()
        ):
            raise _bad("actions", "unknown action", item)
        params = item.get("params", {})
        if not isinstance(params, dict):
            raise _bad("actions", "action parameters must be an object", item)
        out.append(Action(ActionType(item["type"]), params))
    return tuple(out)


def conditions_to_json(root: Group) -> dict[str, Any]:
    """The stored form of the conditions (a segment tree)."""
    return to_json(root)


def conditions_from_json(data: object) -> Group:
    """Parse stored conditions (an empty object = no conditions)."""
    if data in (None, {}):
        return Group()
    return from_json(data)


def validate_workflow(data: WorkflowData) -> WorkflowData:
    """Check a workflow before it is saved; every problem at once.

    Raises:
        ValidationError: codes ``required``, ``workflow.trigger``,
            ``workflow.action`` on fields ``name``, ``trigger``,
            ``actions``.
    """
    errors: list[FieldError] = []
    name = data.name.strip()
    if not name:
        errors.append(FieldError("name", "required", "Name is required", data.name))
    kind = data.entity_kind
    allowed = TRIGGERS.get(kind, ())
    t = data.trigger
    if t.type not in allowed:
        errors.append(
            FieldError(
                "trigger",
                "workflow.trigger",
                "This trigger does not apply to this kind of record",
                t.type.value,
            )
        )
    elif t.type is TriggerType.FIELD_CHANGED and t.field not in FIELDS.get(kind, ()):
        errors.append(
            FieldError("trigger", "workflow.trigger_field", "Pick a field", t.field)
        )
    elif t.type is TriggerType.STAGE_REACHED and not t.value:
        errors.append(
            FieldError("trigger", "workflow.trigger_stage", "Pick a stage", t.value)
        )
    elif t.type is TriggerType.DATE_REACHED and t.field not in DATE_FIELDS.get(
        kind, ()
    ):
        errors.append(
            FieldError("trigger", "workflow.trigger_field", "Pick a date", t.field)
        )
    elif t.type is TriggerType.NO_ACTIVITY and not 1 <= t.days <= 3650:
        errors.append(
            FieldError("trigger", "workflow.trigger_days", "1 to 3650 days", t.days)
        )
    if not data.actions:
        errors.append(
            FieldError("actions", "workflow.no_actions", "Add at least one action")
        )
    for i, action in enumerate(data.actions):
        problem = _action_problem(kind, action)
        if problem:
            errors.append(
                FieldError("actions", "workflow.action", f"Step {i + 1}: {problem}", i)
            )
    if errors:
        raise ValidationError(errors)
    return WorkflowData(
        name=name,
        entity_kind=kind,
        trigger=t,
        conditions=data.conditions,
        actions=data.actions,
        enabled=data.enabled,
        description=data.description.strip(),
        campaign_id=data.campaign_id or None,
    )


def _action_problem(kind: str, a: Action) -> str:
    p = a.params
    if a.type is ActionType.CREATE_TASK and not str(p.get("title", "")).strip():
        return "a task needs a title"
    if a.type is ActionType.SET_FIELD:
        name = p.get("field")
        if name not in FIELDS.get(kind, ()):
            return "pick a field"
        allowed = field_values(kind, str(name))
        if allowed and str(p.get("value", "")) not in allowed:
            return f"{name} must be one of {', '.join(allowed)}"
        if name == "probability" and not str(p.get("value", "")).isdigit():
            return "probability must be a whole number from 0 to 100"
        if name == "probability" and int(str(p.get("value"))) > 100:
            return "probability must be a whole number from 0 to 100"
    if a.type in (ActionType.ADD_TAG, ActionType.REMOVE_TAG) and not p.get("tag_id"):
        return "pick a tag"
    if a.type is ActionType.CHANGE_OWNER and not p.get("user_id"):
        return "pick a user"
    if a.type is ActionType.SEND_EMAIL and not p.get("template_id"):
        return "pick a template"
    if a.type is ActionType.NOTIFY_OWNER and not str(p.get("title", "")).strip():
        return "a notification needs a title"
    if a.type is ActionType.JOURNAL_ENTRY and not str(p.get("subject", "")).strip():
        return "a journal entry needs a subject"
    if a.type is ActionType.WAIT:
        days = p.get("days")
        if not isinstance(days, int) or not 1 <= days <= MAX_WAIT_DAYS:
            return "wait 1 to 365 days"
    return ""


def field_values(kind: str, name: str) -> tuple[str, ...]:
    """The values a choice field takes ('' = free text), for "set field"."""
    from app.domain.addresses import RelationStatus
    from app.domain.journal import Priority, TaskStatus
    from app.domain.pipeline import LeadSource, LeadStatus

    if name == "status" and kind in ("person", "organisation"):
        return tuple(v.value for v in RelationStatus)
    if name == "status" and kind == "lead":
        return tuple(v.value for v in LeadStatus if v is not LeadStatus.CONVERTED)
    if name == "status" and kind == "task":
        return tuple(v.value for v in TaskStatus)
    if name == "priority":
        return tuple(v.value for v in Priority)
    if name == "source":
        return tuple(v.value for v in LeadSource)
    if name == "language":
        return ("de", "fr", "it", "en", "rm")
    return ()


# ---- merge fields


MERGE_FIELD = re.compile(r"\{\{\s*([a-z_]+(?:\.[a-z_]+)?)\s*\}\}")

#: Every merge field a template may use (the editor's insert menu).
MERGE_FIELDS: tuple[str, ...] = (
    "salutation",
    "greeting",
    "person.first_name",
    "person.last_name",
    "person.title",
    "person.email",
    "organisation.name",
    "address.street",
    "address.postcode",
    "address.city",
    "owner.name",
    "owner.email",
    "owner.signature",
    "campaign.name",
    "today",
)


@dataclass(frozen=True)
class MergeContext:
    """The values a template is filled from (one recipient)."""

    values: Mapping[str, str]
    language: str = "de"


def salutation(
    gender: str, first_name: str, last_name: str, language: str, *, formal: bool = True
) -> str:
    """The letter greeting by gender and language, without the comma.

    ``formal``: "Sehr geehrte Frau Muster"; informal Swiss: "Grüezi Frau Muster".
    Unknown gender falls back to the full name ("Guten Tag Alex Muster").
    """
    name = " ".join(p for p in (first_name, last_name) if p)
    lang = language if language in ("de", "fr", "it", "en") else "de"
    if not formal:
        word = {"de": "Grüezi", "fr": "Bonjour", "it": "Buongiorno", "en": "Hello"}[
            lang
        ]
        titles = {
            "de": ("Frau", "Herr"),
            "fr": ("Madame", "Monsieur"),
            "it": ("Signora", "Signor"),
            "en": ("Ms", "Mr"),
        }[lang]
        if gender == "ms" and last_name:
            return f"{word} {titles[0]} {last_name}"
        if gender == "mr" and last_name:
            return f"{word} {titles[1]} {last_name}"
        return f"{word} {name}".strip()
    formal_words = {
        "de": ("Sehr geehrte Frau", "Sehr geehrter Herr", "Guten Tag"),
        "fr": ("Chère Madame", "Cher Monsieur", "Bonjour"),
        "it": ("Gentile Signora", "Egregio Signor", "Buongiorno"),
        "en": ("Dear Ms", "Dear Mr", "Dear"),
    }[lang]
    if gender == "ms" and last_name:
        return f"{formal_words[0]} {last_name}"
    if gender == "mr" and last_name:
        return f"{formal_words[1]} {last_name}"
    return f"{formal_words[2]} {name}".strip()


def template_fields(text: str) -> list[str]:
    """The merge fields ``text`` uses, in order."""
    return [m.group(1) for m in MERGE_FIELD.finditer(text)]


def check_template(subject: str, body_text: str, body_html: str) -> None:
    """Refuse unknown merge fields and an empty template.

    Raises:
        ValidationError: ``template.unknown_field`` on the part that names it,
            ``required`` for a missing subject or body.
    """
    errors: list[FieldError] = []
    known = set(MERGE_FIELDS)
    for name, text in (
        ("subject", subject),
        ("body_text", body_text),
        ("body_html", body_html),
    ):
        for f in template_fields(text):
            if f not in known:
                errors.append(
                    FieldError(
                        name,
                        "template.unknown_field",
                        f"Unknown merge field {{{{{f}}}}}",
                        f,
                    )
                )
                break
    if not subject.strip():
        errors.append(FieldError("subject", "required", "Subject is required"))
    if not body_text.strip() and not body_html.strip():
        errors.append(FieldError("body_text", "required", "Write the text"))
    if errors:
        raise ValidationError(errors)


def render(text: str, ctx: MergeContext, *, html_escape: bool = False) -> str:
    """Fill the merge fields of ``text`` (values HTML-escaped for HTML bodies)."""

    def value(m: re.Match[str]) -> str:
        v = ctx.values.get(m.group(1), "")
        return html.escape(v).replace("\n", "<br>") if html_escape else v

    return MERGE_FIELD.sub(value, text)


def html_from_text(text: str) -> str:
    """A simple HTML body from plain text (paragraphs and line breaks)."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paras)


@dataclass(frozen=True)
class RenderedMail:
    """A template filled for one recipient."""

    to_addr: str
    to_name: str
    subject: str
    body_text: str
    body_html: str


# ---- web forms

#: Lead fields a web form may ask for, in form order.
WEB_FORM_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "company",
    "job_title",
    "email",
    "phone",
    "postcode",
    "city",
    "notes",
)
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,58}$")


@dataclass(frozen=True)
class WebFormData:
    """A web-to-lead form as edited in the app (served by the server)."""

    slug: str
    title: str
    fields: tuple[str, ...] = ("first_name", "last_name", "company", "email", "notes")
    intro: str = ""
    consent_text: str = ""
    thank_you: str = ""
    campaign_id: str | None = None
    active: bool = True
