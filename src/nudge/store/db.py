"""Engines and sessions for PostgreSQL and the embedded SQLite file."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import PoolResetState

SQLITE_BUSY_TIMEOUT_MS = 10_000
PING_AFTER_IDLE_SECONDS = 1.0


def _prepare_sqlite_file(url: str) -> None:
    """Create the folder of a SQLite file so the first run just works."""
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, a busy timeout for writers, and real foreign keys.

    The driver's own implicit BEGIN is turned off so that ``_begin_immediate`` decides.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    """Take SQLite's write lock when a transaction starts, not at its first write.

    Two processes that both read due rows and then write would otherwise collide with
    SQLITE_BUSY on the upgrade; BEGIN IMMEDIATE makes every claim a single claimer.
    """
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _rollback_if_open(dbapi_connection: Any, _record: Any, state: PoolResetState) -> None:
    """Roll back a SQLite connection returned to the pool inside a transaction.

    The pool's own reset rolls back every returned connection, a thread hop of the aiosqlite
    driver even after a commit; SQLite says whether a transaction is open at no cost.
    """
    if state.asyncio_safe and dbapi_connection.driver_connection.in_transaction:
        dbapi_connection.rollback()


def create_engine(url: str, *, pool_size: int = 10) -> AsyncEngine:
    """Build the async engine for ``url`` with the right settings for its dialect."""
    if url.startswith("sqlite"):
        _prepare_sqlite_file(url)
        engine = create_async_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            hide_parameters=True,
            pool_reset_on_return=None,  # ``_rollback_if_open`` instead
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _begin_immediate)
        event.listen(engine.sync_engine, "reset", _rollback_if_open)
        return engine
    engine = create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_recycle=1800,
        pool_use_lifo=True,
        hide_parameters=True,
    )
    event.listen(engine.sync_engine, "checkin", _note_idle)
    event.listen(engine.sync_engine, "checkout", _ping_if_idle)
    return engine


def _note_idle(_dbapi_connection: Any, record: Any) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Check a PostgreSQL connection that sat idle before use; the pool replaces a dead one.

    SQLAlchemy's ``pool_pre_ping`` pings at every checkout, three round trips with asyncpg
    (BEGIN, ``;``, ROLLBACK): more than the SQL of a short transaction. A connection back
    from use under ``PING_AFTER_IDLE_SECONDS`` ago is used as is (a server lost in that
    window fails one transaction, then the pool reconnects); a new one needs no ping.
    """
    idle_since = record.info.get("idle_since")
    if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
        return
    try:
        dbapi_connection.ping()
    except Exception as error:
        raise DisconnectionError from error  # the pool reconnects and checks out again


class Database:
    """The one handle on the store: an engine and a session factory."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """``postgresql`` or ``sqlite``."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """Open a session in a transaction that commits on success and rolls back on error."""
        async with self.sessions() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        """Close every connection (aiosqlite threads would keep the process alive otherwise)."""
        await self.engine.dispose()
