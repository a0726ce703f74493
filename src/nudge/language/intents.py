"""Offline FR/EN understanding: one SMS (plus the pending dialogue state) → one Command.

Tried in order, first hit wins:

1. carrier keywords (a bare STOP, CANCEL, YES…) → Unknown; fixed commands (help, language,
   list, reminders, done, snooze, undo, delete) as whole messages; then "next"/"suivant",
   agenda questions ("what's on today"), time zone and quiet hours, memory (recall,
   forget, remember a fact), "I'm stuck on X" (see ``coaching``, ``agenda``,
   ``preferences``, ``memory``);
2. a remind verb ("remind me", "rappelle-moi", "rappel:") with a time and a task →
   CreateReminder; without a time → AskWhen; without a task → AskWhat; past → RefusePast;
3. "add X (to my list)", "ajoute X (à ma liste)", "todo: X" → AddTodo;
4. a message that is only a time: the answer to "When?" if a task is pending, else AskWhat;
5. "<task> <time>" without a verb ("call mom at 6pm"), only when the time ends the message
   (not one's own arrival: "running late, be there in 15");
6. a short command with letters held down ("dooone", "laterrr");
7. the answer to "What?" when a time is pending;
8. anything else → Unknown.
"""

from __future__ import annotations

import logging
import math
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from nudge.commands import (
    AddTodo,
    Agenda,
    AskWhat,
    AskWhen,
    Command,
    CreateReminder,
    Pending,
    Snooze,
    Unknown,
)
from nudge.language.agenda import agenda_phrase
from nudge.language.briefing_prefs import set_briefing
from nudge.language.coaching import next_step
from nudge.language.dayparts import DayParts
from nudge.language.intent_context import IntentContext
from nudge.language.intent_words import (
    ADD_TODO,
    ARRIVAL,
    ARRIVAL_ENDS,
    BARE_CLOCK,
    BARE_IN,
    COURTESY,
    COURTESY_ENDS,
    COURTESY_FIRST,
    LEFTOVER,
    SNOOZE_UNTIL,
    STRETCHED,
)
from nudge.language.matches import TimeMatch
from nudge.language.memory_words import forget, recall, remember
from nudge.language.phrases import CARRIER_WORDS, MAX_SNOOZE_MINUTES, fixed_command
from nudge.language.preferences import set_quiet_hours, set_timezone
from nudge.language.reminding import create, create_checked, refuse_past, remind
from nudge.language.stuck_words import break_down
from nudge.language.tasks import (
    Message,
    clean_task,
    cut_before,
    is_filler,
    looks_like_task,
)
from nudge.language.wall import is_after

log = logging.getLogger(__name__)

_SHORT = 40
_NO_VERB_KINDS = frozenset({"relative", "clock", "recurring", "day"})


def understand(
    text: str,
    *,
    now: datetime,
    tz: str,
    lang: str,
    state: Pending | None,
    parts: DayParts | None = None,
) -> Command:
    """The Command an SMS means, in zone ``tz`` from the aware ``now``; never raises.

    ``parts`` are the user's hours for vague parts of the day ("tonight", "after lunch").
    """
    try:
        return interpret(text, now=now, tz=tz, lang=lang, state=state, parts=parts)
    except Exception:  # a strange SMS must never break the conversation
        log.exception("language.understand_failed")
        return Unknown(text)


def interpret(
    text: str,
    *,
    now: datetime,
    tz: str,
    lang: str,
    state: Pending | None,
    parts: DayParts | None = None,
) -> Command:
    """Like :func:`understand`, but lets errors out (for tests)."""
    message, context = Message.of(text), IntentContext(now, tz, lang, state, parts)
    if not message.clean or message.clean in CARRIER_WORDS:
        return Unknown(text)
    command = (
        fixed_command(message.clean)
        or next_step(message.clean)
        or _courteous(message.clean)
        or _agenda(message, context)
        or set_timezone(message.clean)
        or set_quiet_hours(message.clean)
        or set_briefing(message.clean)
        or recall(message)
        or forget(message)
        or remember(message)
        or break_down(message)
        or _snooze_until(message, context)
        or remind(message, context)
        or _add_todo(message)
        or _only_time(message, context)
        or _task_then_time(message, context)
        or _time_then_task(message, context)
        or _stretched(message.clean)
        or _pending_task(message, context)
    )
    return command or Unknown(text)


def _courteous(clean: str) -> Command | None:
    """A short command wrapped in courtesy: "help pls", "mes rappels stp", "k next", "fait ✅"."""
    if len(clean) > _SHORT or not _may_be_courteous(clean):
        return None
    plain = COURTESY.fullmatch(clean)
    core = plain["core"] if plain else clean
    if core == clean:
        return None
    return fixed_command(core) or next_step(core)


def _may_be_courteous(clean: str) -> bool:
    """Whether ``COURTESY`` could strip anything: a lead word, an end word or a symbol."""
    return (
        clean.endswith(COURTESY_ENDS)
        or not clean[-1:].isalnum()
        or clean.split(" ", 1)[0].rstrip(",!.") in COURTESY_FIRST
    )


def _stretched(clean: str) -> Command | None:
    """A short command with letters held down: "dooone", "laterrr", "nexxxt" ("yesss" is not)."""
    if len(clean) > _SHORT or STRETCHED.search(clean) is None:
        return None
    for squeeze in (r"\1\1", r"\1"):  # "ooooops" is "oops", "dooone" is "done"
        plain = STRETCHED.sub(squeeze, clean)
        command = fixed_command(plain) or next_step(plain) or _courteous(plain)
        if command is not None:
            return command
    return None


