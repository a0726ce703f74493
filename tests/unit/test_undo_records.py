"""Undo records: one serializer for all, the stored JSON unchanged, every feature's record known."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from typing import Any

import pytest

import nudge.features
from nudge.features import undo
from nudge.features.breakdown.undo import BreakdownCreated
from nudge.features.briefings.undo import BriefingsSet
from nudge.features.reminders.undo import (
    ReminderCancelled,
    ReminderCreated,
    ReminderDone,
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
        ReminderCancelled(7, (3, 4)),
        {"op": "cancel_reminder", "reminder_id": 7, "occurrence_ids": [3, 4]},
    ),
    (
        ReminderDone(3, OccurrenceState.SENT, ReminderState.ACTIVE, (5,)),
        {
            "op": "acknowledge",
            "occurrence_id": 3,
            "previous": "sent",
            "reminder_state": "active",
            "snoozes": [5],
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
