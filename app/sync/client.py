"""HTTP client of the sync server (``requests.Session``, TLS verified).

Maps HTTP answers to exceptions the sync cycle acts on (sync.md 2.6):
connection errors, 408, 429 and 5xx are :class:`Transient` (retry with
backoff, same batch id); 401 is :class:`SignInRequired` (stop, keep the
outbox); 426 :class:`UpdateRequired`; 409 :class:`MustRebootstrap`; 413
:class:`TooLarge` (halve the batch); anything else :class:`ServerRefused`.
"""

from __future__ import annotations

import gzip
import json
from typing import Any, cast

import requests

from app.domain.errors import UserError
from app.sync.protocol.tables import canonical_json, loads
from app.sync.protocol.wire import (
    HEADER_IDEMPOTENCY,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
    BootstrapResponse,
    LoginResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
GZIP_OVER = 16 * 1024


class SyncError(UserError):
    """A sync problem the user can act on (code says which)."""


class Transient(SyncError):  # noqa: N818 - reads as the situation
    """The server could not be reached or is busy; try again later."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__("sync.offline", message)
        self.retry_after = retry_after


class SignInRequired(SyncError):  # noqa: N818 - reads as the situation
    """The token is missing, revoked or expired (the outbox stays)."""

    def __init__(self, message: str = "Sign in to the server again.") -> None:
        super().__init__("sync.sign_in", message)


class UpdateRequired(SyncError):  # noqa: N818 - reads as the situation
    """The server needs a newer Relata (426)."""

    def __init__(self, message: str) -> None:
        super().__init__("sync.update_required", message)


class MustRebootstrap(SyncError):  # noqa: N818 - reads as the situation
    """The server asks to reload the local copy (409)."""

    def __init__(self, reason: str) -> None:
        super().__init__("sync.rebootstrap", f"Reloading from the server ({reason}).")
        self.reason = reason


class TooLarge(SyncError):  # noqa: N818 - reads as the situation
    """The batch exceeded the server's size limit (413)."""

    def __init__(self) -> None:
        super().__init__("sync.too_large", "The batch is too large for the server.")


class ServerRefused(SyncError):  # noqa: N818 - reads as the situation
    """The server refused the request (4xx other than the above)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__("sync.refused", f"The server refused the request: {detail}")
        self.status = status


class BadCredentials(SyncError):  # noqa: N818 - reads as the situation
    """Unknown user name or wrong password."""

    def __init__(self) -> None:
        super().__init__(
            "sync.bad_credentials",
            "Unknown user name or wrong password.",
            field="password",
        )


class TlsError(SyncError):
    """The server's certificate could not be verified."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            "sync.tls",
            f"The server's certificate could not be verified: {detail}",
            field="server_url",
        )


class SyncClient:
    """Talks to one server with one token.

    Args:
        base_url: e.g. ``https://crm.example.ch``.
        token: the device token (from the keyring), or ``None`` before sign-in.
        verify: ``True``, or the path of a CA bundle (company TLS proxies).
        session: a ``requests.Session`` (tests pass one with an adapter).
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        verify: bool | str = True,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.session = session or requests.Session()
        self.session.verify = verify
        self.timeout = timeout
        #: The schema version this laptop speaks (tests play older laptops).
        self.schema_version = SCHEMA_VERSION
        #: ``Server-Timing`` of the last answer (queue and apply time of a push).
        self.last_server_timing = ""

    def close(self) -> None:
        """Release connections."""
        self.session.close()

    # ---- endpoints

    def health(self) -> dict[str, Any]:
        """``GET /health``."""
        return cast(dict[str, Any], self._request("GET", "/health", auth=False).json())

    def login(self, username: str, password: str, device_name: str) -> LoginResponse:
        """Exchange credentials for a device token."""
        try:
            response = self._request(
                "POST",
                "/auth/login",
                auth=False,
                json={
                    "username": username,
                    "password": password,
                    "device_name": device_name,
                },
            )
        except SignInRequired as exc:
            raise BadCredentials() from exc
        return cast(LoginResponse, response.json())

    def logout(self) -> None:
        """Revoke this device's token on the server."""
        self._request("POST", "/auth/logout")

    def push(self, batch: PushRequest) -> PushResponse:
        """Send one batch (retries must pass the very same batch)."""
        body = canonical_json(batch)
        headers = {
            HEADER_IDEMPOTENCY: batch["batch_id"],
            "Content-Type": "application/json",
        }
        if len(body) > GZIP_OVER:
            body = gzip.compress(body, compresslevel=5)
            headers["Content-Encoding"] = "gzip"
        response = self._request("POST", "/sync/v1/push", data=body, headers=headers)
        return cast(PushResponse, loads(response.content))

    def pull(self, cursor: int, *, limit: int, scope_epoch: int | None) -> PullResponse:
        """One page of changes after ``cursor``."""
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if scope_epoch is not None:
            params["scope_epoch"] = scope_epoch
        response = self._request("GET", "/sync/v1/pull", params=params)
        return cast(PullResponse, loads(response.content))

    def bootstrap(
        self, tbl: str, *, after_id: str, as_of: int | None, limit: int
    ) -> BootstrapResponse:
        """One page of a table as of ``as_of`` (``None`` on the first call)."""
        params: dict[str, Any] = {"tbl": tbl, "after_id": after_id, "limit": limit}
        if as_of is not None:
            params["as_of"] = as_of
        response = self._request("GET", "/sync/v1/bootstrap", params=params)
        return cast(BootstrapResponse, loads(response.content))

    # ---- plumbing

    def _request(
        self, method: str, path: str, *, auth: bool = True, **kwargs: Any
    ) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}))
        headers[HEADER_PROTOCOL] = str(PROTOCOL_VERSION)
        headers[HEADER_SCHEMA] = str(self.schema_version)
        headers.setdefault("Accept-Encoding", "gzip")
        if auth:
            if not self.token:
                raise SignInRequired("Not signed in.")
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self.session.request(
                method,
                self.base_url + path,
                headers=headers,
                timeout=self.timeout,
                **kwargs,
            )
        except requests.exceptions.SSLError as exc:
            raise TlsError(str(exc.__cause__ or exc)) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Transient(f"The server is not reachable: {exc}") from exc
        status = response.status_code
        self.last_server_timing = response.headers.get("Server-Timing", "")
        if status < 400:
            return response
        detail, extra = _problem(response)
        if status in (408, 429) or status >= 500:
            retry = response.headers.get("Retry-After", "")
            raise Transient(
                f"The server is busy ({status}).",
                retry_after=float(retry) if retry.isdigit() else None,
            )
        if status == 401:
            raise SignInRequired()
        if status == 426:
            raise UpdateRequired(detail)
        if status == 409 and "must-rebootstrap" in str(extra.get("type", "")):
            raise MustRebootstrap(str(extra.get("reason", "")))
        if status == 413:
            raise TooLarge()
        raise ServerRefused(status, detail)


def _problem(response: requests.Response) -> tuple[str, dict[str, Any]]:
    try:
        body = response.json()
    except (ValueError, json.JSONDecodeError):
        return response.text[:200] or response.reason or "", {}
    if isinstance(body, dict):
        return str(body.get("detail", "")), body
    return str(body), {}
