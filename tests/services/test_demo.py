"""Demo-data generator: counts, consistency with the triggers' rules, search, validity."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session

from app.db import journal_schema, search_schema
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.domain.progress import Cancelled, RecordingProgress
from app.models import Organisation, Person
from app.services import demo_names
from app.services.demo import DemoResult, generate_demo
from app.services.validation import (
    normalise_email,
    normalise_phone,
    normalise_postcode,
    normalise_uid,
    normalise_web,
)

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
ORGS, PERSONS = 200, 1000
TABLES = ("organisation", "person", "address", "channel", "employment")


def _engine(path: Path) -> Engine:
    engine = make_engine(path)
    upgrade(engine)
    return engine


def _generate(
    engine: Engine, *, organisations: int = ORGS, persons: int = PERSONS, **kwargs: Any
) -> DemoResult:
    return generate_demo(
        engine, organisations=organisations, persons=persons, now=NOW, **kwargs
    )


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Engine]:
    """A freshly migrated database without data."""
    engine = _engine(tmp_path / "demo.db")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One generated database shared by the read-only tests."""
    engine = _engine(tmp_path_factory.mktemp("demo") / "demo.db")
    _generate(engine)
    yield engine
    engine.dispose()


def _all(conn: Connection, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in conn.exec_driver_sql(sql).all()]


def _schema(engine: Engine) -> set[tuple[object, ...]]:
    with engine.connect() as conn:
        return set(_all(conn, "SELECT type, name, sql FROM sqlite_master"))


def test_result_and_counts(empty: Engine) -> None:
    result = _generate(empty)
    assert (result.organisations, result.persons) == (ORGS, PERSONS)
    assert result.seconds > 0
    assert result.db_bytes > 1_000_000
    assert list(result.phases) == [
        "addresses",
        "journal",
        "indexes",
        "sales",
        "quality",
        "analytics_automation",
    ]
    assert sum(result.phases.values()) <= result.seconds + 0.05
    with empty.connect() as conn:
        count = {
            t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
            for t in TABLES
        }
        users = conn.exec_driver_sql("SELECT count(*) FROM user_account").scalar()
        industries = conn.exec_driver_sql("SELECT count(*) FROM industry").scalar()
    assert count["organisation"] == ORGS
    assert count["person"] == PERSONS
    assert users == len(demo_names.USERS)
    assert industries == len(demo_names.INDUSTRIES) >= 30
    assert 0.65 * PERSONS < count["employment"] < 0.85 * PERSONS
    assert count["channel"] > 1.5 * PERSONS + 2 * ORGS


def test_summary_columns_are_what_the_triggers_would_compute(demo: Engine) -> None:
    queries = {
        "person": "SELECT id, org_name, email, phone, postcode, city FROM person ORDER BY id",
        "organisation": "SELECT id, email, phone, postcode, city FROM organisation ORDER BY id",
    }
    with demo.connect() as conn:
        stored = {t: _all(conn, q) for t, q in queries.items()}
        for table in queries:
            conn.exec_driver_sql(search_schema.summary_update(table, f"{table}.id"))
        recomputed = {t: _all(conn, q) for t, q in queries.items()}
        conn.rollback()
    assert stored == recomputed
    persons = stored["person"]
    assert sum(bool(p[1]) for p in persons) > 0.6 * len(persons)  # employed
    assert sum(bool(p[5]) for p in persons) > 0.2 * len(persons)  # private address
    assert all(o[1] or o[2] for o in stored["organisation"])


def test_address_rules_hold(demo: Engine) -> None:
    """One primary address, e-mail and phone-or-mobile per owner; one primary job."""
    with demo.connect() as conn:
        assert not _all(conn, "PRAGMA foreign_key_check")
        for owner in ("person_id", "organisation_id"):
            assert not _all(
                conn,
                f"SELECT {owner} FROM address WHERE {owner} IS NOT NULL "
                f"GROUP BY {owner} HAVING sum(is_primary) != 1",
            )
            assert not _all(
                conn,
                f"SELECT {owner}, CASE WHEN kind = 'mobile' THEN 'phone' ELSE kind END "
                f"FROM channel WHERE {owner} IS NOT NULL GROUP BY 1, 2 "
                "HAVING sum(is_primary) != 1",
            )
        assert not _all(
            conn,
            "SELECT person_id FROM employment GROUP BY 1 HAVING sum(is_primary) != 1",
        )
        assert not _all(
            conn,
            "SELECT person_id FROM employment GROUP BY person_id, organisation_id "
            "HAVING count(*) > 1",
        )


def _tokens(name: str) -> set[str]:
    return set(re.split(r"[\s\-']+", name.lower()))


