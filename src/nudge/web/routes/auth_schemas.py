"""What the sign-in routes take and answer, for the OpenAPI schema and its clients."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final, Literal

from pydantic import BaseModel, Field

from nudge.web.routes.openapi_docs import Problem

_PHONE: Final = Field(
    min_length=1, max_length=32, description="The number, ideally E.164.", examples=["+15145550101"]
)
_COOKIE: Final = Field(
    default=False,
    description="Sign the browser in with HttpOnly cookies instead of returning the tokens.",
)


class PhoneIn(BaseModel):
    """A number to text a sign-in code to."""

    phone: str = _PHONE


class CodeIn(BaseModel):
    """The texted code, typed in."""

    phone: str = _PHONE
    code: str = Field(pattern=r"^[0-9]{6}$", description="The 6 digits texted.")
    cookie: bool = _COOKIE


class PasswordIn(BaseModel):
    """An email and password, for a person who set one (``PUT /api/v1/me/password``)."""

    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=256)
    cookie: bool = _COOKIE


class PasskeySignInIn(BaseModel):
    """The browser's answer to ``navigator.credentials.get()`` (``/auth/passkey/options``)."""

    credential: dict[str, Any]
    cookie: bool = _COOKIE


class SecondFactorIn(BaseModel):
    """A second factor, for the ticket a first factor gave (or the ticket cookie)."""

    ticket: str | None = Field(default=None, min_length=1, max_length=64)
    code: str = Field(min_length=1, max_length=64, description="A TOTP or recovery code.")
    cookie: bool = _COOKIE


class RefreshIn(BaseModel):
    """A refresh token (or none: the refresh cookie, with the CSRF header)."""

    refresh_token: str | None = Field(default=None, min_length=1, max_length=64)
    cookie: bool = _COOKIE


class CodeSentOut(BaseModel):
    """The same answer whether or not the number uses Nudge."""

    detail: str
    expires_in_seconds: int


class SignedInOut(BaseModel):
    """A session: its tokens, or (``cookie``) none here, they are in HttpOnly cookies."""

    second_factor_required: Literal[False] = False
    session_id: str
    token_type: Literal["Bearer"] = "Bearer"
    access_token: str | None
    access_expires_at: datetime
    refresh_token: str | None
    refresh_expires_at: datetime


class SecondFactorOut(BaseModel):
    """The first factor passed: send a second one with this ticket."""

    second_factor_required: Literal[True] = True
    ticket: str
    expires_at: datetime


class SignInProblem(BaseModel):
    """A refused sign-in: a kind sentence, why (for the page), and when to try again."""

    detail: str
    reason: Literal["invalid", "paused", "limited", "signed_out"]
    retry_after_seconds: int | None = None


class SessionOut(BaseModel):
    """One active session."""

    id: str
    current: bool
    method: str
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    second_factor: bool
    ip: str | None
    user_agent: str | None


class SessionsOut(BaseModel):
    """The person's active sessions, most recently used first."""

    sessions: list[SessionOut]


class SignedOutOut(BaseModel):
    """How many sessions ended."""

    signed_out: int


Answer = Literal["phone", "body", "refused", "unauthorized", "forbidden", "slow_down"]


def answers(*kinds: Answer) -> dict[int | str, dict[str, Any]]:
    """The documented refusals of a route, by kind."""
    return dict(_ANSWERS[kind] for kind in kinds)


_SLOW_DOWN: Final = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds."}}
_ANSWERS: Final[dict[Answer, tuple[int, dict[str, Any]]]] = {
    "phone": (400, {"description": "Not JSON, or not a phone number.", "model": Problem}),
    "body": (400, {"description": "The body is not JSON.", "model": Problem}),
    "refused": (401, {"description": "Wrong, used or expired.", "model": SignInProblem}),
    "unauthorized": (401, {"description": "Not signed in, or signed out.", "model": Problem}),
    "forbidden": (403, {"description": "Cookie-signed without the CSRF token, or not a "
                        "person (the operator's token).", "model": Problem}),
    "slow_down": (429, {"description": "Too many tries (paused) or requests (limited).",
                        "model": SignInProblem, "headers": _SLOW_DOWN}),
}  # fmt: skip
