"""The one door into the features: ``run(ctx, command)`` carries out any Command.

SMS, the agent's tools, and the web dashboard and API to come all go through here, so a
change of a person's data gets the same rules, the same undo record and the same reply
whoever asked. ``HANDLERS`` maps each Command type to the feature action that carries it out.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Final, assert_never, get_args

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
    CompleteReminder,
    CompleteTodo,
    CreateReminder,
    DeleteReminder,
    EditReminder,
    Forget,
    ForgetMemory,
    Help,
    ListReminders,
    ListTodos,
    NextStep,
    OptIn,
    OptOut,
    PauseReminder,
    Pending,
    Recall,
    RefuseFar,
    RefusePast,
    Remember,
    ResumeReminder,
    SetBriefing,
    SetLanguage,
    SetQuietHours,
    SetRole,
    SetTimezone,
    Snooze,
    SnoozeReminder,
    Undo,
    Unknown,
)
from nudge.features.agenda import actions as agenda
from nudge.features.breakdown import actions as breakdown
from nudge.features.briefings import actions as briefings
from nudge.features.cancel_by_words import cancel_by_words
from nudge.features.context import Context, Outcome
from nudge.features.done_by_words import complete_by_words
from nudge.features.memory import actions as memory
from nudge.features.reminders import actions as reminders
from nudge.features.reminders import by_id as reminder_by_id
from nudge.features.todos import actions as todos
from nudge.features.todos import by_id as todo_by_id
from nudge.features.undo import undo_last
from nudge.features.users import actions as users
from nudge.features.users import roles, settings_actions

Handler = Callable[[Context, Any], Awaitable[Outcome]]


async def run(ctx: Context, command: Command) -> Outcome:
    """Carry out ``command`` for ``ctx.user`` inside ``ctx.session``'s transaction."""
    if not isinstance(command, _HANDLED):
        assert_never(command)  # mypy: a Command type missing from _HANDLED (and HANDLERS)
    return await HANDLERS[type(command)](ctx, command)


async def _complete(ctx: Context, command: Complete) -> Outcome:
    """Done by words, "done N" on the list last shown, else the last reminder texted."""
    if command.words is not None:
        return await complete_by_words(ctx, command.words)
    if command.number is not None and ctx.dialogue.last_list != "reminders":
        return await todos.complete_todo(ctx, command.number)
    return await reminders.complete(ctx, command)


async def _cancel(ctx: Context, command: CancelReminder) -> Outcome:
    """Delete the reminder the words describe, else by number or the last one texted."""
    if command.words is not None:
        return await cancel_by_words(ctx, command.words)
    return await reminders.cancel(ctx, command)


async def _ask_when(ctx: Context, command: AskWhen) -> Outcome:
    return Outcome(ctx.say("ask_when", text=command.text), pending=Pending(text=command.text))


async def _ask_what(ctx: Context, command: AskWhat) -> Outcome:
    pending = Pending(at=command.at, rrule=command.rrule)
    return Outcome(ctx.say("ask_what", when=ctx.when(command.at)), pending=pending)


async def _refuse_past(ctx: Context, command: RefusePast) -> Outcome:
    pending = Pending(text=command.text) if command.text else None
    if command.at is None:
        return Outcome(ctx.say("refuse_past"), pending=pending)
    said = ctx.day(command.at) if command.grain == "day" else ctx.when(command.at)
    return Outcome(ctx.say("refuse_past_at", when=said), pending=pending)


async def _refuse_far(ctx: Context, command: RefuseFar) -> Outcome:
    pending = Pending(text=command.text) if command.text else None
    said = ctx.day(command.at) if command.grain == "day" else ctx.when(command.at)
    return Outcome(ctx.say("refuse_far", when=said), pending=pending)


async def _ask_timezone(ctx: Context, command: AskTimezone) -> Outcome:
    return Outcome(ctx.say("timezone_unknown", text=command.place))


async def _help(ctx: Context, _command: Help) -> Outcome:
    return Outcome(ctx.say("help"))


async def _unknown(ctx: Context, _command: Unknown) -> Outcome:
    return Outcome(ctx.say("unknown"))


async def _undo(ctx: Context, _command: Undo) -> Outcome:
    return await undo_last(ctx)


HANDLERS: Final[dict[type[Any], Handler]] = {
    CreateReminder: reminders.create_reminder,
    AskWhen: _ask_when,
    AskWhat: _ask_what,
    RefusePast: _refuse_past,
    RefuseFar: _refuse_far,
    AddTodo: todos.add_todo,
    ListTodos: todos.list_todos,
    ListReminders: reminders.list_reminders,
    Complete: _complete,
    Snooze: reminders.snooze,
    CancelReminder: _cancel,
    Undo: _undo,
    SetLanguage: users.set_language,
    Help: _help,
    Unknown: _unknown,
    Agenda: agenda.agenda,
    SetTimezone: settings_actions.set_timezone,
    AskTimezone: _ask_timezone,
    SetQuietHours: settings_actions.set_quiet_hours,
    SetBriefing: briefings.set_briefing,
    Remember: memory.remember,
    Recall: memory.recall,
    Forget: memory.forget,
    BreakDown: breakdown.break_down,
    NextStep: breakdown.next_step,
    OptOut: users.opt_out,
    OptIn: users.opt_in,
    CompleteReminder: reminder_by_id.complete,
    SnoozeReminder: reminder_by_id.snooze,
    DeleteReminder: reminder_by_id.delete,
    PauseReminder: reminder_by_id.pause,
    ResumeReminder: reminder_by_id.resume,
    EditReminder: reminder_by_id.edit,
    CompleteTodo: todo_by_id.complete,
    ForgetMemory: memory.forget_by_id,
    SetRole: roles.set_role,
}
_HANDLED: Final = (
    CreateReminder, AskWhen, AskWhat, RefusePast, RefuseFar, AddTodo, ListTodos, ListReminders,
    Complete, Snooze, CancelReminder, Undo, SetLanguage, Help, Unknown, Agenda, SetTimezone,
    AskTimezone, SetQuietHours, SetBriefing, Remember, Recall, Forget, BreakDown, NextStep, OptOut,
    OptIn, CompleteReminder, SnoozeReminder, DeleteReminder, PauseReminder, ResumeReminder,
    EditReminder, CompleteTodo, ForgetMemory, SetRole,
)  # fmt: skip  # a literal tuple: mypy narrows ``isinstance`` on it (see ``run``)
if set(_HANDLED) != set(HANDLERS) or set(get_args(Command)) != set(HANDLERS):
    raise TypeError("every Command type needs exactly one entry in HANDLERS and _HANDLED")
