"""Translated names of the pipeline's enums and money, dates in the user's locale."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.domain.pipeline import (
    Factor,
    LeadSource,
    LeadStatus,
    Outcome,
    Period,
    Score,
    Stage,
)
from app.services.pipeline import DEFAULT_PIPELINE_NAME, DEFAULT_STAGE_NAMES


def _t(text: str) -> str:
    return QCoreApplication.translate("PipelineTexts", text)


def source_text(source: LeadSource | str) -> str:
    """Where a lead came from, in the UI language."""
    return {
        LeadSource.CAMPAIGN: _t("Campaign"),
        LeadSource.WEB_FORM: _t("Web form"),
        LeadSource.TRADE_FAIR: _t("Trade fair"),
        LeadSource.REFERRAL: _t("Referral"),
        LeadSource.COLD_CALL: _t("Cold call"),
        LeadSource.IMPORT: _t("Import"),
        LeadSource.OTHER: _t("Other"),
    }.get(LeadSource(source) if source in LeadSource else LeadSource.OTHER, "")


def lead_status_text(status: LeadStatus) -> str:
    """Qualification of a lead, in the UI language."""
    return {
        LeadStatus.UNQUALIFIED: _t("Unqualified"),
        LeadStatus.MQL: _t("Marketing qualified (MQL)"),
        LeadStatus.SQL: _t("Sales qualified (SQL)"),
        LeadStatus.DISQUALIFIED: _t("Disqualified"),
        LeadStatus.CONVERTED: _t("Converted"),
    }[status]


def outcome_text(outcome: Outcome) -> str:
    """Open, won or lost."""
    return {Outcome.OPEN: _t("Open"), Outcome.WON: _t("Won"), Outcome.LOST: _t("Lost")}[
        outcome
    ]


def stage_text(stage: Stage | None) -> str:
    """A stage's name; the seeded default names are translated."""
    if stage is None:
        return ""
    return stage_name_text(stage.id, stage.name)


def stage_name_text(stage_id: str, name: str) -> str:
    """Translate ``name`` if it is a default stage still carrying its seeded name."""
    default = DEFAULT_STAGE_NAMES.get(stage_id)
    if default != name:
        return name
    return {
        "Qualification": _t("Qualification"),
        "Needs analysis": _t("Needs analysis"),
        "Offer": _t("Offer"),
        "Negotiation": _t("Negotiation"),
        "Won": _t("Won"),
        "Lost": _t("Lost"),
    }.get(name, name)


def pipeline_text(pipeline_id: str, name: str) -> str:
    """A pipeline's name; the seeded default pipeline's name is translated."""
    if DEFAULT_PIPELINE_NAME.get(pipeline_id) == name:
        return _t("Sales")
    return name


def period_text(period: Period) -> str:
    """A close-date period for the filters."""
    return {
        Period.ANY: _t("Any close date"),
        Period.OVERDUE: _t("Overdue"),
        Period.THIS_MONTH: _t("This month"),
        Period.NEXT_MONTH: _t("Next month"),
        Period.THIS_QUARTER: _t("This quarter"),
        Period.NEXT_QUARTER: _t("Next quarter"),
        Period.THIS_YEAR: _t("This year"),
        Period.NEXT_12_MONTHS: _t("Next 12 months"),
    }[period]


def history_field_text(field: str) -> str:
    """The name of a tracked field in the history."""
    return {
        "stage": _t("Stage"),
        "amount": _t("Amount"),
        "close_date": _t("Close date"),
    }.get(field, field)


def feature_text(feature: str) -> str:
    """The name of a scoring feature."""
    return {
        "source": _t("Source"),
        "industry": _t("Industry"),
        "canton": _t("Canton"),
        "size": _t("Company size"),
        "amount": _t("Deal size"),
        "age": _t("Days open"),
        "activity": _t("Activities"),
    }.get(feature, feature)


def factor_text(factor: Factor) -> str:
    """``Source: Referral`` — a feature and its value, readable."""
    value = factor.value
    if factor.feature == "source":
        value = source_text(value)
    elif factor.feature == "size":
        value = _t("%1 contacts").replace("%1", value)
    elif factor.feature == "age":
        value = _t("%1 days").replace("%1", value)
    elif factor.feature == "amount":
        value = "CHF " + value
    elif not value:
        value = _t("(unknown)")
    return f"{feature_text(factor.feature)}: {value}"


def score_reason_text(score: Score) -> str:
    """Why there is no score."""
    if score.reason == "score.too_little_history":
        return (
            _t(
                "Not enough history yet: %1 closed opportunities (%2 won). "
                "Scores need at least 40 closed, 10 of them won and 10 lost."
            )
            .replace("%1", QLocale().toString(score.samples))
            .replace("%2", QLocale().toString(score.won))
        )
    if score.reason == "score.untrained":
        return _t(
            "The scores have not been learned yet. Use “Retrain scores” on the "
            "Pipeline page."
        )
    return _t("No score available.")


def lost_reasons() -> list[str]:
    """Suggested reasons in the Lost dialog (free text is allowed too)."""
    return [
        _t("Price too high"),
        _t("Chose a competitor"),
        _t("No budget"),
        _t("Project postponed"),
        _t("No decision"),
        _t("Requirements not met"),
    ]


# ---- numbers, money, dates


def money(minor: int, currency: str, *, whole: bool = False) -> str:
    """``CHF 12'500.50`` in the user's locale (``whole``: rounded to units)."""
    locale = QLocale()
    sign = "-" if minor < 0 else ""
    value = abs(minor)
    if whole:
        text = locale.toString((value + 50) // 100)
    else:
        units, cents = divmod(value, 100)
        text = f"{locale.toString(units)}{locale.decimalPoint()}{cents:02d}"
    return f"{currency}\u00a0{sign}{text}"


def amount_text(minor: int) -> str:
    """An amount as typed into a field (``12'500.50``, no currency)."""
    return money(minor, "").strip("\u00a0")


def percent(value: int) -> str:
    """``75 %``."""
    return f"{value}\u00a0%"


def date_text(day: dt.date | None) -> str:
    """A business date in the locale's short format (``31.12.2026``)."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), "dd.MM.yyyy")


def month_text(day: dt.date, *, short: bool = False) -> str:
    """``März 2026`` / ``Mar 26``."""
    locale = QLocale()
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    name = locale.standaloneMonthName(day.month, fmt)
    return f"{name} {day.year % 100:02d}" if short else f"{name} {day.year}"


def month_label(day: dt.date) -> str:
    """``Dec 2026`` (short month name, full year) for column headers."""
    name = QLocale().standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)
    return f"{name} {day.year}"


def effect_text(effect: float) -> str:
    """A score factor's effect in percentage points: ``+12 pts``."""
    return _t("%1 pts").replace("%1", f"{effect:+.0f}")


def quarter_text(day: dt.date) -> str:
    """``Q2 2026``."""
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"
