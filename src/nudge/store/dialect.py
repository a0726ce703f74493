"""The few statements whose SQL differs between PostgreSQL and SQLite."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.sql.dml import Insert


def insert_ignore(
    session: AsyncSession,
    table: type[DeclarativeBase],
    values: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    conflict_columns: Sequence[str],
) -> Insert:
    """``INSERT … ON CONFLICT (cols) DO NOTHING`` for the session's dialect."""
    name = session.bind.dialect.name if session.bind is not None else "sqlite"
    module: Any = postgresql if name == "postgresql" else sqlite
    statement = module.insert(table).values(values)
    result: Insert = statement.on_conflict_do_nothing(index_elements=list(conflict_columns))
    return result
