"""Round trip: any export re-imports to the same records, and no exported cell is a
formula (Hypothesis). Also: the fast phone path agrees with the validator."""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db.database import open_database
from app.domain.addresses import (
    AddressData,
    ChannelData,
    ChannelKind,
    EmploymentData,
    OrganisationData,
    PersonData,
    RelationStatus,
    Salutation,
)
from app.domain.exchange import ExportFormat, ImportOptions, ImportPlan, RowAction
from app.exchange.source import open_source
from app.services.addresses import AddressService
from app.services.exports import ExportService
from app.services.imports import ImportService
from tests.services.exchange_support import assert_fast_phone_agrees

PHONES = [
    "044 123 45 67",
    "+41 79 555 44 33",
    "0041 31 302 11 22",
    "061 201 22 33",
    "+49 30 1234567",
    "+43 1 5123456",
]
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüéèàçßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"
_word = (
    st.text(alphabet=LETTERS + "-'.& ", min_size=1, max_size=12)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
# text a spreadsheet would take for a formula must come back as text
_tricky = st.one_of(
    _word,
    st.sampled_from(
        [
            "=1+1",
            "+41 44",
            "-Rabatt",
            "@SUM(A1)",
            '=HYPERLINK("x")',
            "=cmd|'/C calc'!A0",
        ]
    ),
)
_notes = st.text(alphabet=LETTERS + " \n=+-@", max_size=40).map(
    lambda s: "\n".join(
        " ".join(line.split()) for line in s.strip().split("\n")
    ).strip()
)


@st.composite
def people(draw: st.DrawFn) -> list[PersonData]:
    count = draw(st.integers(0, 6))
    out = []
    for i in range(count):
        channels = []
        if draw(st.booleans()):
            channels.append(
                ChannelData(
                    ChannelKind.EMAIL, f"p{i}.{draw(st.integers(0, 999))}@beispiel.ch"
                )
            )
        if draw(st.booleans()):
            channels.append(
                ChannelData(ChannelKind.PHONE, draw(st.sampled_from(PHONES)))
            )
        if draw(st.booleans()):
            channels.append(ChannelData(ChannelKind.MOBILE, "079 555 44 3" + str(i)))
        addresses = ()
        if draw(st.booleans()):
            addresses = (
                AddressData(
                    street=draw(_tricky),
                    house_number=draw(st.sampled_from(["", "1", "12a", "3-5"])),
                    postcode=str(draw(st.integers(1000, 9999))),
                    city=draw(_word),
                    region=draw(st.sampled_from(["", "ZH", "BE"])),
                    is_primary=True,
                ),
            )
        out.append(
            PersonData(
                last_name=draw(_tricky),
                first_name=draw(st.one_of(st.just(""), _word)),
                salutation=draw(st.sampled_from(list(Salutation))),
                title=draw(st.sampled_from(["", "Dr.", "Prof."])),
                language=draw(st.sampled_from(["de", "fr", "it", "en"])),
                birth_date=draw(
                    st.one_of(
                        st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2020, 12, 31))
                    )
                ),
                status=draw(st.sampled_from(list(RelationStatus))),
                notes=draw(_notes),
                channels=tuple(channels),
                addresses=addresses,
            )
        )
    return out


def _fresh(
    folder: Path, name: str
) -> tuple[AddressService, ImportService, ExportService, object]:
    database = open_database(folder / f"{name}.db", backup_dir=folder / "backups")
    return (
        AddressService(database.sessions),
        ImportService(database.engine),
        ExportService(database.engine),
        database,
    )


def _content(
    exports: ExportService, folder: Path, name: str
) -> Counter[tuple[object, ...]]:
    path = folder / f"{name}.xml"
    exports.export("persons", path, fmt=ExportFormat.XML)
    rows = open_source(path).rows("persons")
    head = [str(h) for h in rows[0]]
    keep = [i for i, h in enumerate(head) if h not in ("id", "exported_at")]
    return Counter(tuple((head[i], r[i]) for i in keep if r[i] != "") for r in rows[1:])


