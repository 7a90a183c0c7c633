"""Shared bits of the widget tests that are not fixtures."""

from __future__ import annotations

import pytest

#: More than two pages of ``WindowedTableModel.PAGE_SIZE``.
BIG = 450

#: The offscreen platform warns that it cannot propagate size hints, raise
#: windows or grab the keyboard (popups); that is the test platform talking.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"^This plugin does not support ")
