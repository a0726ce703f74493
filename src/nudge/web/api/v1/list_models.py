"""The shapes of todos and memories in the API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nudge.features.breakdown.steps import MAX_STEP_CHARS, MAX_STEPS
from nudge.features.memory.views import MemoryView
from nudge.features.todos.views import TodoView
from nudge.web.api.v1.moments import Moment, maybe, moment
from nudge.web.api.v1.texts import Words

Status = Literal["open", "later", "done"]


class StepOut(BaseModel):
    """A step of a broken-down task: ``open`` is the current one, ``later`` waits its turn."""

    id: int
    text: str
    status: Status
    position: int
    done: Moment | None


class TodoOut(BaseModel):
    """An item of the list, with its steps."""

    id: int
    text: str
    status: Status
    priority: int
    due: Moment | None
    missed_count: int
    created: Moment
    done: Moment | None
    parent_id: int | None = Field(description="Set on a step: the task it belongs to.")
    steps: list[StepOut]


class TodoPage(BaseModel):
    """Items, newest first (``open`` items: in the order SMS "list" numbers them)."""

    items: list[TodoOut]
    next_before: int | None


class NewTodo(BaseModel):
    """An item; with ``steps``, a task broken down (the first step is open, the rest wait)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"text": "the garage", "steps": ["Clear one shelf", "Sweep the floor"]}]
        },
    )

    text: Words
    steps: list[Words] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_STEPS,
        description=f"Up to {MAX_STEPS} steps of {MAX_STEP_CHARS} characters, each a verb first.",
    )


class TodoChange(BaseModel):
    """What Nudge says of a change, and the item now."""

    said: str
    todo: TodoOut


class MemoryOut(BaseModel):
    """One remembered fact (never its embedding)."""

    id: int
    text: str
    importance: int
    tags: list[str]
    source: str
    uses: int
    created: Moment
    last_used: Moment | None


class MemoryPage(BaseModel):
    """Memories, newest first."""

    items: list[MemoryOut]
    next_before: int | None


class Found(BaseModel):
    """A memory a search found, and how well it matched."""

    memory: MemoryOut
    score: float


class Search(BaseModel):
    """Memories matching the query, best first."""

    items: list[Found]


class Said(BaseModel):
    """What Nudge says of a change (the reply it would text)."""

    said: str


def todo_out(view: TodoView, tz: str) -> TodoOut:
    """An item's read model as the API shows it."""
    steps = [
        StepOut(
            id=s.id, text=s.text, status=s.status, position=s.position, done=maybe(s.done_at, tz)
        )
        for s in view.steps
    ]
    return TodoOut(
        id=view.id,
        text=view.text,
        status=view.status,
        priority=view.priority,
        due=maybe(view.due_at, tz),
        missed_count=view.missed_count,
        created=moment(view.created_at, tz),
        done=maybe(view.done_at, tz),
        parent_id=view.parent_id,
        steps=steps,
    )


def memory_out(view: MemoryView, tz: str) -> MemoryOut:
    """A memory's read model as the API shows it."""
    return MemoryOut(
        id=view.id,
        text=view.text,
        importance=view.importance,
        tags=list(view.tags),
        source=view.source,
        uses=view.uses,
        created=moment(view.created_at, tz),
        last_used=maybe(view.last_used_at, tz),
    )
