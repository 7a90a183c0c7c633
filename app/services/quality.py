"""The data-quality services wired together: custom fields, tags, segments,
duplicates and merges, mass updates, validation report."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.services.custom_fields import CustomFieldService
from app.services.data_quality import DataQualityService
from app.services.dedup import DedupService
from app.services.mass_update import MassUpdateService
from app.services.merge import MergeService
from app.services.segments import SegmentService
from app.services.tags import TagService


@dataclass(frozen=True)
class QualityServices:
    """Everything the quality views, the address book and exports need."""

    custom_fields: CustomFieldService
    tags: TagService
    segments: SegmentService
    dedup: DedupService
    merge: MergeService
    mass_update: MassUpdateService
    data_quality: DataQualityService

    @classmethod
    def build(cls, sessions: sessionmaker[Session]) -> QualityServices:
        """Wire the services to ``sessions``."""
        return cls(
            custom_fields=CustomFieldService(sessions),
            tags=TagService(sessions),
            segments=SegmentService(sessions),
            dedup=DedupService(sessions),
            merge=MergeService(sessions),
            mass_update=MassUpdateService(sessions),
            data_quality=DataQualityService(sessions),
        )
