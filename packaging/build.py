"""Build Relata's frozen bundle and Linux packages with one command.

Usage::

    .venv/bin/python packaging/build.py [--smoke] [--skip-deb] [--skip-tar]
                                        [--deb-install-test] [--no-budget]

Steps: PyInstaller with ``packaging/relata.spec`` (which prunes while
collecting) -> check that nothing pruned came back -> ``LICENSES.txt`` and
``build_info.json`` -> ``.tar.gz`` with ``install.sh`` -> ``.deb`` ->
with ``--smoke``: the frozen bundle's probe and smoke test (cold and warm),
the archive installed into a throw-away HOME and smoke-tested, the ``.deb``
payload smoke-tested (and with ``--deb-install-test``, as root, really
installed with apt and purged again).

Why budgets fail the build: the issue sets them (<= 180 MB unpacked,
<= 80 MB archive, <= 2 s cold start), and later issues add dependencies; a
build that silently grows past them is how installers get fat. ``--no-budget``
turns the failure into a warning for experiments. Figures are printed and
written to ``dist/build_report.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(ROOT))

import bundle_rules  # noqa: E402
import icu_trim  # noqa: E402
import licenses  # noqa: E402
import linux_packages  # noqa: E402
import smoke  # noqa: E402

MB = 1_000_000
BUDGET_BUNDLE_MB = 180.0
BUDGET_ARCHIVE_MB = 80.0
BUDGET_START_S = 2.0


@dataclass
class Report:
    """Figures of one build, printed at the end and written as JSON."""

    version: str
    build_s: float = 0.0
    pyinstaller_s: float = 0.0
    bundle_mb: float = 0.0
    largest: list[tuple[str, float]] = field(default_factory=list)
    archive_mb: float | None = None
    deb_mb: float | None = None
    min_glibc: str | None = None
    icu_trimmed_mb: float = 0.0
    cold_start_s: float | None = None
    cold_startup_s: float | None = None
    cold_exit_s: float = 0.0
    warm_start_s: float | None = None
    warm_startup_s: float | None = None
    problems: list[str] = field(default_factory=list)
    over_budget: list[str] = field(default_factory=list)
    artifacts: list[str] = field(default_factory=list)


def app_version() -> str:
    """``app.__version__`` read from the source, without importing the app (and Qt)."""
    for line in (ROOT / "app" / "__init__.py").read_text("utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise RuntimeError("app/__init__.py has no __version__")


def tree_size(folder: Path) -> int:
    """Bytes below ``folder``; symlinks count as links, not as their targets."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def largest_parts(
    folder: Path, *, top: int = 8, depth: int = 2
) -> list[tuple[str, float]]:
    """The biggest files/folders ``depth`` levels down, in MB: where to prune next."""
    sizes: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(folder).parts
        key = "/".join(rel[: min(depth, len(rel))])
        sizes[key] = sizes.get(key, 0) + path.lstat().st_size
    ranked = sorted(sizes.items(), key=lambda kv: kv[1], reverse=True)[:top]
    return [(name, round(size / MB, 1)) for name, size in ranked]


def check_budget(report: Report, *, start: bool = True) -> list[str]:
    """Budgets the figures exceed, as messages (empty: within budget).

    ``start=False`` leaves the start-time budget out: on a shared CI machine a
    start time says as much about the neighbours as about the bundle.
    """
    over = []
    if report.bundle_mb > BUDGET_BUNDLE_MB:
        over.append(f"bundle {report.bundle_mb:.1f} MB > {BUDGET_BUNDLE_MB:.0f} MB")
    if report.archive_mb is not None and report.archive_mb > BUDGET_ARCHIVE_MB:
        over.append(f"archive {report.archive_mb:.1f} MB > {BUDGET_ARCHIVE_MB:.0f} MB")
    if (
        start
        and report.cold_start_s is not None
        and report.cold_start_s > BUDGET_START_S
    ):
        over.append(f"cold start {report.cold_start_s:.2f} s > {BUDGET_START_S:.0f} s")
    return over


def run_pyinstaller(dist: Path, work: Path) -> None:
    """PyInstaller on the spec; its chatter goes to ``build/pyinstaller.log``."""
    work.mkdir(parents=True, exist_ok=True)
    log = work / "pyinstaller.log"
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(HERE / "relata.spec"),
    ]
    with log.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(command, stdout=fh, stderr=subprocess.STDOUT, check=False)
    if proc.returncode != 0:
        tail = log.read_text("utf-8", "replace").splitlines()[-30:]
        raise SystemExit("PyInstaller failed:\n" + "\n".join(tail))


