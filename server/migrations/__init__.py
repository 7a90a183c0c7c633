"""Alembic environment of the server-only tables."""
