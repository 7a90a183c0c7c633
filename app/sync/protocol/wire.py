"""Wire shapes of the sync API (research/sync.md 2.4) as TypedDicts.

Plain JSON: both sides build and read dicts; FastAPI documents the endpoints
with these shapes. Values of fields are encoded by :mod:`app.sync.protocol.codec`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NotRequired, TypedDict

#: Protocol major this code speaks; the server accepts [MIN, CURRENT].
PROTOCOL_VERSION = 1
MIN_PROTOCOL_VERSION = 1
#: Bumped with every migration that adds synced tables or fields; fields carry
#: the version that introduced them (see :mod:`app.sync.protocol.tables`).
SCHEMA_VERSION = 1
MIN_SCHEMA_VERSION = 1
#: Synced fields added after schema version 1: ``{(table, field): version}``.
#: Add an entry with the migration that adds the column (and bump
#: SCHEMA_VERSION). The server leaves such a field out of everything it sends
#: a laptop of an older version and ignores it in that laptop's pushes, so an
#: older laptop never blanks a column it does not know (research/sync.md 2.11).
FIELD_SINCE: dict[tuple[str, str], int] = {}


def field_known(tbl: str, field: str, schema: int) -> bool:
    """Whether a laptop speaking schema ``schema`` knows ``tbl.field``."""
    return FIELD_SINCE.get((tbl, field), 1) <= schema


#: Limits of one push (changes, request bytes before compression).
MAX_BATCH_CHANGES = 500
MAX_BATCH_BYTES = 2 * 1024 * 1024
#: Pull/bootstrap page sizes the server allows.
MAX_PULL_LIMIT = 5000
MAX_BOOTSTRAP_LIMIT = 5000

HEADER_PROTOCOL = "Sync-Protocol"
HEADER_SCHEMA = "Schema-Version"
HEADER_IDEMPOTENCY = "Idempotency-Key"
PROBLEM_BASE = "https://relata.app/problems/"


class Op(StrEnum):
    """What a client change does to a row."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"


class Status(StrEnum):
    """Outcome of one change in a push (HTTP stays 200 for all of them)."""

    APPLIED = "applied"
    MERGED = "merged"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class ConflictKind(StrEnum):
    """Why a change was kept aside instead of applied."""

    FIELD = "field"
    EDIT_ON_DELETED = "edit_on_deleted"
    EDIT_ON_MERGED = "edit_on_merged"
    DELETE_ON_EDITED = "delete_on_edited"
    PARENT_DELETED = "parent_deleted"
    REJECTED = "rejected"


class PullOp(StrEnum):
    """What a pulled change asks the client to do."""

    UPSERT = "upsert"
    DELETE = "delete"
    EVICT = "evict"


class FieldChange(TypedDict):
    """A field's new value, the field rev it was based on and the value it replaced."""

    value: Any
    base: int
    old: NotRequired[Any]


class Change(TypedDict):
    """One client change in a push."""

    op_id: str
    tbl: str
    id: str
    op: str
    base_rev: int
    fields: dict[str, FieldChange]
    edited_at: NotRequired[str | None]


class PushRequest(TypedDict):
    """Body of ``POST /sync/v1/push``."""

    device_id: str
    batch_id: str
    changes: list[Change]


class OpResult(TypedDict):
    """Outcome of one change."""

    op_id: str
    status: str
    conflict_ids: list[str]
    reason: NotRequired[str]


class RowState(TypedDict):
    """A row as the server has it now (``row`` is ``None`` when it does not exist).

    ``evict`` (push answers only): the row exists but is no longer in the
    caller's scope (reassigned, or created for another team); the laptop
    drops it like a pulled eviction, and learns nothing of its content.
    """

    tbl: str
    id: str
    rev: int
    row: dict[str, Any] | None
    field_revs: dict[str, int]
    deleted_rev: int | None
    deleted_at: str | None
    updated_at: NotRequired[str | None]
    evict: NotRequired[bool]


class PushResponse(TypedDict):
    """Answer to a push: per-op results and the current state of every row touched."""

    batch_id: str
    rev: int
    results: list[OpResult]
    conflict_ids: list[str]
    rows: list[RowState]


class PullChange(RowState):
    """One pulled change: ``op`` says upsert, delete (tombstone) or evict."""

    op: str


class PullResponse(TypedDict):
    """One page of changes after a cursor."""

    cursor: int
    high: int
    has_more: bool
    scope_epoch: int
    changes: list[PullChange]


class BootstrapResponse(TypedDict):
    """One page of a table for a fresh client, as of one rev."""

    tbl: str
    as_of: int
    scope_epoch: int
    rows: list[RowState]
    next_after_id: str | None


class LoginRequest(TypedDict):
    """Body of ``POST /auth/login``."""

    username: str
    password: str
    device_name: str


class LoginResponse(TypedDict):
    """A device token (shown once) and who signed in."""

    token: str
    device_id: str
    user_id: str
    username: str
    display_name: str
    role: str
