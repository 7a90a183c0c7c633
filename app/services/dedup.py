"""Duplicate detection (Dublettenbereinigung): a whole-database scan and the
warning while a record is entered.

The scan is *blocking* plus fuzzy scoring: every record gets a few keys
(normalised e-mail, E.164 phone, postcode + folded first name, postcode +
folded last name, the folded full name; for organisations the name without
legal form, UID and web domain); only records that share a key are compared.
Keys are hashed into one numpy array and sorted, so grouping a million
records costs one sort instead of millions of dictionary entries. Inside a
block, rapidfuzz compares names (``cdist`` for big blocks), and the pairs that
pass are scored with their evidence (:mod:`app.services.dedup_keys`).

The entry-time check asks the indexes instead: e-mail and phone through
``channel(kind, value)``, names through the FTS index (first three letters of
one name plus the other name, so one typo still finds the record).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.domain.addresses import ChannelKind, OrganisationData, PersonData
from app.domain.changes import Changes, EntityKind
from app.domain.errors import UserError
from app.domain.progress import NullProgress, ProgressSink
from app.domain.quality import (
    DedupKind,
    DedupRules,
    DuplicatePair,
    MatchKey,
    RecordBrief,
    ScanResult,
)
from app.models import utcnow
from app.models.quality import DedupRule, DuplicateDismissal, pair_id, rule_id
from app.services import dedup_scan as scan
from app.services.dedup_keys import (
    domain_of,
    fold_name,
    org_core,
    org_keys,
    person_keys,
    score_orgs,
    score_persons,
)
from app.services.validation import FieldProblem, normalise_email, normalise_phone

#: Entry-time check: candidates read per index lookup.
ENTRY_LIMIT = 100


# ---- the service


class DedupService:
    """Find duplicate persons and organisations; keep the rules and dismissals."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # ---- rules and dismissals

    def rules(self, kind: DedupKind) -> DedupRules:
        """The configured rules of ``kind`` (defaults until an admin saves some)."""
        with self._sessions() as s:
            row = s.get(DedupRule, rule_id(str(kind)))
            if row is None or row.deleted_at is not None:
                return default_rules(kind)
            return _rules_from(kind, row.settings)

    def save_rules(self, kind: DedupKind, rules: DedupRules) -> Changes:
        """Store the rules of ``kind``.

        Raises:
            UserError: ``dedup.threshold`` (not 1–100), ``dedup.keys`` (none chosen).
        """
        if not 1 <= rules.threshold <= 100:
            raise UserError(
                "dedup.threshold",
                "The threshold lies between 1 and 100",
                field="threshold",
                value=rules.threshold,
            )
        if not rules.keys:
            raise UserError(
                "dedup.keys", "Choose at least one match key", field="keys", value=()
            )
        settings = {
            "keys": sorted(k.value for k in rules.keys),
            "threshold": rules.threshold,
            "max_block": rules.max_block,
        }
        with self._sessions.begin() as s:
            row = s.get(DedupRule, rule_id(str(kind)))
            if row is None:
                s.add(
                    DedupRule(
                        id=rule_id(str(kind)), entity_kind=str(kind), settings=settings
                    )
                )
            else:
                row.settings = settings
                row.deleted_at = None
        return Changes.of(EntityKind.QUALITY_RULE, rule_id(str(kind)))

    def dismiss(self, kind: DedupKind, a: str, b: str) -> Changes:
        """Mark two records as "not duplicates"; later scans skip the pair."""
        first, second = sorted((a, b))
        with self._sessions.begin() as s:
            row = s.get(DuplicateDismissal, pair_id(str(kind), a, b))
            if row is None:
                s.add(
                    DuplicateDismissal(
                        id=pair_id(str(kind), a, b),
                        entity_kind=str(kind),
                        record_a=first,
                        record_b=second,
                    )
                )
            elif row.deleted_at is not None:
                row.deleted_at = None
        return Changes.of(EntityKind.QUALITY_RULE)

    def undismiss(self, kind: DedupKind, a: str, b: str) -> Changes:
        """Forget a "not duplicates" decision."""
        with self._sessions.begin() as s:
            row = s.get(DuplicateDismissal, pair_id(str(kind), a, b))
            if row is not None and row.deleted_at is None:
                row.deleted_at = utcnow()
        return Changes.of(EntityKind.QUALITY_RULE)

    def _dismissed(self, s: Session, kind: DedupKind) -> set[tuple[str, str]]:
        rows = s.execute(
            select(DuplicateDismissal.record_a, DuplicateDismissal.record_b).where(
                DuplicateDismissal.entity_kind == str(kind),
                DuplicateDismissal.deleted_at.is_(None),
            )
        ).all()
        return {(a, b) for a, b in rows}

    # ---- the scan

    def scan(
        self,
        kind: DedupKind,
        *,
        ids: Sequence[str] | None = None,
        rules: DedupRules | None = None,
        progress: ProgressSink | None = None,
    ) -> ScanResult:
        """Find likely duplicates among all records of ``kind``.

        Args:
            kind: persons or organisations.
            ids: only pairs with at least one of these records (a selection).
            rules: instead of the stored rules.
            progress: reports the phases; cancelling stops the scan (it writes
                nothing, so there is nothing to undo).

        Returns:
            Pairs at or above the threshold, best first; dismissed pairs left out.
        """
        sink = progress or NullProgress()
        rules = rules or self.rules(kind)
        keys = scan.effective_keys(kind, rules)
        started = time.perf_counter()
        sink.report(0, 4, "Reading records")
        with self._sessions() as s:
            conn = s.connection()
            records = int(
                conn.exec_driver_sql(
                    f"SELECT count(*) FROM {kind} WHERE deleted_at IS NULL"
                ).scalar_one()
            )
            blocking = (
                scan.person_keys_of(conn, keys)
                if kind is DedupKind.PERSON
                else scan.org_keys_of(conn, keys)
            )
            only = scan.rowids_of(conn, kind, ids) if ids is not None else None
            sink.check_cancelled()
            sink.report(1, 4, "Comparing")
            pairs = scan.candidates(blocking, rules, sink, only)
            del blocking
            sink.check_cancelled()
            sink.report(2, 4, "Scoring")
            rows = scan.details(conn, kind, {r for pair in pairs for r in pair})
            dismissed = self._dismissed(s, kind)
        found = scan.score(kind, rows, pairs, rules, dismissed, sink)
        sink.report(4, 4, "Done")
        return ScanResult(
            kind=kind,
            pairs=tuple(found),
            records=records,
            compared=len(pairs),
            seconds=time.perf_counter() - started,
        )

    # ---- entry-time warning

    def check_person(
        self, data: PersonData, *, exclude_id: str | None = None, limit: int = 5
    ) -> list[DuplicatePair]:
        """Existing persons ``data`` (a form being typed) probably duplicates.

        Fast enough to run while typing (indexes only; ~ms on a million persons).
        """
        rules = self.rules(DedupKind.PERSON)
        email = _first_channel(data.channels, (ChannelKind.EMAIL,), normalise_email)
        phone = _first_channel(
            data.channels, (ChannelKind.PHONE, ChannelKind.MOBILE), normalise_phone
        )
        postcode = next((a.postcode.strip() for a in data.addresses if a.postcode), "")
        org = next(
            (e.organisation_name for e in data.employments if e.organisation_name), ""
        )
        mine = person_keys(
            data.first_name,
            data.last_name,
            email,
            phone,
            postcode,
            org,
            data.birth_date.isoformat() if data.birth_date else "",
        )
        if not (mine.full or email or phone):
            return []
        with self._sessions() as s:
            conn = s.connection()
            ids = set(_channel_owners(conn, "person_id", email, phone))
            ids |= set(_name_candidates(conn, "person", mine.first, mine.last))
            ids.discard(exclude_id or "")
            if not ids:
                return []
            rows = conn.execute(
                text(
                    "SELECT id, first_name, last_name, email, phone, postcode, city, "
                    "org_name, COALESCE(birth_date, ''), updated_at FROM person "
                    "WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(:ids))"
                ),
                {"ids": _json_list(ids)},
            ).fetchall()
            emails = _extra_values(conn, "person_id", [r[0] for r in rows])
            dismissed = self._dismissed(s, DedupKind.PERSON)
        out: list[DuplicatePair] = []
        new = RecordBrief(
            "", f"{data.first_name} {data.last_name}".strip(), email, phone, postcode
        )
        for r in rows:
            theirs = person_keys(r[1], r[2], r[3], r[4], r[5], r[7], r[8])
            # a secondary e-mail/phone of theirs that the form holds counts too
            extra = emails.get(r[0], set())
            if email and email.lower() in extra:
                theirs = theirs._replace(email=email.lower())
            if phone and phone in extra:
                theirs = theirs._replace(phone=phone)
            score, reasons, sim = score_persons(mine, theirs)
            if score >= rules.threshold and (
                exclude_id is None or tuple(sorted((exclude_id, r[0]))) not in dismissed
            ):
                brief = RecordBrief(
                    r[0], f"{r[1]} {r[2]}".strip(), r[3], r[4], r[5], r[6], r[7], r[9]
                )
                out.append(
                    DuplicatePair(DedupKind.PERSON, new, brief, score, reasons, sim)
                )
        out.sort(key=lambda p: -p.score)
        return out[:limit]

    def check_organisation(
        self, data: OrganisationData, *, exclude_id: str | None = None, limit: int = 5
    ) -> list[DuplicatePair]:
        """Existing organisations ``data`` probably duplicates (see :meth:`check_person`)."""
        rules = self.rules(DedupKind.ORGANISATION)
        email = _first_channel(data.channels, (ChannelKind.EMAIL,), normalise_email)
        phone = _first_channel(
            data.channels, (ChannelKind.PHONE, ChannelKind.MOBILE), normalise_phone
        )
        web = next((c.value for c in data.channels if c.kind is ChannelKind.WEB), "")
        address = next(iter(data.addresses), None)
        mine = org_keys(
            data.name,
            data.uid,
            email,
            phone,
            address.postcode.strip() if address else "",
            domain_of(web) if web else "",
            address.street if address else "",
        )
        if not (mine.core or email or phone or mine.uid):
            return []
        with self._sessions() as s:
            conn = s.connection()
            ids = set(_channel_owners(conn, "organisation_id", email, phone))
            if mine.uid:
                ids |= set(
                    conn.execute(
                        text("SELECT id FROM organisation WHERE uid = :uid LIMIT :n"),
                        {"uid": mine.uid, "n": ENTRY_LIMIT},
                    ).scalars()
                )
            words = mine.core.split()
            if words:
                ids |= set(
                    _name_candidates(
                        conn, "organisation", words[0], " ".join(words[1:])
                    )
                )
            ids.discard(exclude_id or "")
            if not ids:
                return []
            rows = conn.execute(
                text(
                    "SELECT o.id, o.name, o.uid, o.email, o.phone, o.postcode, o.city, "
                    "COALESCE((SELECT c.value FROM channel c WHERE c.organisation_id = o.id "
                    "AND c.kind = 'web' AND c.deleted_at IS NULL LIMIT 1), ''), "
                    "COALESCE((SELECT a.street FROM address a WHERE a.organisation_id = o.id "
                    "AND a.deleted_at IS NULL ORDER BY a.is_primary DESC LIMIT 1), ''), "
                    "o.updated_at FROM organisation o WHERE o.deleted_at IS NULL "
                    "AND o.id IN (SELECT value FROM json_each(:ids))"
                ),
                {"ids": _json_list(ids)},
            ).fetchall()
        new = RecordBrief("", data.name.strip(), email, phone, mine.postcode)
        out: list[DuplicatePair] = []
        for r in rows:
            theirs = org_keys(
                r[1], r[2], r[3], r[4], r[5], domain_of(r[7]) if r[7] else "", r[8]
            )
            score, reasons, sim = score_orgs(mine, theirs)
            if score >= rules.threshold:
                brief = RecordBrief(r[0], r[1], r[3], r[4], r[5], r[6], r[2], r[9])
                out.append(
                    DuplicatePair(
                        DedupKind.ORGANISATION, new, brief, score, reasons, sim
                    )
                )
        out.sort(key=lambda p: -p.score)
        return out[:limit]


