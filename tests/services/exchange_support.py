"""Helpers of the import/export tests: database snapshots and plans."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from app.domain.exchange import ImportOptions, ImportPlan
from app.services.import_values import fast_phone
from app.services.imports import ImportService
from app.services.validation import FieldProblem, normalise_phone

TABLES = (
    "person",
    "organisation",
    "channel",
    "address",
    "employment",
    "industry",
    "import_run",
    "import_run_item",
    "external_ref",
    "person_fts",
    "organisation_fts",
    "opportunity",
    "sync_outbox",
)


def snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables an import may touch (FTS contents included)."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with engine.connect() as conn:
        for table in TABLES:
            rows = conn.execute(text(f"SELECT * FROM {table}")).all()
            out[table] = sorted((tuple(r) for r in rows), key=repr)
        out["triggers"] = sorted(
            tuple(r)
            for r in conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            )
        )
    return out


def plan_for(
    service: ImportService,
    path: Path,
    entity: str = "persons",
    *,
    sheet: str | None = None,
    **options: object,
) -> ImportPlan:
    """The plan the wizard would build with its defaults plus ``options``."""
    preview = service.preview(path, entity, sheet=sheet)
    return ImportPlan(
        path,
        entity,
        preview.mapping,
        sheet=preview.sheet,
        header_row=preview.header_row,
        options=ImportOptions(**options),  # type: ignore[arg-type]
    )


def assert_fast_phone_agrees(number: str, region: str) -> None:
    """The import's fast phone check gives what the validator gives (or both refuse)."""
    try:
        expected: str | None = normalise_phone(number, region=region)
    except FieldProblem:
        expected = None
    try:
        got: str | None = fast_phone(number, region=region)
    except FieldProblem:
        got = None
    assert got == expected
