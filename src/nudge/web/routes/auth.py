"""``/api/v1/auth``: sign in (texted code, password, passkey), second factor, refresh, sign out.

JSON in and out. Each route parses, calls one ``accounts`` service in one transaction, and
maps its outcome; a refusal is committed with what it counted (a wrong code stays counted).
With ``cookie: true`` a sign-in answers with HttpOnly cookies and no tokens in the body
(the dashboard); without, the tokens are in the body (an app, or a script). The texted
link's page and button are ``web/routes/auth_link.py``. See docs/accounts.md.
"""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Body, HTTPException, Request, Response

from nudge.accounts import codes, passkey_sign_in, password_sign_in, refresh, sessions
from nudge.accounts.passkeys import RelyingParty
from nudge.accounts.rate_limits import Limited
from nudge.accounts.sign_in import Refused, complete_second_factor
from nudge.channels.phones import InvalidPhoneError, normalize_phone
from nudge.web.auth.client import client_of, web_text
from nudge.web.auth.cookies import (
    REFRESH_COOKIE,
    TICKET_COOKIE,
    clear_session_cookies,
    secure_cookies,
)
from nudge.web.auth.csrf import csrf_passes
from nudge.web.auth.principal import CurrentPrincipal
from nudge.web.deps import ServicesDep
from nudge.web.routes import auth_answers
from nudge.web.routes.auth_schemas import (
    CodeIn,
    CodeSentOut,
    PasskeySignInIn,
    PasswordIn,
    PhoneIn,
    RefreshIn,
    SecondFactorIn,
    SecondFactorOut,
    SessionOut,
    SessionsOut,
    SignedInOut,
    SignedOutOut,
    answers,
)

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
SIGN_IN: Final = SignedInOut | SecondFactorOut


def _phone(raw: str) -> str:
    try:
        return normalize_phone(raw)
    except InvalidPhoneError as error:
        raise HTTPException(status_code=400, detail=str(error)) from error


@router.post(
    "/sms-code", status_code=202, response_model=CodeSentOut,
    responses=answers("phone", "slow_down"),
)  # fmt: skip
async def request_sms_code(body: PhoneIn, request: Request, services: ServicesDep) -> Response:
    """Text a sign-in code to the number, if it is a person's: the same answer either way."""
    phone, now = _phone(body.phone), services.clock.now()
    async with services.db.transaction() as session:
        outcome = await codes.request_code(
            session, phone=phone, client=client_of(request), now=now,
            public_url=services.settings.public_url,
        )  # fmt: skip
    if isinstance(outcome, Limited):
        refused = Refused("limited", outcome.retry_after)
        return auth_answers.refusal(refused, request=request, services=services, invalid="")
    if outcome.outbox_id is not None:
        services.outbox_queued()
    text = web_text(auth_answers.locale(request, services), "code_sent")
    sent = CodeSentOut(detail=text, expires_in_seconds=int(codes.CODE_TTL.total_seconds()))
    return Response(sent.model_dump_json(), status_code=202, media_type="application/json")


@router.post(
    "/sms-code/verify", response_model=SIGN_IN,
    responses=answers("phone", "refused", "slow_down"),
)  # fmt: skip
async def verify_sms_code(body: CodeIn, request: Request, services: ServicesDep) -> Response:
    """Sign in with the texted code: a session, or a ticket for the second factor."""
    phone, now = _phone(body.phone), services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await codes.verify_code(
            session, phone=phone, code=body.code, client=client_of(request), now=now,
            factors=services.second_factors, keys=keys,
        )  # fmt: skip
    return auth_answers.outcome_answer(
        outcome, request=request, services=services, cookie=body.cookie, now=now,
        invalid="code_invalid",
    )  # fmt: skip


@router.post(
    "/password", response_model=SIGN_IN,
    responses=answers("body", "refused", "slow_down"),
)  # fmt: skip
async def sign_in_with_password(
    body: PasswordIn, request: Request, services: ServicesDep
) -> Response:
    """Sign in with an email and password: a session, or a ticket for the second factor."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await password_sign_in.sign_in_with_password(
            session, email=body.email, password=body.password, client=client_of(request),
            now=now, factors=services.second_factors, keys=keys,
        )  # fmt: skip
    return auth_answers.outcome_answer(
        outcome, request=request, services=services, cookie=body.cookie, now=now,
        invalid="password_invalid",
    )  # fmt: skip


@router.post(
    "/passkey/verify", response_model=SIGN_IN,
    responses=answers("body", "refused", "slow_down"),
)  # fmt: skip
async def sign_in_with_passkey(
    body: PasskeySignInIn, request: Request, services: ServicesDep
) -> Response:
    """Sign in with a passkey's answer: a session, or a ticket for the second factor."""
    now, party = services.clock.now(), RelyingParty.from_public_url(services.settings.public_url)
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await passkey_sign_in.sign_in_with_passkey(
            session, response=body.credential, party=party, client=client_of(request),
            now=now, factors=services.second_factors, keys=keys,
        )  # fmt: skip
    return auth_answers.outcome_answer(
        outcome, request=request, services=services, cookie=body.cookie, now=now,
        invalid="passkey_invalid",
    )  # fmt: skip


