"""The one door into the features: ``run(ctx, command)`` carries out any Command."""

from __future__ import annotations

from nudge.commands import (
    AddTodo,
    Agenda,
    AskTimezone,
    AskWhat,
    AskWhen,
    BreakDown,
    CancelReminder,
    Command,
    Complete,
    CreateReminder,
    Forget,
    Help,
    ListReminders,
    ListTodos,
    NextStep,
    Pending,
    Recall,
    RefusePast,
    Remember,
    SetBriefing,
    SetLanguage,
    SetQuietHours,
    SetTimezone,
    Snooze,
    Undo,
    Unknown,
)
from nudge.features.agenda import actions as agenda
from nudge.features.breakdown import actions as breakdown
from nudge.features.briefings import actions as briefing_actions
from nudge.features.cancel_by_words import cancel_by_words
from nudge.features.context import Context, Outcome
from nudge.features.done_by_words import complete_by_words
from nudge.features.memory import actions as memory
from nudge.features.reminders import actions as reminders
from nudge.features.todos import actions as todos
from nudge.features.undo import undo_last
from nudge.features.users import actions as users
from nudge.features.users import settings_actions


async def run(ctx: Context, command: Command) -> Outcome:  # noqa: C901 - a flat dispatch
    """Carry out ``command`` for ``ctx.user`` inside ``ctx.session``'s transaction."""
    match command:
        case CreateReminder():
            return await reminders.create_reminder(ctx, command)
        case AskWhen(text=text):
            return Outcome(ctx.say("ask_when", text=text), pending=Pending(text=text))
        case AskWhat(at=at, rrule=rrule):
            return Outcome(
                ctx.say("ask_what", when=ctx.when(at)), pending=Pending(at=at, rrule=rrule)
            )
        case RefusePast(text=text):
            return Outcome(ctx.say("refuse_past"), pending=Pending(text=text) if text else None)
        case AddTodo():
            return await todos.add_todo(ctx, command)
        case ListTodos():
            return await todos.list_todos(ctx, command)
        case ListReminders():
            return await reminders.list_reminders(ctx, command)
        case Complete(words=str(words)):
            return await complete_by_words(ctx, words)
        case Complete(number=number) if (
            number is not None and ctx.dialogue.last_list != "reminders"
        ):
            return await todos.complete_todo(ctx, number)
        case Complete():
            return await reminders.complete(ctx, command)
        case Snooze():
            return await reminders.snooze(ctx, command)
        case CancelReminder(words=str(words)):
            return await cancel_by_words(ctx, words)
        case CancelReminder():
            return await reminders.cancel(ctx, command)
        case SetBriefing():
            return await briefing_actions.set_briefing(ctx, command)
        case Undo():
            return await undo_last(ctx)
        case SetLanguage():
            return await users.set_language(ctx, command)
        case SetTimezone():
            return await settings_actions.set_timezone(ctx, command)
        case AskTimezone(place=place):
            return Outcome(ctx.say("timezone_unknown", text=place))
        case SetQuietHours():
            return await settings_actions.set_quiet_hours(ctx, command)
        case Help():
            return Outcome(ctx.say("help"))
        case Unknown():
            return Outcome(ctx.say("unknown"))
        # memory and breakdown (agent area)
        case Remember():
            return await memory.remember(ctx, command)
        case Recall():
            return await memory.recall(ctx, command)
        case Forget():
            return await memory.forget(ctx, command)
        case BreakDown():
            return await breakdown.break_down(ctx, command)
        case NextStep():
            return await breakdown.next_step(ctx, command)
        case Agenda():
            return await agenda.agenda(ctx, command)
        case _:
            # Commands whose feature is not built yet get the friendly "not understood" hint.
            return Outcome(ctx.say("unknown"))
