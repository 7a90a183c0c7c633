"""Fast checks of the packaging scripts and installer definitions.

The full PyInstaller build takes a minute and runs in CI as
``packaging/build.py --smoke``; here everything that can be decided without it:
the spec's data and excludes, the pruning rules, license collection, the
smoke-test helpers, ``install.sh`` run against a stub payload, the ``.deb`` and
archive layout around a stub bundle, the policy tool, and whether the WiX and
NSIS definitions pass the installer properties to keys the app knows.
"""

from __future__ import annotations

import ast
import email.message
import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path
from types import ModuleType

import bundle_rules
import icu_trim
import launcher
import licenses
import linux_packages
import policy_tool
import pytest
import smoke

from app import __version__
from app.config import KNOWN_KEYS, read_json_layer
from app.domain.errors import UserError

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "relata.spec"
INSTALL_SH = PACKAGING / "linux" / "install.sh"
DESKTOP = PACKAGING / "linux" / "relata.desktop"
WXS = PACKAGING / "windows" / "relata.wxs"
NSI = PACKAGING / "windows" / "relata.nsi"
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"


def _load(name: str) -> ModuleType:
    """Import a packaging script under a private name (``build`` is a PyPI name)."""
    spec = importlib.util.spec_from_file_location(
        f"relata_packaging_{name}", PACKAGING / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build = _load("build")
check_installers = _load("check_installers")


# --- the spec -----------------------------------------------------------------


def test_spec_is_python_and_bundles_resources_and_migrations() -> None:
    text = SPEC.read_text("utf-8")
    ast.parse(text)  # PyInstaller executes the spec as Python
    assert '_tree(ROOT / "resources", "resources"' in text
    assert '"app/db/migrations"' in text  # alembic reads the scripts from disk
    assert "excludes=list(bundle_rules.EXCLUDED_MODULES)" in text
    assert "filter_toc(a.binaries" in text
    assert "filter_toc(a.datas" in text
    assert 'name="relata"' in text
    assert "console=False" in text
    assert 'if PLATFORM == "darwin"' in text
    assert "BUNDLE(" in text


def test_migrations_path_matches_what_the_app_computes() -> None:
    from app.db import migrate

    assert migrate.MIGRATIONS.relative_to(ROOT).as_posix() == "app/db/migrations"
    assert (migrate.MIGRATIONS / "env.py").is_file()


def test_excludes_keep_out_server_tests_and_tkinter_but_not_app_dependencies() -> None:
    excluded = set(bundle_rules.EXCLUDED_MODULES)
    assert {"server", "tests", "tkinter", "pytest", "psycopg", "readline"} <= excluded
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore"} <= excluded
    for needed in ("app", "sqlalchemy", "alembic", "PySide6", "phonenumbers", "numpy"):
        assert needed not in excluded


# --- pruning rules --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("qtbase_de.qm", True),
        ("qtbase_en.qm", True),
        ("qtbase_fr.qm", False),
        ("qt_de.qm", False),
        ("assistant_de.qm", False),
        ("qtdeclarative_de.qm", False),
        ("qtbase_pt_BR.qm", False),
    ],
)
def test_only_qtbase_translations_of_our_languages(name: str, kept: bool) -> None:
    assert bundle_rules.keep_qt_translation(name) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        (
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            True,
        ),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_ru.qm", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("libQt6Quick.so.6", False),
        ("libstdc++.so.6", False),
        ("libfontconfig.so.1", False),
        ("libicudata.so.73", True),
        ("resources/i18n/relata_de.qm", True),
        ("app/db/migrations/env.py", True),
    ],
)
def test_linux_bundle_paths(dest: str, kept: bool) -> None:
    assert bundle_rules.keep_bundle_path(dest, "linux") is kept


def test_windows_layout_without_qt_subfolder() -> None:
    assert bundle_rules.keep_bundle_path(
        "PySide6\\plugins\\platforms\\qwindows.dll", "win32"
    )
    assert not bundle_rules.keep_bundle_path(
        "PySide6/plugins/platforms/qminimal.dll", "win32"
    )
    assert not bundle_rules.keep_bundle_path(
        "PySide6/translations/qtbase_ja.qm", "win32"
    )
    assert bundle_rules.keep_bundle_path("libstdc++.so.6", "win32")  # Linux-only rule


