"""Settings by SMS: time zone and quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime

from nudge.commands import SetQuietHours, SetTimezone
from nudge.features.context import Context, Outcome
from nudge.features.reminders import service as reminders
from nudge.features.users import service
from nudge.texts.formatting import format_clock


async def set_timezone(ctx: Context, command: SetTimezone) -> Outcome:
    """Switch zone; pending reminders keep their local wall time in the new zone."""
    previous = await service.set_timezone(ctx.session, user=ctx.user, timezone=command.timezone)
    if previous != command.timezone:
        await reminders.move_zone(
            ctx.session, user_id=ctx.user.id, old=previous, new=command.timezone, now=ctx.now
        )
    reply = ctx.say("timezone_set", text=command.timezone.replace("_", " "))
    return Outcome(reply, clear_undo=True)


async def set_quiet_hours(ctx: Context, command: SetQuietHours) -> Outcome:
    """Set (or turn off) the nightly window in which Nudge holds its texts."""
    await service.set_quiet_hours(ctx.session, user=ctx.user, start=command.start, end=command.end)
    if not ctx.user.quiet_start:
        return Outcome(ctx.say("quiet_hours_off"), clear_undo=True)
    window = f"{_clock(ctx.user.quiet_start, ctx)}-{_clock(ctx.user.quiet_end, ctx)}"
    return Outcome(ctx.say("quiet_hours_set", when=window), clear_undo=True)


def _clock(hhmm: str, ctx: Context) -> str:
    """A stored ``HH:MM`` as the user reads it (10:00 PM / 22:00)."""
    hours, minutes = hhmm.split(":")
    return format_clock(datetime(2000, 1, 1, int(hours), int(minutes), tzinfo=UTC), ctx.user.locale)
