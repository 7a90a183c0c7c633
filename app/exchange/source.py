"""Open any importable file as named sheets of rows: xlsx/xlsm, csv, xml, vcf.

A :class:`Source` knows its sheet names up front and reads a sheet's rows on
first use (then keeps them), so choosing a sheet never parses the others.
Cells keep the type the file gave them (text, number, date); the value parsers
turn them into field values later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.exchange.errors import ExchangeError
from app.exchange.limits import DEFAULT_LIMITS, Limits, check_file

type Cell = (
    str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
)
type Rows = list[list[Cell]]

FORMATS = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xml": "xml",
    ".vcf": "vcf",
    ".vcard": "vcf",
}


@dataclass
class Source:
    """An opened file: its sheets by name, read on demand.

    Attributes:
        path: the file.
        format: ``xlsx``, ``csv``, ``xml`` or ``vcf``.
        sheet_names: sheets in file order (one for csv and vcf).
        encoding: detected text encoding (csv only).
        delimiter: detected or chosen separator (csv only).
    """

    path: Path
    format: str
    sheet_names: list[str]
    loader: Callable[[str], Rows]
    encoding: str = ""
    delimiter: str = ""
    _cache: dict[str, Rows] = field(default_factory=dict)

    def rows(self, sheet: str | None = None) -> Rows:
        """All rows of ``sheet`` (the first sheet if ``None``)."""
        name = sheet if sheet is not None else self.sheet_names[0]
        if name not in self.sheet_names:
            raise ExchangeError(
                "sheet.missing",
                f"{self.path.name} has no sheet named {name!r} "
                f"(sheets: {', '.join(self.sheet_names)}).",
                value=name,
            )
        if name not in self._cache:
            self._cache[name] = self.loader(name)
        return self._cache[name]


def detect_format(path: Path) -> str:
    """The format by file extension, or :class:`ExchangeError`."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ExchangeError(
            "file.unsupported",
            f"{path.name}: only .xlsx, .xlsm, .csv, .xml and .vcf files can be imported.",
            value=str(path),
        )
    return fmt


def open_source(
    path: Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Source:
    """Check ``path`` against ``limits`` and open it for reading.

    Raises:
        ExchangeError: unsupported, empty, too big, corrupt or hostile file.
    """
    fmt = detect_format(path)
    check_file(path, limits)
    if fmt == "xlsx":
        from app.exchange.xlsx_reader import open_xlsx

        return open_xlsx(path, limits)
    if fmt == "csv":
        from app.exchange.csv_io import open_csv

        return open_csv(path, limits, encoding=encoding, delimiter=delimiter)
    if fmt == "xml":
        from app.exchange.xml_port import open_xml

        return open_xml(path, limits)
    from app.exchange.vcard import open_vcard

    return open_vcard(path, limits)
