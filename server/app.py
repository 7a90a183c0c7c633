"""The FastAPI application: auth, sync endpoints, health; OpenAPI at ``/docs``.

Handlers are plain ``def``: database work blocks, so Starlette runs them on its
thread pool. Errors are RFC 7807 problem documents. Every sync request must
name the protocol and schema version it speaks; clients outside the accepted
range get 426 and keep their outbox until updated (research/sync.md 2.11).
"""

from __future__ import annotations

import gzip
import io
import logging
from typing import Annotated, Any

from argon2 import PasswordHasher
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.domain.errors import UserError
from app.sync.protocol.tables import dumps, loads
from app.sync.protocol.wire import (
    HEADER_IDEMPOTENCY,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    MAX_BATCH_BYTES,
    MIN_PROTOCOL_VERSION,
    MIN_SCHEMA_VERSION,
    PROBLEM_BASE,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
)
from server import sync_service
from server.auth import Authenticator, AuthError, LoginThrottle, Throttled
from server.db import check_connection
from server.scope import Principal
from server.sync_service import SyncProblem

log = logging.getLogger(__name__)

#: A gzip body may not expand beyond this (zip bombs).
MAX_INFLATED_BYTES = 4 * MAX_BATCH_BYTES


class LoginBody(BaseModel):
    """Credentials and a name for the device being signed in."""

    username: str = Field(max_length=80)
    password: str = Field(max_length=1024)
    device_name: str = Field(default="", max_length=100)


def problem(status: int, kind: str, detail: str, **extra: Any) -> JSONResponse:
    """An RFC 7807 response."""
    body = {
        "type": PROBLEM_BASE + kind,
        "title": kind.replace("-", " ").capitalize(),
        "status": status,
        "detail": detail,
        **extra,
    }
    headers = {}
    if "retry_after" in extra:
        headers["Retry-After"] = str(extra["retry_after"])
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(
        body, status_code=status, media_type="application/problem+json", headers=headers
    )


def client_ip(request: Request) -> str:
    """The peer address (a reverse proxy in front must be trusted separately)."""
    return request.client.host if request.client else ""


