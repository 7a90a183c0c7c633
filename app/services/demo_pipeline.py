"""Demo sales data: campaigns, products, leads, opportunities with stage histories.

Runs inside :func:`app.services.demo.generate_demo`'s transaction, after the
organisations and persons, so Cancel rolls it back with everything else. One
opportunity per new organisation (200,000 for the 1M-person demo), a lead per
six, ~1.6 product lines and ~5 history rows per opportunity.

Realism where the screens show it: Swiss customers buy in CHF, German and
Austrian ones in EUR; won/lost outcomes depend on source, industry, company
size and deal size (so the scoring model finds real signal); closed deals have
a full stage path in their history, open ones sit in a stage since a plausible
date, a few are overdue; some deals slipped (close-date and amount changes).

Speed: like the address demo, rows go to the DBAPI ``executemany`` as tuples
with values encoded as the column types store them (checked at the start of
every run by :func:`_check_encoding`), and the secondary indexes of the bulk
tables are dropped for the load and rebuilt afterwards.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select

from app.domain.progress import ProgressSink
from app.models.pipeline import (
    DEFAULT_PIPELINE_ID,
    Campaign,
    ExchangeRateRow,
    Lead,
    Opportunity,
    OpportunityHistory,
    OpportunityLine,
    Product,
    default_stage_id,
    seeded_id,
)
from app.services import demo_names as names
from app.services import demo_pipeline_data as data

BATCH = 20_000
#: Leads per organisation, and the share of opportunities that came from a lead.
LEADS_PER_ORG = 1 / 6
CONVERTED_SHARE = 0.15
Row = tuple[Any, ...]

_OPP, _LINE, _HISTORY, _LEAD = (
    cast(Table, m.__table__)
    for m in (Opportunity, OpportunityLine, OpportunityHistory, Lead)
)
_SYNC = "rev field_revs owner_id created_at updated_at"
_COLUMNS: dict[Table, tuple[str, ...]] = {
    _OPP: tuple(
        (
            "id title organisation_id person_id pipeline_id stage_id outcome amount_minor "
            "currency amount_from_lines probability close_date next_step source "
            f"campaign_id lead_id lost_reason competitor closed_on stage_entered_at notes {_SYNC}"
        ).split()
    ),
    _LINE: tuple(
        (
            "id opportunity_id product_id description quantity unit_price_minor "
            f"discount_bp position {_SYNC}"
        ).split()
    ),
    _HISTORY: tuple(
        f"id opportunity_id field old new changed_at changed_by {_SYNC}".split()
    ),
    _LEAD: tuple(
        (
            "id first_name last_name company job_title email phone postcode city region "
            "country industry_id source campaign_id status disqualify_reason notes "
            f"organisation_id person_id converted_at {_SYNC}"
        ).split()
    ),
}

_EMPTY = "{}"


@dataclass(frozen=True)
class PipelineDemoResult:
    """What the pipeline demo added."""

    opportunities: int
    leads: int
    lines: int
    history: int


def demo_steps(organisations: int) -> int:
    """Progress steps :func:`generate_pipeline_demo` reports for ``organisations``."""
    return organisations // 2 + 1


class _Clock:
    """Encodes Unix times as the column types store them, from lookup tables.

    ``time.strftime`` per value was a sixth of the generator's time; days and
    times of day are formatted once (the address demo does the same).
    """

    def __init__(self, first: float, last: float) -> None:
        self.day0 = int(first) - int(first) % 86400
        count = (int(last) - self.day0) // 86400 + 2
        self.days = [
            time.strftime("%Y-%m-%d", time.gmtime(self.day0 + d * 86400))
            for d in range(count)
        ]
        self.tod = [
            f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000"
            for s in range(86400)
        ]

    def stamp(self, sec: float) -> str:
        """``UTCDateTime`` text of Unix time ``sec``."""
        whole = int(sec)
        return self.days[(whole - self.day0) // 86400] + self.tod[whole % 86400]

    def day(self, sec: float) -> str:
        """``Date`` text of the UTC day of ``sec``."""
        return self.days[(int(sec) - self.day0) // 86400]


def _check_encoding(conn: Connection, clock: _Clock, sec: int) -> None:
    """The hand-encoded values are what the column types would store."""
    checks = [
        (_OPP.c.created_at, dt.datetime.fromtimestamp(sec, dt.UTC), clock.stamp(sec)),
        (
            _OPP.c.close_date,
            dt.datetime.fromtimestamp(sec, dt.UTC).date(),
            clock.day(sec),
        ),
        (_OPP.c.field_revs, {}, _EMPTY),
        (_OPP.c.amount_from_lines, True, 1),
    ]
    for column, value, ours in checks:
        process = column.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        stored = process(value) if process else value
        if stored != ours:
            raise RuntimeError(
                f"pipeline demo encoding drifted: {stored!r} != {ours!r}"
            )


def _validate_columns() -> None:
    for table, cols in _COLUMNS.items():
        unknown = set(cols) - set(table.c.keys())
        missing = {c.name for c in table.c if not c.nullable} - set(cols)
        if unknown or missing:
            raise RuntimeError(
                f"pipeline demo columns out of date for {table.name}: {unknown or missing}"
            )


def generate_pipeline_demo(
    conn: Connection,
    *,
    organisations: int,
    seed: int,
    now: dt.datetime,
    progress: ProgressSink,
    done: int = 0,
    steps: int = 0,
) -> PipelineDemoResult:
    """Add sales data for the ``organisations`` newest organisations.

    Args:
        conn: the demo load's connection, inside its transaction.
        organisations: how many organisations the run added (the newest ones).
        seed: mixed with the row counts, as the address demo does.
        now: the demo's "now" (timezone-aware).
        progress: reports ``done + k`` of ``steps``; checked for cancel per batch.
        done, steps: where this part sits in the whole run's progress.
    """
    if organisations <= 0:
        return PipelineDemoResult(0, 0, 0, 0)
    steps = steps or demo_steps(organisations)
    existing = conn.exec_driver_sql("SELECT count(*) FROM opportunity").scalar_one()
    rng = random.Random(f"relata-pipeline-demo/{seed}/{existing}/{organisations}")
    gen = _Generator(conn, rng, now=now)
    _check_encoding(conn, gen.clock, int(gen.now) - 123_457)
    gen.seed_catalogue()
    orgs = gen.load_organisations(organisations)
    index_sql = _drop_indexes(conn)
    counts = {"opp": 0, "lead": 0, "line": 0, "history": 0}
    for start in range(0, len(orgs), BATCH):
        progress.check_cancelled()
        rows = gen.batch(orgs[start : start + BATCH])
        for table, batch in rows.items():
            _insert(conn, table, batch)
        counts["opp"] += len(rows[_OPP])
        counts["lead"] += len(rows[_LEAD])
        counts["line"] += len(rows[_LINE])
        counts["history"] += len(rows[_HISTORY])
        progress.report(
            done + (start + len(rows[_OPP])) // 2,
            done + steps,
            "Generating opportunities",
        )
    progress.check_cancelled()
    extra = gen.open_leads(int(organisations * LEADS_PER_ORG))
    _insert(conn, _LEAD, extra)
    counts["lead"] += len(extra)
    for sql in index_sql:
        conn.exec_driver_sql(sql)
    progress.report(done + steps, done + steps, "Generating opportunities")
    return PipelineDemoResult(
        counts["opp"], counts["lead"], counts["line"], counts["history"]
    )


def _insert(conn: Connection, table: Table, rows: list[Row]) -> None:
    if not rows:
        return
    cols = _COLUMNS[table]
    sql = (
        f"INSERT INTO {table.name} ({', '.join(cols)}) "
        f"VALUES ({', '.join('?' * len(cols))})"
    )
    conn.exec_driver_sql(sql, rows)


def _drop_indexes(conn: Connection) -> list[str]:
    """Drop the bulk tables' secondary indexes; return their CREATE statements."""
    tables = tuple(t.name for t in _COLUMNS)
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(tables))}) ORDER BY name",
        tables,
    ).all()
    for name, _sql in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]


