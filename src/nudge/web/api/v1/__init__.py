"""``/api/v1``: a person's own data, their rights, and the admin's reads (docs/api.md).

Each module holds one resource's routes; ``ROUTERS`` is the order the app includes them in
(a fixed path such as ``/reminders/upcoming`` before ``/reminders/{id}``).
"""

from __future__ import annotations

from typing import Final

from fastapi import APIRouter

from nudge.web.api.v1 import (
    admin,
    admin_people,
    day,
    me,
    memories,
    privacy,
    reminder_actions,
    reminders,
    todos,
)

PREFIX: Final = "/api/v1"
ROUTERS: Final = (
    me.router,
    privacy.router,
    day.router,
    reminders.router,
    reminder_actions.router,
    todos.router,
    memories.router,
    admin.router,
    admin_people.router,
)


def router() -> APIRouter:
    """Every ``/api/v1`` route, under its prefix."""
    api = APIRouter(prefix=PREFIX)
    for part in ROUTERS:
        api.include_router(part)
    return api
