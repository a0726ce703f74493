"""Per-call usage records (table and Prometheus) and the per-user daily token budget."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent.models.base import Usage
from nudge.observability.metrics import LLM_LATENCY, LLM_TOKENS
from nudge.store.tables import LlmUsage, User


def start_of_day(now: datetime, tz: str) -> datetime:
    """Local midnight of the user's current day, as an aware instant."""
    zone = ZoneInfo(tz)
    return datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)


def tokens_since(
    *, user_id: int | ColumnElement[int], since: datetime | ColumnElement[datetime]
) -> Select[int]:
    """The query of the tokens the user's agent turns used since ``since`` (covering index).

    Values or bound parameters (a statement built once).
    """
    total = func.coalesce(func.sum(LlmUsage.input_tokens + LlmUsage.output_tokens), 0)
    return select(total).where(LlmUsage.user_id == user_id, LlmUsage.created_at >= since)


async def tokens_today(session: AsyncSession, *, user_id: int, now: datetime, tz: str) -> int:
    """Tokens the user's agent turns used since local midnight."""
    result = await session.execute(tokens_since(user_id=user_id, since=start_of_day(now, tz)))
    return int(result.scalar_one())


def observe(provider: str, usage: Usage, seconds: float) -> None:
    """Prometheus only: one call's latency and tokens."""
    LLM_LATENCY.labels(provider=provider).observe(seconds)
    LLM_TOKENS.labels(provider=provider, direction="input").inc(usage.input_tokens)
    LLM_TOKENS.labels(provider=provider, direction="output").inc(usage.output_tokens)


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One model call of a turn, kept until the turn ends (written by its last transaction)."""

    usage: Usage
    seconds: float
    outcome: str


async def record(
    session: AsyncSession,
    *,
    user_id: int,
    provider: str,
    model: str,
    calls: Sequence[CallRecord],
    now: datetime,
) -> None:
    """Keep a turn's calls: Prometheus, and one multi-row insert into ``llm_usage``."""
    if not calls:
        return
    for call in calls:
        observe(provider, call.usage, call.seconds)
    rows = [
        {
            "user_id": user_id,
            "provider": provider,
            "model": model[:64],
            "input_tokens": call.usage.input_tokens,
            "output_tokens": call.usage.output_tokens,
            "latency_ms": round(call.seconds * 1000),
            "outcome": call.outcome,
            "created_at": now,
        }
        for call in calls
    ]
    await session.execute(insert(_USAGE), rows)  # Core executemany: no ORM bulk layer


_USAGE = cast("Table", LlmUsage.__table__)


async def report(session: AsyncSession, *, user_id: int) -> dict[str, int]:
    """All-time totals for one user: calls, input and output tokens, mean latency (ms)."""
    result = await session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(LlmUsage.input_tokens), 0),
            func.coalesce(func.sum(LlmUsage.output_tokens), 0),
            func.coalesce(func.avg(LlmUsage.latency_ms), 0),
        ).where(LlmUsage.user_id == user_id)
    )
    calls, tokens_in, tokens_out, latency = result.one()
    return {
        "calls": int(calls),
        "input_tokens": int(tokens_in),
        "output_tokens": int(tokens_out),
        "mean_latency_ms": round(float(latency)),
    }


MAX_REPORT_DAYS = 90


async def usage_by_day(
    session: AsyncSession, *, user_id: int, now: datetime, tz: str, days: int = 7
) -> list[dict[str, Any]]:
    """The user's model calls per local day, oldest first, the last ``days`` days to today.

    Each day: calls, input and output tokens, p50 and p95 latency in ms (None: no call).
    """
    days = max(1, min(MAX_REPORT_DAYS, days))
    today = start_of_day(now, tz)
    first = (today - timedelta(days=days - 1)).date()
    since = datetime.combine(first, time(0), tzinfo=ZoneInfo(tz))
    result = await session.execute(
        select(
            LlmUsage.created_at,
            LlmUsage.input_tokens,
            LlmUsage.output_tokens,
            LlmUsage.latency_ms,
        ).where(LlmUsage.user_id == user_id, LlmUsage.created_at >= since)
    )
    zone = ZoneInfo(tz)
    grouped: dict[date, list[tuple[int, int, int]]] = {}
    for created_at, tokens_in, tokens_out, latency in result:
        day = created_at.astimezone(zone).date()
        grouped.setdefault(day, []).append((tokens_in, tokens_out, latency))
    return [
        _day(first + timedelta(days=n), grouped.get(first + timedelta(days=n), []))
        for n in range(days)
    ]


def _day(day: date, calls: list[tuple[int, int, int]]) -> dict[str, Any]:
    latencies = sorted(latency for *_, latency in calls)
    return {
        "day": day.isoformat(),
        "calls": len(calls),
        "input_tokens": sum(tokens_in for tokens_in, _, _ in calls),
        "output_tokens": sum(tokens_out for _, tokens_out, _ in calls),
        "latency_p50_ms": _percentile(latencies, 0.50),
        "latency_p95_ms": _percentile(latencies, 0.95),
    }


def _percentile(ordered: list[int], fraction: float) -> int | None:
    """Nearest-rank percentile of sorted values (None when there are none)."""
    if not ordered:
        return None
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


async def usage_report(
    session: AsyncSession, *, user: User, now: datetime, days: int = 7
) -> dict[str, Any]:
    """The per-day usage of one person, as the API and ``nudge usage`` print it."""
    report = await usage_by_day(session, user_id=user.id, now=now, tz=user.timezone, days=days)
    return {"phone": user.phone, "timezone": user.timezone, "days": report}
