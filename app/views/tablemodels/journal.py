"""Windowed models of the journal, task, case, article and timeline lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.journal import (
    ArticleRow,
    CaseFilter,
    CaseRow,
    JournalFilter,
    JournalRow,
    TaskBucket,
    TaskFilter,
    TaskRow,
    TimelineFilter,
    TimelineItem,
)
from app.services.cases import CaseService
from app.services.followups import TaskService
from app.services.journal import JournalService
from app.services.knowledge import KnowledgeService
from app.services.timeline import TimelineService, TimelineTarget
from app.views.journal.labels import (
    OVERDUE_COLOR,
    PRIORITY_COLORS,
    bucket_text,
    case_status_text,
    category_text,
    due_text,
    entry_kind_text,
    local_datetime,
    priority_text,
    task_status_text,
)
from app.views.tablemodels.windowed import Column, WindowedTableModel

Index = QModelIndex | QPersistentModelIndex
Clock = Callable[[], dt.datetime]


def _t(text: str) -> str:
    return QCoreApplication.translate("JournalColumns", text)


JOURNAL_COLUMNS = (
    Column(
        "when", lambda: _t("Date"), lambda r: local_datetime(r.occurred_at), width=130
    ),
    Column("kind", lambda: _t("Type"), lambda r: entry_kind_text(r.kind), width=90),
    Column("subject", lambda: _t("Subject"), lambda r: r.subject, width=260),
    Column("related", lambda: _t("With"), lambda r: r.related, width=240),
    Column("owner", lambda: _t("By"), lambda r: r.owner_name, width=130),
    Column("summary", lambda: _t("Text"), lambda r: r.summary, width=300),
)

TASK_COLUMNS = (
    Column(
        "due", lambda: _t("Due"), lambda r: due_text(r.due_at, r.all_day), width=130
    ),
    Column("title", lambda: _t("Task"), lambda r: r.title, width=280),
    Column("related", lambda: _t("For"), lambda r: r.related, width=230),
    Column(
        "priority",
        lambda: _t("Priority"),
        lambda r: priority_text(r.priority),
        width=90,
    ),
    Column("bucket", lambda: _t("When"), lambda r: bucket_text(r.bucket), width=110),
    Column(
        "status", lambda: _t("Status"), lambda r: task_status_text(r.status), width=100
    ),
    Column("owner", lambda: _t("Owner"), lambda r: r.owner_name, width=130),
)

CASE_COLUMNS = (
    Column("number", lambda: _t("Number"), lambda r: r.number, width=110),
    Column("title", lambda: _t("Subject"), lambda r: r.title, width=210),
    Column(
        "status", lambda: _t("Status"), lambda r: case_status_text(r.status), width=140
    ),
    Column(
        "due",
        lambda: _t("Due"),
        lambda r: local_datetime(r.resolution_due),
        width=120,
    ),
    Column(
        "priority",
        lambda: _t("Priority"),
        lambda r: priority_text(r.priority),
        width=85,
    ),
    Column("customer", lambda: _t("Customer"), lambda r: r.customer, width=230),
    Column(
        "category",
        lambda: _t("Category"),
        lambda r: category_text(r.category),
        width=110,
    ),
    Column("assignee", lambda: _t("Assignee"), lambda r: r.assignee, width=130),
)

ARTICLE_COLUMNS = (
    Column("title", lambda: _t("Title"), lambda r: r.title, width=260),
    Column("tags", lambda: _t("Tags"), lambda r: ", ".join(r.tags), width=180),
)

TIMELINE_COLUMNS = (Column("title", lambda: _t("Event"), lambda r: r.title, width=400),)


class JournalTableModel(WindowedTableModel):
    """The journal list for a :class:`JournalFilter`, newest first."""

    def __init__(self, service: JournalService, parent: Any = None) -> None:
        self._service = service
        self.filter = JournalFilter()
        self._first: tuple[JournalRow, ...] | None = None
        super().__init__(
            JOURNAL_COLUMNS,
            fetch_count=self._count,
            fetch_page=self._page,
            default_sort="when",
            parent=parent,
        )

    def _count(self) -> int:
        # total and first page together: a search runs its FTS query once
        total, page = self._service.first_page(self.filter, limit=self.PAGE_SIZE)
        self._first = page.rows
        return total

    def _page(
        self, offset: int, limit: int, total: int, _key: str, _desc: bool
    ) -> Sequence[JournalRow]:
        if offset == 0 and self._first is not None:
            first, self._first = self._first, None
            return first
        return self._service.page(
            self.filter, offset=offset, limit=limit, total=total
        ).rows


class TaskTableModel(WindowedTableModel):
    """A task list; overdue due dates in red, urgent priorities bold."""

    def __init__(self, service: TaskService, clock: Clock, parent: Any = None) -> None:
        self._service = service
        self._clock = clock
        self.filter = TaskFilter()
        super().__init__(
            TASK_COLUMNS,
            fetch_count=lambda: service.count(self.filter, now=clock()),
            fetch_page=self._page,
            default_sort="due",
            parent=parent,
        )

    def _page(
        self, offset: int, limit: int, total: int, _key: str, _desc: bool
    ) -> Sequence[TaskRow]:
        return self._service.page(
            self.filter, offset=offset, limit=limit, total=total, now=self._clock()
        ).rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            row = self.row_object(index.row())
            if not isinstance(row, TaskRow):
                return None
            key = self.columns[index.column()].key
            if role == Qt.ItemDataRole.ForegroundRole:
                if key in ("due", "bucket") and row.bucket == TaskBucket.OVERDUE:
                    return QBrush(QColor(OVERDUE_COLOR))
                if key == "priority":
                    return QBrush(QColor(PRIORITY_COLORS[row.priority]))
                return None
            if key == "title" and row.bucket == TaskBucket.CLOSED:
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        return super().data(index, role)


class CaseTableModel(WindowedTableModel):
    """The service case list; cases past their SLA dates are red."""

    def __init__(self, service: CaseService, clock: Clock, parent: Any = None) -> None:
        self._service = service
        self._clock = clock
        self.filter = CaseFilter()
        super().__init__(
            CASE_COLUMNS,
            fetch_count=lambda: service.count(self.filter, now=clock()),
            fetch_page=self._page,
            default_sort="due",
            parent=parent,
        )

    def _page(
        self, offset: int, limit: int, total: int, _key: str, _desc: bool
    ) -> Sequence[CaseRow]:
        return self._service.page(
            self.filter, offset=offset, limit=limit, total=total, now=self._clock()
        ).rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_object(index.row())
            if isinstance(row, CaseRow) and row.overdue:
                return QBrush(QColor(OVERDUE_COLOR))
            return None
        if index.isValid() and role == Qt.ItemDataRole.FontRole:
            row = self.row_object(index.row())
            due = self.column_index("due")
            if isinstance(row, CaseRow) and row.overdue and index.column() == due:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


class ArticleTableModel(WindowedTableModel):
    """Knowledge-base articles matching a search."""

    def __init__(self, service: KnowledgeService, parent: Any = None) -> None:
        self._service = service
        self.search = ""
        super().__init__(
            ARTICLE_COLUMNS,
            fetch_count=lambda: service.count(self.search),
            fetch_page=self._page,
            default_sort="title",
            parent=parent,
        )

    def _page(
        self, offset: int, limit: int, total: int, _key: str, _desc: bool
    ) -> Sequence[ArticleRow]:
        return self._service.page(
            self.search, offset=offset, limit=limit, total=total
        ).rows


class TimelineModel(WindowedTableModel):
    """The history of one record; rows are :class:`TimelineItem` objects.

    Shown in a list view with :class:`~app.views.journal.timeline.TimelineDelegate`;
    pages of 200 are read on demand, so 10,000 events scroll like 20.
    """

    def __init__(self, service: TimelineService, parent: Any = None) -> None:
        self._service = service
        self.target: TimelineTarget | None = None
        self.filter = TimelineFilter()
        self._first: tuple[TimelineItem, ...] | None = None
        super().__init__(
            TIMELINE_COLUMNS,
            fetch_count=self._count,
            fetch_page=self._page,
            default_sort="at",
            parent=parent,
        )

    def _count(self) -> int:
        # one query for the total and the first page (the widget shows both)
        self._first = None
        if self.target is None:
            return 0
        total, page = self._service.first_page(
            self.target, self.filter, limit=self.PAGE_SIZE
        )
        self._first = page.rows
        return total

    def _page(
        self, offset: int, limit: int, total: int, _key: str, _desc: bool
    ) -> Sequence[TimelineItem]:
        if self.target is None:
            return ()
        if offset == 0 and self._first is not None:
            first, self._first = self._first, None
            return first
        return self._service.page(
            self.target, self.filter, offset=offset, limit=limit, total=total
        ).rows

    def item(self, row: int) -> TimelineItem | None:
        """The event shown in ``row``."""
        found = self.row_object(row)
        return found if isinstance(found, TimelineItem) else None
