"""Translated texts of the quality views: reasons, field names, operators, types."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.domain.custom_fields import CustomFieldDef, CustomValue, FieldType, TextFormat
from app.domain.quality import MassAction, MatchKey, Reason, RuleKind
from app.domain.segments import Op
from app.views.labels import error_text, language_text, status_text


def _t(text: str) -> str:
    return QCoreApplication.translate("Quality", text)


def reason_text(reason: Reason) -> str:
    """Why two records look alike."""
    return {
        Reason.SAME_EMAIL: _t("same e-mail"),
        Reason.SAME_PHONE: _t("same phone"),
        Reason.SAME_NAME: _t("same name"),
        Reason.SIMILAR_NAME: _t("similar name"),
        Reason.SWAPPED_NAME: _t("first and last name swapped"),
        Reason.SPELLING: _t("same name, other spelling"),
        Reason.SAME_POSTCODE: _t("same postcode"),
        Reason.SAME_STREET: _t("same street"),
        Reason.SAME_ORGANISATION: _t("same organisation"),
        Reason.SAME_UID: _t("same UID"),
        Reason.SAME_DOMAIN: _t("same web domain"),
        Reason.LEGAL_FORM: _t("name differs only in the legal form"),
    }[reason]


def key_text(key: MatchKey) -> str:
    """A blocking key of the duplicate rules."""
    return {
        MatchKey.EMAIL: _t("Same e-mail address"),
        MatchKey.PHONE: _t("Same phone number"),
        MatchKey.NAME: _t("Same name anywhere"),
        MatchKey.NAME_POSTCODE: _t("Similar name in the same postcode"),
        MatchKey.UID: _t("Same UID number"),
        MatchKey.DOMAIN: _t("Same web domain"),
    }[key]


def type_text(field_type: FieldType) -> str:
    """A custom field type."""
    return {
        FieldType.TEXT: _t("Text"),
        FieldType.NUMBER: _t("Number"),
        FieldType.MONEY: _t("Amount"),
        FieldType.DATE: _t("Date"),
        FieldType.BOOL: _t("Yes/no"),
        FieldType.CHOICE: _t("Choice"),
        FieldType.MULTI_CHOICE: _t("Multiple choice"),
        FieldType.PERSON: _t("Link to a person"),
        FieldType.ORGANISATION: _t("Link to an organisation"),
    }[field_type]


def format_text(fmt: TextFormat) -> str:
    """A text field's required format."""
    return {
        TextFormat.NONE: _t("any text"),
        TextFormat.EMAIL: _t("e-mail address"),
        TextFormat.PHONE: _t("phone number"),
        TextFormat.WEB: _t("web address"),
        TextFormat.IBAN: _t("IBAN"),
        TextFormat.UID: _t("UID number"),
    }[fmt]


def kind_text(kind: str, *, plural: bool = False) -> str:
    """Persons, organisations, leads …"""
    singular = {
        "person": _t("Person"),
        "organisation": _t("Organisation"),
        "lead": _t("Lead"),
        "opportunity": _t("Opportunity"),
        "service_case": _t("Service case"),
    }
    many = {
        "person": _t("Persons"),
        "organisation": _t("Organisations"),
        "lead": _t("Leads"),
        "opportunity": _t("Opportunities"),
        "service_case": _t("Service cases"),
    }
    return (many if plural else singular).get(kind, kind)


def field_text(key: str, fallback: str = "") -> str:
    """A record field's label (segment builder, merge, mass update, report)."""
    known = {
        "last_name": _t("Last name"),
        "first_name": _t("First name"),
        "org_name": _t("Organisation"),
        "name": _t("Name"),
        "legal_form": _t("Legal form"),
        "customer_number": _t("Customer no."),
        "uid": _t("UID (VAT) no."),
        "industry": _t("Industry"),
        "industry_id": _t("Industry"),
        "status": _t("Status"),
        "owner": _t("Owner"),
        "owner_id": _t("Owner"),
        "email": _t("E-mail"),
        "phone": _t("Phone"),
        "web": _t("Web"),
        "address": _t("Address"),
        "title": _t("Title"),
        "salutation": _t("Salutation"),
        "language": _t("Language"),
        "birth_date": _t("Date of birth"),
        "notes": _t("Notes"),
        "created_at": _t("Created"),
        "updated_at": _t("Last changed"),
        "postcode": _t("Postcode"),
        "city": _t("City"),
        "region": _t("Canton / region"),
        "country": _t("Country"),
        "tag": _t("Tag"),
        "won_opportunity": _t("Won opportunity"),
        "open_opportunity": _t("Open opportunity"),
        "journal": _t("Journal entry"),
        "product": _t("Bought product"),
    }
    return known.get(key, fallback or key)


def group_text(group: str) -> str:
    """A heading in the segment builder's field list."""
    return {
        "record": _t("Record"),
        "address": _t("Address"),
        "custom": _t("Custom fields"),
        "related": _t("Related records"),
    }.get(group, group)


