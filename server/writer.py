"""Every server write goes through :class:`Writer`: one transaction, one rev.

A push, an admin command or a server-side job bumps the counter (taking its
row lock until commit, so rev order is commit order), loads the rows the
changes touch, runs each change through :func:`server.merge.decide`, and then
writes rows, ``sync_row``, scope exits, ``sync_op``, conflicts and the audit
log with SQLAlchemy Core in batches (research/sync.md 2.2, 2.5).
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Table,
    and_,
    insert,
    select,
    update,
)

from app.sync.protocol.tables import (
    SERVER_SCOPE_COLUMNS,
    CodecError,
    SyncedTable,
    encode_time,
    synced_table,
    synced_tables,
)
from app.sync.protocol.wire import (
    FIELD_SINCE,
    SCHEMA_VERSION,
    ConflictKind,
    Op,
    OpResult,
    RowState,
    Status,
    field_known,
)
from server import bulk
from server.merge import ConflictSpec, Current, Decision, Incoming, decide, rejected
from server.models import (
    AuditLog,
    SyncCounter,
    SyncOp,
    SyncRow,
    SyncScopeExit,
    TeamMember,
)
from server.scope import Principal, Scope, can_read, can_write

CONFLICT_NAMESPACE = uuid.UUID("5b0e8e55-37a6-4c1e-bb1f-1a8d0cbb9f41")
CONFLICT_TABLE = "sync_conflict"
#: What a client may change on a conflict row: its resolution.
CONFLICT_CLIENT_FIELDS = frozenset({"status", "resolution", "resolved_by"})
#: Only admins write these tables.
ADMIN_TABLES = frozenset({"user_account"})
_LABEL_FIELDS = ("name", "title", "subject", "username", "display_name")

_COUNTER = cast(Table, SyncCounter.__table__)
_SYNC_ROW = cast(Table, SyncRow.__table__)
_EXIT = cast(Table, SyncScopeExit.__table__)
_OP = cast(Table, SyncOp.__table__)
_AUDIT = cast(Table, AuditLog.__table__)
_TEAM_MEMBER = cast(Table, TeamMember.__table__)
_SYNC_ROW_UPDATE = (
    "rev",
    "deleted",
    "owner_id",
    "team_id",
    "also_user_id",
    "device_id",
)
_EXIT_COLUMNS = tuple(c.key for c in _EXIT.c if c.key != "id")
_AUDIT_COLUMNS = tuple(c.key for c in _AUDIT.c if c.key != "id")

Key = tuple[str, str]


def bump_counter(conn: Connection) -> int:
    """Take the next rev; the counter's row lock is held until commit."""
    stmt = (
        update(_COUNTER)
        .where(_COUNTER.c.id == 1)
        .values(value=_COUNTER.c.value + 1)
        .returning(_COUNTER.c.value)
    )
    return int(conn.execute(stmt).scalar_one())


def adopt_seeded(conn: Connection) -> int:
    """Give rows that client migrations seeded a rev and a ``sync_row``.

    The server runs the client's migrations, so rows they insert (the default
    pipeline, base exchange rates) exist on the server and on every laptop
    with the same ids but were never written through :class:`Writer`: pull
    and bootstrap would not see them, and a laptop's edit would look like a
    create of an existing row. Adopted rows keep empty ``field_revs``: a
    laptop's edit based on the seed (base 0) applies; concurrent edits of one
    field still conflict. Runs after every upgrade; returns rows adopted.
    """
    found: dict[str, list[Any]] = {}
    s = _SYNC_ROW.c
    for name, table in synced_tables().items():
        t = table.table
        known = select(s.row_id).where(s.tbl == name, s.row_id == t.c.id).exists()
        rows = conn.execute(
            select(t.c.id, t.c.owner_id, t.c.team_id, t.c.deleted_at).where(~known)
        ).all()
        if rows:
            found[name] = list(rows)
    if not found:
        return 0
    rev = bump_counter(conn)
    for name, rows in found.items():
        t = synced_tables()[name].table
        ids = [r[0] for r in rows]
        for chunk in _chunks(ids, 500):
            conn.execute(update(t).where(t.c.id.in_(chunk)).values(rev=rev))
        conn.execute(
            insert(_SYNC_ROW),
            [
                {
                    "tbl": name,
                    "row_id": r[0],
                    "rev": rev,
                    "deleted": r[3] is not None,
                    "owner_id": r[1],
                    "team_id": r[2],
                    "also_user_id": None,
                }
                for r in rows
            ],
        )
    return sum(len(r) for r in found.values())


