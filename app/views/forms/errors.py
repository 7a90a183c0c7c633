"""Inline error display: a red message under the field, the field outlined."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_PROPERTY = "fieldError"


class ErrorLabel(QLabel):
    """A small red message shown under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldErrorLabel")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        """Show ``text`` (empty hides the label)."""
        self.setText(text)
        self.setVisible(bool(text))


def mark(widget: QWidget, error: bool) -> None:
    """Outline ``widget`` in red (via the stylesheet's ``[fieldError="true"]``)."""
    widget.setProperty(ERROR_PROPERTY, error)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
