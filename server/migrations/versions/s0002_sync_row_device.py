"""sync_row.device_id: the device whose push last wrote the row.

A pull leaves out rows the caller's own device wrote last: its push answer
already brought them (research/sync.md 2.3), so pulling them again only
doubled the work of every large push.

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-27 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_row", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_row", schema=None) as batch_op:
        batch_op.drop_column("device_id")
