"""Users of the CRM as the client knows them (owners of records)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class UserAccount(SyncMixin, Base):
    """A user: owner of records, participant in journal entries.

    The server keeps credentials elsewhere; this table holds what every laptop
    may see (names for owner pick lists).
    """

    __tablename__ = "user_account"

    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    active: Mapped[bool] = mapped_column(default=True)
