"""Passwords, device tokens, login throttling and user administration.

* Passwords: argon2id (argon2-cffi defaults: t=3, 64 MiB, p=4; over the OWASP
  minimum), rehashed on login when the parameters change.
* Tokens: 256 random bits, shown once; the server stores only their SHA-256,
  bound to a ``device`` row. Idle expiry 90 days, refreshed on use; revoking
  the device or disabling the user ends it at once.
* Login answers are identical for an unknown user and a wrong password, and
  take the same time (a dummy hash is verified).
* Throttling (in memory, per server process): per account, after 10 failures
  each further attempt waits 60 s; per IP, 30 failures in 10 minutes block
  that IP for 10 minutes. A correct password does not bypass a cooldown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, Table, insert, select, update

from app.domain.errors import UserError
from app.sync.protocol.wire import Change
from server.db import write_transaction
from server.models import AuditLog, Device, ServerUser, Team, TeamMember
from server.scope import SYSTEM, Principal, Role
from server.writer import Writer, bump_counter

TOKEN_PREFIX = "rlt_"
IDLE_EXPIRY = dt.timedelta(days=90)
LAST_SEEN_EVERY = dt.timedelta(seconds=60)
MIN_PASSWORD = 10

_USER = cast(Table, ServerUser.__table__)
_DEVICE = cast(Table, Device.__table__)
_TEAM = cast(Table, Team.__table__)
_MEMBER = cast(Table, TeamMember.__table__)
_AUDIT = cast(Table, AuditLog.__table__)


def hash_token(token: str) -> str:
    """What the server stores of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A fresh opaque device token (256 bits)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


@dataclass
class _Window:
    failures: deque[float] = field(default_factory=deque)
    blocked_until: float = 0.0


class LoginThrottle:
    """Failure counters per account and per IP (thread-safe, in memory).

    Args:
        account_free: failures per account before each attempt costs a cooldown.
        account_cooldown: seconds of that cooldown.
        ip_limit: failures per IP within ``ip_window`` before the IP is blocked.
        ip_window: seconds the IP failures are counted over (and blocked for).
        clock: monotonic clock (tests pass a fake).
    """

    def __init__(
        self,
        *,
        account_free: int = 10,
        account_cooldown: float = 60.0,
        ip_limit: int = 30,
        ip_window: float = 600.0,
        clock: Any = time.monotonic,
    ) -> None:
        self.account_free = account_free
        self.account_cooldown = account_cooldown
        self.ip_limit = ip_limit
        self.ip_window = ip_window
        self.clock = clock
        self._lock = threading.Lock()
        self._accounts: dict[str, _Window] = {}
        self._ips: dict[str, _Window] = {}

    def retry_after(self, username: str, ip: str) -> int:
        """Seconds the caller must wait before trying again (0 = may try now)."""
        now = self.clock()
        with self._lock:
            waits = [
                w.blocked_until - now
                for w in (self._accounts.get(username.lower()), self._ips.get(ip))
                if w is not None
            ]
        wait = max([0.0, *waits])
        return int(wait + 0.999) if wait > 0 else 0

    def failed(self, username: str, ip: str) -> None:
        """Count a failed attempt."""
        now = self.clock()
        with self._lock:
            acc = self._accounts.setdefault(username.lower(), _Window())
            acc.failures.append(now)
            if len(acc.failures) > self.account_free:
                acc.blocked_until = now + self.account_cooldown
            window = self._ips.setdefault(ip, _Window())
            window.failures.append(now)
            while window.failures and window.failures[0] < now - self.ip_window:
                window.failures.popleft()
            if len(window.failures) >= self.ip_limit:
                window.blocked_until = now + self.ip_window

    def succeeded(self, username: str) -> None:
        """A correct login resets the account's counter (not the IP's)."""
        with self._lock:
            self._accounts.pop(username.lower(), None)


class AuthError(Exception):
    """Authentication failed; the API answers 401 with one uniform message."""


