"""Scheduler throughput and lateness on PostgreSQL.

    PYTHONPATH=. .venv/bin/python bench/scheduler.py [--quick]

Prints: due occurrences claimed into the outbox per second with 1 and 2 worker processes;
lateness p50/p99 at a steady 50 reminders/s; the time to claim 100,000 reminders due in the
same minute with 2 workers (target < 30 s on a 2-core machine). Uses a throwaway database
on ``NUDGE_TEST_POSTGRES_DSN`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``).
Each worker is its own process running ``fire_due`` with the default batch size, as
``nudge worker`` does.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
from sqlalchemy import text

from nudge.bootstrap import build
from nudge.clock import SystemClock
from nudge.scheduler.claim import fire_due
from nudge.settings import Settings
from nudge.store.migrate import upgrade

ADMIN = os.environ.get("NUDGE_TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
BATCH = Settings(_env_file=None).batch_size
USERS = 1000


def url_for(name: str) -> str:
    base = ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
    return f"{base}/{name}"


async def admin(sql: str) -> None:
    connection = await asyncpg.connect(ADMIN)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def reset(url: str) -> None:
    """Empty tables, then one thousand users with quiet hours off."""
    services = build(Settings(_env_file=None, database_url=url), clock=SystemClock())
    try:
        async with services.db.transaction() as session:
            await session.execute(
                text("TRUNCATE outbox, occurrences, reminders, users RESTART IDENTITY CASCADE")
            )
            await session.execute(
                text(
                    "INSERT INTO users (phone, locale, locale_locked, timezone, quiet_start,"
                    " quiet_end, opted_out, role, created_at) SELECT '+1514' || lpad(g::text, 7,"
                    " '0'), 'en', false, 'America/Toronto', '', '', false, 'user', now()"
                    f" FROM generate_series(1, {USERS}) g"
                )
            )
    finally:
        await services.close()


async def seed(url: str, count: int, *, start: datetime, per_second: float | None) -> None:
    """``count`` one-off reminders: all due at ``start``, or spread at ``per_second``."""
    step = 0.0 if per_second is None else 1.0 / per_second
    services = build(Settings(_env_file=None, database_url=url))
    try:
        async with services.db.transaction() as session:
            await session.execute(
                text(
                    "INSERT INTO reminders (user_id, text, first_at, timezone, state, always,"
                    " ack_required, created_at) SELECT 1 + (g % :users), 'task ' || g,"
                    " CAST(:start AS timestamptz)"
                    " + make_interval(secs => g * CAST(:step AS float8)),"
                    " 'America/Toronto', 'active', false, false, now()"
                    " FROM generate_series(0, :n - 1) g"
                ),
                {"users": USERS, "start": start, "step": step, "n": count},
            )
            await session.execute(
                text(
                    "INSERT INTO occurrences (reminder_id, user_id, scheduled_at, due_at, state,"
                    " is_snooze, follow_ups) SELECT id, user_id, first_at, first_at, 'pending',"
                    " false, 0 FROM reminders"
                )
            )
    finally:
        await services.close()


async def claim_until(url: str, *, idle_exit: bool, poll: float, deadline: float) -> None:
    """One worker: claim until nothing is due (``idle_exit``) or until ``deadline``."""
    services = build(Settings(_env_file=None, database_url=url))
    try:
        while time.time() < deadline:
            claimed = await fire_due(services.db, now=datetime.now(UTC), limit=BATCH)
            if claimed < BATCH:
                if idle_exit and claimed == 0:
                    return
                await asyncio.sleep(poll)
    finally:
        await services.close()


def run_workers(url: str, n: int, *, idle_exit: bool, poll: float, seconds: float) -> float:
    """Start ``n`` worker processes, wait for them, return the wall time."""
    began = time.perf_counter()
    args = [sys.executable, __file__, "--worker", url, str(int(idle_exit)), str(poll)]
    procs = [subprocess.Popen([*args, str(time.time() + seconds)]) for _ in range(n)]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - began


async def claimed_count(url: str) -> tuple[int, list[float]]:
    """Outbox rows written, and each one's lateness (outbox created - occurrence due)."""
    services = build(Settings(_env_file=None, database_url=url))
    try:
        async with services.db.sessions() as session:
            rows = await session.execute(
                text(
                    "SELECT extract(epoch FROM o.created_at - c.due_at) FROM outbox o"
                    " JOIN occurrences c ON c.id = o.occurrence_id"
                )
            )
            lateness = [float(v) for (v,) in rows.all()]
    finally:
        await services.close()
    return len(lateness), lateness


def throughput(url: str, count: int, workers: int) -> float:
    asyncio.run(reset(url))
    asyncio.run(seed(url, count, start=datetime.now(UTC) - timedelta(seconds=5), per_second=None))
    seconds = run_workers(url, workers, idle_exit=True, poll=0.05, seconds=600)
    done, _ = asyncio.run(claimed_count(url))
    assert done == count, (done, count)
    return seconds


def steady(url: str, rate: float, duration: float, poll: float) -> tuple[float, float]:
    asyncio.run(reset(url))
    start = datetime.now(UTC) + timedelta(seconds=2)
    asyncio.run(seed(url, int(rate * duration), start=start, per_second=rate))
    run_workers(url, 1, idle_exit=False, poll=poll, seconds=duration + 4)
    _, lateness = asyncio.run(claimed_count(url))
    cuts = statistics.quantiles(lateness, n=100)
    return cuts[49], cuts[98]


def main() -> None:
    quick = "--quick" in sys.argv
    name = f"nudge_bench_{uuid.uuid4().hex[:8]}"
    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    url = url_for(name)
    try:
        migrated = build(Settings(_env_file=None, database_url=url))
        asyncio.run(_migrate(migrated))
        n = 5_000 if quick else 20_000
        for workers in (1, 2):
            seconds = throughput(url, n, workers)
            print(f"claim throughput, {workers} worker(s): {n / seconds:,.0f} occurrences/s")
        for poll in (1.0, 0.2):
            p50, p99 = steady(url, 50, 10 if quick else 30, poll)
            print(
                f"lateness at 50/s (poll {poll}s): p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms"
            )
        big = 20_000 if quick else 100_000
        seconds = throughput(url, big, 2)
        print(f"{big:,} due in the same minute, 2 workers: all claimed in {seconds:.1f} s")
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _migrate(services: object) -> None:
    from nudge.bootstrap import Services

    assert isinstance(services, Services)
    try:
        await upgrade(services.db)
    finally:
        await services.db.dispose()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker_url, idle, poll_s, until = sys.argv[2:6]
        asyncio.run(
            claim_until(
                worker_url, idle_exit=idle == "1", poll=float(poll_s), deadline=float(until)
            )
        )
    else:
        main()
