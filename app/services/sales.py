"""The sales services wired together: pipeline, leads, forecast, scoring, catalogue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.models import utcnow
from app.services import pipeline_timeline  # registers stage changes on timelines
from app.services.forecast import ForecastService
from app.services.leads import LeadService
from app.services.pipeline import PipelineService
from app.services.products import CatalogueService
from app.services.scoring import ScoringService

__all__ = ["SalesServices", "pipeline_timeline"]


@dataclass(frozen=True)
class SalesServices:
    """Everything the pipeline views need, sharing one clock."""

    pipeline: PipelineService
    leads: LeadService
    forecast: ForecastService
    scoring: ScoringService
    catalogue: CatalogueService

    @classmethod
    def build(
        cls,
        sessions: sessionmaker[Session],
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = utcnow,
    ) -> SalesServices:
        """Wire the services to ``sessions`` (tests pass a fixed clock)."""
        pipeline = PipelineService(sessions, today=today, now=now)
        return cls(
            pipeline=pipeline,
            leads=LeadService(sessions, pipeline, today=today),
            forecast=ForecastService(sessions, pipeline, today=today),
            scoring=ScoringService(sessions, today=today),
            catalogue=CatalogueService(sessions),
        )
