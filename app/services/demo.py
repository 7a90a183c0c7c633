"""Demo data: realistic Swiss/German/Austrian organisations and persons, fast.

Sales demos, screenshots and every list/search benchmark need a database that
looks real and is big (1M persons). How it stays fast and safe:

* One transaction: cancel or any error rolls back everything, including the
  dropped triggers and indexes (SQLite DDL is transactional).
* Triggers and secondary indexes are dropped for the load; indexes are
  re-created from their own ``sqlite_master`` SQL afterwards (one sort each
  instead of random B-tree inserts per row) and the summary columns are written
  with each row by the rules the triggers use (primary first, then position).
* The FTS indexes are fed once per batch while the new rows are still in the
  page cache (see :class:`_BulkWriter`).
* Rows go through the DBAPI ``executemany`` as tuples. Core ``insert()`` with
  dicts took ~24 µs per person row, over half of it parameter processing (more
  than SQLite's own work), so 1M persons could not meet the time budget. The few values that need a
  type conversion are encoded here as the column types do it;
  :func:`_check_encoding` proves that at the start of every run.
* Ids are UUIDv7 taken from ``created_at``, and rows are generated in
  ``created_at`` order, so primary-key inserts append instead of touching
  random pages.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, insert, select

from app.db import search_schema
from app.domain.progress import NullProgress, ProgressSink
from app.models import (
    Address,
    Channel,
    Employment,
    Industry,
    Organisation,
    Person,
    UserAccount,
)
from app.services import (
    demo_analytics,
    demo_automation,
    demo_exchange,
    demo_journal,
    demo_pipeline,
    demo_quality,
)
from app.services import demo_names as names

BATCH = 20_000
Row = tuple[Any, ...]
_ORG, _PERSON, _ADDRESS, _CHANNEL, _EMPLOYMENT, _USER, _INDUSTRY = (
    cast(Table, model.__table__)
    for model in (
        Organisation,
        Person,
        Address,
        Channel,
        Employment,
        UserAccount,
        Industry,
    )
)
_SYNC = "rev field_revs owner_id created_at updated_at"
_COLUMNS: dict[Table, tuple[str, ...]] = {
    table: tuple(f"id {cols} {_SYNC}".split())
    for table, cols in (
        (
            _ORG,
            "name legal_form customer_number uid industry_id status notes email phone "
            "postcode city",
        ),
        (
            _PERSON,
            "first_name last_name salutation title language birth_date status notes "
            "org_name email phone postcode city",
        ),
        (
            _ADDRESS,
            "organisation_id person_id kind street house_number extra po_box "
            "postcode city region country is_primary position",
        ),
        (_CHANNEL, "organisation_id person_id kind value label is_primary position"),
        (_EMPLOYMENT, "person_id organisation_id role is_primary"),
    )
}
_EMPTY_REVS = "{}"  # field_revs of never-synced rows, as the JSON column stores {}
#: Load-connection pragmas, restored afterwards; why each is safe: _set_pragmas.
_LOAD_PRAGMAS = {"foreign_keys": "OFF"}
_ID_NAMESPACE = uuid.UUID("0b8f5a52-7d43-4f0e-9a51-3c2f4f6d9e11")
_BIRTH_MIN = dt.date(1945, 1, 1).toordinal()
_BIRTH_SPAN = dt.date(2005, 12, 31).toordinal() - _BIRTH_MIN


@dataclass(frozen=True)
class DemoResult:
    """What :func:`generate_demo` added and how long it took.

    Attributes:
        organisations: organisations inserted.
        persons: persons inserted.
        seconds: wall-clock time of the whole load, indexes and FTS included.
        db_bytes: size of the database file (plus WAL, if any) afterwards.
        phases: seconds per part (addresses with their indexes and search
            index, journal, sales, data quality, analytics and automation).
    """

    organisations: int
    persons: int
    seconds: float
    db_bytes: int
    phases: dict[str, float] = field(default_factory=dict)


def generate_demo(
    engine: Engine,
    *,
    organisations: int,
    persons: int,
    seed: int = 1,
    progress: ProgressSink = NullProgress(),  # noqa: B008 - stateless, never mutated
    now: dt.datetime | None = None,
) -> DemoResult:
    """Add demo organisations and persons to a migrated database.

    Args:
        engine: engine from :func:`app.db.engine.make_engine`; schema migrated.
        organisations: how many organisations to add.
        persons: how many persons to add; ~75% work for one of the new
            organisations (all are private customers if none are added).
        seed: the same seed, database and ``now`` give the same rows. Existing
            row counts are mixed into the seed, so a second run adds new rows
            instead of colliding with the first.
        progress: gets a report and a cancel check per batch; cancelling rolls
            everything back.
        now: the time ``created_at`` values spread back five years from
            (timezone-aware); pass a fixed value for reproducible output.

    Returns:
        Counts, elapsed seconds and the resulting database size.

    Raises:
        Cancelled: the sink cancelled; the database is unchanged.
        ValueError: a negative count or a naive ``now``.
    """
    if organisations < 0 or persons < 0:
        raise ValueError("counts must not be negative")
    now = now or dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    started = time.perf_counter()
    phases: dict[str, float] = {}
    with engine.connect() as conn:
        saved = _set_pragmas(conn, _LOAD_PRAGMAS)
        try:
            with conn.begin():
                _load(
                    conn,
                    organisations=organisations,
                    persons=persons,
                    seed=seed,
                    progress=progress,
                    now=now,
                    phases=phases,
                )
        finally:
            _set_pragmas(conn, saved)
        # Copy the WAL into the database now, while the progress dialog is up,
        # not on the user's next save; TRUNCATE also frees its disk space.
        _driver(conn).execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    return DemoResult(
        organisations=organisations,
        persons=persons,
        seconds=time.perf_counter() - started,
        db_bytes=_db_bytes(engine),
        phases={k: round(v, 2) for k, v in phases.items()},
    )


def _load(
    conn: Connection,
    *,
    organisations: int,
    persons: int,
    seed: int,
    progress: ProgressSink,
    now: dt.datetime,
    phases: dict[str, float],
) -> None:
    clock = _PhaseClock(phases)
    counts = [
        conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
        for t in ("organisation", "person")
    ]
    rng = random.Random(f"relata-demo/{seed}/{counts[0]}/{counts[1]}")
    factory = RowFactory(rng, now=now, first_number=_next_customer_number(conn))
    _check_encoding(conn, factory)
    factory.user_ids = _ensure(conn, _USER, key="username", rows=factory.users)
    factory.industry_ids = _ensure(conn, _INDUSTRY, key="code", rows=factory.industries)

    total = organisations + persons
    journal = demo_journal.steps(organisations, persons)
    steps = total + journal + max(1, total // 4)  # the last fifth: the indexes
    sales_steps = demo_pipeline.demo_steps(organisations)
    steps += sales_steps
    progress.report(0, steps, "Preparing")
    for stmt in search_schema.drop_trigger_statements():
        conn.exec_driver_sql(stmt)
    index_sql = _drop_indexes(conn)
    writer = _BulkWriter(conn)
    done = 0
    for count, make, message in (
        (organisations, factory.organisations, "Generating organisations"),
        (persons, factory.persons, "Generating persons"),
    ):
        for start in range(0, count, BATCH):
            progress.check_cancelled()
            n = min(BATCH, count - start)
            for table, rows in make(n, frac=start / count, total=count).items():
                writer.insert(table, rows)
            done += n
            progress.report(done, steps, message)
    clock.lap("addresses")
    done = demo_journal.generate_journal(
        conn, factory, persons=persons, progress=progress, done=done, total_steps=steps
    )
    clock.lap("journal")
    progress.check_cancelled()
    progress.report(done, steps, "Rebuilding indexes")
    for sql in index_sql:
        conn.exec_driver_sql(sql)
    writer.finish()
    for stmt in search_schema.trigger_statements():
        conn.exec_driver_sql(stmt)
    clock.lap("indexes")
    demo_pipeline.generate_pipeline_demo(
        conn,
        organisations=organisations,
        seed=seed,
        now=now,
        progress=progress,
        done=steps - sales_steps,
        steps=sales_steps,
    )
    demo_exchange.generate_templates(conn, now=now)
    clock.lap("sales")
    progress.report(steps - 1, steps, "Adding custom fields, tags and segments")
    demo_quality.generate_quality_demo(
        conn,
        organisations=organisations,
        persons=persons,
        seed=seed,
        now=now,
        progress=progress,
    )
    clock.lap("quality")
    demo_analytics.generate_analytics_demo(conn, persons=persons, seed=seed, now=now)
    demo_automation.generate_automation_demo(conn, persons=persons, seed=seed, now=now)
    clock.lap("analytics_automation")
    progress.report(steps, steps, "Done")


class _PhaseClock:
    """Seconds since the previous lap, stored under each lap's name."""

    def __init__(self, phases: dict[str, float]) -> None:
        self._phases = phases
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self._phases[name] = now - self._last
        self._last = now


