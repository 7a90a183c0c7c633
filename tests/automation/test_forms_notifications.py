"""Web forms edited on the laptop, notifications and consent services."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.db.database import Database
from app.domain.automation import (
    Action,
    ActionType,
    Trigger,
    TriggerType,
    WebFormData,
    WorkflowData,
)
from app.domain.errors import ValidationError
from app.models import SyncOutbox
from app.services.addresses import AddressService
from app.services.notifications import NotificationService
from app.services.web_forms import WebFormService
from app.services.workflows import WorkflowService
from app.sync import outbox
from tests.helpers.factories import make_person


def test_web_form_validation_and_sync_queue(db: Database) -> None:
    outbox.install(db.sessions)
    svc = WebFormService(db.sessions)
    with pytest.raises(ValidationError) as err:
        svc.save(WebFormData("Kontakt Formular!", "", fields=("company",)))
    assert {e.field: e.code for e in err.value.errors} == {
        "slug": "webform.slug",
        "title": "required",
        "fields": "webform.fields",
    }
    assert svc.forms() == []
    fid, _ = svc.save(WebFormData("kontakt", "Kontakt", fields=("email", "notes", "x")))
    assert svc.forms()[0][1].fields == ("email", "notes")
    with pytest.raises(ValidationError) as err:
        svc.save(WebFormData("kontakt", "Zweites", fields=("email",)))
    assert err.value.errors[0].code == "webform.slug_taken"
    with db.sessions() as s:  # reaches the server by sync
        assert s.scalars(
            select(SyncOutbox.row_id).where(SyncOutbox.tbl == "web_form")
        ).all() == [fid]
    outbox.uninstall(db.sessions)


def test_notifications_unread_and_mark_read(
    db: Database, workflows: WorkflowService, addresses: AddressService
) -> None:
    workflows.save(
        WorkflowData(
            "Hinweis",
            "person",
            Trigger(TriggerType.CREATED),
            actions=(Action(ActionType.NOTIFY_OWNER, {"title": "Neue Person"}),),
            enabled=True,
        )
    )
    make_person(addresses, last_name="Frei")
    make_person(addresses, last_name="Graf")
    notes = NotificationService(db.sessions)
    assert notes.unread_count() == 2
    first = notes.unread()[0]
    assert first.title.startswith("Neue Person")
    notes.mark_read([first.id])
    assert notes.unread_count() == 1
    notes.mark_read()
    assert notes.unread_count() == 0


def test_consent_set_and_read(db: Database, addresses: AddressService) -> None:
    p = make_person(addresses)
    notes = NotificationService(db.sessions)
    assert notes.consent(p.id) is None
    notes.set_consent(p.id, False, source="Telefon")
    assert notes.consent(p.id) is False
    notes.set_consent(p.id, True)
    assert notes.consent(p.id) is True


@given(st.lists(st.text(max_size=20), min_size=1, max_size=4))
def test_auto_id_is_uuid5(parts: list[str]) -> None:
    import uuid

    from app.models.automation import AUTOMATION_NAMESPACE, auto_id

    assert auto_id(*parts) == str(uuid.uuid5(AUTOMATION_NAMESPACE, "/".join(parts)))


def test_ordered_ids_are_unique_and_increasing() -> None:
    from app.services.campaigns import _ordered_ids

    ids = _ordered_ids(20_000)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(len(i) == 36 and i[14] == "7" for i in ids[:100])
