"""The two questions the views ask: "Delete …?" and "Save the changes …?".

One place for their buttons and defaults, so every page asks the same way.
Both go through ``QMessageBox.question``, which tests replace to answer.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


class Unsaved(Enum):
    """What to do with unsaved changes."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a Yes/No question (No is the default); ``True`` for Yes."""
    answer = QMessageBox.question(
        parent, title, text, Button.Yes | Button.No, Button.No
    )
    return answer == Button.Yes


def ask_unsaved(parent: QWidget | None, title: str, text: str) -> Unsaved:
    """Save, Discard or Cancel (Save is the default; Escape cancels)."""
    answer = QMessageBox.question(
        parent, title, text, Button.Save | Button.Discard | Button.Cancel, Button.Save
    )
    if answer == Button.Save:
        return Unsaved.SAVE
    if answer == Button.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
