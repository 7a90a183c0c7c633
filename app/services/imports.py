"""Import use cases: preview, dry run, commit, undo, error workbook, templates.

The same analysis serves the dry run and the commit, so the dry run shows
exactly what the commit will do. The commit holds the write lock from its
first statement (the run row), analyses inside its transaction, writes with
Core bulk statements (:mod:`app.services.import_writer`), and rolls back
everything on Cancel or error. Rows with errors are not imported; they go to
the error workbook with a column saying what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, select

from app.domain.changes import Changes, EntityKind
from app.domain.errors import UserError
from app.domain.exchange import (
    ImportAnalysis,
    ImportOptions,
    ImportPlan,
    ImportResult,
    ImportRunInfo,
    MappingTemplateInfo,
    OnDuplicate,
    RowAction,
    RowIssue,
    SheetPreview,
    SheetsAnalysis,
    SheetsPlan,
    SheetsResult,
    UndoResult,
)
from app.domain.progress import NullProgress, ProgressSink
from app.exchange.bulk import gc_paused
from app.exchange.entities import DuplicateKey, EntitySpec, entity
from app.exchange.errors import ExchangeError
from app.exchange.limits import DEFAULT_LIMITS, Limits, with_max_file_mb
from app.exchange.mapping import auto_map, detect_header_row, heading_key
from app.exchange.source import Cell, Rows, Source, open_source
from app.exchange.values import (
    DateOrder,
    cell_text,
    detect_date_order,
    fold,
    needs_date_order,
)
from app.exchange.xlsx_writer import XlsxColumn, XlsxSheet, write_xlsx
from app.models import ImportRun, MappingTemplate, new_id, utcnow
from app.services import custom_field_exchange as cfx
from app.services import import_outbox, import_sheets
from app.services.import_links import (
    OpportunityLinks,
    OrganisationLookup,
    PersonLookup,
    RowLink,
    Target,
)
from app.services.import_match import find_matches, key_value
from app.services.import_undo import undo_run
from app.services.import_values import RowConverter
from app.services.import_writer import (
    LEAD_TABLES,
    OPPORTUNITY_TABLES,
    ORGANISATION_TABLES,
    PERSON_TABLES,
    BulkWriter,
    Current,
    EntityTables,
    SearchMaintenance,
    WrittenLog,
    load_current,
    same,
)

PREVIEW_ROWS = 50
BATCH = 5000
_NOT_COMPARED = frozenset({"id", "exported_at", "external_id", "_org"})
#: Tables of each importable entity; other capabilities register theirs.
TABLES: dict[str, EntityTables] = {
    "persons": PERSON_TABLES,
    "organisations": ORGANISATION_TABLES,
    "leads": LEAD_TABLES,
    "opportunities": OPPORTUNITY_TABLES,
}
_RUNS = cast(Table, ImportRun.__table__)


@dataclass
class _Analysed:
    """The analysis plus what the commit needs to write it."""

    public: ImportAnalysis
    creates: list[dict[str, Any]] = field(default_factory=list)
    create_keys: list[Hashable | None] = field(default_factory=list)
    updates: list[tuple[Current, dict[str, Any]]] = field(default_factory=list)
    matched_external: list[tuple[str, str]] = field(default_factory=list)
    #: per data row: action, matched record, index into ``creates``
    targets: list[Target] = field(default_factory=list)


class ImportService:
    """Imports persons and organisations from xlsx, csv, xml and vcf files."""

    def __init__(self, engine: Engine, *, limits: Limits = DEFAULT_LIMITS) -> None:
        self._engine = engine
        self.limits = limits
        self._lock = threading.Lock()
        self._cached: tuple[tuple[object, ...], Source] | None = None

    def _open(self, path: Path, encoding: str | None, delimiter: str | None) -> Source:
        """The file opened and parsed once for preview, dry run and commit.

        The wizard reads the same file three times; parsing 100k rows costs
        ~1.3 s each. The one cached file is keyed by size and mtime, so an
        edited file is read afresh; the commit drops it once it has analysed.
        """
        try:
            stat = path.stat()
            key: tuple[object, ...] = (
                str(path.resolve()),
                stat.st_size,
                stat.st_mtime_ns,
                encoding,
                delimiter,
            )
        except OSError:
            key = (str(path), encoding, delimiter)
        with self._lock:
            if self._cached is not None and self._cached[0] == key:
                return self._cached[1]
        source = open_source(
            path, limits=self.limits, encoding=encoding, delimiter=delimiter
        )
        with self._lock:
            self._cached = (key, source)
        return source

    @property
    def engine(self) -> Engine:
        """The database the imports write to."""
        return self._engine

    def set_max_file_mb(self, megabytes: int) -> None:
        """Refuse files over ``megabytes`` (the ``import_max_mb`` setting)."""
        self.limits = with_max_file_mb(self.limits, megabytes)
        self.forget_file()

    def checkpoint(self) -> None:
        """Copy the import's write-ahead log into the database (after a commit,
        in the background: readers are not blocked, writers wait for it)."""
        with self._engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").all()

    def sheet_names(self, path: Path) -> list[str]:
        """The sheets of ``path`` (checked against the limits; rows not read)."""
        return list(self._open(path, None, None).sheet_names)

    # ---- several sheets in one run (app/services/import_sheets.py)

    def plan_sheets(
        self,
        path: Path,
        assignments: Mapping[str, str],
        options: ImportOptions | None = None,
    ) -> SheetsPlan:
        """See :func:`app.services.import_sheets.plan_sheets`."""
        return import_sheets.plan_sheets(self, path, assignments, options)

    def dry_run_sheets(
        self, plan: SheetsPlan, progress: ProgressSink | None = None
    ) -> SheetsAnalysis:
        """Check several sheets together; writes nothing."""
        return import_sheets.dry_run_sheets(self, plan, progress or NullProgress())

    def commit_sheets(
        self, plan: SheetsPlan, progress: ProgressSink | None = None
    ) -> SheetsResult:
        """Import several sheets in one transaction and one undoable run."""
        return import_sheets.commit_sheets(self, plan, progress or NullProgress())

    def write_sheets_error_workbook(
        self,
        plan: SheetsPlan,
        analysis: SheetsAnalysis,
        path: Path,
        **texts: Any,
    ) -> int:
        """Failing rows of every sheet, one worksheet each."""
        return import_sheets.write_sheets_error_workbook(
            self, plan, analysis, path, **texts
        )

    def forget_file(self) -> None:
        """Drop the cached file (frees its rows)."""
        with self._lock:
            self._cached = None

    # ---- preview

    def preview(
        self,
        path: Path,
        entity_name: str,
        *,
        sheet: str | None = None,
        header_row: int | None = None,
        template: str | None = None,
        encoding: str | None = None,
        delimiter: str | None = None,
    ) -> SheetPreview:
        """Sheets, detected header row, first rows and the automatic mapping.

        Raises:
            ExchangeError: the file is refused (size, zip bomb, XML, empty …).
        """
        with gc_paused():
            return self._preview(
                path, entity_name, sheet, header_row, template, encoding, delimiter
            )

    def _preview(
        self,
        path: Path,
        entity_name: str,
        sheet: str | None,
        header_row: int | None,
        template: str | None,
        encoding: str | None,
        delimiter: str | None,
    ) -> SheetPreview:
        with self._engine.connect() as conn:  # custom fields are columns too
            spec = cfx.extend(entity(entity_name), cfx.definitions(conn, entity_name))
        source = self._open(path, encoding, delimiter)
        name = sheet if sheet is not None else source.sheet_names[0]
        rows = source.rows(name)
        if not rows:
            raise ExchangeError(
                "sheet.empty", f"Sheet {name} of {path.name} is empty.", value=name
            )
        head = detect_header_row(rows, spec) if header_row is None else header_row
        head = max(0, min(head, len(rows) - 1))
        headers = tuple(cell_text(c) for c in rows[head])
        columns = self.template(entity_name, template).columns if template else None
        mapping = auto_map(headers, spec, columns)
        data = [r for r in rows[head + 1 :] if _filled(r)]
        width = len(headers)
        sample = tuple(
            tuple(cell_text(r[i]) if i < len(r) else "" for i in range(width))
            for r in data[:PREVIEW_ROWS]
        )
        needed, detected = self._date_order(spec, mapping, data)
        return SheetPreview(
            path=path,
            format=source.format,
            sheets=tuple(source.sheet_names),
            sheet=name,
            header_row=head,
            headers=headers,
            rows=sample,
            row_count=len(data),
            mapping=mapping,
            date_order_needed=needed,
            detected_date_order=detected,
            encoding=source.encoding,
            delimiter=source.delimiter,
            template=template or "",
        )

    @staticmethod
    def _date_order(
        spec: EntitySpec, mapping: Mapping[int, str], data: Rows
    ) -> tuple[bool, str | None]:
        needed, detected = False, None
        for index, key in mapping.items():
            if spec.field(key).kind.value != "date":
                continue
            column = [r[index] if index < len(r) else None for r in data]
            order = detect_date_order(column)
            if order is not None:
                detected = order.value
            elif needs_date_order(column):
                needed = True
        return needed, detected

    # ---- dry run and commit

    def dry_run(
        self, plan: ImportPlan, progress: ProgressSink | None = None
    ) -> ImportAnalysis:
        """Validate every row and say what would happen; writes nothing."""
        with gc_paused(), _bulk_connection(self._engine) as conn:
            analysed = self._analyse(conn, plan, progress or NullProgress())
            conn.rollback()
        return analysed.public

    def commit(
        self, plan: ImportPlan, progress: ProgressSink | None = None
    ) -> ImportResult:
        """Import in one transaction; Cancel (or any error) leaves the database as it was.

        Raises:
            Cancelled: the sink cancelled; nothing was written.
            ExchangeError: the file was refused; nothing was written.
        """
        sink = progress or NullProgress()
        started = time.perf_counter()
        phases: dict[str, float] = {}
        now = utcnow()
        run_id = new_id()
        tables = TABLES[plan.entity]
        with gc_paused(), _bulk_connection(self._engine) as conn:
            self.start_run(  # first statement: takes the write lock for the whole run
                conn,
                run_id,
                now,
                entity_name=plan.entity,
                file_name=plan.path.name,
                sheet=plan.sheet or "",
                key=plan.options.key or entity(plan.entity).default_key.value,
                on_duplicate=plan.options.on_duplicate.value,
            )
            start = import_outbox.floors(conn)  # rows above are this run's
            analysed = self._analyse(conn, plan, sink)
            self.forget_file()  # the rows are converted: free them for the write
            phases["analyse"] = time.perf_counter() - started
            total = len(analysed.creates) + len(analysed.updates)
            writer = BulkWriter(conn, tables, run_id=run_id, now=now)
            # flat tables (leads) keep their own triggers; the address tables'
            # summaries and FTS are maintained in bulk (see SearchMaintenance)
            search = SearchMaintenance(conn) if not tables.flat else None
            if search is not None:
                search.begin(*_updated_ids([(tables, analysed)]))
            writer.search = search
            progress_at = [0, total]
            created_ids = self.write_part(
                conn, plan, analysed, writer, sink, progress_at, phases
            )
            phases["write"] = time.perf_counter() - started - phases["analyse"]
            sink.report(total, total, "Updating the search index")
            if search is not None:
                search.finish()
            writer.record_undo()
            # queued for sync in the same transaction
            import_outbox.record_run(conn, writer.written, start)
            phases["index"] = (
                time.perf_counter() - started - phases["analyse"] - phases["write"]
            )
            public = analysed.public
            counts = run_counts([analysed.public], len(created_ids))
            self.finish_run(conn, run_id, counts)
            sink.check_cancelled()
            commit_started = time.perf_counter()
        phases["commit"] = time.perf_counter() - commit_started
        written = writer.written
        return ImportResult(
            run_id=run_id,
            analysis=public,
            created=counts["created"],
            updated=counts["updated"],
            skipped=counts["skipped"],
            failed=counts["failed"],
            conflicts=public.count(RowAction.CONFLICT),
            seconds=time.perf_counter() - started,
            written=written,
            changes=changes_of(written),
            phases=phases,
        )

    @staticmethod
    def start_run(
        conn: Connection,
        run_id: str,
        now: dt.datetime,
        *,
        entity_name: str,
        file_name: str,
        sheet: str,
        key: str,
        on_duplicate: str,
    ) -> None:
        """The run's history row (its insert takes SQLite's write lock)."""
        conn.execute(
            _RUNS.insert().values(
                id=run_id,
                entity=entity_name,
                file_name=file_name,
                sheet=sheet,
                key=key,
                on_duplicate=on_duplicate,
                started_at=now,
                stamp=now,
                created=0,
                updated=0,
                skipped=0,
                failed=0,
            )
        )

    @staticmethod
    def finish_run(conn: Connection, run_id: str, counts: Mapping[str, int]) -> None:
        """Store what the run did."""
        conn.execute(
            _RUNS.update()
            .where(_RUNS.c.id == run_id)
            .values(finished_at=utcnow(), **counts)
        )

    def write_part(
        self,
        conn: Connection,
        plan: ImportPlan,
        analysed: _Analysed,
        writer: BulkWriter,
        sink: ProgressSink,
        progress_at: list[int],
        phases: dict[str, float],
    ) -> list[str]:
        """Write one analysed sheet: updates, then creates; returns the new ids.

        ``progress_at`` is [rows done, rows in total] across the run's sheets.
        """
        started = time.perf_counter()
        defs = cfx.definitions(conn, plan.entity)
        # custom values come from mapped custom columns only: without one no
        # row holds any, skip the scan (90,000 rows: 0.1 s)
        if not any(k.startswith(cfx.PREFIX) for k in plan.mapping.values()):
            defs = []
        custom_created = cfx.split(analysed.creates) if defs else []
        custom_updated = [
            (cur.id, {k: v for k, v in ch.items() if k.startswith(cfx.PREFIX)})
            for cur, ch in (analysed.updates if defs else [])
        ]
        writer.prepare(analysed.creates)
        created_ids: list[str] = []
        # updates first: they touch existing pages all over the tables,
        # which are still clean in the page cache before the inserts fill
        # it (measured: 10k updates after 90k inserts took 10x longer)
        for start in range(0, len(analysed.updates), BATCH):
            sink.check_cancelled()
            batch = analysed.updates[start : start + BATCH]
            writer.update(batch)
            writer.flush()
            progress_at[0] += len(batch)
            sink.report(progress_at[0], progress_at[1], "Importing")
        phases["update"] = phases.get("update", 0.0) + time.perf_counter() - started
        try:
            for start in range(0, len(analysed.creates), BATCH):
                sink.check_cancelled()
                # built while the previous batch's search entries are written
                built = writer.build(analysed.creates[start : start + BATCH])
                writer.insert_built(built)
                created_ids += built.ids
                progress_at[0] += len(built.ids)
                sink.report(progress_at[0], progress_at[1], "Importing")
        finally:
            if writer.search is not None:
                writer.search.caught_up()
        sink.check_cancelled()
        refs = [
            (str(k), rid)
            for k, rid in zip(analysed.create_keys, created_ids, strict=True)
            if k is not None
        ]
        if (plan.options.key or "") == DuplicateKey.EXTERNAL_ID.value:
            writer.external_refs(plan.entity, refs)
        if defs:
            cfx.write(
                conn,
                plan.entity,
                defs,
                [*zip(created_ids, custom_created, strict=True), *custom_updated],
                now=writer.now,
            )
        return created_ids

    def _analyse(
        self,
        conn: Connection,
        plan: ImportPlan,
        sink: ProgressSink,
        *,
        link: RowLink | None = None,
    ) -> _Analysed:
        """Convert, validate, match and decide every row of ``plan``.

        ``link`` resolves references to other records (a several-sheet import
        passes one that knows the other sheets); opportunities get one that
        looks in the database only.
        """
        if link is None and plan.entity == "opportunities":
            link = OpportunityLinks(
                conn,
                OrganisationLookup(conn, None),
                PersonLookup(conn, None),
                today=dt.date.today(),
            )
        defs = cfx.definitions(conn, plan.entity)
        spec = cfx.extend(entity(plan.entity), defs)
        opts = plan.options
        key = DuplicateKey(opts.key or spec.default_key.value)
        if key not in spec.keys:
            raise UserError(
                "import.key_invalid",
                f"{spec.label} cannot be matched by {key.value}; use one of "
                f"{', '.join(k.value for k in spec.keys)}.",
                field="key",
                value=key.value,
            )
        source = self._open(plan.path, plan.encoding, plan.delimiter)
        rows = source.rows(plan.sheet)
        if plan.header_row >= len(rows):
            raise ExchangeError(
                "sheet.empty", f"{plan.path.name} has no data rows.", value=plan.sheet
            )
        headers = tuple(cell_text(c) for c in rows[plan.header_row])
        numbered = [
            (plan.header_row + 2 + i, r)
            for i, r in enumerate(rows[plan.header_row + 1 :])
            if _filled(r)
        ]
        order = DateOrder(opts.date_order) if opts.date_order else None
        if order is None:
            _needed, detected = self._date_order(
                spec, plan.mapping, [r for _n, r in numbered]
            )
            order = DateOrder(detected) if detected else None
        converter = RowConverter(
            spec, plan.mapping, headers, opts, users=_users(conn), date_order=order
        )
        total = len(numbered)
        sink.report(0, total, "Checking rows")
        converted: list[tuple[dict[str, Any], list[RowIssue]]] = []
        for i, (number, row) in enumerate(numbered):
            if i % 5000 == 0 and i:
                sink.check_cancelled()
                sink.report(i, total, "Checking rows")
            converted.append(converter.convert(row, number))
        # from here on only the row numbers are needed: let the cells go
        numbers = [n for n, _r in numbered]
        headings = {d.column_key: converter.heading(d.column_key) for d in defs}
        # only a mapped custom column puts a custom value into a row
        checked = [d for d in defs if d.column_key in converter.mapped]
        if checked:
            for number, (values, issues) in zip(numbers, converted, strict=True):
                cfx.check(checked, values, issues, number, headings)
        if link is not None:
            for number, (values, issues) in zip(numbers, converted, strict=True):
                link.apply(values, issues, number, converter.heading)
        del numbered, rows
        # keys, duplicates inside the file
        keys: list[Hashable | None] = []
        first_row: dict[Hashable, int] = {}
        for number, (values, issues) in zip(numbers, converted, strict=True):
            k = key_value(key, values) if not issues else None
            if k is not None and k in first_row:
                issues.append(
                    RowIssue(
                        number,
                        converter.heading(_key_field(key)),
                        _key_field(key),
                        "key.duplicate_in_file",
                        f"the same {key.value} as row {first_row[k]}",
                        str(k if not isinstance(k, tuple) else k[0]),
                    )
                )
                k = None
            elif k is not None:
                first_row[k] = number
            keys.append(k)
        sink.check_cancelled()
        tables = TABLES[plan.entity]
        matches = find_matches(
            conn,
            table=tables.table,
            entity=plan.entity,
            key=key,
            wanted=[k for k in keys if k is not None],
            threshold=opts.fuzzy_threshold,
            flat=tables.flat,
        )
        matched_ids = sorted(
            {matches[k] for k in keys if k is not None and k in matches}
        )
        current = (
            load_current(conn, tables, matched_ids)
            if opts.on_duplicate is OnDuplicate.UPDATE
            else {}
        )
        cfx.add_current(conn, defs, current)
        out = _Analysed(ImportAnalysis(plan.entity, 0, (), (), (), headers))
        actions: list[RowAction] = []
        issues_all: list[RowIssue] = []
        claimed: set[str] = set()
        targets = out.targets
        for number, (values, issues), k in zip(numbers, converted, keys, strict=True):
            match = matches.get(k) if k is not None else None
            action = self._decide(
                spec,
                opts,
                converter,
                number,
                values,
                issues,
                match,
                current,
                claimed,
                out,
            )
            actions.append(action)
            targets.append(
                Target(
                    action,
                    match,
                    len(out.creates) - 1 if action is RowAction.CREATE else -1,
                )
            )
            issues_all += issues
        out.public = ImportAnalysis(
            entity=plan.entity,
            total=total,
            actions=tuple(actions),
            issues=tuple(issues_all),
            row_numbers=tuple(numbers),
            headers=headers,
        )
        sink.report(total, total, "Checked")
        return out

    def _decide(
        self,
        spec: EntitySpec,
        opts: ImportOptions,
        converter: RowConverter,
        number: int,
        values: dict[str, Any],
        issues: list[RowIssue],
        match: str | None,
        current: Mapping[str, Current],
        claimed: set[str],
        out: _Analysed,
    ) -> RowAction:
        if issues and any(not i.warning for i in issues):
            if match is None and opts.on_duplicate is not OnDuplicate.CREATE:
                self._require(spec, converter, number, values, issues)
            return RowAction.ERROR
        if match is not None and match in claimed:  # two rows, one record (fuzzy)
            issues.append(
                RowIssue(
                    number,
                    "",
                    "",
                    "key.duplicate_in_file",
                    "another row of the file matches the same record",
                )
            )
            return RowAction.ERROR
        if match is not None and opts.on_duplicate is not OnDuplicate.CREATE:
            claimed.add(match)
            if opts.on_duplicate is OnDuplicate.SKIP:
                return RowAction.SKIP
            cur = current.get(match)
            if cur is None:
                return RowAction.SKIP
            changes: dict[str, Any] = {}
            for name, value in values.items():
                if name in _NOT_COMPARED:
                    continue
                if value is None and (not opts.empty_clears or name in spec.required):
                    continue
                if not same(name, cur.values.get(name), value):
                    changes[name] = value
            if not changes:
                return RowAction.UNCHANGED
            if "organisation" in changes and "_org" in values:
                changes["_org"] = values["_org"]
            exported = values.get("exported_at")
            if (
                exported is not None
                and cur.updated_at is not None
                and cur.updated_at > exported
                and not opts.overwrite_changed
            ):
                issues.append(
                    RowIssue(
                        number,
                        "",
                        "",
                        "row.changed_since_export",
                        "changed in Relata since the export "
                        f"({cur.updated_at:%Y-%m-%d %H:%M} UTC); not overwritten",
                        warning=True,
                    )
                )
                return RowAction.CONFLICT
            out.updates.append((cur, changes))
            return RowAction.UPDATE
        if self._require(spec, converter, number, values, issues):
            return RowAction.ERROR
        out.creates.append(values)
        out.create_keys.append(values.get("external_id"))
        return RowAction.CREATE

    @staticmethod
    def _require(
        spec: EntitySpec,
        converter: RowConverter,
        number: int,
        values: Mapping[str, Any],
        issues: list[RowIssue],
    ) -> bool:
        """Add a ``required`` issue per empty required field; whether any was."""
        missing = [f for f in spec.required if not values.get(f)]
        if missing and issues:  # a field with an issue already is not "required"
            missing = [f for f in missing if not any(i.field == f for i in issues)]
        for name in missing:
            issues.append(
                RowIssue(
                    number,
                    converter.heading(name),
                    name,
                    "required",
                    f"{spec.field(name).label} is required for a new record",
                )
            )
        return bool(missing)

    def unknown_values(
        self, plan: ImportPlan, *, limit: int = 200
    ) -> dict[int, list[str]]:
        """See :func:`unknown_choice_values`."""
        return unknown_choice_values(self, plan, limit=limit)

    # ---- after the run

    def write_error_workbook(
        self,
        plan: ImportPlan,
        analysis: ImportAnalysis,
        path: Path,
        *,
        message: Callable[[RowIssue], str] = lambda i: (
            f"{i.column or i.field}: {i.message}"
        ),
        error_heading: str = "Errors",
        row_heading: str = "Row",
    ) -> int:
        """The failing rows with their original cells plus an error column.

        Fix the cells and import this file again: the extra columns are not
        mapped. Returns the number of rows written.
        """
        sheet = self.error_sheet(
            plan,
            analysis,
            "Errors",
            message=message,
            error_heading=error_heading,
            row_heading=row_heading,
        )
        return write_xlsx(path, [sheet])[0]

    def error_sheet(
        self,
        plan: ImportPlan,
        analysis: ImportAnalysis,
        name: str,
        *,
        message: Callable[[RowIssue], str],
        error_heading: str,
        row_heading: str,
    ) -> XlsxSheet:
        """The failing rows of one sheet as a worksheet called ``name``."""
        source = self._open(plan.path, plan.encoding, plan.delimiter)
        rows = source.rows(plan.sheet)
        by_row: dict[int, list[str]] = {}
        for issue in analysis.issues:
            if not issue.warning:
                by_row.setdefault(issue.row, []).append(message(issue))
        headers = list(analysis.headers)
        failing = [n for n in analysis.row_numbers if n in by_row]

        def body() -> Any:
            for number in failing:
                raw = rows[number - 1]
                cells: list[object] = [
                    _out_cell(raw[i] if i < len(raw) else "")
                    for i in range(len(headers))
                ]
                yield ["; ".join(by_row[number]), number, *cells]

        columns = [
            XlsxColumn(error_heading, width=50),
            XlsxColumn(row_heading, width=6),
            *(XlsxColumn(h or f"({i + 1})") for i, h in enumerate(headers)),
        ]
        return XlsxSheet(name, columns, body())

    def undo(self, run_id: str, progress: ProgressSink | None = None) -> UndoResult:
        """Remove what run ``run_id`` created, restore what it updated.

        Records changed since the import are kept as they are (counted in
        ``kept``). Raises :class:`UserError` ``import.already_undone``.
        """
        return undo_run(self._engine, run_id, progress or NullProgress())

    def runs(self, limit: int = 100) -> list[ImportRunInfo]:
        """The latest import runs, newest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(ImportRun).order_by(ImportRun.started_at.desc()).limit(limit)
            ).all()
        return [
            ImportRunInfo(
                r.id,
                r.entity,
                r.file_name,
                r.started_at,
                r.created,
                r.updated,
                r.skipped,
                r.failed,
                r.undone_at,
            )
            for r in rows
        ]

    # ---- mapping templates

    def save_template(
        self,
        entity_name: str,
        name: str,
        *,
        headers: Sequence[str],
        mapping: Mapping[int, str],
        options: ImportOptions | None = None,
    ) -> MappingTemplateInfo:
        """Save (or replace) template ``name``: heading → field plus options."""
        name = name.strip()
        if not name:
            raise UserError(
                "template.name_required", "Give the template a name.", field="name"
            )
        columns = {
            heading_key(headers[i]): f
            for i, f in mapping.items()
            if i < len(headers) and heading_key(headers[i])
        }
        opts = _options_dict(options or ImportOptions())
        table = cast(Table, MappingTemplate.__table__)
        with self._engine.begin() as conn:
            conn.execute(
                delete(MappingTemplate).where(
                    MappingTemplate.entity == entity_name, MappingTemplate.name == name
                )
            )
            tid = new_id()
            conn.execute(
                table.insert().values(
                    id=tid,
                    entity=entity_name,
                    name=name,
                    columns=columns,
                    options=opts,
                    created_at=utcnow(),
                    updated_at=utcnow(),
                )
            )
        return MappingTemplateInfo(tid, entity_name, name, columns, opts)

    def templates(self, entity_name: str | None = None) -> list[MappingTemplateInfo]:
        """Saved templates (of one entity), by name."""
        stmt = select(MappingTemplate).order_by(MappingTemplate.name)
        if entity_name:
            stmt = stmt.where(MappingTemplate.entity == entity_name)
        with self._engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return [
            MappingTemplateInfo(r.id, r.entity, r.name, r.columns, r.options)
            for r in rows
        ]

    def template(self, entity_name: str, name: str) -> MappingTemplateInfo:
        """The template ``name`` of ``entity_name``; :class:`UserError` if unknown."""
        for info in self.templates(entity_name):
            if info.name == name:
                return info
        raise UserError(
            "template.unknown",
            f"There is no mapping template {name!r}.",
            field="mapping",
            value=name,
        )

    def delete_template(self, template_id: str) -> None:
        """Forget a template."""
        with self._engine.begin() as conn:
            conn.execute(
                delete(MappingTemplate).where(MappingTemplate.id == template_id)
            )


