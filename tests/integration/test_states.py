"""The lifecycles of store/states.py: well formed, enforced on writes during the tests."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.commands import AddTodo
from nudge.store import states
from nudge.store.states import IllegalMoveError, OccurrenceState, TodoStatus
from nudge.store.tables import Todo
from tests.integration.memory_helpers import run_as
from tests.state_guard import WATCHED


@pytest.mark.parametrize(("attribute", "lifecycle"), WATCHED, ids=lambda value: str(value))
def test_every_state_is_reachable_from_a_start(attribute: Any, lifecycle: Any) -> None:
    kind = attribute.property.columns[0].type.enum_class
    reached, frontier = set(lifecycle.starts), list(lifecycle.starts)
    while frontier:
        for following in lifecycle.moves.get(frontier.pop(), ()):
            if following not in reached:
                reached.add(following)
                frontier.append(following)
    assert reached == set(kind)
    assert all(isinstance(state, kind) for state in lifecycle.moves)


def test_a_move_not_listed_is_refused() -> None:
    assert states.OCCURRENCES.move(OccurrenceState.PENDING, OccurrenceState.SENT) == "sent"
    assert states.TODOS.allows(TodoStatus.DONE, TodoStatus.DONE)  # staying put
    with pytest.raises(IllegalMoveError):
        states.OCCURRENCES.move(OccurrenceState.MISSED, OccurrenceState.SENT)
    with pytest.raises(IllegalMoveError):
        states.TODOS.move(TodoStatus.LATER, TodoStatus.DONE)


async def test_an_orm_write_of_a_move_not_listed_fails_the_test(services: Services) -> None:
    await run_as(services, "+15145550001", AddTodo("taxes"))
    async with services.db.transaction() as session:
        todo = (await session.execute(select(Todo))).scalar_one()
        todo.status = TodoStatus.DONE  # open → done: allowed
        with pytest.raises(IllegalMoveError):
            todo.status = TodoStatus.LATER  # done → later is not a move
    with pytest.raises(IllegalMoveError):
        Todo(user_id=1, text="x", status=TodoStatus.DONE)  # a new item never starts done