def test_filter_toc_and_unwanted_files() -> None:
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/a", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "/src/b", "BINARY"),
        ("resources/icons/relata.svg", "/src/c", "DATA"),
    ]
    assert [e[0] for e in bundle_rules.filter_toc(toc, "linux")] == [
        toc[0][0],
        toc[2][0],
    ]
    assert bundle_rules.unwanted_files([t[0] for t in toc], "linux") == [toc[1][0]]


def test_reachable_binaries_drops_what_only_pruned_plugins_needed() -> None:
    needs = {
        "/s/qxcb": ["libQt6XcbQpa.so.6", "libc.so.6"],
        "/s/xcbqpa": ["libxcb-cursor.so.0"],
        "/s/cursor": [],
        "/s/gtk": ["libglib-2.0.so.0"],
        "/s/ext": ["libsqlite3.so.0"],
        "/s/sqlite": [],
        "/s/python": [],
    }
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/qxcb", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/xcbqpa", "BINARY"),
        ("libxcb-cursor.so.0", "/s/cursor", "BINARY"),
        ("libglib-2.0.so.0", "/s/gtk", "BINARY"),  # was needed by the GTK3 theme only
        ("lib-dynload/_sqlite3.so", "/s/ext", "EXTENSION"),
        ("libsqlite3.so.0", "/s/sqlite", "BINARY"),
        ("libpython3.12.so.1.0", "/s/python", "BINARY"),
        ("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK"),
        ("libgone.so.1", "libglib-2.0.so.0", "SYMLINK"),
        ("resources/x.qm", "/s/data", "DATA"),
    ]
    kept = {
        e[0]
        for e in bundle_rules.reachable_binaries(toc, lambda src: needs.get(src, []))
    }
    assert "libglib-2.0.so.0" not in kept
    assert "libgone.so.1" not in kept
    assert {
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "libxcb-cursor.so.0",
        "libsqlite3.so.0",
        "libpython3.12.so.1.0",
        "libQt6XcbQpa.so.6",
        "resources/x.qm",
    } <= kept


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF only")
def test_elf_needed_reads_direct_dependencies(tmp_path: Path) -> None:
    sh = Path(shutil.which("sh") or "/bin/sh").resolve()
    assert any(name.startswith("libc.so") for name in bundle_rules.elf_needed(str(sh)))
    text = tmp_path / "x.txt"
    text.write_text("not elf")
    assert bundle_rules.elf_needed(str(text)) == []
    assert bundle_rules.elf_needed(str(tmp_path / "missing")) == []


# --- licenses --------------------------------------------------------------------


def test_distributions_for_maps_modules_and_skips_our_own() -> None:
    mapping = {
        "PySide6": ["PySide6_Essentials"],
        "sqlalchemy": ["SQLAlchemy"],
        "app": ["relata"],
        "os": [],
    }
    names = licenses.distributions_for(
        ["PySide6", "sqlalchemy", "app", "os", "json"], mapping
    )
    assert names == ["PySide6_Essentials", "SQLAlchemy"]


def _meta(**headers: str | list[str]) -> email.message.Message:
    msg = email.message.Message()
    for key, value in headers.items():
        for item in value if isinstance(value, list) else [value]:
            msg[key.replace("_", "-")] = item
    return msg


def test_license_of_prefers_spdx_then_field_then_classifiers() -> None:
    assert licenses.license_of(_meta(License_Expression="MIT", License="x")) == "MIT"
    assert licenses.license_of(_meta(License="BSD-3-Clause")) == "BSD-3-Clause"
    classifier = "License :: OSI Approved :: Apache Software License"
    assert (
        licenses.license_of(_meta(Classifier=[classifier])) == "Apache Software License"
    )
    assert licenses.license_of(_meta(License="long\ntext")) == "see license text"
    assert licenses.license_of(_meta()) == "unknown"


def test_component_of_an_installed_distribution_has_its_license_text() -> None:
    import importlib.metadata as md

    comp = licenses.component(md.distribution("alembic"))
    assert comp.license == "MIT"
    assert any("Permission is hereby granted" in text for _name, text in comp.texts)


