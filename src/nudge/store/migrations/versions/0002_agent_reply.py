"""Agent turns outside the message's transaction: the last tool's reply kept on the message.

``messages.agent_reply`` is what the stalled-turn sweep sends when a turn never ends, and the
``(status, created_at)`` index is how it finds those messages (see conversation/agent_turn.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 21:33:54.811787
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agent_reply", sa.Text(), nullable=True))
        batch_op.create_index("ix_messages_status_created", ["status", "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index("ix_messages_status_created")
        batch_op.drop_column("agent_reply")
