"""The store's engine settings that the rest of the code relies on."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import func, select, text

from nudge.store import db as store_db
from nudge.store.db import Database, create_engine
from nudge.store.migrate import upgrade
from nudge.store.tables import User
from tests.conftest import PG_ADMIN_DSN


async def test_sqlite_connection_returned_inside_a_transaction_is_rolled_back(
    tmp_path: Path,
) -> None:
    # the pool's blanket reset is off for SQLite (a thread hop per transaction); a connection
    # that comes back with a transaction open must still not keep the write lock
    db = Database(create_engine(f"sqlite+aiosqlite:///{tmp_path / 'n.db'}"))
    try:
        await upgrade(db)
        async with db.engine.connect() as connection:
            raw = await connection.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            await driver.execute("BEGIN IMMEDIATE")  # behind SQLAlchemy's back
            await driver.execute(
                "INSERT INTO users (phone, locale, locale_locked, timezone, quiet_start,"
                " quiet_end, opted_out, role, created_at)"
                " VALUES ('+15145550001', 'en', 0, 'UTC', '', '', 0, 'user', '2026-01-01')"
            )
        async with db.transaction() as session:  # would fail: nested BEGIN, or locked
            count = await session.scalar(select(func.count()).select_from(User))
        assert count == 0
    finally:
        await db.dispose()


async def test_postgresql_connection_killed_while_idle_is_replaced(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # connections are pinged only after sitting idle; a dead idle one must be replaced,
    # not handed to a transaction
    monkeypatch.setattr(store_db, "PING_AFTER_IDLE_SECONDS", 0.0)
    db = Database(create_engine(postgres_url, pool_size=1))
    try:
        async with db.transaction() as session:
            pid = await session.scalar(text("SELECT pg_backend_pid()"))
        admin = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
        try:
            assert await admin.fetchval("SELECT pg_terminate_backend($1)", pid)
        finally:
            await admin.close()
        async with db.transaction() as session:
            assert await session.scalar(text("SELECT pg_backend_pid()")) != pid
    finally:
        await db.dispose()


@pytest.mark.parametrize(("idle_limit", "pinged"), [(60.0, False), (0.0, True)])
async def test_postgresql_connection_is_pinged_only_after_sitting_idle(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, idle_limit: float, pinged: bool
) -> None:
    monkeypatch.setattr(store_db, "PING_AFTER_IDLE_SECONDS", idle_limit)
    db = Database(create_engine(postgres_url, pool_size=1))
    sent: list[str] = []  # asyncpg logs its simple queries: BEGIN, COMMIT, ROLLBACK
    try:
        async with db.transaction() as session:
            raw = await (await session.connection()).get_raw_connection()
            assert raw.driver_connection is not None
            raw.driver_connection.add_query_logger(lambda record: sent.append(record.query))
        sent.clear()
        async with db.transaction() as session:
            await session.execute(text("SELECT 1"))
        ping = ["BEGIN;", ";", "ROLLBACK;"]  # asyncpg's ping: ";" in a rolled-back transaction
        assert sent == (ping if pinged else []) + ["BEGIN;", "COMMIT;"]
    finally:
        await db.dispose()
