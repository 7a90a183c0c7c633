"""The journal (Journaleintrag): calls, meetings, e-mails, letters, notes, visits.

Every public method opens its own session and returns frozen DTOs plus
:class:`Changes`. Entries reach records through ``journal_link`` rows (see
:mod:`app.models.journal`); their labels come from :data:`LINK_LABELS`, a small
registry other capabilities may extend for their own record kinds.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import Session, sessionmaker

from app.db.address_queries import SEARCH_CAP, fts_query, page_window
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, ValidationError
from app.domain.journal import (
    AttachmentInfo,
    Direction,
    EntryKind,
    JournalEntry,
    JournalEntryData,
    JournalFilter,
    JournalRow,
    LinkKind,
    LinkRef,
    TaskData,
)
from app.models import Base, Organisation, Person, UserAccount, utcnow
from app.models.journal import Attachment, JournalLink, ServiceCase, journal_link_id
from app.models.journal import JournalEntry as EntryRow
from app.models.journal import Task as TaskRecord
from app.services.addresses import Page

#: Longest duration a journal entry may record (a week of workshops).
MAX_DURATION_MIN = 7 * 24 * 60
SUMMARY_CHARS = 300

LabelFn = Callable[[Session, Sequence[str]], dict[str, str]]


# ---- rich text


class _TextExtractor(HTMLParser):
    """Plain text of an HTML body: block elements become line breaks."""

    _BLOCK = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"}
    )
    _SKIP = frozenset({"style", "script", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(body_html: str) -> str:
    """The plain text of a rich-text body, for search and summaries."""
    parser = _TextExtractor()
    parser.feed(body_html)
    parser.close()
    text = "".join(parser.parts).replace("\u00a0", " ")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_to_html(text: str) -> str:
    """A plain body as minimal HTML (paragraphs), e.g. to open it in an editor."""
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n"))


# ---- link labels


def _person_labels(s: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = s.execute(
        select(Person.id, Person.first_name, Person.last_name).where(Person.id.in_(ids))
    )
    return {r[0]: f"{r[1]} {r[2]}".strip() for r in rows}


def person_labels_with_org(s: Session, ids: Sequence[str]) -> dict[str, str]:
    """``Anna Keller · Alpha AG``: lists say who *and* where."""
    rows = s.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.org_name).where(
            Person.id.in_(ids)
        )
    )
    return {
        r[0]: " · ".join(p for p in (f"{r[1]} {r[2]}".strip(), r[3]) if p) for r in rows
    }


def _org_labels(s: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = s.execute(
        select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))
    )
    return {r[0]: r[1] for r in rows}


def _user_labels(s: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = s.execute(
        select(UserAccount.id, UserAccount.display_name, UserAccount.username).where(
            UserAccount.id.in_(ids)
        )
    )
    return {r[0]: r[1] or r[2] for r in rows}


def _case_labels(s: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = s.execute(
        select(ServiceCase.id, ServiceCase.number, ServiceCase.title).where(
            ServiceCase.id.in_(ids)
        )
    )
    return {r[0]: f"{r[1]} {r[2]}" for r in rows}


def _task_labels(s: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = s.execute(
        select(TaskRecord.id, TaskRecord.title).where(TaskRecord.id.in_(ids))
    )
    return {r[0]: r[1] for r in rows}


def _table_labels(name: str) -> LabelFn:
    """Labels from another capability's table, found by its columns.

    Leads and opportunities belong to the pipeline capability; reading their
    title (or name) through the shared metadata needs no import of its code.
    """

    def labels(s: Session, ids: Sequence[str]) -> dict[str, str]:
        tbl: Table | None = Base.metadata.tables.get(name)
        if tbl is None:
            return {}
        cols = tbl.c
        if "title" in cols:
            label: ColumnElement[str] = cols["title"]
        elif {"first_name", "last_name", "company"} <= set(cols.keys()):
            label = func.trim(
                cols["first_name"] + " " + cols["last_name"] + " · " + cols["company"],
                " ·",
            )
        elif "name" in cols:
            label = cols["name"]
        else:
            return {}
        rows = s.execute(select(cols["id"], label).where(cols["id"].in_(ids)))
        return {r[0]: str(r[1]) for r in rows}

    return labels


#: How to name a linked record of each kind; other capabilities may register more.
LINK_LABELS: dict[str, LabelFn] = {
    LinkKind.PERSON: _person_labels,
    LinkKind.ORGANISATION: _org_labels,
    LinkKind.USER: _user_labels,
    LinkKind.SERVICE_CASE: _case_labels,
    LinkKind.TASK: _task_labels,
    LinkKind.LEAD: _table_labels("lead"),
    LinkKind.OPPORTUNITY: _table_labels("opportunity"),
}


def link_labels(
    s: Session, links: Iterable[tuple[str, str]], *, with_org: bool = False
) -> dict[tuple[str, str], str]:
    """Labels of ``(kind, id)`` pairs, one query per kind.

    ``with_org`` names a person's organisation too (for list columns).
    """
    by_kind: dict[str, list[str]] = {}
    for kind, rid in links:
        by_kind.setdefault(kind, []).append(rid)
    out: dict[tuple[str, str], str] = {}
    for kind, ids in by_kind.items():
        fn = LINK_LABELS.get(kind)
        if with_org and kind == LinkKind.PERSON:
            fn = person_labels_with_org
        found = fn(s, ids) if fn else {}
        out.update({(kind, rid): found.get(rid, "") for rid in ids})
    return out


def user_names(s: Session, ids: Iterable[str]) -> dict[str, str]:
    """Display names of several users in one query."""
    wanted = sorted(set(ids))
    return _user_labels(s, wanted) if wanted else {}


def owner_name(s: Session, owner_id: str | None) -> str:
    """Display name of a user id (empty if none)."""
    if not owner_id:
        return ""
    return _user_labels(s, [owner_id]).get(owner_id, "")


def _link_kind(value: str) -> LinkKind | None:
    return LinkKind(value) if value in LinkKind else None


def check_links(links: Sequence[LinkRef], errors: list[FieldError]) -> None:
    """Links must name a known kind and an id."""
    for i, link in enumerate(links):
        if _link_kind(link.kind) is None or not link.id:
            errors.append(
                FieldError(
                    f"links[{i}]", "link.invalid", "Unknown linked record", link.id
                )
            )


def related_text(links: Sequence[LinkRef]) -> str:
    """The records an entry or task concerns, for one list column."""
    order = {
        LinkKind.PERSON: 0,
        LinkKind.ORGANISATION: 1,
        LinkKind.OPPORTUNITY: 2,
        LinkKind.LEAD: 3,
        LinkKind.SERVICE_CASE: 4,
        LinkKind.TASK: 5,
    }
    shown = sorted(
        (link for link in links if link.kind in order and link.label),
        key=lambda link: order[link.kind],
    )
    return ", ".join(link.label for link in shown)


# ---- validation


def validate_entry(data: JournalEntryData) -> JournalEntryData:
    """Check and normalise an entry; raises :class:`ValidationError` listing every problem."""
    errors: list[FieldError] = []
    subject = data.subject.strip()
    body_html = data.body_html.strip()
    body_text = html_to_text(body_html) if body_html else data.body_text.strip()
    if data.kind not in EntryKind:
        errors.append(
            FieldError("kind", "journal.kind", "Unknown entry type", data.kind)
        )
    if data.occurred_at.tzinfo is None:
        errors.append(
            FieldError("occurred_at", "journal.time", "Time without zone", None)
        )
    if not subject and not body_text:
        errors.append(
            FieldError("body", "journal.empty", "Write a subject or a text", "")
        )
    if len(subject) > 300:
        errors.append(
            FieldError("subject", "too_long", "At most 300 characters", subject)
        )
    if len(data.outcome.strip()) > 300:
        errors.append(
            FieldError("outcome", "too_long", "At most 300 characters", data.outcome)
        )
    if not 0 <= data.duration_min <= MAX_DURATION_MIN:
        errors.append(
            FieldError(
                "duration_min",
                "journal.duration",
                f"Duration must lie between 0 and {MAX_DURATION_MIN} minutes",
                data.duration_min,
            )
        )
    if data.direction not in Direction:
        errors.append(
            FieldError(
                "direction", "journal.direction", "Unknown direction", data.direction
            )
        )
    check_links(data.links, errors)
    if errors:
        raise ValidationError(errors)
    links: dict[tuple[str, str], LinkRef] = {}
    for link in data.links:
        links.setdefault(
            (str(link.kind), link.id), LinkRef(LinkKind(link.kind), link.id)
        )
    return JournalEntryData(
        kind=EntryKind(data.kind),
        occurred_at=data.occurred_at,
        subject=subject,
        body_html=body_html,
        body_text=body_text,
        duration_min=data.duration_min,
        direction=Direction(data.direction),
        outcome=data.outcome.strip(),
        owner_id=data.owner_id,
        links=tuple(links.values()),
    )


# ---- list queries


def _fts_rowids(search: str, *, cap: int | None = SEARCH_CAP) -> Select[int] | None:
    """Rowids of entries matching ``search``: newest first, capped like address search."""
    query = fts_query(search)
    if query is None:
        return None
    fts = table("journal_fts", column("rowid"))
    stmt = select(fts.c.rowid).where(
        literal_column("journal_fts").bool_op("MATCH")(query)
    )
    if cap is not None:
        stmt = stmt.order_by(fts.c.rowid.desc()).limit(cap)
    return stmt


_ROW_COLUMNS = (
    EntryRow.id,
    EntryRow.occurred_at,
    EntryRow.kind,
    EntryRow.subject,
    func.substr(EntryRow.body_text, 1, SUMMARY_CHARS),
    EntryRow.owner_id,
)


def _search_only(flt: JournalFilter) -> bool:
    """A search without other filters: answered from the FTS index alone."""
    return bool(flt.search.strip()) and not flt.kinds and not flt.owner_id


def journal_where(flt: JournalFilter) -> list[ColumnElement[bool]]:
    """Conditions of the journal list."""
    conds: list[ColumnElement[bool]] = [EntryRow.deleted_at.is_(None)]
    if flt.kinds:
        conds.append(EntryRow.kind.in_(sorted(flt.kinds)))
    if flt.owner_id:
        conds.append(EntryRow.owner_id == flt.owner_id)
    matches = _fts_rowids(flt.search)
    if matches is not None:
        conds.append(literal_column("journal_entry.rowid").in_(matches))
    return conds


class JournalService:
    """Log, change, delete and find journal entries."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    # ---- single entries

    def create_entry(self, data: JournalEntryData) -> tuple[JournalEntry, Changes]:
        """Validate and store a new entry with its links."""
        data = validate_entry(data)
        with self._sessions.begin() as s:
            row = self.insert_entry(s, data)
            return self._dto(s, row), self.changes_for(row.id, data.links)

    def quick_log(
        self, data: JournalEntryData, follow_up: TaskData | None = None
    ) -> tuple[JournalEntry, str | None, Changes]:
        """Log an entry and, optionally, its follow-up task in one transaction.

        The task gets the entry's links (minus users) and points back to the
        entry. Returns the entry, the new task's id (if any) and the changes.
        """
        from app.services.followups import insert_task, validate_task

        data = validate_entry(data)
        task_data = None
        if follow_up is not None:
            links = follow_up.links or tuple(
                link for link in data.links if link.kind != LinkKind.USER
            )
            task_data = validate_task(
                replace(
                    follow_up,
                    links=links,
                    owner_id=follow_up.owner_id or data.owner_id,
                ),
                prefix="follow_up.",
            )
        with self._sessions.begin() as s:
            row = self.insert_entry(s, data)
            changes = self.changes_for(row.id, data.links)
            task_id = None
            if task_data is not None:
                task = insert_task(s, replace(task_data, source_entry_id=row.id))
                task_id = task.id
                changes = changes | Changes.of(EntityKind.TASK, task.id)
            return self._dto(s, row), task_id, changes

    def update_entry(
        self, entry_id: str, data: JournalEntryData
    ) -> tuple[JournalEntry, Changes]:
        """Validate and store changes; links are made to match ``data.links``."""
        data = validate_entry(data)
        with self._sessions.begin() as s:
            row = self._live(s, entry_id)
            before = self._link_refs(s, entry_id)
            _assign(
                row,
                kind=str(data.kind),
                occurred_at=data.occurred_at,
                subject=data.subject,
                body_html=data.body_html,
                body_text=data.body_text,
                duration_min=data.duration_min,
                direction=str(data.direction),
                outcome=data.outcome,
                owner_id=data.owner_id,
            )
            s.flush()
            self._set_links(s, row, data.links)
            s.flush()
            return self._dto(s, row), self.changes_for(row.id, (*before, *data.links))

    def get_entry(self, entry_id: str) -> JournalEntry:
        """The entry with link labels and attachments."""
        with self._sessions() as s:
            return self._dto(s, self._live(s, entry_id))

    def delete_entry(self, entry_id: str) -> Changes:
        """Tombstone the entry (undo with :meth:`restore_entry`)."""
        return self._set_deleted(entry_id, deleted=True)

    def restore_entry(self, entry_id: str) -> Changes:
        """Undo :meth:`delete_entry`."""
        return self._set_deleted(entry_id, deleted=False)

    # ---- lists

    def count(self, flt: JournalFilter) -> int:
        """How many entries the journal list shows (search capped)."""
        with self._sessions() as s:
            if _search_only(flt):
                return len(self._search_rowids(s, flt.search))
            stmt = select(func.count()).select_from(EntryRow).where(*journal_where(flt))
            return int(s.execute(stmt).scalar_one())

    def page(
        self, flt: JournalFilter, *, offset: int, limit: int, total: int
    ) -> Page[JournalRow]:
        """Rows ``offset`` … ``offset+limit`` of the journal list, newest first.

        A plain search lists the newest *logged* matches first (FTS rowid
        order): a page then reads its 200 rows, not all capped matches.
        """
        with self._sessions() as s:
            if _search_only(flt):
                rowids = self._search_rowids(s, flt.search)[offset : offset + limit]
                return Page(offset, tuple(self._rows_by_rowid(s, rowids)))
            off, lim, rev = page_window(offset, limit, total)
            order = (
                (EntryRow.occurred_at.asc(), EntryRow.id.asc())
                if rev
                else (EntryRow.occurred_at.desc(), EntryRow.id.desc())
            )
            stmt = (
                select(*_ROW_COLUMNS)
                .where(*journal_where(flt))
                .order_by(*order)
                .offset(off)
                .limit(lim)
            )
            rows = self._rows(s, s.execute(stmt).all())
        if rev:
            rows.reverse()
        return Page(offset, tuple(rows))

    def first_page(
        self, flt: JournalFilter, *, limit: int
    ) -> tuple[int, Page[JournalRow]]:
        """The total and the first page, with one FTS query for a search."""
        if not _search_only(flt):
            total = self.count(flt)
            return total, self.page(flt, offset=0, limit=limit, total=total)
        with self._sessions() as s:
            rowids = self._search_rowids(s, flt.search)
            rows = self._rows_by_rowid(s, rowids[:limit])
        return len(rowids), Page(0, tuple(rows))

    @staticmethod
    def _search_rowids(s: Session, search: str) -> list[int]:
        """Rowids of the newest matches (capped); FTS holds only live entries."""
        matches = _fts_rowids(search)
        if matches is None:
            return []
        return [int(r) for r in s.execute(matches).scalars()]

    def _rows_by_rowid(self, s: Session, rowids: Sequence[int]) -> list[JournalRow]:
        if not rowids:
            return []
        stmt = (
            select(*_ROW_COLUMNS)
            .where(literal_column("journal_entry.rowid").in_(list(rowids)))
            .order_by(literal_column("journal_entry.rowid").desc())
        )
        return self._rows(s, s.execute(stmt).all())

    def _rows(self, s: Session, raw: Sequence[Any]) -> list[JournalRow]:
        related = self._related(s, [r[0] for r in raw])
        owners = user_names(s, (r[5] for r in raw if r[5]))
        return [
            JournalRow(
                id=r[0],
                occurred_at=r[1],
                kind=_entry_kind(r[2]),
                subject=r[3] or (r[4] or "").split("\n", 1)[0][:120],
                summary=" ".join((r[4] or "").split()),
                related=related.get(r[0], ""),
                owner_name=owners.get(r[5] or "", ""),
            )
            for r in raw
        ]

    def entries_between(
        self, start: dt.datetime, end: dt.datetime, *, kinds: Iterable[EntryKind] = ()
    ) -> list[JournalEntry]:
        """Entries from ``start`` to ``end`` (e.g. meetings to export to a calendar)."""
        with self._sessions() as s:
            stmt = select(EntryRow).where(
                EntryRow.deleted_at.is_(None),
                EntryRow.occurred_at >= start,
                EntryRow.occurred_at < end,
            )
            wanted = [str(k) for k in kinds]
            if wanted:
                stmt = stmt.where(EntryRow.kind.in_(wanted))
            rows = s.scalars(stmt.order_by(EntryRow.occurred_at)).all()
            return [self._dto(s, r) for r in rows]

    def contacts_of(self, organisation_id: str) -> list[LinkRef]:
        """The contact persons of an organisation, for the quick-log person choice."""
        from app.models import Employment

        with self._sessions() as s:
            rows = s.execute(
                select(Person.id, Person.first_name, Person.last_name)
                .join(Employment, Employment.person_id == Person.id)
                .where(
                    Employment.organisation_id == organisation_id,
                    Employment.deleted_at.is_(None),
                    Person.deleted_at.is_(None),
                )
                .order_by(Person.last_name, Person.first_name)
                .limit(500)
            ).all()
        return [LinkRef(LinkKind.PERSON, r[0], f"{r[1]} {r[2]}".strip()) for r in rows]

    def employers_of(self, person_id: str) -> list[LinkRef]:
        """The organisations a person works for, primary first."""
        from app.models import Employment

        with self._sessions() as s:
            rows = s.execute(
                select(Organisation.id, Organisation.name)
                .join(Employment, Employment.organisation_id == Organisation.id)
                .where(
                    Employment.person_id == person_id,
                    Employment.deleted_at.is_(None),
                    Organisation.deleted_at.is_(None),
                )
                .order_by(Employment.is_primary.desc(), Organisation.name)
            ).all()
        return [LinkRef(LinkKind.ORGANISATION, r[0], r[1]) for r in rows]

    def find_records(
        self,
        text: str,
        *,
        kinds: Sequence[LinkKind] = (LinkKind.PERSON, LinkKind.ORGANISATION),
        limit: int = 12,
    ) -> list[LinkRef]:
        """Persons, organisations or cases matching ``text`` (for pickers)."""
        from app.db import address_queries as q
        from app.domain.addresses import ListFilter

        if not text.strip():
            return []
        flt = ListFilter(search=text)
        out: list[LinkRef] = []
        with self._sessions() as s:
            if LinkKind.PERSON in kinds:
                people = s.execute(
                    select(
                        Person.id, Person.first_name, Person.last_name, Person.org_name
                    )
                    .where(*q.person_where(flt))
                    .order_by(Person.last_name, Person.first_name)
                    .limit(limit)
                ).all()
                out += [
                    LinkRef(
                        LinkKind.PERSON,
                        r[0],
                        " · ".join(p for p in (f"{r[1]} {r[2]}".strip(), r[3]) if p),
                    )
                    for r in people
                ]
            if LinkKind.ORGANISATION in kinds:
                orgs = s.execute(
                    select(Organisation.id, Organisation.name, Organisation.city)
                    .where(*q.organisation_where(flt))
                    .order_by(Organisation.name)
                    .limit(limit)
                ).all()
                out += [
                    LinkRef(
                        LinkKind.ORGANISATION,
                        r[0],
                        " · ".join(p for p in (r[1], r[2]) if p),
                    )
                    for r in orgs
                ]
            if LinkKind.SERVICE_CASE in kinds:
                like = [
                    (ServiceCase.number + " " + ServiceCase.title).icontains(
                        w, autoescape=True
                    )
                    for w in text.split()
                ]
                cases = s.execute(
                    select(ServiceCase.id, ServiceCase.number, ServiceCase.title)
                    .where(ServiceCase.deleted_at.is_(None), *like)
                    .order_by(ServiceCase.created_at.desc())
                    .limit(limit)
                ).all()
                out += [
                    LinkRef(LinkKind.SERVICE_CASE, r[0], f"{r[1]} {r[2]}")
                    for r in cases
                ]
        return out

    def signed_in_user(self) -> str | None:
        """The user signed in for sync: owner of what this laptop logs (if any)."""
        from app.sync.store import USER_ID, get_state

        with self._sessions() as s:
            return get_state(s.connection(), USER_ID) or None

    def label_links(self, links: Sequence[LinkRef]) -> tuple[LinkRef, ...]:
        """``links`` with their labels filled in."""
        with self._sessions() as s:
            labels = link_labels(s, [(str(link.kind), link.id) for link in links])
        return tuple(
            LinkRef(link.kind, link.id, labels.get((str(link.kind), link.id), ""))
            for link in links
        )

    # ---- building blocks (also used by tasks, cases and the calendar import)

    def insert_entry(self, s: Session, data: JournalEntryData) -> EntryRow:
        """Add a validated entry and its links in the open session ``s``."""
        row = EntryRow(
            kind=str(data.kind),
            occurred_at=data.occurred_at,
            subject=data.subject,
            body_html=data.body_html,
            body_text=data.body_text,
            duration_min=data.duration_min,
            direction=str(data.direction),
            outcome=data.outcome,
            owner_id=data.owner_id,
        )
        s.add(row)
        s.flush()
        self._set_links(s, row, data.links)
        s.flush()
        return row

    @staticmethod
    def changes_for(entry_id: str, links: Iterable[LinkRef]) -> Changes:
        """The entry plus the records whose timelines show it."""
        changes = Changes.of(EntityKind.JOURNAL_ENTRY, entry_id)
        kinds = {
            LinkKind.PERSON: EntityKind.PERSON,
            LinkKind.ORGANISATION: EntityKind.ORGANISATION,
            LinkKind.SERVICE_CASE: EntityKind.SERVICE_CASE,
            LinkKind.TASK: EntityKind.TASK,
        }
        for link in links:
            kind = kinds.get(LinkKind(link.kind))
            if kind is not None:
                changes = changes | Changes(frozenset({kind}), frozenset({link.id}))
        return changes

    # ---- helpers

    @staticmethod
    def _live(s: Session, entry_id: str) -> EntryRow:
        row = s.get(EntryRow, entry_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("journal_entry", entry_id)
        return row

    def _set_deleted(self, entry_id: str, *, deleted: bool) -> Changes:
        with self._sessions.begin() as s:
            row = s.get(EntryRow, entry_id)
            if row is None or (row.deleted_at is None) != deleted:
                raise NotFoundError("journal_entry", entry_id)
            row.deleted_at = self._clock() if deleted else None
            row.deleted_rev = None
            links = self._link_refs(s, entry_id)
        return self.changes_for(entry_id, links)

    @staticmethod
    def _set_links(s: Session, row: EntryRow, links: Sequence[LinkRef]) -> None:
        current = {
            (link.entity_kind, link.entity_id): link
            for link in s.scalars(
                select(JournalLink).where(JournalLink.entry_id == row.id)
            )
        }
        wanted = {(str(link.kind), link.id) for link in links}
        for key, link in current.items():
            live = key in wanted
            if live and link.deleted_at is not None:
                link.deleted_at = None
            elif not live and link.deleted_at is None:
                link.deleted_at = utcnow()
        for kind, rid in wanted - set(current):
            s.add(
                JournalLink(
                    id=journal_link_id(row.id, kind, rid),
                    entry_id=row.id,
                    entity_kind=kind,
                    entity_id=rid,
                    occurred_at=row.occurred_at,
                    owner_id=row.owner_id,
                )
            )

    @staticmethod
    def _link_refs(s: Session, entry_id: str) -> list[LinkRef]:
        rows = s.execute(
            select(JournalLink.entity_kind, JournalLink.entity_id).where(
                JournalLink.entry_id == entry_id, JournalLink.deleted_at.is_(None)
            )
        ).all()
        return [
            LinkRef(kind, r[1]) for r in rows if (kind := _link_kind(r[0])) is not None
        ]

    def _related(self, s: Session, entry_ids: list[str]) -> dict[str, str]:
        if not entry_ids:
            return {}
        rows = s.execute(
            select(JournalLink.entry_id, JournalLink.entity_kind, JournalLink.entity_id)
            .where(
                JournalLink.entry_id.in_(entry_ids),
                JournalLink.deleted_at.is_(None),
                JournalLink.entity_kind != LinkKind.USER,
            )
            .order_by(JournalLink.entry_id)
        ).all()
        labels = link_labels(s, [(r[1], r[2]) for r in rows], with_org=True)
        by_entry: dict[str, list[LinkRef]] = {}
        for entry_id, kind, rid in rows:
            link_kind = _link_kind(kind)
            if link_kind is not None:
                by_entry.setdefault(entry_id, []).append(
                    LinkRef(link_kind, rid, labels.get((kind, rid), ""))
                )
        return {k: related_text(v) for k, v in by_entry.items()}

    def _dto(self, s: Session, row: EntryRow) -> JournalEntry:
        refs = self._link_refs(s, row.id)
        labels = link_labels(s, [(str(r.kind), r.id) for r in refs])
        attachments = s.scalars(
            select(Attachment)
            .where(Attachment.entry_id == row.id, Attachment.deleted_at.is_(None))
            .order_by(Attachment.created_at, Attachment.file_name)
        ).all()
        return JournalEntry(
            id=row.id,
            kind=_entry_kind(row.kind),
            occurred_at=row.occurred_at,
            subject=row.subject,
            body_html=row.body_html,
            body_text=row.body_text,
            duration_min=row.duration_min,
            direction=Direction(row.direction)
            if row.direction in Direction
            else Direction.NONE,
            outcome=row.outcome,
            owner_id=row.owner_id,
            owner_name=owner_name(s, row.owner_id),
            created_at=row.created_at,
            updated_at=row.updated_at,
            links=tuple(
                sorted(
                    (
                        LinkRef(r.kind, r.id, labels.get((str(r.kind), r.id), ""))
                        for r in refs
                    ),
                    key=lambda link: (str(link.kind), link.label),
                )
            ),
            attachments=tuple(
                AttachmentInfo(a.id, a.entry_id, a.file_name, a.size, a.sha256)
                for a in attachments
            ),
        )


def _entry_kind(value: str) -> EntryKind:
    return EntryKind(value) if value in EntryKind else EntryKind.NOTE


def _assign(row: object, **values: object) -> None:
    """Set only attributes whose value differs (the sync outbox records real edits)."""
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