# ---- helpers


def default_rules(kind: DedupKind) -> DedupRules:
    """The rules until an administrator changes them.

    Persons are not blocked by the bare name: two people with the same name in
    different towns share nothing else, and the country-wide name blocks of a
    million persons would cost more than all other comparisons together.
    """
    if kind is DedupKind.PERSON:
        return DedupRules(
            keys=frozenset({MatchKey.EMAIL, MatchKey.PHONE, MatchKey.NAME_POSTCODE})
        )
    return DedupRules()


def _rules_from(kind: DedupKind, settings: dict[str, Any]) -> DedupRules:
    default = default_rules(kind)
    keys = frozenset(
        MatchKey(k)
        for k in settings.get("keys", [])
        if k in MatchKey.__members__.values()
    )
    return DedupRules(
        keys=keys or default.keys,
        threshold=int(settings.get("threshold", default.threshold)),
        max_block=int(settings.get("max_block", default.max_block)),
    )


def _first_channel(
    channels: Iterable[Any], kinds: tuple[ChannelKind, ...], normalise: Any
) -> str:
    for ch in channels:
        if ch.kind in kinds and ch.value.strip():
            try:
                return str(normalise(ch.value))
            except FieldProblem:
                return ""
    return ""


def _json_list(values: Iterable[str]) -> str:
    import json

    return json.dumps(sorted(values))


