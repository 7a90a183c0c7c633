"""Files attached to journal entries, kept in the local data folder.

The bytes are stored once per content under ``<folder>/<sha[:2]>/<sha>`` (the
same offer attached to ten entries costs its size once, and a file cannot be
half-replaced: it is written to a temporary name and renamed). The database
row keeps the original file name. Files over the size limit are refused with
a message that names the limit, before anything is copied.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import Changes, EntityKind
from app.domain.errors import NotFoundError, UserError
from app.domain.journal import MAX_ATTACHMENT_BYTES, AttachmentInfo
from app.models import utcnow
from app.models.journal import Attachment
from app.models.journal import JournalEntry as EntryRow

_CHUNK = 1 << 20


class AttachmentService:
    """Attach files to journal entries and find them again."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        folder: Path,
        *,
        max_bytes: int = MAX_ATTACHMENT_BYTES,
    ) -> None:
        self._sessions = sessions
        self.folder = folder
        self.max_bytes = max_bytes

    def attach(self, entry_id: str, source: Path) -> tuple[AttachmentInfo, Changes]:
        """Copy ``source`` into the data folder and attach it to the entry.

        Raises:
            UserError: ``attachment.missing`` (no such file),
                ``attachment.too_big`` (over :attr:`max_bytes`).
            NotFoundError: the entry does not exist.
        """
        if not source.is_file():
            raise UserError(
                "attachment.missing",
                f"The file {source} does not exist",
                field="attachment",
                value=str(source),
            )
        size = source.stat().st_size
        if size > self.max_bytes:
            raise UserError(
                "attachment.too_big",
                f"{source.name} is {_mb(size)} MB; attachments may be at most "
                f"{_mb(self.max_bytes)} MB",
                field="attachment",
                value=str(source),
            )
        with self._sessions() as s:
            self._live_entry(s, entry_id)
        digest, stored = self._store(source)
        with self._sessions.begin() as s:
            self._live_entry(s, entry_id)
            row = Attachment(
                entry_id=entry_id,
                file_name=source.name[:255],
                size=stored,
                sha256=digest,
            )
            s.add(row)
            s.flush()
            info = AttachmentInfo(row.id, entry_id, row.file_name, row.size, digest)
        return info, Changes.of(EntityKind.JOURNAL_ENTRY, entry_id)

    def path_of(self, attachment_id: str) -> Path:
        """Where the bytes of an attachment are (to open or save a copy)."""
        with self._sessions() as s:
            row = s.get(Attachment, attachment_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("attachment", attachment_id)
            path = self._blob(row.sha256)
        if not path.exists():
            raise UserError(
                "attachment.gone",
                f"The file of {row.file_name} is not in the data folder",
                field="attachment",
                value=row.file_name,
            )
        return path

    def remove(self, attachment_id: str) -> Changes:
        """Detach a file (the bytes stay while other entries use them)."""
        with self._sessions.begin() as s:
            row = s.get(Attachment, attachment_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("attachment", attachment_id)
            row.deleted_at = utcnow()
            entry_id = row.entry_id
        return Changes.of(EntityKind.JOURNAL_ENTRY, entry_id)

    def unused_blobs(self) -> list[Path]:
        """Stored files no live attachment refers to (for a clean-up)."""
        with self._sessions() as s:
            used = set(
                s.scalars(
                    select(Attachment.sha256).where(Attachment.deleted_at.is_(None))
                )
            )
        if not self.folder.exists():
            return []
        return sorted(
            p
            for p in self.folder.glob("??/*")
            if p.is_file() and p.name not in used and not p.name.endswith(".part")
        )

    # ---- helpers

    def _blob(self, digest: str) -> Path:
        return self.folder / digest[:2] / digest

    def _store(self, source: Path) -> tuple[str, int]:
        """Copy ``source`` to its content address; returns (sha256, size)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        sha = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.folder, suffix=".part")
        tmp = Path(tmp_name)
        try:
            with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(_CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:  # the file grew while we read it
                        raise UserError(
                            "attachment.too_big",
                            f"{source.name} is over {_mb(self.max_bytes)} MB",
                            field="attachment",
                            value=str(source),
                        )
                    sha.update(chunk)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            digest = sha.hexdigest()
            target = self._blob(digest)
            if target.exists():
                tmp.unlink()
            else:
                target.parent.mkdir(exist_ok=True)
                os.replace(tmp, target)
            return digest, size
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    @staticmethod
    def _live_entry(s: Session, entry_id: str) -> None:
        row = s.get(EntryRow, entry_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("journal_entry", entry_id)


def _mb(size: int) -> str:
    return f"{size / 1_048_576:.1f}".rstrip("0").rstrip(".")


def copy_out(path: Path, target: Path) -> None:
    """Save a copy of a stored attachment under ``target``."""
    shutil.copyfile(path, target)
