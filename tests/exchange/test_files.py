"""Reading and writing files: xlsx from openpyxl/XlsxWriter, CSV encodings and
separators, XML port, vCard, the streaming xlsx writer, and the hostile set."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine

from app.exchange.csv_io import detect_encoding, neutralise, sniff_delimiter, write_csv
from app.exchange.errors import ExchangeError
from app.exchange.limits import Limits
from app.exchange.source import open_source
from app.exchange.vcard import open_vcard, write_vcards
from app.exchange.xlsx_writer import (
    ColumnKind,
    XlsxColumn,
    XlsxSheet,
    column_letter,
    write_xlsx,
)
from app.exchange.xml_port import write_xml
from tests.exchange import files


@pytest.mark.parametrize("writer", [files.write_openpyxl, files.write_xlsxwriter])
def test_xlsx_from_openpyxl_and_xlsxwriter(tmp_path: Path, writer: object) -> None:
    path = writer(tmp_path / "kontakte.xlsx")  # type: ignore[operator]
    source = open_source(path)
    rows = source.rows()
    assert [str(c) for c in rows[0]] == files.HEADER
    assert rows[1][2] == "Müller"
    assert rows[1][10] == dt.date(1980, 5, 17)  # typed date: calamine gives a date
    assert len(rows) == 4


def test_multi_sheet_workbook_lists_sheets_and_reads_the_chosen_one(
    tmp_path: Path,
) -> None:
    path = files.write_openpyxl(tmp_path / "a.xlsx")
    source = open_source(path)
    assert source.sheet_names == ["Kontakte", "Leer"]
    assert source.rows("Leer") == []
    with pytest.raises(ExchangeError) as info:
        source.rows("Nope")
    assert info.value.code == "sheet.missing"
    assert "Kontakte" in info.value.message


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]
)
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_in_each_encoding_and_separator(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = files.write_csv(tmp_path / "k.csv", encoding=encoding, delimiter=delimiter)
    source = open_source(path)
    rows = source.rows()
    assert source.delimiter == delimiter
    assert rows[1][2] == "Müller"
    assert rows[3][1] == "Chloé"
    assert rows[3][8] == "12, rue du Rhône"
    assert len(rows) == 4


def test_encoding_detection_rules() -> None:
    assert detect_encoding(b"\xef\xbb\xbfa;b") == "utf-8-sig"
    assert detect_encoding("a;b".encode("utf-16")) == "utf-16"
    assert detect_encoding("Müller".encode("utf-16-le")) == "utf-16-le"
    assert detect_encoding("Müller".encode()) == "utf-8"
    assert detect_encoding("Müller;Zürich".encode("cp1252")) == "cp1252"
    assert sniff_delimiter("a,b;c\n1,2;3\n") in {",", ";"}
    assert sniff_delimiter('Name;Ort\n"Muster, Hans";Bern\n') == ";"


def test_csv_writer_excel_dialect_has_bom_semicolons_and_neutralised_formulas(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["Name", "Tel."], [[f, "x"] for f in files.FORMULA_STRINGS])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "Name;Tel."
    for value in files.FORMULA_STRINGS:
        assert neutralise(value).startswith("'")
    # and reading our own file removes the prefix again
    rows = open_source(path).rows()
    assert [r[0] for r in rows[1:]] == files.FORMULA_STRINGS


def test_csv_rfc4180_dialect(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["a", "b"], [["1,5", 'say "hi"']], dialect="rfc4180")
    assert path.read_bytes() == b'a,b\r\n"1,5","say ""hi"""\r\n'


def test_streaming_xlsx_writer_types_hidden_frozen_filter_and_no_formulas(
    tmp_path: Path,
) -> None:
    path = tmp_path / "w.xlsx"
    columns = [
        XlsxColumn("Relata ID", hidden=True),
        XlsxColumn("Name", width=30),
        XlsxColumn("Geburtsdatum", ColumnKind.DATE),
        XlsxColumn("Umsatz", ColumnKind.MONEY),
    ]
    rows = [
        [str(i), value, dt.date(2026, 12, 31), 1234.5]
        for i, value in enumerate(files.FORMULA_STRINGS)
    ]
    rows.append(["x", "  Leerzeichen \r\n<&>\x01", None, None])
    write_xlsx(tmp_path / "w.xlsx", [XlsxSheet("Persons", columns, rows)])
    book = openpyxl.load_workbook(path)
    ws = book["Persons"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:D{len(rows) + 1}"
    assert ws.column_dimensions["A"].hidden
    assert ws.column_dimensions["B"].width == 30
    assert ws["C2"].value == dt.datetime(2026, 12, 31)
    assert ws["C2"].number_format == "dd.mm.yyyy"
    assert ws["D2"].value == 1234.5
    assert "CHF" in ws["D2"].number_format
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    assert [ws.cell(r, 2).value for r in range(2, 8)] == files.FORMULA_STRINGS
    assert ws["B8"].value == "  Leerzeichen \r\n<&>"
    calamine = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(
        0
    )
    assert calamine.to_python()[1][1] == files.FORMULA_STRINGS[0]


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
    ]


def test_xml_port_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "p.xml"
    stamp = dt.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
    write_xml(
        path,
        {
            "persons": (
                ["last_name", "birth_date", "notes"],
                [["Müller <&>", dt.date(1980, 1, 2), "a\nb"]],
            )
        },
        exported_at=stamp,
    )
    rows = open_source(path).rows("persons")
    assert rows[0] == ["last_name", "birth_date", "notes", "exported_at"]
    assert rows[1] == [
        "Müller <&>",
        "1980-01-02",
        "a\nb",
        "2026-01-02T03:04:05.000006Z",
    ]


