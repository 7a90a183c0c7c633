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

    def set_issues(self, issues: Sequence[RowIssue]) -> None:
        """Show ``issues`` (errors first, then warnings, each by row)."""
        self.beginResetModel()
        self._issues = tuple(sorted(issues, key=lambda i: (i.warning, i.row)))
        self.endResetModel()

    def issue(self, row: int) -> RowIssue:
        """The issue shown in ``row``."""
        return self._issues[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                str(issue.row),
                issue.column,
                issue.value,
                issue_text(issue),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            return QColor("#9a6700") if issue.warning else QColor("#cf222e")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
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
                self.tr("Row"),
                self.tr("Column"),
                self.tr("Value"),
                self.tr("Problem"),
            )
            return titles[section] if 0 <= section < 4 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
