"""Custom fields: definitions an administrator edits, values on records.

Values are read and written one row per (record, field) through the ORM, so
the sync outbox captures each as its own change. Input parsing accepts what
people type and what spreadsheets hold (``1'234.50``, ``31.12.2026``, ``ja``),
through the same value parsers the importer uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import Changes, EntityKind
from app.domain.custom_fields import (
    NUMBER_SCALE,
    Choice,
    CustomFieldDef,
    CustomFieldDefData,
    CustomValue,
    FieldType,
    RecordKind,
    TextFormat,
    decode,
    encode,
    slug,
)
from app.domain.errors import FieldError, NotFoundError, UserError, ValidationError
from app.exchange.values import ValueProblem, fold, parse_date, parse_decimal
from app.models import Organisation, Person, utcnow
from app.models.quality import CustomFieldDef as DefRow
from app.models.quality import CustomFieldValue, value_id
from app.services.validation import (
    FieldProblem,
    normalise_email,
    normalise_iban,
    normalise_phone,
    normalise_uid,
    normalise_web,
)

CURRENCIES = ("CHF", "EUR", "USD")
#: Largest number a number field takes (the scaled value must fit 64 bits).
MAX_NUMBER = Decimal(10) ** 14
_TRUE = frozenset({"1", "true", "yes", "y", "ja", "j", "x", "oui", "si", "sì", "wahr"})
_FALSE = frozenset({"0", "false", "no", "n", "nein", "non", "falsch", "-"})
_FORMATS = {
    TextFormat.EMAIL: normalise_email,
    TextFormat.PHONE: normalise_phone,
    TextFormat.WEB: normalise_web,
    TextFormat.IBAN: normalise_iban,
    TextFormat.UID: normalise_uid,
}
_LINK_MODELS: dict[FieldType, type[Person | Organisation]] = {
    FieldType.PERSON: Person,
    FieldType.ORGANISATION: Organisation,
}


def field_error(
    definition: CustomFieldDef, code: str, message: str, value: object
) -> FieldError:
    """A form error of ``definition`` (field name ``cf:<key>``)."""
    return FieldError(definition.column_key, code, message, value)


def parse_value(definition: CustomFieldDef, raw: object) -> CustomValue:
    """The Python value of ``raw`` (typed text, a spreadsheet cell, a bool …).

    Empty input is ``None``. Does not check "required" (see :meth:`validate`)
    nor whether a linked record exists.

    Raises:
        FieldProblem: ``number.invalid``, ``number.too_large``, ``amount.invalid``,
            ``date.invalid``, ``bool.invalid``, ``choice.unknown`` or a text
            format's code (``iban.checksum`` …).
    """
    if raw is None or raw == "" or raw == ():
        return None
    kind = definition.field_type
    try:
        match kind:
            case FieldType.NUMBER:
                number = parse_decimal(raw)  # type: ignore[arg-type]
                if number is None:
                    return None
                if abs(number) >= MAX_NUMBER:
                    raise FieldProblem("number.too_large", f"{raw!r} is too large")
                return number.quantize(Decimal(1) / NUMBER_SCALE)
            case FieldType.MONEY:
                return _money(raw)
            case FieldType.DATE:
                return parse_date(raw)  # type: ignore[arg-type]
            case FieldType.BOOL:
                return _bool(raw)
            case FieldType.CHOICE:
                return _choice(definition, raw)
            case FieldType.MULTI_CHOICE:
                items = raw if isinstance(raw, (tuple, list)) else str(raw).split(",")
                values = tuple(
                    dict.fromkeys(
                        _choice(definition, i) for i in items if str(i).strip()
                    )
                )
                return values or None
            case FieldType.PERSON | FieldType.ORGANISATION:
                return str(raw).strip() or None
            case _:
                text = str(raw).strip()
                check = _FORMATS.get(definition.text_format)
                return check(text) if check and text else (text or None)
    except ValueProblem as exc:
        raise FieldProblem(exc.code, exc.message) from exc


def _money(raw: object) -> int:
    try:
        amount = parse_decimal(raw)  # type: ignore[arg-type]
    except ValueProblem as exc:
        raise FieldProblem("amount.invalid", f"{raw!r} is not an amount") from exc
    if amount is None:
        raise FieldProblem("amount.invalid", f"{raw!r} is not an amount")
    if abs(amount) >= MAX_NUMBER:
        raise FieldProblem("amount.too_large", f"{raw!r} is too large an amount")
    return int((amount * 100).to_integral_value())


def _bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = fold(str(raw).strip())
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise FieldProblem("bool.invalid", f"{raw!r} is neither yes nor no")


def _choice(definition: CustomFieldDef, raw: object) -> str:
    text = str(raw).strip()
    wanted = fold(text)
    for choice in definition.choices:
        if wanted in (fold(choice.value), fold(choice.label)):
            return choice.value
    raise FieldProblem(
        "choice.unknown", f"{text!r} is not one of the values of {definition.label}"
    )


def plain_text(definition: CustomFieldDef, value: CustomValue) -> str:
    """A value as plain text for files and logs (ISO dates, ``1234.50``, labels)."""
    if value is None:
        return ""
    match definition.field_type:
        case FieldType.MONEY:
            assert isinstance(value, int)
            sign = "-" if value < 0 else ""
            return f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"
        case FieldType.DATE:
            assert isinstance(value, dt.date)
            return value.isoformat()
        case FieldType.BOOL:
            return "yes" if value else "no"
        case FieldType.CHOICE:
            return definition.choice_label(str(value))
        case FieldType.MULTI_CHOICE:
            assert isinstance(value, tuple)
            return ", ".join(definition.choice_label(v) for v in value)
        case FieldType.NUMBER:
            return encode(FieldType.NUMBER, value)[0]
        case _:
            return str(value)


def def_dto(row: DefRow, count: int = 0) -> CustomFieldDef:
    """The DTO of a definition row."""
    options = row.options or {}
    choices = tuple(
        Choice(str(c.get("value", "")), str(c.get("label", c.get("value", ""))))
        for c in options.get("choices", [])
        if isinstance(c, dict)
    )
    fmt = options.get("format", "")
    return CustomFieldDef(
        id=row.id,
        entity_kind=RecordKind(row.entity_kind),
        key=row.key,
        label=row.label,
        field_type=FieldType(row.field_type),
        choices=choices,
        currency=str(options.get("currency", "CHF")),
        decimals=int(options.get("decimals", 0)),
        text_format=TextFormat(fmt)
        if fmt in TextFormat.__members__.values()
        else TextFormat.NONE,
        required=row.required,
        help_text=row.help_text,
        active=row.active,
        position=row.position,
        value_count=count,
    )


def live_defs(s: Session, entity_kind: str | None = None) -> list[DefRow]:
    """Definition rows that are not deleted, in display order."""
    stmt = select(DefRow).where(DefRow.deleted_at.is_(None))
    if entity_kind is not None:
        stmt = stmt.where(DefRow.entity_kind == entity_kind)
    return list(
        s.scalars(stmt.order_by(DefRow.entity_kind, DefRow.position, DefRow.label))
    )


def write_value(
    s: Session,
    definition: CustomFieldDef,
    entity_id: str,
    value: CustomValue,
    *,
    owner_id: str | None = None,
) -> bool:
    """Store ``value`` (``None`` clears) on a record in session ``s``.

    Returns whether anything changed. A cleared value becomes a tombstone so
    sync can tell the server; setting it again revives the same row.
    """
    text, num = encode(definition.field_type, value)
    row = s.get(CustomFieldValue, value_id(entity_id, definition.id))
    if value is None:
        if row is None or row.deleted_at is not None:
            return False
        row.deleted_at = utcnow()
        return True
    if row is None:
        s.add(
            CustomFieldValue(
                id=value_id(entity_id, definition.id),
                entity_kind=str(definition.entity_kind),
                entity_id=entity_id,
                def_id=definition.id,
                value=text,
                value_num=num,
                owner_id=owner_id,
            )
        )
        return True
    changed = False
    if row.deleted_at is not None:
        row.deleted_at = None
        changed = True
    if row.value != text:
        row.value = text
        changed = True
    if row.value_num != num:
        row.value_num = num
        changed = True
    return changed


def read_values(
    s: Session, defs: Sequence[CustomFieldDef], ids: Sequence[str]
) -> dict[str, dict[str, CustomValue]]:
    """Values of ``defs`` on records ``ids``: {record id: {field key: value}}."""
    by_id = {d.id: d for d in defs}
    out: dict[str, dict[str, CustomValue]] = {i: {} for i in ids}
    if not by_id or not ids:
        return out
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        rows = s.execute(
            select(
                CustomFieldValue.entity_id,
                CustomFieldValue.def_id,
                CustomFieldValue.value,
                CustomFieldValue.value_num,
            ).where(
                CustomFieldValue.entity_id.in_(part),
                CustomFieldValue.def_id.in_(list(by_id)),
                CustomFieldValue.deleted_at.is_(None),
            )
        )
        for entity_id, def_id, text, num in rows:
            d = by_id[def_id]
            out[entity_id][d.key] = decode(d.field_type, text, num)
    return out


class CustomFieldService:
    """Define custom fields and read/write their values."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # ---- definitions

    def definitions(
        self,
        entity_kind: RecordKind | str | None = None,
        *,
        active_only: bool = False,
        with_counts: bool = False,
    ) -> list[CustomFieldDef]:
        """Fields of ``entity_kind`` (all kinds if ``None``) in display order.

        ``with_counts`` fills :attr:`CustomFieldDef.value_count` (the field
        editor shows it): that counts every stored value, over a second on a
        million records, so reading or saving a record's values never asks.
        """
        with self._sessions() as s:
            rows = live_defs(s, str(entity_kind) if entity_kind else None)
            counts: dict[str, int] = (
                dict(
                    s.execute(
                        select(CustomFieldValue.def_id, func.count())
                        .where(
                            CustomFieldValue.def_id.in_([r.id for r in rows]),
                            CustomFieldValue.deleted_at.is_(None),
                        )
                        .group_by(CustomFieldValue.def_id)
                    ).all()
                )
                if rows and with_counts
                else {}
            )
            defs = [def_dto(r, counts.get(r.id, 0)) for r in rows]
        return [d for d in defs if d.active or not active_only]

    def definition(self, def_id: str) -> CustomFieldDef:
        """One field by id."""
        with self._sessions() as s:
            return def_dto(self._live(s, def_id))

    def by_key(self, entity_kind: RecordKind | str, key: str) -> CustomFieldDef | None:
        """The field ``key`` of ``entity_kind``, if defined."""
        return next((d for d in self.definitions(entity_kind) if d.key == key), None)

    def create(self, data: CustomFieldDefData) -> tuple[CustomFieldDef, Changes]:
        """Add a field; its key comes from the label unless given.

        Raises:
            ValidationError: label missing, key taken, choices missing or repeated,
                unknown currency, decimals out of 0–4.
        """
        with self._sessions.begin() as s:
            existing = live_defs(s, str(data.entity_kind))
            key = slug(data.key or data.label)
            taken = {r.key for r in existing}
            if not data.key:
                base, n = key, 2
                while key in taken:
                    key, n = f"{base}_{n}", n + 1
            _check_def(data, key, taken)
            row = DefRow(
                entity_kind=str(data.entity_kind),
                key=key,
                label=data.label.strip(),
                field_type=str(data.field_type),
                options=_options(data),
                required=data.required,
                position=max((r.position for r in existing), default=-1) + 1,
                active=data.active,
                help_text=data.help_text.strip(),
            )
            s.add(row)
            s.flush()
            return def_dto(row), Changes.of(EntityKind.CUSTOM_FIELD, row.id)

    def update(
        self, def_id: str, data: CustomFieldDefData
    ) -> tuple[CustomFieldDef, Changes]:
        """Change label, choices, settings; the key and the records stay.

        Raises:
            ValidationError: as :meth:`create`; ``custom_field.type_locked`` when
                the type changes while values exist; ``custom_field.choice_in_use``
                when a removed choice is still stored on records.
        """
        with self._sessions.begin() as s:
            row = self._live(s, def_id)
            others = {r.key for r in live_defs(s, row.entity_kind) if r.id != row.id}
            _check_def(data, row.key, others)
            used = self._count(s, row.id)
            if data.field_type != row.field_type and used:
                raise ValidationError(
                    [
                        FieldError(
                            "field_type",
                            "custom_field.type_locked",
                            f"{used} records have a value; the type cannot change",
                            data.field_type,
                        )
                    ]
                )
            removed = {c.value for c in def_dto(row).choices} - {
                c.value for c in data.choices
            }
            if removed and used:
                self._check_choices_unused(s, row, removed)
            for attr, value in (
                ("label", data.label.strip()),
                ("field_type", str(data.field_type)),
                ("options", _options(data)),
                ("required", data.required),
                ("active", data.active),
                ("help_text", data.help_text.strip()),
            ):
                if getattr(row, attr) != value:
                    setattr(row, attr, value)
            s.flush()
            return def_dto(row, used), Changes.of(EntityKind.CUSTOM_FIELD, row.id)

    def delete(self, def_id: str) -> Changes:
        """Remove a field from forms and lists (tombstone; values are kept)."""
        with self._sessions.begin() as s:
            row = self._live(s, def_id)
            row.deleted_at = utcnow()
        return Changes.of(EntityKind.CUSTOM_FIELD, def_id)

    def move(self, def_id: str, offset: int) -> Changes:
        """Move a field up (negative) or down in its record kind's order."""
        with self._sessions.begin() as s:
            row = self._live(s, def_id)
            rows = live_defs(s, row.entity_kind)
            index = rows.index(row)
            target = max(0, min(len(rows) - 1, index + offset))
            rows.insert(target, rows.pop(index))
            for position, item in enumerate(rows):
                if item.position != position:
                    item.position = position
        return Changes.of(EntityKind.CUSTOM_FIELD, def_id)

    # ---- values

    def values(
        self, entity_kind: RecordKind | str, entity_id: str
    ) -> dict[str, CustomValue]:
        """The record's custom values by field key (fields without a value left out)."""
        defs = self.definitions(entity_kind)
        with self._sessions() as s:
            return read_values(s, defs, [entity_id])[entity_id]

    def values_for(
        self, entity_kind: RecordKind | str, ids: Sequence[str]
    ) -> dict[str, dict[str, CustomValue]]:
        """Values of many records (a list page), one query per 500 ids."""
        defs = self.definitions(entity_kind)
        with self._sessions() as s:
            return read_values(s, defs, ids)

    def validate(
        self, entity_kind: RecordKind | str, raw: Mapping[str, object]
    ) -> dict[str, CustomValue]:
        """Parse a form's raw input (field key → text/bool/tuple) into values.

        Raises:
            ValidationError: every bad field at once, named ``cf:<key>``
                (required, format, unknown choice, unknown linked record).
        """
        defs = {d.key: d for d in self.definitions(entity_kind, active_only=True)}
        errors: list[FieldError] = []
        out: dict[str, CustomValue] = {}
        for key, text in raw.items():
            d = defs.get(key)
            if d is None:
                continue
            try:
                value = parse_value(d, text)
            except FieldProblem as exc:
                errors.append(field_error(d, exc.code, exc.message, text))
                continue
            if value is None and d.required:
                errors.append(
                    field_error(d, "required", f"{d.label} is required", text)
                )
            out[key] = value
        links = [
            (defs[k], v)
            for k, v in out.items()
            if v and defs[k].field_type in _LINK_MODELS
        ]
        if links:
            with self._sessions() as s:
                for d, v in links:
                    found = _get_party(s, d.field_type, str(v))
                    if found is None or found.deleted_at is not None:
                        errors.append(
                            field_error(
                                d, "link.unknown", "Choose a record from the list", v
                            )
                        )
        if errors:
            raise ValidationError(errors)
        return out

    def save_values(
        self,
        entity_kind: RecordKind | str,
        entity_id: str,
        values: Mapping[str, CustomValue],
    ) -> Changes:
        """Store parsed values (from :meth:`validate`) on a record; only changes write."""
        defs = {d.key: d for d in self.definitions(entity_kind)}
        changed = False
        with self._sessions.begin() as s:
            owner = _owner(s, str(entity_kind), entity_id)
            for key, value in values.items():
                d = defs.get(key)
                if d is not None:
                    changed |= write_value(s, d, entity_id, value, owner_id=owner)
        if not changed:
            return Changes()
        return (
            Changes.of(EntityKind(str(entity_kind)), entity_id)
            if str(entity_kind) in EntityKind.__members__.values()
            else Changes()
        )

    def link_names(self, field_type: FieldType, ids: Iterable[str]) -> dict[str, str]:
        """Display names of linked persons or organisations."""
        model = _LINK_MODELS.get(field_type)
        wanted = [i for i in ids if i]
        if model is None or not wanted:
            return {}
        with self._sessions() as s:
            if model is Person:
                rows = s.execute(
                    select(Person.id, Person.first_name, Person.last_name).where(
                        Person.id.in_(wanted)
                    )
                ).all()
                return {r[0]: f"{r[1]} {r[2]}".strip() for r in rows}
            org_rows = s.execute(
                select(Organisation.id, Organisation.name).where(
                    Organisation.id.in_(wanted)
                )
            ).all()
            return {r[0]: r[1] for r in org_rows}

    # ---- helpers

    @staticmethod
    def _live(s: Session, def_id: str) -> DefRow:
        row = s.get(DefRow, def_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("custom_field", def_id)
        return row

    @staticmethod
    def _count(s: Session, def_id: str) -> int:
        return int(
            s.execute(
                select(func.count()).where(
                    CustomFieldValue.def_id == def_id,
                    CustomFieldValue.deleted_at.is_(None),
                )
            ).scalar_one()
        )

    @staticmethod
    def _check_choices_unused(s: Session, row: DefRow, removed: set[str]) -> None:
        multi = row.field_type == FieldType.MULTI_CHOICE
        for value in sorted(removed):
            cond = (
                CustomFieldValue.value.contains(f"|{value}|", autoescape=True)
                if multi
                else CustomFieldValue.value == value
            )
            used = s.execute(
                select(func.count()).where(
                    CustomFieldValue.def_id == row.id,
                    CustomFieldValue.deleted_at.is_(None),
                    cond,
                )
            ).scalar_one()
            if used:
                raise ValidationError(
                    [
                        FieldError(
                            "choices",
                            "custom_field.choice_in_use",
                            f"{used} records still have {value!r}; change them first",
                            value,
                        )
                    ]
                )


def _owner(s: Session, entity_kind: str, entity_id: str) -> str | None:
    kinds = {"person": FieldType.PERSON, "organisation": FieldType.ORGANISATION}
    if entity_kind not in kinds:
        return None
    row = _get_party(s, kinds[entity_kind], entity_id)
    return row.owner_id if row is not None else None


def _get_party(s: Session, kind: FieldType, rid: str) -> Person | Organisation | None:
    if kind is FieldType.PERSON:
        return s.get(Person, rid)
    return s.get(Organisation, rid)


def _options(data: CustomFieldDefData) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if data.field_type in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        options["choices"] = [
            {"value": c.value.strip(), "label": c.label.strip() or c.value.strip()}
            for c in data.choices
        ]
    if data.field_type is FieldType.MONEY:
        options["currency"] = data.currency
    if data.field_type is FieldType.NUMBER:
        options["decimals"] = data.decimals
    if data.field_type is FieldType.TEXT and data.text_format is not TextFormat.NONE:
        options["format"] = str(data.text_format)
    return options


def _check_def(data: CustomFieldDefData, key: str, taken: set[str]) -> None:
    errors: list[FieldError] = []
    if not data.label.strip():
        errors.append(FieldError("label", "required", "Label is required", data.label))
    if key in taken:
        errors.append(
            FieldError(
                "key", "custom_field.key_taken", f"The key {key!r} is in use", key
            )
        )
    if data.field_type in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        values = [c.value.strip() for c in data.choices]
        if not values or not all(values):
            errors.append(
                FieldError(
                    "choices",
                    "custom_field.choices_missing",
                    "A choice field needs at least one value",
                    values,
                )
            )
        elif len(set(map(fold, values))) != len(values):
            errors.append(
                FieldError(
                    "choices",
                    "custom_field.choice_repeated",
                    "Each value may appear only once",
                    values,
                )
            )
        elif any("|" in v for v in values):
            errors.append(
                FieldError(
                    "choices",
                    "custom_field.choice_char",
                    "Values may not contain |",
                    values,
                )
            )
    if data.field_type is FieldType.MONEY and data.currency not in CURRENCIES:
        errors.append(
            FieldError(
                "currency", "currency.unknown", "Choose CHF, EUR or USD", data.currency
            )
        )
    if not 0 <= data.decimals <= 4:
        errors.append(
            FieldError(
                "decimals", "custom_field.decimals", "0 to 4 decimals", data.decimals
            )
        )
    if errors:
        raise ValidationError(errors)


def check_entity_kind(value: str) -> RecordKind:
    """The record kind named ``value``.

    Raises:
        UserError: ``custom_field.kind`` for an unknown kind.
    """
    try:
        return RecordKind(value)
    except ValueError:
        raise UserError(
            "custom_field.kind", f"{value!r} cannot carry custom fields", value=value
        ) from None
