"""Exchange figures: import 100,000 persons x 15 columns into a database holding
100,000 persons, the dry run of the same file, and an export of 100,000 persons
to xlsx; baseline in the same run: ``pandas.read_excel(engine="openpyxl")`` +
``DataFrame.to_sql`` on the same file (no validation, no dedup, no FTS).

Each measured step runs in its own process on a fresh copy of the database, so
its peak RSS is its own and no step warms another's caches. ``--quick`` runs at
a tenth of the size. Two floor figures show what no import can go below here:
reading the file alone, and SQLite alone storing the rows the import created.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HEADER = (
    "Anrede",
    "Vorname",
    "Nachname",
    "Firma",
    "Funktion",
    "E-Mail",
    "Telefon",
    "Natel",
    "Strasse",
    "PLZ",
    "Ort",
    "Kanton",
    "Land",
    "Geburtsdatum",
    "Status",
)
CITIES = (
    ("8001", "Zürich", "ZH"),
    ("3011", "Bern", "BE"),
    ("4051", "Basel", "BS"),
    ("6003", "Luzern", "LU"),
    ("9000", "St. Gallen", "SG"),
    ("1003", "Lausanne", "VD"),
)
FIRST = (
    "Anna",
    "Luca",
    "Sarah",
    "Marco",
    "Laura",
    "Daniel",
    "Nina",
    "Thomas",
    "Elena",
    "Reto",
)
LAST = (
    "Müller",
    "Meier",
    "Schmid",
    "Keller",
    "Weber",
    "Huber",
    "Schneider",
    "Brunner",
    "Baumann",
    "Frei",
    "Gerber",
    "Zürcher",
)


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def make_file(base: Path, path: Path, rows: int, *, seed: int = 7) -> int:
    """An xlsx (written by XlsxWriter, as a foreign tool would) with ``rows`` persons;
    every tenth row carries the e-mail of a person already in ``base``."""
    import xlsxwriter  # type: ignore[import-untyped]

    rng = random.Random(seed)
    conn = sqlite3.connect(base)
    emails = [
        r[0]
        for r in conn.execute(
            "SELECT email FROM person WHERE email != '' ORDER BY rowid"
        )
    ]
    orgs = [
        r[0]
        for r in conn.execute("SELECT name FROM organisation ORDER BY rowid LIMIT 3000")
    ]
    conn.close()
    book = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    ws = book.add_worksheet("Kontakte")
    date_format = book.add_format({"num_format": "dd.mm.yyyy"})
    ws.write_row(0, 0, HEADER)
    existing = 0
    for i in range(rows):
        postcode, city, canton = rng.choice(CITIES)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if i % 10 == 0 and existing < len(emails):
            email = emails[existing * 7 % len(emails)]
            existing += 1
        else:
            email = f"{first.lower()}.{last.lower().replace('ü', 'ue')}{i}@beispiel{i % 997}.ch"
        row = (
            "Frau" if i % 2 else "Herr",
            first,
            last,
            rng.choice(orgs) if orgs else "",
            rng.choice(("Einkauf", "Geschäftsleitung", "Verkauf", "IT", "")),
            email,
            f"044 {200 + i % 700:03d} {i % 100:02d} {i // 100 % 100:02d}",
            f"079 {100 + i % 800:03d} {i % 97:02d} {i // 7 % 100:02d}",
            f"Bahnhofstrasse {i % 200 + 1}",
            postcode,
            city,
            canton,
            "CH",
            None,
            rng.choice(("Kunde", "Interessent", "Partner")),
        )
        for col, value in enumerate(row):
            if value:
                ws.write_string(i + 1, col, value)
        ws.write_datetime(
            i + 1, 13, dt.datetime(1950 + i % 50, 1 + i % 12, 1 + i % 28), date_format
        )
    book.close()
    return existing


#: Tables an import of persons inserts into, parents first.
_FLOOR_TABLES = ("organisation", "person", "channel", "address", "employment")


def _floor(db: Path, imported: Path) -> dict[str, Any]:
    """What SQLite alone needs to store the rows the import created.

    The rows are copied from the imported database by ``INSERT … SELECT`` into
    a fresh copy of the same database, in one transaction, with the pragmas
    the app uses and the same triggers the import runs with (the person
    search index is filled, the summary triggers the import replaces are off):
    no file, no Python per row, no validation, no sync entries, no updates.
    """
    from app.db.engine import PRAGMAS

    conn = sqlite3.connect(db, isolation_level=None)
    # the app's connection, with what the import's bulk connection changes
    for pragma in (*PRAGMAS, "PRAGMA mmap_size=0", "PRAGMA wal_autocheckpoint=0"):
        conn.execute(pragma)
    conn.execute("ATTACH ? AS src", (str(imported),))
    floors = {
        t: conn.execute(f"SELECT coalesce(max(rowid), 0) FROM main.{t}").fetchone()[0]
        for t in _FLOOR_TABLES
    }
    started, cpu = time.perf_counter(), _cpu_s()
    conn.execute("BEGIN IMMEDIATE")
    for (trigger,) in conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'trigger' "
        "AND tbl_name IN ('channel', 'address', 'employment')"
    ).fetchall():
        conn.execute(f"DROP TRIGGER main.{trigger}")
    rows = 0
    for table in _FLOOR_TABLES:
        cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})"))
        rows += conn.execute(
            f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM src.{table} "
            "WHERE rowid > ? ORDER BY rowid",
            (floors[table],),
        ).rowcount
    conn.execute("COMMIT")
    seconds, spent = time.perf_counter() - started, _cpu_s() - cpu
    conn.close()
    return {"seconds": seconds, "cpu": spent, "rows": rows, "rss_mb": _rss_mb()}


def phase(name: str, db: Path, file: Path, out: Path) -> dict[str, Any]:
    """One measured step (runs in a child process)."""
    from app.db.database import open_database
    from app.domain.exchange import ImportPlan
    from app.services.container import build_services

    if name == "read":
        import python_calamine

        started, cpu = time.perf_counter(), _cpu_s()
        book = python_calamine.CalamineWorkbook.from_path(str(file))
        cells = book.get_sheet_by_index(0).to_python()
        return {
            "seconds": time.perf_counter() - started,
            "cpu": _cpu_s() - cpu,
            "rows": len(cells),
            "rss_mb": _rss_mb(),
        }
    if name == "floor":
        return _floor(db, out)
    if name == "pandas":
        import pandas as pd  # type: ignore[import-untyped]

        started, cpu = time.perf_counter(), _cpu_s()
        frame = pd.read_excel(file, engine="openpyxl")
        conn = sqlite3.connect(db)
        frame.to_sql("person_import", conn, if_exists="append", index=False)
        conn.commit()
        conn.close()
        return {
            "seconds": time.perf_counter() - started,
            "cpu": _cpu_s() - cpu,
            "rows": len(frame),
            "rss_mb": _rss_mb(),
        }
    database = open_database(db, backup_dir=db.parent / "backups")
    services = build_services(database)
    try:
        started, cpu = time.perf_counter(), _cpu_s()
        if name == "export":
            result = services.exports.export("persons", out)
            return {
                "seconds": time.perf_counter() - started,
                "cpu": _cpu_s() - cpu,
                "rows": result.rows,
                "rss_mb": _rss_mb(),
            }
        preview = services.imports.preview(file, "persons")
        plan = ImportPlan(
            file,
            "persons",
            preview.mapping,
            sheet=preview.sheet,
            header_row=preview.header_row,
        )
        if name == "dry_run":
            analysis = services.imports.dry_run(plan)
            return {
                "seconds": time.perf_counter() - started,
                "cpu": _cpu_s() - cpu,
                "rows": analysis.total,
                "rss_mb": _rss_mb(),
            }
        imported = services.imports.commit(plan)
        seconds, cpu = time.perf_counter() - started, _cpu_s() - cpu
        # the wizard runs this in the background after the import: not in import_s
        checkpoint_started = time.perf_counter()
        services.imports.checkpoint()
        return {
            "seconds": seconds,
            "cpu": cpu,
            "checkpoint_s": round(time.perf_counter() - checkpoint_started, 2),
            "created": imported.created,
            "updated": imported.updated,
            "failed": imported.failed,
            "phases": {k: round(v, 2) for k, v in imported.phases.items()},
            "rss_mb": _rss_mb(),
        }
    finally:
        database.close(backup=False)


def _child(
    name: str, base: Path, file: Path, folder: Path, *, out: Path | None = None
) -> dict[str, Any]:
    db = folder / f"{name}.db"
    shutil.copy(base, db)
    out = out or folder / f"{name}.xlsx"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.exchange", name, str(db), str(file), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    if name == "import":  # kept for the floor step
        db.rename(folder / "imported.db")
    else:
        db.unlink()
    return result


def run(*, quick: bool = False) -> dict[str, Any]:
    """Build the database and the file, run every step, return the figures."""
    from app.db.database import open_database
    from app.services.container import build_services

    persons = 10_000 if quick else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = folder / "base.db"
        database = open_database(base, backup_dir=folder / "backups")
        build_services(database).generate_demo(
            organisations=persons // 5, persons=persons, seed=3
        )
        database.close(backup=False)
        file = folder / "kontakte.xlsx"
        overlap = make_file(base, file, persons)
        ours = _child("import", base, file, folder)
        floor = _child("floor", base, file, folder, out=folder / "imported.db")
        read = _child("read", base, file, folder)
        dry = _child("dry_run", base, file, folder)
        export = _child("export", base, file, folder)
        baseline = _child("pandas", base, file, folder)
    return {
        "persons_in_db": persons,
        "file_rows": persons,
        "file_columns": len(HEADER),
        "rows_matching_existing": overlap,
        "import_s": round(ours["seconds"], 2),
        "import_created": ours["created"],
        "import_updated": ours["updated"],
        "import_failed": ours["failed"],
        "import_phases_s": ours["phases"],
        "import_background_checkpoint_s": ours["checkpoint_s"],
        "baseline_pandas_s": round(baseline["seconds"], 2),
        "speedup_vs_pandas": round(baseline["seconds"] / ours["seconds"], 2),
        # the floor under import_s: reading the file alone (calamine), and
        # SQLite alone storing the created rows (INSERT … SELECT from the
        # imported copy: no Python per row, no checks, no updates, no sync)
        "floor_read_s": round(read["seconds"], 2),
        "floor_store_created_s": round(floor["seconds"], 2),
        "floor_rows": floor["rows"],
        "dry_run_s": round(dry["seconds"], 2),
        "export_s": round(export["seconds"], 2),
        "export_rows": export["rows"],
        "peak_rss_mb": max(ours["rss_mb"], dry["rss_mb"], export["rss_mb"]),
        "baseline_peak_rss_mb": baseline["rss_mb"],
        # CPU seconds of each step's process: the 2-core machine is shared, so
        # wall time swings with other work; CPU time shows what a step costs
        "cpu_s": {
            "import": round(ours["cpu"], 2),
            "baseline_pandas": round(baseline["cpu"], 2),
            "dry_run": round(dry["cpu"], 2),
            "floor_read": round(read["cpu"], 2),
            "floor_store_created": round(floor["cpu"], 2),
            "export": round(export["cpu"], 2),
        },
        "load_average": round(os.getloadavg()[0], 2),
    }


if __name__ == "__main__":
    step, db_arg, file_arg, out_arg = sys.argv[1:5]
    figures = phase(step, Path(db_arg), Path(file_arg), Path(out_arg))
    sys.stdout.write(json.dumps(figures) + "\n")
