"""Opportunities in their pipelines: create, edit, move between stages, board, list.

Every public method opens its own session, commits or rolls back and returns
frozen DTOs plus :class:`Changes`. Stage, amount and close-date changes are
written to ``opportunity_history`` in the same transaction as the change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db import pipeline_queries as q
from app.db.address_queries import Sort
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, UserError, ValidationError
from app.domain.pipeline import (
    CURRENCIES,
    RATE_SCALE,
    BoardColumn,
    BoardFilter,
    Card,
    HistoryEntry,
    LeadSource,
    LineData,
    MoveResult,
    Opportunity,
    OpportunityData,
    OpportunityRow,
    Outcome,
    Pipeline,
    Stage,
    StageData,
)
from app.models import Organisation, Person, UserAccount, new_id, utcnow
from app.models.pipeline import (
    DEFAULT_PIPELINE_ID,
    DEFAULT_STAGES,
    PipelineStage,
    SalesPipeline,
    default_stage_id,
)
from app.models.pipeline import Opportunity as OppRow
from app.models.pipeline import OpportunityHistory as HistoryRow
from app.models.pipeline import OpportunityLine as LineRow
from app.models.pipeline import ScoringModel as ScoringRow
from app.services.addresses import Page
from app.services.pipeline_rules import validate_opportunity

#: Cards per board column before "N more …".
BOARD_LIMIT = 30
#: Days of closed business the Won and Lost columns show without a period filter.
CLOSED_WINDOW_DAYS = 30
#: Closed opportunities since the last training that make a retrain due.
RETRAIN_EVERY = 50
TRACKED = ("stage", "amount", "close_date")
#: Seeded names by id: views translate them for as long as nobody renamed them.
DEFAULT_STAGE_NAMES = {
    default_stage_id(key): name for key, name, _p, _o in DEFAULT_STAGES
}
DEFAULT_PIPELINE_NAME = {DEFAULT_PIPELINE_ID: "Sales"}


def outcome_of(value: str) -> Outcome:
    """The :class:`Outcome` stored as ``value`` (open if unknown)."""
    return Outcome(value) if value in Outcome else Outcome.OPEN


def _source(value: str) -> LeadSource:
    return LeadSource(value) if value in LeadSource else LeadSource.OTHER


class PipelineService:
    """Pipelines and stages, opportunities, the kanban board and the list."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._today = today
        self._now = now
        #: The signed-in user; recorded as ``changed_by`` in the history.
        self.current_user_id: str | None = None

    # ---- pipelines and stages

    def pipelines(self) -> list[Pipeline]:
        """Every pipeline with its stages, default first."""
        with self._sessions() as s:
            rows = s.scalars(
                select(SalesPipeline)
                .where(SalesPipeline.deleted_at.is_(None))
                .order_by(
                    SalesPipeline.is_default.desc(),
                    SalesPipeline.position,
                    SalesPipeline.name,
                )
            ).all()
            stages = _stages(s, [p.id for p in rows])
        return [
            Pipeline(p.id, p.name, p.is_default, tuple(stages.get(p.id, ())))
            for p in rows
        ]

    def pipeline(self, pipeline_id: str | None = None) -> Pipeline:
        """The pipeline ``pipeline_id`` (the default one if None)."""
        found = self.pipelines()
        if not found:
            raise NotFoundError("pipeline", pipeline_id or DEFAULT_PIPELINE_ID)
        if pipeline_id is None:
            return found[0]
        for item in found:
            if item.id == pipeline_id:
                return item
        raise NotFoundError("pipeline", pipeline_id)

    def create_pipeline(
        self, name: str, stages: Sequence[StageData]
    ) -> tuple[Pipeline, Changes]:
        """A new pipeline with ``stages`` (see :meth:`save_stages` for the rules)."""
        if not name.strip():
            raise ValidationError(
                [FieldError("name", "required", "The pipeline needs a name")]
            )
        _check_stages(stages)
        with self._sessions.begin() as s:
            position = s.scalar(select(func.count()).select_from(SalesPipeline)) or 0
            row = SalesPipeline(name=name.strip(), position=position)
            s.add(row)
            s.flush()
            self._write_stages(s, row.id, stages)
            pid = row.id
        return self.pipeline(pid), Changes.of(EntityKind.PIPELINE, pid)

    def save_stages(
        self, pipeline_id: str, stages: Sequence[StageData]
    ) -> tuple[Pipeline, Changes]:
        """Replace the stage list of a pipeline (rename, reorder, add, remove).

        Rules: names required, probabilities 0-100, at least one open stage and
        exactly one Won and one Lost stage. A stage that still holds
        opportunities cannot be removed (``stage.in_use``).
        """
        _check_stages(stages)
        with self._sessions.begin() as s:
            if s.get(SalesPipeline, pipeline_id) is None:
                raise NotFoundError("pipeline", pipeline_id)
            self._write_stages(s, pipeline_id, stages)
        return self.pipeline(pipeline_id), Changes.of(EntityKind.PIPELINE, pipeline_id)

    def _write_stages(
        self, s: Session, pipeline_id: str, stages: Sequence[StageData]
    ) -> None:
        current = {
            r.id: r
            for r in s.scalars(
                select(PipelineStage).where(
                    PipelineStage.pipeline_id == pipeline_id,
                    PipelineStage.deleted_at.is_(None),
                )
            )
        }
        keep = {st.id for st in stages if st.id}
        for sid in set(current) - keep:
            used = s.scalar(
                select(func.count())
                .select_from(OppRow)
                .where(OppRow.stage_id == sid, OppRow.deleted_at.is_(None))
            )
            if used:
                raise UserError(
                    "stage.in_use",
                    f"The stage {current[sid].name} still holds {used} opportunities",
                    field="stages",
                    value=current[sid].name,
                )
            current[sid].deleted_at = self._now()
        for position, st in enumerate(stages):
            row = current.get(st.id or "")
            if row is None:
                row = PipelineStage(pipeline_id=pipeline_id)
                s.add(row)
            elif row.outcome != str(st.outcome):  # opportunities follow their stage
                s.execute(
                    update(OppRow)
                    .where(OppRow.stage_id == row.id)
                    .values(outcome=str(st.outcome))
                )
            _assign(
                row,
                name=st.name.strip(),
                position=position,
                probability=st.probability,
                outcome=str(st.outcome),
            )

    # ---- opportunities

    def create_opportunity(
        self, data: OpportunityData, *, lead_id: str | None = None
    ) -> tuple[Opportunity, Changes]:
        """Validate and store a new opportunity with its lines."""
        with self._sessions.begin() as s:
            row = self.create_in(s, data, lead_id=lead_id)
            return self._dto(s, row), Changes.of(EntityKind.OPPORTUNITY, row.id)

    def create_in(
        self, s: Session, data: OpportunityData, *, lead_id: str | None = None
    ) -> OppRow:
        """Create an opportunity inside the caller's transaction (lead conversion)."""
        stage = self._stage(s, data.stage_id)
        data = self._validated(data, stage)
        now = self._now()
        row = OppRow(
            id=new_id(),
            title=data.title,
            pipeline_id=stage.pipeline_id,
            stage_id=stage.id,
            stage_entered_at=now,
            lead_id=lead_id,
        )
        s.add(row)
        self._apply(s, row, data, stage)
        if stage.outcome != "open":
            row.closed_on = data.close_date
        s.flush()
        self._history(s, row.id, "stage", "", stage.id, now)
        self._history(s, row.id, "amount", "", _money(row), now)
        self._history(s, row.id, "close_date", "", _date(row.close_date), now)
        return row

    def update_opportunity(
        self, opportunity_id: str, data: OpportunityData
    ) -> tuple[Opportunity, Changes]:
        """Validate and store changes; tracked fields get a history entry."""
        with self._sessions.begin() as s:
            row = self._live(s, opportunity_id)
            stage = self._stage(s, data.stage_id)
            data = self._validated(data, stage)
            before = {"stage": row.stage_id, "amount": _money(row)}
            before["close_date"] = _date(row.close_date)
            old_outcome = row.outcome
            self._apply(s, row, data, stage)
            now = self._now()
            if row.stage_id != before["stage"]:
                row.stage_entered_at = now
            if stage.outcome != old_outcome:
                row.closed_on = self._today() if stage.outcome != "open" else None
            after = {
                "stage": row.stage_id,
                "amount": _money(row),
                "close_date": _date(row.close_date),
            }
            for name in TRACKED:
                if before[name] != after[name]:
                    self._history(s, row.id, name, before[name], after[name], now)
            s.flush()
            return self._dto(s, row), Changes.of(EntityKind.OPPORTUNITY, row.id)

    def get_opportunity(self, opportunity_id: str) -> Opportunity:
        """The opportunity with lines and history."""
        with self._sessions() as s:
            return self._dto(s, self._live(s, opportunity_id))

    def delete_opportunity(self, opportunity_id: str) -> Changes:
        """Tombstone the opportunity (undo with :meth:`restore_opportunity`)."""
        return self._set_deleted(opportunity_id, deleted=True)

    def restore_opportunity(self, opportunity_id: str) -> Changes:
        """Undo :meth:`delete_opportunity`."""
        return self._set_deleted(opportunity_id, deleted=False)

    def move_to_stage(
        self,
        opportunity_id: str,
        stage_id: str,
        *,
        lost_reason: str = "",
        competitor: str = "",
    ) -> tuple[MoveResult, Changes]:
        """Drag and drop / Ctrl+Shift+→: put the opportunity into another stage.

        The probability becomes the stage's default; moving to Won or Lost
        closes the opportunity today (its close date becomes today), moving
        back reopens it. Lost needs ``lost_reason``
        (:class:`ValidationError` on ``lost_reason`` otherwise).
        """
        with self._sessions.begin() as s:
            row = self._live(s, opportunity_id)
            stage = self._stage(s, stage_id)
            if stage.pipeline_id != row.pipeline_id:
                raise UserError(
                    "stage.other_pipeline",
                    "The stage belongs to another pipeline",
                    field="stage_id",
                    value=stage_id,
                )
            old_stage = row.stage_id
            old_probability = row.probability
            if stage.id == old_stage:
                return MoveResult(row.id, old_stage, old_stage, False), Changes()
            if stage.outcome == "lost" and not lost_reason.strip():
                raise ValidationError(
                    [
                        FieldError(
                            "lost_reason",
                            "required",
                            "Say why the opportunity was lost",
                        )
                    ]
                )
            now, today = self._now(), self._today()
            old_outcome = row.outcome
            row.stage_id = stage.id
            row.probability = stage.probability
            row.stage_entered_at = now
            self._history(s, row.id, "stage", old_stage, stage.id, now)
            closing = stage.outcome != "open"
            if closing:
                if row.close_date != today:
                    self._history(
                        s,
                        row.id,
                        "close_date",
                        _date(row.close_date),
                        _date(today),
                        now,
                    )
                row.close_date = today
                row.closed_on = today
            else:
                row.closed_on = None
            row.lost_reason = lost_reason.strip() if stage.outcome == "lost" else ""
            row.competitor = competitor.strip() if closing else ""
            row.outcome = stage.outcome
            retrain = closing and row.outcome != "open" and self._retrain_due(s)
            return (
                MoveResult(
                    row.id,
                    old_stage,
                    stage.id,
                    retrain,
                    amount_minor=row.amount_minor,
                    currency=row.currency,
                    old_probability=old_probability,
                    new_probability=row.probability,
                    close_date_changed=closing or old_outcome != "open",
                ),
                Changes.of(EntityKind.OPPORTUNITY, row.id),
            )

    def set_close_date(self, opportunity_id: str, day: dt.date) -> Changes:
        """Re-plan: move the expected close date (forecast drag and drop)."""
        with self._sessions.begin() as s:
            row = self._live(s, opportunity_id)
            if row.close_date != day:
                old = _date(row.close_date)
                row.close_date = day
                self._history(s, row.id, "close_date", old, _date(day), self._now())
        return Changes.of(EntityKind.OPPORTUNITY, opportunity_id)

    # ---- board and list

    def board(self, flt: BoardFilter, *, limit: int = BOARD_LIMIT) -> list[BoardColumn]:
        """Every stage of the filter's pipeline with totals and its first cards."""
        pipeline = self.pipeline(flt.pipeline_id)
        return self.board_columns(flt, pipeline.stages, limit=limit)

    def board_columns(
        self, flt: BoardFilter, stages: Sequence[Stage], *, limit: int = BOARD_LIMIT
    ) -> list[BoardColumn]:
        """Totals and first cards of ``stages`` only (after a move: two columns).

        Without a close-date filter the Won and Lost columns hold what closed
        in the last :data:`CLOSED_WINDOW_DAYS` days (the columns say so), as
        boards show recent outcomes, not years of history.
        """
        # stage ids imply the pipeline; leaving it out keeps the indexes covering
        flt = replace(flt, pipeline_id=None, stage_id=None)
        today = self._today()
        window = None
        closed_flt = flt
        if flt.close_from is None and flt.close_to is None:
            window = CLOSED_WINDOW_DAYS
            closed_flt = replace(flt, close_from=today - dt.timedelta(days=window))
        groups = (
            (flt, [st for st in stages if st.outcome == Outcome.OPEN], None),
            (closed_flt, [st for st in stages if st.outcome != Outcome.OPEN], window),
        )
        found: dict[str, BoardColumn] = {}
        with self._sessions() as s:
            rates = tuple((r[0], int(r[1])) for r in s.execute(q.rates_on(today)))
            for group_flt, group, days in groups:
                if not group:
                    continue
                rows = {
                    r[0]: r
                    for r in s.execute(
                        q.stage_totals(group_flt, [st.id for st in group])
                    )
                }
                for stage in group:
                    row = rows.get(stage.id)
                    count = int(row[1]) if row else 0
                    sums = tuple(
                        (cur, int(row[2 + 2 * i] or 0), int(row[3 + 2 * i] or 0))
                        if row
                        else (cur, 0, 0)
                        for i, cur in enumerate(CURRENCIES)
                    )
                    cards = self._cards(s, group_flt, stage.id, limit) if count else ()
                    found[stage.id] = _column(stage, count, sums, rates, cards, days)
        return [found[st.id] for st in stages]

    def after_move(
        self,
        flt: BoardFilter,
        columns: Sequence[BoardColumn],
        result: MoveResult,
        *,
        limit: int = BOARD_LIMIT,
    ) -> list[BoardColumn]:
        """The two columns of a move, cheaply and exactly.

        Between open stages with the close date unchanged the card stays in
        the filter, so the per-currency sums are adjusted by its amount and
        probabilities (the same integers SQL would add up) and only the first
        cards are read again — no scan of the stages. Moves into or out of
        Won/Lost re-read both columns.
        """
        by_id = {c.stage.id: c for c in columns}
        source = by_id.get(result.old_stage_id)
        target = by_id.get(result.new_stage_id)
        if source is None or target is None:
            raise ValueError("after_move needs the two columns of the move")
        simple = (
            source.stage.outcome == Outcome.OPEN
            and target.stage.outcome == Outcome.OPEN
            and not result.close_date_changed
            and bool(source.sums)
            and bool(target.sums)
        )
        if not simple:
            return self.board_columns(flt, [source.stage, target.stage], limit=limit)
        flt = replace(flt, pipeline_id=None, stage_id=None)
        out = []
        with self._sessions() as s:
            for column, sign, probability in (
                (source, -1, result.old_probability),
                (target, 1, result.new_probability),
            ):
                sums = tuple(
                    (
                        cur,
                        t + sign * result.amount_minor,
                        w + sign * result.amount_minor * probability,
                    )
                    if cur == result.currency
                    else (cur, t, w)
                    for cur, t, w in column.sums
                )
                count = column.count + sign
                cards = self._cards(s, flt, column.stage.id, limit) if count else ()
                out.append(
                    _column(
                        column.stage,
                        count,
                        sums,
                        column.rates,
                        cards,
                        column.window_days,
                    )
                )
        return out

    @staticmethod
    def _cards(
        s: Session, flt: BoardFilter, stage_id: str, limit: int
    ) -> tuple[Card, ...]:
        return tuple(_card(r) for r in s.execute(q.stage_cards(flt, stage_id, limit)))

    def count_opportunities(self, flt: BoardFilter) -> int:
        """How many opportunities the list shows for ``flt``."""
        with self._sessions() as s:
            return int(s.execute(q.opportunity_count(flt)).scalar_one())

    def opportunity_page(
        self, flt: BoardFilter, sort: Sort, *, offset: int, limit: int, total: int
    ) -> Page[OpportunityRow]:
        """Rows ``offset`` … ``offset+limit`` of the opportunity list."""
        stmt, rev = q.opportunity_page(
            flt, sort, offset=offset, limit=limit, total=total
        )
        with self._sessions() as s:
            raw = s.execute(stmt).all()
        rows = [
            OpportunityRow(
                id=r[0],
                title=r[1],
                organisation=r[2],
                stage=r[3],
                outcome=outcome_of(r[4]),
                amount_minor=r[5],
                currency=r[6],
                probability=r[7],
                close_date=r[8],
                owner_name=r[9],
                next_step=r[10],
                stage_id=r[11] or "",
            )
            for r in raw
        ]
        if rev:
            rows.reverse()
        return Page(offset, tuple(rows))

    def opportunities_of(
        self, organisation_id: str, *, limit: int = 200
    ) -> list[OpportunityRow]:
        """An organisation's opportunities, latest close date first."""
        flt = BoardFilter(organisation_id=organisation_id)
        total = self.count_opportunities(flt)
        page = self.opportunity_page(
            flt, Sort("close_date", True), offset=0, limit=limit, total=total
        )
        return list(page.rows)

    # ---- helpers

    def _validated(
        self, data: OpportunityData, stage: PipelineStage
    ) -> OpportunityData:
        probability = (
            stage.probability if data.probability is None else data.probability
        )
        return validate_opportunity(
            replace(data, probability=probability), outcome_of(stage.outcome)
        )

    @staticmethod
    def _live(s: Session, opportunity_id: str) -> OppRow:
        row = s.get(OppRow, opportunity_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("opportunity", opportunity_id)
        return row

    @staticmethod
    def _stage(s: Session, stage_id: str) -> PipelineStage:
        stage = s.get(PipelineStage, stage_id)
        if stage is None or stage.deleted_at is not None:
            raise ValidationError(
                [FieldError("stage_id", "stage.unknown", "Choose a stage", stage_id)]
            )
        return stage

    def _apply(
        self, s: Session, row: OppRow, data: OpportunityData, stage: PipelineStage
    ) -> None:
        _check_party(s, data)
        _assign(
            row,
            title=data.title,
            organisation_id=data.organisation_id,
            person_id=data.person_id,
            pipeline_id=stage.pipeline_id,
            stage_id=stage.id,
            outcome=stage.outcome,
            amount_minor=data.amount_minor,
            currency=data.currency,
            amount_from_lines=data.amount_from_lines,
            probability=data.probability,
            close_date=data.close_date,
            owner_id=data.owner_id,
            next_step=data.next_step,
            source=str(data.source),
            campaign_id=data.campaign_id,
            lost_reason=data.lost_reason,
            competitor=data.competitor,
            notes=data.notes,
        )
        s.flush()
        self._write_lines(s, row.id, data.lines)

    @staticmethod
    def _write_lines(
        s: Session, opportunity_id: str, lines: Iterable[LineData]
    ) -> None:
        current = {
            r.id: r
            for r in s.scalars(
                select(LineRow).where(
                    LineRow.opportunity_id == opportunity_id,
                    LineRow.deleted_at.is_(None),
                )
            )
        }
        keep: set[str] = set()
        for position, line in enumerate(lines):
            row = current.get(line.id or "")
            if row is None:
                row = LineRow(opportunity_id=opportunity_id)
                s.add(row)
            _assign(
                row,
                product_id=line.product_id,
                description=line.description,
                quantity=line.quantity,
                unit_price_minor=line.unit_price_minor,
                discount_bp=line.discount_bp,
                position=position,
            )
            if line.id:
                keep.add(line.id)
        for rid, row in current.items():
            if rid not in keep:
                row.deleted_at = utcnow()

    def _history(
        self,
        s: Session,
        opportunity_id: str,
        field: str,
        old: str,
        new: str,
        when: dt.datetime,
    ) -> None:
        s.add(
            HistoryRow(
                opportunity_id=opportunity_id,
                field=field,
                old=old,
                new=new,
                changed_at=when,
                changed_by=self.current_user_id,
            )
        )

    @staticmethod
    def _retrain_due(s: Session) -> bool:
        model = s.get(ScoringRow, "opportunity")
        seen = model.closed_seen if model else 0
        s.flush()
        closed = int(s.execute(q.closed_count()).scalar_one())
        return closed - seen >= RETRAIN_EVERY

    def _set_deleted(self, opportunity_id: str, *, deleted: bool) -> Changes:
        with self._sessions.begin() as s:
            row = s.get(OppRow, opportunity_id)
            if row is None or (row.deleted_at is None) != deleted:
                raise NotFoundError("opportunity", opportunity_id)
            row.deleted_at = self._now() if deleted else None
            row.deleted_rev = None
        return Changes.of(EntityKind.OPPORTUNITY, opportunity_id)

    def _dto(self, s: Session, row: OppRow) -> Opportunity:
        org = s.get(Organisation, row.organisation_id) if row.organisation_id else None
        person = s.get(Person, row.person_id) if row.person_id else None
        stage = s.get(PipelineStage, row.stage_id)
        pipeline = s.get(SalesPipeline, row.pipeline_id)
        lines = s.scalars(
            select(LineRow)
            .where(LineRow.opportunity_id == row.id, LineRow.deleted_at.is_(None))
            .order_by(LineRow.position)
        ).all()
        data = OpportunityData(
            title=row.title,
            pipeline_id=row.pipeline_id,
            stage_id=row.stage_id,
            organisation_id=row.organisation_id,
            person_id=row.person_id,
            amount_minor=row.amount_minor,
            currency=row.currency,
            amount_from_lines=row.amount_from_lines,
            probability=row.probability,
            close_date=row.close_date,
            owner_id=row.owner_id,
            next_step=row.next_step,
            source=_source(row.source),
            campaign_id=row.campaign_id,
            lost_reason=row.lost_reason,
            competitor=row.competitor,
            notes=row.notes,
            lines=tuple(
                LineData(
                    product_id=ln.product_id,
                    description=ln.description,
                    quantity=ln.quantity,
                    unit_price_minor=ln.unit_price_minor,
                    discount_bp=ln.discount_bp,
                    id=ln.id,
                )
                for ln in lines
            ),
        )
        return Opportunity(
            id=row.id,
            data=data,
            outcome=outcome_of(row.outcome),
            organisation_name=org.name if org else "",
            person_name=f"{person.first_name} {person.last_name}".strip()
            if person
            else "",
            owner_name=_user_name(s, row.owner_id),
            stage_name=stage.name if stage else "",
            pipeline_name=pipeline.name if pipeline else "",
            lead_id=row.lead_id,
            closed_on=row.closed_on,
            stage_entered_at=row.stage_entered_at,
            created_at=row.created_at,
            history=_history_dtos(s, row.id),
        )


def _column(
    stage: Stage,
    count: int,
    sums: tuple[tuple[str, int, int], ...],
    rates: tuple[tuple[str, int], ...],
    cards: tuple[Card, ...],
    window: int | None,
) -> BoardColumn:
    """A column with its CHF totals computed from raw per-currency sums."""
    rate = dict(rates)
    total = sum(q.chf(t, rate.get(cur, RATE_SCALE)) for cur, t, _w in sums)
    wsum = sum(q.chf(w, rate.get(cur, RATE_SCALE)) for cur, _t, w in sums)
    return BoardColumn(
        stage,
        count,
        total,
        (wsum + 50) // 100,
        cards,
        window_days=window,
        sums=sums,
        rates=rates,
    )


def _card(r: Sequence[Any]) -> Card:
    return Card(
        id=r[0],
        title=r[1],
        organisation=r[2],
        amount_minor=r[3],
        currency=r[4],
        close_date=r[5],
        owner_name=r[6],
        stage_entered_at=r[7],
        probability=r[8],
    )


def _stages(s: Session, pipeline_ids: list[str]) -> dict[str, list[Stage]]:
    out: dict[str, list[Stage]] = {}
    rows = s.scalars(
        select(PipelineStage)
        .where(
            PipelineStage.pipeline_id.in_(pipeline_ids),
            PipelineStage.deleted_at.is_(None),
        )
        .order_by(PipelineStage.position)
    )
    for r in rows:
        out.setdefault(r.pipeline_id, []).append(
            Stage(
                r.id,
                r.pipeline_id,
                r.name,
                r.position,
                r.probability,
                outcome_of(r.outcome),
            )
        )
    return out


def _check_stages(stages: Sequence[StageData]) -> None:
    errors: list[FieldError] = []
    for i, st in enumerate(stages):
        if not st.name.strip():
            errors.append(FieldError(f"stages[{i}].name", "required", "Name required"))
        if not 0 <= st.probability <= 100:
            errors.append(
                FieldError(
                    f"stages[{i}].probability",
                    "probability.range",
                    "The probability lies between 0 and 100 %",
                    st.probability,
                )
            )
    outcomes = [st.outcome for st in stages]
    if (
        outcomes.count(Outcome.WON) != 1
        or outcomes.count(Outcome.LOST) != 1
        or Outcome.OPEN not in outcomes
    ):
        errors.append(
            FieldError(
                "stages",
                "stages.outcomes",
                "A pipeline needs open stages and exactly one Won and one Lost stage",
            )
        )
    if errors:
        raise ValidationError(errors)


def _check_party(s: Session, data: OpportunityData) -> None:
    org = s.get(Organisation, data.organisation_id) if data.organisation_id else None
    person = s.get(Person, data.person_id) if data.person_id else None
    for rid, found, field in (
        (data.organisation_id, org, "organisation_id"),
        (data.person_id, person, "person_id"),
    ):
        if rid and (found is None or found.deleted_at is not None):
            raise ValidationError(
                [FieldError(field, "record.not_found", "This record was deleted", rid)]
            )


def _assign(row: object, **values: object) -> None:
    """Set only attributes whose value differs (sync records changed fields only)."""
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)