def _agenda(message: Message, context: IntentContext) -> Command | None:
    """An agenda question: "what's on today", "qu'est-ce que j'ai demain", "agenda vendredi"."""
    phrase = agenda_phrase(message)
    if phrase is None:
        return None
    today = context.now.astimezone(ZoneInfo(context.tz)).date()
    found = context.find(phrase) if phrase else None
    if found is None or found.when is None:
        return Agenda(today)
    return Agenda(found.when.at.astimezone(ZoneInfo(context.tz)).date())


def _snooze_until(message: Message, context: IntentContext) -> Command | None:
    """Snooze up to a time: "snooze until 8pm", "plus tard à 15h", "snooze till tomorrow"."""
    lead = SNOOZE_UNTIL.match(message.folded)
    if lead is None:
        return None
    found = _time_alone(Message.of(message.text[lead.end() :]), context, bare=True)
    if found is None or found.when is None:
        return None
    seconds = (found.when.at.astimezone(UTC) - context.now.astimezone(UTC)).total_seconds()
    return Snooze(min(max(math.ceil(seconds / 60), 1), MAX_SNOOZE_MINUTES))


def _add_todo(message: Message) -> Command | None:
    """A to-do: "add X to my list", "ajoute X", "todo: X"."""
    for pattern in ADD_TODO:
        match = pattern.fullmatch(message.folded)
        if match is not None:
            task = message.text[match.start("task") : match.end("task")]
            task = clean_task(task, connectors=False)
            return AddTodo(task) if task else None
    return None


def _only_time(message: Message, context: IntentContext) -> Command | None:
    """A message that is only a time: answers "When?", or asks "What?"."""
    found = _time_alone(message, context)
    if found is None:
        return None
    pending = context.state.text if context.state else None
    if found.when is None:
        return refuse_past(pending or "", found, context)
    if pending:
        return create(pending, found.when)
    return AskWhat(found.when.at, found.when.rrule)


def _time_alone(
    message: Message, context: IntentContext, *, bare: bool = False
) -> TimeMatch | None:
    """The time a message consists of, fillers aside ("tomorrow at 8 please").

    A bare "8" or "in 5" counts too when ``bare`` or when a task waits for its time.
    """
    if bare or (context.state is not None and context.state.text):
        if BARE_CLOCK.fullmatch(message.clean):
            prefix = "a " if context.lang == "fr" else "at "
            return context.find(prefix + message.clean)
        bare_in = BARE_IN.fullmatch(message.clean)
        if bare_in:
            return context.find(f"in {bare_in[1]} min")
    found = context.find(message.text)
    if found is None:
        return None
    start, end = found.span
    before, after = message.folded[:start], message.folded[end:]
    if LEFTOVER.fullmatch(before) and LEFTOVER.fullmatch(after):
        return found
    return None


def _is_question(message: Message) -> bool:
    """Whether the message asks something ("are we still on at 3?"): never a reminder."""
    return message.text.rstrip(" .!\u2026").endswith("?")


def _task_then_time(message: Message, context: IntentContext) -> Command | None:
    """A task then a time ending the text: "call mom at 6pm", "appeler maman dans 20 min"."""
    if _is_question(message):
        return None
    found = context.find(message.text)
    if found is None or found.kind not in _NO_VERB_KINDS:
        return None
    if not LEFTOVER.fullmatch(message.folded[found.span[1] :]):
        return None
    task = clean_task(cut_before(message.text[: found.span[0]], found.other))
    if not looks_like_task(task) or fixed_command(Message.of(task).clean) is not None:
        return None
    if _is_arrival(task) or _names_a_time(task, context):
        return None
    if found.when is None:
        return refuse_past(task, found, context)
    return create_checked(task, found.when, context)


def _names_a_time(task: str, context: IntentContext) -> bool:
    """Whether the task left still names a time ("tomorrow i have exam at 9, wake me at 7").

    Without a remind verb saying which time is the reminder's, two times are a guess.
    """
    return context.find(task) is not None


def _is_arrival(task: str) -> bool:
    """The user telling when they arrive ("running late, be there in 15"), not a task."""
    clean = Message.of(task).clean
    return clean.rsplit(" ", 1)[-1] in ARRIVAL_ENDS and ARRIVAL.fullmatch(clean) is not None


def _time_then_task(message: Message, context: IntentContext) -> Command | None:
    """A time opening the text, then a task: "ce soir 20h appeler papi", "tlj à 8h X"."""
    if _is_question(message):
        return None
    found = context.find(message.text)
    if found is None or found.kind not in _NO_VERB_KINDS:
        return None
    if not LEFTOVER.fullmatch(message.folded[: found.span[0]]):
        return None
    task = clean_task(message.text[found.span[1] :])
    if not looks_like_task(task) or fixed_command(Message.of(task).clean) is not None:
        return None
    if _names_a_time(task, context):
        return None
    if found.when is None:
        return refuse_past(task, found, context)
    return create_checked(task, found.when, context)


def _pending_task(message: Message, context: IntentContext) -> Command | None:
    """The answer to "What should I remind you of?" when a time is pending."""
    state = context.state
    if state is None or state.at is None or is_filler(message.clean):
        return None
    task = clean_task(message.text)
    if not task:
        return None
    if not is_after(state.at, context.now):
        return AskWhen(task)
    return CreateReminder(task, state.at, state.rrule)
