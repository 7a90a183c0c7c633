"""Service cases (Customer Service): requests with status, priority, SLA dates.

Case numbers must be unique without asking a server (laptops create cases
offline), so they are ``SC-<yy>-<5 random Crockford base-32 characters>``:
33 million numbers per year, short enough to read out on the phone.
The case journal is the journal entries linked to the case.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, sessionmaker

from app.db.address_queries import page_window
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, ValidationError
from app.domain.journal import (
    OPEN_CASE_STATUSES,
    CaseData,
    CaseFilter,
    CaseRow,
    CaseStatus,
    Priority,
    ServiceCase,
    case_overdue,
    check_case_transition,
    sla_due,
)
from app.models import Organisation, Person, utcnow
from app.models.journal import KbArticle
from app.models.journal import ServiceCase as CaseRecord
from app.services.addresses import Page
from app.services.journal import owner_name, user_names

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_OPEN = [str(s) for s in OPEN_CASE_STATUSES]


def new_case_number(now: dt.datetime) -> str:
    """A fresh case number, e.g. ``SC-26-7K2MQ``."""
    tail = "".join(secrets.choice(_ALPHABET) for _ in range(5))
    return f"SC-{now:%y}-{tail}"


def validate_case(data: CaseData) -> CaseData:
    """Check a case: a title and a customer (organisation or person) are needed."""
    errors: list[FieldError] = []
    title = " ".join(data.title.split())
    if not title:
        errors.append(FieldError("title", "required", "A case needs a title"))
    elif len(title) > 300:
        errors.append(FieldError("title", "too_long", "At most 300 characters", title))
    if not data.organisation_id and not data.person_id:
        errors.append(
            FieldError(
                "customer",
                "case.customer",
                "Choose the customer (person or organisation)",
            )
        )
    if data.status not in CaseStatus:
        errors.append(
            FieldError("status", "case.status", "Unknown status", data.status)
        )
    if data.priority not in Priority:
        errors.append(
            FieldError("priority", "task.priority", "Unknown priority", data.priority)
        )
    if (
        data.response_due is not None
        and data.resolution_due is not None
        and data.resolution_due < data.response_due
    ):
        errors.append(
            FieldError(
                "resolution_due",
                "case.due_order",
                "The resolution is due before the first response",
            )
        )
    if errors:
        raise ValidationError(errors)
    return CaseData(
        title=title,
        description=data.description.strip(),
        status=CaseStatus(data.status),
        priority=Priority(data.priority),
        category=data.category.strip()[:60] or "other",
        organisation_id=data.organisation_id or None,
        person_id=data.person_id or None,
        assignee_id=data.assignee_id,
        response_due=data.response_due,
        resolution_due=data.resolution_due,
        article_id=data.article_id or None,
    )


def _overdue_expr(now: dt.datetime) -> ColumnElement[bool]:
    return and_(
        CaseRecord.status.in_(_OPEN),
        or_(
            CaseRecord.resolution_due < now,
            and_(CaseRecord.first_response_at.is_(None), CaseRecord.response_due < now),
        ),
    )


def case_where(flt: CaseFilter, now: dt.datetime) -> list[ColumnElement[bool]]:
    """Conditions of the case list."""
    conds: list[ColumnElement[bool]] = [CaseRecord.deleted_at.is_(None)]
    if flt.statuses:
        conds.append(CaseRecord.status.in_(sorted(flt.statuses)))
    if flt.overdue_only:
        conds.append(_overdue_expr(now))
    if flt.assignee_id:
        conds.append(CaseRecord.owner_id == flt.assignee_id)
    for word in flt.search.split():
        conds.append(
            or_(
                CaseRecord.number.icontains(word, autoescape=True),
                CaseRecord.title.icontains(word, autoescape=True),
            )
        )
    return conds


class CaseService:
    """Open, work on, solve and close service cases."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    def create_case(self, data: CaseData) -> tuple[ServiceCase, Changes]:
        """Open a case; SLA dates follow from the priority unless given."""
        data = validate_case(data)
        now = self._clock()
        response, resolution = sla_due(data.priority, now)
        for attempt in range(5):
            try:
                with self._sessions.begin() as s:
                    self._check_refs(s, data)
                    row = CaseRecord(
                        number=new_case_number(now),
                        title=data.title,
                        description=data.description,
                        status=str(CaseStatus.NEW),
                        priority=str(data.priority),
                        category=data.category,
                        organisation_id=data.organisation_id,
                        person_id=data.person_id,
                        owner_id=data.assignee_id,
                        response_due=data.response_due or response,
                        resolution_due=data.resolution_due or resolution,
                        article_id=data.article_id,
                        created_at=now,
                        updated_at=now,
                    )
                    s.add(row)
                    s.flush()
                    self._apply_status(row, CaseStatus(data.status), now)
                    s.flush()
                    return self._dto(s, row), self._changes(row)
            except IntegrityError:  # the number was taken: draw another
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")

    def update_case(self, case_id: str, data: CaseData) -> tuple[ServiceCase, Changes]:
        """Store changes; status moves must follow :data:`CASE_TRANSITIONS`.

        A changed priority re-plans SLA dates the user did not set by hand.
        """
        data = validate_case(data)
        now = self._clock()
        with self._sessions.begin() as s:
            row = self._live(s, case_id)
            self._check_refs(s, data)
            old_status = CaseStatus(row.status)
            problem = check_case_transition(old_status, CaseStatus(data.status))
            if problem is not None:
                raise ValidationError([problem])
            response, resolution = data.response_due, data.resolution_due
            if data.priority != row.priority:
                old_sla = sla_due(Priority(row.priority), row.created_at)
                new_sla = sla_due(data.priority, row.created_at)
                if response == old_sla[0]:
                    response = new_sla[0]
                if resolution == old_sla[1]:
                    resolution = new_sla[1]
            before = self._changes(row)
            _assign(
                row,
                title=data.title,
                description=data.description,
                priority=str(data.priority),
                category=data.category,
                organisation_id=data.organisation_id,
                person_id=data.person_id,
                owner_id=data.assignee_id,
                response_due=response,
                resolution_due=resolution,
                article_id=data.article_id,
            )
            self._apply_status(row, CaseStatus(data.status), now)
            s.flush()
            return self._dto(s, row), before | self._changes(row)

    def set_status(
        self, case_id: str, status: CaseStatus
    ) -> tuple[ServiceCase, Changes]:
        """Move the case to ``status`` (e.g. from the case list)."""
        data = self.get_case(case_id).data()
        return self.update_case(case_id, replace(data, status=status))

    def link_article(
        self, case_id: str, article_id: str | None
    ) -> tuple[ServiceCase, Changes]:
        """Record ``article_id`` as the answer of the case (``None`` unlinks)."""
        with self._sessions.begin() as s:
            row = self._live(s, case_id)
            if article_id is not None:
                article = s.get(KbArticle, article_id)
                if article is None or article.deleted_at is not None:
                    raise NotFoundError("kb_article", article_id)
            row.article_id = article_id
            s.flush()
            changes = self._changes(row)
            if article_id:
                changes = changes | Changes.of(EntityKind.KB_ARTICLE, article_id)
            return self._dto(s, row), changes

    def get_case(self, case_id: str) -> ServiceCase:
        """The case with customer, assignee and article names."""
        with self._sessions() as s:
            return self._dto(s, self._live(s, case_id))

    def delete_case(self, case_id: str) -> Changes:
        """Tombstone the case."""
        return self._set_deleted(case_id, deleted=True)

    def restore_case(self, case_id: str) -> Changes:
        """Undo :meth:`delete_case`."""
        return self._set_deleted(case_id, deleted=False)

    # ---- lists

    def count(self, flt: CaseFilter, *, now: dt.datetime | None = None) -> int:
        """How many cases the list shows."""
        now = now or self._clock()
        with self._sessions() as s:
            stmt = (
                select(func.count())
                .select_from(CaseRecord)
                .where(*case_where(flt, now))
            )
            return int(s.execute(stmt).scalar_one())

    def page(
        self,
        flt: CaseFilter,
        *,
        offset: int,
        limit: int,
        total: int,
        now: dt.datetime | None = None,
    ) -> Page[CaseRow]:
        """Rows of the case list: open first by resolution due date, then the rest."""
        now = now or self._clock()
        off, lim, rev = page_window(offset, limit, total)
        org = aliased(Organisation)
        person = aliased(Person)
        closed = CaseRecord.status.not_in(_OPEN)
        spec = [
            (closed, False),
            (CaseRecord.resolution_due, False),
            (CaseRecord.created_at, True),
            (CaseRecord.id, False),
        ]
        keys = [k.desc() if desc != rev else k.asc() for k, desc in spec]
        stmt = (
            select(
                CaseRecord,
                org.name,
                person.first_name,
                person.last_name,
            )
            .outerjoin(org, org.id == CaseRecord.organisation_id)
            .outerjoin(person, person.id == CaseRecord.person_id)
            .where(*case_where(flt, now))
            .order_by(*keys)
            .offset(off)
            .limit(lim)
        )
        with self._sessions() as s:
            raw = s.execute(stmt).all()
            owners = user_names(s, (r[0].owner_id for r in raw if r[0].owner_id))
        rows = []
        for c, org_name, first, last in raw:
            status = _status(c.status)
            name = f"{first or ''} {last or ''}".strip()
            rows.append(
                CaseRow(
                    id=c.id,
                    number=c.number,
                    title=c.title,
                    customer=" · ".join(p for p in (name, org_name or "") if p),
                    status=status,
                    priority=_priority(c.priority),
                    category=c.category,
                    assignee=owners.get(c.owner_id or "", ""),
                    resolution_due=c.resolution_due,
                    overdue=case_overdue(
                        status,
                        c.resolution_due,
                        c.response_due,
                        c.first_response_at,
                        now,
                    ),
                    created_at=c.created_at,
                )
            )
        if rev:
            rows.reverse()
        return Page(offset, tuple(rows))

    def open_counts(self, *, now: dt.datetime | None = None) -> tuple[int, int]:
        """(open cases, overdue cases), for the sidebar and overview."""
        now = now or self._clock()
        with self._sessions() as s:
            open_n = s.execute(
                select(func.count())
                .select_from(CaseRecord)
                .where(CaseRecord.deleted_at.is_(None), CaseRecord.status.in_(_OPEN))
            ).scalar_one()
            late = s.execute(
                select(func.count())
                .select_from(CaseRecord)
                .where(CaseRecord.deleted_at.is_(None), _overdue_expr(now))
            ).scalar_one()
        return int(open_n), int(late)

    # ---- helpers

    @staticmethod
    def _apply_status(row: CaseRecord, status: CaseStatus, now: dt.datetime) -> None:
        if status == row.status:
            return
        if status != CaseStatus.NEW and row.first_response_at is None:
            row.first_response_at = now
        if status == CaseStatus.SOLVED and row.status != CaseStatus.SOLVED:
            row.solved_at = now
        if status == CaseStatus.CLOSED and row.status != CaseStatus.CLOSED:
            row.closed_at = now
            row.solved_at = row.solved_at or now
        if status in OPEN_CASE_STATUSES:
            row.solved_at = None
            row.closed_at = None
        row.status = str(status)

    @staticmethod
    def _check_refs(s: Session, data: CaseData) -> None:
        _require(s, Organisation, data.organisation_id)
        _require(s, Person, data.person_id)
        _require(s, KbArticle, data.article_id)

    @staticmethod
    def _live(s: Session, case_id: str) -> CaseRecord:
        row = s.get(CaseRecord, case_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("service_case", case_id)
        return row

    def _set_deleted(self, case_id: str, *, deleted: bool) -> Changes:
        with self._sessions.begin() as s:
            row = s.get(CaseRecord, case_id)
            if row is None or (row.deleted_at is None) != deleted:
                raise NotFoundError("service_case", case_id)
            row.deleted_at = self._clock() if deleted else None
            row.deleted_rev = None
            return self._changes(row)

    @staticmethod
    def _changes(row: CaseRecord) -> Changes:
        changes = Changes.of(EntityKind.SERVICE_CASE, row.id)
        if row.organisation_id:
            changes = changes | Changes.of(EntityKind.ORGANISATION, row.organisation_id)
        if row.person_id:
            changes = changes | Changes.of(EntityKind.PERSON, row.person_id)
        return changes

    def _dto(self, s: Session, row: CaseRecord) -> ServiceCase:
        org = s.get(Organisation, row.organisation_id) if row.organisation_id else None
        person = s.get(Person, row.person_id) if row.person_id else None
        article = s.get(KbArticle, row.article_id) if row.article_id else None
        return ServiceCase(
            id=row.id,
            number=row.number,
            title=row.title,
            description=row.description,
            status=_status(row.status),
            priority=_priority(row.priority),
            category=row.category,
            organisation_id=row.organisation_id,
            organisation_name=org.name if org else "",
            person_id=row.person_id,
            person_name=f"{person.first_name} {person.last_name}".strip()
            if person
            else "",
            assignee_id=row.owner_id,
            assignee_name=owner_name(s, row.owner_id),
            response_due=row.response_due,
            resolution_due=row.resolution_due,
            first_response_at=row.first_response_at,
            solved_at=row.solved_at,
            closed_at=row.closed_at,
            article_id=row.article_id,
            article_title=article.title if article else "",
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


def _require[T: (Organisation, Person, KbArticle)](
    s: Session, model: type[T], rid: str | None
) -> None:
    if rid:
        found = s.get(model, rid)
        if found is None or found.deleted_at is not None:
            raise NotFoundError(model.__tablename__, rid)


def _status(value: str) -> CaseStatus:
    return CaseStatus(value) if value in CaseStatus else CaseStatus.NEW


def _priority(value: str) -> Priority:
    return Priority(value) if value in Priority else Priority.NORMAL


def _assign(row: object, **values: object) -> None:
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
