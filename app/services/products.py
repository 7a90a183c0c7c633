"""Catalogue data of the pipeline: products, campaigns and exchange rates.

Small tables read whole into pick lists. Exchange rates get natural-key ids
(currency + valid-from date), so the same rate entered on two laptops is one row.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, ValidationError
from app.domain.pipeline import (
    BASE_CURRENCY,
    CURRENCIES,
    Campaign,
    ExchangeRate,
    Product,
    ProductData,
    Suggestion,
)
from app.models import Organisation
from app.models.pipeline import Campaign as CampaignRow
from app.models.pipeline import ExchangeRateRow, seeded_id
from app.models.pipeline import Product as ProductRow
from app.services.pipeline_rules import MAX_MINOR


class CatalogueService:
    """Products with list prices, campaigns, dated exchange rates to CHF."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # ---- products

    def products(self, *, include_inactive: bool = False) -> list[Product]:
        """The catalogue by name."""
        with self._sessions() as s:
            stmt = select(ProductRow).where(ProductRow.deleted_at.is_(None))
            if not include_inactive:
                stmt = stmt.where(ProductRow.active.is_(True))
            rows = s.scalars(stmt.order_by(ProductRow.name)).all()
            return [_product(r) for r in rows]

    def save_product(
        self, data: ProductData, product_id: str | None = None
    ) -> tuple[Product, Changes]:
        """Create (``product_id`` None) or update a catalogue entry."""
        errors: list[FieldError] = []
        if not data.name.strip():
            errors.append(FieldError("name", "required", "Name required"))
        if not 0 <= data.list_price_minor <= MAX_MINOR:
            errors.append(
                FieldError(
                    "list_price",
                    "amount.invalid",
                    "Price out of range",
                    data.list_price_minor,
                )
            )
        if data.currency not in CURRENCIES:
            errors.append(
                FieldError(
                    "currency", "currency.unknown", "Unknown currency", data.currency
                )
            )
        if errors:
            raise ValidationError(errors)
        with self._sessions.begin() as s:
            if product_id:
                row = s.get(ProductRow, product_id)
                if row is None or row.deleted_at is not None:
                    raise NotFoundError("product", product_id)
            else:
                row = ProductRow()
                s.add(row)
            row.name = data.name.strip()
            row.code = data.code.strip()
            row.list_price_minor = data.list_price_minor
            row.currency = data.currency
            row.active = data.active
            s.flush()
            return _product(row), Changes.of(EntityKind.PRODUCT, row.id)

    # ---- campaigns

    def campaigns(self) -> list[Campaign]:
        """Campaigns, newest start first (for the lead form's pick list)."""
        with self._sessions() as s:
            rows = s.scalars(
                select(CampaignRow)
                .where(CampaignRow.deleted_at.is_(None))
                .order_by(CampaignRow.start_date.desc(), CampaignRow.name)
            ).all()
            return [
                Campaign(
                    r.id,
                    r.name,
                    r.channel,
                    r.start_date,
                    r.end_date,
                    r.cost_minor,
                    r.currency,
                )
                for r in rows
            ]

    def create_campaign(
        self,
        name: str,
        *,
        channel: str = "",
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        cost_minor: int = 0,
        currency: str = BASE_CURRENCY,
    ) -> tuple[Campaign, Changes]:
        """A minimal campaign (the campaign capability adds members and responses)."""
        if not name.strip():
            raise ValidationError([FieldError("name", "required", "Name required")])
        with self._sessions.begin() as s:
            row = CampaignRow(
                name=name.strip(),
                channel=channel,
                start_date=start_date,
                end_date=end_date,
                cost_minor=cost_minor,
                currency=currency,
            )
            s.add(row)
            s.flush()
            campaign = Campaign(
                row.id, row.name, channel, start_date, end_date, cost_minor, currency
            )
            return campaign, Changes.of(EntityKind.CAMPAIGN, row.id)

    # ---- cross-selling

    def cross_sell(self, organisation_id: str, *, limit: int = 5) -> list[Suggestion]:
        """Products that similar organisations bought and this one has not.

        Similar: same industry, or bought some of the same products (weighted
        by how many). Products are ranked by the summed similarity of their
        buyers, so what close peers bought comes first.
        """
        with self._sessions() as s:
            industry = s.scalar(
                select(Organisation.industry_id).where(
                    Organisation.id == organisation_id
                )
            )
            rows = s.execute(
                text(_CROSS_SELL_SQL),
                {"org": organisation_id, "industry": industry or "", "limit": limit},
            ).all()
            peers = s.execute(
                text(
                    "SELECT count(*) FROM organisation WHERE industry_id = :i "
                    "AND deleted_at IS NULL AND id != :o"
                ),
                {"i": industry or "", "o": organisation_id},
            ).scalar_one()
            products = {
                p.id: p
                for p in s.scalars(
                    select(ProductRow).where(ProductRow.id.in_([r[0] for r in rows]))
                )
            }
        out = []
        for product_id, buyers, _score in rows:
            p = products.get(product_id)
            if p is None or not p.active or p.deleted_at is not None:
                continue
            out.append(
                Suggestion(
                    p.id,
                    p.name,
                    int(buyers),
                    int(peers),
                    p.list_price_minor,
                    p.currency,
                )
            )
        return out

    # ---- exchange rates

    def rates(self) -> list[ExchangeRate]:
        """Every dated rate, by currency and date."""
        with self._sessions() as s:
            rows = s.scalars(
                select(ExchangeRateRow)
                .where(ExchangeRateRow.deleted_at.is_(None))
                .order_by(ExchangeRateRow.currency, ExchangeRateRow.valid_from)
            ).all()
            return [ExchangeRate(r.currency, r.valid_from, r.rate_micro) for r in rows]

    def set_rate(self, rate: ExchangeRate) -> Changes:
        """Add or correct the rate of a currency from a date on."""
        if rate.currency not in CURRENCIES or rate.currency == BASE_CURRENCY:
            raise ValidationError(
                [
                    FieldError(
                        "currency",
                        "currency.unknown",
                        "Unknown currency",
                        rate.currency,
                    )
                ]
            )
        if not 0 < rate.rate_micro < 1000 * 1_000_000:
            raise ValidationError(
                [
                    FieldError(
                        "rate", "rate.invalid", "Rate out of range", rate.rate_micro
                    )
                ]
            )
        rid = seeded_id("rate", f"{rate.currency}/{rate.valid_from.isoformat()}")
        with self._sessions.begin() as s:
            row = s.get(ExchangeRateRow, rid)
            if row is None:
                row = ExchangeRateRow(
                    id=rid, currency=rate.currency, valid_from=rate.valid_from
                )
                s.add(row)
            row.rate_micro = rate.rate_micro
            row.deleted_at = None
        return Changes.of(EntityKind.EXCHANGE_RATE, rid)


