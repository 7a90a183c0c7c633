"""Table model of dry-run problems: row, column, value, what is wrong."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.exchange import RowIssue
from app.views.exchange.texts import issue_text

Index = QModelIndex | QPersistentModelIndex


class IssueTableModel(QAbstractTableModel):
    """The issues of one analysis; they are already in memory (no paging needed).

    Qt asks only for visible rows, so even 100k issues cost nothing to show.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._issues: tuple[RowIssue, ...] = ()
        self._sheets: tuple[str, ...] = ()

    def set_issues(
        self, issues: Sequence[RowIssue], sheets: Sequence[str] | None = None
    ) -> None:
        """Show ``issues`` (errors first, then warnings, each by row).

        ``sheets`` (one per issue) adds a first column naming the sheet.
        """
        self.beginResetModel()
        names = list(sheets) if sheets is not None else [""] * len(issues)
        position = {name: n for n, name in reversed(list(enumerate(names)))}
        order = sorted(  # errors first; sheets in the order given (write order)
            range(len(issues)),
            key=lambda n: (issues[n].warning, position[names[n]], issues[n].row),
        )
        self._issues = tuple(issues[n] for n in order)
        self._sheets = tuple(names[n] for n in order) if sheets is not None else ()
        self.endResetModel()

    def issue(self, row: int) -> RowIssue:
        """The issue shown in ``row``."""
        return self._issues[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5 if self._sheets else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        column = index.column() - (1 if self._sheets else 0)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column < 0:
                return self._sheets[index.row()]
            return (
                str(issue.row),
                issue.column,
                issue.value,
                issue_text(issue),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QColor("#9a6700") if issue.warning else QColor("#cf222e")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            titles = (
                *((self.tr("Sheet"),) if self._sheets else ()),
                self.tr("Row"),
                self.tr("Column"),
                self.tr("Value"),
                self.tr("Problem"),
            )
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