class Throttled(Exception):  # noqa: N818 - reads like the HTTP status
    """Too many failures; retry after ``seconds``."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


@dataclass(frozen=True)
class LoginResult:
    """A new device token and who it belongs to."""

    token: str
    device_id: str
    user_id: str
    username: str
    display_name: str
    role: str


class Authenticator:
    """Logs users in, checks tokens, revokes devices."""

    def __init__(
        self,
        engine: Engine,
        *,
        hasher: PasswordHasher | None = None,
        throttle: LoginThrottle | None = None,
    ) -> None:
        self.engine = engine
        self.hasher = hasher or PasswordHasher()
        self.throttle = throttle or LoginThrottle()
        self._dummy = self.hasher.hash(secrets.token_hex(16))

    def login(
        self, username: str, password: str, *, device_name: str, ip: str
    ) -> LoginResult:
        """Verify the password and issue a device token.

        Raises:
            Throttled: too many recent failures for this account or IP.
            AuthError: unknown user, wrong password or disabled account (one
                answer for all three).
        """
        wait = self.throttle.retry_after(username, ip)
        if wait:
            self._audit("login_throttled", None, username, ip)
            raise Throttled(wait)
        with self.engine.connect() as conn:
            user = (
                conn.execute(select(_USER).where(_USER.c.username == username))
                .mappings()
                .first()
            )
        stored = str(user["password_hash"]) if user is not None else self._dummy
        try:
            self.hasher.verify(stored, password)
            ok = user is not None and not user["disabled"]
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or user is None:
            self.throttle.failed(username, ip)
            self._audit(
                "login_failed", user["id"] if user is not None else None, username, ip
            )
            raise AuthError("Unknown user name or wrong password.")
        self.throttle.succeeded(username)
        token = new_token()
        device_id = str(uuid.uuid4())
        now = dt.datetime.now(dt.UTC)
        with write_transaction(self.engine) as conn:
            if self.hasher.check_needs_rehash(stored):
                conn.execute(
                    update(_USER)
                    .where(_USER.c.id == user["id"])
                    .values(password_hash=self.hasher.hash(password))
                )
            conn.execute(
                insert(_DEVICE),
                {
                    "id": device_id,
                    "user_id": user["id"],
                    "name": device_name[:100],
                    "token_sha256": hash_token(token),
                    "created_at": now,
                    "last_seen_at": now,
                    "last_ip": ip[:64],
                    "revoked_at": None,
                },
            )
            _write_audit(conn, "login", user["id"], username, ip, device_id=device_id)
            display = conn.execute(
                select(_user_account().c.display_name).where(
                    _user_account().c.id == user["id"]
                )
            ).scalar_one_or_none()
        return LoginResult(
            token, device_id, user["id"], username, display or username, user["role"]
        )

    def authenticate(self, token: str, *, ip: str = "") -> Principal:
        """The principal of a bearer token.

        Raises:
            AuthError: unknown, revoked or expired token, or disabled user.
        """
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            raise AuthError("invalid token")
        now = dt.datetime.now(dt.UTC)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(
                    _DEVICE.c.id,
                    _DEVICE.c.user_id,
                    _DEVICE.c.revoked_at,
                    _DEVICE.c.last_seen_at,
                    _USER.c.username,
                    _USER.c.role,
                    _USER.c.disabled,
                    _USER.c.scope_epoch,
                )
                .join(_USER, _USER.c.id == _DEVICE.c.user_id)
                .where(_DEVICE.c.token_sha256 == hash_token(token))
            ).first()
            if row is None or row.revoked_at is not None or row.disabled:
                raise AuthError("invalid token")
            if now - row.last_seen_at > IDLE_EXPIRY:
                raise AuthError("token expired")
            teams = tuple(
                conn.execute(
                    select(_MEMBER.c.team_id)
                    .where(_MEMBER.c.user_id == row.user_id)
                    .order_by(_MEMBER.c.position, _MEMBER.c.team_id)
                ).scalars()
            )
        if now - row.last_seen_at > LAST_SEEN_EVERY:
            with self.engine.begin() as conn:
                conn.execute(
                    update(_DEVICE)
                    .where(_DEVICE.c.id == row.id)
                    .values(last_seen_at=now, last_ip=ip[:64])
                )
        return Principal(
            user_id=row.user_id,
            username=row.username,
            role=Role(row.role),
            teams=teams,
            scope_epoch=int(row.scope_epoch),
            device_id=row.id,
            ip=ip,
        )

    def revoke(self, principal: Principal, device_id: str) -> None:
        """Revoke a device: one's own, or any as admin (no BOLA).

        Raises:
            UserError: ``device.not_found`` — unknown or someone else's device
                (the same answer for both).
        """
        with write_transaction(self.engine) as conn:
            owner = conn.execute(
                select(_DEVICE.c.user_id).where(_DEVICE.c.id == device_id)
            ).scalar_one_or_none()
            if owner is None or (owner != principal.user_id and not principal.is_admin):
                raise UserError("device.not_found", "No such device.", value=device_id)
            conn.execute(
                update(_DEVICE)
                .where(_DEVICE.c.id == device_id, _DEVICE.c.revoked_at.is_(None))
                .values(revoked_at=dt.datetime.now(dt.UTC))
            )
            _write_audit(
                conn,
                "device_revoked",
                principal.user_id,
                principal.username,
                principal.ip,
                device_id=device_id,
            )

    def devices(self, principal: Principal) -> list[dict[str, Any]]:
        """The caller's devices (never token hashes)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    _DEVICE.c.id,
                    _DEVICE.c.name,
                    _DEVICE.c.created_at,
                    _DEVICE.c.last_seen_at,
                    _DEVICE.c.revoked_at,
                )
                .where(_DEVICE.c.user_id == principal.user_id)
                .order_by(_DEVICE.c.created_at)
            ).all()
        return [
            {
                "id": r.id,
                "name": r.name,
                "created_at": r.created_at.isoformat(),
                "last_seen_at": r.last_seen_at.isoformat(),
                "revoked": r.revoked_at is not None,
                "current": r.id == principal.device_id,
            }
            for r in rows
        ]

    def _audit(self, action: str, user_id: str | None, username: str, ip: str) -> None:
        with self.engine.begin() as conn:
            _write_audit(conn, action, user_id, username, ip)


