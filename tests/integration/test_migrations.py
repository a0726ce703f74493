"""The migrations build exactly the schema the models declare, on SQLite and PostgreSQL.

A model changed without a new revision (or a landed revision edited) fails here: a database
migrated to head must show no difference from ``store/tables.py`` (columns, types, indexes).
"""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from nudge.store.db import Database, create_engine
from nudge.store.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    run_migrations,
    upgrade,
)
from nudge.store.schema import METADATA


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, METADATA))


async def test_head_schema_matches_the_models(database_url: str) -> None:
    db = Database(create_engine(database_url))
    try:
        await upgrade(db)
        assert await current_revision(db) == head_revision()
        async with db.engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await db.engine.dispose()


# --- 0003: a CHECK constraint per status column, rows kept on both databases ---

_ROWS = (  # a person with one of everything that the copied tables hold, and references
    "INSERT INTO users (id, phone, locale, locale_locked, timezone, quiet_start, quiet_end,"
    " opted_out, role, created_at) VALUES (1, '+15145550001', 'en', false,"
    " 'America/Toronto', '22:00', '08:00', false, 'user', '2026-11-24 15:00:00+00:00')",
    "INSERT INTO reminders (id, user_id, text, first_at, timezone, state, always, ack_required,"
    " created_at) VALUES (1, 1, 'pills', '2026-11-25 13:00:00+00:00', 'America/Toronto',"
    " 'active', false, false, '2026-11-24 15:00:00+00:00')",
    "INSERT INTO occurrences (id, reminder_id, user_id, scheduled_at, due_at, state, is_snooze,"
    " follow_ups) VALUES (1, 1, 1, '2026-11-25 13:00:00+00:00', '2026-11-25 13:00:00+00:00',"
    " 'sent', false, 0)",
    "INSERT INTO outbox (id, user_id, to_phone, body, kind, idempotency_key, status, due_at,"
    " attempts, occurrence_id, created_at) VALUES (1, 1, '+15145550001', 'Reminder: pills',"
    " 'reminder', 'occurrence:1', 'delivered', '2026-11-25 13:00:00+00:00', 1, 1,"
    " '2026-11-25 13:00:00+00:00')",
    "INSERT INTO todos (id, user_id, text, status, priority, missed_count, created_at)"
    " VALUES (1, 1, 'taxes', 'open', 0, 0, '2026-11-24 15:00:00+00:00')",
    "INSERT INTO todos (id, user_id, text, status, priority, missed_count, created_at,"
    " parent_id, position) VALUES (2, 1, 'Open the folder', 'later', 0, 0,"
    " '2026-11-24 15:00:00+00:00', 1, 1)",
    "INSERT INTO messages (id, user_id, direction, channel, provider_sid, body, num_media,"
    " status, created_at) VALUES (1, 1, 'in', 'simulator', 'SM1', 'hello', 0, 'answered',"
    " '2026-11-24 15:00:00+00:00')",
)
_KEPT = (  # what must survive the copies: every row, and every reference between them
    "SELECT (SELECT count(*) FROM reminders), (SELECT count(*) FROM occurrences),"
    " (SELECT occurrence_id FROM outbox), (SELECT parent_id FROM todos WHERE id = 2),"
    " (SELECT count(*) FROM messages)"
)


async def _migrate_to(db: Database, target: str, *, down: bool = False) -> None:
    def work(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)

    await run_migrations(db.engine, work)


async def _kept(db: Database) -> tuple[Any, ...]:
    async with db.engine.connect() as connection:
        return tuple((await connection.exec_driver_sql(_KEPT)).one())


async def test_the_state_checks_keep_every_row_and_reference(database_url: str) -> None:
    db = Database(create_engine(database_url))
    try:
        await _migrate_to(db, "base", down=True)  # PostgreSQL is shared by the run
        await _migrate_to(db, "0002")
        async with db.engine.begin() as connection:
            for statement in _ROWS:
                await connection.exec_driver_sql(statement)
        await _migrate_to(db, "0003")
        assert await _kept(db) == (1, 1, 1, 1, 1)
        await _migrate_to(db, "0002", down=True)
        assert await _kept(db) == (1, 1, 1, 1, 1)
        await _migrate_to(db, "head")
        assert await _kept(db) == (1, 1, 1, 1, 1)
    finally:
        await _migrate_to(db, "base", down=True)
        await _migrate_to(db, "head")
        await db.engine.dispose()


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("messages", "status"),
        ("outbox", "status"),
        ("reminders", "state"),
        ("occurrences", "state"),
        ("todos", "status"),
    ],
)
async def test_a_status_outside_its_enum_is_refused(
    database_url: str, table: str, column: str
) -> None:
    db = Database(create_engine(database_url))
    try:
        await upgrade(db)
        async with db.engine.begin() as connection:
            for name in ("messages", "outbox", "todos", "occurrences", "reminders", "users"):
                await connection.exec_driver_sql(f"DELETE FROM {name}")  # noqa: S608
            for statement in _ROWS:
                await connection.exec_driver_sql(statement)
        with pytest.raises(IntegrityError, match=f"ck_{table}_{column}"):
            async with db.engine.begin() as connection:
                await connection.exec_driver_sql(f"UPDATE {table} SET {column} = 'bogus'")  # noqa: S608
    finally:
        await db.engine.dispose()
