"""Finding the existing record for an import row by a business key.

Keys: record id, external id, e-mail (persons; any live e-mail channel),
customer number, UID and web domain (organisations), and name + postcode with
rapidfuzz similarity for files that carry no identifier at all. Every lookup
reads only what the file's keys need or one narrow column scan; nothing loads
whole records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Connection

from app.exchange.entities import DuplicateKey
from app.exchange.values import fold

#: Mail providers whose domain says nothing about the organisation.
FREEMAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "bluewin.ch",
        "gmx.ch",
        "gmx.net",
        "gmx.de",
        "hotmail.com",
        "outlook.com",
        "yahoo.com",
        "icloud.com",
        "sunrise.ch",
        "hispeed.ch",
        "web.de",
        "t-online.de",
        "proton.me",
        "protonmail.com",
        "swissonline.ch",
        "yahoo.de",
        "live.com",
        "aon.at",
    ]
)


def domain_of(values: Mapping[str, Any]) -> str | None:
    """The organisation's domain from its web site, else a non-freemail e-mail."""
    web = values.get("web")
    if web:
        host = str(web).split("://", 1)[-1].split("/", 1)[0].lower()
        return host.removeprefix("www.") or None
    email = values.get("email")
    if email:
        host = str(email).rpartition("@")[2].lower()
        return None if host in FREEMAIL else host
    return None


def key_value(key: DuplicateKey, values: Mapping[str, Any]) -> Hashable | None:
    """The value of ``key`` in one converted row (``None`` = cannot match)."""
    if key is DuplicateKey.ID:
        return values.get("id")
    if key is DuplicateKey.EXTERNAL_ID:
        return values.get("external_id")
    if key is DuplicateKey.EMAIL:
        email = values.get("email")
        return fold(email) if email else None
    if key is DuplicateKey.CUSTOMER_NUMBER:
        number = values.get("customer_number")
        return fold(number) if number else None
    if key is DuplicateKey.UID:
        return values.get("uid")
    if key is DuplicateKey.DOMAIN:
        return domain_of(values)
    name = values.get("name") or " ".join(
        p for p in (values.get("first_name"), values.get("last_name")) if p
    )
    postcode = values.get("postcode") or ""
    return (fold(name), postcode) if name else None


def _in(conn: Connection, sql: str, values: Sequence[Any]) -> list[Any]:
    out: list[Any] = []
    for start in range(0, len(values), 500):
        part = values[start : start + 500]
        out += conn.exec_driver_sql(
            sql.format(", ".join("?" * len(part))), tuple(part)
        ).all()
    return out


def find_matches(
    conn: Connection,
    *,
    table: str,
    entity: str,
    key: DuplicateKey,
    wanted: Sequence[Hashable],
    threshold: int = 90,
    flat: bool = False,
) -> dict[Hashable, str]:
    """Key value → id of the live record it matches.

    ``flat`` tables (leads) keep the e-mail in a column, not in channel rows.
    """
    if not wanted:
        return {}
    owner = f"{table}_id"
    live = f"SELECT id FROM {table} WHERE deleted_at IS NULL"
    found: dict[Hashable, str] = {}
    if key is DuplicateKey.ID:
        rows = _in(
            conn,
            f"SELECT id FROM {table} WHERE deleted_at IS NULL AND id IN ({{}})",
            list(wanted),
        )
        return {r[0]: r[0] for r in rows}
    if key is DuplicateKey.EXTERNAL_ID:
        rows = _in(
            conn,
            "SELECT external_id, record_id FROM external_ref WHERE entity = '"
            + entity
            + f"' AND external_id IN ({{}}) AND record_id IN ({live})",
            list(wanted),
        )
        return {r[0]: r[1] for r in rows}
    if key is DuplicateKey.EMAIL and flat:
        wanted_set = set(wanted)
        for value, rid in conn.exec_driver_sql(
            f"SELECT email, id FROM {table} WHERE deleted_at IS NULL AND email != '' "
            "ORDER BY rowid"
        ).all():
            k = fold(value)
            if k in wanted_set:
                found.setdefault(k, rid)
        return found
    if key is DuplicateKey.EMAIL:
        # one pass, no sort: a primary e-mail beats a secondary one; among
        # equals the oldest record (lowest rowid comes first) wins. The live
        # owners are one set: joining each e-mail to its record took twice as
        # long (100k e-mails: 0.32 s joined, 0.16 s with the set)
        wanted_set = set(wanted)
        primary: set[Hashable] = set()
        alive = {r[0] for r in conn.exec_driver_sql(live).all()}
        for value, rid, is_primary in conn.exec_driver_sql(
            f"SELECT c.value, c.{owner}, c.is_primary FROM channel c "
            "WHERE c.kind = 'email' AND c.deleted_at IS NULL"
        ).all():
            if rid not in alive:
                continue
            k = fold(value)
            if k not in wanted_set or k in primary:
                continue
            if is_primary:
                primary.add(k)
                found[k] = rid
            else:
                found.setdefault(k, rid)
        return found
    if key is DuplicateKey.CUSTOMER_NUMBER:
        wanted_set = set(wanted)
        for number, rid in conn.exec_driver_sql(
            "SELECT customer_number, id FROM organisation WHERE deleted_at IS NULL "
            "AND customer_number != '' ORDER BY created_at"
        ).all():
            k = fold(number)
            if k in wanted_set:
                found.setdefault(k, rid)
        return found
    if key is DuplicateKey.UID:
        rows = _in(
            conn,
            "SELECT uid, id FROM organisation WHERE deleted_at IS NULL AND uid IN ({})",
            list(wanted),
        )
        for uid, rid in rows:
            found.setdefault(uid, rid)
        return found
    if key is DuplicateKey.DOMAIN:
        wanted_set = set(wanted)
        for kind, value, rid in conn.exec_driver_sql(
            "SELECT c.kind, c.value, c.organisation_id FROM channel c JOIN organisation o "
            "ON o.id = c.organisation_id WHERE c.kind IN ('web', 'email') "
            "AND c.deleted_at IS NULL AND o.deleted_at IS NULL ORDER BY o.created_at"
        ).all():
            domain = domain_of({kind: value})
            if domain in wanted_set:
                found.setdefault(domain, rid)
        return found
    return _fuzzy(conn, table, wanted, threshold)


def _fuzzy(
    conn: Connection, table: str, wanted: Sequence[Hashable], threshold: int
) -> dict[Hashable, str]:
    """Name + postcode: exact folded name first, else the most similar name
    with the same postcode scoring at least ``threshold``."""
    postcodes = sorted({w[1] for w in wanted if isinstance(w, tuple)})
    name_sql = "name" if table == "organisation" else "first_name || ' ' || last_name"
    by_postcode: dict[str, dict[str, str]] = defaultdict(dict)
    rows = _in(
        conn,
        f"SELECT {name_sql}, postcode, id FROM {table} WHERE deleted_at IS NULL "
        "AND postcode IN ({}) ORDER BY created_at",
        postcodes,
    )
    for name, postcode, rid in rows:
        by_postcode[postcode].setdefault(fold(" ".join(str(name).split())), rid)
    found: dict[Hashable, str] = {}
    for item in wanted:
        if not isinstance(item, tuple):
            continue
        name, postcode = item
        names = by_postcode.get(postcode)
        if not names:
            continue
        if name in names:
            found[item] = names[name]
            continue
        best = process.extractOne(
            name, list(names), scorer=fuzz.token_sort_ratio, score_cutoff=threshold
        )
        if best is not None:
            found[item] = names[best[0]]
    return found