def test_search_finds_names_with_and_without_diacritics(demo: Engine) -> None:
    with demo.connect() as conn:
        names = _all(conn, "SELECT rowid, last_name FROM person")
        expected = {rowid for rowid, last in names if "müller" in _tokens(str(last))}

        def match(query: str) -> set[object]:
            return {
                r[0]
                for r in _all(
                    conn,
                    f"SELECT rowid FROM person_fts WHERE person_fts MATCH '{query}'",
                )
            }

        assert len(expected) >= 10
        assert match("last_name:müller") == expected
        assert match("last_name:muller") == expected  # remove_diacritics
        assert match("last_name:müll*") >= expected
        assert match("müller*") >= expected  # also org names, e-mails
        org = _all(conn, "SELECT rowid, customer_number FROM organisation LIMIT 1")[0]
        number = str(org[1]).removeprefix("K-")
        hits = _all(
            conn,
            "SELECT rowid FROM organisation_fts WHERE organisation_fts "
            f"MATCH 'customer_number:{number}'",
        )
        assert hits == [(org[0],)]


def test_values_pass_the_apps_own_validation(demo: Engine) -> None:
    with demo.connect() as conn:
        channels = _all(conn, "SELECT kind, value FROM channel")
        addresses = _all(conn, "SELECT postcode, country FROM address")
    for kind, value in channels:
        if kind == "email":
            assert normalise_email(str(value)) == value
        elif kind == "web":
            assert normalise_web(str(value)) == value
        else:
            assert normalise_phone(str(value)) == value
    for postcode, country in addresses:
        assert normalise_postcode(str(postcode), country=str(country)) == postcode


def test_phones_are_valid_e164_of_the_owners_country(demo: Engine) -> None:
    with demo.connect() as conn:
        phones = _all(
            conn,
            "SELECT c.value, a.country FROM channel c JOIN address a "
            "ON a.organisation_id = c.organisation_id AND a.is_primary "
            "WHERE c.kind IN ('phone', 'mobile') UNION ALL "
            "SELECT c.value, a.country FROM channel c JOIN address a "
            "ON a.person_id = c.person_id WHERE c.kind IN ('phone', 'mobile')",
        )
        summary = [
            str(r[0]) for r in _all(conn, "SELECT phone FROM person WHERE phone != ''")
        ]
    assert {country for _value, country in phones} == {"CH", "DE", "AT"}
    for value, country in phones:
        number = phonenumbers.parse(str(value), None)
        assert phonenumbers.is_valid_number(number), value
        assert phonenumbers.region_code_for_number(number) == country, value
        fmt = phonenumbers.PhoneNumberFormat.E164
        assert phonenumbers.format_number(number, fmt) == value
    assert all(
        phonenumbers.is_valid_number(phonenumbers.parse(p, None)) for p in summary
    )
    mobiles = [p for p in summary if p.startswith(("+4179", "+4178", "+4176", "+4177"))]
    assert mobiles


def _mod11_ok(uid: str) -> bool:
    digits = [int(c) for c in uid if c.isdigit()]
    total = sum(
        d * w for d, w in zip(digits[:8], (5, 4, 3, 2, 7, 6, 5, 4), strict=True)
    )
    return (11 - total % 11) % 11 == digits[8]


def test_swiss_uids_pass_the_mod11_check(demo: Engine) -> None:
    with demo.connect() as conn:
        rows = _all(
            conn,
            "SELECT o.uid, a.country, o.customer_number FROM organisation o "
            "JOIN address a ON a.organisation_id = o.id AND a.kind = 'main'",
        )
    swiss = [str(uid) for uid, country, _n in rows if country == "CH"]
    assert sum(bool(uid) for uid in swiss) > 0.8 * len(swiss)
    for uid in filter(None, swiss):
        assert re.fullmatch(r"CHE-\d{3}\.\d{3}\.\d{3}", uid)
        assert _mod11_ok(uid)
        assert normalise_uid(uid) == uid
    assert not any(uid for uid, country, _n in rows if country != "CH")
    numbers = [str(n) for _u, _c, n in rows]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"K-\d{6}", n) for n in numbers)


def test_emails_are_ascii_and_transliterated(demo: Engine) -> None:
    with demo.connect() as conn:
        emails = [
            str(r[0])
            for r in _all(conn, "SELECT value FROM channel WHERE kind = 'email'")
        ]
        umlaut_people = _all(
            conn,
            "SELECT p.last_name, p.email FROM person p "
            "WHERE p.last_name LIKE '%ü%' AND p.email != ''",
        )
    assert emails
    for email in emails:
        assert re.fullmatch(r"[a-z0-9.\-]+@[a-z0-9.\-]+\.[a-z]{2,}", email), email
    assert umlaut_people
    assert any("ue" in str(email).split("@")[0] for _last, email in umlaut_people)


