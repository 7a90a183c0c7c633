"""Leads: capture, qualify, duplicate warning, and conversion in one step.

Conversion writes organisation, person, employment and opportunity in one
transaction, so a failure (or a record deleted meanwhile) leaves nothing half
made. Duplicate candidates come from the address book's own indexes: exact
e-mail and phone matches on channels, names through the FTS indexes, ranked by
rapidfuzz similarity.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz import fuzz
from sqlalchemy import column, func, literal_column, select, table
from sqlalchemy.orm import Session, sessionmaker

from app.db import pipeline_queries as q
from app.db.address_queries import Sort, fts_query
from app.domain.addresses import (
    AddressData,
    AddressKind,
    ChannelData,
    ChannelKind,
    OrganisationData,
    PersonData,
)
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, UserError, ValidationError
from app.domain.pipeline import (
    BASE_CURRENCY,
    CONVERTIBLE,
    ConvertRequest,
    ConvertResult,
    DuplicateCandidate,
    Lead,
    LeadData,
    LeadFilter,
    LeadRow,
    LeadSource,
    LeadStatus,
    OpportunityData,
)
from app.models import (
    Address,
    Channel,
    Employment,
    Industry,
    Organisation,
    Person,
    UserAccount,
    utcnow,
)
from app.models.pipeline import Campaign
from app.models.pipeline import Lead as LeadRecord
from app.models.pipeline import Opportunity as OppRow
from app.services.address_rules import validate_organisation, validate_person
from app.services.addresses import Page
from app.services.pipeline import PipelineService
from app.services.pipeline_rules import validate_lead
from app.services.validation import FieldProblem, normalise_email, normalise_phone

#: Name similarity (0-100) from which a record is offered as a duplicate.
NAME_MATCH = 85
_DUP_LIMIT = 8


class LeadService:
    """Create, qualify, list and convert leads."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        pipeline: PipelineService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._sessions = sessions
        self._pipeline = pipeline
        self._today = today

    # ---- capture and edit

    def create_lead(self, data: LeadData) -> tuple[Lead, Changes]:
        """Validate and store a new lead."""
        data = validate_lead(data)
        with self._sessions.begin() as s:
            _check_refs(s, data)
            row = LeadRecord()
            s.add(row)
            _apply(row, data)
            s.flush()
            return _dto(s, row), Changes.of(EntityKind.LEAD, row.id)

    def update_lead(self, lead_id: str, data: LeadData) -> tuple[Lead, Changes]:
        """Validate and store changes (a converted lead keeps its status)."""
        data = validate_lead(data)
        with self._sessions.begin() as s:
            row = _live(s, lead_id)
            _check_refs(s, data)
            if row.status == LeadStatus.CONVERTED and data.status != row.status:
                raise ValidationError(
                    [
                        FieldError(
                            "status",
                            "lead.converted",
                            "A converted lead keeps its status",
                            data.status,
                        )
                    ]
                )
            if data.status == LeadStatus.CONVERTED and row.status != data.status:
                raise ValidationError(
                    [
                        FieldError(
                            "status",
                            "lead.convert_instead",
                            "Use Convert to turn a lead into a customer",
                            data.status,
                        )
                    ]
                )
            _apply(row, data)
            s.flush()
            return _dto(s, row), Changes.of(EntityKind.LEAD, row.id)

    def set_status(
        self, lead_id: str, status: LeadStatus, *, reason: str = ""
    ) -> tuple[Lead, Changes]:
        """Qualify (MQL, SQL) or disqualify with a reason, in one step."""
        lead = self.get_lead(lead_id)
        data = replace(lead.data, status=status, disqualify_reason=reason)
        return self.update_lead(lead_id, data)

    def get_lead(self, lead_id: str) -> Lead:
        """The lead with its owner, campaign and industry names."""
        with self._sessions() as s:
            return _dto(s, _live(s, lead_id))

    def delete_lead(self, lead_id: str) -> Changes:
        """Tombstone the lead."""
        with self._sessions.begin() as s:
            row = _live(s, lead_id)
            row.deleted_at = utcnow()
        return Changes.of(EntityKind.LEAD, lead_id)

    # ---- list

    def count_leads(self, flt: LeadFilter) -> int:
        """How many leads the list shows for ``flt``."""
        with self._sessions() as s:
            return int(s.execute(q.lead_count(flt)).scalar_one())

    def lead_page(
        self, flt: LeadFilter, sort: Sort, *, offset: int, limit: int, total: int
    ) -> Page[LeadRow]:
        """Rows ``offset`` … ``offset+limit`` of the lead list."""
        stmt, rev = q.lead_page(flt, sort, offset=offset, limit=limit, total=total)
        with self._sessions() as s:
            raw = s.execute(stmt).all()
        rows = [
            LeadRow(
                id=r[0],
                name=" ".join(p for p in (r[1], r[2]) if p),
                company=r[3],
                email=r[4],
                city=r[5],
                source=_lead_source(r[6]),
                status=_lead_status(r[7]),
                score=r[8],
                owner_name=r[9],
                created_at=r[10],
            )
            for r in raw
        ]
        if rev:
            rows.reverse()
        return Page(offset, tuple(rows))

    # ---- duplicates

    def duplicates(
        self, data: LeadData, *, exclude_lead: str | None = None
    ) -> list[DuplicateCandidate]:
        """Persons, organisations and open leads this lead may already be.

        Same e-mail or phone is a certain match (100); names must be at least
        :data:`NAME_MATCH` similar. Best first, at most a few of each kind.
        """
        email, phone = _best_effort(data)
        found: dict[tuple[str, str], DuplicateCandidate] = {}

        def offer(candidate: DuplicateCandidate | None, score: int = -1) -> None:
            if candidate is None:
                return
            if score >= 0:
                if score < NAME_MATCH:
                    return
                candidate = replace(candidate, score=score)
            key = (candidate.kind, candidate.id)
            if key not in found or found[key].score < candidate.score:
                found[key] = candidate

        with self._sessions() as s:
            for kind, value in (("email", email), ("phone", phone)):
                if not value:
                    continue
                hits = s.execute(
                    select(Channel.person_id, Channel.organisation_id)
                    .where(
                        Channel.value == value,
                        Channel.deleted_at.is_(None),
                    )
                    .limit(_DUP_LIMIT)
                ).all()
                for person_id, org_id in hits:
                    if person_id:
                        offer(_person_candidate(s, person_id, kind, 100))
                    elif org_id:
                        offer(_org_candidate(s, org_id, kind, 100))
            name = " ".join(p for p in (data.first_name, data.last_name) if p).strip()
            if data.last_name.strip():
                for pid in _fts_ids(s, "person", name):
                    cand = _person_candidate(s, pid, "name", 0)
                    if cand is not None:
                        offer(cand, int(fuzz.token_sort_ratio(name, cand.name)))
            if data.company.strip():
                for oid in _fts_ids(s, "organisation", data.company):
                    cand = _org_candidate(s, oid, "name", 0)
                    if cand is not None:
                        offer(cand, int(fuzz.token_set_ratio(data.company, cand.name)))
            if email:
                others = s.scalars(
                    select(LeadRecord).where(
                        LeadRecord.email == email,
                        LeadRecord.deleted_at.is_(None),
                        LeadRecord.id != (exclude_lead or ""),
                    )
                ).all()
                for lead in others[:_DUP_LIMIT]:
                    offer(
                        DuplicateCandidate(
                            "lead",
                            lead.id,
                            _lead_name(lead),
                            lead.company,
                            "email",
                            100,
                        )
                    )
        return sorted(found.values(), key=lambda c: (-c.score, c.kind, c.name))

    # ---- conversion

    def convert(self, request: ConvertRequest) -> tuple[ConvertResult, Changes]:
        """Turn a qualified lead into organisation + person + opportunity at once.

        Raises:
            UserError: ``lead.not_qualified`` (status not MQL/SQL).
            ValidationError: a chosen record was deleted, or the new records or
                the opportunity are invalid; nothing is written then.
        """
        with self._sessions.begin() as s:
            row = _live(s, request.lead_id)
            if row.status not in CONVERTIBLE:
                raise UserError(
                    "lead.not_qualified",
                    "Only a qualified lead (MQL or SQL) can be converted",
                    field="status",
                    value=row.status,
                )
            lead = _data(row)
            org_id = self._organisation(s, request, lead)
            person_id = self._person(s, request, lead, org_id)
            opp_id = None
            if request.create_opportunity:
                opp_id = self._opportunity(s, request, lead, org_id, person_id)
            row.status = str(LeadStatus.CONVERTED)
            row.organisation_id = org_id
            row.person_id = person_id
            row.converted_at = utcnow()
            changes = Changes.of(EntityKind.LEAD, row.id)
            if org_id:
                changes |= Changes.of(EntityKind.ORGANISATION, org_id)
            if person_id:
                changes |= Changes.of(EntityKind.PERSON, person_id)
            if opp_id:
                changes |= Changes.of(EntityKind.OPPORTUNITY, opp_id)
            return ConvertResult(row.id, org_id, person_id, opp_id), changes

    def _organisation(
        self, s: Session, request: ConvertRequest, lead: LeadData
    ) -> str | None:
        if request.organisation_id:
            org = s.get(Organisation, request.organisation_id)
            if org is None or org.deleted_at is not None:
                raise _gone("organisation_id", request.organisation_id)
            return org.id
        if not request.create_organisation or not lead.company:
            return None
        address = _address(lead, AddressKind.MAIN)
        data = validate_organisation(
            OrganisationData(
                name=lead.company,
                industry_id=lead.industry_id,
                owner_id=lead.owner_id,
                addresses=(address,) if address else (),
            )
        )
        org = Organisation(
            name=data.name, industry_id=data.industry_id, owner_id=data.owner_id
        )
        s.add(org)
        s.flush()
        for addr in data.addresses:
            s.add(_address_row(addr, organisation_id=org.id))
        return org.id

    def _person(
        self, s: Session, request: ConvertRequest, lead: LeadData, org_id: str | None
    ) -> str | None:
        if request.person_id:
            person = s.get(Person, request.person_id)
            if person is None or person.deleted_at is not None:
                raise _gone("person_id", request.person_id)
            pid = person.id
        elif request.create_person and lead.last_name:
            channels = []
            if lead.email:
                channels.append(ChannelData(ChannelKind.EMAIL, lead.email))
            if lead.phone:
                channels.append(ChannelData(ChannelKind.PHONE, lead.phone))
            address = None if org_id else _address(lead, AddressKind.HOME)
            data = validate_person(
                PersonData(
                    last_name=lead.last_name,
                    first_name=lead.first_name,
                    owner_id=lead.owner_id,
                    channels=tuple(channels),
                    addresses=(address,) if address else (),
                )
            )
            person = Person(
                last_name=data.last_name,
                first_name=data.first_name,
                owner_id=data.owner_id,
            )
            s.add(person)
            s.flush()
            pid = person.id
            for pos, ch in enumerate(data.channels):
                s.add(
                    Channel(
                        person_id=pid,
                        kind=str(ch.kind),
                        value=ch.value,
                        is_primary=ch.is_primary,
                        position=pos,
                    )
                )
            for addr in data.addresses:
                s.add(_address_row(addr, person_id=pid))
        else:
            return None
        if org_id:
            linked = s.scalar(
                select(func.count())
                .select_from(Employment)
                .where(
                    Employment.person_id == pid,
                    Employment.organisation_id == org_id,
                    Employment.deleted_at.is_(None),
                )
            )
            if not linked:
                primary = not s.scalar(
                    select(func.count())
                    .select_from(Employment)
                    .where(
                        Employment.person_id == pid,
                        Employment.is_primary.is_(True),
                        Employment.deleted_at.is_(None),
                    )
                )
                s.add(
                    Employment(
                        person_id=pid,
                        organisation_id=org_id,
                        role=lead.job_title,
                        is_primary=primary,
                    )
                )
        s.flush()
        return pid

    def _opportunity(
        self,
        s: Session,
        request: ConvertRequest,
        lead: LeadData,
        org_id: str | None,
        person_id: str | None,
    ) -> str:
        pipeline = self._pipeline.pipeline(request.pipeline_id)
        title = request.title.strip() or lead.company or _name(lead)
        data = OpportunityData(
            title=title,
            pipeline_id=pipeline.id,
            stage_id=pipeline.first_open().id,
            organisation_id=org_id,
            person_id=person_id,
            amount_minor=request.amount_minor,
            currency=request.currency or BASE_CURRENCY,
            close_date=request.close_date or self._today() + dt.timedelta(days=90),
            owner_id=lead.owner_id,
            source=lead.source,
            campaign_id=lead.campaign_id,
        )
        return self._pipeline.create_in(s, data, lead_id=request.lead_id).id