def committed_high(conn: Connection) -> int:
    """The highest committed rev (every rev up to it is committed)."""
    return int(
        conn.execute(select(_COUNTER.c.value).where(_COUNTER.c.id == 1)).scalar_one()
    )


def record_label(values: dict[str, Any]) -> str:
    """A readable name of a record for conflict lists."""
    for name in _LABEL_FIELDS:
        value = values.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()[:300]
    person = " ".join(
        str(values[f]) for f in ("first_name", "last_name") if values.get(f)
    )
    return person[:300]


@functools.cache
def _column_defaults(table: Table) -> tuple[tuple[str, Any, bool], ...]:
    """``(column, default, now)`` of ``table``.

    A callable default is called per row, except on time columns (``now``:
    the default is the current time), which take the batch's time, as
    ``updated_at`` does.
    """
    out: list[tuple[str, Any, bool]] = []
    for col in table.c:
        default = col.default
        arg = getattr(default, "arg", None) if default is not None else None
        if callable(arg):
            now = bulk.is_time(col.type) and not isinstance(col.type, Date)
            out.append((col.key, functools.partial(arg, None), now))
        else:
            out.append((col.key, arg, False))
    return tuple(out)


@dataclass
class _Row:
    """A row this batch reads or writes, with its Python values."""

    table: SyncedTable
    id: str
    values: dict[str, Any]
    exists: bool
    created: bool = False
    changed: set[str] = field(default_factory=set)
    old_values: dict[str, Any] = field(default_factory=dict)

    @property
    def deleted(self) -> bool:
        return self.values.get("deleted_rev") is not None or (
            self.values.get("deleted_at") is not None
        )

    def current(self) -> Current | None:
        if not self.exists and not self.created:
            return None
        return Current(
            values=self.values,
            field_revs=self.values.get("field_revs") or {},
            rev=int(self.values.get("rev") or 0),
            deleted=self.deleted,
            merged_into=self.values.get("merged_into"),
        )

    def set(self, name: str, value: Any) -> None:
        if name not in self.old_values:
            self.old_values[name] = self.values.get(name)
        self.values[name] = value
        self.changed.add(name)


@dataclass
class ApplyResult:
    """What one batch did."""

    rev: int
    results: list[OpResult]
    rows: list[RowState]
    conflict_ids: list[str]
    applied: int = 0


