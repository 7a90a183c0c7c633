"""The journal capability's services, wired together once (see ``container``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.models import utcnow
from app.services.attachments import AttachmentService
from app.services.calendar_exchange import CalendarExchange
from app.services.cases import CaseService
from app.services.followups import TaskService
from app.services.journal import JournalService
from app.services.knowledge import KnowledgeService
from app.services.timeline import TimelineService


@dataclass
class JournalServices:
    """Journal entries, tasks, service cases, knowledge base, timeline, files, .ics."""

    entries: JournalService
    tasks: TaskService
    cases: CaseService
    knowledge: KnowledgeService
    timeline: TimelineService
    attachments: AttachmentService
    calendar: CalendarExchange

    @classmethod
    def build(
        cls,
        sessions: sessionmaker[Session],
        *,
        attachments_dir: Path,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> JournalServices:
        """All services on one database; ``attachments_dir`` holds attached files."""
        entries = JournalService(sessions, clock=clock)
        tasks = TaskService(sessions, entries, clock=clock)
        return cls(
            entries=entries,
            tasks=tasks,
            cases=CaseService(sessions, clock=clock),
            knowledge=KnowledgeService(sessions, clock=clock),
            timeline=TimelineService(sessions),
            attachments=AttachmentService(sessions, attachments_dir),
            calendar=CalendarExchange(sessions, entries, tasks, clock=clock),
        )
