"""References between import rows: organisation, contact, pipeline and stage.

A persons sheet names its organisation, an opportunities sheet its
organisation and contact, by a key a back-office user has in Excel: the
organisation's customer number, name or external ID; the contact's e-mail or
external ID. In a several-sheet import the key is looked up in the other
sheets first, then in the database; a key found in neither is an error of the
row (no stub record is made up), and so is a key whose sheet row has errors.

A row of another sheet that will be *created* has no id during the analysis;
it is a :class:`SheetRef` until that sheet is written, then
:func:`resolve_refs` puts the ids in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Connection

from app.domain.exchange import RowAction, RowIssue
from app.exchange.entities import STAGE
from app.exchange.values import cell_text, fold
from app.models.pipeline import DEFAULT_PIPELINE_ID, default_stage_id

type Heading = Callable[[str], str]


@dataclass(frozen=True)
class SheetRef:
    """A record another sheet of the run creates: ``creates[index]`` of ``entity``."""

    entity: str
    index: int


class Target(NamedTuple):
    """What the analysis decided for one row: action, matched id, create index."""

    action: RowAction
    match: str | None
    create_index: int


class RowLink(Protocol):
    """Called for every converted row before duplicates and actions are decided."""

    def apply(
        self,
        values: dict[str, Any],
        issues: list[RowIssue],
        number: int,
        heading: Heading,
    ) -> None: ...


class SheetKeys:
    """The reference keys of one sheet's rows (collected during its analysis).

    Args:
        sheet: the sheet's name (for messages).
        fields: which values identify a row (``name``, ``customer_number`` …).
    """

    def __init__(self, sheet: str, fields: Sequence[str]) -> None:
        self.sheet = sheet
        self.fields = tuple(fields)
        self.index: dict[str, int] = {}
        self.numbers: list[int] = []
        self.names: list[str] = []
        self.targets: Sequence[Target] = ()

    def apply(
        self,
        values: dict[str, Any],
        issues: list[RowIssue],  # noqa: ARG002 (the RowLink protocol)
        number: int,
        heading: Heading,  # noqa: ARG002
    ) -> None:
        """Remember the row's keys (the first row with a key wins)."""
        row = len(self.numbers)
        self.numbers.append(number)
        self.names.append(str(values.get("name") or ""))
        for name in self.fields:
            value = values.get(name)
            if value:
                self.index.setdefault(fold(str(value)), row)

    def find(self, key: str) -> tuple[str | SheetRef | None, int, str]:
        """(id or :class:`SheetRef`, sheet row number, name in the sheet);
        id None if row n has errors; row 0 if no row has ``key``."""
        row = self.index.get(fold(key))
        if row is None:
            return None, 0, ""
        target = self.targets[row]
        number, name = self.numbers[row], self.names[row]
        if target.action is RowAction.ERROR:
            return None, number, name
        if target.action is RowAction.CREATE:
            return SheetRef("", target.create_index), number, name
        return target.match, number, name


class _Lookup:
    """A reference resolver: the other sheet first, then the database."""

    field = ""
    entity = ""
    what = ""

    def __init__(self, conn: Connection, sheet: SheetKeys | None) -> None:
        self.conn = conn
        self.sheet = sheet
        self._db: dict[str, str] | None = None
        #: record id → display name (filled by :meth:`database`)
        self.names: dict[str, str] = {}
        #: the name of the record the last :meth:`resolve` found
        self.found_name = ""

    def database(self) -> dict[str, str]:
        raise NotImplementedError

    def resolve(
        self, text: str, number: int, heading: Heading, issues: list[RowIssue]
    ) -> str | SheetRef | None:
        """The id (or sheet reference) ``text`` names; an issue if none."""
        self.found_name = ""
        if self.sheet is not None:
            found, row, name = self.sheet.find(text)
            if isinstance(found, SheetRef):
                self.found_name = name
                return SheetRef(self.entity, found.index)
            if found is not None:
                if self._db is None:
                    self._db = self.database()
                self.found_name = name or self.names.get(found, "")
                return found
            if row:
                issues.append(
                    RowIssue(
                        number,
                        heading(self.field),
                        self.field,
                        f"{self.field}.row_error",
                        f"row {row} of sheet {self.sheet.sheet} ({text}) has errors",
                        text,
                    )
                )
                return None
        if self._db is None:
            self._db = self.database()
        hit = self._db.get(fold(text))
        if hit is not None:
            self.found_name = self.names.get(hit, "")
        else:
            where = f"in sheet {self.sheet.sheet} or " if self.sheet else ""
            issues.append(
                RowIssue(
                    number,
                    heading(self.field),
                    self.field,
                    f"{self.field}.unknown",
                    f"no {self.what} {text!r} {where}in the database",
                    text,
                )
            )
        return hit


