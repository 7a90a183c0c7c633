"""CSV in and out: encoding detection, separator sniffing, Excel-safe writing.

Reading: a BOM decides (UTF-8, UTF-16 LE/BE); without one, NUL bytes mean
UTF-16, valid UTF-8 means UTF-8, anything else is Windows-1252 (what Excel
with German regional settings writes, "ANSI"). The separator is whichever of
``;`` ``,`` TAB splits the first lines into the most consistent number of
columns. A leading ``'`` that our writer put before ``= + - @`` (OWASP) is
removed again, so exported files round-trip.

Writing: "Excel DE/CH" is ``;`` with a UTF-8 BOM (Excel reads UTF-8 only with a
BOM and splits on ``;`` in German locales); "RFC 4180" is ``,`` without BOM.
Both quote per RFC 4180 and neutralise formulas (:func:`neutralise`).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.exchange.errors import ExchangeError
from app.exchange.limits import Limits, check_shape
from app.exchange.source import Cell, Rows, Source

DELIMITERS = (";", ",", "\t")
#: Characters that make a spreadsheet treat a cell as a formula (OWASP, incl. LF).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_SNIFF_LINES = 50


def neutralise(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` on import."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r\n":
        return text[1:]
    return text


def detect_encoding(head: bytes) -> str:
    """The encoding of a text file from its first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        return "utf-16-be" if even > odd else "utf-16-le"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut off at the end of the sample is still UTF-8
        if exc.start < len(head) - 3:
            return "cp1252"
    return "utf-8"


def sniff_delimiter(text: str) -> str:
    """``;``, ``,`` or TAB: whichever splits the first lines most consistently."""
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    best = (False, 0.0, 0, ";")
    for delim in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        if not counts:
            continue
        mode, hits = Counter(counts).most_common(1)[0]
        score = (mode > 1, hits / len(counts), mode, delim)
        if score[:3] > best[:3]:
            best = score
    return best[3]


def decode(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and the encoding used."""
    data = path.read_bytes()
    enc = encoding or detect_encoding(data[:65536])
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError) as exc:
        if encoding is None and enc == "utf-8":
            enc = "cp1252"
            text = data.decode(enc, errors="replace")
        else:
            raise ExchangeError(
                "csv.encoding",
                f"{path.name} cannot be read as {enc}: {exc}",
                value=enc,
            ) from exc
    if enc == "cp1252" and "\ufffd" in text:
        text = data.decode("latin-1")
        enc = "latin-1"
    return text.lstrip("\ufeff"), enc


def open_csv(
    path: Path,
    limits: Limits,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Source:
    """Decode, sniff and parse a CSV file into one sheet named after the file."""
    text, enc = decode(path, encoding)
    if not text.strip():
        raise ExchangeError("file.empty", f"{path.name} is empty.", value=str(path))
    delim = delimiter or sniff_delimiter(text)
    rows: Rows = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delim):
            if len(record) > limits.max_columns:
                check_shape(path.stem, len(rows), len(record), limits)
            row: list[Cell] = [unneutralise(v) for v in record]
            rows.append(row)
            if len(rows) > limits.max_rows:
                check_shape(path.stem, len(rows), 0, limits)
    except csv.Error as exc:
        raise ExchangeError(
            "csv.invalid",
            f"{path.name}, line {len(rows) + 1}: {exc}",
            value=str(path),
        ) from exc
    while rows and not any(str(c).strip() for c in rows[-1]):
        rows.pop()
    name = path.stem
    return Source(path, "csv", [name], lambda _n: rows, encoding=enc, delimiter=delim)


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    dialect: str = "excel_ch",
) -> int:
    """Write text rows; ``dialect`` ``excel_ch`` (``;`` + BOM) or ``rfc4180``.

    Returns the number of data rows written.
    """
    excel = dialect == "excel_ch"
    count = 0
    with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";" if excel else ",", lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in header])
        for row in rows:
            writer.writerow([neutralise(v) for v in row])
            count += 1
    return count
