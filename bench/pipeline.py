"""Pipeline figures on a demo database with 200,000 opportunities (``--quick``: 20,000).

Ours: the kanban board (real widgets, offscreen) for one pipeline with filters,
a drag-and-drop stage change committed and re-rendered, the forecast by month
aggregated and converted in SQL, retraining the scores (newest 50,000 closed
opportunities at most) and scoring one record. Baseline in the same run: the
board and the forecast computed the naive way — every matching opportunity
read into Python and grouped there, as an ORM-style view model would.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _naive_board(path: Path, pipeline_id: str, owner: str) -> float:
    """Every open/closed row of the pipeline for one owner, grouped in Python."""
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT o.id, o.title, o.stage_id, o.amount_minor, o.currency, o.probability, "
        "o.close_date, g.name FROM opportunity o LEFT JOIN organisation g ON "
        "g.id = o.organisation_id WHERE o.pipeline_id = ? AND o.owner_id = ? "
        "AND o.deleted_at IS NULL",
        (pipeline_id, owner),
    ).fetchall()
    rates = dict(
        conn.execute(
            "SELECT currency, rate_micro FROM exchange_rate r WHERE valid_from = "
            "(SELECT max(valid_from) FROM exchange_rate r2 WHERE r2.currency = r.currency)"
        ).fetchall()
    )
    columns: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        columns[row[2]].append(row)
    for cards in columns.values():
        sum(r[3] * rates.get(r[4], 1_000_000) // 1_000_000 for r in cards)
        sorted(cards, key=lambda r: r[6] or "")[:30]
    conn.close()
    return time.perf_counter() - started


def _naive_forecast(path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    buckets: dict[str, int] = defaultdict(int)
    for month, amount, prob in conn.execute(
        "SELECT substr(close_date, 1, 7), amount_minor, probability FROM opportunity "
        "WHERE outcome = 'open' AND deleted_at IS NULL"
    ):
        buckets[month] += amount * prob // 100
    conn.close()
    return time.perf_counter() - started


def run(*, quick: bool = False) -> dict[str, Any]:
    """Generate the database, measure ours and the baseline, return the figures."""
    from PySide6.QtWidgets import QApplication

    from app.db.database import open_database
    from app.domain.pipeline import BoardFilter, Period, period_range
    from app.services.container import build_services
    from app.views.pipeline.board import KanbanBoard

    scale = 10 if quick else 1
    n_opps = 200_000 // scale
    tmp = Path(tempfile.mkdtemp(prefix="relata-bench-pipeline-"))
    path = tmp / "bench.db"
    database = open_database(path, backup_dir=tmp / "backups")
    services = build_services(database)
    t0 = time.perf_counter()
    # one opportunity per organisation; a contact or two each is enough here
    services.generate_demo(organisations=n_opps, persons=n_opps)
    demo_s = time.perf_counter() - t0
    sales = services.sales
    app = QApplication.instance() or QApplication([])
    conn = sqlite3.connect(path)
    counts = dict(
        conn.execute("SELECT outcome, count(*) FROM opportunity GROUP BY 1").fetchall()
    )
    owners = [
        r[0] for r in conn.execute("SELECT id FROM user_account ORDER BY username")
    ]
    conn.close()
    figures: dict[str, Any] = {
        "opportunities": sum(counts.values()),
        "open": counts.get("open", 0),
        "closed": counts.get("won", 0) + counts.get("lost", 0),
        "demo_s": round(demo_s, 1),
        "db_mb": round(path.stat().st_size / 1e6, 1),
    }
    pipeline = sales.pipeline.pipeline()
    today = dt.date.today()

    # ---- board: filters applied, real widgets rendered
    board = KanbanBoard(sales.pipeline)
    board.resize(1300, 800)
    board.show()
    app.processEvents()
    filters = []
    for i, period in enumerate(
        (Period.THIS_QUARTER, Period.NEXT_QUARTER, Period.ANY, Period.NEXT_12_MONTHS)
    ):
        start, end = period_range(period, today)
        filters.append(
            BoardFilter(
                pipeline_id=pipeline.id,
                owner_id=owners[i % len(owners)] if i % 2 == 0 else None,
                close_from=start,
                close_to=end,
            )
        )
    times = []
    for flt in filters * 2:
        t0 = time.perf_counter()
        board.set_filter(flt)
        app.processEvents()
        board.grab()
        times.append(time.perf_counter() - t0)
    figures["board_ms"] = _ms(max(times[len(filters) :]))
    figures["board_first_ms"] = _ms(times[0])
    figures["board_median_ms"] = _ms(statistics.median(times))

    # ---- drag and drop: a move committed (fsync) and both columns re-rendered
    board.set_filter(BoardFilter(pipeline_id=pipeline.id))
    app.processEvents()
    moves = []
    rng = random.Random(3)
    open_columns = board.columns[:3]
    for _ in range(20):
        source = rng.choice(open_columns)
        if not source.model.rowCount():
            continue
        card = source.model.card(rng.randrange(source.model.rowCount()))
        target = board.columns[board.columns.index(source) + 1]
        t0 = time.perf_counter()
        board.move_card(card.id, target.key)
        app.processEvents()  # the repaint the user sees: the two columns changed
        source.grab()
        target.grab()
        moves.append(time.perf_counter() - t0)
    figures["stage_change_ms"] = _ms(statistics.median(moves))
    figures["stage_change_max_ms"] = _ms(max(moves))
    board.close()

    # ---- forecast by month over every open opportunity
    forecasts = []
    for _ in range(5):
        t0 = time.perf_counter()
        sales.forecast.forecast(BoardFilter(), months=12)
        forecasts.append(time.perf_counter() - t0)
    figures["forecast_ms"] = _ms(statistics.median(forecasts))

    # ---- scoring
    t0 = time.perf_counter()
    info = sales.scoring.retrain()
    figures["retrain_s"] = round(time.perf_counter() - t0, 2)
    figures["retrain_samples"] = info.samples if info else 0
    conn = sqlite3.connect(path)
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM opportunity WHERE outcome = 'open' ORDER BY random() LIMIT 200"
        )
    ]
    conn.close()
    scores = []
    for oid in ids:
        t0 = time.perf_counter()
        sales.scoring.score_opportunity(oid)
        scores.append(time.perf_counter() - t0)
    figures["score_ms"] = _ms(statistics.median(scores))
    figures["score_p95_ms"] = _ms(sorted(scores)[int(len(scores) * 0.95) - 1])

    # ---- baseline: the same answers computed in Python from every row
    naive = [_naive_board(path, pipeline.id, owners[0]) for _ in range(3)]
    figures["baseline_board_ms"] = _ms(statistics.median(naive))
    figures["baseline_forecast_ms"] = _ms(
        statistics.median([_naive_forecast(path) for _ in range(3)])
    )
    figures["ratio_forecast"] = round(
        figures["baseline_forecast_ms"] / max(figures["forecast_ms"], 0.01), 1
    )
    database.close(backup=False)
    for f in tmp.glob("bench.db*"):
        f.unlink()
    return figures