def test_render_puts_an_index_before_the_texts() -> None:
    comps = [
        licenses.Component("Foo", "1.0", "MIT", (("LICENSE", "MIT text"),)),
        licenses.Component("Bar", "2.0", "LGPL-3.0-only"),
    ]
    text = licenses.render(comps, app_version="9.9")
    assert text.startswith("Relata 9.9")
    assert text.index("Foo | 1.0 | MIT") < text.index("MIT text")
    assert "Bar | 2.0 | LGPL-3.0-only" in text
    assert (
        "Lesser General Public License" in text.split("Component |")[0]
    )  # Qt note first


def test_system_libraries_are_only_top_level_shared_objects() -> None:
    comps = licenses.system_library_components(
        {
            "libz.so.1": "/nonexistent/libz.so.1",
            "PySide6/Qt/lib/libQt6Core.so.6": "/x",
            "libpython3.12.so.1.0": "/y",
            "base_library.zip": "/z",
        }
    )
    assert len(comps) == 1
    assert "libz.so.1" in comps[0].name


# --- build.py helpers ---------------------------------------------------------------


def test_app_version_is_read_without_importing_the_app() -> None:
    assert build.app_version() == __version__
    assert check_installers.app_version() == __version__


def test_tree_size_counts_symlinks_as_links(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * 10_000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "link").symlink_to(tmp_path / "big")
    assert 10_000 < build.tree_size(tmp_path) < 10_000 + 4096
    parts = build.largest_parts(tmp_path, top=1)
    assert parts[0][0] == "big"


def test_budget_messages() -> None:
    report = build.Report(
        version="1", bundle_mb=150.0, archive_mb=60.0, cold_start_s=1.0
    )
    assert build.check_budget(report) == []
    report.bundle_mb, report.archive_mb, report.cold_start_s = 181.0, 81.0, 2.5
    over = build.check_budget(report)
    assert len(over) == 3
    assert "bundle 181.0 MB > 180 MB" in over[0]
    sizes_only = build.check_budget(report, start=False)
    assert sizes_only == over[:2]
    assert not any("cold start" in message for message in sizes_only)


def test_pruning_regressions_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "relata" / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    bad.mkdir(parents=True)
    (bad / "libqvnc.so").write_bytes(b"")
    (bad / "libqxcb.so").write_bytes(b"")
    found = build.pruning_regressions(tmp_path / "relata")
    if sys.platform.startswith("linux"):
        assert found == ["PySide6/Qt/plugins/platforms/libqvnc.so"]


# --- smoke helpers ---------------------------------------------------------------------


def test_stderr_allow_list() -> None:
    text = (
        "This plugin does not support propagateSizeHints()\n\n"
        'qt.qpa.plugin: Could not load the Qt platform plugin "xcb"\n'
        "This plugin does not support propagateSizeHints()\n"
    )
    assert smoke.unexpected_stderr(text) == [
        'qt.qpa.plugin: Could not load the Qt platform plugin "xcb"'
    ]
    assert (
        smoke.unexpected_stderr("This plugin does not support propagateSizeHints()  \n")
        == []
    )
    assert smoke.unexpected_stderr("Traceback (most recent call last):") != []


def test_parse_startup() -> None:
    assert smoke.parse_startup("hello\nstartup_s=0.315\n") == pytest.approx(0.315)
    assert smoke.parse_startup("startup_s=abc") is None
    assert smoke.parse_startup("") is None


def test_probe_problems() -> None:
    good = {
        "frozen": True,
        "qtbase_loaded": {"de": True, "en": True},
        "relata_qm_loaded": {"de": True},
        "migrations_env_on_disk": True,
        "alembic_heads": ["0001"],
        "fts5": True,
        "german_collation": ["Aarau", "Ähnlich", "Basel", "Özil", "Zug", "Zürich"],
    }
    assert smoke.probe_problems(good, ("de", "en")) == []
    code_points = ["Aarau", "Basel", "Zug", "Zürich", "Ähnlich", "Özil"]
    bad = dict(
        good, qtbase_loaded={"en": True}, fts5=False, german_collation=code_points
    )
    problems = smoke.probe_problems(bad, ("de", "en"))
    assert any("qtbase_de" in p for p in problems)
    assert any("FTS5" in p for p in problems)
    assert any("German collation" in p for p in problems)


