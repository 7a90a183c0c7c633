"""Writing an analysed import: Core bulk inserts and updates in one transaction.

The address tables keep summary columns and FTS5 indexes by triggers. Firing
them per row made a 100k import spend most of its time in trigger SQL, so the
commit does what the demo loader does (``app/services/demo.py``): it drops the
triggers inside its transaction, writes new rows with their summaries computed
here by the triggers' rules (primary first, then position), feeds FTS for the
new rowids in one statement per table, and for *updated* rows removes their FTS
entries first, then recomputes summaries and re-indexes just those rows.
The triggers come back before the commit; a cancel rolls the DDL back too.

Every written row is recorded for undo (created ids in chunks, before-images of
updated columns) and returned as :class:`WrittenRow` for the sync outbox.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from sqlalchemy import Connection

from app.db import search_schema
from app.domain.exchange import WrittenRow
from app.exchange.values import fold
from app.models.pipeline import DEFAULT_PIPELINE_ID, default_stage_id

CHUNK = 500
ADDRESS_FIELDS = (
    "street",
    "house_number",
    "extra",
    "po_box",
    "postcode",
    "city",
    "region",
    "country",
)
_SYNC_COLS = ("rev", "field_revs", "owner_id", "created_at", "updated_at")
#: A default meaning "the run's stamp" (``stage_entered_at`` of a new opportunity).
STAMP = "\x00stamp"


def stamp_text(value: dt.datetime) -> str:
    """A UTC time as the ``UTCDateTime`` columns store it in SQLite."""
    return (
        value.astimezone(dt.UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    )


_MASK74 = (1 << 74) - 1
_MASK62 = (1 << 62) - 1
_VARIANT = 0b10 << 62


_HEX2 = tuple(f"{i:02x}" for i in range(256))


class IdMaker:
    """Time-ordered UUIDv7 ids: new rows append to the primary-key indexes.

    48 bits of milliseconds, then a per-run random 74-bit number plus a
    counter, so ids of one run are unique and ascending, and ids of runs on
    other devices collide with negligible probability. ``uuid.UUID()`` plus
    ``os.urandom`` per id cost 4 µs; this costs ~0.2 (ids come in runs of
    256 that share all but the last two hex digits: one concatenation each).
    """

    def __init__(self, now_ms: int) -> None:
        self._ms = now_ms & ((1 << 48) - 1)
        self._rand = int.from_bytes(os.urandom(10), "big") >> 6  # 74 bits
        #: the next id (cheaper to call than the instance)
        self.next: Callable[[], str] = self._ids().__next__

    def __call__(self) -> str:
        return self.next()

    def _ids(self) -> Iterator[str]:
        rand = self._rand  # read at the first id (a test sets its start)
        while True:
            rand = (rand + 1) & _MASK74  # the next id's number
            h = f"{self._ms << 16 | 0x7000 | rand >> 62:016x}"
            low = _VARIANT | rand & _MASK62
            text = f"{low:016x}"
            head = f"{h[:8]}-{h[8:12]}-{h[12:]}-{text[:4]}-{text[4:14]}"
            first = low & 0xFF
            # the numbers up to the next multiple of 256 differ in the last
            # byte only (a carry past bit 62 or 74 starts at a multiple of 256)
            for last in _HEX2[first:]:
                yield head + last
            rand += 0xFF - first


class WrittenLog(Sequence[WrittenRow]):
    """What a run wrote, for the sync outbox, stored compactly.

    Bulk inserts are kept as (table, fields, ids) runs and expanded to
    :class:`WrittenRow` only when read: half a million tuples cost ~90 MB.
    """

    def __init__(self) -> None:
        self._runs: list[tuple[str, str, frozenset[str], list[str]]] = []
        self._size = 0

    def add(self, table: str, op: str, fields: frozenset[str], ids: list[str]) -> None:
        """Record that ``ids`` of ``table`` were written with ``op``."""
        if ids:
            self._runs.append((table, op, fields, ids))
            self._size += len(ids)

    def append(self, row: WrittenRow) -> None:
        """Record one written row."""
        self.add(row.table, row.op, row.fields, [row.id])

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[WrittenRow]:
        for table, op, fields, ids in self._runs:
            for rid in ids:
                yield WrittenRow(table, rid, op, fields)

    @overload
    def __getitem__(self, index: int) -> WrittenRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[WrittenRow]: ...
    def __getitem__(self, index: int | slice) -> WrittenRow | Sequence[WrittenRow]:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._size
        for table, op, fields, ids in self._runs:
            if index < len(ids):
                return WrittenRow(table, ids[index], op, fields)
            index -= len(ids)
        raise IndexError(index)

    def tables(self) -> set[str]:
        """Tables that were written."""
        return {run[0] for run in self._runs}

    def ids_of(self, *tables: str) -> set[str]:
        """Ids written to ``tables``."""
        return {rid for run in self._runs if run[0] in tables for rid in run[3]}

    def insert_counts(self) -> dict[str, int]:
        """Rows inserted per table."""
        out: dict[str, int] = defaultdict(int)
        for table, op, _fields, ids in self._runs:
            if op == "insert":
                out[table] += len(ids)
        return dict(out)

    def extend(self, other: WrittenLog) -> None:
        """Append what ``other`` recorded."""
        for run in other._runs:
            self.add(*run)

    def without_inserts(self, tables: set[str]) -> WrittenLog:
        """The same log minus the inserts into ``tables`` (queued elsewhere)."""
        out = WrittenLog()
        for table, op, fields, ids in self._runs:
            if not (op == "insert" and table in tables):
                out.add(table, op, fields, ids)
        return out


@dataclass(frozen=True)
class EntityTables:
    """How an importable entity lies in the tables."""

    table: str
    owner_col: str
    columns: Mapping[str, str]
    defaults: Mapping[str, Any]
    channels: Mapping[str, str]
    address_kind: str
    #: one row per record, no channels/addresses, no summaries of ours
    flat: bool = False


PERSON_TABLES = EntityTables(
    table="person",
    owner_col="person_id",
    columns={
        "salutation": "salutation",
        "title": "title",
        "first_name": "first_name",
        "last_name": "last_name",
        "birth_date": "birth_date",
        "language": "language",
        "status": "status",
        "notes": "notes",
        "owner_id": "owner_id",
    },
    defaults={
        "salutation": "",
        "title": "",
        "first_name": "",
        "last_name": "",
        "birth_date": None,
        "language": "de",
        "status": "prospect",
        "notes": "",
        "owner_id": None,
    },
    channels={"email": "email", "mobile": "mobile", "phone": "phone", "web": "web"},
    address_kind="home",
)
ORGANISATION_TABLES = EntityTables(
    table="organisation",
    owner_col="organisation_id",
    columns={
        "name": "name",
        "legal_form": "legal_form",
        "customer_number": "customer_number",
        "uid": "uid",
        "industry_id": "industry_id",
        "status": "status",
        "notes": "notes",
        "owner_id": "owner_id",
    },
    defaults={
        "name": "",
        "legal_form": "",
        "customer_number": "",
        "uid": "",
        "industry_id": None,
        "status": "prospect",
        "notes": "",
        "owner_id": None,
    },
    channels={"email": "email", "phone": "phone", "web": "web"},
    address_kind="main",
)
LEAD_TABLES = EntityTables(
    table="lead",
    owner_col="lead_id",
    columns={
        "first_name": "first_name",
        "last_name": "last_name",
        "company": "company",
        "job_title": "job_title",
        "email": "email",
        "phone": "phone",
        "postcode": "postcode",
        "city": "city",
        "region": "region",
        "country": "country",
        "industry_id": "industry_id",
        "source": "source",
        "status": "status",
        "notes": "notes",
        "owner_id": "owner_id",
        # not importable; the column is NOT NULL without a database default
        "disqualify_reason": "disqualify_reason",
    },
    defaults={
        "disqualify_reason": "",
        "first_name": "",
        "last_name": "",
        "company": "",
        "job_title": "",
        "email": "",
        "phone": "",
        "postcode": "",
        "city": "",
        "region": "",
        "country": "CH",
        "industry_id": None,
        "source": "import",
        "status": "unqualified",
        "notes": "",
        "owner_id": None,
    },
    channels={},
    address_kind="",
    flat=True,
)
#: Opportunities: references (organisation, contact, pipeline, stage) are
#: resolved to ids by :mod:`app.services.import_links` during the analysis.
OPPORTUNITY_TABLES = EntityTables(
    table="opportunity",
    owner_col="opportunity_id",
    columns={
        "title": "title",
        "organisation_id": "organisation_id",
        "person_id": "person_id",
        "pipeline_id": "pipeline_id",
        "stage_id": "stage_id",
        "outcome": "outcome",
        "amount_minor": "amount_minor",
        "currency": "currency",
        "probability": "probability",
        "close_date": "close_date",
        "closed_on": "closed_on",
        "source": "source",
        "next_step": "next_step",
        "notes": "notes",
        "owner_id": "owner_id",
        # not importable; NOT NULL columns without a database default
        "amount_from_lines": "amount_from_lines",
        "lost_reason": "lost_reason",
        "competitor": "competitor",
        "stage_entered_at": "stage_entered_at",
    },
    defaults={
        "title": "",
        "organisation_id": None,
        "person_id": None,
        "pipeline_id": DEFAULT_PIPELINE_ID,
        "stage_id": default_stage_id("qualification"),
        "outcome": "open",
        "amount_minor": 0,
        "currency": "CHF",
        "probability": 10,
        "close_date": None,
        "closed_on": None,
        "source": "import",
        "next_step": "",
        "notes": "",
        "owner_id": None,
        "amount_from_lines": 0,
        "lost_reason": "",
        "competitor": "",
        "stage_entered_at": STAMP,
    },
    channels={},
    address_kind="",
    flat=True,
)


@dataclass
class Current:
    """A matched record as stored: field values and the ids of its parts."""

    id: str
    updated_at: dt.datetime | None
    values: dict[str, Any] = field(default_factory=dict)
    channel_ids: dict[str, str] = field(default_factory=dict)
    address_id: str | None = None
    employment_id: str | None = None
    #: organisation id → (employment id, role, is_primary)
    employments: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    next_position: int = 0


def _chunks[T](items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _parse_stamp(text: Any) -> dt.datetime | None:
    if text is None:
        return None
    value = (
        text if isinstance(text, dt.datetime) else dt.datetime.fromisoformat(str(text))
    )
    return value.replace(tzinfo=dt.UTC)


def load_current(
    conn: Connection, tables: EntityTables, ids: Sequence[str]
) -> dict[str, Current]:
    """The stored values of records ``ids`` (live ones), for diffing."""
    out: dict[str, Current] = {}
    cols = list(tables.columns.values())
    owner = tables.owner_col
    for part in _chunks(ids):
        marks = _marks(len(part))
        for row in conn.exec_driver_sql(
            f"SELECT id, updated_at, {', '.join(cols)} FROM {tables.table} "
            f"WHERE id IN ({marks}) AND deleted_at IS NULL",
            tuple(part),
        ):
            rec = Current(row[0], _parse_stamp(row[1]))
            for key, value in zip(tables.columns, row[2:], strict=True):
                rec.values[key] = value
            out[row[0]] = rec
        if tables.flat:
            continue
        for cid, oid, kind, value, position in conn.exec_driver_sql(
            f"SELECT id, {owner}, kind, value, position FROM channel WHERE {owner} "
            f"IN ({marks}) AND deleted_at IS NULL "
            "ORDER BY is_primary DESC, position, created_at",
            tuple(part),
        ):
            cur = out.get(oid)
            if cur is None:
                continue
            cur.next_position = max(cur.next_position, position + 1)
            for fname, ckind in tables.channels.items():
                if ckind == kind and fname not in cur.channel_ids:
                    cur.channel_ids[fname] = cid
                    cur.values[fname] = value
        for row in conn.exec_driver_sql(
            f"SELECT id, {owner}, {', '.join(ADDRESS_FIELDS)} FROM address "
            f"WHERE {owner} IN ({marks}) AND deleted_at IS NULL "
            "ORDER BY is_primary DESC, position, created_at",
            tuple(part),
        ):
            cur = out.get(row[1])
            if cur is None or cur.address_id is not None:
                continue
            cur.address_id = row[0]
            cur.values.update(zip(ADDRESS_FIELDS, row[2:], strict=True))
        if tables.table == "person":
            for eid, pid, oid, role, name, primary in conn.exec_driver_sql(
                "SELECT e.id, e.person_id, e.organisation_id, e.role, o.name, "
                "e.is_primary "
                "FROM employment e JOIN organisation o ON o.id = e.organisation_id "
                f"WHERE e.person_id IN ({marks}) AND e.deleted_at IS NULL "
                "AND o.deleted_at IS NULL ORDER BY e.is_primary DESC, e.created_at",
                tuple(part),
            ):
                cur = out.get(pid)
                if cur is None:
                    continue
                cur.employments.setdefault(oid, (eid, role, primary))
                if cur.employment_id is None:
                    cur.employment_id = eid
                    cur.values["organisation"] = name
                    cur.values["role"] = role
    if "industry_id" in tables.columns and out:
        industry: dict[str, str] = dict(
            conn.exec_driver_sql(
                "SELECT id, name FROM industry WHERE deleted_at IS NULL"
            ).all()
        )
        for rec in out.values():
            rec.values["industry"] = industry.get(rec.values.get("industry_id") or "")
    return out


def same(field_name: str, stored: Any, new: Any) -> bool:
    """Whether an import value equals the stored one (empty = empty, names folded)."""
    if stored in ("", None) and new in ("", None):
        return True
    if field_name in ("organisation", "industry", "email"):
        return fold(str(stored or "")) == fold(str(new or ""))
    if isinstance(stored, str) and isinstance(new, dt.date):
        return stored == new.isoformat()
    return bool(stored == new)


@dataclass
class Built:
    """Row tuples of one batch of new records, ready to insert."""

    ids: list[str]
    mains: list[tuple[str, Sequence[str], list[tuple[Any, ...]]]]
    channels: list[tuple[Any, ...]]
    addresses: list[tuple[Any, ...]]
    jobs: list[tuple[Any, ...]]


@dataclass
class Plan:
    """Rows to write, as decided by the analysis."""

    creates: list[dict[str, Any]] = field(default_factory=list)
    #: (current, changed fields → new value)
    updates: list[tuple[Current, dict[str, Any]]] = field(default_factory=list)


class BulkWriter:
    """Writes a :class:`Plan` for one entity and records undo data.

    Args:
        conn: the connection of the open import transaction.
        tables: person or organisation layout.
        run_id: the import run the undo records belong to.
        now: the stamp every written row gets as ``updated_at``.
    """

    def __init__(
        self, conn: Connection, tables: EntityTables, *, run_id: str, now: dt.datetime
    ) -> None:
        self.conn = conn
        self.t = tables
        self.run_id = run_id
        self.now = now
        self.stamp = stamp_text(now)
        self.new_id = IdMaker(int(now.timestamp() * 1000))
        #: set by the commit: new rows are indexed for search batch by batch
        self.search: SearchMaintenance | None = None
        self.written = WrittenLog()
        self.created: dict[str, list[str]] = defaultdict(list)
        self.befores: list[tuple[str, str, dict[str, Any]]] = []
        self._orgs: dict[str, tuple[str, str, str, str]] | None = None
        self._industries: dict[str, str] | None = None
        self._org_by_raw: dict[str, tuple[str, str, str, str]] = {}
        self._pending_updates: list[
            tuple[str, str, dict[str, Any], dict[str, Any]]
        ] = []
        self._pending_inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)

    # ---- ids and lookups

    def organisations(self) -> dict[str, tuple[str, str, str, str]]:
        """Live organisations by folded name or customer number: (id, name,
        postcode, city); a name wins over an equal customer number."""
        if self._orgs is None:
            self._orgs = {}
            by_number: dict[str, tuple[str, str, str, str]] = {}
            for oid, name, number, postcode, city in self.conn.exec_driver_sql(
                "SELECT id, name, customer_number, postcode, city FROM organisation "
                "WHERE deleted_at IS NULL ORDER BY created_at"
            ).all():
                self._orgs.setdefault(fold(name), (oid, name, postcode, city))
                if number:
                    by_number.setdefault(fold(number), (oid, name, postcode, city))
            # a persons sheet may name its organisation by customer number (the
            # cross-sheet key of a workbook with an organisations sheet)
            for number, org in by_number.items():
                self._orgs.setdefault(number, org)
        return self._orgs

    def industries(self) -> dict[str, str]:
        """Live industries by folded name → id."""
        if self._industries is None:
            self._industries = {
                fold(name): iid
                for iid, name in self.conn.exec_driver_sql(
                    "SELECT id, name FROM industry WHERE deleted_at IS NULL"
                )
            }
        return self._industries

    def ensure_organisation(self, name: str) -> tuple[str, str, str, str]:
        """The organisation called ``name``, created (name only) if missing.

        Returns (id, stored name, postcode, city).
        """
        hit = self._org_by_raw.get(name)
        if hit is not None:
            return hit
        orgs = self.organisations()
        key = fold(name)
        if key not in orgs:
            oid = self.new_id()
            self._insert("organisation", [self._org_stub(oid, name)])
            orgs[key] = (oid, name, "", "")
        self._org_by_raw[name] = orgs[key]
        return orgs[key]

    def ensure_industry(self, name: str) -> str:
        """The industry called ``name``, created if missing."""
        industries = self.industries()
        key = fold(name)
        if key not in industries:
            iid = self.new_id()
            self._insert(
                "industry",
                [{"id": iid, "name": name, "code": "", **self._sync(None)}],
            )
            industries[key] = iid
        return industries[key]

    def _org_stub(self, oid: str, name: str) -> dict[str, Any]:
        return {
            "id": oid,
            **ORGANISATION_TABLES.defaults,
            "name": name,
            "email": "",
            "phone": "",
            "postcode": "",
            "city": "",
            **self._sync(None),
        }

    def _sync(self, owner: str | None) -> dict[str, Any]:
        return {
            "rev": 0,
            "field_revs": "{}",
            "owner_id": owner,
            "created_at": self.stamp,
            "updated_at": self.stamp,
        }

    # ---- inserts

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        cols = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({_marks(len(cols))})"
        self.conn.exec_driver_sql(sql, [tuple(r.values()) for r in rows])
        fields = frozenset(c for c in cols if c not in ("rev", "field_revs"))
        ids = [r["id"] for r in rows]
        self.created[table] += ids
        self.written.add(table, "insert", fields, ids)

    def _insert_tuples(
        self, table: str, cols: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        """Insert row tuples (id first) in ``cols`` order; remember them for undo/sync."""
        if not rows:
            return
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({_marks(len(cols))})"
        self.conn.exec_driver_sql(sql, rows)
        fields = frozenset(c for c in cols if c not in ("rev", "field_revs"))
        ids = [r[0] for r in rows]
        self.created[table] += ids
        self.written.add(table, "insert", fields, ids)

    def create(self, rows: Sequence[dict[str, Any]]) -> list[str]:
        """Insert new records with their channels, address and employment."""
        built = self.build(rows)
        self.insert_built(built)
        if self.search is not None:
            self.search.caught_up()
        return built.ids

    def prepare(self, rows: Sequence[dict[str, Any]]) -> None:
        """Create the organisations and industries ``rows`` name, before building.

        After this, :meth:`build` never touches the connection, so it can run
        while another thread executes the previous batch's inserts.
        """
        for values in rows:
            if self.t.table == "person" and values.get("organisation"):
                if values.get("_org") is None:
                    self.ensure_organisation(values["organisation"])
            elif "industry_id" in self.t.columns and values.get("industry"):
                self.ensure_industry(values["industry"])

    def build(self, rows: Sequence[dict[str, Any]]) -> Built:
        """Row tuples of new records, in column order (no per-row dicts: at 100k
        records with ~5 rows each this loop is a third of the import's time)."""
        t = self.t
        is_person = t.table == "person"
        new_id = self.new_id.next
        stamp = self.stamp
        keys = list(t.columns)
        defaults = [t.defaults[k] for k in keys]
        channel_fields = list(t.channels.items())
        summary_cols: tuple[str, ...] = (
            "email",
            "phone",
            "postcode",
            "city",
            "org_name",
        )
        if t.flat:
            summary_cols = ()
        elif not is_person:
            summary_cols = summary_cols[:4]
        main_cols = (
            "id",
            *t.columns.values(),
            *summary_cols,
            "rev",
            "field_revs",
            "created_at",
            "updated_at",
        )
        mains: list[tuple[Any, ...]] = []
        channels: list[tuple[Any, ...]] = []
        addresses: list[tuple[Any, ...]] = []
        jobs: list[tuple[Any, ...]] = []
        ids: list[str] = []
        place_fields = [f for f in ADDRESS_FIELDS if f != "country"]
        birth_at = keys.index("birth_date") if is_person else -1
        industry_at = keys.index("industry_id") if "industry_id" in keys else -1
        # flat tables: columns that may hold a date or the stamp placeholder
        flat_fix = [
            i
            for i, (k, d) in enumerate(zip(keys, defaults, strict=True))
            if d is STAMP or k.endswith(("_date", "_on"))
        ]
        for values in rows:
            rid = new_id()
            ids.append(rid)
            get = values.get
            owner = get("owner_id")
            sync = (0, "{}", owner, stamp, stamp)
            main = [
                d if (v := get(k)) is None else v
                for k, d in zip(keys, defaults, strict=True)
            ]
            if is_person:
                birth = main[birth_at]
                if isinstance(birth, dt.date):
                    main[birth_at] = birth.isoformat()
            elif industry_at >= 0:
                industry = get("industry")
                if industry:
                    main[industry_at] = self.ensure_industry(industry)
            if t.flat:
                for at in flat_fix:
                    value = main[at]
                    if value is STAMP:
                        main[at] = stamp
                    elif isinstance(value, dt.date):
                        main[at] = value.isoformat()
                mains.append((rid, *main, 0, "{}", stamp, stamp))
                continue
            owners = (None, rid) if is_person else (rid, None)
            # channels in form order; one primary per group (phone+mobile is one)
            position = 0
            summary_email = summary_phone = ""
            has_mobile = bool(get("mobile"))
            for fname, kind in channel_fields:
                value = get(fname)
                if not value:
                    continue
                primary = int(kind != "phone" or not has_mobile)
                channels.append(
                    (new_id(), *owners, kind, value, "", primary, position, *sync)
                )
                position += 1
                if kind == "email":
                    summary_email = value
                elif primary and kind in ("phone", "mobile"):
                    summary_phone = value
            postcode = city = org_name = ""
            employer = get("organisation") if is_person else None
            if any(get(f) for f in place_fields):
                addr = [get(f) or "" for f in ADDRESS_FIELDS]
                addr[-1] = addr[-1] or "CH"
                kind = "main" if not is_person or employer else t.address_kind
                addresses.append((new_id(), *owners, kind, *addr, 1, 0, *sync))
                postcode, city = addr[4], addr[5]
            if employer:
                ref = get("_org")
                oid, org_name, opc, ocity = (
                    ref if ref is not None else self.ensure_organisation(employer)
                )
                jobs.append((new_id(), rid, oid, get("role") or "", 1, *sync))
                # a contact's own address first, else the employer's place
                postcode, city = postcode or opc, city or ocity
            summary: tuple[str, ...] = (summary_email, summary_phone, postcode, city)
            if is_person:
                summary += (org_name,)
            mains.append((rid, *main, *summary, 0, "{}", stamp, stamp))
        return Built(ids, [(t.table, main_cols, mains)], channels, addresses, jobs)

    def insert_built(self, built: Built) -> None:
        """Execute the inserts of :meth:`build`; the new rows' search entries are
        written behind (``SearchMaintenance.feed_behind``) while Python goes on."""
        if self.search is not None:
            self.search.caught_up()
        for table, cols, rows in built.mains:
            self._insert_tuples(table, cols, rows)
        owner_cols = ("organisation_id", "person_id")
        channels, addresses, jobs = built.channels, built.addresses, built.jobs
        self._insert_tuples(
            "channel",
            (
                "id",
                *owner_cols,
                "kind",
                "value",
                "label",
                "is_primary",
                "position",
                *_SYNC_COLS,
            ),
            channels,
        )
        self._insert_tuples(
            "address",
            (
                "id",
                *owner_cols,
                "kind",
                *ADDRESS_FIELDS,
                "is_primary",
                "position",
                *_SYNC_COLS,
            ),
            addresses,
        )
        self._insert_tuples(
            "employment",
            ("id", "person_id", "organisation_id", "role", "is_primary", *_SYNC_COLS),
            jobs,
        )
        if self.search is not None and not self.t.flat:
            self.search.feed_behind(self.t.table)

    # ---- updates

    def update(self, updates: Sequence[tuple[Current, dict[str, Any]]]) -> None:
        """Write changed fields of matched records; keep before-images for undo."""
        t = self.t
        is_person = t.table == "person"
        grouped: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
        for cur, changes in updates:
            cols: dict[str, Any] = {}
            for key, value in changes.items():
                if key in t.columns:
                    cols[t.columns[key]] = t.defaults[key] if value is None else value
                elif key == "industry":
                    cols["industry_id"] = self.ensure_industry(value) if value else None
            for name, value in cols.items():
                if isinstance(value, dt.date):
                    cols[name] = value.isoformat()
            if "stage_id" in cols and "stage_entered_at" in t.columns:
                cols["stage_entered_at"] = self.stamp
            if cols:
                before = {
                    c: cur.values.get(k) for k, c in t.columns.items() if c in cols
                }
                if "industry_id" in cols:
                    before["industry_id"] = cur.values.get("industry_id")
                self._before(t.table, cur, before)
                names = tuple(sorted(cols))
                grouped[names].append((*(cols[n] for n in names), self.stamp, cur.id))
                self.written.append(
                    WrittenRow(t.table, cur.id, "update", frozenset(names))
                )
            if not t.flat:
                self._update_channels(cur, changes)
                self._update_address(cur, changes)
            if is_person and ("organisation" in changes or "role" in changes):
                self._update_employment(cur, changes)
        for names, params in grouped.items():
            sets = ", ".join(f"{n} = ?" for n in names)
            self.conn.exec_driver_sql(
                f"UPDATE {t.table} SET {sets}, updated_at = ? WHERE id = ?", params
            )

    def _before(self, table: str, cur: Current, values: dict[str, Any]) -> None:
        data = dict(values)
        data["updated_at"] = stamp_text(cur.updated_at) if cur.updated_at else None
        self.befores.append((table, cur.id, data))

    def _child_update(
        self, table: str, rid: str, cols: dict[str, Any], before: dict[str, Any]
    ) -> None:
        """Queue an update of a channel, address or employment (see :meth:`flush`)."""
        self._pending_updates.append((table, rid, cols, before))

    def _queue_insert(self, table: str, row: dict[str, Any]) -> None:
        self._pending_inserts[table].append(row)

    def flush(self) -> None:
        """Write queued child updates and inserts, grouped into executemany calls."""
        pending, self._pending_updates = self._pending_updates, []
        stamps: dict[tuple[str, str], Any] = {}
        by_table: dict[str, list[str]] = defaultdict(list)
        for table, rid, _cols, _before in pending:
            by_table[table].append(rid)
        for table, ids in by_table.items():
            for part in _chunks(ids):
                for rid, updated in self.conn.exec_driver_sql(
                    f"SELECT id, updated_at FROM {table} WHERE id IN ({_marks(len(part))})",
                    tuple(part),
                ).all():
                    stamps[(table, rid)] = updated
        grouped: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = defaultdict(
            list
        )
        for table, rid, cols, before in pending:
            data = dict(before)
            data["updated_at"] = stamps.get((table, rid))
            self.befores.append((table, rid, data))
            names = tuple(cols)
            grouped[(table, names)].append((*cols.values(), self.stamp, rid))
            self.written.append(WrittenRow(table, rid, "update", frozenset(names)))
        for (table, names), params in grouped.items():
            sets = ", ".join(f"{n} = ?" for n in names)
            self.conn.exec_driver_sql(
                f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?", params
            )
        inserts, self._pending_inserts = self._pending_inserts, defaultdict(list)
        for table, rows in inserts.items():
            self._insert(table, rows)

    def _update_channels(self, cur: Current, changes: Mapping[str, Any]) -> None:
        t = self.t
        is_person = t.table == "person"
        for fname, kind in t.channels.items():
            if fname not in changes:
                continue
            value = changes[fname]
            cid = cur.channel_ids.get(fname)
            if cid and value:
                self._child_update(
                    "channel", cid, {"value": value}, {"value": cur.values.get(fname)}
                )
            elif cid:
                self._child_update(
                    "channel", cid, {"deleted_at": self.stamp}, {"deleted_at": None}
                )
            elif value:
                row = {
                    "id": self.new_id(),
                    "organisation_id": None if is_person else cur.id,
                    "person_id": cur.id if is_person else None,
                    "kind": kind,
                    "value": value,
                    "label": "",
                    "is_primary": int(
                        not any(
                            k in cur.channel_ids
                            for k, ck in t.channels.items()
                            if (ck in ("phone", "mobile"))
                            == (kind in ("phone", "mobile"))
                            and (kind in ("phone", "mobile") or ck == kind)
                        )
                    ),
                    "position": cur.next_position,
                    **self._sync(cur.values.get("owner_id")),
                }
                cur.next_position += 1
                cur.channel_ids[fname] = row["id"]
                self._queue_insert("channel", row)

    def _update_address(self, cur: Current, changes: Mapping[str, Any]) -> None:
        t = self.t
        wanted = {f: changes[f] for f in ADDRESS_FIELDS if f in changes}
        if not wanted:
            return
        if cur.address_id:
            cols = {
                f: (v or ("CH" if f == "country" else "")) for f, v in wanted.items()
            }
            before = {f: cur.values.get(f) for f in cols}
            self._child_update("address", cur.address_id, cols, before)
            return
        if not any(v for f, v in wanted.items() if f != "country"):
            return
        is_person = t.table == "person"
        addr = {f: wanted.get(f) or "" for f in ADDRESS_FIELDS}
        addr["country"] = addr["country"] or "CH"
        row = {
            "id": self.new_id(),
            "organisation_id": None if is_person else cur.id,
            "person_id": cur.id if is_person else None,
            "kind": t.address_kind,
            **addr,
            "is_primary": 1,
            "position": 0,
            **self._sync(cur.values.get("owner_id")),
        }
        cur.address_id = row["id"]
        self._queue_insert("address", row)

    def _update_employment(self, cur: Current, changes: Mapping[str, Any]) -> None:
        name = changes.get("organisation", cur.values.get("organisation"))
        role = changes.get("role", cur.values.get("role")) or ""
        if not name:
            if cur.employment_id and "organisation" in changes:
                self._child_update(
                    "employment",
                    cur.employment_id,
                    {"deleted_at": self.stamp},
                    {"deleted_at": None},
                )
            return
        ref = changes.get("_org")
        oid = ref[0] if ref is not None else self.ensure_organisation(name)[0]
        if cur.employment_id and same(
            "organisation", cur.values.get("organisation"), name
        ):
            if not same("role", cur.values.get("role"), role):
                self._child_update(
                    "employment",
                    cur.employment_id,
                    {"role": role},
                    {"role": cur.values.get("role")},
                )
            return
        if cur.employment_id:
            self._child_update(
                "employment", cur.employment_id, {"is_primary": 0}, {"is_primary": 1}
            )
        existing = cur.employments.get(oid)
        if existing:
            self._child_update(
                "employment",
                existing[0],
                {"is_primary": 1, "role": role},
                {"is_primary": existing[2], "role": existing[1]},
            )
            return
        self._queue_insert(
            "employment",
            {
                "id": self.new_id(),
                "person_id": cur.id,
                "organisation_id": oid,
                "role": role,
                "is_primary": 1,
                **self._sync(cur.values.get("owner_id")),
            },
        )

    # ---- external ids and undo records

    def external_refs(self, entity: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Remember ``(external id, record id)`` pairs for the External-ID key."""
        rows = [(entity, ext, rid) for ext, rid in pairs]
        if rows:
            self.conn.exec_driver_sql(
                "INSERT OR REPLACE INTO external_ref (entity, external_id, record_id) "
                "VALUES (?, ?, ?)",
                rows,
            )

    def record_undo(self) -> None:
        """Store created ids (chunked) and before-images in ``import_run_item``."""
        items: list[tuple[Any, ...]] = []
        for table, ids in self.created.items():
            for part in _chunks(ids, 5000):
                items.append(
                    (self.run_id, table, "create", None, json.dumps(list(part)), None)
                )
        for table, rid, before in self.befores:
            items.append(
                (
                    self.run_id,
                    table,
                    "update",
                    rid,
                    None,
                    json.dumps(before, default=str),
                )
            )
        if items:
            self.conn.exec_driver_sql(
                "INSERT INTO import_run_item (run_id, table_name, op, record_id, ids, before) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                items,
            )


class SearchMaintenance:
    """Drop the triggers for a bulk write, then bring summaries and FTS up to date.

    Usage: ``begin(affected persons, affected organisations)`` before writing
    (removes their FTS entries while the old values are still there), then
    ``finish(new person rowid floor, new org rowid floor)`` after writing.
    """

    #: Tables whose secondary indexes a big load drops and re-creates.
    BULK_TABLES = ("person", "organisation", "channel", "address", "employment")

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.floors: dict[str, int] = {}
        self._index_sql: list[str] = []
        self._behind: _Behind | None = None

    def drop_indexes(self) -> None:
        """Drop secondary indexes of the address tables for a big load.

        Re-creating them afterwards sorts once per index (≈1 s for 100k
        persons) instead of inserting every new row into six random B-trees
        (measured: the inserts took 2.5x longer with the indexes in place).
        """
        rows = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND sql IS NOT NULL AND tbl_name IN "
            f"({_marks(len(self.BULK_TABLES))}) ORDER BY name",
            self.BULK_TABLES,
        ).all()
        for name, sql in rows:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self._index_sql.append(sql)

    def restore_indexes(self) -> None:
        """Re-create what :meth:`drop_indexes` dropped."""
        for sql in self._index_sql:
            self.conn.exec_driver_sql(sql)
        self._index_sql.clear()

    def begin(self, persons: Iterable[str], organisations: Iterable[str]) -> None:
        """Drop triggers; un-index the rows that will change."""
        for stmt in search_schema.drop_trigger_statements():
            self.conn.exec_driver_sql(stmt)
        for table in ("person", "organisation"):
            self.floors[table] = int(
                self.conn.exec_driver_sql(
                    f"SELECT coalesce(max(rowid), 0) FROM {table}"
                ).scalar_one()
            )
        self.conn.exec_driver_sql(
            "CREATE TEMP TABLE IF NOT EXISTS _import_ids (tbl TEXT, id TEXT, "
            "PRIMARY KEY (tbl, id)) WITHOUT ROWID"
        )
        self.conn.exec_driver_sql("DELETE FROM _import_ids")
        orgs = list(organisations)
        self._remember("organisation", orgs)
        # contacts of a changed organisation show its name, postcode and city
        if orgs:
            for part in _chunks(orgs):
                self.conn.exec_driver_sql(
                    "INSERT OR IGNORE INTO _import_ids SELECT 'person', person_id FROM "
                    f"employment WHERE organisation_id IN ({_marks(len(part))})",
                    tuple(part),
                )
        self._remember("person", list(persons))
        for table, cols, values in _fts_specs():
            self.conn.exec_driver_sql(
                f"INSERT INTO {table}_fts({table}_fts, rowid, {cols}) "
                f"SELECT 'delete', {table}.rowid, {values(table)} FROM {table} "
                f"WHERE {table}.deleted_at IS NULL AND {table}.id IN "
                f"(SELECT id FROM _import_ids WHERE tbl = '{table}')"
            )

    def feed_behind(self, table: str) -> None:
        """Index the rows of ``table`` inserted since the last call, on a helper
        thread; :meth:`caught_up` waits for it.

        Called after each batch while its pages are still in the cache
        (cheaper than one pass at the end, as in the demo loader); new rows
        carry their final summaries, so their FTS entries are final too. The
        statement runs inside SQLite, which releases the GIL, so Python builds
        the next batch meanwhile (on the same connection and transaction:
        nothing else may use the connection until caught up).
        """
        self.caught_up()
        raw = self.conn.connection.driver_connection
        self._behind = _Behind(lambda: self._feed(raw, table), raw)

    def caught_up(self) -> None:
        """Wait for :meth:`feed_behind`'s statement; re-raise its error."""
        if self._behind is not None:
            self._behind.wait()  # forgotten only once it has ended
            self._behind = None

    def _feed(self, raw: Any, table: str) -> None:
        cols, values = _FTS[table]
        top = int(
            raw.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        )
        if top > self.floors[table]:
            raw.execute(
                f"INSERT INTO {table}_fts(rowid, {cols}) SELECT {table}.rowid, "
                f"{values(table)} FROM {table} WHERE {table}.deleted_at IS NULL AND "
                f"{table}.rowid > ?",
                (self.floors[table],),
            )
            self.floors[table] = top

    def _remember(self, table: str, ids: list[str]) -> None:
        if ids:
            self.conn.exec_driver_sql(
                "INSERT OR IGNORE INTO _import_ids VALUES (?, ?)",
                [(table, i) for i in ids],
            )

    def add(self, table: str, ids: list[str]) -> None:
        """Mark more existing rows for a summary refresh (no FTS entry removed)."""
        self._remember(table, ids)

    def finish(self) -> None:
        """Refresh summaries of changed rows, index them and new rows, restore triggers."""
        self.caught_up()
        self.restore_indexes()
        for table in ("organisation", "person"):
            self.conn.exec_driver_sql(
                search_schema.summary_update(
                    table, f"SELECT id FROM _import_ids WHERE tbl = '{table}'"
                )
            )
        for table, cols, values in _fts_specs():
            insert = (
                f"INSERT INTO {table}_fts(rowid, {cols}) SELECT {table}.rowid, "
                f"{values(table)} FROM {table} WHERE {table}.deleted_at IS NULL AND "
            )
            # two statements, not one with OR: the rowid range stays a range scan
            self.conn.exec_driver_sql(
                insert + f"{table}.rowid > ?", (self.floors[table],)
            )
            self.conn.exec_driver_sql(
                insert + f"{table}.rowid <= ? AND {table}.id IN "
                f"(SELECT id FROM _import_ids WHERE tbl = '{table}')",
                (self.floors[table],),
            )
        self.conn.exec_driver_sql("DELETE FROM _import_ids")
        for stmt in search_schema.trigger_statements():
            self.conn.exec_driver_sql(stmt)


class _Behind:
    """One statement run on a helper thread (see ``SearchMaintenance.feed_behind``)."""

    def __init__(self, work: Callable[[], None], raw: Any) -> None:
        self._error: BaseException | None = None
        self._work = work
        self._raw = raw
        self._thread = threading.Thread(target=self._run, name="import-fts")
        self._thread.start()

    def _run(self) -> None:
        try:
            self._work()
        except BaseException as exc:  # re-raised by wait() on the caller's thread
            self._error = exc

    def wait(self) -> None:
        """Join the thread; interrupted (Ctrl+C), stop the statement and still
        join it: the connection must not go back to the pool in use."""
        try:
            self._thread.join()
        except BaseException:
            self._raw.interrupt()
            self._thread.join()
            raise
        if self._error is not None:
            error, self._error = self._error, None
            raise error


_FTS = {
    "person": (search_schema._PERSON_FTS_COLS, search_schema._person_values),
    "organisation": (search_schema._ORG_FTS_COLS, search_schema._org_values),
}


def _fts_specs() -> list[tuple[str, str, Any]]:
    return [(table, cols, values) for table, (cols, values) in _FTS.items()]
