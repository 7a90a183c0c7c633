"""Translated words of the dashboard and reports: periods, groupings, measures,
error messages, and compact money and percentages in the user's locale."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from app.domain.analytics import CltvMethod, DashPeriod, Measure, NpsClass
from app.views.labels import error_text
from app.views.pipeline.texts import (
    money,
    outcome_text,
    source_text,
    stage_name_text,
)

__all__ = ["money"]


def _t(text: str) -> str:
    return QCoreApplication.translate("AnalyticsTexts", text)


def period_text(period: DashPeriod) -> str:
    """A dashboard period."""
    return {
        DashPeriod.THIS_YEAR: _t("This year"),
        DashPeriod.LAST_12_MONTHS: _t("Last 12 months"),
        DashPeriod.THIS_QUARTER: _t("This quarter"),
        DashPeriod.LAST_QUARTER: _t("Last quarter"),
        DashPeriod.LAST_YEAR: _t("Last year"),
        DashPeriod.ALL: _t("All time"),
    }[period]


def dimension_text(dim: str) -> str:
    """A report grouping."""
    return {
        "owner": _t("Owner"),
        "stage": _t("Stage"),
        "source": _t("Lead source"),
        "industry": _t("Industry"),
        "canton": _t("Canton"),
        "month": _t("Close month"),
        "outcome": _t("Outcome"),
        "pipeline": _t("Pipeline"),
        "campaign": _t("Campaign"),
    }.get(dim, dim)


def measure_text(measure: Measure) -> str:
    """A report measure."""
    return {
        Measure.COUNT: _t("Number of deals"),
        Measure.SUM: _t("Amount (CHF)"),
        Measure.AVERAGE: _t("Average deal (CHF)"),
        Measure.WEIGHTED: _t("Weighted amount (CHF)"),
    }[measure]


def outcome_filter_text(outcome: str) -> str:
    """The report's outcome filter."""
    return {
        "": _t("All deals"),
        "open": _t("Open deals"),
        "won": _t("Won deals"),
        "lost": _t("Lost deals"),
    }.get(outcome, outcome)


def nps_class_text(category: NpsClass) -> str:
    """Promoter, passive or detractor."""
    return {
        NpsClass.PROMOTER: _t("Promoter"),
        NpsClass.PASSIVE: _t("Passive"),
        NpsClass.DETRACTOR: _t("Detractor"),
    }[category]


def cltv_method_text(method: CltvMethod) -> str:
    """The CLTV method as a choice."""
    return {
        CltvMethod.PROJECTED: _t("Average yearly revenue × margin × years"),
        CltvMethod.HISTORIC_PLUS_PROJECTED: _t(
            "Historic gross profit + projection for the remaining years"
        ),
    }[method]


def group_label(dim: str, key: str, label: str) -> str:
    """A report group's label in the UI language (stages, sources, months …)."""
    if not key:
        return _t("(none)")
    if dim == "stage":
        return stage_name_text(key, label)
    if dim == "source":
        return source_text(key)
    if dim == "outcome":
        from app.domain.pipeline import Outcome

        return outcome_text(Outcome(key)) if key in Outcome else key
    if dim == "month" and len(key) == 7:
        month = dt.date.fromisoformat(f"{key}-01")
        name = QLocale().standaloneMonthName(
            month.month, QLocale.FormatType.ShortFormat
        )
        return f"{name} {month.year}"
    return label


def millions(units: float, decimals: int = 2) -> str:
    """``1.25 M`` (German ``1.25 Mio.``): ``units`` in millions, abbreviated."""
    value = QLocale().toString(float(units / 1_000_000), "f", decimals)
    return _t("%1 M").replace("%1", value).replace(" ", "\u00a0")


def short_money(minor: int) -> str:
    """``CHF 1.25 M``, ``CHF 812'400`` — compact for figures and bar labels."""
    units = minor / 100
    if abs(units) >= 1_000_000:
        return f"CHF\u00a0{millions(units)}"
    return f"CHF\u00a0{QLocale().toString(round(units))}"


def plain_money(minor: int) -> str:
    """``1.66 M`` / ``48'234`` — CHF without the code, for columns headed (CHF)."""
    units = minor / 100
    if abs(units) >= 1_000_000:
        return millions(units)
    return QLocale().toString(round(units))


def pct(value: float | None, *, signed: bool = False, decimals: int = 0) -> str:
    """``42 %`` / ``+3.5 %`` / ``–`` when there is nothing to divide."""
    if value is None:
        return "–"
    text = number(abs(value) if signed else value, decimals)
    if signed:
        text = ("+" if value >= 0 else "−") + text
    return f"{text}\u00a0%"


def number(value: float, decimals: int = 0) -> str:
    """A number in the user's locale."""
    if decimals == 0:
        return QLocale().toString(round(value))
    return QLocale().toString(float(value), "f", decimals)


def nps_text(score: float | None) -> str:
    """``+32`` — the NPS is a number from −100 to +100, not a percentage."""
    if score is None:
        return "–"
    rounded = round(score)
    return (
        f"+{rounded}" if rounded > 0 else ("−" + str(-rounded) if rounded < 0 else "0")
    )


def as_of_text(last_sync: dt.datetime | None) -> str:
    """The freshness note under every tile."""
    if last_sync is None:
        return _t("Local data · not synced yet")
    local = QDateTime(last_sync.astimezone()).toLocalTime()
    stamp = QLocale().toString(local, "dd.MM.yyyy HH:mm")
    return _t("Data as of last sync: %1").replace("%1", stamp)


def analytics_error_text(code: str, fallback: str) -> str:
    """The message for an analytics error code (others via the common labels)."""
    known = {
        "nps.person": _t("Choose the person who answered."),
        "nps.score": _t("The score is a whole number from 0 to 10."),
        "nps.date": _t("Enter a date such as 31.12.2026."),
        "nps.future": _t("The answer cannot lie in the future."),
        "nps.comment": _t("The comment is too long (at most 2,000 characters)."),
        "nps.unknown_person": _t("No person with this e-mail address or Relata ID."),
        "nps.columns": _t(
            "The file needs a score column and an e-mail or Relata ID column."
        ),
        "cltv.margin": _t("The gross margin lies between 0 and 100 %."),
        "cltv.years": _t("Enter between 1 and 50 years."),
        "report.name_taken": _t("A report with this name exists already."),
        "report.invalid": _t("Choose one or two different groupings."),
        "required": _t("This field is required."),
    }
    return known.get(code) or error_text(code, fallback)