def principal(
    request: Request,
    authorization: Annotated[str, Header()] = "",
) -> Principal:
    """The caller, from the bearer token (never from parameters)."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise SyncProblem(401, "unauthorized", "Sign in first.")
    auth: Authenticator = request.app.state.auth
    try:
        return auth.authenticate(token.strip(), ip=client_ip(request))
    except AuthError as exc:
        raise SyncProblem(
            401, "unauthorized", "The sign-in is no longer valid."
        ) from exc


def versions(
    request: Request,
    sync_protocol: Annotated[int, Header(alias=HEADER_PROTOCOL)] = 0,
    schema_version: Annotated[int, Header(alias=HEADER_SCHEMA)] = 0,
) -> int:
    """The client's schema version; 426 when protocol or schema are too old.

    The server serves laptops from ``min_schema`` to its own version: one
    version behind still syncs (fields it does not know are left alone), older
    ones are asked to update and keep their outbox (research/sync.md 2.11).
    """
    min_schema, schema = request.app.state.schema_range
    if not sync_protocol >= MIN_PROTOCOL_VERSION or schema_version < min_schema:
        raise SyncProblem(
            426,
            "upgrade-required",
            "This version of Relata is too old for the server; please update.",
            min_protocol=MIN_PROTOCOL_VERSION,
            min_schema=min_schema,
        )
    if schema_version > schema or sync_protocol > PROTOCOL_VERSION:
        raise SyncProblem(
            400, "server-too-old", "The server is older than this client."
        )
    return schema_version


Auth = Annotated[Principal, Depends(principal)]
Versions = Annotated[int, Depends(versions)]


def create_app(
    engine: Engine,
    *,
    hasher: PasswordHasher | None = None,
    throttle: LoginThrottle | None = None,
    max_batch_bytes: int = MAX_BATCH_BYTES,
    schema_range: tuple[int, int] = (MIN_SCHEMA_VERSION, SCHEMA_VERSION),
    form_limit: Any = None,
    automation_interval: float = 0.0,
) -> FastAPI:
    """Build the API on ``engine`` (schema already migrated).

    ``max_batch_bytes`` caps a push body (413 above it: the laptop halves its
    batch); ``schema_range`` is the [oldest, newest] laptop schema served.
    """
    auth = Authenticator(engine, hasher=hasher, throttle=throttle)
    api = FastAPI(
        title="Relata sync server",
        version=__version__,
        description=(
            "Central server of the Relata CRM: sign-in with device tokens and "
            "offline sync with per-field merge (push, pull, bootstrap)."
        ),
    )
    api.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    api.state.engine = engine
    api.state.auth = auth
    api.state.schema_range = schema_range

    @api.exception_handler(SyncProblem)
    def _on_problem(_request: Request, exc: SyncProblem) -> JSONResponse:
        return problem(exc.status, exc.kind, exc.detail, **exc.extra)

    @api.exception_handler(UserError)
    def _on_user_error(_request: Request, exc: UserError) -> JSONResponse:
        status = 404 if exc.code.endswith("not_found") else 400
        return problem(status, exc.code.replace(".", "-"), exc.message)

    @api.get("/health", tags=["server"])
    def health() -> dict[str, Any]:
        """Liveness and database reachability (for load balancers and monitoring)."""
        try:
            check_connection(engine)
            db = "ok"
        except Exception:
            log.exception("health check: database unreachable")
            db = "unreachable"
        return {
            "status": "ok" if db == "ok" else "degraded",
            "database": db,
            "version": __version__,
            "protocol": PROTOCOL_VERSION,
            "schema": SCHEMA_VERSION,
        }

    @api.post("/auth/login", tags=["auth"])
    def login(body: LoginBody, request: Request) -> Response:
        """Exchange user name and password for a device token (shown once)."""
        try:
            result = auth.login(
                body.username,
                body.password,
                device_name=body.device_name or "device",
                ip=client_ip(request),
            )
        except Throttled as exc:
            return problem(
                429,
                "too-many-attempts",
                "Too many failed sign-ins; wait and try again.",
                retry_after=exc.seconds,
            )
        except AuthError:
            return problem(401, "unauthorized", "Unknown user name or wrong password.")
        return JSONResponse(
            {
                "token": result.token,
                "device_id": result.device_id,
                "user_id": result.user_id,
                "username": result.username,
                "display_name": result.display_name,
                "role": result.role,
            },
            headers={"Cache-Control": "no-store"},
        )

    @api.post("/auth/logout", tags=["auth"], status_code=204)
    def logout(who: Auth) -> Response:
        """Revoke this device's token."""
        auth.revoke(who, str(who.device_id))
        return Response(status_code=204)

    @api.get("/auth/me", tags=["auth"])
    def me(who: Auth) -> dict[str, Any]:
        """Who the token belongs to."""
        return {
            "user_id": who.user_id,
            "username": who.username,
            "role": str(who.role),
            "teams": list(who.teams),
            "device_id": who.device_id,
            "scope_epoch": who.scope_epoch,
        }

    @api.get("/auth/devices", tags=["auth"])
    def devices(who: Auth) -> list[dict[str, Any]]:
        """The caller's signed-in devices."""
        return auth.devices(who)

    @api.post("/auth/devices/{device_id}/revoke", tags=["auth"], status_code=204)
    def revoke(device_id: str, who: Auth) -> Response:
        """Sign a device out (one's own; any for admins)."""
        auth.revoke(who, device_id)
        return Response(status_code=204)

    @api.post("/sync/v1/push", tags=["sync"])
    async def push(
        request: Request,
        who: Auth,
        schema: Versions,
        idempotency_key: Annotated[str, Header(alias=HEADER_IDEMPOTENCY)] = "",
        content_encoding: Annotated[str, Header()] = "",
    ) -> Response:
        """Apply a batch of changes; a replay of a batch id answers identically."""
        raw = await _read_body(request, max_batch_bytes, content_encoding)
        try:
            body = loads(raw)
        except ValueError as exc:
            raise SyncProblem(400, "bad-request", "The body is not JSON.") from exc
        sync_service.validate_push(body, who, idempotency_key)
        timings: dict[str, float] = {}
        data = await run_in_threadpool(
            lambda: sync_service.push(engine, who, body, schema=schema, timings=timings)
        )
        # how long the batch waited for its turn and how long it took
        timing = ", ".join(f"{k};dur={v * 1000:.1f}" for k, v in timings.items())
        return Response(
            data, media_type="application/json", headers={"Server-Timing": timing}
        )

    @api.get("/sync/v1/pull", tags=["sync"])
    def pull(
        who: Auth,
        schema: Versions,
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
        scope_epoch: Annotated[int | None, Query()] = None,
    ) -> Response:
        """Changes in the caller's scope after ``cursor``, one page."""
        page = sync_service.pull(
            engine,
            who,
            cursor=cursor,
            limit=limit,
            scope_epoch=scope_epoch,
            schema=schema,
        )
        return _json(page)

    @api.get("/sync/v1/bootstrap", tags=["sync"])
    def bootstrap(
        who: Auth,
        schema: Versions,
        tbl: Annotated[str, Query(max_length=64)],
        after_id: Annotated[str, Query(max_length=36)] = "",
        as_of: Annotated[int | None, Query(ge=0)] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 5000,
    ) -> Response:
        """A page of one table for a fresh laptop, as of one rev."""
        page = sync_service.bootstrap(
            engine,
            who,
            tbl=tbl,
            after_id=after_id,
            as_of=as_of,
            limit=limit,
            schema=schema,
        )
        return _json(page)

    # web-to-lead forms and server-side workflows (server/webform.py, automation.py)
    from server import automation as _automation
    from server import webform as _webform

    api.include_router(_webform.router(engine, limit=form_limit))
    if automation_interval > 0:
        api.state.automation = _automation.Scheduler(engine, automation_interval)
        api.state.automation.start()
    return api


def _json(value: Any) -> Response:
    return Response(
        dumps(value),
        media_type="application/json",
    )


async def _read_body(request: Request, limit: int, encoding: str) -> bytes:
    """The request body, inflated if gzip, refusing anything over ``limit``."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise SyncProblem(413, "batch-too-large", f"At most {limit} bytes per push.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise SyncProblem(
                413, "batch-too-large", f"At most {limit} bytes per push."
            )
        chunks.append(chunk)
    raw = b"".join(chunks)
    if encoding.strip().lower() == "gzip":
        try:
            decompressor = gzip.GzipFile(fileobj=io.BytesIO(raw))
            raw = decompressor.read(MAX_INFLATED_BYTES + 1)
        except OSError as exc:
            raise SyncProblem(400, "bad-request", "Broken gzip body.") from exc
        if len(raw) > MAX_INFLATED_BYTES:
            raise SyncProblem(413, "batch-too-large", "The inflated body is too big.")
    return raw