class Writer:
    """Applies changes for one principal inside one write transaction.

    Args:
        conn: a connection inside a write transaction.
        principal: who writes (scope and permissions are checked per op).
        rev: this transaction's rev from :func:`bump_counter`.
        batch_id: the push's idempotency key ('' for server-side writes).
        source: audit label (``push``, ``admin``, ``server``).
        schema: the pushing laptop's schema version (fields it does not know
            are ignored in its changes and left out of the answer).
    """

    def __init__(
        self,
        conn: Connection,
        principal: Principal,
        *,
        rev: int,
        batch_id: str = "",
        source: str = "push",
        now: dt.datetime | None = None,
        schema: int = SCHEMA_VERSION,
    ) -> None:
        self.conn = conn
        self.schema = schema
        self.principal = principal
        self.rev = rev
        self.batch_id = batch_id
        self.source = source
        self.now = now or dt.datetime.now(dt.UTC)
        self.rows: dict[Key, _Row] = {}
        self.order: list[Key] = []  # rows in answer order
        self.ordered: set[Key] = set()  # the same, for membership
        self.old_scopes: dict[Key, Scope | None] = {}
        self.new_scopes: dict[Key, Scope] = {}
        self.scope_override: dict[Key, Scope] = {}
        self.parents: dict[Key, bool] = {}  # exists -> deleted?
        self.home_teams: dict[str, str | None] = {}
        self.sync_rows: dict[Key, dict[str, Any]] = {}
        self.exits: list[dict[str, Any]] = []
        self.ops: list[dict[str, Any]] = []
        self.audit: list[dict[str, Any]] = []
        self.dialect = conn.dialect.name

    # ---- public

    def apply(
        self,
        changes: Sequence[Any],
        decoded: Sequence[Incoming | str] | None = None,
    ) -> ApplyResult:
        """Decide and write every change; returns per-op results and touched rows.

        ``decoded``: :func:`decode_changes` of ``changes`` for this principal
        and schema, done before the write turn (it needs no database).
        """
        seen = self._seen_ops([c.get("op_id", "") for c in changes])
        if decoded is None:
            decoded = decode_changes(changes, self.principal, self.schema)
        self._preload(changes, decoded)
        results: list[OpResult] = []
        all_conflicts: list[str] = []
        applied = 0
        for change, dec in zip(changes, decoded, strict=True):
            result = self._apply_one(change, dec, seen=change.get("op_id") in seen)
            seen.add(change.get("op_id", ""))
            results.append(result)
            all_conflicts += result["conflict_ids"]
            applied += result["status"] in (Status.APPLIED, Status.CONFLICT)
        self._settle_scopes()
        self._write()
        rows = [self._row_state(key) for key in self.order]
        return ApplyResult(self.rev, results, rows, all_conflicts, applied)

    # ---- loading

    def _seen_ops(self, op_ids: list[Any]) -> set[str]:
        ids = [o for o in op_ids if isinstance(o, str) and o]
        found: set[str] = set()
        for chunk in _chunks(ids, 500):
            found |= set(
                self.conn.execute(select(_OP.c.op_id).where(_OP.c.op_id.in_(chunk)))
                .scalars()
                .all()
            )
        return found

    def _preload(
        self, changes: Sequence[Any], decoded: Sequence[Incoming | str]
    ) -> None:
        by_table: dict[str, set[str]] = defaultdict(set)
        for change, dec in zip(changes, decoded, strict=True):
            if isinstance(dec, Incoming):
                by_table[str(change["tbl"])].add(str(change["id"]))
        for tbl, ids in by_table.items():
            self._load_rows(tbl, ids)
        # parents referenced by incoming values or by the rows' current values
        refs: dict[str, set[str]] = defaultdict(set)
        for change, dec in zip(changes, decoded, strict=True):
            if not isinstance(dec, Incoming):
                continue
            table = synced_tables()[str(change["tbl"])]
            row = self.rows.get((table.name, str(change["id"])))
            values = dict(row.values) if row else {}
            values.update({f: v for f, (v, _b, _o) in dec.fields.items()})
            for col, target in table.foreign_keys.items():
                if values.get(col):
                    refs[target].add(str(values[col]))
            for parent in table.scope_parents:
                ptarget = parent.table or values.get(parent.kind_column or "")
                if values.get(parent.column) and ptarget in synced_tables():
                    refs[str(ptarget)].add(str(values[parent.column]))
        for tbl, ids in refs.items():
            self._load_parents(tbl, ids)

    def _load_rows(self, tbl: str, ids: Iterable[str]) -> None:
        table = synced_tables()[tbl]
        wanted = [i for i in ids if (tbl, i) not in self.rows]
        for chunk in _chunks(wanted, 500):
            for row in self.conn.execute(
                select(table.table).where(table.table.c.id.in_(chunk))
            ).mappings():
                values = dict(row)
                row_obj = _Row(table, values["id"], values, True)
                self.rows[(tbl, values["id"])] = row_obj
                self.parents[(tbl, values["id"])] = row_obj.deleted
        self._load_scopes(tbl, wanted)

    def _load_scopes(self, tbl: str, ids: Iterable[str]) -> None:
        wanted = [i for i in ids if (tbl, i) not in self.old_scopes]
        for i in wanted:
            self.old_scopes[(tbl, i)] = None
        c = _SYNC_ROW.c
        for chunk in _chunks(wanted, 500):
            for r in self.conn.execute(
                select(c.row_id, c.owner_id, c.team_id, c.also_user_id).where(
                    c.tbl == tbl, c.row_id.in_(chunk)
                )
            ):
                self.old_scopes[(tbl, r[0])] = Scope(r[1], r[2], r[3])

    def _load_parents(self, tbl: str, ids: Iterable[str]) -> None:
        table = synced_tables()[tbl].table
        wanted = [i for i in ids if (tbl, i) not in self.parents]
        for chunk in _chunks(wanted, 500):
            for r in self.conn.execute(
                select(table.c.id, table.c.deleted_rev, table.c.deleted_at).where(
                    table.c.id.in_(chunk)
                )
            ):
                self.parents[(tbl, r[0])] = r[1] is not None or r[2] is not None
        self._load_scopes(tbl, wanted)

    def _home_team(self, user_id: str | None) -> str | None:
        if user_id is None:
            return None
        if user_id not in self.home_teams:
            tm = _TEAM_MEMBER
            self.home_teams[user_id] = self.conn.execute(
                select(tm.c.team_id)
                .where(tm.c.user_id == user_id)
                .order_by(tm.c.position, tm.c.team_id)
                .limit(1)
            ).scalar_one_or_none()
        return self.home_teams[user_id]

    # ---- one change

    def _apply_one(self, change: Any, dec: Incoming | str, *, seen: bool) -> OpResult:
        op_id = str(change.get("op_id") or "")
        if seen and op_id:
            return {"op_id": op_id, "status": Status.DUPLICATE, "conflict_ids": []}
        if not op_id or len(op_id) > 64:
            dec = "invalid_op_id"
        if isinstance(dec, str):
            return self._finish(change, None, rejected(dec), op_id)
        table = synced_tables()[str(change["tbl"])]
        key = (table.name, str(change["id"]))
        row = self.rows.get(key)
        current = row.current() if row else None
        reason = self._permission(table, dec, row)
        if reason is None:
            reason = self._missing_parent(table, dec, row)
        if reason is not None:
            return self._finish(change, row, rejected(reason, dec), op_id, dec)
        parent_deleted = dec.op is Op.CREATE and self._parent_deleted(table, dec, row)
        decision = decide(
            dec,
            current,
            parent_deleted=parent_deleted,
            conflicts_allowed=table.name != CONFLICT_TABLE,
        )
        row = self._write_row(table, key, row, decision)
        return self._finish(change, row, decision, op_id, dec)

    def _permission(
        self, table: SyncedTable, dec: Incoming, row: _Row | None
    ) -> str | None:
        principal = self.principal
        if table.name in ADMIN_TABLES and not principal.is_admin:
            return "forbidden"
        if table.name == CONFLICT_TABLE and not principal.is_admin:  # noqa: SIM102
            if dec.op is not Op.UPDATE or not set(dec.fields) <= CONFLICT_CLIENT_FIELDS:
                return "forbidden"
        if row is not None and (row.exists or row.created):
            scope = self.new_scopes.get((table.name, row.id)) or self.old_scopes.get(
                (table.name, row.id)
            )
            if scope is not None and not can_write(principal, scope):
                return "forbidden"
        return None

    def _missing_parent(
        self,
        table: SyncedTable,
        dec: Incoming,
        row: _Row | None,  # noqa: ARG002
    ) -> str | None:
        for col, target in table.foreign_keys.items():
            if col not in dec.fields:
                continue
            value = dec.fields[col][0]
            if value is None:
                continue
            if (target, str(value)) not in self.parents:
                return f"missing_parent:{col}"
        return None

    def _parent_deleted(
        self, table: SyncedTable, dec: Incoming, row: _Row | None
    ) -> bool:
        values = dict(row.values) if row else {}
        values.update({f: v for f, (v, _b, _o) in dec.fields.items()})
        for col, target in table.foreign_keys.items():
            value = values.get(col)
            if value is not None and self.parents.get((target, str(value)), False):
                return True
        return False

    def _write_row(
        self, table: SyncedTable, key: Key, row: _Row | None, decision: Decision
    ) -> _Row | None:
        if decision.status in (Status.REJECTED, Status.DUPLICATE) and not (
            decision.writes
        ):
            return row
        if decision.create:
            row = _Row(table, key[1], {"id": key[1]}, exists=False, created=True)
            self.rows[key] = row
            self.parents[key] = False
            if key not in self.old_scopes:
                self.old_scopes[key] = None
        if row is None:
            return None
        touched = bool(decision.writes or decision.tombstone or decision.undelete)
        if not touched:
            return row
        revs = dict(row.values.get("field_revs") or {})
        for name, value in decision.writes.items():
            row.set(name, value)
            revs[name] = self.rev
        if "owner_id" in decision.writes or decision.create:  # noqa: SIM102
            if "team_id" not in decision.writes:
                team = self._home_team(row.values.get("owner_id"))
                if row.values.get("team_id") != team or decision.create:
                    row.set("team_id", team)
                    revs["team_id"] = self.rev
        if decision.tombstone:
            row.set("deleted_rev", self.rev)
            row.set("deleted_at", self.now)
            self.parents[key] = True
        if decision.undelete:
            row.set("deleted_rev", None)
            row.set("deleted_at", None)
            self.parents[key] = False
        row.set("field_revs", revs)
        row.set("rev", self.rev)
        row.set("updated_at", self.now)
        self.new_scopes.pop(key, None)
        return row

    def _finish(
        self,
        change: Any,
        row: _Row | None,
        decision: Decision,
        op_id: str,
        dec: Incoming | None = None,  # noqa: ARG002
    ) -> OpResult:
        tbl = str(change.get("tbl", ""))
        row_id = str(change.get("id", ""))
        table = synced_table(tbl)
        key = (tbl, row_id)
        if table is not None and key not in self.ordered and len(row_id) <= 36:  # noqa: SIM102
            if row is not None or decision.status is not Status.DUPLICATE:
                self.order.append(key)
                self.ordered.add(key)
        conflict_ids = [
            self._add_conflict(change, table, row, spec, op_id, index)
            for index, spec in enumerate(decision.conflicts)
        ]
        result: OpResult = {
            "op_id": op_id,
            "status": decision.status,
            "conflict_ids": conflict_ids,
        }
        if decision.reason:
            result["reason"] = decision.reason
        if op_id and decision.status is not Status.DUPLICATE:
            self.ops.append(
                {
                    "op_id": op_id,
                    "batch_id": self.batch_id,
                    "status": str(decision.status),
                    "rev": self.rev,
                    "created_at": self.now,
                }
            )
        if row is not None and row.changed and table is not None:
            self.audit.append(self._audit_change(table, row, change, decision))
        return result

    def _audit_change(
        self, table: SyncedTable, row: _Row, change: Any, decision: Decision
    ) -> dict[str, Any]:
        changed = {}
        for name in decision.writes:
            enc = table.encoders.get(name)
            if enc is None:
                continue
            changed[name] = {
                "old": enc(row.old_values.get(name)),
                "new": enc(row.values.get(name)),
            }
        return self._audit_row(
            "change",
            tbl=table.name,
            row_id=row.id,
            detail={
                "op": str(change.get("op")),
                "status": str(decision.status),
                "source": self.source,
                "fields": changed,
            },
        )

    def _audit_row(self, action: str, **values: Any) -> dict[str, Any]:
        p = self.principal
        return {
            "at": self.now,
            "action": action,
            "user_id": None if p.user_id == "system" else p.user_id,
            "username": p.username,
            "device_id": p.device_id,
            "ip": p.ip,
            "tbl": values.get("tbl", ""),
            "row_id": values.get("row_id", ""),
            "rev": self.rev,
            "detail": values.get("detail", {}),
        }

    def _add_conflict(
        self,
        change: Any,
        table: SyncedTable | None,
        row: _Row | None,
        spec: ConflictSpec,
        op_id: str,
        index: int,
    ) -> str:
        conflicts = synced_tables()[CONFLICT_TABLE]
        cid = str(
            uuid.uuid5(CONFLICT_NAMESPACE, f"{op_id}/{index}/{spec.kind}/{spec.field}")
        )
        record = row.values if row is not None else {}
        incoming = {
            f: spec_v.get("value")
            for f, spec_v in (change.get("fields") or {}).items()
            if isinstance(spec_v, dict)
        }
        label = record_label(record) or record_label(incoming)

        def enc(name: str, value: Any) -> Any:
            if table is None or name not in table.encoders:
                return value
            return table.encoders[name](value)

        server_value = enc(spec.field, spec.server_value) if spec.field else None
        client_value: Any
        if spec.field:
            client_value = enc(spec.field, spec.client_value)
        elif isinstance(spec.client_value, dict):
            client_value = {k: enc(k, v) for k, v in spec.client_value.items()}
        elif spec.client_value is None and spec.kind is ConflictKind.REJECTED:
            client_value = incoming  # not decodable: keep what was sent
        else:
            client_value = spec.client_value
        visible = spec.kind is not ConflictKind.REJECTED or spec.reason != "forbidden"
        record_scope = (
            self._scope_of((table.name, row.id))
            if table is not None and row is not None and visible
            else None
        )
        try:
            edited_at = _parse_time(change.get("edited_at"))
        except ValueError:
            edited_at = None
        values: dict[str, Any] = {
            "id": cid,
            "tbl": str(change.get("tbl", ""))[:64],
            "row_id": str(change.get("id", ""))[:36],
            "field": spec.field,
            "kind": str(spec.kind),
            "server_value": server_value,
            "server_rev": spec.server_rev,
            "client_value": client_value,
            "client_base": spec.client_base,
            "client_old": spec.client_old,
            "record_label": label,
            "target_id": spec.target_id,
            "reason": spec.reason,
            "op_id": op_id[:36],
            "user_id": None
            if self.principal.user_id == "system"
            else self.principal.user_id,
            "device_id": self.principal.device_id,
            "client_edited_at": edited_at,
            "status": "open",
            "resolution": "",
            "resolved_by": None,
            "resolved_rev": None,
            "owner_id": record_scope.owner_id if record_scope else None,
            "team_id": record_scope.team_id if record_scope else None,
            "merged_into": None,
            "created_at": self.now,
        }
        key = (CONFLICT_TABLE, cid)
        crow = _Row(conflicts, cid, {}, exists=False, created=True)
        for name, value in values.items():
            crow.set(name, value)
        crow.set("field_revs", dict.fromkeys(conflicts.fields, self.rev))
        crow.set("rev", self.rev)
        crow.set("deleted_rev", None)
        crow.set("deleted_at", None)
        crow.set("updated_at", self.now)
        self.rows[key] = crow
        self.old_scopes[key] = None
        owner = record_scope.owner_id if record_scope else self.principal.user_id
        self.scope_override[key] = Scope(
            owner,
            record_scope.team_id if record_scope else None,
            None if self.principal.user_id == "system" else self.principal.user_id,
        )
        if key not in self.ordered:
            self.order.append(key)
            self.ordered.add(key)
        return cid

    # ---- scope

    def _scope_of(self, key: Key) -> Scope:
        """The scope of a row after this batch (touched, propagated or stored)."""
        if key in self.scope_override:
            return self.scope_override[key]
        if key in self.new_scopes:
            return self.new_scopes[key]
        row = self.rows.get(key)
        if row is None or not (row.exists or row.created):
            old = self.old_scopes.get(key)
            if old is None and key not in self.old_scopes:
                self._load_scopes(key[0], [key[1]])
                old = self.old_scopes.get(key)
            return old or Scope()
        if row.table.name == CONFLICT_TABLE and row.exists:
            return self.old_scopes.get(key) or Scope()
        scope = self._compute_scope(row.table, row.values, seen={key})
        self.new_scopes[key] = scope
        return scope

    def _compute_scope(
        self, table: SyncedTable, values: dict[str, Any], *, seen: set[Key]
    ) -> Scope:
        for parent in table.scope_parents:
            pid = values.get(parent.column)
            ptbl = parent.table or values.get(parent.kind_column or "")
            if not pid or not isinstance(ptbl, str) or synced_table(ptbl) is None:
                continue
            pkey = (ptbl, str(pid))
            if pkey in seen:
                continue
            pscope = self._scope_of(pkey)
            if not pscope.public:
                return Scope(pscope.owner_id, pscope.team_id)
        return Scope(values.get("owner_id"), values.get("team_id"))

    def _settle_scopes(self) -> None:
        """Record ``sync_row`` for touched rows; propagate scope changes to children."""
        moved: dict[str, set[str]] = defaultdict(set)
        for key in self.order:
            row = self.rows.get(key)
            if row is None or not row.changed:
                continue
            new = self._scope_of(key)
            old = self.old_scopes.get(key)
            self._set_sync_row(key, row.deleted, new, old, answered=True)
            if old is not None and (old.owner_id, old.team_id) != (
                new.owner_id,
                new.team_id,
            ):
                moved[key[0]].add(key[1])
        depth = 0
        while moved and depth < 8:
            moved = self._propagate(moved)
            depth += 1

    def _set_sync_row(
        self,
        key: Key,
        deleted: bool,
        new: Scope,
        old: Scope | None,
        *,
        answered: bool = False,
    ) -> None:
        """Index the row at this rev; ``answered``: the push answer carries it."""
        self.sync_rows[key] = {
            "tbl": key[0],
            "row_id": key[1],
            "rev": self.rev,
            "deleted": deleted,
            "owner_id": new.owner_id,
            "team_id": new.team_id,
            "also_user_id": new.also_user_id,
            "device_id": self.principal.device_id if answered else None,
        }
        if old is None and not can_read(self.principal, new):
            # created straight into someone else's scope (a rep assigns a new
            # record to another team): it leaves the creator's laptop
            old = Scope(owner_id=self.principal.user_id)
        if old is not None and old != new:
            self.exits.append(
                {
                    "rev": self.rev,
                    "tbl": key[0],
                    "row_id": key[1],
                    "old_owner_id": old.owner_id,
                    "old_team_id": old.team_id,
                    "old_also_user_id": old.also_user_id,
                }
            )

    def _propagate(self, moved: dict[str, set[str]]) -> dict[str, set[str]]:
        """Children of rows whose scope changed follow them (and leave with them)."""
        next_moved: dict[str, set[str]] = defaultdict(set)
        for child in synced_tables().values():
            for parent in child.scope_parents:
                t = child.table
                for ptbl, ids in moved.items():
                    if parent.table is not None and parent.table != ptbl:
                        continue
                    for chunk in _chunks(sorted(ids), 500):
                        cond: ColumnElement[bool] = t.c[parent.column].in_(chunk)
                        if parent.kind_column is not None:
                            cond = and_(cond, t.c[parent.kind_column] == ptbl)
                        for r in self.conn.execute(select(t).where(cond)).mappings():
                            key = (child.name, r["id"])
                            if key in self.sync_rows:
                                continue
                            values = dict(r)
                            self._load_scopes(child.name, [r["id"]])
                            old = self.old_scopes.get(key)
                            new = self._compute_scope(child, values, seen={key})
                            self.new_scopes[key] = new
                            if old is not None and old == new:
                                continue
                            deleted = values.get("deleted_rev") is not None
                            self._set_sync_row(key, deleted, new, old)
                            next_moved[child.name].add(r["id"])
        return next_moved

    # ---- writing

    def _write(self) -> None:
        conn = self.conn
        creates: dict[str, list[dict[str, Any]]] = defaultdict(list)
        updates: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = defaultdict(
            list
        )
        for key in self.order:
            row = self.rows.get(key)
            if row is None or not row.changed:
                continue
            if row.created and not row.exists:
                values = row.values
                for name, default, now in _column_defaults(row.table.table):
                    if name not in values:
                        if now:
                            values[name] = self.now
                        else:
                            values[name] = default() if callable(default) else default
                creates[row.table.name].append(values)
            else:
                cols = frozenset(row.changed - {"id"})
                updates[(row.table.name, cols)].append(row.values)
        for tbl in sorted(creates, key=lambda n: synced_tables()[n].order):
            bulk.insert_rows(conn, synced_tables()[tbl].table, creates[tbl])
        for (tbl, cols), rows in updates.items():
            bulk.update_rows(conn, synced_tables()[tbl].table, sorted(cols), rows)
        if self.sync_rows:
            bulk.upsert_rows(
                conn,
                _SYNC_ROW,
                list(self.sync_rows.values()),
                key=("tbl", "row_id"),
                update=_SYNC_ROW_UPDATE,
            )
        bulk.insert_rows(conn, _EXIT, self.exits, columns=_EXIT_COLUMNS)
        bulk.insert_rows(conn, _OP, self.ops)
        bulk.insert_rows(conn, _AUDIT, self.audit, columns=_AUDIT_COLUMNS)

    def audit_event(self, action: str, **values: Any) -> None:
        """Add an audit row (admin actions) written with this batch."""
        self.audit.append(self._audit_row(action, **values))

    # ---- answering

    def _row_state(self, key: Key) -> RowState:
        row = self.rows.get(key)
        table = synced_tables()[key[0]]
        if row is None or not (row.exists or row.created):
            return {
                "tbl": key[0],
                "id": key[1],
                "rev": 0,
                "row": None,
                "field_revs": {},
                "deleted_rev": None,
                "deleted_at": None,
            }
        if not can_read(self.principal, self._scope_of(key)):
            # not the caller's (any more): say so, never show its content
            return {
                "tbl": key[0],
                "id": key[1],
                "rev": self.rev,
                "row": None,
                "field_revs": {},
                "deleted_rev": None,
                "deleted_at": None,
                "evict": True,
            }
        return row_state(table, row.values, self.schema)


