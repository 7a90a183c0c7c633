"""The whole-database duplicate scan: blocking keys, candidate pairs, scores.

Every record gets a few keys — normalised e-mail, E.164 phone, UID, web
domain, postcode + folded name — and only records sharing a key are compared.
Keys live as hashes in flat arrays, sorted once with numpy, so grouping a
million records costs one sort instead of millions of dictionary entries.

Which keys are worth reading follows from the score (``dedup_keys``): a pair
that shares *no* e-mail, phone, UID or domain can reach at most
:func:`name_only_bound` points (name, postcode, organisation, street). When
that is below the threshold, name blocks cannot produce a result and are not
built at all — the scan then reads three columns per record instead of ten,
and compares tens of thousands of pairs instead of millions. Full rows are
read only for the records of candidate pairs.
"""

from __future__ import annotations

import array
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from sqlalchemy import Connection, text

from app.domain.progress import ProgressSink
from app.domain.quality import (
    DedupKind,
    DedupRules,
    DuplicatePair,
    MatchKey,
    RecordBrief,
)
from app.services.dedup_keys import (
    domain_of,
    fold_name,
    org_core,
    org_keys,
    person_keys,
    score_orgs,
    score_persons,
)

#: Names must be this similar (rapidfuzz ratio of sorted tokens) to be scored
#: when the only thing two records share is a name key.
NAME_CUTOFF = 80
#: Blocks this small compare pairs in Python; bigger ones use ``cdist``.
SMALL_BLOCK = 12
EXACT_KEYS = frozenset({MatchKey.EMAIL, MatchKey.PHONE, MatchKey.UID, MatchKey.DOMAIN})
NAME_KEYS = frozenset({MatchKey.NAME, MatchKey.NAME_POSTCODE})
_CODES = {k: n for n, k in enumerate(MatchKey)}
_KEYS = list(MatchKey)
_PAGE = 5000


def name_only_bound(kind: DedupKind, key: MatchKey, keys: frozenset[MatchKey]) -> int:
    """The best score a pair can reach sharing only name key ``key``.

    Persons: name 45 + postcode 10 + organisation 10; organisations: name 60 +
    postcode 10 + street 5. Country-wide name blocks add only pairs from
    different places when the postcode blocks run too (minus the postcode).
    """
    best = 65 if kind is DedupKind.PERSON else 75
    if key is MatchKey.NAME and MatchKey.NAME_POSTCODE in keys:
        best -= 10
    return best


def effective_keys(kind: DedupKind, rules: DedupRules) -> frozenset[MatchKey]:
    """The keys of ``rules`` that can produce a pair at or above its threshold."""
    return frozenset(
        k
        for k in rules.keys
        if k in EXACT_KEYS or name_only_bound(kind, k, rules.keys) >= rules.threshold
    )


@dataclass
class Blocking:
    """Block keys as hashes with their kind and owner (a record's rowid)."""

    hashes: array.array[int] = field(default_factory=lambda: array.array("q"))
    kinds: array.array[int] = field(default_factory=lambda: array.array("b"))
    owners: array.array[int] = field(default_factory=lambda: array.array("q"))
    names: dict[int, str] = field(default_factory=dict)

    def add(self, key: MatchKey, value: str, owner: int) -> None:
        """One key of one record."""
        self.hashes.append(hash((_CODES[key], value)))
        self.kinds.append(_CODES[key])
        self.owners.append(owner)


def _sorted_name(folded: str) -> str:
    return " ".join(sorted(folded.split()))


def _raw(conn: Connection) -> Any:
    """The sqlite3 connection: plain tuples, no per-row wrapping (a million rows)."""
    return conn.connection.driver_connection


