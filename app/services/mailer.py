"""Sending e-mail: SMTP settings (password in the OS keyring), the offline
outbox, sending with consent checked at send time, bounces and failures.

Mails are rendered when queued and wait in ``mail_outbox`` until
:meth:`Mailer.send_pending` runs (when online): one SMTP connection for the
whole queue, each mail as text + HTML alternative. A mail to a person who
withdrew marketing consent is *blocked* at send time, whatever it was queued
by. A refused recipient is a *bounce*; a failure (server down, timeout) stays
queued for the next attempt, up to :data:`MAX_ATTEMPTS`. Each sent mail
becomes an e-mail journal entry on the person, and a campaign mail updates
the member's status — both synced.

Sent state is committed every :data:`COMMIT_EVERY` mails: after a crash at
most that many could be sent again.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, UserError, ValidationError
from app.domain.progress import NullProgress, ProgressSink
from app.models import utcnow
from app.models.automation import (
    CampaignMember,
    MailOutbox,
    MailSetting,
    PersonConsent,
    auto_id,
)
from app.models.journal import JournalEntry, JournalLink, journal_link_id
from app.services.mail_templates import TemplateData, fill, recipient
from app.services.validation import FieldProblem, normalise_email

MAX_ATTEMPTS = 5
COMMIT_EVERY = 25


class Security(StrEnum):
    """How the SMTP connection is protected."""

    STARTTLS = "starttls"
    TLS = "tls"
    NONE = "none"


class MailStatus(StrEnum):
    """Where a queued mail stands."""

    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"
    BOUNCED = "bounced"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class SmtpSettings:
    """The company's SMTP server (the password is kept in the keyring)."""

    host: str = ""
    port: int = 587
    security: Security = Security.STARTTLS
    username: str = ""
    from_addr: str = ""
    from_name: str = ""
    timeout_s: float = 20.0

    @property
    def configured(self) -> bool:
        """Whether mails can be sent."""
        return bool(self.host and self.from_addr)


@dataclass(frozen=True)
class OutboxRow:
    """A mail in the outbox list."""

    id: str
    to_addr: str
    to_name: str
    subject: str
    status: MailStatus
    attempts: int
    error: str
    queued_at: dt.datetime
    sent_at: dt.datetime | None
    campaign_id: str | None
    person_id: str | None


@dataclass(frozen=True)
class SendResult:
    """What one send run did."""

    sent: int = 0
    failed: int = 0
    bounced: int = 0
    blocked: int = 0
    changes: Changes = field(default_factory=Changes)


class PasswordStore:
    """Where the SMTP password lives: the keyring, as the sync token does."""

    def __init__(self) -> None:
        from app.services.sync import TokenStore

        self._store = TokenStore()

    @staticmethod
    def _key(settings: SmtpSettings) -> str:
        return f"smtp://{settings.host}:{settings.port}"

    def get(self, settings: SmtpSettings) -> str | None:
        """The stored password."""
        return self._store.get(self._key(settings), settings.username)

    def set(self, settings: SmtpSettings, password: str) -> None:
        """Store the password."""
        self._store.set(self._key(settings), settings.username, password)


_KEYS = ("host", "port", "security", "username", "from_addr", "from_name")


def blocked(s: Session, person_ids: Iterable[str]) -> set[str]:
    """Persons among ``person_ids`` who withdrew marketing consent."""
    ids = [p for p in person_ids if p]
    out: set[str] = set()
    for i in range(0, len(ids), 500):
        out |= set(
            s.scalars(
                select(PersonConsent.person_id).where(
                    PersonConsent.person_id.in_(ids[i : i + 500]),
                    PersonConsent.marketing.is_(False),
                    PersonConsent.deleted_at.is_(None),
                )
            )
        )
    return out


