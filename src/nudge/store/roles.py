"""The roles a person can have (``users.role``); what each may do is ``accounts/roles.py``."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A person's role; the column's CHECK constraint accepts only these."""

    USER = "user"
    PREMIUM = "premium"
    ADMIN = "admin"
