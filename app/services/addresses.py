"""Central address management: organisations and persons (Zentrales Adressmanagement).

Every public method opens its own session, commits or rolls back, and returns
frozen DTOs plus :class:`Changes`; no ORM object leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import address_queries as q
from app.domain.addresses import (
    AddressData,
    AddressKind,
    ChannelData,
    ChannelKind,
    ContactRef,
    EmploymentData,
    Industry,
    ListFilter,
    Organisation,
    OrganisationData,
    OrganisationRow,
    Person,
    PersonData,
    PersonRow,
    RelationStatus,
    Salutation,
    UserRef,
)
from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError
from app.models import Address, Channel, Employment, UserAccount, new_id, utcnow
from app.models import Industry as IndustryRow
from app.models import Organisation as OrgRow
from app.models import Person as PersonRecord
from app.services.address_rules import validate_organisation, validate_person


@dataclass(frozen=True)
class Page[RowT]:
    """One window of a list."""

    offset: int
    rows: tuple[RowT, ...]


@dataclass(frozen=True)
class OverviewCounts:
    """What the overview shows: live records, and customers/prospects of both kinds."""

    persons: int
    organisations: int
    customers: int
    prospects: int


class AddressService:
    """Create, change, delete, restore, find and list organisations and persons."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # ---- organisations

    def create_organisation(
        self, data: OrganisationData
    ) -> tuple[Organisation, Changes]:
        """Validate and store a new organisation with its addresses and channels."""
        data = validate_organisation(data)
        with self._sessions.begin() as s:
            org = OrgRow(id=new_id(), name=data.name)
            s.add(org)
            self._apply_org(s, org, data)
            s.flush()
            return self._org_dto(s, org), Changes.of(EntityKind.ORGANISATION, org.id)

    def update_organisation(
        self, org_id: str, data: OrganisationData
    ) -> tuple[Organisation, Changes]:
        """Validate and store changes; only fields that differ are written."""
        data = validate_organisation(data)
        with self._sessions.begin() as s:
            org = self._live(s, OrgRow, org_id)
            self._apply_org(s, org, data)
            s.flush()
            return self._org_dto(s, org), Changes.of(EntityKind.ORGANISATION, org.id)

    def get_organisation(self, org_id: str) -> Organisation:
        """The organisation with its addresses, channels and contact persons."""
        with self._sessions() as s:
            return self._org_dto(s, self._live(s, OrgRow, org_id))

    def delete_organisation(self, org_id: str) -> Changes:
        """Tombstone the organisation; persons stay, their link is hidden."""
        return self._set_deleted(OrgRow, org_id, deleted=True)

    def restore_organisation(self, org_id: str) -> Changes:
        """Undo :meth:`delete_organisation`."""
        return self._set_deleted(OrgRow, org_id, deleted=False)

    # ---- persons

    def create_person(self, data: PersonData) -> tuple[Person, Changes]:
        """Validate and store a new person with addresses, channels, employments."""
        data = validate_person(data)
        with self._sessions.begin() as s:
            self._check_orgs(s, data.employments)
            person = PersonRecord(id=new_id(), last_name=data.last_name)
            s.add(person)
            self._apply_person(s, person, data)
            s.flush()
            return self._person_dto(s, person), Changes.of(EntityKind.PERSON, person.id)

    def update_person(self, person_id: str, data: PersonData) -> tuple[Person, Changes]:
        """Validate and store changes to a person."""
        data = validate_person(data)
        with self._sessions.begin() as s:
            self._check_orgs(s, data.employments)
            person = self._live(s, PersonRecord, person_id)
            self._apply_person(s, person, data)
            s.flush()
            return self._person_dto(s, person), Changes.of(EntityKind.PERSON, person.id)

    def get_person(self, person_id: str) -> Person:
        """The person with addresses, channels and organisations."""
        with self._sessions() as s:
            return self._person_dto(s, self._live(s, PersonRecord, person_id))

    def delete_person(self, person_id: str) -> Changes:
        """Tombstone the person (undo with :meth:`restore_person`)."""
        return self._set_deleted(PersonRecord, person_id, deleted=True)

    def restore_person(self, person_id: str) -> Changes:
        """Undo :meth:`delete_person`."""
        return self._set_deleted(PersonRecord, person_id, deleted=False)

    # ---- lists

    def count_persons(self, flt: ListFilter) -> int:
        """How many persons the list shows for ``flt`` (search capped)."""
        with self._sessions() as s:
            return int(s.execute(q.person_count(flt)).scalar_one())

    def overview_counts(self) -> OverviewCounts:
        """Counts for the overview: one pass over each table's segment index."""
        totals = []
        with self._sessions() as s:
            for table in (PersonRecord, OrgRow):
                status = table.status
                row = s.execute(
                    select(
                        func.count(),
                        func.count().filter(status == RelationStatus.CUSTOMER.value),
                        func.count().filter(status == RelationStatus.PROSPECT.value),
                    ).where(table.deleted_at.is_(None))
                ).one()
                totals.append(tuple(int(v) for v in row))
        (persons, p_cust, p_pros), (orgs, o_cust, o_pros) = totals
        return OverviewCounts(persons, orgs, p_cust + o_cust, p_pros + o_pros)

    def person_page(
        self, flt: ListFilter, sort: q.Sort, *, offset: int, limit: int, total: int
    ) -> Page[PersonRow]:
        """Rows ``offset`` … ``offset+limit`` of the person list."""
        stmt, rev = q.person_page(flt, sort, offset=offset, limit=limit, total=total)
        with self._sessions() as s:
            rows = [_person_row(r) for r in s.execute(stmt).all()]
        if rev:
            rows.reverse()
        return Page(offset, tuple(rows))

    def first_person_page(
        self, flt: ListFilter, sort: q.Sort, *, limit: int
    ) -> tuple[int, Page[PersonRow]]:
        """The list's total and its first page.

        A search evaluates the FTS index once: the capped match set is sorted
        anyway, so ``count(*) OVER ()`` on the first page costs nothing extra,
        where a separate count would run the whole search a second time.
        """
        if q.fts_query(flt.search) is None:
            total = self.count_persons(flt)
            return total, self.person_page(
                flt, sort, offset=0, limit=limit, total=total
            )
        stmt, _ = q.person_page(flt, sort, offset=0, limit=limit, total=0)
        with self._sessions() as s:
            raw = s.execute(stmt.add_columns(func.count().over())).all()
        total = int(raw[0][-1]) if raw else 0
        return total, Page(0, tuple(_person_row(r) for r in raw))

    def person_row_number(
        self, flt: ListFilter, sort: q.Sort, person_id: str
    ) -> int | None:
        """Row of ``person_id`` in the person list, ``None`` if it is not in it.

        A search's list is the capped, ranked match set: there the caller
        looks through the loaded rows instead.
        """
        return self._row_number(q.person_position(flt, sort, person_id))

    def organisation_row_number(
        self, flt: ListFilter, sort: q.Sort, organisation_id: str
    ) -> int | None:
        """Row of ``organisation_id`` in the organisation list (see persons)."""
        return self._row_number(q.organisation_position(flt, sort, organisation_id))

    def _row_number(self, position: q.Position) -> int | None:
        values, before = position
        with self._sessions() as s:
            found = s.execute(values).first()
            if found is None:
                return None
            return int(s.execute(before(tuple(found))).scalar_one())

    def count_organisations(self, flt: ListFilter) -> int:
        """How many organisations the list shows for ``flt``."""
        with self._sessions() as s:
            return int(s.execute(q.organisation_count(flt)).scalar_one())

    def organisation_page(
        self, flt: ListFilter, sort: q.Sort, *, offset: int, limit: int, total: int
    ) -> Page[OrganisationRow]:
        """Rows ``offset`` … ``offset+limit`` of the organisation list."""
        stmt, rev = q.organisation_page(
            flt, sort, offset=offset, limit=limit, total=total
        )
        with self._sessions() as s:
            rows = self._org_rows(s, s.execute(stmt).all())
        if rev:
            rows.reverse()
        return Page(offset, tuple(rows))

    def first_organisation_page(
        self, flt: ListFilter, sort: q.Sort, *, limit: int
    ) -> tuple[int, Page[OrganisationRow]]:
        """The list's total and its first page (see :meth:`first_person_page`)."""
        if q.fts_query(flt.search) is None:
            total = self.count_organisations(flt)
            return total, self.organisation_page(
                flt, sort, offset=0, limit=limit, total=total
            )
        stmt, _ = q.organisation_page(flt, sort, offset=0, limit=limit, total=0)
        with self._sessions() as s:
            raw = s.execute(stmt.add_columns(func.count().over())).all()
            rows = self._org_rows(s, raw)
        return (int(raw[0][-1]) if raw else 0), Page(0, tuple(rows))

    def _org_rows(self, s: Session, raw: Sequence[Any]) -> list[OrganisationRow]:
        industries = self._industry_names(s, {r[3] for r in raw if r[3]})
        return [
            OrganisationRow(
                id=r[0],
                name=r[1],
                customer_number=r[2],
                industry=industries.get(r[3] or "", ""),
                email=r[4],
                phone=r[5],
                postcode=r[6],
                city=r[7],
                status=_status(r[8]),
            )
            for r in raw
        ]

    def industries(self) -> list[Industry]:
        """All industries, by name."""
        with self._sessions() as s:
            rows = s.scalars(
                select(IndustryRow)
                .where(IndustryRow.deleted_at.is_(None))
                .order_by(IndustryRow.name)
            )
            return [Industry(r.id, r.name, r.code) for r in rows]

    def create_industry(self, name: str, code: str = "") -> tuple[Industry, Changes]:
        """Add an industry to the pick list."""
        with self._sessions.begin() as s:
            row = IndustryRow(name=name.strip(), code=code.strip())
            s.add(row)
            s.flush()
            return Industry(row.id, row.name, row.code), Changes.of(
                EntityKind.INDUSTRY, row.id
            )

    def users(self) -> list[UserRef]:
        """Active users, for owner pick lists."""
        with self._sessions() as s:
            rows = s.scalars(
                select(UserAccount)
                .where(UserAccount.active.is_(True), UserAccount.deleted_at.is_(None))
                .order_by(UserAccount.display_name)
            )
            return [
                UserRef(u.id, u.username, u.display_name or u.username) for u in rows
            ]

    def find_organisations(
        self, text: str, *, limit: int = 20
    ) -> list[OrganisationRow]:
        """Organisations matching ``text`` (for pickers), by name."""
        flt = ListFilter(search=text)
        total = self.count_organisations(flt)
        return list(
            self.organisation_page(
                flt, q.Sort("name"), offset=0, limit=limit, total=total
            ).rows
        )

    # ---- helpers

    @staticmethod
    def _live[T: (OrgRow, PersonRecord)](s: Session, model: type[T], rid: str) -> T:
        row = s.get(model, rid)
        for _ in range(20):  # merged away: its survivor, so later edits still land
            if row is None or row.merged_into is None:
                break
            row = s.get(model, row.merged_into)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(model.__tablename__, rid)
        return row

    def _set_deleted[T: (OrgRow, PersonRecord)](
        self, model: type[T], rid: str, *, deleted: bool
    ) -> Changes:
        kind = EntityKind(model.__tablename__)
        with self._sessions.begin() as s:
            row = s.get(model, rid)
            if row is None or (row.deleted_at is None) != deleted:
                raise NotFoundError(model.__tablename__, rid)
            row.deleted_at = utcnow() if deleted else None
            row.deleted_rev = None
        return Changes.of(kind, rid)

    @staticmethod
    def _check_orgs(s: Session, employments: Sequence[EmploymentData]) -> None:
        for emp in employments:
            org = s.get(OrgRow, emp.organisation_id)
            if org is None or org.deleted_at is not None:
                raise NotFoundError("organisation", emp.organisation_id)

    @staticmethod
    def _industry_names(s: Session, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        if not ids:
            return {}
        rows = s.execute(
            select(IndustryRow.id, IndustryRow.name).where(IndustryRow.id.in_(ids))
        )
        return {r[0]: r[1] for r in rows}

    def _apply_org(self, s: Session, org: OrgRow, data: OrganisationData) -> None:
        _assign(
            org,
            name=data.name,
            legal_form=data.legal_form,
            customer_number=data.customer_number,
            uid=data.uid,
            industry_id=data.industry_id,
            status=str(data.status),
            notes=data.notes,
            owner_id=data.owner_id,
        )
        self._sync_children(s, org.id, "organisation_id", data.addresses, data.channels)

    def _apply_person(self, s: Session, person: PersonRecord, data: PersonData) -> None:
        _assign(
            person,
            last_name=data.last_name,
            first_name=data.first_name,
            salutation=str(data.salutation),
            title=data.title,
            language=data.language,
            birth_date=data.birth_date,
            status=str(data.status),
            notes=data.notes,
            owner_id=data.owner_id,
        )
        self._sync_children(s, person.id, "person_id", data.addresses, data.channels)
        existing = _children(s, Employment, "person_id", person.id)
        by_org = {e.organisation_id: e for e in existing}
        # Links to deleted organisations are hidden from the form, so their
        # absence from ``data`` is no request to remove them: they must come
        # back when the organisation is restored. They only lose the primary
        # flag if the form chose another primary.
        hidden = set(
            s.scalars(
                select(OrgRow.id).where(
                    OrgRow.id.in_(list(by_org)), OrgRow.deleted_at.is_not(None)
                )
            )
        )
        wanted = {e.organisation_id for e in data.employments}
        for emp in data.employments:
            row = by_org.get(emp.organisation_id)
            if row is None:
                row = Employment(
                    person_id=person.id, organisation_id=emp.organisation_id
                )
                s.add(row)
            _assign(row, role=emp.role, is_primary=emp.is_primary)
        for org_id, row in by_org.items():
            if org_id in hidden:
                if wanted:
                    _assign(row, is_primary=False)
            elif org_id not in wanted:
                row.deleted_at = utcnow()

    def _sync_children(
        self,
        s: Session,
        owner_id: str,
        owner_col: str,
        addresses: Sequence[AddressData],
        channels: Sequence[ChannelData],
    ) -> None:
        _replace_rows(s, Address, owner_col, owner_id, addresses)
        _replace_rows(s, Channel, owner_col, owner_id, channels)

    def _org_dto(self, s: Session, org: OrgRow) -> Organisation:
        industry = s.get(IndustryRow, org.industry_id) if org.industry_id else None
        contacts = s.execute(
            select(
                PersonRecord.id,
                PersonRecord.first_name,
                PersonRecord.last_name,
                Employment.role,
                PersonRecord.email,
                PersonRecord.phone,
            )
            .join(Employment, Employment.person_id == PersonRecord.id)
            .where(
                Employment.organisation_id == org.id,
                Employment.deleted_at.is_(None),
                PersonRecord.deleted_at.is_(None),
            )
            .order_by(PersonRecord.last_name, PersonRecord.first_name)
        ).all()
        return Organisation(
            id=org.id,
            name=org.name,
            legal_form=org.legal_form,
            customer_number=org.customer_number,
            uid=org.uid,
            industry_id=org.industry_id,
            industry_name=industry.name if industry else "",
            status=_status(org.status),
            notes=org.notes,
            owner_id=org.owner_id,
            owner_name=_owner_name(s, org.owner_id),
            created_at=org.created_at,
            updated_at=org.updated_at,
            addresses=_address_dtos(s, "organisation_id", org.id),
            channels=_channel_dtos(s, "organisation_id", org.id),
            contacts=tuple(
                ContactRef(r[0], f"{r[1]} {r[2]}".strip(), r[3], r[4], r[5])
                for r in contacts
            ),
        )

    def _person_dto(self, s: Session, p: PersonRecord) -> Person:
        emps = s.execute(
            select(Employment, OrgRow.name)
            .join(OrgRow, OrgRow.id == Employment.organisation_id)
            .where(
                Employment.person_id == p.id,
                Employment.deleted_at.is_(None),
                OrgRow.deleted_at.is_(None),
            )
            .order_by(Employment.is_primary.desc(), OrgRow.name)
        ).all()
        return Person(
            id=p.id,
            first_name=p.first_name,
            last_name=p.last_name,
            salutation=Salutation(p.salutation)
            if p.salutation in Salutation
            else Salutation.NONE,
            title=p.title,
            language=p.language,
            birth_date=p.birth_date,
            status=_status(p.status),
            notes=p.notes,
            owner_id=p.owner_id,
            owner_name=_owner_name(s, p.owner_id),
            created_at=p.created_at,
            updated_at=p.updated_at,
            addresses=_address_dtos(s, "person_id", p.id),
            channels=_channel_dtos(s, "person_id", p.id),
            employments=tuple(
                EmploymentData(e.organisation_id, e.role, e.is_primary, name, e.id)
                for e, name in emps
            ),
        )


def _person_row(r: Any) -> PersonRow:
    return PersonRow(
        id=r[0],
        last_name=r[1],
        first_name=r[2],
        organisation=r[3],
        email=r[4],
        phone=r[5],
        postcode=r[6],
        city=r[7],
        status=_status(r[8]),
    )


def _status(value: str) -> RelationStatus:
    return RelationStatus(value) if value in RelationStatus else RelationStatus.PROSPECT


def _assign(row: object, **values: object) -> None:
    """Set only attributes whose value differs, so unchanged fields stay clean.

    The sync outbox records exactly the fields a user changed; writing equal
    values would mark them dirty and produce needless conflicts.
    """
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)


