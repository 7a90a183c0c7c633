"""The tag manager: a tree of coloured tags with how many records carry each;
create, rename, recolour, move below another tag, delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.quality import TagInfo
from app.services.tags import PALETTE, TagService
from app.views.forms.errors import ErrorLabel, mark
from app.views.lazy import when_shown
from app.views.prompts import confirm
from app.views.quality.texts import quality_error_text

ID_ROLE = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("TagManager", text)


def swatch(color: str, size: int = 14) -> QIcon:
    """A small filled square in ``color``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class TagManager(QWidget):
    """Arrange the tags everybody uses.

    Signals:
        sig_data_changed(object, object): a tag was written (Changes, self).
    """

    sig_data_changed = Signal(object, object)

    def __init__(self, service: TagService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._current: TagInfo | None = None
        self._color = PALETTE[0]
        self.tree = QTreeWidget()
        self.tree.setObjectName("tagTree")
        self.tree.setHeaderLabels([_t("Tag"), _t("Records")])
        self.tree.setColumnWidth(0, 280)
        self.tree.setIconSize(QSize(14, 14))
        self.tree.itemSelectionChanged.connect(self._on_selected)
        self.new_button = QPushButton(_t("New tag"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_tag)
        self.child_button = QPushButton(_t("New tag below"))
        self.child_button.clicked.connect(self.new_child)
        self.delete_button = QPushButton(_t("Delete"))
        self.delete_button.clicked.connect(self.delete_tag)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.name = QLineEdit()
        self.name_error = ErrorLabel()
        self.color_button = QPushButton()
        self.color_button.clicked.connect(self._pick_color)
        # The colour buttons live in their own widget: a nested layout kept
        # on self crashed shiboken when a second manager was destroyed.
        swatches = QWidget()
        swatch_row = QHBoxLayout(swatches)
        swatch_row.setContentsMargins(0, 0, 0, 0)
        for color in PALETTE:
            button = QPushButton()
            button.setFixedSize(22, 22)
            button.setStyleSheet(
                f"background: {color}; border-radius: 11px; border: none;"
            )
            button.setToolTip(color)
            button.clicked.connect(lambda _c=False, c=color: self._set_color(c))
            swatch_row.addWidget(button)
        swatch_row.addStretch(1)
        self.parent_box = QComboBox()
        self.error = ErrorLabel()
        self.save_button = QPushButton(_t("Save tag"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name)
        name_box.addWidget(self.name_error)
        form.addRow(_t("Name *"), name_box)
        colors = QVBoxLayout()
        colors.addWidget(swatches)
        colors.addWidget(self.color_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(_t("Colour"), colors)
        form.addRow(_t("Below"), self.parent_box)
        right = QWidget()
        right.setObjectName("detailPane")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 12, 16, 12)
        right_layout.addWidget(self.heading)
        right_layout.addLayout(form)
        right_layout.addWidget(self.error)
        right_layout.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.child_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        intro = QLabel(
            _t(
                "Tags mark records across the CRM (VIP, trade fair 2026, newsletter …). "
                "Tag or untag many records at once from the address list (right click) "
                "or a segment's mass update."
            )
        )
        intro.setObjectName("pageLead")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        self._tags: dict[str, TagInfo] = {}
        when_shown(self, self.reload)  # tag use counts

    def reload(self, select: str | None = None) -> None:
        """Read the tags again."""
        wanted = select or (self._current.id if self._current else None)
        tags = self._service.tags()
        self._tags = {t.id: t for t in tags}
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        locale = QLocale()
        for tag in tags:
            parent = items.get(tag.parent_id or "")
            item = QTreeWidgetItem([tag.name, locale.toString(tag.count)])
            item.setIcon(0, swatch(tag.color))
            item.setData(0, ID_ROLE, tag.id)
            item.setTextAlignment(
                1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[tag.id] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if wanted and wanted in items:
            self.tree.setCurrentItem(items[wanted])
            self._show(self._tags[wanted])
        elif tags:
            self.tree.setCurrentItem(items[tags[0].id])
            self._show(tags[0])
        else:
            self.new_tag()

    def new_tag(self, parent_id: str | None = None) -> None:
        """An empty form for a new tag (below ``parent_id`` if given)."""
        self.tree.clearSelection()
        self._show(None, parent_id=parent_id)
        self.name.setFocus()

    def new_child(self) -> None:
        """A new tag below the selected one."""
        self.new_tag(self._current.id if self._current else None)

    def save(self) -> bool:
        """Create or change the tag; errors next to the name."""
        self.name_error.show_error("")
        self.error.show_error("")
        mark(self.name, False)
        parent = self.parent_box.currentData()
        try:
            if self._current is None:
                tag, changes = self._service.create_tag(
                    self.name.text(), color=self._color, parent_id=parent
                )
            else:
                tag, changes = self._service.update_tag(
                    self._current.id,
                    name=self.name.text(),
                    color=self._color,
                    parent_id=parent,
                )
        except ValidationError as exc:
            for fe in exc.errors:
                text = quality_error_text(fe.code, fe.message)
                if fe.field == "name":
                    self.name_error.show_error(text)
                    mark(self.name, True)
                else:
                    self.error.show_error(text)
            return False
        self._current = tag
        self.reload(select=tag.id)
        self.sig_data_changed.emit(changes, self)
        return True

    def delete_tag(self) -> None:
        """Delete the selected tag from every record (after asking)."""
        tag = self._current
        if tag is None:
            return
        if not confirm(
            self,
            _t("Delete tag"),
            _t("Remove the tag “%1” from %2 records? Tags below it move up one level.")
            .replace("%1", tag.name)
            .replace("%2", QLocale().toString(tag.count)),
        ):
            return
        changes = self._service.delete_tag(tag.id)
        self._current = None
        self.reload()
        self.sig_data_changed.emit(changes, self)

    # ---- helpers

    def _show(self, tag: TagInfo | None, *, parent_id: str | None = None) -> None:
        self._current = tag
        self.heading.setText(tag.path if tag else _t("New tag"))
        self.name.setText(tag.name if tag else "")
        self.name_error.show_error("")
        self.error.show_error("")
        mark(self.name, False)
        self._set_color(tag.color if tag else PALETTE[len(self._tags) % len(PALETTE)])
        self.parent_box.clear()
        self.parent_box.addItem(_t("(top level)"), None)
        for other in self._tags.values():
            if tag is None or not other.path.startswith(tag.path):
                self.parent_box.addItem(swatch(other.color), other.path, other.id)
        wanted = tag.parent_id if tag else parent_id
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(wanted)))
        self.delete_button.setEnabled(tag is not None)
        self.child_button.setEnabled(tag is not None)

    def _set_color(self, color: str) -> None:
        self._color = color
        self.color_button.setIcon(swatch(color, 16))
        self.color_button.setText(_t("Other colour …") + f"  {color}")

    def _pick_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, _t("Tag colour"))
        if chosen.isValid():
            self._set_color(chosen.name())

    def _on_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        tid = item.data(0, ID_ROLE)
        if tid in self._tags:
            self._show(self._tags[tid])
