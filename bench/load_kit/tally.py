"""What a load run did: answers, latencies, rows stored, replies at the fake Twilio, duplicates.

Replies are matched to requests exactly, not by phone or body: the fake records the
``StatusCallback`` URL of every SMS it accepted, which carries the outbox row's id, and the
row's idempotency key is ``reply:<MessageSid>`` of the webhook it answers.
"""

from __future__ import annotations

import asyncio
import collections
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import text

from nudge.store.db import create_engine


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of ``values`` (0 when empty)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def spread_ms(values: list[float]) -> str:
    """``p50 / p95 / p99`` of seconds, in milliseconds."""
    return " / ".join(f"{percentile(values, q) * 1000:,.0f}" for q in (0.5, 0.95, 0.99))


@dataclass
class Sent:
    """The generator's results file, by MessageSid."""

    due: dict[str, float]
    end: dict[str, float]
    status: dict[str, int]
    errors: dict[str, int]
    elapsed: float
    cpu_seconds: float
    planned: int
    first_start: float
    last_end: float

    @classmethod
    def read(cls, path: Path) -> Sent:
        raw = json.loads(path.read_text(encoding="utf-8"))
        sids = raw["sid"]
        return cls(
            due=dict(zip(sids, raw["due"], strict=True)),
            end=dict(zip(sids, raw["end"], strict=True)),
            status=dict(zip(sids, raw["status"], strict=True)),
            errors=raw["errors"],
            elapsed=raw["elapsed"],
            cpu_seconds=raw["cpu_seconds"],
            planned=raw["planned"],
            first_start=min(raw["start"], default=0.0),
            last_end=max(raw["end"], default=0.0),
        )

    @property
    def accepted(self) -> set[str]:
        return {sid for sid, status in self.status.items() if status == 200}

    @property
    def statuses(self) -> dict[int, int]:
        return dict(sorted(collections.Counter(self.status.values()).items()))

    @property
    def throughput(self) -> float:
        """Answered with 200 per second, first request out to last answer in."""
        span = self.last_end - self.first_start
        return len(self.accepted) / span if span > 0 else 0.0

    @property
    def webhook_latencies(self) -> list[float]:
        """Seconds from each 200's due time to its answer."""
        return [self.end[sid] - self.due[sid] for sid in self.accepted]


@dataclass
class Stored:
    """What the database holds after the run."""

    inbound: set[str]  # handled (messages) or still waiting for a worker (inbox)
    inbound_rows: int
    reply_key: dict[int, str]  # outbox id -> MessageSid it answers
    outbox_status: dict[str, int]
    waiting: int = 0  # inbox rows never handled


async def _stored(db_url: str) -> Stored:
    engine = create_engine(db_url)
    try:
        async with engine.connect() as connection:
            inbound = (
                await connection.execute(
                    text("SELECT provider_sid FROM messages WHERE direction = 'in'")
                )
            ).scalars()
            sids = list(inbound)
            waiting = set((await connection.execute(text(INBOX_SIDS))).scalars()) - set(sids)
            outbox = (
                await connection.execute(text("SELECT id, idempotency_key, status FROM outbox"))
            ).all()
    finally:
        await engine.dispose()
    reply_key = {
        int(row.id): row.idempotency_key.removeprefix("reply:")
        for row in outbox
        if row.idempotency_key.startswith("reply:")
    }
    status = collections.Counter(str(row.status) for row in outbox)
    rows = len(sids) + len(waiting)
    return Stored(set(sids) | waiting, rows, reply_key, dict(status), len(waiting))


INBOX_SIDS = "SELECT provider_sid FROM inbox"
STORED_COUNT = (
    "SELECT (SELECT count(*) FROM messages WHERE direction = 'in') + (SELECT count(*) FROM inbox)"
)
"""Every inbound text stored: handled (``messages``) or waiting for a worker (``inbox``)."""


def stored(db_url: str) -> Stored:
    """Read the inbound messages and the outbox of a finished run."""
    return asyncio.run(_stored(db_url))


async def _count(db_url: str, sql: str) -> int:
    engine = create_engine(db_url)
    try:
        async with engine.connect() as connection:
            return int((await connection.execute(text(sql))).scalar_one())
    finally:
        await engine.dispose()


def count(db_url: str, sql: str) -> int:
    """One ``SELECT count(*)`` on the run's database."""
    return asyncio.run(_count(db_url, sql))


def outbox_id(message: dict[str, Any]) -> int | None:
    """The outbox row a fake-Twilio message was sent for (from its StatusCallback URL)."""
    url = message.get("status_callback") or ""
    values = parse_qs(urlsplit(url).query).get("outbox_id")
    return int(values[0]) if values else None


@dataclass
class Replies:
    """Replies the fake received, matched to the webhooks they answer."""

    arrived: dict[str, float] = field(default_factory=dict)  # MessageSid -> first arrival
    duplicates: int = 0
    other: int = 0  # SMS that are not replies (reminders firing)

    @classmethod
    def match(cls, messages: list[dict[str, Any]], reply_key: dict[int, str]) -> Replies:
        replies = cls()
        seen: collections.Counter[int] = collections.Counter()
        for message in messages:
            row = outbox_id(message)
            if row is None or row not in reply_key:
                replies.other += 1
                continue
            seen[row] += 1
            sid = reply_key[row]
            replies.arrived.setdefault(sid, message["received_at"])
        replies.duplicates = sum(times - 1 for times in seen.values() if times > 1)
        return replies

    def end_to_end(self, sent: Sent) -> list[float]:
        """Seconds from each webhook's due time to its reply at the fake."""
        return [at - sent.due[sid] for sid, at in self.arrived.items() if sid in sent.due]
