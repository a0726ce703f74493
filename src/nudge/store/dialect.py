"""The few statements whose SQL differs between PostgreSQL and SQLite."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.sql.dml import Insert


def insert_ignore_statement(
    session: AsyncSession, table: Any, conflict_columns: Sequence[str]
) -> Insert:
    """``INSERT … ON CONFLICT (cols) DO NOTHING`` for the session's dialect, values to come.

    Execute it with a list of row dicts for a batched insert.
    """
    name = session.bind.dialect.name if session.bind is not None else "sqlite"
    return insert_ignore_for(name, table, conflict_columns)


def insert_ignore_for(dialect: str, table: Any, conflict_columns: Sequence[str]) -> Insert:
    """``INSERT … ON CONFLICT (cols) DO NOTHING`` for the dialect named (no session needed)."""
    module: Any = postgresql if dialect == "postgresql" else sqlite
    statement: Insert = module.insert(table).on_conflict_do_nothing(
        index_elements=list(conflict_columns)
    )
    return statement


def insert_ignore(
    session: AsyncSession,
    table: type[DeclarativeBase],
    values: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    conflict_columns: Sequence[str],
) -> Insert:
    """``INSERT … ON CONFLICT (cols) DO NOTHING`` of ``values`` for the session's dialect."""
    return insert_ignore_statement(session, table, conflict_columns).values(values)


_RETURNING_ID: dict[tuple[str, str, tuple[str, ...]], Insert] = {}


def insert_ignore_returning_id(
    session: AsyncSession, table: Any, conflict_columns: Sequence[str]
) -> Insert:
    """``INSERT … ON CONFLICT (cols) DO NOTHING RETURNING id``, built once per dialect.

    Execute it with one row's values: the new row's id, or no row on a conflict.
    """
    name = session.bind.dialect.name if session.bind is not None else "sqlite"
    key = (name, table.name, tuple(conflict_columns))
    if key not in _RETURNING_ID:
        statement = insert_ignore_statement(session, table, conflict_columns)
        _RETURNING_ID[key] = statement.returning(table.c.id)
    return _RETURNING_ID[key]
