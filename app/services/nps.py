"""Net Promoter Score: record survey answers per person, list them, import them.

An answer is a score 0-10 on a day, with an optional comment, where it came
from and the campaign that asked. An import reads an Excel or CSV file of
answers (e-mail or Relata person id, score, date, comment), reports every row
it cannot use with its reason, and writes the rest in one transaction with
Core inserts, queued for sync.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, case, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.analytics import NpsClass, NpsCounts, nps_class
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, UserError, ValidationError
from app.domain.exchange import WrittenRow
from app.domain.progress import NullProgress, ProgressSink
from app.models import Person, new_id, utcnow
from app.models.analytics import NpsResponse
from app.sync import outbox

BATCH = 5_000
MAX_COMMENT = 2_000
#: Heading synonyms of the import columns (lower case, German and English).
HEADINGS: dict[str, tuple[str, ...]] = {
    "email": ("e-mail", "email", "mail", "e-mail-adresse", "email address"),
    "person_id": ("relata id", "person id", "id"),
    "score": ("score", "nps", "bewertung", "punkte", "wert", "rating", "note"),
    "answered_on": ("date", "datum", "answered", "beantwortet", "answered on"),
    "comment": ("comment", "kommentar", "bemerkung", "feedback", "text"),
}
_DATE_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass(frozen=True)
class NpsAnswer:
    """Input for one answer."""

    person_id: str
    score: int | None
    answered_on: dt.date | None
    comment: str = ""
    source: str = "manual"
    campaign_id: str | None = None


@dataclass(frozen=True)
class NpsRow:
    """One line of the answer list."""

    id: str
    person_id: str
    person: str
    score: int
    answered_on: dt.date
    comment: str
    source: str

    @property
    def category(self) -> NpsClass:
        """Promoter, passive or detractor."""
        return nps_class(self.score)


@dataclass(frozen=True)
class ImportIssue:
    """A row of an answer file that was not imported, and why."""

    row: int
    code: str
    message: str
    value: object = None


@dataclass(frozen=True)
class NpsImportResult:
    """What an import did (or would do, for a dry run)."""

    imported: int
    issues: tuple[ImportIssue, ...]
    changes: Changes


def validate(answer: NpsAnswer, today: dt.date) -> list[FieldError]:
    """Every problem of ``answer`` at once."""
    errors = []
    if not answer.person_id:
        errors.append(
            FieldError("person", "nps.person", "Choose the person who answered")
        )
    if answer.score is None or not 0 <= answer.score <= 10:
        errors.append(
            FieldError(
                "score", "nps.score", "The score is a whole number 0-10", answer.score
            )
        )
    if answer.answered_on is None:
        errors.append(FieldError("answered_on", "nps.date", "Enter the date"))
    elif answer.answered_on > today:
        errors.append(
            FieldError(
                "answered_on",
                "nps.future",
                "The answer cannot lie in the future",
                answer.answered_on,
            )
        )
    if len(answer.comment) > MAX_COMMENT:
        errors.append(
            FieldError(
                "comment",
                "nps.comment",
                "At most 2,000 characters",
                len(answer.comment),
            )
        )
    return errors


class NpsService:
    """Record, list, delete and import NPS answers."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._sessions = sessions
        self._today = today

    def record(self, answer: NpsAnswer) -> tuple[NpsRow, Changes]:
        """Save one answer (it belongs to the person's owner and team).

        Raises:
            ValidationError: ``nps.person``, ``nps.score``, ``nps.date``,
                ``nps.future``, ``nps.comment``; nothing is written.
        """
        errors = validate(answer, self._today())
        with self._sessions.begin() as s:
            person = s.get(Person, answer.person_id) if answer.person_id else None
            if answer.person_id and (person is None or person.deleted_at is not None):
                errors.append(
                    FieldError(
                        "person", "nps.person", "This person does not exist", None
                    )
                )
            if errors:
                raise ValidationError(errors)
            assert person is not None
            assert answer.score is not None
            assert answer.answered_on is not None
            row = NpsResponse(
                person_id=person.id,
                score=answer.score,
                answered_on=answer.answered_on,
                comment=answer.comment.strip(),
                source=answer.source,
                campaign_id=answer.campaign_id,
                owner_id=person.owner_id,
                team_id=person.team_id,
            )
            s.add(row)
            s.flush()
            dto = NpsRow(
                row.id,
                person.id,
                f"{person.first_name} {person.last_name}".strip(),
                row.score,
                row.answered_on,
                row.comment,
                row.source,
            )
        return dto, Changes.of(EntityKind.NPS_RESPONSE, dto.id)

    def delete(self, response_id: str) -> Changes:
        """Remove an answer (tombstone)."""
        with self._sessions.begin() as s:
            row = s.get(NpsResponse, response_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("nps_response", response_id)
            row.deleted_at = utcnow()
        return Changes.of(EntityKind.NPS_RESPONSE, response_id)

    def _where(self, search: str) -> list[Any]:
        conds: list[Any] = [NpsResponse.deleted_at.is_(None)]
        text = search.strip()
        if text:
            conds.append(
                (
                    Person.last_name
                    + " "
                    + Person.first_name
                    + " "
                    + NpsResponse.comment
                ).like(f"%{text}%")
            )
        return conds

    def count(self, search: str = "") -> int:
        """Answers in the list."""
        with self._sessions() as s:
            stmt = select(func.count()).select_from(NpsResponse)
            if search.strip():
                stmt = stmt.join(Person, Person.id == NpsResponse.person_id)
            return int(s.execute(stmt.where(*self._where(search))).scalar_one())

    def page(self, *, search: str = "", offset: int, limit: int) -> list[NpsRow]:
        """Answers newest first, ``limit`` from ``offset``."""
        with self._sessions() as s:
            rows = s.execute(
                select(
                    NpsResponse.id,
                    NpsResponse.person_id,
                    func.trim(Person.first_name + " " + Person.last_name),
                    NpsResponse.score,
                    NpsResponse.answered_on,
                    NpsResponse.comment,
                    NpsResponse.source,
                )
                .join(Person, Person.id == NpsResponse.person_id)
                .where(*self._where(search))
                .order_by(NpsResponse.answered_on.desc(), NpsResponse.id.desc())
                .offset(offset)
                .limit(limit)
            ).all()
        return [NpsRow(*r) for r in rows]

    def summary(self, start: dt.date, end: dt.date) -> NpsCounts:
        """Promoters, passives and detractors answering in ``start``…``end``."""
        with self._sessions() as s:
            p, m, d = s.execute(
                select(
                    func.sum(case((NpsResponse.score >= 9, 1), else_=0)),
                    func.sum(case((NpsResponse.score.between(7, 8), 1), else_=0)),
                    func.sum(case((NpsResponse.score <= 6, 1), else_=0)),
                ).where(
                    NpsResponse.deleted_at.is_(None),
                    NpsResponse.answered_on >= start,
                    NpsResponse.answered_on <= end,
                )
            ).one()
        return NpsCounts(int(p or 0), int(m or 0), int(d or 0))

    # ---- import

    def import_file(
        self,
        engine: Engine,
        path: Path,
        *,
        dry_run: bool = False,
        progress: ProgressSink = NullProgress(),  # noqa: B008 - stateless
    ) -> NpsImportResult:
        """Import the answers in ``path`` (xlsx or csv), all or nothing.

        Rows without a known person (by e-mail or Relata id), with a score
        outside 0-10 or a date that cannot be read or lies in the future are
        listed in ``issues`` and left out. ``dry_run`` writes nothing.

        Raises:
            UserError: the file cannot be read (``file.*``) or has no score
                column (``nps.columns``).
            Cancelled: the sink cancelled; nothing was written.
        """
        from app.exchange.source import open_source

        rows = open_source(path).rows()
        header_at, columns = _find_header(rows)
        today = self._today()
        body = rows[header_at + 1 :]
        progress.report(0, len(body) or 1, "Reading answers")
        issues: list[ImportIssue] = []
        parsed: list[tuple[int, str, str, int, dt.date, str]] = []
        for i, raw in enumerate(body, start=header_at + 2):
            cells = {k: raw[c] if c < len(raw) else None for k, c in columns.items()}
            if all(v in (None, "") for v in cells.values()):
                continue
            try:
                score = _score(cells.get("score"))
                day = _date(cells.get("answered_on"), today)
            except UserError as exc:
                issues.append(ImportIssue(i, exc.code, exc.message, exc.value))
                continue
            key_mail = str(cells.get("email") or "").strip().lower()
            key_id = str(cells.get("person_id") or "").strip()
            comment = str(cells.get("comment") or "").strip()[:MAX_COMMENT]
            parsed.append((i, key_mail, key_id, score, day, comment))
        with engine.connect() as conn, conn.begin():
            people = _people(conn, parsed)
            values: list[dict[str, Any]] = []
            for i, mail, pid, score, day, comment in parsed:
                person = people.get(("id", pid)) or people.get(("mail", mail))
                if person is None:
                    issues.append(
                        ImportIssue(
                            i,
                            "nps.unknown_person",
                            "No person with this e-mail address or id",
                            mail or pid,
                        )
                    )
                    continue
                now = utcnow()
                values.append(
                    {
                        "id": new_id(),
                        "person_id": person[0],
                        "score": score,
                        "answered_on": day,
                        "comment": comment,
                        "source": "import",
                        "campaign_id": None,
                        "owner_id": person[1],
                        "team_id": person[2],
                        "rev": 0,
                        "field_revs": {},
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            if dry_run:
                conn.rollback()
                return NpsImportResult(len(values), tuple(issues), Changes())
            for start in range(0, len(values), BATCH):
                progress.check_cancelled()
                conn.execute(insert(NpsResponse), values[start : start + BATCH])
                progress.report(start + BATCH, len(values), "Importing answers")
            outbox.record_written(
                conn,
                [
                    WrittenRow("nps_response", v["id"], "create", frozenset())
                    for v in values
                ],
            )
        ids = [v["id"] for v in values]
        return NpsImportResult(
            len(values),
            tuple(sorted(issues, key=lambda x: x.row)),
            Changes.of(EntityKind.NPS_RESPONSE, *ids),
        )


def _find_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]]:
    """The first row (of the first ten) naming a score column, and the columns."""
    for at, row in enumerate(rows[:10]):
        found: dict[str, int] = {}
        for col, cell in enumerate(row):
            name = str(cell or "").strip().lower()
            for key, names in HEADINGS.items():
                if name in names and key not in found:
                    found[key] = col
        if "score" in found and ("email" in found or "person_id" in found):
            return at, found
    raise UserError(
        "nps.columns",
        "The file needs a column with the score and one with the e-mail address "
        "or Relata id",
    )


def _score(value: object) -> int:
    if isinstance(value, bool) or value in (None, ""):
        raise UserError("nps.score", "The score is missing", field="score", value=value)
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise UserError(
            "nps.score", "The score is not a number", field="score", value=value
        ) from None
    if number != int(number) or not 0 <= number <= 10:
        raise UserError(
            "nps.score", "The score is a whole number 0-10", field="score", value=value
        )
    return int(number)


def _date(value: object, today: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif value in (None, ""):
        return today
    else:
        text = str(value).strip()
        match = _DATE_DMY.match(text)
        try:
            day = (
                dt.date(int(match[3]), int(match[2]), int(match[1]))
                if match
                else dt.date.fromisoformat(text[:10])
            )
        except ValueError:
            raise UserError(
                "nps.date",
                "This is not a date (31.12.2026 or 2026-12-31)",
                field="answered_on",
                value=value,
            ) from None
    if day > today:
        raise UserError(
            "nps.future",
            "The answer cannot lie in the future",
            field="answered_on",
            value=value,
        )
    return day


def _people(
    conn: Connection, parsed: Sequence[tuple[int, str, str, int, dt.date, str]]
) -> dict[tuple[str, str], tuple[str, str | None, str | None]]:
    """Persons by e-mail and id: (id, owner, team), looked up in chunks."""
    out: dict[tuple[str, str], tuple[str, str | None, str | None]] = {}
    mails = sorted({p[1] for p in parsed if p[1]})
    ids = sorted({p[2] for p in parsed if p[2]})
    cols = (Person.id, Person.owner_id, Person.team_id)
    for start in range(0, len(mails), 500):
        for pid, owner, team, mail in conn.execute(
            select(*cols, Person.email).where(
                Person.email.in_(mails[start : start + 500]),
                Person.deleted_at.is_(None),
            )
        ):
            out.setdefault(("mail", mail.lower()), (pid, owner, team))
    for start in range(0, len(ids), 500):
        for pid, owner, team in conn.execute(
            select(*cols).where(
                Person.id.in_(ids[start : start + 500]), Person.deleted_at.is_(None)
            )
        ):
            out[("id", pid)] = (pid, owner, team)
    return out
