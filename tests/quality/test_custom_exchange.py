"""Custom fields round trip through export and import (xlsx and CSV), are
checked in the dry run, and feed segments; the XML port leaves them out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.domain.custom_fields import Choice, CustomFieldDefData, FieldType, RecordKind
from app.domain.exchange import ExportFormat, ImportOptions, ImportPlan, RowAction
from app.domain.segments import Condition, Group, Match, Op
from app.models import SyncOutbox
from app.services.addresses import AddressService
from app.services.custom_fields import CustomFieldService
from app.services.exports import ExportService
from app.services.imports import ImportService
from app.services.segments import SegmentService
from tests.helpers.factories import make_person


@pytest.fixture
def setup(
    db: Database, addresses: AddressService, custom: CustomFieldService
) -> dict[str, object]:
    category, _ = custom.create(
        CustomFieldDefData(
            RecordKind.PERSON,
            "Kundenkategorie",
            FieldType.CHOICE,
            choices=(Choice("A", "A-Kunde"), Choice("B", "B-Kunde")),
        )
    )
    budget, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Budget", FieldType.MONEY)
    )
    _since, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Kunde seit", FieldType.DATE)
    )
    _news, _ = custom.create(
        CustomFieldDefData(RecordKind.PERSON, "Newsletter", FieldType.BOOL)
    )
    anna = make_person(addresses, first_name="Anna", last_name="Keller")
    beat = make_person(addresses, first_name="Beat", last_name="Frei")
    custom.save_values(
        "person",
        anna.id,
        {
            "kundenkategorie": "A",
            "budget": 1250050,
            "kunde_seit": dt.date(2020, 3, 1),
            "newsletter": True,
        },
    )
    return {"anna": anna.id, "beat": beat.id, "category": category, "budget": budget}


def _plan(service: ImportService, path: Path, **options: object) -> ImportPlan:
    preview = service.preview(path, "persons")
    return ImportPlan(
        path,
        "persons",
        preview.mapping,
        sheet=preview.sheet,
        header_row=preview.header_row,
        options=ImportOptions(**options),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("fmt", [ExportFormat.XLSX, ExportFormat.CSV_EXCEL])
def test_export_edit_import_round_trip(
    tmp_path: Path,
    db: Database,
    custom: CustomFieldService,
    setup: dict[str, object],
    fmt: ExportFormat,
) -> None:
    exports = ExportService(db.engine)
    suffix = "xlsx" if fmt is ExportFormat.XLSX else "csv"
    path = tmp_path / f"persons.{suffix}"
    exports.export("persons", path, fmt=fmt)
    if fmt is ExportFormat.XLSX:
        book = openpyxl.load_workbook(path)
        sheet = book.active
        assert sheet is not None
        headers = [c.value for c in sheet[1]]
        assert {"Kundenkategorie", "Budget", "Kunde seit", "Newsletter"} <= set(headers)
        rows = {
            r[headers.index("Last name")]: r
            for r in sheet.iter_rows(min_row=2, values_only=True)
        }
        anna = rows["Keller"]
        assert anna[headers.index("Kundenkategorie")] == "A-Kunde"
        assert anna[headers.index("Budget")] == "12500.50"
        assert anna[headers.index("Kunde seit")] == dt.datetime(
            2020, 3, 1
        )  # a typed date cell
        assert anna[headers.index("Newsletter")] == "yes"
        # edit in "Excel": Beat becomes a B customer, a new person arrives
        for row in sheet.iter_rows(min_row=2):
            if row[headers.index("Last name")].value == "Frei":
                row[headers.index("Kundenkategorie")].value = "B-Kunde"
                row[headers.index("Budget")].value = "2'000"
        new = [None] * len(headers)
        new[headers.index("Last name")] = "Neu"
        new[headers.index("Kundenkategorie")] = "A"
        sheet.append(new)
        book.save(path)
    else:
        text = path.read_text(encoding="utf-8-sig")
        assert "Kundenkategorie" in text
        assert "A-Kunde" in text
        lines = text.splitlines()
        head = lines[0].split(";")
        out = [lines[0]]
        for line in lines[1:]:
            cells = line.split(";")
            if cells[head.index("Last name")].strip('"') == "Frei":
                cells[head.index("Kundenkategorie")] = "B-Kunde"
                cells[head.index("Budget")] = "2'000"
            out.append(";".join(cells))
        row = [""] * len(head)
        row[head.index("Last name")] = "Neu"
        row[head.index("Kundenkategorie")] = "A"
        out.append(";".join(row))
        path.write_text("\n".join(out) + "\n", encoding="utf-8-sig")
    imports = ImportService(db.engine)
    plan = _plan(imports, path, key="id")
    assert {"cf:kundenkategorie", "cf:budget", "cf:kunde_seit"} <= set(
        plan.mapping.values()
    )
    analysis = imports.dry_run(plan)
    assert analysis.count(RowAction.UNCHANGED) == 1  # Anna: nothing changed
    assert analysis.count(RowAction.UPDATE) == 1
    assert analysis.count(RowAction.CREATE) == 1
    result = imports.commit(plan)
    assert (result.created, result.updated) == (1, 1)
    assert custom.values("person", str(setup["beat"])) == {
        "kundenkategorie": "B",
        "budget": 200000,
    }
    assert custom.values("person", str(setup["anna"]))["budget"] == 1250050
    segments = SegmentService(db.sessions)
    names = {
        r.last_name
        for r in segments.person_page(
            Group(Match.ALL, (Condition("cf:kundenkategorie", Op.IN, ["A"]),)),
            offset=0,
            limit=10,
        )
    }
    assert names == {"Keller", "Neu"}
    with db.sessions() as s:
        queued = s.execute(
            select(func.count()).where(SyncOutbox.tbl == "custom_field_value")
        ).scalar_one()
    assert queued >= 2  # the imported values go to the server too


def test_bad_custom_value_is_a_row_issue_in_the_dry_run(
    tmp_path: Path, db: Database, setup: dict[str, object]
) -> None:
    path = tmp_path / "in.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nachname", "Vorname", "Kundenkategorie", "Budget"])
    sheet.append(["Huber", "Eva", "Z-Kunde", "100"])
    sheet.append(["Moser", "Urs", "B", "viel"])
    sheet.append(["Graf", "Ida", "B-Kunde", "1'000.50"])
    book.save(path)
    imports = ImportService(db.engine)
    plan = _plan(imports, path)
    analysis = imports.dry_run(plan)
    codes = sorted((i.row, i.field, i.code) for i in analysis.issues)
    assert codes == [
        (2, "cf:kundenkategorie", "choice.unknown"),
        (3, "cf:budget", "amount.invalid"),
    ]
    assert analysis.count(RowAction.CREATE) == 1
    result = imports.commit(plan)
    assert result.created == 1


def test_xml_export_leaves_custom_fields_out(
    tmp_path: Path, db: Database, setup: dict[str, object]
) -> None:
    path = tmp_path / "out.xml"
    ExportService(db.engine).export("persons", path, fmt=ExportFormat.XML)
    text = path.read_text(encoding="utf-8")
    assert "Keller" in text
    assert "cf:" not in text
