"""The shared questions: buttons, defaults and what each answer means."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.views.prompts import Unsaved, ask_unsaved, confirm

Button = QMessageBox.StandardButton


def _answering(
    monkeypatch: pytest.MonkeyPatch, answer: Button
) -> list[tuple[object, ...]]:
    asked: list[tuple[object, ...]] = []

    def question(*args: object) -> Button:
        asked.append(args)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(Button.Yes, True), (Button.No, False), (Button.Escape, False)],
)
def test_confirm_is_yes_or_no_with_no_as_default(
    monkeypatch: pytest.MonkeyPatch, answer: Button, expected: bool
) -> None:
    asked = _answering(monkeypatch, answer)
    assert confirm(None, "Delete tag", "Remove the tag “VIP”?") is expected
    (_parent, title, text, buttons, default) = asked[0]
    assert (title, text) == ("Delete tag", "Remove the tag “VIP”?")
    assert buttons == Button.Yes | Button.No
    assert default == Button.No  # Enter on a delete question does not delete


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Button.Save, Unsaved.SAVE),
        (Button.Discard, Unsaved.DISCARD),
        (Button.Cancel, Unsaved.CANCEL),
        (Button.Escape, Unsaved.CANCEL),
    ],
)
def test_ask_unsaved_maps_every_answer(
    monkeypatch: pytest.MonkeyPatch, answer: Button, expected: Unsaved
) -> None:
    asked = _answering(monkeypatch, answer)
    assert ask_unsaved(None, "Unsaved changes", "Save the changes?") is expected
    (_parent, _title, _text, buttons, default) = asked[0]
    assert buttons == Button.Save | Button.Discard | Button.Cancel
    assert default == Button.Save
