"""A remind verb: "remind me to X at 8pm", "rappelle-moi de X dans 20 min", "rappel: X".

With a time and a task → CreateReminder; without a time → AskWhen (or the time pending);
without a task → AskWhat; a past time → RefusePast naming it. A lead time after the verb
("remind me an hour before") counts back from the time the message names.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from nudge.commands import AskWhat, AskWhen, Command, CreateReminder, RefuseFar, RefusePast
from nudge.language.intent_context import IntentContext
from nudge.language.intent_words import REMIND, REMIND_INSIDE, SEPARATORS
from nudge.language.lead_time import ahead_of, lead_at_start
from nudge.language.leftovers import (
    hour_left_by_day,
    joins_a_second_time,
    may_hold_second_time,
    names_time_left,
    without_cut_days,
)
from nudge.language.matches import TimeMatch, When
from nudge.language.tasks import Message, clean_task, cut_time
from nudge.language.wall import is_after, local_today


def remind(message: Message, context: IntentContext) -> Command | None:
    """A remind verb: "remind me to X at 8pm", "rappelle-moi de X dans 20 min".

    The verb may come after a time ("tomorrow remind me to X") or inside a longer message
    ("so tired. remind me at 9pm to go to bed", "Max au véto vendredi 14h, rappelle-moi").
    """
    verb = REMIND.match(message.folded) or REMIND_INSIDE.search(message.folded)
    if verb is None:
        return None
    before, body = message.text[: verb.start()], message.text[verb.end() :]
    found = context.find_within(message.text, verb.end(), len(message.text))
    lead = lead_at_start(message.folded[verb.end() :])
    if lead is not None and not _names_its_own_day(found, lead.end):
        return _remind_ahead(before, body[lead.end :], lead.amount, context)
    if found is None and before.strip(SEPARATORS):
        return _remind_time_before(before, clean_task(body), context)
    if found is None:
        return _remind_without_time(clean_task(body), context)
    task = clean_task(cut_time(body, found.span, found.other)) or _task_before(before, context)
    when = _day_told_before(before, body[found.span[0] : found.span[1]], found, context)
    if when is None:
        return refuse_past(task, found, context)
    if not task:
        pending = context.state.text if context.state else None
        if pending:
            return create(pending, when)
        return AskWhat(when.at, when.rrule)
    return create_checked(task, when, context)


def _names_its_own_day(found: TimeMatch | None, lead_end: int) -> bool:
    """Whether the words read as a lead are the start of a time ("la veille de Noël")."""
    return found is not None and found.span[0] == 0 and found.span[1] > lead_end


def _remind_ahead(
    before: str, rest: str, amount: timedelta, context: IntentContext
) -> Command | None:
    """A reminder ``amount`` before the event whose time the message names.

    An event known only to the day ("friday") with a lead under a day is a question: which
    hour the lead counts from is not said. So is a repeat moved to another day ("every
    monday at 9, remind me the day before"): its rule names the event's days.
    """
    source = rest if context.find(rest) is not None else before
    event = context.find(source)
    if event is None:
        return _remind_without_time(clean_task(rest) or clean_task(before), context)
    task = clean_task(cut_time(source, event.span, event.other))
    task = task or clean_task(rest if source is before else before)
    if event.when is None:
        return refuse_past(task, event, context)
    when = event.when
    at = ahead_of(when.at, amount, context.tz)
    zone = ZoneInfo(context.tz)
    moves_day = local_today(at, zone) != local_today(when.at, zone)
    if (when.grain == "day" and amount < timedelta(days=1)) or (when.rrule and moves_day):
        return AskWhen(task) if task else None
    if not is_after(at, context.now):
        return RefusePast(task, at, "minute")
    if not task:
        return AskWhat(at, when.rrule)
    if names_time_left(task, context.lang):
        return AskWhen(clean_task(without_cut_days(task, context.lang)) or task)
    return CreateReminder(task, at, when.rrule)


def refuse_past(task: str, found: TimeMatch, context: IntentContext) -> Command:
    """A past (or too far) time refused, naming the moment understood when there is one.

    Today said without a clock once its day hour has gone ("remind me today to call") has
    not passed: which hour is meant is the question; so is a part of day it is in ("remind
    me tonight" said at 19:40, its 19:00 gone).
    """
    if found.far is not None:
        return RefuseFar(task, found.far.at, found.far.grain)
    if found.running and task:  # "tonight" said at 19:40: not gone, but when in it?
        return AskWhen(task)
    passed = found.passed
    if passed is None:
        return RefusePast(task)
    if passed.grain == "day" and _is_today(passed.at, context):
        return AskWhen(task) if task else RefusePast(task)
    return RefusePast(task, passed.at, passed.grain)


def _is_today(at: datetime, context: IntentContext) -> bool:
    """Whether ``at`` falls on the user's today."""
    zone = ZoneInfo(context.tz)
    return local_today(at, zone) == local_today(context.now, zone)


def _day_told_before(
    before: str, said: str, found: TimeMatch, context: IntentContext
) -> When | None:
    """The reminder's time, on the day (or repeat) told before the verb when its clock names none.

    "rdv jeudi à 14h, rappelle-moi à 13h" is Thursday 13:00 and "faut que j'appelle le proprio
    à soir, rappelle-moi à 8h" is 20:00 (said at 19:45, in the evening), not the next 8:00;
    "every monday remind me to take out the trash at 8" is every Monday at 8, not once today
    ("call at 2pm, remind me at 1:45" has no day before it, so stays the next 13:45).
    ``said`` is the clock's own text.
    """
    if found.kind != "clock" or not before.strip(SEPARATORS) or context.names_a_day(said):
        return found.when
    prior = context.find(before)
    if prior is None or prior.kind not in ("day", "clock", "recurring"):
        return found.when
    if prior.when is None and not prior.running:
        return found.when
    day = before[prior.span[0] : prior.span[1]]
    if prior.kind != "recurring" and not context.names_a_day(day):
        return found.when
    if prior.kind == "clock" and prior.when is not None:  # "jeudi à 14h": its day only
        day = prior.when.at.astimezone(ZoneInfo(context.tz)).date().isoformat()
    joined = f"{day} {said}"
    carried = context.find(joined)
    if carried is None or carried.when is None or carried.span != (0, len(joined)):
        return found.when
    return carried.when


def _task_before(before: str, context: IntentContext) -> str:
    """The task told before the verb ("call at 2pm w/ my manager, remind me at 1:45")."""
    task = clean_task(before)
    found = context.find(task)
    return clean_task(cut_time(task, found.span, found.other)) if found is not None else task


def _remind_time_before(before: str, task: str, context: IntentContext) -> Command | None:
    """The time (and maybe the task) came before the verb: "tomorrow remind me to X"."""
    found = context.find(before)
    if found is None:
        return _remind_without_time(task or clean_task(before), context)
    task = task or clean_task(cut_time(before, found.span, found.other))
    if found.when is None:
        return refuse_past(task, found, context)
    if not task:
        return AskWhat(found.when.at, found.when.rrule)
    return create_checked(task, found.when, context)


def _remind_without_time(task: str, context: IntentContext) -> Command | None:
    """A remind verb and a task but no time: use a pending time, else ask "When?"."""
    if not task:
        return None
    state = context.state
    if state is not None and state.at is not None and is_after(state.at, context.now):
        return CreateReminder(task, state.at, state.rrule)
    return AskWhen(task)


def create(task: str, when: When) -> CreateReminder:
    """The reminder for ``task`` at the time understood (a task already asked about)."""
    return CreateReminder(task, when.at, when.rrule)


def create_checked(task: str, when: When, context: IntentContext) -> Command:
    """The reminder for ``task``, or a question when its task still holds a repeat.

    "remind me every 3rd at 9 to pay rent" read only "at 9": set, it would be a one-off
    tonight; "friday 5 call mom" read only "friday": set, it would fire at 9:00; "at 2:30 to
    call the school and at 4 to pick up" would drop the second time (``leftovers``).
    """
    if names_time_left(task, context.lang) or (when.grain == "day" and hour_left_by_day(task)):
        return AskWhen(clean_task(without_cut_days(task, context.lang)) or task)
    second = context.find(task) if may_hold_second_time(task) else None
    if second is not None and second.kind == "clock" and joins_a_second_time(task, second.span):
        return AskWhen(task)
    return create(task, when)
