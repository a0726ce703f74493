"""Signing in to the dashboard (the phone, the texted code, a second factor when enrolled)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from nudge.web.dashboard.rendering import page
from nudge.web.dashboard.texts import from_accept_language, known, words

router = APIRouter()


def signed_out_locale(request: Request, lang: str | None) -> str:
    """A signed-out page's language: the one asked for, else the browser's."""
    if lang:
        return known(lang)
    return from_accept_language(request.headers.get("Accept-Language", ""))


@router.get("/sign-in", response_class=HTMLResponse)
async def sign_in(
    request: Request, lang: Annotated[str | None, Query(max_length=5)] = None
) -> HTMLResponse:
    """The sign-in page."""
    locale = signed_out_locale(request, lang)
    title = words(locale)["sign_in_title"]
    return page(request, "sign_in.html", viewer=None, locale=locale, title=title)