def pruning_regressions(bundle: Path) -> list[str]:
    """Files in the finished bundle that the pruning rules should have kept out."""
    contents = bundle / "_internal"
    rels = (
        str(p.relative_to(contents)).replace(os.sep, "/")
        for p in contents.rglob("*")
        if not p.is_dir()
    )
    return bundle_rules.unwanted_files(rels, sys.platform)


def git_commit() -> str:
    """The commit being built, or ``unknown`` outside a checkout."""
    proc = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout.strip() if proc.returncode == 0 else "unknown"


def write_metadata(bundle: Path, work: Path, version: str) -> list[licenses.Component]:
    """``LICENSES.txt`` next to the executable and ``resources/build_info.json``.

    The About dialog reads both: build date and commit from the JSON, the
    component list from the text's index table.
    """
    record = json.loads((work / "relata" / "bundled_modules.json").read_text("utf-8"))
    text, components = licenses.collect(
        record["modules"], record["binaries"], app_version=version
    )
    (bundle / "LICENSES.txt").write_text(text, encoding="utf-8")
    info = {
        "version": version,
        "build_date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "python": platform.python_version(),
        "platform": f"{sys.platform}-{platform.machine()}",
        "licenses_file": "LICENSES.txt",
        "components": [[c.name, c.version, c.license] for c in components],
    }
    resources = bundle / "_internal" / "resources"
    resources.mkdir(parents=True, exist_ok=True)
    (resources / "build_info.json").write_text(json.dumps(info, indent=1), "utf-8")
    return components


def trim_icu(bundle: Path, report: Report) -> None:
    """Cut PySide6's ICU data down to Relata's languages (see icu_trim.py)."""
    library = icu_trim.find_library(bundle)
    if library is None:
        return
    missing = icu_trim.missing_tools()
    if missing:
        print(f"ICU data not trimmed: {', '.join(missing)} missing (icu-devtools, gcc)")
        return
    result = icu_trim.trim_library(library)
    report.icu_trimmed_mb = round((result.before - result.after) / MB, 1)
    print(
        f"ICU data trimmed: {result.before / MB:.1f} -> {result.after / MB:.1f} MB "
        f"({result.removed_items} items of other languages dropped)"
    )


def smoke_bundle(exe: Path, report: Report) -> None:
    """Probe, then a cold and a warm smoke run (English), then one in German."""
    try:
        probe = smoke.run_probe(exe)
        report.problems += smoke.probe_problems(probe, ("de", "en"))
    except (RuntimeError, ValueError) as exc:
        report.problems.append(str(exc))
    smoke.evict_page_cache(exe.parent)
    cold = smoke.run_smoke(exe, extra_args=("--lang", "en"))
    warm = smoke.run_smoke(exe, extra_args=("--lang", "en"))
    german = smoke.run_smoke(exe, extra_args=("--lang", "de"))
    for result in (cold, warm, german):
        if not result.ok:
            report.problems.append(smoke.describe(result))
    report.cold_start_s, report.cold_startup_s = _window_s(cold), cold.startup_s
    report.warm_start_s, report.warm_startup_s = _window_s(warm), warm.startup_s
    report.cold_exit_s = round(cold.wall_s, 3)


def _window_s(result: smoke.SmokeResult) -> float:
    """Launch to the shown window (to exit if the window never showed)."""
    return round(result.window_s if result.window_s is not None else result.wall_s, 3)


def _announce(title: str, report: Report, problems_before: int) -> None:
    ok = len(report.problems) == problems_before
    print(f"smoke: {title}: {'ok' if ok else 'FAILED'}")


def print_report(report: Report) -> None:
    """Human-readable summary."""
    print("\n=== Relata build report")
    print(f"version          {report.version}")
    print(
        f"build time       {report.build_s:.1f} s (PyInstaller {report.pyinstaller_s:.1f} s)"
    )
    print(
        f"bundle unpacked  {report.bundle_mb:.1f} MB (budget {BUDGET_BUNDLE_MB:.0f} MB)"
    )
    for name, size in report.largest:
        print(f"    {size:7.1f} MB  {name}")
    if report.archive_mb is not None:
        print(
            f"archive .tar.gz  {report.archive_mb:.1f} MB (budget {BUDGET_ARCHIVE_MB:.0f} MB)"
        )
    if report.deb_mb is not None:
        print(f".deb             {report.deb_mb:.1f} MB")
    if report.min_glibc:
        print(f"needs glibc      >= {report.min_glibc}")
    if report.cold_start_s is not None:
        print(
            f"cold start       {report.cold_start_s:.2f} s launch-to-window "
            f"(budget {BUDGET_START_S:.0f} s), {report.cold_exit_s:.2f} s to exit "
            f"with every page built, startup_s={report.cold_startup_s}"
        )
        print(
            f"warm start       {report.warm_start_s:.2f} s launch-to-window, "
            f"startup_s={report.warm_startup_s}"
        )
    for artifact in report.artifacts:
        print(f"artifact         {artifact}")
    for problem in report.problems:
        print(f"PROBLEM          {problem}")
    for over in report.over_budget:
        print(f"OVER BUDGET      {over}")