def _write_audit(
    conn: Connection,
    action: str,
    user_id: str | None,
    username: str,
    ip: str,
    *,
    device_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        insert(_AUDIT),
        {
            "at": dt.datetime.now(dt.UTC),
            "action": action,
            "user_id": user_id,
            "username": username[:80],
            "device_id": device_id,
            "ip": ip[:64],
            "tbl": "",
            "row_id": "",
            "rev": None,
            "detail": detail or {},
        },
    )


def _user_account() -> Table:
    from app.models import UserAccount

    return cast(Table, UserAccount.__table__)


# ---- administration (relata-server CLI)


def check_password(password: str) -> None:
    """Refuse passwords too short to resist guessing (NIST 800-63B: length)."""
    if len(password) < MIN_PASSWORD:
        raise UserError(
            "password.too_short",
            f"Passwords need at least {MIN_PASSWORD} characters.",
            field="password",
        )


def _user_id(conn: Connection, username: str) -> str:
    found = conn.execute(
        select(_USER.c.id).where(_USER.c.username == username)
    ).scalar_one_or_none()
    if found is None:
        raise UserError("user.not_found", f"No user {username!r}.", value=username)
    return str(found)


def _team_ids(conn: Connection, names: Iterable[str]) -> list[str]:
    out = []
    for name in names:
        tid = conn.execute(
            select(_TEAM.c.id).where(_TEAM.c.name == name)
        ).scalar_one_or_none()
        if tid is None:
            raise UserError("team.not_found", f"No team {name!r}.", value=name)
        out.append(str(tid))
    return out


def _account_change(
    conn: Connection, *, user_id: str, op: str, fields: dict[str, Any], action: str
) -> None:
    """Write the synced ``user_account`` row through the one write path."""
    rev = bump_counter(conn)
    writer = Writer(conn, SYSTEM, rev=rev, source="admin")
    current = conn.execute(
        select(_user_account().c.rev, _user_account().c.field_revs).where(
            _user_account().c.id == user_id
        )
    ).first()
    revs = dict(current.field_revs) if current is not None else {}
    change: Change = {
        "op_id": str(uuid.uuid4()),
        "tbl": "user_account",
        "id": user_id,
        "op": op,
        "base_rev": int(current.rev) if current is not None else 0,
        "fields": {
            name: {"value": value, "base": int(revs.get(name, 0))}
            for name, value in fields.items()
        },
    }
    writer.audit_event(action, tbl="user_account", row_id=user_id)
    writer.apply([change])


def add_user(
    engine: Engine,
    *,
    username: str,
    password: str,
    role: Role = Role.REP,
    display_name: str = "",
    email: str = "",
    teams: Iterable[str] = (),
    hasher: PasswordHasher | None = None,
) -> str:
    """Create a user (credentials + synced ``user_account``); returns the id."""
    check_password(password)
    username = username.strip()
    if not username or len(username) > 80:
        raise UserError("user.name", "Give a user name of 1-80 characters.")
    hasher = hasher or PasswordHasher()
    user_id = str(uuid.uuid4())
    with write_transaction(engine) as conn:
        exists = conn.execute(
            select(_USER.c.id).where(_USER.c.username == username)
        ).first()
        if exists is not None:
            raise UserError("user.exists", f"User {username!r} exists.", value=username)
        team_ids = _team_ids(conn, teams)
        conn.execute(
            insert(_USER),
            {
                "id": user_id,
                "username": username,
                "password_hash": hasher.hash(password),
                "role": str(role),
                "disabled": False,
                "scope_epoch": 1,
                "created_at": dt.datetime.now(dt.UTC),
                "password_changed_at": dt.datetime.now(dt.UTC),
            },
        )
        for position, tid in enumerate(team_ids):
            conn.execute(
                insert(_MEMBER),
                {"team_id": tid, "user_id": user_id, "position": position},
            )
        _account_change(
            conn,
            user_id=user_id,
            op="create",
            fields={
                "username": username,
                "display_name": display_name or username,
                "email": email,
                "active": True,
                "created_at": dt.datetime.now(dt.UTC).isoformat(),
            },
            action="user_added",
        )
    return user_id


