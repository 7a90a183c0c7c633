"""Export persons and organisations: any list filter or selection, four formats.

Records are read in pages of 2,000 by rowid (plus their primary channels,
address and employer in one query each), so memory stays flat however long
the list is. Every export carries the hidden ``Relata ID`` and ``Exported at``
columns: re-importing an edited file updates the same records, and rows
changed in Relata since the export are flagged instead of overwritten.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, literal_column, select

from app.db import address_queries as q
from app.domain.addresses import ListFilter
from app.domain.errors import UserError
from app.domain.exchange import ExportFormat, ExportResult
from app.domain.progress import NullProgress, ProgressSink
from app.exchange.bulk import gc_paused
from app.exchange.csv_io import write_csv
from app.exchange.entities import EntitySpec, FieldKind, FieldSpec, entity
from app.exchange.vcard import write_vcards
from app.exchange.xlsx_writer import ColumnKind, XlsxColumn, XlsxSheet, write_xlsx
from app.exchange.xml_port import write_xml
from app.models import Organisation, Person, utcnow
from app.services import custom_field_exchange as cfx
from app.services.import_writer import ADDRESS_FIELDS

PAGE = 2000
#: English display texts of stored choice values (the GUI passes translated ones).
CHOICE_TEXT: dict[str, dict[str, str]] = {
    "status": {
        "prospect": "Prospect",
        "customer": "Customer",
        "partner": "Partner",
        "supplier": "Supplier",
        "former": "Former customer",
    },
    "salutation": {"mr": "Mr", "ms": "Ms", "mx": "Mx", "": ""},
    "language": {
        "de": "German",
        "fr": "French",
        "it": "Italian",
        "en": "English",
        "rm": "Romansh",
    },
}
type ChoiceText = Callable[[str, str], str]
type Title = Callable[[FieldSpec], str]


def english_choice(field: str, value: str) -> str:
    """The English text of a stored choice value."""
    return CHOICE_TEXT.get(field, {}).get(value, value)


class ExportService:
    """Writes lists of persons or organisations to xlsx, csv, xml or vCard."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def count(
        self, entity_name: str, flt: ListFilter | None, ids: Sequence[str] | None
    ) -> int:
        """How many records an export of ``flt``/``ids`` would write."""
        if ids is not None:
            return len(ids)
        flt = flt or ListFilter()
        stmt = (
            q.person_count(flt)
            if entity_name == "persons"
            else q.organisation_count(flt)
        )
        with self._engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def export(
        self,
        entity_name: str,
        path: Path,
        *,
        fmt: ExportFormat = ExportFormat.XLSX,
        flt: ListFilter | None = None,
        ids: Sequence[str] | None = None,
        progress: ProgressSink | None = None,
        title: Title = lambda f: f.label,
        choice_text: ChoiceText = english_choice,
        now: dt.datetime | None = None,
    ) -> ExportResult:
        """Write the records of ``flt`` (or exactly ``ids``) to ``path``.

        Raises:
            UserError: ``export.vcard_persons`` (vCard holds persons only),
                ``export.write_failed`` (disk full, no permission …).
            Cancelled: the sink cancelled; the partial file is removed.
        """
        with self._engine.connect() as conn:  # custom fields are columns too
            spec = cfx.extend(entity(entity_name), cfx.definitions(conn, entity_name))
        if entity_name not in ("persons", "organisations"):
            raise UserError(
                "export.unsupported",
                f"{spec.label} cannot be exported here yet.",
                field="entity",
                value=entity_name,
            )
        sink = progress or NullProgress()
        started = time.perf_counter()
        now = now or utcnow()
        if (
            fmt in (ExportFormat.VCARD3, ExportFormat.VCARD4)
            and entity_name != "persons"
        ):
            raise UserError(
                "export.vcard_persons", "vCard files hold persons only.", field="format"
            )
        fields = spec.export_fields()
        total = self.count(entity_name, flt, ids)
        stamp = now.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
        try:
            with gc_paused(), self._engine.connect() as conn:
                records = self._records(conn, spec, flt, ids, sink, total, stamp)
                count = self._write(
                    fmt,
                    path,
                    spec,
                    fields,
                    records,
                    title=title,
                    choice_text=choice_text,
                    now=now,
                )
        except OSError as exc:
            path.with_name(path.name + ".part").unlink(missing_ok=True)
            raise UserError(
                "export.write_failed",
                f"{path} cannot be written: {exc}",
                value=str(path),
            ) from exc
        except BaseException:
            path.with_name(path.name + ".part").unlink(missing_ok=True)
            raise
        sink.report(total, total, "Done")
        return ExportResult(path, count, time.perf_counter() - started)

    # ---- writing

    def _write(
        self,
        fmt: ExportFormat,
        path: Path,
        spec: EntitySpec,
        fields: Sequence[FieldSpec],
        records: Iterator[dict[str, Any]],
        *,
        title: Title,
        choice_text: ChoiceText,
        now: dt.datetime,
    ) -> int:
        keys = [f.key for f in fields]
        choice = [f.key for f in fields if f.kind is FieldKind.CHOICE]

        def shown(record: dict[str, Any]) -> dict[str, Any]:
            for key in choice:
                record[key] = choice_text(key, record.get(key) or "")
            return record

        if fmt is ExportFormat.XLSX:
            columns = [
                XlsxColumn(
                    title(f),
                    ColumnKind.DATE if f.kind is FieldKind.DATE else ColumnKind.TEXT,
                    width=f.width,
                    hidden=f.hidden,
                )
                for f in fields
            ]
            rows = (_pick(shown(r), keys) for r in records)
            return write_xlsx(path, [XlsxSheet(title_of(spec, title), columns, rows)])[
                0
            ]
        if fmt in (ExportFormat.CSV_EXCEL, ExportFormat.CSV_RFC):
            excel = fmt is ExportFormat.CSV_EXCEL

            def text(value: Any) -> str:
                if value is None:
                    return ""
                if isinstance(value, dt.date):
                    return value.strftime("%d.%m.%Y") if excel else value.isoformat()
                return str(value)

            rows_text = ([text(v) for v in _pick(shown(r), keys)] for r in records)
            tmp = path.with_name(path.name + ".part")
            count = write_csv(
                tmp,
                [title(f) for f in fields],
                rows_text,
                dialect="excel_ch" if excel else "rfc4180",
            )
            tmp.replace(path)
            return count
        if fmt is ExportFormat.XML:
            # the XML schema has no custom fields (their keys are no XML names)
            keys = [k for k in keys if not k.startswith(cfx.PREFIX)]
            tmp = path.with_name(path.name + ".part")
            data = ([r.get(k) for k in keys] for r in records)
            count = write_xml(tmp, {spec.name: (keys, data)}, exported_at=now)
            tmp.replace(path)
            return count
        tmp = path.with_name(path.name + ".part")
        count = write_vcards(
            tmp, records, version="3.0" if fmt is ExportFormat.VCARD3 else "4.0"
        )
        tmp.replace(path)
        return count

    # ---- reading

    def _records(
        self,
        conn: Connection,
        spec: EntitySpec,
        flt: ListFilter | None,
        ids: Sequence[str] | None,
        sink: ProgressSink,
        total: int,
        stamp: str,
    ) -> Iterator[dict[str, Any]]:
        persons = spec.name == "persons"
        defs = cfx.definitions(conn, spec.name)
        model = Person if persons else Organisation
        table = "person" if persons else "organisation"
        cols = (
            "id first_name last_name salutation title language birth_date status notes owner_id"
            if persons
            else "id name legal_form customer_number uid industry_id status notes owner_id"
        ).split()
        rowid: Any = literal_column(f"{table}.rowid")
        users: dict[str, str] = dict(
            conn.exec_driver_sql("SELECT id, display_name FROM user_account").all()
        )
        industries: dict[str, str] = dict(
            conn.exec_driver_sql("SELECT id, name FROM industry").all()
        )
        done = 0
        pending = list(ids) if ids is not None else None
        last = 0
        while True:
            sink.check_cancelled()
            if pending is not None:
                part, pending = pending[:PAGE], pending[PAGE:]
                if not part:
                    return
                stmt = select(rowid, *(getattr(model, c) for c in cols)).where(
                    model.id.in_(part), model.deleted_at.is_(None)
                )
            else:
                conds = (
                    q.person_where(flt or ListFilter())
                    if persons
                    else q.organisation_where(flt or ListFilter())
                )
                stmt = (
                    select(rowid, *(getattr(model, c) for c in cols))
                    .where(*conds, rowid > last)
                    .order_by(rowid)
                    .limit(PAGE)
                )
            page = conn.execute(stmt).all()
            if not page:
                if pending is None:
                    return
                continue
            last = page[-1][0]
            records = {r[1]: dict(zip(cols, r[1:], strict=True)) for r in page}
            self._attach(conn, table, records)
            cfx.export_values(conn, defs, records)
            for rec in records.values():
                rec["exported_at"] = stamp
                rec["owner"] = users.get(rec.pop("owner_id") or "", "")
                if not persons:
                    rec["industry"] = industries.get(rec.pop("industry_id") or "", "")
                yield rec
            done += len(page)
            sink.report(done, total, "Exporting")

    @staticmethod
    def _attach(
        conn: Connection, table: str, records: dict[str, dict[str, Any]]
    ) -> None:
        owner = f"{table}_id"
        ids = list(records)
        marks = ", ".join("?" * len(ids))
        for oid, kind, value in conn.exec_driver_sql(
            f"SELECT {owner}, kind, value FROM channel WHERE {owner} IN ({marks}) "
            "AND deleted_at IS NULL ORDER BY is_primary DESC, position, created_at",
            tuple(ids),
        ):
            records[oid].setdefault(kind, value)
        for row in conn.exec_driver_sql(
            f"SELECT {owner}, {', '.join(ADDRESS_FIELDS)} FROM address WHERE {owner} "
            f"IN ({marks}) AND deleted_at IS NULL ORDER BY is_primary DESC, position, created_at",
            tuple(ids),
        ):
            rec = records[row[0]]
            if "street" not in rec:
                rec.update(zip(ADDRESS_FIELDS, row[1:], strict=True))
        if table == "person":
            for pid, name, role in conn.exec_driver_sql(
                "SELECT e.person_id, o.name, e.role FROM employment e JOIN organisation o "
                f"ON o.id = e.organisation_id WHERE e.person_id IN ({marks}) "
                "AND e.deleted_at IS NULL AND o.deleted_at IS NULL "
                "ORDER BY e.is_primary DESC, e.created_at",
                tuple(ids),
            ):
                rec = records[pid]
                if "organisation" not in rec:
                    rec["organisation"] = name
                    rec["role"] = role
            for rec in records.values():
                if isinstance(rec.get("birth_date"), str):
                    rec["birth_date"] = dt.date.fromisoformat(rec["birth_date"])


def _pick(record: dict[str, Any], keys: Sequence[str]) -> list[Any]:
    get = record.get
    return [get(k) for k in keys]


def title_of(spec: EntitySpec, _title: Title) -> str:
    """Sheet name of an export."""
    return spec.label
