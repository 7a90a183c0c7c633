"""Opportunity stage changes as a source of the customer timeline.

Registered with :func:`app.services.timeline.register_source` when this module
is imported (``app.services.sales`` does, so every app and CLI process has it).
An organisation's timeline shows the stage changes of its opportunities, a
person's those of opportunities they are the contact of, and an
opportunity's its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import String, func, literal, select
from sqlalchemy.orm import Session

from app.domain.journal import LinkKind, TimelineItem
from app.models import UserAccount
from app.models.pipeline import Opportunity, OpportunityHistory, PipelineStage
from app.services.timeline import KeySelect, TimelineTarget, register_source

SOURCE = "stage"


def _stage_keys(target: TimelineTarget, search: str) -> KeySelect | None:
    if target.kind == LinkKind.ORGANISATION:
        opps = select(Opportunity.id).where(Opportunity.organisation_id == target.id)
    elif target.kind == LinkKind.PERSON:
        opps = select(Opportunity.id).where(Opportunity.person_id == target.id)
    elif target.kind == LinkKind.OPPORTUNITY:
        opps = select(literal(target.id, String))
    else:
        return None
    h = OpportunityHistory
    stmt = select(
        h.changed_at.label("at"),
        literal(SOURCE, String).label("source"),
        h.id.label("id"),
    ).where(h.field == "stage", h.deleted_at.is_(None), h.opportunity_id.in_(opps))
    for word in search.split():
        stmt = stmt.where(
            h.opportunity_id.in_(
                select(Opportunity.id).where(
                    Opportunity.title.icontains(word, autoescape=True)
                )
            )
        )
    return stmt


def _stage_details(s: Session, ids: Sequence[str]) -> dict[str, TimelineItem]:
    h = OpportunityHistory
    rows = s.execute(
        select(
            h.id,
            h.changed_at,
            h.old,
            h.new,
            Opportunity.title,
            func.coalesce(UserAccount.display_name, UserAccount.username, ""),
        )
        .join(Opportunity, Opportunity.id == h.opportunity_id)
        .outerjoin(UserAccount, UserAccount.id == h.changed_by)
        .where(h.id.in_(list(ids)))
    ).all()
    stage_ids = {v for r in rows for v in (r[2], r[3]) if v}
    stages = {
        r[0]: (r[1], r[2])
        for r in s.execute(
            select(PipelineStage.id, PipelineStage.name, PipelineStage.outcome).where(
                PipelineStage.id.in_(stage_ids)
            )
        )
    }
    out: dict[str, TimelineItem] = {}
    for rid, at, old, new, title, who in rows:
        old_name = stages.get(old, ("", ""))[0]
        new_name, outcome = stages.get(new, (new, "open"))
        change = f"{old_name} → {new_name}" if old_name else new_name
        out[rid] = TimelineItem(
            id=rid,
            source=SOURCE,
            subtype=outcome,
            at=at,
            title=title,
            summary=change,
            meta=who,
        )
    return out


register_source(SOURCE, keys=_stage_keys, details=_stage_details)
