"""Delete a reminder by its words ("cancel the reminder about the vet", "annule le rappel CAF").

Matched against the upcoming reminders (the ones "reminders" lists) as done-by-words
matches: shared words, accents and case ignored. When several fit as well as each other,
nothing is deleted: the person is asked to pick by number, since a wrong delete hurts more
than one more text.
"""

from __future__ import annotations

from nudge.features.context import Context, Outcome
from nudge.features.done_by_words import MIN_SCORE, keywords, score
from nudge.features.reminders import actions as reminder_actions
from nudge.features.reminders import service as reminders


async def cancel_by_words(ctx: Context, words: str) -> Outcome:
    """Delete the one upcoming reminder ``words`` describe, or say why not."""
    wanted = keywords(words)
    upcoming = await reminders.upcoming(ctx.session, user_id=ctx.user.id)
    scored = [(score(wanted, row.reminder.text), row.reminder) for row in upcoming]
    top = max((value for value, _ in scored), default=0.0)
    if top < MIN_SCORE:
        return Outcome(ctx.say("no_reminder_words", text=words))
    best = [reminder for value, reminder in scored if value == top]
    if len(best) > 1:
        return Outcome(ctx.say("several_reminder_words", n=len(best), text=words))
    return await reminder_actions.delete(ctx, best[0])
