"""Demo journal: calls, meetings, e-mails, visits, tasks and service cases, in bulk.

Called by :func:`app.services.demo.generate_demo` inside its transaction, after
the organisations and persons of the run exist, with the same row factory
(deterministic random numbers, time-ordered ids, the stored timestamp format).
Two entries per person on average: big accounts (the Pareto-weighted
employers) get hundreds, small ones a handful, private customers a few.

Speed, as in ``demo``: rows go through ``executemany`` as tuples; the journal's
triggers and secondary indexes are dropped for the load and rebuilt once; the
FTS index is fed per batch while the new rows are in the page cache; text is
drawn from pools built once per run instead of being formatted per row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from app.db import journal_schema
from app.domain.journal import SLA, Priority
from app.domain.progress import ProgressSink
from app.models.journal import JOURNAL_LINK_NAMESPACE, link_id_from

if TYPE_CHECKING:
    from app.services.demo import RowFactory

BATCH = 20_000
ENTRIES_PER_PERSON = 2
TASK_SHARE = 0.05  # entries followed up by a task
PERSONS_PER_CASE = 25
SPAN_DAYS = 3 * 365

_TABLES = (
    "journal_entry",
    "journal_link",
    "task",
    "task_link",
    "service_case",
    "kb_article",
)
_SYNC = ("rev", "field_revs", "owner_id", "created_at", "updated_at")
_COLUMNS = {
    "journal_entry": (
        "id",
        "kind",
        "occurred_at",
        "duration_min",
        "direction",
        "subject",
        "body_html",
        "body_text",
        "outcome",
        *_SYNC,
    ),
    "journal_link": (
        "id",
        "entry_id",
        "entity_kind",
        "entity_id",
        "occurred_at",
        *_SYNC,
    ),
    "task": (
        "id",
        "title",
        "notes",
        "due_at",
        "all_day",
        "reminder_at",
        "reminded_at",
        "priority",
        "status",
        "completed_at",
        "source_entry_id",
        *_SYNC,
    ),
    "task_link": ("id", "task_id", "entity_kind", "entity_id", *_SYNC),
    "service_case": (
        "id",
        "number",
        "title",
        "description",
        "status",
        "priority",
        "category",
        "organisation_id",
        "person_id",
        "response_due",
        "resolution_due",
        "first_response_at",
        "solved_at",
        "closed_at",
        "article_id",
        *_SYNC,
    ),
    "kb_article": ("id", "title", "body", "tags", *_SYNC),
}

# ---- vocabulary (Swiss German CRM notes)

_KINDS = ("call", "email", "meeting", "note", "visit", "letter")
_KIND_CW = tuple(itertools.accumulate((35, 25, 12, 12, 10, 6)))
_DURATION = {
    "call": (3, 25),
    "meeting": (30, 120),
    "visit": (45, 180),
    "email": (0, 0),
    "note": (0, 0),
    "letter": (0, 0),
}
_TOPICS = (
    "Offerte",
    "Lieferverzögerung",
    "Rahmenvertrag",
    "Preisanpassung",
    "Wartungsvertrag",
    "Reklamation",
    "Schulung",
    "Budgetplanung",
    "Erweiterung",
    "Zahlungsfrist",
    "Lizenzverlängerung",
    "Servicevertrag",
    "Referenzprojekt",
    "Ersatzteile",
    "Inbetriebnahme",
)
_PRODUCTS = (
    "Service Plus",
    "Premium-Lizenz",
    "Wartungspaket",
    "Cloud-Speicher",
    "Schulungspaket",
    "Hardware-Refresh",
    "Support 24/7",
    "Beratung Digitalisierung",
    "Projektleitung",
    "Netzwerk-Check",
)
_SUBJECTS = {
    "call": (
        "Rückruf wegen {t}",
        "Telefonat: {t}",
        "Nachfrage {t}",
        "Kurzes Update {t}",
    ),
    "email": (
        "Offerte {p}",
        "Unterlagen {p}",
        "Rückfrage {t}",
        "Anfrage {p}",
        "Terminbestätigung",
    ),
    "meeting": (
        "Jahresgespräch {y}",
        "Workshop {p}",
        "Kick-off {p}",
        "Quartalsreview Q{q}",
    ),
    "visit": (
        "Kundenbesuch: {t}",
        "Besuch vor Ort: {p}",
        "Messebesuch",
        "Betriebsbesichtigung",
    ),
    "letter": ("Vertragsunterlagen {p}", "Preisanpassung {y}", "Kündigungsbestätigung"),
    "note": ("Notiz: {t}", "Info vom Aussendienst", "Interne Notiz: {p}"),
}
_SENTENCES = (
    "Kunde bestätigt Interesse an {p}.",
    "Budget für {y} ist noch nicht freigegeben.",
    "Offerte über CHF {a} bis {d} zusenden.",
    "Entscheid fällt in der Geschäftsleitung Ende {m}.",
    "Konkurrenzangebot von {c} liegt vor, Preis etwa {n}% tiefer.",
    "Zufrieden mit dem Service, wünscht schnellere Reaktionszeiten.",
    "Rückruf für nächste Woche vereinbart.",
    "Lieferung verzögert sich um {n} Tage, Kunde ist informiert.",
    "Schulung für {n} Mitarbeitende gewünscht.",
    "Ansprechpartner wechselt per {m} in eine andere Abteilung.",
    "Rechnung wurde doppelt gestellt, Gutschrift über CHF {a} veranlasst.",
    "Möchte Referenzen aus ähnlichen Projekten sehen.",
    "Vertrag läuft Ende {m} aus, Verlängerung um {n} Monate besprochen.",
    "Neuer Standort in {city} geplant, Bedarf an {p}.",
    "Preisanpassung von {n}% wurde akzeptiert.",
    "Demo von {p} hat überzeugt, IT prüft die Integration.",
    "Termin vor Ort am {d} um {h} Uhr bestätigt.",
    "Wünscht Angebot mit Ratenzahlung über {n} Monate.",
    "Reklamation wegen defekter Lieferung, Ersatz ist unterwegs.",
    "Kein Bedarf im Moment, im {m} wieder nachfragen.",
)
_OUTCOMES = (
    "Offerte senden",
    "Termin vereinbart",
    "Entscheid offen",
    "Auftrag erhalten",
    "Rückruf nötig",
    "Kein Interesse",
    "Unterlagen nachreichen",
)
_COMPETITORS = (
    "Muster Systems",
    "Alpina IT",
    "Helvetic Solutions",
    "Data Nord",
    "Bergtech",
)
_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
_CITIES = (
    "Zürich",
    "Bern",
    "Basel",
    "Luzern",
    "St. Gallen",
    "Winterthur",
    "Lausanne",
    "Lugano",
)
_TASKS = (
    "Offerte {p} senden",
    "Nachfassen: {t}",
    "Rückruf {t}",
    "Unterlagen {p} zusammenstellen",
    "Termin für {p} vereinbaren",
    "Vertrag prüfen",
)
_CASES = (
    ("Login funktioniert nicht", "question"),
    ("Rechnung fehlerhaft", "billing"),
    ("Lieferung unvollständig", "complaint"),
    ("Gerät startet nicht mehr", "defect"),
    ("Bestellung ändern", "order"),
    ("Passwort vergessen", "question"),
    ("Fehlermeldung beim Export", "defect"),
    ("Zahlung doppelt belastet", "billing"),
    ("Lizenz läuft ab", "question"),
    ("Ersatzteil bestellen", "order"),
    ("Synchronisation bricht ab", "defect"),
    ("Servicetechniker anfordern", "order"),
)
_CASE_STATUS = (
    ("closed", 66),
    ("solved", 8),
    ("in_progress", 10),
    ("waiting", 6),
    ("new", 10),
)
_CASE_DETAILS = (
    "Tritt seit gestern auf.",
    "Betrifft mehrere Mitarbeitende.",
    "Bitte um Rückruf am Vormittag.",
    "Ein Screenshot der Fehlermeldung liegt bei.",
    "Dringend, der Monatsabschluss steht an.",
    "Kunde hat es bereits zweimal versucht.",
)
_CASE_ANSWERS = (
    "Lösung telefonisch erklärt, Kunde probiert es aus.",
    "Anleitung aus der Wissensdatenbank geschickt.",
    "Gutschrift veranlasst, Bestätigung folgt per E-Mail.",
    "Techniker für nächste Woche eingeplant.",
    "Ersatz ist unterwegs, Lieferung in zwei Tagen.",
)
_PRIORITIES = (("normal", 60), ("high", 20), ("low", 12), ("urgent", 8))
_ARTICLES = (
    (
        "Passwort zurücksetzen",
        "login, konto",
        "Im Anmeldefenster auf «Passwort vergessen» klicken. Der Link in der E-Mail ist 24 Stunden gültig.",
    ),
    (
        "VPN-Verbindung einrichten",
        "vpn, netzwerk",
        "Client installieren, Profil importieren und mit dem Firmenkonto anmelden. Bei Fehler 809 die Firewall prüfen.",
    ),
    (
        "Rechnungskopie anfordern",
        "rechnung, billing",
        "Rechnungskopien stehen im Kundenportal unter «Dokumente». Ältere Rechnungen schickt die Buchhaltung.",
    ),
    (
        "Lieferstatus abfragen",
        "lieferung, bestellung",
        "Mit der Auftragsnummer im Portal unter «Bestellungen» nachsehen. Die Sendungsnummer führt zur Post.",
    ),
    (
        "Gerät zurücksetzen",
        "hardware, defekt",
        "Netzstecker 30 Sekunden ziehen, dann Reset-Taste 10 Sekunden halten. Danach Firmware aktualisieren.",
    ),
    (
        "Lizenz verlängern",
        "lizenz, vertrag",
        "Verlängerungen bestellen Sie 30 Tage vor Ablauf. Die neue Lizenz wird automatisch eingespielt.",
    ),
    (
        "Export-Fehler beheben",
        "export, fehler",
        "Sonderzeichen in Dateinamen vermeiden und genügend Speicherplatz sicherstellen.",
    ),
    (
        "Zahlung zurückfordern",
        "zahlung, billing",
        "Doppelte Belastungen werden innert 5 Arbeitstagen gutgeschrieben. Bitte Belegnummer angeben.",
    ),
    (
        "Servicetechniker buchen",
        "service, termin",
        "Termine für Technikereinsätze über die Hotline oder das Portal buchen; Reaktionszeit gemäss SLA.",
    ),
    (
        "Synchronisation prüfen",
        "sync, offline",
        "Verbindung testen, dann «Jetzt synchronisieren». Konflikte erscheinen in der Liste zum Entscheiden.",
    ),
    (
        "Bestellung ändern oder stornieren",
        "bestellung",
        "Änderungen sind bis zur Auslieferung möglich. Stornierungen nach Versand gelten als Retoure.",
    ),
    (
        "Ersatzteile bestellen",
        "ersatzteile, bestellung",
        "Artikelnummer vom Typenschild angeben. Lieferfrist in der Regel 3 Arbeitstage.",
    ),
)


def steps(organisations: int, persons: int) -> int:
    """Progress steps :func:`generate_journal` reports (one per entry)."""
    return ENTRIES_PER_PERSON * persons + 5 * organisations * (persons == 0)


_NS_SHA1 = hashlib.sha1(JOURNAL_LINK_NAMESPACE.bytes)
_VARIANT = str.maketrans("0123456789abcdef", "89ab" * 4)  # RFC 9562 variant nibble


def link_id(owner: str, kind: str, entity: str) -> str:
    """:func:`app.models.journal.journal_link_id`, with the namespace hashed once."""
    h = _NS_SHA1.copy()
    h.update(f"{owner}/{kind}/{entity}".encode())
    return link_id_from(owner, h.hexdigest())


def generate_journal(
    conn: Connection,
    factory: RowFactory,
    *,
    persons: int,
    progress: ProgressSink,
    done: int,
    total_steps: int,
) -> int:
    """Add journal entries, tasks, cases and articles for this run's records.

    Args:
        conn: the demo's connection, inside its transaction.
        factory: the demo's row factory (organisations of this run, rng, ids).
        persons: how many persons this run added (the last rows of ``person``).
        progress: the demo's sink; reports continue from ``done``.
        done: steps reported so far.
        total_steps: the demo's total.

    Returns:
        Steps reported when finished.
    """
    gen = _Generator(conn, factory, persons)
    if not gen.has_targets():
        return done
    for stmt in journal_schema.drop_trigger_statements():
        conn.exec_driver_sql(stmt)
    index_sql = _drop_indexes(conn)
    gen.articles()
    wanted = steps(len(factory.orgs), persons)
    written = 0
    while written < wanted:
        progress.check_cancelled()
        n = min(BATCH, wanted - written)
        gen.entries(n, frac=written / wanted, total=wanted)
        written += n
        progress.report(done + written, total_steps, "Generating journal")
    progress.check_cancelled()
    gen.upcoming_tasks(max(30, wanted // 100))
    gen.cases()
    for sql in index_sql:
        conn.exec_driver_sql(sql)
    for stmt in journal_schema.trigger_statements():
        conn.exec_driver_sql(stmt)
    return done + written


class _Generator:
    """Rows for the journal tables, built from the run's organisations and persons."""

    def __init__(self, conn: Connection, factory: RowFactory, persons: int) -> None:
        self.conn = conn
        self.f = factory
        self.r = factory.r
        self.rng = factory.rng
        self.now_s = factory.now_s
        self.t0 = max(factory.t0, self.now_s - SPAN_DAYS * 86400)
        org_index = {o[0]: i for i, o in enumerate(factory.orgs)}
        self.staff: list[list[str]] = [[] for _ in factory.orgs]
        self.private: list[str] = []
        first = conn.exec_driver_sql(
            "SELECT coalesce(max(rowid), 0) - ? FROM person", (persons,)
        ).scalar_one()
        employer: dict[str, str] = dict(
            conn.exec_driver_sql(
                "SELECT person_id, organisation_id FROM employment "
                "WHERE is_primary = 1 AND deleted_at IS NULL"
            ).all()
        )
        for (pid,) in conn.exec_driver_sql(
            "SELECT id FROM person WHERE rowid > ? ORDER BY rowid", (first,)
        ):
            i = org_index.get(employer.get(pid, ""))
            if i is None:
                self.private.append(pid)
            else:
                self.staff[i].append(pid)
        # big accounts: employer weight to the power 1.5 (a few get hundreds)
        weights = factory._org_weight  # the demo's employer weights, one per org
        self.org_cw = list(itertools.accumulate(w**1.5 for w in weights))
        self.b2b_share = (
            0.0
            if not factory.orgs
            else 1.0
            if not self.private
            else max(0.5, 1 - len(self.private) / max(1, persons))
        )
        self.subjects = {k: self._subject_pool(k) for k in _KINDS}
        self.bodies = [self._body() for _ in range(4000)]
        self.outcomes = [*_OUTCOMES, *[""] * (len(_OUTCOMES) * 3 // 2)]  # 40% have one
        self.durations = {
            k: [lo + int(self.r() * (hi - lo + 1)) if hi else 0 for _ in range(64)]
            for k, (lo, hi) in _DURATION.items()
        }
        self.directions = {
            k: [
                ("in" if self.r() < 0.45 else "out")
                if k in ("call", "email", "letter")
                else ""
                for _ in range(64)
            ]
            for k in _KINDS
        }
        self.task_titles = [self._fill(self.pick(_TASKS)) for _ in range(400)]
        self.article_ids: list[str] = []
        self.case_people: list[tuple[str, str | None, str]] = []  # person, org, owner

    def has_targets(self) -> bool:
        return bool(self.f.orgs or self.private)

    def pick[T](self, pool: Sequence[T]) -> T:
        return pool[int(self.r() * len(pool))]

    def _fill(self, template: str) -> str:
        r = self.r
        year = dt.datetime.fromtimestamp(self.now_s, dt.UTC).year
        return template.format(
            t=self.pick(_TOPICS),
            p=self.pick(_PRODUCTS),
            y=year - int(r() * 3),
            q=1 + int(r() * 4),
            a=f"{(5 + int(r() * 200)) * 250:,}".replace(",", "'"),
            d=self.pick(_DAYS),
            m=self.pick(_MONTHS),
            c=self.pick(_COMPETITORS),
            n=2 + int(r() * 28),
            city=self.pick(_CITIES),
            h=8 + int(r() * 9),
        )

    def _subject_pool(self, kind: str) -> list[str]:
        return [self._fill(self.pick(_SUBJECTS[kind])) for _ in range(200)]

    def _body(self) -> str:
        count = 1 + int(self.r() * 3)
        return " ".join(self._fill(t) for t in self.rng.sample(_SENTENCES, count))

    def uuid7s(self, secs: Sequence[int]) -> list[str]:
        """UUIDv7 ids for rows made at ``secs``, as ``RowFactory.uuid7`` makes them
        (time-ordered, random tail), but with the random bits drawn once per batch."""
        n = len(secs)
        tail = self.rng.randbytes(9 * n).hex()
        variants = self.rng.randbytes(n).hex().translate(_VARIANT)
        millis = self.rng.randbytes(2 * n)
        out = []
        for i, sec in enumerate(secs):
            ms = sec * 1000 + int.from_bytes(millis[2 * i : 2 * i + 2]) % 1000
            t = f"{ms:012x}"
            j = 18 * i
            out.append(
                f"{t[:8]}-{t[8:]}-7{tail[j : j + 3]}-{variants[2 * i]}"
                f"{tail[j + 3 : j + 6]}-{tail[j + 6 : j + 18]}"
            )
        return out

    def office_hours(self, sec: int, *, past: bool = True) -> int:
        """``sec`` moved into office hours (07:00-18:00 Swiss time) on a weekday."""
        day = sec // 86400
        weekday = (day + 3) % 7  # 1 Jan 1970 was a Thursday; Monday = 0
        if weekday == 5:
            day -= 1
        elif weekday == 6:
            day += 1
        moved = day * 86400 + 6 * 3600 + int(self.r() * 11 * 3600)
        while past and moved > self.now_s:  # later today: the day before
            moved -= 86400
        return moved

    def stamp(self, sec: int) -> str:
        """The factory's timestamp encoding, also for the future (due dates)."""
        if sec <= self.now_s:
            return self.f.stamp(sec)
        return time.strftime("%Y-%m-%d %H:%M:%S.000000", time.gmtime(sec))

    def _sync(self, owner: str, sec: int) -> tuple[Any, ...]:
        stamp = self.f.stamp(sec)
        return (0, "{}", owner, stamp, stamp)

    # ---- rows

    def articles(self) -> None:
        rows = []
        owner = self.f.user_ids[0] if self.f.user_ids else None
        for i, (title, tags, body) in enumerate(_ARTICLES):
            sec = self.t0 + i * 86400
            aid = self.f.uuid7(sec)
            rows.append((aid, title, body, tags, *self._sync(owner or "", sec)))
            self.article_ids.append(aid)
        self._insert("kb_article", rows)
        self.conn.exec_driver_sql(
            "INSERT INTO kb_article_fts(rowid, title, body, tags) "
            "SELECT rowid, title, body, tags FROM kb_article WHERE rowid > "
            "(SELECT coalesce(max(rowid), 0) FROM kb_article) - ?",
            (len(rows),),
        )

    def entries(self, n: int, *, frac: float, total: int) -> None:
        r, f, rng = self.r, self.f, self.rng
        span = self.now_s - self.t0
        lo, width = self.t0 + span * frac, span * n / total
        secs = sorted(self.office_hours(int(lo + r() * width)) for _ in range(n))
        kinds = rng.choices(_KINDS, cum_weights=_KIND_CW, k=n)
        bodies = rng.choices(self.bodies, k=n)
        outcomes = rng.choices(self.outcomes, k=n)
        picks = [r() for _ in range(n)]
        b2b = int(n * self.b2b_share)
        orgs = (
            rng.choices(range(len(f.orgs)), cum_weights=self.org_cw, k=b2b)
            if b2b
            else []
        )
        entries: list[tuple[Any, ...]] = []
        links: list[tuple[Any, ...]] = []
        tasks: list[tuple[Any, ...]] = []
        task_links: list[tuple[Any, ...]] = []
        subjects, durations, directions = self.subjects, self.durations, self.directions
        private, staff_of, all_orgs, users = (
            self.private,
            self.staff,
            f.orgs,
            f.user_ids,
        )
        case_share = 1 / (ENTRIES_PER_PERSON * PERSONS_PER_CASE)
        ids = self.uuid7s(secs)
        for i in range(n):
            sec, kind, x = secs[i], kinds[i], picks[i]
            eid = ids[i]
            stamp = f.stamp(sec)
            if i < b2b:
                org = all_orgs[orgs[i]]
                owner = org[5]
                staff = staff_of[orgs[i]]
                if staff and x < 0.8:
                    pid = staff[int(x * 1.25 * len(staff))]
                    target = ("person", pid)
                    who: tuple[str, str | None] = (pid, org[0])
                else:
                    target = ("organisation", org[0])
                    who = ("", org[0])
            else:
                pid = private[int(x * len(private))]
                owner = users[int(r() * len(users))]
                target = ("person", pid)
                who = (pid, None)
            sync = (0, "{}", owner, stamp, stamp)
            pool = subjects[kind]
            entries.append(
                (
                    eid,
                    kind,
                    stamp,
                    durations[kind][int(r() * 64)],
                    directions[kind][int(r() * 64)],
                    pool[int(r() * len(pool))],
                    "",
                    bodies[i],
                    outcomes[i],
                    *sync,
                )
            )
            links.append((link_id(eid, *target), eid, *target, stamp, *sync))
            if r() < TASK_SHARE:
                self._task(eid, sec, owner, [target], tasks, task_links)
            if who[0] and r() < case_share:
                self.case_people.append((who[0], who[1], owner))
        self._insert("journal_entry", entries, fts=True)
        self._insert("journal_link", links)
        self._insert("task", tasks)
        self._insert("task_link", task_links)

    def _task(
        self,
        eid: str,
        sec: int,
        owner: str,
        targets: list[tuple[str, str]],
        tasks: list[tuple[Any, ...]],
        task_links: list[tuple[Any, ...]],
    ) -> None:
        r, f = self.r, self.f
        due = self.office_hours(sec + int((1 + r() * 13) * 86400), past=False)
        due -= due % 1800  # on the half hour
        tid = f.uuid7(sec + 60)
        if due < self.now_s - 2 * 86400 and r() < 0.995:
            status, completed = "done", f.stamp(min(self.now_s, due + int(r() * 86400)))
        else:
            status, completed = "open", None
        reminder = due - 3600 if r() < 0.6 else None
        reminded = (
            f.stamp(reminder)
            if reminder is not None and reminder <= self.now_s
            else None
        )
        priority = self.pick(("normal", "normal", "normal", "high", "low", "urgent"))
        tasks.append(
            (
                tid,
                self.pick(self.task_titles),
                "",
                self.stamp(due),
                0,
                self.stamp(reminder) if reminder is not None else None,
                reminded,
                priority,
                status,
                completed,
                eid,
                *self._sync(owner, sec + 60),
            )
        )
        for kind, target in targets:
            task_links.append(
                (
                    link_id(tid, kind, target),
                    tid,
                    kind,
                    target,
                    *self._sync(owner, sec + 60),
                )
            )

    def upcoming_tasks(self, n: int) -> None:
        """Open follow-ups around today, so "My tasks" has overdue, today and this week."""
        r, f = self.r, self.f
        tasks: list[tuple[Any, ...]] = []
        links: list[tuple[Any, ...]] = []
        orgs = (
            self.rng.choices(range(len(f.orgs)), cum_weights=self.org_cw, k=n)
            if f.orgs
            else []
        )
        for i in range(n):
            if orgs:
                org = f.orgs[orgs[i]]
                staff = self.staff[orgs[i]]
                owner = org[5]
                target = (
                    ("person", self.pick(staff)) if staff else ("organisation", org[0])
                )
            elif self.private:
                owner, target = (
                    self.pick(f.user_ids),
                    ("person", self.pick(self.private)),
                )
            else:
                return
            due = self.now_s + int((r() * 26 - 5) * 86400)
            day = due // 86400
            if (day + 3) % 7 >= 5:  # no follow-ups at weekends
                day += 2
            due = day * 86400 + 6 * 3600 + int(r() * 11 * 3600)
            due -= due % 1800
            created = min(self.now_s, due - 3 * 86400)
            reminder = due - 900 if r() < 0.5 and due - 900 > self.now_s else None
            tid = f.uuid7(created)
            sync = self._sync(owner, created)
            tasks.append(
                (
                    tid,
                    self.pick(self.task_titles),
                    "",
                    self.stamp(due),
                    0,
                    self.stamp(reminder) if reminder else None,
                    None,
                    self.pick(("normal", "normal", "high", "low", "urgent")),
                    "open" if r() < 0.85 else "in_progress",
                    None,
                    None,
                    *sync,
                )
            )
            links.append((link_id(tid, *target), tid, *target, *sync))
        tasks.sort(key=lambda t: t[0])
        self._insert("task", tasks)
        self._insert("task_link", links)

    def cases(self) -> None:
        if not self.case_people:
            return
        r, f = self.r, self.f
        numbers = set(
            self.conn.exec_driver_sql("SELECT number FROM service_case").scalars()
        )
        statuses = [s for s, w in _CASE_STATUS for _ in range(w)]
        priorities = [p for p, w in _PRIORITIES for _ in range(w)]
        cases: list[tuple[Any, ...]] = []
        entries: list[tuple[Any, ...]] = []
        links: list[tuple[Any, ...]] = []
        people = sorted(
            (
                (self.office_hours(self.t0 + int(r() * (self.now_s - self.t0))), *p)
                for p in self.case_people
            ),
            key=lambda p: p[0],
        )
        for sec, pid, oid, owner in people:
            status = self.pick(statuses)
            if status in ("new", "in_progress", "waiting"):  # open cases are recent
                sec = self.office_hours(self.now_s - int(r() ** 2 * 8 * 86400))
            priority = Priority(self.pick(priorities))
            opened = dt.datetime.fromtimestamp(sec, dt.UTC)
            response, resolution = (int(d.timestamp()) for d in _due(priority, opened))
            cid = f.uuid7(sec)
            number = self._number(sec, numbers)
            title, category = self.pick(_CASES)
            description = f"Kunde meldet: {title}. {self.pick(_CASE_DETAILS)}"
            first = solved = closed = None
            if status != "new":
                first = f.stamp(
                    min(self.now_s, sec + int(r() * (response - sec) * 1.3))
                )
            if status in ("solved", "closed"):
                end = min(self.now_s, sec + int(r() * (resolution - sec) * 1.2))
                solved = f.stamp(end)
                if status == "closed":
                    closed = f.stamp(min(self.now_s, end + 2 * 86400))
            article = self.pick(self.article_ids) if r() < 0.35 else None
            sync = self._sync(owner, sec)
            cases.append(
                (
                    cid,
                    number,
                    title,
                    description,
                    status,
                    priority.value,
                    category,
                    oid,
                    pid,
                    self.stamp(response),
                    self.stamp(resolution),
                    first,
                    solved,
                    closed,
                    article,
                    *sync,
                )
            )
            # the case journal: the request and our answer
            for k, (kind, subject, offset) in enumerate(
                (
                    ("email", f"Anfrage: {title}", 0),
                    ("call", "Rückmeldung an Kunde", 3600),
                )
            ):
                if k and status == "new":
                    break
                esec = min(self.now_s, sec + offset)
                eid = f.uuid7(esec)
                stamp = f.stamp(esec)
                esync = (0, "{}", owner, stamp, stamp)
                entries.append(
                    (
                        eid,
                        kind,
                        stamp,
                        10 if kind == "call" else 0,
                        "in" if not k else "out",
                        subject,
                        "",
                        description if not k else self.pick(_CASE_ANSWERS),
                        "",
                        *esync,
                    )
                )
                for lkind, target in (("service_case", cid), ("person", pid)):
                    links.append(
                        (link_id(eid, lkind, target), eid, lkind, target, stamp, *esync)
                    )
        self._insert("service_case", cases)
        entries.sort(key=lambda e: e[2])
        self._insert("journal_entry", entries, fts=True)
        self._insert("journal_link", links)

    def _number(self, sec: int, taken: set[str]) -> str:
        year = dt.datetime.fromtimestamp(sec, dt.UTC).strftime("%y")
        alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
        while True:
            tail = "".join(alphabet[int(self.r() * 32)] for _ in range(5))
            number = f"SC-{year}-{tail}"
            if number not in taken:
                taken.add(number)
                return number

    def _insert(
        self, table: str, rows: list[tuple[Any, ...]], *, fts: bool = False
    ) -> None:
        if not rows:
            return
        last = (
            self.conn.exec_driver_sql(
                "SELECT coalesce(max(rowid), 0) FROM journal_entry"
            ).scalar_one()
            if fts
            else 0
        )
        cols = _COLUMNS[table]
        sql = (
            f"INSERT INTO {table} ({', '.join(cols)}) "
            f"VALUES ({', '.join('?' * len(cols))})"
        )
        self.conn.exec_driver_sql(sql, rows)
        if fts:
            self.conn.exec_driver_sql(journal_schema.JOURNAL_FTS_APPEND, (last,))


def _due(priority: Priority, opened: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    response, resolution = SLA[priority]
    return opened + response, opened + resolution


def _drop_indexes(conn: Connection) -> list[str]:
    """Drop the journal tables' secondary indexes; return their CREATE sql."""
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(_TABLES))}) ORDER BY name",
        _TABLES,
    ).all()
    for name, _sql in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]
