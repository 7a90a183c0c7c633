"""Data-quality figures on 1,000,000 persons + 200,000 organisations with 2 % planted duplicates.

* ``scan_s``, ``recall``, ``precision``: the full duplicate scan of persons and
  organisations against the planted truth (typo, umlaut spelling, swapped
  first/last name, different e-mail with the same phone, legal-form variants).
  Precision is strict: every reported pair that was not planted counts against
  it, including pairs the demo generator made by chance (two colleagues with the
  same name and e-mail address); those are also reported as ``natural_pairs``.
* ``entry_warning_ms``: the duplicate check of a person form as typed (median
  and p95 of 200 checks of planted and fresh names).
* ``segment_count_ms``: a live count with three conditions incl. a custom field
  (status, postcode prefix, customer category), median of 20.

Baselines measured in the same run: the naive scan (every pair of one postcode
compared with rapidfuzz, no blocking) timed on a sample and extrapolated, the
entry check as a ``LIKE`` over names, and the segment count as a join on the
custom-field table without its ``(def_id, value)`` index.

The data set is built with the address demo generator only (organisations and
persons with their channels, addresses and employments): the full ``relata
demo`` adds journals and sales data this benchmark does not read and would
take several extra minutes.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from app.db import search_schema
from app.db.database import Database, open_database
from app.domain.addresses import AddressData, ChannelData, ChannelKind, PersonData
from app.domain.custom_fields import Choice, CustomFieldDefData, FieldType, RecordKind
from app.domain.quality import DedupKind
from app.domain.segments import Condition, Group, Match, Op
from app.models.quality import CustomFieldValue, value_id
from app.services import demo
from app.services.custom_fields import CustomFieldService
from app.services.dedup import DedupService
from app.services.demo_quality import Planted, PlantKind, plant_duplicates, typo
from app.services.segments import SegmentService


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def load_addresses(
    database: Database, *, organisations: int, persons: int, seed: int = 1
) -> float:
    """Organisations and persons as ``relata demo`` makes them (no journal, no sales)."""
    started = time.perf_counter()
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    with database.engine.connect() as conn:
        saved = demo._set_pragmas(conn, demo._LOAD_PRAGMAS)
        try:
            with conn.begin():
                rng = random.Random(f"relata-demo/{seed}/0/0")
                factory = demo.RowFactory(rng, now=now, first_number=1)
                factory.user_ids = demo._ensure(
                    conn, demo._USER, key="username", rows=factory.users
                )
                factory.industry_ids = demo._ensure(
                    conn, demo._INDUSTRY, key="code", rows=factory.industries
                )
                for stmt in search_schema.drop_trigger_statements():
                    conn.exec_driver_sql(stmt)
                index_sql = demo._drop_indexes(conn)
                writer = demo._BulkWriter(conn)
                for count, make in (
                    (organisations, factory.organisations),
                    (persons, factory.persons),
                ):
                    for start in range(0, count, demo.BATCH):
                        n = min(demo.BATCH, count - start)
                        for table, rows in make(
                            n, frac=start / count, total=count
                        ).items():
                            writer.insert(table, rows)
                for sql in index_sql:
                    conn.exec_driver_sql(sql)
                writer.finish()
                for stmt in search_schema.trigger_statements():
                    conn.exec_driver_sql(stmt)
        finally:
            demo._set_pragmas(conn, saved)
    return time.perf_counter() - started


def _score_scan(
    planted: list[Planted], found: dict[str, set[tuple[str, str]]]
) -> dict[str, Any]:
    truth = {tuple(sorted((p.original_id, p.duplicate_id))): p for p in planted}
    copies = {p.duplicate_id for p in planted}
    pairs = found["person"] | found["organisation"]
    hits = pairs & set(truth)
    natural = {p for p in pairs - hits if p[0] not in copies and p[1] not in copies}
    missed = Counter(str(truth[k].kind) for k in set(truth) - hits)
    return {
        "recall": round(len(hits) / max(1, len(truth)), 4),
        "precision": round(len(hits) / max(1, len(pairs)), 4),
        "precision_without_natural": round(
            len(hits) / max(1, len(pairs) - len(natural)), 4
        ),
        "natural_pairs": len(natural),
        "planted": len(truth),
        "found_pairs": len(pairs),
        "missed_by_kind": dict(missed),
    }


def _naive_scan_s(database: Database) -> float:
    """All-pairs rapidfuzz within each postcode (no blocking), timed on 20 postcodes."""
    from rapidfuzz import fuzz, process

    with database.engine.connect() as conn:
        counts = conn.exec_driver_sql(
            "SELECT postcode, count(*) FROM person WHERE deleted_at IS NULL GROUP BY postcode"
        ).all()
        sample = random.Random(3).sample(counts, min(20, len(counts)))
        started = time.perf_counter()
        pairs_done = 0
        for postcode, _n in sample:
            names = [
                f"{r[0]} {r[1]}"
                for r in conn.exec_driver_sql(
                    "SELECT first_name, last_name FROM person WHERE postcode = ? "
                    "AND deleted_at IS NULL",
                    (postcode,),
                )
            ]
            process.cdist(names, names, scorer=fuzz.token_sort_ratio, workers=-1)
            pairs_done += len(names) ** 2
        elapsed = time.perf_counter() - started
    total_pairs = sum(n * n for _p, n in counts)
    return float(elapsed * total_pairs / max(1, pairs_done))


def _entry_checks(
    database: Database, planted: list[Planted], rng: random.Random
) -> tuple[list[float], list[float]]:
    svc = DedupService(database.sessions)
    with database.engine.connect() as conn:
        sources = [p for p in planted if p.entity == "person"][:100]
        people = []
        for p in sources:
            r = conn.exec_driver_sql(
                "SELECT first_name, last_name, email, phone, postcode, city FROM person WHERE id = ?",
                (p.original_id,),
            ).one()
            people.append(r)
    ours: list[float] = []
    like: list[float] = []
    for i, r in enumerate(people * 2):
        first, last = r[0], (typo(rng, r[1]) if i % 2 else r[1])
        channels = (ChannelData(ChannelKind.EMAIL, r[2]),) if r[2] and i % 3 else ()
        data = PersonData(
            last_name=last,
            first_name=first,
            channels=channels,
            addresses=(AddressData(postcode=r[4], city=r[5]),),
        )
        t0 = time.perf_counter()
        svc.check_person(data)
        ours.append(time.perf_counter() - t0)
    with database.engine.connect() as conn:
        for r in people[:50]:
            t0 = time.perf_counter()
            conn.exec_driver_sql(
                "SELECT id FROM person WHERE deleted_at IS NULL AND (last_name LIKE ? OR email = ?) LIMIT 100",
                (f"%{r[1][:4]}%", r[2]),
            ).all()
            like.append(time.perf_counter() - t0)
    return ours, like


def _segment_setup(database: Database, seed: int) -> str:
    """A customer-category field (A/B/C) on 60 % of persons, written in bulk."""
    custom = CustomFieldService(database.sessions)
    field, _ = custom.create(
        CustomFieldDefData(
            RecordKind.PERSON,
            "Kundenkategorie",
            FieldType.CHOICE,
            choices=(Choice("A", "A"), Choice("B", "B"), Choice("C", "C")),
        )
    )
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    with database.engine.begin() as conn:
        ids = conn.exec_driver_sql("SELECT id FROM person").scalars().all()
        rows = [
            {
                "id": value_id(pid, field.id),
                "entity_kind": "person",
                "entity_id": pid,
                "def_id": field.id,
                "value": rng.choice("AABBBCCCC"),
                "rev": 0,
                "field_revs": {},
                "created_at": now,
                "updated_at": now,
            }
            for pid in ids
            if rng.random() < 0.6
        ]
        for start in range(0, len(rows), 20_000):
            conn.execute(insert(CustomFieldValue), rows[start : start + 20_000])
    return field.key


def _segment_counts(
    database: Database, key: str
) -> tuple[list[float], list[float], int]:
    segments = SegmentService(database.sessions)
    root = Group(
        Match.ALL,
        (
            Condition("status", Op.IN, ["customer"]),
            Condition("postcode", Op.STARTS_WITH, "8"),
            Condition(f"cf:{key}", Op.IN, ["A"]),
        ),
    )
    ours: list[float] = []
    count = 0
    for _ in range(20):
        t0 = time.perf_counter()
        count = segments.count("person", root)
        ours.append(time.perf_counter() - t0)
    base: list[float] = []
    with database.engine.connect() as conn:
        for _ in range(5):
            t0 = time.perf_counter()
            conn.exec_driver_sql(
                "SELECT count(*) FROM person p JOIN custom_field_value v NOT INDEXED "
                "ON v.entity_id = p.id WHERE p.deleted_at IS NULL AND p.status = 'customer' "
                "AND p.postcode LIKE '8%' AND v.value = 'A' AND v.deleted_at IS NULL"
            ).scalar_one()
            base.append(time.perf_counter() - t0)
    return ours, base, count


def run(*, quick: bool = False) -> dict[str, Any]:
    """Build the data, plant duplicates, measure ours and the baselines."""
    scale = 10 if quick else 1
    n_orgs, n_persons = 200_000 // scale, 1_000_000 // scale
    tmp = Path(tempfile.mkdtemp(prefix="relata-bench-quality-"))
    path = tmp / "bench.db"
    database = open_database(path, backup_dir=tmp / "backups")
    figures: dict[str, Any] = {"persons": n_persons, "organisations": n_orgs}
    figures["load_s"] = round(
        load_addresses(database, organisations=n_orgs, persons=n_persons), 1
    )
    t0 = time.perf_counter()
    with database.engine.begin() as conn:
        planted = plant_duplicates(
            conn, persons=n_persons // 50, organisations=n_orgs // 50, seed=7
        )
    figures["plant_s"] = round(time.perf_counter() - t0, 1)
    figures["planted_by_kind"] = dict(Counter(str(p.kind) for p in planted))
    dedup = DedupService(database.sessions)
    found: dict[str, set[tuple[str, str]]] = {}
    t0 = time.perf_counter()
    for kind in (DedupKind.PERSON, DedupKind.ORGANISATION):
        result = dedup.scan(kind)
        found[str(kind)] = {p.key for p in result.pairs}
        figures[f"scan_{kind}_s"] = round(result.seconds, 2)
    figures["scan_s"] = round(time.perf_counter() - t0, 2)
    figures.update(_score_scan(planted, found))
    figures["baseline_naive_scan_s"] = round(_naive_scan_s(database), 1)
    figures["ratio_scan"] = round(
        figures["baseline_naive_scan_s"] / max(figures["scan_s"], 0.01), 1
    )

    ours, like = _entry_checks(database, planted, random.Random(5))
    figures["entry_warning_ms"] = _ms(statistics.median(ours))
    figures["entry_warning_p95_ms"] = _ms(_p95(ours))
    figures["baseline_entry_like_ms"] = _ms(statistics.median(like))

    key = _segment_setup(database, 11)
    seg, base, count = _segment_counts(database, key)
    figures["segment_count_ms"] = _ms(statistics.median(seg))
    figures["segment_count_p95_ms"] = _ms(_p95(seg))
    figures["segment_matches"] = count
    figures["baseline_segment_join_ms"] = _ms(statistics.median(base))
    figures["kinds"] = sorted(k.value for k in PlantKind)
    database.close(backup=False)
    for f in tmp.glob("bench.db*"):
        f.unlink()
    return figures
