"""Scoring: the learned ranking recovers the true factors of a synthetic history;
scores are explained; too little history gives no number; retraining on real rows."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

from app.db.database import Database
from app.domain.pipeline import LeadData, LeadSource, LeadStatus, Outcome
from app.services.addresses import AddressService
from app.services.leads import LeadService
from app.services.pipeline import PipelineService
from app.services.scoring import (
    MIN_CLOSED,
    OPPORTUNITY_FEATURES,
    ScoringService,
    amount_bucket,
    explain,
    fit,
    ranking,
)
from tests.helpers.factories import make_organisation
from tests.helpers.pipeline import Clock, make_opportunity

SOURCES = [s.value for s in LeadSource]
INDUSTRIES = [f"Industry {i}" for i in range(10)]
CANTONS = ["ZH", "BE", "LU", "UR", "SZ", "ZG", "FR", "SO", "BS", "GR"]


def _synthetic(n: int, seed: int) -> tuple[list[dict[str, str]], list[int]]:
    """A history whose outcome depends only on two known factors."""
    rng = random.Random(seed)
    records, outcomes = [], []
    for _ in range(n):
        record = {
            "source": rng.choice(SOURCES),
            "industry": rng.choice(INDUSTRIES),
            "canton": rng.choice(CANTONS),
            "size": rng.choice(["1-2", "3-9", "10-49", "50+"]),
            "amount": rng.choice(["<10k", "10k-50k", "50k-200k", "200k+"]),
            "age": rng.choice(["<30", "30-89", "90-179", "180+"]),
            "activity": rng.choice(["0", "1-2", "3-7", "8+"]),
        }
        z = -0.4
        z += 2.5 if record["source"] == "referral" else 0.0
        z -= 2.2 if record["industry"] == "Industry 3" else 0.0
        outcomes.append(int(rng.random() < 1 / (1 + math.exp(-z))))
        records.append(record)
    return records, outcomes


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_learned_ranking_puts_the_true_factors_first(seed: int) -> None:
    records, outcomes = _synthetic(4000, seed)
    model = fit("opportunity", records, outcomes, OPPORTUNITY_FEATURES)
    top = ranking(model)[:2]
    assert {(f, v) for f, v, _ in top} == {
        ("source", "referral"),
        ("industry", "Industry 3"),
    }
    weights = {(f, v): w for f, v, w in top}
    assert weights[("source", "referral")] > 1.5
    assert weights[("industry", "Industry 3")] < -1.5


def test_explanation_names_what_raised_and_lowered_the_score() -> None:
    records, outcomes = _synthetic(4000, 7)
    model = fit("opportunity", records, outcomes, OPPORTUNITY_FEATURES)
    base = dict(records[0], source="cold_call", industry="Industry 5")
    good = explain(model, dict(base, source="referral"))
    bad = explain(model, dict(base, industry="Industry 3"))
    assert good.percent is not None
    assert bad.percent is not None
    assert good.percent > 55 > 25 > bad.percent
    assert good.raised[0].feature == "source"
    assert good.raised[0].value == "referral"
    assert good.raised[0].effect > 10
    assert bad.lowered[0].feature == "industry"
    assert bad.lowered[0].effect < -10
    assert len(good.raised) <= 3


def test_unseen_values_fall_back_to_other() -> None:
    records, outcomes = _synthetic(500, 4)
    model = fit("opportunity", records, outcomes, OPPORTUNITY_FEATURES)
    score = explain(model, {"source": "carrier pigeon"})
    assert score.percent is not None
    assert 0 <= score.percent <= 100


def test_buckets() -> None:
    assert amount_bucket(999_999) == "<10k"
    assert amount_bucket(1_000_000) == "10k-50k"
    assert amount_bucket(30_000_000) == "200k+"


# ---- on the database


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def pipeline(db: Database, clock: Clock) -> PipelineService:
    return PipelineService(db.sessions, today=clock.today, now=clock.now)


@pytest.fixture
def scoring(db: Database, clock: Clock) -> ScoringService:
    return ScoringService(db.sessions, today=clock.today)


def _history(
    pipeline: PipelineService, addresses: AddressService, n: int, *, seed: int = 5
) -> list[str]:
    """``n`` closed opportunities: referrals mostly won, cold calls mostly lost."""
    rng = random.Random(seed)
    p = pipeline.pipeline()
    won, lost = p.of_outcome(Outcome.WON), p.of_outcome(Outcome.LOST)
    assert won is not None
    assert lost is not None
    org = make_organisation(addresses).id
    ids = []
    for i in range(n):
        source = LeadSource.REFERRAL if i % 2 else LeadSource.COLD_CALL
        opp = make_opportunity(pipeline, organisation_id=org, source=source)
        wins = rng.random() < (0.85 if source == LeadSource.REFERRAL else 0.15)
        if wins:
            pipeline.move_to_stage(opp.id, won.id)
        else:
            pipeline.move_to_stage(opp.id, lost.id, lost_reason="Price")
        ids.append(opp.id)
    return ids


def test_too_little_history_gives_no_number(
    scoring: ScoringService, pipeline: PipelineService, addresses: AddressService
) -> None:
    ids = _history(pipeline, addresses, 12)
    assert scoring.retrain() is None
    score = scoring.score_opportunity(ids[0])
    assert score.percent is None
    assert score.reason == "score.too_little_history"
    assert score.samples == 12


def test_retrain_scores_opportunities_and_leads(
    scoring: ScoringService,
    pipeline: PipelineService,
    addresses: AddressService,
    db: Database,
) -> None:
    _history(pipeline, addresses, MIN_CLOSED + 20)
    assert scoring.score_opportunity("x").reason == "score.untrained"
    info = scoring.retrain()
    assert info is not None
    assert info.samples == MIN_CLOSED + 20
    assert info.ranking[0][:2] in {("source", "referral"), ("source", "cold_call")}
    referral = make_opportunity(pipeline, addresses, source=LeadSource.REFERRAL)
    cold = make_opportunity(pipeline, addresses, source=LeadSource.COLD_CALL)
    good = scoring.score_opportunity(referral.id)
    bad = scoring.score_opportunity(cold.id)
    assert good.percent is not None
    assert bad.percent is not None
    assert good.percent > 60 > 40 > bad.percent
    assert good.raised[0].feature == "source"
    # leads: scored at training time and on demand, from a fresh service too
    leads = LeadService(db.sessions, pipeline)
    lead, _ = leads.create_lead(
        LeadData(last_name="Frei", source=LeadSource.REFERRAL, status=LeadStatus.MQL)
    )
    again = ScoringService(db.sessions)
    assert (again.score_lead(lead.id).percent or 0) > 60
    scoring.retrain()
    assert (leads.get_lead(lead.id).score or 0) > 60


def test_move_reports_a_due_retrain_and_retraining_resets_it(
    scoring: ScoringService, pipeline: PipelineService, addresses: AddressService
) -> None:
    _history(pipeline, addresses, 49)
    opp = make_opportunity(pipeline, addresses)
    won = pipeline.pipeline().of_outcome(Outcome.WON)
    assert won is not None
    assert pipeline.move_to_stage(opp.id, won.id)[0].retrain_due
    scoring.retrain()
    again = make_opportunity(pipeline, addresses)
    assert not pipeline.move_to_stage(again.id, won.id)[0].retrain_due


def test_model_survives_a_restart(
    scoring: ScoringService,
    pipeline: PipelineService,
    addresses: AddressService,
    db: Database,
    clock: Clock,
) -> None:
    _history(pipeline, addresses, MIN_CLOSED + 10)
    info = scoring.retrain()
    assert info is not None
    fresh = ScoringService(db.sessions, today=clock.today).info()
    assert fresh is not None
    assert fresh.ranking == info.ranking
    assert fresh.trained_at == info.trained_at.replace(
        microsecond=fresh.trained_at.microsecond
    )
    assert isinstance(fresh.trained_at, dt.datetime)
