"""A reminder phrase typed on a screen, read for its person as an SMS would be read.

"call mom tomorrow at 9" is understood by ``language.understand`` in the person's zone and
language, then, when that is not a reminder, again with the remind verb before it ("call
mom" alone is a task waiting for its time, as "remind me call mom" would be). The answer is
what would be created with the confirmation Nudge would text, or the question it would ask
(``problem``): never a time guessed in silence. Nothing is written: the API creates from it,
and the dashboard's live preview shows it as the person types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.commands import AskWhat, AskWhen, Command, CreateReminder, RefuseFar, RefusePast
from nudge.features import executor
from nudge.features.context import Context, Dependencies
from nudge.features.reminders.actions import confirmation
from nudge.language import understand
from nudge.store.tables import ConversationState, User

PROBLEMS: Final[dict[type[Command], str]] = {
    AskWhen: "needs_time",
    AskWhat: "needs_task",
    RefusePast: "time_passed",
    RefuseFar: "too_far",
}
NOT_A_REMINDER: Final = "not_a_reminder"
REMIND_VERB: Final = {"en": "remind me", "fr": "rappelle-moi"}
_REMINDER_KINDS: Final = (CreateReminder, AskWhen, AskWhat, RefusePast, RefuseFar)


@dataclass(frozen=True, slots=True)
class PhraseReading:
    """What a phrase means: the command read, and what Nudge would say to it.

    ``problem`` is None when ``command`` is a reminder to create (``said``: its confirmation),
    else a stable code and ``said`` the question Nudge would ask.
    """

    command: Command
    problem: str | None
    said: str


def read_phrase(text: str, *, user: User, now: datetime) -> Command:
    """The reminder command ``text`` means for ``user`` (or what else it means)."""
    first = understand(text, now=now, tz=user.timezone, lang=user.locale, state=None)
    if isinstance(first, _REMINDER_KINDS):
        return first
    verb = REMIND_VERB.get(user.locale, REMIND_VERB["en"])
    again = understand(f"{verb} {text}", now=now, tz=user.timezone, lang=user.locale, state=None)
    return again if isinstance(again, _REMINDER_KINDS) else first


async def read_reminder(
    session: AsyncSession, *, user_id: int, text: str, now: datetime, deps: Dependencies
) -> PhraseReading:
    """What ``text`` would create for person ``user_id``, or the question Nudge would ask."""
    user = await session.get(User, user_id)
    if user is None:
        raise LookupError(f"no person {user_id}")
    command = read_phrase(text, user=user, now=now)
    # The questions' handlers write nothing and never read the dialogue: a detached row.
    ctx = Context(session, user, ConversationState(user_id=user.id, updated_at=now), now, deps)
    if isinstance(command, CreateReminder):
        return PhraseReading(command, None, confirmation(ctx, command))
    problem = PROBLEMS.get(type(command))
    if problem is None:
        return PhraseReading(command, NOT_A_REMINDER, ctx.say(NOT_A_REMINDER))
    return PhraseReading(command, problem, (await executor.run(ctx, command)).reply)
