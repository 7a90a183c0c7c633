"""The sidebar's areas and their page titles.

The main window lists every page from the start but builds an area (its
pages, menus and shortcuts) only when it is first needed or when the event
loop is idle after the window is shown. The titles live here so that the
sidebar can be filled without importing the areas' modules; each title keeps
the translation context of the area that owns the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

#: The areas in sidebar order (attribute names on the main window).
AREAS: tuple[str, ...] = (
    "sales_ui",
    "journal_ui",
    "exchange_ui",
    "quality_ui",
    "automation_ui",
    "analytics_ui",
    "sync_ui",
)


#: The order areas are built in after the window is shown: the dashboard first
#: (the overview shows it), then sync (the status bar's state), the quick log
#: (Ctrl+J from anywhere), and the rest in sidebar order.
BUILD_ORDER: tuple[str, ...] = (
    "analytics_ui",
    "sync_ui",
    "journal_ui",
    "sales_ui",
    "exchange_ui",
    "quality_ui",
    "automation_ui",
)


def area_titles(area: str) -> list[str]:
    """The sidebar entries of ``area``, in the order of its pages."""
    if area == "sales_ui":
        return [
            QCoreApplication.translate("SalesUi", "Leads"),
            QCoreApplication.translate("SalesUi", "Pipeline"),
            QCoreApplication.translate("SalesUi", "Forecast"),
        ]
    if area == "journal_ui":
        return [
            QCoreApplication.translate("JournalUi", "Journal"),
            QCoreApplication.translate("JournalUi", "Tasks"),
            QCoreApplication.translate("JournalUi", "Service"),
        ]
    if area == "exchange_ui":
        return [QCoreApplication.translate("ExchangeUi", "Import & export")]
    if area == "quality_ui":
        return [QCoreApplication.translate("QualityUi", "Data quality")]
    if area == "automation_ui":
        return [QCoreApplication.translate("AutomationUi", "Automation")]
    if area == "analytics_ui":
        return [QCoreApplication.translate("AnalyticsUi", "Reports")]
    if area == "sync_ui":
        return [QCoreApplication.translate("Sync", "Sync")]
    raise KeyError(area)
