"""The sync page: account, Sync now, and the conflict inbox.

The inbox lists open conflicts; for the selected one it shows, per field,
theirs (the server's value), mine (the value sent) and the original, with who
and when, and offers keep theirs, keep mine, edit, and for deletions restore
or delete anyway. A resolution is a normal change and reaches other laptops
with the next sync.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes
from app.domain.errors import UserError, ValidationError
from app.domain.sync import ConflictItem, Resolution, SyncStatus
from app.services.sync import SyncService
from app.views.forms.errors import ErrorLabel
from app.views.sync.widgets import error_message, status_text

Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("Sync", text)


def local_time(value: dt.datetime) -> QDateTime:
    """A UTC timestamp as local Qt time."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def record_kind_text(tbl: str) -> str:
    """A table name as the user knows the record."""
    return {
        "organisation": _t("Organisation"),
        "person": _t("Person"),
        "address": _t("Address"),
        "channel": _t("Phone/e-mail"),
        "employment": _t("Employment"),
        "entity_tag": _t("Tag"),
        "tag": _t("Tag"),
        "industry": _t("Industry"),
    }.get(tbl, tbl.replace("_", " ").capitalize())


def field_text(field: str) -> str:
    """A field name as a form label."""
    return {
        "name": _t("Name"),
        "notes": _t("Notes"),
        "legal_form": _t("Legal form"),
        "customer_number": _t("Customer no."),
        "status": _t("Status"),
        "owner_id": _t("Owner"),
        "first_name": _t("First name"),
        "last_name": _t("Last name"),
        "title": _t("Title"),
        "street": _t("Street"),
        "postcode": _t("Postcode"),
        "city": _t("City"),
        "value": _t("Value"),
        "role": _t("Role"),
    }.get(field, field.replace("_", " ").capitalize())


def kind_text(kind: str) -> str:
    """What happened, in words."""
    return {
        "field": _t("Edited on both sides"),
        "edit_on_deleted": _t("Edited here, deleted elsewhere"),
        "delete_on_edited": _t("Deleted here, edited elsewhere"),
        "edit_on_merged": _t("Edited here, merged into another record"),
        "parent_deleted": _t("Added to a deleted record"),
        "rejected": _t("Not accepted by the server"),
    }.get(kind, kind)


def reason_text(reason: str) -> str:
    """Why the server refused a change, in words (codes come from the server)."""
    if not reason:
        return ""
    code, _, detail = reason.partition(":")
    if code == "forbidden":
        return _t("You may not change this record (it belongs to another team).")
    if code == "missing_parent":
        return _t("The record it belongs to is not on the server.")
    if code == "unknown_row":
        return _t("The record is not on the server.")
    if code == "invalid":
        return _t("A value does not fit: %1").replace("%1", detail.strip())
    return _t("The server refused it (%1).").replace("%1", reason)


def value_text(value: Any) -> str:
    """A conflict value for display."""
    if value is None or value == "":
        return _t("(empty)")
    if isinstance(value, bool):
        return _t("yes") if value else _t("no")
    if isinstance(value, dict):
        return ", ".join(
            f"{field_text(k)}: {value_text(v)}" for k, v in sorted(value.items())
        )
    return str(value)


