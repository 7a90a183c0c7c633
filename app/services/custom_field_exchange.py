"""Custom fields in imports and exports.

The exchange registry (``app/exchange/entities.py``) is static; custom fields
are data. :func:`extend` adds one column per active field to an entity's spec
(key ``cf:<key>``, heading = the field's label, which auto-mapping recognises
as well as the key), so exports write them and the import wizard maps them.

On import the cells arrive as text (dates as dates) and are parsed by the same
rules as the form (:func:`check`, issues per row in the dry run);
:func:`add_current` lets the analysis see stored values, so an unchanged value
is not an update; :func:`split` takes the values out of the rows before the
record writer sees them and :func:`write` stores them in the import's
transaction, queued for sync.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, MutableSequence, Sequence
from dataclasses import replace
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select, text, update

from app.domain.custom_fields import (
    CustomFieldDef,
    CustomValue,
    FieldType,
    decode,
    encode,
)
from app.domain.exchange import RowIssue
from app.exchange.entities import EntitySpec, FieldKind, FieldSpec
from app.models.quality import CustomFieldDef as DefRow
from app.models.quality import CustomFieldValue, value_id
from app.services.custom_fields import def_dto, parse_value, plain_text
from app.services.validation import FieldProblem
from app.sync import outbox

PREFIX = "cf:"
#: Exchange entity name → record kind of custom fields.
KINDS = {"persons": "person", "organisations": "organisation"}
_VALUES = cast(Table, CustomFieldValue.__table__)
_DEFS = cast(Table, DefRow.__table__)


def definitions(conn: Connection, entity_name: str) -> list[CustomFieldDef]:
    """The active custom fields of an exchange entity (none for other entities)."""
    kind = KINDS.get(entity_name)
    if kind is None:
        return []
    rows = conn.execute(
        select(_DEFS)
        .where(
            _DEFS.c.entity_kind == kind,
            _DEFS.c.deleted_at.is_(None),
            _DEFS.c.active.is_(True),
        )
        .order_by(_DEFS.c.position, _DEFS.c.label)
    ).all()
    return [def_dto(r) for r in rows]  # type: ignore[arg-type]


def extend(spec: EntitySpec, defs: Sequence[CustomFieldDef]) -> EntitySpec:
    """``spec`` with one column per custom field (after the built-in ones)."""
    if not defs:
        return spec
    extra = tuple(
        FieldSpec(
            d.column_key,
            d.label,
            FieldKind.DATE if d.field_type is FieldType.DATE else FieldKind.TEXT,
            synonyms=(d.label, d.key, d.column_key),
            width=max(10.0, min(30.0, len(d.label) + 4.0)),
        )
        for d in defs
    )
    return replace(spec, fields=spec.fields + extra)


def export_values(
    conn: Connection,
    defs: Sequence[CustomFieldDef],
    records: Mapping[str, dict[str, Any]],
) -> None:
    """Put each record's custom values into its export row (plain text, dates as dates)."""
    by_id = {d.id: d for d in defs}
    ids = list(records)
    if not by_id or not ids:
        return
    rows = conn.execute(
        text(
            "SELECT entity_id, def_id, value, value_num FROM custom_field_value "
            "WHERE deleted_at IS NULL AND entity_id IN (SELECT value FROM json_each(:ids)) "
            "AND def_id IN (SELECT value FROM json_each(:defs))"
        ),
        {"ids": json.dumps(ids), "defs": json.dumps(list(by_id))},
    ).all()
    for entity_id, def_id, raw, num in rows:
        d = by_id[def_id]
        value = decode(d.field_type, raw, num)
        records[entity_id][d.column_key] = (
            value if d.field_type is FieldType.DATE else plain_text(d, value)
        )


def check(
    defs: Sequence[CustomFieldDef],
    values: dict[str, Any],
    issues: MutableSequence[RowIssue],
    number: int,
    heading: Mapping[str, str],
) -> None:
    """Parse the row's custom cells in place; a bad one becomes a row issue."""
    for d in defs:
        key = d.column_key
        if key not in values:
            continue
        raw = values[key]
        try:
            values[key] = parse_value(d, raw)
        except FieldProblem as exc:
            issues.append(
                RowIssue(
                    number,
                    heading.get(key, d.label),
                    key,
                    exc.code,
                    exc.message,
                    str(raw),
                )
            )


def add_current(
    conn: Connection, defs: Sequence[CustomFieldDef], current: Mapping[str, Any]
) -> None:
    """Stored custom values of matched records, so unchanged ones are no update."""
    by_id = {d.id: d for d in defs}
    if not by_id or not current:
        return
    ids = list(current)
    for start in range(0, len(ids), 5000):
        part = ids[start : start + 5000]
        rows = conn.execute(
            text(
                "SELECT entity_id, def_id, value, value_num FROM custom_field_value "
                "WHERE deleted_at IS NULL AND entity_id IN (SELECT value FROM json_each(:ids))"
            ),
            {"ids": json.dumps(part)},
        ).all()
        for entity_id, def_id, raw, num in rows:
            d = by_id.get(def_id)
            if d is not None:
                current[entity_id].values[d.column_key] = decode(d.field_type, raw, num)


def split(rows: Iterable[dict[str, Any]]) -> list[dict[str, CustomValue]]:
    """Take the custom values out of each row (the record writer does not know them)."""
    return [
        {k: row.pop(k) for k in [k for k in row if k.startswith(PREFIX)]}
        for row in rows
    ]


def write(
    conn: Connection,
    entity_name: str,
    defs: Sequence[CustomFieldDef],
    pairs: Iterable[tuple[str, Mapping[str, CustomValue]]],
    *,
    now: dt.datetime,
) -> int:
    """Store custom values of imported records; returns how many rows were written.

    New values become rows with the deterministic id, changed ones update the
    row, cleared ones a tombstone — each queued in the sync outbox.
    """
    kind = KINDS.get(entity_name)
    if kind is None or not defs:
        return 0
    by_key = {d.column_key: d for d in defs}
    wanted: dict[str, dict[str, Any]] = {}
    for record_id, values in pairs:
        for key, value in values.items():
            d = by_key.get(key)
            if d is None:
                continue
            text_value, num = encode(d.field_type, value)
            wanted[value_id(record_id, d.id)] = {
                "id": value_id(record_id, d.id),
                "entity_kind": kind,
                "entity_id": record_id,
                "def_id": d.id,
                "value": text_value,
                "value_num": num,
                "deleted_at": None if value is not None else now,
            }
    if not wanted:
        return 0
    existing: set[str] = set()
    ids = list(wanted)
    for start in range(0, len(ids), 5000):
        existing |= set(
            conn.execute(
                select(_VALUES.c.id).where(_VALUES.c.id.in_(ids[start : start + 5000]))
            ).scalars()
        )
    new = [
        {**row, "rev": 0, "field_revs": {}, "created_at": now, "updated_at": now}
        for rid, row in wanted.items()
        if rid not in existing and row["deleted_at"] is None
    ]
    changed = [row for rid, row in wanted.items() if rid in existing]
    for start in range(0, len(new), 5000):
        conn.execute(insert(_VALUES), new[start : start + 5000])
    for row in changed:
        conn.execute(
            update(_VALUES)
            .where(_VALUES.c.id == row["id"])
            .values(
                value=row["value"],
                value_num=row["value_num"],
                deleted_at=row["deleted_at"],
                updated_at=now,
            )
        )
    outbox.record_bulk(conn, "custom_field_value", new, created=True)
    outbox.record_bulk(conn, "custom_field_value", changed, created=False)
    return len(new) + len(changed)