def _assert_no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
                assert b"<f " not in archive.read(name)
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=people(),
    fmt=st.sampled_from(
        [
            ExportFormat.XLSX,
            ExportFormat.CSV_EXCEL,
            ExportFormat.CSV_RFC,
            ExportFormat.XML,
        ]
    ),
    employer=st.booleans(),
)
def test_export_then_import_gives_the_same_records(
    records: list[PersonData], fmt: ExportFormat, employer: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        addresses, imports_a, exports, db_a = _fresh(folder, "a")
        if employer:
            org, _ = addresses.create_organisation(
                OrganisationData(name="=Firma & Söhne AG")
            )
            records = [
                PersonData(
                    **{**vars(p), "employments": (EmploymentData(org.id, "+Einkauf"),)}
                )
                for p in records
            ]
        for data in records:
            addresses.create_person(data)
        suffix = {ExportFormat.XLSX: ".xlsx", ExportFormat.XML: ".xml"}.get(fmt, ".csv")
        path = folder / f"export{suffix}"
        exports.export("persons", path, fmt=fmt)
        if fmt is ExportFormat.XLSX:
            _assert_no_formulas(path)
        _, imports_b, exports_b, db_b = _fresh(folder, "b")
        preview = imports_b.preview(path, "persons")
        plan = ImportPlan(
            path,
            "persons",
            preview.mapping,
            sheet=preview.sheet,
            header_row=preview.header_row,
            options=ImportOptions(key="id"),
        )
        if records:
            result = imports_b.commit(plan)
            assert result.failed == 0, result.analysis.issues
            assert result.created == len(records)
            assert _content(exports_b, folder, "b") == _content(exports, folder, "a")
            # and the same file re-imported where it came from changes nothing
            again = imports_a.dry_run(plan)
            assert set(again.actions) == {RowAction.UNCHANGED}, again.issues
        db_a.close(backup=False)  # type: ignore[attr-defined]
        db_b.close(backup=False)  # type: ignore[attr-defined]


@pytest.mark.parametrize("version", [ExportFormat.VCARD3, ExportFormat.VCARD4])
def test_vcard_export_reimports_names_channels_and_addresses(
    tmp_path: Path, version: ExportFormat
) -> None:
    addresses, _, exports, _db = _fresh(tmp_path, "a")
    org, _ = addresses.create_organisation(OrganisationData(name="Kälin; AG"))
    addresses.create_person(
        PersonData(
            last_name="Müller",
            first_name="Anna",
            salutation=Salutation.MS,
            birth_date=dt.date(1980, 5, 17),
            channels=(
                ChannelData(ChannelKind.EMAIL, "anna@kaelin.ch"),
                ChannelData(ChannelKind.MOBILE, "079 555 44 33"),
            ),
            addresses=(
                AddressData(
                    street="Bahnhofstrasse",
                    house_number="12",
                    postcode="8001",
                    city="Zürich",
                ),
            ),
            employments=(EmploymentData(org.id, "Einkauf"),),
        )
    )
    path = tmp_path / "p.vcf"
    exports.export("persons", path, fmt=version)
    other, imports_b, _, _db_b = _fresh(tmp_path, "b")
    preview = imports_b.preview(path, "persons")
    result = imports_b.commit(
        ImportPlan(
            path,
            "persons",
            preview.mapping,
            sheet=preview.sheet,
            header_row=preview.header_row,
            options=ImportOptions(key="id"),
        )
    )
    assert result.created == 1, result.analysis.issues
    person = other.get_person(next(w.id for w in result.written if w.table == "person"))
    assert (person.first_name, person.last_name, person.salutation) == (
        "Anna",
        "Müller",
        Salutation.MS,
    )
    assert person.birth_date == dt.date(1980, 5, 17)
    assert {c.value for c in person.channels} == {"anna@kaelin.ch", "+41795554433"}
    assert (person.addresses[0].street, person.addresses[0].house_number) == (
        "Bahnhofstrasse",
        "12",
    )
    assert person.employments[0].organisation_name == "Kälin; AG"


_digits = st.text(alphabet="0123456789", min_size=6, max_size=13)


@settings(max_examples=400, deadline=None)
@given(
    number=st.one_of(
        _digits.map(lambda d: "0" + d),
        _digits.map(lambda d: "+41" + d),
        _digits.map(lambda d: "0049 " + d),
        _digits.map(lambda d: "+43 " + d),
        _digits.map(lambda d: "+423" + d),
        st.sampled_from(PHONES),
        st.text(alphabet="0123456789 +-/().", max_size=16),
    ),
    region=st.sampled_from(["CH", "DE", "AT", "LI", "FR"]),
)
def test_fast_phone_agrees_with_the_validator(number: str, region: str) -> None:
    assert_fast_phone_agrees(number, region)


@pytest.mark.parametrize(
    "fmt", [ExportFormat.XLSX, ExportFormat.CSV_EXCEL, ExportFormat.XML]
)
def test_organisations_round_trip(tmp_path: Path, fmt: ExportFormat) -> None:
    addresses, _, exports, _db = _fresh(tmp_path, "a")
    industry, _ = addresses.create_industry("Bau")
    addresses.create_organisation(
        OrganisationData(
            name="=Kälin & Söhne AG",
            customer_number="K-000123",
            uid="CHE-116.281.710",
            industry_id=industry.id,
            legal_form="AG",
            status=RelationStatus.CUSTOMER,
            channels=(
                ChannelData(ChannelKind.EMAIL, "info@kaelin.ch"),
                ChannelData(ChannelKind.WEB, "www.kaelin.ch"),
            ),
            addresses=(
                AddressData(
                    street="Industriestrasse",
                    house_number="7",
                    postcode="6300",
                    city="Zug",
                    region="ZG",
                ),
            ),
        )
    )
    suffix = {ExportFormat.XLSX: ".xlsx", ExportFormat.XML: ".xml"}.get(fmt, ".csv")
    path = tmp_path / f"orgs{suffix}"
    exports.export("organisations", path, fmt=fmt)
    other, imports_b, _, _db_b = _fresh(tmp_path, "b")
    preview = imports_b.preview(path, "organisations")
    plan = ImportPlan(
        path,
        "organisations",
        preview.mapping,
        sheet=preview.sheet,
        header_row=preview.header_row,
    )
    result = imports_b.commit(plan)
    assert result.created == 1, result.analysis.issues
    org = other.get_organisation(
        next(w.id for w in result.written if w.table == "organisation")
    )
    assert (org.name, org.customer_number, org.uid, org.legal_form) == (
        "=Kälin & Söhne AG",
        "K-000123",
        "CHE-116.281.710",
        "AG",
    )
    assert org.industry_name == "Bau"
    assert org.status is RelationStatus.CUSTOMER
    assert {c.value for c in org.channels} == {
        "info@kaelin.ch",
        "https://www.kaelin.ch",
    }
    assert (org.addresses[0].city, org.addresses[0].region) == ("Zug", "ZG")
    again = imports_b.dry_run(plan)
    assert again.actions == (RowAction.UNCHANGED,)
