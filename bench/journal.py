"""Journal figures on the 1M-person demo (2,000,000 journal entries; ``--quick`` a tenth).

Ours: the history (:class:`TimelineWidget`, a windowed model in a real
``QListView``, offscreen) of an organisation with 10,000 entries on it and its
contacts; journal search through FTS5 (:class:`JournalService`, count + first
page, as the journal page runs it per keystroke); the quick-log save (entry,
links and a follow-up task in one transaction with ``synchronous=FULL``).
Baselines in the same run: the same history read whole with a join and sort
(what a naive list does), and search with ``LIKE '%x%'`` over the bodies.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BIG_ACCOUNT_ENTRIES = 10_000
BIG_ACCOUNT_PERSONS = 40


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def _big_account(
    path: Path, org_id: str, person_ids: list[str], now: dt.datetime
) -> None:
    """10,000 entries on one organisation and its contacts, written in bulk."""
    from app.db import journal_schema
    from app.models.journal import journal_link_id

    rng = random.Random(5)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for stmt in journal_schema.drop_trigger_statements():
        conn.execute(stmt)
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM journal_entry").fetchone()[
        0
    ]
    entries, links = [], []
    kinds = ("call", "email", "meeting", "visit", "note")
    for i in range(BIG_ACCOUNT_ENTRIES):
        at = now - dt.timedelta(minutes=37 * i + rng.randrange(30))
        stamp = at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        eid = str(uuid.uuid4())
        entries.append(
            (
                eid,
                rng.choice(kinds),
                stamp,
                15,
                "",
                f"Kundenkontakt {i}",
                "",
                f"Gespräch Nummer {i} über Offerte und Lieferung",
                "",
                0,
                "{}",
                stamp,
                stamp,
            )
        )
        if rng.random() < 0.3:
            target = ("organisation", org_id)
        else:
            target = ("person", rng.choice(person_ids))
        links.append(
            (journal_link_id(eid, *target), eid, *target, stamp, 0, "{}", stamp, stamp)
        )
    conn.executemany(
        "INSERT INTO journal_entry (id, kind, occurred_at, duration_min, direction, "
        "subject, body_html, body_text, outcome, rev, field_revs, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        entries,
    )
    conn.executemany(
        "INSERT INTO journal_link (id, entry_id, entity_kind, entity_id, occurred_at, "
        "rev, field_revs, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
        links,
    )
    conn.execute(journal_schema.JOURNAL_FTS_APPEND, (last,))
    for stmt in journal_schema.trigger_statements():
        conn.execute(stmt)
    conn.execute("COMMIT")
    conn.close()


def _queries(path: Path, count: int, rng: random.Random) -> list[str]:
    """Search texts as users type them: word prefixes (4+ letters), some two words."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT subject || ' ' || body_text FROM journal_entry WHERE rowid IN "
        "(SELECT rowid FROM journal_entry ORDER BY random() LIMIT ?)",
        (count,),
    ).fetchall()
    conn.close()
    out = []
    for i, (text,) in enumerate(rows):
        words = [w.strip(".,:;!?") for w in text.split() if len(w.strip(".,:;!?")) >= 4]
        if not words:
            continue
        first = rng.choice(words)
        query = first[: rng.randint(4, len(first))]
        if i % 4 == 0 and len(words) > 1:
            second = rng.choice(words)
            query += " " + second[: rng.randint(3, len(second))]
        out.append(query)
    return out


