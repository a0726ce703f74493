"""What the per-phone rate limit costs a message, and what a limited message costs.

    PYTHONPATH=. .venv/bin/python bench/rate_limit.py [--sqlite] [--messages 1500]

Through the real ``ConversationHandler`` (no HTTP), on a throwaway PostgreSQL database on
``NUDGE_TEST_POSTGRES_DSN`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``) or a
temporary SQLite file. Two measures, each against its peer in the same run:

- **Overhead:** ``--messages`` texts from 100 phones, each phone texting every 50 s of a fake
  clock (never limited, so the counts run but hold nothing), with the limits on and with
  them off, in alternating rounds: mean ms per message and the ratio on/off.
- **The check alone:** the one statement ``assess`` runs, timed in an open transaction for a
  phone with 19 messages in its minute, against ``SELECT 1`` (one bare round trip).
- **A flood:** one phone sends ``--messages`` texts at once (the clock frozen), each
  followed by a text from one of 100 phones under the limit: median ms of a message past the
  limit (stored, no rules, silent) over one read as usual.
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
from sqlalchemy import text

from nudge.bootstrap import Services, build
from nudge.channels.base import Inbound
from nudge.clock import FakeClock
from nudge.conversation import rate_limit
from nudge.conversation import state as dialogue
from nudge.observability.logging import configure_logging
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
    """Median ms of a message past the limit and of one read as usual, interleaved.

    The clock is frozen: one phone floods (held after its first 20), and between two of its
    texts one of 100 other phones texts (15 each at most: never held).
    """
    clock = FakeClock(START + timedelta(days=30))
    services = _services(url, clock)
    try:
        flooder = "+15149999999"
        for n in range(25):  # over the minute's limit from here on
            await services.handler.handle(_cli(flooder, f"add thing {n}"))
        held: list[float] = []
        read: list[float] = []
        for n in range(messages):
            for phone, body, times in (
                (flooder, f"add thing {n + 25}", held),
                (f"+1513{n % PHONES:07d}", MIX[(n // PHONES) % len(MIX)], read),
            ):
                began = time.perf_counter()
                await services.handler.handle(_cli(phone, body))
                times.append((time.perf_counter() - began) * 1000)
        return statistics.median(held), statistics.median(read)
    finally:
        await services.close()


def _cli(phone: str, body: str) -> Inbound:
    return Inbound(phone, body, f"SM{uuid.uuid4().hex}", "cli")


async def check_alone(url: str, calls: int = 2000) -> tuple[float, float]:
    """Mean ms of the limit's statement and of ``SELECT 1``, interleaved in one transaction."""
    clock = FakeClock(START + timedelta(days=60))
    services = _services(url, clock)
    try:
        phone = "+15148888888"
        for n in range(19):
            await services.handler.handle(_cli(phone, f"add item {n}"))
        limits = rate_limit.Limits.of(services.settings)
        inbound = Inbound(phone, "add one more", "SMnotstored", "cli")
        checked: list[float] = []
        floor: list[float] = []
        async with services.db.transaction() as session:
            found = await dialogue.load_by_phone(session, phone=phone)
            assert found is not None
            user, state = found
            for _ in range(calls):
                began = time.perf_counter()
                held = await rate_limit.assess(
                    session, user, state, inbound, now=clock.now(), limits=limits
                )
                checked.append(time.perf_counter() - began)
                assert held is None
                began = time.perf_counter()
                await session.execute(text("SELECT 1"))
                floor.append(time.perf_counter() - began)
        return statistics.median(checked) * 1000, statistics.median(floor) * 1000
    finally:
        await services.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="the embedded SQLite file")
    parser.add_argument("--messages", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    configure_logging(level="WARNING", json=True)  # as in production, minus the info lines
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
            held, read = await flood(url, args.messages)
            check, select_1 = await check_alone(url)
        finally:
            if not args.sqlite:
                await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    store = "SQLite" if args.sqlite else "PostgreSQL"
    print(f"{store}: {args.messages} messages, {PHONES} phones, {args.rounds} rounds (medians)")
    print(f"  limits on  {on:6.2f} ms/message")
    print(f"  limits off {off:6.2f} ms/message   on/off = {on / off:.3f}")
    print(f"  check alone {check:.3f} ms, SELECT 1 {select_1:.3f} ms: {check / select_1:.2f}x")
    print(f"  flood: limited {held:.2f} ms, read {read:.2f} ms: limited/read {held / read:.3f}")


if __name__ == "__main__":
    asyncio.run(main())
