"""Pages from Jinja2 templates, each with the words, language and navigation it needs.

Autoescaping is on for every template (a person's reminder text is shown as text, never as
markup), and an unknown name in a template is an error, so a missing catalog key fails the
tests instead of showing an empty label.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from nudge.accounts.sessions import SESSION_TTL
from nudge.web.auth.cookies import CSRF_COOKIE, new_csrf_token, secure_cookies, set_csrf_cookie
from nudge.web.dashboard import said
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer

TEMPLATES: Final = Path(__file__).parent / "templates"
ENVIRONMENT: Final = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
SIGNED_IN_HINT: Final = "nudge_signed_in"
PAGES: Final = ("today", "reminders", "todos", "memory", "history", "settings")


def csrf_token(request: Request) -> tuple[str, bool]:
    """The token every form posts back beside the ``nudge_csrf`` cookie (double submit).

    The browser's own, or a new one (True: the page sets the cookie), so a form works even
    when the cookie was lost or the person signed in another way.
    """
    kept = request.cookies.get(CSRF_COOKIE)
    return (kept, False) if kept else (new_csrf_token(), True)


def keep_signed_in_hint(request: Request, response: Response) -> None:
    """Remember, for the session's lifetime, that this browser had a session here.

    The refresh cookie goes only to ``/api/v1/auth``, so a page cannot see it; this says a
    refused page may try to continue the session (``refusals.py``) instead of asking a
    person who never signed in here to sign in "again". It holds nothing but "1".
    """
    public_url: str = request.app.state.services.settings.public_url
    response.set_cookie(
        SIGNED_IN_HINT, "1", max_age=int(SESSION_TTL.total_seconds()), path="/app",
        secure=secure_cookies(public_url), httponly=True, samesite="lax",
    )  # fmt: skip


def forget_signed_in_hint(response: Response) -> None:
    """Signed out: nothing to continue."""
    response.delete_cookie(SIGNED_IN_HINT, path="/app", httponly=True, samesite="lax")


def keep_csrf(request: Request, response: Response, token: str) -> None:
    """Set the CSRF cookie a page's forms were given (readable by the page, as sign-in does)."""
    public_url: str = request.app.state.services.settings.public_url
    age = int(SESSION_TTL.total_seconds())
    set_csrf_cookie(response, token, secure=secure_cookies(public_url), max_age=age)


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
    csrf, fresh = csrf_token(request)
    body = ENVIRONMENT.get_template(template).render(
        t=words(locale),
        locale=locale,
        viewer=viewer,
        pages=PAGES,
        here=values.pop("here", ""),
        csrf=csrf,
        said=shown,
        **values,
    )
    response = HTMLResponse(body, status_code=status)
    if shown is not None:
        said.forget(response)
    if fresh:
        keep_csrf(request, response, csrf)
    if viewer is not None and SIGNED_IN_HINT not in request.cookies:
        keep_signed_in_hint(request, response)
    return response


def back_to(path: str, shown: said.Said | None = None) -> RedirectResponse:
    """The 303 after a post: the browser loads ``path`` (a GET), showing ``shown`` once."""
    response = RedirectResponse(path, status_code=303)
    if shown is not None:
        said.keep(response, shown)
    return response
