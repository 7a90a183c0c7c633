"""Errors the user can act on, as opposed to bugs.

A :class:`UserError` carries a stable ``code`` (views translate it), the field it
concerns and the offending value, so a form can put the message next to the field
and an importer can say file, row and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class UserError(Exception):
    """An error caused by input or environment that the user can fix.

    Attributes:
        code: stable machine-readable code, e.g. ``"email.invalid"``.
        message: English explanation (views may translate by ``code``).
        field: the form/import field the error is about, if any.
        value: the offending value, if any.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.value = value

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{where}{self.message}"


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a record."""

    field: str
    code: str
    message: str
    value: object = None


class ValidationError(UserError):
    """A record failed validation; ``errors`` lists every failing field at once."""

    def __init__(self, errors: list[FieldError]) -> None:
        first = errors[0]
        text = "; ".join(f"{e.field}: {e.message}" for e in errors)
        super().__init__(first.code, text, field=first.field, value=first.value)
        self.errors = tuple(errors)

    def __str__(self) -> str:
        return self.message

    def for_field(self, name: str) -> FieldError | None:
        """Return the error for ``name`` or ``None``."""
        return next((e for e in self.errors if e.field == name), None)


class NotFoundError(UserError):
    """A record that was asked for does not exist (or was deleted)."""

    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__(
            "record.not_found", f"{kind} {record_id} does not exist", value=record_id
        )
        self.kind = kind


class DatabaseError(UserError):
    """The database file cannot be used (not SQLite, damaged, too new)."""


@dataclass(frozen=True)
class DamagedDatabase:
    """What start-up found when the database failed its check."""

    path: str
    moved_to: str
    reason: str
    backups: tuple[str, ...] = field(default_factory=tuple)
