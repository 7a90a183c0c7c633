"""The opportunity form: deal, customer, money, stage and dates, product lines.

Built on :class:`RecordForm` (inline errors, dirty state, owner pick list).
Changing the stage moves the probability along while the user has not set
their own; "Amount from product lines" makes the amount the lines' total.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.addresses import ContactRef, OrganisationRow
from app.domain.errors import FieldError, ValidationError
from app.domain.pipeline import (
    CURRENCIES,
    Campaign,
    LeadSource,
    Opportunity,
    OpportunityData,
    Outcome,
    Pipeline,
    Product,
)
from app.services.pipeline_rules import parse_money
from app.services.validation import FieldProblem
from app.views.forms.children import OrganisationPicker
from app.views.forms.record_form import RecordForm, section_title
from app.views.pipeline.lines_editor import LinesEditor
from app.views.pipeline.texts import (
    amount_text,
    lost_reasons,
    pipeline_text,
    source_text,
    stage_text,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("OpportunityForm", text)


def qdate(day: dt.date) -> QDate:
    """A ``QDate`` of ``day``."""
    return QDate(day.year, day.month, day.day)


class OpportunityForm(RecordForm):
    """Edit an opportunity (Verkaufschance)."""

    def __init__(
        self,
        search_organisations: Callable[[str], list[OrganisationRow]],
        contacts_of: Callable[[str], tuple[ContactRef, ...]],
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._contacts_of = contacts_of
        self._today = today
        self._pipelines: list[Pipeline] = []
        self._person_id: str | None = None
        self._last_stage_probability = -1
        self.title = QLineEdit()
        self.title.setPlaceholderText(_t("e.g. CRM roll-out 40 users"))
        self.organisation = OrganisationPicker(search_organisations)
        self.person = QComboBox()
        self.pipeline = QComboBox()
        self.stage = QComboBox()
        self.probability = QSpinBox()
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.from_lines = QCheckBox(_t("from product lines"))
        self.close_date = QDateEdit()
        self.close_date.setCalendarPopup(True)
        self.close_date.setDisplayFormat("dd.MM.yyyy")
        self.source = QComboBox()
        for source in LeadSource:
            self.source.addItem(source_text(source), source)
        self.campaign = QComboBox()
        self.next_step = QLineEdit()
        self.next_step.setPlaceholderText(_t("e.g. Send the offer by Friday"))
        self.lost_reason = QComboBox()
        self.lost_reason.setEditable(True)
        self.lost_reason.addItems(["", *lost_reasons()])
        self.competitor = QLineEdit()
        self.lines = LinesEditor()
        money_row = QWidget()
        money_box = QHBoxLayout(money_row)
        money_box.setContentsMargins(0, 0, 0, 0)
        money_box.addWidget(self.amount, 1)
        money_box.addWidget(self.currency)
        money_box.addWidget(self.from_lines)

        deal = QFormLayout()
        self.add_field(deal, "title", _t("Title *"), self.title)
        self.add_field(deal, "organisation_id", _t("Organisation"), self.organisation)
        self.add_field(deal, "person_id", _t("Contact person"), self.person)
        self.add_field(deal, "pipeline_id", _t("Pipeline"), self.pipeline)
        self.add_field(deal, "stage_id", _t("Stage"), self.stage)
        self.add_field(deal, "probability", _t("Probability"), self.probability)
        self.add_field(deal, "amount", _t("Expected revenue"), money_row)
        self._field_widgets["amount"] = self.amount
        self.add_field(deal, "close_date", _t("Expected close"), self.close_date)
        self.add_field(deal, "next_step", _t("Next step"), self.next_step)
        self.add_field(deal, "owner_id", _t("Owner"), self.owner)
        self.add_field(deal, "source", _t("Source"), self.source)
        self.add_field(deal, "campaign_id", _t("Campaign"), self.campaign)
        self.outcome_title = section_title(_t("Outcome"))
        outcome = QFormLayout()
        self.add_field(outcome, "lost_reason", _t("Lost reason *"), self.lost_reason)
        self.add_field(outcome, "competitor", _t("Competitor"), self.competitor)
        self.outcome_box = QWidget()
        self.outcome_box.setLayout(outcome)
        self.body.addLayout(deal)
        self.body.addWidget(self.outcome_title)
        self.body.addWidget(self.outcome_box)
        self.body.addWidget(section_title(_t("Products of interest")))
        self.body.addWidget(self.lines)
        self.body.addWidget(section_title(_t("Notes")))
        self.body.addWidget(self.notes)
        self.body.addStretch(1)

        self.organisation.currentIndexChanged.connect(self._on_organisation_changed)
        self.pipeline.currentIndexChanged.connect(self._on_pipeline_changed)
        self.stage.currentIndexChanged.connect(self._on_stage_changed)
        self.probability.valueChanged.connect(self.mark_dirty)
        self.close_date.dateChanged.connect(self.mark_dirty)
        self.currency.currentIndexChanged.connect(self._on_currency_changed)
        self.from_lines.toggled.connect(self._on_from_lines_toggled)
        self.lines.sig_content_changed.connect(self._on_lines_changed)
        self.lost_reason.editTextChanged.connect(self.mark_dirty)
        self.competitor.textEdited.connect(self.mark_dirty)

    # ---- pick lists

    def set_pick_lists(
        self,
        pipelines: list[Pipeline],
        products: list[Product],
        campaigns: list[Campaign],
    ) -> None:
        """Pipelines with their stages, the product catalogue, campaigns."""
        self._loading = True
        self._pipelines = pipelines
        self.pipeline.clear()
        for p in pipelines:
            self.pipeline.addItem(pipeline_text(p.id, p.name), p.id)
        self.lines.set_products(products)
        self.campaign.clear()
        self.campaign.addItem(_t("(none)"), None)
        for c in campaigns:
            self.campaign.addItem(c.name, c.id)
        self._loading = False

    # ---- the record

    def load(
        self, record: Opportunity | None, preset: OpportunityData | None = None
    ) -> None:
        """Show ``record``; a new one from ``preset`` (or defaults) if None."""
        self._loading = True
        self.clear_errors()
        self.record_id = record.id if record else None
        default_pipeline = self._pipelines[0] if self._pipelines else None
        data = record.data if record else preset
        if data is None:
            assert default_pipeline is not None, "set_pick_lists first"
            data = OpportunityData(
                title="",
                pipeline_id=default_pipeline.id,
                stage_id=default_pipeline.first_open().id,
                close_date=self._today() + dt.timedelta(days=90),
            )
        if record is not None:
            subtitle = " · ".join(
                p for p in (record.organisation_name, record.person_name) if p
            )
            self.set_heading(record.data.title, subtitle)
        else:
            self.set_heading(_t("New opportunity"))
        self.title.setText(data.title)
        if data.organisation_id:
            name = record.organisation_name if record else ""
            self.organisation.set_organisation(data.organisation_id, name)
        else:
            self.organisation.clear()
            self.organisation.setEditText("")
        self._person_id = data.person_id
        self._fill_contacts(data.organisation_id, record.person_name if record else "")
        self.select_data(self.pipeline, data.pipeline_id)
        self._fill_stages()
        self.select_data(self.stage, data.stage_id)
        probability = data.probability
        if probability is None:
            probability = self._stage_probability()
        self.probability.setValue(probability)
        self.amount.setText(amount_text(data.amount_minor) if data.amount_minor else "")
        self.select_data(self.currency, data.currency)
        self.lines.set_currency(data.currency)
        self.lines.set_items(data.lines)
        self.from_lines.setChecked(data.amount_from_lines)
        self.amount.setReadOnly(data.amount_from_lines)
        self.close_date.setDate(qdate(data.close_date or self._today()))
        self.next_step.setText(data.next_step)
        self.select_data(self.owner, data.owner_id)
        self.select_data(self.source, data.source)
        self.select_data(self.campaign, data.campaign_id)
        self.lost_reason.setEditText(data.lost_reason)
        self.competitor.setText(data.competitor)
        self.notes.setPlainText(data.notes)
        self._update_outcome()
        self._loading = False
        self.set_clean()

    def value(self) -> OpportunityData:
        """The form as :class:`OpportunityData`.

        Raises:
            ValidationError: an amount, price or discount cannot be read, or the
                typed organisation is not one from the list.
        """
        errors: list[FieldError] = []
        amount = 0
        try:
            amount = parse_money(self.amount.text())
        except FieldProblem as exc:
            if not self.from_lines.isChecked():
                errors.append(
                    FieldError("amount", exc.code, exc.message, self.amount.text())
                )
        org_id = self.organisation.organisation_id()
        if self.organisation.currentText().strip() and org_id is None:
            errors.append(
                FieldError(
                    "organisation_id",
                    "employment.unknown",
                    _t("Choose an organisation from the list."),
                )
            )
        lines = self.lines.items(errors)
        if errors:
            raise ValidationError(errors)
        date = self.close_date.date()
        return OpportunityData(
            title=self.title.text(),
            pipeline_id=str(self.pipeline.currentData() or ""),
            stage_id=str(self.stage.currentData() or ""),
            organisation_id=org_id,
            person_id=self.person.currentData(),
            amount_minor=amount,
            currency=str(self.currency.currentData()),
            amount_from_lines=self.from_lines.isChecked(),
            probability=self.probability.value(),
            close_date=dt.date(date.year(), date.month(), date.day()),
            owner_id=self.owner.currentData(),
            next_step=self.next_step.text(),
            source=LeadSource(self.source.currentData()),
            campaign_id=self.campaign.currentData(),
            lost_reason=self.lost_reason.currentText(),
            competitor=self.competitor.text(),
            notes=self.notes.toPlainText(),
            lines=lines,
        )

    def show_child_error(
        self, group: str, index: int, field: str, text: str
    ) -> QWidget | None:
        """Errors of product lines go to their row."""
        if group == "lines":
            return self.lines.show_error(index, field, text)
        return super().show_child_error(group, index, field, text)

    def clear_errors(self) -> None:
        """Also the product lines."""
        super().clear_errors()
        if hasattr(self, "lines"):
            self.lines.clear_errors()

    # ---- helpers

    def current_pipeline(self) -> Pipeline | None:
        """The pipeline chosen in the form."""
        pid = self.pipeline.currentData()
        return next((p for p in self._pipelines if p.id == pid), None)

    def current_outcome(self) -> Outcome:
        """Open, won or lost — from the chosen stage."""
        pipeline = self.current_pipeline()
        sid = self.stage.currentData()
        if pipeline is None or not sid:
            return Outcome.OPEN
        return pipeline.stage(sid).outcome

    def _stage_probability(self) -> int:
        pipeline = self.current_pipeline()
        sid = self.stage.currentData()
        return pipeline.stage(sid).probability if pipeline and sid else 0

    def _fill_stages(self) -> None:
        pipeline = self.current_pipeline()
        current = self.stage.currentData()
        self.stage.blockSignals(True)
        self.stage.clear()
        for stage in pipeline.stages if pipeline else ():
            self.stage.addItem(stage_text(stage), stage.id)
        self.select_data(self.stage, current)
        self.stage.blockSignals(False)
        self._last_stage_probability = self._stage_probability()

    def _fill_contacts(self, org_id: str | None, person_name: str = "") -> None:
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(_t("(none)"), None)
        contacts = self._contacts_of(org_id) if org_id else ()
        for contact in contacts:
            label = contact.name + (f" — {contact.role}" if contact.role else "")
            self.person.addItem(label, contact.person_id)
        if self._person_id and self.person.findData(self._person_id) < 0:
            self.person.addItem(person_name or self._person_id, self._person_id)
        self.select_data(self.person, self._person_id)
        self.person.blockSignals(False)

    def _update_outcome(self) -> None:
        outcome = self.current_outcome()
        self.outcome_title.setVisible(outcome != Outcome.OPEN)
        self.outcome_box.setVisible(outcome != Outcome.OPEN)
        self.lost_reason.setEnabled(outcome == Outcome.LOST)

    # ---- slots

    def _on_organisation_changed(self, _index: int) -> None:
        if self._loading:
            return
        self._person_id = self.person.currentData()
        self._fill_contacts(self.organisation.organisation_id())
        self.mark_dirty()

    def _on_pipeline_changed(self, _index: int) -> None:
        self._fill_stages()
        if not self._loading:
            pipeline = self.current_pipeline()
            if pipeline is not None:
                self.select_data(self.stage, pipeline.first_open().id)
            self._on_stage_changed(0)

    def _on_stage_changed(self, _index: int) -> None:
        new = self._stage_probability()
        if not self._loading:
            # the probability follows the stage unless the user set their own
            if self.probability.value() == self._last_stage_probability:
                self.probability.setValue(new)
            self.mark_dirty()
        self._last_stage_probability = new
        self._update_outcome()

    def _on_currency_changed(self, _index: int) -> None:
        self.lines.set_currency(str(self.currency.currentData()))
        self.mark_dirty()

    def _on_from_lines_toggled(self, checked: bool) -> None:
        self.amount.setReadOnly(checked)
        if checked:
            self._on_lines_changed()
        self.mark_dirty()

    def _on_lines_changed(self) -> None:
        if self.from_lines.isChecked():
            total = self.lines.total_minor()
            if total is not None:
                self.amount.setText(amount_text(total))
        self.mark_dirty()
