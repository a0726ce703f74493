"""The dashboard's router: every page under ``/app``, and its static files."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from fastapi import APIRouter
from fastapi.staticfiles import StaticFiles

from nudge.web.dashboard.headers import PREFIX, STATIC
from nudge.web.dashboard.pages import (
    admin,
    changes,
    continuing,
    history,
    memory,
    reminder_changes,
    reminders,
    settings,
    sign_in,
    today,
    todos,
)

STATIC_DIR: Final = Path(__file__).parent / "static"
router = APIRouter(include_in_schema=False)
for module in (
    today,
    reminders,
    reminder_changes,
    todos,
    memory,
    history,
    settings,
    admin,
    changes,
    sign_in,
):
    router.include_router(module.router, prefix=PREFIX)
router.include_router(continuing.router)  # under /api/v1/auth, where the refresh cookie goes
static_files: Final = StaticFiles(directory=STATIC_DIR)
STATIC_PATH: Final = STATIC.rstrip("/")
