"""The weighted forecast: open and won business by month or quarter, in CHF.

Aggregated in SQL by close month and currency (covering index
``ix_opportunity_forecast``), converted at each month's rate, then folded into
quarters here. Categories, as Odoo and Dynamics name them:

* **weighted** — open amount × probability;
* **commit** — won plus open at or above :data:`COMMIT_PROBABILITY`;
* **best case** — won plus every open opportunity;
* **won** — business closed as won in the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.db import pipeline_queries as q
from app.db.address_queries import Sort
from app.domain.changes import Changes
from app.domain.pipeline import (
    BoardFilter,
    Card,
    Forecast,
    ForecastBucket,
    Outcome,
    add_months,
    month_start,
    quarter_start,
)
from app.services.pipeline import BOARD_LIMIT, PipelineService

COMMIT_PROBABILITY = q.COMMIT_PROBABILITY


class ForecastService:
    """Forecast figures and the re-planning board by close month."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        pipeline: PipelineService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._sessions = sessions
        self._pipeline = pipeline
        self._today = today

    def forecast(
        self,
        flt: BoardFilter,
        *,
        start: dt.date | None = None,
        months: int = 12,
        quarterly: bool = False,
    ) -> Forecast:
        """Buckets from ``start`` (this month) for ``months`` months.

        Only the filter's pipeline and owner apply; periods are the buckets.
        """
        today = self._today()
        first = month_start(start or today)
        if quarterly:
            first = quarter_start(first)
            months = max(3, (months + 2) // 3 * 3)
        end = add_months(first, months) - dt.timedelta(days=1)
        with self._sessions() as s:
            groups = s.execute(q.forecast_groups(flt, first, end)).all()
            overdue = s.execute(q.overdue(flt, today)).one()
            won_ytd = s.execute(
                q.won_between(flt, dt.date(today.year, 1, 1), today)
            ).scalar_one()

        def bucket_of(month: str) -> dt.date:
            key = dt.date.fromisoformat(f"{month}-01")
            return quarter_start(key) if quarterly else key

        cells = fold_forecast_groups(groups, bucket_of)
        step = 3 if quarterly else 1
        buckets = [
            forecast_bucket(key, cells.get(key))
            for key in (add_months(first, i) for i in range(0, months, step))
        ]
        return Forecast(
            buckets=tuple(buckets),
            won_to_date=int(won_ytd or 0),
            overdue_count=int(overdue[0] or 0),
            overdue_weighted=int(overdue[1] or 0),
        )

    def month_cards(
        self, flt: BoardFilter, month: dt.date, *, limit: int = BOARD_LIMIT
    ) -> tuple[int, tuple[Card, ...]]:
        """Open opportunities closing in ``month``: how many, and the biggest first."""
        first = month_start(month)
        last = add_months(first, 1) - dt.timedelta(days=1)
        rows_flt = BoardFilter(
            pipeline_id=flt.pipeline_id,
            owner_id=flt.owner_id,
            close_from=first,
            close_to=last,
            outcome=Outcome.OPEN,
            search=flt.search,
        )
        total = self._pipeline.count_opportunities(rows_flt)
        page = self._pipeline.opportunity_page(
            rows_flt, Sort("amount", True), offset=0, limit=limit, total=total
        )
        cards = tuple(
            Card(
                id=r.id,
                title=r.title,
                organisation=r.organisation,
                amount_minor=r.amount_minor,
                currency=r.currency,
                close_date=r.close_date,
                owner_name=r.owner_name,
                stage_entered_at=dt.datetime.min.replace(tzinfo=dt.UTC),
                probability=r.probability,
            )
            for r in page.rows
        )
        return total, cards

    def replan(self, opportunity_id: str, month: dt.date, *, day: int) -> Changes:
        """Move the close date into ``month`` on ``day`` (clamped to its length)."""
        first = month_start(month)
        last = (add_months(first, 1) - dt.timedelta(days=1)).day
        target = first.replace(day=max(1, min(day, last)))
        return self._pipeline.set_close_date(opportunity_id, target)


def fold_forecast_groups[K](
    groups: Iterable[Sequence[Any]], bucket_of: Callable[[str], K]
) -> dict[K, dict[str, int]]:
    """Sum ``(month, outcome, count, total, weighted, commit)`` rows per bucket.

    Won deals count as won; open ones add to weighted, commit, best case and
    the open count (the forecast page and the dashboard tile read the same rows).
    """
    cells: dict[K, dict[str, int]] = {}
    for month, outcome, count, total, weighted, commit in groups:
        cell = cells.setdefault(
            bucket_of(month), {"won": 0, "weighted": 0, "commit": 0, "best": 0, "n": 0}
        )
        if outcome == "won":
            cell["won"] += int(total or 0)
        else:
            cell["weighted"] += int(weighted or 0)
            cell["commit"] += int(commit or 0)
            cell["best"] += int(total or 0)
            cell["n"] += int(count or 0)
    return cells


def forecast_bucket(start: dt.date, cell: dict[str, int] | None) -> ForecastBucket:
    """One bucket from its folded sums (none: an empty bucket)."""
    c = cell or {}
    won = c.get("won", 0)
    return ForecastBucket(
        start=start,
        won=won,
        weighted=c.get("weighted", 0),
        commit=won + c.get("commit", 0),
        best_case=won + c.get("best", 0),
        open_count=c.get("n", 0),
    )
