"""Translated texts of import and export: field names, row actions, error codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.exchange import ExportFormat, RowAction, RowIssue
from app.exchange.entities import DuplicateKey
from app.views.labels import error_text


def _t(text: str) -> str:
    return QCoreApplication.translate("Exchange", text)


def field_label(key: str) -> str:
    """The column title of an import/export field in the UI language."""
    return {
        "id": _t("Relata ID"),
        "exported_at": _t("Exported at"),
        "external_id": _t("External ID"),
        "salutation": _t("Salutation"),
        "title": _t("Title"),
        "first_name": _t("First name"),
        "last_name": _t("Last name"),
        "full_name": _t("Full name (split)"),
        "organisation": _t("Organisation"),
        "role": _t("Role"),
        "email": _t("E-mail"),
        "phone": _t("Phone"),
        "mobile": _t("Mobile"),
        "web": _t("Web"),
        "street": _t("Street"),
        "house_number": _t("No."),
        "street_and_number": _t("Street and no. (split)"),
        "extra": _t("Address line 2"),
        "po_box": _t("PO box"),
        "postcode": _t("Postcode"),
        "city": _t("City"),
        "region": _t("Canton / region"),
        "country": _t("Country"),
        "birth_date": _t("Date of birth"),
        "language": _t("Language"),
        "status": _t("Status"),
        "owner": _t("Owner"),
        "notes": _t("Notes"),
        "name": _t("Name"),
        "legal_form": _t("Legal form"),
        "customer_number": _t("Customer no."),
        "uid": _t("UID"),
        "industry": _t("Industry"),
        "company": _t("Company"),
        "job_title": _t("Job title"),
        "source": _t("Source"),
        "contact": _t("Contact"),
        "pipeline": _t("Pipeline"),
        "stage": _t("Stage"),
        "amount": _t("Amount"),
        "currency": _t("Currency"),
        "probability": _t("Probability %"),
        "close_date": _t("Expected close"),
        "next_step": _t("Next step"),
    }.get(key, key)


def entity_label(name: str) -> str:
    """``persons`` → Persons; a several-sheet run ``organisations+persons`` →
    Organisations + Persons."""
    if "+" in name:
        return " + ".join(entity_label(part) for part in name.split("+"))
    return {
        "persons": _t("Persons"),
        "organisations": _t("Organisations"),
        "leads": _t("Leads"),
        "opportunities": _t("Opportunities"),
    }.get(name, name)


def key_label(key: DuplicateKey | str) -> str:
    """A duplicate key in words."""
    return {
        DuplicateKey.ID: _t("Relata ID (re-import of an export)"),
        DuplicateKey.EXTERNAL_ID: _t("External ID"),
        DuplicateKey.EMAIL: _t("E-mail address"),
        DuplicateKey.CUSTOMER_NUMBER: _t("Customer number"),
        DuplicateKey.UID: _t("UID (company number)"),
        DuplicateKey.DOMAIN: _t("Web domain"),
        DuplicateKey.NAME_POSTCODE: _t("Name and postcode (similar names)"),
    }.get(DuplicateKey(key), str(key))


def action_label(action: RowAction) -> str:
    """What happens to a row."""
    return {
        RowAction.CREATE: _t("New"),
        RowAction.UPDATE: _t("Update"),
        RowAction.UNCHANGED: _t("Unchanged"),
        RowAction.SKIP: _t("Skipped"),
        RowAction.CONFLICT: _t("Changed since export"),
        RowAction.ERROR: _t("Error"),
    }[action]


def format_label(fmt: ExportFormat) -> str:
    """An export format in words."""
    return {
        ExportFormat.XLSX: _t("Excel workbook (.xlsx)"),
        ExportFormat.CSV_EXCEL: _t("CSV for Excel DE/CH (semicolon, UTF-8 with BOM)"),
        ExportFormat.CSV_RFC: _t("CSV RFC 4180 (comma, UTF-8)"),
        ExportFormat.XML: _t("Relata XML (.xml, schema relata.xsd)"),
        ExportFormat.VCARD3: _t("vCard 3.0 (.vcf)"),
        ExportFormat.VCARD4: _t("vCard 4.0 (.vcf)"),
    }[fmt]


def issue_text(issue: RowIssue) -> str:
    """The message of one row problem in the UI language."""
    known = {
        "key.duplicate_in_file": _t("The same key appears earlier in the file."),
        "date.invalid": _t("This is not a date (use 31.12.2026)."),
        "date.ambiguous": _t(
            "Day and month could be swapped; choose the date order on the mapping page."
        ),
        "number.invalid": _t("This is not a number."),
        "money.invalid": _t("This is not an amount."),
        "choice.unknown": _t("This value is unknown; map it to a known one."),
        "id.invalid": _t("This is not a Relata ID."),
        "owner.unknown": _t("No user has this name; the record gets no owner."),
        "row.changed_since_export": _t(
            "Changed in Relata since the export; not overwritten."
        ),
        "datetime.invalid": _t("This is not a point in time."),
        "required": _t("Required for a new record."),
        "organisation.unknown": _t(
            "No organisation with this customer number, name or external ID in "
            "the workbook or the database."
        ),
        "organisation.row_error": _t(
            "The organisation's row in its sheet has errors; fix that row first."
        ),
        "contact.unknown": _t(
            "No contact with this e-mail or external ID in the workbook or the "
            "database."
        ),
        "contact.row_error": _t(
            "The contact's row in its sheet has errors; fix that row first."
        ),
        "pipeline.unknown": _t("There is no pipeline of this name."),
        "stage.unknown": _t("The pipeline has no stage of this name."),
        "probability.invalid": _t("Give a probability from 0 to 100."),
        "currency.invalid": _t("This is not a currency code (CHF, EUR …)."),
    }
    return known.get(issue.code) or error_text(issue.code, issue.message)


def exchange_error_text(code: str, fallback: str) -> str:
    """Why a file was refused, in the UI language (English message as fallback)."""
    known = {
        "file.empty": _t("The file is empty."),
        "file.too_big": _t(
            "The file is bigger than the largest import file allowed in the settings."
        ),
        "file.unsupported": _t(
            "Only .xlsx, .xlsm, .csv, .xml and .vcf files can be imported."
        ),
        "file.unreadable": _t("The file cannot be read."),
        "zip.bomb": _t(
            "The workbook would unpack to far more data than it holds; it is refused "
            "as a possible zip bomb."
        ),
        "zip.corrupt": _t("The file is damaged or not an Excel workbook."),
        "xlsx.corrupt": _t("The file is not a readable Excel workbook."),
        "xml.forbidden": _t(
            "The XML file uses DTDs or entities, which are refused for safety."
        ),
        "xml.invalid": _t("The file is not a Relata XML file."),
        "vcard.invalid": _t("The file is not a valid vCard file."),
        "csv.invalid": _t("The CSV file cannot be read."),
        "csv.encoding": _t("The CSV file's text encoding cannot be read."),
        "sheet.missing": _t("The workbook has no sheet of that name."),
        "sheet.empty": _t("The sheet is empty."),
        "sheet.too_many_rows": _t("The sheet has more than 1,048,576 rows."),
        "sheet.too_many_columns": _t("The sheet has more than 1,000 columns."),
        "import.key_invalid": _t("These records cannot be matched by that key."),
        "import.already_undone": _t("This import was already undone."),
        "template.name_required": _t("Give the template a name."),
        "template.unknown": _t("There is no template of that name."),
        "export.vcard_persons": _t("vCard files hold persons only."),
        "export.write_failed": _t("The file cannot be written."),
        "export.unsupported": _t("This list cannot be exported yet."),
    }
    text = known.get(code)
    return f"{text}\n{fallback}" if text else fallback
