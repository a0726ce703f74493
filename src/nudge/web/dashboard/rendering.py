"""Pages from Jinja2 templates, each with the words, language and navigation it needs.

Autoescaping is on for every template (a person's reminder text is shown as text, never as
markup), and an unknown name in a template is an error, so a missing catalog key fails the
tests instead of showing an empty label.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from nudge.web.dashboard import said
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer

TEMPLATES: Final = Path(__file__).parent / "templates"
CSRF_COOKIE: Final = "nudge_csrf"  # the sign-in's double-submit token (web/auth)
ENVIRONMENT: Final = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
PAGES: Final = ("today", "reminders", "todos", "memory", "history", "settings")


def csrf_token(request: Request) -> str:
    """The token every form posts back beside the cookie (double submit)."""
    return request.cookies.get(CSRF_COOKIE, "")


def page(
    request: Request,
    template: str,
    *,
    viewer: Viewer | None,
    locale: str,
    status: int = 200,
    **values: Any,
) -> HTMLResponse:
    """``template`` rendered for ``viewer`` (None on the signed-out pages), in ``locale``."""
    shown = said.heard(request)
    body = ENVIRONMENT.get_template(template).render(
        t=words(locale),
        locale=locale,
        viewer=viewer,
        pages=PAGES,
        here=values.pop("here", ""),
        csrf=csrf_token(request),
        said=shown,
        **values,
    )
    response = HTMLResponse(body, status_code=status)
    if shown is not None:
        said.forget(response)
    return response


def back_to(path: str, shown: said.Said | None = None) -> RedirectResponse:
    """The 303 after a post: the browser loads ``path`` (a GET), showing ``shown`` once."""
    response = RedirectResponse(path, status_code=303)
    if shown is not None:
        said.keep(response, shown)
    return response
