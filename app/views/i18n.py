"""Language and locale: our translations, Qt's own, and de-CH formats."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

SUPPORTED = ("en", "de")


def resources_dir() -> Path:
    """The ``resources`` folder, in a checkout or inside a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def pick_language(setting: str, system: QLocale | None = None) -> str:
    """``setting`` if given, else the system language if we ship it, else English."""
    if setting in SUPPORTED:
        return setting
    name = (system or QLocale.system()).name()[:2]
    return name if name in SUPPORTED else "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Install our and Qt's translators for ``language``; sets the default locale.

    German uses Swiss formats (de-CH: ``1'234.50``, ``31.12.2026``).
    """
    locale = (
        QLocale(QLocale.Language.German, QLocale.Country.Switzerland)
        if language == "de"
        else QLocale(QLocale.Language.English, QLocale.Country.Switzerland)
    )
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    # English has a catalogue too: it holds the plural forms ("1 person").
    if ours.load(str(resources_dir() / "i18n" / f"relata_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    if language == "en":
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    return installed
