"""Shared frame of the person and organisation forms.

A form shows one record (or a new one), reports whether it was edited, turns
itself into a ``*Data`` DTO, and shows a :class:`ValidationError` next to the
fields it names. It never saves: the address book owns Save/Cancel/Delete.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.addresses import RelationStatus, UserRef
from app.domain.errors import FieldError, ValidationError
from app.views.forms.children import AddressesEditor, ChannelsEditor
from app.views.forms.errors import ErrorLabel, mark
from app.views.labels import error_text, status_text

_CHILD = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordForm", text)


def section_title(text: str) -> QLabel:
    """A bold section heading inside a form."""
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


class ExtraSection(Protocol):
    """A section other capabilities add to a form (custom fields)."""

    def show_error(self, error: FieldError) -> QWidget | None:
        """Show ``error`` if it is about this section; the widget to focus."""

    def clear_errors(self) -> None:
        """Hide this section's errors."""


class RecordForm(QWidget):
    """Base of the record forms.

    Signals:
        sig_dirty_changed(bool): the user edited (or reverted) the form.
        sig_record_changed(object): another record (id, ``None`` = new) is shown.
    """

    sig_dirty_changed = Signal(bool)
    sig_record_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self._loading = False
        self._record_id: str | None = None
        #: Sections other capabilities add (custom fields); they show their errors.
        self.extra_sections: list[ExtraSection] = []
        self._field_widgets: dict[str, QWidget] = {}
        self._field_errors: dict[str, ErrorLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.subheading = QLabel()
        self.subheading.setObjectName("formSubheading")
        self.general_error = ErrorLabel()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("formBody")
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(16, 8, 16, 16)
        self.body.setSpacing(10)
        scroll.setWidget(body)
        head = QVBoxLayout()
        head.setContentsMargins(16, 12, 16, 4)
        head.addWidget(self.heading)
        head.addWidget(self.subheading)
        head.addWidget(self.general_error)
        outer.addLayout(head)
        outer.addWidget(scroll, 1)
        self.status = QComboBox()
        for status in RelationStatus:
            self.status.addItem(status_text(status), status)
        self.owner = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(_t("Notes"))
        self.notes.setFixedHeight(80)
        self.channels = ChannelsEditor()
        self.addresses = AddressesEditor()
        self.channels.sig_content_changed.connect(self.mark_dirty)
        self.addresses.sig_content_changed.connect(self.mark_dirty)
        self.status.currentIndexChanged.connect(self.mark_dirty)
        self.owner.currentIndexChanged.connect(self.mark_dirty)
        self.notes.textChanged.connect(self.mark_dirty)

    # ---- the record

    @property
    def record_id(self) -> str | None:
        """Id of the record shown (``None`` for a new one)."""
        return self._record_id

    @record_id.setter
    def record_id(self, value: str | None) -> None:
        if value != self._record_id:
            self._record_id = value
            self.sig_record_changed.emit(value)

    def load(self, record: Any) -> None:
        """Show ``record`` (a ``Person``/``Organisation``), or ``None`` for a new one."""
        raise NotImplementedError

    def value(self) -> Any:
        """The form as a ``*Data`` DTO.

        Raises:
            ValidationError: the form itself can tell that input is unusable.
        """
        raise NotImplementedError

    def set_heading(self, title: str, subtitle: str = "") -> None:
        """The record's name above the form; the subtitle only when there is one."""
        self.heading.setText(title)
        self.subheading.setText(subtitle)
        self.subheading.setVisible(bool(subtitle))

    def error_label(self, name: str) -> ErrorLabel:
        """The inline error label of field ``name``."""
        return self._field_errors[name]

    # ---- building blocks for subclasses

    def add_field(
        self, form: QFormLayout, name: str, label: str, widget: QWidget
    ) -> None:
        """Add ``widget`` as field ``name`` with an error label under it."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = ErrorLabel()
        box.addWidget(error)
        form.addRow(label, holder)
        self._field_widgets[name] = widget
        self._field_errors[name] = error
        signal = getattr(widget, "textEdited", None) or getattr(
            widget, "currentIndexChanged", None
        )
        if signal is not None:
            signal.connect(self.mark_dirty)

    def add_status_fields(self, form: QFormLayout) -> None:
        """Status and owner rows in ``form``."""
        self.add_field(form, "status", _t("Status"), self.status)
        self.add_field(form, "owner_id", _t("Owner"), self.owner)

    def add_common_sections(self) -> None:
        """Channels, addresses and notes sections below the fields."""
        self.body.addWidget(section_title(_t("Phone, e-mail, web")))
        self.body.addWidget(self.channels)
        self.body.addWidget(section_title(_t("Addresses")))
        self.body.addWidget(self.addresses)
        self.body.addWidget(section_title(_t("Notes")))
        self.body.addWidget(self.notes)
        self.body.addStretch(1)

    def set_users(self, users: list[UserRef]) -> None:
        """Fill the owner pick list."""
        current = self.owner.currentData()
        self._loading = True
        self.owner.clear()
        self.owner.addItem(_t("(nobody)"), None)
        for user in users:
            self.owner.addItem(user.display_name, user.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self._loading = False

    def select_data(self, combo: QComboBox, value: Any) -> None:
        """Select the item whose data is ``value`` (first item if none)."""
        combo.setCurrentIndex(max(0, combo.findData(value)))

    # ---- dirty state

    @property
    def dirty(self) -> bool:
        """Whether the user changed something since the last load."""
        return self._dirty

    def mark_dirty(self, *_args: object) -> None:
        """Note an edit (ignored while loading)."""
        if not self._loading and not self._dirty:
            self._dirty = True
            self.sig_dirty_changed.emit(True)

    def set_clean(self) -> None:
        """Forget edits (after load or save)."""
        if self._dirty:
            self._dirty = False
            self.sig_dirty_changed.emit(False)

    # ---- errors

    def clear_errors(self) -> None:
        """Hide every error message."""
        for section in getattr(self, "extra_sections", ()):
            section.clear_errors()
        self.general_error.show_error("")
        for name, label in self._field_errors.items():
            label.show_error("")
            mark(self._field_widgets[name], False)
        self.channels.clear_errors()
        self.addresses.clear_errors()

    def show_errors(self, error: ValidationError) -> None:
        """Put each field error next to its field; focus the first one."""
        self.clear_errors()
        first: QWidget | None = None
        for fe in error.errors:
            text = error_text(fe.code, fe.message)
            child = _CHILD.match(fe.field)
            widget: QWidget | None = None
            if child:
                widget = self.show_child_error(child[1], int(child[2]), child[3], text)
            elif fe.field in self._field_errors:
                self._field_errors[fe.field].show_error(text)
                widget = self._field_widgets[fe.field]
                mark(widget, True)
            else:
                widget = next(
                    (w for x in self.extra_sections if (w := x.show_error(fe))), None
                )
                if widget is None:
                    self.general_error.show_error(text)
            first = first or widget
        if first is not None:
            first.setFocus()

    def show_child_error(
        self, group: str, index: int, field: str, text: str
    ) -> QWidget | None:
        """Show an error of a child row; returns the widget to focus."""
        if group == "channels":
            self.channels.show_error(index, text)
            return self.channels.row_widget(index)
        if group == "addresses":
            self.addresses.show_error(index, field, text)
            return self.addresses.row_widget(index)
        return None
