"""Initial schema: address management (organisations, persons, tags, users).

Revision ID: 0001
Revises:
Create Date: 2026-11-27 02:25:38.400225
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.db import search_schema

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _create_search_objects() -> None:
    """FTS5 and summary triggers: client-side SQLite only."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for stmt in search_schema.create_statements():
        op.execute(stmt)


def upgrade() -> None:
    op.create_table(
        "industry",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry")),
    )
    with op.batch_alter_table("industry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_industry_owner_id"), ["owner_id"], unique=False
        )

    op.create_table(
        "person",
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("salutation", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("org_name", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("postcode", sa.String(length=20), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_email", ["email"], unique=False)
        batch_op.create_index(
            "ix_person_list_org",
            ["org_name", "last_name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_person_list_postcode",
            ["postcode", "last_name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_person_list_city",
            ["city", "last_name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_person_list_name",
            ["last_name", "first_name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_person_owner_id"), ["owner_id"], unique=False
        )

    op.create_table(
        "tag",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("color", sa.String(length=7), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["tag.id"], name=op.f("fk_tag_parent_id_tag")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
    )
    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tag_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "user_account",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_user_account_owner_id"), ["owner_id"], unique=False
        )

    op.create_table(
        "entity_tag",
        sa.Column("entity_kind", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("tag_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_entity_tag_tag_id_tag")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_tag")),
    )
    with op.batch_alter_table("entity_tag", schema=None) as batch_op:
        batch_op.create_index(
            "ix_entity_tag_entity", ["entity_id", "tag_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_entity_tag_owner_id"), ["owner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_entity_tag_tag_id"), ["tag_id"], unique=False
        )

    op.create_table(
        "organisation",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("legal_form", sa.String(length=40), nullable=False),
        sa.Column("customer_number", sa.String(length=40), nullable=False),
        sa.Column("uid", sa.String(length=20), nullable=False),
        sa.Column("industry_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("postcode", sa.String(length=20), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["industry_id"],
            ["industry.id"],
            name=op.f("fk_organisation_industry_id_industry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_organisation_customer_number", ["customer_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_organisation_industry_id"), ["industry_id"], unique=False
        )
        batch_op.create_index(
            "ix_organisation_list_city",
            ["city", "name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_organisation_list_postcode",
            ["postcode", "name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_organisation_list_name",
            ["name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_organisation_owner_id"), ["owner_id"], unique=False
        )

    op.create_table(
        "address",
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("house_number", sa.String(length=20), nullable=False),
        sa.Column("extra", sa.String(length=200), nullable=False),
        sa.Column("po_box", sa.String(length=40), nullable=False),
        sa.Column("postcode", sa.String(length=20), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=60), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_address_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_address_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_address")),
    )
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_address_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_address_owner_id"), ["owner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_address_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "channel",
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=254), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_channel_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_channel_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel")),
    )
    with op.batch_alter_table("channel", schema=None) as batch_op:
        batch_op.create_index("ix_channel_kind_value", ["kind", "value"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_channel_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_channel_owner_id"), ["owner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_channel_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "employment",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.Column("deleted_rev", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_employment_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_employment_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employment")),
    )
    with op.batch_alter_table("employment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_employment_organisation_id"),
            ["organisation_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_employment_owner_id"), ["owner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_employment_person_id"), ["person_id"], unique=False
        )
    _create_search_objects()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for stmt in search_schema.drop_statements():
            op.execute(stmt)
    with op.batch_alter_table("employment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employment_person_id"))
        batch_op.drop_index(batch_op.f("ix_employment_owner_id"))
        batch_op.drop_index(batch_op.f("ix_employment_organisation_id"))

    op.drop_table("employment")
    with op.batch_alter_table("channel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channel_person_id"))
        batch_op.drop_index(batch_op.f("ix_channel_owner_id"))
        batch_op.drop_index(batch_op.f("ix_channel_organisation_id"))
        batch_op.drop_index("ix_channel_kind_value")

    op.drop_table("channel")
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_address_person_id"))
        batch_op.drop_index(batch_op.f("ix_address_owner_id"))
        batch_op.drop_index(batch_op.f("ix_address_organisation_id"))

    op.drop_table("address")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_owner_id"))
        batch_op.drop_index(
            "ix_organisation_list_name", sqlite_where=sa.text("deleted_at IS NULL")
        )
        batch_op.drop_index(batch_op.f("ix_organisation_industry_id"))
        batch_op.drop_index("ix_organisation_customer_number")

    op.drop_table("organisation")
    with op.batch_alter_table("entity_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_tag_tag_id"))
        batch_op.drop_index(batch_op.f("ix_entity_tag_owner_id"))
        batch_op.drop_index("ix_entity_tag_entity")

    op.drop_table("entity_tag")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_account_owner_id"))

    op.drop_table("user_account")
    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tag_owner_id"))

    op.drop_table("tag")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_owner_id"))
        batch_op.drop_index(
            "ix_person_list_name", sqlite_where=sa.text("deleted_at IS NULL")
        )
        batch_op.drop_index(
            "ix_person_list_city", sqlite_where=sa.text("deleted_at IS NULL")
        )
        batch_op.drop_index("ix_person_email")

    op.drop_table("person")
    with op.batch_alter_table("industry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_industry_owner_id"))

    op.drop_table("industry")
