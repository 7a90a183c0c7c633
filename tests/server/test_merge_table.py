"""One test per row of the push decision table (research/sync.md 2.5)."""

from __future__ import annotations

from app.sync.protocol.wire import ConflictKind, Op, Status
from server.merge import Current, Incoming, decide, rejected

ROW = Current(
    values={"name": "Muster AG", "notes": "server", "city": "Bern"},
    field_revs={"name": 10, "notes": 12, "city": 10},
    rev=12,
    deleted=False,
)


def upd(**fields: tuple[object, int]) -> Incoming:
    return Incoming(Op.UPDATE, 12, {k: (v, b, "old") for k, (v, b) in fields.items()})


def test_any_op_already_seen_is_a_duplicate() -> None:
    d = decide(upd(name=("X", 10)), ROW, seen=True)
    assert d.status is Status.DUPLICATE
    assert not d.writes
    assert not d.conflicts


def test_create_of_absent_row_is_applied_with_every_field() -> None:
    d = decide(Incoming(Op.CREATE, 0, {"name": ("Neu AG", 0, None)}), None)
    assert d.status is Status.APPLIED
    assert d.create
    assert d.writes == {"name": "Neu AG"}


def test_create_of_tombstoned_link_row_resurrects_it() -> None:
    dead = Current({"tag_id": "t"}, {"tag_id": 5}, 7, deleted=True)
    d = decide(Incoming(Op.CREATE, 0, {"tag_id": ("t", 0, None)}), dead)
    assert d.status is Status.APPLIED
    assert d.undelete
    assert not d.create


def test_create_of_present_row_with_equal_values_merges() -> None:
    d = decide(Incoming(Op.CREATE, 0, {"name": ("Muster AG", 0, None)}), ROW)
    assert d.status is Status.MERGED
    assert not d.writes


def test_create_of_present_row_with_other_values_conflicts_per_field() -> None:
    d = decide(
        Incoming(
            Op.CREATE, 0, {"name": ("Muster AG", 0, None), "city": ("Chur", 0, None)}
        ),
        ROW,
    )
    assert d.status is Status.CONFLICT
    assert [(c.kind, c.field, c.server_value, c.client_value) for c in d.conflicts] == [
        (ConflictKind.FIELD, "city", "Bern", "Chur")
    ]


def test_update_on_current_base_is_applied_and_other_fields_untouched() -> None:
    d = decide(upd(city=("Chur", 10)), ROW)
    assert d.status is Status.APPLIED
    assert d.writes == {"city": "Chur"}


def test_update_on_old_base_with_equal_value_merges() -> None:
    d = decide(upd(notes=("server", 3)), ROW)
    assert d.status is Status.MERGED
    assert not d.writes
    assert not d.conflicts


def test_update_on_old_base_with_other_value_conflicts_and_keeps_client_value() -> None:
    d = decide(upd(notes=("mine", 3)), ROW)
    assert d.status is Status.CONFLICT
    assert not d.writes
    (c,) = d.conflicts
    assert (c.field, c.server_value, c.server_rev) == ("notes", "server", 12)
    assert (c.client_value, c.client_base, c.client_old) == ("mine", 3, "old")


def test_update_of_tombstoned_row_is_edit_on_deleted() -> None:
    dead = Current(ROW.values, ROW.field_revs, 13, deleted=True)
    d = decide(upd(city=("Chur", 10)), dead)
    assert d.status is Status.CONFLICT
    assert not d.writes
    assert d.conflicts[0].kind is ConflictKind.EDIT_ON_DELETED
    assert d.conflicts[0].client_value == {"city": "Chur"}


def test_update_of_purged_row_is_edit_on_deleted() -> None:
    d = decide(upd(city=("Chur", 10)), None)
    assert d.conflicts[0].kind is ConflictKind.EDIT_ON_DELETED


def test_update_of_merged_row_points_at_the_survivor() -> None:
    merged = Current(ROW.values, ROW.field_revs, 12, deleted=False, merged_into="X")
    d = decide(upd(city=("Chur", 10)), merged)
    assert d.conflicts[0].kind is ConflictKind.EDIT_ON_MERGED
    assert d.conflicts[0].target_id == "X"


def test_delete_on_current_rev_is_applied() -> None:
    d = decide(Incoming(Op.DELETE, 12, {}), ROW)
    assert d.status is Status.APPLIED
    assert d.tombstone


def test_delete_after_a_later_edit_conflicts_and_the_row_stays() -> None:
    d = decide(Incoming(Op.DELETE, 9, {}), ROW)
    assert d.status is Status.CONFLICT
    assert not d.tombstone
    assert d.conflicts[0].kind is ConflictKind.DELETE_ON_EDITED


def test_delete_of_deleted_row_merges() -> None:
    dead = Current(ROW.values, ROW.field_revs, 13, deleted=True)
    assert decide(Incoming(Op.DELETE, 13, {}), dead).status is Status.MERGED


def test_create_child_of_deleted_parent_is_applied_with_a_conflict() -> None:
    d = decide(
        Incoming(Op.CREATE, 0, {"street": ("Weg", 0, None)}), None, parent_deleted=True
    )
    assert d.status is Status.APPLIED
    assert d.create
    assert d.conflicts[0].kind is ConflictKind.PARENT_DELETED


def test_rejected_keeps_the_client_values() -> None:
    d = rejected("forbidden", upd(city=("Chur", 10)))
    assert d.status is Status.REJECTED
    assert d.conflicts[0].kind is ConflictKind.REJECTED
    assert d.conflicts[0].client_value == {"city": "Chur"}
    assert d.conflicts[0].reason == "forbidden"


def test_unknown_row_with_base_zero_is_rejected() -> None:
    d = decide(Incoming(Op.UPDATE, 0, {"city": ("Chur", 0, None)}), None)
    assert d.status is Status.REJECTED
    assert d.reason == "unknown_row"


def test_disjoint_fields_merge_without_conflict() -> None:
    d = decide(upd(city=("Chur", 10), name=("Muster AG", 10)), ROW)
    assert d.status is Status.APPLIED
    assert not d.conflicts


def test_conflict_rows_resolve_first_resolution_wins() -> None:
    resolved = Current({"status": "resolved"}, {"status": 20}, 20, deleted=False)
    d = decide(
        Incoming(Op.UPDATE, 15, {"status": ("open", 15, "open")}),
        resolved,
        conflicts_allowed=False,
    )
    assert d.status is Status.MERGED
    assert not d.conflicts
    assert not d.writes
