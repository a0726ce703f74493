"""The briefing texts, built from catalog lines only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from nudge.texts.catalog import render
from nudge.texts.formatting import format_clock

TOP_TODOS = 3
MAX_REMINDERS = 5


@dataclass(frozen=True, slots=True)
class Day:
    """What a morning briefing tells: today's reminders, the top of the list, a stuck item."""

    reminders: Sequence[tuple[datetime, str]]
    todos: Sequence[str]
    stuck: tuple[int, str] | None = None


def morning(day: Day, *, locale: str, tz: str) -> str:
    """``Good morning! Today:`` + reminders, the top 3 of the list, an offer to split."""
    if not day.reminders and not day.todos:
        return render(locale, "briefing_empty")
    zone = ZoneInfo(tz)
    lines = [render(locale, "briefing_header")]
    for at, text in day.reminders[:MAX_REMINDERS]:
        lines.append(f"- {format_clock(at.astimezone(zone), locale)} {text}")
    if day.todos:
        lines.append(render(locale, "briefing_todos"))
        lines += [f"{n}. {text}" for n, text in enumerate(day.todos[:TOP_TODOS], 1)]
    if day.stuck is not None:
        number, text = day.stuck
        lines.append(render(locale, "briefing_split", text=text, n=number))
    return "\n".join(lines)


def evening(*, locale: str) -> str:
    """The evening check-in question."""
    return render(locale, "checkin")