class _BulkWriter:
    """Inserts batches of row tuples and keeps both FTS indexes in step.

    The FTS indexes are fed one statement per batch, right after the insert:
    that reads the new rows while they are in the page cache and never
    re-indexes rows that were there before, ~50% cheaper than one ``rebuild``
    at the end on 1M persons, and FTS5's own incremental merging leaves an
    index as fast to query as an optimised one. The statements are
    :func:`search_schema.rebuild_statements` restricted to the new rowids;
    should their shape ever change, :meth:`finish` rebuilds instead.
    """

    _TABLES = ("person", "organisation")

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.append: dict[str, str] = {}
        for stmt in search_schema.rebuild_statements(summaries=False):
            for table in self._TABLES:
                if stmt.startswith(f"INSERT INTO {table}_fts(rowid,") and stmt.endswith(
                    f" FROM {table} WHERE {table}.deleted_at IS NULL"
                ):
                    self.append[table] = f"{stmt} AND {table}.rowid > ?"
        if len(self.append) != len(self._TABLES):
            self.append = {}

    def insert(self, table: Table, rows: list[Row]) -> None:
        """Insert ``rows`` into ``table`` and index them for search."""
        if not rows:
            return
        fts = self.append.get(table.name)
        last = (
            fts
            and self.conn.exec_driver_sql(
                f"SELECT coalesce(max(rowid), 0) FROM {table.name}"
            ).scalar_one()
        )
        cols = _COLUMNS[table]
        marks = ", ".join("?" * len(cols))
        sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({marks})"
        self.conn.exec_driver_sql(sql, rows)
        if fts:
            self.conn.exec_driver_sql(fts, (last,))

    def finish(self) -> None:
        """Rebuild the FTS indexes if the batches could not be fed."""
        if not self.append:
            for stmt in search_schema.rebuild_statements(summaries=False):
                self.conn.exec_driver_sql(stmt)


