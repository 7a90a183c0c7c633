"""Web-to-lead: the server serves each active web form at ``/forms/<slug>``
(HTML, posts back to itself) and accepts JSON at ``/api/forms/<slug>``.

A submission becomes a lead with source "web form", the form's campaign or
the one named by ``?campaign=`` in the URL, owned by the form's owner —
written through :class:`server.writer.Writer`, so it reaches the owner's
laptop by sync. An e-mail that matches a person links the lead to that person
(deduplicated: no second person is made) and the person's owner gets it.
Then the "form submitted" workflows run on the server.

Spam protection: a honeypot field (``website``, hidden from people; a bot
that fills it gets the normal thank-you and nothing is stored) and a rate
limit per client address (:class:`RateLimit`, 429 above it).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import Engine, func, select

from app.domain.automation import Event
from app.models import Channel, Person
from app.models.automation import WebForm, auto_id
from app.models.pipeline import Campaign
from app.services.validation import FieldProblem, normalise_email
from app.sync.protocol.tables import synced_table
from server import automation
from server.db import read_transaction, write_transaction
from server.scope import SYSTEM
from server.writer import Writer, bump_counter

HONEYPOT = "website"
#: The JSON endpoint takes anonymous posts from any web site (no cookies).
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
}
MAX_BODY = 20_000
#: Lead fields a form may ask for, with their labels (German first: the
#: public page is in the customer's language; English in brackets is not shown).
FIELD_LABELS: Mapping[str, tuple[str, str]] = {
    "first_name": ("Vorname", "text"),
    "last_name": ("Nachname", "text"),
    "company": ("Firma", "text"),
    "job_title": ("Funktion", "text"),
    "email": ("E-Mail", "email"),
    "phone": ("Telefon", "tel"),
    "postcode": ("PLZ", "text"),
    "city": ("Ort", "text"),
    "notes": ("Ihre Nachricht", "textarea"),
}
DEFAULT_FIELDS = ("first_name", "last_name", "company", "email", "phone", "notes")
_LIMITS = {
    "first_name": 100,
    "last_name": 100,
    "company": 300,
    "job_title": 100,
    "email": 254,
    "phone": 40,
    "postcode": 20,
    "city": 100,
    "notes": 4000,
}


class RateLimit:
    """At most ``limit`` submissions per client address in ``window`` seconds."""

    def __init__(
        self,
        limit: int = 5,
        window: float = 600.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count a submission; False when over the limit."""
        now = self.clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] > self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle addresses
                for k in [k for k, v in self._hits.items() if not v]:
                    del self._hits[k]
            return True


