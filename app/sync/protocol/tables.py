"""Which tables and fields sync, and how their values travel as JSON.

Generic on purpose: every ORM class with :class:`~app.models.base.SyncMixin` is
a synced table, so tables other capabilities add are covered without a change
here. A table's *fields* are its columns minus the sync bookkeeping and minus
``derived_fields`` (summaries computed locally by triggers).

A model may refine what the server infers about scope (research/sync.md 2.9):

* ``sync_scope_parents: ClassVar[tuple[str, ...]]`` — columns naming the rows
  whose owner/team this row follows (default: its foreign keys to other synced
  tables, and ``entity_kind``/``entity_id`` pairs).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

import orjson
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    Text,
)

from app.models import Base, SyncMixin
from app.models.base import UTCDateTime

#: Columns every synced table has that are not user data: they travel as row
#: metadata (``rev``, tombstone, server time) or not at all.
META_COLUMNS = frozenset(
    {"id", "rev", "field_revs", "deleted_rev", "deleted_at", "updated_at"}
)
#: Columns the server derives for scope; clients may send owner_id, never these.
SERVER_SCOPE_COLUMNS = frozenset({"team_id"})

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


class CodecError(ValueError):
    """A wire value does not fit its column (type, length, null)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def _enc_datetime(value: Any) -> Any:
    if value is None:
        return None
    if value.tzinfo is dt.UTC:  # what UTCDateTime reads: no conversion needed
        return cast(str, value.isoformat())
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return cast(str, value.astimezone(dt.UTC).isoformat())


