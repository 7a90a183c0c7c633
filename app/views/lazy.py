"""Load a page's data when it is first shown, not when it is built.

The main window builds every area soon after start (so their menus and
shortcuts exist); on a database with a million records some pages need a
second to read what they show. They build their widgets at once and read
their data the first time the user looks at them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _FirstShow(QObject):
    def __init__(self, widget: QWidget, load: Callable[[], None]) -> None:
        super().__init__(widget)
        self._load: Callable[[], None] | None = load
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._load is not None:
            load, self._load = self._load, None
            watched.removeEventFilter(self)
            load()
        return False


def when_shown(widget: QWidget, load: Callable[[], None]) -> None:
    """Call ``load`` now if ``widget`` is on screen, else when it is first shown."""
    if widget.isVisible():
        load()
    else:
        _FirstShow(widget, load)
