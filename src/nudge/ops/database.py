"""Connection details for the backup tools, and per-table row counts to check restores."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

TABLES_SQL = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"


@dataclass(frozen=True)
class PgTarget:
    """Where a PostgreSQL database is, in the forms libpq tools and asyncpg take."""

    host: str
    port: int
    user: str
    password: str
    database: str

    def args(self) -> list[str]:
        """``pg_dump``/``pg_restore`` connection flags (the password goes in the environment)."""
        return ["-h", self.host, "-p", str(self.port), "-U", self.user, "-d", self.database]

    def env(self) -> dict[str, str]:
        """Extra environment for the libpq tools."""
        return {"PGPASSWORD": self.password} if self.password else {}

    def connect_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``asyncpg.connect``."""
        return {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "password": self.password or None,
            "database": self.database,
        }


def is_sqlite(url: str) -> bool:
    """Whether ``url`` names the embedded SQLite store."""
    return url.startswith("sqlite")


def pg_target(url: str) -> PgTarget:
    """Parse a SQLAlchemy PostgreSQL URL (any driver)."""
    parsed = make_url(url)
    if not parsed.get_backend_name().startswith("postgresql") or not parsed.database:
        raise ValueError("expected a postgresql://…/database URL")
    return PgTarget(
        host=parsed.host or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password or "",
        database=parsed.database,
    )


def sqlite_path(url: str) -> Path:
    """The file of a SQLite URL."""
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ValueError("expected a sqlite file URL")
    return Path(database)


def safe_url(url: str) -> str:
    """``url`` with its password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def pg_counts(connection: asyncpg.Connection) -> dict[str, int]:
    """Rows in every table of the public schema."""
    names = [row["tablename"] for row in await connection.fetch(TABLES_SQL)]
    counts: dict[str, int] = {}
    for name in names:
        query = f"SELECT count(*) FROM public.{_quoted(name)}"
        counts[name] = int(await connection.fetchval(query))
    return counts


async def pg_counts_at(target: PgTarget) -> dict[str, int]:
    """Rows in every table of ``target`` now."""
    connection = await asyncpg.connect(**target.connect_kwargs())
    try:
        return await pg_counts(connection)
    finally:
        await connection.close()


def sqlite_counts(path: Path) -> dict[str, int]:
    """Rows in every table of a SQLite file (SQLite's own tables excluded)."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        ).fetchall()
        return {
            name: int(connection.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0])
            for (name,) in rows
        }
    finally:
        connection.close()
