"""The journal page: every entry, newest first, with full-text search and a preview.

Search goes through the FTS5 index (accents and case do not matter) and, as in
the address book, reads the newest 2,000 matches before sorting, so a common
word answers as fast as a rare one. Appointments from Outlook or Apple
Calendar come in with "Import calendar" (all or nothing, with Cancel).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import UserRef
from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError, UserError
from app.domain.journal import EntryKind, JournalEntry, JournalFilter, LinkRef
from app.domain.progress import ProgressSink
from app.services.journal_services import JournalServices
from app.tasks.runner import TaskRunner
from app.views.empty_state import EmptyState
from app.views.journal.entry_dialog import EntryDialog, link_kind_text
from app.views.journal.labels import (
    direction_text,
    duration_text,
    entry_kind_text,
    local_datetime,
)
from app.views.journal.quick_log import KINDS
from app.views.labels import error_text
from app.views.progress_dialog import TaskProgressDialog
from app.views.record_table import RecordTable
from app.views.tablemodels.journal import JournalTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("JournalView", text)


def entry_html(entry: JournalEntry) -> str:
    """A read-only rendering of an entry for the preview pane."""
    import html

    facts = [
        entry_kind_text(entry.kind),
        local_datetime(entry.occurred_at),
        duration_text(entry.duration_min),
        direction_text(entry.direction) if entry.direction else "",
        entry.owner_name,
    ]
    links = "<br>".join(
        f"<span style='color:#57606a'>{html.escape(link_kind_text(link.kind))}:</span> "
        f"{html.escape(link.label)}"
        for link in entry.links
    )
    body = entry.body_html or "".join(
        f"<p>{html.escape(p)}</p>" for p in entry.body_text.split("\n") if p
    )
    if entry.body_html:  # the editor's HTML has its own <html>; keep only the body
        lower = body.lower()
        start = lower.find("<body")
        end = lower.rfind("</body>")
        if start >= 0 and end > start:
            body = body[body.index(">", start) + 1 : end]
    parts = [
        f"<h3 style='margin:0'>{html.escape(entry.title)}</h3>",
        f"<p style='color:#57606a'>{html.escape(' · '.join(f for f in facts if f))}</p>",
        body,
    ]
    if entry.outcome:
        parts.append(
            f"<p><b>{html.escape(_t('Outcome'))}:</b> {html.escape(entry.outcome)}</p>"
        )
    if links:
        parts.append(f"<p>{links}</p>")
    if entry.attachments:
        files = ", ".join(html.escape(a.file_name) for a in entry.attachments)
        parts.append(f"<p>📎 {files}</p>")
    return "".join(parts)


class JournalView(QWidget):
    """The journal page.

    Signals:
        sig_data_changed(object, object): entries were written (Changes, self).
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_status_message = Signal(str)

    def __init__(
        self,
        services: JournalServices,
        runner: TaskRunner,
        *,
        now: Callable[[], dt.datetime],
        users: Callable[[], list[UserRef]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._now = now
        self._users = users
        self._stale = True
        self.model = JournalTableModel(services.entries, self)
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.kind = QComboBox()
        # a bound method, not a lambda: combo boxes may emit while destroyed
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.new_button = QPushButton()
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._on_import_clicked)
        self.ics_button = QPushButton()
        self.ics_button.clicked.connect(self._on_ics_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.table = RecordTable(self.model)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.empty = EmptyState(self.table)
        self.preview = QTextBrowser()
        self.preview.setObjectName("entryPreview")
        self.preview.setOpenLinks(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        below = QHBoxLayout()
        below.addWidget(self.count_label, 1)
        below.addWidget(self.ics_button)
        left_layout.addLayout(below)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.import_button)
        head.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 8)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

    def retranslate_ui(self) -> None:
        """Texts in the current language."""
        self.heading.setText(_t("Journal"))
        self.search.setPlaceholderText(
            _t("Search subject, text and outcome of all entries …")
        )
        self.new_button.setText(_t("New entry …"))
        self.import_button.setText(_t("Import calendar …"))
        self.ics_button.setText(_t("Add to calendar …"))
        self.ics_button.setToolTip(
            _t("Save this entry as an .ics file (one appointment)")
        )
        self.import_button.setToolTip(
            _t(
                "Import meetings from an .ics file (Outlook, Apple Calendar) as journal entries"
            )
        )
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(_t("All types"), None)
        for kind in KINDS:
            self.kind.addItem(entry_kind_text(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self._update_labels()

    # ---- public API

    def reload(self) -> None:
        """Read the list again."""
        kind = self.kind.currentData()
        self.model.filter = JournalFilter(
            search=self.search.text().strip(),
            kinds=frozenset({EntryKind(kind)}) if kind else frozenset(),
        )
        self.model.refresh()
        self._stale = False
        self._update_labels()
        if self.model.total:
            self.table.selectRow(0)
        else:
            self.preview.clear()

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh when entries changed (now if shown, else when shown)."""
        if initiator is self or not changes.touches(EntityKind.JOURNAL_ENTRY):
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def current_entry_id(self) -> str | None:
        """The selected entry's id."""
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) or None if index.isValid() else None

    def new_entry(self, links: tuple[LinkRef, ...] = ()) -> JournalEntry | None:
        """Open an empty entry dialog (with ``links`` prefilled)."""
        dialog = EntryDialog(
            self._services.entries,
            self._services.attachments,
            now=self._now,
            users=self._users(),
            links=links,
            parent=self,
        )
        accepted = dialog.exec() == EntryDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return None
        self._written(dialog.result_changes, _t("Journal entry saved."))
        return dialog.result_entry

    def open_entry(self, entry_id: str) -> bool:
        """Open an entry in the dialog."""
        try:
            entry = self._services.entries.get_entry(entry_id)
        except NotFoundError:
            return False
        dialog = EntryDialog(
            self._services.entries,
            self._services.attachments,
            now=self._now,
            users=self._users(),
            entry=entry,
            parent=self,
        )
        accepted = dialog.exec() == EntryDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return False
        self._written(dialog.result_changes, _t("Journal entry saved."))
        return True

    def open_current(self) -> None:
        """Open the selected entry."""
        entry_id = self.current_entry_id()
        if entry_id:
            self.open_entry(entry_id)

    def export_current(self, path: Path) -> int:
        """Save the selected entry as a one-appointment .ics file."""
        entry_id = self.current_entry_id()
        if not entry_id:
            return 0
        count = self._services.calendar.export_file(path, entry_ids=[entry_id])
        self.sig_status_message.emit(self.tr("%Ln appointment(s) exported.", "", count))
        return count

    def import_calendar(self, path: Path | None = None) -> None:
        """Import an .ics file in the background, with progress and Cancel."""
        if path is None:
            name, _f = QFileDialog.getOpenFileName(
                self, _t("Import calendar"), "", _t("iCalendar files (*.ics)")
            )
            if not name:
                return
            path = Path(name)
        calendar = self._services.calendar
        chosen = path

        def work(progress: ProgressSink) -> object:
            return calendar.import_file(chosen, progress=progress)

        handle = self._runner.run(
            "import-ics",
            work,
            with_progress=True,
            on_done=lambda result: self._on_import_done(dialog, result),
            on_error=lambda exc: self._on_import_failed(dialog, exc),
            on_cancelled=lambda: self._on_import_cancelled(dialog),
        )
        dialog = TaskProgressDialog(handle, _t("Importing appointments …"), self)

    # ---- internals

    def _on_import_done(self, dialog: TaskProgressDialog, result: object) -> None:
        dialog.finish()
        imported = getattr(result, "imported", 0)
        skipped = getattr(result, "skipped", 0)
        changes = getattr(result, "changes", Changes())
        self.reload()
        self.sig_data_changed.emit(changes, self)
        message = self.tr("%Ln appointment(s) imported.", "", imported)
        if skipped:
            message += " " + self.tr("%Ln already in the journal.", "", skipped)
        self.sig_status_message.emit(message)

    def _on_import_failed(self, dialog: TaskProgressDialog, exc: BaseException) -> None:
        dialog.finish()
        text = (
            error_text(exc.code, exc.message)
            if isinstance(exc, UserError)
            else str(exc)
        )
        if isinstance(exc, UserError) and exc.code == "ics.event" and exc.value:
            text += " " + _t("(appointment %1)").replace("%1", str(exc.value))
        QMessageBox.warning(
            self,
            _t("Import calendar"),
            _t("Nothing was imported.\n\n%1").replace("%1", text),
        )

    def _on_import_cancelled(self, dialog: TaskProgressDialog) -> None:
        dialog.finish()
        self.sig_status_message.emit(_t("Import cancelled — nothing was imported."))

    def _written(self, changes: Changes, message: str) -> None:
        self.reload()
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(message)

    def _update_labels(self) -> None:
        total = self.model.total
        self.count_label.setText(
            _t("Entries: %1").replace("%1", QLocale().toString(total))
        )
        if total:
            self.empty.hide()
            return
        self.empty.show_text(
            _t("Nothing matches. Check the spelling or clear the filters.")
            if self.search.text() or self.kind.currentData()
            else _t(
                "No journal entries yet.\nLog a call or meeting with Ctrl+J from anywhere."
            )
        )

    def _on_search_text_changed(self, _text: str) -> None:
        # a bound method: a line edit with a clear button emits while destroyed
        self._timer.start()

    def _on_new_clicked(self) -> None:
        self.new_entry()

    def _on_import_clicked(self) -> None:
        self.import_calendar()

    def _on_ics_clicked(self) -> None:
        entry_id = self.current_entry_id()
        if not entry_id:
            return
        title = self._services.entries.get_entry(entry_id).title
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip()
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _t("Add to calendar"),
            str(Path.home() / f"{safe[:60] or 'relata'}.ics"),
            _t("iCalendar files (*.ics)"),
        )
        if name:
            self.export_current(Path(name))

    def _on_table_activated(self, _index: QModelIndex) -> None:
        self.open_current()

    def _on_kind_changed(self, _index: int) -> None:
        self.reload()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.preview.clear()
            return
        try:
            entry = self._services.entries.get_entry(self.model.row_id(current.row()))
        except NotFoundError:
            self.preview.clear()
            return
        self.preview.setHtml(entry_html(entry))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
