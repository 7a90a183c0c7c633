"""Which column is which field: header row detection and automatic mapping.

Headings are compared folded (case, accents, ``ß``, punctuation and spaces
ignored), so ``E-Mail``, ``e-mail`` and ``EMAIL`` are one heading. A saved
mapping template (heading → field, per entity) wins over the synonyms, so a
back office that calls its column "Kontakt 1" maps it once and never again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.exchange.entities import EntitySpec
from app.exchange.source import Cell
from app.exchange.values import cell_text, fold

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
HEADER_SCAN_ROWS = 20


def heading_key(text: object) -> str:
    """The folded form headings are compared in: ``E-Mail-Adresse`` → ``emailadresse``."""
    return _NON_ALNUM.sub("", fold(cell_text(text if text is not None else "")))  # type: ignore[arg-type]


def synonyms(spec: EntitySpec) -> dict[str, str]:
    """Folded heading → field key; a field's own key and label count too.

    A heading listed for two fields maps to the one listed first.
    """
    out: dict[str, str] = {}
    for field in spec.fields:
        for word in (field.key, field.label, *field.synonyms):
            out.setdefault(heading_key(word), field.key)
    return out


def detect_header_row(rows: Sequence[Sequence[Cell]], spec: EntitySpec) -> int:
    """Index of the row that looks most like a header (most known headings).

    Title rows above a table ("Adressliste Stand 1.3.") are skipped; without
    any known heading the first non-empty row is the header.
    """
    known = synonyms(spec)
    best, best_hits = -1, 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        hits = sum(1 for cell in row if heading_key(cell) in known)
        if hits > best_hits:
            best, best_hits = index, hits
    if best >= 0 and best_hits >= 2:
        return best
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if any(cell_text(c) for c in row):
            return index
    return 0


def auto_map(
    headers: Sequence[Cell],
    spec: EntitySpec,
    template: Mapping[str, str] | None = None,
) -> dict[int, str]:
    """Column index → field key for every column that can be mapped.

    Each field is used once (the first matching column wins); ``template``
    (folded heading → field key) is consulted before the synonyms. A mapped
    virtual field (``full_name``) is dropped when its parts are mapped too.
    """
    known = synonyms(spec)
    valid = {f.key for f in spec.fields}
    result: dict[int, str] = {}
    used: set[str] = set()
    for index, header in enumerate(headers):
        key = heading_key(header)
        if not key:
            continue
        field = (template or {}).get(key) or known.get(key)
        if field and field in valid and field not in used:
            result[index] = field
            used.add(field)
    if {"first_name", "last_name"} <= used and "full_name" in used:
        result = {i: f for i, f in result.items() if f != "full_name"}
    if {"street", "house_number"} <= used and "street_and_number" in used:
        result = {i: f for i, f in result.items() if f != "street_and_number"}
    elif "street" in used and not used & {"house_number", "street_and_number", "id"}:
        # one street column without a number column usually holds both; not in
        # a Relata export (it has the id column), whose street is the street
        result = {
            i: "street_and_number" if f == "street" else f for i, f in result.items()
        }
    return result