def _validate_columns() -> None:
    """Fail at import if the models gained a required column the generator does not fill."""
    for table, cols in _COLUMNS.items():
        unknown = set(cols) - set(table.c.keys())
        missing = {c.name for c in table.c if not c.nullable} - set(cols)
        if unknown or missing:
            raise RuntimeError(
                f"demo columns out of date for {table.name}: {unknown or missing}"
            )


def _check_encoding(conn: Connection, factory: RowFactory) -> None:
    """Prove that the hand-encoded values equal what the column types would store."""
    sample = factory.t0 + 123_456
    checks = [
        (
            _PERSON.c.created_at,
            dt.datetime.fromtimestamp(sample, dt.UTC),
            factory.stamp(sample),
        ),
        (_PERSON.c.field_revs, {}, _EMPTY_REVS),
        (_PERSON.c.birth_date, dt.date(1970, 1, 2), "1970-01-02"),
        (_CHANNEL.c.is_primary, True, 1),
    ]
    for column, value, ours in checks:
        process = column.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        stored = process(value) if process else value
        if stored != ours:
            raise RuntimeError(f"demo encoding drifted: {stored!r} != {ours!r}")


def _ensure(
    conn: Connection, table: Table, *, key: str, rows: list[dict[str, Any]]
) -> list[str]:
    """Ids of the demo users or industries (matched by ``key``), inserting missing ones.

    A Core insert on purpose: a handful of rows, typed values, no hand encoding.
    """
    have: dict[str, str] = dict(conn.execute(select(table.c[key], table.c.id)).all())
    new = [row for row in rows if row[key] not in have]
    if new:
        conn.execute(insert(table), new)
    return [have.get(row[key], row["id"]) for row in rows]


