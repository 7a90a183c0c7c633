"""Prove the Windows installer definitions compile, on Linux, around a stub payload.

Usage::

    .venv/bin/python packaging/check_installers.py [--payload DIR] [--out DIR] [--require]

Why: the real Windows payload needs a Windows runner (PyInstaller does not
cross-compile), but a broken ``.wxs`` or ``.nsi`` should fail CI here, not on
release day. msitools' ``wixl`` builds the MSI from the same WiX v3 source and
``makensis`` the NSIS setup.exe; ``msiinfo`` (msitools) then reads the MSI's
tables back to check that the policy custom actions, their sequence and the
upgrade rules really made it in. ``--payload`` takes a real ``dist\\relata``
folder from a Windows build instead of the stub.

Missing tools are a skip with a clear message (exit 0), unless ``--require``
(CI, after ``apt-get install wixl msitools nsis``) makes them an error.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WXS = HERE / "windows" / "relata.wxs"
NSI = HERE / "windows" / "relata.nsi"
ICON = ROOT / "resources" / "icons" / "relata.ico"

#: wixl warns about WiX attributes it does not implement; WiX on Windows uses them.
KNOWN_WIXL_WARNINGS = (
    re.compile(r"has no property named '(Secure|InstallPrivileges|Platform)'"),
    re.compile(r"^\s*$"),
)

STUB_FILES = (
    "relata.exe",
    "relata-policy.exe",
    "LICENSES.txt",
    "_internal/base_library.zip",
    "_internal/python312.dll",
    "_internal/PySide6/Qt6Core.dll",
    "_internal/PySide6/plugins/platforms/qwindows.dll",
    "_internal/resources/i18n/relata_de.qm",
    "_internal/app/db/migrations/env.py",
    "_internal/app/db/migrations/versions/0001_initial.py",
)


def app_version() -> str:
    """``app.__version__`` from the source."""
    text = (ROOT / "app" / "__init__.py").read_text("utf-8")
    match = re.search(r"__version__\s*=\s*[\"']([^\"']+)", text)
    if match is None:
        raise RuntimeError("no __version__ in app/__init__.py")
    return match.group(1)


def make_stub_payload(folder: Path) -> Path:
    """A ``dist\\relata``-shaped folder of placeholder files (``MZ`` for the exes)."""
    payload = folder / "relata"
    for rel in STUB_FILES:
        path = payload / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"MZ stub\n" if rel.endswith((".exe", ".dll")) else b"stub\n")
    return payload


def internal_files(payload: Path) -> list[str]:
    """``relata/_internal/...`` paths (forward slashes) for ``wixl-heat``."""
    return sorted(
        "relata/" + p.relative_to(payload).as_posix()
        for p in (payload / "_internal").rglob("*")
        if p.is_file()
    )


def unexpected_tool_output(text: str, known: Iterable[re.Pattern[str]]) -> list[str]:
    """Lines of tool output that are not known, harmless warnings."""
    patterns = tuple(known)
    return [
        line for line in text.splitlines() if not any(p.search(line) for p in patterns)
    ]


def msi_problems(tables: dict[str, str]) -> list[str]:
    """Check exported MSI tables (``msiinfo export``) for what IT relies on."""
    problems = []
    actions = tables.get("CustomAction", "")
    for needle in (
        "WritePolicyMachine",
        "WritePolicyUser",
        r"[CommonAppDataFolder]Relata\policy.json",
        "[INSTALLDIR]policy.json",
        "server_url=[SERVERURL]",
        "language=[LANGUAGE]",
    ):
        if needle not in actions:
            problems.append(f"CustomAction table lacks {needle!r}")
    sequence = tables.get("InstallExecuteSequence", "")
    for action, number in (("WritePolicyMachine", "4001"), ("WritePolicyUser", "4002")):
        if not re.search(rf"{action}\t[^\n]*\n?[^\n]*\t{number}", sequence):
            problems.append(f"{action} not sequenced at {number} (after InstallFiles)")
    if "RemoveExistingProducts\t\t1401" not in sequence.replace("\r", ""):
        problems.append("RemoveExistingProducts not right after InstallValidate")
    properties = tables.get("Property", "")
    if "ALLUSERS\t2" not in properties.replace("\r", ""):
        problems.append("ALLUSERS is not 2 (per-machine and per-user)")
    if "NEWERVERSIONDETECTED" not in tables.get("Upgrade", ""):
        problems.append("no downgrade detection in the Upgrade table")
    return problems


def _run(command: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), cwd=cwd, capture_output=True, text=True, check=False
    )


def build_msi(payload: Path, work: Path, out: Path, version: str) -> list[str]:
    """wixl-heat + wixl; returns problems. wixl wants paths relative to its cwd."""
    shutil.copy2(WXS, work / "relata.wxs")
    shutil.copy2(ICON, work / "relata.ico")
    rel_payload = Path(shutil.copytree(payload, work / "payload" / "relata"))
    heat = subprocess.run(
        [
            "wixl-heat",
            "-p",
            "relata/",
            "--component-group",
            "Payload",
            "--var",
            "var.PayloadDir",
            "--directory-ref",
            "INSTALLDIR",
            "--win64",
        ],
        input="\n".join(internal_files(rel_payload)) + "\n",
        cwd=work / "payload",
        capture_output=True,
        text=True,
        check=False,
    )
    if heat.returncode != 0:
        return [f"wixl-heat failed: {heat.stderr.strip()}"]
    (work / "payload.wxs").write_text(heat.stdout, "utf-8")
    wixl = _run(
        [
            "wixl",
            "-a",
            "x64",
            "-D",
            f"Version={version}",
            "-D",
            "PayloadDir=payload/relata",
            "-D",
            "Win64=yes",
            "-D",
            "IconFile=relata.ico",
            "-o",
            str(out),
            "relata.wxs",
            "payload.wxs",
        ],
        work,
    )
    noise = unexpected_tool_output(wixl.stderr, KNOWN_WIXL_WARNINGS)
    if wixl.returncode != 0 or not out.is_file():
        return [f"wixl failed ({wixl.returncode}): {' | '.join(noise)}"]
    problems = [
        f"wixl: {line}" for line in noise if "WARNING" in line or "ERROR" in line
    ]
    if shutil.which("msiinfo"):
        tables = {
            name: _run(["msiinfo", "export", str(out), name], work).stdout
            for name in (
                "CustomAction",
                "InstallExecuteSequence",
                "Property",
                "Upgrade",
            )
        }
        problems += msi_problems(tables)
    else:
        print(
            "msiinfo not installed (apt-get install msitools): MSI tables not checked"
        )
    return problems


def build_nsis(payload: Path, out: Path, version: str) -> list[str]:
    """makensis with warnings as errors; returns problems."""
    proc = _run(
        [
            "makensis",
            "-WX",
            "-V2",
            f"-DVERSION={version}",
            f"-DPAYLOAD={payload}",
            f"-DICON={ICON}",
            f"-DOUTFILE={out}",
            str(NSI),
        ],
        HERE,
    )
    if proc.returncode != 0 or not out.is_file():
        return [f"makensis failed: {(proc.stdout + proc.stderr).strip()[-1500:]}"]
    if out.read_bytes()[:2] != b"MZ":
        return [f"{out} is not a Windows executable"]
    return []


def missing_tools() -> list[str]:
    """Tools this check needs that are not installed."""
    return [t for t in ("wixl", "wixl-heat", "makensis") if shutil.which(t) is None]


def main(argv: Sequence[str] | None = None) -> int:
    """Build both installers around the (stub) payload; 1 on problems."""
    parser = argparse.ArgumentParser(
        description="Compile-check the Windows installers."
    )
    parser.add_argument("--payload", type=Path, help="a real dist/relata from Windows")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "installers")
    parser.add_argument("--require", action="store_true", help="missing tools fail")
    args = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        message = (
            f"check_installers: skipped, {', '.join(missing)} not installed "
            "(Debian: apt-get install wixl msitools nsis)"
        )
        print(message, file=sys.stderr if args.require else sys.stdout)
        return 1 if args.require else 0
    version = app_version()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    msi = out / f"relata-{version}-stub.msi"
    exe = out / f"relata-{version}-stub-setup.exe"
    with tempfile.TemporaryDirectory(prefix="relata-installers-") as tmp:
        work = Path(tmp)
        payload = (
            args.payload.resolve() if args.payload else make_stub_payload(work / "stub")
        )
        problems = build_msi(payload, work, msi, version)
        problems += build_nsis(payload, exe, version)
    for problem in problems:
        print(f"PROBLEM {problem}")
    if not problems:
        print(f"MSI  {msi} ({msi.stat().st_size // 1024} KB) compiles; tables checked")
        print(f"NSIS {exe} ({exe.stat().st_size // 1024} KB) compiles")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
