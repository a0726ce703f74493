"""The account tables (``accounts/``): what the web side keeps to know who is asking.

Apart from ``tables.py`` so each part of the accounts work has its own place; every table
module is gathered in ``store/schema.py``, which migrations and tests read.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String, Text
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