def _replace_rows[Row: (Address, Channel)](
    s: Session,
    model: type[Row],
    owner_col: str,
    owner_id: str,
    items: Sequence[AddressData | ChannelData],
) -> None:
    """Make the owner's live ``model`` rows match ``items``, in their order.

    Items with the id of a live row update it (only changed fields); items
    without one become new rows; live rows no item names are tombstoned.
    """
    current = {c.id: c for c in _children(s, model, owner_col, owner_id)}
    keep: set[str] = set()
    for pos, item in enumerate(items):
        row = current.get(item.id or "")
        if row is None:
            row = model(**{owner_col: owner_id})
            s.add(row)
        values = {
            k: str(v) if k == "kind" else v for k, v in vars(item).items() if k != "id"
        }
        _assign(row, position=pos, **values)
        if item.id:
            keep.add(item.id)
    for rid, row in current.items():
        if rid not in keep:
            row.deleted_at = utcnow()


def _children[Child: (Address, Channel, Employment)](
    s: Session, model: type[Child], owner_col: str, owner_id: str
) -> list[Child]:
    col = getattr(model, owner_col)
    return list(
        s.scalars(select(model).where(col == owner_id, model.deleted_at.is_(None)))
    )


def _owner_name(s: Session, owner_id: str | None) -> str:
    if not owner_id:
        return ""
    user = s.get(UserAccount, owner_id)
    return (user.display_name or user.username) if user else ""


def _address_dtos(s: Session, owner_col: str, owner_id: str) -> tuple[AddressData, ...]:
    rows = _children(s, Address, owner_col, owner_id)
    rows.sort(key=lambda a: a.position)
    return tuple(
        AddressData(
            kind=AddressKind(a.kind) if a.kind in AddressKind else AddressKind.MAIN,
            street=a.street,
            house_number=a.house_number,
            extra=a.extra,
            po_box=a.po_box,
            postcode=a.postcode,
            city=a.city,
            region=a.region,
            country=a.country,
            is_primary=a.is_primary,
            id=a.id,
        )
        for a in rows
    )


def _channel_dtos(s: Session, owner_col: str, owner_id: str) -> tuple[ChannelData, ...]:
    rows = _children(s, Channel, owner_col, owner_id)
    rows.sort(key=lambda c: c.position)
    return tuple(
        ChannelData(
            kind=ChannelKind(c.kind) if c.kind in ChannelKind else ChannelKind.PHONE,
            value=c.value,
            label=c.label,
            is_primary=c.is_primary,
            id=c.id,
        )
        for c in rows
    )
