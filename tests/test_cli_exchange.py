"""``relata import`` / ``relata export``: JSON summaries, exit codes, filters, templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.database import open_database
from app.services.container import build_services
from tests.exchange import files
from tests.services.exchange_support import snapshot


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_dry_run_then_commit_then_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.db"
    path = files.write_csv(tmp_path / "k.csv", encoding="cp1252")
    code, out, _ = _run(
        capsys, "import", str(path), "--db", str(db), "--dry-run", "--json"
    )
    assert code == 0
    summary = json.loads(out)
    assert summary["dry_run"] is True
    assert (summary["rows"], summary["create"], summary["error"]) == (3, 3, 0)
    assert summary["mapping"]["Nachname"] == "last_name"
    code, out, _ = _run(capsys, "import", str(path), "--db", str(db), "--json")
    assert code == 0
    assert json.loads(out)["create"] == 3
    code, out, _ = _run(capsys, "import", str(path), "--db", str(db), "--json")
    assert json.loads(out)["unchanged"] == 3  # matched by e-mail
    out_file = tmp_path / "kunden.xlsx"
    code, out, _ = _run(
        capsys,
        "export",
        "--db",
        str(db),
        "--filter",
        "status=customer",
        "--out",
        str(out_file),
        "--json",
    )
    assert code == 0
    assert json.loads(out)["rows"] == 1
    code, out, _ = _run(
        capsys, "export", "--db", str(db), "--out", str(tmp_path / "alle.vcf")
    )
    assert code == 0
    assert out.startswith("3 persons exported")
    assert (tmp_path / "alle.vcf").read_text().count("BEGIN:VCARD") == 3


def test_row_errors_exit_1_and_write_the_error_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["Nachname", "E-Mail"],
        [["Gut", "g@example.ch"], ["", "kaputt"]],
    )
    errors = tmp_path / "fehler.xlsx"
    code, out, err = _run(
        capsys,
        "import",
        str(path),
        "--db",
        str(tmp_path / "a.db"),
        "--errors",
        str(errors),
    )
    assert code == 1
    assert "1 new" in out
    assert "1 with errors" in out
    assert "row 3" in err
    assert errors.exists()


def test_refused_file_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    database = open_database(db, backup_dir=tmp_path / "b")
    before = snapshot(database.engine)
    database.close(backup=False)
    bomb = files.write_zip_bomb(tmp_path / "bomb.xlsx")
    code, _, err = _run(capsys, "import", str(bomb), "--db", str(db))
    assert code == 2
    assert "zip bomb" in err
    database = open_database(db, backup_dir=tmp_path / "b")
    assert snapshot(database.engine) == before
    database.close(backup=False)


def test_mapping_template_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    path = files.write_openpyxl(
        tmp_path / "k.xlsx",
        ["Kontakt 1", "Mail privat"],
        [["Hans Muster", "h@example.ch"]],
    )
    database = open_database(db, backup_dir=tmp_path / "b")
    services = build_services(database)
    preview = services.imports.preview(path, "persons")
    services.imports.save_template(
        "persons",
        "Messe",
        headers=preview.headers,
        mapping={0: "full_name", 1: "email"},
    )
    database.close(backup=False)
    code, out, _ = _run(
        capsys, "import", str(path), "--db", str(db), "--mapping", "Messe", "--json"
    )
    assert code == 0
    assert json.loads(out)["create"] == 1
    code, _, err = _run(
        capsys, "import", str(path), "--db", str(db), "--mapping", "Fehlt"
    )
    assert code == 2
    assert "Fehlt" in err


def test_bad_export_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys,
        "export",
        "--db",
        str(tmp_path / "a.db"),
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2
    code, _, err = _run(
        capsys,
        "export",
        "--db",
        str(tmp_path / "a.db"),
        "--filter",
        "farbe=rot",
        "--out",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 2
    assert "farbe" in err


def test_import_several_sheets_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.services.test_import_sheets import _workbook

    db = tmp_path / "cli.db"
    path = _workbook(
        tmp_path / "crm.xlsx",
        contacts=[
            ["Muster", "Hans", "K-100", "hans@alpha.ch", "Einkauf"],
            ["Keller", "Urs", "K-777", "urs@gamma.ch", ""],
        ],
        deals=[
            ["C-1", "Rahmenvertrag", "K-100", "hans@alpha.ch", "Angebot", 5, "", ""]
        ],
    )
    sheets = "Firmen=organisations, Kontakte=persons, Chancen=opportunities"
    args = ("import", str(path), "--db", str(db), "--sheets", sheets, "--json")
    code, out, _ = _run(capsys, *args, "--dry-run")
    assert code == 1  # Keller's firm K-777 is in neither the workbook nor the db
    summary = json.loads(out)
    assert summary["per_sheet"]["Kontakte"]["error"] == 1
    assert summary["issues"][0] | {"message": ""} == {
        "sheet": "Kontakte",
        "row": 3,
        "column": "Firma",
        "field": "organisation",
        "code": "organisation.unknown",
        "message": "",
        "value": "K-777",
        "warning": False,
    }
    errors = tmp_path / "fehler.xlsx"
    code, out, _ = _run(capsys, *args, "--errors", str(errors))
    assert code == 1
    summary = json.loads(out)
    assert (summary["create"], summary["error"]) == (4, 1)
    assert errors.exists()
    code, out, _ = _run(capsys, *args)
    assert json.loads(out)["unchanged"] == 4
    database = open_database(db, backup_dir=tmp_path / "b")
    try:
        runs = build_services(database).imports.runs()
    finally:
        database.close(backup=False)
    assert runs[-1].entity == "organisations+persons+opportunities"
    code, _, err = _run(
        capsys, "import", str(path), "--db", str(db), "--sheets", "Firmen=firms"
    )
    assert code == 2
    assert "SHEET=ENTITY" in err