class FormError(Exception):
    """A submission the visitor must correct (field → message)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _form(engine: Engine, slug: str) -> WebForm | None:
    with read_transaction(engine) as conn:
        row = conn.execute(
            select(WebForm.__table__).where(
                WebForm.slug == slug,
                WebForm.active.is_(True),
                WebForm.deleted_at.is_(None),
            )
        ).first()
    if row is None:
        return None
    return WebForm(**dict(row._mapping))


def clean(form: WebForm, raw: Mapping[str, Any]) -> dict[str, str]:
    """The submitted lead fields, trimmed and checked.

    Raises:
        FormError: no name and no e-mail, an invalid e-mail, too long values.
    """
    fields = form.fields or list(DEFAULT_FIELDS)
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    for name in fields:
        if name not in FIELD_LABELS:
            continue
        value = raw.get(name, "")
        text = value.strip() if isinstance(value, str) else ""
        if len(text) > _LIMITS[name]:
            errors[name] = "Zu lang"
        values[name] = text
    if values.get("email"):
        try:
            values["email"] = normalise_email(values["email"])
        except FieldProblem:
            errors["email"] = "Bitte eine gültige E-Mail-Adresse angeben"
    if not values.get("last_name") and not values.get("email"):
        errors["last_name"] = "Bitte Name oder E-Mail angeben"
    if errors:
        raise FormError(errors)
    return values


def submit(
    engine: Engine,
    form: WebForm,
    values: Mapping[str, str],
    *,
    campaign_key: str = "",
    consent: bool = False,
    now: dt.datetime | None = None,
) -> str:
    """Store a submission as a lead (and run its workflows); returns the lead id."""
    now = now or dt.datetime.now(dt.UTC)
    lead_id = str(uuid.uuid4())
    with write_transaction(engine) as conn:
        campaign_id = form.campaign_id
        if campaign_key:
            found = conn.execute(
                select(Campaign.id).where(
                    (Campaign.id == campaign_key)
                    | (func.lower(Campaign.name) == campaign_key.lower()),
                    Campaign.deleted_at.is_(None),
                )
            ).scalar()
            campaign_id = found or campaign_id
        person_id, owner_id = None, form.owner_id
        email = values.get("email", "")
        if email:
            match = conn.execute(
                select(Person.id, Person.owner_id)
                .where(
                    Person.deleted_at.is_(None),
                    (func.lower(Person.email) == email.lower())
                    | Person.id.in_(
                        select(Channel.person_id).where(
                            Channel.kind == "email",
                            func.lower(Channel.value) == email.lower(),
                            Channel.deleted_at.is_(None),
                        )
                    ),
                )
                .limit(1)
            ).first()
            if match is not None:
                person_id, owner_id = match[0], match[1] or owner_id
        notes = values.get("notes", "")
        extra = f"Web-Formular „{form.title}“, Marketing-Einwilligung: {'ja' if consent else 'nein'}"
        fields: dict[str, Any] = {
            k: v for k, v in values.items() if k != "notes" and k in _LIMITS
        }
        fields |= {
            "notes": f"{notes}\n\n{extra}".strip(),
            "source": "web_form",
            "status": "unqualified",
            "campaign_id": campaign_id,
            "person_id": person_id,
            "owner_id": owner_id,
        }
        table = synced_table("lead")
        assert table is not None
        change = {
            "op_id": str(uuid.uuid4()),
            "tbl": "lead",
            "id": lead_id,
            "op": "create",
            "base_rev": 0,
            "fields": {
                k: {"value": table.encoders[k](v), "base": 0} for k, v in fields.items()
            },
        }
        changes = [change]
        if consent and person_id:  # a known person opted in on the form
            cid = auto_id("consent", person_id)
            exists = automation.row_exists(conn, "person_consent", cid)
            opt_in = automation.change_for(
                conn,
                "person_consent",
                cid,
                {
                    "person_id": person_id,
                    "marketing": True,
                    "changed_at": now,
                    "source": f"web form {form.slug}"[:40],
                    "owner_id": owner_id,
                },
                not exists,
            )
            if opt_in is not None:
                if exists:
                    opt_in["fields"].pop("person_id", None)
                changes.append(opt_in)
        Writer(conn, SYSTEM, rev=bump_counter(conn), source="webform", now=now).apply(
            changes
        )
    automation.fire(
        engine,
        [Event("lead", lead_id, True, dict(fields), 0, form=form.slug)],
        now=now,
    )
    return lead_id


def page(
    form: WebForm,
    *,
    errors: Mapping[str, str] | None = None,
    values: Mapping[str, str] | None = None,
    campaign: str = "",
) -> str:
    """The form as a small, self-contained HTML page."""
    esc = html.escape
    errors = errors or {}
    values = values or {}
    rows = []
    for name in form.fields or DEFAULT_FIELDS:
        if name not in FIELD_LABELS:
            continue
        label, kind = FIELD_LABELS[name]
        value = esc(values.get(name, ""))
        if kind == "textarea":
            control = f'<textarea id="{name}" name="{name}" rows="5">{value}</textarea>'
        else:
            control = f'<input id="{name}" name="{name}" type="{kind}" value="{value}">'
        err = (
            f'<div class="error" role="alert">{esc(errors[name])}</div>'
            if name in errors
            else ""
        )
        rows.append(f'<label for="{name}">{esc(label)}</label>{control}{err}')
    consent = (
        '<label class="consent"><input type="checkbox" name="consent" value="yes"> '
        f"{esc(form.consent_text)}</label>"
        if form.consent_text
        else ""
    )
    honeypot = (
        f'<div class="hp" aria-hidden="true"><label for="{HONEYPOT}">Website</label>'
        f'<input id="{HONEYPOT}" name="{HONEYPOT}" tabindex="-1" autocomplete="off"></div>'
    )
    action = f"/forms/{esc(form.slug)}" + (
        f"?campaign={esc(campaign)}" if campaign else ""
    )
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(form.title)}</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2937}}
label{{display:block;margin-top:.9rem;font-weight:600}}
input,textarea{{width:100%;padding:.5rem;border:1px solid #cbd5e1;border-radius:6px;font:inherit;box-sizing:border-box}}
.consent{{font-weight:400}} .consent input{{width:auto}}
.error{{color:#b91c1c;font-size:.9rem}} .hp{{position:absolute;left:-10000px}}
button{{margin-top:1.2rem;padding:.6rem 1.4rem;background:#2563eb;color:#fff;border:0;border-radius:6px;font:inherit}}
</style></head><body>
<h1>{esc(form.title)}</h1><p>{esc(form.intro)}</p>
<form method="post" action="{action}">{"".join(rows)}{consent}{honeypot}
<button type="submit">Absenden</button></form></body></html>"""