def parse_args(argv: Iterable[str] | None) -> argparse.Namespace:
    """Command line of the build."""
    parser = argparse.ArgumentParser(description="Build Relata's bundle and packages.")
    parser.add_argument(
        "--smoke", action="store_true", help="smoke-test what was built"
    )
    parser.add_argument("--skip-deb", action="store_true", help="no .deb")
    parser.add_argument("--skip-tar", action="store_true", help="no .tar.gz")
    parser.add_argument(
        "--deb-install-test",
        action="store_true",
        help="with --smoke, as root: apt-get install the .deb, smoke it, purge it",
    )
    parser.add_argument("--no-budget", action="store_true", help="budgets only warn")
    parser.add_argument(
        "--no-start-budget",
        action="store_true",
        help="the start time is printed but not held to its budget",
    )
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="output folder"
    )
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder")
    return parser.parse_args(list(argv) if argv is not None else None)


def main(argv: Iterable[str] | None = None) -> int:
    """Build, package, optionally smoke-test; exit 1 on problems or over budget."""
    args = parse_args(argv)
    started = time.perf_counter()
    report = Report(version=app_version())
    dist: Path = args.dist.resolve()
    bundle = dist / "relata"
    linux = sys.platform.startswith("linux")

    run_pyinstaller(dist, args.work.resolve())
    report.pyinstaller_s = round(time.perf_counter() - started, 1)
    report.problems += [
        f"pruned file came back: {p}" for p in pruning_regressions(bundle)
    ]
    if linux:
        trim_icu(bundle, report)
    components = write_metadata(bundle, args.work.resolve(), report.version)
    print(f"LICENSES.txt: {len(components)} components")
    report.bundle_mb = round(tree_size(bundle) / MB, 1)
    report.largest = largest_parts(bundle / "_internal")
    report.artifacts.append(str(bundle))

    archive = deb = None
    if linux:
        report.min_glibc = linux_packages.min_glibc(linux_packages.elf_files(bundle))
        arch = platform.machine()
        if not args.skip_tar:
            archive = linux_packages.build_tarball(
                bundle, dist, version=report.version, arch=arch, glibc=report.min_glibc
            )
            report.archive_mb = round(archive.stat().st_size / MB, 1)
            report.artifacts.append(str(archive))
        if not args.skip_deb:
            if shutil.which("dpkg-deb") is None:
                report.problems.append("dpkg-deb not found: no .deb (use --skip-deb)")
            else:
                deb = linux_packages.build_deb(
                    bundle, dist, version=report.version, glibc=report.min_glibc
                )
                report.deb_mb = round(deb.stat().st_size / MB, 1)
                report.artifacts.append(str(deb))
    report.build_s = round(time.perf_counter() - started, 1)

    if args.smoke:
        exe = bundle / ("relata.exe" if sys.platform == "win32" else "relata")
        smoke_bundle(exe, report)
        _announce("bundle probe and smoke runs", report, 0)
        if archive is not None:
            before = len(report.problems)
            report.problems += smoke.tarball_install_test(archive)
            _announce("archive installed into a temporary HOME", report, before)
        if deb is not None:
            before = len(report.problems)
            report.problems += smoke.deb_content_test(deb)
            _announce(".deb fields, layout, payload", report, before)
            if args.deb_install_test:
                before = len(report.problems)
                report.problems += smoke.deb_system_install_test(deb)
                _announce(".deb apt-get install, smoke, purge", report, before)

    report.over_budget = check_budget(report, start=not args.no_start_budget)
    print_report(report)
    figures: dict[str, Any] = report.__dict__
    (dist / "build_report.json").write_text(json.dumps(figures, indent=1), "utf-8")
    if report.problems or (report.over_budget and not args.no_budget):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
