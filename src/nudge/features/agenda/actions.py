"""The agenda reply: one day's reminders with their local times, then the top of the list."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from nudge.commands import Agenda
from nudge.features.agenda import service
from nudge.features.context import Context, Outcome
from nudge.texts.formatting import format_clock, format_day

MAX_REMINDERS = 6
MAX_TODOS = 3


async def agenda(ctx: Context, command: Agenda) -> Outcome:
    """What is on ``command.day``: reminders due that local day and the first open todos."""
    tz, locale = ctx.user.timezone, ctx.user.locale
    zone = ZoneInfo(tz)
    start, _ = service.day_window(command.day, tz)
    day = format_day(start.astimezone(zone), now=ctx.now.astimezone(zone), locale=locale)
    due = await service.due_on(ctx.session, user_id=ctx.user.id, day=command.day, tz=tz)
    todos = await service.top_todos(ctx.session, user_id=ctx.user.id, limit=MAX_TODOS)
    if not due and not todos:
        return Outcome(ctx.say("agenda_nothing", text=day))
    lines = [
        ctx.say("agenda_header", text=day) if due else ctx.say("agenda_no_reminders", text=day)
    ]
    for item in due[:MAX_REMINDERS]:
        lines.append(f"{format_clock(item.at.astimezone(zone), locale)} {item.text}")
    if len(due) > MAX_REMINDERS:
        lines.append(ctx.say("list_more", n=len(due) - MAX_REMINDERS))
    if todos:
        lines.append(ctx.say("agenda_todos"))
        lines.extend(f"{number}. {todo.text}" for number, todo in enumerate(todos, 1))
    return Outcome("\n".join(lines), last_list="todos" if todos else None)
