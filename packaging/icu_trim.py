"""Trim the ICU data library PySide6 ships on Linux to the languages Relata speaks.

``libicudata.so.73`` is 32 MB: the Unicode data every ICU user needs (a few
MB) plus locale data for about 800 locales, dictionaries for Chinese,
Japanese, Thai, Khmer, Lao and Burmese word breaking, transliteration rules
and legacy character-set converters. Qt uses ICU for collation (``QCollator``)
and a few conversions; Relata's text comes in as UTF-8/UTF-16 and is shown in
German, English, French and Italian (Swiss users: Romansh too).

The trimmed library keeps every non-locale item, the root locale, and every
locale of :data:`KEEP_LANGUAGES` (with all their regional variants, so
``de_CH`` still finds ``de``); it drops other locales, the word-break
dictionaries, transliteration and the ``.cnv`` converters. A user whose system
locale is, say, Spanish gets the root locale's rules (Unicode order), which is
what ICU does for any locale it has no data for.

How: the data blob is the library's ``.rodata`` (symbol ``icudt<NN>_dat``);
``icupkg`` (Debian: ``icu-devtools``) removes items, ``genccode`` turns the
package back into assembly with the same symbol, and ``gcc`` links a shared
library with the same soname. The probe in ``launcher.py`` checks German
collation in the frozen bundle, so a broken library fails the smoke test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: Languages whose locale data stays (every region of each).
KEEP_LANGUAGES = frozenset({"de", "en", "fr", "it", "rm"})
#: Tools the trim needs; without them the library is left as it is.
TOOLS = ("objcopy", "nm", "icupkg", "genccode", "gcc")

_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})(?:_[A-Za-z0-9]*)*$")
#: ``.res`` items named like a locale that are not one.
_NOT_LOCALES = frozenset({"pool", "root", "res_index"})


@dataclass(frozen=True)
class TrimResult:
    """Sizes before and after, and what was dropped."""

    library: Path
    before: int
    after: int
    removed_items: int


def missing_tools(which: object = shutil.which) -> list[str]:
    """The tools of :data:`TOOLS` not on ``PATH``."""
    assert callable(which)
    return [tool for tool in TOOLS if which(tool) is None]


def drop_item(item: str, keep: frozenset[str] = KEEP_LANGUAGES) -> bool:
    """Whether the data item ``item`` (as ``icupkg -l`` lists it) goes."""
    folder, _, name = item.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return False
    if folder == "translit":
        return True
    if ext == "dict" and folder == "brkitr":
        return True
    if ext == "cnv":
        return True
    if ext != "res" or stem in _NOT_LOCALES:
        return False
    match = _LOCALE.match(stem)
    return match is not None and match.group("lang") not in keep


def items_to_drop(
    items: Iterable[str], keep: frozenset[str] = KEEP_LANGUAGES
) -> list[str]:
    """The items of a package listing that :func:`drop_item` drops."""
    return [item for item in items if drop_item(item, keep)]


def _run(*command: str, cwd: Path | None = None) -> str:
    return subprocess.run(
        command, cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def data_symbol(library: Path) -> str:
    """The exported data symbol, e.g. ``icudt73_dat``."""
    for line in _run("nm", "-D", "--defined-only", str(library)).splitlines():
        parts = line.split()
        if parts and re.fullmatch(r"icudt\d+_dat", parts[-1]):
            return parts[-1]
    raise ValueError(f"{library}: no icudt*_dat symbol")


def trim_library(library: Path, keep: frozenset[str] = KEEP_LANGUAGES) -> TrimResult:
    """Replace ``library`` (libicudata.so.NN) by one with only ``keep``'s locales."""
    symbol = data_symbol(library)  # icudt73_dat
    entry = symbol.removesuffix("_dat")  # icudt73
    package = f"{entry}l"  # little-endian package name inside the data
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="relata-icu-") as tmp:
        work = Path(tmp)
        full = work / "full" / f"{package}.dat"
        small = work / "small" / f"{package}.dat"
        full.parent.mkdir()
        small.parent.mkdir()
        _run(
            "objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(full)
        )
        listing = _run("icupkg", "-l", str(full)).split()
        drop = items_to_drop(listing, keep)
        (work / "drop.txt").write_text("\n".join(drop) + "\n", "utf-8")
        # --ignore-deps: the root break rules name the dropped dictionaries;
        # ICU reports those scripts' dictionary as missing, it does not crash
        _run(
            "icupkg",
            "--ignore-deps",
            "-r",
            str(work / "drop.txt"),
            str(full),
            str(small),
        )
        _run("genccode", "-e", entry, "-a", "gcc", "-d", str(work), str(small))
        assembly = work / f"{package}_dat.S"
        soname = library.name
        out = work / soname
        _run(
            "gcc", "-shared", "-nostdlib", "-o", str(out),
            f"-Wl,-soname,{soname}", str(assembly),
        )  # fmt: skip
        if data_symbol(out) != symbol:
            raise ValueError(
                f"trimmed library exports {data_symbol(out)}, not {symbol}"
            )
        mode = library.stat().st_mode
        shutil.copyfile(out, library)
        os.chmod(library, mode)
    return TrimResult(library, before, library.stat().st_size, len(drop))


def find_library(bundle: Path) -> Path | None:
    """The bundle's ``libicudata.so.NN`` (PySide6 ships its own on Linux)."""
    found = sorted(bundle.rglob("libicudata.so.*"))
    return next((p for p in found if not p.is_symlink()), None)
