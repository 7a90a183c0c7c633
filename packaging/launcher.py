"""Entry point of the frozen ``relata`` executable.

Why not ``app/__main__.py`` directly: the frozen program needs two things a
checkout does not. ``multiprocessing.freeze_support()`` must run first, or a
future process pool would re-launch the whole GUI in every worker on Windows
and macOS. And the build needs a way to ask the *frozen* interpreter whether
the bundle is complete (Qt's own translations found, our ``.qm`` and the
alembic scripts on disk, SQLite with FTS5); ``RELATA_BUNDLE_PROBE=1`` prints
that as one JSON line and exits, without touching any user data. It is an
environment variable rather than a command-line flag so that the user-facing
``relata --help`` stays the application's own.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

#: Words whose German order differs from code-point order.
COLLATION_SAMPLE = ("Zürich", "Ähnlich", "Aarau", "Zug", "Özil", "Basel")
#: Their order under German collation.
GERMAN_ORDER = ["Aarau", "Ähnlich", "Basel", "Özil", "Zug", "Zürich"]


def bundle_probe() -> dict[str, Any]:
    """Facts about the running bundle that ``build.py --smoke`` asserts on."""
    from PySide6.QtCore import QCollator, QLibraryInfo, QLocale, QTranslator, qVersion

    from app.db import migrate
    from app.views.i18n import SUPPORTED, resources_dir

    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    qtbase = {
        lang: QTranslator().load(f"qtbase_{lang}", qt_translations)
        for lang in SUPPORTED
    }
    ours = {
        lang: QTranslator().load(str(resources_dir() / "i18n" / f"relata_{lang}.qm"))
        for lang in SUPPORTED
        if lang != "en"
    }
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        fts5 = True
    except sqlite3.OperationalError:
        fts5 = False
    finally:
        conn.close()
    # ICU at work (the Linux bundle's ICU data is trimmed, see icu_trim.py):
    # German collation puts umlauts next to their base letter
    collator = QCollator(QLocale("de_CH"))
    german_order = sorted(COLLATION_SAMPLE, key=collator.sortKey)
    return {
        "frozen": bool(getattr(sys, "frozen", False)),
        "german_collation": german_order,
        "qt": qVersion(),
        "qt_translations": qt_translations,
        "qt_plugins": qt_plugins,
        "qtbase_loaded": qtbase,
        "relata_qm_loaded": ours,
        "resources": str(resources_dir()),
        "migrations": str(migrate.MIGRATIONS),
        "migrations_env_on_disk": (Path(migrate.MIGRATIONS) / "env.py").is_file(),
        # every head: capabilities may add migration branches before a merge
        "alembic_heads": sorted(migrate.heads()),
        "sqlite": sqlite3.sqlite_version,
        "fts5": fts5,
    }


def main() -> int:
    """Run the probe when asked, else the ``relata`` command."""
    multiprocessing.freeze_support()
    if os.environ.get("RELATA_BUNDLE_PROBE") == "1":
        print(json.dumps(bundle_probe(), sort_keys=True))
        return 0
    from app.cli import main as relata_main

    return relata_main()


if __name__ == "__main__":
    raise SystemExit(main())
