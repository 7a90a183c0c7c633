"""Replaces pyinstaller-hooks-contrib's hook for phonenumbers.

Why: the stock hook collects every submodule, including 43 MB of geocoding,
carrier and time-zone tables that Relata never calls (it parses, validates and
formats numbers). The per-region metadata in ``phonenumbers.data`` and
``phonenumbers.shortdata`` is imported by name at run time, so it stays.
"""

from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("geodata", "carrierdata", "tzdata", "geocoder", "carrier", "timezone")

hiddenimports = collect_submodules(
    "phonenumbers",
    filter=lambda name: (
        not any(
            name == f"phonenumbers.{part}" or name.startswith(f"phonenumbers.{part}.")
            for part in _UNUSED
        )
    ),
)
