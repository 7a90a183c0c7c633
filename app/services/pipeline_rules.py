"""Validation of pipeline input: money as typed, opportunities, lines and leads.

Like :mod:`app.services.address_rules`, each check collects every bad field and
raises one :class:`ValidationError`, so a form marks all of them at once. Field
names are the form's: ``title``, ``amount``, ``lines[1].quantity`` …
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from app.domain.errors import FieldError, ValidationError
from app.domain.pipeline import (
    CURRENCIES,
    LeadData,
    LeadStatus,
    LineData,
    OpportunityData,
    Outcome,
)
from app.services.validation import (
    FieldProblem,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_postcode,
)

#: 100 billion in minor units: more is a typing slip, not a deal.
MAX_MINOR = 10**13
_GROUPING = re.compile(r"[\s'’`\u00a0\u202f]")
_SWISS_DASH = re.compile(r"[.,]-+$|[.,]–$")


def parse_money(text: str) -> int:
    """Turn an amount as typed into minor units (``12'500.50`` → 1250050).

    Accepts Swiss (``1'234.50``, ``1’234.–``), German (``1.234,50``) and English
    (``1,234.50``) writing and a leading or trailing currency code. With both
    separators the last one is the decimal point; a lone separator followed by
    one or two digits is one too, otherwise it groups thousands.

    Raises:
        FieldProblem: ``amount.invalid``, ``amount.negative`` or ``amount.too_large``.
    """
    raw = text.strip()
    body = re.sub(r"^[A-Za-z]{3}\s*|\s*[A-Za-z]{3}$", "", raw)
    body = _SWISS_DASH.sub("", _GROUPING.sub("", body))
    if not body:
        if raw:
            raise FieldProblem("amount.invalid", f"'{text}' is not an amount")
        return 0
    negative = body.startswith("-")
    body = body.lstrip("+-")
    if not re.fullmatch(r"[\d.,]+", body) or not re.search(r"\d", body):
        raise FieldProblem("amount.invalid", f"'{text}' is not an amount")
    last_dot, last_comma = body.rfind("."), body.rfind(",")
    decimal_at = max(last_dot, last_comma)
    whole, cents = body, ""
    if decimal_at >= 0:
        tail = body[decimal_at + 1 :]
        both = last_dot >= 0 and last_comma >= 0
        if both or (0 < len(tail) <= 2 and body.count(body[decimal_at]) == 1):
            whole, cents = body[:decimal_at], tail
    whole = whole.replace(".", "").replace(",", "")
    if (cents and (not cents.isdigit() or len(cents) > 2)) or (
        whole and not whole.isdigit()
    ):
        raise FieldProblem("amount.invalid", f"'{text}' is not an amount")
    minor = int(whole or "0") * 100 + int((cents + "00")[:2])
    if negative and minor:
        raise FieldProblem("amount.negative", "An amount cannot be negative")
    if minor > MAX_MINOR:
        raise FieldProblem("amount.too_large", f"'{text}' is too large an amount")
    return minor


def parse_percent(text: str) -> int:
    """A percentage as typed (``12.5``, ``12,5 %``) in basis points (1250)."""
    body = text.strip().rstrip("%").strip().replace(",", ".")
    if not body:
        return 0
    if not re.fullmatch(r"\d{1,3}(\.\d{1,2})?", body):
        raise FieldProblem("percent.invalid", f"'{text}' is not a percentage")
    whole, _, frac = body.partition(".")
    value = int(whole) * 100 + int((frac + "00")[:2])
    if value > 10_000:
        raise FieldProblem("percent.range", "A percentage lies between 0 and 100")
    return value


def validate_lines(
    lines: tuple[LineData, ...], errors: list[FieldError]
) -> tuple[LineData, ...]:
    """Check quantities, prices and discounts; lines need a product or a text."""
    out: list[LineData] = []
    for i, line in enumerate(lines):
        where = f"lines[{i}]"
        text = line.description.strip()
        if not text and not line.product_id:
            errors.append(
                FieldError(
                    f"{where}.description",
                    "line.empty",
                    "Choose a product or describe it",
                )
            )
        if not 1 <= line.quantity <= 1_000_000:
            errors.append(
                FieldError(
                    f"{where}.quantity",
                    "quantity.invalid",
                    "The quantity must be between 1 and 1,000,000",
                    line.quantity,
                )
            )
        if not 0 <= line.discount_bp <= 10_000:
            errors.append(
                FieldError(
                    f"{where}.discount",
                    "percent.range",
                    "A discount lies between 0 and 100 %",
                    line.discount_bp,
                )
            )
        if not 0 <= line.unit_price_minor <= MAX_MINOR:
            errors.append(
                FieldError(
                    f"{where}.unit_price",
                    "amount.invalid",
                    "The unit price is out of range",
                    line.unit_price_minor,
                )
            )
        out.append(replace(line, description=text))
    return tuple(out)


def validate_opportunity(data: OpportunityData, outcome: Outcome) -> OpportunityData:
    """Normalise ``data`` for a stage with ``outcome`` or raise one ValidationError.

    Amount from lines is recomputed here, so stored totals always match lines.
    """
    errors: list[FieldError] = []
    title = data.title.strip()
    if not title:
        errors.append(FieldError("title", "required", "Title is required", data.title))
    if not data.organisation_id and not data.person_id:
        errors.append(
            FieldError(
                "organisation_id",
                "opportunity.party_required",
                "Choose an organisation or a contact person",
            )
        )
    if data.currency not in CURRENCIES:
        errors.append(
            FieldError(
                "currency",
                "currency.unknown",
                f"Unknown currency {data.currency}",
                data.currency,
            )
        )
    if data.probability is not None and not 0 <= data.probability <= 100:
        errors.append(
            FieldError(
                "probability",
                "probability.range",
                "The probability lies between 0 and 100 %",
                data.probability,
            )
        )
    if data.close_date is None:
        errors.append(
            FieldError("close_date", "required", "The expected close date is required")
        )
    if not 0 <= data.amount_minor <= MAX_MINOR:
        errors.append(
            FieldError(
                "amount",
                "amount.invalid",
                "The amount is out of range",
                data.amount_minor,
            )
        )
    if outcome == Outcome.LOST and not data.lost_reason.strip():
        errors.append(
            FieldError("lost_reason", "required", "Say why the opportunity was lost")
        )
    lines = validate_lines(data.lines, errors)
    if errors:
        raise ValidationError(errors)
    amount = data.amount_minor
    if data.amount_from_lines:
        amount = sum(line.total_minor for line in lines)
    return replace(
        data,
        title=title,
        lines=lines,
        amount_minor=amount,
        next_step=data.next_step.strip(),
        lost_reason=data.lost_reason.strip() if outcome == Outcome.LOST else "",
        competitor=data.competitor.strip() if outcome != Outcome.OPEN else "",
    )


def validate_lead(data: LeadData) -> LeadData:
    """Normalise a lead (e-mail, phone, postcode) or raise one ValidationError."""
    errors: list[FieldError] = []

    def check(field: str, value: str, fn: Callable[[str], str]) -> str:
        if not value.strip():
            return ""
        try:
            return fn(value)
        except FieldProblem as exc:
            errors.append(FieldError(field, exc.code, exc.message, value))
            return value

    last, company = data.last_name.strip(), data.company.strip()
    if not last and not company:
        errors.append(
            FieldError(
                "last_name",
                "lead.name_required",
                "A lead needs a last name or a company",
            )
        )
    country = check("country", data.country or "CH", normalise_country) or "CH"
    email = check("email", data.email, normalise_email)
    phone = check(
        "phone", data.phone, lambda v: normalise_phone(v, region=country or "CH")
    )
    postcode = check(
        "postcode", data.postcode, lambda v: normalise_postcode(v, country=country)
    )
    reason = data.disqualify_reason.strip()
    if data.status == LeadStatus.DISQUALIFIED and not reason:
        errors.append(
            FieldError(
                "disqualify_reason", "required", "Say why the lead is disqualified"
            )
        )
    if errors:
        raise ValidationError(errors)
    return replace(
        data,
        last_name=last,
        first_name=data.first_name.strip(),
        company=company,
        job_title=data.job_title.strip(),
        email=email,
        phone=phone,
        postcode=postcode,
        city=data.city.strip(),
        region=data.region.strip().upper(),
        country=country,
        disqualify_reason=reason if data.status == LeadStatus.DISQUALIFIED else "",
        notes=data.notes.strip(),
    )
