"""The hint a list shows while it has no rows ("No persons yet. Click …").

One widget for every list: a label over the view's viewport that follows the
viewport's size (window resized, splitter moved) and says what to do next.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyState(QLabel):
    """A centred, wrapped hint over ``view`` while it is empty.

    Call :meth:`show_text` with the hint whenever the list changes, or with
    ``None`` when it has rows.
    """

    def __init__(self, view: QAbstractItemView, *, margin: int = 24) -> None:
        viewport = view.viewport()
        super().__init__(viewport)
        self.setObjectName("emptyState")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)  # long hints must not widen the list
        self._margin = margin
        viewport.installEventFilter(self)
        self.hide()

    def show_text(self, text: str | None) -> None:
        """Show ``text`` over the list; ``None`` or ``""`` hides the hint."""
        if not text:
            self.hide()
            return
        self.setText(text)
        self._fit()
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.parentWidget()
            and event.type() == QEvent.Type.Resize
            and not self.isHidden()  # shown, even while the page is not yet
        ):
            self._fit()
        return False

    def _fit(self) -> None:
        viewport = self.parentWidget()
        if viewport is not None:
            m = self._margin
            self.setGeometry(viewport.rect().adjusted(m, m, -m, -m))