def test_probe_sorts_german_like_the_bundle_must() -> None:
    from launcher import COLLATION_SAMPLE, GERMAN_ORDER
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale("de_CH"))
    assert sorted(COLLATION_SAMPLE, key=collator.sortKey) == GERMAN_ORDER
    assert sorted(COLLATION_SAMPLE) != GERMAN_ORDER  # the check can fail


# --- ICU data trimmed to our languages -------------------------------------------------


def test_icu_items_dropped_and_kept() -> None:
    kept = [
        "root.res", "de.res", "de_CH.res", "en_001.res", "fr_CH.res", "it.res",
        "rm.res", "pool.res", "res_index.res", "supplementalData.res",
        "likelySubtags.res", "zoneinfo64.res", "coll/de.res", "coll/de__PHONEBOOK.res",
        "coll/root.res", "coll/ucadata.icu", "brkitr/root.res", "brkitr/char.brk",
        "brkitr/de.res", "curr/pool.res", "unames.icu", "nfkc.nrm", "cnvalias.icu",
    ]  # fmt: skip
    dropped = [
        "zh.res", "zh_Hant_TW.res", "es_419.res", "coll/zh.res", "coll/es_.res",
        "coll/es__TRADITIONAL.res", "brkitr/cjdict.dict", "brkitr/thaidict.dict",
        "translit/root.res", "ibm-1390_P110-2003.cnv", "lang/ja.res", "yue_Hans.res",
    ]  # fmt: skip
    assert icu_trim.items_to_drop(kept + dropped) == dropped


def test_icu_trim_needs_its_tools() -> None:
    assert icu_trim.missing_tools(lambda _name: None) == list(icu_trim.TOOLS)
    assert icu_trim.missing_tools(lambda name: f"/usr/bin/{name}") == []


@pytest.mark.skipif(
    bool(icu_trim.missing_tools()), reason="icu-devtools/binutils/gcc not installed"
)
def test_icu_trim_makes_a_small_library_qt_can_use(tmp_path: Path) -> None:
    """Trim a copy of PySide6's ICU data, then sort German with it in a fresh Qt."""
    import PySide6

    qt_lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    original = icu_trim.find_library(qt_lib)
    if original is None:
        pytest.skip("this PySide6 build has no ICU of its own")
    lib = tmp_path / "lib"
    shutil.copytree(qt_lib, lib, symlinks=True)
    trimmed = icu_trim.find_library(lib)
    assert trimmed is not None
    result = icu_trim.trim_library(trimmed)
    assert result.after < result.before / 3
    assert result.removed_items > 1000
    assert icu_trim.data_symbol(trimmed) == icu_trim.data_symbol(original)
    script = (
        "from launcher import COLLATION_SAMPLE\n"
        "from PySide6.QtCore import QCollator, QLocale\n"
        "c = QCollator(QLocale('de_CH'))\n"
        "print(','.join(sorted(COLLATION_SAMPLE, key=c.sortKey)))\n"
    )
    env = dict(os.environ, LD_PRELOAD=str(trimmed), PYTHONPATH=str(PACKAGING))
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert out.stdout.strip().split(",") == launcher.GERMAN_ORDER
    assert out.stderr == ""


def test_smoke_result_ok() -> None:
    ok = smoke.SmokeResult(("x",), 0, 0.5, 0.1, (), "", 0.4)
    assert ok.ok
    assert not smoke.SmokeResult(("x",), 0, 0.5, None, (), "", None).ok
    assert not smoke.SmokeResult(("x",), 0, 0.5, 0.1, ("boom",), "").ok
    assert "boom" in smoke.describe(
        smoke.SmokeResult(("x",), 1, 0.5, 0.1, ("boom",), "")
    )


def test_smoke_run_times_the_window_apart_from_the_exit(tmp_path: Path) -> None:
    exe = tmp_path / "relata"
    exe.write_text(
        "#!/bin/sh\necho 'startup_s=0.010'\nsleep 0.6\necho 'Qt: late warning' >&2\n"
    )
    exe.chmod(0o755)
    result = smoke.run_smoke(exe)
    assert result.returncode == 0
    assert result.startup_s == pytest.approx(0.010)
    assert result.window_s is not None
    assert result.window_s < 0.5 < result.wall_s
    assert result.unexpected_stderr == ("Qt: late warning",)