_CROSS_SELL_SQL = """
WITH mine AS (
    SELECT DISTINCT l.product_id AS product_id FROM opportunity_line l
    JOIN opportunity o ON o.id = l.opportunity_id
    WHERE o.organisation_id = :org AND o.outcome = 'won' AND o.deleted_at IS NULL
      AND l.deleted_at IS NULL AND l.product_id IS NOT NULL
),
peers AS (
    SELECT o.organisation_id AS org, count(DISTINCT l.product_id) AS shared
    FROM opportunity_line l JOIN opportunity o ON o.id = l.opportunity_id
    WHERE l.product_id IN (SELECT product_id FROM mine) AND o.outcome = 'won'
      AND o.organisation_id != :org AND o.deleted_at IS NULL AND l.deleted_at IS NULL
    GROUP BY o.organisation_id
    UNION ALL
    SELECT g.id, 0 FROM organisation g
    WHERE g.industry_id = :industry AND g.id != :org AND g.deleted_at IS NULL
),
similar AS (
    SELECT org, sum(shared) + 1 AS weight FROM peers GROUP BY org
)
SELECT l.product_id, count(DISTINCT o.organisation_id) AS buyers,
       sum(s.weight) AS score
FROM similar s
JOIN opportunity o ON o.organisation_id = s.org AND o.outcome = 'won'
     AND o.deleted_at IS NULL
JOIN opportunity_line l ON l.opportunity_id = o.id AND l.deleted_at IS NULL
WHERE l.product_id IS NOT NULL AND l.product_id NOT IN (SELECT product_id FROM mine)
GROUP BY l.product_id
ORDER BY score DESC, buyers DESC
LIMIT :limit
"""


def _product(r: ProductRow) -> Product:
    return Product(r.id, r.code, r.name, r.list_price_minor, r.currency, r.active)
