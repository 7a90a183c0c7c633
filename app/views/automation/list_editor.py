"""What the automation editors share: a list of records beside one record's editor.

E-mail templates, web forms and workflows each keep a list on the left (the
selection survives a reload), an editor on the right, and the same save and
delete flow: store, tell the window what changed, reload; delete only after
asking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.domain.changes import Changes
from app.views.prompts import confirm

ID_ROLE = Qt.ItemDataRole.UserRole


class ListEditor(QWidget):
    """A list of records (``self.list``) and the one shown (``self.current``).

    Subclasses fill the list in :meth:`reload` through :meth:`fill_list`.

    Signals:
        sig_data_changed(object, object): a record was saved or deleted.
    """

    sig_data_changed = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Id of the record in the editor (``None``: a new one).
        self.current: str | None = None
        self.list = QListWidget()

    def reload(self) -> None:
        """Read the list again (and whatever the editor offers to pick)."""
        raise NotImplementedError

    def fill_list(self, rows: Iterable[tuple[str, str]]) -> list[QListWidgetItem]:
        """Show ``rows`` (id, label), keeping the current record selected.

        Returns the items, for subclasses that add check boxes or tooltips.
        """
        keep = self.current
        self.list.blockSignals(True)
        self.list.clear()
        items = []
        for record_id, label in rows:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, record_id)
            self.list.addItem(item)
            if record_id == keep:
                item.setSelected(True)
            items.append(item)
        self.list.blockSignals(False)
        return items

    def selected_id(self) -> str | None:
        """Id of the selected list entry, if any."""
        items = self.list.selectedItems()
        return str(items[0].data(ID_ROLE)) if items else None

    def saved(self, record_id: str | None, changes: Changes) -> None:
        """After a successful save: remember the record, tell the window, reload."""
        self.current = record_id
        self.sig_data_changed.emit(changes, self)
        self.reload()

    def delete_current(
        self, title: str, question: str, delete: Callable[[str], Changes]
    ) -> bool:
        """Ask ``question``; on Yes delete the shown record and reload."""
        if self.current is None or not confirm(self, title, question):
            return False
        changes = delete(self.current)
        self.saved(None, changes)
        return True