def queue_in(
    s: Session,
    template: TemplateData,
    template_id: str | None,
    kind: str,
    entity_id: str,
    *,
    outbox_id: str | None = None,
    campaign_id: str | None = None,
    run_id: str | None = None,
    owner_id: str | None = None,
    today: dt.date | None = None,
) -> MailOutbox | None:
    """Render ``template`` for the record and queue it in the open session.

    Returns ``None`` when ``outbox_id`` is queued already (idempotent).

    Raises:
        UserError: ``mail.no_recipient``, ``mail.no_address``.
    """
    if outbox_id is not None and s.get(MailOutbox, outbox_id) is not None:
        return None
    rcpt = recipient(s, kind, entity_id, campaign_id=campaign_id, today=today)
    if not rcpt.to_addr:
        raise UserError(
            "mail.no_address", "This person has no e-mail address", value=entity_id
        )
    mail = fill(template, rcpt)
    row = MailOutbox(
        person_id=rcpt.person_id,
        to_addr=mail.to_addr,
        to_name=mail.to_name,
        subject=mail.subject,
        body_text=mail.body_text,
        body_html=mail.body_html,
        marketing=template.marketing,
        template_id=template_id,
        campaign_id=campaign_id,
        run_id=run_id,
        owner_id=owner_id,
    )
    if outbox_id is not None:
        row.id = outbox_id
    s.add(row)
    return row


