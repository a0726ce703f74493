"""The second factor, as sign-in sees it: is one enrolled, and does this code pass it.

Sign-in (the first factor: an SMS code, a link, a password or a passkey) asks for a second
factor when the person has one, and for admins always. What counts as one (TOTP, a recovery
code) is behind this Protocol, so sign-in does not know how factors are stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession


class SecondFactors(Protocol):
    """What sign-in needs of the second factors."""

    async def enrolled(self, session: AsyncSession, *, user_id: int) -> bool:
        """Whether the person has a confirmed second factor (TOTP)."""
        ...

    async def verify(
        self, session: AsyncSession, *, user_id: int, code: str, now: datetime
    ) -> bool:
        """Whether ``code`` passes one of the person's factors (a used code never twice)."""
        ...
