"""Service cases: numbers, SLA dates, status rules, overdue, knowledge-base answers."""

from __future__ import annotations

import dataclasses
import re

import pytest

from app.db.database import Database
from app.domain.errors import NotFoundError, ValidationError
from app.domain.journal import (
    SLA,
    ArticleData,
    CaseData,
    CaseFilter,
    CaseStatus,
    Priority,
)
from app.services import cases as cases_module
from app.services.addresses import AddressService
from app.services.journal_services import JournalServices
from tests.helpers.factories import make_organisation, make_person
from tests.services.journal_support import (
    FakeClock,
    at,
    count_rows,
)


@pytest.fixture
def customer(addresses: AddressService) -> tuple[str, str]:
    alpha = make_organisation(addresses, name="Alpha AG")
    anna = make_person(
        addresses, organisation=alpha, first_name="Anna", last_name="Keller"
    )
    return alpha.id, anna.id


def _case(customer: tuple[str, str], **kw: object) -> CaseData:
    values: dict[str, object] = {
        "title": "Login geht nicht",
        "organisation_id": customer[0],
        "person_id": customer[1],
    }
    values.update(kw)
    return CaseData(**values)  # type: ignore[arg-type]


def test_a_new_case_gets_a_number_and_sla_dates(
    js: JournalServices, customer: tuple[str, str], clock: FakeClock
) -> None:
    case, changes = js.cases.create_case(_case(customer, priority=Priority.HIGH))
    assert re.fullmatch(r"SC-26-[0-9A-HJKMNP-TV-Z]{5}", case.number)
    assert case.status == CaseStatus.NEW
    assert case.response_due == clock.now + SLA[Priority.HIGH][0]
    assert case.resolution_due == clock.now + SLA[Priority.HIGH][1]
    assert case.customer == "Anna Keller · Alpha AG"
    assert {case.id, customer[0], customer[1]} <= changes.ids


def test_a_case_needs_title_and_customer(js: JournalServices, db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        js.cases.create_case(CaseData(title=" "))
    assert err.value.for_field("title") is not None
    assert err.value.for_field("customer") is not None
    assert count_rows(db, "service_case") == 0


def test_unknown_customer_is_refused(js: JournalServices, db: Database) -> None:
    with pytest.raises(NotFoundError):
        js.cases.create_case(CaseData(title="x", organisation_id="nope"))
    assert count_rows(db, "service_case") == 0


def test_life_cycle_from_new_to_closed_and_reopened(
    js: JournalServices, customer: tuple[str, str], clock: FakeClock
) -> None:
    case, _ = js.cases.create_case(_case(customer))
    with pytest.raises(ValidationError) as err:
        js.cases.set_status(case.id, CaseStatus.CLOSED)  # not solved yet
    assert err.value.code == "case.transition"
    clock.advance(hours=1)
    case, _ = js.cases.set_status(case.id, CaseStatus.IN_PROGRESS)
    assert case.first_response_at == clock.now
    clock.advance(hours=1)
    case, _ = js.cases.set_status(case.id, CaseStatus.WAITING)
    case, _ = js.cases.set_status(case.id, CaseStatus.SOLVED)
    assert case.solved_at == clock.now
    clock.advance(days=2)
    case, _ = js.cases.set_status(case.id, CaseStatus.CLOSED)
    assert case.closed_at == clock.now
    assert case.first_response_at == at(2, 10)  # kept
    case, _ = js.cases.set_status(case.id, CaseStatus.IN_PROGRESS)
    assert (case.solved_at, case.closed_at) == (None, None)


def test_overdue_cases_are_flagged_and_filtered(
    js: JournalServices, customer: tuple[str, str], clock: FakeClock
) -> None:
    urgent, _ = js.cases.create_case(_case(customer, priority=Priority.URGENT))
    calm, _ = js.cases.create_case(
        _case(customer, title="Frage", priority=Priority.LOW)
    )
    clock.advance(hours=3)  # past the 2 h first-response target of the urgent one
    assert urgent.overdue(clock.now)
    assert not calm.overdue(clock.now)
    flt = CaseFilter(overdue_only=True)
    total = js.cases.count(flt)
    rows = js.cases.page(flt, offset=0, limit=10, total=total).rows
    assert [(r.id, r.overdue) for r in rows] == [(urgent.id, True)]
    js.cases.set_status(urgent.id, CaseStatus.IN_PROGRESS)  # answered: response met
    assert js.cases.count(flt) == 0
    clock.advance(days=2)  # past the 1-day resolution target
    assert js.cases.count(flt) == 1
    assert js.cases.open_counts() == (2, 1)
    js.cases.set_status(urgent.id, CaseStatus.SOLVED)
    assert js.cases.count(flt) == 0


def test_priority_change_replans_dates_not_set_by_hand(
    js: JournalServices, customer: tuple[str, str], clock: FakeClock
) -> None:
    case, _ = js.cases.create_case(_case(customer))
    manual = at(20)
    data = dataclasses.replace(
        case.data(), priority=Priority.URGENT, resolution_due=manual
    )
    changed, _ = js.cases.update_case(case.id, data)
    assert changed.response_due == at(2) + SLA[Priority.URGENT][0]
    assert changed.resolution_due == manual


def test_article_linked_as_answer(
    js: JournalServices, customer: tuple[str, str]
) -> None:
    article, _ = js.knowledge.create_article(
        ArticleData(
            "Passwort zurücksetzen", "Im Portal auf «Passwort vergessen».", ("login",)
        )
    )
    case, _ = js.cases.create_case(_case(customer))
    linked, changes = js.cases.link_article(case.id, article.id)
    assert linked.article_title == "Passwort zurücksetzen"
    assert article.id in changes.ids
    assert js.knowledge.get_article(article.id).case_count == 1
    with pytest.raises(NotFoundError):
        js.cases.link_article(case.id, "missing")


def test_number_collisions_draw_again(
    js: JournalServices, customer: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = iter(["SC-26-AAAAA", "SC-26-AAAAA", "SC-26-BBBBB"])
    monkeypatch.setattr(cases_module, "new_case_number", lambda _now: next(numbers))
    first, _ = js.cases.create_case(_case(customer))
    second, _ = js.cases.create_case(_case(customer))
    assert (first.number, second.number) == ("SC-26-AAAAA", "SC-26-BBBBB")


def test_list_search_and_order(
    js: JournalServices, customer: tuple[str, str], clock: FakeClock
) -> None:
    a, _ = js.cases.create_case(_case(customer, title="Rechnung falsch"))
    clock.advance(minutes=5)
    b, _ = js.cases.create_case(
        _case(customer, title="Lieferung fehlt", priority=Priority.URGENT)
    )
    js.cases.set_status(a.id, CaseStatus.SOLVED)
    total = js.cases.count(CaseFilter())
    rows = js.cases.page(CaseFilter(), offset=0, limit=10, total=total).rows
    assert [r.id for r in rows] == [b.id, a.id]  # open first
    assert js.cases.count(CaseFilter(search="rechnung")) == 1
    assert js.cases.count(CaseFilter(search=b.number[-5:])) == 1
    assert js.cases.count(CaseFilter(statuses=frozenset({CaseStatus.SOLVED}))) == 1
    js.cases.delete_case(a.id)
    assert js.cases.count(CaseFilter()) == 1