@router.post(
    "/second-factor", response_model=SignedInOut,
    responses=answers("body", "refused", "slow_down"),
)  # fmt: skip
async def second_factor(body: SecondFactorIn, request: Request, services: ServicesDep) -> Response:
    """Finish a sign-in with a second factor, for the ticket (body, or the ticket cookie)."""
    ticket, now = body.ticket or request.cookies.get(TICKET_COOKIE, ""), services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await complete_second_factor(
            session, ticket=ticket, code=body.code, client=client_of(request), now=now,
            factors=services.second_factors, keys=keys,
        )  # fmt: skip
    cookie = body.cookie or TICKET_COOKIE in request.cookies
    return auth_answers.outcome_answer(
        outcome, request=request, services=services, cookie=cookie, now=now,
        invalid="ticket_invalid",
    )  # fmt: skip


@router.post(
    "/refresh", response_model=SignedInOut,
    responses=answers("body", "refused", "forbidden"),
)  # fmt: skip
async def refresh_session(
    request: Request, services: ServicesDep, body: Annotated[RefreshIn | None, Body()] = None
) -> Response:
    """New tokens for a refresh token (once each; a reused one ends its session)."""
    given = body.refresh_token if body is not None else None
    cookie = given is None
    if cookie and not await csrf_passes(request):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token")
    token, now = given or request.cookies.get(REFRESH_COOKIE, ""), services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await refresh.rotate(session, refresh_token=token, now=now, keys=keys)
    if isinstance(outcome, str):
        response = auth_answers.signed_out(request=request, services=services)
        if cookie:
            clear_session_cookies(response, secure=secure_cookies(services.settings.public_url))
        return response
    as_cookie = cookie or (body is not None and body.cookie)
    return auth_answers.session_answer(
        outcome, request=request, services=services, cookie=as_cookie, now=now
    )


@router.post(
    "/sign-out", status_code=204, response_class=Response,
    responses={204: {"description": "Signed out."}, **answers("unauthorized", "forbidden")},
)  # fmt: skip
async def sign_out(principal: CurrentPrincipal, services: ServicesDep) -> Response:
    """End this session: its tokens stop working at once."""
    person, now = principal.person_id, services.clock.now()
    async with services.db.transaction() as session:
        await sessions.sign_out(
            session, user_id=person, session_id=principal.session_id or "", now=now
        )
    response = Response(status_code=204)
    clear_session_cookies(response, secure=secure_cookies(services.settings.public_url))
    return response


@router.post(
    "/sign-out-everywhere", response_model=SignedOutOut,
    responses=answers("unauthorized", "forbidden"),
)  # fmt: skip
async def sign_out_everywhere(principal: CurrentPrincipal, services: ServicesDep) -> Response:
    """End every session of the person, this one too."""
    person, now = principal.person_id, services.clock.now()
    async with services.db.transaction() as session:
        ended = await sessions.sign_out_everywhere(session, user_id=person, now=now)
    body = SignedOutOut(signed_out=ended).model_dump_json()
    response = Response(body, media_type="application/json")
    clear_session_cookies(response, secure=secure_cookies(services.settings.public_url))
    return response


@router.get("/sessions", response_model=SessionsOut, responses=answers("unauthorized", "forbidden"))
async def list_sessions(principal: CurrentPrincipal, services: ServicesDep) -> SessionsOut:
    """The person's active sessions, most recently used first (this one is ``current``)."""
    person, now = principal.person_id, services.clock.now()
    async with services.db.transaction() as session:
        live = await sessions.active(session, user_id=person, now=now)
    return SessionsOut(
        sessions=[
            SessionOut(
                id=view.id, current=view.id == principal.session_id, method=view.method,
                created_at=view.created_at, last_used_at=view.last_used_at,
                expires_at=view.expires_at, second_factor=view.second_factor, ip=view.ip,
                user_agent=view.user_agent,
            )
            for view in live
        ]
    )  # fmt: skip