def _money(row: OppRow) -> str:
    return f"{row.amount_minor} {row.currency}"


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _user_name(s: Session, user_id: str | None) -> str:
    if not user_id:
        return ""
    user = s.get(UserAccount, user_id)
    return (user.display_name or user.username) if user else ""


def _history_dtos(s: Session, opportunity_id: str) -> tuple[HistoryEntry, ...]:
    rows = s.execute(
        select(
            HistoryRow,
            func.coalesce(UserAccount.display_name, UserAccount.username, ""),
        )
        .outerjoin(UserAccount, UserAccount.id == HistoryRow.changed_by)
        .where(
            HistoryRow.opportunity_id == opportunity_id,
            HistoryRow.deleted_at.is_(None),
        )
        .order_by(HistoryRow.changed_at.desc(), HistoryRow.created_at.desc())
    ).all()
    stage_ids = {v for h, _ in rows if h.field == "stage" for v in (h.old, h.new) if v}
    names = dict(
        s.execute(
            select(PipelineStage.id, PipelineStage.name).where(
                PipelineStage.id.in_(stage_ids)
            )
        ).all()
    )

    def show(field: str, value: str) -> str:
        return names.get(value, value) if field == "stage" else value

    return tuple(
        HistoryEntry(
            h.field, show(h.field, h.old), show(h.field, h.new), h.changed_at, who
        )
        for h, who in rows
    )