def set_disabled(engine: Engine, username: str, *, disabled: bool) -> None:
    """Disable (revoking every device) or re-enable a user."""
    with write_transaction(engine) as conn:
        user_id = _user_id(conn, username)
        conn.execute(
            update(_USER).where(_USER.c.id == user_id).values(disabled=disabled)
        )
        if disabled:
            conn.execute(
                update(_DEVICE)
                .where(_DEVICE.c.user_id == user_id, _DEVICE.c.revoked_at.is_(None))
                .values(revoked_at=dt.datetime.now(dt.UTC))
            )
        _account_change(
            conn,
            user_id=user_id,
            op="update",
            fields={"active": not disabled},
            action="user_disabled" if disabled else "user_enabled",
        )


def reset_password(
    engine: Engine,
    username: str,
    password: str,
    *,
    hasher: PasswordHasher | None = None,
) -> None:
    """Set a new password and sign the user out everywhere."""
    check_password(password)
    hasher = hasher or PasswordHasher()
    with write_transaction(engine) as conn:
        user_id = _user_id(conn, username)
        now = dt.datetime.now(dt.UTC)
        conn.execute(
            update(_USER)
            .where(_USER.c.id == user_id)
            .values(password_hash=hasher.hash(password), password_changed_at=now)
        )
        conn.execute(
            update(_DEVICE)
            .where(_DEVICE.c.user_id == user_id, _DEVICE.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        _write_audit(conn, "password_reset", user_id, username, "")


def add_team(engine: Engine, name: str) -> str:
    """Create a team (or territory); returns its id."""
    name = name.strip()
    if not name:
        raise UserError("team.name", "Give the team a name.")
    with write_transaction(engine) as conn:
        if conn.execute(select(_TEAM.c.id).where(_TEAM.c.name == name)).first():
            raise UserError("team.exists", f"Team {name!r} exists.", value=name)
        team_id = str(uuid.uuid4())
        conn.execute(
            insert(_TEAM),
            {"id": team_id, "name": name, "created_at": dt.datetime.now(dt.UTC)},
        )
        _write_audit(conn, "team_added", None, "", "", detail={"team": name})
    return team_id


def set_user_access(
    engine: Engine,
    username: str,
    *,
    role: Role | None = None,
    teams: Iterable[str] | None = None,
) -> None:
    """Change a user's role and/or teams; their laptops re-bootstrap (scope epoch)."""
    with write_transaction(engine) as conn:
        user_id = _user_id(conn, username)
        values: dict[str, Any] = {"scope_epoch": _USER.c.scope_epoch + 1}
        if role is not None:
            values["role"] = str(role)
        conn.execute(update(_USER).where(_USER.c.id == user_id).values(**values))
        if teams is not None:
            team_ids = _team_ids(conn, teams)
            conn.execute(_MEMBER.delete().where(_MEMBER.c.user_id == user_id))
            for position, tid in enumerate(team_ids):
                conn.execute(
                    insert(_MEMBER),
                    {"team_id": tid, "user_id": user_id, "position": position},
                )
        _write_audit(
            conn,
            "user_access_changed",
            user_id,
            username,
            "",
            detail={"role": str(role) if role else None, "teams": list(teams or [])},
        )


def list_users(engine: Engine) -> list[dict[str, Any]]:
    """Users with role, state and teams (for ``relata-server user list``)."""
    with engine.connect() as conn:
        users = conn.execute(select(_USER).order_by(_USER.c.username)).mappings().all()
        members = conn.execute(
            select(_MEMBER.c.user_id, _TEAM.c.name)
            .join(_TEAM, _TEAM.c.id == _MEMBER.c.team_id)
            .order_by(_MEMBER.c.position)
        ).all()
    teams: dict[str, list[str]] = {}
    for user_id, name in members:
        teams.setdefault(user_id, []).append(name)
    return [
        {
            "username": u["username"],
            "role": u["role"],
            "disabled": bool(u["disabled"]),
            "teams": teams.get(u["id"], []),
            "id": u["id"],
        }
        for u in users
    ]
