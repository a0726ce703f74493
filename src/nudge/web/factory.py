"""The web app built from the environment, for ``nudge serve`` and for each of its workers.

With ``NUDGE_WEB_WORKERS`` above 1, uvicorn starts that many processes on one port and each
imports ``IMPORT`` and calls it: Settings are read again from the same environment, and
whether to run the inbox, scheduler and delivery loops comes down in ``NUDGE_SERVE_LOOPS``
(set by ``nudge serve`` from ``--workers/--no-workers``; not a setting of its own).
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from nudge.bootstrap import build
from nudge.observability.logging import configure_logging
from nudge.settings import Settings
from nudge.web.app import create_app

IMPORT = "nudge.web.factory:create_from_environment"
LOOPS_VARIABLE = "NUDGE_SERVE_LOOPS"


def create_app_for(settings: Settings, *, run_workers: bool, migrate: bool) -> FastAPI:
    """The app around freshly built services for ``settings``."""
    return create_app(build(settings), run_workers=run_workers, migrate=migrate)


def hand_down(*, run_workers: bool) -> None:
    """Tell the worker processes about to start whether they run the loops."""
    os.environ[LOOPS_VARIABLE] = "1" if run_workers else "0"


def create_from_environment() -> FastAPI:
    """One uvicorn worker's app (the schema was prepared once by ``nudge serve``)."""
    settings = Settings()
    configure_logging(level=settings.log_level, json=settings.log_json)
    run_workers = os.environ.get(LOOPS_VARIABLE, "1") == "1"
    return create_app_for(settings, run_workers=run_workers, migrate=False)
