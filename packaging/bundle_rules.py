"""What goes into the frozen bundle and what is pruned, as data plus pure functions.

Why a module of its own: the PyInstaller spec, ``build.py`` and the tests all
need the same rules. The spec filters PyInstaller's TOC lists with them *before*
COLLECT, so nothing unwanted is ever copied (cheaper and more honest than deleting
after the fact), and ``build.py`` re-checks the finished tree with them so a
PyInstaller or PySide6 upgrade that sneaks files back in is reported.

Measured reasons for each rule are in ``packaging/README.md``.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath

#: One PyInstaller TOC entry: (destination in the bundle, source, typecode).
TocEntry = tuple[str, str, str]

#: Python modules never needed at run time of the desktop client.
#: ``psycopg``/``psycopg_binary`` come in through SQLAlchemy's PostgreSQL dialect
#: (the server's driver) and drag numpy plus libpq/krb5/ldap along (~50 MB);
#: ``pygments``/``PIL`` come in through Mako's optional pygments plugin.
EXCLUDED_MODULES: tuple[str, ...] = (
    # server side and its drivers
    "server",
    "fastapi",
    "starlette",
    "uvicorn",
    "argon2",
    "psycopg",
    "psycopg2",
    "psycopg_binary",
    "psycopg_c",
    "asyncpg",
    "pymysql",
    "MySQLdb",
    "cx_Oracle",
    "oracledb",
    "pyodbc",
    # optional extras of libraries we use. phonenumbers: the app parses and
    # formats numbers; geocoding, carrier and time-zone data are 43 MB of
    # Python source we never call.
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
    "pygments",
    "PIL",
    "sqlalchemy.testing",
    "mako.ext",
    # development and test tooling
    "tests",
    "bench",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "IPython",
    "PyInstaller",
    "setuptools",
    "pkg_resources",
    "pip",
    # GNU readline is GPL-3.0 and only serves interactive prompts (pdb, the
    # REPL); bundling it would put a GPL library into a proprietary program.
    "readline",
    # GUI toolkits and Qt modules the app does not use
    "tkinter",
    "_tkinter",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtMultimedia",
    "PySide6.QtPdf",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.Qt3DCore",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtSerialPort",
    # 9.7 MB with their libraries; stand-ins from rthooks/no_opengl.py
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
)

#: Imported by name at run time, so PyInstaller's analysis cannot see them.
#: (pyqtgraph's ``Qt/OpenGLHelpers`` imports ``PySide6.QtOpenGL`` and
#: ``QtOpenGLWidgets`` by name for its optional OpenGL path, which Relata never
#: turns on: ``rthooks/no_opengl.py`` answers those imports with stand-ins, and
#: the real bindings stay out, see :data:`EXCLUDED_MODULES`.)
HIDDEN_IMPORTS: tuple[str, ...] = ()

#: Languages of the user interface; Qt's own ``qtbase_<lang>.qm`` is kept for each.
UI_LANGUAGES: tuple[str, ...] = ("de", "en")

#: Qt plugin folders we ship. Anything not listed is dropped.
#: ``None`` means "the whole folder", a tuple lists the plugin files to keep.
#: Linux: offscreen (CI, smoke test), xcb (X11) and wayland (with xdg-shell and
#: the EGL client integration), ibus/compose input so dead keys and umlauts
#: work, the desktop portal theme for native file dialogs. The GTK3 theme is
#: dropped on purpose: it would bundle the build machine's GTK, cairo and pango,
#: which then clash with the user's system GTK.
QT_PLUGINS_KEEP: dict[str, dict[str, tuple[str, ...] | None]] = {
    "linux": {
        "platforms": ("libqoffscreen.so", "libqxcb.so", "libqwayland.so"),
        "platformthemes": ("libqxdgdesktopportal.so",),
        "platforminputcontexts": None,
        "xcbglintegrations": None,
        "wayland-shell-integration": ("libxdg-shell.so",),
        "wayland-decoration-client": None,
        "wayland-graphics-integration-client": ("libqt-plugin-wayland-egl.so",),
        "imageformats": ("libqsvg.so", "libqico.so", "libqjpeg.so", "libqgif.so"),
        "iconengines": None,
        "tls": ("libqopensslbackend.so", "libqcertonlybackend.so"),
    },
    "win32": {
        "platforms": ("qwindows.dll", "qoffscreen.dll"),
        "styles": None,
        "imageformats": ("qsvg.dll", "qico.dll", "qjpeg.dll", "qgif.dll"),
        "iconengines": None,
        "tls": ("qschannelbackend.dll", "qcertonlybackend.dll"),
    },
    "darwin": {
        "platforms": ("libqcocoa.dylib", "libqoffscreen.dylib"),
        "styles": None,
        "imageformats": (
            "libqsvg.dylib",
            "libqico.dylib",
            "libqjpeg.dylib",
            "libqgif.dylib",
            "libqicns.dylib",
        ),
        "iconengines": None,
        "tls": ("libqsecuretransportbackend.dylib", "libqcertonlybackend.dylib"),
    },
}

#: Qt libraries that only the dropped plugins load (eglfs, wl-shell).
QT_LIBS_DROP: tuple[str, ...] = (
    "Qt6EglFSDeviceIntegration",
    "Qt6EglFsKmsSupport",
    "Qt6WlShellIntegration",
    "Qt6Quick",
    "Qt6Qml",
    "Qt6QmlModels",
    "Qt6QmlMeta",
    "Qt6QmlWorkerScript",
    "Qt6Pdf",
    "Qt6VirtualKeyboard",
)

_QT_PREFIX = re.compile(
    r"^PySide6/(?:Qt/)?(?P<kind>plugins|translations|lib)/(?P<rest>.+)$"
)
_QT_TRANSLATION = re.compile(
    r"^(?P<catalog>[a-z_]+?)_(?P<lang>[a-z]{2})(?:_[A-Za-z]{2})?\.qm$"
)


def _platform_key(platform: str) -> str:
    if platform.startswith("linux"):
        return "linux"
    return platform


def keep_qt_translation(filename: str, languages: Sequence[str] = UI_LANGUAGES) -> bool:
    """True for ``qtbase_<lang>.qm`` of a language we ship; Qt has 200 catalogs."""
    match = _QT_TRANSLATION.match(filename)
    if match is None:
        return False
    return match["catalog"] == "qtbase" and match["lang"] in languages


def keep_qt_plugin(relpath: str, platform: str) -> bool:
    """Whether ``<folder>/<file>`` below ``Qt/plugins`` belongs in the bundle."""
    parts = PurePosixPath(relpath).parts
    if len(parts) < 2:
        return False
    rules = QT_PLUGINS_KEEP.get(_platform_key(platform), {})
    folder, name = parts[0], parts[-1]
    if folder not in rules:
        return False
    wanted = rules[folder]
    return wanted is None or name in wanted


def keep_qt_lib(filename: str) -> bool:
    """False for Qt libraries only dropped plugins (or QML) would load."""
    stem = filename.split(".", 1)[0].removeprefix("lib")
    return stem not in QT_LIBS_DROP


def keep_bundle_path(dest: str, platform: str) -> bool:
    """Decide one destination path of the bundle (relative to the contents dir).

    Paths outside Qt's folders are kept; the module excludes above already
    keep unwanted Python packages out.
    """
    dest = dest.replace("\\", "/")
    if dest.startswith("PySide6/") and dest.endswith(".qm"):
        return keep_qt_translation(PurePosixPath(dest).name)
    match = _QT_PREFIX.match(dest)
    if match is None:
        name = PurePosixPath(dest).name
        if name.startswith(("libQt6", "Qt6")):
            return keep_qt_lib(name)
        return not (platform.startswith("linux") and name in LINUX_SYSTEM_LIBS)
    kind, rest = match["kind"], match["rest"]
    if kind == "plugins":
        return keep_qt_plugin(rest, platform)
    if kind == "translations":
        return keep_qt_translation(PurePosixPath(rest).name)
    return keep_qt_lib(PurePosixPath(rest).name)


def filter_toc[T: tuple[str, ...]](entries: Iterable[T], platform: str) -> list[T]:
    """PyInstaller TOC entries ``(dest, src, typecode)`` that survive pruning."""
    return [entry for entry in entries if keep_bundle_path(entry[0], platform)]


#: Linux system libraries never bundled; the .deb depends on them instead.
#: They are on every desktop, keep a stable ABI, and a bundled copy from the
#: build machine does harm: an older libstdc++/libgcc_s is loaded first and
#: breaks the system's OpenGL driver ("GLIBCXX_3.4.xx not found"); an older
#: fontconfig/freetype chokes on a newer system's fonts.conf; libexpat and
#: libdbus (with libsystemd, libgcrypt behind it) raise the minimum glibc and
#: duplicate security-relevant code the distribution patches. Same reasoning as
#: the AppImage/linuxdeployqt exclude list.
LINUX_SYSTEM_LIBS: tuple[str, ...] = (
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libexpat.so.1",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libdbus-1.so.3",
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libcom_err.so.2",
    "libgpg-error.so.0",
)


def is_root_binary(dest: str, typecode: str) -> bool:
    """Binaries that something loads by path at run time, not by link.

    Python extension modules (imported), Qt plugins (dlopened by Qt) and the
    Python library (loaded by the bootloader) are roots; every other shared
    library stays only if a root needs it, directly or indirectly.
    """
    dest = dest.replace("\\", "/")
    name = PurePosixPath(dest).name
    return (
        typecode == "EXTENSION"
        or "/plugins/" in f"/{dest}"
        or name.startswith(("libpython", "python3", "Python"))
    )


def reachable_binaries(
    entries: Sequence[TocEntry],
    imports_of: Callable[[str], Iterable[str]],
) -> list[TocEntry]:
    """Drop shared libraries that no root binary needs any more.

    PyInstaller analyses the link-time dependencies of *every* Qt plugin before
    the spec can filter plugins, so dropping e.g. the GTK3 theme plugin leaves
    GTK, cairo and pango behind (9 MB here). This walks the dependency graph
    from the roots again. ``imports_of(source_path)`` returns the file names a
    binary links against (PyInstaller's ``bindepend.get_imports`` in the spec).
    ``SYMLINK`` entries (whose source is another destination) follow their target.
    """
    by_name: dict[str, TocEntry] = {}
    for entry in entries:
        if entry[2] != "SYMLINK":
            by_name.setdefault(PurePosixPath(entry[0].replace("\\", "/")).name, entry)
    keep: set[str] = set()
    stack = [e for e in entries if e[2] != "SYMLINK" and is_root_binary(e[0], e[2])]
    while stack:
        entry = stack.pop()
        if entry[0] in keep:
            continue
        keep.add(entry[0])
        for name in imports_of(entry[1]):
            found = by_name.get(PurePosixPath(name.replace("\\", "/")).name)
            if found is not None and found[0] not in keep:
                stack.append(found)
    return [
        e
        for e in entries
        if (e[1] if e[2] == "SYMLINK" else e[0]) in keep
        or (e[2] not in {"BINARY", "EXTENSION", "SYMLINK"})
    ]


def elf_needed(path: str) -> list[str]:
    """``DT_NEEDED`` entries of an ELF file: the libraries it links *directly*.

    Why not PyInstaller's ``bindepend.get_imports``: on Linux it runs ``ldd``,
    which lists the whole transitive closure including libraries the system
    provides, so a pruned system library would keep its own dependencies alive.
    Returns ``[]`` for anything that is not a readable ELF file.
    """
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return []
    if data[:4] != b"\x7fELF" or data[4] not in (1, 2) or data[5] not in (1, 2):
        return []
    wide = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if wide:
        shoff, shentsize, shnum = struct.unpack_from(end + "Q10xHH", data, 0x28)
        sec, dyn = end + "IIQQQQIIQQ", end + "qQ"
    else:
        shoff, shentsize, shnum = struct.unpack_from(end + "I10xHH", data, 0x20)
        sec, dyn = end + "IIIIIIIIII", end + "iI"
    sections = [
        struct.unpack_from(sec, data, shoff + i * shentsize) for i in range(shnum)
    ]
    needed: list[str] = []
    for section in sections:
        if section[1] != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[section[6]]
        str_off = strtab[4]
        size = struct.calcsize(dyn)
        for pos in range(section[4], section[4] + section[5], size):
            tag, value = struct.unpack_from(dyn, data, pos)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                start = str_off + value
                needed.append(data[start : data.index(b"\x00", start)].decode())
    return needed


def unwanted_files(relpaths: Iterable[str], platform: str) -> list[str]:
    """Files of a finished bundle that the rules would have dropped (a regression)."""
    return sorted(p for p in relpaths if not keep_bundle_path(p, platform))
