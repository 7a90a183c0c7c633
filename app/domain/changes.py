"""What a write touched, so each view refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityKind(StrEnum):
    """The kinds of record a change can touch."""

    ORGANISATION = "organisation"
    PERSON = "person"
    ADDRESS = "address"
    CHANNEL = "channel"
    TAG = "tag"
    INDUSTRY = "industry"
    USER = "user"
    LEAD = "lead"
    OPPORTUNITY = "opportunity"
    PIPELINE = "pipeline"
    PRODUCT = "product"
    CAMPAIGN = "campaign"
    EXCHANGE_RATE = "exchange_rate"
    JOURNAL_ENTRY = "journal_entry"
    TASK = "task"
    SERVICE_CASE = "service_case"
    KB_ARTICLE = "kb_article"
    CUSTOM_FIELD = "custom_field"
    SEGMENT = "segment"
    QUALITY_RULE = "quality_rule"
    NPS_RESPONSE = "nps_response"
    REPORT = "saved_report"
    ANALYTICS = "analytics_setting"
    WORKFLOW = "workflow"
    EMAIL_TEMPLATE = "email_template"
    MAIL = "mail_outbox"
    NOTIFICATION = "notification"


@dataclass(frozen=True)
class Changes:
    """Entity kinds and ids a write created, updated or deleted."""

    kinds: frozenset[EntityKind] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False

    @classmethod
    def of(cls, kind: EntityKind, *ids: str) -> Changes:
        """Changes to ``ids`` of one kind."""
        return cls(frozenset({kind}), frozenset(ids))

    @classmethod
    def all(cls) -> Changes:
        """Everything may have changed (bulk load, restore, sync bootstrap)."""
        return cls(everything=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds,
            self.ids | other.ids,
            self.everything or other.everything,
        )

    def touches(self, kind: EntityKind) -> bool:
        """Whether a view showing ``kind`` must refresh."""
        return self.everything or kind in self.kinds
