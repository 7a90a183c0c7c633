"""Merging duplicates field by field, with every related record re-linked — and undo.

The user picks, per differing field, which record's value the survivor keeps
(as in EspoCRM). Everything that points at the merged-away record moves to
the survivor: addresses, channels and employments (without creating doubles),
tags and custom values (their link rows have deterministic ids, so they are
re-made under the survivor's id), journal and task links, and every foreign
key to the record found in the schema (opportunities, leads, cases … also
tables added later). The loser becomes a tombstone with ``merged_into`` set,
so ids held elsewhere (an offline laptop, a sync conflict) find the survivor.

Every write goes through the ORM (the sync outbox sees it) and is recorded with
before/after images in ``merge_log``; undo puts the before-images back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import Changes, EntityKind
from app.domain.custom_fields import CustomFieldDef
from app.domain.errors import NotFoundError, UserError
from app.domain.quality import (
    DedupKind,
    MergeField,
    MergeInfo,
    MergePreview,
    MergeRelated,
    MergeResult,
    RecordBrief,
)
from app.models import (
    Address,
    Base,
    Channel,
    Employment,
    EntityTag,
    Industry,
    Organisation,
    Person,
    UserAccount,
    utcnow,
)
from app.models.journal import JournalLink, TaskLink, journal_link_id
from app.models.quality import CustomFieldValue, MergeLog, value_id
from app.models.tags import link_id
from app.services.custom_fields import def_dto, live_defs, plain_text, read_values
from app.services.row_images import RowImages, drift, restore

_FIELDS: dict[DedupKind, tuple[tuple[str, str], ...]] = {
    DedupKind.PERSON: (
        ("salutation", "Salutation"),
        ("title", "Title"),
        ("first_name", "First name"),
        ("last_name", "Last name"),
        ("language", "Language"),
        ("birth_date", "Date of birth"),
        ("status", "Status"),
        ("owner_id", "Owner"),
        ("notes", "Notes"),
    ),
    DedupKind.ORGANISATION: (
        ("name", "Name"),
        ("legal_form", "Legal form"),
        ("customer_number", "Customer no."),
        ("uid", "UID (VAT) no."),
        ("industry_id", "Industry"),
        ("status", "Status"),
        ("owner_id", "Owner"),
        ("notes", "Notes"),
    ),
}
#: Channel groups whose primary the user can pick (phone and mobile are one).
_CHANNEL_GROUPS = {"email": ("email",), "phone": ("phone", "mobile")}
_CHILD_TABLES = frozenset({"address", "channel", "employment"})
#: Link tables whose row id is derived from the record id: re-made, not edited.
_LINK_IDS: dict[str, Callable[[Any, str], str]] = {
    "entity_tag": lambda row, new: link_id(new, row.tag_id),
    "custom_field_value": lambda row, new: value_id(new, row.def_id),
    "journal_link": lambda row, new: journal_link_id(
        row.entry_id, row.entity_kind, new
    ),
    "task_link": lambda row, new: journal_link_id(row.task_id, row.entity_kind, new),
}
_LINK_MODELS: dict[str, type[Any]] = {
    "entity_tag": EntityTag,
    "custom_field_value": CustomFieldValue,
    "journal_link": JournalLink,
    "task_link": TaskLink,
}

type Record = Person | Organisation


def _get(s: Session, kind: DedupKind, rid: str) -> Person | Organisation | None:
    if kind is DedupKind.PERSON:
        return s.get(Person, rid)
    return s.get(Organisation, rid)


def foreign_keys(table: str) -> list[tuple[Table, str]]:
    """Every (table, column) with a foreign key to ``table.id``, from the schema."""
    out: list[tuple[Table, str]] = []
    for t in Base.metadata.sorted_tables:
        for col in t.c:
            if any(fk.column.table.name == table for fk in col.foreign_keys):
                out.append((t, col.name))
    return out


def entity_tables() -> list[Table]:
    """Tables that point at any record by ``(entity_kind, entity_id)``."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if "entity_kind" in t.c and "entity_id" in t.c
    ]


def _orm(table: Table) -> type[Any]:
    for mapper in Base.registry.mappers:
        if cast(Table, mapper.local_table) is table:
            return mapper.class_
    raise KeyError(table.name)


