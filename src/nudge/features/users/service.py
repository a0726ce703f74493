"""People: found or created by phone number, their settings, opt-out, role."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.dialect import insert_ignore
from nudge.store.roles import Role
from nudge.store.tables import User


async def get_or_create(
    session: AsyncSession,
    *,
    phone: str,
    now: datetime,
    timezone: str,
    locale: str,
    quiet: tuple[str, str] = ("22:00", "08:00"),
) -> tuple[User, bool]:
    """Return the user for ``phone``, creating them on first contact (race-safe)."""
    user = await find(session, phone=phone)
    if user is not None:
        return user, False
    values = {
        "phone": phone,
        "timezone": timezone,
        "locale": locale,
        "quiet_start": quiet[0],
        "quiet_end": quiet[1],
        "created_at": now,
    }
    inserted = await session.execute(insert_ignore(session, User, values, ["phone"]))
    created = await find(session, phone=phone)
    assert created is not None
    return created, bool(getattr(inserted, "rowcount", 0))


async def find(session: AsyncSession, *, phone: str) -> User | None:
    """The user with this E.164 phone number, if any."""
    result = await session.execute(select(User).where(User.phone == phone))
    return result.scalar_one_or_none()


def note_inbound(user: User, *, now: datetime) -> None:
    """The person just texted (written with the message's transaction, no round trip)."""
    user.last_inbound_at = now


def follow_locale(user: User, *, locale: str) -> None:
    """Replies follow the language the person now writes in (see conversation/reply_language)."""
    user.locale = locale


async def set_opted_out(session: AsyncSession, *, user: User, opted_out: bool) -> None:
    """Record a carrier opt-out (STOP) or opt-in (START)."""
    user.opted_out = opted_out
    await session.flush()


async def set_locale(session: AsyncSession, *, user: User, locale: str) -> str:
    """Switch the reply language; return the previous one (for undo)."""
    previous = user.locale
    user.locale, user.locale_locked = locale, True
    await session.flush()
    return previous


async def set_timezone(session: AsyncSession, *, user: User, timezone: str) -> str:
    """Move the user to IANA zone ``timezone``; return the previous one.

    Reminders are moved by ``reminders.service.move_zone`` in the same transaction.
    """
    previous = user.timezone
    user.timezone = timezone
    await session.flush()
    return previous


async def set_quiet_hours(
    session: AsyncSession, *, user: User, start: time | None, end: time | None
) -> tuple[str, str]:
    """Set the nightly window with no texts (both None: none); return the previous window."""
    previous = (user.quiet_start, user.quiet_end)
    if start is None or end is None or start == end:
        user.quiet_start, user.quiet_end = "", ""
    else:
        user.quiet_start, user.quiet_end = start.strftime("%H:%M"), end.strftime("%H:%M")
    await session.flush()
    return previous


async def get(session: AsyncSession, *, user_id: int) -> User | None:
    """The person with ``user_id``, if any."""
    return await session.get(User, user_id)


async def set_role(session: AsyncSession, *, user: User, role: Role) -> Role:
    """Give the person ``role``; return the previous one (the caller records the change)."""
    previous = Role(user.role)
    user.role = role
    await session.flush()
    return previous
