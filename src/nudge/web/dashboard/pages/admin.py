"""The admin console: people, volumes, delivery failures, outbox depth, model usage.

For ``admin:read`` (an admin who passed a second factor); the one change, a person's role,
needs ``admin:write`` and is the API's ``SetRole`` through the door (undo puts it back).

Everything comes from ``nudge.admin`` (the same queries as the admin API). Phone numbers are
shown masked: the console is for the health of the service, not for reading a person.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import HTMLResponse, Response

from nudge.accounts.roles import Scope
from nudge.admin import model_usage, people, traffic
from nudge.channels.phones import mask_phone
from nudge.commands import SetRole
from nudge.store.tables import MAX_ID
from nudge.web.dashboard.door import carry_out, said_of
from nudge.web.dashboard.moments import Moments
from nudge.web.dashboard.rendering import back_to, page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Admin = Annotated[Viewer, Depends(viewer(Scope.ADMIN_READ))]
RoleChanger = Annotated[Viewer, Depends(viewer(Scope.ADMIN_WRITE))]
LISTED = 20


@router.get("/admin", response_class=HTMLResponse)
async def console(request: Request, person: Admin, services: ServicesDep) -> HTMLResponse:
    """One page with every figure, the newest people and failures first."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        everyone = await people.people(session, limit=LISTED)
        volumes = await traffic.volumes(session, now=now, days=7)
        failures = await traffic.failures(session, limit=LISTED)
        depth = await traffic.outbox_depth(session, now=now)
        usage = await model_usage.usage(session, now=now, days=7)
    return page(
        request,
        "admin.html",
        viewer=person,
        locale=person.locale,
        title=words(person.locale)["admin_title"],
        here="admin",
        back_path="/app/admin",
        masked=mask_phone,
        moments=Moments(now, person.timezone, person.locale),
        everyone=everyone,
        volumes=volumes,
        failures=failures,
        depth=depth,
        usage=usage,
    )


@router.post("/admin/people/{person_id}/role")
async def set_role(
    person: RoleChanger,
    services: ServicesDep,
    person_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    role: Annotated[Literal["user", "premium", "admin"], Form()],
) -> Response:
    """Give someone a role (recorded in their audit log; not one's own)."""
    outcome = await carry_out(services, user_id=person.user_id, command=SetRole(person_id, role))
    return back_to("/app/admin", said_of(outcome))
