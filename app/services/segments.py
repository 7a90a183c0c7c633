"""Segments (Kundensegmentierung): the fields a filter can use, live counts,
matching records, saved segments.

A segment feeds the address lists, exports (its ids), mass updates and
campaigns: everything that takes a list of record ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import segment_queries as sq
from app.db.address_queries import ORG_ROW_COLUMNS, PERSON_ROW_COLUMNS
from app.domain.addresses import OrganisationRow, PersonRow, RelationStatus
from app.domain.changes import Changes, EntityKind
from app.domain.custom_fields import FieldType
from app.domain.errors import FieldError, NotFoundError, UserError, ValidationError
from app.domain.segments import (
    FieldInfo,
    FieldKind,
    Group,
    Segment,
    SegmentData,
    from_json,
    to_json,
)
from app.models import Industry, Organisation, Person, Tag, UserAccount, utcnow
from app.models.pipeline import Product
from app.models.quality import Segment as SegmentRow
from app.services.custom_fields import def_dto, live_defs

#: Segments exist for these record kinds.
KINDS = ("person", "organisation")
_CUSTOM_KINDS: dict[FieldType, FieldKind] = {
    FieldType.TEXT: FieldKind.TEXT,
    FieldType.NUMBER: FieldKind.NUMBER,
    FieldType.MONEY: FieldKind.MONEY,
    FieldType.DATE: FieldKind.DATE,
    FieldType.BOOL: FieldKind.BOOL,
    FieldType.CHOICE: FieldKind.CHOICE,
    FieldType.MULTI_CHOICE: FieldKind.MULTI_CHOICE,
    FieldType.PERSON: FieldKind.TEXT,
    FieldType.ORGANISATION: FieldKind.TEXT,
}
_STATUS = tuple((s.value, s.value) for s in RelationStatus)
_LANGUAGES = tuple((c, c) for c in ("de", "fr", "it", "en", "rm"))
_COUNTRIES = tuple((c, c) for c in ("CH", "LI", "DE", "AT", "FR", "IT"))
_CANTONS = tuple(
    (c, c)
    for c in [
        "AG",
        "AI",
        "AR",
        "BE",
        "BL",
        "BS",
        "FR",
        "GE",
        "GL",
        "GR",
        "JU",
        "LU",
        "NE",
        "NW",
        "OW",
        "SG",
        "SH",
        "SO",
        "SZ",
        "TG",
        "TI",
        "UR",
        "VD",
        "VS",
        "ZG",
        "ZH",
    ]
)


def context(
    s: Session, entity_kind: str, now: dt.datetime | None = None
) -> sq.QueryContext:
    """What :mod:`app.db.segment_queries` needs resolved: custom fields, tag tree."""
    custom = {
        r.key: sq.CustomRef(r.id, FieldType(r.field_type))
        for r in live_defs(s, entity_kind)
    }
    parents: dict[str, str | None] = dict(
        s.execute(select(Tag.id, Tag.parent_id).where(Tag.deleted_at.is_(None))).all()
    )
    children: dict[str | None, list[str]] = {}
    for tid, parent in parents.items():
        children.setdefault(parent, []).append(tid)

    def below(tid: str) -> frozenset[str]:
        found, todo = {tid}, [tid]
        while todo:
            for child in children.get(todo.pop(), []):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return frozenset(found)

    tree = {t: below(t) for t in parents}
    return sq.QueryContext(custom, tree, now or dt.datetime.now(dt.UTC))


class SegmentService:
    """Build, count, list and save segments."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    # ---- the builder

    def fields(self, entity_kind: str) -> list[FieldInfo]:
        """Every field a condition on ``entity_kind`` can use, grouped."""
        sq.model_of(entity_kind)
        with self._sessions() as s:
            users = tuple(
                (u.id, u.display_name or u.username)
                for u in s.scalars(
                    select(UserAccount)
                    .where(UserAccount.deleted_at.is_(None))
                    .order_by(UserAccount.display_name)
                )
            )
            industries: tuple[tuple[str, str], ...] = tuple(
                s.execute(
                    select(Industry.id, Industry.name)
                    .where(Industry.deleted_at.is_(None))
                    .order_by(Industry.name)
                ).all()
            )
            products: tuple[tuple[str, str], ...] = tuple(
                s.execute(
                    select(Product.id, Product.name)
                    .where(Product.deleted_at.is_(None))
                    .order_by(Product.name)
                ).all()
            )
            defs = [def_dto(r) for r in live_defs(s, entity_kind)]
        from app.services.tags import TagService

        tags = tuple(
            (t.id, t.path) for t in TagService(self._sessions).tags(with_counts=False)
        )
        person = entity_kind == "person"
        out: list[FieldInfo] = []
        if person:
            out += [
                FieldInfo("last_name", "Last name", FieldKind.TEXT),
                FieldInfo("first_name", "First name", FieldKind.TEXT),
                FieldInfo("org_name", "Organisation", FieldKind.TEXT),
                FieldInfo("language", "Language", FieldKind.CHOICE, _LANGUAGES),
                FieldInfo("birth_date", "Date of birth", FieldKind.DATE),
            ]
        else:
            out += [
                FieldInfo("name", "Name", FieldKind.TEXT),
                FieldInfo("legal_form", "Legal form", FieldKind.TEXT),
                FieldInfo("customer_number", "Customer no.", FieldKind.TEXT),
                FieldInfo("industry", "Industry", FieldKind.REF, industries),
            ]
        out += [
            FieldInfo("status", "Status", FieldKind.CHOICE, _STATUS),
            FieldInfo("owner", "Owner", FieldKind.REF, users),
            FieldInfo("email", "E-mail", FieldKind.TEXT),
            FieldInfo("phone", "Phone", FieldKind.TEXT),
            FieldInfo("created_at", "Created", FieldKind.DATE),
            FieldInfo("updated_at", "Last changed", FieldKind.DATE),
            FieldInfo("postcode", "Postcode", FieldKind.TEXT, group="address"),
            FieldInfo("city", "City", FieldKind.TEXT, group="address"),
            FieldInfo(
                "region", "Canton / region", FieldKind.CHOICE, _CANTONS, "address"
            ),
            FieldInfo("country", "Country", FieldKind.CHOICE, _COUNTRIES, "address"),
        ]
        for d in defs:
            if not d.active:
                continue
            choices = tuple((c.value, c.label) for c in d.choices)
            out.append(
                FieldInfo(
                    d.column_key,
                    d.label,
                    _CUSTOM_KINDS[d.field_type],
                    choices,
                    "custom",
                )
            )
        out += [
            FieldInfo("tag", "Tag", FieldKind.TAG, tags, "related"),
            FieldInfo(
                "won_opportunity", "Won opportunity", FieldKind.WON, group="related"
            ),
            FieldInfo(
                "open_opportunity",
                "Open opportunity",
                FieldKind.PRESENCE,
                group="related",
            ),
            FieldInfo("journal", "Journal entry", FieldKind.ACTIVITY, group="related"),
            FieldInfo(
                "product", "Bought product", FieldKind.PRODUCT, products, "related"
            ),
        ]
        return out

    def count(self, entity_kind: str, root: Group) -> int:
        """How many live records match (the builder's live count).

        Raises:
            UserError: ``segment.condition`` for a condition that does not fit.
        """
        with self._sessions() as s:
            ctx = context(s, entity_kind, self._clock())
            return int(s.execute(sq.segment_count(entity_kind, root, ctx)).scalar_one())

    def ids(self, entity_kind: str, root: Group) -> list[str]:
        """Ids of every matching record (for exports, mass updates, campaigns)."""
        with self._sessions() as s:
            ctx = context(s, entity_kind, self._clock())
            return list(s.scalars(sq.segment_ids(entity_kind, root, ctx)))

    def person_page(self, root: Group, *, offset: int, limit: int) -> list[PersonRow]:
        """Matching persons by name, ``limit`` from ``offset`` (the preview list)."""
        with self._sessions() as s:
            ctx = context(s, "person", self._clock())
            rows = s.execute(
                sq.segment_select("person", root, ctx, *PERSON_ROW_COLUMNS)
                .order_by(Person.last_name, Person.first_name, Person.id)
                .offset(offset)
                .limit(limit)
            ).all()
        return [_person_row(r) for r in rows]

    def organisation_page(
        self, root: Group, *, offset: int, limit: int
    ) -> list[OrganisationRow]:
        """Matching organisations by name (the preview list)."""
        with self._sessions() as s:
            ctx = context(s, "organisation", self._clock())
            rows = s.execute(
                sq.segment_select(
                    "organisation", root, ctx, *ORG_ROW_COLUMNS, Industry.name
                )
                .outerjoin(Industry, Industry.id == Organisation.industry_id)
                .order_by(Organisation.name, Organisation.id)
                .offset(offset)
                .limit(limit)
            ).all()
        return [_org_row(r) for r in rows]

    # ---- saved segments

    def segments(self, entity_kind: str | None = None) -> list[Segment]:
        """Saved segments by name."""
        with self._sessions() as s:
            stmt = select(SegmentRow).where(SegmentRow.deleted_at.is_(None))
            if entity_kind:
                stmt = stmt.where(SegmentRow.entity_kind == entity_kind)
            rows = list(s.scalars(stmt.order_by(func.lower(SegmentRow.name))))
            return [_dto(r) for r in rows]

    def get(self, segment_id: str) -> Segment:
        """One saved segment."""
        with self._sessions() as s:
            return _dto(self._live(s, segment_id))

    def save(
        self, data: SegmentData, segment_id: str | None = None
    ) -> tuple[Segment, Changes]:
        """Create (no id) or update a saved segment.

        Raises:
            ValidationError: name missing or already used for this record kind;
                a condition that does not fit (field ``definition``).
        """
        errors: list[FieldError] = []
        name = data.name.strip()
        if not name:
            errors.append(FieldError("name", "required", "Name is required", data.name))
        with self._sessions.begin() as s:
            clash = s.execute(
                select(SegmentRow.id).where(
                    func.lower(SegmentRow.name) == name.lower(),
                    SegmentRow.entity_kind == data.entity_kind,
                    SegmentRow.deleted_at.is_(None),
                    SegmentRow.id != (segment_id or ""),
                )
            ).first()
            if name and clash:
                errors.append(
                    FieldError(
                        "name", "segment.name_taken", "This name is in use", name
                    )
                )
            try:  # compile once: refuses conditions that do not fit
                ctx = context(s, data.entity_kind, self._clock())
                sq.segment_where(data.entity_kind, data.root, ctx)
            except UserError as exc:
                errors.append(
                    FieldError("definition", exc.code, exc.message, exc.value)
                )
            if errors:
                raise ValidationError(errors)
            row = self._live(s, segment_id) if segment_id else SegmentRow()
            if segment_id is None:
                s.add(row)
            values: dict[str, Any] = {
                "name": name,
                "entity_kind": data.entity_kind,
                "definition": to_json(data.root),
                "description": data.description.strip(),
            }
            for attr, value in values.items():
                if getattr(row, attr, None) != value:
                    setattr(row, attr, value)
            s.flush()
            return _dto(row), Changes.of(EntityKind.SEGMENT, row.id)

    def delete(self, segment_id: str) -> Changes:
        """Remove a saved segment (tombstone)."""
        with self._sessions.begin() as s:
            self._live(s, segment_id).deleted_at = utcnow()
        return Changes.of(EntityKind.SEGMENT, segment_id)

    @staticmethod
    def _live(s: Session, segment_id: str) -> SegmentRow:
        row = s.get(SegmentRow, segment_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("segment", segment_id)
        return row


def _dto(row: SegmentRow) -> Segment:
    return Segment(
        id=row.id,
        name=row.name,
        entity_kind=row.entity_kind,
        root=from_json(row.definition),
        description=row.description,
        updated_at=row.updated_at,
    )


def _status(value: str) -> RelationStatus:
    return (
        RelationStatus(value)
        if value in RelationStatus.__members__.values()
        else (RelationStatus.PROSPECT)
    )


def _person_row(r: Sequence[Any]) -> PersonRow:
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


def _org_row(r: Sequence[Any]) -> OrganisationRow:
    return OrganisationRow(
        id=r[0],
        name=r[1],
        customer_number=r[2],
        industry=r[9] or "",
        email=r[4],
        phone=r[5],
        postcode=r[6],
        city=r[7],
        status=_status(r[8]),
    )
