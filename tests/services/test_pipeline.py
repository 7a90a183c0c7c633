"""PipelineService on a real SQLite file: stages, opportunities, history, board, list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select, text

from app.db.address_queries import Sort
from app.db.database import Database
from app.domain.changes import EntityKind
from app.domain.errors import NotFoundError, UserError, ValidationError
from app.domain.pipeline import (
    BoardFilter,
    LineData,
    OpportunityData,
    Outcome,
    StageData,
)
from app.models.pipeline import (
    DEFAULT_PIPELINE_ID,
    ExchangeRateRow,
    OpportunityHistory,
    default_stage_id,
    seeded_id,
)
from app.services.addresses import AddressService
from app.services.pipeline import RETRAIN_EVERY, PipelineService
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.pipeline import TODAY, Clock, make_opportunity, stage_id, won_stage


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def pipeline(db: Database, clock: Clock) -> PipelineService:
    return PipelineService(db.sessions, today=clock.today, now=clock.now)


# ---- seeded configuration


def test_default_pipeline_is_seeded_with_deterministic_ids(
    pipeline: PipelineService,
) -> None:
    default = pipeline.pipeline()
    assert default.id == DEFAULT_PIPELINE_ID
    assert [(s.name, s.probability, s.outcome) for s in default.stages] == [
        ("Qualification", 10, Outcome.OPEN),
        ("Needs analysis", 25, Outcome.OPEN),
        ("Offer", 50, Outcome.OPEN),
        ("Negotiation", 75, Outcome.OPEN),
        ("Won", 100, Outcome.WON),
        ("Lost", 0, Outcome.LOST),
    ]
    assert default.stages[0].id == default_stage_id("qualification")
    assert default.first_open().name == "Qualification"


def test_base_exchange_rates_are_seeded(db: Database) -> None:
    with db.sessions() as s:
        rates = {r.currency: r for r in s.scalars(select(ExchangeRateRow))}
    assert rates["EUR"].rate_micro == 940_000
    assert rates["EUR"].id == seeded_id("rate", "EUR/2000-01-01")


def test_second_pipeline_and_stage_editing(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    stages = [
        StageData("Contacted", 20),
        StageData("Quote", 60),
        StageData("Signed", 100, Outcome.WON),
        StageData("Dropped", 0, Outcome.LOST),
    ]
    renewals, changes = pipeline.create_pipeline("Renewals", stages)
    assert changes.touches(EntityKind.PIPELINE)
    assert [p.name for p in pipeline.pipelines()] == ["Sales", "Renewals"]
    opp = make_opportunity(
        pipeline,
        addresses,
        pipeline_id=renewals.id,
        stage_id=stage_id(renewals, "Quote"),
    )
    assert opp.probability == 60
    edited = [
        dataclasses.replace(renewals.stages[1], name="Offer sent", probability=65),
        renewals.stages[2],
        renewals.stages[3],
        StageData("Lead in", 5),
    ]
    updated, _ = pipeline.save_stages(
        renewals.id,
        [StageData(s.name, s.probability, s.outcome, s.id) for s in edited],
    )
    assert [s.name for s in updated.stages] == [
        "Offer sent",
        "Signed",
        "Dropped",
        "Lead in",
    ]
    # a stage still holding an opportunity cannot go
    with pytest.raises(UserError) as info:
        pipeline.save_stages(
            renewals.id,
            [
                StageData(s.name, s.probability, s.outcome, s.id)
                for s in updated.stages[1:]
            ],
        )
    assert info.value.code == "stage.in_use"


def test_stage_rules(pipeline: PipelineService) -> None:
    with pytest.raises(ValidationError) as info:
        pipeline.create_pipeline(
            "Bad", [StageData("", 120), StageData("Won", 100, Outcome.WON)]
        )
    codes = {e.field: e.code for e in info.value.errors}
    assert codes == {
        "stages[0].name": "required",
        "stages[0].probability": "probability.range",
        "stages": "stages.outcomes",
    }


# ---- opportunities


def test_create_opportunity_takes_the_stage_probability_and_writes_history(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    org = make_organisation(addresses, name="Alpina AG")
    person = make_person(
        addresses, organisation=org, first_name="Anna", last_name="Keller"
    )
    opp = make_opportunity(
        pipeline, organisation_id=org.id, person_id=person.id, title=" Fleet renewal "
    )
    assert opp.data.title == "Fleet renewal"
    assert opp.probability == 10
    assert opp.organisation_name == "Alpina AG"
    assert opp.person_name == "Anna Keller"
    assert opp.stage_name == "Qualification"
    assert {h.field for h in opp.history} == {"stage", "amount", "close_date"}
    assert next(h for h in opp.history if h.field == "stage").new == "Qualification"


def test_lines_drive_the_amount_and_are_replaced(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    opp = make_opportunity(
        pipeline,
        addresses,
        amount_from_lines=True,
        lines=(
            LineData(
                None, "Licences", quantity=10, unit_price_minor=12_000, discount_bp=1000
            ),
            LineData(None, "Training", quantity=1, unit_price_minor=150_000),
        ),
    )
    assert opp.data.amount_minor == 108_000 + 150_000
    first = opp.data.lines[0]
    data = dataclasses.replace(
        opp.data, lines=(dataclasses.replace(first, quantity=20),)
    )
    updated, _ = pipeline.update_opportunity(opp.id, data)
    assert [ln.id for ln in updated.data.lines] == [first.id]
    assert updated.data.amount_minor == 216_000
    amount_changes = [h for h in updated.history if h.field == "amount"]
    assert amount_changes[0].old == "258000 CHF"
    assert amount_changes[0].new == "216000 CHF"


def test_update_records_only_tracked_changes(
    pipeline: PipelineService, addresses: AddressService, clock: Clock
) -> None:
    opp = make_opportunity(pipeline, addresses)
    clock.advance(days=2)
    data = dataclasses.replace(opp.data, next_step="Call back", title="Renamed")
    updated, _ = pipeline.update_opportunity(opp.id, data)
    assert len(updated.history) == len(opp.history)
    offer = stage_id(pipeline.pipeline(), "Offer")
    data = dataclasses.replace(
        updated.data, stage_id=offer, close_date=TODAY + dt.timedelta(days=90)
    )
    moved, _ = pipeline.update_opportunity(opp.id, data)
    newest = {h.field: h for h in moved.history[:2]}
    assert newest["stage"].old == "Qualification"
    assert newest["stage"].new == "Offer"
    assert newest["close_date"].new == "2026-06-14"
    assert moved.stage_entered_at == clock.now()


def test_invalid_opportunity_leaves_the_database_unchanged(
    pipeline: PipelineService, addresses: AddressService, db: Database
) -> None:
    opp = make_opportunity(pipeline, addresses)
    bad = dataclasses.replace(opp.data, title="", close_date=None)
    with pytest.raises(ValidationError) as info:
        pipeline.update_opportunity(opp.id, bad)
    assert {e.field for e in info.value.errors} == {"title", "close_date"}
    assert pipeline.get_opportunity(opp.id).data.title == opp.data.title


def test_deleted_organisation_is_refused(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    org = make_organisation(addresses)
    addresses.delete_organisation(org.id)
    with pytest.raises(ValidationError) as info:
        make_opportunity(pipeline, organisation_id=org.id)
    assert info.value.code == "record.not_found"


def test_delete_and_restore(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    opp = make_opportunity(pipeline, addresses)
    pipeline.delete_opportunity(opp.id)
    with pytest.raises(NotFoundError):
        pipeline.get_opportunity(opp.id)
    assert pipeline.count_opportunities(BoardFilter()) == 0
    pipeline.restore_opportunity(opp.id)
    assert pipeline.count_opportunities(BoardFilter()) == 1


# ---- moving on the board


def test_move_to_won_closes_today(
    pipeline: PipelineService, addresses: AddressService, clock: Clock
) -> None:
    opp = make_opportunity(pipeline, addresses)
    clock.advance(days=3)
    result, changes = pipeline.move_to_stage(opp.id, won_stage(pipeline.pipeline()))
    assert changes.touches(EntityKind.OPPORTUNITY)
    assert (result.old_stage_id, result.retrain_due) == (opp.data.stage_id, False)
    won = pipeline.get_opportunity(opp.id)
    assert won.outcome == Outcome.WON
    assert won.probability == 100
    assert won.closed_on == clock.today()
    assert won.data.close_date == clock.today()
    assert won.history[0].field in {"stage", "close_date"}


def test_move_to_lost_needs_a_reason(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    opp = make_opportunity(pipeline, addresses)
    lost = pipeline.pipeline().of_outcome(Outcome.LOST)
    assert lost is not None
    with pytest.raises(ValidationError) as info:
        pipeline.move_to_stage(opp.id, lost.id)
    assert info.value.field == "lost_reason"
    assert pipeline.get_opportunity(opp.id).outcome == Outcome.OPEN
    pipeline.move_to_stage(opp.id, lost.id, lost_reason="Price", competitor="Rival AG")
    got = pipeline.get_opportunity(opp.id)
    assert (got.outcome, got.data.lost_reason, got.data.competitor) == (
        Outcome.LOST,
        "Price",
        "Rival AG",
    )
    # reopening clears the close
    pipeline.move_to_stage(opp.id, pipeline.pipeline().first_open().id)
    reopened = pipeline.get_opportunity(opp.id)
    assert (reopened.outcome, reopened.closed_on, reopened.data.lost_reason) == (
        Outcome.OPEN,
        None,
        "",
    )


def test_move_to_another_pipelines_stage_is_refused(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    other, _ = pipeline.create_pipeline(
        "Other",
        [
            StageData("A", 10),
            StageData("W", 100, Outcome.WON),
            StageData("L", 0, Outcome.LOST),
        ],
    )
    opp = make_opportunity(pipeline, addresses)
    with pytest.raises(UserError) as info:
        pipeline.move_to_stage(opp.id, other.stages[0].id)
    assert info.value.code == "stage.other_pipeline"


def test_retrain_is_due_after_fifty_closed(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    org = make_organisation(addresses)
    won = won_stage(pipeline.pipeline())
    due = []
    for _ in range(RETRAIN_EVERY):
        opp = make_opportunity(pipeline, organisation_id=org.id)
        due.append(pipeline.move_to_stage(opp.id, won)[0].retrain_due)
    assert due == [False] * (RETRAIN_EVERY - 1) + [True]


def test_set_close_date_replans_with_history(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    opp = make_opportunity(pipeline, addresses)
    pipeline.set_close_date(opp.id, dt.date(2026, 9, 1))
    got = pipeline.get_opportunity(opp.id)
    assert got.data.close_date == dt.date(2026, 9, 1)
    assert got.history[0].field == "close_date"
    assert got.history[0].new == "2026-09-01"


# ---- board and list


def test_board_totals_convert_to_chf_and_weight(
    pipeline: PipelineService, addresses: AddressService, db: Database
) -> None:
    org = make_organisation(addresses)
    make_opportunity(pipeline, organisation_id=org.id, amount_minor=1_000_000)
    make_opportunity(
        pipeline, organisation_id=org.id, amount_minor=1_000_000, currency="EUR"
    )
    make_opportunity(
        pipeline,
        organisation_id=org.id,
        amount_minor=500_000,
        stage_id=stage_id(pipeline.pipeline(), "Offer"),
    )
    with db.sessions.begin() as s:  # a dated EUR rate replaces the seeded one
        s.add(
            ExchangeRateRow(
                currency="EUR", valid_from=dt.date(2026, 1, 1), rate_micro=950_000
            )
        )
    board = pipeline.board(BoardFilter())
    assert [c.stage.name for c in board][:3] == [
        "Qualification",
        "Needs analysis",
        "Offer",
    ]
    first = board[0]
    assert first.count == 2
    assert first.total_chf_minor == 1_000_000 + 950_000
    assert first.weighted_chf_minor == 195_000
    assert len(first.cards) == 2
    assert board[2].weighted_chf_minor == 250_000
    assert board[1].count == 0
    assert board[1].cards == ()


def test_board_shows_the_first_cards_by_close_date_and_counts_the_rest(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    org = make_organisation(addresses)
    for days in (50, 10, 30, 20, 40):
        make_opportunity(
            pipeline,
            organisation_id=org.id,
            title=f"in {days}",
            close_date=TODAY + dt.timedelta(days=days),
        )
    column = pipeline.board(BoardFilter(), limit=3)[0]
    assert [c.title for c in column.cards] == ["in 10", "in 20", "in 30"]
    assert column.more == 2
    assert column.cards[0].organisation == org.name


def test_board_filters(
    pipeline: PipelineService, addresses: AddressService, db: Database
) -> None:
    with db.sessions.begin() as s:
        s.execute(
            text(
                "INSERT INTO user_account (id, username, display_name, email, active, rev, "
                "field_revs, created_at, updated_at) VALUES ('u1', 'anna', 'Anna Meier', '', "
                "1, 0, '{}', '2026-01-01', '2026-01-01')"
            )
        )
    org = make_organisation(addresses, name="Zeta GmbH")
    make_opportunity(pipeline, organisation_id=org.id, owner_id="u1", title="Mine")
    make_opportunity(
        pipeline,
        organisation_id=org.id,
        title="Later",
        close_date=TODAY + dt.timedelta(days=200),
    )
    make_opportunity(pipeline, addresses, title="Other org")

    def titles(flt: BoardFilter) -> set[str]:
        return {c.title for col in pipeline.board(flt) for c in col.cards}

    assert titles(BoardFilter(owner_id="u1")) == {"Mine"}
    assert titles(BoardFilter(close_to=TODAY + dt.timedelta(days=60))) == {
        "Mine",
        "Other org",
    }
    assert titles(BoardFilter(search="zeta")) == {"Mine", "Later"}
    assert titles(BoardFilter(search="later")) == {"Later"}
    card = next(
        c for col in pipeline.board(BoardFilter(owner_id="u1")) for c in col.cards
    )
    assert card.owner_name == "Anna Meier"


def test_list_pages_and_sorts(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    org = make_organisation(addresses)
    for i in range(7):
        make_opportunity(
            pipeline,
            organisation_id=org.id,
            title=f"T{i}",
            amount_minor=(i * 37 % 7) * 1000,
        )
    flt = BoardFilter()
    total = pipeline.count_opportunities(flt)
    assert total == 7
    by_amount = pipeline.opportunity_page(
        flt, Sort("amount"), offset=0, limit=10, total=total
    ).rows
    assert [r.amount_minor for r in by_amount] == sorted(
        r.amount_minor for r in by_amount
    )
    tail = pipeline.opportunity_page(
        flt, Sort("amount"), offset=5, limit=10, total=total
    ).rows
    assert [r.id for r in tail] == [r.id for r in by_amount[5:]]
    assert by_amount[0].stage == "Qualification"
    assert [r.title for r in pipeline.opportunities_of(org.id)] != []


def test_history_rows_are_written_in_the_same_transaction(
    pipeline: PipelineService, addresses: AddressService, db: Database
) -> None:
    opp = make_opportunity(pipeline, addresses)
    lost = pipeline.pipeline().of_outcome(Outcome.LOST)
    assert lost is not None
    with db.sessions() as s:
        before = s.scalar(text("SELECT count(*) FROM opportunity_history"))
    with pytest.raises(ValidationError):
        pipeline.move_to_stage(opp.id, lost.id)
    with db.sessions() as s:
        after = s.scalar(text("SELECT count(*) FROM opportunity_history"))
        rows = s.scalars(select(OpportunityHistory)).all()
    assert before == after == len(rows)


def test_create_needs_a_known_stage(
    pipeline: PipelineService, addresses: AddressService
) -> None:
    org = make_organisation(addresses)
    with pytest.raises(ValidationError) as info:
        pipeline.create_opportunity(
            OpportunityData(
                "x",
                DEFAULT_PIPELINE_ID,
                "nope",
                organisation_id=org.id,
                close_date=TODAY,
            )
        )
    assert info.value.code == "stage.unknown"


# ---- timeline


def test_stage_changes_appear_on_the_customer_timeline(
    pipeline: PipelineService, addresses: AddressService, db: Database, clock: Clock
) -> None:
    from app.services.pipeline_timeline import SOURCE
    from app.services.sales import SalesServices  # registers the source
    from app.services.timeline import TimelineService, TimelineTarget

    assert SalesServices is not None
    org = make_organisation(addresses)
    person = make_person(addresses, organisation=org)
    opp = make_opportunity(
        pipeline, organisation_id=org.id, person_id=person.id, title="Fleet"
    )
    clock.advance(hours=1)
    pipeline.move_to_stage(opp.id, won_stage(pipeline.pipeline()))
    timeline = TimelineService(db.sessions)
    assert SOURCE in timeline.sources()
    for target in (
        TimelineTarget("organisation", org.id),
        TimelineTarget("person", person.id),
        TimelineTarget("opportunity", opp.id),
    ):
        total = timeline.count(target)
        assert total == 2
        items = timeline.page(target, offset=0, limit=10, total=total).rows
        assert [(i.title, i.summary, i.subtype) for i in items] == [
            ("Fleet", "Qualification → Won", "won"),
            ("Fleet", "Qualification", "open"),
        ]
    other = make_organisation(addresses)
    assert timeline.count(TimelineTarget("organisation", other.id)) == 0


def test_after_move_adjusts_totals_exactly_like_sql(
    pipeline: PipelineService, addresses: AddressService, db: Database
) -> None:
    import random

    from app.domain.pipeline import ExchangeRate
    from app.services.products import CatalogueService

    CatalogueService(db.sessions).set_rate(ExchangeRate("EUR", TODAY, 933_333))
    rng = random.Random(4)
    org = make_organisation(addresses)
    p = pipeline.pipeline()
    opps = [
        make_opportunity(
            pipeline,
            organisation_id=org.id,
            amount_minor=rng.randrange(1, 10**9),
            currency=rng.choice(["CHF", "EUR", "USD"]),
            stage_id=p.stages[rng.randrange(4)].id,
            probability=rng.randrange(101),
        )
        for _ in range(30)
    ]
    flt = BoardFilter()
    columns = {c.stage.id: c for c in pipeline.board(flt)}
    for _ in range(25):
        opp = pipeline.get_opportunity(rng.choice(opps).id)
        here = [s.id for s in p.stages].index(opp.data.stage_id)
        target = p.stages[(here + rng.choice([1, 2, 3])) % 4]
        result, _ = pipeline.move_to_stage(opp.id, target.id)
        moved = pipeline.after_move(
            flt, [columns[result.old_stage_id], columns[result.new_stage_id]], result
        )
        columns.update({c.stage.id: c for c in moved})
        exact = {c.stage.id: c for c in pipeline.board(flt)}
        for sid in (result.old_stage_id, result.new_stage_id):
            assert columns[sid] == exact[sid]
    # into Won: the columns are read again (the close date changed)
    result, _ = pipeline.move_to_stage(opps[0].id, won_stage(p))
    assert result.close_date_changed
    moved = pipeline.after_move(
        flt, [columns[result.old_stage_id], exact[result.new_stage_id]], result
    )
    fresh = {c.stage.id: c for c in pipeline.board(flt)}
    assert moved == [fresh[result.old_stage_id], fresh[result.new_stage_id]]
