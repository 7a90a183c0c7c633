"""Segments (Kundensegmente): saved filters of conditions, all or any of them.

A segment is a tree: a :class:`Group` matches *all* or *any* of its items,
each a :class:`Condition` or a nested group. Conditions name a field —
a record field (``status``, ``postcode``), a custom field (``cf:<key>``), a
tag, or a related record (won opportunities, journal entries, purchases) —
an operator and a value. The tree is stored as JSON (:func:`to_json`,
:func:`from_json`) and turned into SQL by ``app/db/segment_queries.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.domain.errors import UserError


class Match(StrEnum):
    """Whether a group needs all or any of its conditions."""

    ALL = "all"
    ANY = "any"


class Op(StrEnum):
    """Condition operators; which ones a field offers depends on its kind."""

    EQ = "eq"
    NE = "ne"
    CONTAINS = "contains"
    STARTS_WITH = "starts_with"
    IN = "in"
    NOT_IN = "not_in"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    EMPTY = "empty"
    NOT_EMPTY = "not_empty"
    IS_TRUE = "is_true"
    IS_FALSE = "is_false"
    HAS = "has"
    HAS_NOT = "has_not"
    IN_LAST_DAYS = "in_last_days"
    NOT_IN_LAST_DAYS = "not_in_last_days"
    IN_LAST_MONTHS = "in_last_months"
    NEVER = "never"
    EXISTS = "exists"
    NOT_EXISTS = "not_exists"


class FieldKind(StrEnum):
    """How a segment field compares, which decides its operators and value editor."""

    TEXT = "text"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    BOOL = "bool"
    TAG = "tag"
    REF = "ref"
    ACTIVITY = "activity"
    WON = "won"
    PRODUCT = "product"
    PRESENCE = "presence"


#: Operators each kind offers, first = default.
OPERATORS: Mapping[FieldKind, tuple[Op, ...]] = {
    FieldKind.TEXT: (
        Op.CONTAINS,
        Op.EQ,
        Op.NE,
        Op.STARTS_WITH,
        Op.EMPTY,
        Op.NOT_EMPTY,
    ),
    FieldKind.CHOICE: (Op.IN, Op.NOT_IN, Op.EMPTY, Op.NOT_EMPTY),
    FieldKind.MULTI_CHOICE: (Op.HAS, Op.HAS_NOT, Op.EMPTY, Op.NOT_EMPTY),
    FieldKind.NUMBER: (
        Op.GE,
        Op.LE,
        Op.EQ,
        Op.NE,
        Op.GT,
        Op.LT,
        Op.EMPTY,
        Op.NOT_EMPTY,
    ),
    FieldKind.MONEY: (Op.GE, Op.LE, Op.EQ, Op.GT, Op.LT, Op.EMPTY, Op.NOT_EMPTY),
    FieldKind.DATE: (
        Op.IN_LAST_DAYS,
        Op.NOT_IN_LAST_DAYS,
        Op.GE,
        Op.LE,
        Op.EQ,
        Op.EMPTY,
        Op.NOT_EMPTY,
    ),
    FieldKind.BOOL: (Op.IS_TRUE, Op.IS_FALSE),
    FieldKind.TAG: (Op.HAS, Op.HAS_NOT),
    FieldKind.REF: (Op.IN, Op.NOT_IN, Op.EMPTY, Op.NOT_EMPTY),
    FieldKind.ACTIVITY: (Op.NOT_IN_LAST_DAYS, Op.IN_LAST_DAYS),
    FieldKind.WON: (Op.IN_LAST_MONTHS, Op.NEVER),
    FieldKind.PRODUCT: (Op.HAS, Op.HAS_NOT),
    FieldKind.PRESENCE: (Op.EXISTS, Op.NOT_EXISTS),
}
#: Operators that take no value.
NO_VALUE = frozenset(
    {
        Op.EMPTY,
        Op.NOT_EMPTY,
        Op.IS_TRUE,
        Op.IS_FALSE,
        Op.NEVER,
        Op.EXISTS,
        Op.NOT_EXISTS,
    }
)
#: Operators whose value is a list.
LIST_VALUE = frozenset({Op.IN, Op.NOT_IN})
MAX_DEPTH = 4
MAX_CONDITIONS = 50

type Value = str | int | float | list[str] | None


@dataclass(frozen=True)
class Condition:
    """``field op value``, e.g. ``status in [customer]`` or ``cf:category in [A]``."""

    field: str
    op: Op
    value: Value = None


@dataclass(frozen=True)
class Group:
    """All or any of ``items`` (conditions or nested groups)."""

    match: Match = Match.ALL
    items: tuple[Condition | Group, ...] = ()

    def conditions(self) -> list[Condition]:
        """Every condition in the tree, depth first."""
        out: list[Condition] = []
        for item in self.items:
            if isinstance(item, Group):
                out += item.conditions()
            else:
                out.append(item)
        return out


@dataclass(frozen=True)
class FieldInfo:
    """A field the segment builder offers.

    Attributes:
        key: ``status``, ``cf:category``, ``tag``, ``won_opportunity`` …
        label: English label (views translate built-in ones by key).
        kind: decides operators and the value editor.
        choices: (value, label) pairs for choice, tag, product and ref fields.
        group: heading in the field picker (``record``, ``address``,
            ``custom``, ``related``).
    """

    key: str
    label: str
    kind: FieldKind
    choices: tuple[tuple[str, str], ...] = ()
    group: str = "record"


@dataclass(frozen=True)
class SegmentData:
    """Input for saving a segment."""

    name: str
    entity_kind: str
    root: Group = field(default_factory=Group)
    description: str = ""


@dataclass(frozen=True)
class Segment:
    """A saved segment."""

    id: str
    name: str
    entity_kind: str
    root: Group
    description: str
    updated_at: dt.datetime

    def data(self) -> SegmentData:
        """The editable part."""
        return SegmentData(self.name, self.entity_kind, self.root, self.description)


def _invalid(message: str, value: object = None) -> UserError:
    return UserError("segment.invalid", message, field="definition", value=value)


def to_json(root: Group) -> dict[str, Any]:
    """The JSON form of a condition tree."""
    items: list[dict[str, Any]] = []
    for item in root.items:
        if isinstance(item, Group):
            items.append(to_json(item))
        else:
            entry: dict[str, Any] = {"field": item.field, "op": item.op.value}
            if item.value is not None:
                entry["value"] = item.value
            items.append(entry)
    return {"match": root.match.value, "conditions": items}


def from_json(data: object, *, depth: int = 0) -> Group:
    """Parse the JSON form; refuses anything malformed (it may come from sync).

    Raises:
        UserError: ``segment.invalid``.
    """
    if depth > MAX_DEPTH:
        raise _invalid("conditions are nested too deeply")
    if not isinstance(data, dict):
        raise _invalid("a condition group must be an object", data)
    match = data.get("match", "all")
    if match not in Match.__members__.values():
        raise _invalid(f"unknown match {match!r}", match)
    raw = data.get("conditions", [])
    if not isinstance(raw, list) or len(raw) > MAX_CONDITIONS:
        raise _invalid("conditions must be a list of at most 50", raw)
    items: list[Condition | Group] = []
    for entry in raw:
        if isinstance(entry, dict) and "conditions" in entry:
            items.append(from_json(entry, depth=depth + 1))
            continue
        if not isinstance(entry, dict):
            raise _invalid("a condition must be an object", entry)
        name, op, value = entry.get("field"), entry.get("op"), entry.get("value")
        if not isinstance(name, str) or not name:
            raise _invalid("a condition needs a field", entry)
        if not isinstance(op, str) or op not in Op.__members__.values():
            raise _invalid(f"unknown operator {op!r}", op)
        if not _value_ok(value):
            raise _invalid("a condition value must be text, a number or a list", value)
        items.append(Condition(name, Op(op), value))
    return Group(Match(match), tuple(items))


def _value_ok(value: object) -> bool:
    if value is None or isinstance(value, (str, int, float)):
        return not isinstance(value, bool)
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
