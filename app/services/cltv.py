"""Customer lifetime value (CLTV) per organisation, from its won business.

The formula and its inputs are shown to the user (see
:func:`app.domain.analytics.cltv_value`); the gross margin, the expected
relationship years and the method are company-wide settings, synced like any
record (``analytics_setting``, one row per key with a deterministic id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.db import analytics_queries as aq
from app.db import pipeline_queries as q
from app.db.cltv_queries import cltv_select
from app.domain.analytics import Cltv, CltvMethod, CltvSettings
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, ValidationError
from app.models.analytics import AnalyticsSetting, setting_id

CLTV_KEY = "cltv"
MAX_YEARS = 50


def read_settings(s: Session) -> CltvSettings:
    """The stored CLTV settings (defaults if none or unreadable)."""
    row = s.get(AnalyticsSetting, setting_id(CLTV_KEY))
    if row is None or row.deleted_at is not None:
        return CltvSettings()
    value = row.value or {}
    try:
        method = CltvMethod(value.get("method", CltvMethod.PROJECTED))
        margin = int(value.get("margin_bp", 3500))
        years = int(value.get("years", 5))
    except (TypeError, ValueError):
        return CltvSettings()
    if not (0 <= margin <= 10_000 and 1 <= years <= MAX_YEARS):
        return CltvSettings()
    return CltvSettings(margin, years, method)


def cltv_rows(
    s: Session,
    conds: Sequence[aq.Cond],
    settings: CltvSettings,
    today: dt.date,
    *,
    sort: str = "value",
    descending: bool = True,
    offset: int = 0,
    limit: int = 10,
) -> list[Cltv]:
    """One page of the CLTV list, computed and sorted in SQL."""
    rates = dict(s.execute(q.rates_on(today)).all())
    stmt, _count = cltv_select(
        conds,
        settings,
        today,
        rates,
        sort=sort,
        descending=descending,
        offset=offset,
        limit=limit,
    )
    return [_dto(r) for r in s.execute(stmt)]


def _dto(r: Sequence[Any]) -> Cltv:
    first = r[4] if isinstance(r[4], dt.date) else dt.date.fromisoformat(str(r[4]))
    last = r[5] if isinstance(r[5], dt.date) else dt.date.fromisoformat(str(r[5]))
    return Cltv(
        organisation_id=r[0],
        name=r[1],
        revenue=int(r[2] or 0),
        deals=int(r[3] or 0),
        first_won=first,
        last_won=last,
        years_active=float(r[6] or 1.0),
        yearly=int(r[7] or 0),
        value=int(r[8] or 0),
    )


class CltvService:
    """The sortable CLTV list and its settings."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._sessions = sessions
        self._today = today

    def settings(self) -> CltvSettings:
        """Gross margin, years and method in use."""
        with self._sessions() as s:
            return read_settings(s)

    def save_settings(self, settings: CltvSettings) -> Changes:
        """Store new settings for everybody.

        Raises:
            ValidationError: ``cltv.margin`` (0-100 %) or ``cltv.years`` (1-50).
        """
        errors = []
        if not 0 <= settings.margin_bp <= 10_000:
            errors.append(
                FieldError(
                    "margin",
                    "cltv.margin",
                    "The gross margin lies between 0 and 100 %",
                    settings.margin_bp,
                )
            )
        if not 1 <= settings.years <= MAX_YEARS:
            errors.append(
                FieldError(
                    "years",
                    "cltv.years",
                    "Expected years lie between 1 and 50",
                    settings.years,
                )
            )
        if errors:
            raise ValidationError(errors)
        value = {
            "margin_bp": settings.margin_bp,
            "years": settings.years,
            "method": settings.method.value,
        }
        with self._sessions.begin() as s:
            row = s.get(AnalyticsSetting, setting_id(CLTV_KEY))
            if row is None:
                s.add(
                    AnalyticsSetting(id=setting_id(CLTV_KEY), key=CLTV_KEY, value=value)
                )
            else:
                row.value = value
                row.deleted_at = None
        return Changes.of(EntityKind.ANALYTICS, setting_id(CLTV_KEY))

    def count(self) -> int:
        """Organisations with won business."""
        with self._sessions() as s:
            _stmt, count = cltv_select(
                aq.opportunity_conds(pipeline_id=None, owner_id=None, party=None),
                CltvSettings(),
                self._today(),
                {},
            )
            return int(s.execute(count).scalar_one())

    def page(
        self, *, sort: str, descending: bool, offset: int, limit: int
    ) -> list[Cltv]:
        """Rows ``offset`` … ``offset + limit`` sorted by ``sort``."""
        with self._sessions() as s:
            return cltv_rows(
                s,
                aq.opportunity_conds(pipeline_id=None, owner_id=None, party=None),
                read_settings(s),
                self._today(),
                sort=sort,
                descending=descending,
                offset=offset,
                limit=limit,
            )
