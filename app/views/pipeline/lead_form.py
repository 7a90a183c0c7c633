"""The lead form: who, which company, how to reach them, where from, qualification."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.domain.addresses import Industry
from app.domain.pipeline import (
    Campaign,
    DuplicateCandidate,
    Lead,
    LeadData,
    LeadSource,
    LeadStatus,
)
from app.services.validation import format_phone
from app.views.forms.record_form import RecordForm, section_title
from app.views.pipeline.texts import lead_status_text, source_text

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("LeadForm", text)


class LeadForm(RecordForm):
    """Capture or edit a lead; shows possible duplicates while typing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.company = QLineEdit()
        self.job_title = QLineEdit()
        self.job_title.setPlaceholderText(_t("e.g. Head of purchasing"))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.postcode = QLineEdit()
        self.city = QLineEdit()
        self.region = QLineEdit()
        self.region.setPlaceholderText(_t("Canton, e.g. ZH"))
        self.country = QLineEdit()
        self.country.setMaxLength(2)
        self.industry = QComboBox()
        self.source = QComboBox()
        for source in LeadSource:
            self.source.addItem(source_text(source), source)
        self.campaign = QComboBox()
        self.lead_status = QComboBox()
        for status in LeadStatus:
            if status != LeadStatus.CONVERTED:
                self.lead_status.addItem(lead_status_text(status), status)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_t("Why is the lead disqualified?"))
        self.duplicates_title = section_title(_t("Possible duplicates"))
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicateList")
        self.duplicates.setMaximumHeight(110)
        self.duplicates_hint = QLabel(
            _t("These records may be the same person or company. Convert reuses them.")
        )
        self.duplicates_hint.setObjectName("formSubheading")
        self.duplicates_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(section_title(_t("Contact")))
        self.add_field(form, "first_name", _t("First name"), self.first_name)
        self.add_field(form, "last_name", _t("Last name"), self.last_name)
        self.add_field(form, "company", _t("Company"), self.company)
        self.add_field(form, "job_title", _t("Job title"), self.job_title)
        self.add_field(form, "email", _t("E-mail"), self.email)
        self.add_field(form, "phone", _t("Phone"), self.phone)
        self.add_field(form, "postcode", _t("Postcode"), self.postcode)
        self.add_field(form, "city", _t("City"), self.city)
        self.add_field(form, "region", _t("Canton / region"), self.region)
        self.add_field(form, "country", _t("Country"), self.country)
        self.add_field(form, "industry_id", _t("Industry"), self.industry)
        form.addRow(section_title(_t("Origin and qualification")))
        self.add_field(form, "source", _t("Source"), self.source)
        self.add_field(form, "campaign_id", _t("Campaign"), self.campaign)
        self.add_field(form, "status", _t("Qualification"), self.lead_status)
        self.add_field(form, "disqualify_reason", _t("Reason"), self.reason)
        self.add_field(form, "owner_id", _t("Owner"), self.owner)
        self.body.addWidget(self.duplicates_title)
        self.body.addWidget(self.duplicates_hint)
        self.body.addWidget(self.duplicates)
        self.body.addLayout(form)
        self.body.addWidget(section_title(_t("Notes")))
        self.body.addWidget(self.notes)
        self.body.addStretch(1)
        self.lead_status.currentIndexChanged.connect(self._update_reason)
        self.show_duplicates([])
        self.load(None)

    def set_pick_lists(
        self, industries: list[Industry], campaigns: list[Campaign]
    ) -> None:
        """Industries and campaigns (keeps the choices)."""
        self._loading = True
        current = self.industry.currentData(), self.campaign.currentData()
        self.industry.clear()
        self.industry.addItem(_t("(none)"), None)
        for ind in industries:
            self.industry.addItem(ind.name, ind.id)
        self.campaign.clear()
        self.campaign.addItem(_t("(none)"), None)
        for c in campaigns:
            self.campaign.addItem(c.name, c.id)
        self.select_data(self.industry, current[0])
        self.select_data(self.campaign, current[1])
        self._loading = False

    def load(self, lead: Lead | None) -> None:
        """Show ``lead``, or an empty form for a new one."""
        self._loading = True
        self.clear_errors()
        self.record_id = lead.id if lead else None
        data = lead.data if lead else LeadData()
        if lead is None:
            self.set_heading(_t("New lead"))
        else:
            status = lead_status_text(data.status)
            score = (
                ""
                if lead.score is None
                else _t(" · score %1 %").replace("%1", str(lead.score))
            )
            self.set_heading(lead.display_name, status + score)
        for name in (
            "first_name",
            "last_name",
            "company",
            "job_title",
            "email",
            "phone",
            "postcode",
            "city",
            "region",
        ):
            widget = getattr(self, name)
            assert isinstance(widget, QLineEdit)
            value = getattr(data, name)
            widget.setText(format_phone(value) if name == "phone" and value else value)
        self.country.setText(data.country)
        self.reason.setText(data.disqualify_reason)
        self.select_data(self.industry, data.industry_id)
        self.select_data(self.source, data.source)
        self.select_data(self.campaign, data.campaign_id)
        if data.status == LeadStatus.CONVERTED:
            if self.lead_status.findData(LeadStatus.CONVERTED) < 0:
                self.lead_status.addItem(
                    lead_status_text(LeadStatus.CONVERTED), LeadStatus.CONVERTED
                )
        else:
            index = self.lead_status.findData(LeadStatus.CONVERTED)
            if index >= 0:
                self.lead_status.removeItem(index)
        self.select_data(self.lead_status, data.status)
        self.select_data(self.owner, data.owner_id)
        self.notes.setPlainText(data.notes)
        self._update_reason()
        self.show_duplicates([])
        converted = data.status == LeadStatus.CONVERTED
        for widget in self._field_widgets.values():
            widget.setEnabled(not converted)
        self._loading = False
        self.set_clean()

    def value(self) -> LeadData:
        """The form as :class:`LeadData`."""
        return LeadData(
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            company=self.company.text(),
            job_title=self.job_title.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            postcode=self.postcode.text(),
            city=self.city.text(),
            region=self.region.text(),
            country=self.country.text() or "CH",
            industry_id=self.industry.currentData(),
            source=LeadSource(self.source.currentData()),
            campaign_id=self.campaign.currentData(),
            status=LeadStatus(self.lead_status.currentData()),
            disqualify_reason=self.reason.text(),
            owner_id=self.owner.currentData(),
            notes=self.notes.toPlainText(),
        )

    def show_duplicates(self, found: list[DuplicateCandidate]) -> None:
        """List possible duplicates (hidden when there are none)."""
        self.duplicates.clear()
        kinds = {
            "person": _t("Person"),
            "organisation": _t("Organisation"),
            "lead": _t("Lead"),
        }
        reasons = {
            "email": _t("same e-mail"),
            "phone": _t("same phone"),
            "name": _t("similar name"),
        }
        for c in found:
            detail = f" — {c.detail}" if c.detail else ""
            item = QListWidgetItem(
                f"⚠ {kinds.get(c.kind, c.kind)}: {c.name}{detail} ({reasons.get(c.reason, c.reason)})"
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setData(KIND_ROLE, c.kind)
            self.duplicates.addItem(item)
        for widget in (self.duplicates_title, self.duplicates, self.duplicates_hint):
            widget.setVisible(bool(found))

    def _update_reason(self) -> None:
        disqualified = self.lead_status.currentData() == LeadStatus.DISQUALIFIED
        self.reason.setEnabled(disqualified)
