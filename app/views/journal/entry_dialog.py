"""The full journal entry: rich text, participants, linked records, attachments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QShortcut,
    QTextCharFormat,
    QTextDocument,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import UserRef
from app.domain.changes import Changes
from app.domain.errors import UserError, ValidationError
from app.domain.journal import (
    Direction,
    EntryKind,
    JournalEntry,
    JournalEntryData,
    LinkKind,
    LinkRef,
)
from app.services.attachments import AttachmentService
from app.services.journal import JournalService
from app.views.forms.errors import ErrorLabel, mark
from app.views.journal.labels import direction_text, entry_kind_text
from app.views.journal.pickers import RecordPicker
from app.views.journal.quick_log import KINDS, from_qdatetime, to_qdatetime
from app.views.labels import error_text
from app.views.prompts import confirm

LINK_ROLE = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryDialog", text)


def link_kind_text(kind: LinkKind) -> str:
    """What a linked record is."""
    return {
        LinkKind.PERSON: _t("Person"),
        LinkKind.ORGANISATION: _t("Organisation"),
        LinkKind.LEAD: _t("Lead"),
        LinkKind.OPPORTUNITY: _t("Opportunity"),
        LinkKind.SERVICE_CASE: _t("Case"),
        LinkKind.TASK: _t("Task"),
        LinkKind.USER: _t("Colleague"),
    }[kind]


def is_rich(doc: QTextDocument) -> bool:
    """Whether the document uses formatting (else it is stored as plain text)."""
    block = doc.begin()
    while block.isValid():
        if block.textList() is not None:
            return True
        it = block.begin()
        while not it.atEnd():
            fmt: QTextCharFormat = it.fragment().charFormat()
            if (
                fmt.fontWeight() > QFont.Weight.Normal
                or fmt.fontItalic()
                or fmt.fontUnderline()
                or fmt.fontStrikeOut()
                or fmt.isAnchor()
            ):
                return True
            it += 1
        block = block.next()
    return False


class EntryDialog(QDialog):
    """Create, edit or delete one journal entry.

    Attributes:
        result_changes: what the dialog wrote (after ``Accepted``).
        result_entry: the saved entry (``None`` if it was deleted).
    """

    def __init__(
        self,
        service: JournalService,
        attachments: AttachmentService,
        *,
        now: Callable[[], dt.datetime],
        users: list[UserRef],
        entry: JournalEntry | None = None,
        links: tuple[LinkRef, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._attachments = attachments
        self._entry = entry
        self._now = now
        self._pending: list[Path] = []
        self.result_changes = Changes()
        self.result_entry: JournalEntry | None = None
        self.setWindowTitle(_t("Journal entry"))
        self.resize(720, 640)
        self._build(users)
        self._load(entry, links)

    # ---- construction

    def _build(self, users: list[UserRef]) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(entry_kind_text(kind), kind)
        self.direction = QComboBox()
        for d in Direction:
            self.direction.addItem(direction_text(d), d)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(0, 7 * 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(_t(" min"))
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(_t("Subject"))
        self.body = QTextEdit()
        self.body.setAcceptRichText(True)
        self.body.setPlaceholderText(_t("Notes of the conversation …"))
        self.body_error = ErrorLabel()
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(_t("e.g. Offer requested, decision in May"))
        toolbar = QHBoxLayout()
        toolbar.setSpacing(2)
        for text, tip, slot in (
            ("B", _t("Bold (Ctrl+B)"), self._toggle_bold),
            ("I", _t("Italic (Ctrl+I)"), self._toggle_italic),
            ("U", _t("Underline (Ctrl+U)"), self._toggle_underline),
            ("•", _t("Bulleted list"), self._toggle_list),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            toolbar.addWidget(button)
        for key, slot in (
            ("Ctrl+B", self._toggle_bold),
            ("Ctrl+I", self._toggle_italic),
            ("Ctrl+U", self._toggle_underline),
        ):
            shortcut = QShortcut(key, self.body)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        toolbar.addStretch(1)
        self.links = QListWidget()
        self.links.setObjectName("linkList")
        self.links.setMaximumHeight(110)
        self.picker = RecordPicker(
            lambda text: self._service.find_records(
                text,
                kinds=(LinkKind.PERSON, LinkKind.ORGANISATION, LinkKind.SERVICE_CASE),
            ),
            placeholder=_t("Add a person, organisation or case …"),
        )
        add_link = QPushButton(_t("Add"))
        add_link.setAutoDefault(False)
        add_link.clicked.connect(self._add_picked)
        self.colleague = QComboBox()
        self.colleague.addItem(_t("Add a colleague …"), None)
        for user in users:
            self.colleague.addItem(
                user.display_name, LinkRef(LinkKind.USER, user.id, user.display_name)
            )
        self.colleague.activated.connect(self._add_colleague)
        remove_link = QPushButton(_t("Remove"))
        remove_link.setAutoDefault(False)
        remove_link.clicked.connect(self._on_remove_link_clicked)
        self.files = QListWidget()
        self.files.setMaximumHeight(80)
        self.files.itemActivated.connect(self._open_file)
        attach = QPushButton(_t("Attach file …"))
        attach.setAutoDefault(False)
        attach.clicked.connect(self._attach)
        self.attach_error = ErrorLabel()
        self.general_error = ErrorLabel()
        self.delete_button = QPushButton(_t("Delete"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self._delete)
        save = QPushButton(_t("Save"))
        save.setObjectName("primaryButton")
        save.setToolTip(_t("Save (Ctrl+S)"))
        save.setShortcut("Ctrl+S")
        save.clicked.connect(self.save)
        cancel = QPushButton(_t("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.direction)
        top.addWidget(self.when)
        top.addWidget(self.duration)
        top.addStretch(1)
        link_row = QHBoxLayout()
        link_row.addWidget(self.picker, 1)
        link_row.addWidget(add_link)
        link_row.addWidget(self.colleague)
        link_row.addWidget(remove_link)
        file_row = QHBoxLayout()
        file_row.addWidget(self.files, 1)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(attach)
        file_buttons.addStretch(1)
        file_row.addLayout(file_buttons)
        form = QFormLayout()
        form.addRow(_t("Subject"), self.subject)
        form.addRow(_t("Outcome"), self.outcome)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(toolbar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.body_error)
        layout.addWidget(_section(_t("Participants and linked records")))
        layout.addWidget(self.links)
        layout.addLayout(link_row)
        layout.addWidget(_section(_t("Attachments")))
        layout.addLayout(file_row)
        layout.addWidget(self.attach_error)
        layout.addLayout(buttons)

    def _load(self, entry: JournalEntry | None, links: tuple[LinkRef, ...]) -> None:
        if entry is None:
            self.heading.setText(_t("New journal entry"))
            self.when.setDateTime(to_qdatetime(self._now()))
            self.delete_button.hide()
            for link in self._service.label_links(links):
                self._add_link(link)
            return
        self.heading.setText(entry.title or entry_kind_text(entry.kind))
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
        self.direction.setCurrentIndex(max(0, self.direction.findData(entry.direction)))
        self.when.setDateTime(to_qdatetime(entry.occurred_at))
        self.duration.setValue(entry.duration_min)
        self.subject.setText(entry.subject)
        if entry.body_html:
            self.body.setHtml(entry.body_html)
        else:
            self.body.setPlainText(entry.body_text)
        self.outcome.setText(entry.outcome)
        for link in entry.links:
            self._add_link(link)
        for info in entry.attachments:
            item = QListWidgetItem(f"{info.file_name}  ({_size(info.size)})")
            item.setData(LINK_ROLE, info.id)
            self.files.addItem(item)

    # ---- public API

    def entry_data(self) -> JournalEntryData:
        """The dialog as :class:`JournalEntryData`."""
        doc = self.body.document()
        rich = is_rich(doc)
        return JournalEntryData(
            kind=EntryKind(self.kind.currentData()),
            occurred_at=from_qdatetime(self.when.dateTime()),
            subject=self.subject.text(),
            body_html=doc.toHtml() if rich else "",
            body_text=doc.toPlainText(),
            duration_min=self.duration.value(),
            direction=Direction(self.direction.currentData()),
            outcome=self.outcome.text(),
            owner_id=self._entry.owner_id if self._entry else None,
            links=tuple(self._links()),
        )

    def save(self) -> bool:
        """Store the entry and attach queued files; errors stay in the dialog."""
        for label in (self.body_error, self.general_error, self.attach_error):
            label.show_error("")
        mark(self.body, False)
        try:
            if self._entry is None:
                entry, changes = self._service.create_entry(self.entry_data())
            else:
                entry, changes = self._service.update_entry(
                    self._entry.id, self.entry_data()
                )
        except ValidationError as exc:
            for fe in exc.errors:
                text = error_text(fe.code, fe.message)
                if fe.field in ("body", "subject"):
                    self.body_error.show_error(text)
                    mark(self.body, True)
                    self.body.setFocus()
                else:
                    self.general_error.show_error(text)
            return False
        except UserError as exc:
            self.general_error.show_error(error_text(exc.code, exc.message))
            return False
        self._entry = entry
        for path in list(self._pending):
            try:
                _info, more = self._attachments.attach(entry.id, path)
            except UserError as exc:
                self.attach_error.show_error(error_text(exc.code, exc.message))
                return False
            self._pending.remove(path)
            changes = changes | more
        self.result_changes = self.result_changes | changes
        self.result_entry = self._service.get_entry(entry.id)
        self.accept()
        return True

    def queue_attachment(self, path: Path) -> bool:
        """Add a file to attach on save; refuses files over the limit at once."""
        self.attach_error.show_error("")
        if path.is_file() and path.stat().st_size > self._attachments.max_bytes:
            self.attach_error.show_error(
                error_text(
                    "attachment.too_big",
                    f"{path.name} is too big",
                )
            )
            return False
        self._pending.append(path)
        item = QListWidgetItem(
            _t("%1 (attached when you save)").replace("%1", path.name)
        )
        self.files.addItem(item)
        return True

    # ---- internals

    def _links(self) -> list[LinkRef]:
        out = []
        for i in range(self.links.count()):
            link = self.links.item(i).data(LINK_ROLE)
            if isinstance(link, LinkRef):
                out.append(link)
        return out

    def _add_link(self, link: LinkRef) -> None:
        if any(x.kind == link.kind and x.id == link.id for x in self._links()):
            return
        item = QListWidgetItem(f"{link_kind_text(link.kind)}: {link.label or link.id}")
        item.setData(LINK_ROLE, link)
        self.links.addItem(item)

    def _add_picked(self) -> None:
        link = self.picker.record()
        if link is not None:
            self._add_link(link)
            self.picker.setEditText("")

    def _on_remove_link_clicked(self) -> None:
        self._remove_selected(self.links)

    def _add_colleague(self, index: int) -> None:
        link = self.colleague.itemData(index)
        if isinstance(link, LinkRef):
            self._add_link(link)
        self.colleague.setCurrentIndex(0)

    @staticmethod
    def _remove_selected(widget: QListWidget) -> None:
        for item in widget.selectedItems():
            widget.takeItem(widget.row(item))

    def _attach(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _t("Attach file"))
        if path:
            self.queue_attachment(Path(path))

    def _open_file(self, item: QListWidgetItem) -> None:
        attachment_id = item.data(LINK_ROLE)
        if not isinstance(attachment_id, str):
            return
        try:
            path = self._attachments.path_of(attachment_id)
        except UserError as exc:
            self.attach_error.show_error(error_text(exc.code, exc.message))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _delete(self) -> None:
        if self._entry is None:
            return
        if not confirm(self, _t("Delete entry"), _t("Delete this journal entry?")):
            return
        self.result_changes = self._service.delete_entry(self._entry.id)
        self.result_entry = None
        self.accept()

    def _toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.body.fontWeight() <= QFont.Weight.Normal
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.body.mergeCurrentCharFormat(fmt)

    def _toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.body.fontItalic())
        self.body.mergeCurrentCharFormat(fmt)

    def _toggle_underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(not self.body.fontUnderline())
        self.body.mergeCurrentCharFormat(fmt)

    def _toggle_list(self) -> None:
        cursor = self.body.textCursor()
        current: QTextList | None = cursor.currentList()  # None outside lists
        if current is not None:
            block = cursor.block()
            current.remove(block)
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
            return
        cursor.createList(QTextListFormat.Style.ListDisc)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1_048_576:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1_048_576:.1f} MB"
