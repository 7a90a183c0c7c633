"""Laptops against a live server on loopback (SQLite server unless PG is set)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from server import auth
from server.scope import Role
from tests.helpers.sync_env import (
    Laptop,
    ThreadServer,
    add_user,
    install_memory_keyring,
    make_laptop,
    server_engine,
    sign_in,
)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    import keyring

    before = keyring.get_keyring()
    install_memory_keyring()
    yield
    keyring.set_keyring(before)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Engine, ThreadServer]]:
    engine = server_engine("sqlite", tmp_path)
    auth.add_team(engine, "Nord")
    auth.add_team(engine, "Sued")
    add_user(engine, "anna", teams=("Nord",))
    add_user(engine, "beat", teams=("Nord",))
    add_user(engine, "carla", teams=("Sued",))
    add_user(engine, "admin", role=Role.ADMIN)
    with ThreadServer(engine) as srv:
        yield engine, srv
    engine.dispose()


@pytest.fixture
def laptop(
    tmp_path: Path, server: tuple[Engine, ThreadServer]
) -> Iterator[Callable[[str], Laptop]]:
    made: list[Laptop] = []

    def make(user: str, name: str | None = None) -> Laptop:
        lap = make_laptop(tmp_path, name or f"{user}-{len(made)}")
        sign_in(lap, server[1].url, user)
        made.append(lap)
        return lap

    yield make
    for lap in made:
        lap.db.engine.dispose()