def test_orm_reads_demo_rows_as_never_synced_utc(demo: Engine) -> None:
    with Session(demo) as session:
        person = session.scalars(select(Person).limit(1)).one()
        org = session.scalars(select(Organisation).limit(1)).one()
    for row in (person, org):
        assert row.rev == 0
        assert row.field_revs == {}
        assert row.created_at.tzinfo is not None
        assert (
            NOW - dt.timedelta(days=5 * 366) <= row.created_at <= row.updated_at <= NOW
        )
        assert row.owner_id is not None


def test_same_seed_same_data(tmp_path: Path) -> None:
    def dump(seed: int, name: str) -> dict[str, list[tuple[object, ...]]]:
        engine = _engine(tmp_path / name)
        _generate(engine, organisations=20, persons=100, seed=seed)
        with engine.connect() as conn:
            rows = {t: _all(conn, f"SELECT * FROM {t} ORDER BY rowid") for t in TABLES}
        engine.dispose()
        return rows

    first = dump(7, "a.db")
    assert first == dump(7, "b.db")
    assert first["person"] != dump(8, "c.db")["person"]


def test_cancel_leaves_the_database_as_before(empty: Engine) -> None:
    before = _schema(empty)
    progress = RecordingProgress(cancel_after=1)
    with pytest.raises(Cancelled):
        _generate(empty, progress=progress)
    assert progress.reports  # it had started
    with empty.connect() as conn:
        for table in (*TABLES, "user_account", "industry"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert _schema(empty) == before


def test_triggers_and_indexes_work_again_afterwards(empty: Engine) -> None:
    before = _schema(empty)
    progress = RecordingProgress()
    _generate(empty, organisations=10, persons=50, progress=progress)
    assert progress.reports[-1][0] == progress.reports[-1][1]
    assert _schema(empty) == before
    with empty.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        triggers = {
            r[0]
            for r in _all(conn, "SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        assert triggers == set(search_schema.trigger_names()) | set(
            journal_schema.trigger_names()
        )
        pid = conn.exec_driver_sql(
            "SELECT id FROM person ORDER BY rowid LIMIT 1"
        ).scalar()
        conn.execute(
            text(
                "INSERT INTO channel (id, person_id, kind, value, label, is_primary, "
                "position, rev, field_revs, created_at, updated_at) VALUES "
                "('test-channel', :pid, 'email', 'neu@example.ch', '', 1, -1, 0, '{}', "
                "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
            ),
            {"pid": pid},
        )
        email = conn.exec_driver_sql(
            "SELECT email FROM person WHERE id = ?", (pid,)
        ).scalar()
        assert email == "neu@example.ch"
        conn.exec_driver_sql(
            "UPDATE person SET last_name = 'Zyxwäbi' WHERE id = ?", (pid,)
        )
        found = conn.exec_driver_sql(
            "SELECT count(*) FROM person_fts WHERE person_fts MATCH 'zyxwabi'"
        ).scalar()
        assert found == 1


def test_second_run_adds_without_collisions(empty: Engine) -> None:
    _generate(empty, organisations=30, persons=100)
    _generate(empty, organisations=30, persons=100)
    with empty.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 200
        assert conn.exec_driver_sql("SELECT count(*) FROM user_account").scalar() == 8
        numbers = _all(conn, "SELECT customer_number FROM organisation ORDER BY rowid")
        assert len(set(numbers)) == 60
        assert numbers[-1] == ("K-000060",)
        fts = conn.exec_driver_sql("SELECT count(*) FROM person_fts_docsize").scalar()
        assert fts == 200


def test_rejects_bad_arguments(empty: Engine) -> None:
    with pytest.raises(ValueError, match="negative"):
        generate_demo(empty, organisations=-1, persons=0)
    with pytest.raises(ValueError, match="timezone"):
        generate_demo(empty, organisations=1, persons=1, now=dt.datetime(2026, 1, 1))


def test_nothing_to_add_changes_nothing(empty: Engine) -> None:
    before = _schema(empty)
    result = _generate(empty, organisations=0, persons=0)
    assert (result.organisations, result.persons) == (0, 0)
    assert _schema(empty) == before


def test_persons_without_organisations_are_private(empty: Engine) -> None:
    _generate(empty, organisations=0, persons=40)
    with empty.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM employment").scalar() == 0
        homeless = conn.exec_driver_sql("SELECT count(*) FROM person WHERE city = ''")
        assert homeless.scalar() == 0
