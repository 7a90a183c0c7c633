"""Server tests run against SQLite and, with RELATA_TEST_PG_URL, PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.helpers.sync_env import PG_ENV, server_engine

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "postgresql" and not os.environ.get(PG_ENV):
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: .ci/run must start PostgreSQL")
        pytest.skip(f"{PG_ENV} not set (local run without PostgreSQL)")
    return name


@pytest.fixture
def engine(backend: str, tmp_path: Path) -> Iterator[Engine]:
    eng = server_engine(backend, tmp_path)
    yield eng
    eng.dispose()
