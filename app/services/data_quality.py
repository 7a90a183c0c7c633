"""Validation rules and the data-quality report with fix-in-place.

Format rules are the ones forms and imports apply (``app/services/validation``:
e-mail, E.164 phone, postcode per country, UID with check digit, web address,
IBAN and the other formats of custom text fields); an administrator adds
"required" and "allowed values" rules on top. The report finds stored records
that break a rule — data from before a rule, from old imports or other
systems — and :meth:`DataQualityService.fix` corrects one value through the
same normaliser, so a fix can never store something the form would refuse.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import Changes, EntityKind
from app.domain.custom_fields import FieldType, TextFormat
from app.domain.errors import FieldError, NotFoundError, UserError, ValidationError
from app.domain.progress import NullProgress, ProgressSink
from app.domain.quality import QualityIssue, QualityReport, QualityRuleInfo, RuleKind
from app.models import Address, Channel, Organisation, Person, utcnow
from app.models.quality import CustomFieldValue, QualityRule
from app.services.custom_fields import def_dto, live_defs, parse_value, write_value
from app.services.validation import (
    FieldProblem,
    normalise_email,
    normalise_iban,
    normalise_phone,
    normalise_postcode,
    normalise_uid,
    normalise_web,
)

#: The report lists at most this many issues (counts cover all).
MAX_ISSUES = 10_000
PAGE = 5_000
#: Record fields an administrator can make required, per kind.
REQUIRABLE: dict[str, tuple[str, ...]] = {
    "person": (
        "first_name",
        "title",
        "birth_date",
        "owner_id",
        "email",
        "phone",
        "address",
    ),
    "organisation": (
        "legal_form",
        "customer_number",
        "uid",
        "industry_id",
        "owner_id",
        "email",
        "phone",
        "web",
        "address",
    ),
}
#: Text fields whose values an administrator can restrict.
RESTRICTABLE: dict[str, tuple[str, ...]] = {
    "person": ("title", "language", "status"),
    "organisation": ("legal_form", "status"),
}
_CHANNEL_RULES: dict[str, Callable[[str], str]] = {
    "email": normalise_email,
    "phone": normalise_phone,
    "mobile": normalise_phone,
    "fax": normalise_phone,
    "web": normalise_web,
}
_FORMATS: dict[TextFormat, Callable[[str], str]] = {
    TextFormat.EMAIL: normalise_email,
    TextFormat.PHONE: normalise_phone,
    TextFormat.WEB: normalise_web,
    TextFormat.IBAN: normalise_iban,
    TextFormat.UID: normalise_uid,
}


def _builtin(kind: str) -> list[QualityRuleInfo]:
    fields = ["email", "phone", "web", "postcode"] + (
        ["uid"] if kind == "organisation" else []
    )
    required = "last_name" if kind == "person" else "name"
    return [
        QualityRuleInfo(f"builtin:{kind}:{f}", kind, f, RuleKind.FORMAT, builtin=True)
        for f in fields
    ] + [
        QualityRuleInfo(
            f"builtin:{kind}:{required}",
            kind,
            required,
            RuleKind.REQUIRED,
            builtin=True,
        )
    ]


@dataclass
class _Collect:
    issues: list[QualityIssue]
    counts: Counter[str]
    truncated: bool = False

    def add(self, issue: QualityIssue) -> None:
        self.counts[issue.code] += 1
        if len(self.issues) < MAX_ISSUES:
            self.issues.append(issue)
        else:
            self.truncated = True


class DataQualityService:
    """Rules, the report and fixing values in place."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # ---- rules

    def rules(self, kind: str) -> list[QualityRuleInfo]:
        """Built-in format rules, then the administrator's rules, of ``kind``."""
        with self._sessions() as s:
            rows = s.scalars(
                select(QualityRule).where(
                    QualityRule.entity_kind == kind, QualityRule.deleted_at.is_(None)
                )
            ).all()
            own = [
                QualityRuleInfo(
                    r.id,
                    r.entity_kind,
                    r.field,
                    RuleKind(r.rule),
                    tuple(r.params.get("allowed", [])),
                    active=r.active,
                )
                for r in rows
            ]
        return _builtin(kind) + sorted(own, key=lambda r: (r.rule, r.field))

    def add_rule(
        self, kind: str, field: str, rule: RuleKind, allowed: tuple[str, ...] = ()
    ) -> tuple[QualityRuleInfo, Changes]:
        """Add a "required" or "allowed values" rule.

        Raises:
            ValidationError: the field cannot carry that rule, or no values given.
        """
        if rule is RuleKind.REQUIRED and field not in REQUIRABLE.get(kind, ()):
            raise ValidationError(
                [
                    FieldError(
                        "field", "rule.field", "This field cannot be required", field
                    )
                ]
            )
        if rule is RuleKind.ALLOWED:
            if field not in RESTRICTABLE.get(kind, ()):
                raise ValidationError(
                    [
                        FieldError(
                            "field",
                            "rule.field",
                            "This field cannot be restricted",
                            field,
                        )
                    ]
                )
            allowed = tuple(v.strip() for v in allowed if v.strip())
            if not allowed:
                raise ValidationError(
                    [
                        FieldError(
                            "allowed",
                            "rule.values",
                            "Enter the allowed values",
                            allowed,
                        )
                    ]
                )
        if rule is RuleKind.FORMAT:
            raise ValidationError(
                [FieldError("rule", "rule.builtin", "Format rules are built in", rule)]
            )
        with self._sessions.begin() as s:
            row = QualityRule(
                entity_kind=kind,
                field=field,
                rule=str(rule),
                params={"allowed": list(allowed)},
            )
            s.add(row)
            s.flush()
            info = QualityRuleInfo(row.id, kind, field, rule, allowed)
        return info, Changes.of(EntityKind.QUALITY_RULE, info.id)

    def remove_rule(self, rule_id: str) -> Changes:
        """Remove an administrator's rule (built-in rules cannot be removed)."""
        with self._sessions.begin() as s:
            row = s.get(QualityRule, rule_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("quality_rule", rule_id)
            row.deleted_at = utcnow()
        return Changes.of(EntityKind.QUALITY_RULE, rule_id)

    # ---- the report

    def report(
        self, kind: str, *, progress: ProgressSink | None = None
    ) -> QualityReport:
        """Every stored value of ``kind`` that breaks a rule (first 10,000 listed).

        Reads in pages and checks for Cancel between them; writes nothing.
        """
        sink = progress or NullProgress()
        started = time.perf_counter()
        found = _Collect([], Counter())
        rules = self.rules(kind)
        with self._sessions() as s:
            conn = s.connection()
            names = _Names(conn, kind)
            checked = int(
                conn.execute(
                    text(f"SELECT count(*) FROM {kind} WHERE deleted_at IS NULL")
                ).scalar_one()
            )
            steps = 4
            sink.report(0, steps, "Checking e-mail addresses and phone numbers")
            for issue in _channels(conn, kind, names, sink):
                found.add(issue)
            sink.report(1, steps, "Checking addresses")
            for issue in _addresses(conn, kind, names, sink):
                found.add(issue)
            sink.report(2, steps, "Checking required fields")
            for issue in _records(conn, kind, rules, names):
                found.add(issue)
            sink.report(3, steps, "Checking custom fields")
            defs = [def_dto(r) for r in live_defs(s, kind)]
            for issue in _custom(conn, kind, defs, names, sink):
                found.add(issue)
        sink.report(steps, steps, "Done")
        return QualityReport(
            tuple(found.issues),
            checked,
            time.perf_counter() - started,
            found.truncated,
            dict(found.counts),
        )

    # ---- fix in place

    def fix(self, issue: QualityIssue, value: str) -> Changes:
        """Store a corrected ``value`` for ``issue`` (through the field's normaliser).

        Raises:
            ValidationError: the new value breaks the rule too (field ``value``);
                the database is unchanged.
        """
        try:
            with self._sessions.begin() as s:
                self._fix(s, issue, value)
        except FieldProblem as exc:
            raise ValidationError(
                [FieldError("value", exc.code, exc.message, value)]
            ) from exc
        return Changes.of(EntityKind(issue.entity_kind), issue.record_id)

    def _fix(self, s: Session, issue: QualityIssue, value: str) -> None:
        if issue.field in _CHANNEL_RULES and issue.row_id:
            row = s.get(Channel, issue.row_id)
            if row is None:
                raise NotFoundError("channel", issue.row_id)
            if not value.strip():
                row.deleted_at = utcnow()  # an empty fix removes the bad line
                return
            row.value = _CHANNEL_RULES[row.kind](value)
            return
        if issue.field == "postcode" and issue.row_id:
            address = s.get(Address, issue.row_id)
            if address is None:
                raise NotFoundError("address", issue.row_id)
            address.postcode = normalise_postcode(
                value, country=address.country or "CH"
            )
            return
        if issue.field.startswith("cf:") and issue.row_id:
            cfv = s.get(CustomFieldValue, issue.row_id)
            if cfv is None:
                raise NotFoundError("custom_field_value", issue.row_id)
            d = next(
                def_dto(r)
                for r in live_defs(s, issue.entity_kind)
                if r.id == cfv.def_id
            )
            write_value(s, d, cfv.entity_id, parse_value(d, value))
            return
        record = _record(s, issue.entity_kind, issue.record_id)
        if issue.field == "uid":
            record.uid = normalise_uid(value) if value.strip() else ""  # type: ignore[union-attr]
            return
        if issue.field in (
            "last_name",
            "name",
            "first_name",
            "title",
            "legal_form",
            "customer_number",
        ):
            if not value.strip() and issue.field in ("last_name", "name"):
                raise FieldProblem("required", "This field is required")
            setattr(record, issue.field, value.strip())
            return
        raise UserError(
            "quality.not_fixable",
            "Open the record to correct this",
            field=issue.field,
            value=issue.value,
        )


# ---- checks


class _Names:
    """Record names for the report, fetched per page of ids."""

    def __init__(self, conn: Connection, kind: str) -> None:
        self._conn = conn
        self._kind = kind

    def of(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        col = "first_name || ' ' || last_name" if self._kind == "person" else "name"
        rows = self._conn.execute(
            text(
                f"SELECT id, {col} FROM {self._kind} WHERE deleted_at IS NULL "
                "AND id IN (SELECT value FROM json_each(:ids))"
            ),
            {"ids": _json(ids)},
        ).all()
        return {r[0]: r[1].strip() for r in rows}


def _json(values: list[str]) -> str:
    import json

    return json.dumps(values)


def _paged(conn: Connection, sql: str, params: dict[str, Any]) -> Iterator[list[Any]]:
    last = 0
    while True:
        rows = conn.execute(text(sql), {**params, "last": last, "n": PAGE}).all()
        if not rows:
            return
        yield list(rows)
        last = rows[-1][0]


def _channels(
    conn: Connection, kind: str, names: _Names, sink: ProgressSink
) -> Iterator[QualityIssue]:
    owner = f"{kind}_id"
    # channels of live records; the normaliser is the judge, so stored values
    # that are already in normal form pass without being rewritten
    sql = (
        f"SELECT c.rowid, c.id, c.{owner}, c.kind, c.value FROM channel c "
        f"JOIN {kind} r ON r.id = c.{owner} AND r.deleted_at IS NULL "
        f"WHERE c.deleted_at IS NULL AND c.rowid > :last ORDER BY c.rowid LIMIT :n"
    )
    for page in _paged(conn, sql, {}):
        sink.check_cancelled()
        bad: list[tuple[Any, ...]] = []
        for _rowid, cid, rid, ch_kind, value in page:
            check = _CHANNEL_RULES.get(ch_kind)
            if check is None:
                continue
            try:
                normal = check(value)
            except FieldProblem as exc:
                bad.append((cid, rid, ch_kind, exc.code, value))
                continue
            if ch_kind in ("phone", "mobile", "fax") and normal != value:
                bad.append((cid, rid, ch_kind, "phone.not_e164", value))
        labels = names.of([b[1] for b in bad])
        for cid, rid, ch_kind, code, value in bad:
            field = "phone" if ch_kind in ("mobile", "fax") else ch_kind
            yield QualityIssue(kind, rid, labels.get(rid, ""), field, code, value, cid)


def _addresses(
    conn: Connection, kind: str, names: _Names, sink: ProgressSink
) -> Iterator[QualityIssue]:
    owner = f"{kind}_id"
    sql = (
        f"SELECT a.rowid, a.id, a.{owner}, a.postcode, a.country FROM address a "
        f"JOIN {kind} r ON r.id = a.{owner} AND r.deleted_at IS NULL "
        "WHERE a.deleted_at IS NULL AND a.postcode != '' AND a.rowid > :last "
        "ORDER BY a.rowid LIMIT :n"
    )
    for page in _paged(conn, sql, {}):
        sink.check_cancelled()
        bad = []
        for _rowid, aid, rid, postcode, country in page:
            try:
                normalise_postcode(postcode, country=country or "CH")
            except FieldProblem as exc:
                bad.append((aid, rid, exc.code, postcode))
        labels = names.of([b[1] for b in bad])
        for aid, rid, code, postcode in bad:
            yield QualityIssue(
                kind, rid, labels.get(rid, ""), "postcode", code, postcode, aid
            )


def _records(
    conn: Connection, kind: str, rules: list[QualityRuleInfo], names: _Names
) -> Iterator[QualityIssue]:
    if kind == "organisation":
        rows = conn.execute(
            text(
                "SELECT id, name, uid FROM organisation WHERE deleted_at IS NULL AND uid != ''"
            )
        ).all()
        for rid, name, uid in rows:
            try:
                normalise_uid(uid)
            except FieldProblem as exc:
                yield QualityIssue(kind, rid, name, "uid", exc.code, uid)
    for rule in rules:
        if not rule.active:
            continue
        where = _rule_where(kind, rule)
        if where is None:
            continue
        column = rule.field if rule.field in _COLUMNS.get(kind, ()) else "''"
        rows = conn.execute(
            text(
                f"SELECT id, {column} FROM {kind} r WHERE r.deleted_at IS NULL AND {where} LIMIT :n"
            ),
            {"n": MAX_ISSUES + 1, **{f"v{i}": v for i, v in enumerate(rule.allowed)}},
        ).all()
        labels = names.of([r[0] for r in rows])
        code = "required" if rule.rule is RuleKind.REQUIRED else "value.not_allowed"
        for rid, value in rows:
            yield QualityIssue(
                kind, rid, labels.get(rid, ""), rule.field, code, str(value or "")
            )


_COLUMNS = {
    "person": (
        "first_name",
        "last_name",
        "title",
        "language",
        "status",
        "birth_date",
        "owner_id",
    ),
    "organisation": (
        "name",
        "legal_form",
        "customer_number",
        "uid",
        "industry_id",
        "status",
        "owner_id",
    ),
}


def _rule_where(kind: str, rule: QualityRuleInfo) -> str | None:
    f = rule.field
    if rule.rule is RuleKind.REQUIRED:
        if f in ("email", "phone", "web"):
            kinds = "('phone', 'mobile')" if f == "phone" else f"('{f}')"
            return (
                f"NOT EXISTS (SELECT 1 FROM channel c WHERE c.{kind}_id = r.id "
                f"AND c.kind IN {kinds} AND c.deleted_at IS NULL)"
            )
        if f == "address":
            return (
                f"NOT EXISTS (SELECT 1 FROM address a WHERE a.{kind}_id = r.id "
                "AND a.deleted_at IS NULL)"
            )
        if f in _COLUMNS.get(kind, ()):
            return f"(r.{f} IS NULL OR r.{f} = '')"
        return None
    if rule.rule is RuleKind.ALLOWED and f in _COLUMNS.get(kind, ()) and rule.allowed:
        marks = ", ".join(f":v{i}" for i in range(len(rule.allowed)))
        return f"(r.{f} != '' AND r.{f} NOT IN ({marks}))"
    return None


def _custom(
    conn: Connection, kind: str, defs: list[Any], names: _Names, sink: ProgressSink
) -> Iterator[QualityIssue]:
    for d in defs:
        sink.check_cancelled()
        check = _FORMATS.get(d.text_format) if d.field_type is FieldType.TEXT else None
        if check is not None:
            rows = conn.execute(
                text(
                    "SELECT id, entity_id, value FROM custom_field_value WHERE def_id = :d "
                    "AND deleted_at IS NULL AND value != ''"
                ),
                {"d": d.id},
            ).all()
            bad = []
            for vid, rid, value in rows:
                try:
                    if check(value) != value:
                        raise FieldProblem(
                            f"{d.text_format}.format", "not in normal form"
                        )
                except FieldProblem as exc:
                    bad.append((vid, rid, exc.code, value))
            labels = names.of([b[1] for b in bad])
            for vid, rid, code, value in bad:
                if rid in labels:
                    yield QualityIssue(
                        kind, rid, labels[rid], d.column_key, code, value, vid
                    )
        if d.field_type in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
            allowed = {c.value for c in d.choices}
            rows = conn.execute(
                text(
                    "SELECT id, entity_id, value FROM custom_field_value WHERE def_id = :d "
                    "AND deleted_at IS NULL AND value != ''"
                ),
                {"d": d.id},
            ).all()
            bad_choice = [
                (vid, rid, value)
                for vid, rid, value in rows
                if any(v not in allowed for v in value.strip("|").split("|"))
                and (d.field_type is FieldType.MULTI_CHOICE or value not in allowed)
            ]
            labels = names.of([b[1] for b in bad_choice])
            for vid, rid, value in bad_choice:
                if rid in labels:
                    yield QualityIssue(
                        kind,
                        rid,
                        labels[rid],
                        d.column_key,
                        "choice.unknown",
                        value,
                        vid,
                    )
        if d.required and d.active:
            rows = conn.execute(
                text(
                    f"SELECT r.id FROM {kind} r WHERE r.deleted_at IS NULL AND NOT EXISTS "
                    "(SELECT 1 FROM custom_field_value v WHERE v.entity_id = r.id "
                    "AND v.def_id = :d AND v.deleted_at IS NULL AND v.value != '') LIMIT :n"
                ),
                {"d": d.id, "n": MAX_ISSUES + 1},
            ).all()
            labels = names.of([r[0] for r in rows])
            for (rid,) in rows:
                yield QualityIssue(
                    kind, rid, labels.get(rid, ""), d.column_key, "required", ""
                )


def _record(s: Session, kind: str, rid: str) -> Person | Organisation:
    row: Person | Organisation | None = (
        s.get(Person, rid) if kind == "person" else s.get(Organisation, rid)
    )
    if row is None or row.deleted_at is not None:
        raise NotFoundError(kind, rid)
    return row
