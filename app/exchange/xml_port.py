"""The XML port: Relata's documented exchange format (``resources/schema/relata.xsd``).

Layout::

    <relata xmlns="urn:relata:exchange:1" version="1" exported_at="2026-…Z">
      <persons><person><id>…</id><last_name>…</last_name>…</person></persons>
      <organisations><organisation>…</organisation></organisations>
    </relata>

Child element names are the import field keys, so an XML file maps itself.
Parsing goes through defusedxml with DTDs, entities and external references
forbidden: XXE and billion-laughs files are refused before any expansion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape, quoteattr

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from app.exchange.errors import ExchangeError
from app.exchange.limits import Limits, check_shape
from app.exchange.source import Cell, Rows, Source
from app.exchange.xlsx_writer import clean_text

NAMESPACE = "urn:relata:exchange:1"
#: collection element → record element
COLLECTIONS = {"persons": "person", "organisations": "organisation"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def open_xml(path: Path, limits: Limits) -> Source:
    """Parse a Relata XML file into one sheet per collection."""
    try:
        root = SafeET.parse(
            str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True
        ).getroot()
    except DefusedXmlException as exc:
        raise ExchangeError(
            "xml.forbidden",
            f"{path.name} uses XML features that are refused for safety "
            f"(DTD, entities or external references): {exc}",
            value=str(path),
        ) from exc
    except SafeET.ParseError as exc:
        raise ExchangeError(
            "xml.invalid", f"{path.name} is not well-formed XML: {exc}", value=str(path)
        ) from exc
    if _local(root.tag) != "relata":
        raise ExchangeError(
            "xml.invalid",
            f"{path.name} is not a Relata XML file (root element "
            f"<{_local(root.tag)}>, expected <relata>).",
            value=str(path),
        )
    exported = root.get("exported_at", "")
    sheets: dict[str, Rows] = {}
    for collection in root:
        name = _local(collection.tag)
        record_tag = COLLECTIONS.get(name)
        if record_tag is None:
            raise ExchangeError(
                "xml.invalid",
                f"{path.name}: unknown element <{name}> (expected "
                f"{', '.join(f'<{c}>' for c in COLLECTIONS)}).",
                value=name,
            )
        sheets[name] = _records(path, collection, record_tag, exported, limits)
    if not sheets:
        raise ExchangeError(
            "file.empty", f"{path.name} holds no records.", value=str(path)
        )
    return Source(path, "xml", list(sheets), lambda n: sheets[n])


def _records(
    path: Path, collection: Element, record_tag: str, exported: str, limits: Limits
) -> Rows:
    header: list[str] = []
    index: dict[str, int] = {}
    records: list[dict[int, str]] = []
    for record in collection:
        if _local(record.tag) != record_tag:
            raise ExchangeError(
                "xml.invalid",
                f"{path.name}: <{_local(record.tag)}> inside <{_local(collection.tag)}>, "
                f"expected <{record_tag}>.",
                value=_local(record.tag),
            )
        values: dict[int, str] = {}
        for child in record:
            key = _local(child.tag)
            if key not in index:
                index[key] = len(header)
                header.append(key)
                check_shape(_local(collection.tag), 0, len(header), limits)
            values[index[key]] = child.text or ""
        records.append(values)
        if len(records) > limits.max_rows:
            check_shape(_local(collection.tag), len(records), 0, limits)
    if exported and "exported_at" not in index:
        index["exported_at"] = len(header)
        header.append("exported_at")
        for values in records:
            values[index["exported_at"]] = exported
    rows: Rows = [list[Cell](header)]
    width = len(header)
    for values in records:
        rows.append([values.get(i, "") for i in range(width)])
    return rows


def write_xml(
    path: Path,
    collections: Mapping[str, tuple[Sequence[str], Iterable[Sequence[object]]]],
    *,
    exported_at: dt.datetime,
) -> int:
    """Write ``{collection: (field keys, rows)}``; returns the records written.

    Empty values are left out; dates are ISO 8601.
    """
    count = 0
    stamp = exported_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            f'<relata xmlns="{NAMESPACE}" version="1" exported_at={quoteattr(stamp)}>\n'
        )
        for name, (keys, rows) in collections.items():
            tag = COLLECTIONS[name]
            out.write(f"  <{name}>\n")
            for row in rows:
                parts = []
                for key, value in zip(keys, row, strict=True):
                    if value is None or value == "":
                        continue
                    text = (
                        value.isoformat() if isinstance(value, dt.date) else str(value)
                    )
                    body = escape(clean_text(text)).replace("\r", "&#13;")
                    parts.append(f"<{key}>{body}</{key}>")
                out.write(f"    <{tag}>{''.join(parts)}</{tag}>\n")
                count += 1
            out.write(f"  </{name}>\n")
        out.write("</relata>\n")
    return count


def schema_text() -> str:
    """The XML Schema of the port, generated from the entity registry.

    ``resources/schema/relata.xsd`` is this text; a test keeps them equal, so
    the documented schema always matches what the export writes.
    """
    from app.exchange.entities import ENTITIES, FieldKind

    types = {FieldKind.DATE: "xs:date", FieldKind.DATETIME: "xs:dateTime"}
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- Relata exchange format, version 1. Generated from "
        "app/exchange/entities.py; do not edit by hand. -->",
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"',
        f'           targetNamespace="{NAMESPACE}" xmlns="{NAMESPACE}"',
        '           elementFormDefault="qualified">',
        '  <xs:element name="relata">',
        "    <xs:complexType>",
        "      <xs:sequence>",
    ]
    for name in COLLECTIONS:
        parts.append(
            f'        <xs:element name="{name}" type="{name}Type" minOccurs="0"/>'
        )
    parts += [
        "      </xs:sequence>",
        '      <xs:attribute name="version" type="xs:string" fixed="1"/>',
        '      <xs:attribute name="exported_at" type="xs:dateTime"/>',
        "    </xs:complexType>",
        "  </xs:element>",
    ]
    for name, record in COLLECTIONS.items():
        spec = ENTITIES[name]
        parts += [
            f'  <xs:complexType name="{name}Type">',
            "    <xs:sequence>",
            f'      <xs:element name="{record}" type="{record}Type" '
            'minOccurs="0" maxOccurs="unbounded"/>',
            "    </xs:sequence>",
            "  </xs:complexType>",
            f'  <xs:complexType name="{record}Type">',
            "    <xs:all>",
        ]
        for field in spec.fields:
            if field.virtual:
                continue
            kind = types.get(field.kind, "xs:string")
            parts.append(
                f'      <xs:element name="{field.key}" type="{kind}" minOccurs="0"/>'
            )
        parts += ["    </xs:all>", "  </xs:complexType>"]
    parts.append("</xs:schema>")
    return "\n".join(parts) + "\n"
