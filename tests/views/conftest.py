"""Fixtures for widget tests: services on the test database, a runner, big lists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.database import Database, open_database
from app.domain.addresses import (
    AddressData,
    ChannelData,
    ChannelKind,
    OrganisationData,
    PersonData,
)
from app.services.addresses import AddressService
from app.services.container import Services, build_services
from app.tasks.runner import TaskRunner
from tests.views.support import BIG

CITIES = ("Aarau", "Basel", "Chur", "Davos", "Emmen", "Fribourg", "Genève", "Horgen")


@pytest.fixture
def services(db: Database) -> Services:
    """All services on the per-test database."""
    return build_services(db)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """A task runner, shut down after the test."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


@pytest.fixture(scope="session")
def big_addresses(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AddressService]:
    """A shared database with :data:`BIG` persons and organisations (read-only)."""
    folder: Path = tmp_path_factory.mktemp("big")
    database = open_database(folder / "big.db", backup_dir=folder / "backups")
    svc = AddressService(database.sessions)
    for i in range(BIG):
        # names deliberately not in creation order, so sorting has work to do
        n = (i * 7919) % BIG
        svc.create_person(
            PersonData(
                last_name=f"Name{n:04d}",
                first_name=f"First{i:04d}",
                channels=(ChannelData(ChannelKind.EMAIL, f"p{n}@example.ch"),),
                addresses=(
                    AddressData(
                        street="Weg",
                        house_number=str(i),
                        postcode=f"{1000 + (i * 31) % 8000}",
                        city=CITIES[i % len(CITIES)],
                    ),
                ),
            )
        )
        svc.create_organisation(OrganisationData(name=f"Firma {(i * 13) % BIG:04d} AG"))
    yield svc
    database.engine.dispose()
