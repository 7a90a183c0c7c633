"""Card columns: a list model of opportunity cards, its painter and the column widget.

Used by the kanban board (a column per stage) and the forecast (a column per
close month). A column is a ``QListView`` over :class:`CardListModel`; cards
are painted by :class:`CardDelegate`, so a column with hundreds of cards costs
no widgets. Dragging a card carries its id as ``application/x-relata-card``;
a drop only *asks* to move (``sig_card_dropped``): the owner writes through a
service and then re-reads the columns, so the screen never shows a move the
database refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.pipeline import Card
from app.views.pipeline.texts import date_text, money

MIME = "application/x-relata-card"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("CardColumn", text)


class CardListModel(QAbstractListModel):
    """The cards of one column; drops are reported, never applied here.

    Signals:
        sig_card_dropped(str, str): card id, this column's key.
    """

    sig_card_dropped = Signal(str, str)

    def __init__(self, key: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.key = key
        self._cards: list[Card] = []

    def set_cards(self, cards: Sequence[Card]) -> None:
        """Show ``cards`` (a reset: the column was read again)."""
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def card(self, row: int) -> Card:
        """The card in ``row``."""
        return self._cards[row]

    def row_of(self, card_id: str) -> int | None:
        """The row showing ``card_id``, if shown."""
        return next((i for i, c in enumerate(self._cards) if c.id == card_id), None)

    # ---- Qt overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{card.title}\n{card.organisation}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.title}, {card.organisation}, {money(card.amount_minor, card.currency)}"
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.UserRole:
            return card.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = [self._cards[i.row()].id for i in indexes if i.isValid()]
        mime.setData(MIME, QByteArray(",".join(ids[:1]).encode()))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self,
        data: QMimeData,
        _action: Qt.DropAction,
        _row: int,
        _column: int,
        _parent: Index,
    ) -> bool:
        return data.hasFormat(MIME)

    def dropMimeData(
        self,
        data: QMimeData,
        _action: Qt.DropAction,
        _row: int,
        _column: int,
        _parent: Index,
    ) -> bool:
        if not data.hasFormat(MIME):
            return False
        card_id = bytes(data.data(MIME).data()).decode()
        if card_id and self.row_of(card_id) is None:
            self.sig_card_dropped.emit(card_id, self.key)
        # False: the source must not remove the row itself; the owner re-reads
        return False


class CardDelegate(QStyledItemDelegate):
    """Paints a card: title, organisation, amount, close date, owner, age."""

    def __init__(
        self,
        now: Callable[[], dt.datetime],
        parent: Any = None,
        *,
        show_age: bool = True,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self.show_age = show_age
        #: Overdue close dates are marked only in open stages.
        self.open_stage = True
        self._font_cache: (
            tuple[
                str,
                tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics, QFontMetrics],
            ]
            | None
        ) = None

    def _fonts(
        self, font: QFont
    ) -> tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics, QFontMetrics]:
        """Regular, bold and small fonts with metrics, made once per base font."""
        key = font.key()
        if self._font_cache is None or self._font_cache[0] != key:
            base = QFont(font)
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
            fonts = (
                base,
                bold,
                small,
                QFontMetrics(base),
                QFontMetrics(bold),
                QFontMetrics(small),
            )
            self._font_cache = (key, fonts)
        return self._font_cache[1]

    def sizeHint(self, option: QStyleOptionViewItem, _index: Index) -> QSize:
        line = QFontMetrics(option.font).height() + 2
        return QSize(
            option.rect.width() or 200, (4 if self.show_age else 3) * line + 20
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.setPen(
            QPen(QColor("#1f6feb" if selected else "#d0d7de"), 2 if selected else 1)
        )
        painter.setBrush(QColor("#f0f7ff" if selected else "white"))
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(10, 6, -10, -6)
        base, bold, small, fm, fm_bold, fm_small = self._fonts(option.font)
        line_h = fm_bold.height() + 1
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        badge_w = 24 if card.owner_name else 0
        # 1: title, owner initials on the right
        row = QRect(inner.left(), inner.top(), inner.width(), line_h)
        painter.setFont(bold)
        painter.setPen(QColor("#1f2328"))
        title_w = inner.width() - badge_w - (4 if badge_w else 0)
        painter.drawText(
            QRect(row.left(), row.top(), title_w, line_h),
            left,
            fm_bold.elidedText(card.title, Qt.TextElideMode.ElideRight, title_w),
        )
        if card.owner_name:
            initials = "".join(p[0] for p in card.owner_name.split()[:2]).upper()
            badge = QRect(row.right() - badge_w + 1, row.top() + 1, badge_w, line_h - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#ddf4ff"))
            painter.drawRoundedRect(badge, 8, 8)
            painter.setFont(small)
            painter.setPen(QColor("#0969da"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, initials)
        # 2: organisation
        row.translate(0, line_h)
        painter.setFont(base)
        painter.setPen(QColor("#57606a"))
        painter.drawText(
            row,
            left,
            fm.elidedText(
                card.organisation or "—", Qt.TextElideMode.ElideRight, row.width()
            ),
        )
        # 3: amount left, days in stage right
        row.translate(0, line_h)
        amount = money(card.amount_minor, card.currency, whole=True)
        age = ""
        if self.show_age:
            age = _t("%1 d").replace("%1", str(card.days_in_stage(self._now())))
        age_w = fm_small.horizontalAdvance(age) + 6 if age else 0
        painter.setFont(bold)
        painter.setPen(QColor("#1f2328"))
        painter.drawText(
            QRect(row.left(), row.top(), row.width() - age_w, line_h),
            left,
            fm_bold.elidedText(
                amount, Qt.TextElideMode.ElideRight, row.width() - age_w
            ),
        )
        if age:
            painter.setFont(small)
            painter.setPen(QColor("#8c959f"))
            painter.drawText(row, right, age)
        # 4: expected close (red when overdue in an open stage)
        row.translate(0, line_h)
        overdue = (
            self.open_stage
            and card.close_date is not None
            and card.close_date < self._now().date()
        )
        label = _t("Close %1") if self.open_stage else _t("Closed %1")
        painter.setFont(small)
        painter.setPen(QColor("#cf222e" if overdue else "#57606a"))
        painter.drawText(
            row,
            left,
            fm_small.elidedText(
                label.replace("%1", date_text(card.close_date)),
                Qt.TextElideMode.ElideRight,
                row.width(),
            ),
        )
        if focused and not selected:
            painter.setPen(QPen(QColor("#1f6feb"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 5, 5)
        painter.restore()


class CardListView(QListView):
    """A column's card list: drag and drop between columns, keys to move cards.

    Signals:
        sig_move_requested(int): Ctrl+Shift+→ (+1) / Ctrl+Shift+← (-1).
        sig_neighbour_requested(int): → / ← moves the focus to the next column.
        sig_open_requested(str): Enter or double click on a card.
    """

    sig_move_requested = Signal(int)
    sig_neighbour_requested = Signal(int)
    sig_open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardList")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.doubleClicked.connect(self._on_activated)

    def current_card(self) -> Card | None:
        """The selected card, if any."""
        index = self.currentIndex()
        card = index.data(CARD_ROLE) if index.isValid() else None
        return card if isinstance(card, Card) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl_shift = (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            if mods & ctrl_shift == ctrl_shift:
                self.sig_move_requested.emit(step)
            else:
                self.sig_neighbour_requested.emit(step)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            card = self.current_card()
            if card is not None:
                self.sig_open_requested.emit(card.id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_activated(self, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if isinstance(card, Card):
            self.sig_open_requested.emit(card.id)


class CardColumn(QFrame):
    """A column: header (title, count, totals), the card list and "N more …".

    Signals:
        sig_more_requested(str): the column's key; show more cards.
    """

    sig_more_requested = Signal(str)

    def __init__(
        self,
        key: str,
        now: Callable[[], dt.datetime],
        *,
        accent: str = "#1f6feb",
        show_age: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("boardColumn")
        self.key = key
        self.model = CardListModel(key, self)
        self.title = QLabel()
        self.title.setObjectName("columnTitle")
        self.badge = QLabel()
        self.badge.setObjectName("columnBadge")
        self.total = QLabel()
        self.total.setObjectName("columnTotal")
        self.weighted = QLabel()
        self.weighted.setObjectName("columnWeighted")
        self.list = CardListView()
        self.list.setModel(self.model)
        self.delegate = CardDelegate(now, self.list, show_age=show_age)
        self.list.setItemDelegate(self.delegate)
        self.more = QPushButton()
        self.more.setObjectName("moreButton")
        self.more.setFlat(True)
        self.more.clicked.connect(lambda: self.sig_more_requested.emit(self.key))
        self.more.hide()
        self.empty = QLabel(_t("No opportunities"))
        self.empty.setObjectName("columnEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head = QWidget()
        head.setObjectName("columnHead")
        head.setStyleSheet(f"QWidget#columnHead {{ border-top: 3px solid {accent}; }}")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.badge)
        head_layout = QVBoxLayout(head)
        head_layout.setContentsMargins(10, 8, 10, 8)
        head_layout.setSpacing(2)
        head_layout.addLayout(top)
        head_layout.addWidget(self.total)
        head_layout.addWidget(self.weighted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(0)
        # the header keeps its height; the list, or the empty text when there
        # are no cards, takes the rest of the column
        head.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(head)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        self.setMinimumWidth(176)

    def show_cards(self, cards: Sequence[Card], more: int) -> None:
        """Fill the list; ``more`` matching cards are not shown."""
        current = self.list.current_card()
        self.model.set_cards(cards)
        self.empty.setVisible(not cards)
        self.list.setVisible(bool(cards))
        self.more.setVisible(more > 0)
        self.more.setText(_t("%1 more …").replace("%1", QLocale().toString(more)))
        if current is not None:
            self.select(current.id)

    def select(self, card_id: str) -> bool:
        """Select ``card_id`` if this column shows it."""
        row = self.model.row_of(card_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True