def run(*, quick: bool = False) -> dict[str, Any]:
    """Generate the database, measure ours and the baselines, return the figures."""
    from PySide6.QtWidgets import QApplication

    from app.db.database import open_database
    from app.domain.addresses import EmploymentData, OrganisationData, PersonData
    from app.domain.journal import (
        EntryKind,
        JournalEntryData,
        JournalFilter,
        LinkKind,
        LinkRef,
        TaskData,
        TimelineFilter,
    )
    from app.services import demo_journal
    from app.services.container import build_services
    from app.services.timeline import TimelineTarget
    from app.views.journal.timeline import TimelineWidget

    scale = 10 if quick else 1
    n_orgs, n_persons = 200_000 // scale, 1_000_000 // scale
    tmp = Path(tempfile.mkdtemp(prefix="relata-bench-journal-"))
    path = tmp / "bench.db"
    database = open_database(path, backup_dir=tmp / "backups")
    services = build_services(database)
    journal_s: list[float] = []
    generate = demo_journal.generate_journal

    def timed(*args: Any, **kwargs: Any) -> int:
        t = time.perf_counter()
        done = generate(*args, **kwargs)
        journal_s.append(time.perf_counter() - t)
        return done

    setattr(demo_journal, "generate_journal", timed)  # noqa: B010 - time our part
    t0 = time.perf_counter()
    try:
        services.generate_demo(organisations=n_orgs, persons=n_persons)
    finally:
        setattr(demo_journal, "generate_journal", generate)  # noqa: B010
    figures: dict[str, Any] = {
        "persons": n_persons,
        "organisations": n_orgs,
        "demo_s": round(time.perf_counter() - t0, 1),
        "journal_demo_s": round(journal_s[0], 1) if journal_s else None,
    }
    conn = sqlite3.connect(path)
    figures["journal_entries"] = conn.execute(
        "SELECT count(*) FROM journal_entry"
    ).fetchone()[0]
    figures["tasks"] = conn.execute("SELECT count(*) FROM task").fetchone()[0]
    figures["cases"] = conn.execute("SELECT count(*) FROM service_case").fetchone()[0]
    conn.close()

    # ---- the big account
    addresses = services.addresses
    org, _ = addresses.create_organisation(OrganisationData(name="Grosskunde Bench AG"))
    person_ids = [
        addresses.create_person(
            PersonData(
                last_name=f"Kontakt{i:02d}",
                first_name="Bench",
                employments=(EmploymentData(org.id, "Einkauf"),),
            )
        )[0].id
        for i in range(BIG_ACCOUNT_PERSONS)
    ]
    now = dt.datetime.now(dt.UTC)
    _big_account(path, org.id, person_ids, now)
    figures["db_mb"] = round(path.stat().st_size / 1e6, 1)
    target = TimelineTarget(LinkKind.ORGANISATION, org.id)
    timeline = services.journal.timeline
    figures["big_account_events"] = timeline.count(target)

    # ---- ours: the history widget, first page shown
    app = QApplication.instance() or QApplication([])
    firsts = []
    for _ in range(5):
        widget = TimelineWidget(timeline)
        widget.resize(700, 800)
        t = time.perf_counter()
        widget.set_target(target)
        widget.show()
        app.processEvents()
        widget.grab()
        firsts.append(time.perf_counter() - t)
        widget.close()
        widget.deleteLater()
    figures["timeline_first_page_ms"] = _ms(firsts[0])
    figures["timeline_first_page_median_ms"] = _ms(statistics.median(firsts))
    widget = TimelineWidget(timeline)
    widget.resize(700, 800)
    widget.set_target(target)
    widget.show()
    app.processEvents()
    t = time.perf_counter()
    widget.view.scrollToBottom()
    app.processEvents()
    widget.grab()
    figures["timeline_last_row_ms"] = _ms(time.perf_counter() - t)
    jumps = []
    rng = random.Random(9)
    for _ in range(20):
        row = rng.randrange(widget.model.total)
        t = time.perf_counter()
        widget.view.scrollTo(widget.model.index(row, 0))
        app.processEvents()
        widget.grab()
        jumps.append(time.perf_counter() - t)
    figures["timeline_jump_median_ms"] = _ms(statistics.median(jumps))
    t = time.perf_counter()
    found = timeline.count(target, TimelineFilter(search="lieferung"))
    timeline.page(
        target, TimelineFilter(search="lieferung"), offset=0, limit=200, total=found
    )
    figures["timeline_search_ms"] = _ms(time.perf_counter() - t)
    widget.close()

    # ---- ours: full-text search over all journal bodies
    entries = services.journal.entries
    queries = _queries(path, 200, random.Random(11))
    times = []
    for text in queries:
        t = time.perf_counter()
        entries.first_page(JournalFilter(search=text), limit=200)  # as the list asks
        times.append(time.perf_counter() - t)
    figures["fts_p95_ms"] = _ms(_p95(times))
    figures["fts_median_ms"] = _ms(statistics.median(times))

    # ---- ours: quick-log save (entry + links + follow-up task, fsync'd)
    saves = []
    for i in range(40):
        data = JournalEntryData(
            kind=EntryKind.CALL,
            occurred_at=dt.datetime.now(dt.UTC),
            body_text=f"Kurz telefoniert, Offerte folgt ({i})",
            links=(
                LinkRef(LinkKind.PERSON, person_ids[i % len(person_ids)]),
                LinkRef(LinkKind.ORGANISATION, org.id),
            ),
        )
        follow = (
            TaskData(title="Offerte senden", due_at=dt.datetime.now(dt.UTC))
            if i % 2
            else None
        )
        t = time.perf_counter()
        entries.quick_log(data, follow)
        saves.append(time.perf_counter() - t)
    figures["quick_log_ms"] = _ms(statistics.median(saves))
    figures["quick_log_p95_ms"] = _ms(_p95(saves))

    # ---- baselines: the whole history joined and sorted; LIKE search
    conn = sqlite3.connect(path)
    t = time.perf_counter()
    conn.execute(
        "SELECT e.id, e.occurred_at, e.kind, e.subject, e.body_text FROM journal_entry e "
        "JOIN journal_link l ON l.entry_id = e.id WHERE l.deleted_at IS NULL AND "
        "e.deleted_at IS NULL AND ((l.entity_kind = 'organisation' AND l.entity_id = ?) "
        "OR (l.entity_kind = 'person' AND l.entity_id IN (SELECT person_id FROM "
        "employment WHERE organisation_id = ?))) GROUP BY e.id ORDER BY e.occurred_at DESC",
        (org.id, org.id),
    ).fetchall()
    figures["baseline_timeline_ms"] = _ms(time.perf_counter() - t)
    like_times = []
    for text in queries[:20]:
        pattern = f"%{text.split()[0]}%"
        t = time.perf_counter()
        conn.execute(
            "SELECT count(*) FROM journal_entry WHERE deleted_at IS NULL AND "
            "(subject LIKE ?1 OR body_text LIKE ?1)",
            (pattern,),
        ).fetchone()
        conn.execute(
            "SELECT id FROM journal_entry WHERE deleted_at IS NULL AND "
            "(subject LIKE ?1 OR body_text LIKE ?1) ORDER BY occurred_at DESC LIMIT 200",
            (pattern,),
        ).fetchall()
        like_times.append(time.perf_counter() - t)
    conn.close()
    figures["baseline_fts_p95_ms"] = _ms(_p95(like_times))
    figures["ratio_timeline"] = round(
        figures["baseline_timeline_ms"] / max(figures["timeline_first_page_ms"], 0.01),
        1,
    )
    figures["ratio_fts_p95"] = round(
        figures["baseline_fts_p95_ms"] / max(figures["fts_p95_ms"], 0.01), 1
    )
    database.close(backup=False)
    for f in tmp.glob("bench.db*"):
        f.unlink()
    return figures