def person_keys_of(conn: Connection, keys: frozenset[MatchKey]) -> Blocking:
    """Block keys of every live person."""
    b = Blocking()
    names = bool(keys & NAME_KEYS)
    cols = "rowid, email, phone" + (
        ", first_name, last_name, postcode" if names else ""
    )
    where = "" if names else " AND (email != '' OR phone != '')"
    # NOT INDEXED: the planner would walk a partial index (deleted_at IS NULL)
    # and look every row up by rowid — five times slower than one table scan
    rows = _raw(conn).execute(
        f"SELECT {cols} FROM person NOT INDEXED WHERE deleted_at IS NULL{where}"
    )
    hashes, kinds, owners = b.hashes.append, b.kinds.append, b.owners.append
    email_c, phone_c = _CODES[MatchKey.EMAIL], _CODES[MatchKey.PHONE]
    place_c, name_c = _CODES[MatchKey.NAME_POSTCODE], _CODES[MatchKey.NAME]
    by_email, by_phone = MatchKey.EMAIL in keys, MatchKey.PHONE in keys
    by_place, by_name = MatchKey.NAME_POSTCODE in keys, MatchKey.NAME in keys
    folded: dict[tuple[str, str], tuple[str, str, str]] = {}
    for r in rows:
        rid = r[0]
        if r[1] and by_email:
            hashes(hash((email_c, r[1].lower())))
            kinds(email_c)
            owners(rid)
        if r[2] and by_phone:
            hashes(hash((phone_c, r[2])))
            kinds(phone_c)
            owners(rid)
        if not names:
            continue
        got = folded.get((r[3], r[4]))
        if got is None:
            first, last = fold_name(r[3]), fold_name(r[4])
            got = folded[(r[3], r[4])] = (first, last, _sorted_name(f"{first} {last}"))
        first, last, full = got
        b.names[rid] = full
        if r[5] and by_place:
            for token in (first, last) if last != first else (first,):
                if token:
                    hashes(hash((place_c, f"{r[5]}|{token}")))
                    kinds(place_c)
                    owners(rid)
        if full and by_name:
            hashes(hash((name_c, full)))
            kinds(name_c)
            owners(rid)
    return b


def org_keys_of(conn: Connection, keys: frozenset[MatchKey]) -> Blocking:
    """Block keys of every live organisation."""
    b = Blocking()
    raw = _raw(conn)
    webs: dict[str, str] = {}
    if MatchKey.DOMAIN in keys:
        for owner, value in raw.execute(
            "SELECT organisation_id, value FROM channel WHERE kind = 'web' "
            "AND organisation_id IS NOT NULL AND deleted_at IS NULL "
            "ORDER BY is_primary, position DESC"
        ):
            webs[owner] = value  # the primary (last written) wins
    by_names = bool(keys & NAME_KEYS)
    for rid, oid, name, uid, email, phone, postcode in raw.execute(
        "SELECT rowid, id, name, uid, email, phone, postcode FROM organisation "
        "NOT INDEXED WHERE deleted_at IS NULL"
    ):
        for key, value in (
            (MatchKey.EMAIL, email.lower()),
            (MatchKey.PHONE, phone),
            (MatchKey.UID, uid),
        ):
            if value and key in keys:
                b.add(key, value, rid)
        if MatchKey.DOMAIN in keys:
            web = webs.get(oid, "")
            domain = domain_of(web) if web else (domain_of(email) if email else "")
            if domain:
                b.add(MatchKey.DOMAIN, domain, rid)
        if by_names:
            core = org_core(name)
            if not core:
                continue
            b.names[rid] = _sorted_name(core)
            if MatchKey.NAME in keys:
                b.add(MatchKey.NAME, core, rid)
            if postcode and MatchKey.NAME_POSTCODE in keys:
                b.add(MatchKey.NAME_POSTCODE, f"{postcode}|{core.split()[0]}", rid)
    return b


def blocks(b: Blocking) -> Iterable[tuple[MatchKey, list[int]]]:
    """Groups of record rowids that share a key (two or more members)."""
    hashes = np.frombuffer(b.hashes, dtype=np.int64)
    if len(hashes) < 2:
        return
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    edges = np.flatnonzero(np.diff(ordered)) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [len(ordered)]))
    owners = np.frombuffer(b.owners, dtype=np.int64)
    for i in np.flatnonzero(ends - starts >= 2).tolist():
        members = order[starts[i] : ends[i]]
        key = _KEYS[b.kinds[int(members[0])]]
        found = sorted(set(owners[members].tolist()))
        if len(found) >= 2:
            yield key, found


def _name_pairs(names: dict[int, str], members: list[int]) -> Iterable[tuple[int, int]]:
    if len(members) <= SMALL_BLOCK:
        ratio = fuzz.ratio
        for a, b in itertools.combinations(members, 2):
            if ratio(names[a], names[b], score_cutoff=NAME_CUTOFF):
                yield a, b
        return
    block = [names[m] for m in members]
    matrix = process.cdist(
        block,
        block,
        scorer=fuzz.ratio,
        score_cutoff=NAME_CUTOFF,
        dtype=np.uint8,
        workers=-1 if len(block) > 300 else 1,
    )
    rows, cols = np.nonzero(np.triu(matrix, k=1))
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        yield members[r], members[c]


