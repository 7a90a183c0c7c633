"""Read xlsx/xlsm with python-calamine; openpyxl read-only as the fallback.

calamine parses ~20x faster than openpyxl read-only (research B2). openpyxl is
used only when calamine fails on a file that passed the zip checks (a writer
calamine does not understand); then ``reset_dimensions`` guards against a wrong
``<dimension>`` making it iterate 1,048,576 rows (Odoo PR #177586).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

import python_calamine

from app.exchange.errors import ExchangeError
from app.exchange.limits import Limits, check_shape, check_zip
from app.exchange.source import Cell, Rows, Source

log = logging.getLogger(__name__)


def open_xlsx(path: Path, limits: Limits) -> Source:
    """Open a workbook after the zip checks; sheets are read on demand."""
    check_zip(path, limits)
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        names = [
            m.name
            for m in book.sheets_metadata
            if m.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
    except Exception as exc:
        log.info("calamine could not open %s (%s); trying openpyxl", path, exc)
        return _open_openpyxl(path, limits)
    if not names:
        raise ExchangeError(
            "file.empty", f"{path.name} contains no worksheet.", value=str(path)
        )

    def load(name: str) -> Rows:
        try:
            sheet = book.get_sheet_by_name(name)
            check_shape(name, sheet.height, sheet.width, limits)
            rows = cast(Rows, sheet.to_python(skip_empty_area=False))
            return _trim(rows)
        except ExchangeError:
            raise
        except Exception as exc:
            log.info("calamine failed on %s/%s (%s); trying openpyxl", path, name, exc)
            return _openpyxl_rows(path, name, limits)

    return Source(path, "xlsx", names, load)


def _open_openpyxl(path: Path, limits: Limits) -> Source:
    import openpyxl  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        names = list(book.sheetnames)
        book.close()
    except Exception as exc:
        raise ExchangeError(
            "xlsx.corrupt",
            f"{path.name} is not a readable Excel workbook ({exc}).",
            value=str(path),
        ) from exc
    return Source(path, "xlsx", names, lambda name: _openpyxl_rows(path, name, limits))


def _openpyxl_rows(path: Path, name: str, limits: Limits) -> Rows:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ExchangeError(
            "xlsx.corrupt",
            f"{path.name} is not a readable Excel workbook ({exc}).",
            value=str(path),
        ) from exc
    try:
        sheet = book[name]
        sheet.reset_dimensions()
        rows: Rows = []
        for values in sheet.iter_rows(values_only=True):
            if len(rows) >= limits.max_rows:
                check_shape(name, len(rows) + 1, 0, limits)
            row: list[Cell] = ["" if v is None else v for v in values]
            check_shape(name, 0, len(row), limits)
            rows.append(row)
        return _trim(rows)
    finally:
        book.close()


def _trim(rows: Rows) -> Rows:
    """Drop trailing empty rows (formatting often extends the used range)."""
    end = len(rows)
    while end and all(c in ("", None) for c in rows[end - 1]):
        end -= 1
    del rows[end:]
    return rows
