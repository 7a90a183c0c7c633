"""Mass update of chosen or segment records: set a field, add/remove a tag,
change the owner — with a preview and undo.

Writes go record by record through the ORM in one transaction, so the sync
outbox captures every change as if it had been made in a form; before/after
images in ``mass_update_log`` make it undoable. Cancel rolls everything back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session, sessionmaker

from app.domain.addresses import RelationStatus
from app.domain.changes import Changes, EntityKind
from app.domain.custom_fields import CustomFieldDef, CustomValue, decode, encode
from app.domain.errors import NotFoundError, UserError
from app.domain.progress import NullProgress, ProgressSink
from app.domain.quality import (
    MassAction,
    MassChange,
    MassPreview,
    MassResult,
    MassUpdate,
    MassUpdateInfo,
)
from app.models import EntityTag, Organisation, Person, Tag, UserAccount, utcnow
from app.models.quality import CustomFieldValue, MassUpdateLog, value_id
from app.models.tags import link_id
from app.services.custom_fields import def_dto, live_defs, plain_text
from app.services.row_images import RowImages, drift, restore

BATCH = 500
#: Record fields a mass update may set (besides custom fields and the owner).
SETTABLE = {
    "person": ("status", "language"),
    "organisation": ("status",),
}
_LANGUAGES = ("de", "fr", "it", "en", "rm")

type Record = Person | Organisation


def _model(kind: str) -> type[Person] | type[Organisation]:
    if kind == "person":
        return Person
    if kind == "organisation":
        return Organisation
    raise UserError("mass.kind", f"{kind!r} records cannot be mass-updated", value=kind)


def _name(r: Record) -> str:
    return f"{r.first_name} {r.last_name}".strip() if isinstance(r, Person) else r.name


class MassUpdateService:
    """Preview, apply and undo mass updates."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    # ---- preview

    def preview(
        self, kind: str, ids: Sequence[str], update: MassUpdate, *, sample: int = 20
    ) -> MassPreview:
        """How many records would change, with examples (nothing is written).

        Raises:
            UserError: ``mass.field`` (not settable), ``mass.value`` (not allowed
                for the field), ``record.not_found`` (unknown tag or user).
        """
        with self._sessions() as s:
            apply = self._action(s, kind, update)
            changing = 0
            examples: list[MassChange] = []
            for start in range(0, len(ids), BATCH):
                for record in self._records(s, kind, ids[start : start + BATCH]):
                    before, after = apply.describe(record)
                    if before != after:
                        changing += 1
                        if len(examples) < sample:
                            examples.append(
                                MassChange(record.id, _name(record), before, after)
                            )
        return MassPreview(len(ids), changing, len(ids) - changing, tuple(examples))

    # ---- apply

    def apply(
        self,
        kind: str,
        ids: Sequence[str],
        update: MassUpdate,
        *,
        description: str = "",
        progress: ProgressSink | None = None,
    ) -> tuple[MassResult, Changes]:
        """Change every record in ``ids`` in one transaction.

        Raises:
            Cancelled: nothing was changed.
            UserError: as :meth:`preview`.
        """
        sink = progress or NullProgress()
        with self._sessions.begin() as s:
            apply = self._action(s, kind, update)
            images = RowImages(s)
            changed: list[str] = []
            for start in range(0, len(ids), BATCH):
                sink.check_cancelled()
                for record in self._records(s, kind, ids[start : start + BATCH]):
                    if apply.write(s, images, record):
                        changed.append(record.id)
                s.flush()
                sink.report(min(len(ids), start + BATCH), len(ids), "Updating records")
            sink.check_cancelled()
            steps = images.steps()
            log = MassUpdateLog(
                entity_kind=kind,
                description=description[:300],
                action={"action": str(update.action), "field": update.field},
                record_count=len(changed),
                created_at=self._clock(),
                steps=steps,
            )
            s.add(log)
            s.flush()
            result = MassResult(log.id, len(changed))
        changes = Changes.of(EntityKind(kind), *changed) if changed else Changes()
        if update.action in (MassAction.ADD_TAG, MassAction.REMOVE_TAG):
            changes = changes | Changes.of(EntityKind.TAG)
        return result, changes

    def undo(self, log_id: str, *, force: bool = False) -> Changes:
        """Put back what the mass update ``log_id`` changed.

        Raises:
            UserError: ``mass.undone``; ``mass.changed_since`` (records edited
                afterwards; ``value`` = how many values) unless ``force``.
        """
        with self._sessions.begin() as s:
            log = s.get(MassUpdateLog, log_id)
            if log is None:
                raise NotFoundError("mass_update", log_id)
            if log.undone_at is not None:
                raise UserError("mass.undone", "This mass update was undone already")
            if not force:
                changed = drift(s, log.steps)
                if changed:
                    raise UserError(
                        "mass.changed_since",
                        f"{len(changed)} values were changed after the mass update",
                        value=len(changed),
                    )
            restore(s, log.steps)
            log.undone_at = self._clock()
            kind = log.entity_kind
        return Changes.of(EntityKind(kind)) | Changes.of(EntityKind.TAG)

    def history(self, *, limit: int = 100) -> list[MassUpdateInfo]:
        """Recent mass updates, newest first."""
        with self._sessions() as s:
            rows = s.scalars(
                select(MassUpdateLog)
                .order_by(MassUpdateLog.created_at.desc())
                .limit(limit)
            ).all()
            return [
                MassUpdateInfo(
                    r.id,
                    r.entity_kind,
                    r.description,
                    r.record_count,
                    r.created_at,
                    r.undone_at,
                )
                for r in rows
            ]

    # ---- helpers

    @staticmethod
    def _records(s: Session, kind: str, ids: Sequence[str]) -> list[Record]:
        model = _model(kind)
        rows: list[Record] = list(
            s.scalars(
                select(model).where(model.id.in_(list(ids)), model.deleted_at.is_(None))
            )
        )
        return rows

    def _action(self, s: Session, kind: str, update: MassUpdate) -> _Action:
        _model(kind)
        match update.action:
            case MassAction.SET_OWNER:
                user = s.get(UserAccount, str(update.value)) if update.value else None
                if update.value and (user is None or user.deleted_at is not None):
                    raise NotFoundError("user", str(update.value))
                label = (user.display_name or user.username) if user else ""
                return _SetColumn("owner_id", update.value, label, s)
            case MassAction.ADD_TAG | MassAction.REMOVE_TAG:
                tag = s.get(Tag, str(update.value))
                if tag is None or tag.deleted_at is not None:
                    raise NotFoundError("tag", str(update.value))
                return _Tagging(
                    kind, tag.id, tag.name, on=update.action is MassAction.ADD_TAG
                )
            case MassAction.SET_FIELD:
                if update.field.startswith("cf:"):
                    defs = {r.key: def_dto(r) for r in live_defs(s, kind)}
                    d = defs.get(update.field[3:])
                    if d is None:
                        raise UserError(
                            "mass.field", "Unknown field", field=update.field
                        )
                    return _SetCustom(d, update.value)
                if update.field not in SETTABLE[kind]:
                    raise UserError(
                        "mass.field",
                        f"{update.field} cannot be mass-updated",
                        field=update.field,
                    )
                allowed = (
                    [str(v) for v in RelationStatus]
                    if update.field == "status"
                    else list(_LANGUAGES)
                )
                if update.value not in allowed:
                    raise UserError(
                        "mass.value",
                        f"{update.value!r} is not a value of {update.field}",
                        field=update.field,
                        value=update.value,
                    )
                return _SetColumn(update.field, update.value, str(update.value), s)
        raise UserError("mass.action", f"Unknown action {update.action!r}")


