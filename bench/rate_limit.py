"""What the per-phone rate limit costs a message, and what a limited message costs.

    PYTHONPATH=. .venv/bin/python bench/rate_limit.py [--sqlite] [--messages 1500]

Through the real ``ConversationHandler`` (no HTTP), on a throwaway PostgreSQL database on
``NUDGE_TEST_POSTGRES_DSN`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``) or a
temporary SQLite file. Two measures, each against its peer in the same run:

- **Overhead:** ``--messages`` texts from 100 phones, each phone texting every 50 s of a fake
  clock (never limited, so the counts run but hold nothing), with the limits on and with
  them off, in alternating rounds: mean ms per message and the ratio on/off.
- **A flood:** one phone sends ``--messages`` texts at once (the clock frozen): mean ms per
  message past the limit (stored, no rules, silent) over a message read as usual.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import asyncpg

from nudge.bootstrap import Services, build
from nudge.channels.base import Inbound
from nudge.clock import FakeClock
from nudge.settings import Settings
from nudge.store.migrate import upgrade

ADMIN = os.environ.get("NUDGE_TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
START = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
MIX = ("list", "add milk", "remind me to call mom in 20 min", "done", "what's on today")
PHONES = 100
OFF = {"rate_limit_per_minute": 0, "rate_limit_per_hour": 0, "rate_limit_per_day": 0}


async def _admin(sql: str) -> None:
    connection = await asyncpg.connect(ADMIN)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def _services(url: str, clock: FakeClock, **limits: int) -> Services:
    settings = Settings(_env_file=None, database_url=url, log_level="WARNING", **limits)  # type: ignore[arg-type]
    return build(settings, clock=clock)


async def _send(services: Services, clock: FakeClock, bodies: Sequence[tuple[str, str]]) -> float:
    """Handle each (phone, body) in turn, the clock moving 0.5 s apiece; mean ms a message."""
    began = time.perf_counter()
    for phone, body in bodies:
        await services.handler.handle(Inbound(phone, body, f"SM{uuid.uuid4().hex}", "simulator"))
        clock.advance(seconds=0.5)
    return (time.perf_counter() - began) * 1000 / len(bodies)


async def overhead(url: str, messages: int, rounds: int) -> tuple[float, float]:
    """Mean ms per message with the limits on and off, alternating rounds (medians)."""
    clock = FakeClock(START)
    on_runs: list[float] = []
    off_runs: list[float] = []
    for round_ in range(rounds):
        for label, limits in (("on", {}), ("off", OFF)):
            services = _services(url, clock, **limits)
            try:
                base = (round_ * 2 + (label == "off")) * PHONES
                bodies = [
                    (f"+1514{base + n % PHONES:07d}", MIX[(n // PHONES) % len(MIX)])
                    for n in range(messages)
                ]
                (on_runs if label == "on" else off_runs).append(
                    await _send(services, clock, bodies)
                )
            finally:
                await services.close()
    return statistics.median(on_runs), statistics.median(off_runs)


async def flood(url: str, messages: int) -> tuple[float, float]:
    """Mean ms per message read as usual (the first 20 but the very first) and past the limit."""
    clock = FakeClock(START + timedelta(days=30))
    services = _services(url, clock)
    try:
        phone = "+15149999999"
        times: list[float] = []
        for n in range(messages):
            began = time.perf_counter()
            inbound = Inbound(phone, f"{MIX[n % len(MIX)]} {n}", f"SM{uuid.uuid4().hex}", "cli")
            await services.handler.handle(inbound)
            times.append((time.perf_counter() - began) * 1000)
        limit = services.settings.rate_limit_per_minute
        return statistics.mean(times[1:limit]), statistics.mean(times[limit:])
    finally:
        await services.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="the embedded SQLite file")
    parser.add_argument("--messages", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    name = f"nudge_bench_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as folder:
        if args.sqlite:
            url = f"sqlite+aiosqlite:///{folder}/bench.db"
        else:
            await _admin(f'CREATE DATABASE "{name}"')
            base = ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
            url = f"{base}/{name}"
        try:
            migrating = _services(url, FakeClock(START))
            await upgrade(migrating.db)
            await migrating.close()
            on, off = await overhead(url, args.messages, args.rounds)
            read, held = await flood(url, args.messages)
        finally:
            if not args.sqlite:
                await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    store = "SQLite" if args.sqlite else "PostgreSQL"
    print(f"{store}: {args.messages} messages, {PHONES} phones, {args.rounds} rounds (medians)")
    print(f"  limits on  {on:6.2f} ms/message")
    print(f"  limits off {off:6.2f} ms/message   on/off = {on / off:.3f}")
    print(
        f"  flood: read {read:6.2f} ms, limited {held:6.2f} ms   limited/read = {held / read:.3f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
