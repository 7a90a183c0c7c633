"""Derived SQLite objects: list summary columns and FTS5 indexes, kept by triggers.

The person and organisation tables carry a few derived columns (primary e-mail,
phone, postcode, city, organisation name) so that lists sort and page on one
table with an index, and FTS5 external-content indexes search over them.
Triggers keep both in step whatever writes the rows (forms, import, sync).

These objects are derived: :func:`create_all` always installs the *current*
definitions, :func:`drop_all` removes them. Migrations that change them drop and
re-create; bulk loads drop them, load, then :func:`rebuild` everything in one
statement per table, which is ~20x faster than firing triggers per row.

FTS rowids are SQLite's implicit rowids of the content tables. Plain ``VACUUM``
may renumber those, so the app never runs it without a following
:func:`rebuild` (backups use the backup API, which keeps pages as they are).
"""

from __future__ import annotations

from collections.abc import Callable

# Phone numbers are stored as E.164; users type national numbers ("079 …").
# Index both forms for DE/AT/CH so either prefix finds the person.
_PHONE_EXPR = (
    "{p}.phone || CASE WHEN substr({p}.phone, 1, 3) IN ('+41', '+49', '+43') "
    "THEN ' 0' || substr({p}.phone, 4) ELSE '' END"
)

_PERSON_FTS_COLS = "last_name, first_name, org_name, email, phone, city, postcode"
_ORG_FTS_COLS = "name, customer_number, email, phone, city, postcode"


def _person_values(p: str) -> str:
    return (
        f"{p}.last_name, {p}.first_name, {p}.org_name, {p}.email, "
        f"{_PHONE_EXPR.format(p=p)}, {p}.city, {p}.postcode"
    )


def _org_values(p: str) -> str:
    return (
        f"{p}.name, {p}.customer_number, {p}.email, "
        f"{_PHONE_EXPR.format(p=p)}, {p}.city, {p}.postcode"
    )


def _fts_objects(table: str, cols: str, values: Callable[[str], str]) -> list[str]:
    fts = f"{table}_fts"
    watched = cols + ", deleted_at"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, "
        f"content='{table}', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} "
        f"WHEN new.deleted_at IS NULL BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {values('new')}); END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} "
        f"WHEN old.deleted_at IS NULL BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) "
        f"VALUES ('delete', old.rowid, {values('old')}); END",
        # One trigger, delete before insert: two triggers would run in reverse
        # creation order and the delete would remove tokens the new row shares.
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {watched} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) "
        f"SELECT 'delete', old.rowid, {values('old')} WHERE old.deleted_at IS NULL; "
        f"INSERT INTO {fts}(rowid, {cols}) "
        f"SELECT new.rowid, {values('new')} WHERE new.deleted_at IS NULL; END",
    ]


def _pick_channel(owner_col: str, owner: str, kinds: str) -> str:
    return (
        f"COALESCE((SELECT c.value FROM channel c WHERE c.{owner_col} = {owner} "
        f"AND c.kind IN ({kinds}) AND c.deleted_at IS NULL "
        "ORDER BY c.is_primary DESC, c.position, c.created_at LIMIT 1), '')"
    )


def _pick_address(owner_col: str, owner: str, col: str) -> str:
    return (
        f"COALESCE((SELECT a.{col} FROM address a WHERE a.{owner_col} = {owner} "
        "AND a.deleted_at IS NULL "
        "ORDER BY a.is_primary DESC, a.position, a.created_at LIMIT 1), '')"
    )


def _employer(person: str, col: str) -> str:
    return (
        f"(SELECT o.{col} FROM employment e JOIN organisation o "
        f"ON o.id = e.organisation_id WHERE e.person_id = {person} "
        "AND e.deleted_at IS NULL AND o.deleted_at IS NULL "
        "ORDER BY e.is_primary DESC, e.created_at LIMIT 1)"
    )


def _org_name(person: str) -> str:
    return f"COALESCE({_employer(person, 'name')}, '')"


def _person_place(person: str, col: str) -> str:
    """A person's own primary address, else where their primary employer is.

    Contacts rarely have an address of their own; the list and the search
    then show (and find them by) their organisation's postcode and city.
    """
    own = _pick_address("person_id", person, col).removeprefix("COALESCE(")
    own = own.removesuffix(", '')")
    return f"COALESCE(NULLIF({own}, ''), {_employer(person, col)}, '')"


