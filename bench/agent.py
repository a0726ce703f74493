"""Agent overhead per turn (everything except model time) with the scripted model.

    PYTHONPATH=. .venv/bin/python bench/agent.py [turns] [--warmup N] [--postgres DSN]

Each turn is one SMS the rules miss, through the real handler: history and memory lookup
(30 memories), budget check, two model calls (a tool call, then text) answered instantly,
the tool run, usage rows, the reply in the outbox, the commits. Runs on a fresh SQLite file,
then on a fresh PostgreSQL database when one is reachable (default DSN: the tests' one,
``NUDGE_TEST_POSTGRES_DSN``). Target: p99 < 20 ms. Also prints the SQL statements sent per
turn (SQLite's BEGIN IMMEDIATE counts; commits are not statements).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime

import asyncpg
from sqlalchemy import event
from tests.integration.memory_helpers import run_as

from nudge.agent.loop import Agent, AgentConfig
from nudge.agent.models.base import ModelReply
from nudge.agent.models.scripted import Request, ScriptedModel, call, say
from nudge.bootstrap import build
from nudge.channels.base import Inbound
from nudge.clock import FakeClock
from nudge.commands import Remember
from nudge.observability.logging import configure_logging
from nudge.settings import Settings
from nudge.store.migrate import upgrade

PHONE = "+15145550001"
PG_DSN = os.environ.get("NUDGE_TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


def script(request: Request) -> ModelReply:
    """A tool call for the user's text, then an empty answer (the tool's reply is sent)."""
    return (
        call("add_todo", text="water the plants") if request.turns[-1].role == "user" else say("")
    )


class StatementCounter:
    """Counts the SQL statements an engine sends (SQLite's BEGIN included, commits are not)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: object) -> None:
        self.count += 1


async def measure(url: str, turns: int, warmup: int) -> tuple[list[float], float]:
    """Milliseconds per handled SMS after ``warmup`` unmeasured turns, and statements per turn."""
    settings = Settings(_env_file=None, database_url=url, log_level="WARNING")
    clock = FakeClock(datetime(2026, 11, 24, 15, tzinfo=UTC))
    agent = Agent(ScriptedModel(script), AgentConfig(daily_token_budget=10**9))
    services = build(settings, clock=clock, agent=agent)
    counter = StatementCounter()
    event.listen(services.db.engine.sync_engine, "before_cursor_execute", counter)
    try:
        await upgrade(services.db)
        for n in range(30):  # a user with some memories
            await run_as(services, PHONE, Remember(f"fact number {n} about plants"))
        times = []
        for n in range(warmup + turns):
            if n == warmup:
                counter.count = 0
            inbound = Inbound(PHONE, "the plants look sad", f"SMbench{n}", "simulator", 0)
            started = time.perf_counter()
            await services.handler.handle(inbound)
            if n >= warmup:
                times.append((time.perf_counter() - started) * 1000)
    finally:
        await services.close()
    return times, counter.count / max(1, turns)


def summary(name: str, measured: tuple[list[float], float]) -> str:
    """One line: p50, p99 and max in milliseconds, and SQL statements per turn."""
    times, statements = sorted(measured[0]), measured[1]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return (
        f"{name:10} turns={len(times)} p50={statistics.median(times):.2f} ms"
        f" p99={p99:.2f} ms max={times[-1]:.2f} ms statements/turn={statements:.1f}"
        " (target p99 < 20 ms)"
    )


async def postgres_database(dsn: str) -> str | None:
    """A fresh database's asyncpg URL, or None when PostgreSQL is not reachable."""
    name = f"nudge_bench_{uuid.uuid4().hex[:10]}"
    try:
        connection = await asyncpg.connect(dsn, timeout=5)
    except (OSError, asyncpg.PostgresError):
        return None
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return dsn.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1) + f"/{name}"


async def drop_database(dsn: str, url: str) -> None:
    """Drop the bench's PostgreSQL database."""
    connection = await asyncpg.connect(dsn, timeout=5)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
    finally:
        await connection.close()


async def main(turns: int, warmup: int, dsn: str) -> None:
    """Measure on SQLite, then on PostgreSQL when reachable."""
    configure_logging(level="WARNING", json=True)
    with tempfile.TemporaryDirectory() as folder:
        measured = await measure(f"sqlite+aiosqlite:///{folder}/b.db", turns, warmup)
    print(summary("sqlite", measured))
    url = await postgres_database(dsn) if dsn else None
    if url is None:
        print("postgresql not reachable: skipped")
        return
    try:
        print(summary("postgresql", await measure(url, turns, warmup)))
    finally:
        await drop_database(dsn, url)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("turns", type=int, nargs="?", default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--postgres", default=PG_DSN, help="admin DSN; empty to skip")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.turns, arguments.warmup, arguments.postgres))
