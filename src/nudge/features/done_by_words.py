"""Say "done" with words ("dentist done", "fini les impôts"): find the reminder or item meant.

Matching is by shared words, accents and case ignored, plural "s" dropped, small words
skipped. The last reminder texted wins a tie, then open list items, then upcoming
reminders: the thing most likely on the person's mind.
"""

from __future__ import annotations

import re

from nudge.features.context import Context, Outcome
from nudge.features.reminders import actions as reminder_actions
from nudge.features.reminders import service as reminders
from nudge.features.todos import actions as todo_actions
from nudge.features.todos import service as todos
from nudge.language.fold import fold

MIN_SCORE = 0.5
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "to",
        "of",
        "for",
        "with",
        "and",
        "at",
        "on",
        "in",
        "your",
        "it",
        "this",
        "that",
    ]
    + [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "du",
        "d",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "au",
        "aux",
        "et",
        "pour",
        "avec",
        "en",
        "sur",
    ]
)
WORD = re.compile(r"[a-z0-9]+")


def keywords(text: str) -> set[str]:
    """The meaningful words of ``text``: small words and plural "s" dropped.

    Folded as the language layer folds, so the words it hands over match the stored text.
    """
    words = {word for word in WORD.findall(fold(text)) if word not in SMALL_WORDS}
    return {word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words}


def score(wanted: set[str], text: str) -> float:
    """Share of the wanted words found in ``text`` (0 when nothing meaningful was asked)."""
    if not wanted:
        return 0.0
    return len(wanted & keywords(text)) / len(wanted)


async def complete_by_words(ctx: Context, words: str) -> Outcome:
    """Mark done the reminder or list item ``words`` describes, or say it was not found."""
    wanted = keywords(words)
    last = await reminder_actions.last_sent(ctx)
    if last is not None and score(wanted, last[1].text) >= MIN_SCORE:
        best_last = score(wanted, last[1].text)
    else:
        best_last = 0.0
    items = await todos.open_items(ctx.session, user_id=ctx.user.id)
    upcoming = await reminders.upcoming(ctx.session, user_id=ctx.user.id)
    best_item = max(items, key=lambda todo: score(wanted, todo.text), default=None)
    best_row = max(upcoming, key=lambda row: score(wanted, row.reminder.text), default=None)
    item_score = score(wanted, best_item.text) if best_item else 0.0
    row_score = score(wanted, best_row.reminder.text) if best_row else 0.0
    top = max(best_last, item_score, row_score)
    if top < MIN_SCORE:
        return Outcome(ctx.say("no_such_words", text=words))
    if last is not None and best_last == top:
        return await reminder_actions.acknowledge(ctx, *last)
    if best_item is not None and item_score == top:
        return await todo_actions.complete_item(ctx, best_item)
    assert best_row is not None
    return await reminder_actions.acknowledge(ctx, best_row.occurrence, best_row.reminder)
