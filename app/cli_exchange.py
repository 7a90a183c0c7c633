"""``relata import`` and ``relata export``: batch exchange without the GUI.

Exit codes: 0 = done without row errors; 1 = some rows had errors (they were
not imported; ``--errors FILE`` writes them to a workbook); 2 = the file or
the arguments were refused (nothing written).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.domain.addresses import ListFilter, RelationStatus
from app.domain.errors import UserError
from app.domain.exchange import (
    ExportFormat,
    ImportOptions,
    ImportPlan,
    OnDuplicate,
    RowAction,
    RowIssue,
)

_FORMATS = {
    "xlsx": ExportFormat.XLSX,
    "csv": ExportFormat.CSV_EXCEL,
    "csv-rfc": ExportFormat.CSV_RFC,
    "xml": ExportFormat.XML,
    "vcf": ExportFormat.VCARD4,
    "vcf3": ExportFormat.VCARD3,
    "vcf4": ExportFormat.VCARD4,
}


def _say(text: str, *, error: bool = False) -> None:
    (sys.stderr if error else sys.stdout).write(text + "\n")


def add_parsers(sub: Any) -> None:
    """Register the ``import`` and ``export`` subcommands."""
    imp = sub.add_parser(
        "import", help="import persons, organisations, leads or opportunities"
    )
    imp.add_argument("file", type=Path, help=".xlsx, .xlsm, .csv, .xml or .vcf")
    imp.add_argument("--db", dest="exchange_db", type=Path, required=True)
    imp.add_argument(
        "--entity",
        choices=["persons", "organisations", "leads", "opportunities"],
        default="persons",
    )
    imp.add_argument("--sheet", help="worksheet name (default: the first)")
    imp.add_argument(
        "--sheets",
        metavar="SHEET=ENTITY,…",
        help="import several sheets together in one run, e.g. "
        '"Firmen=organisations,Kontakte=persons,Chancen=opportunities"',
    )
    imp.add_argument("--header-row", type=int, help="row of the headings (1 = first)")
    imp.add_argument("--mapping", help="name of a saved mapping template")
    imp.add_argument(
        "--key",
        choices=[
            "id",
            "external_id",
            "email",
            "customer_number",
            "uid",
            "domain",
            "name_postcode",
        ],
        help="business key to find existing records (default: e-mail / customer no.)",
    )
    imp.add_argument(
        "--on-duplicate", choices=[d.value for d in OnDuplicate], default="update"
    )
    imp.add_argument(
        "--date-order", choices=["dmy", "mdy"], help="order of slash dates"
    )
    imp.add_argument(
        "--overwrite-changed",
        action="store_true",
        help="update rows changed since the export",
    )
    imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    imp.add_argument(
        "--errors", type=Path, metavar="XLSX", help="write failing rows here"
    )
    imp.add_argument(
        "--json", action="store_true", help="print a machine-readable summary"
    )
    exp = sub.add_parser("export", help="export persons or organisations to a file")
    exp.add_argument("--db", dest="exchange_db", type=Path, required=True)
    exp.add_argument(
        "--entity", choices=["persons", "organisations"], default="persons"
    )
    exp.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="search=…, status=customer, postcode=80, city=…, region=…, country=CH (repeatable)",
    )
    exp.add_argument(
        "--format", choices=sorted(_FORMATS), help="default: from --out's extension"
    )
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument("--json", action="store_true")


def _open(path: Path) -> Any:
    from app.config import load_settings
    from app.db.database import open_database
    from app.services.container import build_services

    settings = load_settings()  # the size limit may come from IT's policy
    database = open_database(path, backup_dir=path.parent / "backups")
    services = build_services(database, import_max_mb=settings.import_max_mb)
    return database, services


def run_import(args: argparse.Namespace) -> int:
    """``relata import``."""
    if args.sheets:
        return _run_sheets(args)
    database, services = _open(args.exchange_db)
    try:
        imports = services.imports
        preview = imports.preview(
            args.file,
            args.entity,
            sheet=args.sheet,
            header_row=args.header_row - 1 if args.header_row else None,
            template=args.mapping,
        )
        options = ImportOptions(
            key=args.key or "",
            on_duplicate=OnDuplicate(args.on_duplicate),
            date_order=args.date_order,
            overwrite_changed=args.overwrite_changed,
        )
        if args.mapping:
            from app.services.imports import options_from_template

            saved = options_from_template(imports.template(args.entity, args.mapping))
            options = ImportOptions(
                key=args.key or saved.key,
                on_duplicate=OnDuplicate(args.on_duplicate),
                date_order=args.date_order or saved.date_order,
                last_name_first=saved.last_name_first,
                value_maps=saved.value_maps,
                empty_clears=saved.empty_clears,
                overwrite_changed=args.overwrite_changed,
            )
        plan = ImportPlan(
            args.file,
            args.entity,
            preview.mapping,
            sheet=preview.sheet,
            header_row=preview.header_row,
            options=options,
        )
        summary: dict[str, Any] = {
            "file": str(args.file),
            "entity": args.entity,
            "sheet": preview.sheet,
            "mapping": {
                preview.headers[i]: f for i, f in sorted(preview.mapping.items())
            },
            "dry_run": bool(args.dry_run),
        }
        if args.dry_run:
            analysis = imports.dry_run(plan)
        else:
            result = imports.commit(plan)
            analysis = result.analysis
            summary |= {"run_id": result.run_id, "seconds": round(result.seconds, 2)}
        summary |= {"rows": analysis.total} | {
            action.value: analysis.count(action) for action in RowAction
        }
        summary["issues"] = [_issue(i) for i in analysis.issues[:200]]
        if args.errors and analysis.count(RowAction.ERROR):
            imports.write_error_workbook(plan, analysis, args.errors)
            summary["error_workbook"] = str(args.errors)
    finally:
        database.close(backup=False)
    if args.json:
        _say(json.dumps(summary, ensure_ascii=False))
    else:
        verb = "would be" if args.dry_run else "were"
        _say(
            f"{summary['rows']} rows: {summary['create']} new, {summary['update']} updated, "
            f"{summary['unchanged']} unchanged, {summary['skip']} skipped, "
            f"{summary['conflict']} changed since export, {summary['error']} with errors "
            f"({verb} not imported)"
        )
        for issue in summary["issues"][:20]:
            _say(
                f"  row {issue['row']} {issue['column']}: {issue['message']}",
                error=True,
            )
    return 1 if summary["error"] else 0


def _issue(issue: RowIssue, sheet: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"sheet": sheet} if sheet is not None else {}
    return out | {
        "row": issue.row,
        "column": issue.column,
        "field": issue.field,
        "code": issue.code,
        "message": issue.message,
        "value": issue.value,
        "warning": issue.warning,
    }


def _run_sheets(args: argparse.Namespace) -> int:
    """``relata import FILE --sheets "Firmen=organisations,Kontakte=persons"``."""
    from app.services.import_sheets import parse_assignments

    assignments = parse_assignments(args.sheets)
    database, services = _open(args.exchange_db)
    try:
        imports = services.imports
        plan = imports.plan_sheets(
            args.file,
            assignments,
            ImportOptions(
                on_duplicate=OnDuplicate(args.on_duplicate),
                date_order=args.date_order,
                overwrite_changed=args.overwrite_changed,
            ),
        )
        summary: dict[str, Any] = {
            "file": str(args.file),
            "sheets": {p.sheet: p.entity for p in plan.parts},
            "dry_run": bool(args.dry_run),
        }
        if args.dry_run:
            analysis = imports.dry_run_sheets(plan)
        else:
            result = imports.commit_sheets(plan)
            analysis = result.analysis
            summary |= {"run_id": result.run_id, "seconds": round(result.seconds, 2)}
        summary |= {"rows": analysis.total} | {
            action.value: analysis.count(action) for action in RowAction
        }
        summary["per_sheet"] = {
            sheet: {"entity": part.entity, "rows": part.total}
            | {action.value: part.count(action) for action in RowAction}
            for sheet, part in zip(analysis.sheets, analysis.parts, strict=True)
        }
        summary["issues"] = [_issue(i, s) for s, i in analysis.issues()[:200]]
        if args.errors and analysis.count(RowAction.ERROR):
            imports.write_sheets_error_workbook(plan, analysis, args.errors)
            summary["error_workbook"] = str(args.errors)
    finally:
        database.close(backup=False)
    if args.json:
        _say(json.dumps(summary, ensure_ascii=False))
    else:
        verb = "would be" if args.dry_run else "were"
        for sheet, part in summary["per_sheet"].items():
            _say(
                f"{sheet} ({part['entity']}): {part['rows']} rows, {part['create']} new, "
                f"{part['update']} updated, {part['unchanged']} unchanged, "
                f"{part['skip']} skipped, {part['error']} with errors"
            )
        _say(f"rows with errors {verb} not imported" if summary["error"] else "done")
        for issue in summary["issues"][:20]:
            _say(
                f"  {issue['sheet']} row {issue['row']} {issue['column']}: "
                f"{issue['message']}",
                error=True,
            )
    return 1 if summary["error"] else 0


def _filter(items: list[str]) -> ListFilter:
    values: dict[str, Any] = {}
    status: set[RelationStatus] = set()
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise UserError(
                "filter.invalid", f"--filter {item!r}: use KEY=VALUE", value=item
            )
        key = key.strip().lower()
        if key == "status":
            if value not in RelationStatus:
                raise UserError(
                    "filter.invalid", f"unknown status {value!r}", value=value
                )
            status.add(RelationStatus(value))
        elif key in ("search", "city", "region", "country"):
            values[key] = value
        elif key in ("postcode", "postcode_prefix"):
            values["postcode_prefix"] = value
        else:
            raise UserError("filter.invalid", f"unknown filter {key!r}", value=key)
    return ListFilter(status=frozenset(status), **values)


def run_export(args: argparse.Namespace) -> int:
    """``relata export``."""
    fmt_name = args.format or {
        ".xlsx": "xlsx",
        ".csv": "csv",
        ".xml": "xml",
        ".vcf": "vcf",
    }.get(args.out.suffix.lower())
    if fmt_name is None:
        _say(
            "relata export: give --format or an --out file ending in .xlsx/.csv/.xml/.vcf",
            error=True,
        )
        return 2
    flt = _filter(args.filter)
    database, services = _open(args.exchange_db)
    try:
        result = services.exports.export(
            args.entity, args.out, fmt=_FORMATS[fmt_name], flt=flt
        )
    finally:
        database.close(backup=False)
    if args.json:
        _say(
            json.dumps(
                {
                    "out": str(result.path),
                    "rows": result.rows,
                    "seconds": round(result.seconds, 2),
                }
            )
        )
    else:
        _say(f"{result.rows} {args.entity} exported to {result.path}")
    return 0
