"""Undo an import: remove what the run created, restore what it updated.

A row the run wrote is only touched again if it still carries the run's
stamp as ``updated_at``: anything a user (or sync) changed since the import
stays as it is and is counted as *kept*; so do the parts of a kept record.
Created rows that were never synced (``rev = 0``) are deleted; synced ones
become tombstones so the deletion reaches the server.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Engine

from app.domain.changes import Changes, EntityKind
from app.domain.errors import UserError
from app.domain.exchange import UndoResult, WrittenRow
from app.domain.progress import ProgressSink
from app.models import utcnow
from app.services.import_outbox import cancel_unsent_creates
from app.services.import_writer import SearchMaintenance, stamp_text
from app.sync import outbox

#: Children before parents, so foreign keys hold at every step.
_ORDER = (
    "opportunity",
    "lead",
    "employment",
    "channel",
    "address",
    "person",
    "organisation",
    "industry",
)
_OWNERS = ("person_id", "organisation_id")
#: Tables whose rows are parts of a record: kept with a kept owner.
_PARTS = ("channel", "address", "employment")
#: Columns naming the created records a row refers to.
_REFS = {"opportunity": ("organisation_id", "person_id")} | dict.fromkeys(
    _PARTS, _OWNERS
)
#: Table → entity name of its ``external_ref`` rows.
_EXTERNAL = {
    "person": "persons",
    "organisation": "organisations",
    "lead": "leads",
    "opportunity": "opportunities",
}


def undo_run(engine: Engine, run_id: str, progress: ProgressSink) -> UndoResult:
    """See :meth:`ImportService.undo`."""
    now = utcnow()
    stamp_now = stamp_text(now)
    written: list[WrittenRow] = []
    removed = restored = kept = 0
    with engine.connect() as conn, conn.begin():
        run = conn.exec_driver_sql(
            "SELECT stamp, undone_at FROM import_run WHERE id = ?", (run_id,)
        ).first()
        if run is None:
            raise UserError("import.unknown_run", f"No import {run_id}.", value=run_id)
        if run[1] is not None:
            raise UserError(
                "import.already_undone", "This import was already undone.", value=run_id
            )
        stamp = str(run[0])
        created: dict[str, list[str]] = defaultdict(list)
        updates: list[tuple[str, str, dict[str, Any]]] = []
        for table, op, rid, ids, before in conn.exec_driver_sql(
            "SELECT table_name, op, record_id, ids, before FROM import_run_item "
            "WHERE run_id = ? ORDER BY id",
            (run_id,),
        ):
            if op == "create":
                created[table] += json.loads(ids)
            else:
                updates.append((table, rid, json.loads(before)))
        total = sum(map(len, created.values())) + len(updates)
        progress.report(0, total, "Undoing the import")
        persons: set[str] = set(created.get("person", []))
        orgs: set[str] = set(created.get("organisation", []))
        for table, rid, _before in updates:
            if table == "person":
                persons.add(rid)
            elif table == "organisation":
                orgs.add(rid)
        for table in ("channel", "address", "employment"):
            ids = created.get(table, []) + [r for t, r, _b in updates if t == table]
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                cols = (
                    "person_id, NULL"
                    if table == "employment"
                    else "person_id, organisation_id"
                )
                for pid, oid in conn.exec_driver_sql(
                    f"SELECT {cols} FROM {table} WHERE id IN ({', '.join('?' * len(part))})",
                    tuple(part),
                ):
                    if pid:
                        persons.add(pid)
                    if oid:
                        orgs.add(oid)
        search = SearchMaintenance(conn)
        search.begin(sorted(persons), sorted(orgs))
        done = 0
        # restore updated rows, newest change first
        for table, rid, before in reversed(updates):
            progress.check_cancelled()
            row = conn.exec_driver_sql(
                f"SELECT updated_at FROM {table} WHERE id = ?", (rid,)
            ).first()
            if row is None or str(row[0]) != stamp:
                kept += 1
                continue
            old = dict(before)
            old["updated_at"] = old.get("updated_at") or stamp_now
            sets = ", ".join(f"{c} = ?" for c in old)
            conn.exec_driver_sql(
                f"UPDATE {table} SET {sets} WHERE id = ?", (*old.values(), rid)
            )
            written.append(WrittenRow(table, rid, "update", frozenset(old)))
            restored += 1
            done += 1
            if done % 1000 == 0:
                progress.report(done, total, "Undoing the import")
        keep = _kept(conn, created, stamp)
        for table in _ORDER:
            ids = [i for i in created.get(table, []) if i not in keep]
            kept += len(created.get(table, [])) - len(ids)
            for start in range(0, len(ids), 500):
                progress.check_cancelled()
                part = ids[start : start + 500]
                marks = ", ".join("?" * len(part))
                synced = [
                    r[0]
                    for r in conn.exec_driver_sql(
                        f"SELECT id FROM {table} WHERE rev > 0 AND id IN ({marks})",
                        tuple(part),
                    )
                ]
                if synced:
                    conn.exec_driver_sql(
                        f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id IN "
                        f"({', '.join('?' * len(synced))})",
                        (stamp_now, stamp_now, *synced),
                    )
                conn.exec_driver_sql(
                    f"DELETE FROM {table} WHERE rev = 0 AND id IN ({marks})",
                    tuple(part),
                )
                synced_set = set(synced)
                for rid in part:
                    op = "update" if rid in synced_set else "delete"
                    fields = (
                        frozenset({"deleted_at"}) if op == "update" else frozenset()
                    )
                    written.append(WrittenRow(table, rid, op, fields))
                removed += len(part)
                done += len(part)
                progress.report(done, total, "Undoing the import")
        for table, name in _EXTERNAL.items():
            if created.get(table):
                conn.exec_driver_sql(
                    "DELETE FROM external_ref WHERE entity = ? AND record_id NOT IN "
                    f"(SELECT id FROM {table})",
                    (name,),
                )
        search.finish()
        # the undo reaches the server too; unsent creates just vanish
        outbox.record_written(conn, cancel_unsent_creates(conn, written))
        conn.exec_driver_sql(
            "UPDATE import_run SET undone_at = ? WHERE id = ?", (stamp_now, run_id)
        )
        progress.check_cancelled()
    kinds = {
        EntityKind.OPPORTUNITY
        if r.table == "opportunity"
        else EntityKind.LEAD
        if r.table == "lead"
        else EntityKind.PERSON
        if r.table in ("person", "employment")
        else EntityKind.ORGANISATION
        if r.table == "organisation"
        else EntityKind.CHANNEL
        if r.table == "channel"
        else EntityKind.ADDRESS
        if r.table == "address"
        else EntityKind.INDUSTRY
        for r in written
    }
    ids = {
        r.id
        for r in written
        if r.table in ("person", "organisation", "lead", "opportunity")
    }
    return UndoResult(
        run_id,
        removed,
        restored,
        kept,
        tuple(written),
        Changes(frozenset(kinds), frozenset(ids)),
    )


def _kept(conn: Any, created: dict[str, list[str]], stamp: str) -> set[str]:
    """The created rows an undo keeps: those changed since the import, the
    parts of kept records, and the records kept rows point to (a contact
    changed since keeps its employment, and that the organisation the import
    made for it — or the delete would break the reference)."""
    made = {rid for ids in created.values() for rid in ids}
    keep: set[str] = set()
    refs: list[tuple[str, bool, tuple[str, ...]]] = []  # (id, is a part, owners)
    for table in reversed(_ORDER):
        ids = created.get(table, [])
        columns = "".join(f", {c}" for c in _REFS.get(table, ()))
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            for rid, updated, *owner_ids in conn.exec_driver_sql(
                f"SELECT id, updated_at{columns} FROM {table} "
                f"WHERE id IN ({', '.join('?' * len(part))})",
                tuple(part),
            ):
                if str(updated) != stamp:
                    keep.add(rid)
                made_owners = tuple(o for o in owner_ids if o in made)
                if made_owners:
                    refs.append((rid, table in _PARTS, made_owners))
    grew = True
    while grew:
        grew = False
        for rid, is_part, owner_ids in refs:
            if rid in keep:
                for owner in owner_ids:
                    if owner not in keep:
                        keep.add(owner)
                        grew = True
            elif is_part and any(o in keep for o in owner_ids):
                keep.add(rid)
                grew = True
    return keep
