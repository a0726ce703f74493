"""The dashboard's cookies: the access and refresh tokens (HttpOnly) and the CSRF token.

All are ``SameSite=Lax``. ``Secure`` only when ``NUDGE_PUBLIC_URL`` is https: a browser
drops a Secure cookie set over plain http, and the embedded default serves
http://127.0.0.1:8000 (a browser treats localhost as secure, but 127.0.0.1 on another port
or a LAN address is not). The access cookie goes to every path (the API and /app); the
refresh token only to ``/api/v1/auth``, where it is used. The CSRF cookie is readable by
the page, which sends it back in ``X-CSRF-Token`` (``web/auth/csrf.py``).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Final

from fastapi import Response

from nudge.accounts.sessions import SignedIn

ACCESS_COOKIE: Final = "nudge_access"
REFRESH_COOKIE: Final = "nudge_refresh"
CSRF_COOKIE: Final = "nudge_csrf"
TICKET_COOKIE: Final = "nudge_ticket"  # a texted link passed, a second factor is owed
AUTH_PATH: Final = "/api/v1/auth"


def secure_cookies(public_url: str) -> bool:
    """Whether cookies are marked Secure: only when the public URL is https."""
    return public_url.strip().lower().startswith("https://")


def _seconds(until: datetime, now: datetime) -> int:
    return max(int((until - now).total_seconds()), 0)


def new_csrf_token() -> str:
    """A fresh CSRF token (random; the cookie and the header must match)."""
    return secrets.token_urlsafe(24)


def set_csrf_cookie(response: Response, token: str, *, secure: bool, max_age: int) -> None:
    """The CSRF cookie, readable by the page (not HttpOnly)."""
    response.set_cookie(
        CSRF_COOKIE, token, max_age=max_age, path="/", secure=secure, httponly=False,
        samesite="lax",
    )  # fmt: skip


def set_session_cookies(
    response: Response, signed: SignedIn, *, secure: bool, now: datetime, csrf: str | None
) -> None:
    """Sign the browser in: access and refresh cookies, and a CSRF cookie (kept if given)."""
    refresh_age = _seconds(signed.refresh_expires_at, now)
    response.set_cookie(
        ACCESS_COOKIE, signed.access_token, max_age=_seconds(signed.access_expires_at, now),
        path="/", secure=secure, httponly=True, samesite="lax",
    )  # fmt: skip
    response.set_cookie(
        REFRESH_COOKIE, signed.refresh_token, max_age=refresh_age, path=AUTH_PATH,
        secure=secure, httponly=True, samesite="lax",
    )  # fmt: skip
    set_csrf_cookie(response, csrf or new_csrf_token(), secure=secure, max_age=refresh_age)
    clear_ticket_cookie(response, secure=secure)


def clear_session_cookies(response: Response, *, secure: bool) -> None:
    """Sign the browser out: every sign-in cookie removed."""
    response.delete_cookie(ACCESS_COOKIE, path="/", secure=secure, httponly=True, samesite="lax")
    response.delete_cookie(
        REFRESH_COOKIE, path=AUTH_PATH, secure=secure, httponly=True, samesite="lax"
    )
    response.delete_cookie(CSRF_COOKIE, path="/", secure=secure, samesite="lax")
    clear_ticket_cookie(response, secure=secure)


def set_ticket_cookie(response: Response, ticket: str, *, secure: bool, max_age: int) -> None:
    """Hold a second-factor ticket for the dashboard's next step (HttpOnly)."""
    response.set_cookie(
        TICKET_COOKIE, ticket, max_age=max_age, path=AUTH_PATH, secure=secure, httponly=True,
        samesite="lax",
    )  # fmt: skip


def clear_ticket_cookie(response: Response, *, secure: bool) -> None:
    """Drop the ticket cookie (used, or no longer needed)."""
    response.delete_cookie(
        TICKET_COOKIE, path=AUTH_PATH, secure=secure, httponly=True, samesite="lax"
    )
