"""Settings: time zone, language, quiet hours, the morning briefing and evening check-in.

One small form per setting, each its own Command through the door (the SMS ones: "timezone
…", "quiet hours …", "briefing at …"), so each change is confirmed on its own and "undo"
reverses the last one where SMS can.
"""

from __future__ import annotations

from datetime import time
from functools import cache
from typing import Annotated, Final, Literal
from zoneinfo import available_timezones

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from nudge.accounts.roles import Scope
from nudge.commands import Command, SetBriefing, SetQuietHours, SetTimezone
from nudge.features.users import views as people
from nudge.web.dashboard.door import carry_out, said_of
from nudge.web.dashboard.rendering import back_to, page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Reader = Annotated[Viewer, Depends(viewer(Scope.OWN_READ))]
Writer = Annotated[Viewer, Depends(viewer(Scope.OWN_WRITE))]
Clock = Annotated[str, Form(max_length=5)]
HERE: Final = "/app/settings"
REGIONS: Final = (
    "Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/",
    "Indian/", "Pacific/",
)  # fmt: skip


@cache
def zones() -> tuple[str, ...]:
    """The zones offered while typing (any IANA name is accepted): regions' cities, and UTC."""
    return ("UTC", *sorted(zone for zone in available_timezones() if zone.startswith(REGIONS)))


async def _current(services: ServicesDep, user_id: int) -> people.SettingsView:
    async with services.db.transaction() as session:
        current = await people.settings_of(session, user_id=user_id)
    assert current is not None  # noqa: S101 - the viewer was just read
    return current


async def _form(
    request: Request, person: Viewer, services: ServicesDep, *, problem: str | None = None
) -> HTMLResponse:
    user = await _current(services, person.user_id)
    status = 422 if problem else 200
    return page(
        request,
        "settings.html",
        viewer=person,
        locale=person.locale,
        title=words(person.locale)["settings_title"],
        here="settings",
        back_path=HERE,
        current=user,
        zones=zones(),
        problem=problem,
        status=status,
    )


@router.get("/settings", response_class=HTMLResponse)
async def settings(request: Request, person: Reader, services: ServicesDep) -> HTMLResponse:
    """The settings page."""
    return await _form(request, person, services)


async def _change(services: ServicesDep, person: Viewer, command: Command) -> Response:
    outcome = await carry_out(services, user_id=person.user_id, command=command)
    return back_to(HERE, said_of(outcome))


def _clock(value: str) -> time | None:
    """A time field's ``HH:MM`` (empty: none); ValueError when it is not a time."""
    return time.fromisoformat(value) if value.strip() else None


@router.post("/settings/timezone")
async def timezone(
    request: Request,
    person: Writer,
    services: ServicesDep,
    zone: Annotated[str, Form(max_length=64)],
) -> Response:
    """Move to another zone; reminders keep their local times."""
    chosen = zone.strip()
    if chosen not in available_timezones():
        problem = words(person.locale)["settings_zone_unknown"]
        return await _form(request, person, services, problem=problem)
    return await _change(services, person, SetTimezone(chosen))


@router.post("/settings/quiet-hours")
async def quiet_hours(
    request: Request, person: Writer, services: ServicesDep, start: Clock = "", end: Clock = ""
) -> Response:
    """Set the nightly window with no texts; both empty turns it off."""
    try:
        begins, ends = _clock(start), _clock(end)
    except ValueError:
        return await _form(request, person, services, problem=_bad_time(person))
    if (begins is None) != (ends is None):
        return await _form(request, person, services, problem=_bad_time(person))
    return await _change(services, person, SetQuietHours(begins, ends))


@router.post("/settings/briefing/{kind}")
async def briefing(
    request: Request,
    person: Writer,
    services: ServicesDep,
    kind: Literal["morning", "evening"],
    at: Clock = "",
) -> Response:
    """Move the morning briefing or evening check-in, or turn it off (empty)."""
    try:
        chosen = _clock(at)
    except ValueError:
        return await _form(request, person, services, problem=_bad_time(person))
    return await _change(services, person, SetBriefing(kind, chosen))


def _bad_time(person: Viewer) -> str:
    return words(person.locale)["settings_time_unread"]
