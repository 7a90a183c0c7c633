"""Make the scripts in ``packaging/`` importable by name, as build.py imports them.

``packaging/`` deliberately has no ``__init__.py``: a package of that name would
shadow the PyPI ``packaging`` library that pip, setuptools and PyInstaller use.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))
