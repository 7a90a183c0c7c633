"""DTOs of import and export: plans, dry-run results, run history, templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from app.domain.changes import Changes


class OnDuplicate(StrEnum):
    """What an import does with a row whose key matches an existing record."""

    UPDATE = "update"
    SKIP = "skip"
    CREATE = "create"


class RowAction(StrEnum):
    """What an import does (or would do) with one row."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"
    CONFLICT = "conflict"
    ERROR = "error"


class ExportFormat(StrEnum):
    """File formats an export writes."""

    XLSX = "xlsx"
    CSV_EXCEL = "csv_excel"
    CSV_RFC = "csv_rfc"
    XML = "xml"
    VCARD3 = "vcf3"
    VCARD4 = "vcf4"


@dataclass(frozen=True)
class ImportOptions:
    """Choices of one import besides the column mapping.

    Attributes:
        key: business key to match existing records on ("" = the entity's default).
        on_duplicate: create, update or skip rows whose key matches.
        date_order: ``dmy``/``mdy`` for slash dates; ``None`` = detect or ask.
        last_name_first: a full-name column reads "Muster Hans".
        default_country: country of addresses and phone numbers without one.
        value_maps: per field, folded file value → stored value (``Kat. A`` → ``customer``).
        overwrite_changed: update records even if changed in Relata since the export.
        empty_clears: an empty cell in a mapped column clears the stored value.
        create_missing: create organisations/industries named but not found.
        fuzzy_threshold: minimum similarity (0–100) for the name + postcode key.
    """

    key: str = ""
    on_duplicate: OnDuplicate = OnDuplicate.UPDATE
    date_order: str | None = None
    last_name_first: bool = False
    default_country: str = "CH"
    value_maps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    overwrite_changed: bool = False
    empty_clears: bool = False
    create_missing: bool = True
    fuzzy_threshold: int = 90


@dataclass(frozen=True)
class ImportPlan:
    """Everything an import needs: file, sheet, header row, mapping, options."""

    path: Path
    entity: str
    mapping: Mapping[int, str]
    sheet: str | None = None
    header_row: int = 0
    options: ImportOptions = field(default_factory=ImportOptions)
    encoding: str | None = None
    delimiter: str | None = None


@dataclass(frozen=True)
class SheetPreview:
    """What the wizard shows after a file and sheet are chosen."""

    path: Path
    format: str
    sheets: tuple[str, ...]
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_count: int
    mapping: Mapping[int, str]
    date_order_needed: bool
    detected_date_order: str | None
    encoding: str = ""
    delimiter: str = ""
    template: str = ""


@dataclass(frozen=True)
class RowIssue:
    """One problem in one cell (or row) of the file.

    Attributes:
        row: sheet row number as the user sees it (1 = first row of the sheet).
        column: the column heading ("" for a whole-row problem).
        field: the target field key.
        code: stable error code (translated by the views).
        message: English explanation.
        value: the offending cell as text.
        warning: a warning (row still imported or flagged), not an error.
    """

    row: int
    column: str
    field: str
    code: str
    message: str
    value: str = ""
    warning: bool = False


@dataclass(frozen=True)
class ImportAnalysis:
    """Dry-run result: per row what would happen, and every problem found."""

    entity: str
    total: int
    actions: tuple[RowAction, ...]
    issues: tuple[RowIssue, ...]
    row_numbers: tuple[int, ...]
    headers: tuple[str, ...]

    def count(self, action: RowAction) -> int:
        """Rows with ``action``."""
        return sum(1 for a in self.actions if a is action)

    @property
    def error_rows(self) -> tuple[int, ...]:
        """Indexes (0-based, data rows) of rows that fail."""
        return tuple(i for i, a in enumerate(self.actions) if a is RowAction.ERROR)


class WrittenRow(NamedTuple):
    """A row the commit wrote with Core statements (for the sync outbox).

    The ORM flush hook of the sync engine does not see bulk writes; the
    import result lists them so the outbox can be fed from it. A named tuple,
    not a dataclass: a 100k import writes half a million of them.
    """

    table: str
    id: str
    op: str
    fields: frozenset[str]


@dataclass(frozen=True)
class ImportResult:
    """What a committed import did."""

    run_id: str
    analysis: ImportAnalysis
    created: int
    updated: int
    skipped: int
    failed: int
    conflicts: int
    seconds: float
    #: every row the commit wrote (a compact sequence; iterate it once)
    written: Sequence[WrittenRow]
    changes: Changes
    #: seconds per phase: analyse, write, index, commit
    phases: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class UndoResult:
    """What undoing an import did; rows changed since the import are kept."""

    run_id: str
    removed: int
    restored: int
    kept: int
    written: tuple[WrittenRow, ...]
    changes: Changes


@dataclass(frozen=True)
class ImportRunInfo:
    """One line of the import history."""

    id: str
    entity: str
    file_name: str
    started_at: dt.datetime
    created: int
    updated: int
    skipped: int
    failed: int
    undone_at: dt.datetime | None


@dataclass(frozen=True)
class MappingTemplateInfo:
    """A saved mapping template."""

    id: str
    entity: str
    name: str
    columns: Mapping[str, str]
    options: Mapping[str, object]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    rows: int
    seconds: float


@dataclass(frozen=True)
class SheetsPlan:
    """Several sheets of one workbook imported together in one run.

    Each part is an :class:`ImportPlan` for one sheet and entity
    (organisations, persons, opportunities); persons refer to organisations
    and opportunities to both by keys the other sheets hold.
    """

    path: Path
    parts: tuple[ImportPlan, ...]


@dataclass(frozen=True)
class SheetsAnalysis:
    """Dry run of a several-sheet import: one analysis per sheet, in write order."""

    sheets: tuple[str, ...]
    parts: tuple[ImportAnalysis, ...]

    @property
    def total(self) -> int:
        """Data rows of every sheet."""
        return sum(p.total for p in self.parts)

    def count(self, action: RowAction) -> int:
        """Rows with ``action`` over every sheet."""
        return sum(p.count(action) for p in self.parts)

    def issues(self) -> list[tuple[str, RowIssue]]:
        """Every problem with the sheet it is on."""
        return [
            (s, i)
            for s, p in zip(self.sheets, self.parts, strict=True)
            for i in p.issues
        ]


@dataclass(frozen=True)
class SheetsResult:
    """What a committed several-sheet import did (one run, undone as a whole)."""

    run_id: str
    analysis: SheetsAnalysis
    created: int
    updated: int
    skipped: int
    failed: int
    seconds: float
    written: Sequence[WrittenRow]
    changes: Changes
