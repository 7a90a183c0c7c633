"""Convert a qualified lead: reuse or create organisation and person, open a deal.

The choices come from the duplicate check: a close match is preselected, so a
lead from an existing customer does not create a second copy of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes
from app.domain.errors import FieldError, UserError, ValidationError
from app.domain.pipeline import (
    CURRENCIES,
    ConvertRequest,
    ConvertResult,
    DuplicateCandidate,
    Lead,
)
from app.services.leads import LeadService
from app.services.pipeline_rules import parse_money
from app.services.validation import FieldProblem
from app.views.forms.errors import ErrorLabel
from app.views.labels import error_text
from app.views.pipeline.look import SALES_STYLE
from app.views.pipeline.opportunity_form import qdate

#: Similarity from which an existing record is preselected.
PRESELECT = 90


def _t(text: str) -> str:
    return QCoreApplication.translate("ConvertDialog", text)


class _Choice(QGroupBox):
    """Create new / use existing / leave out, for organisation or person."""

    def __init__(
        self,
        title: str,
        new_text: str,
        candidates: list[DuplicateCandidate],
        *,
        can_create: bool,
        none_text: str,
    ) -> None:
        super().__init__(title)
        self.make_new = QRadioButton(new_text)
        self.existing = QRadioButton(_t("Use existing:"))
        self.none = QRadioButton(none_text)
        self.pick = QComboBox()
        for c in candidates:
            self.pick.addItem(
                f"{c.name}" + (f" — {c.detail}" if c.detail else ""), c.id
            )
        group = QButtonGroup(self)
        for button in (self.make_new, self.existing, self.none):
            group.addButton(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.make_new)
        row = QHBoxLayout()
        row.addWidget(self.existing)
        row.addWidget(self.pick, 1)
        layout.addLayout(row)
        layout.addWidget(self.none)
        self.make_new.setEnabled(can_create)
        self.existing.setEnabled(bool(candidates))
        self.pick.setEnabled(bool(candidates))
        best = candidates[0] if candidates else None
        if best is not None and best.score >= PRESELECT:
            self.existing.setChecked(True)
        elif can_create:
            self.make_new.setChecked(True)
        elif candidates:
            self.existing.setChecked(True)
        else:
            self.none.setChecked(True)

    def chosen(self) -> tuple[str | None, bool]:
        """(existing id, create new)."""
        if self.existing.isChecked():
            return self.pick.currentData(), False
        return None, self.make_new.isChecked()


class ConvertDialog(QDialog):
    """Ask how to convert ``lead``, then convert it through the service."""

    def __init__(
        self,
        service: LeadService,
        lead: Lead,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.lead = lead
        self.result_value: ConvertResult | None = None
        self.changes = Changes()
        self.setStyleSheet(SALES_STYLE)
        self.setWindowTitle(_t("Convert lead"))
        self.setMinimumWidth(560)
        data = lead.data
        found = service.duplicates(data, exclude_lead=lead.id)
        orgs = [c for c in found if c.kind == "organisation"]
        people = [c for c in found if c.kind == "person"]
        person_name = " ".join(p for p in (data.first_name, data.last_name) if p)
        intro = QLabel(
            _t(
                "Turn “%1” into a customer record and an opportunity in one step."
            ).replace("%1", lead.display_name)
        )
        intro.setWordWrap(True)
        self.organisation = _Choice(
            _t("Organisation"),
            _t("Create “%1”").replace("%1", data.company)
            if data.company
            else _t("Create new"),
            orgs,
            can_create=bool(data.company),
            none_text=_t("No organisation (private customer)"),
        )
        self.person = _Choice(
            _t("Contact person"),
            _t("Create “%1”").replace("%1", person_name)
            if person_name
            else _t("Create new"),
            people,
            can_create=bool(data.last_name),
            none_text=_t("No contact person"),
        )
        self.create_opportunity = QCheckBox(_t("Create an opportunity"))
        self.create_opportunity.setChecked(True)
        self.title = QLineEdit(data.company or person_name)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.close_date = QDateEdit()
        self.close_date.setCalendarPopup(True)
        self.close_date.setDisplayFormat("dd.MM.yyyy")
        self.close_date.setDate(qdate(today() + dt.timedelta(days=90)))
        self.amount_error = ErrorLabel()
        self.error = ErrorLabel()
        money = QHBoxLayout()
        money.addWidget(self.amount, 1)
        money.addWidget(self.currency)
        opp = QFormLayout()
        opp.addRow(self.create_opportunity)
        opp.addRow(_t("Title"), self.title)
        opp.addRow(_t("Expected revenue"), money)
        opp.addRow("", self.amount_error)
        opp.addRow(_t("Expected close"), self.close_date)
        opp_box = QGroupBox(_t("Opportunity"))
        opp_box.setLayout(opp)
        self.create_opportunity.toggled.connect(
            lambda on: [
                w.setEnabled(on) for w in (self.title, self.amount, self.close_date)
            ]
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_t("Convert"))
        self.ok_button.setObjectName("primaryButton")
        buttons.accepted.connect(self.convert)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error)
        layout.addWidget(self.organisation)
        layout.addWidget(self.person)
        layout.addWidget(opp_box)
        layout.addWidget(buttons)
        self.amount.setFocus()

    def request(self) -> ConvertRequest:
        """What the user chose.

        Raises:
            ValidationError: the amount cannot be read.
        """
        try:
            amount = parse_money(self.amount.text())
        except FieldProblem as exc:
            raise ValidationError(
                [FieldError("amount", exc.code, exc.message, self.amount.text())]
            ) from exc
        org_id, create_org = self.organisation.chosen()
        person_id, create_person = self.person.chosen()
        day = self.close_date.date()
        return ConvertRequest(
            lead_id=self.lead.id,
            organisation_id=org_id,
            create_organisation=create_org,
            person_id=person_id,
            create_person=create_person,
            create_opportunity=self.create_opportunity.isChecked(),
            title=self.title.text(),
            amount_minor=amount,
            currency=str(self.currency.currentData()),
            close_date=dt.date(day.year(), day.month(), day.day()),
        )

    def convert(self) -> bool:
        """OK: convert; errors stay in the dialog with what was entered."""
        self.amount_error.show_error("")
        self.error.show_error("")
        try:
            self.result_value, self.changes = self._service.convert(self.request())
        except ValidationError as exc:
            fe = exc.errors[0]
            label = self.amount_error if fe.field == "amount" else self.error
            label.show_error(error_text(fe.code, fe.message))
            return False
        except UserError as exc:
            self.error.show_error(error_text(exc.code, exc.message))
            return False
        self.accept()
        return True