# --- desktop file and install.sh ------------------------------------------------------


def test_desktop_file_is_valid() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator:
        proc = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Relata"
    assert entry["Exec"] == "relata"
    assert entry["Icon"] == "relata"
    assert entry["Categories"].endswith(";")
    assert "Office" in entry["Categories"]


STUB_RELATA = """#!/bin/sh
echo "startup_s=0.010"
"""
# Records its arguments and writes what it was asked to, like relata-policy.
STUB_POLICY = """#!/bin/sh
echo "$@" >> "$(dirname "$0")/policy-calls.txt"
while [ $# -gt 0 ]; do
  case "$1" in --file) file=$2; shift ;; esac
  shift
done
mkdir -p "$(dirname "$file")" && echo '{}' > "$file"
"""


def _stub_archive(tmp_path: Path) -> Path:
    """An unpacked archive as build_tarball lays it out, with shell stubs for programs."""
    top = tmp_path / "relata-0.0.0-linux-x86_64"
    top.mkdir()
    shutil.copy2(INSTALL_SH, top / "install.sh")
    linux_packages.stage_share(top / "share")
    app = top / "relata"
    (app / "_internal").mkdir(parents=True)
    (app / "relata").write_text(STUB_RELATA)
    (app / "relata-policy").write_text(STUB_POLICY)
    for exe in ("relata", "relata-policy"):
        (app / exe).chmod(0o755)
    return top


def _sh(script: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        ["sh", str(script), *args], env=env, capture_output=True, text=True, check=False
    )


def test_install_sh_syntax() -> None:
    assert subprocess.run(["sh", "-n", str(INSTALL_SH)]).returncode == 0
    if shutil.which("shellcheck"):
        assert (
            subprocess.run(["shellcheck", "-s", "sh", str(INSTALL_SH)]).returncode == 0
        )


def test_install_sh_per_user_update_and_uninstall(tmp_path: Path) -> None:
    top = _stub_archive(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    proc = _sh(
        top / "install.sh",
        "--server-url",
        "https://crm.example.ch",
        "--language=de",
        home=home,
    )
    assert proc.returncode == 0, proc.stderr
    app = home / ".local" / "opt" / "relata"
    link = home / ".local" / "bin" / "relata"
    desktop = home / ".local" / "share" / "applications" / "relata.desktop"
    assert link.is_symlink()
    assert link.resolve() == (app / "relata").resolve()
    assert f"Exec={app}/relata" in desktop.read_text()
    assert (home / ".local/share/icons/hicolor/48x48/apps/relata.png").is_file()
    assert (home / ".local/share/icons/hicolor/scalable/apps/relata.svg").is_file()
    calls = (app / "policy-calls.txt").read_text()
    assert f"--file {app}/policy.json" in calls
    assert "--set server_url=https://crm.example.ch --set language=de" in calls
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(desktop)]).returncode == 0

    # an update keeps the per-user policy and leaves no temporary folders
    (app / "policy.json").write_text('{"server_url": "https://kept.example.ch"}')
    assert _sh(top / "install.sh", home=home).returncode == 0
    assert "kept" in (app / "policy.json").read_text()
    assert sorted(p.name for p in app.parent.iterdir()) == ["relata"]

    proc = _sh(top / "install.sh", "--uninstall", home=home)
    assert proc.returncode == 0
    assert not app.exists()
    assert not link.exists()
    assert not desktop.exists()
    assert "data was kept" in proc.stdout