class ConflictTableModel(QAbstractTableModel):
    """Open conflicts (a short list: it holds them all)."""

    HEADERS = ("record", "field", "kind", "who", "when")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[ConflictItem] = []

    def set_items(self, items: list[ConflictItem]) -> None:
        """Replace the list."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> ConflictItem:
        """The conflict in ``row``."""
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = self.HEADERS[index.column()]
            if column == "record":
                label = item.record_label or item.row_id[:8]
                return f"{record_kind_text(item.tbl)}: {label}"
            if column == "field":
                return field_text(item.field) if item.field else "—"
            if column == "kind":
                return kind_text(item.kind)
            if column == "who":
                return item.who
            return QLocale().toString(
                local_time(item.when), QLocale.FormatType.ShortFormat
            )
        if role == Qt.ItemDataRole.UserRole:
            return item.id
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
            and 0 <= section < len(self.HEADERS)
        ):
            return {
                "record": _t("Record"),
                "field": _t("Field"),
                "kind": _t("What happened"),
                "who": _t("Changed by"),
                "when": _t("When"),
            }[self.HEADERS[section]]
        return None


class ConflictDetail(QFrame):
    """Theirs / mine / original of one conflict and the ways to settle it.

    Signals:
        sig_resolve_requested(str, object, object): conflict id, Resolution, value.
    """

    sig_resolve_requested = Signal(str, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self._item: ConflictItem | None = None
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setObjectName("formSubheading")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        self.theirs = QLabel()
        self.mine = QLabel()
        self.original = QLabel()
        for label in (self.theirs, self.mine, self.original):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.theirs_title = QLabel()
        self.mine_title = QLabel()
        self.original_title = QLabel(_t("Original"))
        for row, (title, value) in enumerate(
            (
                (self.theirs_title, self.theirs),
                (self.mine_title, self.mine),
                (self.original_title, self.original),
            )
        ):
            title.setObjectName("sectionTitle")
            grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_t("Or type the value that is right"))
        self.edit_error = ErrorLabel()
        self.btn_theirs = QPushButton(_t("Keep theirs"))
        self.btn_mine = QPushButton(_t("Keep mine"))
        self.btn_edit = QPushButton(_t("Use typed value"))
        self.btn_restore = QPushButton(_t("Restore record"))
        self.btn_delete = QPushButton(_t("Delete anyway"))
        self.btn_retry = QPushButton(_t("Send again"))
        self.btn_mine.setObjectName("primaryButton")
        buttons = QHBoxLayout()
        for button in (
            self.btn_theirs,
            self.btn_mine,
            self.btn_restore,
            self.btn_delete,
            self.btn_retry,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit, 1)
        edit_row.addWidget(self.btn_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addLayout(grid)
        layout.addLayout(edit_row)
        layout.addWidget(self.edit_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.btn_theirs.clicked.connect(lambda: self._resolve(Resolution.THEIRS))
        self.btn_mine.clicked.connect(lambda: self._resolve(Resolution.MINE))
        self.btn_edit.clicked.connect(
            lambda: self._resolve(Resolution.EDITED, self.edit.text())
        )
        self.btn_restore.clicked.connect(lambda: self._resolve(Resolution.RESTORED))
        self.btn_delete.clicked.connect(lambda: self._resolve(Resolution.DELETED))
        self.btn_retry.clicked.connect(lambda: self._resolve(Resolution.RETRIED))
        self.show_item(None)

    def show_item(self, item: ConflictItem | None) -> None:
        """Show ``item`` (``None``: nothing selected)."""
        self._item = item
        self.edit_error.show_error("")
        self.setVisible(item is not None)
        if item is None:
            return
        label = item.record_label or item.row_id[:8]
        title = f"{record_kind_text(item.tbl)} „{label}“"
        if item.field:
            title += f" — {field_text(item.field)}"
        self.heading.setText(title)
        when = QLocale().toString(local_time(item.when), QLocale.FormatType.ShortFormat)
        reason = reason_text(item.reason)
        self.explain.setText(
            f"{kind_text(item.kind)}. "
            + _t("Sent by %1 on %2.").replace("%1", item.who or "?").replace("%2", when)
            + (f" {reason}" if reason else "")
        )
        field_kind = item.kind == "field"
        self.theirs_title.setText(_t("Theirs (server)"))
        self.mine_title.setText(_t("Mine"))
        self.theirs.setText(
            value_text(item.theirs) if field_kind else self._theirs_text(item)
        )
        self.mine.setText(value_text(item.mine))
        self.original.setText(value_text(item.original))
        self.original.setVisible(field_kind)
        self.original_title.setVisible(field_kind)
        self.edit.setVisible(field_kind)
        self.btn_edit.setVisible(field_kind)
        self.edit.setText("" if item.mine is None else str(item.mine))
        self.btn_mine.setVisible(field_kind or item.kind == "edit_on_merged")
        self.btn_restore.setVisible(item.kind == "edit_on_deleted")
        self.btn_delete.setVisible(item.kind == "delete_on_edited")
        self.btn_retry.setVisible(item.kind == "rejected")
        self.btn_theirs.setText(
            _t("Keep deleted")
            if item.kind == "edit_on_deleted"
            else _t("Keep the record")
            if item.kind == "delete_on_edited"
            else _t("Discard my change")
            if item.kind in ("rejected", "edit_on_merged")
            else _t("OK")
            if item.kind == "parent_deleted"
            else _t("Keep theirs")
        )

    def _theirs_text(self, item: ConflictItem) -> str:
        return {
            "edit_on_deleted": _t("The record was deleted."),
            "delete_on_edited": _t("The record was changed and stays."),
            "edit_on_merged": _t("The record was merged into another one."),
            "parent_deleted": _t("The record it belongs to was deleted."),
            "rejected": _t("The server did not accept the change."),
        }.get(item.kind, value_text(item.theirs))

    def show_error(self, text: str) -> None:
        """An error next to the typed value."""
        self.edit_error.show_error(text)

    def _resolve(self, resolution: Resolution, value: object = None) -> None:
        if self._item is not None:
            self.sig_resolve_requested.emit(self._item.id, resolution, value)


class SyncPage(QWidget):
    """Account, Sync now, and the conflict inbox.

    Signals:
        sig_sync_requested(): Sync now.
        sig_sign_in_requested(): open the sign-in dialog.
        sig_sign_out_requested(): sign out.
        sig_data_changed(object, object): a resolution changed data.
    """

    sig_sync_requested = Signal()
    sig_sign_in_requested = Signal()
    sig_sign_out_requested = Signal()
    sig_data_changed = Signal(object, object)

    def __init__(self, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        heading = QLabel(_t("Sync and conflicts"))
        heading.setObjectName("pageHeading")
        self.account = QLabel()
        self.account.setObjectName("pageLead")
        self.account.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.btn_sync = QPushButton(_t("Sync now"))
        self.btn_sync.setObjectName("primaryButton")
        self.btn_sign_in = QPushButton(_t("Sign in …"))
        self.btn_sign_out = QPushButton(_t("Sign out"))
        top = QHBoxLayout()
        top.addWidget(self.btn_sync)
        top.addWidget(self.btn_sign_in)
        top.addWidget(self.btn_sign_out)
        top.addStretch(1)
        self.inbox_title = QLabel()
        self.inbox_title.setObjectName("sectionTitle")
        self.model = ConflictTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((280, 130, 240, 120)):
            self.table.setColumnWidth(column, width)
        self.empty = QLabel(
            _t(
                "No conflicts. Changes made on several laptops were merged field by field."
            )
        )
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = ConflictDetail()
        split = QSplitter(Qt.Orientation.Vertical)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table)
        list_layout.addWidget(self.empty)
        split.addWidget(list_box)
        split.addWidget(self.detail)
        split.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(self.account)
        layout.addWidget(self.state)
        layout.addLayout(top)
        layout.addWidget(self.inbox_title)
        layout.addWidget(split, 1)
        self.btn_sync.clicked.connect(self.sig_sync_requested)
        self.btn_sign_in.clicked.connect(self.sig_sign_in_requested)
        self.btn_sign_out.clicked.connect(self.sig_sign_out_requested)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.detail.sig_resolve_requested.connect(self.resolve)
        self.refresh()

    def show_status(self, status: SyncStatus) -> None:
        """Account line and state from ``status``."""
        if status.server_url and status.username:
            self.account.setText(
                _t("Signed in to %1 as %2.")
                .replace("%1", status.server_url)
                .replace("%2", status.username)
                if status.signed_in
                else _t("Server %1 — please sign in again.").replace(
                    "%1", status.server_url
                )
            )
        elif status.server_url:
            self.account.setText(
                _t("Server %1 — not signed in.").replace("%1", status.server_url)
            )
        else:
            self.account.setText(
                _t(
                    "This computer works offline. Sign in to a Relata server to share data with your team."
                )
            )
        text = status_text(status)
        if status.last_error:
            text += " — " + error_message(status.last_error, status.last_error_text)
        if not status.token_persistent and status.signed_in:
            text += " " + _t(
                "(No password store available: you will sign in again after a restart.)"
            )
        self.state.setText(text)
        self.btn_sync.setEnabled(status.signed_in)
        self.btn_sign_out.setVisible(status.signed_in)
        self.btn_sign_in.setText(
            _t("Sign in again …") if status.username else _t("Sign in …")
        )

    def refresh(self) -> None:
        """Reload the conflicts, keeping the selection where possible."""
        current = self.detail._item.id if self.detail._item else None
        items = self.service.conflicts()
        self.model.set_items(items)
        count = len(items)
        self.inbox_title.setText(
            QCoreApplication.translate("Sync", "Conflict inbox (%n open)", "", count)
        )
        self.table.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        row = next(
            (i for i, it in enumerate(items) if it.id == current), 0 if count else -1
        )
        if row >= 0:
            self.table.selectRow(row)
            self.detail.show_item(items[row])
        else:
            self.detail.show_item(None)

    def resolve(self, conflict_id: str, resolution: Resolution, value: object) -> bool:
        """Settle a conflict; errors show next to the typed value."""
        try:
            changes = self.service.resolve(conflict_id, resolution, value)
        except ValidationError as exc:
            self.detail.show_error(error_message(exc.code, exc.errors[0].message))
            return False
        except UserError as exc:
            self.detail.show_error(error_message(exc.code, exc.message))
            self.refresh()
            return False
        self.refresh()
        self.sig_data_changed.emit(changes, self)
        return True

    def on_data_changed(self, _changes: Changes, initiator: object) -> None:
        """Refresh the inbox after a sync brought news."""
        if initiator is not self:
            self.refresh()

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail.show_item(self.model.item(current.row()))
