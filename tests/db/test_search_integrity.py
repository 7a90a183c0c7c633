"""Triggers keep summaries and FTS indexes exactly as a full rebuild would."""

from __future__ import annotations

import dataclasses
import random

import pytest
from sqlalchemy import Connection, text

from app.db import search_schema
from app.db.address_queries import Sort
from app.db.database import Database
from app.domain.addresses import (
    AddressData,
    ChannelData,
    ChannelKind,
    EmploymentData,
    ListFilter,
    OrganisationData,
    PersonData,
)
from app.services.addresses import AddressService

LAST = ["Müller", "Meier", "Keller", "Zürcher", "Öztürk", "Brunner", "Dubois", "Rossi"]
FIRST = ["Anna", "Bruno", "Chloé", "Dario", "Eva", ""]
CITIES = [("8001", "Zürich"), ("3000", "Bern"), ("1200", "Genève"), ("6900", "Lugano")]
ORGS = ["Alpha AG", "Bäckerei Kälin", "Crédit Suisse", "Dätwyler"]


def _channels(rng: random.Random, n: int) -> tuple[ChannelData, ...]:
    out = []
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice([ChannelKind.EMAIL, ChannelKind.PHONE, ChannelKind.MOBILE])
        if kind is ChannelKind.EMAIL:
            value = f"user{n}.{rng.randint(1, 999)}@example.ch"
        elif kind is ChannelKind.MOBILE:
            value = f"079 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        else:
            value = f"044 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        out.append(ChannelData(kind, value, is_primary=rng.random() < 0.3))
    return tuple(out)


def _addresses(rng: random.Random) -> tuple[AddressData, ...]:
    return tuple(
        AddressData(
            street="Weg",
            postcode=pc,
            city=city,
            is_primary=rng.random() < 0.3,
        )
        for pc, city in rng.sample(CITIES, rng.randint(0, 2))
    )


def _employments(rng: random.Random, org_ids: list[str]) -> tuple[EmploymentData, ...]:
    chosen = rng.sample(org_ids, rng.randint(0, min(2, len(org_ids))))
    return tuple(
        EmploymentData(o, "Role", is_primary=rng.random() < 0.5) for o in chosen
    )


def _random_history(svc: AddressService, rng: random.Random, steps: int) -> None:
    orgs: dict[str, bool] = {}  # id -> live
    persons: dict[str, bool] = {}
    for n in range(steps):
        live_orgs = [o for o, live in orgs.items() if live]
        live_people = [p for p, live in persons.items() if live]
        dead_people = [p for p, live in persons.items() if not live]
        dead_orgs = [o for o, live in orgs.items() if not live]
        op = rng.random()
        if op < 0.12 or not orgs:
            org, _ = svc.create_organisation(
                OrganisationData(
                    name=f"{rng.choice(ORGS)} {n}",
                    channels=_channels(rng, n),
                    addresses=_addresses(rng),
                )
            )
            orgs[org.id] = True
        elif op < 0.45 or not live_people:
            person, _ = svc.create_person(
                PersonData(
                    last_name=rng.choice(LAST),
                    first_name=rng.choice(FIRST),
                    channels=_channels(rng, n),
                    addresses=_addresses(rng),
                    employments=_employments(rng, live_orgs),
                )
            )
            persons[person.id] = True
        elif op < 0.70:
            pid = rng.choice(live_people)
            current = svc.get_person(pid).data()
            keep = tuple(c for c in current.channels if rng.random() < 0.6)
            svc.update_person(
                pid,
                dataclasses.replace(
                    current,
                    last_name=rng.choice([current.last_name, rng.choice(LAST)]),
                    channels=keep + _channels(rng, n)[:1],
                    addresses=_addresses(rng)
                    if rng.random() < 0.5
                    else current.addresses,
                    employments=_employments(rng, live_orgs),
                ),
            )
        elif op < 0.78:
            pid = rng.choice(live_people)
            svc.delete_person(pid)
            persons[pid] = False
        elif op < 0.84 and dead_people:
            pid = rng.choice(dead_people)
            svc.restore_person(pid)
            persons[pid] = True
        elif op < 0.92 and live_orgs:
            oid = rng.choice(live_orgs)
            current_org = svc.get_organisation(oid).data()
            svc.update_organisation(
                oid,
                dataclasses.replace(
                    current_org,
                    name=f"{rng.choice(ORGS)} {n}",
                    channels=_channels(rng, n),
                ),
            )
        elif op < 0.96 and live_orgs:
            oid = rng.choice(live_orgs)
            svc.delete_organisation(oid)
            orgs[oid] = False
        elif dead_orgs:
            oid = rng.choice(dead_orgs)
            svc.restore_organisation(oid)
            orgs[oid] = True


def _state(conn: Connection) -> dict[str, list[tuple[object, ...]]]:
    """Summary columns plus every token instance of both FTS indexes."""
    out: dict[str, list[tuple[object, ...]]] = {}
    out["person"] = [
        tuple(r)
        for r in conn.execute(
            text(
                "SELECT id, org_name, email, phone, postcode, city FROM person ORDER BY id"
            )
        )
    ]
    out["organisation"] = [
        tuple(r)
        for r in conn.execute(
            text(
                "SELECT id, email, phone, postcode, city FROM organisation ORDER BY id"
            )
        )
    ]
    for fts in ("person_fts", "organisation_fts"):
        conn.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{fts}_vocab "
                f"USING fts5vocab(main, {fts}, instance)"
            )
        )
        out[fts] = [
            tuple(r)
            for r in conn.execute(
                text(
                    f"SELECT term, doc, col, offset FROM temp.{fts}_vocab ORDER BY 1, 2, 3, 4"
                )
            )
        ]
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_triggers_match_a_full_rebuild(db: Database, seed: int) -> None:
    svc = AddressService(db.sessions)
    _random_history(svc, random.Random(seed), steps=80)

    with db.engine.begin() as conn:
        for fts in ("person_fts", "organisation_fts"):
            conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))
        by_triggers = _state(conn)
        assert by_triggers["person_fts"], "the history created no searchable person"
        for stmt in search_schema.rebuild_statements():
            conn.execute(text(stmt))
        rebuilt = _state(conn)
    assert by_triggers == rebuilt

    with db.engine.connect() as conn:
        people = conn.execute(
            text("SELECT id, last_name, deleted_at IS NULL FROM person")
        ).all()
    assert any(not live for _, _, live in people), "history should delete someone"
    for pid, last_name, live in people:
        flt = ListFilter(search=last_name)
        total = svc.count_persons(flt)
        found = {
            r.id
            for r in svc.person_page(
                flt, Sort("name"), offset=0, limit=total, total=total
            ).rows
        }
        assert (pid in found) == bool(live), (last_name, live)


def test_integrity_check_detects_a_stale_index(db: Database) -> None:
    """The check above is not vacuous: an index out of step with the rebuild differs."""
    svc = AddressService(db.sessions)
    svc.create_person(PersonData(last_name="Keller"))
    with db.engine.begin() as conn:
        for name in search_schema.trigger_names():
            conn.execute(text(f"DROP TRIGGER {name}"))
        conn.execute(text("UPDATE person SET last_name = 'Brunner'"))
        stale = _state(conn)
        for stmt in search_schema.rebuild_statements():
            conn.execute(text(stmt))
        assert _state(conn) != stale
