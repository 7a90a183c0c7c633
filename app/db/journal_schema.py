"""Derived SQLite objects of the journal: FTS5 indexes and the triggers that feed them.

* ``journal_fts`` indexes subject, plain body and outcome of journal entries
  (external content on ``journal_entry``), ``kb_article_fts`` the knowledge
  base. Both use ``unicode61 remove_diacritics 2`` like the address search, so
  ``muller`` finds ``Müller``.
* ``journal_link.occurred_at`` copies the entry's time so a timeline is one
  index range; triggers keep it right whoever writes (forms, sync, import).

As in :mod:`app.db.search_schema`, bulk loaders drop the triggers, insert, fill
the indexes per batch and put the triggers back (:func:`trigger_statements`).
"""

from __future__ import annotations

_JOURNAL_COLS = "subject, body_text, outcome"
_KB_COLS = "title, body, tags"


def _fts(table: str, fts: str, cols: str, *, prefix: str = "") -> list[str]:
    values_new = ", ".join(f"new.{c.strip()}" for c in cols.split(","))
    values_old = ", ".join(f"old.{c.strip()}" for c in cols.split(","))
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, "
        f"content='{table}', content_rowid='rowid', "
        f"tokenize='unicode61 remove_diacritics 2', columnsize=0{prefix})",
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} "
        f"WHEN new.deleted_at IS NULL BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {values_new}); END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} "
        f"WHEN old.deleted_at IS NULL BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) "
        f"VALUES ('delete', old.rowid, {values_old}); END",
        # one trigger, delete before insert (see search_schema for why)
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {cols}, deleted_at "
        f"ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) "
        f"SELECT 'delete', old.rowid, {values_old} WHERE old.deleted_at IS NULL; "
        f"INSERT INTO {fts}(rowid, {cols}) "
        f"SELECT new.rowid, {values_new} WHERE new.deleted_at IS NULL; END",
    ]


def _link_time() -> list[str]:
    """``journal_link.occurred_at``: the entry's time while the entry lives, else NULL.

    NULL marks links of deleted entries, so a timeline needs no join to skip them.
    """
    live_time = "CASE WHEN {e}.deleted_at IS NULL THEN {e}.occurred_at END"
    return [
        # links arriving without the time (sync, import) take the entry's
        "CREATE TRIGGER journal_link_time_ai AFTER INSERT ON journal_link "
        "WHEN new.occurred_at IS NULL BEGIN "
        f"UPDATE journal_link SET occurred_at = (SELECT {live_time.format(e='e')} "
        "FROM journal_entry e WHERE e.id = new.entry_id) WHERE rowid = new.rowid; END",
        "CREATE TRIGGER journal_entry_time_au AFTER UPDATE OF occurred_at, deleted_at "
        "ON journal_entry WHEN old.occurred_at IS NOT new.occurred_at "
        "OR old.deleted_at IS NOT new.deleted_at BEGIN "
        f"UPDATE journal_link SET occurred_at = {live_time.format(e='new')} "
        "WHERE entry_id = new.id; END",
    ]


def create_statements() -> list[str]:
    """Every statement that installs the derived objects."""
    return [
        # no prefix index on the journal: it doubled the bulk load (16 s instead of
        # 8 s for 2M entries, +150 MB) and did not make word-prefix queries faster;
        # columnsize=0: no per-row size table (it only serves bm25 ranking)
        *_fts("journal_entry", "journal_fts", _JOURNAL_COLS),
        *_fts("kb_article", "kb_article_fts", _KB_COLS, prefix=", prefix='2 3'"),
        *_link_time(),
    ]


def trigger_statements() -> list[str]:
    """Only the CREATE TRIGGER statements (to re-install after a bulk load)."""
    return [s for s in create_statements() if s.startswith("CREATE TRIGGER")]


def trigger_names() -> list[str]:
    """Names of every trigger :func:`create_statements` creates."""
    return [s.split()[2] for s in trigger_statements()]


def drop_trigger_statements() -> list[str]:
    """Statements that remove the triggers (FTS tables stay)."""
    return [f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names()]


def drop_statements() -> list[str]:
    """Statements that remove every derived object."""
    return [
        *drop_trigger_statements(),
        "DROP TABLE IF EXISTS journal_fts",
        "DROP TABLE IF EXISTS kb_article_fts",
    ]


#: Fill ``journal_fts`` for entries with rowid above ``?`` (bulk loads, per batch).
JOURNAL_FTS_APPEND = (
    f"INSERT INTO journal_fts(rowid, {_JOURNAL_COLS}) SELECT rowid, {_JOURNAL_COLS} "
    "FROM journal_entry WHERE deleted_at IS NULL AND rowid > ?"
)


def rebuild_statements() -> list[str]:
    """Refill both FTS indexes from their tables."""
    stmts: list[str] = []
    for table, fts, cols in (
        ("journal_entry", "journal_fts", _JOURNAL_COLS),
        ("kb_article", "kb_article_fts", _KB_COLS),
    ):
        # not 'rebuild': that would index tombstones too
        stmts += [
            f"INSERT INTO {fts}({fts}) VALUES ('delete-all')",
            f"INSERT INTO {fts}(rowid, {cols}) SELECT rowid, {cols} FROM {table} "
            "WHERE deleted_at IS NULL",
        ]
    return stmts
