"""The "Automation" page: workflows, e-mail templates, campaigns, the mail outbox."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services.automation import AutomationServices
from app.services.segments import SegmentService
from app.tasks.runner import TaskRunner
from app.views.automation.campaigns_view import CampaignsView
from app.views.automation.mail_views import OutboxView, SmtpDialog, TemplateEditor
from app.views.automation.web_forms_view import WebFormsView
from app.views.automation.workflow_editor import WorkflowEditor


def _t(text: str) -> str:
    return QCoreApplication.translate("AutomationPage", text)


class AutomationPage(QWidget):
    """Marketing automation as tabs."""

    def __init__(
        self,
        automation: AutomationServices,
        segments: SegmentService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.automation = automation
        self.workflows = WorkflowEditor(automation.workflows, segments)
        self.templates = TemplateEditor(automation.templates, automation.workflows)
        self.campaigns = CampaignsView(automation, segments, runner)
        self.outbox = OutboxView(automation.mailer, runner)
        self.web_forms = WebFormsView(automation.web_forms, automation.workflows)
        self.outbox.sig_settings_requested.connect(self.edit_mail_server)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for view in self.views():
            self.tabs.addTab(view, "")
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def views(
        self,
    ) -> tuple[WorkflowEditor, TemplateEditor, CampaignsView, WebFormsView, OutboxView]:
        """The tabs' views, in order."""
        return (
            self.workflows,
            self.templates,
            self.campaigns,
            self.web_forms,
            self.outbox,
        )

    def retranslate(self) -> None:
        """Titles in the current language."""
        self.heading.setText(_t("Automation and campaigns"))
        for i, title in enumerate(
            (
                _t("Workflows"),
                _t("E-mail templates"),
                _t("Campaigns"),
                _t("Web forms"),
                _t("Outbox"),
            )
        ):
            self.tabs.setTabText(i, title)
        for view in self.views():
            view.retranslate()

    def show_view(self, widget: QWidget) -> None:
        """Bring one tab to the front."""
        self.tabs.setCurrentWidget(widget)

    def edit_mail_server(self) -> None:
        """The SMTP settings dialog."""
        SmtpDialog(self.automation.mailer, self).exec()
