"""Before- and after-images of the rows a merge or mass update touches, and undo.

Writes go through the ORM (so the sync outbox sees them); :class:`RowImages`
records, per touched row, the column values before and after. Undo puts the
before-values back through the ORM as well, after checking that nobody changed
those columns since — unless told to go ahead anyway. Sync bookkeeping
(``rev``, ``field_revs``, ``deleted_rev``) is neither recorded nor restored:
it belongs to the sync engine, which may have moved on in between.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, inspect
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.attributes import flag_modified

from app.models import Base

#: Columns undo never touches (owned by sync) and never compares.
SKIP = frozenset({"rev", "field_revs", "deleted_rev"})
#: Columns that change with every write: restored, but not a reason to refuse.
NOT_COMPARED = frozenset({"updated_at"})

type Image = dict[str, Any]


def mapper_of(table_name: str) -> Mapper[Any]:
    """The ORM mapper of a table."""
    for mapper in Base.registry.mappers:
        if cast(Table, mapper.local_table).name == table_name:
            return mapper
    raise KeyError(table_name)


def encode(value: Any) -> Any:
    """A column value as JSON (timestamps and dates tagged)."""
    if isinstance(value, dt.datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, (dict, list)):
        return {"$j": value}
    return value


def decode(value: Any) -> Any:
    """Inverse of :func:`encode`."""
    if isinstance(value, dict):
        if "$t" in value:
            return dt.datetime.fromisoformat(value["$t"])
        if "$d" in value:
            return dt.date.fromisoformat(value["$d"])
        if "$j" in value:
            return value["$j"]
    return value


def image(obj: Any) -> Image:
    """Every recorded column of an ORM object, JSON-encoded, by attribute key."""
    mapper = inspect(obj).mapper
    return {
        attr.key: encode(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in SKIP
    }


@dataclass
class _Touched:
    table: str
    id: str
    before: Image | None  # None: the row is new


class RowImages:
    """Collects images of the rows one operation touches, in order."""

    def __init__(self, session: Session) -> None:
        self._s = session
        self._touched: dict[tuple[str, str], _Touched] = {}

    def touch(self, obj: Any) -> Any:
        """Note ``obj``'s state before the caller changes it; returns ``obj``."""
        key = (obj.__tablename__, obj.id)
        if key not in self._touched:
            self._touched[key] = _Touched(key[0], key[1], image(obj))
        return obj

    def add(self, obj: Any) -> Any:
        """Add a new row to the session and remember that undo deletes it."""
        self._s.add(obj)
        key = (obj.__tablename__, obj.id)
        self._touched.setdefault(key, _Touched(key[0], key[1], None))
        return obj

    def steps(self) -> list[dict[str, Any]]:
        """After a flush: per row that really changed, what changed (JSON)."""
        self._s.flush()
        out: list[dict[str, Any]] = []
        for t in self._touched.values():
            obj = self._s.get(mapper_of(t.table).class_, t.id)
            if obj is None:
                continue
            after = image(obj)
            if t.before is None:
                out.append(
                    {"table": t.table, "id": t.id, "op": "insert", "after": after}
                )
                continue
            changed = [k for k in after if after[k] != t.before.get(k)]
            if changed:
                out.append(
                    {
                        "table": t.table,
                        "id": t.id,
                        "op": "update",
                        "before": {k: t.before.get(k) for k in changed},
                        "after": {k: after[k] for k in changed},
                    }
                )
        return out


@dataclass(frozen=True)
class Drift:
    """A column changed after the operation (undo would overwrite it)."""

    table: str
    id: str
    column: str


def drift(s: Session, steps: Iterable[dict[str, Any]]) -> list[Drift]:
    """Columns whose value is no longer what the operation left."""
    out: list[Drift] = []
    for step in steps:
        obj = s.get(mapper_of(step["table"]).class_, step["id"])
        if obj is None:
            out.append(Drift(step["table"], step["id"], "*"))
            continue
        now = image(obj)
        for column, value in step["after"].items():
            if column not in NOT_COMPARED and now.get(column) != value:
                out.append(Drift(step["table"], step["id"], column))
    return out


def restore(s: Session, steps: list[dict[str, Any]]) -> int:
    """Put every before-value back (rows the operation created are deleted).

    Returns the number of rows written.
    """
    count = 0
    for step in reversed(steps):
        model = mapper_of(step["table"]).class_
        obj = s.get(model, step["id"])
        if step["op"] == "insert":
            if obj is not None:
                s.delete(obj)
                count += 1
            continue
        if obj is None:
            continue
        for column, value in step["before"].items():
            setattr(obj, column, decode(value))
        if "updated_at" in step["before"]:
            flag_modified(obj, "updated_at")  # keep ours, not the onupdate stamp
        count += 1
    s.flush()
    return count
