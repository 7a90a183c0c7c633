"""Factories and a fixed clock for the pipeline tests."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from app.domain.pipeline import Opportunity, OpportunityData, Outcome, Pipeline
from app.services.addresses import AddressService
from app.services.pipeline import PipelineService
from tests.helpers.factories import make_organisation

_seq = itertools.count(1)

TODAY = dt.date(2026, 3, 16)
NOW = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)


class Clock:
    """A settable clock: ``today()`` and ``now()`` for the services."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.current = now

    def now(self) -> dt.datetime:
        return self.current

    def today(self) -> dt.date:
        return self.current.date()

    def advance(self, **delta: float) -> None:
        self.current += dt.timedelta(**delta)


def stage_id(pipeline: Pipeline, name: str) -> str:
    """The id of the stage called ``name`` (``"Won"``, ``"Offer"`` …)."""
    return next(s.id for s in pipeline.stages if s.name == name)


def won_stage(pipeline: Pipeline) -> str:
    found = pipeline.of_outcome(Outcome.WON)
    assert found is not None
    return found.id


def make_opportunity(
    svc: PipelineService,
    addresses: AddressService | None = None,
    **overrides: Any,
) -> Opportunity:
    """An opportunity in the default pipeline's first stage."""
    n = next(_seq)
    pipeline = svc.pipeline()
    values: dict[str, Any] = {
        "title": f"Deal {n}",
        "pipeline_id": pipeline.id,
        "stage_id": pipeline.first_open().id,
        "amount_minor": 1_000_000,
        "close_date": TODAY + dt.timedelta(days=30),
    }
    if "organisation_id" not in overrides and "person_id" not in overrides:
        assert addresses is not None, "give an organisation or the address service"
        values["organisation_id"] = make_organisation(addresses).id
    values.update(overrides)
    opp, _ = svc.create_opportunity(OpportunityData(**values))
    return opp
