"""Size limits checked before a file is parsed (zip bombs, giant sheets).

Why these numbers: Excel itself stops at 1,048,576 rows; HubSpot refuses more
than 1,000 columns and PostHog 2,000, so a wider sheet is no contact list a
person made. Odoo rejects zip members declaring more than 100 MiB because
openpyxl reads shared strings whole; we read with calamine (about 1.3x the
sheet XML in memory) and allow 512 MiB per member, 1 GiB in total, and at most
a 200:1 compression ratio for members over 10 MB (a 100k x 21 export compresses
about 20:1). The declared sizes are a reliable cap: CPython's zipfile stops at
the declared size and raises on a bad CRC (research/reliability.md §3).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from app.exchange.errors import ExchangeError

MAX_ROWS = 1_048_576
MAX_COLUMNS = 1_000


@dataclass(frozen=True)
class Limits:
    """What an import accepts; the settings may lower ``max_file_bytes``."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_member_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 1024 * 1024 * 1024
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 10 * 1024 * 1024
    max_rows: int = MAX_ROWS
    max_columns: int = MAX_COLUMNS


DEFAULT_LIMITS = Limits()


def with_max_file_mb(limits: Limits, megabytes: int) -> Limits:
    """``limits`` refusing files over ``megabytes`` (the ``import_max_mb`` setting)."""
    return replace(limits, max_file_bytes=max(1, megabytes) * 1024 * 1024)


def check_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> int:
    """Refuse a missing, empty or too big file; return its size in bytes."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExchangeError(
            "file.unreadable", f"{path.name} cannot be read: {exc}", value=str(path)
        ) from exc
    if size == 0:
        raise ExchangeError("file.empty", f"{path.name} is empty.", value=str(path))
    if size > limits.max_file_bytes:
        raise ExchangeError(
            "file.too_big",
            f"{path.name} is {size / 1048576:.1f} MB; at most "
            f"{limits.max_file_bytes / 1048576:.0f} MB can be imported "
            "(Settings: largest import file).",
            value=str(path),
        )
    return size


def check_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a corrupt zip or one whose members declare too much data."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExchangeError(
            "zip.corrupt",
            f"{path.name} is damaged or not an Excel workbook ({exc}).",
            value=str(path),
        ) from exc
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if (
            info.file_size > limits.max_member_bytes
            or total > limits.max_total_bytes
            or (info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio)
        ):
            raise ExchangeError(
                "zip.bomb",
                f"{path.name} would unpack to {total / 1e6:.0f} MB or more "
                f"({info.filename} alone {info.file_size / 1e6:.0f} MB); it is "
                "refused as a possible zip bomb.",
                value=str(path),
            )


def check_shape(name: str, rows: int, columns: int, limits: Limits) -> None:
    """Refuse a sheet with more rows or columns than an import handles."""
    if rows > limits.max_rows:
        raise ExchangeError(
            "sheet.too_many_rows",
            f"Sheet {name} has {rows:,} rows; at most {limits.max_rows:,} can be read.",
            value=name,
        )
    if columns > limits.max_columns:
        raise ExchangeError(
            "sheet.too_many_columns",
            f"Sheet {name} has {columns:,} columns; at most "
            f"{limits.max_columns:,} can be imported.",
            value=name,
        )