def summary_update(table: str, owner: str) -> str:
    """SQL that recomputes the summary columns of ``table`` rows matching ``owner``.

    Args:
        table: ``person`` or ``organisation``.
        owner: an SQL expression for the ids, e.g. ``new.person_id`` or a
            sub-select; ``"{table}.id"`` recomputes every row.
    """
    col = f"{table}_id"
    ref = f"{table}.id"
    sets = [
        f"email = {_pick_channel(col, ref, "'email'")}",
        f"phone = {_pick_channel(col, ref, "'phone', 'mobile'")}",
    ]
    if table == "person":
        sets += [
            f"postcode = {_person_place(ref, 'postcode')}",
            f"city = {_person_place(ref, 'city')}",
            f"org_name = {_org_name(ref)}",
        ]
    else:
        sets += [
            f"postcode = {_pick_address(col, ref, 'postcode')}",
            f"city = {_pick_address(col, ref, 'city')}",
        ]
    if owner == ref:
        where = ""
    elif owner.lstrip().upper().startswith("SELECT"):
        where = f" WHERE id IN ({owner})"
    else:
        where = f" WHERE id = {owner}"
    return f"UPDATE {table} SET {', '.join(sets)}{where}"


def _summary_triggers() -> list[str]:
    out: list[str] = []
    for child in ("channel", "address"):
        for table in ("person", "organisation"):
            col = f"{table}_id"
            for event, row in (("INSERT", "new"), ("DELETE", "old")):
                out.append(
                    f"CREATE TRIGGER {child}_{table}_sum_{event.lower()} "
                    f"AFTER {event} ON {child} WHEN {row}.{col} IS NOT NULL BEGIN "
                    f"{summary_update(table, f'{row}.{col}')}; END"
                )
            out.append(
                f"CREATE TRIGGER {child}_{table}_sum_update AFTER UPDATE ON {child} "
                f"WHEN new.{col} IS NOT NULL OR old.{col} IS NOT NULL BEGIN "
                f"{summary_update(table, f'new.{col}')}; "
                f"{summary_update(table, f'old.{col}')}; END"
            )
    for event, row in (("INSERT", "new"), ("DELETE", "old")):
        out.append(
            f"CREATE TRIGGER employment_sum_{event.lower()} AFTER {event} ON employment "
            f"BEGIN {summary_update('person', f'{row}.person_id')}; END"
        )
    out.append(
        "CREATE TRIGGER employment_sum_update AFTER UPDATE ON employment BEGIN "
        f"{summary_update('person', 'new.person_id')}; "
        f"{summary_update('person', 'old.person_id')}; END"
    )
    # Contacts show their organisation's name and (lacking their own address)
    # its postcode and city: follow those when they really change.
    employees = "SELECT person_id FROM employment WHERE organisation_id = new.id"
    out.append(
        "CREATE TRIGGER organisation_name_sum AFTER UPDATE OF name, postcode, city, "
        "deleted_at ON organisation WHEN old.name IS NOT new.name "
        "OR old.postcode IS NOT new.postcode OR old.city IS NOT new.city "
        "OR old.deleted_at IS NOT new.deleted_at BEGIN "
        f"{summary_update('person', employees)}; END"
    )
    return out


def create_statements() -> list[str]:
    """Every statement that installs the derived objects (FTS tables + triggers)."""
    return [
        *_fts_objects("person", _PERSON_FTS_COLS, _person_values),
        *_fts_objects("organisation", _ORG_FTS_COLS, _org_values),
        *_summary_triggers(),
    ]


def trigger_names() -> list[str]:
    """Names of every trigger :func:`create_statements` creates."""
    return [s.split()[2] for s in create_statements() if s.startswith("CREATE TRIGGER")]


def drop_trigger_statements() -> list[str]:
    """Statements that remove the triggers (FTS tables stay)."""
    return [f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names()]


def drop_statements() -> list[str]:
    """Statements that remove every derived object."""
    return [
        *drop_trigger_statements(),
        "DROP TABLE IF EXISTS person_fts",
        "DROP TABLE IF EXISTS organisation_fts",
    ]


def trigger_statements() -> list[str]:
    """Only the CREATE TRIGGER statements (to re-install after a bulk load)."""
    return [s for s in create_statements() if s.startswith("CREATE TRIGGER")]


def rebuild_statements(*, summaries: bool = True) -> list[str]:
    """Recompute summaries (optional) and refill both FTS indexes from scratch."""
    stmts: list[str] = []
    if summaries:
        stmts += [
            summary_update("organisation", "organisation.id"),
            summary_update("person", "person.id"),
        ]
    for table, cols, values in (
        ("person", _PERSON_FTS_COLS, _person_values),
        ("organisation", _ORG_FTS_COLS, _org_values),
    ):
        fts = f"{table}_fts"
        stmts += [
            f"INSERT INTO {fts}({fts}) VALUES ('delete-all')",
            f"INSERT INTO {fts}(rowid, {cols}) SELECT {table}.rowid, "
            f"{values(table)} FROM {table} WHERE {table}.deleted_at IS NULL",
        ]
    return stmts
