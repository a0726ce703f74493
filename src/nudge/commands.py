"""Typed commands: the contract between understanding (rules or LLM) and the features.

Understanding turns text into one of these; ``features.executor.run`` carries it out.
Times are already resolved to aware datetimes by ``language/``, never by a model.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal


@dataclass(frozen=True, slots=True)
class CreateReminder:
    """Remind the user of ``text`` at ``at`` (aware), repeating by ``rrule`` if given."""

    text: str
    at: datetime
    rrule: str | None = None
    always: bool = False


@dataclass(frozen=True, slots=True)
class AskWhen:
    """A reminder with a task but no time: ask "When?" and keep the task pending."""

    text: str


@dataclass(frozen=True, slots=True)
class AskWhat:
    """A reminder with a time but no task: ask what to remind of, keep the time pending."""

    at: datetime
    rrule: str | None = None


@dataclass(frozen=True, slots=True)
class AddTodo:
    """Add ``text`` to the user's list."""

    text: str


@dataclass(frozen=True, slots=True)
class ListTodos:
    """Show the open items of the user's list."""


@dataclass(frozen=True, slots=True)
class ListReminders:
    """Show the user's upcoming reminders."""


@dataclass(frozen=True, slots=True)
class Complete:
    """Mark done: the last reminder sent (no target), item/reminder ``number``, or by ``words``."""

    number: int | None = None
    words: str | None = None


@dataclass(frozen=True, slots=True)
class Snooze:
    """Send the last reminder again in ``minutes``."""

    minutes: int = 10


@dataclass(frozen=True, slots=True)
class CancelReminder:
    """Delete reminder ``number`` as listed, the one ``words`` describe, else the last sent."""

    number: int | None = None
    words: str | None = None


@dataclass(frozen=True, slots=True)
class Undo:
    """Undo the last command that changed something."""


@dataclass(frozen=True, slots=True)
class SetLanguage:
    """Switch replies to ``locale`` ("en" or "fr")."""

    locale: str


@dataclass(frozen=True, slots=True)
class Help:
    """Explain what Nudge can do."""


@dataclass(frozen=True, slots=True)
class Unknown:
    """Nothing understood; the text is kept and the user gets a friendly hint."""

    text: str


@dataclass(frozen=True, slots=True)
class RefusePast:
    """A time in the past was asked for a reminder: refuse kindly, keep nothing.

    ``at`` is the past moment understood (aware) and ``grain`` its precision, when there is
    one, so the reply names it ("Tue 8:00 has passed").
    """

    text: str
    at: datetime | None = None
    grain: Literal["second", "minute", "hour", "day"] = "minute"


@dataclass(frozen=True, slots=True)
class RefuseFar:
    """A reminder asked for more than ten years ahead: refuse kindly, naming the time understood."""

    text: str
    at: datetime
    grain: Literal["second", "minute", "hour", "day"] = "minute"


@dataclass(frozen=True, slots=True)
class Agenda:
    """What is on ``day`` (local date): reminders due, open todos, calendar events later."""

    day: date


@dataclass(frozen=True, slots=True)
class SetTimezone:
    """Move the user to IANA zone ``timezone``; future occurrences keep their local wall time."""

    timezone: str


@dataclass(frozen=True, slots=True)
class AskTimezone:
    """The user is somewhere Nudge has no zone for: ask which zone, never guess one."""

    place: str


@dataclass(frozen=True, slots=True)
class SetQuietHours:
    """No texts between ``start`` and ``end`` (local); both None turns quiet hours off."""

    start: time | None
    end: time | None


@dataclass(frozen=True, slots=True)
class SetBriefing:
    """Send the morning briefing or evening check-in daily at ``at`` (local); None turns it off."""

    kind: Literal["morning", "evening"]
    at: time | None


@dataclass(frozen=True, slots=True)
class Remember:
    """Keep ``fact`` in long-term memory ("remember my locker code is 4512").

    The agent's ``remember`` tool sets its own ``importance`` (1–10) and ``tags``, and
    ``source="agent"``; a fact the person asked to remember is important (7).
    """

    fact: str
    importance: int = 7
    tags: tuple[str, ...] = ()
    source: str = "user"


