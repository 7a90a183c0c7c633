"""Sync as a use case: sign-in with the token in the OS keyring, cycles, conflicts.

The token is kept only in the OS keyring (``keyring``), never in SQLite,
settings or logs. A plaintext keyring backend is refused unless
``allow_plaintext`` is configured; without any usable keyring the token lives
in memory until Relata closes (the user signs in again next time).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import platform
import threading
from collections.abc import Callable
from typing import Any, cast

import keyring
import keyring.errors
import requests
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.domain.changes import Changes
from app.domain.errors import FieldError, NotFoundError, ValidationError
from app.domain.progress import NullProgress, ProgressSink
from app.domain.sync import ConflictItem, Resolution, SyncReport, SyncStatus
from app.models import SyncConflict, UserAccount, utcnow
from app.sync import outbox, store
from app.sync.client import SignInRequired, SyncClient, SyncError, Transient
from app.sync.cycle import run_cycle
from app.sync.protocol.tables import CodecError, synced_table

log = logging.getLogger(__name__)

SERVICE_PREFIX = "Relata"


def _backend_kind(backend: Any) -> str:
    """``secure``, ``plaintext`` or ``none`` for a keyring backend."""
    name = type(backend).__name__
    module = type(backend).__module__
    if module.startswith("keyring.backends.chainer"):
        kinds = {_backend_kind(b) for b in getattr(backend, "backends", [])}
        if "secure" in kinds:
            return "secure"
        return "plaintext" if "plaintext" in kinds else "none"
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return "none"
    if "Plaintext" in name or (
        module.startswith("keyrings.alt") and "Encrypted" not in name
    ):
        return "plaintext"
    return "secure"


class TokenStore:
    """Device tokens in the OS keyring, keyed by server URL and user name."""

    def __init__(self, *, allow_plaintext: bool = False) -> None:
        self.allow_plaintext = allow_plaintext
        self._memory: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    @property
    def persistent(self) -> bool:
        """Whether tokens go to a keyring that we accept (they survive a restart)."""
        kind = _backend_kind(keyring.get_keyring())
        return kind == "secure" or (kind == "plaintext" and self.allow_plaintext)

    @staticmethod
    def service(server_url: str) -> str:
        """The keyring service name of a server."""
        return f"{SERVICE_PREFIX}:{server_url.rstrip('/')}"

    def get(self, server_url: str, username: str) -> str | None:
        """The stored token, if any."""
        key = (self.service(server_url), username)
        with self._lock:
            if key in self._memory:
                return self._memory[key]
        if not self.persistent:
            return None
        try:
            return keyring.get_password(*key)
        except keyring.errors.KeyringError:
            log.warning("keyring read failed", exc_info=True)
            return None

    def set(self, server_url: str, username: str, token: str) -> None:
        """Store a token (memory only when no acceptable keyring exists)."""
        key = (self.service(server_url), username)
        if self.persistent:
            try:
                keyring.set_password(*key, token)
                return
            except keyring.errors.KeyringError:
                log.warning("keyring write failed; token kept in memory", exc_info=True)
        with self._lock:
            self._memory[key] = token

    def delete(self, server_url: str, username: str) -> None:
        """Forget a token."""
        key = (self.service(server_url), username)
        with self._lock:
            self._memory.pop(key, None)
        if self.persistent:
            with contextlib.suppress(keyring.errors.KeyringError):
                keyring.delete_password(*key)


ClientFactory = Callable[[str, "str | None"], SyncClient]


class SyncService:
    """Sign-in, sync cycles and the conflict inbox for one local database.

    Args:
        database: the open local database (outbox capture is installed here).
        server_url: the configured server ('' = offline only).
        ca_bundle: CA bundle path for TLS behind company proxies ('' = system).
        tokens: where tokens are kept.
        session_factory: makes the ``requests.Session`` (tests inject adapters).
    """

    def __init__(
        self,
        database: Database,
        *,
        server_url: str = "",
        ca_bundle: str = "",
        tokens: TokenStore | None = None,
        session_factory: Callable[[], requests.Session] | None = None,
    ) -> None:
        self.database = database
        self.engine = database.engine
        self._sessions = database.sessions
        outbox.install(database.sessions)
        self.configured_url = server_url.rstrip("/")
        self.ca_bundle = ca_bundle
        self.tokens = tokens or TokenStore()
        self._session_factory = session_factory or requests.Session
        self._lock = threading.Lock()
        self._online = False

    def configure(self, *, server_url: str = "", ca_bundle: str = "") -> None:
        """Settings from the configuration (policy/user/env/CLI)."""
        if server_url:
            self.configured_url = server_url.rstrip("/")
        if ca_bundle:
            self.ca_bundle = ca_bundle

    # ---- status

    @property
    def server_url(self) -> str:
        """The server this database syncs with (sign-in may name another)."""
        return store.read_state(self.engine, store.SERVER_URL) or self.configured_url

    @property
    def username(self) -> str:
        """Who signed in last ('' = nobody)."""
        return store.read_state(self.engine, store.USERNAME)

    def status(self) -> SyncStatus:
        """Everything the status bar shows, read in one go."""
        url, user = self.server_url, self.username
        last = store.read_state(self.engine, store.LAST_SYNC)
        error = store.read_state(self.engine, store.LAST_ERROR)
        code, _, text = error.partition("|")
        return SyncStatus(
            server_url=url,
            username=user,
            signed_in=bool(url and user and self.tokens.get(url, user)),
            online=self._online,
            last_sync=dt.datetime.fromisoformat(last) if last else None,
            pending=store.pending_count(self.engine),
            conflicts=store.open_conflicts(self.engine),
            last_error=code,
            last_error_text=text,
            token_persistent=self.tokens.persistent,
        )

    def _client(self, url: str, token: str | None) -> SyncClient:
        verify: bool | str = self.ca_bundle or True
        return SyncClient(
            url, token=token, verify=verify, session=self._session_factory()
        )

    # ---- sign-in

    def sign_in(
        self, server_url: str, username: str, password: str, *, device_name: str = ""
    ) -> SyncStatus:
        """Sign in; the token goes to the keyring, never to the database.

        Raises:
            ValidationError: empty server address or user name.
            SyncError: unreachable server, bad credentials, TLS failure.
        """
        url = server_url.strip().rstrip("/")
        errors = []
        if not url.startswith(("http://", "https://")):
            errors.append(
                FieldError(
                    "server_url",
                    "sync.url",
                    "Enter the server address (https://…)",
                    url,
                )
            )
        if not username.strip():
            errors.append(FieldError("username", "required", "Enter your user name"))
        if errors:
            raise ValidationError(errors)
        client = self._client(url, None)
        try:
            result = client.login(
                username.strip(), password, device_name or platform.node() or "Relata"
            )
        finally:
            client.close()
        previous_user = store.read_state(self.engine, store.USER_ID)
        previous_url = store.read_state(self.engine, store.SERVER_URL)
        self.tokens.set(url, result["username"], result["token"])
        values = {
            store.SERVER_URL: url,
            store.USERNAME: result["username"],
            store.USER_ID: result["user_id"],
            store.DEVICE_ID: result["device_id"],
            store.LAST_ERROR: "",
        }
        if previous_url != url or previous_user != result["user_id"]:
            values |= {store.BOOTSTRAP: "", store.CURSOR: "0", store.SCOPE_EPOCH: ""}
        store.write_state(self.engine, **values)
        self._online = True
        return self.status()

    def sign_out(self) -> SyncStatus:
        """Revoke this device on the server (if reachable) and forget the token.

        The outbox stays: after the next sign-in it is sent.
        """
        url, user = self.server_url, self.username
        token = self.tokens.get(url, user) if url and user else None
        if token:
            client = self._client(url, token)
            try:
                client.logout()
            except SyncError:
                log.info("sign-out: server not reached; token forgotten locally")
            finally:
                client.close()
        if url and user:
            self.tokens.delete(url, user)
        return self.status()

    # ---- syncing

    def sync(
        self,
        progress: ProgressSink | None = None,
        *,
        push: bool = True,
        pull: bool = True,
    ) -> tuple[SyncReport, Changes]:
        """One cycle (push, bootstrap if needed, pull); one at a time.

        ``push``/``pull`` = ``False`` skip that half (scripted use and tests).

        Raises:
            SignInRequired: no or no longer valid token (the outbox is kept).
            SyncError: offline, update required, server refused …
        """
        progress = progress or NullProgress()
        with self._lock:
            url, user = self.server_url, self.username
            if not url:
                raise SyncError("sync.no_server", "No server is configured.")
            token = self.tokens.get(url, user) if user else None
            if not token:
                raise SignInRequired("Sign in to the server first.")
            client = self._client(url, token)
            try:
                result = run_cycle(
                    self.engine, client, progress=progress, push=push, pull=pull
                )
            except SyncError as exc:
                self._online = not isinstance(exc, Transient)
                store.write_state(
                    self.engine, **{store.LAST_ERROR: f"{exc.code}|{exc.message}"}
                )
                raise
            finally:
                client.close()
            self._online = True
        report = SyncReport(
            pushed=result.pushed,
            received=result.applied.changed,
            new_conflicts=result.conflicts,
            bootstrapped=result.bootstrapped,
        )
        changes = Changes.all() if result.applied.changed else Changes()
        return report, changes

    # ---- conflicts

    def conflicts(self, *, include_resolved: bool = False) -> list[ConflictItem]:
        """Conflicts for the inbox, newest first."""
        table = cast(Table, SyncConflict.__table__)
        users = cast(Table, UserAccount.__table__)
        stmt = (
            select(table, users.c.display_name, users.c.username)
            .outerjoin(users, users.c.id == table.c.user_id)
            .where(table.c.deleted_at.is_(None))
            .order_by(table.c.created_at.desc(), table.c.id)
        )
        if not include_resolved:
            stmt = stmt.where(table.c.status == "open")
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [
            ConflictItem(
                id=r["id"],
                tbl=r["tbl"],
                row_id=r["row_id"],
                record_label=r["record_label"],
                field=r["field"],
                kind=r["kind"],
                theirs=r["server_value"],
                mine=r["client_value"],
                original=r["client_old"],
                who=r["display_name"] or r["username"] or "",
                when=r["client_edited_at"] or r["created_at"],
                reason=r["reason"],
                status=r["status"],
                resolution=r["resolution"],
                target_id=r["target_id"],
            )
            for r in rows
        ]

    def resolve(
        self, conflict_id: str, resolution: Resolution, value: Any = None
    ) -> Changes:
        """Settle a conflict; the resolution (and any edit) syncs like a change.

        Args:
            conflict_id: the conflict.
            resolution: what the user chose.
            value: the typed value for :attr:`Resolution.EDITED` (text).

        Raises:
            NotFoundError: unknown or already resolved conflict.
            ValidationError: an edited value that does not fit the field.
        """
        user_id = store.read_state(self.engine, store.USER_ID) or None
        with self._sessions.begin() as s:
            conflict = s.get(SyncConflict, conflict_id)
            if conflict is None or conflict.status != "open":
                raise NotFoundError("sync_conflict", conflict_id)
            table = synced_table(conflict.tbl)
            model = table.model if table is not None else None
            record = s.get(model, conflict.row_id) if model is not None else None
            if resolution is not Resolution.THEIRS and record is None:
                raise NotFoundError(conflict.tbl, conflict.row_id)
            if record is not None and table is not None:
                self._apply_resolution(s, conflict, record, resolution, value)
            conflict.status = "resolved"
            conflict.resolution = str(resolution)
            conflict.resolved_by = user_id
        return Changes.all()

    @staticmethod
    def _decoded(conflict: SyncConflict, field: str, raw: Any) -> Any:
        table = synced_table(conflict.tbl)
        assert table is not None
        try:
            return table.decode_field(field, raw)
        except CodecError as exc:
            raise ValidationError(
                [FieldError("value", "sync.value", str(exc), raw)]
            ) from exc

    def _apply_resolution(
        self,
        s: Session,
        conflict: SyncConflict,
        record: Any,
        resolution: Resolution,
        value: Any,
    ) -> None:
        kind = conflict.kind
        mine = conflict.client_value
        if resolution is Resolution.THEIRS:
            if kind == "rejected" and record.rev == 0:
                record.deleted_at = utcnow()  # discard a create the server refused
            return
        if resolution in (Resolution.MINE, Resolution.EDITED) and conflict.field:
            raw = value if resolution is Resolution.EDITED else mine
            setattr(
                record, conflict.field, self._decoded(conflict, conflict.field, raw)
            )
            return
        if resolution is Resolution.DELETED:
            record.deleted_at = utcnow()
            return
        if resolution in (Resolution.RESTORED, Resolution.MINE, Resolution.RETRIED):
            if record.deleted_at is not None and resolution is Resolution.RESTORED:
                record.deleted_at = None
            if isinstance(mine, dict):
                for name, raw in mine.items():
                    if name in ("created_at",):
                        continue
                    decoded = self._decoded(conflict, name, raw)
                    if getattr(record, name) != decoded:
                        setattr(record, name, decoded)
            if resolution is Resolution.RETRIED:
                self._requeue(s, conflict, record)

    @staticmethod
    def _requeue(s: Session, conflict: SyncConflict, record: Any) -> None:
        """Queue a rejected change again as it stands now."""
        table = synced_table(conflict.tbl)
        assert table is not None
        values = {f: getattr(record, f) for f in table.fields}
        revs = {} if record.rev == 0 else (record.field_revs or {})
        s.flush()
        outbox.record_bulk(
            s.connection(),
            conflict.tbl,
            [values | {"id": record.id, "rev": record.rev, "field_revs": revs}],
            created=record.rev == 0,
        )
