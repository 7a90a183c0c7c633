"""Import ids: UUIDv7, unique and ascending within a run, across the carry
into the first 64 bits."""

from __future__ import annotations

import uuid

from app.services.import_writer import IdMaker


def _reference(ms: int, rand: int) -> str:
    value = ms << 80 | 0x7 << 76 | (rand >> 62) << 64 | 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def test_ids_are_uuid7_unique_ascending_across_carries() -> None:
    ms = 1_700_000_000_000
    for start in (0, (1 << 62) - 3, (1 << 74) - 3, 12_345):
        maker = IdMaker(ms)
        maker._rand = start  # a chosen start, to cross the carries
        ids = [maker() for _ in range(8)]
        assert ids == [
            _reference(ms, (start + n) & ((1 << 74) - 1)) for n in range(1, 9)
        ]
        for text in ids:
            parsed = uuid.UUID(text)
            assert (parsed.version, parsed.variant) == (7, uuid.RFC_4122)
        if start != (1 << 74) - 3:  # the 74-bit counter wraps only there
            assert ids == sorted(ids)
        assert len(set(ids)) == len(ids)


def test_long_runs_of_ids_equal_the_reference() -> None:
    """Ids come in runs sharing all but the last byte: across many runs and
    the carries, from a start in the middle of a run, through both ways of
    asking (the instance and ``next``)."""
    ms = 1_700_000_000_000
    for start in (250, (1 << 62) - 700, (1 << 74) - 300):
        maker = IdMaker(ms)
        maker._rand = start
        ids = [maker() if n % 3 else maker.next() for n in range(1000)]
        assert ids == [
            _reference(ms, (start + n) & ((1 << 74) - 1)) for n in range(1, 1001)
        ]
