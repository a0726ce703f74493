"""A refused page in a browser: to the sign-in page (401), or a kind "not for you" (403)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from nudge.web.auth.client import locale_of
from nudge.web.dashboard.paths import back_path
from nudge.web.dashboard.rendering import SIGNED_IN_HINT, back_to, page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Refused

SIGN_IN = "/app/sign-in"
LINK_STEP = "/app/sign-in/second-factor?via=link"


async def refused(request: Request, error: Exception) -> Response:
    """The answer to ``Refused``: sign in first, or this page is not yours."""
    assert isinstance(error, Refused)  # registered for that class only
    if error.status == 401:
        return _signed_out(request)
    locale = locale_of(request)  # a refused caller may be no one: the browser's language
    key = "stale_form" if error.stale_form else "not_allowed"
    title = words(locale)[f"{key}_title"]
    return page(
        request, "not_allowed.html", viewer=None, locale=locale, status=403, title=title, key=key
    )


def _signed_out(request: Request) -> Response:
    """A browser that had a session continues it (refreshed); anyone else signs in."""
    if request.query_params.get("second_factor") == "required":  # a texted link's last step
        return back_to(LINK_STEP)
    if SIGNED_IN_HINT not in request.cookies:
        return back_to(SIGN_IN)
    if request.headers.get("HX-Request") == "true":  # htmx: reload the page, which continues
        return Response(status_code=200, headers={"HX-Refresh": "true"})
    back = back_path(request.url.path if request.method == "GET" else None)
    locale = locale_of(request)
    title = words(locale)["continue_title"]
    return page(request, "continue.html", viewer=None, locale=locale, title=title, back=back)