class _Generator(names.Vocabulary):
    """Builds the row tuples; all randomness from one seeded ``Random``."""

    def __init__(
        self, conn: Connection, rng: random.Random, *, now: dt.datetime
    ) -> None:
        super().__init__(rng)
        self.conn = conn
        self.now = now.timestamp()
        self.year = now.year
        self.clock = _Clock(self.now - 4 * 366 * 86400, self.now + 400 * 86400)
        self.users = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM user_account WHERE active = 1 AND deleted_at IS NULL "
                "ORDER BY username"
            )
        ] or [None]
        self.stage = {
            key: default_stage_id(key) for key in (*data.OPEN_STAGES, "won", "lost")
        }
        self.product: dict[str, tuple[str, int]] = {}
        self.campaigns: list[tuple[str, float]] = []
        self.source_pool = [s for s, w, _ in data.SOURCES for _ in range(int(w * 100))]
        self.source_effect = {s: e for s, _, e in data.SOURCES}
        self.lost_pool = [r for r, w in data.LOST_REASONS for _ in range(w)]
        self.industry_effect: dict[str, float] = {}

    # ---- fixed rows

    def seed_catalogue(self) -> None:
        """Products, campaigns and monthly exchange rates (ids deterministic)."""
        t0 = dt.datetime.fromtimestamp(self.now - 3 * 365 * 86400, dt.UTC)
        sync = {"rev": 0, "field_revs": {}, "created_at": t0, "updated_at": t0}
        today = dt.datetime.fromtimestamp(self.now, dt.UTC).date()
        products: list[dict[str, Any]] = [
            {
                "id": seeded_id("product", code),
                "code": code,
                "name": name,
                "list_price_minor": price * 100,
                "currency": "CHF",
                "active": True,
                **sync,
            }
            for code, name, price in data.PRODUCTS
        ]
        self._ensure(cast(Table, Product.__table__), products)
        self.product = {p["code"]: (p["id"], p["list_price_minor"]) for p in products}
        campaigns: list[dict[str, Any]] = []
        for year in (self.year - 2, self.year - 1, self.year):
            for name, channel, start_month, cost in data.CAMPAIGNS:
                start = dt.date(year, start_month, 3)
                if start > today:
                    continue
                campaigns.append(
                    {
                        "id": seeded_id("campaign", name.format(y=year)),
                        "name": name.format(y=year),
                        "channel": channel,
                        "start_date": start,
                        "end_date": start + dt.timedelta(days=30),
                        "cost_minor": cost * 100,
                        "currency": "CHF",
                        **sync,
                    }
                )
        self._ensure(cast(Table, Campaign.__table__), campaigns)
        self.campaigns = [
            (
                c["id"],
                dt.datetime.combine(c["start_date"], dt.time(), dt.UTC).timestamp(),
            )
            for c in campaigns
        ]
        rates: list[dict[str, Any]] = []
        month = dt.date(self.year - 3, 1, 1)
        i = 0
        while month <= today:
            for cur, base, swing in (("EUR", 0.955, 0.025), ("USD", 0.885, 0.035)):
                value = base + swing * math.sin(i / 5.0 + (cur == "USD"))
                rates.append(
                    {
                        "id": seeded_id("rate", f"{cur}/{month.isoformat()}"),
                        "currency": cur,
                        "valid_from": month,
                        "rate_micro": round(value * 1_000_000),
                        **sync,
                    }
                )
            month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            i += 1
        self._ensure(cast(Table, ExchangeRateRow.__table__), rates)

    def _ensure(self, table: Table, rows: list[dict[str, Any]]) -> None:
        have = set(self.conn.execute(select(table.c.id)).scalars())
        new = [r for r in rows if r["id"] not in have]
        if new:
            self.conn.execute(insert(table), new)

    def load_organisations(self, n: int) -> list[tuple[Any, ...]]:
        """The ``n`` newest organisations with country, region, size, contact."""
        orgs = self.conn.exec_driver_sql(
            "SELECT o.id, o.name, o.owner_id, coalesce(i.code, ''), o.rowid FROM organisation o "
            "LEFT JOIN industry i ON i.id = o.industry_id WHERE o.deleted_at IS NULL "
            "ORDER BY o.rowid DESC LIMIT ?",
            (n,),
        ).all()
        if not orgs:
            return []
        first = min(r[4] for r in orgs)
        places = {
            r[0]: (r[1], r[2], r[3], r[4])
            for r in self.conn.exec_driver_sql(
                "SELECT a.organisation_id, a.country, a.region, a.postcode, a.city "
                "FROM address a JOIN organisation o ON o.id = a.organisation_id "
                "WHERE o.rowid >= ? AND a.is_primary = 1",
                (first,),
            )
        }
        # size and first contact from employment alone: joining person for
        # every contact cost seconds; names are read for converted leads only
        people: dict[str, tuple[int, str]] = {
            row[0]: (row[1], row[2])
            for row in self.conn.exec_driver_sql(
                "SELECT organisation_id, count(*), min(person_id) FROM employment "
                "WHERE deleted_at IS NULL GROUP BY organisation_id"
            )
        }
        out = []
        for oid, name, owner, industry, _rowid in reversed(orgs):  # oldest first
            if industry not in self.industry_effect:
                self.industry_effect[industry] = self.rng.uniform(-0.7, 0.7)
            out.append(
                (
                    oid,
                    name,
                    owner or self.pick(self.users),
                    industry,
                    places.get(oid, ("CH", "", "", "")),
                    *people.get(oid, (0, None)),
                )
            )
        return out

    # ---- per batch

    def batch(self, orgs: Sequence[tuple[Any, ...]]) -> dict[Table, list[Row]]:
        """One opportunity per organisation, its lines, history and (some) lead."""
        opps: list[Row] = []
        lines: list[Row] = []
        history: list[Row] = []
        r, pick = self.r, self.pick
        stamp, day = self.clock.stamp, self.clock.day
        three_years = 3 * 365 * 86400
        converted: list[tuple[str, str, str, tuple[Any, ...]]] = []
        for oid, org_name, owner, industry, place, size, person_id in orgs:
            country = place[0]
            currency = "CHF" if country in ("CH", "LI") else "EUR"
            if r() < 0.02:
                currency = "USD"
            source = pick(self.source_pool)
            title, main, extras, qty_range = pick(data.DEALS)
            qty = self.rng.randint(*qty_range)
            deal_lines = [(main, qty)] + [
                (code, 1 if code not in ("LIC-S", "LIC-P", "HW-TAB") else qty)
                for code in extras
                if r() < 0.6
            ]
            is_open = r() < 0.4
            if is_open:
                created = self.now - (1 + r() * 240) * 86400
            else:
                created = self.now - 30 * 86400 - r() * (three_years - 30 * 86400)
            opp_id = self.uuid7(int(created))
            prefix = opp_id[:15]
            line_total = 0
            discount = pick((0, 0, 0, 500, 1000, 1500))
            for pos, (code, n) in enumerate(deal_lines):
                pid, price = self.product[code]
                total = (n * price * (10_000 - discount) + 5_000) // 10_000
                line_total += total
                lines.append(
                    (
                        self.child_id(prefix),
                        opp_id,
                        pid,
                        "",
                        n,
                        price,
                        discount,
                        pos,
                        0,
                        _EMPTY,
                        owner,
                        stamp(created),
                        stamp(created),
                    )
                )
            from_lines = r() < 0.75
            amount = (
                line_total if from_lines else round(line_total * (0.8 + r() * 0.5), -5)
            )
            z = -0.75 + self.source_effect[source] + self.industry_effect[industry]
            z += 0.35 if size >= 10 else (-0.25 if size <= 2 else 0.0)
            z -= 0.5 if amount > 20_000_000 else 0.0
            win = r() < 1 / (1 + math.exp(-z))
            cycle = min(400.0, 12 + self.rng.lognormvariate(4.0, 0.6)) * 86400
            campaign_id = None
            if source in ("campaign", "trade_fair", "web_form") and self.campaigns:
                campaign_id = self._campaign_before(created)
            next_step = ""
            lost_reason = competitor = ""
            closed_on = None
            hist: list[tuple[str, str, str, float]] = []
            start_amount = (
                amount if r() < 0.8 else round(amount * (0.7 + r() * 0.6), -3)
            )
            if is_open:
                stage_ix = self.rng.choices(range(4), weights=data.OPEN_WEIGHTS)[0]
                stage = data.OPEN_STAGES[stage_ix]
                outcome, probability = "open", data.STAGE_PROB[stage]
                entered = (
                    created
                    if stage_ix == 0
                    else created + (self.now - created) * (stage_ix / 4 + r() * 0.2)
                )
                path = [
                    (s, created + (entered - created) * i / max(1, stage_ix))
                    for i, s in enumerate(data.OPEN_STAGES[: stage_ix + 1])
                ]
                path[-1] = (stage, entered)
                close = self.now + (r() * 330 - 25) * 86400
                planned = close - (r() * 60 * 86400 if r() < 0.25 else 0)
                next_step = pick(data.NEXT_STEPS)
            else:
                closed = min(created + cycle, self.now - 86400 * (1 + r() * 5))
                reached = 4 if win else self.rng.randint(1, 4)
                path = [
                    (s, created + (closed - created) * i / reached * 0.9)
                    for i, s in enumerate(data.OPEN_STAGES[:reached])
                ]
                stage = "won" if win else "lost"
                outcome, probability = stage, 100 if win else 0
                path.append((stage, closed))
                entered = close = closed
                planned = closed + (r() - 0.3) * 40 * 86400
                closed_on = day(closed)
                if win:
                    competitor = pick(data.COMPETITORS) if r() < 0.25 else ""
                else:
                    lost_reason = pick(self.lost_pool)
                    competitor = (
                        pick(data.COMPETITORS)
                        if lost_reason == "Mitbewerber gewählt" or r() < 0.3
                        else ""
                    )
            prev = ""
            for s, when in path:
                hist.append(("stage", prev, self.stage[s], when))
                prev = self.stage[s]
            if r() < 0.35 and day(planned) != day(close):  # the deal slipped
                hist.append(
                    ("close_date", day(planned), day(close), (created + entered) / 2)
                )
            if start_amount != amount:
                hist.append(
                    (
                        "amount",
                        f"{start_amount} {currency}",
                        f"{amount} {currency}",
                        created + (entered - created) * 0.5,
                    )
                )
            for field, old, new, when in hist:
                history.append(
                    (
                        self.child_id(prefix),
                        opp_id,
                        field,
                        old,
                        new,
                        stamp(when),
                        owner,
                        0,
                        _EMPTY,
                        owner,
                        stamp(when),
                        stamp(when),
                    )
                )
            lead_id = None
            if person_id and r() < CONVERTED_SHARE:
                lead_id = self.uuid7(int(created - 86400 * (2 + r() * 20)))
                converted.append(
                    (
                        lead_id,
                        person_id,
                        stamp(created),
                        (org_name, place, source, campaign_id, oid, owner),
                    )
                )
            updated = stamp(max(entered, created))
            opps.append(
                (
                    opp_id,
                    title.format(
                        p=pick(data.SYSTEMS), n=qty, y=self.year + (r() < 0.3)
                    ),
                    oid,
                    person_id,
                    DEFAULT_PIPELINE_ID,
                    self.stage[stage],
                    outcome,
                    amount,
                    currency,
                    int(from_lines),
                    probability,
                    day(close),
                    next_step,
                    source,
                    campaign_id,
                    lead_id,
                    lost_reason,
                    competitor,
                    closed_on,
                    stamp(entered),
                    "",
                    0,
                    _EMPTY,
                    owner,
                    stamp(created),
                    updated,
                )
            )
        leads = self._converted_leads(converted)
        return {_LEAD: leads, _OPP: opps, _LINE: lines, _HISTORY: history}

    def _converted_leads(
        self, converted: list[tuple[str, str, str, tuple[Any, ...]]]
    ) -> list[Row]:
        """Lead rows for opportunities that came from a lead (the contact's data)."""
        found: dict[str, tuple[Any, ...]] = {}
        ids = [c[1] for c in converted]
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            for row in self.conn.exec_driver_sql(
                "SELECT id, first_name, last_name, email, phone, language FROM person "
                f"WHERE id IN ({', '.join('?' * len(chunk))})",
                tuple(chunk),
            ):
                found[row[0]] = row[1:]
        rows: list[Row] = []
        for lead_id, pid, when, (
            org_name,
            place,
            source,
            campaign,
            oid,
            owner,
        ) in converted:
            first, last, email, phone, language = found.get(pid, ("", "", "", "", "de"))
            country, region, postcode, city = place
            roles = names.ROLES.get(language) or names.ROLES["de"]
            rows.append(
                (
                    lead_id,
                    first,
                    last,
                    org_name,
                    self.pick(roles)[self.r() < 0.5],
                    email,
                    phone,
                    postcode,
                    city,
                    region,
                    country,
                    None,
                    source,
                    campaign,
                    "converted",
                    "",
                    "",
                    oid,
                    pid,
                    when,
                    0,
                    _EMPTY,
                    owner,
                    when,
                    when,
                )
            )
        return rows

    def _campaign_before(self, when: float) -> str | None:
        earlier = [cid for cid, start in self.campaigns if start <= when]
        return earlier[-1] if earlier and self.r() < 0.8 else None

    def open_leads(self, n: int) -> list[Row]:
        """Leads not (yet) converted: new names, some disqualified, a few duplicates."""
        rows: list[Row] = []
        r, pick = self.r, self.pick
        statuses = (
            ("unqualified",) * 40
            + ("mql",) * 28
            + ("sql",) * 14
            + ("disqualified",) * 18
        )
        by_code: dict[str, str] = {
            row[0]: row[1]
            for row in self.conn.exec_driver_sql("SELECT code, id FROM industry")
        }
        industries = [by_code.get(ind[0]) for ind in names.INDUSTRIES]
        for _ in range(max(0, n)):
            created = self.now - r() * 400 * 86400
            place = self.places[int(r() * len(self.places))]
            origin = pick(self.origins[names.naming_context(place)])
            female = r() < 0.5
            first = pick(names.NAMES[origin][not female])
            last = pick(self.last[origin])
            industry = int(r() * len(self.words))
            company = self.org_name(place, industry)[0] if r() < 0.85 else ""
            slug = self.slug(company or last, "-") or "mail"
            email = f"{self.slug(first)}.{self.slug(last)}@{slug}.{place[5].lower()}"
            phone = self.mobile(place[5]) if r() < 0.6 else ""
            status = pick(statuses)
            source = pick(self.source_pool)
            campaign_id = (
                self._campaign_before(created)
                if source in ("campaign", "trade_fair", "web_form")
                else None
            )
            rows.append(
                (
                    self.uuid7(int(created)),
                    first,
                    last,
                    company,
                    pick(names.ROLES[place[4]])[female] if company else "",
                    email,
                    phone,
                    place[0],
                    place[1],
                    place[2],
                    place[5],
                    industries[industry] if company else None,
                    source,
                    campaign_id,
                    status,
                    pick(data.DISQUALIFY) if status == "disqualified" else "",
                    "",
                    None,
                    None,
                    None,
                    0,
                    _EMPTY,
                    pick(self.users),
                    self.clock.stamp(created),
                    self.clock.stamp(created),
                )
            )
        return rows


_validate_columns()
