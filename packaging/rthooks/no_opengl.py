"""PyInstaller runtime hook: stand-ins for Qt's OpenGL bindings.

pyqtgraph imports ``PySide6.QtOpenGL`` and ``PySide6.QtOpenGLWidgets`` when a
curve plot is first imported, for its optional OpenGL drawing path. Relata
never turns that path on, and the two bindings with their Qt libraries are
9.7 MB of the bundle. This hook answers those two imports with small modules:
importing works, every attribute but ``QOpenGLWidget`` is missing, and making
an OpenGL widget raises a clear error instead of drawing.

Only the frozen program runs this hook; a checkout uses the real modules.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Sequence

STAND_INS = ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets")
MESSAGE = "OpenGL drawing is not part of this build of Relata."


def _opengl_widget() -> type:
    from PySide6.QtWidgets import QWidget

    class QOpenGLWidget(QWidget):
        """Stand-in: pyqtgraph subclasses it at import, nobody creates one."""

        def __init__(self, *_args: object, **_kwargs: object) -> None:
            raise RuntimeError(MESSAGE)

    return QOpenGLWidget


class _StandInLoader(importlib.abc.Loader):
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = types.ModuleType(spec.name, MESSAGE)
        if spec.name.endswith("QtOpenGLWidgets"):
            setattr(module, "QOpenGLWidget", _opengl_widget())  # noqa: B010
        return module

    def exec_module(self, module: types.ModuleType) -> None:  # noqa: ARG002
        return None


class StandInFinder(importlib.abc.MetaPathFinder):
    """Finds the OpenGL stand-ins before the real (absent) modules."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,  # noqa: ARG002
        target: types.ModuleType | None = None,  # noqa: ARG002
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname in STAND_INS:
            return importlib.machinery.ModuleSpec(fullname, _StandInLoader())
        return None


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, StandInFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, StandInFinder())


install()
