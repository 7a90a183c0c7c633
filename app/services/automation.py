"""The automation services together: workflows, templates, mailer, campaigns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.models import utcnow
from app.services.campaigns import CampaignService
from app.services.mail_templates import TemplateService
from app.services.mailer import Mailer
from app.services.notifications import NotificationService
from app.services.web_forms import WebFormService
from app.services.workflows import WorkflowService


@dataclass
class AutomationServices:
    """Entry points of the automation area."""

    workflows: WorkflowService
    templates: TemplateService
    mailer: Mailer
    campaigns: CampaignService
    notifications: NotificationService
    web_forms: WebFormService

    @classmethod
    def build(
        cls,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> AutomationServices:
        """Wire the services; workflows start running on local edits."""
        workflows = WorkflowService(sessions, clock=clock)
        workflows.install()
        return cls(
            workflows=workflows,
            templates=TemplateService(sessions, today=lambda: clock().date()),
            mailer=Mailer(sessions, clock=clock),
            campaigns=CampaignService(sessions, clock=clock),
            notifications=NotificationService(sessions, clock=clock),
            web_forms=WebFormService(sessions),
        )
