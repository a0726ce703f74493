"""The whole app through ASGI, as a browser signed in to the dashboard sees it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from nudge.bootstrap import Services
from nudge.web.app import create_app
from nudge.web.auth.principal import ACCESS_COOKIE
from tests.web_auth import access_token_for

BASE = "http://nudge.test"


CSRF = "test-csrf-token-of-this-browser"


@asynccontextmanager
async def browser(
    services: Services, user_id: int | None = None, *, csrf_header: bool = True
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the app; signed in as ``user_id`` (its access cookie) when given.

    The browser holds a CSRF cookie, and sends it back as the ``X-CSRF-Token`` header unless
    ``csrf_header`` is False (then a form must carry the ``csrf_token`` field, as without JS).
    """
    transport = httpx.ASGITransport(app=create_app(services, run_workers=False))
    headers = {"X-CSRF-Token": CSRF} if csrf_header else {}
    async with httpx.AsyncClient(transport=transport, base_url=BASE, headers=headers) as client:
        client.cookies.set("nudge_csrf", CSRF, domain="nudge.test")
        if user_id is not None:
            token = await access_token_for(services, user_id)
            client.cookies.set(ACCESS_COOKIE, token, domain="nudge.test")
        yield client


def said_cookie_of(response: httpx.Response) -> str | None:
    """The reply a post left for the next page (its ``nudge_said`` cookie), if any."""
    return response.cookies.get("nudge_said")
