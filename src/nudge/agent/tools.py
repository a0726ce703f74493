"""The agent's tools, generated from ``commands.py``: the same Commands the rules produce.

Each tool wraps one Command class. Its JSON-schema parameters come from the dataclass
fields: ``str`` → string, ``int`` → integer; a ``datetime`` field becomes a ``when`` *phrase*
("demain 8h") and a ``date`` field a ``day`` phrase, both resolved by ``language/`` in the
user's zone: the model never produces timestamps. The user is never a parameter: tools act
for the user of the conversation only. ``EXTRA`` adds tool-only parameters (importance and
tags for memories, proposed steps for a breakdown). ``DESTRUCTIVE`` tools need a "confirm".
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from nudge import commands as c
from nudge.agent.models.base import ToolSpec
from nudge.language import parse_when
from nudge.language.leftovers import names_repeat_left
from nudge.language.time.matches import find_when

_TOOLS: dict[str, tuple[type[Any], str]] = {
    "create_reminder": (c.CreateReminder, "Remind the user of text at a time phrase."),
    "list_reminders": (c.ListReminders, "Show the user's upcoming reminders, numbered."),
    "complete": (c.Complete, "Mark done the last reminder sent, or item number N of a list."),
    "snooze": (c.Snooze, "Send the last reminder again in N minutes."),
    "cancel_reminder": (
        c.CancelReminder,
        'Delete reminder number N as listed, or the one whose words match (e.g. "dentist").',
    ),
    "add_todo": (c.AddTodo, "Add text to the user's todo list."),
    "list_todos": (c.ListTodos, "Show the user's open todos, numbered."),
    "agenda": (c.Agenda, "What is planned on a day phrase (today, demain...)."),
    "remember": (c.Remember, "Keep a fact about the user in long-term memory."),
    "recall": (c.Recall, "Search the user's memories for a question."),
    "forget": (c.Forget, "Delete the memory that best matches the query."),
    "break_down": (c.BreakDown, "Split a task the user is stuck on into tiny steps."),
    "next_step": (c.NextStep, "The current step is done: give the next step."),
    "set_language": (c.SetLanguage, "Switch replies to locale en or fr."),
}
DESTRUCTIVE = frozenset({"cancel_reminder", "forget"})
EXTRA: dict[str, dict[str, Any]] = {
    "remember": {
        "importance": {"type": "integer", "minimum": 1, "maximum": 10},
        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
    },
    "break_down": {
        "steps": {
            "type": "array",
            "items": {"type": "string"},
            "maxItems": 7,
            "description": "Up to 7 short steps, each starting with a verb.",
        }
    },
}
# Set by ``execute`` from the tool's extra arguments (leniently), never built from them here.
CALLER_FIELDS = frozenset({"importance", "tags", "source", "steps"})
_PHRASE = {datetime: "when", date: "day"}
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]?\d{0,2}")
_TODAY = frozenset({"", "today", "aujourd'hui", "auj"})


class ToolError(ValueError):
    """The model's arguments do not make a valid command (told back to the model)."""


@dataclass(frozen=True, slots=True)
class Tool:
    """One tool: what the model sees, and how its arguments become a Command."""

    spec: ToolSpec
    command: type[Any]
    destructive: bool


def _base_type(annotation: Any) -> tuple[Any, bool]:
    """``int | None`` → (int, optional)."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kept = [arg for arg in args if arg is not type(None)]
        return kept[0], len(kept) < len(args)
    return annotation, False


def _schema(command: type[Any], name: str) -> dict[str, Any]:
    hints = typing.get_type_hints(command)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in _model_fields(command):
        kind, optional = _base_type(hints[field.name])
        if kind in _PHRASE:
            properties[_PHRASE[kind]] = {"type": "string", "description": "a time phrase"}
            required.append(_PHRASE[kind])
        elif field.name == "rrule":
            continue  # a repeat comes from the "when" phrase ("every day at 8")
        elif kind in (str, int):
            properties[field.name] = {"type": "string" if kind is str else "integer"}
            has_default = field.default is not dataclasses.MISSING
            if not optional and not has_default:
                required.append(field.name)
        elif kind not in (bool, time):
            raise TypeError(f"no tool parameter for {command.__name__}.{field.name}")
    properties.update(EXTRA.get(name, {}))
    return {"type": "object", "properties": properties, "required": required}


def _model_fields(command: type[Any]) -> list[dataclasses.Field[Any]]:
    """The fields a tool call's arguments fill in (not ``CALLER_FIELDS``)."""
    return [field for field in dataclasses.fields(command) if field.name not in CALLER_FIELDS]


def registry() -> dict[str, Tool]:
    """Every tool by name."""
    return {
        name: Tool(ToolSpec(name, text, _schema(command, name)), command, name in DESTRUCTIVE)
        for name, (command, text) in _TOOLS.items()
    }


TOOLS = registry()


def build_command(
    tool: Tool, arguments: dict[str, Any], *, now: datetime, tz: str, lang: str
) -> Any:
    """The Command for a tool call; time phrases resolved here, never by the model."""
    hints = typing.get_type_hints(tool.command)
    values: dict[str, Any] = {}
    for field in _model_fields(tool.command):
        kind, _optional = _base_type(hints[field.name])
        if kind in _PHRASE:
            phrase = str(arguments.get(_PHRASE[kind], ""))
            if kind is date and phrase.strip().lower() in _TODAY:
                values[field.name] = now.astimezone(ZoneInfo(tz)).date()
                continue
            if _TIMESTAMP.search(phrase):
                raise ToolError("give the time in the user's words, not a timestamp")
            when = parse_when(phrase, now=now, tz=tz, lang=lang)
            if when is None:
                raise ToolError(f"cannot read a future time in {phrase!r}; ask the user")
            _whole_phrase_read(phrase, when.span, now=now, tz=tz, lang=lang)
            values[field.name] = when.at if kind is datetime else when.at.date()
            if field.name == "at" and "rrule" in {f.name for f in dataclasses.fields(tool.command)}:
                values["rrule"] = when.rrule
        elif field.name in arguments and kind in (str, int):
            values[field.name] = _coerce(kind, arguments[field.name], field.name)
    if tool.command is c.CreateReminder:
        _no_time_in_task(str(values.get("text", "")), now=now, tz=tz, lang=lang)
    try:
        return tool.command(**values)
    except TypeError as error:
        raise ToolError(f"missing argument for {tool.spec.name}") from error


def _whole_phrase_read(
    phrase: str, span: tuple[int, int], *, now: datetime, tz: str, lang: str
) -> None:
    """Refuse a time phrase read only in part ("every 3rd at 9" read as "at 9")."""
    rest = f"{phrase[: span[0]]} {phrase[span[1] :]}"
    if names_repeat_left(rest, lang) or find_when(rest, now=now, tz=tz, lang=lang):
        raise ToolError(f"only part of {phrase!r} reads as one time; ask the user")


def _no_time_in_task(text: str, *, now: datetime, tz: str, lang: str) -> None:
    """Refuse a reminder whose text still names a time: the model may have split it wrongly."""
    found = find_when(text, now=now, tz=tz, lang=lang)
    if names_repeat_left(text, lang) or (found is not None and found.kind != "recurring"):
        raise ToolError(f"the text {text!r} still names a time: put all of it in 'when'")


def _coerce(kind: type[Any], value: Any, name: str) -> Any:
    if kind is int:
        try:
            return int(value)
        except (TypeError, ValueError) as error:
            raise ToolError(f"{name} must be a number") from error
    text = " ".join(str(value).split())
    if not text:
        raise ToolError(f"{name} is empty")
    return text[:300]
