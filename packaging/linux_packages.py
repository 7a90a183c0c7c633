"""Linux deliverables around the onedir bundle: a ``.tar.gz`` with ``install.sh`` and a ``.deb``.

Why both: the archive installs per user without root (field laptops where the
user is not admin), the ``.deb`` is what IT's software distribution (apt
repository, Ansible, Landscape) rolls out. Both carry the same ``dist/relata``
folder, the desktop file and the hicolor icons.

The ``.deb`` is built with plain ``dpkg-deb --root-owner-group`` (no debhelper:
there is nothing to compile, and CI has dpkg anyway). Its ``Depends`` lists the
system libraries Qt loads but the bundle deliberately does not carry (see
``bundle_rules.LINUX_SYSTEM_LIBS``) plus the xcb helpers Qt's X11 plugin needs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

DEB_DEPENDS = (
    "libc6 (>= {glibc})",
    "libstdc++6",
    "libgcc-s1",
    "libdbus-1-3",
    "libgl1",
    "libegl1",
    "libexpat1",
    "libfontconfig1",
    "libfreetype6",
    "libcom-err2",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
)

_GLIBC = re.compile(rb"GLIBC_(2\.\d+)(?:\.\d+)?\x00")


def version_key(version: str) -> tuple[int, ...]:
    """``"2.34"`` -> ``(2, 34)`` for comparing glibc versions."""
    return tuple(int(part) for part in version.split("."))


def min_glibc(files: Iterable[Path]) -> str:
    """The newest ``GLIBC_2.x`` symbol version any of ``files`` references.

    That is the oldest C library the bundle runs on. Reading the version
    strings straight from the bytes needs no binutils on the build machine.
    """
    best = "2.17"
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if not data.startswith(b"\x7fELF"):
            continue
        for match in _GLIBC.finditer(data):
            found = match.group(1).decode()
            if version_key(found) > version_key(best):
                best = found
    return best


def elf_files(folder: Path) -> list[Path]:
    """Regular files below ``folder`` (symlinks skipped: their targets are listed)."""
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def stage_share(share: Path) -> None:
    """Desktop file and hicolor icons below ``share`` (``…/share``)."""
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(
        HERE / "linux" / "relata.desktop", share / "applications" / "relata.desktop"
    )
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ICONS / f"relata-{size}.png", target / "relata.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ICONS / "relata.svg", scalable / "relata.svg")


def build_tarball(
    bundle: Path, out_dir: Path, *, version: str, arch: str, glibc: str
) -> Path:
    """``relata-<version>-linux-<arch>.tar.gz`` with ``install.sh``, the bundle and share/.

    Symlinks in the bundle are stored as symlinks; ``install.sh`` gets the
    minimum glibc stamped in so it can refuse a too-old system up front.
    """
    name = f"relata-{version}-linux-{arch}"
    stage = out_dir / f".stage-{name}"
    shutil.rmtree(stage, ignore_errors=True)
    top = stage / name
    top.mkdir(parents=True)
    script = (HERE / "linux" / "install.sh").read_text(encoding="utf-8")
    (top / "install.sh").write_text(script.replace("@MIN_GLIBC@", glibc), "utf-8")
    (top / "install.sh").chmod(0o755)
    stage_share(top / "share")
    shutil.copytree(bundle, top / "relata", symlinks=True)
    archive = out_dir / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(top, arcname=name, filter=_normalise)
    shutil.rmtree(stage)
    return archive


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Owner root, no build-machine user names (reproducible, installable by anyone)."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def deb_arch() -> str:
    """Debian architecture of the build machine (``amd64``, ``arm64`` …)."""
    if shutil.which("dpkg"):
        result = subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        )
        return result.stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, "all")


def deb_version(version: str) -> str:
    """A PEP 440 version as a Debian version (``1.0rc1`` sorts before ``1.0``)."""
    return re.sub(r"(\d)(a|b|rc)(\d+)", r"\1~\2\3", version).replace(".dev", "~dev")


def control_file(*, version: str, arch: str, installed_kb: int, glibc: str) -> str:
    """The ``DEBIAN/control`` text."""
    depends = ", ".join(d.format(glibc=glibc) for d in DEB_DEPENDS)
    return (
        "Package: relata\n"
        f"Version: {deb_version(version)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        "Maintainer: Relata developers <relata@example.ch>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {depends}\n"
        "Homepage: https://relata.example.ch\n"
        "Description: offline-first desktop CRM\n"
        " Relata manages organisations, persons, addresses and sales work on a\n"
        " local SQLite database that keeps working offline, and synchronises with\n"
        " a central server. Machine-wide settings: /etc/relata/policy.json.\n"
    )


POSTINST = """#!/bin/sh
# Refresh the menu and icon caches so Relata shows up without a re-login.
set -e
if [ "$1" = configure ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
"""

POSTRM = """#!/bin/sh
# Caches again; user data (~/.local/share/Relata) and /etc/relata stay.
set -e
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
exit 0
"""


def du_kb(folder: Path) -> int:
    """Size in KiB as dpkg's ``Installed-Size`` counts it (symlinks not followed)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def build_deb(bundle: Path, out_dir: Path, *, version: str, glibc: str) -> Path:
    """``relata_<version>_<arch>.deb``: /opt/relata, /usr/bin/relata, desktop file, icons."""
    arch = deb_arch()
    stage = out_dir / ".stage-deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / "opt" / "relata", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "relata").symlink_to("/opt/relata/relata")
    stage_share(stage / "usr" / "share")
    debian = stage / "DEBIAN"
    debian.mkdir()
    installed_kb = du_kb(stage)
    (debian / "control").write_text(
        control_file(
            version=version, arch=arch, installed_kb=installed_kb, glibc=glibc
        ),
        encoding="utf-8",
    )
    for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
        (debian / name).write_text(text, encoding="utf-8")
        (debian / name).chmod(0o755)
    for path in stage.rglob("*"):  # dpkg-deb insists on sane modes
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    deb = out_dir / f"relata_{deb_version(version)}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(deb)],
        check=True,
        capture_output=True,
        text=True,
    )
    shutil.rmtree(stage)
    return deb
