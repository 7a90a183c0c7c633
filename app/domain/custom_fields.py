"""Custom fields (Qualitätsmerkmale) an administrator adds without code.

A definition says which records carry the field, its type and, for choice
fields, the allowed values. Values are stored one row per record and field
(``app/models/quality.py``) in a canonical form that sorts and compares in SQL:
:func:`encode` and :func:`decode` convert between that form and Python values.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

#: Numbers are stored as integers scaled by this factor (four decimals).
NUMBER_SCALE = 10_000
#: The separator of multi-choice values: ``|a|b|`` so ``LIKE '%|a|%'`` finds one.
MULTI_SEP = "|"


class FieldType(StrEnum):
    """What a custom field holds."""

    TEXT = "text"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    PERSON = "person"
    ORGANISATION = "organisation"


class TextFormat(StrEnum):
    """A format a text field's values must have (checked on entry and in the report)."""

    NONE = ""
    EMAIL = "email"
    PHONE = "phone"
    WEB = "web"
    IBAN = "iban"
    UID = "uid"


class RecordKind(StrEnum):
    """Records that can carry custom fields (and tags)."""

    ORGANISATION = "organisation"
    PERSON = "person"
    LEAD = "lead"
    OPPORTUNITY = "opportunity"
    SERVICE_CASE = "service_case"


#: Types whose value is compared as a number (``value_num``).
NUMERIC_TYPES = frozenset({FieldType.NUMBER, FieldType.MONEY, FieldType.BOOL})

type CustomValue = str | int | Decimal | dt.date | bool | tuple[str, ...] | None
"""Python value of a custom field: text/link id (str), money minor units (int),
number (Decimal), date, yes/no (bool), multi-choice (tuple of choice values)."""


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice field: the stored value and its label."""

    value: str
    label: str


@dataclass(frozen=True)
class CustomFieldDefData:
    """Input for creating or changing a custom field.

    Attributes:
        entity_kind: which records carry the field (:class:`RecordKind`).
        label: what forms and lists show.
        field_type: what the field holds.
        key: stable name for imports, exports and segments; made from the
            label when empty and never changed afterwards.
        choices: allowed values of (multi-)choice fields, in display order.
        currency: ISO code of money fields.
        decimals: shown decimals of number fields (0–4).
        text_format: a format text values must have (IBAN, e-mail …).
        required: forms refuse to save without a value.
        help_text: shown as the field's tool tip.
        active: inactive fields are hidden but keep their values.
    """

    entity_kind: RecordKind
    label: str
    field_type: FieldType
    key: str = ""
    choices: tuple[Choice, ...] = ()
    currency: str = "CHF"
    decimals: int = 0
    text_format: TextFormat = TextFormat.NONE
    required: bool = False
    help_text: str = ""
    active: bool = True


@dataclass(frozen=True)
class CustomFieldDef:
    """A custom field as stored."""

    id: str
    entity_kind: RecordKind
    key: str
    label: str
    field_type: FieldType
    choices: tuple[Choice, ...] = ()
    currency: str = "CHF"
    decimals: int = 0
    text_format: TextFormat = TextFormat.NONE
    required: bool = False
    help_text: str = ""
    active: bool = True
    position: int = 0
    value_count: int = 0

    def data(self) -> CustomFieldDefData:
        """The editable part (to prefill the editor)."""
        return CustomFieldDefData(
            entity_kind=self.entity_kind,
            label=self.label,
            field_type=self.field_type,
            key=self.key,
            choices=self.choices,
            currency=self.currency,
            decimals=self.decimals,
            text_format=self.text_format,
            required=self.required,
            help_text=self.help_text,
            active=self.active,
        )

    def choice_label(self, value: str) -> str:
        """The label of the stored choice ``value`` (the value if unknown)."""
        return next((c.label for c in self.choices if c.value == value), value)

    @property
    def column_key(self) -> str:
        """The key this field has among a record's fields (``cf:<key>``)."""
        return f"cf:{self.key}"


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(label: str) -> str:
    """A field key from a label: ``Anzahl Mitarbeitende`` → ``anzahl_mitarbeitende``."""
    text = label.casefold().replace("ß", "ss")
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SLUG.sub("_", text).strip("_")[:60] or "field"


def encode(field_type: FieldType, value: CustomValue) -> tuple[str, int | None]:
    """The stored ``(value, value_num)`` of a Python value.

    Raises:
        TypeError: the value does not fit the type (a programming error: input
            is parsed by the service first).
    """
    if value is None:
        return "", None
    match field_type:
        case FieldType.NUMBER:
            if not isinstance(value, (Decimal, int)) or isinstance(value, bool):
                raise TypeError(f"number expected, got {value!r}")
            number = Decimal(value)
            return _plain(number), int(number * NUMBER_SCALE)
        case FieldType.MONEY:
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"minor units expected, got {value!r}")
            return str(value), value
        case FieldType.DATE:
            if not isinstance(value, dt.date):
                raise TypeError(f"date expected, got {value!r}")
            return value.isoformat(), None
        case FieldType.BOOL:
            if not isinstance(value, bool):
                raise TypeError(f"yes/no expected, got {value!r}")
            return ("1" if value else "0"), int(value)
        case FieldType.MULTI_CHOICE:
            if not isinstance(value, tuple):
                raise TypeError(f"tuple of choices expected, got {value!r}")
            if not value:
                return "", None
            return MULTI_SEP + MULTI_SEP.join(value) + MULTI_SEP, None
        case _:
            if not isinstance(value, str):
                raise TypeError(f"text expected, got {value!r}")
            return value, None


def decode(field_type: FieldType, text: str, num: int | None) -> CustomValue:
    """The Python value of a stored ``(value, value_num)``; ``None`` if empty."""
    if text == "" and num is None:
        return None
    match field_type:
        case FieldType.NUMBER:
            try:
                return Decimal(text)
            except InvalidOperation:
                return Decimal(num or 0) / NUMBER_SCALE
        case FieldType.MONEY:
            return int(num if num is not None else text)
        case FieldType.DATE:
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return None
        case FieldType.BOOL:
            return bool(num if num is not None else text == "1")
        case FieldType.MULTI_CHOICE:
            return tuple(p for p in text.split(MULTI_SEP) if p)
        case _:
            return text


def _plain(number: Decimal) -> str:
    """``Decimal`` without exponent or trailing zeros (``1E+3`` → ``1000``)."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
