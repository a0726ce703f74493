"""The web dashboard at ``/app``: server-rendered pages for a person, and the admin console.

Jinja2 templates, with htmx (vendored in ``static/``, no build step) for a live preview and
for swapping pages without a reload; every form also works without JavaScript (a post, then
a 303 back to a page). ``install`` adds it to the app: the pages, the static files, the
security headers and the HTML answer to a refused page.
"""

from __future__ import annotations

from fastapi import FastAPI

from nudge.web.dashboard.headers import SecurityHeadersMiddleware
from nudge.web.dashboard.refusals import refused
from nudge.web.dashboard.routes import STATIC_PATH, router, static_files
from nudge.web.dashboard.viewer import Refused


def install(app: FastAPI) -> None:
    """Serve the dashboard from ``app``."""
    app.include_router(router)
    app.mount(STATIC_PATH, static_files, name="dashboard-static")
    app.add_exception_handler(Refused, refused)
    app.add_middleware(SecurityHeadersMiddleware)
