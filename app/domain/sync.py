"""DTOs of sync: status for the status bar, conflicts for the inbox."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Resolution(StrEnum):
    """How the user settles a conflict."""

    THEIRS = "theirs"  # keep the server's value (or keep it deleted)
    MINE = "mine"  # put my value back
    EDITED = "edited"  # a value typed in the inbox
    RESTORED = "restored"  # bring a deleted record back, with my edits
    DELETED = "deleted"  # delete anyway (after a concurrent edit)
    RETRIED = "retried"  # send a rejected change again


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the sync page show.

    Attributes:
        server_url: the configured server ('' = offline only).
        username: who is signed in ('' = nobody).
        signed_in: a token is available.
        online: the last contact with the server worked.
        last_sync: when the last cycle finished.
        pending: local changes not yet acknowledged.
        conflicts: open conflicts.
        last_error: the code of the last failure ('' after a good cycle).
        last_error_text: its message.
        token_persistent: the token survives a restart (OS keyring).
    """

    server_url: str
    username: str
    signed_in: bool
    online: bool
    last_sync: dt.datetime | None
    pending: int
    conflicts: int
    last_error: str = ""
    last_error_text: str = ""
    token_persistent: bool = True


@dataclass(frozen=True)
class SyncReport:
    """What one sync did (for the status bar message)."""

    pushed: int
    received: int
    new_conflicts: int
    bootstrapped: bool


@dataclass(frozen=True)
class ConflictItem:
    """One open (or resolved) conflict as the inbox lists it.

    Values are as they travel (text, numbers, ISO dates); ``theirs`` is the
    server's, ``mine`` what this user (or another device) sent, ``original``
    the value before that edit.
    """

    id: str
    tbl: str
    row_id: str
    record_label: str
    field: str
    kind: str
    theirs: Any
    mine: Any
    original: Any
    who: str
    when: dt.datetime
    reason: str
    status: str
    resolution: str
    target_id: str | None = None
