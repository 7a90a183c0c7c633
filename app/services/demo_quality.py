"""Demo data of the quality area, and planted duplicates of known kinds.

:func:`generate_quality_demo` runs inside the demo's transaction after the
addresses: custom fields with values (customer category, newsletter, interests;
employees, annual revenue, payment terms, IBAN, customer since), a tag tree on
about one record in twelve, four saved segments and a validation rule for the
data-quality report ("persons need an e-mail address"). Rows go in with Core
``insert()`` in batches. The demo plants no duplicates: the generated people
already contain some (two colleagues with the same name and e-mail address),
and the demo's tests require every generated record to be valid and counted.

:func:`plant_duplicates` is what the benchmark and the tests use: it copies
existing records with one realistic difference each and returns the pairs, so
recall and precision can be measured against a known truth.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Connection, Table, insert

from app.db import search_schema
from app.db.bulk import insert_rows
from app.domain.custom_fields import FieldType
from app.domain.progress import ProgressSink
from app.domain.segments import Condition, Group, Match, Op, to_json
from app.models import (
    Address,
    Channel,
    Employment,
    EntityTag,
    Organisation,
    Person,
    Tag,
)
from app.models.quality import (
    CustomFieldDef,
    CustomFieldValue,
    QualityRule,
    Segment,
    value_id,
)
from app.models.tags import link_id

BATCH = 20_000
_NS = uuid.UUID("9e4d4c1b-6a57-4b8e-8f0d-31c2b7a6e5f4")
_KEYBOARD = {
    "a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh",
    "h": "gj", "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm",
    "o": "ip", "p": "o", "r": "et", "s": "ad", "t": "rz", "u": "zi", "v": "cb",
    "w": "qe", "z": "tu",
}  # fmt: skip
_UMLAUT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
           "é": "e", "è": "e", "à": "a", "ç": "c"}  # fmt: skip
_LEGAL = {
    "AG": ("Aktiengesellschaft", "", "SA"),
    "GmbH": ("Gesellschaft mit beschränkter Haftung", "", "G.m.b.H."),
    "SA": ("S.A.", "", "AG"),
    "Sàrl": ("Sarl", "", "S.à r.l."),
    "Sagl": ("", "SAGL"),
    "KG": ("", "Kommanditgesellschaft"),
    "GmbH & Co. KG": ("GmbH & Co KG", ""),
}
_MOBILE = ("+417", "+4915", "+4916", "+4917", "+436")
_PRIVATE = ("gmail.com", "bluewin.ch", "gmx.ch", "outlook.com")


class PlantKind(StrEnum):
    """Kinds of planted duplicate."""

    TYPO = "typo"
    UMLAUT = "umlaut"
    SWAPPED = "swapped"
    PHONE = "phone"
    SUFFIX = "suffix"


@dataclass(frozen=True)
class Planted:
    """One planted duplicate: the original, its copy and what differs."""

    kind: PlantKind
    entity: str
    original_id: str
    duplicate_id: str


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _sync(owner: str | None, now: dt.datetime) -> dict[str, Any]:
    return {
        "rev": 0,
        "field_revs": {},
        "owner_id": owner,
        "created_at": now,
        "updated_at": now,
    }


def typo(rng: random.Random, word: str) -> str:
    """``word`` with one realistic slip: a neighbouring key, a dropped, doubled or
    swapped letter (never the first letter)."""
    if len(word) < 3:
        return word + word[-1]
    i = rng.randrange(1, len(word))
    kind = rng.randrange(4)
    ch = word[i].lower()
    if kind == 0 and ch in _KEYBOARD:
        sub = rng.choice(_KEYBOARD[ch])
        return word[:i] + sub + word[i + 1 :]
    if kind == 1 and len(word) > 4:
        return word[:i] + word[i + 1 :]
    if kind == 2 and i < len(word) - 1 and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def umlaut_variant(word: str) -> str:
    """``Müller`` → ``Mueller``, ``Strauß`` → ``Strauss``, ``Rüegg`` → ``Rueegg``."""
    return "".join(_UMLAUT.get(c, c) for c in word)


def _has_umlaut(*words: str) -> bool:
    return any(c in _UMLAUT for w in words for c in w)


def plant_duplicates(
    conn: Connection,
    *,
    persons: int,
    organisations: int,
    seed: int = 1,
    now: dt.datetime | None = None,
) -> list[Planted]:
    """Copy random persons/organisations with one realistic difference each.

    Persons cycle through typo, umlaut spelling, swapped first/last name and
    different e-mail with the same phone; organisations get a legal-form
    variant (``AG`` → ``Aktiengesellschaft``, dropped, ``SA``). Each copy keeps
    what a second entry of the same contact would share (organisation,
    postcode, and the e-mail or phone).

    Returns:
        The planted pairs (original, duplicate), the truth a scan is measured by.
    """
    now = now or dt.datetime.now(dt.UTC)
    rng = random.Random(f"relata-plant/{seed}/{persons}/{organisations}")
    out: list[Planted] = []
    if persons:
        out += _plant_persons(conn, rng, persons, now)
    if organisations:
        out += _plant_orgs(conn, rng, organisations, now)
    return out


def _sample(
    conn: Connection, table: str, count: int, rng: random.Random, where: str
) -> list[str]:
    top = conn.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar_one() or 0
    if not top:
        return []
    picks = sorted({rng.randrange(1, top + 1) for _ in range(count * 3)})
    ids: list[str] = []
    for start in range(0, len(picks), 500):
        part = picks[start : start + 500]
        marks = ", ".join("?" * len(part))
        ids += (
            conn.exec_driver_sql(
                f"SELECT id FROM {table} WHERE rowid IN ({marks}) AND deleted_at IS NULL "
                f"AND merged_into IS NULL AND {where}",
                tuple(part),
            )
            .scalars()
            .all()
        )
    rng.shuffle(ids)
    return ids


def _plant_persons(
    conn: Connection, rng: random.Random, count: int, now: dt.datetime
) -> list[Planted]:
    ids = _sample(conn, "person", count, rng, "(email != '' OR phone != '')")
    umlauts = (
        conn.exec_driver_sql(
            "SELECT id FROM person WHERE deleted_at IS NULL AND merged_into IS NULL "
            "AND (email != '' OR phone != '') AND (last_name GLOB '*[äöüÄÖÜßéèàç]*' "
            "OR first_name GLOB '*[äöüÄÖÜßéèàç]*') LIMIT ?",
            (count * 2,),
        )
        .scalars()
        .all()
    )
    used: set[str] = set()
    kinds = [PlantKind.TYPO, PlantKind.UMLAUT, PlantKind.SWAPPED, PlantKind.PHONE]
    rows: dict[Table, list[dict[str, Any]]] = {
        _table(m): [] for m in (Person, Channel, Employment, Address)
    }
    planted: list[Planted] = []
    pool, umlaut_pool = iter(ids), iter(umlauts)

    def take(candidates: Iterator[str]) -> str | None:
        for candidate in candidates:
            if candidate not in used:
                used.add(candidate)
                return candidate
        return None

    for n in range(count):
        kind = kinds[n % len(kinds)]
        source = take(umlaut_pool) if kind is PlantKind.UMLAUT else None
        if source is None:
            source = take(pool)
            kind = PlantKind.TYPO if kind is PlantKind.UMLAUT else kind
        if source is None:
            break
        dup = _person_copy(conn, rng, source, kind, now, rows)
        if dup is not None:
            planted.append(Planted(kind, "person", source, dup))
    _insert_indexed(conn, rows)
    return planted


def _person_copy(
    conn: Connection,
    rng: random.Random,
    source: str,
    kind: PlantKind,
    now: dt.datetime,
    rows: dict[Table, list[dict[str, Any]]],
) -> str | None:
    p = conn.exec_driver_sql(
        "SELECT first_name, last_name, salutation, title, language, status, owner_id, "
        "email, phone FROM person WHERE id = ?",
        (source,),
    ).one()
    first, last = p[0], p[1]
    email, phone = p[7], p[8]
    if kind is PlantKind.PHONE and not phone:
        kind = PlantKind.TYPO
    if kind is PlantKind.TYPO:
        last = typo(rng, last)
        if email and phone:
            email, phone = (email, "") if rng.random() < 0.5 else ("", phone)
    elif kind is PlantKind.UMLAUT:
        first, last = umlaut_variant(first), umlaut_variant(last)
        email = "" if phone else email
    elif kind is PlantKind.SWAPPED:
        first, last = last, first
        phone = "" if email else phone
    elif kind is PlantKind.PHONE:
        local = f"{umlaut_variant(p[0]).lower()}.{umlaut_variant(p[1]).lower()}"
        local = "".join(c for c in local if c.isalnum() or c == ".")
        email = f"{local}{rng.randrange(10, 99)}@{rng.choice(_PRIVATE)}"
    pid = str(uuid.uuid5(_NS, f"person/{source}/{kind}"))
    sync = _sync(p[6], now)
    rows[_table(Person)].append(
        {
            "id": pid,
            "first_name": first,
            "last_name": last,
            "salutation": p[2],
            "title": p[3],
            "language": p[4],
            "status": p[5],
            **sync,
        }
    )
    position = 0
    for ch_kind, value in (
        ("email", email),
        ("mobile" if phone.startswith(_MOBILE) else "phone", phone),
    ):
        if value:
            rows[_table(Channel)].append(
                {
                    "id": str(uuid.uuid5(_NS, f"channel/{pid}/{ch_kind}")),
                    "person_id": pid,
                    "kind": ch_kind,
                    "value": value,
                    "is_primary": True,
                    "position": position,
                    **sync,
                }
            )
            position += 1
    for org_id, role, primary in conn.exec_driver_sql(
        "SELECT organisation_id, role, is_primary FROM employment WHERE person_id = ? "
        "AND deleted_at IS NULL",
        (source,),
    ).all():
        rows[_table(Employment)].append(
            {
                "id": str(uuid.uuid5(_NS, f"employment/{pid}/{org_id}")),
                "person_id": pid,
                "organisation_id": org_id,
                "role": role,
                "is_primary": bool(primary),
                **sync,
            }
        )
    _copy_addresses(conn, "person_id", source, pid, sync, rows[_table(Address)])
    return pid


def _copy_addresses(
    conn: Connection,
    owner_col: str,
    source: str,
    target: str,
    sync: dict[str, Any],
    out: list[dict[str, Any]],
) -> None:
    cols = [
        "kind",
        "street",
        "house_number",
        "extra",
        "po_box",
        "postcode",
        "city",
        "region",
        "country",
        "is_primary",
        "position",
    ]
    for r in conn.exec_driver_sql(
        f"SELECT {', '.join(cols)} FROM address WHERE {owner_col} = ? AND deleted_at IS NULL",
        (source,),
    ).all():
        values = dict(zip(cols, r, strict=True))
        values["is_primary"] = bool(values["is_primary"])
        out.append(
            {
                "id": str(uuid.uuid5(_NS, f"address/{target}/{values['position']}")),
                owner_col: target,
                **values,
                **sync,
            }
        )


def _plant_orgs(
    conn: Connection, rng: random.Random, count: int, now: dt.datetime
) -> list[Planted]:
    ids = _sample(
        conn,
        "organisation",
        count,
        rng,
        "legal_form != '' AND (phone != '' OR email != '')",
    )
    rows: dict[Table, list[dict[str, Any]]] = {
        _table(m): [] for m in (Organisation, Channel, Address)
    }
    planted: list[Planted] = []
    for source in ids[:count]:
        o = conn.exec_driver_sql(
            "SELECT name, legal_form, customer_number, industry_id, status, owner_id, "
            "email, phone FROM organisation WHERE id = ?",
            (source,),
        ).one()
        name, form = o[0], o[1]
        variants = _LEGAL.get(form, ("",))
        new_form = rng.choice(variants)
        if name.endswith(f" {form}"):
            name = name[: -len(form)].rstrip()
        name = f"{name} {new_form}".strip()
        oid = str(uuid.uuid5(_NS, f"organisation/{source}"))
        sync = _sync(o[5], now)
        rows[_table(Organisation)].append(
            {
                "id": oid,
                "name": name,
                "legal_form": new_form if new_form in _LEGAL else "",
                "industry_id": o[3],
                "status": o[4],
                **sync,
            }
        )
        keep_phone = bool(o[7]) and (not o[6] or rng.random() < 0.5)
        for position, (ch_kind, value) in enumerate(
            (
                ("phone", o[7] if keep_phone else ""),
                ("email", "" if keep_phone else o[6]),
            )
        ):
            if value:
                rows[_table(Channel)].append(
                    {
                        "id": str(uuid.uuid5(_NS, f"channel/{oid}/{ch_kind}")),
                        "organisation_id": oid,
                        "kind": ch_kind,
                        "value": value,
                        "is_primary": True,
                        "position": position,
                        **sync,
                    }
                )
        _copy_addresses(
            conn, "organisation_id", source, oid, sync, rows[_table(Address)]
        )
        planted.append(Planted(PlantKind.SUFFIX, "organisation", source, oid))
    _insert_indexed(conn, rows)
    return planted


def _insert_indexed(conn: Connection, rows: dict[Table, list[dict[str, Any]]]) -> None:
    """Insert new persons/organisations with children; summaries and search follow.

    Firing the summary and FTS triggers row by row costs ~5 ms per planted
    person on a million-row database; instead the triggers are off for the
    insert, the summaries of the new rows are computed in one statement per
    table and the new rows are added to the FTS indexes in one statement each
    (the same SQL the triggers and the rebuild use), then the triggers return.
    Everything stays in the caller's transaction.
    """
    tables = ("organisation", "person")
    last = {
        t: int(
            conn.exec_driver_sql(
                f"SELECT coalesce(max(rowid), 0) FROM {t}"
            ).scalar_one()
        )
        for t in tables
    }
    for stmt in search_schema.drop_trigger_statements():
        conn.exec_driver_sql(stmt)
    order = [_table(m) for m in (Organisation, Person, Employment, Address, Channel)]
    for table in order:
        batch = rows.get(table, [])
        for start in range(0, len(batch), BATCH):
            conn.execute(insert(table), batch[start : start + BATCH])
    for t in tables:
        conn.exec_driver_sql(
            search_schema.summary_update(
                t, f"SELECT id FROM {t} WHERE rowid > {last[t]}"
            )
        )
    appended = 0
    for stmt in search_schema.rebuild_statements(summaries=False):
        for t in tables:
            tail = f" FROM {t} WHERE {t}.deleted_at IS NULL"
            if stmt.startswith(f"INSERT INTO {t}_fts(rowid,") and stmt.endswith(tail):
                conn.exec_driver_sql(f"{stmt} AND {t}.rowid > ?", (last[t],))
                appended += 1
    if appended != len(tables):  # the statements changed shape: rebuild instead
        for stmt in search_schema.rebuild_statements(summaries=False):
            conn.exec_driver_sql(stmt)
    for stmt in search_schema.trigger_statements():
        conn.exec_driver_sql(stmt)


# ---- the demo: custom fields, tags, segments, duplicates, a few bad values

_CATEGORIES = (("A", "A-Kunde"), ("B", "B-Kunde"), ("C", "C-Kunde"))
_INTERESTS = (
    ("software", "Software"),
    ("beratung", "Beratung"),
    ("schulung", "Schulung"),
    ("hardware", "Hardware"),
    ("service", "Service-Vertrag"),
)
_TERMS = (("10", "10 Tage"), ("30", "30 Tage"), ("60", "60 Tage"))
#: (key, label, type, options) per record kind.
DEMO_FIELDS: dict[str, tuple[tuple[str, str, FieldType, dict[str, Any]], ...]] = {
    "person": (
        (
            "kundenkategorie",
            "Kundenkategorie",
            FieldType.CHOICE,
            {"choices": _CATEGORIES},
        ),
        ("newsletter", "Newsletter", FieldType.BOOL, {}),
        ("interessen", "Interessen", FieldType.MULTI_CHOICE, {"choices": _INTERESTS}),
    ),
    "organisation": (
        (
            "anzahl_mitarbeitende",
            "Anzahl Mitarbeitende",
            FieldType.NUMBER,
            {"decimals": 0},
        ),
        ("jahresumsatz", "Jahresumsatz", FieldType.MONEY, {"currency": "CHF"}),
        ("zahlungsziel", "Zahlungsziel", FieldType.CHOICE, {"choices": _TERMS}),
        ("iban", "IBAN", FieldType.TEXT, {"format": "iban"}),
        ("kunde_seit", "Kunde seit", FieldType.DATE, {}),
    ),
}
#: Tag tree: (name, colour, children).
DEMO_TAGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Messe", "#1f6feb", ("Swissbau 2026", "OLMA 2025", "Ineltec 2025")),
    ("VIP", "#cf222e", ()),
    ("Newsletter", "#1a7f37", ()),
    ("Partnerprogramm", "#8250df", ()),
    ("Referenzkunde", "#9a6700", ()),
    ("Kein Kontakt erwünscht", "#6b7280", ()),
)


@dataclass(frozen=True)
class QualityDemoResult:
    """What :func:`generate_quality_demo` added."""

    values: int
    tags: int
    segments: int
    duplicates: int


def _demo_id(*parts: str) -> str:
    return str(uuid.uuid5(_NS, "/".join(("demo", *parts))))


def _iban(rng: random.Random) -> str:
    bban = "".join(str(rng.randrange(10)) for _ in range(17))
    number = int("".join(str(int(ch, 36)) for ch in f"{bban}CH00"))
    return _group(f"CH{98 - number % 97:02d}{bban}")


def _group(text: str) -> str:
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def generate_quality_demo(
    conn: Connection,
    *,
    organisations: int,
    persons: int,
    seed: int,
    now: dt.datetime,
    progress: ProgressSink,
) -> QualityDemoResult:
    """Custom fields with values, tags, segments and realistic duplicates.

    Runs in the demo's transaction after everything else: values and tags
    go to the ``organisations``/``persons`` newest records (the run's own).
    Definitions, tags and segments have fixed ids, so a second run reuses them.
    """
    if organisations + persons == 0:
        return QualityDemoResult(0, 0, 0, 0)
    rng = random.Random(f"relata-quality-demo/{seed}/{organisations}/{persons}")
    progress.check_cancelled()
    defs = _demo_definitions(conn, now)
    tags = _demo_tags(conn, now)
    person_ids = _newest(conn, "person", persons)
    org_rows = conn.exec_driver_sql(
        "SELECT id, owner_id, status FROM organisation WHERE rowid IN "
        "(SELECT rowid FROM organisation ORDER BY rowid DESC LIMIT ?)",
        (organisations,),
    ).all()
    values: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    sync = _sync(None, now)
    for pid, owner in person_ids:
        r = rng.random()
        if r < 0.45:
            values.append(
                _value(
                    defs,
                    "kundenkategorie",
                    pid,
                    owner,
                    rng.choice("AABBBBCCCC"),
                    None,
                    sync,
                )
            )
        if rng.random() < 0.3:
            on = rng.random() < 0.8
            values.append(
                _value(
                    defs, "newsletter", pid, owner, "1" if on else "0", int(on), sync
                )
            )
        if rng.random() < 0.12:
            picked = sorted(rng.sample([k for k, _l in _INTERESTS], rng.randint(1, 3)))
            values.append(
                _value(
                    defs,
                    "interessen",
                    pid,
                    owner,
                    "|" + "|".join(picked) + "|",
                    None,
                    sync,
                )
            )
        if rng.random() < 0.07:
            links.append(
                _tag_link(rng.choice(tags["person"]), "person", pid, owner, sync)
            )
    for oid, owner, status in org_rows:
        if rng.random() < 0.85:
            staff = int(min(5000, rng.paretovariate(1.1) * 3))
            values.append(
                _value(
                    defs,
                    "anzahl_mitarbeitende",
                    oid,
                    owner,
                    str(staff),
                    staff * 10_000,
                    sync,
                )
            )
            if rng.random() < 0.6:
                revenue = staff * rng.randint(90_000, 260_000) * 100
                values.append(
                    _value(
                        defs, "jahresumsatz", oid, owner, str(revenue), revenue, sync
                    )
                )
        if rng.random() < 0.7:
            values.append(
                _value(
                    defs, "zahlungsziel", oid, owner, rng.choice("1333336"), None, sync
                )
            )
            values[-1]["value"] = {"1": "10", "3": "30", "6": "60"}[values[-1]["value"]]
        if rng.random() < 0.15:
            values.append(_value(defs, "iban", oid, owner, _iban(rng), None, sync))
        if status == "customer" and rng.random() < 0.6:
            since = (
                (now - dt.timedelta(days=rng.randint(60, 15 * 365))).date().isoformat()
            )
            values.append(_value(defs, "kunde_seit", oid, owner, since, None, sync))
        if rng.random() < 0.1:
            links.append(
                _tag_link(
                    rng.choice(tags["organisation"]), "organisation", oid, owner, sync
                )
            )
    for table, rows in ((CustomFieldValue, values), (EntityTag, links)):
        for start in range(0, len(rows), BATCH):
            progress.check_cancelled()
            insert_rows(conn, _table(table), rows[start : start + BATCH])
    segments = _demo_segments(conn, defs, tags, now)
    _demo_rules(conn, now)
    return QualityDemoResult(len(values), len(links), segments, 0)


def _newest(conn: Connection, table: str, count: int) -> list[tuple[str, str | None]]:
    rows = conn.exec_driver_sql(
        f"SELECT id, owner_id FROM {table} WHERE rowid IN "
        f"(SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT ?)",
        (count,),
    ).all()
    return [(r[0], r[1]) for r in rows]


def _value(
    defs: dict[str, str],
    key: str,
    entity_id: str,
    owner: str | None,
    value: str,
    num: int | None,
    sync: dict[str, Any],
) -> dict[str, Any]:
    def_id = defs[key]
    kind = "person" if key in {k for k, *_ in DEMO_FIELDS["person"]} else "organisation"
    return {
        "id": value_id(entity_id, def_id),
        "entity_kind": kind,
        "entity_id": entity_id,
        "def_id": def_id,
        "value": value,
        "value_num": num,
        **sync,
        "owner_id": owner,
    }


def _tag_link(
    tag_id: str, kind: str, entity_id: str, owner: str | None, sync: dict[str, Any]
) -> dict[str, Any]:
    return {
        "id": link_id(entity_id, tag_id),
        "entity_kind": kind,
        "entity_id": entity_id,
        "tag_id": tag_id,
        **sync,
        "owner_id": owner,
    }


def _demo_definitions(conn: Connection, now: dt.datetime) -> dict[str, str]:
    have: dict[str, str] = dict(
        conn.exec_driver_sql(
            "SELECT entity_kind || '/' || key, id FROM custom_field_def WHERE deleted_at IS NULL"
        ).all()
    )
    out: dict[str, str] = {}
    new: list[dict[str, Any]] = []
    for kind, fields in DEMO_FIELDS.items():
        for position, (key, label, field_type, options) in enumerate(fields):
            found = have.get(f"{kind}/{key}")
            if found is None:
                found = _demo_id("field", kind, key)
                opts = dict(options)
                if "choices" in opts:
                    opts["choices"] = [
                        {"value": v, "label": lab} for v, lab in opts["choices"]
                    ]
                new.append(
                    {
                        "id": found,
                        "entity_kind": kind,
                        "key": key,
                        "label": label,
                        "field_type": str(field_type),
                        "options": opts,
                        "required": False,
                        "position": position,
                        "active": True,
                        "help_text": "",
                        **_sync(None, now),
                    }
                )
            out[key] = found
    if new:
        conn.execute(insert(_table(CustomFieldDef)), new)
    return out


def _demo_tags(conn: Connection, now: dt.datetime) -> dict[str, list[str]]:
    have = set(conn.exec_driver_sql("SELECT id FROM tag").scalars().all())
    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    for name, color, children in DEMO_TAGS:
        parent = _demo_id("tag", name)
        ids.append(parent)
        if parent not in have:
            rows.append(
                {
                    "id": parent,
                    "name": name,
                    "color": color,
                    "parent_id": None,
                    **_sync(None, now),
                }
            )
        for child in children:
            cid = _demo_id("tag", name, child)
            ids.append(cid)
            if cid not in have:
                rows.append(
                    {
                        "id": cid,
                        "name": child,
                        "color": color,
                        "parent_id": parent,
                        **_sync(None, now),
                    }
                )
    if rows:
        conn.execute(insert(_table(Tag)), rows)
    # people meet at fairs; companies become partners and references
    fairs = [i for i in ids if i != _demo_id("tag", "Messe")][:3]
    return {
        "person": [
            *fairs,
            *fairs,
            _demo_id("tag", "VIP"),
            _demo_id("tag", "Newsletter"),
            _demo_id("tag", "Kein Kontakt erwünscht"),
        ],
        "organisation": [
            _demo_id("tag", "Partnerprogramm"),
            _demo_id("tag", "Referenzkunde"),
            _demo_id("tag", "VIP"),
        ],
    }


def _demo_segments(
    conn: Connection, defs: dict[str, str], tags: dict[str, list[str]], now: dt.datetime
) -> int:
    fair = _demo_id("tag", "Messe")
    wanted = (
        (
            "A-Kunden Region Zürich",
            "person",
            Group(
                Match.ALL,
                (
                    Condition("status", Op.IN, ["customer"]),
                    Condition("postcode", Op.STARTS_WITH, "8"),
                    Condition("cf:kundenkategorie", Op.IN, ["A"]),
                ),
            ),
        ),
        (
            "Kunden ohne Kontakt seit 90 Tagen",
            "organisation",
            Group(
                Match.ALL,
                (
                    Condition("status", Op.IN, ["customer"]),
                    Condition("journal", Op.NOT_IN_LAST_DAYS, 90),
                ),
            ),
        ),
        (
            "Gewonnen in den letzten 12 Monaten",
            "organisation",
            Group(Match.ALL, (Condition("won_opportunity", Op.IN_LAST_MONTHS, 12),)),
        ),
        (
            "Messekontakte ohne offene Verkaufschance",
            "person",
            Group(
                Match.ALL,
                (
                    Condition("tag", Op.HAS, [fair]),
                    Condition("open_opportunity", Op.NOT_EXISTS),
                ),
            ),
        ),
    )
    have = set(conn.exec_driver_sql("SELECT id FROM segment").scalars().all())
    rows = [
        {
            "id": _demo_id("segment", name),
            "name": name,
            "entity_kind": kind,
            "definition": to_json(root),
            "description": "",
            **_sync(None, now),
        }
        for name, kind, root in wanted
        if _demo_id("segment", name) not in have
    ]
    if rows:
        conn.execute(insert(_table(Segment)), rows)
    del defs, tags
    return len(rows)


def _demo_rules(conn: Connection, now: dt.datetime) -> None:
    """One rule a sales team typically adds: persons need an e-mail address."""
    rid = _demo_id("rule", "person", "email")
    if conn.exec_driver_sql("SELECT 1 FROM quality_rule WHERE id = ?", (rid,)).first():
        return
    conn.execute(
        insert(_table(QualityRule)),
        [
            {
                "id": rid,
                "entity_kind": "person",
                "field": "email",
                "rule": "required",
                "params": {"allowed": []},
                "active": True,
                **_sync(None, now),
            }
        ],
    )
