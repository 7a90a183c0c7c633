"""Fixtures of the service tests (journal, tasks, cases: a fake clock)."""

from tests.services.journal_support import clock, js

__all__ = ["clock", "js"]