def _next_customer_number(conn: Connection) -> int:
    found = conn.exec_driver_sql(
        "SELECT max(CAST(substr(customer_number, 3) AS INTEGER)) FROM organisation "
        "WHERE customer_number LIKE 'K-%'"
    ).scalar_one()
    return int(found or 0) + 1


def _drop_indexes(conn: Connection) -> list[str]:
    """Drop the bulk tables' secondary indexes and return their CREATE sql.

    Primary-key and unique auto-indexes (``sql IS NULL``) cannot be dropped and stay.
    """
    tables = tuple(t.name for t in _COLUMNS)
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(tables))}) ORDER BY name",
        tables,
    ).all()
    for name, _sql in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]


def _driver(conn: Connection) -> Any:
    """The sqlite3 connection, to run pragmas outside SQLAlchemy's transaction."""
    return conn.connection.driver_connection


def _set_pragmas(conn: Connection, pragmas: dict[str, str]) -> dict[str, str]:
    """Set connection pragmas outside a transaction; return the previous values.

    ``foreign_keys=OFF`` for the load is safe because the generator only
    references rows it has just inserted or read (the tests run
    ``foreign_key_check``); it saves ~10%. ``synchronous=OFF`` and a bigger
    cache were measured too and gained nothing, so durability stays FULL.
    """
    raw = _driver(conn)
    saved = {name: str(raw.execute(f"PRAGMA {name}").fetchone()[0]) for name in pragmas}
    for name, value in pragmas.items():
        raw.execute(f"PRAGMA {name}={value}")
    return saved


def _db_bytes(engine: Engine) -> int:
    database = engine.url.database
    if not database or database == ":memory:":
        return 0
    path = Path(database)
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


