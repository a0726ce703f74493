"""Signing in and sessions: one-time secrets, sessions, their refresh tokens, attempts.

``sign_in_secrets`` keeps the SHA-256 of each texted code, texted link and second-factor
ticket; ``auth_sessions`` one row per signed-in browser (the access token's ``sid``);
``refresh_tokens`` every refresh token of a session, so one presented twice is recognised;
``sign_in_attempts`` what the rate limits and the lockout count (accounts/).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import nudge.store.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_WHEN = nudge.store.types.UTCDateTime(timezone=True)
PURPOSES = ("code", "link", "ticket")
KINDS = ("code_requested", "failed")


def _one_of(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def upgrade() -> None:
    op.create_table(
        "sign_in_secrets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("expires_at", _WHEN, nullable=False),
        sa.Column("used_at", _WHEN, nullable=True),
        sa.CheckConstraint(
            f"purpose IN ({_one_of(PURPOSES)})", name=op.f("ck_sign_in_secrets_purpose")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sign_in_secrets_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_secrets")),
    )  # fmt: skip
    op.create_index("ix_sign_in_secrets_digest", "sign_in_secrets", ["digest"])
    op.create_index("ix_sign_in_secrets_expires_at", "sign_in_secrets", ["expires_at"])
    op.create_index(
        "ix_sign_in_secrets_user_purpose_created",
        "sign_in_secrets",
        ["user_id", "purpose", "created_at"],
    )
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("last_used_at", _WHEN, nullable=False),
        sa.Column("expires_at", _WHEN, nullable=False),
        sa.Column("revoked_at", _WHEN, nullable=True),
        sa.Column("revoked_reason", sa.String(length=24), nullable=True),
        sa.Column("second_factor_at", _WHEN, nullable=True),
        sa.Column("ip", sa.String(length=45), nullable=True),
        sa.Column("user_agent", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_auth_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_sessions")),
    )  # fmt: skip
    op.create_index("ix_auth_sessions_user_id", "auth_sessions", ["user_id"])
    op.create_index("ix_auth_sessions_expires_at", "auth_sessions", ["expires_at"])
    op.create_table(
        "refresh_tokens",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("used_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"], ["auth_sessions.id"],
            name=op.f("fk_refresh_tokens_session_id_auth_sessions"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_refresh_tokens")),
    )  # fmt: skip
    op.create_index("ix_refresh_tokens_session_id", "refresh_tokens", ["session_id"])
    op.create_index("ix_refresh_tokens_used_at", "refresh_tokens", ["used_at"])
    op.create_table(
        "sign_in_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("network", sa.String(length=45), nullable=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.CheckConstraint(f"kind IN ({_one_of(KINDS)})", name=op.f("ck_sign_in_attempts_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_attempts")),
    )
    op.create_index("ix_sign_in_attempts_created_at", "sign_in_attempts", ["created_at"])
    op.create_index(
        "ix_sign_in_attempts_phone_kind_created",
        "sign_in_attempts",
        ["phone", "kind", "created_at"],
    )
    op.create_index(
        "ix_sign_in_attempts_network_kind_created",
        "sign_in_attempts",
        ["network", "kind", "created_at"],
    )


def downgrade() -> None:
    op.drop_table("sign_in_attempts")  # dropping a table drops its indexes
    op.drop_table("refresh_tokens")
    op.drop_table("auth_sessions")
    op.drop_table("sign_in_secrets")
