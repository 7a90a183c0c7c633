"""Outbox entries written by SQLite itself, and creates filled when they are sent.

A bulk writer (the import) queues the rows it created as *deferred creates*:
an outbox entry whose ``fields`` are JSON ``null`` (``None`` in Python),
meaning "every synced field of the row as it is when the entry is sent".
:func:`fill_creates` gives such entries their fields in the transaction that
stamps them into a push batch, so a batch is fixed once stamped and a retry
resends the same bytes. Until then a later
local edit of the row needs no entry of its own (``outbox.coalesce`` keeps the
deferred create as it is) and a delete cancels it, as for any unsent create.

Why: writing the fields of a 100k-record import (≈600,000 rows) into the
outbox cost ≈2.2 s and ≈400 MB of WAL inside the import's transaction; the
deferred entry is the op id, table, row id and time (measured in the README).

The SQL encodes each value as the sync codecs do (ISO dates, UTC times with
``+00:00``, booleans as ``true``/``false``); tests compare it with
``outbox.record_written`` for every imported table.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Integer,
    String,
    Text,
    bindparam,
    update,
)

from app.models.base import UTCDateTime
from app.sync import outbox
from app.sync.protocol.tables import synced_table

#: The ``fields`` of a deferred create: JSON null (the column is NOT NULL).
DEFERRED = "fields = 'null'"

#: SQLite takes at most 127 function arguments (one ``printf`` per entry).
_MAX_PRINTF_VALUES = 120


def value_sql(column: str, kind: object, alias: str = "") -> str | None:
    """SQL giving the JSON value the sync encoder gives the stored value."""
    col = f'{alias}"{column}"'
    if isinstance(kind, DateTime | UTCDateTime):
        # stored "YYYY-MM-DD HH:MM:SS.ffffff"; Python's isoformat drops a zero fraction
        return (
            f"CASE WHEN {col} IS NULL THEN NULL "
            f"WHEN substr({col}, 21, 6) = '000000' "
            f"THEN replace(substr({col}, 1, 19), ' ', 'T') || '+00:00' "
            f"ELSE replace({col}, ' ', 'T') || '+00:00' END"
        )
    if isinstance(kind, Boolean):
        return (
            f"CASE WHEN {col} IS NULL THEN NULL WHEN {col} THEN json('true') "
            "ELSE json('false') END"
        )
    if isinstance(kind, Date | Integer | String | Text):
        return col
    return None


def _json_sql(column: str, kind: object, alias: str) -> str | None:
    """SQL giving the JSON text of :func:`value_sql`'s value."""
    value = value_sql(column, kind, alias)
    if value is None:
        return None
    if isinstance(kind, Boolean):
        col = f'{alias}"{column}"'
        return (
            f"CASE WHEN {col} IS NULL THEN 'null' WHEN {col} THEN 'true' "
            "ELSE 'false' END"
        )
    return f"json_quote({value})"


def create_fields_sql(name: str, alias: str = "") -> str | None:
    """SQL giving a create entry's ``fields`` text for a row of table ``name``.

    One ``printf`` of ``json_quote``-d values: the very bytes nested
    ``json_object`` calls make (tested), for less work. ``None`` for a table
    that does not sync or has a column type this does not encode.
    """
    table = synced_table(name)
    if table is None:
        return None
    template: list[str] = []
    values: list[str] = []
    for field in table.fields:
        value = _json_sql(field, table.table.c[field].type, alias)
        if value is None:
            return None
        template.append(f'"{field}":{{"value":%s,"base":0}}')
        values.append(value)
    if len(values) > _MAX_PRINTF_VALUES:
        return None
    return "printf('{" + ",".join(template) + "}', " + ", ".join(values) + ")"


def fill_creates(conn: Connection, batch_id: str | None) -> None:
    """Give the deferred creates of batch ``batch_id`` (``None``: every unsent
    entry) their fields from the rows as they are now.

    An entry whose row is gone (removed outright) is dropped. A deleted row
    is still sent: its delete entry follows (``outbox.record`` keeps a create
    and its delete apart when other rows refer to the row). A table whose
    fields SQL cannot build (a column type added later) is filled in Python.
    """
    where = "batch_id = ?" if batch_id is not None else "batch_id IS NULL"
    params: tuple[str, ...] = (batch_id,) if batch_id is not None else ()
    tables = [
        tbl
        for (tbl,) in conn.exec_driver_sql(
            f"SELECT DISTINCT tbl FROM sync_outbox WHERE {where} AND {DEFERRED}",
            params,
        )
    ]
    for tbl in tables:
        if synced_table(tbl) is None:
            continue  # never queued deferred (record_run checks): left alone
        fields = create_fields_sql(tbl, "t.")
        if fields is None:
            _fill_in_python(conn, tbl, where, params)
        else:
            conn.exec_driver_sql(
                f"UPDATE sync_outbox SET fields = (SELECT {fields} FROM {tbl} t "
                f"WHERE t.id = sync_outbox.row_id) WHERE {where} AND tbl = ? "
                f"AND {DEFERRED} AND EXISTS (SELECT 1 FROM {tbl} t "
                "WHERE t.id = sync_outbox.row_id)",
                (*params, tbl),
            )
        # what is still deferred has no row any more
        conn.exec_driver_sql(
            f"DELETE FROM sync_outbox WHERE {where} AND tbl = ? AND {DEFERRED} "
            f"AND NOT EXISTS (SELECT 1 FROM {tbl} t WHERE t.id = sync_outbox.row_id)",
            (*params, tbl),
        )


def _fill_in_python(
    conn: Connection, tbl: str, where: str, params: tuple[str, ...]
) -> None:
    """:func:`fill_creates` for one table through ``outbox.create_fields``."""
    table = synced_table(tbl)
    assert table is not None
    entries = conn.exec_driver_sql(
        f"SELECT seq, row_id FROM sync_outbox WHERE {where} AND tbl = ? AND {DEFERRED}",
        (*params, tbl),
    ).all()
    fields = outbox.create_fields(
        conn, table, [rid for _seq, rid in entries], deleted=True
    )
    rows = [{"s": seq, "f": fields[rid]} for seq, rid in entries if rid in fields]
    if rows:
        conn.execute(
            update(outbox.OUTBOX)
            .where(outbox.OUTBOX.c.seq == bindparam("s"))
            .values(fields=bindparam("f")),
            rows,
        )