def _best_effort(data: LeadData) -> tuple[str, str]:
    """E-mail and phone normalised as stored, or as typed while still invalid."""
    email, phone = data.email.strip(), data.phone.strip()
    with contextlib.suppress(FieldProblem):
        email = normalise_email(email) if email else ""
    with contextlib.suppress(FieldProblem):
        phone = normalise_phone(phone, region=data.country or "CH") if phone else ""
    return email, phone


def _live(s: Session, lead_id: str) -> LeadRecord:
    row = s.get(LeadRecord, lead_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("lead", lead_id)
    return row


def _gone(field: str, rid: str) -> ValidationError:
    return ValidationError(
        [FieldError(field, "record.not_found", "This record was deleted", rid)]
    )


def _check_refs(s: Session, data: LeadData) -> None:
    if data.campaign_id and s.get(Campaign, data.campaign_id) is None:
        raise _gone("campaign_id", data.campaign_id)
    if data.industry_id and s.get(Industry, data.industry_id) is None:
        raise _gone("industry_id", data.industry_id)


def _apply(row: LeadRecord, data: LeadData) -> None:
    values = {
        k: (str(v) if k in ("source", "status") else v) for k, v in vars(data).items()
    }
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)


def _lead_source(value: str) -> LeadSource:
    return LeadSource(value) if value in LeadSource else LeadSource.OTHER


