"""Under ``/api/v1/auth``, where the sign-in's cookies go: staying signed in, 2FA after a link.

A dashboard page whose 15-minute access token ran out continues here.

The refresh token lives in a cookie sent only to ``/api/v1/auth`` (where the sign-in uses
it), so the dashboard's own refresh is a form posted there: ``POST /api/v1/auth/dashboard``
with the page's CSRF token and the page to go back to. It rotates the refresh token (the
sign-in's ``refresh.rotate``), sets the new cookies and sends the browser back with a 303;
an ended or reused session goes to the sign-in page. The refused page posts it by itself
(``static/continue.js``); without JavaScript, the person presses "Continue".

A texted link for a person with a second factor leaves its ticket in the ``nudge_ticket``
cookie (also only sent here) and lands on ``/app?second_factor=required``: the dashboard's
second-factor page posts its code to ``/api/v1/auth/dashboard/second-factor``.
"""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from nudge.accounts import refresh
from nudge.accounts.sign_in import Refused, complete_second_factor
from nudge.web.auth.client import client_of
from nudge.web.auth.cookies import (
    AUTH_PATH,
    CSRF_COOKIE,
    REFRESH_COOKIE,
    TICKET_COOKIE,
    clear_session_cookies,
    secure_cookies,
    set_session_cookies,
)
from nudge.web.auth.csrf import csrf_passes
from nudge.web.dashboard.paths import back_path
from nudge.web.dashboard.rendering import back_to, forget_signed_in_hint
from nudge.web.deps import ServicesDep

router = APIRouter(prefix=AUTH_PATH, include_in_schema=False)
CONTINUE: Final = f"{AUTH_PATH}/dashboard"
SIGN_IN: Final = "/app/sign-in"
LINK_STEP: Final = "/app/sign-in/second-factor?via=link"


@router.post("/dashboard")
async def continue_session(
    request: Request, services: ServicesDep, back: Annotated[str, Form(max_length=200)] = "/app"
) -> Response:
    """New tokens for the browser's refresh cookie, then back to the dashboard page."""
    token = request.cookies.get(REFRESH_COOKIE)
    if not token or not await csrf_passes(request):
        response = back_to(SIGN_IN)
        forget_signed_in_hint(response)
        return response
    now, secure = services.clock.now(), secure_cookies(services.settings.public_url)
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await refresh.rotate(session, refresh_token=token, now=now, keys=keys)
    if isinstance(outcome, str):  # unknown, ended, or reused: sign in again
        response = back_to(SIGN_IN)
        clear_session_cookies(response, secure=secure)
        forget_signed_in_hint(response)
        return response
    response = back_to(back_path(back))
    set_session_cookies(
        response, outcome, secure=secure, now=now, csrf=request.cookies.get(CSRF_COOKIE)
    )
    return response


@router.post("/dashboard/second-factor")
async def second_factor_after_link(
    request: Request, services: ServicesDep, code: Annotated[str, Form(max_length=12)]
) -> Response:
    """The second factor owed after a texted link: a session, or the step again."""
    ticket = request.cookies.get(TICKET_COOKIE)
    if not ticket or not await csrf_passes(request):
        return back_to(SIGN_IN)
    now, secure = services.clock.now(), secure_cookies(services.settings.public_url)
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await complete_second_factor(
            session, ticket=ticket, code=code.strip(), client=client_of(request), now=now,
            factors=services.second_factors, keys=keys,
        )  # fmt: skip
    if isinstance(outcome, Refused):
        return back_to(f"{LINK_STEP}&refused={outcome.reason}")
    response = back_to("/app")
    set_session_cookies(
        response, outcome, secure=secure, now=now, csrf=request.cookies.get(CSRF_COOKIE)
    )  # the ticket cookie is cleared with it
    return response