def _channel_owners(
    conn: Connection, owner_col: str, email: str, phone: str
) -> list[str]:
    out: list[str] = []
    for kinds, value in ((("email",), email), (("phone", "mobile"), phone)):
        if not value:
            continue
        for k in kinds:
            out += (
                conn.execute(
                    text(
                        f"SELECT {owner_col} FROM channel WHERE kind = :k AND value = :v "
                        f"AND deleted_at IS NULL AND {owner_col} IS NOT NULL LIMIT :n"
                    ),
                    {"k": k, "v": value, "n": ENTRY_LIMIT},
                )
                .scalars()
                .all()
            )
        if "email" in kinds and value.lower() != value:
            # stored as typed: also the all-lower-case spelling (through the index;
            # COLLATE NOCASE would scan the whole channel table)
            out += (
                conn.execute(
                    text(
                        f"SELECT {owner_col} FROM channel WHERE kind = 'email' "
                        f"AND value = :v AND deleted_at IS NULL "
                        f"AND {owner_col} IS NOT NULL LIMIT :n"
                    ),
                    {"v": value.lower(), "n": ENTRY_LIMIT},
                )
                .scalars()
                .all()
            )
    return out


def _variants(token: str) -> set[str]:
    """Spellings the FTS index may hold for a folded name token (``muller`` → ``mueller``)."""
    out = {token}
    for a, b in (("a", "ae"), ("o", "oe"), ("u", "ue")):
        if a in token:
            out.add(token.replace(a, b))
    return out


