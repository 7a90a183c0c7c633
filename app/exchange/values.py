"""Cell values to field values: text, dates, numbers, money, choices.

Typed xlsx cells carry no locale problem; text cells and CSV do. Rules:

* Dates: ``31.12.2026`` and ``31.12.26`` (dots are always day first),
  ``2026-12-31``, and ``12/31/2026`` or ``31/12/2026``: a slash or dash date
  whose day and month could both be ≤ 12 is *ambiguous*; the column's order is
  found from its other values (:func:`detect_date_order`) or asked for, never
  guessed. calamine gives ``date`` at midnight and ``datetime`` otherwise: both
  become a ``date``; numbers in a date column are Excel serial days.
* Numbers: ``1'234.50``, ``1’234.50``, ``1.234,50``, ``1 234,50``, ``(1'234.50)``:
  apostrophes and (narrow) spaces group thousands; with both ``.`` and ``,`` the
  last one is the decimal mark; one kind repeated is grouping.
* Money: a number plus an optional currency (``CHF``, ``Fr.``, ``EUR``, ``€``,
  ``$`` …) → integer minor units and an ISO code; never a float.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache

from app.exchange.source import Cell

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_DOTTED = re.compile(
    r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_SLASHED = re.compile(
    r"^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_GROUPING = str.maketrans("", "", "'’ʼ`´\u00a0\u202f\u2009 _")
_CURRENCIES = {
    "CHF": "CHF",
    "FR.": "CHF",
    "FR": "CHF",
    "SFR.": "CHF",
    "SFR": "CHF",
    "EUR": "EUR",
    "€": "EUR",
    "USD": "USD",
    "US$": "USD",
    "$": "USD",
    "GBP": "GBP",
    "£": "GBP",
}
_CURRENCY = re.compile(r"(CHF|SFR\.?|FR\.?|EUR|€|USD|US\$|\$|GBP|£)", re.IGNORECASE)


class DateOrder(StrEnum):
    """How a slash or dash date is read."""

    DMY = "dmy"
    MDY = "mdy"


class ValueProblem(ValueError):  # noqa: N818 - a value, not a failure of ours
    """A cell cannot become the field's value; ``code`` is stable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def cell_text(cell: Cell, *, multiline: bool = False) -> str:
    """A cell as trimmed text: ``8001.0`` → ``8001``, dates ISO, no control characters."""
    if type(cell) is str:
        # fast path: most cells are plain printable text without double spaces
        if cell.isprintable() and "  " not in cell:
            return cell.strip()
        text = cell
    elif cell is None:
        return ""
    elif isinstance(cell, str):
        text = cell
    elif isinstance(cell, bool):
        text = "1" if cell else "0"
    elif isinstance(cell, float):
        text = str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)
    elif isinstance(cell, dt.datetime):
        text = cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat()
    elif isinstance(cell, dt.date | dt.time):
        text = cell.isoformat()
    else:
        text = str(cell)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if not multiline:
        text = " ".join(text.split())
    return text.strip()


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000
        if year > today.year + 10:
            year -= 100
    return year


def _make(year: int, month: int, day: int, raw: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueProblem("date.invalid", f"{raw!r} is not a valid date") from exc


def parse_date(
    cell: Cell, *, order: DateOrder | None = None, today: dt.date | None = None
) -> dt.date | None:
    """A date from a typed cell or text; ``None`` for an empty cell.

    Raises:
        ValueProblem: ``date.invalid`` or ``date.ambiguous`` (order needed).
    """
    if cell is None or cell == "":
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if not 1 <= cell < 2958466:
            raise ValueProblem("date.invalid", f"{cell!r} is not a date")
        return _EXCEL_EPOCH + dt.timedelta(days=int(cell))
    text = cell_text(cell)
    today = today or dt.date.today()
    if m := _ISO.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), cell)
    if m := _DOTTED.match(text):
        return _make(_year(m[3], today), int(m[2]), int(m[1]), cell)
    if m := _SLASHED.match(text):
        first, second = int(m[1]), int(m[2])
        year = _year(m[3], today)
        if order is None:
            if first > 12 >= second:
                order = DateOrder.DMY
            elif second > 12 >= first:
                order = DateOrder.MDY
            elif first == second:
                return _make(year, first, first, cell)
            else:
                raise ValueProblem(
                    "date.ambiguous",
                    f"{text!r} could be day/month or month/day; choose the date order",
                )
        if order is DateOrder.DMY:
            return _make(year, second, first, cell)
        return _make(year, first, second, cell)
    raise ValueProblem("date.invalid", f"{text!r} is not a date (use 31.12.2026)")


def detect_date_order(cells: Iterable[Cell]) -> DateOrder | None:
    """The order a column's slash/dash dates must have, or ``None`` if undecided.

    A value like ``25/12/2026`` proves day-first, ``12/25/2026`` month-first.
    """
    dmy = mdy = False
    for cell in cells:
        if not isinstance(cell, str):
            continue
        m = _SLASHED.match(cell.strip())
        if not m:
            continue
        first, second = int(m[1]), int(m[2])
        dmy = dmy or first > 12 >= second
        mdy = mdy or second > 12 >= first
    if dmy and not mdy:
        return DateOrder.DMY
    if mdy and not dmy:
        return DateOrder.MDY
    return None


