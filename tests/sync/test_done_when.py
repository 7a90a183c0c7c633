"""Issue 6 "Done when", end to end: a server set up with the README's commands,
two laptops with the full main window, offline edits on both, a merged record
and a real conflict resolved in one inbox and reaching the other laptop
(``bench/sync_demo.py``; its screenshots are the test's artefacts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import sync_demo
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, pytest.mark.slow, OFFSCREEN_NOISE]


def test_two_laptops_merge_and_resolve_a_real_conflict(
    qapp: object, tmp_path: Path
) -> None:
    result = sync_demo.run(tmp_path / "shots", language="de")
    assert result["conflicts_on_second_push"] == 1
    assert result["merged"] == {  # disjoint fields of both laptops kept
        "customer_number": "K-1001",
        "legal_form": "GmbH",
        "notes": "Rückruf Montag",
    }
    assert result["inbox"] == {
        "theirs": "Rückruf Montag",
        "mine": "Offerte bis Freitag",
        "original": "(leer)",
    }
    assert result["after"] == {
        "anna": "Offerte bis Freitag",
        "beat": "Offerte bis Freitag",
    }
    assert result["open_conflicts"] == {"anna": 0, "beat": 0}
    assert result["organisations"] == {"anna": 1, "beat": 1}
    for shot in result["screenshots"]:
        assert Path(shot).stat().st_size > 10_000
