"""Undo: every command that changes something leaves a record of how to reverse it.

Each feature owns its records and their ``reverse`` (``<feature>/undo.py``); this module
keeps the one serializer of the dialogue state's ``undo`` column, and "undo" itself.
A record is stored as ``{"op": …, <its fields>}``: the same JSON as before records were
typed, so a change made before an upgrade can still be undone after it.
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from datetime import datetime
from typing import Any, Final

from nudge.features.breakdown.undo import BreakdownCreated, StepDone
from nudge.features.briefings.undo import BriefingsSet
from nudge.features.context import Context, Outcome, UndoRecord
from nudge.features.memory.undo import MemoryForgotten
from nudge.features.reminders.undo import (
    ReminderCancelled,
    ReminderCreated,
    ReminderDone,
    ReminderEdited,
    ReminderPaused,
    ReminderResumed,
    ReminderSnoozed,
)
from nudge.features.todos.undo import TodoAdded, TodoDone
from nudge.features.users.undo import LanguageSet

RECORDS: Final[tuple[type[Any], ...]] = (
    ReminderCreated,
    ReminderCancelled,
    ReminderDone,
    ReminderSnoozed,
    ReminderPaused,
    ReminderResumed,
    ReminderEdited,
    TodoAdded,
    TodoDone,
    LanguageSet,
    BreakdownCreated,
    StepDone,
    BriefingsSet,
    MemoryForgotten,
)
_BY_OP: Final[dict[str, type[Any]]] = {record.op: record for record in RECORDS}


def to_json(record: UndoRecord) -> dict[str, Any]:
    """The record as stored: its ``op`` and its fields (tuples as lists, enums as values)."""
    names = [field.name for field in dataclasses.fields(record)]
    return {"op": record.op, **{name: _plain(getattr(record, name)) for name in names}}


def from_json(data: dict[str, Any] | None) -> UndoRecord | None:
    """The record stored as ``data``; None when there is none or it cannot be read."""
    kind = _BY_OP.get(str((data or {}).get("op")))
    if kind is None or data is None:
        return None
    hints = typing.get_type_hints(kind)
    try:
        record: UndoRecord = kind(
            **{
                field.name: _typed(hints[field.name], data[field.name])
                for field in dataclasses.fields(kind)
                if field.name in data or field.default is dataclasses.MISSING
            }
        )  # a field added since the record was stored takes its default
    except (KeyError, TypeError, ValueError):
        return None
    return record


async def undo_last(ctx: Context) -> Outcome:
    """Reverse the last change, once; a second "undo" says there is nothing left."""
    record = from_json(ctx.dialogue.undo)
    reply = await record.reverse(ctx) if record is not None else None
    if reply is None:
        return Outcome(ctx.say("nothing_to_undo"), clear_undo=True, problem="nothing_to_undo")
    return Outcome(reply, clear_undo=True)


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value.value if isinstance(value, enum.Enum) else value


def _typed(hint: Any, value: Any) -> Any:
    """A stored JSON value as the field's type: lists to tuples, strings to enums and times."""
    if typing.get_origin(hint) is tuple:
        return tuple(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    return value
