"""A person's profile and settings as a screen shows them (read models).

Quiet hours are stored as two ``HH:MM`` strings, both empty when off; here "off" is None,
so a page or a client never has to know that convention.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.tables import User


@dataclass(frozen=True, slots=True)
class SettingsView:
    """What the person can change: zone, language, quiet hours, the two daily messages."""

    timezone: str
    locale: str
    quiet_start: str | None  # local "HH:MM"; None: no quiet hours
    quiet_end: str | None
    morning_briefing: str | None  # local "HH:MM"; None: off
    evening_checkin: str | None
    opted_out: bool  # texted STOP: no texts until START


@dataclass(frozen=True, slots=True)
class PersonView:
    """Who the person is to Nudge, with their settings."""

    id: int
    phone: str
    role: str
    created_at: datetime
    last_inbound_at: datetime | None
    settings: SettingsView


async def person(session: AsyncSession, *, user_id: int) -> PersonView | None:
    """The person with ``user_id`` (None when there is no such person)."""
    user = await session.get(User, user_id)
    return person_view(user) if user is not None else None


async def settings_of(session: AsyncSession, *, user_id: int) -> SettingsView | None:
    """The person's settings (None when there is no such person)."""
    user = await session.get(User, user_id)
    return settings_view(user) if user is not None else None


def person_view(user: User) -> PersonView:
    """A user row as a read model."""
    return PersonView(
        user.id,
        user.phone,
        str(user.role),
        user.created_at,
        user.last_inbound_at,
        settings_view(user),
    )


def settings_view(user: User) -> SettingsView:
    """A user row's settings as a read model."""
    quiet = bool(user.quiet_start and user.quiet_end)
    return SettingsView(
        user.timezone,
        user.locale,
        user.quiet_start if quiet else None,
        user.quiet_end if quiet else None,
        user.briefing_at,
        user.checkin_at,
        user.opted_out,
    )