class MergeService:
    """Preview, perform and undo merges of duplicate persons or organisations."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    # ---- preview

    def preview(self, kind: DedupKind, survivor_id: str, loser_id: str) -> MergePreview:
        """Both records' values per field and how many related rows will move."""
        with self._sessions() as s:
            survivor, loser = self._pair(s, kind, survivor_id, loser_id)
            fields = [
                MergeField(
                    key, label, self._text(s, survivor, key), self._text(s, loser, key)
                )
                for key, label in _FIELDS[kind]
            ]
            for group in _CHANNEL_GROUPS:
                label = "E-mail" if group == "email" else "Phone"
                fields.append(
                    MergeField(
                        group,
                        label,
                        self._primary(s, kind, survivor.id, group),
                        self._primary(s, kind, loser.id, group),
                    )
                )
            defs = [def_dto(r) for r in live_defs(s, str(kind))]
            values = read_values(s, defs, [survivor.id, loser.id])
            for d in defs:
                a = values[survivor.id].get(d.key)
                b = values[loser.id].get(d.key)
                if a is None and b is None:
                    continue
                fields.append(
                    MergeField(
                        d.column_key, d.label, plain_text(d, a), plain_text(d, b)
                    )
                )
            related = [
                MergeRelated(t, n) for t, n in self._related(s, kind, loser.id) if n
            ]
            return MergePreview(
                kind,
                _brief(survivor),
                _brief(loser),
                tuple(fields),
                tuple(related),
            )

    def _related(self, s: Session, kind: DedupKind, rid: str) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        for table, col in foreign_keys(str(kind)):
            if table.name == str(kind):
                continue
            n = s.execute(
                select(func.count())
                .select_from(table)
                .where(table.c[col] == rid, table.c.deleted_at.is_(None))
            ).scalar_one()
            out.append((table.name, int(n)))
        for table in entity_tables():
            n = s.execute(
                select(func.count())
                .select_from(table)
                .where(
                    table.c.entity_kind == str(kind),
                    table.c.entity_id == rid,
                    table.c.deleted_at.is_(None),
                )
            ).scalar_one()
            out.append((table.name, int(n)))
        return out

    # ---- merge

    def merge(
        self,
        kind: DedupKind,
        survivor_id: str,
        loser_id: str,
        *,
        take_loser: Mapping[str, bool] | None = None,
    ) -> tuple[MergeResult, Changes]:
        """Merge ``loser`` into ``survivor`` in one transaction.

        Args:
            take_loser: per field key (``last_name``, ``email``, ``cf:<key>`` …),
                whether the survivor takes the loser's value; unnamed fields
                keep the survivor's.

        Raises:
            UserError: ``merge.same`` (a record with itself), ``record.not_found``.
        """
        choice = dict(take_loser or {})
        with self._sessions.begin() as s:
            survivor, loser = self._pair(s, kind, survivor_id, loser_id)
            images = RowImages(s)
            images.touch(survivor)
            for key, _title in _FIELDS[kind]:
                if choice.get(key):
                    setattr(survivor, key, getattr(loser, key))
            moved = self._move_children(s, images, kind, survivor, loser, choice)
            moved += self._move_foreign_keys(s, images, kind, survivor.id, loser.id)
            moved += self._move_links(s, images, kind, survivor.id, loser.id, choice)
            images.touch(loser)
            loser.deleted_at = self._clock()
            loser.merged_into = survivor.id
            steps = images.steps()
            log = MergeLog(
                entity_kind=str(kind),
                survivor_id=survivor.id,
                loser_id=loser.id,
                survivor_label=_label(survivor),
                loser_label=_label(loser),
                created_at=self._clock(),
                steps=steps,
                summary={"rows": len(steps), "moved": moved},
            )
            s.add(log)
            s.flush()
            result = MergeResult(log.id, survivor.id, loser.id, moved)
        changes = (
            Changes.of(EntityKind(str(kind)), survivor_id, loser_id)
            | Changes.of(EntityKind.TAG)
            | Changes.of(EntityKind.OPPORTUNITY)
            | Changes.of(EntityKind.JOURNAL_ENTRY)
        )
        return result, changes

    def _pair(
        self, s: Session, kind: DedupKind, survivor_id: str, loser_id: str
    ) -> tuple[Record, Record]:
        if survivor_id == loser_id:
            raise UserError(
                "merge.same", "A record cannot be merged with itself", value=loser_id
            )
        out: list[Record] = []
        for rid in (survivor_id, loser_id):
            row = _get(s, kind, rid)
            if row is None or row.deleted_at is not None:
                raise NotFoundError(str(kind), rid)
            out.append(row)
        return out[0], out[1]

    def _move_children(
        self,
        s: Session,
        images: RowImages,
        kind: DedupKind,
        survivor: Record,
        loser: Record,
        choice: Mapping[str, bool],
    ) -> int:
        owner = f"{kind}_id"
        now = self._clock()
        moved = 0
        mine = _live(s, Channel, owner, survivor.id)
        theirs = _live(s, Channel, owner, loser.id)
        wanted = {
            group: _primary_value(theirs if choice.get(group) else mine, kinds)
            or _primary_value(mine, kinds)
            or _primary_value(theirs, kinds)
            for group, kinds in _CHANNEL_GROUPS.items()
        }
        have = {(c.kind, _norm(c.kind, c.value)): c for c in mine}
        position = max((c.position for c in mine), default=-1) + 1
        for ch in theirs:
            images.touch(ch)
            if (ch.kind, _norm(ch.kind, ch.value)) in have:
                ch.deleted_at = now
                continue
            setattr(ch, owner, survivor.id)
            ch.position = position
            position += 1
            have[(ch.kind, _norm(ch.kind, ch.value))] = ch
            moved += 1
        for group, kinds in _CHANNEL_GROUPS.items():
            members = [c for c in have.values() if c.kind in kinds]
            keep = next(
                (c for c in members if _norm(c.kind, c.value) == wanted[group]), None
            )
            for c in members:
                if c.is_primary != (c is keep):
                    images.touch(c)
                    c.is_primary = c is keep
        mine_a = _live(s, Address, owner, survivor.id)
        places = {_place(a) for a in mine_a}
        position = max((a.position for a in mine_a), default=-1) + 1
        has_primary = any(a.is_primary for a in mine_a)
        for a in _live(s, Address, owner, loser.id):
            images.touch(a)
            if _place(a) in places:
                a.deleted_at = now
                continue
            setattr(a, owner, survivor.id)
            a.position = position
            position += 1
            a.is_primary = a.is_primary and not has_primary
            has_primary = has_primary or a.is_primary
            places.add(_place(a))
            moved += 1
        other = "organisation_id" if kind is DedupKind.PERSON else "person_id"
        jobs = _live(s, Employment, owner, survivor.id)
        linked = {getattr(e, other) for e in jobs}
        has_primary = any(e.is_primary for e in jobs)
        for e in _live(s, Employment, owner, loser.id):
            images.touch(e)
            target = getattr(e, other)
            if target in linked or target == survivor.id:
                e.deleted_at = now
                continue
            setattr(e, owner, survivor.id)
            if kind is DedupKind.PERSON:
                e.is_primary = e.is_primary and not has_primary
                has_primary = has_primary or e.is_primary
            linked.add(target)
            moved += 1
        return moved

    def _move_foreign_keys(
        self, s: Session, images: RowImages, kind: DedupKind, survivor: str, loser: str
    ) -> int:
        moved = 0
        for table, col in foreign_keys(str(kind)):
            if table.name in _CHILD_TABLES or table.name == str(kind):
                continue
            model = _orm(table)
            rows = s.scalars(select(model).where(getattr(model, col) == loser)).all()
            for row in rows:
                images.touch(row)
                setattr(row, col, survivor)
                moved += 1
        return moved

    def _move_links(
        self,
        s: Session,
        images: RowImages,
        kind: DedupKind,
        survivor: str,
        loser: str,
        choice: Mapping[str, bool],
    ) -> int:
        moved = 0
        now = self._clock()
        defs = {r.id: def_dto(r) for r in live_defs(s, str(kind))}
        for table in entity_tables():
            model = _orm(table)
            rows = s.scalars(
                select(model).where(
                    model.entity_kind == str(kind),
                    model.entity_id == loser,
                    model.deleted_at.is_(None),
                )
            ).all()
            make_id = _LINK_IDS.get(table.name)
            for row in rows:
                images.touch(row)
                if make_id is None:  # a link table we do not know: edit in place
                    row.entity_id = survivor
                    moved += 1
                    continue
                target_id = make_id(row, survivor)
                target = s.get(model, target_id)
                row.deleted_at = now
                if target is None:
                    images.add(_copy(model, row, target_id, survivor))
                    moved += 1
                elif target.deleted_at is not None:
                    images.touch(target)
                    _refill(target, row)
                    target.deleted_at = None
                    moved += 1
                elif table.name == "custom_field_value" and _takes(choice, defs, row):
                    images.touch(target)
                    target.value, target.value_num = row.value, row.value_num
        return moved

    # ---- undo and history

    def undo(self, log_id: str, *, force: bool = False) -> Changes:
        """Restore the database as it was before the merge ``log_id``.

        Raises:
            UserError: ``merge.undone`` (already undone); ``merge.changed_since``
                when rows the merge wrote were edited afterwards (``value`` = how
                many) — call again with ``force`` to overwrite those edits.
        """
        with self._sessions.begin() as s:
            log = s.get(MergeLog, log_id)
            if log is None:
                raise NotFoundError("merge", log_id)
            if log.undone_at is not None:
                raise UserError(
                    "merge.undone", "This merge was undone already", value=log_id
                )
            if not force:
                changed = drift(s, log.steps)
                if changed:
                    raise UserError(
                        "merge.changed_since",
                        f"{len(changed)} values were changed after the merge",
                        value=len(changed),
                    )
            restore(s, log.steps)
            log.undone_at = self._clock()
            kind = log.entity_kind
            ids = (log.survivor_id, log.loser_id)
        return (
            Changes.of(EntityKind(kind), *ids)
            | Changes.of(EntityKind.TAG)
            | Changes.of(EntityKind.OPPORTUNITY)
            | Changes.of(EntityKind.JOURNAL_ENTRY)
        )

    def history(self, *, limit: int = 200) -> list[MergeInfo]:
        """Recent merges, newest first."""
        with self._sessions() as s:
            rows = s.scalars(
                select(MergeLog).order_by(MergeLog.created_at.desc()).limit(limit)
            ).all()
            return [
                MergeInfo(
                    r.id,
                    DedupKind(r.entity_kind),
                    r.survivor_id,
                    r.loser_id,
                    r.survivor_label,
                    r.loser_label,
                    r.created_at,
                    r.undone_at,
                    int((r.summary or {}).get("rows", 0)),
                )
                for r in rows
            ]

    def resolve(self, kind: DedupKind, record_id: str) -> str:
        """The id that now stands for ``record_id`` (its survivor after merges)."""
        with self._sessions() as s:
            rid = record_id
            for _ in range(20):
                row = _get(s, kind, rid)
                if row is None or not row.merged_into:
                    return rid
                rid = row.merged_into
            return rid

    # ---- display helpers

    def _text(self, s: Session, record: Record, key: str) -> str:
        value = getattr(record, key)
        if value is None:
            return ""
        if key == "owner_id":
            user = s.get(UserAccount, value)
            return (user.display_name or user.username) if user else ""
        if key == "industry_id":
            industry = s.get(Industry, value)
            return industry.name if industry else ""
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    @staticmethod
    def _primary(s: Session, kind: DedupKind, rid: str, group: str) -> str:
        owner = getattr(Channel, f"{kind}_id")
        row = s.execute(
            select(Channel.value)
            .where(
                owner == rid,
                Channel.kind.in_(_CHANNEL_GROUPS[group]),
                Channel.deleted_at.is_(None),
            )
            .order_by(Channel.is_primary.desc(), Channel.position)
            .limit(1)
        ).first()
        return row[0] if row else ""