def decode_change(change: Any, principal: Principal, schema: int) -> Incoming | str:
    """Decoded change, or the reason it is rejected."""
    table = synced_table(str(change.get("tbl", "")))
    if table is None:
        return "unknown_table"
    row_id = change.get("id")
    if not isinstance(row_id, str) or not 0 < len(row_id) <= 36:
        return "invalid_id"
    try:
        op = Op(change.get("op"))
    except ValueError:
        return "unknown_op"
    raw = change.get("fields") or {}
    if not isinstance(raw, dict):
        return "invalid_fields"
    fields: dict[str, tuple[Any, int, Any]] = {}
    for name, spec in raw.items():
        if not isinstance(spec, dict) or "value" not in spec:
            return f"invalid:{name}"
        if name in SERVER_SCOPE_COLUMNS and not principal.is_admin:
            continue  # server-managed: derived from the owner
        if not field_known(table.name, name, schema):
            continue  # newer than the laptop: it cannot mean to set it
        try:
            value = table.decode_field(name, spec["value"])
        except CodecError as exc:
            return f"invalid:{exc}"
        base = spec.get("base", 0)
        if not isinstance(base, int):
            return f"invalid:{name}: base"
        fields[name] = (value, base, spec.get("old"))
    base_rev = change.get("base_rev", 0)
    if not isinstance(base_rev, int):
        return "invalid_base_rev"
    return Incoming(op, base_rev, fields)


def decode_changes(
    changes: Sequence[Any], principal: Principal, schema: int = SCHEMA_VERSION
) -> list[Incoming | str]:
    """Each change decoded for ``principal`` speaking ``schema`` (no database)."""
    return [decode_change(c, principal, schema) for c in changes]


def row_state(
    table: SyncedTable, values: dict[str, Any], schema: int = SCHEMA_VERSION
) -> RowState:
    """A stored row as it travels to a laptop speaking schema ``schema``."""
    row = table.encode(values)
    revs = dict(values.get("field_revs") or {})
    if FIELD_SINCE:  # leave out fields the laptop does not know
        row = {f: v for f, v in row.items() if field_known(table.name, f, schema)}
        revs = {f: r for f, r in revs.items() if field_known(table.name, f, schema)}
    return {
        "tbl": table.name,
        "id": values["id"],
        "rev": int(values.get("rev") or 0),
        "row": row,
        "field_revs": revs,
        "deleted_rev": values.get("deleted_rev"),
        "deleted_at": encode_time(values.get("deleted_at")),
        "updated_at": encode_time(values.get("updated_at")),
    }


def _parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _chunks[T](items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
