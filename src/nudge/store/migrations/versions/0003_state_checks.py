"""Every status and state column accepts only the values of its enum (store/states.py).

One CHECK constraint per column, named ``ck_<table>_<column>`` as the models name them. The
values are written out here, not imported: a landed revision must not change when the enums
grow (a new state needs a new revision that replaces the constraint). On SQLite a CHECK can
only come with a new copy of the table (batch mode); ``store/migrate.py`` runs migrations
with foreign keys off there, so copying a table never cascades into the rows that refer to it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 09:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CHECKS = {
    ("messages", "status"): ("received", "awaiting_agent", "answered"),
    ("outbox", "status"): (
        "pending", "sending", "sent", "delivered", "read", "failed", "unknown", "cancelled",
    ),
    ("reminders", "state"): ("active", "done", "cancelled"),
    ("occurrences", "state"): (
        "pending", "sent", "snoozed", "acknowledged", "missed", "skipped", "cancelled",
    ),
    ("todos", "status"): ("open", "later", "done"),
}  # fmt: skip


def upgrade() -> None:
    for (table, column), values in CHECKS.items():
        allowed = ", ".join(f"'{value}'" for value in values)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_check_constraint(
                op.f(f"ck_{table}_{column}"), f"{column} IN ({allowed})"
            )


def downgrade() -> None:
    for table, column in reversed(CHECKS):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
