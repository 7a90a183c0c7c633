"""Win scores learned offline from the local won/lost history, with their reasons.

A logistic regression over one-hot features (source, industry, canton, company
size, amount, age, activity) trained with Newton's method and an L2 penalty in
numpy: a few hundred kilobytes of code less than scikit-learn in the installer,
and the whole model is a weight per feature value, which is what a salesperson
needs to see why a score is high or low.

Explanations compare a record with the average closed opportunity: for each
feature, the record's weight minus that feature's mean weight in the training
data, shown in percentage points of the win probability.

Two models: ``opportunity`` uses every feature; ``lead`` only what a lead
already has (source, industry, canton), learned from the same closed
opportunities. With too little history (see :data:`MIN_CLOSED`) there is no
score and the reason says so.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

# The Newton steps solve ~100x100 systems: threads cost more than they bring,
# and on a busy two-core laptop OpenBLAS's spinning threads made each solve
# 40x slower. Only effective if numpy is not imported yet (the app imports
# the services before any view).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Connection, Table, bindparam, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.domain.pipeline import Factor, ModelInfo, Score
from app.domain.progress import NullProgress, ProgressSink
from app.models import utcnow
from app.models.pipeline import Lead as LeadRecord
from app.models.pipeline import ScoringModel

#: Closed opportunities needed before any score is shown, and of each outcome.
MIN_CLOSED = 40
MIN_EACH = 10
#: Training uses the most recent closed opportunities, at most this many:
#: recent outcomes say more about today's chances, and it bounds the time.
MAX_SAMPLES = 50_000
#: Feature values seen fewer times fall into "other".
MIN_COUNT = 5
L2 = 1.0

OPPORTUNITY_FEATURES = (
    "source",
    "industry",
    "canton",
    "size",
    "amount",
    "age",
    "activity",
)
LEAD_FEATURES = ("source", "industry", "canton")

Record = dict[str, str]


def bucket(value: float, edges: Sequence[float], labels: Sequence[str]) -> str:
    """The label of the first edge ``value`` stays below (the last one otherwise)."""
    for edge, label in zip(edges, labels, strict=False):
        if value < edge:
            return label
    return labels[-1]


def size_bucket(contacts: int) -> str:
    """Company size from its number of contact persons."""
    return bucket(contacts, (3, 10, 50), ("1-2", "3-9", "10-49", "50+"))


def amount_bucket(chf_minor: int) -> str:
    """Deal size in CHF."""
    return bucket(
        chf_minor / 100,
        (10_000, 50_000, 200_000),
        ("<10k", "10k-50k", "50k-200k", "200k+"),
    )


def age_bucket(days: int) -> str:
    """Days since the opportunity was opened (to its close, or to today)."""
    return bucket(days, (30, 90, 180), ("<30", "30-89", "90-179", "180+"))


def activity_bucket(count: int) -> str:
    """Journal entries on the opportunity."""
    return bucket(count, (1, 3, 8), ("0", "1-2", "3-7", "8+"))


@dataclass(frozen=True)
class Model:
    """A trained model: weight per (feature, value), intercept, feature means."""

    kind: str
    features: tuple[str, ...]
    vocab: tuple[tuple[str, str], ...]
    weights: tuple[float, ...]
    intercept: float
    baseline: dict[str, float]
    samples: int
    won: int
    trained_at: dt.datetime

    def index(self) -> dict[tuple[str, str], int]:
        """Position of each (feature, value) in :attr:`weights`."""
        return {key: i for i, key in enumerate(self.vocab)}

    def payload(self) -> dict[str, Any]:
        """JSON-able form for the ``scoring_model`` table."""
        return {
            "features": list(self.features),
            "vocab": [list(v) for v in self.vocab],
            "weights": list(self.weights),
            "intercept": self.intercept,
            "baseline": self.baseline,
        }


def _key(
    model_vocab: dict[tuple[str, str], int], feature: str, value: str
) -> int | None:
    found = model_vocab.get((feature, value))
    if found is None:
        found = model_vocab.get((feature, "other"))
    return found


def fit(
    kind: str,
    records: Sequence[Record],
    outcomes: Sequence[int],
    features: Sequence[str],
    *,
    l2: float = L2,
    now: dt.datetime | None = None,
) -> Model:
    """Train a logistic regression on one-hot ``features`` of ``records``.

    Newton-Raphson (IRLS) with an L2 penalty on every weight but the
    intercept; converges in well under 20 steps on one-hot data. The design
    matrix is never built: every row has exactly one active column per
    feature, so ``Xw`` is a gather and ``XᵀWX`` a weighted count of column
    pairs (``np.bincount``) — ~50x faster than dense products on 50,000 rows.
    """
    counts: Counter[tuple[str, str]] = Counter(
        (f, r.get(f, "")) for r in records for f in features
    )
    vocab: list[tuple[str, str]] = []
    for f in features:
        vocab.append((f, "other"))
        vocab.extend(
            sorted(k for k, n in counts.items() if k[0] == f and n >= MIN_COUNT)
        )
    vocab = list(dict.fromkeys(vocab))
    index = {k: i for i, k in enumerate(vocab)}
    n, d = len(records), len(vocab) + 1
    other = {f: index[(f, "other")] for f in features}
    cols = np.empty((n, len(features) + 1), dtype=np.int64)
    cols[:, -1] = d - 1  # the intercept's column
    for i, record in enumerate(records):
        for j, f in enumerate(features):
            cols[i, j] = index.get((f, record.get(f, "")), other[f])
    y = np.asarray(outcomes, dtype=np.float64)
    k = cols.shape[1]
    pair_codes = (cols[:, :, None] * d + cols[:, None, :]).reshape(n, k * k)
    flat_codes = pair_codes.ravel()
    flat_cols = cols.ravel()
    w = np.zeros(d, dtype=np.float64)
    penalty = np.full(d, l2)
    penalty[-1] = 0.0
    for _ in range(40):
        p = _sigmoid(w[cols].sum(axis=1))
        grad = np.bincount(flat_cols, weights=np.repeat(p - y, k), minlength=d)
        grad += penalty * w
        curvature = np.repeat(p * (1 - p), k * k)
        hess = np.bincount(flat_codes, weights=curvature, minlength=d * d)
        hess = hess.reshape(d, d) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-7:
            break
    weights = w[:-1]
    share = np.bincount(flat_cols, minlength=d)[:-1] / max(n, 1)
    baseline = {
        f: float(sum(weights[i] * share[i] for key, i in index.items() if key[0] == f))
        for f in features
    }
    return Model(
        kind=kind,
        features=tuple(features),
        vocab=tuple(vocab),
        weights=tuple(float(v) for v in weights),
        intercept=float(w[-1]),
        baseline=baseline,
        samples=n,
        won=int(y.sum()),
        trained_at=now or utcnow(),
    )


def _sigmoid(z: NDArray[np.float64]) -> NDArray[np.float64]:
    out: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))
    return out


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))


def explain(model: Model, record: Record, *, top: int = 3) -> Score:
    """The win probability of ``record`` and the factors that moved it most."""
    index = model.index()
    z = model.intercept
    parts: list[tuple[str, str, float]] = []
    for f in model.features:
        value = record.get(f, "")
        col = _key(index, f, value)
        weight = model.weights[col] if col is not None else 0.0
        z += weight
        parts.append((f, value, weight - model.baseline.get(f, 0.0)))
    p = _logistic(z)
    factors = [
        Factor(f, value, round((p - _logistic(z - delta)) * 100, 1))
        for f, value, delta in parts
    ]
    raised = sorted((x for x in factors if x.effect >= 0.5), key=lambda x: -x.effect)
    lowered = sorted((x for x in factors if x.effect <= -0.5), key=lambda x: x.effect)
    return Score(
        percent=round(p * 100),
        raised=tuple(raised[:top]),
        lowered=tuple(lowered[:top]),
        samples=model.samples,
        won=model.won,
    )


def probability(model: Model, index: dict[tuple[str, str], int], record: Record) -> int:
    """The win probability in percent, without explanations (bulk scoring)."""
    z = model.intercept
    for f in model.features:
        col = _key(index, f, record.get(f, ""))
        if col is not None:
            z += model.weights[col]
    return round(_logistic(z) * 100)


def ranking(model: Model) -> tuple[tuple[str, str, float], ...]:
    """Feature values by the size of their weight (the model's strongest signals)."""
    pairs = [
        (f, v, w)
        for (f, v), w in zip(model.vocab, model.weights, strict=True)
        if v != "other"
    ]
    return tuple(sorted(pairs, key=lambda t: -abs(t[2])))


# ---- features from the database

_OPP_SQL = """
SELECT o.id, o.source, coalesce(i.name, ''), o.organisation_id,
       (SELECT count(*) FROM employment e WHERE e.organisation_id = o.organisation_id),
       o.amount_minor, o.currency, o.created_at, o.closed_on, o.outcome
FROM opportunity o
LEFT JOIN organisation g ON g.id = o.organisation_id
LEFT JOIN industry i ON i.id = g.industry_id
WHERE o.deleted_at IS NULL AND {where}
"""
#: The newest closed opportunities: those closed on or after the day of the
#: MAX_SAMPLES-th newest (a range on ``ix_opportunity_closed``, no sort of rows).
_RECENT_CLOSED = (
    "o.outcome IN ('won', 'lost') AND o.closed_on >= coalesce(("
    "SELECT closed_on FROM opportunity WHERE outcome IN ('won', 'lost') "
    "AND deleted_at IS NULL ORDER BY closed_on DESC LIMIT 1 OFFSET :skip), '')"
)


class ScoringService:
    """Train, store and apply the win-score models; explain each score."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._sessions = sessions
        self._today = today
        self._cache: dict[str, Model | None] = {}

    # ---- training

    def history_size(self) -> tuple[int, int]:
        """(closed, won) opportunities in the history."""
        with self._sessions() as s:
            row = s.execute(
                text(
                    "SELECT count(*), coalesce(sum(outcome = 'won'), 0) FROM opportunity "
                    "WHERE outcome IN ('won', 'lost') AND deleted_at IS NULL"
                )
            ).one()
        return int(row[0]), int(row[1])

    def retrain(self, progress: ProgressSink | None = None) -> ModelInfo | None:
        """Learn both models from the closed opportunities; None if too few.

        Uses the newest :data:`MAX_SAMPLES` closed opportunities.

        Also refreshes the stored score of every open lead, so the lead list
        can sort and show it without computing.
        """
        progress = progress or NullProgress()
        progress.report(0, 4, "Reading history")
        closed, _won = self.history_size()
        with self._sessions() as s:
            records, outcomes = self._closed_records(s.connection())
        won = sum(outcomes)
        if len(records) < MIN_CLOSED or min(won, len(records) - won) < MIN_EACH:
            return None
        progress.check_cancelled()
        progress.report(1, 4, "Training")
        opp = fit("opportunity", records, outcomes, OPPORTUNITY_FEATURES)
        progress.check_cancelled()
        lead = fit("lead", records, outcomes, LEAD_FEATURES, now=opp.trained_at)
        progress.check_cancelled()
        progress.report(3, 4, "Scoring leads")
        with self._sessions.begin() as s:
            for model in (opp, lead):
                row = s.get(ScoringModel, model.kind) or ScoringModel(kind=model.kind)
                row.trained_at = model.trained_at
                row.samples = model.samples
                row.won = model.won
                row.closed_seen = closed
                row.payload = model.payload()
                s.add(row)
            self._score_leads(s, lead)
        self._cache = {"opportunity": opp, "lead": lead}
        progress.report(4, 4, "Done")
        return ModelInfo(
            "opportunity", opp.samples, opp.won, opp.trained_at, ranking(opp)
        )

    def model(self, kind: str = "opportunity") -> Model | None:
        """The stored model of ``kind`` (cached after the first read)."""
        if kind not in self._cache:
            with self._sessions() as s:
                row = s.get(ScoringModel, kind)
                self._cache[kind] = _load(row) if row else None
        return self._cache[kind]

    def info(self) -> ModelInfo | None:
        """What the opportunity model learned, for the model overview."""
        model = self.model()
        if model is None:
            return None
        return ModelInfo(
            model.kind, model.samples, model.won, model.trained_at, ranking(model)
        )

    # ---- scoring

    def score_opportunity(self, opportunity_id: str) -> Score:
        """The win score of an opportunity with its top raising/lowering factors."""
        model = self.model("opportunity")
        if model is None:
            return self._no_model()
        with self._sessions() as s:
            found = self._records(s.connection(), "o.id = :id", {"id": opportunity_id})
        if not found:
            return Score(None, reason="record.not_found")
        return explain(model, found[0][0])

    def score_lead(self, lead_id: str) -> Score:
        """The win score of a lead from its source, industry and canton."""
        model = self.model("lead")
        if model is None:
            return self._no_model()
        with self._sessions() as s:
            row = s.get(LeadRecord, lead_id)
            if row is None:
                return Score(None, reason="record.not_found")
            record = _lead_record(s.connection(), row)
        return explain(model, record)

    def _no_model(self) -> Score:
        closed, won = self.history_size()
        if closed < MIN_CLOSED or min(won, closed - won) < MIN_EACH:
            return Score(
                None, reason="score.too_little_history", samples=closed, won=won
            )
        return Score(None, reason="score.untrained", samples=closed, won=won)

    # ---- helpers

    def _closed_records(self, conn: Connection) -> tuple[list[Record], list[int]]:
        found = self._records(conn, _RECENT_CLOSED, {"skip": MAX_SAMPLES - 1})
        return [r for r, _ in found], [int(o == "won") for _, o in found]

    def _records(
        self, conn: Connection, where: str, params: dict[str, Any]
    ) -> list[tuple[Record, str]]:
        today = self._today()
        rates = _rates(conn)
        one = params.get("id")
        activity = _activity(conn, one)
        regions = _regions(conn, one)
        out = []
        for row in conn.execute(text(_OPP_SQL.format(where=where)), params):
            (
                oid,
                source,
                industry,
                org_id,
                contacts,
                amount,
                cur,
                created,
                closed,
                outcome,
            ) = row
            start = _as_date(created)
            end = _as_date(closed) if closed else today
            chf = amount * rates.get(cur, 1_000_000) // 1_000_000
            record = {
                "source": source,
                "industry": industry,
                "canton": regions.get(org_id, ""),
                "size": size_bucket(contacts),
                "amount": amount_bucket(chf),
                "age": age_bucket((end - start).days),
                "activity": activity_bucket(activity.get(oid, 0)),
            }
            out.append((record, outcome))
        return out

    @staticmethod
    def _score_leads(s: Session, model: Model) -> None:
        conn = s.connection()
        industries: dict[str, str] = {
            r[0]: r[1] for r in conn.execute(text("SELECT id, name FROM industry"))
        }
        params = []
        index = model.index()
        for lead_id, source, industry_id, region in conn.execute(
            text(
                "SELECT id, source, industry_id, region FROM lead "
                "WHERE deleted_at IS NULL AND status IN ('unqualified', 'mql', 'sql')"
            )
        ):
            record = {
                "source": source,
                "industry": industries.get(industry_id, ""),
                "canton": region,
            }
            params.append(
                {"lead_id": lead_id, "score": probability(model, index, record)}
            )
        if params:
            lead_table = cast(Table, LeadRecord.__table__)
            conn.execute(
                update(lead_table)  # Core: one executemany, no ORM
                .where(lead_table.c.id == bindparam("lead_id"))
                .values(score=bindparam("score")),
                params,
            )


def _load(row: ScoringModel) -> Model:
    p = row.payload
    return Model(
        kind=row.kind,
        features=tuple(p["features"]),
        vocab=tuple((v[0], v[1]) for v in p["vocab"]),
        weights=tuple(float(w) for w in p["weights"]),
        intercept=float(p["intercept"]),
        baseline={k: float(v) for k, v in p["baseline"].items()},
        samples=row.samples,
        won=row.won,
        trained_at=row.trained_at,
    )


def _regions(conn: Connection, opportunity_id: str | None) -> dict[str, str]:
    """Canton/region of organisations' primary addresses.

    For training one scan of the addresses (faster than a lookup per
    opportunity); for one record just its organisation's.
    """
    sql = (
        "SELECT organisation_id, region FROM address WHERE organisation_id IS NOT NULL "
        "AND is_primary = 1 AND deleted_at IS NULL"
    )
    params: dict[str, str] = {}
    if opportunity_id:
        sql += (
            " AND organisation_id = "
            "(SELECT organisation_id FROM opportunity WHERE id = :id)"
        )
        params = {"id": opportunity_id}
    return {r[0]: r[1] for r in conn.execute(text(sql), params)}


def _rates(conn: Connection) -> dict[str, int]:
    """The newest rate of each currency (amount buckets need no exact date)."""
    rows = conn.execute(
        text(
            "SELECT currency, rate_micro FROM exchange_rate r WHERE deleted_at IS NULL "
            "AND valid_from = (SELECT max(valid_from) FROM exchange_rate r2 "
            "WHERE r2.currency = r.currency AND r2.deleted_at IS NULL)"
        )
    ).all()
    return {r[0]: int(r[1]) for r in rows}


def _activity(conn: Connection, opportunity_id: str | None) -> dict[str, int]:
    """Journal entries per opportunity, if the journal is installed."""
    exists = conn.execute(
        text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal_link'"
        )
    ).first()
    if not exists:
        return {}
    where = "AND entity_id = :id" if opportunity_id else ""
    rows = conn.execute(
        text(
            "SELECT entity_id, count(*) FROM journal_link WHERE entity_kind = 'opportunity' "
            f"AND deleted_at IS NULL {where} GROUP BY entity_id"
        ),
        {"id": opportunity_id} if opportunity_id else {},
    ).all()
    return {r[0]: int(r[1]) for r in rows}


def _lead_record(conn: Connection, row: LeadRecord) -> Record:
    industry = ""
    if row.industry_id:
        found = conn.execute(
            text("SELECT name FROM industry WHERE id = :id"), {"id": row.industry_id}
        ).scalar()
        industry = str(found or "")
    return {"source": row.source, "industry": industry, "canton": row.region}


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
