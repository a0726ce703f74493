"""Signing in on the dashboard: the phone, the texted code, a second factor when enrolled.

Forms on ``accounts`` service functions (the same ones as ``/api/v1/auth``), so the codes,
the limits, the lockout and the audit log are the sign-in's own; this module only carries
the steps: the phone typed rides to the code step in a short HttpOnly cookie scoped to
``/app/sign-in`` (never in a URL, where logs would keep it), and so does a second-factor
ticket. Every post checks the double-submit CSRF token the page set (no other site can sign
a browser in). The answer never depends on whether the number is a person's.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from nudge.accounts import codes, sessions
from nudge.accounts.rate_limits import Limited
from nudge.accounts.roles import Scope
from nudge.accounts.sign_in import Refused, SecondFactorRequired, complete_second_factor
from nudge.channels.phones import InvalidPhoneError, mask_phone, normalize_phone
from nudge.web.auth.client import client_of, locale_of, web_text
from nudge.web.auth.cookies import (
    CSRF_COOKIE,
    clear_session_cookies,
    secure_cookies,
    set_session_cookies,
)
from nudge.web.auth.csrf import csrf_passes
from nudge.web.dashboard import sign_in_steps as steps
from nudge.web.dashboard.rendering import back_to, forget_signed_in_hint, page
from nudge.web.dashboard.texts import known, words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
HOME: Final = "/app"
START: Final = "/app/sign-in"
SECOND_STEP: Final = f"{START}/second-factor"
LINK_SECOND_FACTOR: Final = "/api/v1/auth/dashboard/second-factor"
Code = Annotated[str, Form(max_length=12)]


def signed_out_locale(request: Request, lang: str | None = None) -> str:
    """A signed-out page's language: the one asked for, else the browser's (never the number's)."""
    return known(lang) if lang else locale_of(request)


def _step(request: Request, template: str, *, status: int = 200, **values: object) -> HTMLResponse:
    locale = signed_out_locale(request, request.query_params.get("lang"))
    title = words(locale)["sign_in_title"]
    return page(request, template, viewer=None, locale=locale, title=title, status=status, **values)


def _problem(request: Request, template: str, text: str, status: int, **values: object) -> Response:
    return _step(request, template, status=status, problem=text, **values)


@router.get("/sign-in", response_class=HTMLResponse)
async def phone_page(
    request: Request, lang: Annotated[str | None, Query(max_length=5)] = None
) -> HTMLResponse:
    """Step 1: the number the person texts Nudge from."""
    return _step(request, "sign_in.html", lang_asked=lang)


@router.post("/sign-in")
async def send_code(
    request: Request, services: ServicesDep, phone: Annotated[str, Form(max_length=32)]
) -> Response:
    """Text a code to the number, if it is a person's: the same answer either way."""
    locale = signed_out_locale(request)
    if not await csrf_passes(request):
        return _problem(request, "sign_in.html", web_text(locale, "csrf"), 403)
    try:
        number = normalize_phone(phone)
    except InvalidPhoneError:
        return _problem(request, "sign_in.html", words(locale)["sign_in_bad_phone"], 422)
    async with services.db.transaction() as session:
        outcome = await codes.request_code(
            session, phone=number, client=client_of(request), now=services.clock.now(),
            public_url=services.settings.public_url,
        )  # fmt: skip
    if isinstance(outcome, Limited):
        text = web_text(locale, "limited", minutes=steps.minutes(outcome.retry_after))
        return _problem(request, "sign_in.html", text, 429)
    if outcome.outbox_id is not None:
        services.outbox_queued()
    response = back_to(f"{START}/code")
    steps.keep(response, steps.PHONE, number, secure=_secure(services), seconds=steps.CODE_SECONDS)
    return response


@router.get("/sign-in/code", response_class=HTMLResponse)
async def code_page(request: Request) -> Response:
    """Step 2: the code the person was just texted."""
    number = request.cookies.get(steps.PHONE)
    if not number:
        return back_to(START)
    return _step(request, "sign_in_code.html", masked=mask_phone(number))


@router.post("/sign-in/code")
async def check_code(request: Request, services: ServicesDep, code: Code) -> Response:
    """A session (cookies, then Today), a second factor to give, or why not."""
    locale, number = signed_out_locale(request), request.cookies.get(steps.PHONE)
    if not number:
        return back_to(START)
    masked = mask_phone(number)
    if not await csrf_passes(request):
        return _problem(request, "sign_in_code.html", web_text(locale, "csrf"), 403, masked=masked)
    now = services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await codes.verify_code(
            session, phone=number, code=code.strip(), client=client_of(request), now=now,
            factors=services.second_factors, keys=keys,
        )  # fmt: skip
    if isinstance(outcome, Refused):
        text = steps.refusal_text(outcome, locale, invalid="code_invalid")
        return _problem(request, "sign_in_code.html", text, steps.status_of(outcome), masked=masked)
    if isinstance(outcome, SecondFactorRequired):
        response = back_to(f"{START}/second-factor")
        seconds = steps.seconds_until(outcome.expires_at, now)
        steps.keep(
            response, steps.TICKET, outcome.ticket, secure=_secure(services), seconds=seconds
        )
        steps.forget(response, steps.PHONE)
        return response
    return _signed_in(request, services, outcome)


@router.get("/sign-in/second-factor", response_class=HTMLResponse)
async def second_factor_page(
    request: Request,
    via: Annotated[Literal["code", "link"], Query()] = "code",
    refused: Annotated[Literal["invalid", "paused", "limited"] | None, Query()] = None,
) -> Response:
    """Step 3, when enrolled: the code of the authenticator app (or a recovery code).

    After a texted link the ticket is the sign-in's own cookie, which only its path gets:
    the form posts there (``pages/continuing.py``).
    """
    if via == "code" and not request.cookies.get(steps.TICKET):
        return back_to(START)
    action = LINK_SECOND_FACTOR if via == "link" else SECOND_STEP
    problem = None
    if refused is not None:
        problem = steps.refusal_text(
            Refused(refused), signed_out_locale(request), invalid="ticket_invalid"
        )
    return _step(request, "sign_in_second.html", action=action, problem=problem)


@router.post("/sign-in/second-factor")
async def check_second_factor(request: Request, services: ServicesDep, code: Code) -> Response:
    """The second factor passed: a session; else why not."""
    locale, ticket = signed_out_locale(request), request.cookies.get(steps.TICKET)
    if not ticket:
        return back_to(START)
    if not await csrf_passes(request):
        return _problem(
            request, "sign_in_second.html", web_text(locale, "csrf"), 403, action=SECOND_STEP
        )
    now = services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await complete_second_factor(
            session, ticket=ticket, code=code.strip(), client=client_of(request), now=now,
            factors=services.second_factors, keys=keys,
        )  # fmt: skip
    if isinstance(outcome, Refused):
        text = steps.refusal_text(outcome, locale, invalid="ticket_invalid")
        return _problem(
            request, "sign_in_second.html", text, steps.status_of(outcome), action=SECOND_STEP
        )
    return _signed_in(request, services, outcome)


def _secure(services: ServicesDep) -> bool:
    return secure_cookies(services.settings.public_url)


def _signed_in(request: Request, services: ServicesDep, signed: sessions.SignedIn) -> Response:
    """The session's cookies (the page's CSRF token kept), and on to Today."""
    response = back_to(HOME)
    set_session_cookies(
        response, signed, secure=_secure(services), now=services.clock.now(),
        csrf=request.cookies.get(CSRF_COOKIE),
    )  # fmt: skip
    steps.forget(response, steps.PHONE)
    steps.forget(response, steps.TICKET)
    return response


@router.post("/sign-out")
async def sign_out(
    person: Annotated[Viewer, Depends(viewer(Scope.OWN_READ))], services: ServicesDep
) -> Response:
    """End this session (its tokens stop working at once) and clear the cookies."""
    session_id = person.principal.session_id
    if session_id is not None:
        async with services.db.transaction() as session:
            await sessions.sign_out(
                session, user_id=person.user_id, session_id=session_id, now=services.clock.now()
            )
    response = back_to(START)
    clear_session_cookies(response, secure=_secure(services))
    forget_signed_in_hint(response)
    return response
