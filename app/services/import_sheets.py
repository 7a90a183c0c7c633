"""Several sheets of one workbook in one import run.

A back office keeps organisations, contacts and opportunities on three
sheets (Firmen / Kontakte / Chancen) that refer to each other by a key: the
contact sheet names its organisation by customer number, name or external ID,
the opportunity sheet its organisation and contact (e-mail or external ID).
One dry run checks all sheets together; one transaction writes them in
dependency order (organisations, persons, opportunities) and one run row
holds the undo data of all of them, so Undo reverts the whole workbook.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import UserError
from app.domain.exchange import (
    ImportOptions,
    ImportPlan,
    RowAction,
    RowIssue,
    SheetsAnalysis,
    SheetsPlan,
    SheetsResult,
)
from app.domain.progress import ProgressSink
from app.exchange.bulk import gc_paused
from app.exchange.entities import ENTITIES, entity
from app.exchange.xlsx_writer import write_xlsx
from app.models import new_id, utcnow
from app.services import import_outbox
from app.services.import_links import (
    OpportunityLinks,
    OrganisationLookup,
    PersonLinks,
    PersonLookup,
    RowLink,
    SheetKeys,
    resolve_refs,
)
from app.services.import_writer import BulkWriter, SearchMaintenance, WrittenLog

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from app.services.imports import ImportService, _Analysed

#: Entities a several-sheet import takes, in the order they are written.
ORDER = ("organisations", "persons", "opportunities")


def parse_assignments(text: str) -> dict[str, str]:
    """``"Firmen=organisations,Kontakte=persons"`` → {sheet: entity}.

    Raises:
        UserError: ``import.sheets_invalid``.
    """
    out: dict[str, str] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        sheet, sep, name = item.rpartition("=")
        sheet, name = sheet.strip(), name.strip().lower()
        if not sep or not sheet or name not in ORDER:
            raise UserError(
                "import.sheets_invalid",
                f"--sheets {item.strip()!r}: use SHEET=ENTITY with ENTITY one of "
                f"{', '.join(ORDER)}",
                field="sheets",
                value=item.strip(),
            )
        out[sheet] = name
    return out


def plan_sheets(
    service: ImportService,
    path: Path,
    assignments: Mapping[str, str],
    options: ImportOptions | None = None,
    *,
    templates: Mapping[str, str] | None = None,
) -> SheetsPlan:
    """Each assigned sheet previewed and mapped automatically (or by template).

    ``options.key`` applies to no sheet: each entity matches existing records
    by its default key (customer number, e-mail, external ID).

    Raises:
        UserError: an entity twice, none assigned, an unknown sheet.
    """
    _check(list(assignments.values()))
    base = options or ImportOptions()
    parts: list[ImportPlan] = []
    for sheet, name in assignments.items():
        template = (templates or {}).get(name)
        preview = service.preview(path, name, sheet=sheet, template=template)
        parts.append(
            ImportPlan(
                path,
                name,
                preview.mapping,
                sheet=preview.sheet,
                header_row=preview.header_row,
                options=ImportOptions(
                    **{**vars(base), "key": entity(name).default_key.value}
                ),
            )
        )
    return SheetsPlan(path, tuple(sorted(parts, key=lambda p: ORDER.index(p.entity))))


def _check(names: Sequence[str]) -> None:
    if not names:
        raise UserError(
            "import.sheets_none",
            "Assign at least one sheet to organisations, persons or opportunities.",
            field="sheets",
        )
    for name in names:
        if name not in ORDER:
            raise UserError(
                "import.sheets_invalid",
                f"{name!r} cannot be imported from a several-sheet workbook",
                field="sheets",
                value=name,
            )
        if names.count(name) > 1:
            raise UserError(
                "import.sheets_twice",
                f"Two sheets are assigned to {name}; assign one sheet per kind.",
                field="sheets",
                value=name,
            )


def analyse_sheets(
    service: ImportService, conn: Connection, plan: SheetsPlan, sink: ProgressSink
) -> list[tuple[ImportPlan, _Analysed]]:
    """Analyse the sheets in write order, each resolving keys of the ones before."""
    _check([p.entity for p in plan.parts])
    parts = sorted(plan.parts, key=lambda p: ORDER.index(p.entity))
    orgs: SheetKeys | None = None
    persons: SheetKeys | None = None
    out: list[tuple[ImportPlan, _Analysed]] = []
    for part in parts:
        sheet = part.sheet or ""
        keys: SheetKeys | None = None
        link: RowLink
        if part.entity == "organisations":
            keys = orgs = SheetKeys(sheet, ("customer_number", "name", "external_id"))
            link = orgs
        elif part.entity == "persons":
            keys = persons = SheetKeys(sheet, ("email", "external_id"))
            link = (
                PersonLinks(OrganisationLookup(conn, orgs), persons)
                if orgs is not None
                else persons
            )
        else:
            link = OpportunityLinks(
                conn,
                OrganisationLookup(conn, orgs),
                PersonLookup(conn, persons),
                today=dt.date.today(),
            )
        analysed = service._analyse(conn, part, sink, link=link)
        if keys is not None:
            keys.targets = analysed.targets
        out.append((part, analysed))
    return out


def _public(parts: Sequence[tuple[ImportPlan, _Analysed]]) -> SheetsAnalysis:
    return SheetsAnalysis(
        tuple(p.sheet or "" for p, _ in parts), tuple(a.public for _, a in parts)
    )


def dry_run_sheets(
    service: ImportService, plan: SheetsPlan, sink: ProgressSink
) -> SheetsAnalysis:
    """Check every sheet together; writes nothing."""
    from app.services.imports import _bulk_connection

    with gc_paused(), _bulk_connection(service.engine) as conn:
        parts = analyse_sheets(service, conn, plan, sink)
        conn.rollback()
    return _public(parts)


def commit_sheets(
    service: ImportService, plan: SheetsPlan, sink: ProgressSink
) -> SheetsResult:
    """Import every sheet in one transaction (Cancel = nothing) as one run."""
    from app.services.imports import (
        TABLES,
        _bulk_connection,
        _updated_ids,
        changes_of,
        run_counts,
    )

    started = time.perf_counter()
    now = utcnow()
    run_id = new_id()
    parts_in = sorted(plan.parts, key=lambda p: ORDER.index(p.entity))
    with gc_paused(), _bulk_connection(service.engine) as conn:
        service.start_run(
            conn,
            run_id,
            now,
            entity_name="+".join(p.entity for p in parts_in),
            file_name=plan.path.name,
            sheet=", ".join(p.sheet or "" for p in parts_in),
            key=", ".join(
                p.options.key or entity(p.entity).default_key.value for p in parts_in
            ),
            on_duplicate=parts_in[0].options.on_duplicate.value if parts_in else "",
        )
        start = import_outbox.floors(conn)  # rows above are this run's
        parts = analyse_sheets(service, conn, plan, sink)
        service.forget_file()
        total = sum(len(a.creates) + len(a.updates) for _, a in parts)
        search = SearchMaintenance(conn)
        search.begin(*_updated_ids([(TABLES[p.entity], a) for p, a in parts]))
        created: dict[str, list[str]] = {}
        writers: list[BulkWriter] = []
        progress_at = [0, total]
        phases: dict[str, float] = {}
        for part, analysed in parts:
            resolve_refs(
                conn,
                [*analysed.creates, *(ch for _, ch in analysed.updates)],
                created,
            )
            tables = TABLES[part.entity]
            writer = BulkWriter(conn, tables, run_id=run_id, now=now)
            writer.search = None if tables.flat else search
            created[part.entity] = service.write_part(
                conn, part, analysed, writer, sink, progress_at, phases
            )
            writers.append(writer)
        sink.report(total, total, "Updating the search index")
        search.finish()
        for writer in writers:
            writer.record_undo()
        # one call: the outbox orders the tables so parents are sent first
        everything = WrittenLog()
        for writer in writers:
            everything.extend(writer.written)
        import_outbox.record_run(conn, everything, start)
        counts = run_counts(
            [a.public for _, a in parts], sum(len(c) for c in created.values())
        )
        service.finish_run(conn, run_id, counts)
        sink.check_cancelled()
    written = [row for w in writers for row in w.written]
    return SheetsResult(
        run_id=run_id,
        analysis=_public(parts),
        created=counts["created"],
        updated=counts["updated"],
        skipped=counts["skipped"],
        failed=counts["failed"],
        seconds=time.perf_counter() - started,
        written=written,
        changes=changes_of(*(w.written for w in writers)),
    )


def write_sheets_error_workbook(
    service: ImportService,
    plan: SheetsPlan,
    analysis: SheetsAnalysis,
    path: Path,
    *,
    message: Callable[[RowIssue], str] = lambda i: (
        f"{i.column or i.field}: {i.message}"
    ),
    error_heading: str = "Errors",
    row_heading: str = "Row",
) -> int:
    """One worksheet per sheet with failing rows (same name): fix, re-import.

    Returns the number of rows written.
    """
    by_sheet = dict(zip(analysis.sheets, analysis.parts, strict=True))
    sheets = [
        service.error_sheet(
            part,
            by_sheet[part.sheet or ""],
            part.sheet or "Errors",
            message=message,
            error_heading=error_heading,
            row_heading=row_heading,
        )
        for part in plan.parts
        if by_sheet[part.sheet or ""].count(RowAction.ERROR)
    ]
    if not sheets:
        return 0
    return sum(write_xlsx(path, sheets))


def entity_names() -> tuple[str, ...]:
    """Entities a sheet can be assigned to (registry order)."""
    return tuple(n for n in ENTITIES if n in ORDER)
