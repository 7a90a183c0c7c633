"""Automation views with pytest-qt: workflow editor (inline errors, save,
enable, test run, run log), template editor with live preview, outbox with a
real SMTP server, campaigns report, SMTP dialog, main-window page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.addresses import Salutation
from app.domain.automation import Action, ActionType, Trigger, TriggerType, WorkflowData
from app.services.campaigns import CampaignData, Response
from app.services.container import Services, build_services
from app.services.mail_templates import TemplateData
from app.services.mailer import Mailer, Security, SmtpSettings
from app.tasks.runner import TaskRunner
from app.views.automation.campaigns_view import CampaignsView
from app.views.automation.mail_views import OutboxView, SmtpDialog, TemplateEditor
from app.views.automation.page import AutomationPage
from app.views.automation.workflow_editor import WorkflowEditor
from app.views.main_window import MainWindow
from tests.automation.conftest import Inbox, MemoryPasswords
from tests.helpers.factories import make_person
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def services(db: Database) -> Services:
    return build_services(db)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text)
        )
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes
    )
    return shown


def test_workflow_editor_errors_save_enable_and_test_run(
    qtbot: QtBot, services: Services
) -> None:
    auto = services.automation
    person = make_person(services.addresses, first_name="Eva", last_name="Keller")
    editor = WorkflowEditor(auto.workflows, services.quality.segments)
    qtbot.addWidget(editor)
    editor.show()
    editor.new_workflow()
    editor.action_rows[0].text.setText("")
    assert not editor.save()
    assert editor.name_error.isVisible()
    assert editor.actions_error.isVisible()
    assert auto.workflows.workflows() == []
    editor.name.setText("Begrüssung")
    editor.action_rows[0].text.setText("Anrufen")
    editor.action_rows[0].days.setValue(2)
    editor.add_condition()
    row = editor.condition_rows[0]
    row.field.setCurrentIndex(row.field.findData("last_name"))
    row.op.setCurrentIndex(row.op.findData("eq"))
    row.text.setText("Keller")
    assert editor.save()
    assert editor.name.text() == "Begrüssung"
    saved = auto.workflows.workflows()
    assert [w.data.name for w in saved] == ["Begrüssung"]
    assert not saved[0].data.enabled
    item = editor.list.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    assert auto.workflows.get(saved[0].id).data.enabled
    editor.test_record.setCurrentIndex(editor.test_record.findData(person.id))
    editor.test_run()
    assert "Anrufen" in editor.test_result.text()
    assert "Keller" in editor.test_result.text()
    # the workflow now fires on new persons; the log shows the run
    make_person(services.addresses, last_name="Keller")
    editor.reload()
    assert editor.log.rowCount() == 1
    cell = editor.log.item(0, 3)
    assert cell is not None
    assert "Anrufen" in cell.text()


def test_template_editor_preview_and_inline_errors(
    qtbot: QtBot, services: Services
) -> None:
    make_person(
        services.addresses,
        first_name="Anna",
        last_name="Meier",
        salutation=Salutation.MS,
    )
    editor = TemplateEditor(
        services.automation.templates, services.automation.workflows
    )
    qtbot.addWidget(editor)
    editor.show()
    editor.new_template()
    editor.name.setText("Info")
    editor.subject.setText("Hallo {{person.vorname}}")
    assert not editor.save()
    assert editor.errors["subject"].isVisible()
    assert editor.subject.text() == "Hallo {{person.vorname}}"
    editor.subject.setText("Hallo {{person.first_name}}")
    editor.update_preview()
    assert "Subject: Hallo Anna" in editor.preview_head.text()
    assert "Sehr geehrte Frau Meier" in editor.preview.toPlainText()
    editor.body_html.setPlainText("<p><b>{{person.last_name}}</b></p>")
    editor.update_preview()
    assert editor.preview.toHtml().count("font-weight") >= 1
    assert editor.preview.toPlainText().strip() == "Meier"
    assert editor.save()
    assert [t.data.name for t in services.automation.templates.templates()] == ["Info"]
    assert services.automation.templates.templates()[0].data.body_html.startswith("<p>")


def test_outbox_sends_through_smtp(
    qtbot: QtBot,
    qtmodeltester: object,
    services: Services,
    runner: TaskRunner,
    smtp_server: tuple[Inbox, int],
    dialogs: list[str],
) -> None:
    inbox, port = smtp_server
    auto = services.automation
    auto.mailer = Mailer(services.database.sessions, passwords=MemoryPasswords())
    auto.mailer.save_settings(
        SmtpSettings("127.0.0.1", port, Security.NONE, from_addr="info@beispiel.ch")
    )
    p = make_person(services.addresses)
    auto.mailer.queue(TemplateData("x", "Grüezi", "Text"), None, "person", p.id)
    view = OutboxView(auto.mailer, runner)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    assert view.model.total == 1
    view.send_now()
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=10_000)
    assert len(inbox.mails) == 1
    assert "Sent: 1" in dialogs[0]
    assert "Sent: 1" in view.summary.text()


def test_campaigns_view_report_and_responses(
    qtbot: QtBot, qtmodeltester: object, services: Services, runner: TaskRunner
) -> None:
    camp = services.automation.campaigns
    cid, _ = camp.save(CampaignData("Frühlingsapéro", "event", cost_minor=100_000))
    people = [make_person(services.addresses) for _ in range(3)]
    camp.add_members(cid, [p.id for p in people])
    view = CampaignsView(services.automation, services.quality.segments, runner)
    qtbot.addWidget(view)
    assert view.list.rowCount() == 0  # read when first shown, not when built
    view.show()
    qtmodeltester.check(view.members)  # type: ignore[attr-defined]
    assert view.list.rowCount() == 1
    assert view.cards["members"][1].text() == "3"
    view.member_table.selectRow(0)
    view.set_response(Response.REGISTERED)
    assert view.cards["responses"][1].text().startswith("1 ")


def test_smtp_dialog_inline_errors_keep_input(qtbot: QtBot, db: Database) -> None:
    mailer = Mailer(db.sessions, passwords=MemoryPasswords())
    dialog = SmtpDialog(mailer)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.host.setText("")
    dialog.from_addr.setText("keine-adresse")
    assert not dialog.save()
    assert dialog.errors["host"].isVisible()
    assert dialog.errors["from_addr"].isVisible()
    assert dialog.from_addr.text() == "keine-adresse"
    assert mailer.settings().host == ""
    dialog.host.setText("mail.beispiel.ch")
    dialog.from_addr.setText("info@beispiel.ch")
    dialog.password.setText("geheim")
    assert dialog.save()
    assert mailer.settings().host == "mail.beispiel.ch"
    assert mailer.has_password()


def test_page_in_main_window(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    services.automation.workflows.save(
        WorkflowData(
            "Web-Lead",
            "lead",
            Trigger(TriggerType.FORM_SUBMITTED),
            actions=(Action(ActionType.NOTIFY_OWNER, {"title": "Neuer Lead"}),),
        )
    )
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    window.automation_ui.act_campaigns.trigger()
    page = window.automation_ui.page
    assert isinstance(page, AutomationPage)
    assert window.pages.currentWidget() is page
    assert page.tabs.currentWidget() is page.campaigns
    window.automation_ui.act_show.trigger()
    assert page.workflows.list.count() == 1


def test_web_forms_view_inline_errors_and_save(
    qtbot: QtBot, services: Services
) -> None:
    from app.views.automation.web_forms_view import WebFormsView

    view = WebFormsView(services.automation.web_forms, services.automation.workflows)
    qtbot.addWidget(view)
    view.show()
    view.set_server_url("https://crm.beispiel.ch/")
    view.new_form()
    view.slug.setText("Kontakt!")
    assert not view.save()
    assert view.errors["slug"].isVisible()
    assert view.errors["title"].isVisible()
    assert view.slug.text() == "Kontakt!"
    view.slug.setText("kontakt")
    view.title.setText("Kontakt")
    view.checks["email"].setChecked(True)
    assert view.save()
    assert view.url.text() == "https://crm.beispiel.ch/forms/kontakt"
    assert [d.slug for _i, d in services.automation.web_forms.forms()] == ["kontakt"]


def test_notification_bell(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    services.automation.workflows.save(
        WorkflowData(
            "Hinweis",
            "person",
            Trigger(TriggerType.CREATED),
            actions=(Action(ActionType.NOTIFY_OWNER, {"title": "Neue Person"}),),
            enabled=True,
        )
    )
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    assert window.automation_ui.bell.isHidden()
    make_person(services.addresses)
    window.automation_ui.update_bell()
    assert window.automation_ui.bell.text() == "1 new notification"
    assert not window.automation_ui.bell.isHidden()
    window.automation_ui._fill_bell()
    actions = window.automation_ui.bell_menu.actions()
    assert "Neue Person" in actions[0].text()
    actions[-1].trigger()  # mark all as read
    assert window.automation_ui.bell.isHidden()


def test_mail_merge_pdfs(qtbot: QtBot, tmp_path: object) -> None:
    from pathlib import Path

    from app.services.campaigns import Letter
    from app.views.automation.campaigns_view import write_labels, write_letters

    folder = Path(str(tmp_path))
    letters = [
        Letter(
            f"p{i}",
            (
                "Frau",
                "Beispiel AG",
                f"Anna Muster{i}",
                "Bahnhofstrasse 1",
                "8001 Zürich",
            ),
            "Einladung",
            "Sehr geehrte Frau Muster\n\nText.",
        )
        for i in range(30)
    ]
    write_letters(letters, folder / "letters.pdf")
    write_labels(letters, folder / "labels.pdf")
    for name, pages in (("letters.pdf", 30), ("labels.pdf", 2)):
        data = (folder / name).read_bytes()
        assert data.startswith(b"%PDF")
        assert f"/Count {pages}".encode() in data  # one letter per page, 24 labels


def test_queued_mail_goes_out_in_the_background(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    smtp_server: tuple[Inbox, int],
) -> None:
    inbox, port = smtp_server
    auto = services.automation
    auto.mailer = Mailer(services.database.sessions, passwords=MemoryPasswords())
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    p = make_person(services.addresses)
    auto.mailer.queue(TemplateData("x", "Hallo", "Text"), None, "person", p.id)
    window.automation_ui.send_queued()  # no mail server yet: stays queued
    auto.mailer.save_settings(
        SmtpSettings("127.0.0.1", port, Security.NONE, from_addr="info@beispiel.ch")
    )
    window.automation_ui.send_queued()
    qtbot.waitUntil(lambda: len(inbox.mails) == 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: "sent from the outbox" in window.statusBar().currentMessage(),
        timeout=10_000,
    )


def test_run_log_for_all_workflows_filtered_by_record(
    qtbot: QtBot, services: Services
) -> None:
    auto = services.automation
    for name in ("A", "B"):
        auto.workflows.save(
            WorkflowData(
                name,
                "person",
                Trigger(TriggerType.CREATED),
                actions=(Action(ActionType.NOTIFY_OWNER, {"title": name}),),
                enabled=True,
            )
        )
    make_person(services.addresses, last_name="Zürcher")
    make_person(services.addresses, last_name="Berner")
    editor = WorkflowEditor(auto.workflows, services.quality.segments)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.log.rowCount() == 2  # workflow A on both persons
    editor.log_scope.setCurrentIndex(1)
    assert editor.log.rowCount() == 4
    editor.log_filter.setText("zürch")
    assert editor.log.rowCount() == 2
    texts = {editor.log.item(r, 3).text() for r in range(2)}  # type: ignore[union-attr]
    assert {t.split(":")[0] for t in texts} == {"A", "B"}


def test_scheduler_stops_when_the_window_closes(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    ui = window.automation_ui
    assert ui.timer.isActive()
    window.close()
    assert not ui.timer.isActive()  # no live timer left for a worker thread's GC
    window.show()
    assert ui.timer.isActive()


def test_set_field_offers_the_fields_values(qtbot: QtBot, services: Services) -> None:
    editor = WorkflowEditor(services.automation.workflows, services.quality.segments)
    qtbot.addWidget(editor)
    editor.new_workflow()
    row = editor.action_rows[0]
    row.type.setCurrentIndex(row.type.findData("set_field"))
    row.ref.setCurrentIndex(row.ref.findData("status"))
    assert not row.choice.isHidden()
    assert row.text.isHidden()
    row.choice.setCurrentIndex(row.choice.findData("customer"))
    assert row.action().params == {"field": "status", "value": "customer"}
    row.ref.setCurrentIndex(row.ref.findData("notes"))
    assert row.choice.isHidden()
    assert not row.text.isHidden()