class _Action:
    """One kind of change: how to show it and how to write it for a record."""

    def describe(self, record: Record) -> tuple[str, str]:
        """(before, after) as text for the preview."""
        raise NotImplementedError

    def write(self, s: Session, images: RowImages, record: Record) -> bool:
        """Change the record in ``s``; whether anything changed."""
        raise NotImplementedError


class _SetColumn(_Action):
    def __init__(self, column: str, value: Any, label: str, s: Session) -> None:
        self.column, self.value, self.label = column, value, label
        self._users: dict[str, str] = {}
        if column == "owner_id":
            self._users = {
                u.id: u.display_name or u.username
                for u in s.scalars(select(UserAccount))
            }

    def _text(self, value: Any) -> str:
        if self.column == "owner_id":
            return self._users.get(value or "", "")
        return "" if value is None else str(value)

    def describe(self, record: Record) -> tuple[str, str]:
        return self._text(getattr(record, self.column)), self._text(self.value)

    def write(self, _s: Session, images: RowImages, record: Record) -> bool:
        if getattr(record, self.column) == self.value:
            return False
        images.touch(record)
        setattr(record, self.column, self.value)
        return True


class _Tagging(_Action):
    def __init__(self, kind: str, tag_id: str, name: str, *, on: bool) -> None:
        self.kind, self.tag_id, self.name, self.on = kind, tag_id, name, on

    def describe(self, record: Record) -> tuple[str, str]:
        s = object_session(record)
        has = False
        if s is not None:
            row = s.get(EntityTag, link_id(record.id, self.tag_id))
            has = row is not None and row.deleted_at is None
        after = self.on
        return (self.name if has else "—"), (self.name if after else "—")

    def write(self, s: Session, images: RowImages, record: Record) -> bool:
        rid = link_id(record.id, self.tag_id)
        row = s.get(EntityTag, rid)
        if self.on:
            if row is None:
                images.add(
                    EntityTag(
                        id=rid,
                        entity_kind=self.kind,
                        entity_id=record.id,
                        tag_id=self.tag_id,
                    )
                )
                return True
            if row.deleted_at is not None:
                images.touch(row)
                row.deleted_at = None
                return True
            return False
        if row is None or row.deleted_at is not None:
            return False
        images.touch(row)
        row.deleted_at = utcnow()
        return True


class _SetCustom(_Action):
    def __init__(self, definition: CustomFieldDef, value: CustomValue) -> None:
        self.d, self.value = definition, value

    def _current(self, s: Session, record: Record) -> CustomFieldValue | None:
        return s.get(CustomFieldValue, value_id(record.id, self.d.id))

    def describe(self, record: Record) -> tuple[str, str]:
        s = object_session(record)
        row = self._current(s, record) if s is not None else None
        before = (
            plain_text(self.d, decode(self.d.field_type, row.value, row.value_num))
            if row is not None and row.deleted_at is None
            else ""
        )
        return before, plain_text(self.d, self.value)

    def write(self, s: Session, images: RowImages, record: Record) -> bool:
        row = self._current(s, record)
        text, num = encode(self.d.field_type, self.value)
        if self.value is None:
            if row is None or row.deleted_at is not None:
                return False
            images.touch(row)
            row.deleted_at = utcnow()
            return True
        if row is None:
            images.add(
                CustomFieldValue(
                    id=value_id(record.id, self.d.id),
                    entity_kind=str(self.d.entity_kind),
                    entity_id=record.id,
                    def_id=self.d.id,
                    value=text,
                    value_num=num,
                    owner_id=record.owner_id,
                )
            )
            return True
        if row.deleted_at is None and (row.value, row.value_num) == (text, num):
            return False
        images.touch(row)
        row.deleted_at = None
        row.value, row.value_num = text, num
        return True
