"""A search-as-you-type picker for persons, organisations and cases."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.domain.journal import LinkRef

Search = Callable[[str], list[LinkRef]]


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordPicker", text)


class RecordPicker(QComboBox):
    """An editable combo: preset choices in its list, other records by typing.

    As in the address book's organisation picker, typed matches come in a
    completer popup (the combo popup would swallow the keys typed after it).

    Signals:
        sig_record_chosen(object): a :class:`LinkRef` (or ``None``) was chosen.
    """

    sig_record_chosen = Signal(object)

    def __init__(
        self,
        search: Search,
        *,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        edit = self.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(placeholder or _t("Type a name to search"))
        self.matches = QCompleter(self.model(), self)
        self.matches.setCompletionMode(
            QCompleter.CompletionMode.UnfilteredPopupCompletion
        )
        self.matches.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self.matches)
        self._search = search
        self._presets: list[LinkRef] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refresh)
        edit.textEdited.connect(self._on_text_edited)
        self.currentIndexChanged.connect(self._on_current_index_changed)

    def set_choices(
        self,
        choices: Sequence[LinkRef],
        *,
        current: LinkRef | None = None,
        none_text: str = "",
    ) -> None:
        """Offer ``choices`` in the list; select ``current`` (else the first)."""
        self.blockSignals(True)
        self.clear()
        self._presets = list(choices)
        if none_text:
            self.addItem(none_text, None)
        for ref in choices:
            self.addItem(ref.label, ref)
        index = 0
        if current is not None:
            found = [
                i
                for i in range(self.count())
                if isinstance(self.itemData(i), LinkRef)
                and self.itemData(i).id == current.id
            ]
            if found:
                index = found[0]
            else:
                self.addItem(current.label, current)
                index = self.count() - 1
        self.setCurrentIndex(index if self.count() else -1)
        self.blockSignals(False)

    def record(self) -> LinkRef | None:
        """The chosen record (``None``: nothing, or text that matches no record)."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        data = self.itemData(index) if index >= 0 else None
        return data if isinstance(data, LinkRef) else None

    def is_unresolved(self) -> bool:
        """Text was typed that names no record."""
        return (
            bool(self.currentText().strip())
            and self.record() is None
            and (self.findText(self.currentText(), Qt.MatchFlag.MatchExactly) < 0)
        )

    def _on_text_edited(self, _text: str) -> None:
        # a bound method: a line edit with a clear button emits while destroyed
        self._timer.start()

    def _on_current_index_changed(self, _index: int) -> None:
        self.sig_record_chosen.emit(self.record())

    def _refresh(self) -> None:
        text = self.currentText()
        if len(text.strip()) < 2:
            return
        found = self._search(text)
        self.blockSignals(True)
        self.clear()
        for ref in found:
            self.addItem(ref.label, ref)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)
        if self.count():
            self.matches.setCompletionPrefix(text)
            self.matches.complete()
