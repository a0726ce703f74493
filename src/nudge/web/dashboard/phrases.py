"""The reminder box: a phrase read the way an SMS is read, in the person's zone and language.

The box on the Reminders page takes what a person would text ("call mom tomorrow at 9"):
``language.understand`` reads it from the injected clock, never a model, and the page
shows the local time understood before anything is stored (the live preview), or the
question Nudge would ask by SMS when the time or the task is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from nudge.commands import (
    AskWhat,
    AskWhen,
    Command,
    CreateReminder,
    RefuseFar,
    RefusePast,
    Unknown,
)
from nudge.conversation.reply_language import FOLLOW_LANGUAGE_MIN_WORDS
from nudge.language import detect_locale, understand
from nudge.texts.catalog import render
from nudge.texts.formatting import describe_rrule, format_day, format_when
from nudge.web.dashboard.texts import words


@dataclass(frozen=True, slots=True)
class Understood:
    """What the box's phrase means: a reminder to create, a question, or not a reminder."""

    kind: Literal["reminder", "question", "other"]
    said: str  # the local time and task understood, or the question, in the person's words
    reminder: CreateReminder | None = None


def understood(text: str, *, now: datetime, tz: str, locale: str) -> Understood:
    """Read ``text`` as an SMS to Nudge would be read, for a person in ``tz``."""
    lang = locale
    if len(text.split()) >= FOLLOW_LANGUAGE_MIN_WORDS:
        lang = detect_locale(text) or locale  # a French phrase is read as French
    command = understand(text, now=now, tz=tz, lang=lang, state=None)
    if isinstance(command, CreateReminder):
        return Understood("reminder", _reminder(command, now=now, tz=tz, locale=locale), command)
    question = _question(command, now=now, tz=tz, locale=locale)
    if question is not None:
        return Understood("question", question)
    return Understood("other", words(locale)["box_not_a_reminder"])


def _reminder(command: CreateReminder, *, now: datetime, tz: str, locale: str) -> str:
    when = format_when(command.at, now=now, tz=tz, locale=locale)
    if command.rrule:
        rule = describe_rrule(command.rrule, locale=locale)
        return words(locale)["box_understood_repeat"].format(
            rule=rule, when=when, text=command.text
        )
    return words(locale)["box_understood"].format(when=when, text=command.text)


def _question(command: Command, *, now: datetime, tz: str, locale: str) -> str | None:
    """What SMS would ask back (the same catalog reply), for a phrase that is not complete."""
    if isinstance(command, AskWhen | Unknown):  # in the reminder box, words alone are a task
        return render(locale, "ask_when", text=command.text)
    if isinstance(command, AskWhat):
        return render(
            locale, "ask_what", when=format_when(command.at, now=now, tz=tz, locale=locale)
        )
    if isinstance(command, RefusePast | RefuseFar):
        if command.at is None:
            return render(locale, "refuse_past")
        said = format_when(command.at, now=now, tz=tz, locale=locale)
        if command.grain == "day":
            zone = ZoneInfo(tz)
            said = format_day(command.at.astimezone(zone), now=now.astimezone(zone), locale=locale)
        key = "refuse_far" if isinstance(command, RefuseFar) else "refuse_past_at"
        return render(locale, key, when=said)
    return None
