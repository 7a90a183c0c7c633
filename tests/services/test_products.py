"""Catalogue: products, campaigns, dated rates, cross-selling suggestions."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.database import Database
from app.domain.addresses import Organisation
from app.domain.errors import ValidationError
from app.domain.pipeline import ExchangeRate, LineData, Outcome, ProductData
from app.services.addresses import AddressService
from app.services.pipeline import PipelineService
from app.services.products import CatalogueService
from tests.helpers.factories import make_organisation
from tests.helpers.pipeline import make_opportunity


@pytest.fixture
def catalogue(db: Database) -> CatalogueService:
    return CatalogueService(db.sessions)


@pytest.fixture
def pipeline(db: Database) -> PipelineService:
    return PipelineService(db.sessions)


def test_products(catalogue: CatalogueService) -> None:
    product, _ = catalogue.save_product(
        ProductData("Service contract", "SC-1", 1_200_000, "CHF")
    )
    assert catalogue.products() == [product]
    catalogue.save_product(ProductData("Old", active=False))
    assert [p.name for p in catalogue.products()] == ["Service contract"]
    assert len(catalogue.products(include_inactive=True)) == 2
    renamed, _ = catalogue.save_product(
        ProductData("Service contract plus", "SC-1", 1_500_000), product.id
    )
    assert renamed.id == product.id
    with pytest.raises(ValidationError) as info:
        catalogue.save_product(ProductData("", currency="XYZ", list_price_minor=-1))
    assert {e.field for e in info.value.errors} == {"name", "currency", "list_price"}


def test_rates_have_natural_key_ids(catalogue: CatalogueService) -> None:
    day = dt.date(2026, 2, 1)
    catalogue.set_rate(ExchangeRate("EUR", day, 930_000))
    catalogue.set_rate(
        ExchangeRate("EUR", day, 935_000)
    )  # a correction, not a second row
    eur = [r for r in catalogue.rates() if r.currency == "EUR"]
    assert [(r.valid_from, r.rate_micro) for r in eur] == [
        (dt.date(2000, 1, 1), 940_000),
        (day, 935_000),
    ]
    with pytest.raises(ValidationError):
        catalogue.set_rate(ExchangeRate("CHF", day, 1))
    with pytest.raises(ValidationError):
        catalogue.set_rate(ExchangeRate("USD", day, 0))


def test_campaigns(catalogue: CatalogueService) -> None:
    catalogue.create_campaign("Old", start_date=dt.date(2025, 1, 1))
    catalogue.create_campaign("New", start_date=dt.date(2026, 1, 1), cost_minor=500_000)
    assert [c.name for c in catalogue.campaigns()] == ["New", "Old"]
    with pytest.raises(ValidationError):
        catalogue.create_campaign(" ")


def _buy(
    pipeline: PipelineService, org: Organisation, *product_ids: str, won: bool = True
) -> None:
    opp = make_opportunity(
        pipeline,
        organisation_id=org.id,
        lines=tuple(LineData(pid, "", 1, 10_000) for pid in product_ids),
    )
    if won:
        stage = pipeline.pipeline().of_outcome(Outcome.WON)
        assert stage is not None
        pipeline.move_to_stage(opp.id, stage.id)


def test_cross_sell_suggests_what_similar_customers_bought(
    catalogue: CatalogueService, pipeline: PipelineService, addresses: AddressService
) -> None:
    ids = {
        name: catalogue.save_product(ProductData(name, list_price_minor=10_000))[0].id
        for name in ("Base", "Backup", "Training", "Hosting", "Retired")
    }
    bank, _ = addresses.create_industry("Banking")
    retail, _ = addresses.create_industry("Retail")
    me = make_organisation(addresses, industry_id=bank.id)
    twin = make_organisation(addresses, industry_id=retail.id)
    peer = make_organisation(addresses, industry_id=bank.id)
    stranger = make_organisation(addresses, industry_id=retail.id)
    _buy(pipeline, me, ids["Base"])
    _buy(pipeline, twin, ids["Base"], ids["Backup"])  # shares a product
    _buy(pipeline, peer, ids["Training"])  # same industry
    _buy(pipeline, stranger, ids["Hosting"])  # neither
    _buy(pipeline, twin, ids["Hosting"], won=False)  # not bought, only offered
    catalogue.save_product(ProductData("Retired", active=False), ids["Retired"])
    _buy(pipeline, peer, ids["Retired"])
    found = catalogue.cross_sell(me.id)
    assert [s.name for s in found] == ["Backup", "Training"]
    assert found[0].buyers == 1
    assert found[1].similar == 1  # organisations in the same industry


def test_cross_sell_for_a_new_customer_uses_the_industry(
    catalogue: CatalogueService, pipeline: PipelineService, addresses: AddressService
) -> None:
    pid = catalogue.save_product(ProductData("Base"))[0].id
    bank, _ = addresses.create_industry("Banking")
    newcomer = make_organisation(addresses, industry_id=bank.id)
    for _ in range(2):
        _buy(pipeline, make_organisation(addresses, industry_id=bank.id), pid)
    found = catalogue.cross_sell(newcomer.id)
    assert [(s.name, s.buyers) for s in found] == [("Base", 2)]
