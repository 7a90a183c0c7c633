"""Journal entries: validation, links, rich text, search, lists, quick log."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from app.db import journal_schema
from app.db.database import Database
from app.domain.errors import NotFoundError, ValidationError
from app.domain.journal import (
    Direction,
    EntryKind,
    JournalEntryData,
    JournalFilter,
    LinkKind,
    LinkRef,
    TaskData,
)
from app.models.journal import journal_link_id
from app.services.addresses import AddressService
from app.services.journal import html_to_text, text_to_html
from app.services.journal_services import JournalServices
from tests.helpers.factories import make_organisation, make_person
from tests.services.journal_support import (
    FakeClock,
    at,
    count_rows,
    entry,
    org,
    person,
)

QT_HTML = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><head>'
    '<meta name="qrichtext" content="1" /><style type="text/css">p, li '
    "{ white-space: pre-wrap; }</style></head><body>"
    '<p style="margin:0px;">Offerte für <span style="font-weight:700;">Müller'
    "</span>&nbsp;AG besprochen.</p><ul><li>Preis: 1&#x27;200 CHF</li>"
    "<li>Lieferung &amp; Montage</li></ul></body></html>"
)


def test_html_to_text_keeps_words_and_lines_drops_markup() -> None:
    assert html_to_text(QT_HTML) == (
        "Offerte für Müller AG besprochen.\n\n• Preis: 1'200 CHF\n\n• Lieferung & Montage"
    )


@given(st.text())
def test_html_to_text_of_escaped_plain_text_gives_the_words_back(value: str) -> None:
    assert html_to_text(text_to_html(value)).split() == value.split()


@given(st.text())
def test_html_to_text_never_fails(value: str) -> None:
    assert isinstance(html_to_text(value), str)


def test_create_entry_with_links_and_labels(
    js: JournalServices, addresses: AddressService
) -> None:
    alpha = make_organisation(addresses, name="Alpha AG")
    anna = make_person(
        addresses, organisation=alpha, first_name="Anna", last_name="Keller"
    )
    created, changes = js.entries.create_entry(
        JournalEntryData(
            kind=EntryKind.MEETING,
            occurred_at=at(3, 14),
            subject="  Jahresgespräch ",
            body_html="<p>Budget <b>2027</b></p>",
            duration_min=45,
            direction=Direction.OUTBOUND,
            outcome="Offerte bis Freitag",
            links=(person(anna.id), org(alpha.id), person(anna.id)),
        )
    )
    assert created.subject == "Jahresgespräch"
    assert created.body_text == "Budget 2027"
    assert {(link.kind, link.label) for link in created.links} == {
        (LinkKind.PERSON, "Anna Keller"),
        (LinkKind.ORGANISATION, "Alpha AG"),
    }
    assert changes.ids >= {created.id, anna.id, alpha.id}
    again = js.entries.get_entry(created.id)
    assert again == created
    assert again.occurred_at == at(3, 14)


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (entry(subject="", body=""), "body", "journal.empty"),
        (
            dataclasses.replace(entry(), occurred_at=dt.datetime(2026, 3, 2, 9)),
            "occurred_at",
            "journal.time",
        ),
        (
            dataclasses.replace(entry(), duration_min=-5),
            "duration_min",
            "journal.duration",
        ),
        (dataclasses.replace(entry(), subject="x" * 301), "subject", "too_long"),
        (entry(LinkRef("planet", "p1")), "links[0]", "link.invalid"),  # type: ignore[arg-type]
    ],
)
def test_invalid_entries_are_refused_and_nothing_is_stored(
    js: JournalServices, db: Database, data: JournalEntryData, field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as err:
        js.entries.create_entry(data)
    found = err.value.for_field(field)
    assert found is not None
    assert found.code == code
    assert count_rows(db, "journal_entry") == 0
    assert count_rows(db, "journal_link") == 0


def test_links_have_deterministic_ids_and_follow_updates(
    js: JournalServices, db: Database, addresses: AddressService
) -> None:
    anna = make_person(addresses)
    beat = make_person(addresses)
    created, _ = js.entries.create_entry(entry(person(anna.id)))
    with db.engine.connect() as conn:
        link_ids = conn.execute(text("SELECT id FROM journal_link")).scalars().all()
    assert link_ids == [journal_link_id(created.id, "person", anna.id)]
    data = dataclasses.replace(created.data(), links=(person(beat.id),))
    updated, changes = js.entries.update_entry(created.id, data)
    assert [link.id for link in updated.links] == [beat.id]
    assert {anna.id, beat.id} <= changes.ids  # both timelines change
    back = dataclasses.replace(created.data(), links=(person(anna.id),))
    js.entries.update_entry(created.id, back)
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT entity_id, deleted_at IS NULL FROM journal_link ORDER BY 2 DESC"
            )
        ).all()
    assert rows == [(anna.id, 1), (beat.id, 0)]  # the old row came back, no duplicate


def test_link_times_follow_the_entry_and_vanish_with_it(
    js: JournalServices, db: Database, addresses: AddressService
) -> None:
    anna = make_person(addresses)
    created, _ = js.entries.create_entry(entry(person(anna.id), when=at(2, 9)))

    def link_times() -> list[str | None]:
        with db.engine.connect() as conn:
            return list(
                conn.execute(text("SELECT occurred_at FROM journal_link")).scalars()
            )

    js.entries.update_entry(
        created.id, dataclasses.replace(created.data(), occurred_at=at(5, 16))
    )
    assert link_times() == ["2026-03-05 16:00:00.000000"]
    js.entries.delete_entry(created.id)
    assert link_times() == [None]
    js.entries.restore_entry(created.id)
    assert link_times() == ["2026-03-05 16:00:00.000000"]


def test_links_written_without_time_get_it_from_the_entry(
    js: JournalServices, db: Database, addresses: AddressService
) -> None:
    """As sync or an import would insert them (the time is derived, never synced)."""
    anna = make_person(addresses)
    created, _ = js.entries.create_entry(entry(when=at(4, 8)))
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO journal_link (id, entry_id, entity_kind, entity_id, rev, "
                "field_revs, created_at, updated_at) VALUES ('l1', :e, 'person', :p, 0, "
                "'{}', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            ),
            {"e": created.id, "p": anna.id},
        )
        found = conn.execute(
            text("SELECT occurred_at FROM journal_link WHERE id = 'l1'")
        ).scalar_one()
    assert found == "2026-03-04 08:00:00.000000"


def test_search_ignores_accents_and_case_and_follows_edits(
    js: JournalServices,
) -> None:
    svc = js.entries
    one, _ = svc.create_entry(entry(subject="Besuch", body="Offerte für Müller AG"))
    svc.create_entry(entry(subject="Anruf", body="Rückruf wegen Rechnung"))

    def found(search: str) -> list[str]:
        flt = JournalFilter(search=search)
        total = svc.count(flt)
        return [r.id for r in svc.page(flt, offset=0, limit=50, total=total).rows]

    assert found("muller") == [one.id]
    assert found("OFFERT") == [one.id]
    assert found("offerte mull") == [one.id]
    assert found("offerte rechnung") == []
    svc.update_entry(
        one.id, dataclasses.replace(one.data(), body_text="Termin verschoben")
    )
    assert found("muller") == []
    assert found("verschob") == [one.id]
    svc.delete_entry(one.id)
    assert found("verschob") == []


def test_fts_after_edits_equals_a_full_rebuild(
    js: JournalServices, db: Database
) -> None:
    svc = js.entries
    created = [
        svc.create_entry(entry(subject=f"Thema {i}", body=f"Wort{i % 3} Zürich"))[0]
        for i in range(9)
    ]
    for item in created[:4]:
        svc.update_entry(
            item.id, dataclasses.replace(item.data(), body_text="Neu Genève")
        )
    svc.delete_entry(created[5].id)

    def matches(conn: object) -> list[list[int]]:
        return [
            sorted(
                conn.exec_driver_sql(  # type: ignore[attr-defined]
                    f"SELECT rowid FROM journal_fts WHERE journal_fts MATCH '{q}'"
                ).scalars()
            )
            for q in ("zurich", "geneve", "wort1", "thema", "neu")
        ]

    with db.engine.begin() as conn:
        before = matches(conn)
        for stmt in journal_schema.rebuild_statements():
            conn.exec_driver_sql(stmt)
        assert matches(conn) == before
        # the index is consistent in itself (tombstones are not in it on purpose,
        # so the content comparison of ``rank=1`` does not apply)
        conn.exec_driver_sql(
            "INSERT INTO journal_fts(journal_fts) VALUES ('integrity-check')"
        )


def test_list_is_newest_first_in_every_window(
    js: JournalServices, addresses: AddressService
) -> None:
    anna = make_person(addresses, first_name="Anna", last_name="Keller")
    for i in range(30):
        js.entries.create_entry(
            entry(
                person(anna.id), subject=f"E{i:02d}", when=at(1) + dt.timedelta(hours=i)
            )
        )
    flt = JournalFilter()
    total = js.entries.count(flt)
    assert total == 30
    seen = []
    for offset in range(0, total, 7):  # windows past the middle read reversed
        seen += js.entries.page(flt, offset=offset, limit=7, total=total).rows
    assert [r.subject for r in seen] == [f"E{i:02d}" for i in reversed(range(30))]
    assert {r.related for r in seen} == {"Anna Keller"}
    assert js.entries.count(JournalFilter(kinds=frozenset({EntryKind.NOTE}))) == 0


def test_quick_log_creates_entry_and_follow_up_in_one_go(
    js: JournalServices, addresses: AddressService
) -> None:
    alpha = make_organisation(addresses, name="Alpha AG")
    anna = make_person(addresses, organisation=alpha)
    logged, task_id, changes = js.entries.quick_log(
        entry(person(anna.id), org(alpha.id), subject="", body="Will Offerte"),
        TaskData(title="Offerte senden", due_at=at(5, 12)),
    )
    assert task_id is not None
    task = js.tasks.get_task(task_id)
    assert task.source_entry_id == logged.id
    assert {link.id for link in task.links} == {anna.id, alpha.id}
    assert changes.ids >= {logged.id, task_id, anna.id}


def test_quick_log_with_a_bad_follow_up_stores_nothing(
    js: JournalServices, db: Database
) -> None:
    with pytest.raises(ValidationError) as err:
        js.entries.quick_log(entry(subject="Call"), TaskData(title="   "))
    assert err.value.for_field("follow_up.title") is not None
    assert count_rows(db, "journal_entry") == 0
    assert count_rows(db, "task") == 0


def test_deleted_entries_are_gone_and_can_come_back(
    js: JournalServices, clock: FakeClock
) -> None:
    created, _ = js.entries.create_entry(entry(subject="Weg"))
    js.entries.delete_entry(created.id)
    with pytest.raises(NotFoundError):
        js.entries.get_entry(created.id)
    with pytest.raises(NotFoundError):
        js.entries.delete_entry(created.id)
    assert js.entries.count(JournalFilter()) == 0
    js.entries.restore_entry(created.id)
    assert js.entries.get_entry(created.id).subject == "Weg"


def test_contacts_and_employers_for_the_quick_log(
    js: JournalServices, addresses: AddressService
) -> None:
    alpha = make_organisation(addresses, name="Alpha AG")
    anna = make_person(
        addresses, organisation=alpha, first_name="Anna", last_name="Keller"
    )
    assert [(c.id, c.label) for c in js.entries.contacts_of(alpha.id)] == [
        (anna.id, "Anna Keller")
    ]
    assert [(o.id, o.label) for o in js.entries.employers_of(anna.id)] == [
        (alpha.id, "Alpha AG")
    ]


def test_search_lists_newest_logged_first_from_the_index(js: JournalServices) -> None:
    made = [
        js.entries.create_entry(
            entry(subject=f"Offerte {i}", when=at(2) - dt.timedelta(days=i))
        )[0]
        for i in range(5)
    ]
    js.entries.delete_entry(made[1].id)
    flt = JournalFilter(search="offert")
    total, first = js.entries.first_page(flt, limit=2)
    assert total == js.entries.count(flt) == 4
    assert [r.subject for r in first.rows] == ["Offerte 4", "Offerte 3"]
    rest = js.entries.page(flt, offset=2, limit=2, total=total)
    assert [r.subject for r in rest.rows] == ["Offerte 2", "Offerte 0"]
    # with another filter the list sorts by date again
    by_date = JournalFilter(search="offert", kinds=frozenset({EntryKind.CALL}))
    rows = js.entries.page(by_date, offset=0, limit=5, total=4).rows
    assert [r.subject for r in rows] == [
        "Offerte 0",
        "Offerte 2",
        "Offerte 3",
        "Offerte 4",
    ]
