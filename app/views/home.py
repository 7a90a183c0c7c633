"""The start page: what is in the database, quick actions, demo data on first start."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)


class _Card(QFrame):
    def __init__(
        self, title: str, value: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.value = QLabel(value)
        self.value.setObjectName("cardValue")
        layout.addWidget(self.title)
        layout.addWidget(self.value)


class DemoDataDialog(QDialog):
    """Asks how much demo data to generate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Load demo data"))
        self.organisations = QSpinBox()
        self.organisations.setRange(1, 1_000_000)
        self.organisations.setValue(500)
        self.organisations.setGroupSeparatorShown(True)
        self.persons = QSpinBox()
        self.persons.setRange(1, 5_000_000)
        self.persons.setValue(2_500)
        self.persons.setGroupSeparatorShown(True)
        text = QLabel(
            self.tr(
                "Adds realistic Swiss, German and Austrian organisations and persons "
                "to this database so you can try Relata. You can cancel at any time; "
                "nothing is added then."
            )
        )
        text.setWordWrap(True)
        self.setMinimumWidth(440)
        form = QFormLayout()
        form.addRow(self.tr("Organisations"), self.organisations)
        form.addRow(self.tr("Persons"), self.persons)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Generate"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)


class HomeView(QWidget):
    """Overview with counts and quick actions.

    Signals:
        sig_new_person_requested, sig_new_organisation_requested,
        sig_demo_requested, sig_addresses_requested: button intents.
    """

    sig_new_person_requested = Signal()
    sig_new_organisation_requested = Signal()
    sig_demo_requested = Signal()
    sig_addresses_requested = Signal()

    def __init__(self, services: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        #: The dashboard (set by the analytics area); shown once there is data.
        self.dashboard: QWidget | None = None
        #: Data changed while the page was hidden: re-count when shown.
        self.stale = True
        self.heading = QLabel(self.tr("Welcome to Relata"))
        self.heading.setObjectName("pageHeading")
        self.lead = QLabel()
        self.lead.setObjectName("pageLead")
        self.lead.setWordWrap(True)
        self.persons_card = _Card(self.tr("Persons"))
        self.orgs_card = _Card(self.tr("Organisations"))
        self.customers_card = _Card(self.tr("Customers"))
        self.prospects_card = _Card(self.tr("Prospects"))
        cards = QGridLayout()
        for i, card in enumerate(
            (
                self.persons_card,
                self.orgs_card,
                self.customers_card,
                self.prospects_card,
            )
        ):
            cards.addWidget(card, 0, i)
        self.new_person = QPushButton(self.tr("New person"))
        self.new_person.setObjectName("primaryButton")
        self.new_org = QPushButton(self.tr("New organisation"))
        self.open_book = QPushButton(self.tr("Open address book"))
        self.demo = QPushButton(self.tr("Load demo data …"))
        self.new_person.clicked.connect(self.sig_new_person_requested)
        self.new_org.clicked.connect(self.sig_new_organisation_requested)
        self.open_book.clicked.connect(self.sig_addresses_requested)
        self.demo.clicked.connect(self.sig_demo_requested)
        actions = QHBoxLayout()
        for button in (self.new_person, self.new_org, self.open_book, self.demo):
            actions.addWidget(button)
        actions.addStretch(1)
        self.db_info = QLabel()
        self.db_info.setObjectName("dbInfo")
        self.db_info.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.db_info.setWordWrap(True)
        self.welcome = QWidget()
        self.welcome.setObjectName("page")
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.welcome)
        layout = QVBoxLayout(self.welcome)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        layout.addLayout(cards)
        layout.addLayout(actions)
        layout.addStretch(1)
        layout.addWidget(self.db_info)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def set_dashboard(self, dashboard: QWidget) -> None:
        """Show ``dashboard`` instead of the welcome page while there is data."""
        self.dashboard = dashboard
        self.stack.addWidget(dashboard)
        self.refresh()

    def refresh(self) -> None:
        """Re-count the records now if the page is on screen, else when shown.

        Counting a million persons takes a tenth of a second: a save on
        another page should not pay for a page nobody looks at.
        """
        if not self.isVisible():
            self.stale = True
            return
        self.stale = False
        from app.services.container import Services

        services = self._services
        assert isinstance(services, Services)
        counts = services.addresses.overview_counts()
        locale = QLocale()
        self.persons_card.value.setText(locale.toString(counts.persons))
        self.orgs_card.value.setText(locale.toString(counts.organisations))
        self.customers_card.value.setText(locale.toString(counts.customers))
        self.prospects_card.value.setText(locale.toString(counts.prospects))
        empty = counts.persons == 0 and counts.organisations == 0
        self.lead.setText(
            self.tr(
                "Your address book is empty. Create your first organisation or person, "
                "import a file, or load demo data to look around."
            )
            if empty
            else self.tr(
                "Your customers and prospects, always with you — online or not."
            )
        )
        self.demo.setProperty("highlight", empty)
        if self.dashboard is not None:
            self.stack.setCurrentWidget(self.welcome if empty else self.dashboard)
        backup = services.last_backup()
        self.db_info.setText(
            self.tr("Database: %1").replace("%1", str(services.db_path))
            + "\n"
            + (
                self.tr("Last backup: %1").replace("%1", backup.name)
                if backup
                else self.tr("No backup yet — one is made every time you close Relata.")
            )
        )
