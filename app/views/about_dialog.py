"""Help → About: version, build, where the data is, and the bundled components' licences.

A frozen build ships ``resources/build_info.json`` (written by
``packaging/build.py``) with the build date, commit and the licence of every
bundled component. A development checkout has none; the dialog then lists the
installed runtime dependencies from their package metadata.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.views.i18n import resources_dir


def _t(text: str) -> str:
    return QCoreApplication.translate("AboutDialog", text)


def build_info(folder: Path | None = None) -> dict[str, object]:
    """The frozen build's ``build_info.json`` (empty in a checkout)."""
    path = (folder or resources_dir()) / "build_info.json"
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _license_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = (meta.get("License") or "").strip().splitlines()
    return text[0][:60] if text else "?"


def installed_components(root: str = "relata") -> list[tuple[str, str, str]]:
    """(name, version, licence) of ``root``'s runtime dependencies, recursively."""
    seen: dict[str, tuple[str, str, str]] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = (dist.metadata["Name"], dist.version, _license_of(dist))
        for req in dist.requires or []:
            if "extra ==" in req:
                continue
            match = re.match(r"[A-Za-z0-9_.\-]+", req)
            if match:
                todo.append(match[0])
    seen.pop(re.sub(r"[-_.]+", "-", root).lower(), None)
    return sorted(seen.values(), key=lambda c: c[0].lower())


class AboutDialog(QDialog):
    """Version, build, database, server and third-party licences."""

    def __init__(
        self,
        *,
        db_path: Path,
        server_url: str,
        parent: QWidget | None = None,
        info: dict[str, object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("About Relata"))
        self.resize(640, 520)
        info = build_info() if info is None else info
        title = QLabel(f"Relata {info.get('version', __version__)}")
        title.setObjectName("pageHeading")
        lead = QLabel(_t("The offline-first CRM for field sales and back offices."))
        lead.setObjectName("pageLead")
        if info:
            build = (
                _t("Build %1, commit %2")
                .replace("%1", str(info.get("build_date", "?")))
                .replace("%2", str(info.get("commit", "?")))
            )
        else:
            build = _t("Development build")
        details = QLabel(
            "\n".join(
                [
                    build,
                    f"Python {sys.version.split()[0]} · Qt for Python {pyside_version}",
                    _t("Database: %1").replace("%1", str(db_path)),
                    _t("Server: %1").replace(
                        "%1", server_url or _t("none (working offline)")
                    ),
                ]
            )
        )
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        raw = info.get("components")
        components = (
            [tuple(str(v) for v in c) for c in raw if isinstance(c, list)]
            if isinstance(raw, list)
            else installed_components()
        )
        self.components = QTableWidget(len(components), 3)
        self.components.setHorizontalHeaderLabels(
            [_t("Component"), _t("Version"), _t("Licence")]
        )
        self.components.verticalHeader().hide()
        self.components.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(components):
            for col, value in enumerate(values[:3]):
                self.components.setItem(row, col, QTableWidgetItem(value))
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addWidget(details)
        layout.addWidget(QLabel(_t("Third-party components and their licences:")))
        layout.addWidget(self.components, 1)
        layout.addWidget(buttons)
