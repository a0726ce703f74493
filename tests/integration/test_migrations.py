"""The migrations build exactly the schema the models declare, on SQLite and PostgreSQL.

A model changed without a new revision (or a landed revision edited) fails here: a database
migrated to head must show no difference from ``store/tables.py`` (columns, types, indexes).
"""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from nudge.store.db import Database, create_engine
from nudge.store.migrate import current_revision, head_revision, upgrade
from nudge.store.tables import Base


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_head_schema_matches_the_models(database_url: str) -> None:
    db = Database(create_engine(database_url))
    try:
        await upgrade(db)
        assert await current_revision(db) == head_revision()
        async with db.engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await db.engine.dispose()