def _enc_date(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _identity(value: Any) -> Any:
    return value


def _dec_datetime(name: str) -> Decoder:
    def dec(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            raise CodecError(name, "expected a date-time string")
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError as exc:
            raise CodecError(name, "not an ISO date-time") from exc
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)
        return parsed.astimezone(dt.UTC)

    return dec


def _dec_date(name: str) -> Decoder:
    def dec(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            raise CodecError(name, "expected a date string")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise CodecError(name, "not an ISO date") from exc

    return dec


def _dec_bool(name: str) -> Decoder:
    def dec(value: Any) -> Any:
        if value is None or isinstance(value, bool):
            return value
        raise CodecError(name, "expected true or false")

    return dec


def _dec_int(name: str) -> Decoder:
    def dec(value: Any) -> Any:
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            if value is not None and not -(2**63) <= value < 2**63:
                raise CodecError(name, "integer out of range")
            return value
        raise CodecError(name, "expected an integer")

    return dec


def _dec_str(name: str, length: int | None) -> Decoder:
    def dec(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            raise CodecError(name, "expected text")
        if length is not None and len(value) > length:
            raise CodecError(name, f"longer than {length} characters")
        if "\x00" in value:
            raise CodecError(name, "contains a NUL character")
        return value

    return dec


def _dec_json(name: str) -> Decoder:
    def dec(value: Any) -> Any:
        try:
            json.dumps(value)
        except (TypeError, ValueError) as exc:
            raise CodecError(name, "not JSON") from exc
        return value

    return dec


def _codec(col: Column[Any]) -> tuple[Encoder, Decoder]:
    """Encoder/decoder of one column by its SQL type."""
    kind = col.type
    name = col.name
    if isinstance(kind, (UTCDateTime, DateTime)):
        return _enc_datetime, _dec_datetime(name)
    if isinstance(kind, Date):
        return _enc_date, _dec_date(name)
    if isinstance(kind, Boolean):
        return _identity, _dec_bool(name)
    if isinstance(kind, (Integer, BigInteger)):
        return _identity, _dec_int(name)
    if isinstance(kind, (String, Text)):
        return _identity, _dec_str(name, getattr(kind, "length", None))
    if isinstance(kind, JSON):
        return _identity, _dec_json(name)
    raise TypeError(f"column {col.table.name}.{name}: type {kind!r} cannot sync")


@dataclass(frozen=True)
class ScopeParent:
    """A column pointing at the row whose owner/team a row follows."""

    column: str
    table: str | None  # None: the table is named by ``kind_column``
    kind_column: str | None = None


@dataclass(frozen=True)
class SyncedTable:
    """One synced table: its fields, their codecs and its scope parents."""

    name: str
    table: Table
    model: type[Any]
    fields: tuple[str, ...]
    encoders: dict[str, Encoder]
    decoders: dict[str, Decoder]
    nullable: frozenset[str]
    foreign_keys: dict[str, str]
    scope_parents: tuple[ScopeParent, ...]
    order: int

    def encode(self, values: dict[str, Any]) -> dict[str, Any]:
        """Python values (as read from the database) to wire values."""
        enc = self.encoders
        return {f: enc[f](values[f]) for f in self.fields if f in values}

    def decode_field(self, field: str, value: Any) -> Any:
        """One wire value to a Python value; :class:`CodecError` if it does not fit."""
        dec = self.decoders.get(field)
        if dec is None:
            raise CodecError(field, "unknown field")
        out = dec(value)
        if out is None and field not in self.nullable:
            raise CodecError(field, "must not be empty")
        return out


def _scope_parents(
    model: type[Any], table: Table, synced: set[str]
) -> list[ScopeParent]:
    declared = getattr(model, "sync_scope_parents", None)
    out: list[ScopeParent] = []
    cols = table.c
    if "entity_kind" in cols and "entity_id" in cols:
        out.append(ScopeParent("entity_id", None, "entity_kind"))
    for col in cols:
        for fk in col.foreign_keys:
            target = fk.column.table.name
            if (
                target in synced
                and target != table.name
                and col.name
                not in (
                    "owner_id",
                    "team_id",
                )
            ):
                out.append(ScopeParent(col.name, target))
    if declared is not None:
        by_col = {p.column: p for p in out}
        out = [by_col[c] for c in declared if c in by_col]
    return out


@functools.cache
def synced_tables() -> dict[str, SyncedTable]:
    """Every synced table by name, parents before children (FK order)."""
    models = {
        cast(Table, m.local_table).name: m.class_
        for m in Base.registry.mappers
        if issubclass(m.class_, SyncMixin)
    }
    names = set(models)
    ordered = [t for t in Base.metadata.sorted_tables if t.name in names]
    out: dict[str, SyncedTable] = {}
    for order, table in enumerate(ordered):
        model = models[table.name]
        derived = frozenset(getattr(model, "derived_fields", frozenset()))
        fields = tuple(
            c.name
            for c in table.c
            if c.name not in META_COLUMNS and c.name not in derived
        )
        codecs = {f: _codec(table.c[f]) for f in fields}
        meta_codecs = {f: _codec(table.c[f]) for f in ("deleted_at", "updated_at")}
        out[table.name] = SyncedTable(
            name=table.name,
            table=table,
            model=model,
            fields=fields,
            encoders={
                **{f: c[0] for f, c in codecs.items()},
                **{f: c[0] for f, c in meta_codecs.items()},
            },
            decoders={f: c[1] for f, c in codecs.items()},
            nullable=frozenset(f for f in fields if table.c[f].nullable),
            foreign_keys={
                c.name: next(iter(c.foreign_keys)).column.table.name
                for c in table.c
                if c.foreign_keys and c.name in fields
            },
            scope_parents=tuple(_scope_parents(model, table, names)),
            order=order,
        )
    return out


def synced_table(name: str) -> SyncedTable | None:
    """The synced table ``name`` or ``None`` (unknown names are rejected, not raised)."""
    return synced_tables().get(name)


def table_order(names: Iterable[str]) -> list[str]:
    """``names`` sorted parents first."""
    tables = synced_tables()
    return sorted(names, key=lambda n: tables[n].order if n in tables else 10**6)


def encode_time(value: dt.datetime | None) -> str | None:
    """A timestamp as it travels (ISO 8601, UTC)."""
    return cast(str | None, _enc_datetime(value))


def decode_time(value: str | None) -> dt.datetime | None:
    """Inverse of :func:`encode_time`."""
    return cast(dt.datetime | None, _dec_datetime("time")(value))


def canonical_json(value: Any) -> bytes:
    """Deterministic JSON bytes (sorted keys, no spaces) for hashing and storing.

    orjson writes the very bytes ``json.dumps(sort_keys=True, separators=(",",
    ":"), ensure_ascii=False)`` writes (so stored hashes stay valid), 7x faster;
    what it refuses (lone surrogates) goes through ``json``.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(
            value, sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode("utf-8")


def dumps(value: Any) -> bytes:
    """Compact JSON bytes (key order as given) for responses."""
    try:
        return orjson.dumps(value)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def loads(data: bytes | str) -> Any:
    """Parse JSON (raises ``ValueError`` on bad input)."""
    return orjson.loads(data)