def test_install_sh_system_staged_below_root(tmp_path: Path) -> None:
    top = _stub_archive(tmp_path)
    root = tmp_path / "root"
    proc = _sh(
        top / "install.sh",
        "--system",
        "--root",
        str(root),
        "--server-url",
        "https://x.ch",
        home=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert (root / "opt/relata/relata").is_file()
    assert (root / "usr/local/bin/relata").is_symlink()
    assert (root / "usr/local/share/applications/relata.desktop").is_file()
    assert (root / "etc/relata/policy.json").is_file()  # the system policy location


def test_install_sh_rejects_bad_options(tmp_path: Path) -> None:
    top = _stub_archive(tmp_path)
    assert _sh(top / "install.sh", "--bogus", home=tmp_path).returncode == 2
    assert _sh(top / "install.sh", "--server-url", home=tmp_path).returncode == 2
    assert _sh(top / "install.sh", "--root", "/tmp/x", home=tmp_path).returncode == 2


def test_install_sh_refuses_too_old_glibc(tmp_path: Path) -> None:
    if not shutil.which("getconf"):
        pytest.skip("no getconf")
    top = _stub_archive(tmp_path)
    script = top / "install.sh"
    script.write_text(script.read_text().replace("@MIN_GLIBC@", "99.0"))
    proc = _sh(script, home=tmp_path)
    assert proc.returncode == 1
    assert "glibc 99.0" in proc.stderr


# --- archive and .deb around a stub bundle ---------------------------------------------


def _stub_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "dist" / "relata"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "relata").write_text(STUB_RELATA)
    (bundle / "relata").chmod(0o755)
    (bundle / "relata-policy").write_text(STUB_POLICY)
    (bundle / "LICENSES.txt").write_text("licenses")
    (bundle / "_internal" / "libQt6Core.so.6").symlink_to(
        "PySide6/Qt/lib/libQt6Core.so.6"
    )
    return bundle


def test_tarball_layout(tmp_path: Path) -> None:
    bundle = _stub_bundle(tmp_path)
    archive = linux_packages.build_tarball(
        bundle, tmp_path, version="1.2.3", arch="x86_64", glibc="2.35"
    )
    assert archive.name == "relata-1.2.3-linux-x86_64.tar.gz"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        script = tar.extractfile("relata-1.2.3-linux-x86_64/install.sh")
        assert script is not None
        assert 'MIN_GLIBC="2.35"' in script.read().decode()
        member = tar.getmember("relata-1.2.3-linux-x86_64/install.sh")
        assert member.mode & 0o111
        assert member.uname == "root"
        assert tar.getmember(
            "relata-1.2.3-linux-x86_64/relata/_internal/libQt6Core.so.6"
        ).issym()
    top = "relata-1.2.3-linux-x86_64"
    assert {
        f"{top}/relata/relata",
        f"{top}/share/applications/relata.desktop",
        f"{top}/share/icons/hicolor/256x256/apps/relata.png",
        f"{top}/share/icons/hicolor/scalable/apps/relata.svg",
    } <= names


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_deb_layout_and_control(tmp_path: Path) -> None:
    bundle = _stub_bundle(tmp_path)
    deb = linux_packages.build_deb(bundle, tmp_path, version="1.2.3rc1", glibc="2.35")
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Package: relata" in fields
    assert "Version: 1.2.3~rc1" in fields
    assert "libc6 (>= 2.35)" in fields
    assert "libxcb-cursor0" in fields
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "./opt/relata/relata" in listing
    assert "./usr/bin/relata -> /opt/relata/relata" in listing
    assert "./usr/share/applications/relata.desktop" in listing
    assert "root/root" in listing


def test_deb_version_and_min_glibc(tmp_path: Path) -> None:
    assert linux_packages.deb_version("1.0") == "1.0"
    assert linux_packages.deb_version("1.0rc1") == "1.0~rc1"
    assert linux_packages.deb_version("2.1.dev3") == "2.1~dev3"
    elf = tmp_path / "lib.so"
    elf.write_bytes(b"\x7fELF" + b"\0" * 12 + b"GLIBC_2.17\0GLIBC_2.34\0GLIBC_2.2.5\0")
    other = tmp_path / "data.bin"
    other.write_bytes(b"GLIBC_2.99\0")  # not ELF: ignored
    assert linux_packages.min_glibc([elf, other]) == "2.34"


# --- policy tool -------------------------------------------------------------------------


