"""One reminder's buttons: done, snooze, pause, resume, delete; and its edit page.

Each is the id-addressed Command the API uses too (``CompleteReminder``, ``PauseReminder``…),
through the door, so the change, its reply and its undo are the ones SMS and the API get.
A reminder that is not the person's answers as one that does not exist: the command finds
nothing of theirs and says so.
"""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response

from nudge.accounts.roles import Scope
from nudge.commands import (
    Command,
    CompleteReminder,
    DeleteReminder,
    EditReminder,
    PauseReminder,
    ResumeReminder,
    SnoozeReminder,
)
from nudge.features.reminders import views as reminders
from nudge.store.tables import MAX_ID
from nudge.web.dashboard.door import carry_out, said_of
from nudge.web.dashboard.moments import Moments
from nudge.web.dashboard.paths import back_path
from nudge.web.dashboard.phrases import Understood, understood
from nudge.web.dashboard.rendering import back_to, page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Reader = Annotated[Viewer, Depends(viewer(Scope.OWN_READ))]
Writer = Annotated[Viewer, Depends(viewer(Scope.OWN_WRITE))]
ReminderId = Annotated[int, Path(ge=1, le=MAX_ID)]
Back = Annotated[str, Form(max_length=200)]
Words = Annotated[str, Form(max_length=500)]
LIST: Final = "/app/reminders"


async def _run(services: ServicesDep, person: Viewer, command: Command, back: str) -> Response:
    outcome = await carry_out(services, user_id=person.user_id, command=command)
    return back_to(back_path(back), said_of(outcome))


@router.post("/reminders/{reminder_id}/done")
async def done(
    person: Writer, services: ServicesDep, reminder_id: ReminderId, back: Back = LIST
) -> Response:
    """Its firing waiting for "done" (or its next one) is done."""
    return await _run(services, person, CompleteReminder(reminder_id), back)


@router.post("/reminders/{reminder_id}/snooze")
async def snooze(
    person: Writer, services: ServicesDep, reminder_id: ReminderId, back: Back = LIST
) -> Response:
    """Text it again in 10 minutes."""
    return await _run(services, person, SnoozeReminder(reminder_id, 10), back)


@router.post("/reminders/{reminder_id}/pause")
async def pause(
    person: Writer, services: ServicesDep, reminder_id: ReminderId, back: Back = LIST
) -> Response:
    """No more firings until it is resumed."""
    return await _run(services, person, PauseReminder(reminder_id), back)


@router.post("/reminders/{reminder_id}/resume")
async def resume(
    person: Writer, services: ServicesDep, reminder_id: ReminderId, back: Back = LIST
) -> Response:
    """Firing again, from its next time after now."""
    return await _run(services, person, ResumeReminder(reminder_id), back)


@router.post("/reminders/{reminder_id}/delete")
async def delete(
    person: Writer, services: ServicesDep, reminder_id: ReminderId, back: Back = LIST
) -> Response:
    """Gone (undo brings it back)."""
    return await _run(services, person, DeleteReminder(reminder_id), back)


async def _edit_page(
    request: Request,
    person: Viewer,
    services: ServicesDep,
    reminder_id: int,
    *,
    heard: Understood | None = None,
    typed: tuple[str, str] | None = None,
) -> HTMLResponse:
    now = services.clock.now()
    async with services.db.transaction() as session:
        reminder = await reminders.one(session, user_id=person.user_id, reminder_id=reminder_id)
    if reminder is None:
        raise HTTPException(status_code=404)
    text, when = typed if typed is not None else (reminder.text, "")
    return page(
        request,
        "reminder_edit.html",
        viewer=person,
        locale=person.locale,
        title=words(person.locale)["edit_title"],
        here="reminders",
        back_path=f"{LIST}/{reminder_id}/edit",
        reminder=reminder,
        typed_text=text,
        typed_when=when,
        heard=heard,
        moments=Moments(now, person.timezone, person.locale),
        status=200 if heard is None else 422,
    )


@router.get("/reminders/{reminder_id}/edit", response_class=HTMLResponse)
async def edit_page(
    request: Request, person: Reader, services: ServicesDep, reminder_id: ReminderId
) -> HTMLResponse:
    """Its words and its time, to change."""
    return await _edit_page(request, person, services, reminder_id)


@router.post("/reminders/{reminder_id}/edit")
async def edit(
    request: Request,
    person: Writer,
    services: ServicesDep,
    reminder_id: ReminderId,
    text: Annotated[str, Form(min_length=1, max_length=500)],
    when: Words = "",
) -> Response:
    """New words, and a new time when one is written (read like the box reads it)."""
    task = " ".join(text.split())
    if not when.strip():
        return await _run(services, person, EditReminder(reminder_id, text=task), LIST)
    heard = await understood(services, person, f"{task} {when.strip()}")
    if heard.reminder is None:
        return await _edit_page(
            request, person, services, reminder_id, heard=heard, typed=(text, when)
        )
    command = EditReminder(
        reminder_id, text=task, at=heard.reminder.at, rrule=heard.reminder.rrule, rrule_changed=True
    )
    return await _run(services, person, command, LIST)
