"""The list: open items with their steps; add, done, and "break it into tiny steps"."""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import HTMLResponse, Response

from nudge.accounts.roles import Scope
from nudge.commands import AddTodo, BreakDown, CompleteTodo
from nudge.features.todos import views as todos
from nudge.store.tables import MAX_ID
from nudge.web.dashboard.door import carry_out, said_of
from nudge.web.dashboard.paths import back_path
from nudge.web.dashboard.rendering import back_to, page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Reader = Annotated[Viewer, Depends(viewer(Scope.OWN_READ))]
Writer = Annotated[Viewer, Depends(viewer(Scope.OWN_WRITE))]
HERE: Final = "/app/todos"


@router.get("/todos", response_class=HTMLResponse)
async def listing(request: Request, person: Reader, services: ServicesDep) -> HTMLResponse:
    """The open items, in the order "list" numbers them, each with its steps."""
    async with services.db.transaction() as session:
        items = await todos.open_with_steps(session, user_id=person.user_id)
    return page(
        request,
        "todos.html",
        viewer=person,
        locale=person.locale,
        title=words(person.locale)["todos_title"],
        here="todos",
        back_path=HERE,
        items=items,
    )


@router.post("/todos")
async def add(
    person: Writer, services: ServicesDep, text: Annotated[str, Form(min_length=1, max_length=500)]
) -> Response:
    """Add an item, as "add … to my list" does."""
    command = AddTodo(" ".join(text.split()))
    outcome = await carry_out(services, user_id=person.user_id, command=command)
    return back_to(HERE, said_of(outcome))


@router.post("/todos/break-down")
async def break_down(
    person: Writer, services: ServicesDep, task: Annotated[str, Form(min_length=1, max_length=500)]
) -> Response:
    """Split the listed item number ``task`` into tiny steps, as "break down 2" does.

    The offline template: no model call from a page (the SMS path asks one first).
    """
    outcome = await carry_out(services, user_id=person.user_id, command=BreakDown(task))
    return back_to(HERE, said_of(outcome))


@router.post("/todos/{todo_id}/done")
async def done(
    person: Writer,
    services: ServicesDep,
    todo_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    back: Annotated[str, Form(max_length=200)] = HERE,
) -> Response:
    """An item (or a step: the next one opens) is done."""
    outcome = await carry_out(services, user_id=person.user_id, command=CompleteTodo(todo_id))
    return back_to(back_path(back), said_of(outcome))