def op_text(op: Op) -> str:
    """A condition operator."""
    return {
        Op.EQ: _t("is"),
        Op.NE: _t("is not"),
        Op.CONTAINS: _t("contains"),
        Op.STARTS_WITH: _t("starts with"),
        Op.IN: _t("is one of"),
        Op.NOT_IN: _t("is none of"),
        Op.GT: _t("greater than"),
        Op.GE: _t("at least"),
        Op.LT: _t("less than"),
        Op.LE: _t("at most"),
        Op.EMPTY: _t("is empty"),
        Op.NOT_EMPTY: _t("is filled"),
        Op.IS_TRUE: _t("is yes"),
        Op.IS_FALSE: _t("is no"),
        Op.HAS: _t("has"),
        Op.HAS_NOT: _t("has not"),
        Op.IN_LAST_DAYS: _t("in the last … days"),
        Op.NOT_IN_LAST_DAYS: _t("none in the last … days"),
        Op.IN_LAST_MONTHS: _t("in the last … months"),
        Op.NEVER: _t("never"),
        Op.EXISTS: _t("exists"),
        Op.NOT_EXISTS: _t("does not exist"),
    }[op]


def action_text(action: MassAction) -> str:
    """What a mass update does."""
    return {
        MassAction.SET_FIELD: _t("Set a field"),
        MassAction.ADD_TAG: _t("Add a tag"),
        MassAction.REMOVE_TAG: _t("Remove a tag"),
        MassAction.SET_OWNER: _t("Change the owner"),
    }[action]


def rule_text(rule: RuleKind) -> str:
    """A kind of validation rule."""
    return {
        RuleKind.FORMAT: _t("format"),
        RuleKind.REQUIRED: _t("required"),
        RuleKind.ALLOWED: _t("allowed values"),
    }[rule]


def issue_text(code: str) -> str:
    """What is wrong with a value in the report."""
    known = {
        "phone.not_e164": _t("Not stored in international format (+41 …)."),
        "value.not_allowed": _t("This value is not allowed."),
        "required": _t("Missing."),
        "choice.unknown": _t("Not one of the field's values."),
    }
    return known.get(code) or error_text(code, code)


def choice_value_text(field: str, value: str) -> str:
    """A stored choice of a record field (status, language) in the UI language."""
    if field == "status":
        return status_text(value)
    if field == "language":
        return language_text(value)
    return value


def value_text(definition: CustomFieldDef, value: CustomValue) -> str:
    """A custom value in the user's locale (``1'234.50``, ``31.12.2026``, ``Ja``)."""
    if value is None:
        return ""
    locale = QLocale()
    match definition.field_type:
        case FieldType.NUMBER:
            assert isinstance(value, Decimal)
            return locale.toString(float(value), "f", definition.decimals)
        case FieldType.MONEY:
            assert isinstance(value, int)
            amount = locale.toString(value / 100, "f", 2)
            return f"{definition.currency} {amount}"
        case FieldType.DATE:
            assert isinstance(value, dt.date)
            return locale.toString(
                QDate(value.year, value.month, value.day), "dd.MM.yyyy"
            )
        case FieldType.BOOL:
            return _t("Yes") if value else _t("No")
        case FieldType.CHOICE:
            return definition.choice_label(str(value))
        case FieldType.MULTI_CHOICE:
            assert isinstance(value, tuple)
            return ", ".join(definition.choice_label(v) for v in value)
        case _:
            return str(value)


def quality_error_text(code: str, fallback: str) -> str:
    """Messages of the quality services' error codes."""
    known = {
        "custom_field.key_taken": _t("Another field already uses this key."),
        "custom_field.choices_missing": _t("A choice field needs at least one value."),
        "custom_field.choice_repeated": _t("Each value may appear only once."),
        "custom_field.choice_char": _t("Values may not contain a vertical bar (|)."),
        "custom_field.decimals": _t("Between 0 and 4 decimals."),
        "custom_field.type_locked": _t(
            "Records have values in this field; its type cannot change any more."
        ),
        "custom_field.choice_in_use": _t(
            "Records still have a value you removed; change them first (mass update)."
        ),
        "number.invalid": _t("This is not a number."),
        "number.too_large": _t("This number is too large."),
        "date.invalid": _t("This is not a date (e.g. 31.12.2026)."),
        "date.ambiguous": _t("Write the date as day.month.year."),
        "bool.invalid": _t("Answer yes or no."),
        "choice.unknown": _t("Choose one of the field's values."),
        "link.unknown": _t("Choose a record from the list."),
        "iban.invalid": _t("This is not an IBAN (e.g. CH93 0076 2011 6238 5295 7)."),
        "iban.checksum": _t("This IBAN has wrong check digits."),
        "tag.exists": _t("A tag with this name exists already here."),
        "tag.cycle": _t("A tag cannot be placed below itself."),
        "tag.color": _t("Choose a colour."),
        "tag.too_long": _t("At most 100 characters."),
        "segment.name_taken": _t("Another segment has this name."),
        "segment.condition": _t("A condition is incomplete or does not fit its field."),
        "segment.invalid": _t("The segment's conditions cannot be read."),
        "merge.same": _t("A record cannot be merged with itself."),
        "merge.undone": _t("This merge was undone already."),
        "merge.changed_since": _t(
            "Records touched by the merge were changed since. Undo anyway?"
        ),
        "mass.undone": _t("This mass update was undone already."),
        "mass.changed_since": _t(
            "Records touched by the mass update were changed since. Undo anyway?"
        ),
        "mass.field": _t("This field cannot be changed for many records at once."),
        "mass.value": _t("This value is not allowed for the field."),
        "dedup.threshold": _t("The threshold lies between 1 and 100."),
        "dedup.keys": _t("Choose at least one way to compare records."),
        "rule.field": _t("This field cannot carry that rule."),
        "rule.values": _t("Enter the allowed values, one per line."),
        "quality.not_fixable": _t("Open the record to correct this."),
    }
    return known.get(code) or error_text(code, fallback)
