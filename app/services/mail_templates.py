"""E-mail templates: save, list, and fill them for one recipient (preview, send,
mail merge).

The merge values of a recipient come from the person (or lead), their
organisation, primary address, the record owner, the campaign and the local
signature setting; :func:`app.domain.automation.render` fills them in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.automation import (
    MergeContext,
    RenderedMail,
    check_template,
    html_from_text,
    render,
    salutation,
)
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, UserError, ValidationError
from app.models import Address, Person, UserAccount, utcnow
from app.models.automation import EmailTemplate, MailSetting
from app.models.pipeline import Campaign, Lead, Opportunity


@dataclass(frozen=True)
class TemplateData:
    """Input for saving a template."""

    name: str
    subject: str
    body_text: str = ""
    body_html: str = ""
    language: str = "de"
    marketing: bool = True


@dataclass(frozen=True)
class Template:
    """A saved template."""

    id: str
    data: TemplateData
    updated_at: dt.datetime


@dataclass(frozen=True)
class Recipient:
    """Who a mail goes to and the values it is filled with."""

    person_id: str | None
    to_addr: str
    to_name: str
    context: MergeContext


def signature_of(s: Session, owner_id: str | None) -> tuple[str, str, str]:
    """(name, e-mail, signature) of the sender: the owner, or the local setting."""
    name = email = ""
    if owner_id:
        row = s.execute(
            select(
                UserAccount.display_name, UserAccount.username, UserAccount.email
            ).where(UserAccount.id == owner_id)
        ).first()
        if row is not None:
            name, email = row[0] or row[1], row[2]
    custom = s.get(MailSetting, "signature")
    if custom is not None and custom.value.strip():
        return name, email, custom.value
    sig = "\n".join(p for p in ("Freundliche Grüsse", name, email) if p)
    return name, email, sig


def recipient(
    s: Session,
    kind: str,
    entity_id: str,
    *,
    campaign_id: str | None = None,
    today: dt.date | None = None,
) -> Recipient:
    """The merge values for the person (or lead, or an opportunity's person).

    Raises:
        UserError: ``mail.no_recipient`` when the record has no person.
    """
    person_id: str | None = None
    if kind == "opportunity":
        person_id = s.execute(
            select(Opportunity.person_id).where(Opportunity.id == entity_id)
        ).scalar()
        kind, entity_id = "person", person_id or ""
    values: dict[str, str] = {}
    language = "de"
    gender = first = last = email = org = owner_id = ""
    if kind == "person":
        p = s.get(Person, entity_id)
        if p is None or p.deleted_at is not None:
            raise UserError(
                "mail.no_recipient",
                "This record has no person to write to",
                value=entity_id,
            )
        person_id = p.id
        gender, first, last, email = p.salutation, p.first_name, p.last_name, p.email
        language, org, owner_id = p.language or "de", p.org_name, p.owner_id or ""
        values["person.title"] = p.title
        addr = s.execute(
            select(Address.street, Address.house_number, Address.postcode, Address.city)
            .where(Address.person_id == p.id, Address.deleted_at.is_(None))
            .order_by(Address.is_primary.desc(), Address.position)
            .limit(1)
        ).first()
        if addr is not None:
            values |= _address_values(*addr)
    elif kind == "lead":
        lead = s.get(Lead, entity_id)
        if lead is None or lead.deleted_at is not None:
            raise UserError(
                "mail.no_recipient",
                "This record has no person to write to",
                value=entity_id,
            )
        person_id = lead.person_id
        first, last, email, org = (
            lead.first_name,
            lead.last_name,
            lead.email,
            lead.company,
        )
        owner_id = lead.owner_id or ""
        values["address.postcode"], values["address.city"] = lead.postcode, lead.city
    else:
        raise UserError(
            "mail.no_recipient", "This record has no person to write to", value=kind
        )
    values |= _person_values(
        gender,
        first,
        last,
        email,
        org,
        language,
        signature_of(s, owner_id or None),
        (today or dt.date.today()).strftime("%d.%m.%Y"),
    )
    if campaign_id:
        values["campaign.name"] = (
            s.execute(select(Campaign.name).where(Campaign.id == campaign_id)).scalar()
            or ""
        )
    name = f"{first} {last}".strip()
    return Recipient(person_id, email, name, MergeContext(values, language))


def person_recipients(
    s: Session,
    person_ids: list[str],
    *,
    campaign_id: str | None = None,
    today: dt.date | None = None,
) -> dict[str, Recipient]:
    """Merge values of many persons with a handful of queries per 500 (campaigns).

    Same values as :func:`recipient` gives one by one; deleted persons are left out.
    """
    campaign = ""
    if campaign_id:
        campaign = (
            s.execute(select(Campaign.name).where(Campaign.id == campaign_id)).scalar()
            or ""
        )
    day = (today or dt.date.today()).strftime("%d.%m.%Y")
    senders: dict[str | None, tuple[str, str, str]] = {}
    out: dict[str, Recipient] = {}
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        addresses: dict[str, tuple[Any, ...]] = {}
        for row in s.execute(
            select(
                Address.person_id,
                Address.street,
                Address.house_number,
                Address.postcode,
                Address.city,
            )
            .where(Address.person_id.in_(chunk), Address.deleted_at.is_(None))
            .order_by(Address.is_primary.desc(), Address.position)
        ):
            if row[0] is not None:
                addresses.setdefault(row[0], tuple(row[1:]))
        for p in s.execute(
            select(
                Person.id,
                Person.salutation,
                Person.first_name,
                Person.last_name,
                Person.email,
                Person.language,
                Person.org_name,
                Person.owner_id,
                Person.title,
            ).where(Person.id.in_(chunk), Person.deleted_at.is_(None))
        ):
            pid, gender, first, last, email, language, org, owner, title = p
            if owner not in senders:
                senders[owner] = signature_of(s, owner)
            language = language or "de"
            values = {"person.title": title} | _person_values(
                gender, first, last, email, org, language, senders[owner], day
            )
            addr = addresses.get(pid)
            if addr is not None:
                values |= _address_values(*addr)
            if campaign_id:
                values["campaign.name"] = campaign
            name = f"{first} {last}".strip()
            out[pid] = Recipient(pid, email, name, MergeContext(values, language))
    return out


def _person_values(
    gender: str,
    first: str,
    last: str,
    email: str,
    org: str,
    language: str,
    sender: tuple[str, str, str],
    day: str,
) -> dict[str, str]:
    """Merge fields of a recipient and its sender (name, e-mail, signature)."""
    owner_name, owner_email, signature = sender
    return {
        "salutation": salutation(gender, first, last, language),
        "greeting": salutation(gender, first, last, language, formal=False),
        "person.first_name": first,
        "person.last_name": last,
        "person.email": email,
        "organisation.name": org,
        "owner.name": owner_name,
        "owner.email": owner_email,
        "owner.signature": signature,
        "today": day,
    }


def _address_values(
    street: str, number: str, postcode: str, city: str
) -> dict[str, str]:
    """Merge fields of a postal address."""
    return {
        "address.street": f"{street} {number}".strip(),
        "address.postcode": postcode,
        "address.city": city,
    }


def fill(data: TemplateData, rcpt: Recipient) -> RenderedMail:
    """The template filled for one recipient (HTML made from text if none)."""
    body_html = data.body_html or html_from_text(data.body_text)
    return RenderedMail(
        to_addr=rcpt.to_addr,
        to_name=rcpt.to_name,
        subject=render(data.subject, rcpt.context).replace("\n", " "),
        body_text=render(data.body_text, rcpt.context),
        body_html=render(body_html, rcpt.context, html_escape=True),
    )


class TemplateService:
    """Save, list and preview e-mail templates."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._sessions = sessions
        self._today = today

    def templates(self) -> list[Template]:
        """Every template by name."""
        with self._sessions() as s:
            rows = s.scalars(
                select(EmailTemplate)
                .where(EmailTemplate.deleted_at.is_(None))
                .order_by(func.lower(EmailTemplate.name))
            )
            return [_dto(r) for r in rows]

    def get(self, template_id: str) -> Template:
        """One template."""
        with self._sessions() as s:
            return _dto(_live(s, template_id))

    def save(
        self, data: TemplateData, template_id: str | None = None
    ) -> tuple[Template, Changes]:
        """Create (no id) or update a template.

        Raises:
            ValidationError: name missing, unknown merge field, no subject/text.
        """
        errors: list[FieldError] = []
        if not data.name.strip():
            errors.append(FieldError("name", "required", "Name is required"))
        try:
            check_template(data.subject, data.body_text, data.body_html)
        except ValidationError as exc:
            errors += exc.errors
        if errors:
            raise ValidationError(errors)
        with self._sessions.begin() as s:
            row = _live(s, template_id) if template_id else EmailTemplate()
            if template_id is None:
                s.add(row)
            values: dict[str, Any] = {
                "name": data.name.strip(),
                "subject": data.subject.strip(),
                "body_text": data.body_text,
                "body_html": data.body_html,
                "language": data.language,
                "marketing": data.marketing,
            }
            for attr, value in values.items():
                if getattr(row, attr, None) != value:
                    setattr(row, attr, value)
            s.flush()
            return _dto(row), Changes.of(EntityKind.EMAIL_TEMPLATE, row.id)

    def delete(self, template_id: str) -> Changes:
        """Remove a template (tombstone)."""
        with self._sessions.begin() as s:
            _live(s, template_id).deleted_at = utcnow()
        return Changes.of(EntityKind.EMAIL_TEMPLATE, template_id)

    def preview(
        self,
        data: TemplateData,
        kind: str,
        entity_id: str,
        *,
        campaign_id: str | None = None,
    ) -> RenderedMail:
        """``data`` filled for a real record (unsaved edits included)."""
        with self._sessions() as s:
            rcpt = recipient(
                s, kind, entity_id, campaign_id=campaign_id, today=self._today()
            )
        return fill(data, rcpt)

    def signature(self) -> str:
        """The local signature setting ('' = built from the owner)."""
        with self._sessions() as s:
            row = s.get(MailSetting, "signature")
            return row.value if row is not None else ""

    def set_signature(self, text: str) -> None:
        """Store the signature used for ``{{owner.signature}}``."""
        with self._sessions.begin() as s:
            s.merge(MailSetting(key="signature", value=text))


def _live(s: Session, template_id: str | None) -> EmailTemplate:
    row = s.get(EmailTemplate, template_id) if template_id else None
    if row is None or row.deleted_at is not None:
        raise NotFoundError("template", str(template_id))
    return row


def _dto(row: EmailTemplate) -> Template:
    return Template(
        row.id,
        TemplateData(
            row.name,
            row.subject,
            row.body_text,
            row.body_html,
            row.language,
            row.marketing,
        ),
        row.updated_at,
    )
