"""Database bytes per 10,000 people after a month of typical use, on PostgreSQL.

    PYTHONPATH=src:. .venv/bin/python bench/db_size.py [--users 100] [--per-day 3] [--days 30]

A throwaway PostgreSQL database is migrated, then ``--users`` people live ``--days`` days
through Nudge's own code on a moving clock: each texts ``--per-day`` messages a day at
waking hours, drawn from the load bench's English/French mix (reminders, repeats, list
items, agenda, done/snooze, chit-chat) and handled by the real conversation handler; the
scheduler and delivery passes run every 10 simulated minutes, so reminders fire, repeats
add occurrences and every SMS ends ``sent`` with a provider id, as in production. Then
``VACUUM ANALYZE`` and ``pg_total_relation_size`` (table, indexes, TOAST) per table. The
10,000-person figure scales the rows' bytes linearly from the run, over the bytes of the
same tables empty (measured first).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import asyncpg

from bench.load_kit.mix import EN, FR, WEIGHTS, phone
from bench.scheduler import ADMIN, admin, url_for
from nudge.bootstrap import build
from nudge.channels.base import Inbound, SendResult
from nudge.clock import FakeClock
from nudge.observability.logging import configure_logging
from nudge.settings import Settings
from nudge.store.migrate import upgrade

START = datetime(2026, 11, 2, 5, 0, tzinfo=UTC)  # a Monday, midnight in Toronto
STEP = timedelta(minutes=10)


class Accepting:
    """A provider that accepts every SMS (the bench measures storage, not delivery)."""

    async def send(self, *, to: str, body: str, outbox_id: int) -> SendResult:
        return SendResult(provider_sid=f"SM{uuid.uuid4().hex}", status="sent")


def month(users: int, per_day: int, days: int, seed: int) -> list[tuple[datetime, str, str]]:
    """(when, phone, body) for every message of the month, in time order."""
    chooser = random.Random(seed)
    languages = [EN if chooser.random() < 0.6 else FR for _ in range(users)]
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    zone = ZoneInfo("America/Toronto")
    texts = []
    for day in range(days):
        local_day = (START + timedelta(days=day)).astimezone(zone).date()
        for index in range(users):
            for _ in range(per_day):
                minute = chooser.randrange(8 * 60, 22 * 60)
                local = datetime(local_day.year, local_day.month, local_day.day, tzinfo=zone)
                when = (local + timedelta(minutes=minute)).astimezone(UTC)
                kind = chooser.choices(kinds, weights)[0]
                texts.append((when, phone(index), chooser.choice(languages[index][kind])))
    return sorted(texts)


async def sizes(dsn: str) -> dict[str, int]:
    """``pg_total_relation_size`` of every table of the public schema, after VACUUM ANALYZE."""
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute("VACUUM ANALYZE")
        rows = await connection.fetch(
            "SELECT c.relname, pg_total_relation_size(c.oid) AS bytes"
            " FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid"
            " WHERE c.relkind = 'r' AND c.relname <> 'alembic_version'"
        )
    finally:
        await connection.close()
    return {row["relname"]: int(row["bytes"]) for row in rows}


async def counts(dsn: str, tables: list[str]) -> dict[str, int]:
    connection = await asyncpg.connect(dsn)
    try:
        return {t: int(await connection.fetchval(f'SELECT count(*) FROM "{t}"')) for t in tables}
    finally:
        await connection.close()


async def live(name: str, users: int, per_day: int, days: int) -> None:
    clock = FakeClock(START)
    settings = Settings(database_url=url_for(name), log_level="WARNING")
    services = build(settings, clock=clock, sender=Accepting())
    await upgrade(services.db)
    texts = month(users, per_day, days, seed=3)
    end, position = START + timedelta(days=days), 0
    while clock.now() < end:
        horizon = clock.now() + STEP
        while position < len(texts) and texts[position][0] < horizon:
            when, sender, body = texts[position]
            clock.advance(seconds=max((when - clock.now()).total_seconds(), 0))
            sid = f"SM{uuid.uuid4().hex}"
            await services.handler.handle(Inbound(sender, body, sid, channel="twilio"))
            position += 1
        clock.advance(seconds=(horizon - clock.now()).total_seconds())
        await services.scheduler.run_once()
        while await services.delivery.run_once():
            pass
    await services.close()


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--users", type=int, default=100)
    options.add_argument("--per-day", type=int, default=3)
    options.add_argument("--days", type=int, default=30)
    arguments = options.parse_args()
    configure_logging(level="WARNING")
    name = f"nudge_size_{uuid.uuid4().hex[:8]}"
    dsn = f"{ADMIN.rsplit('/', 1)[0]}/{name}"
    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    try:
        asyncio.run(upgrade(build(Settings(database_url=url_for(name))).db))
        empty = asyncio.run(sizes(dsn))
        asyncio.run(live(name, arguments.users, arguments.per_day, arguments.days))
        full = asyncio.run(sizes(dsn))
        rows = asyncio.run(counts(dsn, sorted(full)))
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    scale = 10_000 / arguments.users
    print(
        f"{arguments.users} people, {arguments.per_day} SMS a day each for {arguments.days} days;"
        " bytes per table (pg_total_relation_size), and scaled to 10,000 people:"
    )
    print("| table | rows | bytes, run | rows per person | MB per 10,000 people |")
    print("| --- | ---: | ---: | ---: | ---: |")
    total = 0.0
    for table in sorted(full, key=lambda t: full[t] - empty.get(t, 0), reverse=True):
        scaled = empty.get(table, 0) + (full[table] - empty.get(table, 0)) * scale
        total += scaled
        per = rows[table] / arguments.users
        print(f"| {table} | {rows[table]:,} | {full[table]:,} | {per:.1f} | {scaled / 1e6:,.1f} |")
    print(
        f"| **all** | {sum(rows.values()):,} | {sum(full.values()):,} | | **{total / 1e6:,.0f}** |"
    )


if __name__ == "__main__":
    main()
