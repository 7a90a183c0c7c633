"""``relata sync`` for scripts: credentials from the environment, one cycle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.cli import main
from tests.helpers.sync_env import PASSWORD, ThreadServer


def test_relata_sync_signs_in_from_env_and_syncs(
    tmp_path: Path,
    server: tuple[Engine, ThreadServer],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("RELATA_SYNC_USER", "anna")
    monkeypatch.setenv("RELATA_SYNC_PASSWORD", PASSWORD)
    db = tmp_path / "cli" / "relata.db"
    assert main(["sync", "--db", str(db), "--server", server[1].url]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["pending"] == 0
    assert out["received"] >= 1


def test_relata_sync_with_a_wrong_password_fails_cleanly(
    tmp_path: Path,
    server: tuple[Engine, ThreadServer],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("RELATA_SYNC_USER", "anna")
    monkeypatch.setenv("RELATA_SYNC_PASSWORD", "not the password")
    db = tmp_path / "cli" / "relata.db"
    assert main(["sync", "--db", str(db), "--server", server[1].url]) == 2
    assert "wrong password" in capsys.readouterr().err
