"""vCard 3.0 and 4.0 (RFC 2426, RFC 6350): read contacts, write persons.

Reading turns each card into a row whose columns are import field keys
(``last_name``, ``email``, ``mobile``, ``street_and_number`` …), so a vCard
file maps itself. ``UID:urn:uuid:…`` becomes the record id, which makes a
re-imported export update the same persons.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from app.exchange.csv_io import decode
from app.exchange.errors import ExchangeError
from app.exchange.limits import Limits, check_shape
from app.exchange.source import Cell, Rows, Source

#: Columns of the sheet a vCard file becomes.
FIELDS = (
    "id",
    "salutation",
    "title",
    "first_name",
    "last_name",
    "full_name",
    "organisation",
    "role",
    "email",
    "phone",
    "mobile",
    "web",
    "street_and_number",
    "extra",
    "po_box",
    "postcode",
    "city",
    "region",
    "country",
    "birth_date",
    "notes",
)
_PROP = re.compile(r"^(?:[\w-]+\.)?([\w-]+)((?:;[^:]*)?):(.*)$", re.DOTALL)
_UUID = re.compile(r"^(?:urn:uuid:)?([0-9a-fA-F-]{36})$")
_SALUTATIONS = {
    "herr": "mr",
    "mr": "mr",
    "mr.": "mr",
    "frau": "ms",
    "ms": "ms",
    "ms.": "ms",
    "mrs.": "ms",
    "mrs": "ms",
}


def _unescape(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _split(value: str, sep: str = ";") -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append(_unescape("".join(current)))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append(_unescape("".join(current)))
    return parts


def _unfold(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw.strip():
            lines.append(raw)
    return lines


def open_vcard(path: Path, limits: Limits) -> Source:
    """Parse every card of a .vcf file into one sheet."""
    text, enc = decode(path)
    rows: Rows = [list[Cell](FIELDS)]
    card: dict[str, str] | None = None
    for number, line in enumerate(_unfold(text), 1):
        match = _PROP.match(line)
        if match is None:
            raise ExchangeError(
                "vcard.invalid",
                f"{path.name}, line {number}: not a vCard property: {line[:60]!r}",
                value=str(path),
            )
        name, params, value = match[1].upper(), match[2].upper(), match[3]
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            card = {}
        elif name == "END" and value.strip().upper() == "VCARD":
            if card is None:
                raise ExchangeError(
                    "vcard.invalid",
                    f"{path.name}, line {number}: END:VCARD without BEGIN.",
                    value=str(path),
                )
            rows.append([card.get(f, "") for f in FIELDS])
            if len(rows) > limits.max_rows:
                check_shape(path.stem, len(rows), 0, limits)
            card = None
        elif card is not None:
            _property(card, name, params, value)
    if card is not None:
        raise ExchangeError(
            "vcard.invalid",
            f"{path.name}: the last card has no END:VCARD.",
            value=str(path),
        )
    if len(rows) == 1:
        raise ExchangeError(
            "file.empty", f"{path.name} holds no vCards.", value=str(path)
        )
    return Source(path, "vcf", [path.stem], lambda _n: rows, encoding=enc)


def _put(card: dict[str, str], key: str, value: str) -> None:
    if value and not card.get(key):
        card[key] = value.strip()


def _property(card: dict[str, str], name: str, params: str, value: str) -> None:
    if name == "N":
        parts = [*_split(value), "", "", "", ""]
        _put(card, "last_name", parts[0])
        _put(card, "first_name", parts[1])
        prefix = parts[3].strip()
        if prefix.lower() in _SALUTATIONS:
            _put(card, "salutation", _SALUTATIONS[prefix.lower()])
        else:
            _put(card, "title", prefix)
    elif name == "FN":
        _put(card, "full_name", _unescape(value))
    elif name == "ORG":
        _put(card, "organisation", _split(value)[0])
    elif name in ("TITLE", "ROLE"):
        _put(card, "role", _unescape(value))
    elif name == "EMAIL":
        _put(card, "email", _unescape(value))
    elif name == "TEL":
        number = _unescape(value).removeprefix("tel:")
        _put(card, "mobile" if "CELL" in params else "phone", number)
    elif name == "URL":
        _put(card, "web", _unescape(value))
    elif name == "ADR":
        parts = [*_split(value), "", "", "", "", "", "", ""]
        _put(card, "po_box", parts[0])
        _put(card, "extra", parts[1])
        _put(card, "street_and_number", parts[2])
        _put(card, "city", parts[3])
        _put(card, "region", parts[4])
        _put(card, "postcode", parts[5])
        _put(card, "country", parts[6])
    elif name == "BDAY":
        text = value.strip()
        if re.fullmatch(r"\d{8}", text):
            text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
        _put(card, "birth_date", text[:10])
    elif name == "NOTE":
        _put(card, "notes", _unescape(value))
    elif name == "UID":
        uid = _UUID.match(value.strip())
        if uid:
            _put(card, "id", uid[1].lower())


def _esc(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character."""
    data = line.encode()
    if len(data) <= 75:
        return line + "\r\n"
    out: list[str] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        out.append(data[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(out) + "\r\n"


def write_vcards(
    path: Path, cards: Iterable[Mapping[str, object]], *, version: str = "4.0"
) -> int:
    """Write one card per mapping (keys as :data:`FIELDS`); returns the count."""
    if version not in ("3.0", "4.0"):
        raise ValueError("vCard version must be 3.0 or 4.0")
    v4 = version == "4.0"
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        for card in cards:

            def get(key: str, card: Mapping[str, object] = card) -> str:
                return str(card.get(key) or "")

            lines = ["BEGIN:VCARD", f"VERSION:{version}"]
            prefix = {"mr": "Herr", "ms": "Frau"}.get(get("salutation"), "")
            prefix = " ".join(p for p in (prefix, get("title")) if p)
            lines.append(
                "N:"
                + ";".join(
                    _esc(v)
                    for v in (get("last_name"), get("first_name"), "", prefix, "")
                )
            )
            full = " ".join(p for p in (get("first_name"), get("last_name")) if p)
            lines.append("FN:" + _esc(full or get("organisation") or "-"))
            if get("organisation"):
                lines.append("ORG:" + _esc(get("organisation")))
            if get("role"):
                lines.append("TITLE:" + _esc(get("role")))
            if get("email"):
                lines.append(
                    ("EMAIL;TYPE=work:" if v4 else "EMAIL;TYPE=INTERNET:")
                    + _esc(get("email"))
                )
            if get("phone"):
                lines.append(
                    (
                        'TEL;VALUE=uri;TYPE="work,voice":tel:'
                        if v4
                        else "TEL;TYPE=WORK,VOICE:"
                    )
                    + get("phone")
                )
            if get("mobile"):
                lines.append(
                    ("TEL;VALUE=uri;TYPE=cell:tel:" if v4 else "TEL;TYPE=CELL:")
                    + get("mobile")
                )
            if get("web"):
                lines.append("URL:" + get("web"))
            street = " ".join(p for p in (get("street"), get("house_number")) if p)
            if any(get(k) for k in ("street", "postcode", "city", "po_box")):
                adr = (
                    get("po_box"),
                    get("extra"),
                    street,
                    get("city"),
                    get("region"),
                    get("postcode"),
                    get("country"),
                )
                lines.append(
                    "ADR;TYPE="
                    + ("work" if get("organisation") else "home")
                    + ":"
                    + ";".join(_esc(v) for v in adr)
                )
            birth = card.get("birth_date")
            if isinstance(birth, dt.date):
                lines.append(
                    f"BDAY:{birth.isoformat() if v4 else birth.strftime('%Y-%m-%d')}"
                )
            if get("notes"):
                lines.append("NOTE:" + _esc(get("notes")))
            if get("id"):
                lines.append(f"UID:urn:uuid:{get('id')}")
            lines.append("END:VCARD")
            out.write("".join(_fold(line) for line in lines))
            count += 1
    return count
