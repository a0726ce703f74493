"""Shared fixtures: a temp SQLite file or a per-run PostgreSQL database, and a fake clock."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import text

from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.settings import Settings
from nudge.store.migrate import upgrade
from nudge.store.schema import METADATA
from tests import state_guard

PG_ADMIN_DSN = os.environ.get(
    "NUDGE_TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_PG = os.environ.get("NUDGE_REQUIRE_POSTGRES") == "1"
START = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tue 10:00 in Toronto


async def _create_database(name: str) -> None:
    connection = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


async def _drop_database(name: str) -> None:
    connection = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


def _async_url(dsn: str, database: str) -> str:
    base = dsn.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
    return f"{base}/{database}"


@pytest.fixture(scope="session", autouse=True)
def _status_moves_are_checked() -> None:
    """Every status written during the tests must be a move its table allows."""
    state_guard.install()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test run, dropped at the end."""
    name = f"nudge_test_{uuid.uuid4().hex[:10]}"
    try:
        asyncio.run(_create_database(name))
    except (OSError, asyncpg.PostgresError) as error:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL is required (NUDGE_REQUIRE_POSTGRES=1) but failed: {error}")
        pytest.skip(f"PostgreSQL not reachable: {error}")
    url = _async_url(PG_ADMIN_DSN, name)
    migrated = build(Settings(database_url=url))
    asyncio.run(_migrate_and_close(migrated))
    yield url
    asyncio.run(_drop_database(name))


async def _migrate_and_close(services: Services) -> None:
    try:
        await upgrade(services.db)
    finally:
        await services.db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on the embedded SQLite file and on real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'nudge.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def clock() -> FakeClock:
    """Time that only moves when a test says so."""
    return FakeClock(START)


def make_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for tests: no Twilio, no .env file, quiet logs."""
    values: dict[str, object] = {
        "database_url": database_url,
        "log_level": "WARNING",
        "delivery_poll_seconds": 0.05,
        "scheduler_poll_seconds": 0.05,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


async def _clean(services: Services) -> None:
    """PostgreSQL is shared by the run: empty every table before a test."""
    if services.db.dialect != "postgresql":
        return
    names = ", ".join(f'"{table.name}"' for table in METADATA.sorted_tables)
    async with services.db.transaction() as session:
        await session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
async def services(database_url: str, clock: FakeClock) -> AsyncIterator[Services]:
    """Services on a migrated, empty store, with the simulator as the phone network."""
    built = build(make_settings(database_url), clock=clock)
    await upgrade(built.db)
    await _clean(built)
    try:
        yield built
    finally:
        await built.close()
