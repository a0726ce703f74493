"""The admin console: people, volumes, delivery failures, outbox depth, model usage.

Read-only, for ``admin:read`` (an admin who passed a second factor).

Everything comes from ``nudge.admin`` (the same queries as the admin API). Phone numbers are
shown masked: the console is for the health of the service, not for reading a person.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from nudge.accounts.roles import Scope
from nudge.admin import model_usage, people, traffic
from nudge.channels.phones import mask_phone
from nudge.web.dashboard.moments import Moments
from nudge.web.dashboard.rendering import page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Admin = Annotated[Viewer, Depends(viewer(Scope.ADMIN_READ))]
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
