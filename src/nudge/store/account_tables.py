"""The account tables (``accounts/``): what the web side keeps to know who is asking.

Apart from ``tables.py`` so each part of the accounts work has its own place; every table
module is gathered in ``store/schema.py``, which migrations and tests read.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from nudge.store.states import column_type
from nudge.store.tables import Base


class ServerSecret(Base):
    """A secret the server made for itself (the embedded default's token-signing key).

    Made once, by whichever process needs it first (``INSERT … ON CONFLICT DO NOTHING``, then
    read back), so every replica signs and checks with the same key. Production sets its keys
    in settings instead, and nothing is kept here.
    """

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


# --- sign-in and sessions (accounts/sign_in.py, codes.py, links.py, sessions.py, refresh.py) ---


class SecretPurpose(StrEnum):
    """What a one-time sign-in secret opens."""

    CODE = "code"  # the 6 digits texted after the web form asked (accounts/codes.py)
    LINK = "link"  # the link texted after "login" (accounts/links.py)
    TICKET = "ticket"  # a first factor passed, a second one is owed (accounts/sign_in.py)


class AttemptKind(StrEnum):
    """What a row of ``sign_in_attempts`` counts."""

    CODE_REQUESTED = "code_requested"  # a code texted (or not: same answer) on a web request
    FAILED = "failed"  # a wrong code, link, ticket or second factor


class SignInSecret(Base):
    """A one-time code, link or ticket: only its SHA-256 is kept, used once, short-lived.

    A person's newest live secret of a purpose is the only one that works (issuing another
    marks the older ones used), and it dies after ``MAX_TRIES`` wrong tries.
    """

    __tablename__ = "sign_in_secrets"
    __table_args__ = (
        Index("ix_sign_in_secrets_user_purpose_created", "user_id", "purpose", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    purpose: Mapped[SecretPurpose] = mapped_column(column_type(SecretPurpose, "purpose"))
    digest: Mapped[str] = mapped_column(String(64), index=True)
    method: Mapped[str | None] = mapped_column(String(16))  # a ticket: the first factor passed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
    used_at: Mapped[datetime | None]


class AuthSession(Base):
    """One signed-in browser or app: the access token's ``sid``, checked on every request.

    Its refresh tokens rotate (``RefreshToken``); one of them presented twice revokes it.
    ``second_factor_at`` says whether (and when) a second factor passed: an admin's scopes
    need it.
    """

    __tablename__ = "auth_sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(16))  # the first factor: sms_code, sms_link…
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime]  # the last sign-in or refresh (not every request)
    expires_at: Mapped[datetime] = mapped_column(index=True)  # slides with each refresh
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(24))
    second_factor_at: Mapped[datetime | None]
    ip: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(200))


class RefreshToken(Base):
    """A refresh token of a session, by its SHA-256: the current one, or one rotated away."""

    __tablename__ = "refresh_tokens"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("auth_sessions.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(index=True)  # rotated: never again


class SignInAttempt(Base):
    """One counted event, by phone and client network: the rate limits and the lockout.

    Keyed by the phone number typed or the person's own, whether or not it belongs to
    anyone, so the limits answer the same for a stranger's number as for a person's.
    """

    __tablename__ = "sign_in_attempts"
    __table_args__ = (
        Index("ix_sign_in_attempts_phone_kind_created", "phone", "kind", "created_at"),
        Index("ix_sign_in_attempts_network_kind_created", "network", "kind", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AttemptKind] = mapped_column(column_type(AttemptKind, "kind"))
    phone: Mapped[str | None] = mapped_column(String(20))
    network: Mapped[str | None] = mapped_column(String(45))  # an IPv4 address or IPv6 /64
    created_at: Mapped[datetime] = mapped_column(index=True)


# --- passwords, second factors, passkeys (accounts/credentials.py, totp.py, passkeys.py) ---


def _person() -> ForeignKey:
    """A reference to the person, whose erasure takes the row with it."""
    return ForeignKey("users.id", ondelete="CASCADE")


class PasswordCredential(Base):
    """A person's optional email and password (argon2 hash), for signing in on the web.

    The email is stored normalised (``accounts/credentials.normalise_email``) and unique, so a
    sign-in finds at most one person by it.
    """

    __tablename__ = "password_credentials"

    user_id: Mapped[int] = mapped_column(_person(), primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    set_at: Mapped[datetime]
    created_at: Mapped[datetime]


class TotpFactor(Base):
    """A person's TOTP second factor: pending until a first code confirms it.

    ``secret`` is sealed (``crypto/keyring.py``, bound to this row); ``last_step`` is the
    30-second step of the last code accepted, so that code, and any earlier one, is refused.
    ``failures`` counts wrong codes in a row; five block every code until ``blocked_until``.
    """

    __tablename__ = "totp_factors"

    user_id: Mapped[int] = mapped_column(_person(), primary_key=True)
    secret: Mapped[str] = mapped_column(Text)
    confirmed_at: Mapped[datetime | None]
    last_step: Mapped[int | None] = mapped_column(BigInteger)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    blocked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]


class RecoveryCode(Base):
    """One single-use recovery code, kept as a salted SHA-256 digest (never the code)."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(_person(), index=True)
    salt: Mapped[str] = mapped_column(String(32))
    digest: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class Passkey(Base):
    """A WebAuthn credential: its id and public key, the authenticator's count, and a name."""

    __tablename__ = "passkeys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(_person(), index=True)
    credential_id: Mapped[bytes] = mapped_column(LargeBinary(1023), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    sign_count: Mapped[int] = mapped_column(BigInteger)
    transports: Mapped[list[str]] = mapped_column(JSON)
    user_handle: Mapped[bytes] = mapped_column(LargeBinary(64))
    name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]


class WebauthnChallenge(Base):
    """A ceremony's challenge, single use: deleted as it is checked, refused once expired.

    Registration names the person (and the user handle its options gave); a sign-in
    challenge names no one until a passkey answers it.
    """

    __tablename__ = "webauthn_challenges"
    __table_args__ = (CheckConstraint("purpose IN ('register', 'authenticate')", name="purpose"),)

    challenge: Mapped[str] = mapped_column(String(128), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int | None] = mapped_column(_person(), index=True)
    user_handle: Mapped[bytes | None] = mapped_column(LargeBinary(64))
    expires_at: Mapped[datetime] = mapped_column(index=True)
    created_at: Mapped[datetime]
