"""Who is asking, as a FastAPI dependency: a person by access token, or the operator.

Every route that touches someone's data depends on ``require(scope)``. The token comes from
``Authorization: Bearer`` (the API) or the ``nudge_access`` cookie (the dashboard); the
operator's ``NUDGE_API_TOKEN`` is a service credential with ``SERVICE_SCOPES``. The token's
session and the person's role are read from the database on every request (one
primary-key read, joined with ``users``), not trusted from the token: a session signed out,
refreshed after a reuse or expired gets 401 at once, though its token is signed for 15
minutes; a role taken away takes effect at once; an erased person's token names no one.
An admin's scopes need a session that passed a second factor (``sessions.granted_scopes``).
A cookie-signed unsafe request must carry the CSRF token (``web/auth/csrf.py``), else 403.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Request

from nudge.accounts import access_tokens, sessions
from nudge.accounts.roles import SERVICE_SCOPES, Scope
from nudge.bootstrap import Services
from nudge.web.auth.cookies import ACCESS_COOKIE
from nudge.web.auth.csrf import csrf_passes
from nudge.web.deps import ServicesDep

__all__ = ["ACCESS_COOKIE", "CurrentPrincipal", "Principal", "current_principal", "require"]
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller: a person (``user_id``) or the operator's service credential (None)."""

    user_id: int | None
    scopes: frozenset[Scope]
    session_id: str | None
    via: Literal["bearer", "cookie", "service"]

    @property
    def person_id(self) -> int:
        """The person asking; the operator is no one (403 on a person's own routes)."""
        if self.user_id is None:
            raise HTTPException(status_code=403, detail="a person's own data needs their token")
        return self.user_id


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(status_code=401, detail=detail, headers=_CHALLENGE)


def _is_operator(token: str, services: Services) -> bool:
    expected = services.settings.api_token.get_secret_value()
    return bool(expected) and hmac.compare_digest(token.encode(), expected.encode())


def _presented(request: Request) -> tuple[str, Literal["bearer", "cookie"]] | None:
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _unauthorized("use 'Authorization: Bearer <token>'")
        return token.strip(), "bearer"
    cookie = request.cookies.get(ACCESS_COOKIE)
    return (cookie, "cookie") if cookie else None


async def current_principal(request: Request, services: ServicesDep) -> Principal:
    """The caller, or 401 (no token, a bad one, an ended session) or 403 (no CSRF token)."""
    presented = _presented(request)
    if presented is None:
        raise _unauthorized("sign in first")
    token, via = presented
    if via == "bearer" and _is_operator(token, services):
        return Principal(None, SERVICE_SCOPES, None, "service")
    if via == "cookie" and not await csrf_passes(request):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token")
    now = services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        try:
            claims = access_tokens.verify(token, keys, now=now)
        except access_tokens.InvalidTokenError as exc:
            raise _unauthorized("sign in again") from exc
        live = await sessions.role_and_second_factor(
            session, session_id=claims.session_id, user_id=claims.user_id, now=now
        )
    if live is None:
        raise _unauthorized("sign in again")
    role, second_factor_at = live
    scopes = sessions.granted_scopes(role, second_factor=second_factor_at is not None)
    return Principal(claims.user_id, scopes, claims.session_id, via)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require(scope: Scope) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency: the caller, if they hold ``scope`` (else 403)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if scope not in principal.scopes:
            raise HTTPException(status_code=403, detail="not allowed")
        return principal

    return check
