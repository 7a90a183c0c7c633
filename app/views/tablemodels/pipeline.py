"""Opportunity and lead list models (windowed: a page at a time from the services)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from app.domain.pipeline import BoardFilter, LeadFilter, LeadRow, OpportunityRow
from app.services.leads import LeadService
from app.services.lists import Sort
from app.services.pipeline import PipelineService
from app.views.pipeline.texts import (
    date_text,
    lead_status_text,
    money,
    percent,
    source_text,
    stage_name_text,
)
from app.views.tablemodels.windowed import Column, WindowedTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("PipelineColumns", text)


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _weighted(r: OpportunityRow) -> str:
    return money(r.amount_minor * r.probability // 100, r.currency, whole=True)


OPPORTUNITY_COLUMNS = (
    Column("title", lambda: _t("Opportunity"), lambda r: r.title, "title", width=230),
    Column(
        "organisation", lambda: _t("Organisation"), lambda r: r.organisation, width=210
    ),
    Column(
        "stage",
        lambda: _t("Stage"),
        lambda r: stage_name_text(r.stage_id, r.stage),
        width=120,
    ),
    Column(
        "amount",
        lambda: _t("Amount"),
        lambda r: money(r.amount_minor, r.currency, whole=True),
        "amount",
        align=RIGHT,
        width=120,
    ),
    Column(
        "probability",
        lambda: _t("Prob."),
        lambda r: percent(r.probability),
        align=RIGHT,
        width=60,
    ),
    Column("weighted", lambda: _t("Weighted"), _weighted, align=RIGHT, width=120),
    Column(
        "close_date",
        lambda: _t("Close date"),
        lambda r: date_text(r.close_date),
        "close_date",
        width=95,
    ),
    Column("owner", lambda: _t("Owner"), lambda r: r.owner_name, width=130),
    Column("next_step", lambda: _t("Next step"), lambda r: r.next_step, width=200),
)

LEAD_COLUMNS = (
    Column("name", lambda: _t("Name"), lambda r: r.name, "name", width=170),
    Column("company", lambda: _t("Company"), lambda r: r.company, "company", width=190),
    Column(
        "status", lambda: _t("Status"), lambda r: lead_status_text(r.status), width=170
    ),
    Column(
        "score",
        lambda: _t("Score"),
        lambda r: "" if r.score is None else percent(r.score),
        align=RIGHT,
        width=60,
    ),
    Column("source", lambda: _t("Source"), lambda r: source_text(r.source), width=100),
    Column("city", lambda: _t("City"), lambda r: r.city, width=110),
    Column("email", lambda: _t("E-mail"), lambda r: r.email, width=210),
    Column("owner", lambda: _t("Owner"), lambda r: r.owner_name, width=130),
    Column(
        "created",
        lambda: _t("Captured"),
        lambda r: date_text(r.created_at.date()),
        "created",
        width=95,
    ),
)


class OpportunityTableModel(WindowedTableModel):
    """The opportunity list for a :class:`BoardFilter`."""

    def __init__(self, service: PipelineService, parent: Any = None) -> None:
        self._service = service
        self.filter = BoardFilter()
        super().__init__(
            OPPORTUNITY_COLUMNS,
            fetch_count=lambda: service.count_opportunities(self.filter),
            fetch_page=self._page,
            default_sort="close_date",
            parent=parent,
        )

    def _page(
        self, offset: int, limit: int, total: int, key: str, desc: bool
    ) -> Sequence[OpportunityRow]:
        return self._service.opportunity_page(
            self.filter, Sort(key, desc), offset=offset, limit=limit, total=total
        ).rows


class LeadTableModel(WindowedTableModel):
    """The lead list for a :class:`LeadFilter`, newest first."""

    def __init__(self, service: LeadService, parent: Any = None) -> None:
        self._service = service
        self.filter = LeadFilter()
        super().__init__(
            LEAD_COLUMNS,
            fetch_count=lambda: service.count_leads(self.filter),
            fetch_page=self._page,
            default_sort="created",
            parent=parent,
        )
        self._descending = True

    def _page(
        self, offset: int, limit: int, total: int, key: str, desc: bool
    ) -> Sequence[LeadRow]:
        return self._service.lead_page(
            self.filter, Sort(key, desc), offset=offset, limit=limit, total=total
        ).rows
