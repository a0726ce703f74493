"""Undo records: one serializer for all, the stored JSON unchanged, every feature's record known."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from datetime import UTC, datetime
from typing import Any

import pytest

import nudge.features
from nudge.features import undo
from nudge.features.breakdown.undo import BreakdownCreated, StepDone
from nudge.features.briefings.undo import BriefingsSet
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
from nudge.store.states import OccurrenceState, ReminderState

# Each record, and the JSON the dict-based records stored before they were typed (a change
# made before an upgrade must still be undone after it).
STORED: list[tuple[Any, dict[str, Any]]] = [
    (ReminderCreated(7), {"op": "create_reminder", "reminder_id": 7}),
    (
        ReminderCancelled(7, (3, 4), ReminderState.PAUSED),
        {"op": "cancel_reminder", "reminder_id": 7, "occurrence_ids": [3, 4], "previous": "paused"},
    ),
    (
        ReminderDone(3, OccurrenceState.SENT, ReminderState.ACTIVE, (5,), 8),
        {
            "op": "acknowledge",
            "occurrence_id": 3,
            "previous": "sent",
            "reminder_state": "active",
            "snoozes": [5],
            "following": 8,
        },
    ),
    (ReminderPaused(7, (3,)), {"op": "pause_reminder", "reminder_id": 7, "occurrence_ids": [3]}),
    (ReminderResumed(7, None), {"op": "resume_reminder", "reminder_id": 7, "booked": None}),
    (
        ReminderEdited(7, "call", datetime(2026, 11, 25, 14, 0, tzinfo=UTC), None, (3,), 9),
        {
            "op": "edit_reminder",
            "reminder_id": 7,
            "text": "call",
            "first_at": "2026-11-25T14:00:00+00:00",
            "rrule": None,
            "cancelled": [3],
            "booked": 9,
        },
    ),
    (StepDone(4, 5, None), {"op": "finish_step", "step_id": 4, "opened_id": 5, "task_id": None}),
    (
        MemoryForgotten("my code is 1", 7, ("gym",), "user"),
        {
            "op": "forget_memory",
            "text": "my code is 1",
            "importance": 7,
            "tags": ["gym"],
            "source": "user",
        },
    ),
    (ReminderSnoozed(3, 9), {"op": "snooze", "occurrence_id": 3, "again_id": 9}),
    (TodoAdded(2), {"op": "add_todo", "todo_id": 2}),
    (TodoDone(2), {"op": "complete_todo", "todo_id": 2}),
    (LanguageSet("fr"), {"op": "set_language", "previous": "fr"}),
    (BreakdownCreated(2, True), {"op": "break_down", "parent_id": 2, "with_parent": True}),
    (
        BriefingsSet("07:00", None),
        {"op": "set_briefing", "briefing_at": "07:00", "checkin_at": None},
    ),
]


@pytest.mark.parametrize(("record", "stored"), STORED, ids=lambda value: type(value).__name__)
def test_a_record_is_stored_as_before_and_read_back(record: Any, stored: dict[str, Any]) -> None:
    assert undo.to_json(record) == stored
    assert undo.from_json(stored) == record


@pytest.mark.parametrize(
    ("stored", "record"),
    [
        (
            {"op": "cancel_reminder", "reminder_id": 7, "occurrence_ids": [3]},
            ReminderCancelled(7, (3,), ReminderState.ACTIVE),
        ),
        (
            {
                "op": "acknowledge",
                "occurrence_id": 3,
                "previous": "sent",
                "reminder_state": "active",
                "snoozes": [],
            },
            ReminderDone(3, OccurrenceState.SENT, ReminderState.ACTIVE, (), None),
        ),
    ],
)
def test_a_record_stored_before_a_field_was_added_reads_with_its_default(
    stored: dict[str, Any], record: Any
) -> None:
    assert undo.from_json(stored) == record


def test_every_record_class_is_covered_here_and_registered_once() -> None:
    found = set()
    for module in pkgutil.walk_packages(nudge.features.__path__, "nudge.features."):
        if module.name.endswith(".undo") and module.name != "nudge.features.undo":
            loaded = importlib.import_module(module.name)
            found |= {
                member
                for _name, member in inspect.getmembers(loaded, inspect.isclass)
                if member.__module__ == loaded.__name__ and hasattr(member, "reverse")
            }
    assert found == set(undo.RECORDS) == {type(record) for record, _ in STORED}
    assert len({record.op for record in undo.RECORDS}) == len(undo.RECORDS)
    assert all(dataclasses.is_dataclass(record) for record in undo.RECORDS)
    assert all(record.__dataclass_params__.frozen for record in undo.RECORDS)


@pytest.mark.parametrize(
    "stored",
    [None, {}, {"op": "no_such_op"}, {"op": "add_todo"}, {"op": "snooze", "occurrence_id": 1}],
)
def test_nothing_readable_means_nothing_to_undo(stored: dict[str, Any] | None) -> None:
    assert undo.from_json(stored) is None