def test_policy_assignments_are_typed_like_settings() -> None:
    assert policy_tool.parse_assignment("server_url=https://crm.example.ch") == (
        "server_url",
        "https://crm.example.ch",
    )
    assert policy_tool.parse_assignment("SYNC_INTERVAL_MIN= 10") == (
        "sync_interval_min",
        10,
    )
    assert policy_tool.parse_assignment("update_check=off") == ("update_check", False)
    assert policy_tool.parse_assignment("language=") is None  # unset installer property
    for bad in ("nokey", "colour=red", "sync_interval_min=often", "update_check=maybe"):
        with pytest.raises(UserError):
            policy_tool.parse_assignment(bad)


def test_policy_tool_merges_validates_and_skips_empty(tmp_path: Path) -> None:
    path = tmp_path / "Relata" / "policy.json"
    assert (
        policy_tool.main(
            ["--file", str(path), "--set", "server_url=", "--set", "language="]
        )
        == 0
    )
    assert not path.exists()  # nothing passed, nothing written
    path.parent.mkdir()
    path.write_text('{"backup_daily": 3}')
    code = policy_tool.main(
        [
            "--file",
            str(path),
            "--set",
            "server_url=https://crm.example.ch",
            "--set",
            "language=de",
        ]
    )
    assert code == 0
    assert json.loads(path.read_text()) == {
        "backup_daily": 3,
        "language": "de",
        "server_url": "https://crm.example.ch",
    }
    assert read_json_layer(path)["server_url"] == "https://crm.example.ch"
    assert policy_tool.main(["--file", str(path), "--set", "sync_interval_min=x"]) == 2
    assert (
        json.loads(path.read_text())["backup_daily"] == 3
    )  # untouched after a failure


# --- Windows installers -------------------------------------------------------------------


def _set_keys(command: str) -> set[str]:
    return set(re.findall(r'--set "?([a-z_]+)=', command))


def test_wxs_passes_public_properties_to_known_policy_keys() -> None:
    tree = ET.parse(WXS)
    properties = {p.get("Id"): p for p in tree.iter(f"{WIX}Property")}
    for name in ("SERVERURL", "LANGUAGE"):
        assert properties[name].get("Secure") == "yes"
    assert properties["ALLUSERS"].get("Value") == "2"  # per machine or per user
    actions = {a.get("Id"): a for a in tree.iter(f"{WIX}CustomAction")}
    machine = actions["WritePolicyMachine"].get("ExeCommand") or ""
    user = actions["WritePolicyUser"].get("ExeCommand") or ""
    assert r'"[CommonAppDataFolder]Relata\policy.json"' in machine
    assert '"[INSTALLDIR]policy.json"' in user
    assert "server_url=[SERVERURL]" in machine
    assert "language=[LANGUAGE]" in machine
    assert _set_keys(machine) <= KNOWN_KEYS
    assert _set_keys(user) == _set_keys(machine)
    assert actions["WritePolicyMachine"].get("Impersonate") == "no"
    assert actions["WritePolicyMachine"].get("FileKey") == "RelataPolicyExe"
    files = {f.get("Id"): f.get("Source") for f in tree.iter(f"{WIX}File")}
    assert files["RelataPolicyExe"] == "$(var.PayloadDir)/relata-policy.exe"


def test_nsis_passes_options_to_known_policy_keys() -> None:
    text = NSI.read_text("utf-8")
    assert '"/SERVERURL="' in text
    assert '"/LANGUAGE="' in text
    assert r"$APPDATA\${APP}\policy.json" in text  # ProgramData in all-users mode
    assert r"$INSTDIR\policy.json" in text
    assert "MULTIUSER_INSTALLMODE_COMMANDLINE" in text
    assert "QuietUninstallString" in text
    assert _set_keys(text) <= KNOWN_KEYS
    assert {"server_url", "language"} <= _set_keys(text)


def test_msi_table_checks_catch_a_missing_action() -> None:
    tables = {
        "CustomAction": "WritePolicyMachine\t3090\tRelataPolicyExe\t--file "
        '"[CommonAppDataFolder]Relata\\policy.json" --set "server_url=[SERVERURL]" '
        '--set "language=[LANGUAGE]"\nWritePolicyUser\t1042\tRelataPolicyExe\t--file '
        '"[INSTALLDIR]policy.json"',
        "InstallExecuteSequence": "RemoveExistingProducts\t\t1401\n"
        "WritePolicyMachine\tcond\t4001\nWritePolicyUser\tcond\t4002\n",
        "Property": "ALLUSERS\t2\n",
        "Upgrade": "{x}\t0.1.0\t\t\t2\t\tNEWERVERSIONDETECTED\n",
    }
    assert check_installers.msi_problems(tables) == []
    broken = dict(tables, InstallExecuteSequence="WritePolicyMachine\tcond\t6602\n")
    problems = check_installers.msi_problems(broken)
    assert any("4001" in p for p in problems)
    assert any("RemoveExisting" in p for p in problems)


