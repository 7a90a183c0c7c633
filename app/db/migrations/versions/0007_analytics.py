"""analytics: NPS answers, saved reports, settings, dashboard covering indexes

Revision ID: 0007
Revises: 0001
Create Date: 2026-11-27 06:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0001'
branch_labels = ('analytics',)
# four covering indexes are on the pipeline's opportunity and lead tables
depends_on = ('0002',)


def upgrade() -> None:
    op.create_table('analytics_setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.BigInteger(), nullable=False),
    sa.Column('field_revs', sa.JSON(), nullable=False),
    sa.Column('deleted_rev', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('merged_into', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('team_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_analytics_setting')),
    sa.UniqueConstraint('key', name=op.f('uq_analytics_setting_key'))
    )
    with op.batch_alter_table('analytics_setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_analytics_setting_owner_id'), ['owner_id'], unique=False)

    op.create_table('saved_report',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.BigInteger(), nullable=False),
    sa.Column('field_revs', sa.JSON(), nullable=False),
    sa.Column('deleted_rev', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('merged_into', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('team_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_report'))
    )
    with op.batch_alter_table('saved_report', schema=None) as batch_op:
        batch_op.create_index('ix_saved_report_name', ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_saved_report_owner_id'), ['owner_id'], unique=False)

    op.create_table('nps_response',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('campaign_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.BigInteger(), nullable=False),
    sa.Column('field_revs', sa.JSON(), nullable=False),
    sa.Column('deleted_rev', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('merged_into', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('team_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_nps_response_campaign_id_campaign')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_nps_response_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nps_response'))
    )
    with op.batch_alter_table('nps_response', schema=None) as batch_op:
        batch_op.create_index('ix_nps_response_answered', ['answered_on', 'score', 'person_id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_nps_response_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index('ix_nps_response_person', ['person_id', 'answered_on'], unique=False)

    with op.batch_alter_table('address', schema=None) as batch_op:
        batch_op.create_index('ix_analytics_address_org_region', ['organisation_id', 'is_primary', 'deleted_at', 'region'], unique=False)

    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.create_index('ix_analytics_lead_source', ['created_at', 'source', 'campaign_id', 'owner_id', 'organisation_id', 'person_id', 'id', 'deleted_at'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))

    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.create_index('ix_analytics_opportunity_closed', ['closed_on', 'outcome', 'owner_id', 'pipeline_id', 'currency', 'amount_minor', 'created_at', 'organisation_id', 'person_id', 'source', 'campaign_id', 'lead_id', 'deleted_at'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_analytics_opportunity_report', ['outcome', 'close_date', 'owner_id', 'stage_id', 'source', 'pipeline_id', 'campaign_id', 'currency', 'amount_minor', 'probability', 'organisation_id', 'person_id', 'deleted_at'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_analytics_opportunity_party', ['outcome', 'organisation_id', 'closed_on', 'currency', 'amount_minor', 'owner_id', 'pipeline_id', 'lead_id', 'person_id', 'deleted_at'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))

def downgrade() -> None:
    with op.batch_alter_table('address', schema=None) as batch_op:
        batch_op.drop_index('ix_analytics_address_org_region')

    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_index('ix_analytics_opportunity_report', sqlite_where=sa.text('deleted_at IS NULL'))

    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.drop_index('ix_analytics_lead_source', sqlite_where=sa.text('deleted_at IS NULL'))

    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_index('ix_analytics_opportunity_party', sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_analytics_opportunity_closed', sqlite_where=sa.text('deleted_at IS NULL'))

    with op.batch_alter_table('nps_response', schema=None) as batch_op:
        batch_op.drop_index('ix_nps_response_person')
        batch_op.drop_index(batch_op.f('ix_nps_response_owner_id'))
        batch_op.drop_index('ix_nps_response_answered', sqlite_where=sa.text('deleted_at IS NULL'))

    op.drop_table('nps_response')
    with op.batch_alter_table('saved_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_saved_report_owner_id'))
        batch_op.drop_index('ix_saved_report_name')

    op.drop_table('saved_report')
    with op.batch_alter_table('analytics_setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_analytics_setting_owner_id'))

    op.drop_table('analytics_setting')
