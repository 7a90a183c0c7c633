"""Demo analytics data: NPS survey answers, saved reports, CLTV settings.

Runs inside :func:`app.services.demo.generate_demo`'s transaction after the
persons, opportunities and segments, so Cancel rolls it back with the rest.
About one person in twenty answered a survey (50,000 answers for the
1M-person demo) over the last three years; customers are happier than
prospects, and the score drifts up over time (the dashboard's NPS line has a
story to tell). Rows go to the DBAPI ``executemany`` as tuples, as in the
other demo modules; answers are bound to rowid-sampled persons in chunks.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from sqlalchemy import Connection

from app.models.analytics import setting_id
from app.services import demo_names as names

#: Share of the new persons who answered a survey.
ANSWER_SHARE = 0.05
_COMMENTS = {
    "promoter": (
        "Sehr kompetente Beratung, gerne wieder.",
        "Schnelle Reaktion und faire Preise.",
        "Die Einführung lief reibungslos.",
        "Top Support, immer erreichbar.",
        "",
        "",
    ),
    "passive": (
        "Gutes Produkt, die Lieferung dauerte etwas lange.",
        "Im Grossen und Ganzen zufrieden.",
        "Preis-Leistung stimmt.",
        "",
        "",
    ),
    "detractor": (
        "Rückruf kam erst nach einer Woche.",
        "Rechnung war fehlerhaft.",
        "Zu teuer im Vergleich zur Konkurrenz.",
        "Ansprechpartner wechselt ständig.",
        "",
    ),
}
_REPORTS = (
    (
        "Gewonnener Umsatz nach Verantwortlichem und Monat",
        {"dims": ["owner", "month"], "measure": "sum", "outcome": "won"},
    ),
    (
        "Pipeline nach Phase und Kanton",
        {"dims": ["stage", "canton"], "measure": "weighted", "outcome": "open"},
    ),
    (
        "Verkaufschancen nach Herkunft und Branche",
        {"dims": ["source", "industry"], "measure": "count", "outcome": ""},
    ),
)
_SYNC_COLS = "rev, field_revs, owner_id, team_id, created_at, updated_at"


def _score(rng: random.Random, customer: bool, progress: float) -> int:
    """A score: customers and later answers lean to promoters."""
    lift = 0.12 * progress + (0.15 if customer else 0.0)
    x = rng.random()
    if x < 0.36 + lift:
        return rng.choice((9, 10, 10, 9, 10))
    if x < 0.66 + lift * 0.5:
        return rng.choice((7, 8, 8))
    return rng.choice((0, 2, 3, 4, 5, 5, 6, 6, 6))


def generate_analytics_demo(
    conn: Connection,
    *,
    persons: int,
    seed: int,
    now: dt.datetime,
) -> int:
    """Add NPS answers for the ``persons`` newest persons, reports and settings.

    Returns the number of answers added.
    """
    existing = conn.exec_driver_sql("SELECT count(*) FROM nps_response").scalar_one()
    rng = random.Random(f"relata-analytics-demo/{seed}/{existing}/{persons}")
    vocab = names.Vocabulary(rng)
    stamp = now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    _settings(conn, stamp)
    _reports(conn, vocab, stamp, now)
    if persons <= 0:
        return 0
    top = conn.exec_driver_sql(
        "SELECT coalesce(max(rowid), 0) FROM person"
    ).scalar_one()
    first = max(1, top - persons + 1)
    wanted = int(persons * ANSWER_SHARE)
    rowids = sorted(rng.sample(range(first, top + 1), min(wanted, top - first + 1)))
    today = now.date()
    span = 3 * 365
    added = 0
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        people = conn.exec_driver_sql(
            f"SELECT id, owner_id, team_id, status FROM person WHERE rowid IN ({marks}) "
            "AND deleted_at IS NULL",
            tuple(chunk),
        ).all()
        rows: list[tuple[Any, ...]] = []
        for pid, owner, team, status in people:
            back = int(span * rng.random() ** 0.8)  # more recent answers
            day = today - dt.timedelta(days=back)
            score = _score(rng, status == "customer", 1 - back / span)
            kind = (
                "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
            )
            sec = int(
                dt.datetime.combine(day, dt.time(10), dt.UTC).timestamp()
            ) + rng.randrange(28_800)
            rows.append(
                (
                    vocab.uuid7(sec),
                    pid,
                    score,
                    day.isoformat(),
                    rng.choice(_COMMENTS[kind]),
                    rng.choice(("survey", "survey", "email", "phone")),
                    None,
                    0,
                    "{}",
                    owner,
                    team,
                    stamp,
                    stamp,
                )
            )
        conn.exec_driver_sql(
            "INSERT INTO nps_response (id, person_id, score, answered_on, comment, "
            f"source, campaign_id, {_SYNC_COLS}) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        added += len(rows)
    return added


def _settings(conn: Connection, stamp: str) -> None:
    key = "cltv"
    conn.exec_driver_sql(
        f"INSERT OR IGNORE INTO analytics_setting (id, key, value, {_SYNC_COLS}) "
        "VALUES (?, ?, ?, 0, '{}', NULL, NULL, ?, ?)",
        (
            setting_id(key),
            key,
            json.dumps({"margin_bp": 3500, "years": 5, "method": "projected"}),
            stamp,
            stamp,
        ),
    )


def _reports(
    conn: Connection, vocab: names.Vocabulary, stamp: str, now: dt.datetime
) -> None:
    have = {
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT name FROM saved_report WHERE deleted_at IS NULL"
        )
    }
    sec = int(now.timestamp())
    for name, definition in _REPORTS:
        if name in have:
            continue
        conn.exec_driver_sql(
            f"INSERT INTO saved_report (id, name, definition, description, {_SYNC_COLS}) "
            "VALUES (?, ?, ?, '', 0, '{}', NULL, NULL, ?, ?)",
            (vocab.uuid7(sec), name, json.dumps(definition), stamp, stamp),
        )