def test_stub_payload_shape(tmp_path: Path) -> None:
    payload = check_installers.make_stub_payload(tmp_path)
    assert (payload / "relata.exe").read_bytes().startswith(b"MZ")
    files = check_installers.internal_files(payload)
    assert files
    assert all(f.startswith("relata/_internal/") for f in files)


@pytest.mark.skipif(
    bool(check_installers.missing_tools()), reason="wixl/makensis not installed"
)
def test_windows_installers_compile(tmp_path: Path) -> None:
    assert check_installers.main(["--out", str(tmp_path)]) == 0
    assert list(tmp_path.glob("*.msi"))
    assert list(tmp_path.glob("*-setup.exe"))


# --- icon ----------------------------------------------------------------------------------


def test_icon_renders_exist_with_their_sizes() -> None:
    icons = ROOT / "resources" / "icons"
    ET.parse(icons / "relata.svg")  # hand-written SVG is well-formed XML
    for size in (16, 24, 32, 48, 64, 128, 256):
        data = (icons / f"relata-{size}.png").read_bytes()
        width, height = struct.unpack(">II", data[16:24])  # PNG IHDR
        assert (width, height) == (size, size)
    ico = (icons / "relata.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 7)
    assert (icons / "relata.icns").read_bytes()[:4] == b"icns"


def test_policy_json_written_by_installers_is_what_the_app_reads(
    tmp_path: Path,
) -> None:
    """The README example round-trips through the tool and the app's reader."""
    path = tmp_path / "policy.json"
    args = ["--file", str(path)]
    for pair in (
        "server_url=https://crm.example.ch",
        "ca_bundle=/etc/ssl/certs/company-ca.pem",
        "language=de",
        "backup_dir=/srv/backups/relata",
        "backup_daily=12",
        "sync_interval_min=5",
        "update_check=false",
    ):
        args += ["--set", pair]
    assert policy_tool.main(args) == 0
    layer = read_json_layer(path)
    assert layer["update_check"] is False
    assert layer["backup_daily"] == 12
    assert str(layer["backup_dir"]) == "/srv/backups/relata"


# --- OpenGL stand-ins in the frozen program ---------------------------------------------

NO_OPENGL_CHECK = """
import runpy, sys
runpy.run_path(sys.argv[1])
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication
from PySide6 import QtOpenGL, QtOpenGLWidgets
app = QApplication([])
plot = pg.PlotWidget()
plot.plot([1, 2, 3], [3, 1, 2])
plot.resize(200, 120)
image = plot.grab().toImage()
assert not image.isNull() and image.width() == 200
assert QtOpenGL.__doc__.startswith("OpenGL drawing is not part")
assert not hasattr(QtOpenGL, "QOpenGLBuffer")
try:
    QtOpenGLWidgets.QOpenGLWidget()
except RuntimeError as exc:
    print("refused:", exc)
"""


def test_opengl_stand_ins_let_pyqtgraph_draw_without_the_bindings() -> None:
    hook = PACKAGING / "rthooks" / "no_opengl.py"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", NO_OPENGL_CHECK, str(hook)],
        env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "refused: OpenGL drawing is not part of this build" in out.stdout


def test_the_real_opengl_bindings_stay_out_of_the_bundle() -> None:
    assert "PySide6.QtOpenGL" in bundle_rules.EXCLUDED_MODULES
    assert "PySide6.QtOpenGLWidgets" in bundle_rules.EXCLUDED_MODULES
    assert not set(bundle_rules.HIDDEN_IMPORTS) & set(bundle_rules.EXCLUDED_MODULES)
    spec = (PACKAGING / "relata.spec").read_text("utf-8")
    assert '"rthooks" / "no_opengl.py"' in spec
