"""Smoke tests of the *frozen* program and of its installed copies.

Why separate from pytest: they need the finished bundle (a one-minute
PyInstaller run), so ``build.py --smoke`` runs them after building, in CI.

What "passes" means: exit code 0, ``startup_s=`` printed, and nothing on
stderr except lines on :data:`ALLOWED_STDERR`. A Qt warning about a missing
plugin, a Python warning or a traceback on stderr is exactly the kind of
breakage a pruned bundle produces, so it fails the build.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from launcher import GERMAN_ORDER

#: stderr lines that are known to be harmless.
ALLOWED_STDERR: tuple[re.Pattern[str], ...] = (
    # The offscreen platform plugin says this for every top-level window.
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
)

_STARTUP = re.compile(r"^startup_s=(\d+(?:\.\d+)?)$", re.MULTILINE)


@dataclass(frozen=True)
class SmokeResult:
    """One run of the frozen program."""

    command: tuple[str, ...]
    returncode: int
    wall_s: float
    startup_s: float | None
    unexpected_stderr: tuple[str, ...]
    stdout: str
    #: Launch to the ``startup_s=`` line: the window is on screen (what a
    #: user waits for; ``wall_s`` adds building every page and quitting).
    window_s: float | None = None

    @property
    def ok(self) -> bool:
        """Exit 0, start-up time reported, no unexpected stderr."""
        return (
            self.returncode == 0
            and self.startup_s is not None
            and not self.unexpected_stderr
        )


def unexpected_stderr(
    text: str, allowed: Iterable[re.Pattern[str]] = ALLOWED_STDERR
) -> list[str]:
    """Non-blank stderr lines that match none of ``allowed``."""
    patterns = tuple(allowed)
    return [
        line
        for line in (raw.rstrip() for raw in text.splitlines())
        if line.strip() and not any(p.match(line) for p in patterns)
    ]


def parse_startup(stdout: str) -> float | None:
    """The ``startup_s=`` figure ``relata --smoke-test`` prints, if any."""
    match = _STARTUP.search(stdout)
    return float(match.group(1)) if match else None


def evict_page_cache(folder: Path) -> int:
    """Ask the kernel to drop ``folder``'s files from the page cache; returns how many.

    Without root, ``drop_caches`` is not available, but ``POSIX_FADV_DONTNEED``
    on each (clean) file is, and that is what makes the next start a cold one.
    """
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return 0
    count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                count += 1
            finally:
                os.close(fd)
    return count


def headless_env(
    base: Mapping[str, str] | None = None, *, home: Path | None = None
) -> dict[str, str]:
    """Environment for a headless run with a private runtime dir (no XDG warning)."""
    env = dict(os.environ if base is None else base)
    env["QT_QPA_PLATFORM"] = "offscreen"
    runtime = Path(tempfile.mkdtemp(prefix="relata-xdg-"))
    runtime.chmod(0o700)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    if home is not None:
        env["HOME"] = str(home)
        env.pop("XDG_DATA_HOME", None)
        env.pop("XDG_CONFIG_HOME", None)
    return env


def run_smoke(
    exe: Path,
    *,
    extra_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
) -> SmokeResult:
    """``exe --smoke-test --temp-profile`` headless; timed from launch to the
    shown window and to exit."""
    command = (str(exe), "--smoke-test", "--temp-profile", *extra_args)
    started = time.perf_counter()
    with subprocess.Popen(
        command,
        env=dict(env) if env is not None else headless_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        out, err = proc.stdout, proc.stderr
        assert out is not None
        assert err is not None
        errors: list[str] = []
        reader = threading.Thread(target=lambda: errors.append(err.read()))
        reader.start()  # stderr drained alongside, so neither pipe can fill up
        lines: list[str] = []
        window: float | None = None
        deadline = threading.Timer(timeout, proc.kill)
        deadline.start()
        try:
            for line in out:
                lines.append(line)
                if window is None and _STARTUP.match(line.rstrip("\n")):
                    window = time.perf_counter() - started
            returncode = proc.wait()
        finally:
            deadline.cancel()
            reader.join()
    wall = time.perf_counter() - started
    stdout = "".join(lines)
    return SmokeResult(
        command,
        returncode,
        wall,
        parse_startup(stdout),
        tuple(unexpected_stderr("".join(errors))),
        stdout,
        window,
    )


def run_probe(exe: Path) -> dict[str, Any]:
    """The bundle facts ``packaging/launcher.py`` prints with ``RELATA_BUNDLE_PROBE=1``."""
    env = headless_env()
    env["RELATA_BUNDLE_PROBE"] = "1"
    proc = subprocess.run(
        [str(exe)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bundle probe failed ({proc.returncode}): {proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def probe_problems(probe: Mapping[str, Any], languages: Iterable[str]) -> list[str]:
    """What is wrong with a bundle according to its probe (empty list: fine)."""
    problems = []
    if not probe.get("frozen"):
        problems.append("not running frozen")
    order = probe.get("german_collation")
    if order != GERMAN_ORDER:
        problems.append(
            f"German collation (ICU) sorts {order}, expected {GERMAN_ORDER}"
        )
    for lang in languages:
        if not probe.get("qtbase_loaded", {}).get(lang):
            problems.append(
                f"Qt's qtbase_{lang}.qm not found in {probe.get('qt_translations')}"
            )
        if lang != "en" and not probe.get("relata_qm_loaded", {}).get(lang):
            problems.append(f"relata_{lang}.qm not found in {probe.get('resources')}")
    if not probe.get("migrations_env_on_disk"):
        problems.append(f"alembic env.py missing below {probe.get('migrations')}")
    if not probe.get("alembic_heads"):
        problems.append("no alembic head revision (versions/ missing?)")
    if not probe.get("fts5"):
        problems.append("SQLite without FTS5")
    return problems


def tarball_install_test(archive: Path) -> list[str]:
    """Unpack, ``install.sh`` per user into a throw-away HOME, smoke, uninstall.

    Returns problems (empty: fine). Never touches the real home directory.
    """
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="relata-tar-") as tmp:
        base = Path(tmp)
        with tarfile.open(archive) as tar:
            tar.extractall(base / "unpacked", filter="tar")
        (top,) = (base / "unpacked").iterdir()
        home = base / "home"
        home.mkdir()
        env = headless_env(home=home)
        install = [
            "sh",
            str(top / "install.sh"),
            "--server-url",
            "https://crm.example.ch",
            "--language",
            "de",
        ]
        proc = subprocess.run(
            install, env=env, capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            return [f"install.sh failed: {proc.stderr.strip()}"]
        app = home / ".local" / "opt" / "relata"
        expected = [
            home / ".local" / "bin" / "relata",
            home / ".local" / "share" / "applications" / "relata.desktop",
            home
            / ".local"
            / "share"
            / "icons"
            / "hicolor"
            / "256x256"
            / "apps"
            / "relata.png",
            app / "policy.json",
        ]
        problems += [
            f"install.sh did not create {p}" for p in expected if not p.exists()
        ]
        if (app / "policy.json").exists():
            policy = json.loads((app / "policy.json").read_text("utf-8"))
            if policy != {"language": "de", "server_url": "https://crm.example.ch"}:
                problems.append(f"unexpected policy.json: {policy}")
        result = run_smoke(home / ".local" / "bin" / "relata", env=env)
        if not result.ok:
            problems.append(f"installed copy failed its smoke test: {describe(result)}")
        proc = subprocess.run(
            ["sh", str(top / "install.sh"), "--uninstall"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0 or app.exists() or expected[0].exists():
            problems.append(f"uninstall left files behind: {proc.stderr.strip()}")
    return problems


def deb_content_test(deb: Path) -> list[str]:
    """Check the ``.deb``'s metadata and layout and smoke-test its payload (no dpkg -i)."""
    problems: list[str] = []
    info = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
        check=False,
    )
    if info.returncode != 0 or "Package: relata" not in info.stdout:
        problems.append(f"dpkg-deb --field failed: {info.stderr.strip()}")
    with tempfile.TemporaryDirectory(prefix="relata-deb-") as tmp:
        root = Path(tmp)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        link = root / "usr" / "bin" / "relata"
        if not link.is_symlink() or os.readlink(link) != "/opt/relata/relata":
            problems.append("/usr/bin/relata is not a symlink to /opt/relata/relata")
        for rel in (
            "opt/relata/relata",
            "opt/relata/relata-policy",
            "opt/relata/LICENSES.txt",
            "usr/share/applications/relata.desktop",
            "usr/share/icons/hicolor/scalable/apps/relata.svg",
        ):
            if not (root / rel).exists():
                problems.append(f"missing in .deb: /{rel}")
        result = run_smoke(root / "opt" / "relata" / "relata")
        if not result.ok:
            problems.append(f".deb payload failed its smoke test: {describe(result)}")
    return problems