def candidates(
    b: Blocking, rules: DedupRules, sink: ProgressSink, only: set[int] | None
) -> set[tuple[int, int]]:
    """Pairs of rowids worth scoring (``only``: pairs touching these rowids)."""
    pairs: set[tuple[int, int]] = set()
    for n, (key, members) in enumerate(blocks(b)):
        if n % 20_000 == 0:
            sink.check_cancelled()
        if only is not None and only.isdisjoint(members):
            continue
        if key in EXACT_KEYS and len(members) <= rules.max_block:
            found: Iterable[tuple[int, int]] = itertools.combinations(members, 2)
        elif key is MatchKey.NAME and len(members) > rules.max_block:
            continue  # a common name alone, across the country, says nothing
        elif key in EXACT_KEYS and not b.names:
            continue  # a switchboard number shared by a whole company
        else:
            found = _name_pairs(b.names, members) if b.names else ()
        for x, y in found:
            if only is None or x in only or y in only:
                pairs.add((x, y) if x < y else (y, x))
    return pairs


_PERSON_DETAIL = (
    "SELECT p.rowid, p.id, p.first_name, p.last_name, p.email, p.phone, p.postcode, "
    "p.city, p.org_name, COALESCE(p.birth_date, ''), p.updated_at FROM person p "
    "WHERE p.rowid IN (SELECT value FROM json_each(:ids))"
)
_ORG_DETAIL = (
    "SELECT o.rowid, o.id, o.name, o.uid, o.email, o.phone, o.postcode, o.city, "
    "COALESCE((SELECT c.value FROM channel c WHERE c.organisation_id = o.id "
    "AND c.kind = 'web' AND c.deleted_at IS NULL ORDER BY c.is_primary DESC, "
    "c.position LIMIT 1), ''), "
    "COALESCE((SELECT a.street FROM address a WHERE a.organisation_id = o.id "
    "AND a.deleted_at IS NULL ORDER BY a.is_primary DESC, a.position LIMIT 1), ''), "
    "o.updated_at FROM organisation o WHERE o.rowid IN (SELECT value FROM json_each(:ids))"
)


def details(conn: Connection, kind: DedupKind, rowids: Iterable[int]) -> dict[int, Any]:
    """Full rows of the records of candidate pairs, by rowid."""
    wanted = sorted(rowids)
    sql = text(_PERSON_DETAIL if kind is DedupKind.PERSON else _ORG_DETAIL)
    out: dict[int, Any] = {}
    for start in range(0, len(wanted), _PAGE):
        part = json.dumps(wanted[start : start + _PAGE])
        for row in conn.execute(sql, {"ids": part}):
            out[row[0]] = row
    return out


def brief(kind: DedupKind, r: Sequence[Any]) -> RecordBrief:
    """A pair member as the review list shows it."""
    if kind is DedupKind.PERSON:
        name = f"{r[2]} {r[3]}".strip()
        return RecordBrief(r[1], name, r[4], r[5], r[6], r[7], r[8], r[10])
    return RecordBrief(r[1], r[2], r[4], r[5], r[6], r[7], r[3], r[10])


def score(
    kind: DedupKind,
    rows: dict[int, Any],
    pairs: Iterable[tuple[int, int]],
    rules: DedupRules,
    dismissed: set[tuple[str, str]],
    sink: ProgressSink,
) -> list[DuplicatePair]:
    """Scored pairs at or above the threshold, best first."""
    keyed: dict[int, Any] = {}

    def keys_of(rid: int) -> Any:
        found = keyed.get(rid)
        if found is None:
            r = rows[rid]
            found = keyed[rid] = (
                person_keys(r[2], r[3], r[4], r[5], r[6], r[8], r[9])
                if kind is DedupKind.PERSON
                else org_keys(
                    r[2], r[3], r[4], r[5], r[6], domain_of(r[8]) if r[8] else "", r[9]
                )
            )
        return found

    scorer: Any = score_persons if kind is DedupKind.PERSON else score_orgs
    out: list[DuplicatePair] = []
    for n, (a, b) in enumerate(pairs):
        if n % 50_000 == 0:
            sink.check_cancelled()
        if a not in rows or b not in rows:
            continue
        points, reasons, sim = scorer(keys_of(a), keys_of(b))
        if points < rules.threshold:
            continue
        first, second = sorted((rows[a][1], rows[b][1]))
        if (first, second) in dismissed:
            continue
        out.append(
            DuplicatePair(
                kind, brief(kind, rows[a]), brief(kind, rows[b]), points, reasons, sim
            )
        )
    out.sort(key=lambda p: (-p.score, p.a.name, p.b.name))
    return out


def rowids_of(conn: Connection, kind: DedupKind, ids: Sequence[str]) -> set[int]:
    """Rowids of the records ``ids`` (a selection)."""
    table = str(kind)
    out: set[int] = set()
    for start in range(0, len(ids), _PAGE):
        part = json.dumps(list(ids[start : start + _PAGE]))
        out |= set(
            conn.execute(
                text(
                    f"SELECT rowid FROM {table} WHERE id IN (SELECT value FROM json_each(:ids))"
                ),
                {"ids": part},
            ).scalars()
        )
    return out
