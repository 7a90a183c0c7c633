"""Why a file cannot be read: one :class:`ExchangeError` per reason, with a stable code.

Every rejection happens before anything is written; views translate the code
(``app/views/exchange/texts.py``) and show the English message as a fallback.
"""

from __future__ import annotations

from app.domain.errors import UserError


class ExchangeError(UserError):
    """A file was refused or could not be read; ``value`` names the file or sheet."""
