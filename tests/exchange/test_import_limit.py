"""The import size limit comes from the settings (``import_max_mb``, default 200),
IT can lock it by policy, and a file over it is refused with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.config import load_settings
from app.db.database import Database
from app.exchange.errors import ExchangeError
from app.services.imports import ImportService
from tests.exchange import files
from tests.services.exchange_support import plan_for, snapshot


def _big_csv(path: Path, megabytes: float) -> Path:
    """A valid persons CSV of about ``megabytes``."""
    line = "Muster;Hans;hans.muster{}@example.ch;Bahnhofstrasse 1;8001;Zürich\n"
    rows = int(megabytes * 1024 * 1024 / len(line)) + 1
    with path.open("w", encoding="utf-8") as out:
        out.write("Nachname;Vorname;E-Mail;Strasse;PLZ;Ort\n")
        for i in range(rows):
            out.write(line.format(i))
    return path


def test_default_is_200_mb_and_policy_locks_a_lower_limit(tmp_path: Path) -> None:
    user = tmp_path / "settings.json"
    assert (
        load_settings(policy_paths=[], user_path=user, environ={}).import_max_mb == 200
    )
    user.write_text('{"import_max_mb": 50}', "utf-8")
    policy = tmp_path / "policy.json"
    policy.write_text('{"import_max_mb": 20}', "utf-8")
    settings = load_settings(policy_paths=[policy], user_path=user, environ={})
    assert settings.import_max_mb == 20
    assert "import_max_mb" in settings.locked


def test_file_over_the_configured_limit_is_refused_and_nothing_written(
    db: Database, tmp_path: Path
) -> None:
    imports = ImportService(db.engine)
    path = _big_csv(tmp_path / "gross.csv", 1.2)
    plan = plan_for(imports, path)  # fine under the default 200 MB
    imports.set_max_file_mb(1)
    before = snapshot(db.engine)
    for attempt in (
        lambda: imports.preview(path, "persons"),
        lambda: imports.dry_run(plan),
        lambda: imports.commit(plan),
    ):
        with pytest.raises(ExchangeError) as info:
            attempt()
        assert info.value.code == "file.too_big"
        assert "at most 1 MB" in str(info.value)
        assert snapshot(db.engine) == before
    imports.set_max_file_mb(2)
    assert imports.commit(plan).created > 10_000


def test_cli_takes_the_limit_from_the_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cli.db"
    path = _big_csv(tmp_path / "gross.csv", 1.2)
    monkeypatch.setenv("RELATA_IMPORT_MAX_MB", "1")
    code = main(["import", str(path), "--db", str(db), "--json"])
    err = capsys.readouterr().err
    assert code == 2
    assert "at most 1 MB can be imported" in err
    monkeypatch.setenv("RELATA_IMPORT_MAX_MB", "2")
    small = files.write_csv(tmp_path / "k.csv", encoding="utf-8")
    assert main(["import", str(small), "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["create"] == 3