def options_from_template(
    info: MappingTemplateInfo, base: ImportOptions | None = None
) -> ImportOptions:
    """``base`` with the options a template saved."""
    data = {**asdict(base or ImportOptions()), **dict(info.options)}
    data["on_duplicate"] = OnDuplicate(data.get("on_duplicate", "update"))
    known = ImportOptions.__dataclass_fields__
    return ImportOptions(**{k: v for k, v in data.items() if k in known})


def _options_dict(options: ImportOptions) -> dict[str, Any]:
    data = asdict(options)
    data["on_duplicate"] = options.on_duplicate.value
    data["value_maps"] = {k: dict(v) for k, v in options.value_maps.items()}
    result: dict[str, Any] = json.loads(json.dumps(data))
    return result


@contextmanager
def _bulk_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction, with SQLite's memory map off and no
    automatic WAL checkpoint at its commit.

    Pages read through mmap count as resident memory; a 100k import touches
    most of a 200 MB database, which put the import's peak RSS over budget.
    The page cache (64 MB) serves the same reads. The checkpoint after a 100k
    import copies ~1 s of WAL into the database; :meth:`ImportService.checkpoint`
    does that afterwards, in the background (measured: commit 2.4-2.6 s with
    it, 1.1-1.6 s without).
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        saved = int(raw.execute("PRAGMA mmap_size").fetchone()[0])
        saved_checkpoint = int(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        raw.execute("PRAGMA mmap_size=0")
        raw.execute("PRAGMA wal_autocheckpoint=0")
        try:
            with conn.begin():
                yield conn
        finally:
            raw.execute(f"PRAGMA mmap_size={saved}")
            raw.execute(f"PRAGMA wal_autocheckpoint={saved_checkpoint}")


def _filled(row: Sequence[Cell]) -> bool:
    for cell in row:
        if cell is None or cell == "":
            continue
        if type(cell) is not str or cell.strip():
            return True
    return False


def _out_cell(cell: Cell) -> object:
    if isinstance(cell, dt.time | dt.timedelta):
        return str(cell)
    return cell


def _key_field(key: DuplicateKey) -> str:
    return {
        DuplicateKey.NAME_POSTCODE: "last_name",
        DuplicateKey.DOMAIN: "web",
    }.get(key, key.value)


def _users(conn: Connection) -> dict[str, str]:
    out: dict[str, str] = {}
    for uid, username, display in conn.exec_driver_sql(
        "SELECT id, username, display_name FROM user_account WHERE deleted_at IS NULL"
    ):
        out.setdefault(fold(username), uid)
        if display:
            out.setdefault(fold(display), uid)
    return out


def run_counts(analyses: Sequence[ImportAnalysis], created: int) -> dict[str, int]:
    """Created / updated / skipped / failed rows of a run's sheets."""
    counts = {"created": created, "updated": 0, "skipped": 0, "failed": 0}
    for public in analyses:
        counts["updated"] += public.count(RowAction.UPDATE)
        counts["skipped"] += (
            public.count(RowAction.SKIP)
            + public.count(RowAction.UNCHANGED)
            + public.count(RowAction.CONFLICT)
        )
        counts["failed"] += public.count(RowAction.ERROR)
    return counts


def _updated_ids(
    parts: Sequence[tuple[EntityTables, _Analysed]],
) -> tuple[list[str], list[str]]:
    """Updated persons and organisations of a run (their FTS entries change)."""
    persons: list[str] = []
    orgs: list[str] = []
    for tables, analysed in parts:
        ids = [cur.id for cur, _ in analysed.updates]
        if tables.table == "person":
            persons += ids
        elif tables.table == "organisation":
            orgs += ids
    return persons, orgs


def changes_of(*logs: WrittenLog) -> Changes:
    """What the views refresh after a run that wrote ``logs``."""
    kinds: set[EntityKind] = set()
    ids: set[str] = set()
    for written in logs:
        changes = _changes(written)
        kinds |= changes.kinds
        ids |= changes.ids
    return Changes(frozenset(kinds), frozenset(ids))


def _changes(written: WrittenLog) -> Changes:
    table_kind = {
        "person": EntityKind.PERSON,
        "organisation": EntityKind.ORGANISATION,
        "lead": EntityKind.LEAD,
        "channel": EntityKind.CHANNEL,
        "address": EntityKind.ADDRESS,
        "industry": EntityKind.INDUSTRY,
        "employment": EntityKind.PERSON,
        "opportunity": EntityKind.OPPORTUNITY,
    }
    tables = written.tables()
    kinds = {table_kind[t] for t in tables if t in table_kind}
    ids = written.ids_of("person", "organisation", "lead", "opportunity")
    return Changes(frozenset(kinds), frozenset(ids))


def unknown_choice_values(
    service: ImportService, plan: ImportPlan, *, limit: int = 200
) -> dict[int, list[str]]:
    """Per mapped choice column, the distinct file values no synonym knows.

    The wizard offers to map them (``ImportOptions.value_maps``) instead of
    failing those rows: "Kat. A" → customer, "VIP" → partner.
    """
    spec = entity(plan.entity)
    source = service._open(plan.path, plan.encoding, plan.delimiter)
    rows = source.rows(plan.sheet)[plan.header_row + 1 :]
    out: dict[int, list[str]] = {}
    for column, key in plan.mapping.items():
        field = spec.field(key)
        if not field.choices:
            continue
        known = {
            **field.choices,
            **{fold(k): v for k, v in plan.options.value_maps.get(key, {}).items()},
        }
        seen: dict[str, None] = {}
        for row in rows:
            text = cell_text(row[column]) if column < len(row) else ""
            if not text or fold(text) in known:
                continue
            if field.key == "country" and len(text) == 2 and text.isalpha():
                continue
            seen.setdefault(text, None)
            if len(seen) >= limit:
                break
        if seen:
            out[column] = list(seen)
    return out
