"""Fixtures of the data-quality tests: services on the per-test database."""

from __future__ import annotations

import pytest

from app.db.database import Database
from app.services.custom_fields import CustomFieldService
from app.services.segments import SegmentService
from app.services.tags import TagService


@pytest.fixture
def custom(db: Database) -> CustomFieldService:
    """Custom fields on the test database."""
    return CustomFieldService(db.sessions)


@pytest.fixture
def tags(db: Database) -> TagService:
    """Tags on the test database."""
    return TagService(db.sessions)


@pytest.fixture
def segments(db: Database) -> SegmentService:
    """Segments on the test database."""
    return SegmentService(db.sessions)
