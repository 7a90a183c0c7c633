"""The push decision table (research/sync.md 2.5) as a pure function.

No database here: :func:`decide` gets the decoded change and what the server
holds now, and says what to write and which conflicts to keep. Ordering is by
server rev only; client clocks never decide anything (sync.md 2.10).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.sync.protocol.wire import ConflictKind, Op, Status

#: Set once by whoever creates a row; two creates of one uuid5 link row (the
#: same tag added on two laptops) differ here without anyone disagreeing.
CREATION_ONLY = frozenset({"created_at"})


@dataclass(frozen=True)
class Incoming:
    """One client change with decoded (Python) field values.

    Attributes:
        fields: ``{field: (value, base, old)}``; ``old`` is as sent (wire value).
    """

    op: Op
    base_rev: int
    fields: Mapping[str, tuple[Any, int, Any]]


@dataclass(frozen=True)
class Current:
    """The server's row as it stands before the change."""

    values: Mapping[str, Any]
    field_revs: Mapping[str, int]
    rev: int
    deleted: bool
    merged_into: str | None = None


@dataclass(frozen=True)
class ConflictSpec:
    """A conflict to store: the server keeps its value, the client's is kept here."""

    kind: ConflictKind
    field: str = ""
    server_value: Any = None
    server_rev: int = 0
    client_value: Any = None
    client_base: int = 0
    client_old: Any = None
    reason: str = ""
    target_id: str | None = None


@dataclass
class Decision:
    """What the server does with one change.

    Attributes:
        status: the op's status in the response.
        writes: fields to set (to the client's value) at this batch's rev.
        create: insert a new row from ``writes`` (plus column defaults).
        tombstone: mark the row deleted at this rev.
        undelete: clear the tombstone (re-create of a link row, restore).
        conflicts: conflicts to store, each answered with an id.
    """

    status: Status
    writes: dict[str, Any] = field(default_factory=dict)
    create: bool = False
    tombstone: bool = False
    undelete: bool = False
    conflicts: list[ConflictSpec] = field(default_factory=list)
    reason: str = ""


def rejected(reason: str, incoming: Incoming | None = None) -> Decision:
    """A change the server will not apply (no permission, invalid, unknown row)."""
    values = {f: v for f, (v, _b, _o) in incoming.fields.items()} if incoming else None
    return Decision(
        Status.REJECTED,
        conflicts=[
            ConflictSpec(ConflictKind.REJECTED, client_value=values, reason=reason)
        ],
        reason=reason,
    )


def _merge_fields(
    incoming: Incoming, current: Current, *, force_base: int | None = None
) -> Decision:
    """Per-field rule: same base applies, equal value merges, else a field conflict."""
    decision = Decision(Status.MERGED)
    applied = conflicted = False
    for name, (value, base, old) in incoming.fields.items():
        base = base if force_base is None else force_base
        server_rev = current.field_revs.get(name, 0)
        server_value = current.values.get(name)
        if server_rev == base:
            decision.writes[name] = value
            applied = True
        elif server_value == value or (
            force_base is not None and name in CREATION_ONLY
        ):
            continue  # merged: both sides agree (or two creates of one link row)
        else:
            conflicted = True
            decision.conflicts.append(
                ConflictSpec(
                    ConflictKind.FIELD,
                    field=name,
                    server_value=server_value,
                    server_rev=server_rev,
                    client_value=value,
                    client_base=base,
                    client_old=old,
                )
            )
    if conflicted:
        decision.status = Status.CONFLICT
    elif applied:
        decision.status = Status.APPLIED
    return decision


def decide(
    incoming: Incoming,
    current: Current | None,
    *,
    seen: bool = False,
    parent_deleted: bool = False,
    conflicts_allowed: bool = True,
) -> Decision:
    """Apply the decision table to one change.

    Args:
        incoming: the decoded change.
        current: the server's row, ``None`` if it never existed or was purged.
        seen: the op id is already in ``sync_op`` (a replay).
        parent_deleted: a create whose parent row is tombstoned.
        conflicts_allowed: ``False`` for conflict rows themselves, which resolve
            first-resolution-wins (a later differing value is merged away).

    Returns:
        The :class:`Decision`; permission and validation are checked before.
    """
    if seen:
        return Decision(Status.DUPLICATE)
    decision = _decide(incoming, current, parent_deleted=parent_deleted)
    if not conflicts_allowed and decision.status is Status.CONFLICT:
        decision.conflicts = []
        decision.status = Status.APPLIED if decision.writes else Status.MERGED
    return decision


def _decide(
    incoming: Incoming, current: Current | None, *, parent_deleted: bool
) -> Decision:
    op = incoming.op
    values = {f: v for f, (v, _b, _o) in incoming.fields.items()}
    if op is Op.CREATE:
        if current is None or current.deleted:
            decision = Decision(
                Status.APPLIED,
                writes=dict(values),
                create=current is None,
                undelete=current is not None,
            )
            if parent_deleted:
                decision.conflicts.append(
                    ConflictSpec(ConflictKind.PARENT_DELETED, client_value=values)
                )
            return decision
        return _merge_fields(incoming, current, force_base=0)
    if current is None:
        if op is Op.DELETE:
            return Decision(Status.MERGED)
        if incoming.base_rev > 0:  # it existed: purged after deletion
            return Decision(
                Status.CONFLICT,
                conflicts=[
                    ConflictSpec(
                        ConflictKind.EDIT_ON_DELETED,
                        client_value=values,
                        client_base=incoming.base_rev,
                    )
                ],
            )
        return rejected("unknown_row", incoming)
    if op is Op.DELETE:
        if current.deleted:
            return Decision(Status.MERGED)
        if current.rev == incoming.base_rev or (
            incoming.base_rev == 0 and not any(current.field_revs.values())
        ):  # base 0 on a seeded row nobody changed yet (see writer.adopt_seeded)
            return Decision(Status.APPLIED, writes=dict(values), tombstone=True)
        return Decision(
            Status.CONFLICT,
            conflicts=[
                ConflictSpec(
                    ConflictKind.DELETE_ON_EDITED,
                    server_rev=current.rev,
                    client_base=incoming.base_rev,
                )
            ],
        )
    if op is Op.RESTORE:
        if current.deleted:
            return Decision(Status.APPLIED, writes=dict(values), undelete=True)
        return _merge_fields(incoming, current)
    # update
    if current.merged_into:
        return Decision(
            Status.CONFLICT,
            conflicts=[
                ConflictSpec(
                    ConflictKind.EDIT_ON_MERGED,
                    server_rev=current.rev,
                    client_value=values,
                    client_base=incoming.base_rev,
                    target_id=current.merged_into,
                )
            ],
        )
    if current.deleted:
        return Decision(
            Status.CONFLICT,
            conflicts=[
                ConflictSpec(
                    ConflictKind.EDIT_ON_DELETED,
                    server_rev=current.rev,
                    client_value=values,
                    client_base=incoming.base_rev,
                )
            ],
        )
    return _merge_fields(incoming, current)