class Mailer:
    """SMTP settings, the mail outbox and sending."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        passwords: PasswordStore | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._passwords = passwords or PasswordStore()
        self._clock = clock

    # ---- settings

    def settings(self) -> SmtpSettings:
        """The stored SMTP settings (defaults when none)."""
        with self._sessions() as s:
            stored = {
                r.key: r.value
                for r in s.scalars(
                    select(MailSetting).where(MailSetting.key.in_(_KEYS))
                )
            }
        base = SmtpSettings()
        port = stored.get("port", "")
        security = stored.get("security", "")
        return replace(
            base,
            host=stored.get("host", ""),
            port=int(port) if port.isdigit() else base.port,
            security=Security(security)
            if security in Security.__members__.values()
            else base.security,
            username=stored.get("username", ""),
            from_addr=stored.get("from_addr", ""),
            from_name=stored.get("from_name", ""),
        )

    def has_password(self, settings: SmtpSettings | None = None) -> bool:
        """Whether a password is stored for the settings' server and user."""
        return bool(self._passwords.get(settings or self.settings()))

    def save_settings(self, new: SmtpSettings, password: str | None = None) -> None:
        """Validate and store the settings; ``password`` (if given) goes to the keyring.

        Raises:
            ValidationError: ``required`` host/sender, ``smtp.port``,
                ``email.invalid`` sender.
        """
        errors: list[FieldError] = []
        host = new.host.strip()
        if not host or " " in host:
            errors.append(FieldError("host", "required", "Enter the server name", host))
        if not 1 <= new.port <= 65535:
            errors.append(FieldError("port", "smtp.port", "1 to 65535", new.port))
        sender = new.from_addr
        try:
            sender = normalise_email(new.from_addr)
        except FieldProblem as exc:
            errors.append(FieldError("from_addr", exc.code, exc.message, new.from_addr))
        if errors:
            raise ValidationError(errors)
        new = replace(new, host=host, from_addr=sender, username=new.username.strip())
        with self._sessions.begin() as s:
            for key in _KEYS:
                value = getattr(new, key)
                s.merge(MailSetting(key=key, value=str(value)))
        if password:
            self._passwords.set(new, password)

    def test_connection(self) -> None:
        """Connect and sign in once (the settings dialog's Test button).

        Raises:
            UserError: ``smtp.unreachable`` or ``smtp.auth``.
        """
        settings = self.settings()
        with self._connect(settings):
            pass

    # ---- queue

    def queue(
        self,
        template: TemplateData,
        template_id: str | None,
        kind: str,
        entity_id: str,
        *,
        campaign_id: str | None = None,
    ) -> tuple[str, Changes]:
        """Render and queue one mail (sent by :meth:`send_pending`)."""
        with self._sessions.begin() as s:
            row = queue_in(
                s,
                template,
                template_id,
                kind,
                entity_id,
                campaign_id=campaign_id,
                today=self._clock().date(),
            )
            assert row is not None
            s.flush()
            return row.id, Changes.of(EntityKind.MAIL, row.id)

    def counts(self) -> dict[MailStatus, int]:
        """Mails per status (outbox tabs)."""
        with self._sessions() as s:
            rows = s.execute(
                select(MailOutbox.status, func.count()).group_by(MailOutbox.status)
            ).all()
        out = dict.fromkeys(MailStatus, 0)
        for status, n in rows:
            if status in MailStatus.__members__.values():
                out[MailStatus(status)] = int(n)
        return out

    def count(self, statuses: Sequence[MailStatus] = ()) -> int:
        """How many mails have one of ``statuses`` (all when empty)."""
        with self._sessions() as s:
            stmt = select(func.count()).select_from(MailOutbox)
            if statuses:
                stmt = stmt.where(MailOutbox.status.in_([str(x) for x in statuses]))
            return int(s.execute(stmt).scalar_one())

    def page(
        self, statuses: Sequence[MailStatus] = (), *, offset: int, limit: int
    ) -> list[OutboxRow]:
        """Outbox rows, newest first."""
        with self._sessions() as s:
            stmt = select(MailOutbox)
            if statuses:
                stmt = stmt.where(MailOutbox.status.in_([str(x) for x in statuses]))
            rows = s.scalars(
                stmt.order_by(MailOutbox.queued_at.desc(), MailOutbox.id)
                .offset(offset)
                .limit(limit)
            )
            return [_row(r) for r in rows]

    def retry(self, ids: Sequence[str]) -> Changes:
        """Queue failed or bounced mails again."""
        with self._sessions.begin() as s:
            s.execute(
                update(MailOutbox)
                .where(MailOutbox.id.in_(list(ids)))
                .values(status=str(MailStatus.QUEUED), attempts=0, error="")
            )
        return Changes.of(EntityKind.MAIL, *ids)

    def discard(self, ids: Sequence[str]) -> Changes:
        """Remove unsent mails from the outbox."""
        with self._sessions.begin() as s:
            for row in s.scalars(
                select(MailOutbox).where(
                    MailOutbox.id.in_(list(ids)),
                    MailOutbox.status != str(MailStatus.SENT),
                )
            ):
                s.delete(row)
        return Changes.of(EntityKind.MAIL, *ids)

    # ---- sending

    def send_pending(
        self, progress: ProgressSink | None = None, *, limit: int | None = None
    ) -> SendResult:
        """Send every queued mail over one SMTP connection.

        Raises:
            UserError: ``smtp.not_configured``, ``smtp.unreachable``,
                ``smtp.auth`` (nothing was sent; the mails stay queued).
        """
        progress = progress or NullProgress()
        settings = self.settings()
        if not settings.configured:
            raise UserError(
                "smtp.not_configured", "Set up the SMTP server first", field="host"
            )
        with self._sessions() as s:
            stmt = (
                select(MailOutbox.id)
                .where(
                    MailOutbox.status.in_(
                        [str(MailStatus.QUEUED), str(MailStatus.FAILED)]
                    ),
                    MailOutbox.attempts < MAX_ATTEMPTS,
                )
                .order_by(MailOutbox.queued_at, MailOutbox.id)
            )
            ids = list(s.scalars(stmt.limit(limit) if limit else stmt))
        if not ids:
            return SendResult()
        total = len(ids)
        counts = {"sent": 0, "failed": 0, "bounced": 0, "blocked": 0}
        touched: set[str] = set()
        progress.report(0, total, "")
        with self._connect(settings) as smtp:
            for start in range(0, total, COMMIT_EVERY):
                progress.check_cancelled()
                chunk = ids[start : start + COMMIT_EVERY]
                with self._sessions.begin() as s:
                    rows = list(
                        s.scalars(select(MailOutbox).where(MailOutbox.id.in_(chunk)))
                    )
                    stop = blocked(
                        s, [r.person_id for r in rows if r.marketing and r.person_id]
                    )
                    for row in rows:
                        outcome = self._send_one(s, smtp, settings, row, stop)
                        counts[outcome] += 1
                        if row.person_id:
                            touched.add(row.person_id)
                progress.report(min(start + COMMIT_EVERY, total), total, "")
        changes = Changes.of(EntityKind.MAIL) | Changes(
            frozenset({EntityKind.PERSON, EntityKind.JOURNAL_ENTRY}),
            frozenset(touched),
        )
        return SendResult(**counts, changes=changes)

    def _send_one(
        self,
        s: Session,
        smtp: smtplib.SMTP,
        settings: SmtpSettings,
        row: MailOutbox,
        stop: set[str],
    ) -> str:
        now = self._clock()
        row.attempts += 1
        if row.person_id in stop:
            row.status, row.error = (
                str(MailStatus.BLOCKED),
                "marketing consent withdrawn",
            )
            self._member(s, row, "opted_out")
            return "blocked"
        msg = EmailMessage()
        msg["From"] = formataddr((settings.from_name, settings.from_addr))
        msg["To"] = formataddr((row.to_name, row.to_addr))
        msg["Subject"] = row.subject
        msg["Date"] = now
        msg["Message-ID"] = make_msgid(domain=settings.from_addr.split("@")[-1])
        if row.marketing:
            msg["List-Unsubscribe"] = (
                f"<mailto:{settings.from_addr}?subject=unsubscribe>"
            )
        msg["X-Relata-Mail"] = row.id
        msg.set_content(row.body_text or row.subject)
        if row.body_html:
            msg.add_alternative(row.body_html, subtype="html")
        try:
            refused = smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            row.status = str(MailStatus.BOUNCED)
            row.error = _refusal(exc.recipients)
            self._member(s, row, "bounced")
            return "bounced"
        except (smtplib.SMTPException, OSError) as exc:
            row.status = str(MailStatus.FAILED)
            row.error = str(exc)[:500]
            return "failed"
        if refused:
            row.status, row.error = str(MailStatus.BOUNCED), _refusal(refused)
            self._member(s, row, "bounced")
            return "bounced"
        row.status, row.sent_at, row.error = str(MailStatus.SENT), now, ""
        row.message_id = str(msg["Message-ID"])
        self._journal(s, row, now)
        self._member(s, row, "sent")
        return "sent"

    @staticmethod
    def _journal(s: Session, row: MailOutbox, now: dt.datetime) -> None:
        if not row.person_id:
            return
        entry_id = auto_id("mail", row.id)
        s.add(
            JournalEntry(
                id=entry_id,
                kind="email",
                occurred_at=now,
                direction="out",
                subject=row.subject,
                body_text=row.body_text,
                owner_id=row.owner_id,
            )
        )
        s.add(
            JournalLink(
                id=journal_link_id(entry_id, "person", row.person_id),
                entry_id=entry_id,
                entity_kind="person",
                entity_id=row.person_id,
                owner_id=row.owner_id,
                occurred_at=now,
            )
        )

    @staticmethod
    def _member(s: Session, row: MailOutbox, status: str) -> None:
        if not row.campaign_id or not row.person_id:
            return
        member = s.get(
            CampaignMember, auto_id("member", row.campaign_id, row.person_id)
        )
        if member is not None and member.status != status:
            member.status = status

    def _connect(self, settings: SmtpSettings) -> _Connection:
        return _Connection(settings, self._passwords.get(settings))


