"""Web-to-lead forms, edited on the laptop and served by the server once synced."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.automation import SLUG, WEB_FORM_FIELDS, WebFormData
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, ValidationError
from app.models import utcnow
from app.models.automation import WebForm


class WebFormService:
    """List, save and delete web forms."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def forms(self) -> list[tuple[str, WebFormData]]:
        """(id, data) of every form by title."""
        with self._sessions() as s:
            rows = s.scalars(
                select(WebForm)
                .where(WebForm.deleted_at.is_(None))
                .order_by(func.lower(WebForm.title))
            )
            return [(r.id, _data(r)) for r in rows]

    def save(
        self, data: WebFormData, form_id: str | None = None
    ) -> tuple[str, Changes]:
        """Create or update a form.

        Raises:
            ValidationError: ``webform.slug`` (letters, digits, dashes),
                ``webform.slug_taken``, ``required`` title,
                ``webform.fields`` (needs e-mail or last name).
        """
        errors: list[FieldError] = []
        slug = data.slug.strip().lower()
        if not SLUG.match(slug):
            errors.append(
                FieldError(
                    "slug",
                    "webform.slug",
                    "Use lower-case letters, digits and dashes",
                    data.slug,
                )
            )
        if not data.title.strip():
            errors.append(FieldError("title", "required", "Title is required"))
        fields = tuple(f for f in WEB_FORM_FIELDS if f in data.fields)
        if "email" not in fields and "last_name" not in fields:
            errors.append(
                FieldError(
                    "fields", "webform.fields", "Ask at least for e-mail or last name"
                )
            )
        with self._sessions.begin() as s:
            clash = s.execute(
                select(WebForm.id).where(
                    WebForm.slug == slug,
                    WebForm.deleted_at.is_(None),
                    WebForm.id != (form_id or ""),
                )
            ).first()
            if clash and SLUG.match(slug):
                errors.append(
                    FieldError(
                        "slug", "webform.slug_taken", "This name is in use", slug
                    )
                )
            if errors:
                raise ValidationError(errors)
            row = s.get(WebForm, form_id) if form_id else WebForm()
            if row is None or row.deleted_at is not None:
                raise NotFoundError("web form", str(form_id))
            if form_id is None:
                s.add(row)
            values = {
                "slug": slug,
                "title": data.title.strip(),
                "fields": list(fields),
                "intro": data.intro.strip(),
                "consent_text": data.consent_text.strip(),
                "thank_you": data.thank_you.strip(),
                "campaign_id": data.campaign_id or None,
                "active": data.active,
            }
            for attr, value in values.items():
                if getattr(row, attr, None) != value:
                    setattr(row, attr, value)
            s.flush()
            return row.id, Changes.of(EntityKind.CAMPAIGN, row.id)

    def delete(self, form_id: str) -> Changes:
        """Remove a form (the server stops serving it after the next sync)."""
        with self._sessions.begin() as s:
            row = s.get(WebForm, form_id)
            if row is None:
                raise NotFoundError("web form", form_id)
            row.deleted_at = utcnow()
        return Changes.of(EntityKind.CAMPAIGN, form_id)


def _data(r: WebForm) -> WebFormData:
    return WebFormData(
        slug=r.slug,
        title=r.title,
        fields=tuple(r.fields or ()),
        intro=r.intro,
        consent_text=r.consent_text,
        thank_you=r.thank_you,
        campaign_id=r.campaign_id,
        active=r.active,
    )
