"""The person form: name, correspondence, organisations, channels, addresses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from app.domain.addresses import (
    OrganisationRow,
    Person,
    PersonData,
    RelationStatus,
    Salutation,
)
from app.domain.errors import FieldError, ValidationError
from app.views.forms.children import EmploymentsEditor
from app.views.forms.record_form import RecordForm, section_title
from app.views.labels import language_text, salutation_text

_NO_DATE = QDate(1800, 1, 1)


def _t(text: str) -> str:
    return QCoreApplication.translate("PersonForm", text)


class PersonForm(RecordForm):
    """Edit a person (B2C customer or contact of organisations)."""

    def __init__(
        self,
        search_organisations: Callable[[str], list[OrganisationRow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.salutation = QComboBox()
        for value in Salutation:
            self.salutation.addItem(salutation_text(value), value)
        self.title = QLineEdit()
        self.title.setPlaceholderText(_t("e.g. Dr."))
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.language = QComboBox()
        for code in ("de", "fr", "it", "en", "rm"):
            self.language.addItem(language_text(code), code)
        self.birth_date = QDateEdit()
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setMinimumDate(_NO_DATE)
        self.birth_date.setSpecialValueText(_t("unknown"))
        self.birth_date.setDisplayFormat("dd.MM.yyyy")
        self.birth_date.setDate(_NO_DATE)
        self.birth_date.dateChanged.connect(self.mark_dirty)
        self.employments = EmploymentsEditor(search_organisations)
        self.employments.sig_content_changed.connect(self.mark_dirty)
        form = QFormLayout()
        self.add_field(form, "salutation", _t("Salutation"), self.salutation)
        self.add_field(form, "title", _t("Title"), self.title)
        self.add_field(form, "first_name", _t("First name"), self.first_name)
        self.add_field(form, "last_name", _t("Last name *"), self.last_name)
        self.add_field(form, "language", _t("Language"), self.language)
        self.add_field(form, "birth_date", _t("Date of birth"), self.birth_date)
        self.add_status_fields(form)
        self.body.addLayout(form)
        self.body.addWidget(section_title(_t("Organisations")))
        self.body.addWidget(self.employments)
        self.add_common_sections()
        self.load(None)

    def load(self, person: Person | None) -> None:
        """Show ``person``, or an empty form for a new one."""
        self._loading = True
        self.clear_errors()
        self.record_id = person.id if person else None
        data = person.data() if person else PersonData(last_name="")
        self.set_heading(
            person.full_name if person else _t("New person"),
            ", ".join(e.organisation_name for e in data.employments),
        )
        self.select_data(self.salutation, data.salutation)
        self.title.setText(data.title)
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.select_data(self.language, data.language)
        self.birth_date.setDate(
            QDate(data.birth_date.year, data.birth_date.month, data.birth_date.day)
            if data.birth_date
            else _NO_DATE
        )
        self.select_data(self.status, data.status)
        self.select_data(self.owner, data.owner_id)
        self.notes.setPlainText(data.notes)
        self.channels.set_items(data.channels)
        self.addresses.set_items(data.addresses)
        self.employments.set_items(data.employments)
        self._loading = False
        self.set_clean()

    def value(self) -> PersonData:
        """The form as a :class:`PersonData`.

        Raises:
            ValidationError: an organisation line names no known organisation.
        """
        unresolved = self.employments.unresolved_rows()
        if unresolved:
            raise ValidationError(
                [
                    FieldError(
                        f"employments[{i}].organisation_id",
                        "employment.unknown",
                        _t("Choose an organisation from the list."),
                    )
                    for i in unresolved
                ]
            )
        qdate = self.birth_date.date()
        birth = (
            None
            if qdate == _NO_DATE
            else dt.date(qdate.year(), qdate.month(), qdate.day())
        )
        return PersonData(
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            salutation=Salutation(self.salutation.currentData()),
            title=self.title.text(),
            language=str(self.language.currentData()),
            birth_date=birth,
            status=RelationStatus(self.status.currentData()),
            notes=self.notes.toPlainText(),
            owner_id=self.owner.currentData(),
            addresses=self.addresses.items(),
            channels=self.channels.items(),
            employments=self.employments.items(),
        )

    def show_child_error(
        self, group: str, index: int, field: str, text: str
    ) -> QWidget | None:
        """Employment rows too."""
        if group == "employments":
            self.employments.show_error(index, text)
            return self.employments.row_widget(index)
        return super().show_child_error(group, index, field, text)

    def clear_errors(self) -> None:
        """Also the employment rows."""
        super().clear_errors()
        if hasattr(self, "employments"):
            self.employments.clear_errors()