def _name_candidates(conn: Connection, table: str, first: str, last: str) -> list[str]:
    """Ids whose names share one name and the first three letters of the other.

    Typed with a typo in one name, the record is still found through the other;
    swapped first/last names match because the FTS query spans both columns.
    """
    cols = "{last_name first_name}" if table == "person" else "{name}"
    queries: list[str] = []
    a, b = first.split(), last.split()
    for one, other in ((a, b), (b, a)):
        if not one:
            continue
        whole = " OR ".join(f'"{v}"' for v in _variants(one[0]))
        if other and len(other[0]) >= 3:
            prefix = " OR ".join(f'"{v[:3]}"*' for v in _variants(other[0]))
            queries.append(f"{cols}: ({whole}) AND {cols}: ({prefix})")
        elif not other:
            queries.append(f"{cols}: ({whole})")
    ids: list[str] = []
    for q in queries:
        ids += (
            conn.execute(
                text(
                    f"SELECT t.id FROM {table} t WHERE t.rowid IN (SELECT rowid FROM {table}_fts "
                    f"WHERE {table}_fts MATCH :q LIMIT :n)"
                ),
                {"q": q, "n": ENTRY_LIMIT},
            )
            .scalars()
            .all()
        )
    return ids


def _extra_values(
    conn: Connection, owner_col: str, ids: list[str]
) -> dict[str, set[str]]:
    """Every e-mail (lower-case) and phone of the owners ``ids``."""
    out: dict[str, set[str]] = {}
    if not ids:
        return out
    rows = conn.execute(
        text(
            f"SELECT {owner_col}, kind, value FROM channel WHERE deleted_at IS NULL "
            f"AND {owner_col} IN (SELECT value FROM json_each(:ids))"
        ),
        {"ids": _json_list(ids)},
    ).all()
    for owner, kind, value in rows:
        out.setdefault(owner, set()).add(value.lower() if kind == "email" else value)
    return out


__all__ = ["DedupService", "fold_name", "org_core"]
