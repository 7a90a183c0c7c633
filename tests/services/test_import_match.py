"""Finding existing records by e-mail: live records only, primary e-mail first."""

from __future__ import annotations

from app.db.database import Database
from app.domain.addresses import ChannelData, ChannelKind
from app.exchange.entities import DuplicateKey
from app.services.addresses import AddressService
from app.services.import_match import find_matches
from tests.helpers.factories import make_organisation, make_person


def _email(value: str, *, primary: bool = True) -> ChannelData:
    return ChannelData(ChannelKind.EMAIL, value, is_primary=primary)


def test_email_matches_live_owners_and_prefers_a_primary_address(
    db: Database, addresses: AddressService
) -> None:
    gone = make_person(addresses, channels=(_email("gone@example.ch"),))
    addresses.delete_person(gone.id)
    first = make_person(
        addresses,
        channels=(
            _email("first@example.ch"),
            _email("Shared@Example.ch", primary=False),
        ),
    )
    second = make_person(addresses, channels=(_email("shared@example.ch"),))
    third = make_person(
        addresses,
        channels=(
            _email("third@example.ch"),
            _email("other@example.ch", primary=False),
        ),
    )
    make_organisation(addresses, channels=(_email("office@example.ch"),))
    wanted = [
        "gone@example.ch",
        "first@example.ch",
        "shared@example.ch",
        "other@example.ch",
        "office@example.ch",
        "nobody@example.ch",
    ]
    with db.engine.connect() as conn:
        kept = conn.exec_driver_sql(
            "SELECT count(*) FROM channel WHERE person_id = ? AND deleted_at IS NULL",
            (gone.id,),
        ).scalar()
        assert kept == 1  # only the person is a tombstone, not its e-mail
        found = find_matches(
            conn,
            table="person",
            entity="persons",
            key=DuplicateKey.EMAIL,
            wanted=wanted,
        )
    assert found == {
        "first@example.ch": first.id,
        "shared@example.ch": second.id,  # primary beats the older secondary
        "other@example.ch": third.id,
    }