def deb_system_install_test(deb: Path) -> list[str]:
    """Really install the ``.deb`` with apt (root only, CI), smoke /usr/bin/relata, purge."""
    if os.geteuid() != 0:
        return ["--deb-install-test needs root"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    proc = subprocess.run(
        ["apt-get", "install", "-y", "-q", str(deb.resolve())],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return [f"apt-get install failed: {proc.stderr.strip()[-2000:]}"]
    problems = []
    result = run_smoke(Path("/usr/bin/relata"))
    if not result.ok:
        problems.append(f"installed .deb failed its smoke test: {describe(result)}")
    proc = subprocess.run(
        ["dpkg", "--purge", "relata"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 or Path("/opt/relata").exists():
        problems.append(f"dpkg --purge failed: {proc.stderr.strip()}")
    return problems


def describe(result: SmokeResult) -> str:
    """One line for a failed smoke run."""
    parts = [f"exit {result.returncode}"]
    if result.startup_s is None:
        parts.append("no startup_s printed")
    if result.unexpected_stderr:
        parts.append("stderr: " + " | ".join(result.unexpected_stderr[:10]))
    return f"{' '.join(result.command)}: " + ", ".join(parts)


if __name__ == "__main__":  # manual use: python packaging/smoke.py dist/relata/relata
    res = run_smoke(Path(sys.argv[1]))
    print(
        describe(res)
        if not res.ok
        else f"ok startup_s={res.startup_s} wall_s={res.wall_s:.2f}"
    )
    raise SystemExit(0 if res.ok else 1)
