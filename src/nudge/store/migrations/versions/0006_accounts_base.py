"""Accounts, first part: roles are checked, and the server can keep a secret of its own.

``users.role`` accepts only user, premium and admin (a CHECK, as the status columns have),
and ``server_secrets`` holds the token-signing key of a server given none in its settings
(``accounts/signing_keys.py``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 19:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import nudge.store.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ROLES = ("user", "premium", "admin")


def upgrade() -> None:
    allowed = ", ".join(f"'{value}'" for value in ROLES)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_check_constraint(op.f("ck_users_role"), f"role IN ({allowed})")
    op.create_table(
        "server_secrets",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("created_at", nudge.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_server_secrets")),
    )


def downgrade() -> None:
    op.drop_table("server_secrets")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
