"""Access tokens: signed, scoped to Nudge, expiring by the injected clock, rotatable keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from nudge.accounts import access_tokens
from nudge.accounts.access_tokens import InvalidTokenError
from nudge.accounts.roles import SCOPES, SERVICE_SCOPES, Role, Scope, scopes_of
from nudge.accounts.signing_keys import SigningKeyError, configured_keys

KEY = b"k" * 32
OTHER = b"o" * 32
NOW = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)


def _token(key: bytes = KEY, now: datetime = NOW) -> str:
    token, _ = access_tokens.mint(key, user_id=7, session_id="s1", role="user", now=now)
    return token


def test_a_fresh_token_says_who_and_until_when() -> None:
    token, expires = access_tokens.mint(KEY, user_id=7, session_id="s1", role="admin", now=NOW)
    claims = access_tokens.verify(token, [KEY], now=NOW + timedelta(minutes=14, seconds=59))
    assert (claims.user_id, claims.session_id, claims.role) == (7, "s1", "admin")
    assert claims.expires_at == expires == NOW + timedelta(minutes=15)


def test_it_expires_after_fifteen_minutes_of_the_injected_clock() -> None:
    with pytest.raises(InvalidTokenError, match="expired"):
        access_tokens.verify(_token(), [KEY], now=NOW + timedelta(minutes=15))


def test_another_key_or_a_tampered_token_is_refused() -> None:
    with pytest.raises(InvalidTokenError):
        access_tokens.verify(_token(OTHER), [KEY], now=NOW)
    header, payload, signature = _token().split(".")
    forged = jwt.encode({"sub": "8"}, b"x" * 32).split(".")[1]
    with pytest.raises(InvalidTokenError):
        access_tokens.verify(f"{header}.{forged}.{signature}", [KEY], now=NOW)
    with pytest.raises(InvalidTokenError):
        access_tokens.verify("not-a-token", [KEY], now=NOW)


def test_unsigned_or_foreign_tokens_are_refused() -> None:
    claims = {"sub": "7", "sid": "s", "role": "admin", "iat": 0, "exp": 2**40}
    unsigned = jwt.encode({**claims, "iss": "nudge", "aud": "nudge-web"}, "", algorithm="none")
    with pytest.raises(InvalidTokenError):
        access_tokens.verify(unsigned, [KEY], now=NOW)
    foreign = jwt.encode({**claims, "iss": "elsewhere", "aud": "nudge-web"}, KEY)
    with pytest.raises(InvalidTokenError):
        access_tokens.verify(foreign, [KEY], now=NOW)
    missing_session = jwt.encode(
        {"sub": "7", "role": "u", "iat": 0, "exp": 2**40, "iss": "nudge", "aud": "nudge-web"}, KEY
    )
    with pytest.raises(InvalidTokenError):
        access_tokens.verify(missing_session, [KEY], now=NOW)


def test_a_rotated_key_still_accepts_what_the_old_one_signed() -> None:
    assert access_tokens.verify(_token(OTHER), [KEY, OTHER], now=NOW).user_id == 7


def test_configured_keys_are_a_list_of_long_secrets() -> None:
    assert configured_keys(f" {'a' * 32} ,{'b' * 40}") == (b"a" * 32, b"b" * 40)
    assert configured_keys("") == ()
    with pytest.raises(SigningKeyError):
        configured_keys("short")


def test_roles_grant_scopes_by_the_matrix() -> None:
    assert Scope.ADMIN_READ not in scopes_of("user")
    assert Scope.USAGE_READ in scopes_of("premium")
    assert Scope.ADMIN_WRITE not in SCOPES[Role.PREMIUM]
    assert SCOPES[Role.ADMIN] >= SCOPES[Role.PREMIUM] >= SCOPES[Role.USER]
    assert scopes_of("superuser") == frozenset()
    assert frozenset({Scope.ADMIN_READ}) == SERVICE_SCOPES
