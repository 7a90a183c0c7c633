"""The analytics services wired together: dashboard, reports, NPS, CLTV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.models import utcnow
from app.services.cltv import CltvService
from app.services.dashboard import DashboardService
from app.services.nps import NpsService
from app.services.pipeline import PipelineService
from app.services.reports import ReportService


@dataclass(frozen=True)
class AnalyticsServices:
    """Everything the dashboard and report views need, sharing one clock."""

    dashboard: DashboardService
    reports: ReportService
    nps: NpsService
    cltv: CltvService

    @classmethod
    def build(
        cls,
        sessions: sessionmaker[Session],
        pipeline: PipelineService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = utcnow,
    ) -> AnalyticsServices:
        """Wire the services to ``sessions`` (tests pass a fixed clock)."""
        return cls(
            dashboard=DashboardService(sessions, pipeline, today=today, now=now),
            reports=ReportService(sessions, today=today, now=now),
            nps=NpsService(sessions, today=today),
            cltv=CltvService(sessions, today=today),
        )
