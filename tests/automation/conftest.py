"""Fixtures of the automation tests: a fixed clock, the workflow runner hooked
into the test database, and a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from app.db.database import Database
from app.services.mailer import Mailer, PasswordStore, Security, SmtpSettings
from app.services.workflows import WorkflowService
from tests.helpers.pipeline import Clock
from tests.helpers.sync_env import free_port


@dataclass
class Received:
    """A mail as the SMTP server got it."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    """What the loopback SMTP server received; recipients it refuses."""

    mails: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    def to(self, addr: str) -> list[Received]:
        return [m for m in self.mails if addr in m.rcpt_tos]


class _Handler:
    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox

    async def handle_RCPT(
        self,
        _server: SMTP,
        _session: Session,
        envelope: Envelope,
        address: str,
        _options: list[str],
    ) -> str:
        if address in self.inbox.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(
        self, _server: SMTP, _session: Session, envelope: Envelope
    ) -> str:
        raw: Any = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        self.inbox.mails.append(
            Received(str(envelope.mail_from), list(envelope.rcpt_tos), msg)
        )
        return "250 Message accepted"


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(_Handler(inbox), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


class MemoryPasswords(PasswordStore):
    """The keyring as a dict (the real keyring is tested by the sync tests)."""

    def __init__(self) -> None:
        self.saved: dict[str, str] = {}

    def get(self, settings: SmtpSettings) -> str | None:
        return self.saved.get(f"{settings.host}:{settings.port}:{settings.username}")

    def set(self, settings: SmtpSettings, password: str) -> None:
        self.saved[f"{settings.host}:{settings.port}:{settings.username}"] = password


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def workflows(db: Database, clock: Clock) -> Iterator[WorkflowService]:
    svc = WorkflowService(db.sessions, clock=clock.now)
    svc.install()
    yield svc
    svc.uninstall()


@pytest.fixture
def mailer(db: Database, clock: Clock, smtp_server: tuple[Inbox, int]) -> Mailer:
    _inbox, port = smtp_server
    svc = Mailer(db.sessions, passwords=MemoryPasswords(), clock=clock.now)
    svc.save_settings(
        SmtpSettings(
            host="127.0.0.1",
            port=port,
            security=Security.NONE,
            from_addr="verkauf@beispiel.ch",
            from_name="Beispiel AG",
        )
    )
    return svc
