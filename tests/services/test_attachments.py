"""Attachments: content-addressed copies in the data folder, size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.database import Database
from app.domain.errors import NotFoundError, UserError
from app.services.attachments import AttachmentService
from app.services.journal_services import JournalServices
from tests.services.journal_support import (
    count_rows,
    entry,
)


def test_files_are_copied_once_per_content(js: JournalServices, tmp_path: Path) -> None:
    one, _ = js.entries.create_entry(entry(subject="Offerte"))
    two, _ = js.entries.create_entry(entry(subject="Offerte nochmals"))
    source = tmp_path / "Offerte 2026.pdf"
    source.write_bytes(b"%PDF-1.7 offer" * 100)
    first, changes = js.attachments.attach(one.id, source)
    second, _ = js.attachments.attach(two.id, source)
    assert one.id in changes.ids
    assert first.sha256 == second.sha256
    assert first.size == 1400
    stored = js.attachments.path_of(first.id)
    assert stored == js.attachments.folder / first.sha256[:2] / first.sha256
    assert stored.read_bytes() == source.read_bytes()
    assert len([p for p in js.attachments.folder.rglob("*") if p.is_file()]) == 1
    source.write_bytes(b"changed")  # the copy does not follow the original
    assert stored.read_bytes().startswith(b"%PDF")
    assert [a.file_name for a in js.entries.get_entry(one.id).attachments] == [
        "Offerte 2026.pdf"
    ]


def test_too_big_files_are_refused_with_the_limit_and_nothing_copied(
    db: Database, js: JournalServices, tmp_path: Path
) -> None:
    small = AttachmentService(db.sessions, tmp_path / "files", max_bytes=1_048_576)
    created, _ = js.entries.create_entry(entry())
    big = tmp_path / "video.mp4"
    big.write_bytes(b"\0" * (1_048_576 + 1))
    with pytest.raises(UserError) as err:
        small.attach(created.id, big)
    assert err.value.code == "attachment.too_big"
    assert "at most 1 MB" in err.value.message
    assert not (tmp_path / "files").exists()
    assert count_rows(db, "attachment") == 0


def test_missing_file_or_entry(
    js: JournalServices, tmp_path: Path, db: Database
) -> None:
    created, _ = js.entries.create_entry(entry())
    with pytest.raises(UserError) as err:
        js.attachments.attach(created.id, tmp_path / "nope.txt")
    assert err.value.code == "attachment.missing"
    real = tmp_path / "a.txt"
    real.write_text("x")
    with pytest.raises(NotFoundError):
        js.attachments.attach("no-entry", real)
    assert count_rows(db, "attachment") == 0


def test_removed_attachments_leave_unused_blobs_to_clean(
    js: JournalServices, tmp_path: Path
) -> None:
    created, _ = js.entries.create_entry(entry())
    source = tmp_path / "a.txt"
    source.write_text("hello")
    info, _ = js.attachments.attach(created.id, source)
    assert js.attachments.unused_blobs() == []
    js.attachments.remove(info.id)
    assert js.entries.get_entry(created.id).attachments == ()
    assert [p.name for p in js.attachments.unused_blobs()] == [info.sha256]
    with pytest.raises(NotFoundError):
        js.attachments.path_of(info.id)
