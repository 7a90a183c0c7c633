"""Timeline: entries, tasks and cases of a record (an organisation's with its people)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import pytest
from sqlalchemy import String, literal, select
from sqlalchemy.orm import Session

from app.domain.journal import (
    CaseData,
    EntryKind,
    LinkKind,
    TaskData,
    TimelineFilter,
    TimelineItem,
)
from app.models import Organisation
from app.services import timeline as timeline_module
from app.services.addresses import AddressService
from app.services.journal_services import JournalServices
from app.services.timeline import TimelineTarget, register_source
from tests.helpers.factories import make_organisation, make_person
from tests.services.journal_support import (
    at,
    entry,
    org,
    person,
)


def _all(
    js: JournalServices, target: TimelineTarget, **flt: object
) -> list[TimelineItem]:
    f = TimelineFilter(**flt)  # type: ignore[arg-type]
    total = js.timeline.count(target, f)
    return list(js.timeline.page(target, f, offset=0, limit=500, total=total).rows)


@pytest.fixture
def account(js: JournalServices, addresses: AddressService) -> dict[str, str]:
    """Alpha AG with two contacts, a stranger, and history on all of them."""
    alpha = make_organisation(addresses, name="Alpha AG")
    anna = make_person(
        addresses, organisation=alpha, first_name="Anna", last_name="Keller"
    )
    beat = make_person(
        addresses, organisation=alpha, first_name="Beat", last_name="Huber"
    )
    other = make_person(addresses, first_name="Cleo", last_name="Fremd")
    e1, _ = js.entries.create_entry(
        entry(
            org(alpha.id), subject="Firmenbesuch", when=at(1, 9), kind=EntryKind.VISIT
        )
    )
    e2, _ = js.entries.create_entry(
        entry(person(anna.id), org(alpha.id), subject="Anruf Anna", when=at(3, 10))
    )
    e3, _ = js.entries.create_entry(
        entry(
            person(beat.id), subject="Mail Beat", body="Offerte Müller", when=at(4, 8)
        )
    )
    e4, _ = js.entries.create_entry(
        entry(person(other.id), subject="Fremd", when=at(5))
    )
    task, _ = js.tasks.create_task(
        TaskData(title="Offerte nachfassen", due_at=at(9, 12), links=(person(anna.id),))
    )
    case, _ = js.cases.create_case(
        CaseData(title="Login-Problem", person_id=beat.id, organisation_id=None)
    )
    return {
        "alpha": alpha.id,
        "anna": anna.id,
        "beat": beat.id,
        "other": other.id,
        "e1": e1.id,
        "e2": e2.id,
        "e3": e3.id,
        "e4": e4.id,
        "task": task.id,
        "case": case.id,
    }


def test_organisation_timeline_includes_its_people_newest_first(
    js: JournalServices, account: dict[str, str]
) -> None:
    items = _all(js, TimelineTarget(LinkKind.ORGANISATION, account["alpha"]))
    assert [(i.source, i.id) for i in items] == [
        ("task", account["task"]),  # due 9 March
        ("journal", account["e3"]),
        ("journal", account["e2"]),  # linked to Anna and Alpha: shown once
        ("case", account["case"]),  # opened 2 March (the fake clock)
        ("journal", account["e1"]),
    ]
    call = items[2]
    assert (call.subtype, call.title, call.meta) == (
        "call",
        "Anruf Anna",
        "Anna Keller",
    )
    assert items[1].summary == "Offerte Müller"


def test_person_timeline_has_only_their_events(
    js: JournalServices, account: dict[str, str]
) -> None:
    anna = _all(js, TimelineTarget(LinkKind.PERSON, account["anna"]))
    assert [i.id for i in anna] == [account["task"], account["e2"]]
    beat = _all(js, TimelineTarget(LinkKind.PERSON, account["beat"]))
    assert [i.id for i in beat] == [account["e3"], account["case"]]


def test_filter_by_source_and_search(
    js: JournalServices, account: dict[str, str]
) -> None:
    target = TimelineTarget(LinkKind.ORGANISATION, account["alpha"])
    only_tasks = _all(js, target, sources=frozenset({"task"}))
    assert [i.id for i in only_tasks] == [account["task"]]
    assert js.timeline.count(target, TimelineFilter(sources=frozenset({"task"}))) == 1
    found = _all(js, target, search="muller")
    assert [i.id for i in found] == [account["e3"]]
    assert [i.id for i in _all(js, target, search="offerte")] == [
        account["task"],
        account["e3"],
    ]
    assert [i.id for i in _all(js, target, search="login")] == [account["case"]]


def test_deleted_and_changed_events_follow(
    js: JournalServices, account: dict[str, str]
) -> None:
    target = TimelineTarget(LinkKind.ORGANISATION, account["alpha"])
    js.entries.delete_entry(account["e2"])
    assert account["e2"] not in [i.id for i in _all(js, target)]
    js.tasks.complete_task(account["task"])
    done = next(i for i in _all(js, target) if i.id == account["task"])
    assert (done.subtype, done.at) == ("done", at(2))  # now placed when it was done


def test_case_timeline_is_its_journal_and_tasks(
    js: JournalServices, account: dict[str, str]
) -> None:
    case_link = (LinkKind.SERVICE_CASE, account["case"])
    from app.domain.journal import LinkRef

    reply, _ = js.entries.create_entry(
        entry(LinkRef(*case_link), subject="Antwort an Kunde", when=at(2, 15))
    )
    items = _all(js, TimelineTarget(*case_link))
    assert [i.id for i in items] == [reply.id]


def test_windows_past_the_middle_read_the_same_order(
    js: JournalServices, addresses: AddressService
) -> None:
    alpha = make_organisation(addresses)
    for i in range(25):
        js.entries.create_entry(
            entry(
                org(alpha.id), subject=f"E{i:02d}", when=at(1) + dt.timedelta(hours=i)
            )
        )
    target = TimelineTarget(LinkKind.ORGANISATION, alpha.id)
    total = js.timeline.count(target)
    seen: list[TimelineItem] = []
    for offset in range(0, total, 6):
        seen += js.timeline.page(target, offset=offset, limit=6, total=total).rows
    assert [i.title for i in seen] == [f"E{i:02d}" for i in reversed(range(25))]


@pytest.fixture
def stage_source() -> Iterator[None]:
    """A source as the pipeline registers one (here: the organisation's creation)."""

    def keys(target: TimelineTarget, _search: str):  # type: ignore[no-untyped-def]
        if target.kind != LinkKind.ORGANISATION:
            return None
        return select(
            Organisation.created_at.label("at"),
            literal("created", String).label("source"),
            Organisation.id.label("id"),
        ).where(Organisation.id == target.id)

    def details(s: Session, ids: Sequence[str]) -> dict[str, TimelineItem]:
        rows = s.execute(
            select(Organisation.id, Organisation.created_at, Organisation.name).where(
                Organisation.id.in_(ids)
            )
        ).all()
        return {
            r[0]: TimelineItem(r[0], "created", "created", r[1], r[2], "") for r in rows
        }

    register_source("created", keys=keys, details=details)
    yield
    timeline_module.SOURCES.pop("created")


@pytest.mark.usefixtures("stage_source")
def test_other_capabilities_add_sources(
    js: JournalServices, account: dict[str, str]
) -> None:
    items = _all(js, TimelineTarget(LinkKind.ORGANISATION, account["alpha"]))
    assert [(i.source, i.title) for i in items if i.source == "created"] == [
        ("created", "Alpha AG")
    ]
    assert len(items) == 6
    assert items == sorted(items, key=lambda i: i.at, reverse=True)
    assert "created" in js.timeline.sources()
