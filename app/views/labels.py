"""Translated names of enum values and error codes, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.addresses import AddressKind, ChannelKind, RelationStatus, Salutation


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_text(status: RelationStatus | str) -> str:
    """Customer, prospect … in the UI language."""
    return {
        RelationStatus.PROSPECT: _t("Prospect"),
        RelationStatus.CUSTOMER: _t("Customer"),
        RelationStatus.PARTNER: _t("Partner"),
        RelationStatus.SUPPLIER: _t("Supplier"),
        RelationStatus.FORMER: _t("Former customer"),
    }.get(
        RelationStatus(status) if status in RelationStatus else RelationStatus.PROSPECT,
        "",
    )


def channel_text(kind: ChannelKind) -> str:
    """Phone, mobile, e-mail … in the UI language."""
    return {
        ChannelKind.PHONE: _t("Phone"),
        ChannelKind.MOBILE: _t("Mobile"),
        ChannelKind.EMAIL: _t("E-mail"),
        ChannelKind.WEB: _t("Web"),
        ChannelKind.FAX: _t("Fax"),
    }[kind]


def address_kind_text(kind: AddressKind) -> str:
    """Main, billing, delivery … address in the UI language."""
    return {
        AddressKind.MAIN: _t("Main address"),
        AddressKind.BILLING: _t("Billing address"),
        AddressKind.DELIVERY: _t("Delivery address"),
        AddressKind.VISIT: _t("Visiting address"),
        AddressKind.POSTAL: _t("Postal address"),
        AddressKind.HOME: _t("Home address"),
    }[kind]


def salutation_text(value: Salutation) -> str:
    """Form of address in the UI language."""
    return {
        Salutation.NONE: _t("(none)"),
        Salutation.MS: _t("Ms"),
        Salutation.MR: _t("Mr"),
        Salutation.MX: _t("Mx"),
    }[value]


def language_text(code: str) -> str:
    """Correspondence language name."""
    return {
        "de": _t("German"),
        "fr": _t("French"),
        "it": _t("Italian"),
        "en": _t("English"),
        "rm": _t("Romansh"),
    }.get(code, code)


def error_text(code: str, fallback: str) -> str:
    """The message for a :class:`UserError` code; the English text if unknown."""
    known = {
        "required": _t("This field is required."),
        "email.invalid": _t("This is not a valid e-mail address."),
        "phone.invalid": _t("This is not a valid phone number."),
        "postcode.invalid": _t(
            "This postcode does not exist in that country's format."
        ),
        "country.invalid": _t("Use a two-letter country code such as CH, DE or AT."),
        "web.invalid": _t("This is not a web address."),
        "uid.invalid": _t("A UID looks like CHE-123.456.789."),
        "uid.checksum": _t("This UID has a wrong check digit."),
        "birth_date.range": _t("The date of birth must lie between 1880 and today."),
        "address.empty": _t("An address needs at least a street, postcode or city."),
        "employment.duplicate": _t(
            "The person is already linked to this organisation."
        ),
        # sales pipeline
        "amount.invalid": _t("This is not an amount (e.g. 12'500.50)."),
        "amount.negative": _t("An amount cannot be negative."),
        "amount.too_large": _t("This amount is too large."),
        "percent.invalid": _t("This is not a percentage (e.g. 12.5)."),
        "percent.range": _t("A percentage lies between 0 and 100."),
        "probability.range": _t("The probability lies between 0 and 100 %."),
        "quantity.invalid": _t("The quantity must be a whole number of at least 1."),
        "line.empty": _t("Choose a product or describe the line."),
        "currency.unknown": _t("Choose CHF, EUR or USD."),
        "opportunity.party_required": _t("Choose an organisation or a contact person."),
        "lead.name_required": _t("A lead needs a last name or a company."),
        "lead.not_qualified": _t(
            "Only a qualified lead (MQL or SQL) can be converted."
        ),
        "lead.converted": _t("A converted lead keeps its status."),
        "lead.convert_instead": _t("Use “Convert” to turn the lead into a customer."),
        "stage.unknown": _t("Choose a stage."),
        "stage.other_pipeline": _t("The stage belongs to another pipeline."),
        "stage.in_use": _t(
            "This stage still holds opportunities; move them to another stage first."
        ),
        "stages.outcomes": _t(
            "A pipeline needs open stages and exactly one Won and one Lost stage."
        ),
        "record.not_found": _t("This record was deleted meanwhile."),
        "rate.invalid": _t("This exchange rate is out of range."),
        # journal, tasks, service cases, attachments, calendar files
        "too_long": _t("This text is too long (at most 300 characters)."),
        "journal.empty": _t("Write a subject or a text."),
        "journal.time": _t("Enter a date and time."),
        "journal.duration": _t("The duration lies between 0 and 10,080 minutes."),
        "link.invalid": _t("This linked record is unknown."),
        "pick.unresolved": _t("Choose an entry from the list."),
        "task.closed": _t("This task is already completed."),
        "case.customer": _t("Choose the customer: a person or an organisation."),
        "case.transition": _t(
            "The case cannot move to this status now (solve it before closing it)."
        ),
        "case.due_order": _t("The solution cannot be due before the first response."),
        "attachment.too_big": _t("This file is too big to attach (at most 25 MB)."),
        "attachment.missing": _t("This file does not exist (any more)."),
        "attachment.gone": _t("The attached file is missing from the data folder."),
        "ics.missing": _t("This file does not exist (any more)."),
        "ics.invalid": _t("This is not a calendar file (.ics) that Relata can read."),
        "ics.empty": _t("The calendar file contains no appointments."),
        "ics.too_big": _t(
            "The calendar file is too big (at most 10 MB and 10,000 appointments)."
        ),
        "ics.event": _t("An appointment in the file is incomplete or damaged."),
    }
    return known.get(code, fallback)


def progress_text(message: str) -> str:
    """A progress message from a service in the UI language (English if unknown).

    Services are Qt-free and report plain English steps; each step they report
    is listed here once.
    """
    known = {
        "Preparing": _t("Preparing …"),
        "Generating organisations": _t("Generating organisations …"),
        "Generating persons": _t("Generating persons …"),
        "Rebuilding indexes": _t("Rebuilding indexes …"),
        "Rebuilding search index": _t("Rebuilding the search index …"),
        "Done": _t("Done"),
        # data quality
        "Reading records": _t("Reading records …"),
        "Comparing": _t("Comparing records …"),
        "Scoring": _t("Scoring likely duplicates …"),
        "Tagging": _t("Tagging records …"),
        "Updating records": _t("Updating records …"),
        "Checking e-mail addresses and phone numbers": _t(
            "Checking e-mail addresses and phone numbers …"
        ),
        "Checking addresses": _t("Checking addresses …"),
        "Checking required fields": _t("Checking required fields …"),
        "Checking custom fields": _t("Checking custom fields …"),
        "Adding custom fields, tags and segments": _t(
            "Adding custom fields, tags and segments …"
        ),
    }
    return known.get(message, message)