@dataclass(frozen=True, slots=True)
class Recall:
    """Answer from long-term memory ("what's my locker code?")."""

    query: str


@dataclass(frozen=True, slots=True)
class Forget:
    """Drop memories matching ``query`` ("forget my locker code")."""

    query: str


@dataclass(frozen=True, slots=True)
class BreakDown:
    """Split a task the user is stuck on into tiny steps; send only the first.

    ``steps`` are the ones a model proposed before the transaction, used when they pass
    validation; otherwise the offline template is used (never a model call in a transaction).
    """

    task: str
    steps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NextStep:
    """The current step of a broken-down task is done: send the next one."""


# --- Addressed by id (the API and the dashboard show ids; SMS addresses by list or words) ---


@dataclass(frozen=True, slots=True)
class CompleteReminder:
    """Mark reminder ``reminder_id`` done: its firing waiting for "done", else its next one."""

    reminder_id: int


@dataclass(frozen=True, slots=True)
class SnoozeReminder:
    """Send reminder ``reminder_id``'s firing that waits for "done" again in ``minutes``."""

    reminder_id: int
    minutes: int = 10


@dataclass(frozen=True, slots=True)
class DeleteReminder:
    """Delete reminder ``reminder_id`` (undo brings it back)."""

    reminder_id: int


@dataclass(frozen=True, slots=True)
class PauseReminder:
    """Stop reminder ``reminder_id`` firing until it is resumed."""

    reminder_id: int


@dataclass(frozen=True, slots=True)
class ResumeReminder:
    """Let paused reminder ``reminder_id`` fire again, from its next time after now."""

    reminder_id: int


@dataclass(frozen=True, slots=True)
class EditReminder:
    """Change reminder ``reminder_id``: its text, its next time ``at`` (aware), its repeat.

    None keeps the text or the time; the repeat changes only with ``rrule_changed`` (then
    ``rrule`` None makes it a one-off). A new time replaces the firings still to come.
    """

    reminder_id: int
    text: str | None = None
    at: datetime | None = None
    rrule: str | None = None
    rrule_changed: bool = False


@dataclass(frozen=True, slots=True)
class CompleteTodo:
    """Mark item or step ``todo_id`` done (a step opens the next one)."""

    todo_id: int


@dataclass(frozen=True, slots=True)
class ForgetMemory:
    """Forget memory ``memory_id`` (undo remembers it again)."""

    memory_id: int


@dataclass(frozen=True, slots=True)
class SetRole:
    """An admin (the one asking) gives person ``person_id`` the role ``role``."""

    person_id: int
    role: str


@dataclass(frozen=True, slots=True)
class OptOut:
    """A carrier opt-out (STOP as the whole message): no texts until START, except compliance."""


@dataclass(frozen=True, slots=True)
class OptIn:
    """A carrier opt-in (START as the whole message): texts resume."""


Command = (
    CreateReminder
    | AskWhen
    | AskWhat
    | AddTodo
    | ListTodos
    | ListReminders
    | Complete
    | Snooze
    | CancelReminder
    | Undo
    | SetLanguage
    | Help
    | Unknown
    | RefusePast
    | RefuseFar
    | Agenda
    | SetTimezone
    | AskTimezone
    | SetQuietHours
    | SetBriefing
    | Remember
    | Recall
    | Forget
    | BreakDown
    | NextStep
    | OptOut
    | OptIn
    | CompleteReminder
    | SnoozeReminder
    | DeleteReminder
    | PauseReminder
    | ResumeReminder
    | EditReminder
    | CompleteTodo
    | ForgetMemory
    | SetRole
)


@dataclass(frozen=True, slots=True)
class Pending:
    """An unfinished reminder kept between two messages ("When?" / "What should I…?").

    ``text`` is set when the time is missing; ``at`` (and maybe ``rrule``) when the task is.
    """

    text: str | None = None
    at: datetime | None = None
    rrule: str | None = None
