"""Test files written by the tests: real xlsx from openpyxl and XlsxWriter, CSV in
each encoding, and a hostile set (formula strings, XXE, billion laughs, zip bomb,
truncated zip, empty file, 2,000 columns)."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import xlsxwriter

HEADER = [
    "Anrede",
    "Vorname",
    "Nachname",
    "Firma",
    "E-Mail",
    "Tel.",
    "PLZ",
    "Ort",
    "Strasse",
    "Kanton",
    "Geburtsdatum",
    "Status",
]
ROWS: list[list[object]] = [
    [
        "Frau",
        "Anna",
        "Müller",
        "Bäckerei Kälin AG",
        "anna.mueller@kaelin.ch",
        "044 123 45 67",
        "8001",
        "Zürich",
        "Bahnhofstrasse 12",
        "ZH",
        dt.date(1980, 5, 17),
        "Kunde",
    ],
    [
        "Herr",
        "Luca",
        "Rossi",
        "Rossi SA",
        "luca.rossi@rossi.ch",
        "+41 91 123 45 67",
        6900,
        "Lugano",
        "Via Nassa 5",
        "TI",
        dt.datetime(1975, 1, 2),
        "Interessent",
    ],
    [
        "Frau",
        "Chloé",
        "Dubois",
        "",
        "chloe.dubois@example.ch",
        "079 555 44 33",
        "1200",
        "Genève",
        "12, rue du Rhône",
        "GE",
        "24.12.1990",
        "Partner",
    ],
]


def write_openpyxl(
    path: Path,
    header: Sequence[object] = HEADER,
    rows: Sequence[Sequence[object]] = ROWS,
    *,
    title_rows: int = 0,
    sheet: str = "Kontakte",
) -> Path:
    """An xlsx written by openpyxl (optionally with title rows above the table)."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for i in range(title_rows):
        ws.append([f"Adressliste Stand {i + 1}.3.2026"])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    for line in ws.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, as users type it
    book.create_sheet("Leer")
    book.save(path)
    return path


def write_xlsxwriter(
    path: Path,
    header: Sequence[object] = HEADER,
    rows: Sequence[Sequence[object]] = ROWS,
) -> Path:
    """An xlsx written by XlsxWriter with typed date cells."""
    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False}
    )
    ws = book.add_worksheet("Export")
    dates = book.add_format({"num_format": "dd.mm.yyyy"})
    ws.write_row(0, 0, list(header))
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(
                    r,
                    c,
                    dt.datetime.combine(value, dt.time())
                    if not isinstance(value, dt.datetime)
                    else value,
                    dates,
                )
            elif isinstance(value, int | float):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, str(value))
    book.close()
    return path


def csv_text(delimiter: str = ";") -> str:
    """The test rows as CSV text (dates Swiss style)."""
    lines = [delimiter.join(HEADER)]
    for row in ROWS:
        cells = []
        for value in row:
            text = (
                value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else str(value)
            )
            cells.append(f'"{text}"' if delimiter in text or "," in text else text)
        lines.append(delimiter.join(cells))
    return "\r\n".join(lines) + "\r\n"


def write_csv(path: Path, *, encoding: str, delimiter: str = ";") -> Path:
    """A CSV file in ``encoding`` (``utf-8-sig`` = with BOM)."""
    path.write_bytes(csv_text(delimiter).encode(encoding))
    return path


XXE = """<?xml version="1.0"?>
<!DOCTYPE relata [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<relata xmlns="urn:relata:exchange:1"><persons><person><last_name>&xxe;</last_name></person></persons></relata>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<relata xmlns="urn:relata:exchange:1"><persons><person><last_name>&lol9;</last_name></person></persons></relata>
"""


def write_zip_bomb(path: Path) -> Path:
    """A valid workbook whose sheet member *declares* 3 GB uncompressed.

    The central directory is patched after writing; the guard must refuse it
    from the declared size alone, before any byte is inflated.
    """
    write_openpyxl(path)
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        assert pos >= 0, "central directory entry not found"
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", data, pos + 24, 3_000_000_000)
            break
        pos += 4
    path.write_bytes(bytes(data))
    return path


def write_ratio_bomb(path: Path) -> Path:
    """A zip whose sheet inflates 1000:1 (20 MB of one repeated row)."""
    write_openpyxl(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/padding.xml", b"<row/>" * 4_000_000)
    return path


def write_truncated(path: Path) -> Path:
    """A workbook cut off in the middle (an interrupted download)."""
    source = write_openpyxl(path.with_name("whole_" + path.name))
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def write_wide(path: Path, columns: int = 2000) -> Path:
    """A sheet with ``columns`` columns."""
    return write_openpyxl(
        path,
        [f"Spalte {i}" for i in range(columns)],
        [[str(i) for i in range(columns)]],
    )


FORMULA_STRINGS = [
    '=HYPERLINK("http://evil.example","click")',
    "+41 44 123 45 67",
    "-Rabatt",
    "@SUM(A1)",
    "=1+1",
    "\tTab",
]
