"""A report to ``.xlsx`` with openpyxl: a titled, typed table and a native bar chart.

The chart is an Excel chart (not a picture), so it stays sharp, follows the
numbers if someone edits a cell and can be restyled in Excel. Money goes out
as CHF with two decimals (minor units ÷ 100), counts as integers. Every text
cell is written as a string with Excel's quote prefix when it would start a
formula (``=``, ``+``, ``-``, ``@``, TAB, CR, LF): a group label such as
``=HYPERLINK(…)`` from a record name stays text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.analytics import Measure, ReportResult
from app.exchange.csv_io import FORMULA_START

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

# openpyxl (charts above all) is imported where a report is written, not when
# the application starts: it cost ~0.3 s of every cold start.

MONEY_FORMAT = '#,##0.00 "CHF"'
#: Groups the chart shows at most (the table has them all).
CHART_ROWS = 40
_HEADER_COLOR = "DDE6F0"


@dataclass(frozen=True)
class ReportTexts:
    """The words of the sheet in the user's language."""

    title: str
    subtitle: str
    dims: Sequence[str]
    count: str
    total: str
    average: str
    weighted: str
    grand_total: str
    sheet: str = "Report"


Label = Callable[[str, str, str], str]


def _text(ws: Worksheet, row: int, col: int, value: str) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"  # never a formula, whatever the text starts with
    if value[:1] in FORMULA_START:
        cell.quotePrefix = True


def write_report_xlsx(
    path: Path,
    result: ReportResult,
    texts: ReportTexts,
    *,
    label: Label | None = None,
) -> Path:
    """Write ``result`` to ``path`` and return it.

    Args:
        label: (dimension, key, stored label) → the label to show; views pass
            their translations of stages, sources and outcomes.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import (  # type: ignore[import-untyped]
        Alignment,
        Font,
        PatternFill,
    )

    header_fill = PatternFill("solid", fgColor=_HEADER_COLOR)
    show = label or (lambda _d, _k, text: text)
    dims = result.definition.dims
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = texts.sheet[:31]
    _text(ws, 1, 1, texts.title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    _text(ws, 2, 1, texts.subtitle)
    ws.cell(row=2, column=1).font = Font(italic=True, color="57606A")
    head = 4
    titles = [*texts.dims, texts.count, texts.total, texts.average, texts.weighted]
    for col, title in enumerate(titles, start=1):
        _text(ws, head, col, title)
        cell = ws.cell(row=head, column=col)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        if col > len(dims):
            cell.alignment = Alignment(horizontal="right")
    n = len(dims)
    for i, row in enumerate(result.rows, start=head + 1):
        for col, (dim, key, text) in enumerate(
            zip(dims, row.keys, row.labels, strict=True), start=1
        ):
            _text(ws, i, col, show(dim, key, text))
        ws.cell(row=i, column=n + 1, value=row.count)
        for off, minor in enumerate((row.total, row.average, row.weighted), start=2):
            cell = ws.cell(row=i, column=n + off, value=minor / 100)
            cell.number_format = MONEY_FORMAT
    last = head + len(result.rows)
    total_at = last + 1
    _text(ws, total_at, 1, texts.grand_total)
    ws.cell(row=total_at, column=n + 1, value=result.total.count)
    for off, minor in enumerate(
        (result.total.total, result.total.average, result.total.weighted), start=2
    ):
        cell = ws.cell(row=total_at, column=n + off, value=minor / 100)
        cell.number_format = MONEY_FORMAT
    for col in range(1, n + 5):
        ws.cell(row=total_at, column=col).font = Font(bold=True)
    for col in range(1, n + 5):
        letter = ws.cell(row=head, column=col).column_letter
        ws.column_dimensions[letter].width = 28 if col <= n else 18
    ws.freeze_panes = ws.cell(row=head + 1, column=1)
    if result.rows:
        _chart(ws, result, texts, head=head, last=min(last, head + CHART_ROWS))
    wb.save(path)
    return path


def _chart(
    ws: Worksheet, result: ReportResult, texts: ReportTexts, *, head: int, last: int
) -> None:
    """A bar chart of the report's measure over its (first CHART_ROWS) groups."""
    from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]

    n = len(result.definition.dims)
    measure = result.definition.measure
    column = (
        n
        + {
            Measure.COUNT: 1,
            Measure.SUM: 2,
            Measure.AVERAGE: 3,
            Measure.WEIGHTED: 4,
        }[measure]
    )
    chart = BarChart()
    chart.type = "bar" if last - head > 12 else "col"
    chart.style = 10
    chart.title = texts.title
    chart.legend = None
    chart.height = max(8.0, min(30.0, (last - head) * 0.55))
    chart.width = 22.0
    data = Reference(ws, min_col=column, min_row=head, max_row=last)
    cats = Reference(ws, min_col=1, max_col=n, min_row=head + 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    ws.add_chart(chart, ws.cell(row=head, column=n + 6).coordinate)