def needs_date_order(cells: Iterable[Cell]) -> bool:
    """Whether some value is a slash/dash date that only an order can resolve."""
    for cell in cells:
        if isinstance(cell, str) and (m := _SLASHED.match(cell.strip())):
            first, second = int(m[1]), int(m[2])
            if first <= 12 and second <= 12 and first != second:
                return True
    return False


def parse_decimal(cell: Cell) -> Decimal | None:
    """A number from a typed cell or text in CH/DE/FR/EN notation; ``None`` if empty.

    Raises:
        ValueProblem: ``number.invalid``.
    """
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise ValueProblem("number.invalid", f"{cell!r} is not a number")
    if isinstance(cell, int | float):
        return Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
    raw = cell_text(cell)
    text = raw.translate(_GROUPING)
    negative = False
    if text.endswith((".-", ",-", ".–", ",–")):  # Swiss "12.-" = 12.00
        text = text[:-2]
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.endswith("-"):
        negative, text = True, text[:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    text = text.removeprefix("+").replace("−", "")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        group = "," if decimal_mark == "." else "."
        text = text.replace(group, "").replace(decimal_mark, ".")
    elif commas > 1:
        text = text.replace(",", "")
    elif dots > 1:
        text = text.replace(".", "")
    elif commas == 1:
        text = text.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", text):
        raise ValueProblem("number.invalid", f"{raw!r} is not a number")
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValueProblem("number.invalid", f"{raw!r} is not a number") from exc
    return -value if negative else value


def parse_money(cell: Cell, *, currency: str = "CHF") -> tuple[int, str] | None:
    """Integer minor units and ISO currency; ``None`` if the cell is empty.

    Raises:
        ValueProblem: ``money.invalid``.
    """
    if cell is None or cell == "":
        return None
    found = currency
    if isinstance(cell, str):
        match = _CURRENCY.search(cell)
        if match:
            found = _CURRENCIES[match[1].upper()]
            cell = (cell[: match.start()] + cell[match.end() :]).strip()
        elif m := re.search(r"\b([A-Z]{3})\b", cell):
            found = m[1]
            cell = (cell[: m.start()] + cell[m.end() :]).strip()
    try:
        amount = parse_decimal(cell)
    except ValueProblem as exc:
        raise ValueProblem("money.invalid", f"{cell!r} is not an amount") from exc
    if amount is None:
        return None
    minor = (amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(minor), found


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``Zürich`` → ``zurich``, ``ß`` → ``ss``."""
    if text.isascii():
        return text.lower()
    return _fold_unicode(text)


@lru_cache(maxsize=65536)
def _fold_unicode(text: str) -> str:
    # cached: organisation names, cities and umlaut surnames repeat a lot in a
    # 100k import (the decomposition cost 5 s of CPU uncached)
    text = text.casefold().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse_choice(cell: Cell, choices: Mapping[str, str], *, field: str) -> str | None:
    """The stored value of a choice field (``Kunde`` → ``customer``); ``None`` if empty.

    ``choices`` maps folded synonyms (see :func:`fold`) to stored values.

    Raises:
        ValueProblem: ``choice.unknown``.
    """
    text = cell_text(cell)
    if not text:
        return None
    value = choices.get(fold(text))
    if value is None:
        raise ValueProblem(
            "choice.unknown", f"{text!r} is not a known value for {field}"
        )
    return value


_PARTICLES = {
    "von",
    "van",
    "de",
    "di",
    "da",
    "du",
    "del",
    "della",
    "zu",
    "vom",
    "le",
    "la",
    "dos",
}


def split_name(text: str, *, last_first: bool = False) -> tuple[str, str]:
    """``Hans Muster`` → (``Hans``, ``Muster``); ``Muster, Hans`` → the same.

    Particles stay with the last name (``Anna von Arx`` → ``von Arx``).
    """
    text = " ".join(text.split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    parts = text.split(" ")
    if len(parts) == 1:
        return "", parts[0]
    if last_first:
        return " ".join(parts[1:]), parts[0]
    cut = len(parts) - 1
    while cut > 1 and parts[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return " ".join(parts[:cut]), " ".join(parts[cut:])


_STREET_NUMBER = re.compile(
    r"^(.*?\D)\s*(\d+\s?[a-zA-Z]?(?:\s?[-/]\s?\d+\s?[a-zA-Z]?)?)$"
)
_NUMBER_STREET = re.compile(r"^(\d+\s?[a-zA-Z]?(?:[-/]\d+[a-zA-Z]?)?)\s*,?\s+(.*\D.*)$")


@lru_cache(maxsize=65536)
def split_street(text: str) -> tuple[str, str]:
    """``Bahnhofstrasse 12a`` → (``Bahnhofstrasse``, ``12a``); ``12, rue du Lac`` too."""
    text = " ".join(text.split())
    if m := _STREET_NUMBER.match(text):
        return m[1].strip().rstrip(","), m[2].replace(" ", "")
    if m := _NUMBER_STREET.match(text):
        return m[2].strip(), m[1].replace(" ", "")
    return text, ""
