"""In-app notifications (from workflows' "notify the owner") and marketing consent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import Changes, EntityKind
from app.models import utcnow
from app.models.automation import Notification, PersonConsent, auto_id
from app.sync import store


@dataclass(frozen=True)
class NotificationInfo:
    """A notification as listed."""

    id: str
    title: str
    body: str
    entity_kind: str
    entity_id: str | None
    created_at: dt.datetime


class NotificationService:
    """Unread notifications of the signed-in user (all of them when offline-only)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    def _me(self, s: Session) -> str:
        return store.get_state(s.connection(), store.USER_ID, "")

    def _mine(self, s: Session) -> ColumnElement[bool]:
        me = self._me(s)
        live = and_(Notification.deleted_at.is_(None), Notification.read_at.is_(None))
        if not me:
            return live
        return and_(
            live, or_(Notification.user_id == me, Notification.user_id.is_(None))
        )

    def unread_count(self) -> int:
        """How many unread notifications the user has."""
        with self._sessions() as s:
            return int(
                s.execute(select(func.count()).where(self._mine(s))).scalar_one()
            )

    def unread(self, *, limit: int = 20) -> list[NotificationInfo]:
        """The newest unread notifications."""
        with self._sessions() as s:
            rows = s.scalars(
                select(Notification)
                .where(self._mine(s))
                .order_by(Notification.created_at.desc())
                .limit(limit)
            )
            return [
                NotificationInfo(
                    r.id, r.title, r.body, r.entity_kind, r.entity_id, r.created_at
                )
                for r in rows
            ]

    def mark_read(self, ids: list[str] | None = None) -> Changes:
        """Mark some (or all of the user's) notifications read."""
        with self._sessions.begin() as s:
            found = list(s.scalars(select(Notification).where(self._mine(s))))
            now = self._clock()
            for row in found:
                if ids is None or row.id in ids:
                    row.read_at = now  # through the ORM: the outbox syncs it
        return Changes.of(EntityKind.NOTIFICATION)

    # ---- consent

    def set_consent(
        self, person_id: str, marketing: bool, *, source: str = ""
    ) -> Changes:
        """Record that a person gave or withdrew marketing consent."""
        cid = auto_id("consent", person_id)
        with self._sessions.begin() as s:
            row = s.get(PersonConsent, cid)
            if row is None:
                s.add(
                    PersonConsent(
                        id=cid,
                        person_id=person_id,
                        marketing=marketing,
                        changed_at=self._clock(),
                        source=source,
                    )
                )
            elif row.marketing != marketing or row.deleted_at is not None:
                row.marketing = marketing
                row.changed_at = self._clock()
                row.source = source
                row.deleted_at = None
        return Changes.of(EntityKind.PERSON, person_id)

    def consent(self, person_id: str) -> bool | None:
        """True/False as recorded, None when never asked."""
        with self._sessions() as s:
            row = s.get(PersonConsent, auto_id("consent", person_id))
            return None if row is None or row.deleted_at is not None else row.marketing
