"""The report builder (Berichterstellung): grouped tables over opportunities.

A report groups every opportunity matching its filter by one or two
dimensions (owner, stage, source, industry, canton, close month …) and shows
count, Σ amount, average and weighted Σ in CHF per group. SQL groups by the
dimensions *and the currency*; the few hundred groups are converted at
today's rates here. Reports can be saved by name (synced, so the team shares
them) and exported (``app/exchange/report_export.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import analytics_queries as aq
from app.db import pipeline_queries as q
from app.domain.analytics import (
    ReportDef,
    ReportResult,
    ReportRow,
    SavedReportInfo,
    dash_period_range,
    report_from_json,
    report_to_json,
)
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, UserError, ValidationError
from app.domain.pipeline import RATE_SCALE
from app.domain.progress import NullProgress, ProgressSink
from app.models import Industry, utcnow
from app.models.analytics import SavedReport
from app.models.pipeline import Campaign, Opportunity, PipelineStage, SalesPipeline
from app.services.dashboard import segment_party

#: Shown for a group without a value (no owner, no industry …).
NONE_KEY = ""


class ReportService:
    """Run, save and list reports."""

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

    def run(
        self,
        report: ReportDef,
        progress: ProgressSink = NullProgress(),  # noqa: B008 - stateless
    ) -> ReportResult:
        """Compute ``report`` in one read transaction.

        Raises:
            UserError: ``report.invalid`` for unknown or repeated dimensions.
        """
        report_from_json(report_to_json(report))  # the same checks as a saved one
        today = self._today()
        start = end = None
        if report.period is not None:
            start, end = dash_period_range(report.period, today)
        progress.report(0, 2, "Computing report")
        with self._sessions() as s:
            party, _name = segment_party(s, report.segment_id, self._now())
            conds = aq.opportunity_conds(
                pipeline_id=report.pipeline_id, owner_id=report.owner_id, party=party
            )
            if report.outcome:
                conds.append(Opportunity.outcome == report.outcome)
            if start is not None and end is not None:
                conds += [
                    Opportunity.close_date >= start,
                    Opportunity.close_date <= end,
                ]
            rates = dict(s.execute(q.rates_on(today)).all())
            cells: dict[tuple[str, ...], list[int]] = {}
            n_dims = len(report.dims)
            hints = len(s.execute(aq.hinted_indexes()).all()) == len(aq.HINTED)
            for row in s.execute(aq.report_groups(conds, report.dims, hints=hints)):
                keys = tuple(NONE_KEY if v is None else str(v) for v in row[:n_dims])
                currency, n, total, wsum = row[n_dims:]
                rate = rates.get(currency, RATE_SCALE)
                cell = cells.setdefault(keys, [0, 0, 0])
                cell[0] += int(n)
                cell[1] += q.chf(int(total or 0), rate)
                cell[2] += (q.chf(int(wsum or 0), rate) + 50) // 100
            progress.check_cancelled()
            progress.report(1, 2, "Computing report")
            labels = {
                d: _labels(s, d, {k[i] for k in cells})
                for i, d in enumerate(report.dims)
            }
            order = {d: _order(s, d) for d in report.dims}
        rows = [
            ReportRow(
                keys=keys,
                labels=tuple(
                    labels[d].get(k, k) for d, k in zip(report.dims, keys, strict=False)
                ),
                count=c[0],
                total=c[1],
                weighted=c[2],
            )
            for keys, c in cells.items()
        ]

        def sort_key(r: ReportRow) -> tuple[Any, ...]:
            out: list[Any] = []
            for d, key, label in zip(report.dims, r.keys, r.labels, strict=False):
                out += [key == NONE_KEY, order[d].get(key, 10**6), label.lower(), key]
            return tuple(out)

        rows.sort(key=sort_key)
        total = ReportRow(
            keys=(),
            labels=(),
            count=sum(r.count for r in rows),
            total=sum(r.total for r in rows),
            weighted=sum(r.weighted for r in rows),
        )
        progress.report(2, 2, "Computing report")
        return ReportResult(report, tuple(rows), total, start, end)

    # ---- saved reports

    def saved(self) -> list[SavedReportInfo]:
        """Saved reports by name (unreadable ones are left out)."""
        with self._sessions() as s:
            rows = s.scalars(
                select(SavedReport)
                .where(SavedReport.deleted_at.is_(None))
                .order_by(func.lower(SavedReport.name))
            ).all()
            out = []
            for r in rows:
                try:
                    out.append(
                        SavedReportInfo(
                            r.id, r.name, report_from_json(r.definition), r.description
                        )
                    )
                except UserError:
                    continue
            return out

    def save(
        self, name: str, report: ReportDef, report_id: str | None = None
    ) -> tuple[SavedReportInfo, Changes]:
        """Save ``report`` under ``name`` (new, or over ``report_id``).

        Raises:
            ValidationError: ``required`` or ``report.name_taken`` on ``name``.
        """
        clean = name.strip()
        errors = []
        if not clean:
            errors.append(FieldError("name", "required", "Name is required", name))
        with self._sessions.begin() as s:
            clash = s.execute(
                select(SavedReport.id).where(
                    func.lower(SavedReport.name) == clean.lower(),
                    SavedReport.deleted_at.is_(None),
                    SavedReport.id != (report_id or ""),
                )
            ).first()
            if clean and clash is not None:
                errors.append(
                    FieldError(
                        "name", "report.name_taken", "This name is in use", clean
                    )
                )
            if errors:
                raise ValidationError(errors)
            if report_id is None:
                row = SavedReport(name=clean, definition=report_to_json(report))
                s.add(row)
            else:
                found = s.get(SavedReport, report_id)
                if found is None or found.deleted_at is not None:
                    raise NotFoundError("saved_report", report_id)
                row = found
                row.name = clean
                row.definition = report_to_json(report)
            s.flush()
            info = SavedReportInfo(row.id, row.name, report, row.description)
        return info, Changes.of(EntityKind.REPORT, info.id)

    def delete(self, report_id: str) -> Changes:
        """Remove a saved report (tombstone)."""
        with self._sessions.begin() as s:
            row = s.get(SavedReport, report_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("saved_report", report_id)
            row.deleted_at = utcnow()
        return Changes.of(EntityKind.REPORT, report_id)


def _labels(s: Session, dim: str, keys: set[str]) -> dict[str, str]:
    """Display names of the keys of ``dim`` (ids → names); views translate enums."""
    wanted = sorted(k for k in keys if k)
    if not wanted:
        return {}
    match dim:
        case "owner":
            return dict(s.execute(aq.user_names()).all())
        case "stage":
            return dict(
                s.execute(
                    select(PipelineStage.id, PipelineStage.name).where(
                        PipelineStage.id.in_(wanted)
                    )
                ).all()
            )
        case "industry":
            return dict(
                s.execute(
                    select(Industry.id, Industry.name).where(Industry.id.in_(wanted))
                ).all()
            )
        case "pipeline":
            return dict(
                s.execute(
                    select(SalesPipeline.id, SalesPipeline.name).where(
                        SalesPipeline.id.in_(wanted)
                    )
                ).all()
            )
        case "campaign":
            return dict(
                s.execute(
                    select(Campaign.id, Campaign.name).where(Campaign.id.in_(wanted))
                ).all()
            )
    return {k: k for k in wanted}


def _order(s: Session, dim: str) -> dict[str, int]:
    """A natural order of ``dim``'s keys where there is one (stages, outcomes)."""
    if dim == "stage":
        rows = s.execute(
            select(PipelineStage.id).order_by(
                PipelineStage.pipeline_id, PipelineStage.position
            )
        ).scalars()
        return {sid: i for i, sid in enumerate(rows)}
    if dim == "outcome":
        return {"open": 0, "won": 1, "lost": 2}
    return {}
