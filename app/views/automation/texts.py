"""User-visible names of automation things (triggers, actions, statuses, errors)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from app.domain.automation import ActionType, RunStatus, RunStep, TriggerType


def _t(text: str) -> str:
    return QCoreApplication.translate("AutomationTexts", text)


def kind_text(kind: str) -> str:
    """A record kind a workflow watches."""
    return {
        "person": _t("Person"),
        "organisation": _t("Organisation"),
        "lead": _t("Lead"),
        "opportunity": _t("Opportunity"),
        "task": _t("Task"),
    }.get(kind, kind)


def trigger_text(t: TriggerType) -> str:
    """A trigger type."""
    return {
        TriggerType.CREATED: _t("Record created"),
        TriggerType.FIELD_CHANGED: _t("Field changed"),
        TriggerType.STAGE_REACHED: _t("Stage reached"),
        TriggerType.DATE_REACHED: _t("Date reached"),
        TriggerType.NO_ACTIVITY: _t("No journal entry for N days"),
        TriggerType.TASK_OVERDUE: _t("Task overdue"),
        TriggerType.FORM_SUBMITTED: _t("Web form submitted"),
        TriggerType.SCORE_CROSSED: _t("Lead score reached"),
    }[t]


def action_text(a: ActionType) -> str:
    """An action type."""
    return {
        ActionType.CREATE_TASK: _t("Create task"),
        ActionType.SET_FIELD: _t("Set field"),
        ActionType.ADD_TAG: _t("Add tag"),
        ActionType.REMOVE_TAG: _t("Remove tag"),
        ActionType.CHANGE_OWNER: _t("Change owner"),
        ActionType.JOURNAL_ENTRY: _t("Log journal entry"),
        ActionType.SEND_EMAIL: _t("Send e-mail"),
        ActionType.NOTIFY_OWNER: _t("Notify the owner"),
        ActionType.WAIT: _t("Wait (days)"),
    }[a]


def status_text(s: RunStatus | str) -> str:
    """A run or mail status."""
    return {
        "done": _t("Done"),
        "waiting": _t("Waiting"),
        "handoff": _t("Waiting for a laptop"),
        "failed": _t("Failed"),
        "queued": _t("Queued"),
        "sent": _t("Sent"),
        "bounced": _t("Bounced"),
        "blocked": _t("Blocked (no consent)"),
        "member": _t("Member"),
        "opted_out": _t("Opted out"),
        "responded": _t("Responded"),
        "registered": _t("Registered"),
        "attended": _t("Attended"),
        "converted": _t("Converted"),
        "": "—",
    }.get(str(s), str(s))


def field_name_text(name: str) -> str:
    """A record field a trigger or action names."""
    return {
        "status": _t("Status"),
        "language": _t("Language"),
        "title": _t("Title"),
        "notes": _t("Notes"),
        "customer_number": _t("Customer no."),
        "source": _t("Source"),
        "disqualify_reason": _t("Disqualification reason"),
        "next_step": _t("Next step"),
        "probability": _t("Probability"),
        "competitor": _t("Competitor"),
        "priority": _t("Priority"),
        "birth_date": _t("Date of birth"),
        "close_date": _t("Close date"),
    }.get(name, name)


def channel_text(channel: str) -> str:
    """A campaign channel."""
    return {
        "email": _t("E-mail"),
        "letter": _t("Letter"),
        "event": _t("Event / trade fair"),
        "phone": _t("Phone"),
        # channels the sales capability's campaigns use
        "e-mail": _t("E-mail"),
        "trade fair": _t("Event / trade fair"),
        "online ads": _t("Online ads"),
        "print": _t("Print"),
        "social media": _t("Social media"),
    }.get(channel, channel)


def error_text(code: str, fallback: str) -> str:
    """An error message by code (the service's English text otherwise)."""
    return {
        "required": _t("Required"),
        "workflow.trigger": _t("This trigger does not apply to this kind of record"),
        "workflow.trigger_field": _t("Pick a field"),
        "workflow.trigger_stage": _t("Pick a stage"),
        "workflow.trigger_days": _t("Enter 1 to 3650 days"),
        "workflow.no_actions": _t("Add at least one action"),
        "workflow.action": _t("Action %1 is incomplete"),
        "segment.condition": _t("A condition does not fit: %1"),
        "template.unknown_field": _t("Unknown merge field: %1"),
        "smtp.port": _t("Enter a port from 1 to 65535"),
        "email.invalid": _t("This is not an e-mail address"),
        "smtp.unreachable": _t("The mail server cannot be reached"),
        "smtp.auth": _t("The mail server refused the user name or password"),
        "smtp.not_configured": _t("Set up the mail server first (Edit → Mail server)"),
        "mail.no_recipient": _t("This record has no person to write to"),
        "mail.no_address": _t("This person has no e-mail address"),
        "campaign.end_before_start": _t("The campaign ends before it starts"),
        "campaign.cost": _t("The cost cannot be negative"),
        "webform.slug": _t("Use lower-case letters, digits and dashes"),
        "webform.slug_taken": _t("Another form already uses this name"),
        "webform.fields": _t("Ask at least for the e-mail address or the last name"),
    }.get(code, fallback).replace("%1", fallback)


def _date(iso: str) -> str:
    parts = iso.split("-")
    return f"{parts[2]}.{parts[1]}.{parts[0]}" if len(parts) == 3 else iso


def step_text(step: RunStep, names: Mapping[str, str]) -> str:
    """One logged or planned action in words (ids shown as names)."""
    d = step.detail
    if step.error:
        return f"{action_text(step.action)}: {step.error}"

    def name(key: str) -> str:
        value = d.get(key, "")
        return names.get(value, value)

    a = step.action
    if a is ActionType.CREATE_TASK and "title" in d:
        text = (
            _t("Task “%1”, due %2")
            .replace("%1", d["title"])
            .replace("%2", _date(d.get("due", "")))
        )
        return text + (" → " + name("user") if d.get("user") else "")
    if a is ActionType.SET_FIELD and "field" in d:
        return (
            _t("%1 set to “%2”")
            .replace("%1", field_name_text(d["field"]))
            .replace("%2", d.get("value", ""))
        )
    if a in (ActionType.ADD_TAG, ActionType.REMOVE_TAG) and "tag" in d:
        texts = {
            "added": _t("Tag “%1” added"),
            "present": _t("Tag “%1” was already there"),
            "removed": _t("Tag “%1” removed"),
            "absent": _t("Tag “%1” was not there"),
        }
        return texts.get(d.get("state", ""), "%1").replace("%1", name("tag"))
    if a is ActionType.CHANGE_OWNER and "user" in d:
        return _t("New owner: %1").replace("%1", name("user"))
    if a is ActionType.JOURNAL_ENTRY and "subject" in d:
        return _t("Journal entry “%1”").replace("%1", d["subject"])
    if a is ActionType.SEND_EMAIL and "template" in d:
        if d.get("state") == "handoff":
            return _t("E-mail “%1” handed to the owner's laptop").replace(
                "%1", name("template")
            )
        return _t("E-mail “%1” queued").replace("%1", name("template"))
    if a is ActionType.NOTIFY_OWNER and "user" in d:
        return (
            _t("%1 notified").replace("%1", name("user"))
            if d["user"]
            else _t("Nobody notified (the record has no owner)")
        )
    if a is ActionType.WAIT and "days" in d:
        return (
            _t("Wait %1 days, until %2")
            .replace("%1", d["days"])
            .replace("%2", _date(d.get("until", "")))
        )
    return f"{action_text(a)}: {step.result}"


def value_text(value: str) -> str:
    """A choice value of a record field ("set field" picks)."""
    return {
        "prospect": _t("Prospect"),
        "customer": _t("Customer"),
        "partner": _t("Partner"),
        "supplier": _t("Supplier"),
        "former": _t("Former customer"),
        "unqualified": _t("Unqualified"),
        "mql": _t("Marketing qualified (MQL)"),
        "sql": _t("Sales qualified (SQL)"),
        "disqualified": _t("Disqualified"),
        "open": _t("Open"),
        "in_progress": _t("In progress"),
        "cancelled": _t("Cancelled"),
        "low": _t("Low"),
        "normal": _t("Normal"),
        "high": _t("High"),
        "urgent": _t("Urgent"),
        "campaign": _t("Campaign"),
        "web_form": _t("Web form"),
        "trade_fair": _t("Trade fair"),
        "referral": _t("Referral"),
        "cold_call": _t("Cold call"),
        "import": _t("Import"),
        "other": _t("Other"),
        "de": _t("German"),
        "fr": _t("French"),
        "it": _t("Italian"),
        "en": _t("English"),
        "rm": _t("Romansh"),
    }.get(value, status_text(value))
