"""During the tests, every ORM write of a status is checked against its table's lifecycle.

``store/states.py`` lists the moves each table allows; a Core ``UPDATE`` states its move
through ``Lifecycle.move``. This guard covers the rest: an attribute set on a loaded row
(``occurrence.state = …``) must be an allowed move, and a new row must start in an allowed
state. Any other write fails the test that made it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm.base import NEVER_SET, NO_VALUE

from nudge.store import states
from nudge.store.tables import Message, Occurrence, Outbox, Reminder, Todo

WATCHED: list[tuple[InstrumentedAttribute[Any], states.Lifecycle[Any]]] = [
    (Message.status, states.MESSAGES),
    (Outbox.status, states.OUTBOX),
    (Reminder.state, states.REMINDERS),
    (Occurrence.state, states.OCCURRENCES),
    (Todo.status, states.TODOS),
]


def _checker(kind: type[StrEnum], lifecycle: states.Lifecycle[Any]) -> Any:
    def check(target: object, value: object, old: object, _initiator: object) -> None:
        new = kind(str(value))
        if old in (NO_VALUE, NEVER_SET, None):
            if inspect(target).persistent:
                return  # a loaded row whose old state was not read: nothing to compare
            if new not in lifecycle.starts:
                raise states.IllegalMoveError(f"a new {kind.__name__} row starts as {new}")
            return
        lifecycle.move(kind(str(old)), new)

    return check


def install() -> None:
    """Check every status write from now on (idempotent)."""
    for attribute, lifecycle in WATCHED:
        kind = attribute.property.columns[0].type.enum_class
        listener = _CHECKERS.setdefault(id(attribute), _checker(kind, lifecycle))
        if not event.contains(attribute, "set", listener):
            event.listen(attribute, "set", listener)


_CHECKERS: dict[int, Any] = {}