def test_vcard_3_and_4_round_trip(tmp_path: Path) -> None:
    card = {
        "id": "0190b7c2-8f1e-7a2b-9c3d-1234567890ab",
        "salutation": "ms",
        "first_name": "Anna",
        "last_name": "Müller; Meier",
        "organisation": "Bäckerei, Kälin AG",
        "role": "Einkauf",
        "email": "anna@kaelin.ch",
        "phone": "+41441234567",
        "mobile": "+41795554433",
        "street": "Bahnhofstrasse",
        "house_number": "12",
        "postcode": "8001",
        "city": "Zürich",
        "country": "CH",
        "birth_date": dt.date(1980, 5, 17),
        "notes": "Zeile 1\nZeile 2 " + "lang " * 30,
    }
    for version in ("3.0", "4.0"):
        path = tmp_path / f"v{version}.vcf"
        write_vcards(path, [card], version=version)
        text = path.read_bytes().decode()
        assert f"VERSION:{version}" in text
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
        rows = open_vcard(path, Limits()).rows()
        got = dict(zip([str(c) for c in rows[0]], rows[1], strict=True))
        assert got["last_name"] == "Müller; Meier"
        assert got["organisation"] == "Bäckerei, Kälin AG"
        assert got["mobile"] == "+41795554433"
        assert got["phone"] == "+41441234567"
        assert got["street_and_number"] == "Bahnhofstrasse 12"
        assert got["birth_date"] == "1980-05-17"
        assert got["notes"] == str(card["notes"]).strip()
        assert got["id"] == card["id"]
        assert got["salutation"] == "ms"


# ---- hostile set: every file is refused with a clear code before parsing


def _refused(path: Path, code: str, **kwargs: object) -> ExchangeError:
    with pytest.raises(ExchangeError) as info:
        open_source(path, **kwargs).rows()  # type: ignore[arg-type]
    assert info.value.code == code, info.value.message
    assert path.name in info.value.message or info.value.value
    return info.value


def test_zip_bomb_refused_from_declared_size(tmp_path: Path) -> None:
    error = _refused(files.write_zip_bomb(tmp_path / "bomb.xlsx"), "zip.bomb")
    assert "zip bomb" in error.message


def test_high_ratio_member_refused(tmp_path: Path) -> None:
    _refused(files.write_ratio_bomb(tmp_path / "ratio.xlsx"), "zip.bomb")


def test_truncated_zip_refused(tmp_path: Path) -> None:
    _refused(files.write_truncated(tmp_path / "cut.xlsx"), "zip.corrupt")


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.csv", "empty.xml", "empty.vcf"])
def test_empty_file_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    _refused(path, "file.empty")


def test_blank_csv_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\r\n \r\n")
    _refused(path, "file.empty")


def test_too_big_file_refused(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "k.csv", encoding="utf-8")
    _refused(path, "file.too_big", limits=Limits(max_file_bytes=100))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_2000_columns_refused(tmp_path: Path, suffix: str) -> None:
    if suffix == ".xlsx":
        path = files.write_wide(tmp_path / "wide.xlsx")
    else:
        path = tmp_path / "wide.csv"
        path.write_text(";".join(f"c{i}" for i in range(2000)) + "\n")
    error = _refused(path, "sheet.too_many_columns")
    assert "2,000" in error.message


def test_too_many_rows_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("a\n" * 50)
    _refused(path, "sheet.too_many_rows", limits=Limits(max_rows=20))


@pytest.mark.parametrize("payload", [files.XXE, files.BILLION_LAUGHS])
def test_xxe_and_billion_laughs_refused(tmp_path: Path, payload: str) -> None:
    path = tmp_path / "evil.xml"
    path.write_text(payload)
    _refused(path, "xml.forbidden")


def test_foreign_xml_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<html><body/></html>")
    _refused(path, "xml.invalid")


def test_not_a_workbook_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("this is not a zip file")
    _refused(path, "zip.corrupt")


def test_unsupported_extension_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF")
    _refused(path, "file.unsupported")


def test_zip_without_a_workbook_falls_back_and_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    _refused(path, "xlsx.corrupt")


def test_broken_vcard_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Muster;Hans\r\n")
    _refused(path, "vcard.invalid")


def test_shipped_xsd_matches_the_registry_and_declares_every_exported_element(
    tmp_path: Path,
) -> None:
    from xml.etree import ElementTree

    from app.exchange.xml_port import schema_text
    from app.views.i18n import resources_dir

    xsd = resources_dir() / "schema" / "relata.xsd"
    assert xsd.read_text() == schema_text(), "regenerate resources/schema/relata.xsd"
    declared = {
        e.get("name")
        for e in ElementTree.parse(xsd).iter(
            "{http://www.w3.org/2001/XMLSchema}element"
        )
    }
    path = tmp_path / "p.xml"
    keys = ["id", "exported_at", "last_name", "birth_date", "email"]
    write_xml(
        path,
        {"persons": (keys, [["x", "y", "z", dt.date(2020, 1, 1), "a@b.ch"]])},
        exported_at=dt.datetime.now(dt.UTC),
    )
    used = {el.tag.rsplit("}", 1)[-1] for el in ElementTree.parse(path).iter()}
    assert used <= declared
