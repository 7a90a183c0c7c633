"""DTOs of data quality: duplicates and their merge, validation issues, tags,
mass updates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.custom_fields import CustomValue


class DedupKind(StrEnum):
    """Records a duplicate scan compares."""

    PERSON = "person"
    ORGANISATION = "organisation"


class MatchKey(StrEnum):
    """Blocking keys: two records are compared only if they share one."""

    EMAIL = "email"
    PHONE = "phone"
    NAME = "name"
    NAME_POSTCODE = "name_postcode"
    UID = "uid"
    DOMAIN = "domain"


class Reason(StrEnum):
    """Why two records look alike (shown to the user per pair)."""

    SAME_EMAIL = "same_email"
    SAME_PHONE = "same_phone"
    SAME_NAME = "same_name"
    SIMILAR_NAME = "similar_name"
    SWAPPED_NAME = "swapped_name"
    SPELLING = "spelling"
    SAME_POSTCODE = "same_postcode"
    SAME_STREET = "same_street"
    SAME_ORGANISATION = "same_organisation"
    SAME_UID = "same_uid"
    SAME_DOMAIN = "same_domain"
    LEGAL_FORM = "legal_form"


@dataclass(frozen=True)
class DedupRules:
    """Configurable rules of a duplicate scan (per entity kind).

    Attributes:
        keys: blocking keys in use; fewer keys scan faster and find less.
        threshold: minimum score (0–100) of a reported pair.
        max_block: blocks bigger than this (a switchboard number shared by a
            whole company) are compared by name only.
    """

    keys: frozenset[MatchKey] = frozenset(MatchKey)
    threshold: int = 75
    max_block: int = 60


@dataclass(frozen=True)
class RecordBrief:
    """What a duplicate list shows of one record."""

    id: str
    name: str
    email: str = ""
    phone: str = ""
    postcode: str = ""
    city: str = ""
    extra: str = ""
    updated_at: dt.datetime | None = None


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that look like the same person or organisation."""

    kind: DedupKind
    a: RecordBrief
    b: RecordBrief
    score: int
    reasons: tuple[Reason, ...]
    similarity: int = 0

    @property
    def key(self) -> tuple[str, str]:
        """The pair's ids, ordered."""
        first, second = sorted((self.a.id, self.b.id))
        return first, second


@dataclass(frozen=True)
class ScanResult:
    """The outcome of a duplicate scan."""

    kind: DedupKind
    pairs: tuple[DuplicatePair, ...]
    records: int
    compared: int
    seconds: float
    dismissed: int = 0


@dataclass(frozen=True)
class MergeField:
    """One field of a merge: both values and which one the survivor keeps."""

    key: str
    label: str
    survivor_value: str
    loser_value: str
    take_loser: bool = False

    @property
    def differs(self) -> bool:
        """Whether the user has to choose."""
        return self.survivor_value != self.loser_value


@dataclass(frozen=True)
class MergeRelated:
    """How many rows of a related table move to the survivor."""

    table: str
    count: int


@dataclass(frozen=True)
class MergePreview:
    """Everything the merge dialog shows before the user confirms."""

    kind: DedupKind
    survivor: RecordBrief
    loser: RecordBrief
    fields: tuple[MergeField, ...]
    related: tuple[MergeRelated, ...]


@dataclass(frozen=True)
class MergeResult:
    """A done merge (undo with its ``log_id``)."""

    log_id: str
    survivor_id: str
    loser_id: str
    moved: int


@dataclass(frozen=True)
class MergeInfo:
    """A merge as listed in the history (undo offered while not undone)."""

    log_id: str
    kind: DedupKind
    survivor_id: str
    loser_id: str
    survivor_label: str
    loser_label: str
    created_at: dt.datetime
    undone_at: dt.datetime | None
    rows: int


class RuleKind(StrEnum):
    """Kinds of validation rule."""

    FORMAT = "format"
    REQUIRED = "required"
    ALLOWED = "allowed"


@dataclass(frozen=True)
class QualityRuleInfo:
    """A validation rule (built-in format rules have ``builtin`` set)."""

    id: str
    entity_kind: str
    field: str
    rule: RuleKind
    allowed: tuple[str, ...] = ()
    builtin: bool = False
    active: bool = True


@dataclass(frozen=True)
class QualityIssue:
    """A record that breaks a rule, with the value as stored."""

    entity_kind: str
    record_id: str
    record_name: str
    field: str
    code: str
    value: str
    row_id: str | None = None


@dataclass(frozen=True)
class QualityReport:
    """The data-quality report: issues found and how many records were checked."""

    issues: tuple[QualityIssue, ...]
    checked: int
    seconds: float
    truncated: bool = False
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class TagInfo:
    """A tag with its colour, parent and how many records carry it."""

    id: str
    name: str
    color: str
    parent_id: str | None
    path: str
    count: int = 0


class MassAction(StrEnum):
    """What a mass update does to every chosen record."""

    SET_FIELD = "set_field"
    ADD_TAG = "add_tag"
    REMOVE_TAG = "remove_tag"
    SET_OWNER = "set_owner"


@dataclass(frozen=True)
class MassUpdate:
    """One mass update: the action and its argument.

    Attributes:
        action: what to do.
        field: ``status``/``language``/``cf:<key>`` for :attr:`MassAction.SET_FIELD`.
        value: the new value (a custom field's Python value, a status, a tag
            id or a user id; ``None`` clears).
    """

    action: MassAction
    field: str = ""
    value: CustomValue = None


@dataclass(frozen=True)
class MassChange:
    """One record's change as the preview shows it."""

    record_id: str
    name: str
    before: str
    after: str


@dataclass(frozen=True)
class MassPreview:
    """What a mass update would do: how many change, examples of each."""

    total: int
    changing: int
    unchanged: int
    sample: tuple[MassChange, ...]


@dataclass(frozen=True)
class MassResult:
    """A done mass update (undo with its ``log_id``)."""

    log_id: str
    changed: int


@dataclass(frozen=True)
class MassUpdateInfo:
    """A mass update as listed in the history."""

    log_id: str
    entity_kind: str
    description: str
    records: int
    created_at: dt.datetime
    undone_at: dt.datetime | None
