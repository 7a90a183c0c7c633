"""import speed: owner indexes of a record's parts dropped, lead party indexes,
outbox batch index partial

Revision ID: 0009
Revises: 0005
Create Date: 2026-11-27 09:00:00

``channel``, ``address`` and ``employment`` carried an index on ``owner_id``
(every synced table gets one from ``SyncMixin``) that no query uses: a
record's parts are found by their person or organisation, and the owner
filter of the lists reads ``person``/``organisation``. Each was one more
B-tree every imported row went into (100k persons bring 270k channels,
90k addresses, 90k employments). ``lead.person_id`` and
``lead.organisation_id`` had none, so deleting a person or an organisation
(an import's undo deletes thousands) scanned every lead to check the key.
``sync_outbox.batch_id`` is only looked up for stamped entries (``= ?``,
``IS NOT NULL``); unsent entries are found by ``seq``, so the index keeps
stamped entries only and an import's new entries skip it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0005"  # sync_outbox (sync)
branch_labels = ("import_speed",)
depends_on = ("0002",)  # lead (pipeline)

_OWNER_INDEXES = ("channel", "address", "employment")


def upgrade() -> None:
    for table in _OWNER_INDEXES:
        op.drop_index(f"ix_{table}_owner_id", table_name=table)
    op.create_index("ix_lead_person_id", "lead", ["person_id"])
    op.create_index("ix_lead_organisation_id", "lead", ["organisation_id"])
    op.drop_index("ix_sync_outbox_batch_id", table_name="sync_outbox")
    op.create_index(
        "ix_sync_outbox_batch_id",
        "sync_outbox",
        ["batch_id"],
        sqlite_where=sa.text("batch_id IS NOT NULL"),
        postgresql_where=sa.text("batch_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_sync_outbox_batch_id", table_name="sync_outbox")
    op.create_index("ix_sync_outbox_batch_id", "sync_outbox", ["batch_id"])
    op.drop_index("ix_lead_organisation_id", table_name="lead")
    op.drop_index("ix_lead_person_id", table_name="lead")
    for table in _OWNER_INDEXES:
        op.create_index(f"ix_{table}_owner_id", table, ["owner_id"])
