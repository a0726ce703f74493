"""The answers of the sign-in routes: a session (tokens or cookies), a ticket, a refusal."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from fastapi import Request, Response
from fastapi.responses import JSONResponse

from nudge.accounts.sessions import SignedIn
from nudge.accounts.sign_in import Outcome, Refused, SecondFactorRequired
from nudge.bootstrap import Services
from nudge.web.auth.client import locale_of, web_text
from nudge.web.auth.cookies import CSRF_COOKIE, secure_cookies, set_session_cookies
from nudge.web.routes.auth_schemas import SecondFactorOut, SignedInOut, SignInProblem

_STATUS = {"invalid": 401, "paused": 429, "limited": 429}


def locale(request: Request, services: Services) -> str:
    """The language of the web answers: the browser's, never the typed number's owner's."""
    return locale_of(request, default=services.settings.default_locale)


def _minutes(wait: timedelta) -> int:
    return max(math.ceil(wait.total_seconds() / 60), 1)


def refusal(refused: Refused, *, request: Request, services: Services, invalid: str) -> Response:
    """401 for a wrong or spent secret (``invalid``: its text), 429 with Retry-After."""
    language = locale(request, services)
    wait = refused.retry_after
    if refused.reason == "invalid" or wait is None:
        body = SignInProblem(detail=web_text(language, invalid), reason="invalid")
        return JSONResponse(body.model_dump(), status_code=401)
    seconds = max(math.ceil(wait.total_seconds()), 1)
    text = web_text(language, refused.reason, minutes=_minutes(wait))
    body = SignInProblem(detail=text, reason=refused.reason, retry_after_seconds=seconds)
    headers = {"Retry-After": str(seconds)}
    return JSONResponse(body.model_dump(), status_code=_STATUS[refused.reason], headers=headers)


def signed_out(*, request: Request, services: Services) -> Response:
    """401: the refresh token is unknown, reused, or its session ended."""
    text = web_text(locale(request, services), "signed_out")
    body = SignInProblem(detail=text, reason="signed_out")
    return JSONResponse(body.model_dump(), status_code=401)


def session_answer(
    signed: SignedIn, *, request: Request, services: Services, cookie: bool, now: datetime
) -> Response:
    """The session: its tokens in the body, or in HttpOnly cookies (then none in the body)."""
    body = SignedInOut(
        session_id=signed.session_id,
        access_token=None if cookie else signed.access_token,
        access_expires_at=signed.access_expires_at,
        refresh_token=None if cookie else signed.refresh_token,
        refresh_expires_at=signed.refresh_expires_at,
    )
    response = JSONResponse(body.model_dump(mode="json"))
    if cookie:
        set_session_cookies(
            response, signed, secure=secure_cookies(services.settings.public_url), now=now,
            csrf=request.cookies.get(CSRF_COOKIE),
        )  # fmt: skip
    return response


def outcome_answer(
    outcome: Outcome,
    *,
    request: Request,
    services: Services,
    cookie: bool,
    now: datetime,
    invalid: str,
) -> Response:
    """The answer to a sign-in step, whichever way it went."""
    if isinstance(outcome, Refused):
        return refusal(outcome, request=request, services=services, invalid=invalid)
    if isinstance(outcome, SecondFactorRequired):
        body = SecondFactorOut(ticket=outcome.ticket, expires_at=outcome.expires_at)
        return JSONResponse(body.model_dump(mode="json"))
    return session_answer(outcome, request=request, services=services, cookie=cookie, now=now)
