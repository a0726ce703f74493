"""Access tokens: short-lived signed JWTs (HS256) that say who is asking and for how long.

A token names the person (``sub``), their role when it was issued, and the sign-in session
it belongs to (``sid``), so signing out can revoke it before it expires. Expiry is checked
here against the injected clock, not by PyJWT against the wall clock, so it is tested by
moving a fake clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

import jwt

ACCESS_TTL: Final = timedelta(minutes=15)
ISSUER: Final = "nudge"
AUDIENCE: Final = "nudge-web"
ALGORITHM: Final = "HS256"
_REQUIRED: Final = ("sub", "sid", "role", "iat", "exp", "iss", "aud")


class InvalidTokenError(ValueError):
    """A token that is malformed, forged, for someone else, or expired."""


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a valid access token says."""

    user_id: int
    session_id: str
    role: str
    expires_at: datetime


def mint(
    key: bytes, *, user_id: int, session_id: str, role: str, now: datetime
) -> tuple[str, datetime]:
    """A signed access token for the person, and when it expires."""
    expires = now + ACCESS_TTL
    claims = {
        "sub": str(user_id),
        "sid": session_id,
        "role": role,
        "iat": int(now.timestamp()),
        "exp": int(expires.timestamp()),
        "iss": ISSUER,
        "aud": AUDIENCE,
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM), expires


def verify(token: str, keys: Sequence[bytes], *, now: datetime) -> AccessClaims:
    """The claims of a token signed by one of ``keys`` and not yet expired at ``now``."""
    claims = _decode(token, keys)
    try:
        expires = datetime.fromtimestamp(int(claims["exp"]), tz=now.tzinfo)
        user_id = int(claims["sub"])
    except (TypeError, ValueError, OverflowError, OSError) as exc:
        raise InvalidTokenError("claims") from exc
    if now >= expires:
        raise InvalidTokenError("expired")
    return AccessClaims(user_id, str(claims["sid"]), str(claims["role"]), expires)


def _decode(token: str, keys: Sequence[bytes]) -> dict[str, Any]:
    for key in keys:
        try:
            decoded: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=ISSUER,
                options={"require": list(_REQUIRED), "verify_exp": False, "verify_iat": False},
            )
        except jwt.InvalidSignatureError:
            continue
        except jwt.PyJWTError as exc:
            raise InvalidTokenError(type(exc).__name__) from exc
        return decoded
    raise InvalidTokenError("signature")