def _lead_status(value: str) -> LeadStatus:
    return LeadStatus(value) if value in LeadStatus else LeadStatus.UNQUALIFIED


def _data(row: LeadRecord) -> LeadData:
    return LeadData(
        last_name=row.last_name,
        first_name=row.first_name,
        company=row.company,
        job_title=row.job_title,
        email=row.email,
        phone=row.phone,
        postcode=row.postcode,
        city=row.city,
        region=row.region,
        country=row.country,
        industry_id=row.industry_id,
        source=_lead_source(row.source),
        campaign_id=row.campaign_id,
        status=_lead_status(row.status),
        disqualify_reason=row.disqualify_reason,
        owner_id=row.owner_id,
        notes=row.notes,
    )


def _name(lead: LeadData) -> str:
    return " ".join(p for p in (lead.first_name, lead.last_name) if p)


def _lead_name(row: LeadRecord) -> str:
    return " ".join(p for p in (row.first_name, row.last_name) if p) or row.company


def _dto(s: Session, row: LeadRecord) -> Lead:
    owner = s.get(UserAccount, row.owner_id) if row.owner_id else None
    campaign = s.get(Campaign, row.campaign_id) if row.campaign_id else None
    industry = s.get(Industry, row.industry_id) if row.industry_id else None
    opp_id = s.scalar(
        select(OppRow.id).where(OppRow.lead_id == row.id, OppRow.deleted_at.is_(None))
    )
    return Lead(
        id=row.id,
        data=_data(row),
        score=row.score,
        owner_name=(owner.display_name or owner.username) if owner else "",
        campaign_name=campaign.name if campaign else "",
        industry_name=industry.name if industry else "",
        created_at=row.created_at,
        organisation_id=row.organisation_id,
        person_id=row.person_id,
        opportunity_id=opp_id,
    )


