"""Collect the licenses of everything bundled into ``LICENSES.txt`` at build time.

Why at build time and from the build's own record: the About dialog must list
what is *in this bundle*, not what happens to be installed on a developer's
machine. The spec writes ``bundled_modules.json`` (top-level import names and
binaries that survived pruning); here they are mapped to distributions with
:mod:`importlib.metadata`, and each distribution contributes its license
expression plus the license files it ships (PEP 639 ``License-File`` or the
older dist-info layout). Qt/PySide6 ship no license file in the wheel, so the
LGPL/GPL texts come from the system's common-licenses when present. Linux
system libraries copied from the build machine are attributed to their Debian
package with ``dpkg -S`` and its ``copyright`` file.
"""

from __future__ import annotations

import importlib.metadata as md
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Protocol

LICENSE_NAMES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")
MAX_TEXT = 200_000  # per file: a license, not a data dump
#: Our own code and build tools: not redistributed third-party components.
SKIP_DISTRIBUTIONS = frozenset({"relata", "pyinstaller", "pyinstaller-hooks-contrib"})
COMMON_LICENSES = Path("/usr/share/common-licenses")
#: SPDX id -> file under /usr/share/common-licenses, for wheels without a text.
SPDX_TEXTS = {"LGPL-3.0-only": ("LGPL-3", "GPL-3"), "GPL-3.0-only": ("GPL-3",)}


class Metadata(Protocol):
    """The part of distribution metadata we read (``email.message.Message`` has it too)."""

    def get(self, name: str, failobj: None = None) -> str | None:
        """One header."""
        ...

    def get_all(self, name: str, failobj: None = None) -> list[str] | None:
        """Every value of a repeated header."""
        ...


@dataclass(frozen=True)
class Component:
    """One bundled third-party component and its license texts."""

    name: str
    version: str
    license: str
    texts: tuple[tuple[str, str], ...] = field(default=())  # (file name, text)


def distributions_for(
    modules: Iterable[str], mapping: Mapping[str, Sequence[str]]
) -> list[str]:
    """Distribution names providing ``modules`` (top-level import names).

    ``mapping`` is :func:`importlib.metadata.packages_distributions`; names
    from the standard library or the build itself map to nothing.
    """
    found: set[str] = set()
    for module in modules:
        for dist in mapping.get(module, ()):
            if dist.lower() not in SKIP_DISTRIBUTIONS:
                found.add(dist)
    return sorted(found, key=str.lower)


def license_of(meta: Metadata) -> str:
    """The SPDX expression, else the License field, else the classifiers."""
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    text = str(meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 120:
        return text
    classifiers = [
        c.split("::")[-1].strip()
        for c in (meta.get_all("Classifier") or [])
        if c.startswith("License ::")
    ]
    return " / ".join(classifiers) or ("see license text" if text else "unknown")


def _is_license_file(path: str) -> bool:
    parts = PurePosixPath(path).parts
    if not parts or not parts[0].endswith(".dist-info"):
        return False
    name = parts[-1].upper()
    return any(name.startswith(n) for n in LICENSE_NAMES) or "licenses" in parts


def component(dist: md.Distribution) -> Component:
    """License facts of one installed distribution."""
    meta = dist.metadata
    texts: list[tuple[str, str]] = []
    for path in dist.files or ():
        if _is_license_file(str(path)):
            text = Path(str(path.locate())).read_text("utf-8", "replace")[:MAX_TEXT]
            texts.append((PurePosixPath(str(path)).name, text))
    expression = license_of(meta)
    if not texts:
        texts.extend(_common_license_texts(expression))
    return Component(meta["Name"], dist.version, expression, tuple(texts))


def _common_license_texts(expression: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for spdx, files in SPDX_TEXTS.items():
        if spdx in expression:
            for name in files:
                path = COMMON_LICENSES / name
                if path.is_file():
                    out.append((name, path.read_text(encoding="utf-8")[:MAX_TEXT]))
            break
    return out


def python_component() -> Component:
    """The Python runtime itself, which is bundled but is no distribution."""
    version = ".".join(map(str, sys.version_info[:3]))
    lib = (
        Path(sys.base_prefix)
        / "lib"
        / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    )
    candidates = [lib / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"]
    texts = tuple(
        (p.name, p.read_text(encoding="utf-8")[:MAX_TEXT])
        for p in candidates
        if p.is_file()
    )
    return Component("Python", version, "PSF-2.0", texts[:1])


def debian_packages(paths: Iterable[str]) -> dict[str, str]:
    """Map library paths to their Debian package (``dpkg -S``); empty without dpkg."""
    paths = [p for p in paths if p]
    if not paths or shutil.which("dpkg") is None:
        return {}
    out: dict[str, str] = {}
    for path in paths:
        for candidate in dict.fromkeys((path, str(Path(path).resolve()))):
            result = subprocess.run(
                ["dpkg", "-S", candidate], capture_output=True, text=True, check=False
            )
            if result.returncode == 0 and ":" in result.stdout:
                out[path] = result.stdout.split(":", 1)[0].strip()
                break
    return out


def system_library_components(binaries: Mapping[str, str]) -> list[Component]:
    """Components for shared libraries copied from the build machine.

    ``binaries`` maps bundle destination to source path; only top-level
    ``lib*.so*`` files outside Python packages are system libraries.
    """
    system = {
        dest: src
        for dest, src in binaries.items()
        if "/" not in dest
        and dest.startswith("lib")
        and ".so" in dest
        and "python" not in dest
    }
    packages = debian_packages(system.values())
    by_package: dict[str, list[str]] = {}
    for dest, src in system.items():
        by_package.setdefault(packages.get(src, "unknown package"), []).append(dest)
    components = []
    for package, libs in sorted(by_package.items()):
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        texts: tuple[tuple[str, str], ...] = ()
        if copyright_file.is_file():
            texts = (
                ("copyright", copyright_file.read_text("utf-8", "replace")[:MAX_TEXT]),
            )
        components.append(
            Component(
                f"{package} ({', '.join(sorted(libs))})", "system", "see text", texts
            )
        )
    return components


def render(components: Sequence[Component], *, app_version: str) -> str:
    """``LICENSES.txt``: an index first (what the About dialog shows), then the texts."""
    lines = [
        f"Relata {app_version} - third-party components in this bundle",
        "",
        "Qt and PySide6 are used under the GNU Lesser General Public License v3.",
        "The Qt libraries are separate files in _internal/PySide6/Qt/lib and may",
        "be replaced by compatible builds. Sources: https://download.qt.io and the",
        "PySide6-Essentials source distribution on PyPI. Qt's own third-party",
        "parts: https://doc.qt.io/qt-6/licenses-used-in-qt.html",
        "",
        "Component | Version | License",
        "--- | --- | ---",
    ]
    lines += [f"{c.name} | {c.version} | {c.license}" for c in components]
    for c in components:
        for name, text in c.texts:
            lines += [
                "",
                "=" * 78,
                f"{c.name} {c.version} - {name}",
                "=" * 78,
                text.rstrip(),
            ]
    return "\n".join(lines) + "\n"


def collect(
    modules: Iterable[str], binaries: Mapping[str, str], *, app_version: str
) -> tuple[str, list[Component]]:
    """Everything for ``LICENSES.txt``: Python, bundled distributions, system libraries."""
    names = distributions_for(modules, md.packages_distributions())
    components = [python_component()]
    components += [component(md.distribution(name)) for name in names]
    components += system_library_components(binaries)
    return render(components, app_version=app_version), components
