"""The application look: Fusion style, a calm light palette and one stylesheet."""

from __future__ import annotations

import getpass
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import QApplication

ACCENT = "#1f6feb"
SIDEBAR = "#17324d"

STYLESHEET = f"""
QMainWindow, QWidget#page {{ background: #f6f8fa; }}
QListWidget#sidebar {{
    background: {SIDEBAR}; color: #dbe7f3; border: none; padding-top: 12px;
    font-size: 14px; outline: 0;
}}
QListWidget#sidebar::item {{ padding: 10px 18px; border-left: 3px solid transparent; }}
QListWidget#sidebar::item:selected {{
    background: #22466b; color: white; border-left: 3px solid #58a6ff;
}}
QListWidget#sidebar::item:hover:!selected {{ background: #1d3d5e; }}
QLabel#brand {{
    background: {SIDEBAR}; color: white; font-size: 20px; font-weight: 600;
    padding: 18px 18px 6px 18px;
}}
QLabel#pageHeading {{ font-size: 24px; font-weight: 600; color: #1f2328; }}
QLabel#pageLead {{ font-size: 14px; color: #57606a; }}
QLabel#formHeading {{ font-size: 18px; font-weight: 600; color: #1f2328; }}
QLabel#formSubheading {{ color: #57606a; }}
QLabel#sectionTitle {{
    font-weight: 600; color: #1f2328; padding-top: 8px;
    border-bottom: 1px solid #d0d7de; padding-bottom: 2px;
}}
QLabel#countLabel, QLabel#dbInfo {{ color: #57606a; }}
QLabel#fieldErrorLabel {{ color: #cf222e; font-size: 12px; }}
QFrame#card {{
    background: white; border: 1px solid #d0d7de; border-radius: 8px; min-width: 150px;
}}
QLabel#cardTitle {{ color: #57606a; font-size: 13px; }}
QLabel#cardValue {{ color: #1f2328; font-size: 28px; font-weight: 600; }}
QWidget#detailPane, QWidget#formBody {{ background: white; }}
QTableView#recordTable {{
    background: white; alternate-background-color: #f6f8fa; border: 1px solid #d0d7de;
    gridline-color: #eaeef2; selection-background-color: #ddf4ff; selection-color: #1f2328;
}}
QHeaderView::section {{
    background: #f6f8fa; border: none; border-bottom: 1px solid #d0d7de;
    border-right: 1px solid #eaeef2; padding: 5px 6px; font-weight: 600; color: #1f2328;
}}
QLineEdit, QComboBox, QDateEdit, QSpinBox, QPlainTextEdit {{
    background: white; border: 1px solid #d0d7de; border-radius: 5px; padding: 4px 6px;
}}
QLineEdit, QComboBox, QDateEdit, QSpinBox {{ min-height: 20px; }}
QLabel#emptyState {{ color: #57606a; font-size: 14px; background: transparent; }}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QPlainTextEdit:focus {{
    border: 1px solid {ACCENT};
}}
QLineEdit#searchBox {{ padding: 6px 10px; font-size: 14px; }}
*[fieldError="true"] {{ border: 1px solid #cf222e; background: #fff5f5; }}
QPushButton {{
    background: white; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 14px;
    color: #1f2328;
}}
QPushButton:hover {{ background: #f3f4f6; }}
QPushButton:disabled {{ color: #8c959f; background: #f6f8fa; }}
QPushButton#primaryButton {{ background: {ACCENT}; border-color: {ACCENT}; color: white; }}
QPushButton#primaryButton:hover {{ background: #1a5fd0; }}
QPushButton#primaryButton:disabled {{ background: #94b8f0; border-color: #94b8f0; }}
QPushButton[highlight="true"] {{ border: 2px solid {ACCENT}; }}
QPushButton#addRowButton {{ border: 1px dashed #8c959f; color: {ACCENT}; }}
QTabBar#kindTabs::tab {{
    padding: 6px 14px; border: 1px solid #d0d7de; background: white; color: #57606a;
}}
QTabBar#kindTabs::tab:first {{ border-top-left-radius: 6px; border-bottom-left-radius: 6px; }}
QTabBar#kindTabs::tab:last {{ border-top-right-radius: 6px; border-bottom-right-radius: 6px; }}
QTabBar#kindTabs::tab:selected {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QStatusBar {{ background: #eaeef2; color: #1f2328; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QSplitter::handle {{ background: #eaeef2; width: 4px; }}
"""


def apply_style(app: QApplication) -> None:
    """Fusion + light palette + stylesheet, the same on every platform."""
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f8fa"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f8fa"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1f2328"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#ddf4ff"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#1f2328"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSize(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET + arrow_rules(arrow_images()))


#: Arrow triangles (width, height, points) for drop-downs and spin boxes.
_ARROWS = {
    "down": (10, 6, ((0.0, 0.0), (10.0, 0.0), (5.0, 6.0))),
    "up": (10, 6, ((0.0, 6.0), (10.0, 6.0), (5.0, 0.0))),
}
ARROW_COLOR = "#57606a"


def arrow_images(folder: Path | None = None) -> dict[str, Path]:
    """PNG triangles for the style sheet, drawn once into ``folder``.

    A style sheet cannot draw a triangle (CSS's border trick gives a bar in
    Qt) and unstyled arrows next to a styled frame look broken, so the arrows
    are images. They are drawn here rather than shipped so no resource file or
    image plugin can go missing in a bundle; ``@2x`` copies serve HiDPI.
    """
    folder = folder or Path(tempfile.gettempdir()) / f"relata-style-{_user()}"
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, (width, height, points) in _ARROWS.items():
        stem = f"arrow-{name}-{ARROW_COLOR.lstrip('#')}"
        for scale, suffix in ((1, ""), (2, "@2x")):
            path = folder / f"{stem}{suffix}.png"
            if path.exists():
                continue
            image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
            image.fill(QColor(0, 0, 0, 0))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ARROW_COLOR))
            painter.scale(scale, scale)
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
            painter.end()
            tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.png")
            image.save(str(tmp))
            os.replace(tmp, path)  # another Relata may be drawing the same file
        paths[name] = folder / f"{stem}.png"
    return paths


def arrow_rules(arrows: dict[str, Path]) -> str:
    """Style-sheet rules that use the ``arrows`` of :func:`arrow_images`."""
    down, up = arrows["down"].as_posix(), arrows["up"].as_posix()
    return f"""
QComboBox::drop-down, QDateEdit::drop-down {{
    border: none; width: 22px; subcontrol-origin: padding; subcontrol-position: center right;
}}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({down}); width: 10px; height: 6px; }}
QSpinBox::up-button, QSpinBox::down-button {{
    border: none; width: 20px; subcontrol-origin: border; background: transparent;
}}
QSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; }}
QSpinBox::up-arrow {{ image: url({up}); width: 8px; height: 5px; }}
QSpinBox::down-arrow {{ image: url({down}); width: 8px; height: 5px; }}
"""


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a container
        return str(os.getpid())