def _refusal(recipients: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(
        f"{addr}: {code} {msg.decode(errors='replace')}"
        for addr, (code, msg) in recipients.items()
    )[:500]


class _Connection:
    """An SMTP session as a context manager, with errors in the user's words."""

    def __init__(self, settings: SmtpSettings, password: str | None) -> None:
        self.settings = settings
        self.password = password
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> smtplib.SMTP:
        st = self.settings
        try:
            if st.security is Security.TLS:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    st.host,
                    st.port,
                    timeout=st.timeout_s,
                    context=ssl.create_default_context(),
                )
            else:
                smtp = smtplib.SMTP(st.host, st.port, timeout=st.timeout_s)
                if st.security is Security.STARTTLS:
                    smtp.starttls(context=ssl.create_default_context())
        except (OSError, smtplib.SMTPException) as exc:
            raise UserError(
                "smtp.unreachable",
                f"The mail server {st.host}:{st.port} cannot be reached: {exc}",
                field="host",
                value=st.host,
            ) from exc
        if st.username:
            try:
                smtp.login(st.username, self.password or "")
            except smtplib.SMTPException as exc:
                smtp.close()
                raise UserError(
                    "smtp.auth",
                    "The mail server refused the user name or password",
                    field="username",
                    value=st.username,
                ) from exc
        self.smtp = smtp
        return smtp

    def __exit__(self, *_exc: object) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()


def _row(r: MailOutbox) -> OutboxRow:
    return OutboxRow(
        id=r.id,
        to_addr=r.to_addr,
        to_name=r.to_name,
        subject=r.subject,
        status=MailStatus(r.status)
        if r.status in MailStatus.__members__.values()
        else MailStatus.QUEUED,
        attempts=r.attempts,
        error=r.error,
        queued_at=r.queued_at,
        sent_at=r.sent_at,
        campaign_id=r.campaign_id,
        person_id=r.person_id,
    )