def thanks(form: WebForm) -> str:
    """The page after a submission."""
    text = html.escape(form.thank_you or "Vielen Dank! Wir melden uns bei Ihnen.")
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{html.escape(form.title)}</title></head>"
        f'<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto">'
        f'<p id="thanks">{text}</p></body></html>'
    )


def router(engine: Engine, *, limit: RateLimit | None = None) -> APIRouter:
    """The web-form endpoints (mounted by :func:`server.app.create_app`)."""
    api = APIRouter(tags=["web forms"])
    rate = limit or RateLimit()

    def client(request: Request) -> str:
        return request.client.host if request.client else ""

    @api.get("/forms/{slug}", response_class=HTMLResponse)
    def show(slug: str, campaign: str = "") -> Response:
        """The form page."""
        form = _form(engine, slug)
        if form is None:
            return HTMLResponse(
                "<p>Dieses Formular gibt es nicht.</p>", status_code=404
            )
        return HTMLResponse(page(form, campaign=campaign))

    @api.post("/forms/{slug}", response_class=HTMLResponse)
    async def post(slug: str, request: Request, campaign: str = "") -> Response:
        """A submission from the HTML form (url-encoded)."""
        form = _form(engine, slug)
        if form is None:
            return HTMLResponse(
                "<p>Dieses Formular gibt es nicht.</p>", status_code=404
            )
        body = await request.body()
        if len(body) > MAX_BODY:
            return HTMLResponse("<p>Zu gross.</p>", status_code=413)
        raw = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        if raw.get(HONEYPOT):
            return HTMLResponse(thanks(form))
        if not rate.allow(client(request)):
            return HTMLResponse(
                "<p>Zu viele Anfragen – bitte später noch einmal.</p>", status_code=429
            )
        try:
            values = clean(form, raw)
        except FormError as exc:
            return HTMLResponse(
                page(form, errors=exc.errors, values=raw, campaign=campaign),
                status_code=400,
            )
        submit(
            engine,
            form,
            values,
            campaign_key=campaign,
            consent=raw.get("consent") == "yes",
        )
        return HTMLResponse(thanks(form))

    @api.options("/api/forms/{slug}")
    def preflight(slug: str) -> Response:  # noqa: ARG001 - path parameter
        """CORS preflight: a company web site may post from its own pages."""
        return Response(
            status_code=204, headers=CORS | {"Access-Control-Max-Age": "86400"}
        )

    @api.post("/api/forms/{slug}")
    async def post_json(slug: str, request: Request, campaign: str = "") -> Response:
        """A submission as JSON (for a company web site's own form, CORS open)."""
        response = await _post_json(slug, request, campaign)
        response.headers.update(CORS)
        return response

    async def _post_json(slug: str, request: Request, campaign: str) -> Response:
        form = _form(engine, slug)
        if form is None:
            return JSONResponse({"detail": "unknown form"}, status_code=404)
        body = await request.body()
        if len(body) > MAX_BODY:
            return JSONResponse({"detail": "too large"}, status_code=413)
        try:
            raw = json.loads(body or b"{}")
        except ValueError:
            return JSONResponse({"detail": "not JSON"}, status_code=400)
        if not isinstance(raw, dict):
            return JSONResponse({"detail": "not an object"}, status_code=400)
        if raw.get(HONEYPOT):
            return JSONResponse({"status": "received"}, status_code=202)
        if not rate.allow(client(request)):
            return JSONResponse(
                {"detail": "too many submissions"},
                status_code=429,
                headers={"Retry-After": str(int(rate.window))},
            )
        try:
            values = clean(form, raw)
        except FormError as exc:
            return JSONResponse(
                {"detail": "invalid", "errors": exc.errors}, status_code=400
            )
        lead_id = submit(
            engine,
            form,
            values,
            campaign_key=str(raw.get("campaign") or campaign),
            consent=raw.get("consent") is True,
        )
        return JSONResponse({"status": "received", "lead_id": lead_id}, status_code=202)

    return api
