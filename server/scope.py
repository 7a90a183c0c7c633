"""Who may see and change which rows (research/sync.md 2.8-2.9).

A row's *scope* is (owner, team, also-user). Rows that belong to a record
(addresses, channels, tags, journal entries …) take the scope of that record,
so they travel and leave with it. Rows without owner and team are shared
reference data (industries, tags, users, stages) and reach everybody.

Roles: ``admin`` sees and edits everything; ``read_all`` (back office) sees
everything and edits what a rep could; ``rep`` sees and edits own rows, rows of
its teams and shared rows. A territory is modelled as a team.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, Table, and_, false, or_, true


class Role(StrEnum):
    """What a user may do on the server."""

    ADMIN = "admin"
    READ_ALL = "read_all"
    REP = "rep"


@dataclass(frozen=True)
class Principal:
    """The authenticated caller; derived from the token, never from parameters."""

    user_id: str
    username: str
    role: Role
    teams: tuple[str, ...] = ()
    scope_epoch: int = 1
    device_id: str | None = None
    ip: str = ""

    @property
    def reads_all(self) -> bool:
        """Whether the user's scope is the whole database."""
        return self.role in (Role.ADMIN, Role.READ_ALL)

    @property
    def is_admin(self) -> bool:
        """Whether the user administers the server."""
        return self.role is Role.ADMIN


#: The server itself (admin CLI, server-side jobs).
SYSTEM = Principal(user_id="system", username="system", role=Role.ADMIN)


@dataclass(frozen=True)
class Scope:
    """Scope keys of one row."""

    owner_id: str | None = None
    team_id: str | None = None
    also_user_id: str | None = None

    @property
    def public(self) -> bool:
        """Shared reference data: visible to everybody."""
        return self.owner_id is None and self.team_id is None


PUBLIC = Scope()


def mine(principal: Principal, scope: Scope) -> bool:
    """Whether ``scope`` is the caller's own, its team's or shared."""
    return (
        scope.public
        or scope.owner_id == principal.user_id
        or scope.also_user_id == principal.user_id
        or (scope.team_id is not None and scope.team_id in principal.teams)
    )


def can_read(principal: Principal, scope: Scope) -> bool:
    """Whether the caller may see a row with ``scope``."""
    return principal.reads_all or mine(principal, scope)


def can_write(principal: Principal, scope: Scope) -> bool:
    """Whether the caller may change a row with ``scope`` (before the change)."""
    return principal.is_admin or mine(principal, scope)


def read_filter(principal: Principal, sync_row: Table) -> ColumnElement[bool]:
    """SQL condition on ``sync_row`` for the rows the caller may see."""
    if principal.reads_all:
        return true()
    c = sync_row.c
    parts: list[ColumnElement[bool]] = [
        and_(c.owner_id.is_(None), c.team_id.is_(None)),
        c.owner_id == principal.user_id,
        c.also_user_id == principal.user_id,
    ]
    if principal.teams:
        parts.append(c.team_id.in_(principal.teams))
    return or_(*parts) if parts else false()
