"""Render ``resources/icons/relata.svg`` to PNG (16-512 px), ``relata.ico`` and ``relata.icns``.

Usage: ``.venv/bin/python packaging/render_icons.py [--check]``

Why a script and committed renders: the SVG is the source of truth, but
Windows wants an ``.ico`` for the executable, macOS an ``.icns`` for the
``.app``, and Linux menus want ``hicolor/<N>x<N>`` PNGs. Qt's own
``QSvgRenderer`` draws them, so no Pillow, Inkscape or ``iconutil`` is needed on
any build machine. Both container formats accept PNG payloads, which makes
them a few lines of ``struct`` each. ``--check`` fails when a render is missing
or has the wrong size (for CI), without writing anything; it does not compare
pixels, because PNG bytes differ between Qt versions.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "relata.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
}


def png_path(size: int) -> Path:
    """Where the ``size`` px render lives."""
    return ICONS / f"relata-{size}.png"


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, antialiased, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file with PNG-compressed entries (Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    payload = b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in ICO
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def build_icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file with PNG elements (macOS 10.7 and later)."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for size in sorted(pngs)
        if size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs() -> list[Path]:
    """Every file this script writes."""
    return [png_path(s) for s in PNG_SIZES] + [
        ICONS / "relata.ico",
        ICONS / "relata.icns",
    ]


def main(argv: list[str] | None = None) -> int:
    """Render everything, or with ``--check`` report stale renders."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if renders are bad")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if args.check:
        bad = [p for p in outputs() if not p.is_file()]
        bad += [
            png_path(s)
            for s in PNG_SIZES
            if png_path(s).is_file() and QImage(str(png_path(s))).width() != s
        ]
        for path in bad:
            print(f"missing or wrong size: {path.relative_to(ICONS.parents[1])}")
        return 1 if bad else 0
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in PNG_SIZES}
    for size, data in pngs.items():
        png_path(size).write_bytes(data)
    (ICONS / "relata.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "relata.icns").write_bytes(build_icns(pngs))
    del app
    for path in outputs():
        print(f"{path.relative_to(ICONS.parents[1])}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
