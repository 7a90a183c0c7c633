"""Insert many rows given as dicts, at the speed of plain ``executemany``.

SQLAlchemy's Core ``insert()`` with a list of dicts processes every value of
every row through the compiled statement (~20 µs a row); for the demo
generators, which write hundreds of thousands of rows of a few tables, that
was most of their time. Here each column's conversion (its type's bind
processor: datetimes, JSON, booleans) and its Python-side default are looked
up once per table, and the rows go to the driver as tuples.

The values stored are the ones Core would store: same processors, same
defaults (a test compares both ways on every column type used).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect

Convert = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _converters(table: Table, dialect: Dialect) -> dict[str, tuple[Convert, Any]]:
    """Per column: (store conversion, default factory or ``None``)."""
    out: dict[str, tuple[Convert, Any]] = {}
    for column in table.c:
        proc = column.type.dialect_impl(dialect).bind_processor(dialect) or _identity
        default = getattr(column.default, "arg", None)
        out[column.name] = (proc, default)
    return out


def _remembering(convert: Convert) -> Convert:
    """``convert`` that reuses its result for a value it has seen in this call.

    Generated rows repeat their timestamps and empty revision maps; converting
    a datetime or dumping ``{}`` again for each of 100,000 rows was a third
    of the time. Unhashable values are remembered by identity (the same dict
    object), which holds for the duration of one call.
    """
    seen: dict[Any, Any] = {}

    def run(value: Any) -> Any:
        try:
            key: Any = (type(value), value)
            hash(key)
        except TypeError:
            key = ("id", id(value))
        found = seen.get(key, seen)
        if found is seen:
            if len(seen) > 4096:
                seen.clear()
            found = seen[key] = convert(value)
        return found

    return run


def insert_rows(
    conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert ``rows`` (column name → Python value) into ``table``.

    Columns missing from a row get the column's Python default (called if it
    is a callable, as Core does) or ``NULL``. Every row must name the same
    columns (the first row decides which).
    """
    if not rows:
        return
    if conn.dialect.paramstyle != "qmark":
        raise ValueError("insert_rows writes SQLite (qmark) statements")
    plan = _converters(table, conn.dialect)
    given = list(rows[0])
    unknown = set(given) - set(plan)
    if unknown:
        raise KeyError(f"{table.name} has no column(s) {sorted(unknown)}")
    missing = [name for name, (_p, default) in plan.items() if name not in given]
    names = given + [m for m in missing if plan[m][1] is not None]
    # repeated values (timestamps, empty maps) are converted once
    put = [p if (p := plan[n][0]) is _identity else _remembering(p) for n in given]
    fill = [(plan[m][0], plan[m][1]) for m in names[len(given) :]]

    def default_of(proc: Convert, default: Any) -> Any:
        value = default(None) if callable(default) else default
        return None if value is None else proc(value)

    def encode(row: Mapping[str, Any]) -> tuple[Any, ...]:
        own = [
            None if (v := row[n]) is None else p(v)
            for n, p in zip(given, put, strict=True)
        ]
        return (*own, *(default_of(p, d) for p, d in fill))

    quoted = ", ".join(f'"{n}"' for n in names)
    sql = (
        f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
    )
    conn.exec_driver_sql(sql, [encode(r) for r in rows])
