"""Reminders can be paused: ``reminders.state`` accepts ``paused`` too.

The CHECK constraint of 0003 is replaced (a landed revision is never edited); the values
are written out here, as 0003 does. Nothing else changes: a paused reminder keeps its row,
its pending firings are cancelled, and resuming books the next one.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 20:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BEFORE = ("active", "done", "cancelled")
AFTER = ("active", "paused", "done", "cancelled")


def _replace(values: tuple[str, ...]) -> None:
    allowed = ", ".join(f"'{value}'" for value in values)
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_reminders_state"), type_="check")
        batch_op.create_check_constraint(op.f("ck_reminders_state"), f"state IN ({allowed})")


def upgrade() -> None:
    _replace(AFTER)


def downgrade() -> None:
    op.execute("UPDATE reminders SET state = 'active' WHERE state = 'paused'")
    _replace(BEFORE)
