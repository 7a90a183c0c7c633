"""The organisation form: name, numbers, industry, channels, addresses, contacts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.domain.addresses import (
    Industry,
    Organisation,
    OrganisationData,
    RelationStatus,
)
from app.views.forms.record_form import RecordForm, section_title

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("OrganisationForm", text)


class OrganisationForm(RecordForm):
    """Edit an organisation (B2B).

    Signals:
        sig_person_open_requested(str): the user opened a contact person.
    """

    sig_person_open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.legal_form = QLineEdit()
        self.legal_form.setPlaceholderText(_t("AG, GmbH, SA …"))
        self.customer_number = QLineEdit()
        self.uid = QLineEdit()
        self.uid.setPlaceholderText("CHE-123.456.789")
        self.industry = QComboBox()
        self.contacts = QListWidget()
        self.contacts.setObjectName("contactList")
        self.contacts.setMaximumHeight(140)
        self.contacts.itemActivated.connect(self._on_contacts_activated)
        form = QFormLayout()
        self.add_field(form, "name", _t("Name *"), self.name)
        self.add_field(form, "legal_form", _t("Legal form"), self.legal_form)
        self.add_field(
            form, "customer_number", _t("Customer no."), self.customer_number
        )
        self.add_field(form, "uid", _t("UID (VAT) no."), self.uid)
        self.add_field(form, "industry_id", _t("Industry"), self.industry)
        self.add_status_fields(form)
        self.body.addLayout(form)
        self.add_common_sections()
        self.body.insertWidget(
            self.body.count() - 1, section_title(_t("Contact persons"))
        )
        self.body.insertWidget(self.body.count() - 1, self.contacts)
        self.load(None)

    def set_industries(self, industries: list[Industry]) -> None:
        """Fill the industry pick list."""
        current = self.industry.currentData()
        self._loading = True
        self.industry.clear()
        self.industry.addItem(_t("(none)"), None)
        for item in industries:
            self.industry.addItem(item.name, item.id)
        self.select_data(self.industry, current)
        self._loading = False

    def load(self, org: Organisation | None) -> None:
        """Show ``org``, or an empty form for a new one."""
        self._loading = True
        self.clear_errors()
        self.record_id = org.id if org else None
        data = org.data() if org else OrganisationData(name="")
        self.set_heading(
            org.name if org else _t("New organisation"),
            org.industry_name if org else "",
        )
        self.name.setText(data.name)
        self.legal_form.setText(data.legal_form)
        self.customer_number.setText(data.customer_number)
        self.uid.setText(data.uid)
        self.select_data(self.industry, data.industry_id)
        self.select_data(self.status, data.status)
        self.select_data(self.owner, data.owner_id)
        self.notes.setPlainText(data.notes)
        self.channels.set_items(data.channels)
        self.addresses.set_items(data.addresses)
        self.contacts.clear()
        for contact in org.contacts if org else ():
            text = contact.name + (f" — {contact.role}" if contact.role else "")
            item = QListWidgetItem(text)
            item.setData(PERSON_ID_ROLE, contact.person_id)
            item.setToolTip(" · ".join(p for p in (contact.email, contact.phone) if p))
            self.contacts.addItem(item)
        if org is None or not org.contacts:
            placeholder = QListWidgetItem(_t("No contact persons yet"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)  # nothing to open
            self.contacts.addItem(placeholder)
        self._loading = False
        self.set_clean()

    def _on_contacts_activated(self, item: QListWidgetItem) -> None:
        person_id = item.data(PERSON_ID_ROLE)
        if isinstance(person_id, str) and person_id:
            self.sig_person_open_requested.emit(person_id)

    def value(self) -> OrganisationData:
        """The form as an :class:`OrganisationData`."""
        return OrganisationData(
            name=self.name.text(),
            legal_form=self.legal_form.text(),
            customer_number=self.customer_number.text(),
            uid=self.uid.text(),
            industry_id=self.industry.currentData(),
            status=RelationStatus(self.status.currentData()),
            notes=self.notes.toPlainText(),
            owner_id=self.owner.currentData(),
            addresses=self.addresses.items(),
            channels=self.channels.items(),
        )