# ---- helpers


def _live[T: (Channel, Address, Employment)](
    s: Session, model: type[T], owner_col: str, owner_id: str
) -> list[T]:
    col = getattr(model, owner_col)
    return list(
        s.scalars(
            select(model)
            .where(col == owner_id, model.deleted_at.is_(None))
            .order_by(model.created_at)
        )
    )


def _norm(kind: str, value: str) -> str:
    return value.strip().lower() if kind in ("email", "web") else value.strip()


def _place(a: Address) -> tuple[str, ...]:
    return tuple(
        v.strip().lower()
        for v in (a.street, a.house_number, a.po_box, a.postcode, a.city, a.country)
    )


def _primary_value(channels: list[Channel], kinds: tuple[str, ...]) -> str:
    """The normalised value of the primary channel of ``kinds`` ('' if none)."""
    group = [c for c in channels if c.kind in kinds]
    best = next((c for c in group if c.is_primary), group[0] if group else None)
    return _norm(best.kind, best.value) if best else ""


def _takes(
    choice: Mapping[str, bool], defs: Mapping[str, CustomFieldDef], row: Any
) -> bool:
    d = defs.get(row.def_id)
    return d is not None and bool(choice.get(d.column_key))


def _copy(model: type[Any], row: Any, new_id: str, survivor: str) -> Any:
    values = {
        attr.key: getattr(row, attr.key)
        for attr in model.__mapper__.column_attrs
        if attr.key
        not in (
            "id",
            "rev",
            "field_revs",
            "deleted_rev",
            "deleted_at",
            "created_at",
            "updated_at",
            "merged_into",
        )
    }
    values.update(id=new_id, entity_id=survivor)
    return model(**values)


def _refill(target: Any, row: Any) -> None:
    for attr in type(target).__mapper__.column_attrs:
        key = attr.key
        if key in (
            "id",
            "entity_id",
            "rev",
            "field_revs",
            "deleted_rev",
            "deleted_at",
            "created_at",
            "updated_at",
            "merged_into",
        ):
            continue
        value = getattr(row, key)
        if getattr(target, key) != value:
            setattr(target, key, value)


def _brief(r: Record) -> RecordBrief:
    if isinstance(r, Person):
        return RecordBrief(
            r.id,
            _label(r),
            r.email,
            r.phone,
            r.postcode,
            r.city,
            r.org_name,
            r.updated_at,
        )
    return RecordBrief(
        r.id,
        r.name,
        r.email,
        r.phone,
        r.postcode,
        r.city,
        r.customer_number,
        r.updated_at,
    )


def _label(r: Record) -> str:
    if isinstance(r, Person):
        return f"{r.first_name} {r.last_name}".strip()
    return r.name