class RowFactory(names.Vocabulary):
    """Assembles row tuples (in :data:`_COLUMNS` order) for the bulk tables.

    Organisations are generated first and remembered so that their people get
    matching e-mail domains, direct-dial numbers and towns. As the address
    rules require, each owner has one primary address, one primary e-mail and
    one primary phone-or-mobile, and each person one primary employment; the
    summary columns hold what the triggers would compute from those.
    """

    def __init__(
        self, rng: random.Random, *, now: dt.datetime, first_number: int
    ) -> None:
        super().__init__(rng)
        self.now_s = int(now.timestamp())
        self.t0 = self.now_s - 5 * 365 * 86400
        self._day0 = self.t0 - self.t0 % 86400
        self._days = [
            time.strftime("%Y-%m-%d ", time.gmtime(self._day0 + d * 86400))
            for d in range((self.now_s - self._day0) // 86400 + 2)
        ]
        self._tod = [
            f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000"
            for s in range(86400)
        ]
        self.number = first_number
        self.users = self._fixed_rows("user", names.USERS)
        self.industries = self._fixed_rows(
            "industry", [i[:2] for i in names.INDUSTRIES]
        )
        self.user_ids = [u["id"] for u in self.users]
        self.industry_ids = [i["id"] for i in self.industries]
        # organisations so far: (id, name, domain, place index, phone, owner, status,
        # e-mail scheme); employer weights follow a Pareto curve: few big, many small
        self.orgs: list[tuple[str, str, str, int, str, str, str, str]] = []
        self._org_weight: list[float] = []
        self._org_cw: list[float] = []

    def stamp(self, sec: int) -> str:
        """Unix time ``sec`` encoded as the ``UTCDateTime`` column stores it."""
        return self._days[(sec - self._day0) // 86400] + self._tod[sec % 86400]

    def _secs(self, n: int, *, frac: float, total: int) -> list[int]:
        """Sorted creation times for a batch; the batches tile the five years in order."""
        span = self.now_s - self.t0
        lo, width = self.t0 + span * frac, span * n / total
        return sorted(int(lo + self.r() * width) for _ in range(n))

    def _sync(self, owner: str, sec: int) -> Row:
        """The sync columns: never synced, created at ``sec``, some edited since."""
        updated = sec if self.r() < 0.6 else sec + int(self.r() * (self.now_s - sec))
        return (0, _EMPTY_REVS, owner, self.stamp(sec), self.stamp(updated))

    def _fixed_rows(
        self, kind: str, items: Sequence[tuple[str, str]]
    ) -> list[dict[str, Any]]:
        """Users or industries as typed dicts; uuid5 ids so reruns and devices agree."""
        created = dt.datetime.fromtimestamp(self.t0, dt.UTC)
        rows: list[dict[str, Any]] = []
        for key, label in items:
            uid = str(uuid.uuid5(_ID_NAMESPACE, f"{kind}/{key}"))
            row = {
                "id": uid,
                "rev": 0,
                "field_revs": {},
                "created_at": created,
                "updated_at": created,
            }
            if kind == "user":
                first, last = (names.ascii_slug(part) for part in label.split(" ", 1))
                email = f"{first}.{last}@{names.USER_DOMAIN}"
                row |= {"username": key, "display_name": label, "email": email}
            else:
                row |= {"code": key, "name": label}
            rows.append(row)
        return rows

    def _address(
        self, owner: str, *, org: bool, kind: str, place: names.Place, sync: Row
    ) -> Row:
        """The owner's primary street address."""
        street, number = self.street(place)
        owners = (owner, None) if org else (None, owner)
        return (
            self.child_id(owner[:15]),
            *owners,
            kind,
            street,
            number,
            "",
            "",
            place[0],
            place[1],
            place[2],
            place[5],
            1,
            0,
            *sync,
        )

    def organisations(
        self, n: int, *, frac: float, total: int
    ) -> dict[Table, list[Row]]:
        """``n`` organisations with main address (billing address for some), phone,
        e-mail and web site."""
        r, pick, child = self.r, self.pick, self.child_id
        orgs: list[Row] = []
        addresses: list[Row] = []
        channels: list[Row] = []
        place_ix = self.rng.choices(
            range(len(self.places)), cum_weights=self.place_cw, k=n
        )
        for sec, pi in zip(
            self._secs(n, frac=frac, total=total), place_ix, strict=True
        ):
            place = self.places[pi]
            oid, owner = self.uuid7(sec), pick(self.user_ids)
            prefix, sync = oid[:15], self._sync(owner, sec)
            industry = int(r() * len(self.industry_ids))
            name, form, core = self.org_name(place, industry)
            domain = self.domain(core, place)
            phone = self.landline(place)
            if r() < 0.6:
                phone = phone[:-2] + "00"  # switchboards end in 00
            mailbox = names.ORG_MAILBOX[names.naming_context(place)]
            email = f"{mailbox}@{domain}" if r() < 0.9 else ""
            status, number = pick(names.ORG_STATUS), f"K-{self.number:06d}"
            self.number += 1
            notes = pick(names.ORG_NOTES) if r() < 0.05 else ""
            head = (
                oid,
                name,
                form,
                number,
                self.uid(place),
                self.industry_ids[industry],
            )
            summary = (email, phone, place[0], place[1])
            orgs.append((*head, status, notes, *summary, *sync))
            main = self._address(oid, org=True, kind="main", place=place, sync=sync)
            if r() < 0.05:  # "2. Stock", "c/o …"
                main = (*main[:6], pick(names.ADDRESS_EXTRAS), *main[7:])
            addresses.append(main)
            if r() < 0.1:
                box = {"fr": "Case postale", "it": "Casella postale"}.get(
                    place[4], "Postfach"
                )
                box = f"{box} {1 + int(r() * 9999)}"
                post = (box, place[0], place[1], place[2], place[5])
                billing = (child(prefix), oid, None, "billing", "", "", "", *post)
                addresses.append((*billing, 0, 1, *sync))
            channels.append(
                (child(prefix), oid, None, "phone", phone, "Zentrale", 1, 0, *sync)
            )
            if email:
                channels.append(
                    (child(prefix), oid, None, "email", email, "", 1, 1, *sync)
                )
            if r() < 0.8:
                web = f"https://www.{domain}"
                channels.append((child(prefix), oid, None, "web", web, "", 1, 2, *sync))
            scheme = pick(names.WORK_MAIL)
            self.orgs.append((oid, name, domain, pi, phone, owner, status, scheme))
            self._org_weight.append(min(self.rng.paretovariate(1.2), 60.0))
        return {_ORG: orgs, _ADDRESS: addresses, _CHANNEL: channels}

    def persons(self, n: int, *, frac: float, total: int) -> dict[Table, list[Row]]:
        """``n`` persons: ~75% contacts of an organisation (role, work e-mail at its
        domain, direct dial), the rest private customers with a home address."""
        r, pick, child = self.r, self.pick, self.child_id
        people: list[Row] = []
        jobs: list[Row] = []
        addresses: list[Row] = []
        channels: list[Row] = []
        if len(self._org_cw) != len(self.orgs):
            self._org_cw = list(itertools.accumulate(self._org_weight))
        place_ix = self.rng.choices(
            range(len(self.places)), cum_weights=self.place_cw, k=n
        )
        employers: list[Any] = [None] * n
        if self.orgs:
            employers = self.rng.choices(self.orgs, cum_weights=self._org_cw, k=n)
        secs = self._secs(n, frac=frac, total=total)
        for sec, pi, org in zip(secs, place_ix, employers, strict=True):
            pid = self.uuid7(sec)
            prefix = pid[:15]
            if org is not None and r() < 0.75:
                place, owner, status = self.places[org[3]], org[5], org[6]
            else:
                org, place = None, self.places[pi]
                owner, status = pick(self.user_ids), pick(names.PERSON_STATUS)
            sync = self._sync(owner, sec)
            origin = pick(self.origins[names.naming_context(place)])
            female = r() < 0.5
            first, last = pick(names.NAMES[origin][not female]), pick(self.last[origin])
            lang = place[4]
            if origin == "en" or (origin in ("fr", "it") and r() < 0.5):
                lang = origin
            f, l_ = self.slug(first), self.slug(last)
            email = phone = mobile = ""
            if org is not None:
                if r() < 0.9:
                    email = org[7].format(f=f, i=f[0], l=l_) + "@" + org[2]
                if r() < 0.6:
                    phone = f"{org[4][:-2]}{10 + int(r() * 90)}"  # direct dial
                if r() < 0.45:
                    mobile = self.mobile(place[5])
            else:
                if r() < 0.7:
                    local = pick(names.PRIVATE_MAIL_LOCAL)
                    local = local.format(f=f, i=f[0], l=l_, n=10 + int(r() * 90))
                    email = f"{local}@{pick(names.PRIVATE_MAIL[place[5]])}"
                if r() < 0.3:
                    phone = self.landline(place)
                if r() < 0.8:
                    mobile = self.mobile(place[5])
            label = "Privat" if org is None else "Direkt"
            kinds = (
                ("email", email, ""),
                ("mobile", mobile, ""),
                ("phone", phone, label),
            )
            for position, (kind, value, text) in enumerate(k for k in kinds if k[1]):
                # one primary per group; phone and mobile are one group (address_rules)
                primary = int(kind != "phone" or not mobile)
                channel = (
                    child(prefix),
                    None,
                    pid,
                    kind,
                    value,
                    text,
                    primary,
                    position,
                )
                channels.append((*channel, *sync))
            # own home address, else the employer's place (search_schema summary)
            org_name = ""
            postcode, city = place[0], place[1]
            if org is None or r() < 0.08:
                addresses.append(
                    self._address(pid, org=False, kind="home", place=place, sync=sync)
                )
            if org is not None:
                org_name = org[1]
                role = pick(names.ROLES[place[4]])[female]
                jobs.append((child(prefix), pid, org[0], role, 1, *sync))
                if r() < 0.04 and (board := pick(self.orgs)) is not org:
                    role = pick(names.BOARD_ROLES)
                    jobs.append((child(prefix), pid, board[0], role, 0, *sync))
            birth = None
            if r() < (0.6 if org is None else 0.2):
                birth = dt.date.fromordinal(
                    _BIRTH_MIN + int(r() * _BIRTH_SPAN)
                ).isoformat()
            salutation = "ms" if female else "mr"
            title = pick(names.TITLES) if r() < 0.03 else ""
            head = (pid, first, last, salutation, title, lang, birth, status, "")
            summary = (org_name, email, mobile or phone, postcode, city)
            people.append((*head, *summary, *sync))
        return {
            _PERSON: people,
            _EMPLOYMENT: jobs,
            _ADDRESS: addresses,
            _CHANNEL: channels,
        }


_validate_columns()
