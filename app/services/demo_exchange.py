"""Demo data of the exchange area: mapping templates a back office would have saved.

A demo database then shows the Import & export page as it looks after a few
weeks of use, and the wizard offers templates for typical sources (trade-fair
lead lists, a fiduciary's address list, an Outlook CSV export, a supplier list).
Deterministic ids (uuid5 of entity + name): a second demo run adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select

from app.domain.exchange import ImportOptions, OnDuplicate
from app.exchange.mapping import heading_key
from app.models import MappingTemplate

_NAMESPACE = uuid.UUID("3a1d4f0e-5c7b-4e2a-9b8d-6f5e4d3c2b1a")
_TABLE = cast(Table, MappingTemplate.__table__)

TEMPLATES: tuple[tuple[str, str, dict[str, str], ImportOptions], ...] = (
    (
        "persons",
        "Messe-Leads (Excel)",
        {
            "Kontakt": "full_name",
            "Firma / Organisation": "organisation",
            "Mail": "email",
            "Tel. direkt": "phone",
            "Handy": "mobile",
            "Interesse": "notes",
        },
        ImportOptions(key="email", on_duplicate=OnDuplicate.SKIP),
    ),
    (
        "persons",
        "Treuhand-Adressliste (CSV)",
        {
            "Anrede": "salutation",
            "Name": "last_name",
            "Vorname": "first_name",
            "Strasse/Nr.": "street_and_number",
            "PLZ": "postcode",
            "Ort": "city",
            "Geb.-Datum": "birth_date",
        },
        ImportOptions(key="name_postcode", date_order="dmy"),
    ),
    (
        "persons",
        "Outlook-Kontakte (CSV, English)",
        {
            "First Name": "first_name",
            "Last Name": "last_name",
            "Company": "organisation",
            "Job Title": "role",
            "E-mail Address": "email",
            "Business Phone": "phone",
            "Mobile Phone": "mobile",
            "Business Street": "street_and_number",
            "Business Postal Code": "postcode",
            "Business City": "city",
        },
        ImportOptions(key="email", date_order="mdy"),
    ),
    (
        "organisations",
        "Lieferantenliste Einkauf",
        {
            "Lieferant": "name",
            "Lief.-Nr.": "customer_number",
            "MWST-Nr.": "uid",
            "Warengruppe": "industry",
            "Webseite": "web",
        },
        ImportOptions(key="customer_number"),
    ),
)


def generate_templates(conn: Connection, *, now: dt.datetime) -> int:
    """Insert the demo templates that are not there yet; returns how many."""
    have = set(conn.execute(select(_TABLE.c.id)).scalars())
    rows: list[dict[str, Any]] = []
    for entity, name, columns, options in TEMPLATES:
        tid = str(uuid.uuid5(_NAMESPACE, f"{entity}/{name}"))
        if tid in have:
            continue
        rows.append(
            {
                "id": tid,
                "entity": entity,
                "name": name,
                "columns": {heading_key(h): f for h, f in columns.items()},
                "options": {
                    "key": options.key,
                    "on_duplicate": options.on_duplicate.value,
                    "date_order": options.date_order,
                },
                "created_at": now,
                "updated_at": now,
            }
        )
    if rows:
        conn.execute(insert(_TABLE), rows)
    return len(rows)