class OrganisationLookup(_Lookup):
    """Organisations by customer number, name or external ID."""

    field = "organisation"
    entity = "organisations"
    what = "organisation"

    def database(self) -> dict[str, str]:
        out: dict[str, str] = {}
        by_name: dict[str, str] = {}
        for oid, name, number in self.conn.exec_driver_sql(
            "SELECT id, name, customer_number FROM organisation "
            "WHERE deleted_at IS NULL ORDER BY created_at"
        ):
            if number:
                out.setdefault(fold(number), oid)
            by_name.setdefault(fold(name), oid)
            self.names[oid] = name
        for ext, rid in self.conn.exec_driver_sql(
            "SELECT r.external_id, r.record_id FROM external_ref r JOIN organisation o "
            "ON o.id = r.record_id WHERE r.entity = 'organisations' "
            "AND o.deleted_at IS NULL"
        ):
            out.setdefault(fold(ext), rid)
        for name, oid in by_name.items():  # a number wins over an equal name
            out.setdefault(name, oid)
        return out


class PersonLookup(_Lookup):
    """Persons by e-mail (primary first) or external ID."""

    field = "contact"
    entity = "persons"
    what = "contact"

    def database(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for value, pid in self.conn.exec_driver_sql(
            "SELECT c.value, c.person_id FROM channel c JOIN person p "
            "ON p.id = c.person_id WHERE c.kind = 'email' AND c.deleted_at IS NULL "
            "AND p.deleted_at IS NULL ORDER BY c.is_primary DESC, p.rowid"
        ):
            out.setdefault(fold(value), pid)
        for ext, rid in self.conn.exec_driver_sql(
            "SELECT r.external_id, r.record_id FROM external_ref r JOIN person p "
            "ON p.id = r.record_id WHERE r.entity = 'persons' AND p.deleted_at IS NULL"
        ):
            out.setdefault(fold(ext), rid)
        return out


class PersonLinks:
    """A persons sheet next to an organisations sheet: the employer must exist.

    Also collects the persons' keys for an opportunities sheet.
    """

    def __init__(self, orgs: OrganisationLookup, keys: SheetKeys) -> None:
        self.orgs = orgs
        self.keys = keys

    def apply(
        self,
        values: dict[str, Any],
        issues: list[RowIssue],
        number: int,
        heading: Heading,
    ) -> None:
        """Resolve ``organisation`` to ``_org`` (id or sheet reference)."""
        self.keys.apply(values, issues, number, heading)
        text = values.get("organisation")
        if text:
            found = self.orgs.resolve(str(text), number, heading, issues)
            if found is not None:
                values["_org"] = found
                # compared with the stored employer's name (a customer number
                # in the cell is not a change of employer)
                values["organisation"] = self.orgs.found_name or text


@dataclass(frozen=True)
class _Stage:
    id: str
    pipeline_id: str
    probability: int
    outcome: str


class OpportunityLinks:
    """Organisation, contact, pipeline, stage, amount and probability of a row."""

    def __init__(
        self,
        conn: Connection,
        orgs: OrganisationLookup,
        persons: PersonLookup,
        *,
        today: dt.date,
    ) -> None:
        self.orgs = orgs
        self.persons = persons
        self.today = today
        self.pipelines: dict[str, str] = {}
        self.first_stage: dict[str, _Stage] = {}
        self.stages: dict[tuple[str, str], _Stage] = {}
        for pid, name in conn.exec_driver_sql(
            "SELECT id, name FROM pipeline WHERE deleted_at IS NULL ORDER BY position"
        ):
            self.pipelines.setdefault(fold(name), pid)
        for sid, pid, name, probability, outcome in conn.exec_driver_sql(
            "SELECT id, pipeline_id, name, probability, outcome FROM pipeline_stage "
            "WHERE deleted_at IS NULL ORDER BY pipeline_id, position"
        ):
            stage = _Stage(sid, pid, probability, outcome)
            self.stages.setdefault((pid, fold(name)), stage)
            self.first_stage.setdefault(pid, stage)
        self.by_id = {s.id: s for s in self.stages.values()}

    def apply(
        self,
        values: dict[str, Any],
        issues: list[RowIssue],
        number: int,
        heading: Heading,
    ) -> None:
        """Replace the reference texts by the opportunity's columns."""
        if "organisation" in values:
            text = values.pop("organisation")
            values["organisation_id"] = (
                self.orgs.resolve(str(text), number, heading, issues) if text else None
            )
        if "contact" in values:
            text = values.pop("contact")
            values["person_id"] = (
                self.persons.resolve(str(text), number, heading, issues)
                if text
                else None
            )
        self._stage(values, issues, number, heading)
        column = values.get("currency")
        if "amount" in values:
            money = values.pop("amount")
            if money is not None:  # a currency column wins over the cell's
                values["amount_minor"], values["currency"] = money
                if column:
                    values["currency"] = column
        if "currency" in values and values["currency"] is not None:
            code = str(values["currency"]).strip().upper()
            if len(code) != 3 or not code.isalpha():
                issues.append(
                    RowIssue(
                        number,
                        heading("currency"),
                        "currency",
                        "currency.invalid",
                        f"{code!r} is not a currency code (CHF, EUR …)",
                        code,
                    )
                )
            values["currency"] = code
        if "probability" in values and values["probability"] is not None:
            values["probability"] = self._probability(
                values["probability"], number, heading, issues
            )

    def _stage(
        self,
        values: dict[str, Any],
        issues: list[RowIssue],
        number: int,
        heading: Heading,
    ) -> None:
        pipeline_text = values.pop("pipeline", None)
        stage_text = values.pop("stage", None)
        if not pipeline_text and not stage_text:
            return
        pid = DEFAULT_PIPELINE_ID
        if pipeline_text:
            found = self.pipelines.get(fold(str(pipeline_text)))
            if found is None:
                issues.append(
                    RowIssue(
                        number,
                        heading("pipeline"),
                        "pipeline",
                        "pipeline.unknown",
                        f"no pipeline {pipeline_text!r}",
                        str(pipeline_text),
                    )
                )
                return
            pid = found
        stage = self.first_stage.get(pid)
        if stage_text:
            key = fold(str(stage_text))
            stage = self.stages.get((pid, key))
            if stage is None and key in STAGE:
                stage = self.stages.get((pid, fold(STAGE[key]))) or self.by_id.get(
                    default_stage_id(STAGE[key])
                )
                if stage is not None and stage.pipeline_id != pid:
                    stage = None
            if stage is None:
                issues.append(
                    RowIssue(
                        number,
                        heading("stage"),
                        "stage",
                        "stage.unknown",
                        f"no stage {stage_text!r} in this pipeline",
                        str(stage_text),
                    )
                )
                return
        if stage is None:
            return
        values["pipeline_id"] = stage.pipeline_id
        values["stage_id"] = stage.id
        values["outcome"] = stage.outcome
        if values.get("probability") is None:
            values["probability"] = stage.probability
        if stage.outcome != "open":
            values["closed_on"] = values.get("close_date") or self.today
        else:
            values["closed_on"] = None

    @staticmethod
    def _probability(
        raw: Any, number: int, heading: Heading, issues: list[RowIssue]
    ) -> int | None:
        text = cell_text(raw).replace("%", "").replace(",", ".").strip()
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if 0 < value < 1 and "." in text:  # a typed Excel percentage (0.5)
            value *= 100
        if not 0 <= value <= 100:
            issues.append(
                RowIssue(
                    number,
                    heading("probability"),
                    "probability",
                    "probability.invalid",
                    f"{raw!r} is not a probability from 0 to 100",
                    cell_text(raw),
                )
            )
            return None
        return round(value)


def resolve_refs(
    conn: Connection,
    rows: Sequence[dict[str, Any]],
    created: Mapping[str, Sequence[str]],
) -> None:
    """Replace :class:`SheetRef` values by the ids their sheets' rows got.

    ``_org`` (a person's employer) becomes (id, name, postcode, city), as the
    writer's organisation lookup returns it.
    """
    wanted: set[str] = set()
    for values in rows:
        for name in ("_org", "organisation_id", "person_id"):
            ref = values.get(name)
            if isinstance(ref, SheetRef):
                values[name] = ref = created[ref.entity][ref.index]
            if name == "_org" and isinstance(ref, str):
                wanted.add(ref)
    if not wanted:
        return
    found: dict[str, tuple[str, str, str, str]] = {}
    ids = sorted(wanted)
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        for oid, name, postcode, city in conn.exec_driver_sql(
            "SELECT id, name, postcode, city FROM organisation WHERE id IN "
            f"({', '.join('?' * len(part))})",
            tuple(part),
        ):
            found[oid] = (oid, name, postcode, city)
    for values in rows:
        ref = values.get("_org")
        if isinstance(ref, str):
            values["_org"] = found[ref]
