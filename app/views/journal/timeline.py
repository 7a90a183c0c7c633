"""The timeline widget: one record's history, filterable and searchable.

Hosted by the address book (persons, organisations) and the case view. Reads
nothing while hidden: a new target is remembered and loaded when the widget
is shown. The list is a :class:`TimelineModel` (windowed) in a one-column
``QTableView`` with fixed row heights, painted by :class:`TimelineDelegate`: a
``QListView`` asked the model about every row when laid out (20,000 calls for
10,000 events, 60 ms), a table with a fixed-size header asks about none.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.journal import (
    EntryKind,
    TaskStatus,
    TimelineFilter,
    TimelineItem,
    TimelineSource,
)
from app.services.timeline import TimelineService, TimelineTarget
from app.views.empty_state import EmptyState
from app.views.journal.labels import (
    badge_colors,
    local_datetime,
    source_text,
    subtype_text,
)
from app.views.tablemodels.journal import TimelineModel

ROW_HEIGHT = 58


def _t(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


class TimelineDelegate(QStyledItemDelegate):
    """Paints an event: type badge, title, date on the right, who and text below.

    Badges share one width (the widest text they can hold), so titles line up.
    """

    def __init__(self, sources: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sources = sources
        self._badge_width: tuple[str, int] | None = None  # (font key, width)

    def sizeHint(
        self,
        _option: QStyleOptionViewItem,
        _index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        return QSize(1, ROW_HEIGHT)  # as wide as the view: no sideways scrolling

    def badge_width(self, metrics: QFontMetrics, font_key: str) -> int:
        """Width of the widest badge text in the current language and font."""
        if self._badge_width is None or self._badge_width[0] != font_key:
            texts = [subtype_text(TimelineSource.JOURNAL, k) for k in EntryKind]
            texts += [subtype_text(TimelineSource.TASK, s) for s in TaskStatus]
            texts += [subtype_text(s, "") for s in self._sources]
            widest = max(metrics.horizontalAdvance(t) for t in texts)
            self._badge_width = (font_key, max(64, widest + 18))
        return self._badge_width[1]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        item = model.item(index.row()) if isinstance(model, TimelineModel) else None
        if item is None:
            return
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(
            rect,
            QColor("#ddf4ff")
            if selected
            else option.palette.color(QPalette.ColorRole.Base),
        )
        painter.setPen(QColor("#eaeef2"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        base = QFont(option.font)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        bold = QFont(base)
        bold.setBold(True)
        x = rect.left() + 12
        top = rect.top() + 8
        # badge
        badge = subtype_text(item.source, item.subtype)
        fm_small = QFontMetrics(small)
        bw = self.badge_width(fm_small, small.key())
        bg, fg = badge_colors(item.source, item.subtype)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bg))
        badge_rect = QRect(x, top, bw, 20)
        painter.drawRoundedRect(badge_rect, 10, 10)
        painter.setFont(small)
        painter.setPen(QColor(fg))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        # date on the right
        when = local_datetime(item.at)
        date_w = fm_small.horizontalAdvance(when) + 4
        painter.setPen(QColor("#57606a"))
        painter.drawText(
            QRect(rect.right() - date_w - 12, top, date_w, 20),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            when,
        )
        # title
        tx = x + bw + 10
        title_w = max(10, rect.right() - date_w - 24 - tx)
        painter.setFont(bold)
        painter.setPen(QColor("#1f2328"))
        title = QFontMetrics(bold).elidedText(
            item.title, Qt.TextElideMode.ElideRight, title_w
        )
        painter.drawText(
            QRect(tx, top, title_w, 20), Qt.AlignmentFlag.AlignVCenter, title
        )
        # second line: who · text
        line2 = " — ".join(p for p in (item.meta, item.summary) if p)
        painter.setFont(small)
        painter.setPen(QColor("#57606a"))
        width = rect.right() - 12 - tx
        painter.drawText(
            QRect(tx, top + 24, width, 18),
            Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(line2, Qt.TextElideMode.ElideRight, width),
        )
        painter.restore()


class TimelineWidget(QWidget):
    """History of a person, organisation, opportunity or case.

    Signals:
        sig_item_activated(str, str): an event was opened (source, id).
        sig_log_requested(): "Log entry" was clicked (for the shown record).
        sig_task_requested(): "New task" was clicked.
    """

    sig_item_activated = Signal(str, str)
    sig_log_requested = Signal()
    sig_task_requested = Signal()

    def __init__(self, service: TimelineService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self._service = service
        self._stale = True
        self.model = TimelineModel(service, self)
        self.sources = ["", *service.sources()]  # "" = all
        self.filter_tabs = QTabBar()
        self.filter_tabs.setObjectName("kindTabs")
        self.filter_tabs.setDrawBase(False)
        for _ in self.sources:
            self.filter_tabs.addTab("")
        # a bound method, not a lambda: tab bars emit while being destroyed
        self.filter_tabs.currentChanged.connect(self._on_filter_tabs_changed)
        self.search = QLineEdit()
        self.search.setObjectName("timelineSearch")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.log_button = QPushButton()
        self.log_button.setObjectName("primaryButton")
        self.log_button.clicked.connect(self.sig_log_requested)
        self.task_button = QPushButton()
        self.task_button.clicked.connect(self.sig_task_requested)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.view = QTableView()
        self.view.setObjectName("timelineList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(service.sources(), self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setShowGrid(False)
        self.view.horizontalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setWordWrap(False)
        self.view.activated.connect(self._on_view_activated)
        self.empty = EmptyState(self.view, margin=16)
        top = QHBoxLayout()
        top.addWidget(self.filter_tabs)
        top.addWidget(self.search, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.task_button)
        actions.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        for button in (self.log_button, self.task_button):
            button.setEnabled(False)  # until there is a record
        self.retranslate_ui()

    # ---- public API

    def retranslate_ui(self) -> None:
        """Texts in the current language."""
        for i, source in enumerate(self.sources):
            self.filter_tabs.setTabText(i, source_text(source) if source else _t("All"))
        self.search.setPlaceholderText(_t("Search the history …"))
        self.log_button.setText(_t("Log entry …"))
        self.log_button.setToolTip(_t("Log a call, meeting or note (Ctrl+J)"))
        self.task_button.setText(_t("New task …"))
        self._update_labels()

    @property
    def target(self) -> TimelineTarget | None:
        """The record whose history is shown."""
        return self.model.target

    def set_target(self, target: TimelineTarget | None) -> None:
        """Show the history of ``target`` (read when visible)."""
        if target == self.model.target and not self._stale:
            return
        self.model.target = target
        shown = set(self._service.sources_for(target)) if target else set(self.sources)
        for i, source in enumerate(self.sources):
            self.filter_tabs.setTabVisible(i, not source or source in shown)
        if not self.filter_tabs.isTabVisible(self.filter_tabs.currentIndex()):
            self.filter_tabs.setCurrentIndex(0)
        self.log_button.setEnabled(target is not None)
        self.task_button.setEnabled(target is not None)
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the history again (filter, search or data changed)."""
        index = max(0, self.filter_tabs.currentIndex())
        source = self.sources[index] if index < len(self.sources) else ""
        self.model.filter = TimelineFilter(
            sources=frozenset({source}) if source else frozenset(),
            search=self.search.text().strip(),
        )
        self.model.refresh()
        self._stale = False
        self._update_labels()

    def mark_stale(self) -> None:
        """The data changed: reload now if shown, else when shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def item_at(self, row: int) -> TimelineItem | None:
        """The event in ``row``."""
        return self.model.item(row)

    # ---- internals

    def _update_labels(self) -> None:
        total = self.model.total
        self.count_label.setText(
            self.tr("%Ln event(s)", "", total) if self.model.target else ""
        )
        if total:
            self.empty.hide()
            return
        if self.model.target is None:
            text = _t("Save the record to start its history.")
        elif self.model.filter.search or self.model.filter.sources:
            text = _t("Nothing matches. Clear the search or choose “All”.")
        else:
            text = _t(
                "No history yet.\nLog a call, meeting or note with “Log entry” (Ctrl+J)."
            )
        self.empty.show_text(text)

    def _on_search_text_changed(self, _text: str) -> None:
        # a bound method: a line edit with a clear button emits while destroyed
        self._search_timer.start()

    def _on_filter_tabs_changed(self, _index: int) -> None:
        self.reload()

    def _on_view_activated(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None:
            self.sig_item_activated.emit(item.source, item.id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        self._update_labels()
