"""Has anybody committed to the database since we last looked?

``PRAGMA data_version`` changes whenever *another* connection commits — in
this process (any pooled connection, a worker's sync or import) or in another
one (the ``relata`` command line). The pool's connections write too, and a
connection never sees its own commits there, so :class:`DataVersion` asks on
a private read-only connection that never writes. Result caches keyed by it
(the dashboard's tiles) cannot serve figures from before a change.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, event


class DataVersion:
    """A number that changes with every commit to ``engine``'s SQLite file.

    ``None`` for databases it cannot watch (in memory, not SQLite): a cache
    keyed by it must then not keep anything.
    """

    def __init__(self, engine: Engine | None) -> None:
        self._path: str | None = None
        if engine is not None and engine.dialect.name == "sqlite":
            database = engine.url.database
            if database and database != ":memory:" and not database.startswith("file:"):
                self._path = str(Path(database).resolve())
            event.listen(engine, "engine_disposed", self._on_engine_disposed)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def current(self) -> int | None:
        """The file's data version now (opens the watching connection once)."""
        if self._path is None:
            return None
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = sqlite3.connect(
                        f"file:{quote(self._path)}?mode=ro",
                        uri=True,
                        check_same_thread=False,
                    )
                row = self._conn.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error:
                self._close()
                return None
        return int(row[0])

    def close(self) -> None:
        """Close the watching connection (it reopens when asked again)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _on_engine_disposed(self, _engine: Engine) -> None:
        self.close()
