"""Templates, the SMTP mailer and campaigns against a real SMTP server on loopback."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db.database import Database
from app.domain.addresses import AddressData, ChannelKind, Person, Salutation
from app.domain.errors import UserError, ValidationError
from app.domain.pipeline import LeadData, LeadSource, OpportunityData
from app.domain.segments import Condition, Group, Op
from app.models import SyncOutbox
from app.models.automation import MailOutbox, PersonConsent, auto_id
from app.models.journal import JournalEntry, JournalLink
from app.services.addresses import AddressService
from app.services.campaigns import CampaignData, CampaignService, Response
from app.services.mail_templates import TemplateData, TemplateService
from app.services.mailer import Mailer, MailStatus, Security, SmtpSettings
from app.services.sales import SalesServices
from tests.automation.conftest import Inbox, MemoryPasswords
from tests.helpers.factories import make_person
from tests.helpers.pipeline import Clock, won_stage


def _mail(p: Person) -> str:
    return next(c.value for c in p.channels if c.kind == ChannelKind.EMAIL)


TEMPLATE = TemplateData(
    "Einladung",
    "Einladung an {{person.first_name}} {{person.last_name}}",
    "{{salutation}}\n\nWir laden {{organisation.name}} zur {{campaign.name}} ein.\n\n"
    "{{owner.signature}}",
)


def test_salutation_by_gender_and_language(
    db: Database, addresses: AddressService
) -> None:
    svc = TemplateService(db.sessions)
    tpl = TemplateData("t", "s", "{{salutation}} / {{greeting}}")
    cases = [
        (Salutation.MS, "de", "Sehr geehrte Frau Meier / Grüezi Frau Meier"),
        (Salutation.MR, "de", "Sehr geehrter Herr Meier / Grüezi Herr Meier"),
        (Salutation.NONE, "de", "Guten Tag Alex Meier / Grüezi Alex Meier"),
        (Salutation.MS, "fr", "Chère Madame Meier / Bonjour Madame Meier"),
        (Salutation.MR, "it", "Egregio Signor Meier / Buongiorno Signor Meier"),
    ]
    for gender, lang, expected in cases:
        p = make_person(
            addresses,
            first_name="Alex",
            last_name="Meier",
            salutation=gender,
            language=lang,
        )
        assert svc.preview(tpl, "person", p.id).body_text == expected


def test_template_validation_keeps_input(db: Database) -> None:
    svc = TemplateService(db.sessions)
    with pytest.raises(ValidationError) as err:
        svc.save(TemplateData("X", "Hallo {{person.vorname}}", ""))
    found = {e.field: e.code for e in err.value.errors}
    assert found == {"subject": "template.unknown_field", "body_text": "required"}
    assert svc.templates() == []


def test_html_values_are_escaped(db: Database, addresses: AddressService) -> None:
    p = make_person(addresses, last_name="<b>Bös</b>")
    mail = TemplateService(db.sessions).preview(
        TemplateData("t", "s", "", "<p>{{person.last_name}}</p>"), "person", p.id
    )
    assert mail.body_html == "<p>&lt;b&gt;Bös&lt;/b&gt;</p>"


def test_campaign_mail_reaches_smtp_and_skips_opted_out(
    db: Database,
    addresses: AddressService,
    mailer: Mailer,
    smtp_server: tuple[Inbox, int],
    clock: Clock,
) -> None:
    inbox, _port = smtp_server
    campaigns = CampaignService(db.sessions, clock=clock.now)
    cid, _ = campaigns.save(CampaignData("Herbstapéro", "email", cost_minor=50_000))
    anna = make_person(
        addresses, first_name="Anna", last_name="Keller", salutation=Salutation.MS
    )
    beat = make_person(
        addresses, first_name="Beat", last_name="Huber", salutation=Salutation.MR
    )
    carla = make_person(
        addresses, first_name="Carla", last_name="Opt", salutation=Salutation.MS
    )
    bounce = make_person(addresses, first_name="Dora", last_name="Weg")
    with db.sessions.begin() as s:
        s.add(
            PersonConsent(
                id=auto_id("consent", carla.id), person_id=carla.id, marketing=False
            )
        )
    inbox.refuse.add(_mail(bounce))
    added, _ = campaigns.add_members(
        cid, [anna.id, beat.id, carla.id, bounce.id, anna.id]
    )
    assert added == 4
    queued, _ = campaigns.queue_mail(cid, TEMPLATE, None)
    assert queued == 4
    result = mailer.send_pending()
    assert (result.sent, result.blocked, result.bounced) == (2, 1, 1)
    assert len(inbox.mails) == 2
    got = inbox.to(_mail(anna))[0]
    assert got.rcpt_tos == [_mail(anna)]
    assert got.mail_from == "verkauf@beispiel.ch"
    msg = got.message
    assert msg["Subject"] == "Einladung an Anna Keller"
    assert msg["From"] == "Beispiel AG <verkauf@beispiel.ch>"
    assert msg["List-Unsubscribe"] is not None
    body = msg.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("Sehr geehrte Frau Keller")
    assert "zur Herbstapéro ein" in text
    assert msg.get_body(("html",)) is not None
    assert inbox.to(_mail(carla)) == []  # withdrew consent: never mailed
    beat_body = inbox.to(_mail(beat))[0].message.get_body(("plain",))
    assert beat_body is not None
    assert beat_body.get_content().startswith("Sehr geehrter Herr Huber")
    # each sent mail is a journal entry on the person
    with db.sessions() as s:
        linked = set(s.scalars(select(JournalLink.entity_id)))
        assert linked == {anna.id, beat.id}
        assert {e.kind for e in s.scalars(select(JournalEntry))} == {"email"}
    counts = mailer.counts()
    assert counts[MailStatus.BOUNCED] == 1
    assert counts[MailStatus.BLOCKED] == 1
    bounced = mailer.page([MailStatus.BOUNCED], offset=0, limit=10)[0]
    assert "550" in bounced.error
    report = campaigns.report(cid)
    assert (report.members, report.sent, report.bounced, report.opted_out) == (
        4,
        2,
        1,
        1,
    )
    # sending again sends nothing twice
    assert mailer.send_pending().sent == 0
    assert len(inbox.mails) == 2


def test_consent_checked_at_send_time(
    db: Database,
    addresses: AddressService,
    mailer: Mailer,
    smtp_server: tuple[Inbox, int],
) -> None:
    inbox, _ = smtp_server
    p = make_person(addresses)
    tpl = TemplateData("Info", "Info", "Hallo")
    mailer.queue(tpl, None, "person", p.id)
    with db.sessions.begin() as s:  # withdrawn after queueing (e.g. pulled by sync)
        s.add(
            PersonConsent(id=auto_id("consent", p.id), person_id=p.id, marketing=False)
        )
    assert mailer.send_pending().blocked == 1
    assert inbox.mails == []


def test_server_down_keeps_mails_queued(
    db: Database, addresses: AddressService, clock: Clock
) -> None:
    from tests.helpers.sync_env import free_port

    mailer = Mailer(db.sessions, passwords=MemoryPasswords(), clock=clock.now)
    p = make_person(addresses)
    mailer.queue(TemplateData("x", "x", "x"), None, "person", p.id)
    with pytest.raises(UserError) as err:
        mailer.send_pending()
    assert err.value.code == "smtp.not_configured"
    mailer.save_settings(
        SmtpSettings("127.0.0.1", free_port(), Security.NONE, from_addr="a@b.ch"),
        password="geheim",
    )
    with pytest.raises(UserError) as err:
        mailer.send_pending()
    assert err.value.code == "smtp.unreachable"
    assert mailer.counts()[MailStatus.QUEUED] == 1
    with pytest.raises(ValidationError) as verr:
        mailer.save_settings(SmtpSettings("", 0, from_addr="kein-mail"))
    assert {e.field for e in verr.value.errors} == {"host", "port", "from_addr"}
    assert mailer.settings().port != 0
    assert mailer.has_password()


def test_members_from_segment_responses_and_report(
    db: Database, addresses: AddressService, clock: Clock
) -> None:
    sales = SalesServices.build(db.sessions, today=clock.today, now=clock.now)
    campaigns = CampaignService(db.sessions, clock=clock.now)
    cid, _ = campaigns.save(
        CampaignData(
            "Messe", "event", cost_minor=1_000_000, start_date=dt.date(2026, 3, 1)
        )
    )
    bern = [
        make_person(
            addresses,
            addresses=(
                AddressData(
                    street="Marktgasse", house_number="1", postcode="3011", city="Bern"
                ),
            ),
        )
        for _ in range(3)
    ]
    make_person(addresses, addresses=(AddressData(postcode="8001", city="Zürich"),))
    added, _ = campaigns.add_from_segment(
        cid, Group(items=(Condition("city", Op.EQ, "Bern"),))
    )
    assert added == 3
    assert (
        campaigns.add_from_segment(
            cid, Group(items=(Condition("city", Op.EQ, "Bern"),))
        )[0]
        == 0
    )
    members = campaigns.member_page(cid, offset=0, limit=10)
    with db.sessions() as s:  # queued for sync with every field
        entries = s.scalars(
            select(SyncOutbox).where(SyncOutbox.tbl == "campaign_member")
        ).all()
        assert {e.fields["person_id"]["value"] for e in entries} == {p.id for p in bern}
        assert {e.row_id for e in entries} == {m.id for m in members}
        assert all(e.fields["campaign_id"]["value"] == cid for e in entries)
    campaigns.set_response(members[0].id, Response.ATTENDED)
    campaigns.set_response(members[1].id, Response.RESPONDED)
    for i in range(2):
        sales.leads.create_lead(
            LeadData(last_name=f"L{i}", source=LeadSource.CAMPAIGN, campaign_id=cid)
        )
    pipeline = sales.pipeline.pipeline()
    opp, _ = sales.pipeline.create_opportunity(
        OpportunityData(
            title="Messe-Deal",
            person_id=bern[0].id,
            pipeline_id=pipeline.id,
            stage_id=pipeline.first_open().id,
            amount_minor=3_000_000,
            campaign_id=cid,
            close_date=clock.today(),
        )
    )
    sales.pipeline.move_to_stage(opp.id, won_stage(pipeline))
    r = campaigns.report(cid)
    assert (r.members, r.responded, r.registered, r.attended) == (3, 2, 1, 1)
    assert (r.leads, r.opportunities, r.won, r.won_revenue_minor) == (
        2,
        1,
        1,
        3_000_000,
    )
    assert r.cost_per_lead_minor == 500_000
    assert r.roi_bp == 20000  # (30'000 − 10'000) / 10'000 = 200 %
    letters = campaigns.letters(
        cid, TemplateData("Brief", "Einladung", "{{salutation}}")
    )
    assert len(letters) == 3
    assert letters[0].address_lines[-1] == "3011 Bern"
    assert bern[0].id in {x.person_id for x in letters}
    with pytest.raises(ValidationError):
        campaigns.save(
            CampaignData(
                "", start_date=dt.date(2026, 5, 1), end_date=dt.date(2026, 4, 1)
            )
        )
    with db.sessions() as s:
        assert s.scalars(select(MailOutbox)).all() == []


def test_bulk_recipients_equal_one_by_one(
    db: Database, addresses: AddressService
) -> None:
    from app.services.mail_templates import person_recipients, recipient

    people = [
        make_person(
            addresses,
            first_name="Lea",
            last_name=f"Graf{i}",
            salutation=[Salutation.MS, Salutation.MR, Salutation.NONE][i % 3],
            language=["de", "fr", "it"][i % 3],
            addresses=(
                AddressData(
                    street="Weg", house_number=str(i), postcode="8000", city="Zürich"
                ),
            ),
        )
        for i in range(6)
    ]
    ids = [p.id for p in people]
    with db.sessions() as s:
        bulk = person_recipients(s, ids, today=dt.date(2026, 3, 1))
        for pid in ids:
            one = recipient(s, "person", pid, today=dt.date(2026, 3, 1))
            assert bulk[pid] == one
