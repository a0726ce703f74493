"""Rate limits per phone: until when the "texting faster than I can keep up" notice is not repeated.

The counts themselves need nothing new: they read the ``(user_id, created_at)`` index of
``messages`` (see conversation/rate_limit.py). Until when no other notice goes out (the
notice's time plus its limit's window) is kept on the dialogue row, which the handler already reads and locks for every message.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import nudge.store.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversation_state", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "rate_quiet_until", nudge.store.types.UTCDateTime(timezone=True), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("conversation_state", schema=None) as batch_op:
        batch_op.drop_column("rate_quiet_until")
