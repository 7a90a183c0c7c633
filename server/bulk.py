"""Executemany without SQLAlchemy's per-row parameter building.

``conn.execute(stmt, [dict, ...])`` builds every row's parameters through the
compiled statement (bind names, defaults, type processors): ≈ 20 µs per row on
a wide table, the larger part of writing a 500-change push. Here a statement
is compiled once per dialect, each column's bind processor is looked up once,
and the rows go to the driver's ``executemany`` as plain tuples (SQLite) or
dicts (PostgreSQL) through :meth:`Connection.exec_driver_sql` — same SQL, same
type conversions, same transaction.

Every row must carry a value for every bind parameter of the statement (for
an ``insert(table)``: every column except a server-generated key): the caller
fills column defaults itself. A missing key raises :class:`KeyError`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Connection, Table, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import Update
from sqlalchemy.sql.type_api import TypeEngine

Processor = Callable[[Any], Any]


@dataclass(frozen=True)
class Prepared:
    """A statement compiled for one dialect, ready for raw executemany.

    Attributes:
        sql: the driver SQL.
        names: bind parameter names in driver order (positional styles) or
            the names the driver's dicts carry (named styles).
        processors: ``(position, name, processor, memoizable)`` for binds
            whose type converts values (datetimes, JSON, booleans …);
            memoizable: values are times or dates.
        positional: whether the driver takes tuples.
    """

    sql: str
    names: tuple[str, ...]
    processors: tuple[tuple[int, str, Processor, bool], ...]
    positional: bool

    def parameters(self, rows: Sequence[dict[str, Any]]) -> list[Any]:
        """Driver parameters of ``rows`` (converted like SQLAlchemy would).

        Times and dates are converted once per distinct value (a batch
        stamps most rows with the same ``now``).
        """
        names = self.names
        procs = [
            (pos, name, _memoized(proc) if memo else proc)
            for pos, name, proc, memo in self.processors
        ]
        if self.positional:
            out: list[Any] = []
            for row in rows:
                values = [row[n] for n in names]
                for pos, _name, proc in procs:
                    value = values[pos]
                    if value is not None:
                        values[pos] = proc(value)
                out.append(tuple(values))
            return out
        dicts: list[Any] = []
        for row in rows:
            params = {n: row[n] for n in names}
            for _pos, name, proc in procs:
                value = params[name]
                if value is not None:
                    params[name] = proc(value)
            dicts.append(params)
        return dicts


def _memoized(proc: Processor) -> Processor:
    """``proc`` remembering its results (for hashable, immutable values)."""
    memo: dict[Any, Any] = {}

    def process(value: Any) -> Any:
        try:
            return memo[value]
        except KeyError:
            result = memo[value] = proc(value)
            return result

    return process


def is_time(type_: TypeEngine[Any]) -> bool:
    """Whether values of ``type_`` are datetimes or dates (decorated types too)."""
    impl = getattr(type_, "impl_instance", None)  # TypeDecorator
    try:
        python_type = (impl if impl is not None else type_).python_type
    except NotImplementedError:
        return False
    return python_type in (dt.datetime, dt.date)


_CACHE: dict[tuple[str, Hashable], Prepared] = {}


def prepare(
    dialect: Dialect,
    key: Hashable,
    build: Callable[[], Any],
    column_keys: Sequence[str] | None = None,
) -> Prepared:
    """The statement ``build()`` compiled for ``dialect``, cached under ``key``.

    ``column_keys``: for INSERT, the columns the rows carry (as for
    :meth:`ClauseElement.compile`).
    """
    cache_key = (dialect.name, key)
    found = _CACHE.get(cache_key)
    if found is not None:
        return found
    stmt = build()
    compiled = stmt.compile(
        dialect=dialect,
        column_keys=list(column_keys) if column_keys is not None else None,
    )
    assert isinstance(compiled, SQLCompiler)
    binds = compiled.binds
    if dialect.positional:
        names = tuple(compiled.positiontup or ())
    else:
        names = tuple(compiled.bind_names[b] for b in compiled.bind_names)
    processors: list[tuple[int, str, Processor, bool]] = []
    for pos, name in enumerate(names):
        bind = binds[name]
        proc = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if proc is not None:
            processors.append((pos, name, proc, is_time(bind.type)))
    prepared = Prepared(
        sql=compiled.string,
        names=names,
        processors=tuple(processors),
        positional=bool(dialect.positional),
    )
    _CACHE[cache_key] = prepared
    return prepared


def executemany(
    conn: Connection,
    prepared: Prepared,
    rows: Sequence[dict[str, Any]],
    *,
    chunk: int = 1000,
) -> None:
    """Run ``prepared`` once per row of ``rows`` on ``conn``."""
    for start in range(0, len(rows), chunk):
        params = prepared.parameters(rows[start : start + chunk])
        if len(params) == 1:
            conn.exec_driver_sql(prepared.sql, params[0])
        else:
            conn.exec_driver_sql(prepared.sql, params)


def insert_rows(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    columns: Sequence[str] | None = None,
) -> None:
    """``INSERT INTO table`` of ``rows``; ``columns``: which (default: every column).

    Columns left out get their Python default as SQLAlchemy would give it
    (server-side defaults and autoincrement keys are left to the database).
    """
    if not rows:
        return
    names = tuple(columns) if columns is not None else tuple(c.key for c in table.c)
    prepared = prepare(conn.dialect, ("insert", table, names), table.insert, names)
    fill = _fills(table, prepared, set(names), onupdate=False)
    executemany(conn, prepared, _filled(rows, fill) if fill else rows)


def update_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[dict[str, Any]],
) -> None:
    """``UPDATE table SET columns WHERE id = :id`` for each row (keys ``id`` + columns).

    Columns with an ``onupdate`` that are not in ``columns`` get it, as with
    SQLAlchemy's own update.
    """
    if not rows:
        return
    names = tuple(sorted(columns))

    def build() -> Update:
        return (
            table.update()
            .where(table.c.id == _bind(table, "id", "b_id"))
            .values({n: _bind(table, n, f"v_{n}") for n in names})
        )

    prepared = prepare(conn.dialect, ("update", table, names), build)
    supplied = {"b_id", *(f"v_{n}" for n in names)}
    fill = _fills(table, prepared, supplied, onupdate=True)
    params = [{"b_id": r["id"], **{f"v_{n}": r[n] for n in names}} for r in rows]
    executemany(conn, prepared, _filled(params, fill) if fill else params)


def _fills(
    table: Table, prepared: Prepared, supplied: set[str], *, onupdate: bool
) -> tuple[tuple[str, Any], ...]:
    """``(bind, default)`` for binds SQLAlchemy added for column defaults."""
    out: list[tuple[str, Any]] = []
    for name in prepared.names:
        if name in supplied:
            continue
        col = table.c[name]  # KeyError: a bind that is neither supplied nor a column
        default = col.onupdate if onupdate else col.default
        arg = getattr(default, "arg", None)
        out.append((name, functools.partial(arg, None) if callable(arg) else arg))
    return tuple(out)


def _filled(
    rows: Sequence[dict[str, Any]], fill: tuple[tuple[str, Any], ...]
) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        row = dict(row)
        for name, default in fill:
            row[name] = default() if callable(default) else default
        out.append(row)
    return out


def _bind(table: Table, column: str, name: str) -> BindParameter[Any]:
    return bindparam(name, type_=table.c[column].type)


def upsert_rows(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    key: Sequence[str],
    update: Sequence[str],
) -> None:
    """INSERT … ON CONFLICT (key) DO UPDATE SET update (SQLite and PostgreSQL)."""
    if not rows:
        return
    names = tuple(c.key for c in table.c)
    dialect_name = conn.dialect.name

    def build() -> Any:
        dialect: Any = postgresql if dialect_name == "postgresql" else sqlite
        stmt = dialect.insert(table)
        return stmt.on_conflict_do_update(
            index_elements=[table.c[k] for k in key],
            set_={n: stmt.excluded[n] for n in update},
        )

    prepared = prepare(
        conn.dialect, ("upsert", table, names, tuple(key), tuple(update)), build, names
    )
    executemany(conn, prepared, rows)
