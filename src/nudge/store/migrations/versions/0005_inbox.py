"""The inbox: inbound SMS accepted by the webhook, waiting for a worker to handle them.

The webhook used to understand and answer each message inside the request (about 5 ms of
CPU and nine round trips); now it stores the message here in one statement and answers
Twilio at once, and a worker claims each phone's oldest row (``ix_inbox_phone_id``) with a
lease, handles it, and deletes it. See conversation/inbox.py.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 19:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import nudge.store.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_sid", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("num_media", sa.Integer(), nullable=False),
        sa.Column("received_at", nudge.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lease_until", nudge.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox")),
        sa.UniqueConstraint("provider_sid", name=op.f("uq_inbox_provider_sid")),
    )
    op.create_index("ix_inbox_phone_id", "inbox", ["phone", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_inbox_phone_id", table_name="inbox")
    op.drop_table("inbox")