def _address(lead: LeadData, kind: AddressKind) -> AddressData | None:
    if not (lead.postcode or lead.city):
        return None
    return AddressData(
        kind=kind,
        postcode=lead.postcode,
        city=lead.city,
        region=lead.region,
        country=lead.country or "CH",
        is_primary=True,
    )


def _address_row(
    addr: AddressData,
    *,
    organisation_id: str | None = None,
    person_id: str | None = None,
) -> Address:
    return Address(
        organisation_id=organisation_id,
        person_id=person_id,
        kind=str(addr.kind),
        postcode=addr.postcode,
        city=addr.city,
        region=addr.region,
        country=addr.country,
        is_primary=addr.is_primary,
    )


def _fts_ids(s: Session, name: str, text: str) -> list[str]:
    query = fts_query(text)
    if query is None:
        return []
    fts = table(f"{name}_fts", column("rowid"))
    matches = (
        select(fts.c.rowid)
        .where(literal_column(f"{name}_fts").bool_op("MATCH")(query))
        .limit(50)
    )
    model = Person if name == "person" else Organisation
    return list(
        s.scalars(
            select(model.id)
            .where(
                literal_column(f"{name}.rowid").in_(matches),
                model.deleted_at.is_(None),
            )
            .limit(_DUP_LIMIT * 3)
        )
    )


def _person_candidate(
    s: Session, person_id: str, reason: str, score: int
) -> DuplicateCandidate | None:
    p = s.get(Person, person_id)
    if p is None or p.deleted_at is not None:
        return None
    name = " ".join(x for x in (p.first_name, p.last_name) if x)
    detail = " · ".join(x for x in (p.org_name, p.email, p.city) if x)
    return DuplicateCandidate("person", p.id, name, detail, reason, score)


def _org_candidate(
    s: Session, org_id: str, reason: str, score: int
) -> DuplicateCandidate | None:
    o = s.get(Organisation, org_id)
    if o is None or o.deleted_at is not None:
        return None
    detail = " · ".join(x for x in (o.postcode, o.city) if x)
    return DuplicateCandidate("organisation", o.id, o.name, detail, reason, score)
