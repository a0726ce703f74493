"""A refused page in a browser: to the sign-in page (401), or a kind "not for you" (403)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from nudge.web.dashboard.rendering import back_to, page
from nudge.web.dashboard.texts import from_accept_language, words
from nudge.web.dashboard.viewer import Refused

SIGN_IN = "/app/sign-in"


async def refused(request: Request, error: Exception) -> Response:
    """The answer to ``Refused``: sign in first, or this page is not yours."""
    assert isinstance(error, Refused)  # registered for that class only
    if error.status == 401:
        return back_to(SIGN_IN)
    locale = from_accept_language(request.headers.get("Accept-Language", ""))
    key = "stale_form" if error.stale_form else "not_allowed"
    title = words(locale)[f"{key}_title"]
    return page(
        request, "not_allowed.html", viewer=None, locale=locale, status=403, title=title, key=key
    )
